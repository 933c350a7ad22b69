package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"cyberintake/mailparse"
)

// prepared is a message made ready for filing outside the write lock:
// hashing and compression are the costly parts of Put.
type prepared struct {
	key    [32]byte  // contentKey
	sender *[32]byte // senderKey, computed when first needed
	msgID  string
	plain  []byte // the raw message as given (not a copy)
	raw    []byte // packed
	now    time.Time
	rec    Record // ID unset
	val    []byte // encoded rec
	// why is set when the parsed result could not be filed and the message
	// is filed raw as failed instead (quarantine).
	why string
}

// packedRaw is what Pack computes of a message's raw bytes.
type packedRaw struct {
	key  [32]byte // contentKey
	hash string   // sha256 of the exact bytes, hex
	raw  []byte   // pack(Raw)
}

// Pack hashes and compresses Raw now, on the caller's goroutine, so that
// Put has less to do with the batch in hand: ingest packs in its parsing
// workers, which keeps the commit, the one serial step, short (hashing and
// compression were three quarters of it). Optional: Put packs whatever is
// not packed. Raw must not change afterwards.
func (m *Message) Pack() {
	sum := sha256.Sum256(m.Raw)
	m.packed = &packedRaw{key: contentKey(m.Raw), hash: hex.EncodeToString(sum[:]), raw: pack(m.Raw)}
}

func prepare(m Message, now time.Time) *prepared {
	if m.packed == nil {
		m.Pack()
	}
	p := &prepared{key: m.packed.key, plain: m.Raw, raw: m.packed.raw, now: now}
	res := m.Result
	if res == nil {
		res = mailparse.Failed(m.Source.Name, fmt.Errorf("not parsed"))
	}
	p.rec = Record{
		Hash:          m.packed.hash,
		FiledAt:       now,
		Source:        m.Source,
		ParserVersion: mailparse.Version,
		Result:        *res,
		Notes:         longValueNotes(res),
		Truncated:     m.Truncated,
	}
	if m.Truncated != "" {
		markTruncated(&p.rec.Result)
	}
	p.msgID = normMsgID(res.MessageID)
	v, err := encodeRecord(&p.rec)
	if err != nil {
		p.quarantine(err)
		return p
	}
	p.val = v
	return p
}

// maxQuarantineReason bounds the error text kept with a quarantined message.
const maxQuarantineReason = 300

// quarantine replaces the parsed result, which could not be stored, by a
// failed one that says why: the raw message is filed all the same (it is
// the source of truth; reprocess can retry it) and listed by list --failed.
func (p *prepared) quarantine(cause error) {
	why := cause.Error()
	if len(why) > maxQuarantineReason {
		why = strings.ToValidUTF8(why[:maxQuarantineReason], "") + "…"
	}
	p.why = why
	p.rec.Result = *QuarantinedResult(p.rec.Result.File, why)
	if p.rec.Truncated != "" {
		markTruncated(&p.rec.Result)
	}
	p.msgID = ""
	v, err := encodeRecord(&p.rec)
	if err != nil { // plain strings only: cannot happen
		panic(fmt.Sprintf("store: encode quarantined record: %v", err))
	}
	p.val = v
}

// QuarantinedResult is the result a message is filed with when its parsed
// result could not be stored: failed, with the reason (Outcome.Quarantined).
func QuarantinedResult(file, reason string) *mailparse.Result {
	return mailparse.Failed(file, fmt.Errorf("parsed result could not be stored (%s): filed raw", reason))
}

