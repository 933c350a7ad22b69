package classify

// Placeholder implementations; the classify owner replaces this file.

// Language returns the ISO 639-1 code (fr, nl, de, en) of text, or "" when
// the text is too short or in none of those languages.
func Language(text string) string { return "" }

// Tag returns the taxonomy labels for a report's answers.
func Tag(a Answers) Tags {
	return Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}}
}

// Downtime returns how many days lab activity was disrupted according to
// text, and false when the text does not say.
func Downtime(text string) (days float64, ok bool) { return 0, false }
