package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"cyberintake/store"
)

func TestReprocessCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, stderr, code := runCLI(t, "", "ingest", "--db", db, filepath.Join(archivesDir, "sample.mbox")); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	before := recordsOf(t, db)
	tests := []struct {
		name string
		args []string
		code int
		want map[string]float64
	}{
		{"dry run", []string{"--dry-run"}, exitOK, map[string]float64{"examined": 8, "unchanged": 8, "updated": 0}},
		{"all", []string{"--all", "--since", "2000-01-01"}, exitOK, map[string]float64{"examined": 8, "unchanged": 8}},
		{"outdated", []string{"--outdated"}, exitOK, map[string]float64{"examined": 0}},
		{"bad date", []string{"--since", "yesterday"}, exitUsage, nil},
		{"exclusive flags", []string{"--all", "--outdated"}, exitFailure, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"reprocess", "--db", db, "--json"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			if tt.want == nil {
				return
			}
			var rep map[string]any
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("output %q: %v", out, err)
			}
			for k, v := range tt.want {
				if rep[k] != v {
					t.Errorf("%s = %v, want %v (%s)", k, rep[k], v, out)
				}
			}
		})
	}
	if after := recordsOf(t, db); after != before {
		t.Errorf("reprocess with nothing to change changed records")
	}
}

// recordsOf returns the stored records as JSON, to compare stores.
func recordsOf(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	err = st.Each(context.Background(), store.Filter{}, func(rec *store.Record, raw []byte) error {
		return json.NewEncoder(&b).Encode(rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
