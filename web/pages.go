package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"cyberintake/classify"
	"cyberintake/followup"
	"cyberintake/mailparse"
	"cyberintake/store"
)

func (s *Server) overview(ctx context.Context, r *http.Request, p *pageData) error {
	d, err := s.load(ctx)
	if err != nil {
		return err
	}
	p.Title = p.L.T("overview")
	p.Body = BuildOverview(d, p.L)
	return nil
}

// labsPage is the body of /labs.
type labsPage struct {
	Rows          []LabRow
	All           int
	Q             LabQuery
	Columns       []column
	TagOptions    []option
	LangOptions   []string
	ReviewOptions []option
}

type column struct {
	Key, Label, URL string
	Sorted          bool
}

type option struct{ Value, Label string }

func (s *Server) labs(ctx context.Context, r *http.Request, p *pageData) error {
	d, err := s.load(ctx)
	if err != nil {
		return err
	}
	v := r.URL.Query()
	q := LabQuery{Tag: v.Get("tag"), Language: v.Get("language"), Review: v.Get("review"),
		Text: v.Get("q"), Sort: v.Get("sort"), Desc: v.Get("desc") == "1"}
	if len(q.Text) > 200 {
		q.Text = q.Text[:200]
	}
	all := d.Rows()
	b := &labsPage{Rows: q.Filter(all), All: len(all), Q: q, LangOptions: []string{"fr", "nl", "de", "en"}}
	b.ReviewOptions = []option{{"needs", p.L.T("review_needs")}, {"unreviewed", p.L.T("state_unreviewed")},
		{"reviewed", p.L.T("state_reviewed")}, {"corrected", p.L.T("corrected")}}
	for _, g := range TagGroups {
		for _, l := range classify.Labels(g) {
			b.TagOptions = append(b.TagOptions, option{g + "=" + l, p.L.T("group_"+g) + ": " + labelName(l)})
		}
	}
	for _, c := range []struct{ key, label string }{
		{"lab", "lab"}, {"messages", "messages"}, {"first", "first_reply"}, {"last", "last_reply"},
		{"", "language"}, {"", "group_cause"}, {"", "group_impact"}, {"downtime", "downtime_days"},
		{"missing", "missing"}, {"", "review_state"},
	} {
		col := column{Key: c.key, Label: c.label, Sorted: c.key != "" && (c.key == q.Sort || q.Sort == "" && c.key == "lab")}
		if c.key != "" {
			u := url.Values{}
			for k, vs := range v {
				if k != "sort" && k != "desc" && k != "lang" {
					u[k] = vs
				}
			}
			u.Set("sort", c.key)
			if col.Sorted && !q.Desc {
				u.Set("desc", "1")
			}
			col.URL = "/labs?" + u.Encode()
		}
		b.Columns = append(b.Columns, col)
	}
	p.Title = p.L.T("labs")
	p.Body = b
	return nil
}

// labPage is the body of /labs/{lab}.
type labPage struct {
	Case     *store.Case
	Row      LabRow
	Answers  []answerView
	Messages []messageView
}

type answerView struct {
	Letter    string
	Question  string // key of the question's short name
	Answer    *store.Answer
	Text      string
	Corrected bool
}

type messageView struct {
	Rec     *store.Record
	Answers []answerView
	Text    string
	TextErr string
	History []store.Event
}

func (s *Server) lab(ctx context.Context, r *http.Request, p *pageData) error {
	c, err := s.opts.Store.Case(ctx, r.PathValue("lab"))
	if err != nil {
		return err
	}
	d := &Dataset{Cases: []*store.Case{c}}
	b := &labPage{Case: c, Row: d.Rows()[0]}
	for i, a := range c.Answers.List() {
		b.Answers = append(b.Answers, answerView{Letter: questions[i], Question: "q_" + questions[i], Answer: a})
	}
	for i := range c.Records {
		rec := &c.Records[i]
		mv := messageView{Rec: rec, Answers: answersOf(rec)}
		if mv.History, err = s.opts.Store.History(ctx, rec.ID); err != nil {
			return err
		}
		raw, err := s.opts.Store.Raw(ctx, rec.ID)
		if err == nil {
			mv.Text, err = mailparse.Text(raw)
		}
		if err != nil {
			mv.TextErr = p.L.T("text_unreadable")
		}
		b.Messages = append(b.Messages, mv)
	}
	p.Title = p.L.T("lab") + " " + vis(b.Row.Lab)
	p.Body = b
	return nil
}

