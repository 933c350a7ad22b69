package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// bReview holds, per message ID, its review document (JSON): what people
// did to it. The parser's reading in bRecord is never touched by them.
var bReview = []byte("review")

// reviewDoc is the stored review document of one message. Corrections is
// what stands now; History is every event in order and is only appended
// to, so Corrections can always be replayed from it (Verify does).
type reviewDoc struct {
	State       ReviewState  `json:"state"`
	By          string       `json:"by,omitempty"`
	At          time.Time    `json:"at,omitzero"`
	Corrections []Correction `json:"corrections,omitempty"`
	History     []Event      `json:"history"`
}

// Index flags and counters of the review state (index.go, stats.go).
const (
	flagReviewed  = "reviewed"
	flagCorrected = "corrected"
	flagDisagree  = "disagree"
	// flagReasonPrefix + a review reason code: the parser's reasons.
	flagReasonPrefix = "reason:"
)

func getReviewDoc(tx *bolt.Tx, id uint64) (*reviewDoc, error) {
	doc := &reviewDoc{State: StateUnreviewed}
	b := tx.Bucket(bReview)
	if b == nil {
		return doc, nil
	}
	v := b.Get(idKey(id))
	if v == nil {
		return doc, nil
	}
	if err := json.Unmarshal(v, doc); err != nil {
		return nil, fmt.Errorf("review of %d: decode: %w", id, err)
	}
	return doc, nil
}

func putReviewDoc(tx *bolt.Tx, id uint64, doc *reviewDoc) error {
	v, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("review of %d: encode: %w", id, err)
	}
	if err := tx.Bucket(bReview).Put(idKey(id), v); err != nil {
		return fmt.Errorf("review of %d: %w", id, err)
	}
	return nil
}

// loadRecord decodes a stored record and applies its review document:
// every read path goes through it, so every command sees effective values.
func loadRecord(tx *bolt.Tx, id uint64, v []byte) (*Record, error) {
	r, err := decodeRecord(id, v)
	if err != nil {
		return nil, err
	}
	doc, err := getReviewDoc(tx, id)
	if err != nil {
		return nil, err
	}
	attachReview(r, doc)
	return r, nil
}

// attachReview makes r (holding the parser's reading) the effective record.
func attachReview(r *Record, doc *reviewDoc) {
	parsed := r.Result // shallow: setResultValue replaces slices, never edits them
	r.parsed = &parsed
	r.Review = &Review{State: doc.State, By: doc.By, At: doc.At, Reasons: parserReasons(&parsed),
		Corrections: slices.Clone(doc.Corrections)}
	if r.Review.Corrections == nil {
		r.Review.Corrections = []Correction{}
	}
	for _, c := range doc.Corrections {
		setResultValue(&r.Result, c.Field, c.Value)
	}
}

// reasonUnknown stands for the parser's reasons on a record filed before
// the parser gave them (needs_review alone).
const reasonUnknown = "needs_review"

// parserReasons are why the parser asks for review: codes of
// mailparse.ReviewReasons.
func parserReasons(res *mailparse.Result) []string {
	switch {
	case len(res.ReviewReasons) > 0:
		return slices.Clone(res.ReviewReasons)
	case res.NeedsReview:
		return []string{reasonUnknown}
	}
	return []string{}
}

// ReasonWords says a review reason code in words.
func ReasonWords(code string) string {
	if code == reasonUnknown {
		return "the parser asks for a review (filed before it said why)"
	}
	return mailparse.ReviewReasonWords(code)
}

// Parsed returns the parser's own reading of the message (Result before
// corrections).
func (r *Record) Parsed() *mailparse.Result {
	if r.parsed != nil {
		return r.parsed
	}
	return &r.Result
}

// Corrected lists the keys of the corrected fields, in correction order.
func (r *Record) Corrected() []string {
	if r.Review == nil {
		return nil
	}
	out := make([]string, len(r.Review.Corrections))
	for i, c := range r.Review.Corrections {
		out[i] = c.Field
	}
	return out
}

// IsCorrected tells whether field (a key, or "tags.GROUP" for any of its
// labels) was corrected.
func (r *Record) IsCorrected(field string) bool {
	if r.Review == nil {
		return false
	}
	for _, c := range r.Review.Corrections {
		if c.Field == field || strings.HasPrefix(c.Field, field+".") && strings.HasPrefix(field, FieldTagsPrefix) {
			return true
		}
	}
	return false
}

// Reviewed tells whether a person confirmed the message.
func (r *Record) Reviewed() bool { return r.Review != nil && r.Review.State == StateReviewed }

// Disagrees tells whether the parser now reads a corrected field otherwise.
func (r *Record) Disagrees() bool {
	if r.Review == nil {
		return false
	}
	for _, c := range r.Review.Corrections {
		if c.Disagrees {
			return true
		}
	}
	return false
}

