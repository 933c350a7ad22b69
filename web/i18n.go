package web

import (
	"net/http"
	"strconv"
	"strings"
)

// Languages of the interface, in the order the switch shows them. Sciensano
// works in both national languages; English is for partners.
var Languages = []string{"fr", "nl", "en"}

// Lang is the interface language of one page.
type Lang string

// T returns the words for key in l, the English ones when l has none, the
// key itself when nobody wrote any (a missing word shows, never breaks).
func (l Lang) T(key string) string {
	if m, ok := words[key]; ok {
		if s := m[string(l)]; s != "" {
			return s
		}
		if s := m["en"]; s != "" {
			return s
		}
	}
	return key
}

// Code is the language code, for lang="" attributes.
func (l Lang) Code() string { return string(l) }

// ValidLang tells one of Languages.
func ValidLang(s string) bool {
	for _, l := range Languages {
		if s == l {
			return true
		}
	}
	return false
}

// langCookie remembers the language a person chose with the switch.
const langCookie = "lang"

// pickLang chooses the page language: ?lang= (a link in another language),
// then the switch's cookie, then Accept-Language, then French.
func pickLang(r *http.Request) Lang {
	if l := r.URL.Query().Get("lang"); ValidLang(l) {
		return Lang(l)
	}
	if c, err := r.Cookie(langCookie); err == nil && ValidLang(c.Value) {
		return Lang(c.Value)
	}
	return Lang(fromAcceptLanguage(r.Header.Get("Accept-Language")))
}

// fromAcceptLanguage returns the best of Languages for an Accept-Language
// header (RFC 9110 q-values; "nl-BE" matches nl), French when none fits.
func fromAcceptLanguage(h string) string {
	best, bestQ := "fr", 0.0
	for i, part := range strings.Split(h, ",") {
		if i >= 32 { // a header is no reason to loop long
			break
		}
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if ValidLang(base) && q > bestQ {
			best, bestQ = base, q
		}
	}
	return best
}
