package main

import (
	"strings"
	"testing"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// FuzzEditRoundTrip: the values a message was filed with come from mail;
// whatever they hold, writing them for the editor and reading the file
// back unchanged must change nothing (a line of an answer that looks like
// "lab: 1" or "# comment" must not become a field or vanish).
func FuzzEditRoundTrip(f *testing.F) {
	f.Add("Un courriel\nlab: 99\n# pas un commentaire", "12345", "Dr A", "NC-1, NC-2")
	f.Add("  indented\n\n\nblank lines  \n", "", "", "")
	f.Add("a:\ne:\n  # corrected", "x  # corrected", "name\twith tab", ",")
	f.Fuzz(func(t *testing.T, answer, lab, name, refs string) {
		res := testResult("m@lab", lab, "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: answer, E: answer})
		res.Contact.Name = name
		res.References = strings.Split(refs, ",")
		rec := &store.Record{ID: 1, Result: *res}
		vals, err := readEdit(editText(rec))
		if err != nil {
			t.Fatalf("reading back the unchanged file: %v\n%s", err, editText(rec))
		}
		if ch := editChanges(rec, vals); len(ch) > 0 {
			t.Fatalf("an unchanged file gives changes %v\n%s", ch, editText(rec))
		}
	})
}
