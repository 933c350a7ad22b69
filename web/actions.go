package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"cyberintake/classify"
	"cyberintake/store"
)

// actions registers the state-changing routes. They change the store only
// through its review API (Correct, Undo, Accept): the web interface adds no
// second way to change data.
func (s *Server) actions(m *http.ServeMux) {
	m.HandleFunc("POST /messages/{id}/corrections", s.need(roleEditor, s.correct))
	m.HandleFunc("POST /messages/{id}/accept", s.need(roleEditor, s.accept))
}

// maxForm bounds a correction form: five answers of up to 64 KiB (the
// store's limit on one value) and the rest.
const maxForm = 1 << 20

// formField is one correctable field as the form shows it.
type formField struct {
	Name      string   // the store's field name
	Label     string   // words key
	Value     string   // effective value (or what was submitted, after an error)
	Multi     bool     // a textarea
	Options   []string // a select
	Corrected bool
	TooLong   int // bytes, when the value is too long to edit here (not on the form)
}

// maxEditable is the longest value the form carries: the store refuses a
// corrected value over 64 KiB, and a page must stay small whatever a
// reply holds. A longer answer can only be replaced from the CLI.
const maxEditable = 64 << 10

// tagChoice is one label of a tag group in the form.
type tagChoice struct {
	Label   string
	Checked bool
}

type tagGroupForm struct {
	Name      string // "tags.cause"
	Group     string
	Choices   []tagChoice
	Corrected bool
}

// correctionForm is the body of the correction form on /messages/{id}.
type correctionForm struct {
	Fields  []formField
	Tags    []tagGroupForm
	Version string // digest of the values the form shows
	Reason  string
	Error   string
}

var scalarFields = []struct{ name, label string }{
	{store.FieldKind, "kind"}, {store.FieldLab, "lab"}, {store.FieldLanguage, "language"},
	{store.FieldA, "q_a"}, {store.FieldB, "q_b"}, {store.FieldC, "q_c"}, {store.FieldD, "q_d"}, {store.FieldE, "q_e"},
	{store.FieldDowntime, "downtime_days"}, {store.FieldContactName, "contact_name"},
	{store.FieldContactEmail, "contact_email"}, {store.FieldContactPhone, "contact_phone"},
	{store.FieldReferences, "references"},
}

