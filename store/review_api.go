package store

// The review API: the one way to confirm, correct and undo what the parser
// read. The CLI (review, correct, accept, show, list) and the web interface
// both call these methods and nothing else to change a message's review
// state or its values.
//
// Model. The record bucket keeps the parser's reading (Record.Result as
// the parser wrote it) and is never changed by a person. Beside it, the
// review bucket keeps per message a review document: the review state, the
// corrections standing on the message and the full history of corrections,
// undos, acceptances and reprocess events (never overwritten). Every read
// path (Get, List, Each, EachRecord, Case, Stats counters, indexes, Verify)
// works on the effective record: the parser's reading with the standing
// corrections applied. Record.Review says which fields were corrected and
// holds the review state; Record.Parsed returns the parser's own reading.
//
// Values travel as text, the way a person types them on the command line
// (Change.Value, Correction.Value/Old/Against): a decimal number of days
// for downtime_days, comma-separated references, "" for no lab / unknown
// downtime, and "present"/"absent" for one tag label.

import (
	"errors"
	"time"
)

// Field names of the correctable fields, as typed after `correct ID`.
const (
	FieldKind         = "kind"
	FieldLab          = "lab"
	FieldLanguage     = "language"
	FieldA            = "a"
	FieldB            = "b"
	FieldC            = "c"
	FieldD            = "d"
	FieldE            = "e"
	FieldDowntime     = "downtime_days"
	FieldIncidentDate = "incident_date" // YYYY-MM-DD or YYYY-MM
	FieldContactName  = "contact.name"
	FieldContactEmail = "contact.email"
	FieldContactPhone = "contact.phone"
	FieldReferences   = "references"
	// Tag corrections name a group, "tags.cause", with Op "+=" or "-=" and
	// a label as Value; the correction they make stands on the key
	// "tags.GROUP.LABEL" (TagField) with the value "present" or "absent".
	FieldTagsPrefix = "tags."
)

// TagGroups are the taxonomy's groups, in the order they are shown.
var TagGroups = []string{"cause", "impact", "response", "prevention"}

// Tag label values of a "tags.GROUP.LABEL" correction.
const (
	TagPresent = "present"
	TagAbsent  = "absent"
)

// Op is how a Change applies its value.
type Op string

const (
	OpSet    Op = "="  // replace the field's value (every field but tags)
	OpAdd    Op = "+=" // add a label to a tag group
	OpRemove Op = "-=" // remove a label from a tag group
)

// Change is one requested correction: FIELD=VALUE, tags.GROUP+=LABEL or
// tags.GROUP-=LABEL. ParseChange reads the command-line form; String
// writes it back.
type Change struct {
	Field string `json:"field"` // a Field* name, or "tags.GROUP"
	Op    Op     `json:"op"`
	Value string `json:"value"`
}

// Meta says who makes a change and why. By is required (the CLI defaults
// it to $USER); At defaults to now.
type Meta struct {
	By     string    `json:"by"`
	Reason string    `json:"reason,omitempty"`
	At     time.Time `json:"at,omitzero"`
}

// ReviewState is whether a person has confirmed a message.
type ReviewState string

const (
	StateUnreviewed ReviewState = "unreviewed"
	StateReviewed   ReviewState = "reviewed"
)

// Review is what a person did to one message, as read paths attach it to
// the effective Record (Record.Review, never nil on a record read from a
// store).
type Review struct {
	State ReviewState `json:"state"`
	By    string      `json:"by,omitempty"` // who reviewed it (State reviewed)
	At    time.Time   `json:"at,omitzero"`  // when
	// Reasons are why the parser asks a person to look: codes of
	// mailparse.ReviewReasons ("needs_review" for records filed before the
	// parser gave codes; ReasonWords says them in words). Empty when it
	// does not ask.
	Reasons []string `json:"reasons"`
	// Corrections standing on the message, one per field key, in the
	// order they were first made. Empty when nothing was corrected.
	Corrections []Correction `json:"corrections"`
}

