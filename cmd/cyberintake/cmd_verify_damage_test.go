package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/ingest"
	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// realStore files the test corpus through the ingest command, as a user
// would, and returns the store file's bytes.
func realStore(t *testing.T) (path string, data []byte) {
	t.Helper()
	dir := t.TempDir()
	path = filepath.Join(dir, "store.db")
	files, _ := filepath.Glob("../../testdata/corpus/*.eml")
	if _, errOut, code := execCLI(t, append([]string{"--db", path, "--log-format", "text", "ingest"}, files...)...); code != exitOK {
		t.Fatalf("ingest of the corpus: exit %d\n%s", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

type damagedCopy struct {
	name string
	data []byte
}

// damagedCopies are truncations at several sizes and copies with bytes
// changed at random places (fixed seeds).
func damagedCopies(data []byte, seeds int) []damagedCopy {
	var out []damagedCopy
	used := usedSize(data)
	for _, n := range []int{8 << 10, 16 << 10, used / 2 &^ 4095, used - 4096, 100001} {
		out = append(out, damagedCopy{fmt.Sprintf("truncated to %d", n), bytes.Clone(data[:n])})
	}
	for seed := range seeds {
		out = append(out, damagedCopy{fmt.Sprintf("flipped seed %d", seed), flipBytes(data, uint64(seed), 16)})
	}
	return out
}

// usedSize is the length of the pages bbolt's current meta page names (the
// file is longer: bbolt grows it ahead).
func usedSize(data []byte) int {
	le := binary.LittleEndian
	best, size := uint64(0), 0
	for _, off := range []int{16, 4096 + 16} {
		if txid := le.Uint64(data[off+48:]); txid >= best {
			best, size = txid, int(le.Uint64(data[off+40:]))*int(le.Uint32(data[off+8:]))
		}
	}
	return size
}

// flipBytes changes n random bytes of a copy of data.
func flipBytes(data []byte, seed uint64, n int) []byte {
	b := bytes.Clone(data)
	r := rand.New(rand.NewPCG(seed, 0xd4a))
	for range n {
		b[r.IntN(len(b))] ^= byte(1 + r.IntN(255))
	}
	return b
}

// TestDamagedStoreCommands runs every command that opens the store on
// damaged copies of a real store: each exits with a documented status
// (never 2, the usage status bbolt's panics used to give), nothing panics
// or faults (that would kill the test binary), and once verify has called
// a copy damaged no command writes to it.
func TestDamagedStoreCommands(t *testing.T) {
	_, data := realStore(t)
	one := "../../testdata/corpus/de-01.eml"
	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, raws, _ := corpus.Messages()
	srv.Deliver("INBOX", raws[:3]...)
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	documented := map[int]bool{exitOK: true, exitFailure: true, exitPartial: true, exitDamaged: true}
	seen := map[string]int{}
	for _, dc := range damagedCopies(data, 12) {
		t.Run(dc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "store.db")
			os.WriteFile(db, dc.data, 0o600)
			_, errOut, code := execCLI(t, "--db", db, "--log-format", "text", "verify")
			if code != exitDamaged && code != exitOK {
				t.Fatalf("verify: exit %d, want %d (damaged) or 0\n%s", code, exitDamaged, errOut)
			}
			if strings.HasPrefix(dc.name, "truncated") && code != exitDamaged {
				t.Fatalf("verify of a truncated store: exit %d\n%s", code, errOut)
			}
			damaged := code == exitDamaged
			seen[fmt.Sprint("verify ", code)]++
			sum := sha256.Sum256(dc.data)
			for _, args := range [][]string{
				{"list"}, {"list", "--json"}, {"show", "1"}, {"export"}, {"export", "--format", "csv"}, {"stats"},
				{"stats", "--since", "2020-01-01"}, {"labs"}, {"labs", "--json"},
				{"backup", filepath.Join(dir, "backup.db")}, {"reprocess"}, {"ingest", one},
				{"serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--password-file", pw, "--once"},
				{"verify", "--json"},
			} {
				_, errOut, code := execCLI(t, append([]string{"--db", db, "--log-format", "text"}, args...)...)
				seen[fmt.Sprint(args[0], " ", code)]++
				if !documented[code] || !slices.Contains(exitStatuses[args[0]], code) {
					t.Errorf("%s: exit %d, not a status its --help lists\n%s", args[0], code, errOut)
				}
				if damaged && code == exitOK && args[0] != "show" && args[0] != "stats" && args[0] != "labs" {
					// show of one readable record and stats (counters)
					// may succeed; a whole listing of a damaged store
					// cannot.
					if args[0] == "ingest" || args[0] == "reprocess" || args[0] == "serve" {
						t.Errorf("%s wrote to a store verify called damaged", args[0])
					}
				}
				if b, _ := os.ReadFile(db); damaged && sha256.Sum256(b) != sum {
					t.Fatalf("%s changed a store verify called damaged", args[0])
				}
			}
		})
	}
	t.Logf("exit statuses seen: %v", seen)
}

// TestSalvage salvages damaged copies: the new store is sound, holds
// every message whose raw mail was readable, and the report accounts for
// every message of the original.
func TestSalvage(t *testing.T) {
	path, data := realStore(t)
	st, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.List(context.Background(), store.Filter{})
	if err != nil || len(all) == 0 {
		t.Fatalf("list of the real store: %d, %v", len(all), err)
	}
	for _, dc := range damagedCopies(data, 8) {
		t.Run(dc.name, func(t *testing.T) {
			dir := t.TempDir()
			db, out := filepath.Join(dir, "store.db"), filepath.Join(dir, "salvaged.db")
			os.WriteFile(db, dc.data, 0o600)
			stdout, errOut, code := execCLI(t, "--db", db, "--log-format", "text", "verify", "--salvage", out)
			if code != exitOK && code != exitPartial {
				t.Fatalf("verify --salvage: exit %d\n%s%s", code, stdout, errOut)
			}
			if b, _ := os.ReadFile(db); !bytes.Equal(b, dc.data) {
				t.Fatal("salvage changed the damaged store")
			}
			if vout, errOut, code := execCLI(t, "--db", out, "verify"); code != exitOK {
				t.Fatalf("verify of the salvaged store: exit %d\n%s%s", code, vout, errOut)
			}
			rep, err := store.Salvage(context.Background(), db, filepath.Join(dir, "again.db"), nil)
			if err != nil {
				t.Fatal(err)
			}
			// Every message of the store is copied or named lost (a
			// flipped key may add an ID that never was: it is named lost
			// or copied too, never silently dropped).
			salv, err := store.Open(out, &store.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := salv.List(context.Background(), store.Filter{})
			accounted := map[uint64]bool{}
			for _, r := range got {
				accounted[r.ID] = true
			}
			for _, id := range rep.Lost {
				accounted[id] = true
			}
			if len(got) != rep.Copied {
				t.Errorf("salvage says %d copied, the new store holds %d", rep.Copied, len(got))
			}
			for _, r := range all {
				if !accounted[r.ID] && !rep.Unknown {
					t.Errorf("message %d neither copied nor listed as lost", r.ID)
				}
			}
			if strings.HasPrefix(dc.name, "flipped") && (rep.Unknown || len(got) < len(all)-len(rep.Lost)) {
				t.Errorf("a few flipped bytes lost track of messages: copied %d, lost %v of %d", len(got), rep.Lost, len(all))
			}
			if len(rep.Lost) > 0 && !strings.Contains(stdout, "lost (raw message unreadable): ") {
				t.Errorf("salvage did not say what it lost:\n%s", stdout)
			}
		})
	}
}

// TestListSkipsDamagedRecord: a record that cannot be decoded is skipped
// with a warning naming it; the others are listed and exported; exit 4.
func TestListSkipsDamagedRecord(t *testing.T) {
	fx := newFixture(t)
	db, err := bolt.Open(fx.db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("record")).Put(binary.BigEndian.AppendUint64(nil, fx.ids["nl"]), []byte("s\xff\xff"))
	})
	db.Close()
	warn := "damaged record skipped"
	for _, tc := range []struct {
		args []string
		want string // in stdout: a record listed after the damaged one
	}{
		{[]string{"list"}, "auto_reply"},
		{[]string{"list", "--json"}, `"auto@lab"`},
		{[]string{"export", "--format", "ndjson"}, `"second@lab"`},
		{[]string{"export", "--format", "json"}, "\n]\n"},
		{[]string{"export", "--format", "csv"}, "first@lab"},
	} {
		out, errOut, code := fx.run(t, tc.args...)
		if code != exitPartial || !strings.Contains(out, tc.want) || !strings.Contains(errOut, warn) ||
			!strings.Contains(errOut, "id="+fx.id("nl")) || !strings.Contains(errOut, "skipped 1 damaged records ["+fx.id("nl")+"]") {
			t.Errorf("%v: exit %d\n%s\n%s", tc.args, code, out, errOut)
		}
	}
}