// newCorrectionForm shows rec's effective values; submitted, when set,
// replaces them (the form comes back after a refused value).
func newCorrectionForm(rec *store.Record, submitted url.Values) *correctionForm {
	f := &correctionForm{Version: versionOf(rec)}
	for _, sf := range scalarFields {
		v, _ := rec.Value(sf.name)
		ff := formField{Name: sf.name, Label: sf.label, Value: v, Corrected: rec.IsCorrected(sf.name)}
		switch sf.name {
		case store.FieldKind:
			ff.Options = store.Kinds
		case store.FieldLanguage:
			ff.Options = append([]string{""}, store.Languages...)
		case store.FieldA, store.FieldB, store.FieldC, store.FieldD, store.FieldE:
			ff.Multi = true
		}
		if submitted != nil {
			ff.Value = unvis(submitted.Get(sf.name))
		}
		if len(ff.Value) > maxEditable {
			ff.TooLong, ff.Value = len(ff.Value), ""
		}
		ff.Value = vis(ff.Value)
		f.Fields = append(f.Fields, ff)
	}
	for _, g := range TagGroups {
		have := tagsOfResult(rec, g)
		labels := classify.Labels(g)
		for _, l := range have {
			if !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
		tg := tagGroupForm{Name: store.FieldTagsPrefix + g, Group: g, Corrected: rec.IsCorrected(store.FieldTagsPrefix + g)}
		for _, l := range labels {
			checked := slices.Contains(have, l)
			if submitted != nil {
				checked = slices.Contains(submitted[tg.Name], l)
			}
			tg.Choices = append(tg.Choices, tagChoice{l, checked})
		}
		f.Tags = append(f.Tags, tg)
	}
	if submitted != nil {
		f.Reason = submitted.Get("reason")
	}
	return f
}

func tagsOfResult(rec *store.Record, group string) []string {
	if p := rec.Result.Tags.Group(group); p != nil {
		return *p
	}
	return nil
}

// versionOf digests every correctable value of rec: a form submitted over
// values that changed since it was shown (another person's correction, a
// reprocess) is refused rather than writing its stale values back.
func versionOf(rec *store.Record) string {
	h := sha256.New()
	for _, f := range store.Fields() {
		v, _ := rec.Value(f)
		h.Write([]byte(f + "\x00" + v + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// changesOf turns a submitted form into the store's changes: the fields
// whose canonical value differs from the record's, and the tag labels
// ticked or unticked.
func changesOf(rec *store.Record, form url.Values) []store.Change {
	var out []store.Change
	for _, sf := range scalarFields {
		if _, ok := form[sf.name]; !ok {
			continue // not on the form: leave it
		}
		cur, _ := rec.Value(sf.name)
		c := store.Change{Field: sf.name, Op: store.OpSet, Value: unvis(form.Get(sf.name))}
		if same(c, cur) {
			continue
		}
		out = append(out, c)
	}
	if _, ok := form["tags"]; !ok { // the form marks that it carries the tags
		return out
	}
	for _, g := range TagGroups {
		name := store.FieldTagsPrefix + g
		have := tagsOfResult(rec, g)
		var want []string
		for _, l := range form[name] {
			want = append(want, unvis(l))
		}
		for _, l := range want {
			if !slices.Contains(have, l) {
				out = append(out, store.Change{Field: name, Op: store.OpAdd, Value: l})
			}
		}
		for _, l := range have {
			if !slices.Contains(want, l) {
				out = append(out, store.Change{Field: name, Op: store.OpRemove, Value: l})
			}
		}
	}
	return out
}

// same tells a submitted value that only differs from the current one in
// what the store would tidy anyway (line ends, surrounding blanks, the
// spelling of a number or list).
func same(c store.Change, cur string) bool {
	// The parser's reading may be a value a person could not type (an
	// address that is no address): unchanged, it is no correction.
	tidy := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	if tidy(c.Value) == tidy(cur) {
		return true
	}
	_, nv, err := store.ValidateChange(c)
	if err != nil {
		return false // let Correct refuse it, saying why
	}
	_, cv, err := store.ValidateChange(store.Change{Field: c.Field, Op: store.OpSet, Value: cur})
	if err != nil {
		cv = cur
	}
	return nv == cv
}

// correct is POST /messages/{id}/corrections: the correction form, or an
// undo (undo=FIELD).
func (s *Server) correct(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "message")
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, p, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, p, &statusError{http.StatusRequestEntityTooLarge, p.L.T("form_too_large")})
		return
	}
	ctx := r.Context()
	rec, err := s.opts.Store.Get(ctx, id)
	if err != nil {
		s.fail(w, r, p, err)
		return
	}
	who := userOf(r).Name
	meta := store.Meta{By: who, Reason: strings.TrimSpace(r.PostForm.Get("reason"))}
	if field := r.PostForm.Get("undo"); field != "" {
		if _, err := s.opts.Store.Undo(ctx, id, field, meta); err != nil {
			s.refused(w, r, p, rec, nil, err)
			return
		}
		s.log.Info("undo", "user", who, "id", id, "field", field)
		http.Redirect(w, r, "/messages/"+strconv.FormatUint(id, 10)+"?done=undone", http.StatusSeeOther)
		return
	}
	if r.PostForm.Get("version") != versionOf(rec) {
		p.Flash = p.L.T("flash_stale")
		s.refused(w, r, p, rec, nil, nil)
		return
	}
	changes := changesOf(rec, r.PostForm)
	if len(changes) == 0 {
		http.Redirect(w, r, "/messages/"+strconv.FormatUint(id, 10)+"?done=unchanged", http.StatusSeeOther)
		return
	}
	if _, err := s.opts.Store.Correct(ctx, id, changes, meta); err != nil {
		s.refused(w, r, p, rec, r.PostForm, err)
		return
	}
	fields := make([]string, len(changes))
	for i, c := range changes {
		fields[i] = c.Field + string(c.Op)
	}
	// Who changed what: field names, never the values (mail content).
	s.log.Info("correction", "user", who, "id", id, "fields", fields)
	http.Redirect(w, r, "/messages/"+strconv.FormatUint(id, 10)+"?done=corrected", http.StatusSeeOther)
}

// refused shows the message page again with the form as submitted and
// why it was refused (400), or as it now is after a stale form (409).
func (s *Server) refused(w http.ResponseWriter, r *http.Request, p *pageData, rec *store.Record, submitted url.Values, err error) {
	code := http.StatusConflict
	var ve *store.ValueError
	switch {
	case errors.As(err, &ve):
		code = http.StatusBadRequest
		p.Flash = ve.Error()
	case err != nil:
		s.fail(w, r, p, err)
		return
	}
	if err := s.fillMessage(r.Context(), p, rec, submitted); err != nil {
		s.fail(w, r, p, err)
		return
	}
	p.Body.(*messagePage).Form.Error = p.Flash
	render(w, "message", p, code)
}

// accept is POST /messages/{id}/accept; next= says where to go after
// (the review queue sends its own address).
func (s *Server) accept(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "message")
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, p, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, p, &statusError{http.StatusBadRequest, "bad form"})
		return
	}
	who := userOf(r).Name
	if _, err := s.opts.Store.Accept(r.Context(), []uint64{id}, store.Meta{By: who}); err != nil {
		s.fail(w, r, p, err)
		return
	}
	s.log.Info("accept", "user", who, "id", id)
	next := "/messages/" + strconv.FormatUint(id, 10)
	if n := r.PostForm.Get("next"); n != "" {
		next = safeNext(n)
	}
	sep := "?"
	if strings.Contains(next, "?") {
		sep = "&"
	}
	http.Redirect(w, r, next+sep+"done=accepted", http.StatusSeeOther)
}
