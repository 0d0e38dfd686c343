package locale

// french follows French typography: a narrow no-break space (U+202F)
// groups thousands and precedes "%", month names are lower case.
func french() *Catalog {
	return &Catalog{
		lang: "fr",
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin",
			"juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		monthsShort: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin",
			"juil.", "août", "sept.", "oct.", "nov.", "déc."},
		decimal:         ",",
		thousands:       "\u202f",
		percent:         "\u202f",
		dateFormat:      "%d %m %y",
		monthYearFormat: "%m %y",
		shortFormat:     "%d %m",
		messages: merge(
			frCharts(),
			frAnnex(),
			frLetter(),
			map[string]string{
				"event_type.battles":                    "Combats",
				"event_type.explosions_remote_violence": "Explosions/Violence à distance",
				"event_type.violence_against_civilians": "Violence contre les civils",
				"event_type.protests":                   "Manifestations",
				"event_type.riots":                      "Émeutes",
				"event_type.strategic_developments":     "Développements stratégiques",

				"target.military":        "Militaires",
				"target.state":           "État",
				"target.transport":       "Transport",
				"target.fuel":            "Carburant",
				"target.infrastructure":  "Infrastructures",
				"target.mining":          "Mines",
				"target.foreign-company": "Entreprises étrangères",
				"target.civilians":       "Civils",
				"target.religious":       "Religieux",
				"target.trade":           "Commerce",

				"precision.1": "jour",
				"precision.2": "semaine",
				"precision.3": "mois",

				"not_reported":  "non communiqué",
				"no_date":       "s.d.",
				"citation_date": "%[1]d, %[3]s %[2]s",
			},
		),
	}
}
