// Package classify reads the free text of a lab's answers and says what it is
// about: the language it is written in, the taxonomy labels of CONTRACT.md
// (cause, impact, response, prevention) and how long lab activity was
// disrupted. It is a leaf: it knows nothing of mail, mailboxes or storage.
package classify

// Tags holds the taxonomy labels of a report, each list sorted and without
// duplicates. Lists are never nil so that JSON shows [] rather than null.
type Tags struct {
	Cause      []string `json:"cause"`
	Impact     []string `json:"impact"`
	Response   []string `json:"response"`
	Prevention []string `json:"prevention"`
}

// Answers are a lab's answers to the letter's questions a) to e), in order.
type Answers [5]string

// Group returns the labels of the named group ("cause", "impact",
// "response", "prevention") as a pointer, so callers can read or replace
// them; nil for a name that is no group. It is the one place a group's name
// meets its field.
func (t *Tags) Group(name string) *[]string {
	switch name {
	case groupNames[gCause]:
		return &t.Cause
	case groupNames[gImpact]:
		return &t.Impact
	case groupNames[gResponse]:
		return &t.Response
	case groupNames[gPrevention]:
		return &t.Prevention
	}
	return nil
}