// Correction is one correction standing on a message.
type Correction struct {
	// Field is the key: a Field* name, or "tags.GROUP.LABEL".
	Field string `json:"field"`
	Value string `json:"value"` // the corrected (effective) value
	Old   string `json:"old"`   // the effective value it replaced
	// Against is the parser's reading of the field when the correction
	// was made; ParserNow is set (and Disagrees true) when a reprocess
	// made the parser read something else since.
	Against   string    `json:"against"`
	ParserNow string    `json:"parser_now,omitempty"`
	Disagrees bool      `json:"disagrees,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Reason    string    `json:"reason,omitempty"`
}

// Event actions in a message's history.
const (
	ActCorrect   = "correct"   // a field was corrected (Field, Old, New, Against)
	ActUndo      = "undo"      // a correction was withdrawn (Field, Old, New)
	ActAccept    = "accept"    // marked reviewed
	ActUnreview  = "unreview"  // back to unreviewed: the parser's reading changed (Fields in Reason)
	ActDisagree  = "disagree"  // reprocess: the parser now reads a corrected field otherwise (Field, Against, New = parser now)
	ActAgreeing  = "agree"     // reprocess: the parser agrees again with the reading a correction was made against
	ActMigration = "migration" // reserved: written by a schema migration
)

// Event is one entry of a message's history. Events are only appended.
type Event struct {
	Seq     int       `json:"seq"` // 1, 2, ... per message
	At      time.Time `json:"at"`
	By      string    `json:"by"` // "reprocess" for events reprocess records
	Action  string    `json:"action"`
	Field   string    `json:"field,omitempty"`
	Old     string    `json:"old,omitempty"`
	New     string    `json:"new,omitempty"`
	Against string    `json:"against,omitempty"`
	Reason  string    `json:"reason,omitempty"`
}

// Queue groups of ReviewQueue, in the order the queue lists them.
const (
	QueueParserAsks   = "parser_asks"  // the parser asks a person to look (Reasons)
	QueueUnreviewed   = "unreviewed"   // a report nobody has reviewed yet
	QueueDisagreement = "disagreement" // the parser now disagrees with a correction
)

// QueueFilter narrows ReviewQueue; zero fields do not filter.
type QueueFilter struct {
	Lab   string // compared under NormLab (effective lab)
	Limit int
}

// QueueItem is one message waiting for a person.
type QueueItem struct {
	ID    uint64    `json:"id"`
	Group string    `json:"group"` // Queue*
	Date  time.Time `json:"date"`  // the message's date (UTC), else when filed
	Lab   string    `json:"lab"`   // effective lab, normalised ("" none)
	Kind  string    `json:"kind"`  // effective kind
	// Reasons are the parser's review reason codes (mailparse.ReviewReasons;
	// "needs_review" for records filed before codes existed).
	Reasons []string `json:"reasons"`
	// Why says in words why it is in the queue: each reason (ReasonWords),
	// "not reviewed yet", and for each disagreement "FIELD: corrected to
	// V against A; the parser now reads P".
	Why []string `json:"why"`
}

// Disagreement is a corrected field the parser now reads differently from
// the reading the correction was made against (reported by Reparse).
type Disagreement struct {
	ID        uint64 `json:"id"`
	Field     string `json:"field"`
	Value     string `json:"value"`   // the correction, which stands
	Against   string `json:"against"` // the parser's reading it was made against
	ParserNow string `json:"parser_now"`
}

// ReparseReport is what Reparse did beside updating the parser's readings.
type ReparseReport struct {
	Disagreements []Disagreement `json:"disagreements"`
	// Unreviewed are reviewed messages sent back to unreviewed because
	// the parser's reading changed in a field nobody corrected.
	Unreviewed []uint64 `json:"unreviewed"`
}

// ErrInvalid: a Change names an unknown field or a value outside what the
// field takes (the CLI exits 2). The error is a *ValueError.
var ErrInvalid = errors.New("invalid value")

// ValueError says which field or value was refused and what is valid.
type ValueError struct {
	Field string
	Value string
	Msg   string   // what is wrong
	Valid []string // the valid values, when they are a list
}

// Method summary (implemented in review.go, review_queue.go, correct.go):
//
//	func (s *Store) Correct(ctx, id uint64, changes []Change, m Meta) (*Record, error)
//	    Validates every change first (ErrInvalid: nothing written), then in
//	    one transaction records the changes that alter the effective value
//	    (history event, standing correction, indexes and counters follow)
//	    and returns the new effective record.
//	func (s *Store) Undo(ctx, id uint64, field string, m Meta) (*Record, error)
//	    Withdraws the standing correction of field (a key, or "tags.GROUP"
//	    for all of the group's labels); recorded as an event.
//	func (s *Store) Accept(ctx, ids []uint64, m Meta) (int, error)
//	    Marks messages reviewed (by m.By, at m.At); returns how many were
//	    not reviewed before. Accepting a reviewed message changes nothing.
//	func (s *Store) History(ctx, id uint64) ([]Event, error)
//	func (s *Store) ReviewQueue(ctx, f QueueFilter) ([]QueueItem, error)
//	    Parser asks first, then unreviewed reports, then disagreements;
//	    oldest first within each group. Answered from indexes and the
//	    review bucket, without decoding reports.
//	func (s *Store) Reparse(ctx, recs []Reparsed) (*ReparseReport, error)
//	    Update with the report: new parser readings, corrections kept.
//	func CheckReparse(rec *Record, res *mailparse.Result) ([]Disagreement, bool)
//	    What Reparse would report for one record (dry runs).
//	func ParseChange(s string) (Change, error)
//	func ValidateChange(c Change) (key, value string, err error)
//	    Checks a change; key is the correction key, value the canonical text.
//	func Fields() []string; Kinds, Languages, TagGroups; classify.Labels(group)
//	    The valid fields and values (what a form offers).
//	func (r *Record) Value(field string) (string, error)  // effective value as text
//	func (r *Record) Parsed() *mailparse.Result           // the parser's reading
//	func (r *Record) ParsedValue(field string) (string, error) // the parser's value as text
//	func (r *Record) Corrected() []string                 // corrected field keys
//	func (r *Record) IsCorrected(field string) bool       // field, or tags.GROUP
