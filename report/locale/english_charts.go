package locale

func enCharts() map[string]string {
	return map[string]string{
		"chart.events":           "Events",
		"chart.events_per_week":  "Events per week",
		"chart.events_per_month": "Events per month",
		"chart.previous_period":  "Previous period (%s)",
		"chart.no_events":        "No events in this period",
		"chart.week_of":          "week of %s",
		"chart.previous_none":    "Previous period (%s): no events",
		"chart.other_corridors":  "Other corridors (%d)",
		"chart.map_events":       "Events at a place (area shows the number)",
		"chart.map_corridor":     "Trade corridor",
		"chart.map_corridor_hit": "Corridor hit in the period",
		"chart.map_place":        "Place",
		"chart.km":               "%s km",
	}
}
