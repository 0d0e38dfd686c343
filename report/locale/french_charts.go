package locale

func frCharts() map[string]string {
	return map[string]string{
		"chart.events":           "Événements",
		"chart.events_per_week":  "Événements par semaine",
		"chart.events_per_month": "Événements par mois",
		"chart.previous_period":  "Période précédente (%s)",
		"chart.no_events":        "Aucun événement sur la période",
		"chart.week_of":          "semaine du %s",
		"chart.previous_none":    "Période précédente (%s)\u202f: aucun événement",
		"chart.other_corridors":  "Autres corridors (%d)",
		"chart.map_events":       "Événements en un lieu (surface proportionnelle au nombre)",
		"chart.map_corridor":     "Corridor commercial",
		"chart.map_corridor_hit": "Corridor touché sur la période",
		"chart.map_place":        "Localité",
		"chart.km":               "%s km",
	}
}
