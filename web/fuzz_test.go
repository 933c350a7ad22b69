package web

import (
	"bytes"
	"strings"
	"testing"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// FuzzMessagePage renders the message page, correction form included,
// over a record whose every text field is fuzzed, and parses it back as
// a browser would: no input may add a script, a handler, a style or a
// javascript: URL, or a raw bidi override.
func FuzzMessagePage(f *testing.F) {
	for _, p := range payloads {
		f.Add(p, p, p)
	}
	f.Add("labo 1\u202e2", "<svg/onload=alert(1)>", "javascript:alert(1)")
	f.Fuzz(func(t *testing.T, subject, answer, name string) {
		lab := name
		rec := &store.Record{ID: 7, Result: mailparse.Result{Subject: subject, From: name, Kind: mailparse.KindReport, Lab: &lab,
			Sections:   mailparse.Sections{A: answer, B: subject, E: name},
			References: []string{name}, Contact: mailparse.Contact{Name: name, Email: answer, Phone: subject},
			Tags:        classify.Tags{Cause: []string{name}, Impact: []string{}, Response: []string{}, Prevention: []string{}},
			Attachments: []mailparse.Attachment{{Name: name, ContentType: subject}}, Warnings: []string{answer}}}
		p := &pageData{L: "en", Langs: Languages, Nonce: "n0nce", Role: roleEditor, Title: "Message #7",
			Body: &messagePage{Rec: rec, Answers: answersOf(rec), Form: newCorrectionForm(rec, nil)}}
		var buf bytes.Buffer
		if err := pages["message"].ExecuteTemplate(&buf, "layout", p); err != nil {
			if strings.Contains(err.Error(), "invalid UTF-8") {
				t.Skip()
			}
			t.Fatal(err)
		}
		checkInert(t, "message page", buf.String(), 1)
	})
}

func FuzzAcceptLanguage(f *testing.F) {
	f.Add("nl-BE,nl;q=0.9,en;q=0.5")
	f.Add("fr;q=abc, *;q=0")
	f.Fuzz(func(t *testing.T, h string) {
		if l := fromAcceptLanguage(h); !ValidLang(l) {
			t.Fatalf("%q gave %q", h, l)
		}
	})
}
