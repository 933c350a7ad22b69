package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const archivesDir = "../../testdata/archives"

func ingestJSON(t *testing.T, stdin string, args ...string) (map[string]any, string, int) {
	t.Helper()
	out, stderr, code := runCLI(t, stdin, append([]string{"ingest", "--json", "--log-level", "error"}, args...)...)
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("ingest --json printed %q (%v); stderr %s", out, err, stderr)
	}
	return sum, stderr, code
}

// TestIngestCommandExitStatus: 0 when all went in, 4 when some input was
// unreadable but the rest was filed, 1 when nothing could be read.
func TestIngestCommandExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mbox := filepath.Join(archivesDir, "sample.mbox")
	bad := filepath.Join(archivesDir, "bad", "not-mail.pdf")
	tests := []struct {
		name       string
		paths      []string
		code       int
		read, dups float64
	}{
		{"archive", []string{mbox}, exitOK, 8, 0},
		{"again: all duplicates", []string{mbox}, exitOK, 8, 8},
		{"bad and good", []string{bad, filepath.Join(archivesDir, "sample-maildir")}, exitPartial, 8, 8},
		{"only bad", []string{bad}, exitFailure, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum, stderr, code := ingestJSON(t, "", append([]string{"--db", db}, tt.paths...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			if sum["read"] != tt.read || sum["duplicates"] != tt.dups {
				t.Errorf("summary %v, want read %v, duplicates %v", sum, tt.read, tt.dups)
			}
			if errs, _ := json.Marshal(sum["errors"]); tt.code != exitOK && !strings.Contains(string(errs), "not-mail.pdf: not mail") {
				t.Errorf("errors %s do not name the bad file", errs)
			}
		})
	}
}

func TestIngestCommandStdinAndText(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	raw, err := os.ReadFile(filepath.Join(archivesDir, "sample.mbox"))
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, string(raw), "ingest", "--db", db, "--source-name", "export.mbox", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"read 8 messages", "filed as reports", "duplicates", "skipped"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Errorf("progress drawn on a non-terminal: %q", stderr)
	}
}

func TestIngestCommandUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	for _, args := range [][]string{{"--batch", "0", archivesDir}, {}} {
		if _, _, code := runCLI(t, "", append([]string{"ingest", "--db", db}, args...)...); code != exitUsage {
			t.Errorf("ingest %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestIngestCommandTruncated: issue 12. An mbox cut at a line boundary
// inside its last message, a multipart reply whose closing boundary never
// comes: the message is filed flagged "truncated", counted, exit 4. The
// complete mbox read later replaces it instead of being a duplicate.
func TestIngestCommandTruncated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	first, err := os.ReadFile("../../testdata/corpus/fr-01.eml")
	if err != nil {
		t.Fatal(err)
	}
	last, err := os.ReadFile("../../testdata/corpus/en-01.eml")
	if err != nil {
		t.Fatal(err)
	}
	mbox := "From a@b Mon Feb 15 08:00:00 2021\n" + string(first) + "\nFrom c@d Mon Feb 15 09:00:00 2021\n" + string(last)
	cutAt := strings.Index(mbox, "\n--_000_E10C571AB00EB3C2C8F98F57D2329FFDD497DE22_\nContent-Type: text/html") + 1 // the second part's boundary line
	cut, whole := filepath.Join(dir, "cut.mbox"), filepath.Join(dir, "whole.mbox")
	for p, data := range map[string]string{cut: mbox[:cutAt], whole: mbox} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, stderr, code := ingestJSON(t, "", "--db", db, cut)
	if code != exitPartial || sum["truncated"] != 1.0 || sum["reports"] != 2.0 {
		t.Fatalf("cut mbox: exit %d, summary %v; want exit %d, 2 reports, 1 truncated (%s)", code, sum, exitPartial, stderr)
	}
	out, _, _ := runCLI(t, "", "list", "--db", db, "--needs-review", "--json")
	if !strings.Contains(out, `"truncated"`) || strings.Count(out, `"id"`) != 1 {
		t.Errorf("list --needs-review: %s, want the truncated message", out)
	}
	sum, stderr, code = ingestJSON(t, "", "--db", db, whole)
	if code != exitOK || sum["replaced"] != 1.0 || sum["duplicates"] != 1.0 || sum["truncated"] != 0.0 {
		t.Fatalf("whole mbox: exit %d, summary %v; want exit 0, 1 replaced, 1 duplicate (%s)", code, sum, stderr)
	}
	out, _, _ = runCLI(t, "", "list", "--db", db, "--needs-review", "--json")
	if strings.Contains(out, `"truncated"`) {
		t.Errorf("list --needs-review after the complete copy: %s", out)
	}
	out, _, code = runCLI(t, "", "show", "--db", db, "--id", "2", "--json")
	if code != exitOK || !strings.Contains(out, `"replaced"`) {
		t.Errorf("show 2: %s, want the replacement recorded", out)
	}
}
