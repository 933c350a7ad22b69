package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/classify"
	"cyberintake/mailparse"
)

// A Case is everything one lab told us, merged: a follow-up that only adds
// e) completes the earlier reply; the newest non-empty answer to each
// question wins and says which message it came from.
type Case struct {
	Lab          string        `json:"lab"` // as written in the newest reply
	Records      []Record      `json:"records"`
	Answers      CaseAnswers   `json:"answers"`
	Contact      CaseContact   `json:"contact"`
	References   []string      `json:"references"`
	Tags         classify.Tags `json:"tags"`
	DowntimeDays *float64      `json:"downtime_days"` // the longest reported
	NeedsReview  bool          `json:"needs_review"`
}

// CaseAnswers are the merged answers to questions a) to e); nil where no
// reply answered.
type CaseAnswers struct {
	A *Answer `json:"a"`
	B *Answer `json:"b"`
	C *Answer `json:"c"`
	D *Answer `json:"d"`
	E *Answer `json:"e"`
}

// List returns the answers in question order.
func (c *CaseAnswers) List() [5]*Answer { return [5]*Answer{c.A, c.B, c.C, c.D, c.E} }

// Answer is one answer and the message it came from.
type Answer struct {
	Text string `json:"text"`
	From From   `json:"from"`
	// Corrected: a person corrected this answer of that message.
	Corrected bool `json:"corrected,omitempty"`
}

// From names the message a piece of a case came from.
type From struct {
	ID        uint64 `json:"id"`
	MessageID string `json:"message_id"`
	Date      string `json:"date"`
}

// CaseContact is the newest contact details, field by field.
type CaseContact struct {
	mailparse.Contact
	From *From `json:"from,omitempty"`
}

// Case gathers the replies of one lab: the records filed under the lab
// (compared under NormLab), plus the messages linked to them by
// In-Reply-To/References that name no other lab (a follow-up without the
// lab in its subject joins the case). Auto-replies and bounces are left
// out. It fails with ErrNotFound when the lab sent nothing.
func (s *Store) Case(ctx context.Context, lab string) (*Case, error) {
	var members []Record
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		members, err = caseRecords(tx, NormLab(lab))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", lab, err)
	}
	if len(members) == 0 {
		return nil, &storeError{msg: fmt.Sprintf("no replies from lab %q", lab), is: ErrNotFound}
	}
	return mergeCase(members), nil
}

func caseRecords(tx *bolt.Tx, lab string) ([]Record, error) {
	recs, msgids, refs := tx.Bucket(bRecord), tx.Bucket(bMsgID), tx.Bucket(ixRef)
	seen := map[uint64]bool{}
	var queue, out []Record
	join := func(id uint64, linked bool) error {
		if seen[id] {
			return nil
		}
		v := recs.Get(idKey(id))
		if v == nil {
			return nil
		}
		r, err := loadRecord(tx, id, v)
		if err != nil {
			return err
		}
		if k := r.Result.Kind; k == mailparse.KindAutoReply || k == mailparse.KindBounce {
			return nil
		}
		if l := r.LabKey(); l != lab && !(linked && l == "") {
			return nil
		}
		seen[id] = true
		queue = append(queue, *r)
		return nil
	}
	for _, id := range prefixIDs(tx.Bucket(ixLab), valuePrefix(lab)) {
		if err := join(id, false); err != nil {
			return nil, err
		}
	}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		out = append(out, r)
		if m := normMsgID(r.Result.MessageID); m != "" {
			for _, id := range prefixIDs(refs, valuePrefix(m)) { // replies to r
				if err := join(id, true); err != nil {
					return nil, err
				}
			}
		}
		for _, m := range refIDs(&r) { // what r replies to
			if v := msgids.Get(msgIDKey(m)); v != nil {
				if err := join(keyID(v), true); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

func mergeCase(members []Record) *Case {
	sort.SliceStable(members, func(i, j int) bool {
		ti, tj := recordTime(&members[i]), recordTime(&members[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return members[i].ID < members[j].ID
	})
	c := &Case{Records: members, References: []string{}}
	answers := [5]*Answer{}
	tags := map[string]map[string]bool{}
	for i := range members {
		r := &members[i]
		res := &r.Result
		from := From{ID: r.ID, MessageID: res.MessageID, Date: recordTime(r).Format(time.RFC3339)}
		if res.Lab != nil {
			c.Lab = *res.Lab
		}
		for q, text := range res.Sections.Answers() {
			if text != "" {
				answers[q] = &Answer{Text: text, From: from, Corrected: r.IsCorrected(string(rune('a' + q)))}
			}
		}
		ct := res.Contact
		if ct.Name != "" || ct.Email != "" || ct.Phone != "" {
			c.Contact.From = &from
		}
		if ct.Name != "" {
			c.Contact.Name = ct.Name
		}
		if ct.Email != "" {
			c.Contact.Email = ct.Email
		}
		if ct.Phone != "" {
			c.Contact.Phone = ct.Phone
		}
		for _, ref := range res.References {
			if !slices.Contains(c.References, ref) {
				c.References = append(c.References, ref)
			}
		}
		for _, t := range tagPairs(*res) {
			g, l, _ := strings.Cut(t, "=")
			if tags[g] == nil {
				tags[g] = map[string]bool{}
			}
			tags[g][l] = true
		}
		if d := res.DowntimeDays; d != nil && (c.DowntimeDays == nil || *d > *c.DowntimeDays) {
			c.DowntimeDays = ptrTo(*d)
		}
		c.NeedsReview = c.NeedsReview || res.NeedsReview
	}
	c.Answers = CaseAnswers{answers[0], answers[1], answers[2], answers[3], answers[4]}
	c.Tags = classify.Tags{Cause: sortedKeys(tags["cause"]), Impact: sortedKeys(tags["impact"]),
		Response: sortedKeys(tags["response"]), Prevention: sortedKeys(tags["prevention"])}
	return c
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func ptrTo[T any](v T) *T { return &v }
