package locale

func enCharts() map[string]string {
	return map[string]string{
		"chart.events":            "Events",
		"chart.events_per_week":   "Events per week",
		"chart.events_per_month":  "Events per month",
		"chart.previous_period":   "Previous period (%s)",
		"chart.no_events":         "No events in this period",
		"chart.week_of":           "week of %s",
		"chart.previous_none":     "Previous period (%s): no events",
		"chart.other_corridors":   "Other corridors (%d)",
		"chart.map_corridor":      "Trade corridor",
		"chart.map_corridor_hit":  "Corridor hit by political violence",
		"chart.map_place":         "Place",
		"chart.km":                "%s km",
		"chart.map_capital":       "National capital",
		"chart.map_border":        "Country border",
		"chart.map_region_border": "Region border",
		"chart.map_sizes":         "Events at a place",
		"chart.map_credit":        "Map data: Natural Earth",

		// Frequency: coverage, cutoff and strategic developments apart.
		"chart.previous_not_covered":    "Previous period (%s): not covered by the dataset, no comparison",
		"chart.previous_none_stacked":   "Previous period (%s): no political violence or demonstrations",
		"chart.not_covered":             "not covered",
		"chart.legend_not_covered":      "Not covered by the dataset",
		"chart.legend_not_covered_note": "Not covered by the dataset (%s)",
		"chart.outside_coverage.one":    "%s event recorded outside coverage",
		"chart.outside_coverage.other":  "%s events recorded outside coverage",
		"chart.days.one":                "%s day",
		"chart.days.other":              "%s days",
		"chart.data_to":                 "data to %s",
		"chart.strategic_apart":         "Strategic developments, shown apart (not in the columns)",

		// Corridors: hits by political violence, other events beside.
		"chart.corridor_axis":           "Events per corridor: hits by political violence (bars), other events naming it (thin bars)",
		"chart.corridor_strategic":      "Strategic developments naming the corridor (not hits)",
		"chart.corridor_demonstrations": "Demonstrations without violence naming the corridor (not hits)",

		// Map: one symbol per kind of event.
		"chart.map_violence":       "Political violence (area shows the number of events)",
		"chart.map_approximate":    "Dashed ring: all political violence there, some located only near the place or in its region",
		"chart.map_strategic":      "Strategic developments",
		"chart.map_demonstrations": "Demonstrations without violence",
	}
}
