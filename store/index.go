package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cyberintake/mailparse"
)

// Index buckets. Keys are the indexed value, a 0 byte and the 8-byte ID
// (dates: 8-byte biased Unix seconds, then the ID); values are empty. A
// query seeks to the value's prefix and reads IDs until the prefix ends,
// touching only the matching keys (the bstore layout).
var (
	ixLab  = []byte("ix_lab")  // NormLab(lab)
	ixDate = []byte("ix_date") // message date (filing time when none)
	ixKind = []byte("ix_kind") // kind
	ixLang = []byte("ix_lang") // language
	ixTag  = []byte("ix_tag")  // group "=" label
	ixFlag = []byte("ix_flag") // "failed", "review"
	ixRef  = []byte("ix_ref")  // Message-IDs a record replies to (In-Reply-To, References)
)

var indexes = []struct{ bucket []byte }{{ixLab}, {ixDate}, {ixKind}, {ixLang}, {ixTag}, {ixFlag}, {ixRef}, {ixIncident}}

const (
	flagFailed = "failed"
	flagReview = "review"
)

type ixEntry struct {
	bucket []byte
	key    []byte
}

// NormLab is the form labs are indexed and compared under: lower case,
// without spaces, dots or dashes of any kind, so that "8-21045-32-117",
// "82104532117" and "8.21045.32.117", or "Klinik Ourtal" and
// "klinik-ourtal", are one lab (labs write their number every way).
// Changing it needs a migration that rebuilds ix_lab (migrateLabKeys).
func NormLab(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Pd, r) || r == '−' || r == '.' || unicode.IsSpace(r) || r == 0 {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// normMsgID strips blanks and angle brackets from a Message-ID.
func normMsgID(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<")
	s = strings.TrimSuffix(s, ">")
	return strings.TrimSpace(s)
}

// recordTime is when a message was written: its Date, else when it was filed.
func recordTime(r *Record) time.Time {
	if r.Result.Date != "" {
		if t, err := time.Parse(time.RFC3339, r.Result.Date); err == nil {
			return t.UTC()
		}
	}
	return r.FiledAt.UTC()
}

// Date returns when the message was written, in the sender's time zone
// (its Date header), else when it was filed (UTC).
func (r *Record) Date() time.Time {
	if t, err := time.Parse(time.RFC3339, r.Result.Date); err == nil {
		return t
	}
	return r.FiledAt.UTC()
}

// LabKey is the record's normalised lab, "" when it names none.
func (r *Record) LabKey() string {
	if r.Result.Lab == nil {
		return ""
	}
	return NormLab(*r.Result.Lab)
}

// Failed tells a message the parser could not read.
func (r *Record) Failed() bool { return r.Result.Error != "" }

func isReport(r *Record) bool {
	return r.Result.Kind == mailparse.KindReport && r.Result.Error == ""
}

// maxKeyValue bounds the part of a key that comes from mail (a lab, a
// Message-ID, a reference). Longer values are stored as their first
// maxKeyValue bytes, a marker and their sha256: a key stays far below
// bbolt's 32 KiB limit (one hostile header no longer fails a batch) and
// small enough for bbolt's pages, a prefix scan for a normal value still
// finds it, and a long value looked up goes through the same function, so
// it is found as well. The bounded form is longer than maxKeyValue, so it
// never equals a value that was kept as it is. A variable only so that a
// test can switch the bounding off and reach Put's second line of defence.
var maxKeyValue = 512

const hashedMarker = "#sha256:"

// boundValue is the form value takes in a key (see maxKeyValue). Invalid
// UTF-8 is first replaced as encoding/json replaces it, byte by byte: keys
// are made when a record is filed, and again by Verify and Update from the
// stored (JSON) record, and both must agree.
func boundValue(value string) string {
	value = jsonCoerced(value)
	if len(value) <= maxKeyValue {
		return value
	}
	sum := sha256.Sum256([]byte(value))
	return value[:maxKeyValue] + hashedMarker + hex.EncodeToString(sum[:])
}

// jsonCoerced is s as a JSON round trip returns it: each byte of an
// invalid UTF-8 sequence becomes U+FFFD.
func jsonCoerced(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func valueKey(value string, id uint64) []byte {
	value = boundValue(value)
	k := make([]byte, 0, len(value)+9)
	k = append(k, value...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, id)
}

func valuePrefix(value string) []byte { return append([]byte(boundValue(value)), 0) }

// msgIDKey is the key of a normalised Message-ID in the Message-ID map.
func msgIDKey(msgID string) []byte { return []byte(boundValue(msgID)) }

func timeKey(t time.Time) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(t.Unix())^(1<<63))
}

