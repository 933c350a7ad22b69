package followup

import (
	"context"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"
	"testing"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// answerInline is the lab's reply to a draft as people write it: our
// message quoted with "> ", each missing item answered right under it.
func answerInline(t *testing.T, d *Draft, answers map[Item]string) []byte {
	t.Helper()
	hdr, body, _ := strings.Cut(string(d.Raw), "\r\n\r\n")
	text, err := readQP(body)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("Bonjour, hello, goedendag,\r\n\r\n")
	items := d.Missing
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		b.WriteString("> " + line + "\r\n")
		if strings.HasPrefix(line, "- ") && len(items) > 0 {
			b.WriteString(answers[items[0]] + "\r\n")
			items = items[1:]
		}
	}
	msgID := ""
	for _, l := range strings.Split(hdr, "\r\n") {
		if v, ok := strings.CutPrefix(l, "Message-ID: "); ok {
			msgID = v
		}
	}
	subject := encodeWords("RE: " + d.Subject)
	return fmt.Appendf(nil, "From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <answer-%s@lab.example>\r\n"+
		"In-Reply-To: %s\r\nDate: Tue, 16 Mar 2021 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s",
		d.To, DefaultFrom, subject, d.Language, msgID, b.String())
}

func readQP(s string) (string, error) {
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
	return string(b), err
}

// TestAnswerCompletesCase: a lab that answers the draft inline, under our
// quoted questions, completes its case: the parser files the answer as a
// report of the same lab, takes only the new lines, and nothing is
// missing any more.
func TestAnswerCompletesCase(t *testing.T) {
	ctx := context.Background()
	answers := map[string]map[Item]string{
		"fr": {ItemE: "NC-2021-099, enregistrée le 3 mars.", ItemContact: "Contact : Marie Dubois, marie.dubois@chu-exemple.be, +32 4 123 45 67"},
		"nl": {ItemB: "Het LIS lag twee dagen stil; resultaten werden telefonisch doorgegeven.", ItemReference: "Non-conformiteit NC-2021-052."},
		"de": {ItemContactDetails: "andrea.kessler@klinikum.example, Tel. +32 87 12 34 56"},
		"en": {ItemA: "A phishing e-mail installed ransomware through a macro.", ItemB: "The LIS was down for three days.",
			ItemC: "We switched to paper requests and phoned urgent results.", ItemD: "MFA for all remote access and an EDR on every server."},
	}
	for lang, c := range goldenCases(t) {
		t.Run(lang, func(t *testing.T) {
			d, err := New(c, &Options{Now: fixedNow, MessageID: "followup." + lang + "@sciensano.be"})
			if err != nil {
				t.Fatal(err)
			}
			raw := answerInline(t, d, answers[lang])
			res := mailparse.Parse(raw, nil)
			if res.Kind != mailparse.KindReport || res.Lab == nil || store.NormLab(*res.Lab) != store.NormLab(c.Lab) {
				t.Fatalf("the answer reads as %s of lab %v:\n%s", res.Kind, res.Lab, raw)
			}
			// Each answered question holds the lab's line, not our quote.
			secs := res.Sections.Answers()
			for q, key := range []string{"a", "b", "c", "d", "e"} {
				ans, asked := answers[lang][Item(key)]
				if key == "e" && !asked {
					ans, asked = answers[lang][ItemReference]
				}
				question := strings.TrimPrefix(wordings[lang][key], key+") ")[:25]
				if asked && (!strings.Contains(secs[q], strings.Fields(ans)[0]) || strings.Contains(secs[q], question)) {
					t.Errorf("%s) read as %q, want the lab's %q without our question", key, secs[q], ans)
				}
			}
			// File the case's messages and the answer together; the
			// answer joins by its lab and In-Reply-To.
			var all []*mailparse.Result
			for i := range c.Records {
				all = append(all, &c.Records[i].Result)
			}
			st := fileAll(t, append(all, res)...)
			merged, err := st.Case(ctx, c.Lab)
			if err != nil {
				t.Fatal(err)
			}
			if m := Missing(merged); len(m) > 0 {
				t.Errorf("after the answer the case still lacks %v; the answer read as %+v, contact %+v, references %q\n%s",
					m, res.Sections, res.Contact, res.References, raw)
			}
		})
	}
}
