package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"time"
	_ "time/tzdata" // Europe/Brussels on a machine without a zone database

	"cyberintake/classify"
	"cyberintake/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// brussels is where the people reading the dates work.
var brussels = mustZone("Europe/Brussels")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is linked in: cannot happen
	}
	return loc
}

var funcs = template.FuncMap{
	"date":      func(t time.Time) string { return fmtDate(t) },
	"datetime":  func(t time.Time) string { return fmtDateTime(t) },
	"dateRFC":   dateRFC,
	"days":      formatDays,
	"labelName": labelName,
	"labURL":    func(key string) string { return "/labs/" + url.PathEscape(key) },
	"normLab":   store.NormLab,
	"add":       func(a, b int) int { return a + b },
	"sub":       func(a, b int) int { return a - b },
	"pct":       percent,
	"join":      join,
	"vis":       vis,
	"withL":     func(l Lang, v any) langValue { return langValue{l, v} },
	"long":      long,
	"tagView":   func(l Lang, t classify.Tags, down *float64) tagView { return tagView{l, t, down} },
}

// langValue hands a sub-template the page language with its value.
type langValue struct {
	L Lang
	V any
}

// tagView is what the "tagdl" template shows: tags per group and downtime.
type tagView struct {
	L    Lang
	Tags classify.Tags
	Down *float64
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(brussels).Format("2006-01-02")
}

func fmtDateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(brussels).Format("2006-01-02 15:04")
}

// dateRFC shows a stored RFC 3339 date in Brussels time.
func dateRFC(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return fmtDateTime(t)
}

// pages are parsed once: the layout with each page's content.
var pages = func() map[string]*template.Template {
	base := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"overview", "labs", "lab", "message", "review", "error", "login"} {
		t := template.Must(base.Clone())
		out[name] = template.Must(t.ParseFS(templateFS, "templates/"+name+".html"))
	}
	return out
}()

// render writes page name with the layout. It renders into a buffer first
// so a template error becomes a 500, not half a page.
func render(w http.ResponseWriter, name string, p *pageData, code int) {
	var buf bytes.Buffer
	if err := pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		http.Error(w, fmt.Sprintf("template %s: %v", name, err), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
