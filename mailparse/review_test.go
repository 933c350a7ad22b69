package mailparse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A report with answers, for the review tests: it reads cleanly, so any
// review reason comes from what each case adds.
const reviewReport = "a) Phishing mail opened at the front desk.\r\n" +
	"b) The LIS was down for two days.\r\n" +
	"c) Paper requests, results by phone.\r\n" +
	"d) MFA for remote access.\r\n" +
	"e) NC-2021-014\r\n"

func reviewMail(ct, body string) string {
	return "From: Lab <lab@example.be>\r\nTo: cyber@sciensano.be\r\n" +
		"Subject: RE: Sciensano-AC-2021-04 - cyberattaque - labo 12345\r\n" +
		"Date: Mon, 22 Feb 2021 09:14:33 +0100\r\nMessage-ID: <r@example.be>\r\n" +
		ct + "\r\n" + body
}

// TestReviewTruncated checks that input ending early asks for review with
// the code "truncated", and that the endings real clients write do not.
func TestReviewTruncated(t *testing.T) {
	b64 := "TGEgcGnDqGNlIGpvaW50ZS4=" // "La pièce jointe."
	qp := strings.ReplaceAll(reviewReport, "Phishing", "Phishing =C3=A9")
	mixed := "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
	part := "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
	tests := []struct {
		name string
		raw  string
		cut  bool
	}{
		{"whole multipart", reviewMail(mixed, part+"\r\n"+reviewReport+"--b1--\r\n"), false},
		{"closing boundary missing at end of input", reviewMail(mixed, part+"\r\n"+reviewReport), true},
		{"inner multipart unclosed, outer closed", reviewMail(mixed, "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain\r\n\r\n"+reviewReport+"--b1--\r\n"), false},
		{"base64 whole", reviewMail(mixed, part+"Content-Transfer-Encoding: base64\r\n\r\n"+b64+"\r\n--b1--\r\n"+""), false},
		{"base64 cut mid-quantum", reviewMail("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n", b64[:len(b64)-6]), true},
		{"quoted-printable whole", reviewMail("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n", qp), false},
		{"quoted-printable cut in an escape", reviewMail("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n", qp+"caf=C"), true},
		{"quoted-printable cut on a soft break", reviewMail("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n", qp+"more words="), true},
		{"quoted-printable soft break before the boundary", reviewMail(mixed, part+"Content-Transfer-Encoding: quoted-printable\r\n\r\n"+qp+"tail=\r\n--b1--\r\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Parse([]byte(tt.raw), nil)
			got := slices.Contains(res.ReviewReasons, ReasonTruncated)
			if got != tt.cut {
				t.Fatalf("truncated = %v, want %v (reasons %q, warnings %q)", got, tt.cut, res.ReviewReasons, res.Warnings)
			}
			if tt.cut && !res.NeedsReview {
				t.Errorf("a reason without needs_review: %+v", res)
			}
		})
	}
}

// TestReviewReasonsInvariant checks the contract's rule on every reading
// of the sample replies: review_reasons is an array, empty exactly when
// needs_review is false, and holds known codes only.
func TestReviewReasonsInvariant(t *testing.T) {
	known := map[string]bool{}
	for _, r := range ReviewReasons {
		if known[r.Code] || r.Words == "" {
			t.Fatalf("code %q repeated or without words", r.Code)
		}
		known[r.Code] = true
	}
	raws := []string{reviewMail("", reviewReport), "From: a@b.c\r\n\r\nx", reviewMail("Content-Type: multipart/mixed; boundary=q\r\n", "--q\r\nContent-Type: application/pdf; name=r.pdf\r\nContent-Disposition: attachment; filename=r.pdf\r\n\r\n%PDF\r\n--q--\r\n")}
	raws = append(raws, sampleReplies(t)...)
	for _, raw := range raws {
		res := Parse([]byte(raw), nil)
		if res.ReviewReasons == nil {
			t.Fatalf("review_reasons is null for %.60q", raw)
		}
		if res.NeedsReview != (len(res.ReviewReasons) > 0) {
			t.Errorf("needs_review %v with reasons %q for %.60q", res.NeedsReview, res.ReviewReasons, raw)
		}
		for _, c := range res.ReviewReasons {
			if !known[c] {
				t.Errorf("unknown code %q", c)
			}
		}
	}
	b, _ := json.Marshal(Failed("x", errString("no")))
	if !strings.Contains(string(b), `"review_reasons":[]`) {
		t.Errorf("a failed Result does not carry an empty review_reasons array: %s", b)
	}
	if got := ReviewReasonWords(ReasonTruncated); got == ReasonTruncated {
		t.Errorf("no words for %q", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// sampleReplies returns the golden sample replies' raw bytes.
func sampleReplies(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range goldenDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	if len(out) == 0 {
		t.Fatal("no sample replies")
	}
	return out
}
