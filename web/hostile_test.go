package web

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// Payloads a reply may carry; each must show as text and do nothing.
var payloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`" onmouseover="alert(3)" x="`,
	`' onfocus='alert(4)' autofocus '`,
	`javascript:alert(5)`,
	`<a href="javascript:alert(6)">click</a>`,
	`<style>body{display:none}</style>`,
	`<svg onload=alert(7)><script>alert(8)</script></svg>`,
	`</textarea><script>alert(9)</script>`,
	`{{.Nonce}}`,
	"invoice\u202egpj.exe",
	`expression(alert(10)); background:url(javascript:alert(11))`,
}

// hostileStore files one report whose every field carries payloads, plus
// a 1 MB answer, through the store API (the parser would drop some), and
// a raw message with them for the parser to read.
func hostileStore(t testing.TB) (path, lab string, id, parsed uint64) {
	t.Helper()
	all := strings.Join(payloads, " | ")
	lab = `12/../x?y#<b>` + "\u202e" + `"'`
	res := &mailparse.Result{MessageID: "evil@example", From: `"<script>"@evil.example`, Date: "2021-02-20T10:00:00+01:00",
		Subject: "Cyber attaque – labo " + all, Kind: mailparse.KindReport, Lab: &lab, Language: "fr",
		Sections:     mailparse.Sections{A: all, B: strings.Repeat("A", 1<<20), C: all, D: all, E: "javascript:alert(12)"},
		References:   []string{"javascript:alert(13)", `<svg onload=alert(14)>`},
		Contact:      mailparse.Contact{Name: all, Email: `javascript:alert(15)`, Phone: `<img src=x onerror=alert(16)>`},
		Tags:         classify.Tags{Cause: []string{"phishing"}, Impact: []string{}, Response: []string{}, Prevention: []string{}},
		Attachments:  []mailparse.Attachment{{Name: "invoice\u202egpj.exe" + `<img src=x onerror=alert(17)>`, ContentType: `text/html"><script>alert(18)</script>`, Size: 10}},
		Warnings:     []string{all},
		NeedsReview:  true,
		DowntimeDays: new(float64),
	}
	raw := fmt.Appendf(nil, "Message-ID: <evil@example>\r\nFrom: evil@example\r\nSubject: %s\r\nContent-Type: text/html\r\n\r\n<html><body onload=alert(19)>%s</body></html>\r\n",
		strings.ReplaceAll(all, "\n", " "), all)
	path = filepath.Join(t.TempDir(), "hostile.db")
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	twin := append(bytes.ReplaceAll(raw, []byte("evil@example"), []byte("evil2@example")), "second"...)
	out, err := st.Put(context.Background(), []store.Message{
		{Raw: raw, Result: res, Source: store.Source{Kind: "eml", Name: `<script>alert(20)</script>.eml`}},
		{Raw: twin, Result: mailparse.Parse(twin, nil), Source: store.Source{Kind: "eml", Name: "2.eml"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out[1].Duplicate {
		t.Fatal("the parsed twin was taken for a duplicate")
	}
	return path, store.NormLab(lab), out[0].ID, out[1].ID
}

// checkInert parses a page as a browser would and fails on any element,
// attribute or URL that mail content could have put there: scripts other
// than ours, event handlers, style elements or attributes, javascript:
// URLs, and raw bidi overrides.
func checkInert(t *testing.T, name, page string, scripts int) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode {
			switch x.Data {
			case "script":
				n++
			case "img", "iframe", "object", "embed", "textarea" + "x":
				t.Errorf("%s: a <%s> element", name, x.Data)
			}
			for _, a := range x.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "style" || k == "autofocus" || k == "srcdoc" {
					t.Errorf("%s: <%s %s=%q>", name, x.Data, a.Key, a.Val)
				}
				if (k == "href" || k == "src" || k == "action" || k == "formaction") && scriptURL(a.Val) {
					t.Errorf("%s: <%s %s=%q>", name, x.Data, a.Key, a.Val)
				}
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if n != scripts {
		t.Errorf("%s: %d script elements, want %d", name, n, scripts)
	}
	if strings.Contains(page, "\u202e") {
		t.Errorf("%s: a raw RIGHT-TO-LEFT OVERRIDE", name)
	}
	if len(page) > 512<<10 {
		t.Errorf("%s: %d bytes: a 1 MB answer is not bounded", name, len(page))
	}
}

func TestHostileReplies(t *testing.T) {
	path, lab, id, parsed := hostileStore(t)
	h, logs := testServer(t, path, Options{})
	for _, target := range []string{"/", "/labs", "/labs?q=" + url.QueryEscape(payloads[0]), "/labs/" + url.PathEscape(lab),
		fmt.Sprintf("/messages/%d", id), fmt.Sprintf("/messages/%d", parsed), "/review"} {
		res, body := do(t, h, "GET", target, nil)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", target, res.StatusCode)
			continue
		}
		checkInert(t, target, body, 1)
		if !strings.Contains(body, "invoice⟨RLO⟩gpj.exe") && strings.HasPrefix(target, "/messages/") && target == fmt.Sprintf("/messages/%d", id) {
			t.Errorf("%s: the override is not shown as a marker", target)
		}
	}
	// The access log names routes, never the lab or query from the URL.
	for _, leak := range []string{"script", "12/", "alert", "labs/12"} {
		if strings.Contains(logs.String(), leak) {
			t.Errorf("access log holds %q:\n%s", leak, logs.String())
		}
	}
	st, _ := store.Open(path, &store.Options{ReadOnly: true})
	var buf bytes.Buffer
	if err := WriteReport(context.Background(), &buf, st, ReportOptions{Lang: "en", Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	checkInert(t, "report", buf.String(), 0)
}

// scriptURL tells a URL a browser would run: its scheme, once the
// whitespace and controls browsers skip are dropped, is javascript: (or
// vbscript:, or data:).
func scriptURL(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, v))
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(v, s) {
			return true
		}
	}
	return false
}
