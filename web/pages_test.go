package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// firstCase returns a lab of the store at path and one of its message IDs.
func firstCase(t *testing.T, path string) (lab string, id uint64) {
	t.Helper()
	st, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	set, err := st.Cases(context.Background(), store.Filter{})
	if err != nil || len(set.Cases) == 0 {
		t.Fatalf("cases: %v", err)
	}
	cases := set.Cases
	for _, c := range cases {
		if len(c.Records) > 1 {
			return store.NormLab(c.Lab), c.Records[0].ID
		}
	}
	return store.NormLab(cases[0].Lab), cases[0].Records[0].ID
}

func TestPages(t *testing.T) {
	path := corpusStore(t)
	h, _ := testServer(t, path, Options{})
	lab, id := firstCase(t, path)
	for _, tc := range []struct {
		name, target string
		code         int
		want         []string
		lang         string
	}{
		{"overview fr", "/", 200, []string{"<svg", "Causes", "laboratoires ont répondu", `lang="fr"`}, ""},
		{"overview nl", "/", 200, []string{"Overzicht", "Oorzaken", `lang="nl"`}, "nl-BE,nl;q=0.9,en;q=0.5"},
		{"overview en by q", "/", 200, []string{"Overview", "Replies by month"}, "de;q=1, en;q=0.8, fr;q=0.2"},
		{"overview ?lang", "/?lang=nl", 200, []string{"Overzicht"}, "en"},
		{"labs", "/labs", 200, []string{"<table", "/labs/" + url.PathEscape(lab)}, ""},
		{"labs sorted", "/labs?sort=downtime&desc=1", 200, []string{`aria-sort="descending"`}, ""},
		{"labs filtered", "/labs?tag=cause%3Dphishing&language=fr&q=phishing", 200, []string{"<table"}, ""},
		{"labs no match", "/labs?q=zzzzqqqq", 200, []string{"Aucun laboratoire ne correspond."}, ""},
		{"lab", "/labs/" + url.PathEscape(lab), 200, []string{"Cause probable et méthode", fmt.Sprintf("/messages/%d/raw", id), "Texte du message"}, ""},
		{"lab tag words", "/labs/43109", 200, []string{`<span class="chip">phishing</span><span class="words"> «`}, ""},
		{"lab unknown", "/labs/nobody-at-all", 404, []string{"Introuvable."}, ""},
		{"message", fmt.Sprintf("/messages/%d", id), 200, []string{"Objet", "Réponses"}, ""},
		{"message unknown", "/messages/999999", 404, nil, ""},
		{"message bad id", "/messages/abc", 404, nil, ""},
		{"review", "/review", 200, []string{`id="queue"`}, ""},
		{"css", "/static/style.css", 200, []string{"@media print"}, ""},
		{"js", "/static/app.js", 200, []string{"keydown"}, ""},
		{"unknown path", "/nowhere", 404, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hdr []string
			if tc.lang != "" {
				hdr = []string{"Accept-Language", tc.lang}
			}
			res, body := do(t, h, "GET", tc.target, nil, hdr...)
			if res.StatusCode != tc.code {
				t.Fatalf("status %d, want %d\n%.2000s", res.StatusCode, tc.code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q\n%.3000s", w, body)
				}
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
}

func TestRaw(t *testing.T) {
	path := corpusStore(t)
	h, _ := testServer(t, path, Options{})
	_, id := firstCase(t, path)
	res, body := do(t, h, "GET", fmt.Sprintf("/messages/%d/raw", id), nil)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for k, v := range map[string]string{
		"Content-Type":           "message/rfc822",
		"Content-Disposition":    fmt.Sprintf(`attachment; filename="message-%d.eml"`, id),
		"X-Content-Type-Options": "nosniff",
	} {
		if got := res.Header.Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	st, _ := store.Open(path, &store.Options{ReadOnly: true})
	raw, _ := st.Raw(context.Background(), id)
	if body != string(raw) {
		t.Error("raw download differs from the stored bytes")
	}
	if res, _ := do(t, h, "GET", "/messages/424242/raw", nil); res.StatusCode != 404 {
		t.Errorf("unknown raw: %d", res.StatusCode)
	}
}

func TestLangSwitch(t *testing.T) {
	h, _ := testServer(t, corpusStore(t), Options{})
	res, _ := do(t, h, "POST", "/lang", strings.NewReader("lang=nl&back=%2Flabs%3Fsort%3Dlast"), "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/labs?sort=last" {
		t.Fatalf("status %d location %q", res.StatusCode, res.Header.Get("Location"))
	}
	var c *http.Cookie
	for _, x := range res.Cookies() {
		if x.Name == langCookie {
			c = x
		}
	}
	if c == nil || c.Value != "nl" {
		t.Fatalf("cookie %+v", c)
	}
	_, body := do(t, h, "GET", "/", nil, "Cookie", "lang=nl", "Accept-Language", "en")
	if !strings.Contains(body, "Overzicht") {
		t.Error("the switch's cookie does not win over Accept-Language")
	}
	for _, back := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		res, _ := do(t, h, "POST", "/lang", strings.NewReader("lang=en&back="+url.QueryEscape(back)), "Sec-Fetch-Site", "same-origin")
		if loc := res.Header.Get("Location"); loc != "/" {
			t.Errorf("back=%q redirects to %q", back, loc)
		}
	}
	if res, _ := do(t, h, "POST", "/lang", strings.NewReader("lang=xx"), "Sec-Fetch-Site", "same-origin"); res.StatusCode != 400 {
		t.Errorf("lang=xx: %d", res.StatusCode)
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"":                          "fr",
		"nl-BE":                     "nl",
		"en-GB,en;q=0.9":            "en",
		"de-DE, nl;q=0.3, fr;q=0.4": "fr",
		"fr;q=abc, nl;q=0.1":        "nl",
		"*":                         "fr",
	} {
		if got := fromAcceptLanguage(h); got != want {
			t.Errorf("%q: %s, want %s", h, got, want)
		}
	}
}

func TestWordsComplete(t *testing.T) {
	for k, m := range words {
		for _, l := range Languages {
			if m[l] == "" {
				t.Errorf("%s has no %s", k, l)
			}
		}
	}
}

// TestPagesAreLive: a report filed while the server runs shows on the
// next page, although pages cache what they read.
func TestPagesAreLive(t *testing.T) {
	path := corpusStore(t)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old) // as if written an hour ago: cached
	h, _ := testServer(t, path, Options{})
	_, before := do(t, h, "GET", "/labs", nil)
	if strings.Contains(before, "99999") {
		t.Fatal("lab 99999 before it was filed")
	}
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Message-ID: <late@lab>\r\nSubject: Cyber attaque - labo 99999\r\nDate: Mon, 01 Mar 2021 10:00:00 +0100\r\n\r\na) phishing\r\n")
	if _, err := st.Put(context.Background(), []store.Message{{Raw: raw, Result: mailparse.Parse(raw, nil), Source: store.Source{Kind: "eml", Name: "late.eml"}}}); err != nil {
		t.Fatal(err)
	}
	if _, after := do(t, h, "GET", "/labs", nil); !strings.Contains(after, "99999") {
		t.Error("the page does not show the report filed after the first read")
	}
}

// TestFollowupDraft: a case missing answers offers the follow-up draft
// as a download; a complete case has none.
func TestFollowupDraft(t *testing.T) {
	path := corpusStore(t)
	h, _ := testServer(t, path, Options{})
	_, page := do(t, h, "GET", "/labs/48820", nil) // e) missing
	if !strings.Contains(page, `href="/labs/48820/followup"`) {
		t.Fatal("the case page of a lab missing e) offers no follow-up draft")
	}
	res, body := do(t, h, "GET", "/labs/48820/followup", nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "message/rfc822" ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="followup-48820.eml"`) {
		t.Fatalf("draft: %d %v", res.StatusCode, res.Header)
	}
	if !strings.Contains(body, "Subject:") || !strings.Contains(body, "48820") {
		t.Errorf("draft:\n%.500s", body)
	}
	if _, page := do(t, h, "GET", "/labs/43109", nil); strings.Contains(page, "/followup") {
		t.Error("a complete case offers a follow-up")
	}
	if res, _ := do(t, h, "GET", "/labs/43109/followup", nil); res.StatusCode != 404 {
		t.Errorf("complete case draft: %d", res.StatusCode)
	}
}
