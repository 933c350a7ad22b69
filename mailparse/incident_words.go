package mailparse

import "time"

// The words of dates in the four languages, folded (classify.Fold: lower
// case, accents dropped, "März" is "marz"). incident.go builds its
// patterns from these tables only: a new spelling is one entry here.

// monthWords maps month names and their usual abbreviations to months.
// The abbreviations are read only right after a day number.
var monthWords = map[string]time.Month{
	// fr
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	// nl
	"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
	"augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
	// de
	"januar": 1, "janner": 1, "februar": 2, "marz": 3, "maerz": 3, "august": 8, "dezember": 12,
	// en
	"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
	"october": 10,
}

// monthAbbrevs are read after a day number only ("3 janv.", "9 feb",
// "7 mrt"): alone, "mar" or "dec" are other words.
var monthAbbrevs = map[string]time.Month{
	"jan": 1, "janv": 1, "feb": 2, "fev": 2, "fevr": 2, "febr": 2, "mar": 3, "mrt": 3, "apr": 4, "avr": 4,
	"jun": 6, "jul": 7, "juil": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}

// monthFirstWords are the month names written before the day ("March 2,
// 2021"): English only, where that order is usual.
var monthFirstWords = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthOnlyLead are the words that make a month name alone a date ("en
// janvier", "eind december", "Anfang März", "in February", "mi-janvier",
// "l'incident de janvier"; "d'avril" is built in).
var monthOnlyLead = []string{
	"de", "van", "vom", "of",
	"en", "debut", "fin", "mi", "courant", "depuis", "pendant", "durant", "au mois de", "en date de",
	"in", "begin", "eind", "half", "midden", "sinds", "tijdens", "in de maand",
	"im", "anfang", "ende", "mitte", "seit", "wahrend", "im laufe des",
	"early", "late", "mid", "end of", "since", "during", "in early", "in late", "in mid",
}

// dayRangeJoin joins the first day of a range to the second ("du 18 au
// 20 janvier", "10 tot en met 13 januari", "vom 1. bis 4. März", "the
// night of 10 to 11 January", "9-10 januari"): the first day takes the
// month written after the second.
var dayRangeJoin = []string{"-", "au", "a", "et", "tot en met", "tot", "op", "en", "bis", "und", "auf", "to", "and", "till", "until", "through"}

// weekdayWords names the days of the week in the four languages.
var weekdayWords = map[string]time.Weekday{
	"lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday, "jeudi": time.Thursday,
	"vendredi": time.Friday, "samedi": time.Saturday, "dimanche": time.Sunday,
	"maandag": time.Monday, "dinsdag": time.Tuesday, "woensdag": time.Wednesday, "donderdag": time.Thursday,
	"vrijdag": time.Friday, "zaterdag": time.Saturday, "zondag": time.Sunday,
	"montag": time.Monday, "dienstag": time.Tuesday, "mittwoch": time.Wednesday, "donnerstag": time.Thursday,
	"freitag": time.Friday, "samstag": time.Saturday, "sonntag": time.Sunday,
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// relativeDays are phrases for a day counted back from the message's
// date, per language: "hier" is "yesterday" in French and "here" in Dutch
// and German. "Today" is left out: "aujourd'hui, le SIL fonctionne" says
// nothing of when the attack began.
var relativeDays = map[string]map[string]int{
	"fr": {"avant-hier": -2, "avant hier": -2, "hier": -1, "cette nuit": -1, "la nuit derniere": -1, "ce matin": 0},
	"nl": {"eergisteren": -2, "gisteren": -1, "gisteravond": -1, "gisterenavond": -1, "gisternacht": -1,
		"vannacht": -1, "afgelopen nacht": -1, "vanochtend": 0, "vanmorgen": 0},
	"de": {"vorgestern": -2, "gestern": -1, "gestern abend": -1, "letzte nacht": -1, "heute nacht": -1,
		"heute morgen": 0, "heute fruh": 0},
	"en": {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "this morning": 0},
}

// lastWeekday are the patterns of "last <weekday>" per language, WD
// standing for the weekday: the most recent such day before the message.
// prevWeekWeekday are those of "<weekday> of last week": that day in the
// calendar week before the message's.
var lastWeekday = map[string][]string{
	"fr": {"WD dernier", "dernier WD"},
	"nl": {"vorige WD", "afgelopen WD", "voorbije WD", "laatste WD", "WD jongstleden", "WD jl", "WD ll", "WD laatstleden"},
	"de": {"letzten WD", "vergangenen WD", "letzter WD", "vergangener WD", "am letzten WD", "am vergangenen WD"},
	"en": {"last WD", "this past WD", "past WD"},
}

var prevWeekWeekday = map[string][]string{
	"fr": {"WD de la semaine derniere", "WD de la semaine passee", "la semaine derniere, WD", "la semaine derniere WD", "la semaine passee, WD", "WD la semaine derniere"},
	"nl": {"vorige week WD", "WD vorige week", "afgelopen week WD", "vorige week op WD"},
	"de": {"letzte woche WD", "letzte woche am WD", "WD letzter woche", "WD der letzten woche", "vergangene woche WD", "vergangene woche am WD"},
	"en": {"last week WD", "last week on WD", "WD last week", "WD of last week", "on WD last week"},
}

// letterDate is the date of the letter Sciensano-AC-2021-04 (15/02/2021),
// which replies cite in every form ("your letter ref. ... of 15 February
// 2021"): never the date of an attack.
var letterDate = time.Date(2021, 2, 15, 0, 0, 0, 0, time.UTC)

// notIncidentDate are the words (or starts of words; "*" also inside a
// German compound) that, just before a date, make it the
// date of something else than the attack (CONTRACT.md): the letter and
// earlier replies, backups, quality records and complaints filed,
// results of a period, training and planned steps.
var notIncidentDate = []string{
	// the letter, earlier replies
	"courrier du", "courrier date", "lettre du", "lettre date", "brief van", "brief vom", "schreiben vom",
	"letter of", "letter dated", "letter from",
	"reponse du", "antwoord van", "antwort vom", "reply of", "answer of", "mail du", "mail van", "mail vom", "mail of",
	"melding van", "meldung vom", "notification du", "signalement du", "notification of", "first report of",
	// backups
	"sauvegarde", "*backup", "back-up", "back up", "tapes", "*sicherung", "copie", "kopie",
	// quality records, complaints
	"enregistr", "ouverte", "plainte", "geregistreerd", "aangemaakt", "klacht", "registriert", "erfasst", "anzeige",
	"registered", "logged", "complaint", "capa", "nc ",
	// results of a period, re-entered (with their preposition: "the results
	// portal (...) on 24 February" is the attack)
	"resultats du", "resultats des", "resultats de", "resultaten van", "*befunde vom", "*befunde von", "*ergebnisse vom",
	"*ergebnisse von", "results of", "results from",
	// someone leaving the organisation (whose account was abused later)
	" partie ", " parti ", " quitte", " left ", "vertrokken", "uit dienst", "ausgeschieden", "verlassen",
	// training, plans
	"formation", "opleiding", "schulung", "training", "gepland", "prevu", "planned", "geplant", "audit",
}
