package followup

import (
	"slices"

	"cyberintake/store"
)

// Item is one thing a lab's case still lacks.
type Item string

// The items a follow-up can ask for, in the order the letter asks them.
const (
	ItemA Item = "a"
	ItemB Item = "b"
	ItemC Item = "c"
	ItemD Item = "d"
	ItemE Item = "e" // question e) unanswered
	// ItemReference: e) was answered but names no record of the quality
	// system ("not yet registered", a procedure only).
	ItemReference Item = "e_reference"
	ItemContact   Item = "contact" // no contact person at all
	// ItemContactDetails: a contact is named but neither an e-mail
	// address nor a telephone number reaches them.
	ItemContactDetails Item = "contact_details"
)

// Missing lists what the merged case still lacks; empty when complete.
// The case's answers, references and contact are the merged (and, once
// corrected, effective) values, so an answer a later reply or a person
// supplied counts as given.
func Missing(c *store.Case) []Item {
	var out []Item
	for i, a := range c.Answers.List() {
		if a == nil || a.Text == "" {
			out = append(out, []Item{ItemA, ItemB, ItemC, ItemD, ItemE}[i])
		}
	}
	if !slices.Contains(out, ItemE) && len(c.References) == 0 {
		out = append(out, ItemReference)
	}
	ct := c.Contact
	switch {
	case ct.Name == "" && ct.Email == "" && ct.Phone == "":
		out = append(out, ItemContact)
	case ct.Email == "" && ct.Phone == "":
		out = append(out, ItemContactDetails)
	}
	return out
}