// Value returns the effective value of field (a key, or "tags.GROUP") as
// text.
func (r *Record) Value(field string) (string, error) { return resultValue(&r.Result, field) }

// reviewIndexEntries are the index flags of r's review state, and one
// flag per review reason of the parser ("reason:CODE"), so that the review
// queue is answered without decoding reports.
func reviewIndexEntries(id uint64, r *Record) []ixEntry {
	var e []ixEntry
	for _, f := range reviewFlags(r) {
		e = append(e, ixEntry{ixFlag, valueKey(f, id)})
	}
	for _, c := range parserReasons(r.Parsed()) {
		e = append(e, ixEntry{ixFlag, valueKey(flagReasonPrefix+c, id)})
	}
	return e
}

func reviewFlags(r *Record) []string {
	var f []string
	if r.Reviewed() {
		f = append(f, flagReviewed)
	}
	if r.Review != nil && len(r.Review.Corrections) > 0 {
		f = append(f, flagCorrected)
	}
	if r.Disagrees() {
		f = append(f, flagDisagree)
	}
	return f
}

// change runs fn on the effective record of id and its review document in
// one write transaction, then stores the document and moves the indexes
// and counters from the old effective record to the new one.
func (s *Store) change(ctx context.Context, id uint64, fn func(cur *Record, doc *reviewDoc) error) (*Record, error) {
	var out *Record
	err := s.update(personWrite(ctx), func(tx *bolt.Tx) error {
		var err error
		out, err = changeOne(tx, id, fn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("message %d: %w", id, err)
	}
	return out, nil
}

func changeOne(tx *bolt.Tx, id uint64, fn func(cur *Record, doc *reviewDoc) error) (*Record, error) {
	v := tx.Bucket(bRecord).Get(idKey(id))
	if v == nil {
		return nil, ErrNotFound
	}
	old, err := loadRecord(tx, id, v)
	if err != nil {
		return nil, err
	}
	doc, err := getReviewDoc(tx, id)
	if err != nil {
		return nil, err
	}
	cur := *old
	cur.Result = *old.Parsed()
	attachReview(&cur, doc)
	if err := fn(&cur, doc); err != nil {
		return nil, err
	}
	nr := *old
	nr.Result = *old.Parsed()
	attachReview(&nr, doc)
	counts := counterDelta{}
	if err := reindex(tx, id, old, &nr, counts); err != nil {
		return nil, err
	}
	if err := counts.apply(tx); err != nil {
		return nil, err
	}
	return &nr, putReviewDoc(tx, id, doc)
}

// reindex moves index entries and counters from old to nr (both
// effective). Only the entries that differ are touched: a correction
// changes one or two of a record's dozen, and each touch is a walk down a
// B+tree.
func reindex(tx *bolt.Tx, id uint64, old, nr *Record, counts counterDelta) error {
	before, after := indexEntries(id, old), indexEntries(id, nr)
	key := func(e ixEntry) string { return string(e.bucket) + "\x00" + string(e.key) }
	have := make(map[string]bool, len(before))
	for _, e := range before {
		have[key(e)] = true
	}
	var add []ixEntry
	for _, e := range after {
		if have[key(e)] {
			delete(have, key(e))
		} else {
			add = append(add, e)
		}
	}
	var del []ixEntry
	for _, e := range before {
		if have[key(e)] {
			del = append(del, e)
		}
	}
	if err := deleteIndexes(tx, del); err != nil {
		return err
	}
	if err := putIndexes(tx, add); err != nil {
		return err
	}
	counts.add(old, -1)
	counts.add(nr, 1)
	return nil
}

func (d *reviewDoc) event(e Event) {
	e.Seq = len(d.History) + 1
	d.History = append(d.History, e)
}

func metaOf(m Meta) (Meta, error) {
	m.By = strings.TrimSpace(m.By)
	if m.By == "" {
		return m, &ValueError{Field: "by", Msg: "say who makes the change (--by NAME, or set $USER)"}
	}
	if m.At.IsZero() {
		m.At = time.Now().UTC().Truncate(time.Millisecond)
	}
	return m, nil
}

// Correct records changes to message id (see review_api.go).
func (s *Store) Correct(ctx context.Context, id uint64, changes []Change, m Meta) (*Record, error) {
	m, err := metaOf(m)
	if err != nil {
		return nil, err
	}
	type kv struct{ key, value string }
	checked := make([]kv, 0, len(changes))
	for _, c := range changes {
		k, v, err := ValidateChange(c)
		if err != nil {
			return nil, err
		}
		checked = append(checked, kv{k, v})
	}
	return s.change(ctx, id, func(cur *Record, doc *reviewDoc) error {
		for _, c := range checked {
			old, _ := resultValue(&cur.Result, c.key)
			if old == c.value {
				continue // nothing to correct: not recorded
			}
			against, _ := resultValue(cur.Parsed(), c.key)
			doc.event(Event{At: m.At, By: m.By, Action: ActCorrect, Field: c.key, Old: old, New: c.value, Against: against, Reason: m.Reason})
			corr := Correction{Field: c.key, Value: c.value, Old: old, Against: against, By: m.By, At: m.At, Reason: m.Reason}
			if i := slices.IndexFunc(doc.Corrections, func(x Correction) bool { return x.Field == c.key }); i >= 0 {
				doc.Corrections[i] = corr
			} else {
				doc.Corrections = append(doc.Corrections, corr)
			}
			setResultValue(&cur.Result, c.key, c.value)
		}
		return nil
	})
}

// Undo withdraws the correction of field on message id (see review_api.go).
func (s *Store) Undo(ctx context.Context, id uint64, field string, m Meta) (*Record, error) {
	m, err := metaOf(m)
	if err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(cur *Record, doc *reviewDoc) error {
		var keep []Correction
		undone := 0
		for _, c := range doc.Corrections {
			if c.Field != field && !(strings.HasPrefix(field, FieldTagsPrefix) && strings.HasPrefix(c.Field, field+".")) {
				keep = append(keep, c)
				continue
			}
			undone++
			parser, _ := resultValue(cur.Parsed(), c.Field)
			doc.event(Event{At: m.At, By: m.By, Action: ActUndo, Field: c.Field, Old: c.Value, New: parser, Reason: m.Reason})
		}
		if undone == 0 {
			return &ValueError{Field: field, Msg: fmt.Sprintf("message %d has no correction of it", id), Valid: cur.Corrected()}
		}
		doc.Corrections = keep
		return nil
	})
}

// Accept marks messages reviewed (see review_api.go). A correction the
// parser disagreed with is accepted against the parser's new reading.
func (s *Store) Accept(ctx context.Context, ids []uint64, m Meta) (int, error) {
	return s.changeEach(ctx, "accept", ids, m, func(m Meta, doc *reviewDoc) bool {
		changed := false
		for i := range doc.Corrections {
			c := &doc.Corrections[i]
			if c.Disagrees {
				doc.event(Event{At: m.At, By: m.By, Action: ActAccept, Field: c.Field, Old: c.Against, New: c.ParserNow,
					Reason: "correction kept against the parser's new reading"})
				c.Against, c.ParserNow, c.Disagrees = c.ParserNow, "", false
				changed = true
			}
		}
		if doc.State != StateReviewed {
			doc.State, doc.By, doc.At = StateReviewed, m.By, m.At
			doc.event(Event{At: m.At, By: m.By, Action: ActAccept, Reason: m.Reason})
			changed = true
		}
		return changed
	})
}

// Reopen sends reviewed messages back to unreviewed (a person changed
// their mind, or wants a second look); returns how many were reviewed.
// Recorded like Accept.
func (s *Store) Reopen(ctx context.Context, ids []uint64, m Meta) (int, error) {
	return s.changeEach(ctx, "reopen", ids, m, func(m Meta, doc *reviewDoc) bool {
		if doc.State != StateReviewed {
			return false
		}
		doc.State, doc.By, doc.At = StateUnreviewed, "", time.Time{}
		doc.event(Event{At: m.At, By: m.By, Action: ActUnreview, Reason: m.Reason})
		return true
	})
}

// changeEach applies fn to the review document of every message in ids, in
// one person's write transaction, and returns how many fn changed.
func (s *Store) changeEach(ctx context.Context, what string, ids []uint64, m Meta, fn func(Meta, *reviewDoc) bool) (int, error) {
	m, err := metaOf(m)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.update(personWrite(ctx), func(tx *bolt.Tx) error {
		n = 0 // update may run fn again
		for _, id := range ids {
			_, err := changeOne(tx, id, func(_ *Record, doc *reviewDoc) error {
				if fn(m, doc) {
					n++
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("message %d: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	return n, nil
}

// History returns every event of message id, oldest first.
func (s *Store) History(ctx context.Context, id uint64) ([]Event, error) {
	var doc *reviewDoc
	err := s.view(ctx, func(tx *bolt.Tx) error {
		if tx.Bucket(bRecord).Get(idKey(id)) == nil {
			return ErrNotFound
		}
		var err error
		doc, err = getReviewDoc(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("history of %d: %w", id, err)
	}
	if doc.History == nil {
		return []Event{}, nil
	}
	return doc.History, nil
}

// ParsedValue returns the parser's own reading of field as text.
func (r *Record) ParsedValue(field string) (string, error) { return resultValue(r.Parsed(), field) }
