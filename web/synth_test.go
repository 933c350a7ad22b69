package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// synthStore files reports from labs labs (the first reply of each, then
// follow-ups until there are reports in all), with answers of a few
// hundred characters and tags drawn from the taxonomy: the size the
// letter's campaign reaches (about 200 labs, 1,000 replies).
func synthStore(tb testing.TB, labs, reports int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synth.db")
	st, err := store.Open(path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(group string, n int) []string {
		all := classify.Labels(group)
		var out []string
		for range n {
			out = append(out, all[rng.IntN(len(all))])
		}
		return dedupSorted(out)
	}
	sentence := "Le laboratoire a constaté un chiffrement des serveurs du LIS après un courriel d'hameçonnage; les analyses urgentes ont continué en mode dégradé. "
	start := time.Date(2021, 2, 15, 9, 0, 0, 0, time.UTC)
	var msgs []store.Message
	for i := range reports {
		labN := i % labs
		lab := fmt.Sprintf("%05d", 10000+labN*37)
		date := start.Add(time.Duration(i) * 97 * time.Minute)
		msgID := fmt.Sprintf("r%d@lab%s.example", i, lab)
		res := &mailparse.Result{MessageID: msgID, From: "qualite@lab" + lab + ".example", Date: date.Format(time.RFC3339),
			Subject: "Cyber attaque – labo " + lab, Kind: mailparse.KindReport, Lab: &lab, Language: []string{"fr", "nl", "de", "en"}[labN%4],
			References: []string{fmt.Sprintf("NC-2021-%03d", i)}, Attachments: []mailparse.Attachment{}, Warnings: []string{},
			Contact:     mailparse.Contact{Name: "Dr Lab " + lab, Email: "contact@lab" + lab + ".example", Phone: "+32 2 000 00 00"},
			Tags:        classify.Tags{Cause: pick("cause", 2), Impact: pick("impact", 3), Response: pick("response", 2), Prevention: pick("prevention", 3)},
			NeedsReview: i%9 == 0}
		if i < labs {
			res.Sections = mailparse.Sections{A: strings.Repeat(sentence, 2), B: sentence, C: sentence, D: strings.Repeat(sentence, 2)}
		} else {
			res.Sections = mailparse.Sections{E: fmt.Sprintf("NC-2021-%03d", i)}
		}
		d := float64(rng.IntN(20)) / 2
		res.DowntimeDays = &d
		raw := fmt.Appendf(nil, "Message-ID: <%s>\r\nSubject: %s\r\nDate: %s\r\n\r\n%s\r\n", msgID, res.Subject, date.Format(time.RFC1123Z), res.Sections.A)
		msgs = append(msgs, store.Message{Raw: raw, Result: res, Source: store.Source{Kind: "eml", Name: msgID}})
	}
	if _, err := st.Put(context.Background(), msgs); err != nil {
		tb.Fatal(err)
	}
	return path
}

func dedupSorted(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
