package locale

func english() *Catalog {
	return &Catalog{
		lang: "en",
		months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		monthsShort: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
			"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		decimal:         ".",
		thousands:       ",",
		percent:         "",
		dateFormat:      "%d %m %y",
		monthYearFormat: "%m %y",
		shortFormat:     "%d %m",
		messages: merge(
			enCharts(),
			enAnnex(),
			enLetter(),
			map[string]string{
				"event_type.battles":                    "Battles",
				"event_type.explosions_remote_violence": "Explosions/Remote violence",
				"event_type.violence_against_civilians": "Violence against civilians",
				"event_type.protests":                   "Protests",
				"event_type.riots":                      "Riots",
				"event_type.strategic_developments":     "Strategic developments",

				"target.military":        "Military",
				"target.state":           "State",
				"target.transport":       "Transport",
				"target.fuel":            "Fuel",
				"target.infrastructure":  "Infrastructure",
				"target.mining":          "Mining",
				"target.foreign-company": "Foreign companies",
				"target.civilians":       "Civilians",
				"target.religious":       "Religious",
				"target.trade":           "Trade",

				"precision.1": "day",
				"precision.2": "week",
				"precision.3": "month",

				"not_reported":  "not reported",
				"no_date":       "n.d.",
				"citation_date": "%[1]d, %[2]s %[3]s",
			},
		),
	}
}
