package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"cyberintake/store"
)

// ReportOptions choose what `cyberintake report` writes.
type ReportOptions struct {
	Lang         Lang      // fr, nl or en; "" means fr
	Since, Until time.Time // the period, [Since, Until); zero: open
	// Anonymize leaves out lab names and numbers, contacts and free text:
	// counts and charts only, for sharing outside Sciensano.
	Anonymize bool
	Now       time.Time // the date printed; zero means time.Now
}

// reportPage is what the report template gets.
type reportPage struct {
	ReportOptions
	L         Lang
	O         *Overview
	Rows      []LabRow
	CSS       template.CSS
	StyleHash string
}

var reportTmpl = template.Must(template.Must(template.New("").Funcs(funcs).ParseFS(templateFS,
	"templates/layout.html")).ParseFS(templateFS, "templates/report.html"))

// reportCSS is the site's stylesheet with the report's additions, inlined
// so the file opens offline with nothing to fetch.
var reportCSS = func() string {
	b, err := staticFS.ReadFile("static/style.css")
	if err != nil {
		panic(err)
	}
	return string(b) + `
body.report main { max-width: 190mm; }
body.report figure.chart { margin-bottom: 1rem; }
body.report .charts { display: block; }
`
}()

// WriteReport writes the situation report: the overview and the lab table
// in one self-contained HTML file (inline CSS and SVG, no script), which
// prints on A4 with a page break between sections.
func WriteReport(ctx context.Context, w io.Writer, st *store.Store, opts ReportOptions) error {
	if opts.Lang == "" {
		opts.Lang = "fr"
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	d, err := Load(ctx, st, opts.Since, opts.Until)
	if err != nil {
		return err
	}
	p := &reportPage{ReportOptions: opts, L: opts.Lang, O: BuildOverview(d, opts.Lang), Rows: d.Rows(), CSS: template.CSS(reportCSS)}
	if opts.Anonymize {
		p.Rows, p.O.Missing = nil, nil
	}
	sum := sha256.Sum256([]byte(reportCSS))
	p.StyleHash = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	var buf bytes.Buffer
	if err := reportTmpl.ExecuteTemplate(&buf, "report", p); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// join writes labels for people, comma-separated.
func join(labels []string) string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = labelName(l)
	}
	return strings.Join(out, ", ")
}