func answersOf(rec *store.Record) []answerView {
	out := make([]answerView, 5)
	for i, t := range rec.Result.Sections.Answers() {
		out[i] = answerView{Letter: questions[i], Question: "q_" + questions[i], Text: t, Corrected: rec.IsCorrected(questions[i])}
	}
	return out
}

// messagePage is the body of /messages/{id}.
type messagePage struct {
	Rec     *store.Record
	Answers []answerView
	History []store.Event
	Form    *correctionForm // nil for a viewer
	Reasons []string        // why the parser asks for review, in words
}

func (s *Server) message(ctx context.Context, r *http.Request, p *pageData) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rec, err := s.opts.Store.Get(ctx, id)
	if err != nil {
		return err
	}
	return s.fillMessage(ctx, p, rec, nil)
}

// fillMessage builds the message page of rec; submitted refills the form.
func (s *Server) fillMessage(ctx context.Context, p *pageData, rec *store.Record, submitted url.Values) error {
	hist, err := s.opts.Store.History(ctx, rec.ID)
	if err != nil {
		return err
	}
	b := &messagePage{Rec: rec, Answers: answersOf(rec), History: hist}
	if rec.Review != nil {
		for _, code := range rec.Review.Reasons {
			b.Reasons = append(b.Reasons, store.ReasonWords(code))
		}
	}
	if p.CanEdit() {
		b.Form = newCorrectionForm(rec, submitted)
	}
	p.Title = p.L.T("message") + " #" + strconv.FormatUint(rec.ID, 10)
	p.Body = b
	return nil
}

// raw sends the original message as a download, never as a page: a
// browser must not render mail it received from anyone.
func (s *Server) raw(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		var raw []byte
		raw, err = s.opts.Store.Raw(r.Context(), id)
		if err == nil {
			h := w.Header()
			h.Set("Content-Type", "message/rfc822")
			h.Set("Content-Disposition", `attachment; filename="message-`+strconv.FormatUint(id, 10)+`.eml"`)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
			h.Set("Content-Length", strconv.Itoa(len(raw)))
			w.Write(raw)
			return
		}
	}
	var se *statusError
	if errors.As(err, &se) || errors.Is(err, store.ErrNotFound) {
		http.Error(w, "no such message", http.StatusNotFound)
		return
	}
	s.log.Error("raw message", "err", err)
	http.Error(w, "could not read the message", http.StatusInternalServerError)
}

// followupDraft is GET /labs/{lab}/followup: the reminder `cyberintake
// followup LAB` drafts, as a download to open in a mail program. It is
// made anew for each request and stored nowhere: a GET changes nothing.
func (s *Server) followupDraft(w http.ResponseWriter, r *http.Request) {
	c, err := s.opts.Store.Case(r.Context(), r.PathValue("lab"))
	var d *followup.Draft
	if err == nil {
		d, err = followup.New(c, nil)
	}
	switch {
	case errors.Is(err, followup.ErrComplete):
		http.Error(w, "this case lacks nothing: no follow-up to draft", http.StatusNotFound)
		return
	case errors.Is(err, store.ErrNotFound):
		http.Error(w, "no such lab", http.StatusNotFound)
		return
	case err != nil:
		s.log.Error("follow-up draft", "route", r.Pattern, "err", err)
		http.Error(w, "could not draft the follow-up", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "message/rfc822")
	h.Set("Content-Disposition", `attachment; filename="`+followup.FileName(d.Lab)+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Write(d.Raw)
}

// setLang is the language switch: a POST (it sets a cookie) that goes
// back where it came from.
func (s *Server) setLang(w http.ResponseWriter, r *http.Request) {
	s.route(r)
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil || !ValidLang(r.PostForm.Get("lang")) {
		http.Error(w, "choose fr, nl or en", http.StatusBadRequest)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: r.PostForm.Get("lang"), Path: "/",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, Secure: s.opts.Secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, safeNext(r.PostForm.Get("back")), http.StatusSeeOther)
}

// review is /review: the queue of `cyberintake review` (the parser asks a
// person first, then unreviewed reports, then corrections the parser now
// disagrees with), each with why, oldest first.
func (s *Server) review(ctx context.Context, r *http.Request, p *pageData) error {
	items, err := s.opts.Store.ReviewQueue(ctx, store.QueueFilter{Lab: r.URL.Query().Get("lab")})
	if err != nil {
		return err
	}
	p.Title = p.L.T("review")
	p.Body = items
	return nil
}
