package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"cyberintake/store"
)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "store.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func ingest(t testing.TB, st *store.Store, opts *Options, paths ...string) *Summary {
	t.Helper()
	if opts == nil {
		opts = &Options{}
	}
	opts.Logger = quiet()
	sum, err := Ingest(context.Background(), st, paths, opts)
	if err != nil {
		t.Fatalf("Ingest(%v): %v", paths, err)
	}
	return sum
}

// dumpStore lists every record as "id hash result-JSON", in ID order. With
// anonymous, where a message was read from is left out, so that stores
// filled from twin archives compare equal.
func dumpStore(t testing.TB, st *store.Store, anonymous bool) []string {
	t.Helper()
	var out []string
	err := st.Each(context.Background(), store.Filter{}, func(rec *store.Record, raw []byte) error {
		if h := sha256.Sum256(raw); hex.EncodeToString(h[:]) != rec.Hash {
			return fmt.Errorf("record %d: raw message does not match its hash", rec.ID)
		}
		res := rec.Result
		if anonymous {
			res.File = ""
		}
		j, err := json.Marshal(res)
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%d %s %s", rec.ID, rec.Hash, j))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameDump(t testing.TB, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("store has %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("record %d differs:\n got %.300s\nwant %.300s", i, got[i], want[i])
		}
	}
}

func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestIngestCorpusTwice: the second run files nothing and changes nothing.
func TestIngestCorpusTwice(t *testing.T) {
	st := openStore(t)
	n := len(corpusMessages(t))
	first := ingest(t, st, nil, "../testdata/corpus")
	if first.Read != n || first.Filed() != n || first.Duplicates != 0 || first.Skipped != 0 {
		t.Fatalf("first run %+v, want %d read and filed", first, n)
	}
	if first.Reports == 0 || first.Reports+first.AutoReplies+first.Bounces+first.Unrelated+first.Failed != n {
		t.Errorf("first run counts by kind %+v do not add up to %d", first, n)
	}
	before := dumpStore(t, st, false)
	second := ingest(t, st, nil, "../testdata/corpus")
	if second.Read != n || second.Duplicates != n || second.Filed() != 0 {
		t.Fatalf("second run %+v, want %d duplicates", second, n)
	}
	sameDump(t, dumpStore(t, st, false), before)
}

// TestIngestTwins: an mbox, then its Maildir twin, then its .gz twin give
// the store the mbox alone gives; and the Maildir alone gives the same
// messages and reports.
func TestIngestTwins(t *testing.T) {
	mbox := filepath.Join(archives, "sample.mbox")
	maildir := filepath.Join(archives, "sample-maildir")
	st := openStore(t)
	ingest(t, st, nil, mbox)
	want := dumpStore(t, st, false)
	for _, twin := range []string{maildir, mbox + ".gz"} {
		sum := ingest(t, st, nil, twin)
		if sum.Duplicates != len(fixtureMembers) || sum.Filed() != 0 {
			t.Errorf("%s after the mbox: %+v, want only duplicates", twin, sum)
		}
	}
	sameDump(t, dumpStore(t, st, false), want)

	// Record i is fixture member i: IDs follow input order.
	for i, m := range readFiles(t, fixtureMembers) {
		if !strings.HasPrefix(want[i], fmt.Sprintf("%d %s ", i+1, hashOf(m))) {
			t.Errorf("record %d is not message %d of the mbox: %.80s", i+1, i, want[i])
		}
	}

	other := openStore(t)
	ingest(t, other, nil, maildir)
	sameDump(t, dumpStore(t, other, true), dumpStore(t, st, true))
}

// TestIngestBatchingInvisible: batch size and worker count change nothing
// in the store.
func TestIngestBatchingInvisible(t *testing.T) {
	ref := openStore(t)
	ingest(t, ref, &Options{Workers: 1, BatchSize: 1000}, "../testdata/corpus")
	want := dumpStore(t, ref, true)
	for _, o := range []Options{{Workers: 4, BatchSize: 3}, {Workers: 3, BatchBytes: 10 << 10}} {
		st := openStore(t)
		ingest(t, st, &o, "../testdata/corpus")
		sameDump(t, dumpStore(t, st, true), want)
	}
}

// TestIngestBadInputs: unreadable inputs are listed, the rest is filed.
func TestIngestBadInputs(t *testing.T) {
	st := openStore(t)
	sum := ingest(t, st, nil,
		filepath.Join(archives, "bad", "not-mail.pdf"),
		filepath.Join(archives, "bad", "truncated.mbox"),
		filepath.Join(archives, "nowhere.mbox"),
		filepath.Join(archives, "sample.mbox"),
	)
	// truncated.mbox's last message is filed flagged; sample.mbox's
	// complete copy of it then replaces it (issue 12).
	n := len(fixtureMembers)
	if sum.Read != 2*n || sum.Filed() != n || sum.Skipped != 2 || sum.Truncated != 1 || sum.Replaced != 1 || sum.Duplicates != n-1 {
		t.Fatalf("summary %+v, want %d read, %d filed, 2 skipped, 1 truncated, 1 replaced", sum, 2*n, n)
	}
	for i, want := range []string{"not-mail.pdf: not mail", "nowhere.mbox: no such file"} {
		if !strings.Contains(sum.Errors[i], want) {
			t.Errorf("error %d %q does not say %q", i, sum.Errors[i], want)
		}
	}
}

// cancelAfter is an input that cancels the run once it has given n bytes,
// as SIGINT would in the middle of an archive.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n <= 0 {
		c.cancel()
	}
	if len(p) > 4096 {
		p = p[:4096]
	}
	n, err := c.r.Read(p)
	c.n -= n
	return n, err
}

// TestIngestInterrupted: what was read before the interruption is filed,
// and running again files the rest, as one run would have.
func TestIngestInterrupted(t *testing.T) {
	msgs := corpusMessages(t)
	var all [][]byte
	for i := range 5 {
		for j, m := range msgs {
			all = append(all, withMessageID(m, fmt.Sprintf("%d.%d@interrupt.test", i, j)))
		}
	}
	mbox := mboxrd(all)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := openStore(t)
	in := &cancelAfter{r: strings.NewReader(string(mbox)), n: len(mbox) / 3, cancel: cancel}
	sum, err := Ingest(ctx, st, []string{"-"}, &Options{Reader: &ReaderOptions{Stdin: in}, Logger: quiet(), BatchSize: 7})
	if !errors.Is(err, ErrInterrupted) || !sum.Interrupted {
		t.Fatalf("Ingest: %v, %+v; want interrupted", err, sum)
	}
	if sum.Read == 0 || sum.Read >= len(all) {
		t.Fatalf("interrupted run read %d of %d", sum.Read, len(all))
	}
	if got := len(dumpStore(t, st, true)); got != sum.Read {
		t.Fatalf("store holds %d records, the run said it read %d", got, sum.Read)
	}
	rest := ingest(t, st, &Options{Reader: &ReaderOptions{Stdin: strings.NewReader(string(mbox))}}, "-")
	if rest.Duplicates != sum.Read || rest.Filed() != len(all)-sum.Read {
		t.Errorf("second run %+v after %d filed", rest, sum.Read)
	}
	ref := openStore(t)
	ingest(t, ref, &Options{Reader: &ReaderOptions{Stdin: strings.NewReader(string(mbox))}}, "-")
	sameDump(t, dumpStore(t, st, true), dumpStore(t, ref, true))
}
