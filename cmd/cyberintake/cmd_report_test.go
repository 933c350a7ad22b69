package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDB files testdata/corpus into a new store with the real ingest
// command and returns its path (absolute: tests may change directory).
func corpusDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "store.db")
	dir, err := filepath.Abs("../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := execCLI(t, "--db", db, "--log-format", "text", "ingest", dir); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return db
}

func TestReportCommand(t *testing.T) {
	db := corpusDB(t)
	t.Setenv("CYBERINTAKE_DB", db)
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		name string
		line string // as the README and --help show it
		want []string
		not  []string
	}{
		{"default", "report --out report.html", []string{"Cyberattaques dans les laboratoires", "43109"}, nil},
		{"english period", "report --out report.html --lang en --since 2021-02-01 --until 2021-02-28", []string{"situation report", ">2021-02<"}, []string{">2021-03<"}},
		{"anonymized", "report --out report.html --lang nl --anonymize", []string{"geanonimiseerd", "<svg"}, []string{"43109"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := execCLI(t, strings.Fields(tc.line)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			b, err := os.ReadFile("report.html")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("report lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(string(b), w) {
					t.Errorf("report holds %q", w)
				}
			}
		})
	}
	for _, bad := range [][]string{{"report", "--lang", "de"}, {"report", "--since", "yesterday"}} {
		if _, _, code := execCLI(t, bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}
