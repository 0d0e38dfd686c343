package locale

func frCharts() map[string]string {
	return map[string]string{
		"chart.events":            "Événements",
		"chart.events_per_week":   "Événements par semaine",
		"chart.events_per_month":  "Événements par mois",
		"chart.previous_period":   "Période précédente (%s)",
		"chart.no_events":         "Aucun événement sur la période",
		"chart.week_of":           "semaine du %s",
		"chart.previous_none":     "Période précédente (%s)\u00a0: aucun événement",
		"chart.other_corridors":   "Autres corridors (%d)",
		"chart.map_corridor":      "Corridor commercial",
		"chart.map_corridor_hit":  "Corridor frappé par la violence politique",
		"chart.map_place":         "Localité",
		"chart.km":                "%s\u202fkm",
		"chart.map_capital":       "Capitale",
		"chart.map_border":        "Frontière",
		"chart.map_region_border": "Limite de région",
		"chart.map_sizes":         "Événements en un lieu",
		"chart.map_credit":        "Fond de carte\u00a0: Natural Earth",

		"chart.previous_not_covered":    "Période précédente (%s)\u00a0: non couverte par les données, pas de comparaison",
		"chart.previous_none_stacked":   "Période précédente (%s)\u00a0: ni violence politique ni manifestation",
		"chart.not_covered":             "non couvert",
		"chart.legend_not_covered":      "Non couvert par les données",
		"chart.legend_not_covered_note": "Non couvert par les données (%s)",
		"chart.outside_coverage.one":    "%s événement relevé hors couverture",
		"chart.outside_coverage.other":  "%s événements relevés hors couverture",
		"chart.days.one":                "%s jour",
		"chart.days.other":              "%s jours",
		"chart.data_to":                 "données arrêtées au %s",
		"chart.strategic_apart":         "Développements stratégiques, à part (hors des colonnes)",

		"chart.corridor_axis":           "Événements par corridor\u00a0: frappes de la violence politique (barres), autres événements le visant (traits)",
		"chart.corridor_strategic":      "Développements stratégiques visant le corridor (pas des frappes)",
		"chart.corridor_demonstrations": "Manifestations sans violence visant le corridor (pas des frappes)",

		"chart.map_violence":       "Violence politique (surface proportionnelle au nombre d’événements)",
		"chart.map_approximate":    "Cercle en tirets\u00a0: toute la violence politique du lieu, en partie située seulement près de lui ou dans sa région",
		"chart.map_strategic":      "Développements stratégiques",
		"chart.map_demonstrations": "Manifestations sans violence",
	}
}