func dateKey(t time.Time, id uint64) []byte {
	return binary.BigEndian.AppendUint64(timeKey(t), id)
}

func kindOf(r *Record) string {
	if r.Result.Kind == "" {
		return "unknown"
	}
	return string(r.Result.Kind)
}

func tagPairs(t mailparse.Result) []string {
	var out []string
	for _, g := range []struct {
		name   string
		labels []string
	}{{"cause", t.Tags.Cause}, {"impact", t.Tags.Impact}, {"response", t.Tags.Response}, {"prevention", t.Tags.Prevention}} {
		for _, l := range g.labels {
			out = append(out, g.name+"="+l)
		}
	}
	return out
}

// refIDs are the Message-IDs r replies to, without duplicates.
func refIDs(r *Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append([]string{r.Result.InReplyTo}, r.Result.Thread...) {
		s = normMsgID(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// indexEntries lists every index key of record id. Put adds them, Update
// replaces them, Verify recomputes and compares them.
func indexEntries(id uint64, r *Record) []ixEntry {
	e := []ixEntry{
		{ixDate, dateKey(recordTime(r), id)},
		{ixKind, valueKey(kindOf(r), id)},
	}
	if lab := r.LabKey(); lab != "" {
		e = append(e, ixEntry{ixLab, valueKey(lab, id)})
	}
	if r.Result.Language != "" {
		e = append(e, ixEntry{ixLang, valueKey(r.Result.Language, id)})
	}
	seen := map[string]bool{}
	for _, t := range tagPairs(r.Result) {
		if !seen[t] {
			seen[t] = true
			e = append(e, ixEntry{ixTag, valueKey(t, id)})
		}
	}
	if r.Failed() {
		e = append(e, ixEntry{ixFlag, valueKey(flagFailed, id)})
	}
	if r.Result.NeedsReview {
		e = append(e, ixEntry{ixFlag, valueKey(flagReview, id)})
	}
	for _, m := range refIDs(r) {
		e = append(e, ixEntry{ixRef, valueKey(m, id)})
	}
	if v, _, ok := incidentDay(r); ok {
		e = append(e, ixEntry{ixIncident, valueKey(v, id)})
	}
	return append(e, reviewIndexEntries(id, r)...)
}

// counterKeys lists the stats counters one record adds to. Language,
// month, tags and downtime count reports only (the analysts' figures);
// kinds and flags count everything filed.
func counterKeys(r *Record) []string {
	k := counterNames(r)
	for i := range k { // a parser bug must not make a key bbolt refuses
		k[i] = boundValue(k[i])
	}
	return k
}

func counterNames(r *Record) []string {
	k := []string{"all", "kind\x00" + kindOf(r)}
	if r.Failed() {
		k = append(k, flagFailed)
	}
	if r.Result.NeedsReview {
		k = append(k, flagReview)
	}
	k = append(k, reviewFlags(r)...)
	if !isReport(r) {
		return k
	}
	lang := r.Result.Language
	if lang == "" {
		lang = "unknown"
	}
	k = append(k, "report", "lang\x00"+lang, "month\x00"+recordTime(r).Format("2006-01"))
	seen := map[string]bool{}
	for _, t := range tagPairs(r.Result) {
		if !seen[t] {
			seen[t] = true
			k = append(k, "tag\x00"+t)
		}
	}
	if m := incidentMonth(r); m != "" {
		k = append(k, counterIncident+m)
	}
	if d := r.Result.DowntimeDays; d != nil {
		k = append(k, "down\x00"+strconv.FormatFloat(*d, 'g', -1, 64))
	}
	return k
}