// prepareAll hashes and compresses a batch on every CPU, before the write
// lock is taken.
func prepareAll(ctx context.Context, msgs []Message, now time.Time) ([]*prepared, error) {
	preps := make([]*prepared, len(msgs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(msgs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(msgs) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				preps[i] = prepare(msgs[i], now)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return preps, nil
}

// messageFault is a write that failed because of one message's content
// (bbolt refused a key or value of it): Put files that message raw as
// failed and runs the batch again.
type messageFault struct {
	i   int
	err error
}

func (e *messageFault) Error() string { return e.err.Error() }
func (e *messageFault) Unwrap() error { return e.err }

func isMessageFault(err error) bool {
	return errors.Is(err, berrors.ErrKeyTooLarge) || errors.Is(err, berrors.ErrValueTooLarge) ||
		errors.Is(err, berrors.ErrKeyRequired)
}

// Put files msgs and saves states in one transaction: when it returns nil
// every message is durably stored (or was already) and the states with
// them; on error none of it is. A message is a duplicate when a stored one
// has the same content (contentKey: the bytes up to line ends, mbox
// envelope and quoting, and headers mail stores add), or the same
// Message-ID and what its sender wrote is the same (senderKey: the same
// mail read over IMAP and from an archive may differ in other headers). A
// message reusing a stored message's Message-ID with other content is
// filed as its own, with a warning (Outcome.SameMessageID).
//
// One message never fails the batch: a message whose parsed result cannot
// be stored (a key or value bbolt refuses, a result that does not encode)
// is filed raw as failed, with the reason (Outcome.Quarantined), and the
// others are filed as usual. Outcomes are in the order of msgs.
func (s *Store) Put(ctx context.Context, msgs []Message, states ...SourceState) ([]Outcome, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	preps, err := prepareAll(ctx, msgs, now)
	if err != nil {
		return nil, err
	}
	out := make([]Outcome, len(msgs))
	for {
		err = s.update(ctx, func(tx *bolt.Tx) error {
			out = out[:0] // a retried function starts over
			counts := counterDelta{}
			for i, p := range preps {
				o, err := putOne(tx, p, counts)
				if err != nil {
					if p.why == "" && isMessageFault(err) {
						return &messageFault{i: i, err: err}
					}
					return err
				}
				out = append(out, o)
			}
			if err := counts.apply(tx); err != nil {
				return err
			}
			return putStates(tx, states)
		})
		var mf *messageFault
		if !errors.As(err, &mf) {
			break
		}
		// Rolled back: file that one raw, and the batch again. Each round
		// quarantines one more message, so this ends.
		preps[mf.i].quarantine(mf.err)
	}
	if err != nil {
		return nil, fmt.Errorf("file %d messages: %w", len(msgs), err)
	}
	for i, p := range preps {
		if p.why != "" && !out[i].Duplicate {
			s.log.Warn("message filed raw as failed: its parsed result could not be stored",
				"source", msgs[i].Source.Name, "id", out[i].ID, "reason", p.why)
		}
		if out[i].Replaced {
			s.log.Info("complete copy replaced a truncated one", "source", msgs[i].Source.Name, "id", out[i].ID,
				"message_id", cutForLog(p.msgID))
		}
		if out[i].SameMessageID != 0 {
			s.log.Warn("Message-ID reused by a different message: filed as its own",
				"source", msgs[i].Source.Name, "id", out[i].ID, "other", out[i].SameMessageID,
				"message_id", cutForLog(p.msgID))
		}
	}
	return out, nil
}

// cutForLog bounds a mail-supplied string in a log line.
func cutForLog(s string) string {
	if len(s) > 200 {
		return strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}

func putOne(tx *bolt.Tx, p *prepared, counts counterDelta) (Outcome, error) {
	contents, msgids := tx.Bucket(bContent), tx.Bucket(bMsgID)
	if v := contents.Get(p.key[:]); v != nil {
		return Outcome{ID: keyID(v), Duplicate: true}, nil
	}
	var reused uint64
	if p.msgID != "" {
		if v := msgids.Get(msgIDKey(p.msgID)); v != nil {
			if sameSender(tx, keyID(v), p.senderKey()) {
				return Outcome{ID: keyID(v), Duplicate: true}, nil
			}
			if v := msgids.Get(reusedIDKey(p.msgID, p.senderKey())); v != nil {
				return Outcome{ID: keyID(v), Duplicate: true}, nil
			}
			reused = keyID(v)
			if o, done, err := againstCut(tx, reused, p, counts); done || err != nil {
				return o, err
			}
		}
	}
	raws := tx.Bucket(bRaw)
	id, err := raws.NextSequence()
	if err != nil {
		return Outcome{}, fmt.Errorf("allocate id: %w", err)
	}
	k := idKey(id)
	val := p.val
	if reused != 0 {
		if val, err = withNote(p.rec, fmt.Sprintf("Message-ID also used by message %d, whose content differs: filed separately", reused)); err != nil {
			return Outcome{}, err
		}
	}
	if err := raws.Put(k, p.raw); err != nil {
		return Outcome{}, fmt.Errorf("put raw %d: %w", id, err)
	}
	if err := tx.Bucket(bRecord).Put(k, val); err != nil {
		return Outcome{}, fmt.Errorf("put record %d: %w", id, err)
	}
	if err := contents.Put(p.key[:], k); err != nil {
		return Outcome{}, fmt.Errorf("put content key %d: %w", id, err)
	}
	if p.msgID != "" {
		mk := msgIDKey(p.msgID)
		if reused != 0 {
			mk = reusedIDKey(p.msgID, p.senderKey())
		}
		if err := msgids.Put(mk, k); err != nil {
			return Outcome{}, fmt.Errorf("put message-id %d: %w", id, err)
		}
	}
	if err := putIndexes(tx, indexEntries(id, &p.rec)); err != nil {
		return Outcome{}, err
	}
	counts.add(&p.rec, 1)
	return Outcome{ID: id, Quarantined: p.why, SameMessageID: reused}, nil
}

// senderKey is computed in the commit, and only for a message whose
// Message-ID is already stored (rare: the same mail from another mailbox,
// or a reuse): hashing every message twice in Pack cost about a sixth more
// of Pack's time for what nearly no message needs.
func (p *prepared) senderKey() [32]byte {
	if p.sender == nil {
		k := senderKey(p.plain)
		p.sender = &k
	}
	return *p.sender
}

// sameSender tells whether stored record id has the sender key sender:
// the same message, not another one reusing its Message-ID. Taken from
// its raw message, so records filed before sender keys existed compare
// as well; this runs only when a Message-ID is already known and the
// content key differs (the same mail from another mailbox, or a reuse).
// A missing or unreadable stored copy (Verify reports it) is not the same.
func sameSender(tx *bolt.Tx, id uint64, sender [32]byte) bool {
	raw, err := unpack(tx.Bucket(bRaw).Get(idKey(id)))
	return err == nil && senderKey(raw) == sender
}

// againstCut handles a new copy of stored record id (same Message-ID,
// other content) when one is a cut of the other: a complete copy replaces
// a truncated one, a truncated copy of a stored message is its duplicate.
// done is false when neither is a cut of the other.
func againstCut(tx *bolt.Tx, id uint64, p *prepared, counts counterDelta) (o Outcome, done bool, err error) {
	stored, err := unpack(tx.Bucket(bRaw).Get(idKey(id)))
	if err != nil {
		return Outcome{}, false, nil
	}
	switch prefixRelation(stored, p.plain) {
	case -1:
		return Outcome{ID: id, Duplicate: true}, true, nil
	case 1:
		old, err := loadRecord(tx, id, tx.Bucket(bRecord).Get(idKey(id)))
		if err != nil {
			return Outcome{}, false, nil // a damaged record (Verify says so): file anew
		}
		if err := replaceTruncated(tx, id, old, len(stored), p, counts); err != nil {
			return Outcome{}, true, err
		}
		return Outcome{ID: id, Replaced: true}, true, nil
	}
	return Outcome{}, false, nil
}

// reusedIDKey is the Message-ID map's key for a later message that reuses
// a stored message's Message-ID with other content: the Message-ID's key,
// a 0 byte and the message's sender key. Its own later copies (the same
// mail read from another mailbox) are then found as duplicates in one
// lookup, however many messages share the Message-ID; the plain key keeps
// pointing at the first, for threads and reprocess.
func reusedIDKey(msgID string, sender [32]byte) []byte {
	k := append(msgIDKey(msgID), 0)
	return append(k, sender[:]...)
}

// withNote encodes rec with one more note.
func withNote(rec Record, note string) ([]byte, error) {
	rec.Notes = append(slices.Clip(rec.Notes), note)
	return encodeRecord(&rec)
}

// longValueNotes says which of a result's indexed header values are too
// long to index whole: no mail program writes them, so a person should
// know, and a lookup needs the whole value (see boundValue).
func longValueNotes(res *mailparse.Result) []string {
	var notes []string
	note := func(what string, n int) {
		if n > maxKeyValue {
			notes = append(notes, fmt.Sprintf("%s of %d bytes: indexed by its first %d bytes and its hash", what, n, maxKeyValue))
		}
	}
	note("Message-ID", len(normMsgID(res.MessageID)))
	refs := 0
	for _, r := range append([]string{res.InReplyTo}, res.Thread...) {
		refs = max(refs, len(normMsgID(r)))
	}
	note("In-Reply-To/References entry", refs)
	if res.Lab != nil {
		note("lab", len(NormLab(*res.Lab)))
	}
	return notes
}

func putIndexes(tx *bolt.Tx, es []ixEntry) error {
	for _, e := range es {
		if err := tx.Bucket(e.bucket).Put(e.key, nil); err != nil {
			return fmt.Errorf("index %s: %w", e.bucket, err)
		}
	}
	return nil
}

func deleteIndexes(tx *bolt.Tx, es []ixEntry) error {
	for _, e := range es {
		if err := tx.Bucket(e.bucket).Delete(e.key); err != nil {
			return fmt.Errorf("index %s: %w", e.bucket, err)
		}
	}
	return nil
}

func putStates(tx *bolt.Tx, states []SourceState) error {
	b := tx.Bucket(bSource)
	for _, st := range states {
		v, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode source state %s: %w", st.Key, err)
		}
		if err := b.Put([]byte(st.Key), v); err != nil {
			return fmt.Errorf("put source state %s: %w", st.Key, err)
		}
	}
	return nil
}

// SourceState returns the saved state of one source (IMAP mailbox); ok is
// false when none was saved.
func (s *Store) SourceState(ctx context.Context, key string) (st SourceState, ok bool, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bSource).Get([]byte(key))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &st)
	})
	if err != nil {
		return SourceState{}, false, fmt.Errorf("source state %s: %w", key, err)
	}
	return st, ok, nil
}
