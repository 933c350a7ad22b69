package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
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
	"tagView":   newTagView,
	"recs":      func(r *store.Record) []store.Record { return []store.Record{*r} },
}

// langValue hands a sub-template the page language with its value.
type langValue struct {
	L Lang
	V any
}

// tagView is what the "tagdl" template shows: tags per group, each with
// the words it was read from, and the downtime.
type tagView struct {
	L      Lang
	Groups []tagGroupView
	Down   *float64
}

type tagGroupView struct {
	Name   string // words key of the group
	Labels []tagLabelView
}

type tagLabelView struct {
	Label string
	Words []string // what the answers said; none for a label a person added
}

// newTagView shows tags t with the words of recs' answers that gave them
// (classify.Explain over each message's effective answers).
func newTagView(l Lang, t classify.Tags, down *float64, recs []store.Record) tagView {
	words := map[string][]string{}
	for i := range recs {
		for _, e := range classify.Explain(recs[i].Result.Sections.Answers()) {
			k := e.Group + "=" + e.Label
			for _, w := range e.Words {
				if !slices.Contains(words[k], w) && len(words[k]) < 5 {
					words[k] = append(words[k], cut(w, 80))
				}
			}
		}
	}
	v := tagView{L: l, Down: down}
	for i, labels := range [][]string{t.Cause, t.Impact, t.Response, t.Prevention} {
		g := tagGroupView{Name: "group_" + TagGroups[i]}
		for _, lb := range labels {
			g.Labels = append(g.Labels, tagLabelView{lb, words[TagGroups[i]+"="+lb]})
		}
		v.Groups = append(v.Groups, g)
	}
	return v
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
