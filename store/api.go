// Package store files raw and parsed mail in one embedded bbolt file and
// answers the analysts' queries. Raw messages are kept verbatim and are the
// source of truth; parsed reports, indexes and per-source state can all be
// rebuilt from them. Nothing is ever dropped: a message the parser failed on
// is stored raw with its error.
package store

import (
	"log/slog"
	"time"

	"cyberintake/mailparse"
)

// Options tune Open. A nil *Options is valid and means the defaults.
type Options struct {
	// Timeout bounds the wait for bbolt's file lock held by another process
	// (the daemon writing a batch, an analyst reading). Zero means 2s.
	// On expiry operations return an error wrapping ErrBusy.
	Timeout time.Duration
	// ReadOnly opens for queries only; write methods return ErrReadOnly.
	// A read-only handle never changes the file.
	ReadOnly bool
	// Logger receives store events; nil means slog.Default().
	Logger *slog.Logger
}

// Source says where a message was read from.
type Source struct {
	Kind string `json:"kind"` // imap, mbox, maildir, eml, stdin
	Name string `json:"name"` // path, or account/mailbox for IMAP
	UID  uint32 `json:"uid,omitempty"`
}

// Message is one message handed to the store for filing.
type Message struct {
	Raw    []byte
	Result *mailparse.Result // nil only if parsing was not attempted (filed as failed)
	Source Source
	// Truncated, when not "", says how the source ended inside this
	// message (an mbox cut mid-line, a .gz that ends early): it is filed
	// flagged for review ("truncated"), and a later complete copy
	// replaces it.
	Truncated string

	packed *packedRaw // set by Pack
}

// Outcome says what Put did with one message.
type Outcome struct {
	ID        uint64 // the stored record (the existing one for a duplicate)
	Duplicate bool   // already stored (same content, or same Message-ID and sender's text)
	// Quarantined is not "" when the parsed result could not be stored:
	// the message was filed raw as failed, with this reason.
	Quarantined string
	// SameMessageID is a stored message with the same Message-ID but other
	// content; this one was filed as its own all the same.
	SameMessageID uint64
	// Replaced: this message is a complete copy of the stored record ID,
	// which was truncated; it took that record's place (Record.Replaced).
	Replaced bool
}

// SourceState is what the IMAP daemon remembers of one mailbox.
type SourceState struct {
	Key         string    `json:"key"` // account@host/mailbox
	UIDValidity uint32    `json:"uid_validity"`
	LastUID     uint32    `json:"last_uid"`
	SyncedAt    time.Time `json:"synced_at"`
	// Unmarked are UIDs (of UIDValidity) filed but maybe not yet marked or
	// moved on the server, as an IMAP sequence set ("3:7,9"); empty when
	// none. Written in the transaction that files them, so a restarted
	// daemon finishes the marking. Absent in states written before it
	// existed, which decode as empty: no schema change.
	Unmarked string `json:"unmarked,omitempty"`
}

// Record is one stored message with its parsed result.
type Record struct {
	ID            uint64           `json:"id"`
	Hash          string           `json:"hash"` // sha256 of the raw bytes, hex
	FiledAt       time.Time        `json:"filed_at"`
	Source        Source           `json:"source"`
	ParserVersion int              `json:"parser_version"`
	Result        mailparse.Result `json:"result"` // effective: the parser's reading with corrections applied
	// Notes are what the store noticed when filing, beside the parser's
	// warnings (which a reparse replaces): a Message-ID another message
	// uses too, a header value too long to index whole.
	Notes []string `json:"notes,omitempty"`
	// Review is the review state and the corrections standing on the
	// message (review_api.go); set on every record read from a store.
	Review *Review `json:"review,omitempty"`

	// Truncated says how the source ended inside this message (see
	// Message.Truncated); "" for a whole message.
	Truncated string `json:"truncated,omitempty"`
	// Replaced lists the truncated copies this record's raw message
	// replaced, oldest first.
	Replaced []ReplacedCopy `json:"replaced,omitempty"`

	parsed *mailparse.Result // the parser's reading, when read from a store
}

// ReplacedCopy is a truncated copy of a message that a complete copy
// replaced: what it was, and when.
type ReplacedCopy struct {
	At        time.Time `json:"at"`
	Hash      string    `json:"hash"` // sha256 of its raw bytes
	Size      int       `json:"size"`
	Source    Source    `json:"source"`
	FiledAt   time.Time `json:"filed_at"`
	Truncated string    `json:"truncated,omitempty"`
}

// Filter selects records; zero fields do not filter.
type Filter struct {
	Lab      string // compared under NormLab
	Language string
	Kind     mailparse.Kind
	Since    time.Time // message date at or after
	Until    time.Time // message date before (exclusive)
	// IncidentSince and IncidentUntil select by incident_date (the range
	// rule is in incident.go: a "YYYY-MM" incident counts as its month's
	// first day); records without one are left out when either is set.
	IncidentSince time.Time           // incident day at or after
	IncidentUntil time.Time           // incident day before (exclusive)
	Tags          map[string][]string // group -> labels, all must match
	NeedsReview   bool
	Failed        bool
	Outdated      bool   // parsed by an older parser (mailparse.Version) or failed: what reprocess retries
	Text          string // words that must all occur in the answers (case and accents aside)
	Reviewed      bool   // a person confirmed it
	Unreviewed    bool   // nobody confirmed it yet
	Corrected     bool   // at least one field corrected
	Limit         int    // at most this many (List: the oldest first)
}

// Problem is one inconsistency Verify found.
type Problem struct {
	What string `json:"what"`
	ID   uint64 `json:"id,omitempty"`
}
