package locale

// frLetter holds the words of the PDF letter. French typography: a narrow
// no-break space (U+202F) before ; : ! ? and guillemets « ».
func frLetter() map[string]string {
	return map[string]string{
		"page_n_of_m":  "page %d sur %d",
		"cover.period": "Événements du %s",

		"events.one":      "%s événement",
		"events.other":    "%s événements",
		"sources.one":     "%s source",
		"sources.other":   "%s sources",
		"corridors.one":   "%s corridor",
		"corridors.other": "%s corridors",

		"keyfig.title":        "Chiffres clés",
		"keyfig.subtitle":     "%s, comparé à %s",
		"keyfig.events":       "Événements recensés",
		"keyfig.corridors":    "Corridors commerciaux touchés",
		"keyfig.kidnapped":    "Personnes enlevées",
		"keyfig.vehicles":     "Véhicules détruits",
		"keyfig.fatalities":   "Décès rapportés",
		"keyfig.sources":      "Sources citées",
		"keyfig.change":       "%s sur la période précédente (%s)",
		"keyfig.new":          "Nouveau\u202f: aucun sur la période précédente",
		"keyfig.reported_in":  "communiqué pour %d événements sur %d",
		"keyfig.corridors_of": "sur %d dans les données",
		"keyfig.sources_of":   "citées par les événements de la période",
		"keyfig.points":       "Points clés",

		"notes.title": "Notes",

		"figure.caption":         "Figure %d.",
		"figure.frequency.week":  "Événements par semaine, par type d’événement",
		"figure.frequency.month": "Événements par mois, par type d’événement",
		"figure.corridors":       "Événements par corridor commercial touché, par type d’événement",
		"figure.targets":         "Événements par cible",
		"figure.map":             "Localités, corridors commerciaux et événements",
		"figure.source":          "Source\u202f: données de l’observatoire, %s, %s\u202f; %s.",

		"chronology.title":     "Chronologie des événements",
		"chronology.intro":     "Tous les événements de la période dans le périmètre de la lettre, par date. Les sources sont détaillées à la fin de la lettre.",
		"chronology.date":      "Date",
		"chronology.place":     "Lieu",
		"chronology.type":      "Type",
		"chronology.corridors": "Corridors",
		"chronology.summary":   "Résumé",
		"chronology.sources":   "Sources",
		"chronology.week":      "semaine du %s",
		"chronology.empty":     "Aucun événement du périmètre de la lettre ne tombe dans sa période.",

		"sources.title": "Sources citées",
		"sources.intro": "Toutes les sources citées par la lettre, dans ses notes ou dans sa chronologie.",

		"method.title":            "Méthodologie et données",
		"method.coding":           "Chaque événement est codé selon les types et sous-types d’événements d’ACLED (Armed Conflict Location & Event Data), la base de référence du domaine, et situé en un lieu nommé, avec ses coordonnées. Les décès, enlèvements et véhicules détruits ne sont enregistrés que lorsqu’une source les donne\u202f: lorsqu’aucun événement de la période ne rapporte un chiffre, la lettre indique «\u202fnon communiqué\u202f», jamais zéro.",
		"method.period":           "La lettre couvre la période du %s et la compare à celle du %s, la période précédente de même durée. Un événement appartient à une période dès que l’un de ses jours y tombe. Les événements connus seulement à la semaine ou au mois sont datés d’un jour représentatif, comme le fait ACLED.",
		"method.sources":          "Chaque événement cite au moins une source. L’annexe Excel jointe à cette lettre détaille chaque événement avec son codage, ses sources et leurs liens, pour les analyses des partenaires.",
		"method.by_type":          "Événements par type",
		"method.this_period":      "Cette période",
		"method.previous_period":  "Période précédente",
		"method.total":            "Total",
		"method.facts":            "Les données",
		"method.fact.period":      "Période",
		"method.fact.previous":    "Période de comparaison",
		"method.fact.events":      "Événements",
		"method.fact.sources":     "Sources citées",
		"method.fact.cutoff":      "Date limite des données (dernier événement)",
		"method.fact.fingerprint": "Empreinte des données (SHA-256)",
		"method.fact.generator":   "Produit avec",
		"method.fact.annex":       "Annexe",
		"method.no_cutoff":        "aucun événement",

		"back.tel":        "Tél.",
		"back.mobile":     "Mobile",
		"back.email":      "Courriel",
		"back.copyright":  "© %s, %s",
		"back.cite_title": "Comment citer cette lettre",
		"back.cite":       "%s (%d). %s. %s, %s.",
	}
}
