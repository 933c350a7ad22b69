package mailparse

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// hostileWords make prose that every reading pass has to work through:
// question words, tags and durations in the four languages.
var hostileWords = strings.Fields(`le la les de du phishing rançongiciel SIL labo analyses
interruption pendant trois jours plan dégradé sous-traitance contact téléphone het LIS was
twee dagen onbeschikbaar noodplan Laborsystem Ausfall Stunden Notfallplan the lab was down
for hours backup restore police MFA training cause impact mesures préventives référence
NC-2021-014 a) b) c) d) e) voir ci-dessous Mit freundlichen Grüßen Cordialement`)

// hostileProse returns about n bytes of deterministic prose in lines.
func hostileProse(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	for b.Len() < n {
		for k := 8 + r.IntN(12); k > 0; k-- {
			b.WriteString(hostileWords[r.IntN(len(hostileWords))])
			b.WriteByte(' ')
		}
		b.WriteString(".\n")
		if r.IntN(5) == 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// hostileMail builds a reply whose body only says "see attached" and
// whose n attachments come from part(i).
func hostileMail(n int, part func(i int) string) []byte {
	var b strings.Builder
	b.WriteString("From: Lab <lab@example.be>\r\nTo: cyber@sciensano.be\r\n" +
		"Subject: RE: Sciensano-AC-2021-04 - cyberattaque - labo 12345\r\n" +
		"Date: Mon, 22 Feb 2021 09:14:33 +0100\r\nMessage-ID: <hostile@example.be>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"hb\"\r\n\r\n" +
		"--hb\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVoir les pièces jointes.\r\n")
	for i := 0; i < n; i++ {
		b.WriteString("--hb\r\n")
		b.WriteString(part(i))
	}
	b.WriteString("--hb--\r\n")
	return []byte(b.String())
}

// hostileDocxMail is issue 8's first case: many small .docx files, each
// holding about xmlSize bytes of document XML.
func hostileDocxMail(tb testing.TB, n, xmlSize int) []byte {
	docs := make([]string, 8) // a few distinct documents, reused
	for k := range docs {
		var x strings.Builder
		x.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>`)
		for _, l := range strings.Split(hostileProse(uint64(k), xmlSize*2/3), "\n") {
			x.WriteString("<w:p><w:r><w:t>" + l + "</w:t></w:r></w:p>")
		}
		x.WriteString("</w:body></w:document>")
		docs[k] = wrap76(base64.StdEncoding.EncodeToString(makeZip(tb, "word/document.xml", x.String())))
	}
	return hostileMail(n, func(i int) string {
		return fmt.Sprintf("Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n"+
			"Content-Disposition: attachment; filename=\"reponse-%d.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s", i, docs[i%len(docs)])
	})
}

// hostileTextMail is issue 8's second case: n text attachments of size
// bytes each.
func hostileTextMail(n, size int) []byte {
	texts := make([]string, 8)
	for k := range texts {
		texts[k] = hostileProse(uint64(k), size)[:size]
	}
	return hostileMail(n, func(i int) string {
		return fmt.Sprintf("Content-Type: text/plain; charset=utf-8\r\n"+
			"Content-Disposition: attachment; filename=\"notes-%d.txt\"\r\n\r\n%s\r\n", i, texts[i%len(texts)])
	})
}

// TestWriteHostileMail writes the two hostile mails of issue 8 to the
// folder named by CYBERINTAKE_HOSTILE_DIR, to measure the binary on them
// (/usr/bin/time -v cyberintake parse --json FILE); skipped otherwise.
func TestWriteHostileMail(t *testing.T) {
	dir := os.Getenv("CYBERINTAKE_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set CYBERINTAKE_HOSTILE_DIR to write the hostile mails")
	}
	for name, raw := range map[string][]byte{
		"docx-656.eml": hostileDocxMail(t, 656, 330<<10),
		"text-190.eml": hostileTextMail(190, 256<<10),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAttachmentWorkBounded parses issue 8's two amplifying mails: every
// attachment is still listed, at most 20 have their text read, the
// warning and the review reason say the rest were skipped. Before the
// bounds, the first took 19 s of CPU and the second 4.4 s (figures in the
// commit that added this test).
func TestAttachmentWorkBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two 20-50 MB mails")
	}
	tests := []struct {
		name string
		raw  []byte
		n    int
	}{
		{"656 small docx", hostileDocxMail(t, 656, 64<<10), 656},
		{"190 text attachments of 256 KiB", hostileTextMail(190, 256<<10), 190},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// No time budget here: under -race or on a loaded machine
			// it would cut the walk short (TestTimeBudget tests it).
			opts := &Options{TimeBudget: time.Hour}
			cpu0 := processCPU()
			res := Parse(tt.raw, opts)
			cpu := processCPU() - cpu0
			t.Logf("%d bytes: %v CPU", len(tt.raw), cpu)
			if len(res.Attachments) != tt.n {
				t.Errorf("%d attachments listed, want %d", len(res.Attachments), tt.n)
			}
			if !slices.Contains(res.ReviewReasons, ReasonAttachmentsSkipped) || !res.NeedsReview {
				t.Errorf("review reasons %q, want %q", res.ReviewReasons, ReasonAttachmentsSkipped)
			}
			want := fmt.Sprintf("%d attachments not read (at most 20 read", tt.n-20)
			if !strings.Contains(strings.Join(res.Warnings, "\n"), want) {
				t.Errorf("warnings %q lack %q", res.Warnings, want)
			}
			d, err := decode(tt.raw, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.AttachmentTexts) > defaultMaxAttachmentReads {
				t.Errorf("%d attachment texts read", len(d.AttachmentTexts))
			}
			// Generous for a loaded 2-core machine under -race; before
			// the bounds the first case alone took 19 s without -race.
			if cpu > 60*time.Second {
				t.Errorf("parse took %v of CPU", cpu)
			}
		})
	}
}

// TestAttachmentByteBudget checks the bound on decompressed bytes: an
// attachment that would go past it is skipped, one within it is read.
func TestAttachmentByteBudget(t *testing.T) {
	raw := hostileTextMail(3, 3000)
	res := Parse(raw, &Options{MaxAttachmentBytes: 7000})
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "1 attachments not read (at most 20 read, 7000 bytes in all, per message): notes-2.txt") {
		t.Errorf("warnings %q", res.Warnings)
	}
	if !slices.Contains(res.ReviewReasons, ReasonAttachmentsSkipped) {
		t.Errorf("reasons %q", res.ReviewReasons)
	}
	res = Parse(raw, &Options{MaxAttachmentReads: 3})
	if res.NeedsReview {
		t.Errorf("within the bounds, yet %q %q", res.ReviewReasons, res.Warnings)
	}
}

// TestTimeBudget checks the deadline: a message whose time is up is
// returned with what was read, a warning and the parse_deadline reason,
// whatever its kind; a document stops expanding when the time is up.
func TestTimeBudget(t *testing.T) {
	res := Parse([]byte(reviewMail("", reviewReport)), &Options{TimeBudget: time.Nanosecond})
	if !slices.Contains(res.ReviewReasons, ReasonParseDeadline) || !res.NeedsReview {
		t.Errorf("reasons %q", res.ReviewReasons)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "reading stopped after 1ns") {
		t.Errorf("warnings %q", res.Warnings)
	}
	if res.Subject == "" || res.Error != "" {
		t.Errorf("headers lost: %+v", res)
	}

	bud := newBudget(nil)
	bud.deadline = time.Now().Add(-time.Second)
	doc := makeZip(t, "word/document.xml", docxBody)
	if text, _, _ := zipXMLText(doc, "word/document.xml", docxXMLText, bud); text != "" || !bud.expired {
		t.Errorf("document read past the deadline: %q, expired %v", text, bud.expired)
	}
}
