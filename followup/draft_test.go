package followup

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

var update = flag.Bool("update", false, "rewrite the golden drafts in testdata/")

// report is a parsed reply as the store files it.
func report(msgID, from, lab, date, lang string, sec mailparse.Sections) *mailparse.Result {
	r := &mailparse.Result{File: msgID + ".eml", MessageID: msgID, From: from, Date: date,
		Subject: "Cyber attaque – labo " + lab, Kind: mailparse.KindReport, Language: lang, Sections: sec,
		References: []string{}, Attachments: []mailparse.Attachment{}, Warnings: []string{},
		Tags: classify.Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}}}
	if lab != "" {
		r.Lab = &lab
	}
	return r
}

// caseOf files the results in a fresh store and returns the lab's case.
func caseOf(t *testing.T, lab string, results ...*mailparse.Result) *store.Case {
	t.Helper()
	st := fileAll(t, results...)
	c, err := st.Case(context.Background(), lab)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fileAll(t *testing.T, results ...*mailparse.Result) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "store.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, res := range results {
		raw := fmt.Appendf(nil, "Message-ID: <%s>\r\nSubject: %s\r\n\r\nbody\r\n", res.MessageID, res.Subject)
		if _, err := st.Put(context.Background(), []store.Message{{Raw: raw, Result: res, Source: store.Source{Kind: "eml", Name: res.File}}}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

var fixedNow = time.Date(2021, 3, 15, 10, 30, 0, 0, time.FixedZone("CET", 3600))

// goldenCases are four incomplete cases, one per language, each lacking
// something else.
func goldenCases(t *testing.T) map[string]*store.Case {
	frFirst := report("fr-1@lab.example", "qualite@chu-exemple.be", "12345", "2021-02-20T09:00:00+01:00", "fr",
		mailparse.Sections{A: "Phishing", B: "LIS arrêté", C: "Plan dégradé"})
	frSecond := report("fr-2@lab.example", "qualite@chu-exemple.be", "", "2021-02-25T14:00:00+01:00", "fr",
		mailparse.Sections{D: "MFA pour tous"})
	frSecond.InReplyTo, frSecond.Thread = "fr-1@lab.example", []string{"letter@sciensano.be", "fr-1@lab.example"}

	nl := report("nl-1@lab.example", "\"Peeters, An\" <an.peeters@az-voorbeeld.be>", "LABO-77", "2021-02-22T11:00:00Z", "nl",
		mailparse.Sections{A: "Ransomware via RDP", C: "Noodplan", D: "MFA", E: "Nog niet geregistreerd"})
	nl.Contact = mailparse.Contact{Name: "An Peeters", Email: "an.peeters@az-voorbeeld.be"}

	de := report("de-1@lab.example", "labor@klinikum.example", "91357", "2021-02-22T13:05:58Z", "de",
		mailparse.Sections{A: "Phishing", B: "LIS", C: "Notfallplan", D: "EDR", E: "Abweichung AB-2021-03"})
	de.References = []string{"AB-2021-03"}
	de.Contact = mailparse.Contact{Name: "Andrea Kessler"}

	en := report("en-1@lab.example", "it@hospital.example", "20417", "2021-03-01T08:00:00Z", "en",
		mailparse.Sections{E: "NC-2021-7"})
	en.References = []string{"NC-2021-7"}
	en.Contact = mailparse.Contact{Name: "Dr. Jane O'Neil", Email: "jane.oneil@hospital.example", Phone: "+32 9 123 45 67"}

	return map[string]*store.Case{
		"fr": caseOf(t, "12345", frFirst, frSecond),
		"nl": caseOf(t, "labo-77", nl),
		"de": caseOf(t, "91357", de),
		"en": caseOf(t, "20417", en),
	}
}

func TestDraftGolden(t *testing.T) {
	for lang, c := range goldenCases(t) {
		t.Run(lang, func(t *testing.T) {
			d, err := New(c, &Options{Now: fixedNow, MessageID: "followup.test@sciensano.be"})
			if err != nil {
				t.Fatal(err)
			}
			if d.Language != lang {
				t.Errorf("language %s, want %s", d.Language, lang)
			}
			golden := filepath.Join("testdata", "draft_"+lang+".eml")
			if *update {
				if err := os.WriteFile(golden, d.Raw, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(d.Raw, want) {
				t.Errorf("draft differs from %s (go test ./followup -update to accept):\n%s", golden, d.Raw)
			}
		})
	}
}

// TestDraftMissing checks what each golden case asks for, and that the
// lab's answer (a reply keeping the subject) joins the case.
func TestDraftMissing(t *testing.T) {
	want := map[string][]Item{
		"fr": {ItemE, ItemContact},
		"nl": {ItemB, ItemReference},
		"de": {ItemContactDetails},
		"en": {ItemA, ItemB, ItemC, ItemD},
	}
	cases := goldenCases(t)
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			c := cases[lang]
			d, err := New(c, &Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Missing, want[lang]) {
				t.Errorf("missing %v, want %v", d.Missing, want[lang])
			}
			last := c.Records[len(c.Records)-1].Result.MessageID
			if d.InReplyTo != last {
				t.Errorf("In-Reply-To %q, want the lab's last message %q", d.InReplyTo, last)
			}
			// The lab answers: "RE: " + our subject, quoting our draft.
			reply := fmt.Appendf(nil, "From: %s\r\nTo: %s\r\nSubject: =?utf-8?q?RE=3A_?= %s\r\nMessage-ID: <answer@lab.example>\r\n"+
				"In-Reply-To: <%s>\r\nDate: Tue, 16 Mar 2021 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+
				"e) NC-2021-099\r\n\r\n", d.To, DefaultFrom, encodeWords(d.Subject), "followup@sciensano.be")
			res := mailparse.Parse(reply, nil)
			if res.Kind != mailparse.KindReport || res.Lab == nil || store.NormLab(*res.Lab) != store.NormLab(c.Lab) {
				t.Errorf("the lab's answer to %q reads as kind %s, lab %v; want a report of lab %s", d.Subject, res.Kind, res.Lab, c.Lab)
			}
		})
	}
}

func TestDraftComplete(t *testing.T) {
	r := report("done@lab.example", "q@lab.example", "555", "2021-02-20T09:00:00Z", "fr",
		mailparse.Sections{A: "a", B: "b", C: "c", D: "d", E: "NC-1"})
	r.References = []string{"NC-1"}
	r.Contact.Email = "q@lab.example"
	if _, err := New(caseOf(t, "555", r), nil); !errors.Is(err, ErrComplete) {
		t.Fatalf("complete case: %v, want ErrComplete", err)
	}
}

func TestWordingComplete(t *testing.T) {
	for _, lang := range Languages {
		w := wordings[lang]
		for _, k := range wordingKeys {
			if strings.TrimSpace(w[k]) == "" {
				t.Errorf("letter_%s.txt: no [%s]", lang, k)
			}
		}
		for _, k := range []string{"a", "b", "c", "d", "e"} {
			if !strings.HasPrefix(w[k], k+") ") {
				t.Errorf("letter_%s.txt: [%s] does not start with %q", lang, k, k+")")
			}
		}
		if !strings.Contains(w["subject"], "{lab}") {
			t.Errorf("letter_%s.txt: the subject does not carry the lab", lang)
		}
	}
	if _, err := parseWording("stray\n[subject]\nx\n"); err == nil {
		t.Error("text before the first key accepted")
	}
}
