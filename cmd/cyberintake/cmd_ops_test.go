package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingFileExitStatus: parse and ingest agree on a file that is not
// there: 1 when nothing could be read, 4 when the others were.
func TestMissingFileExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	missing, good := filepath.Join(t.TempDir(), "none.eml"), "../../testdata/corpus/de-01.eml"
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"parse", missing}, exitFailure},
		{[]string{"ingest", missing}, exitFailure},
		{[]string{"parse", missing, good}, exitPartial},
		{[]string{"ingest", missing, good}, exitPartial},
	} {
		if _, errOut, code := execCLI(t, append([]string{"--db", db, "--log-format", "text"}, tc.args...)...); code != tc.want {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.want, errOut)
		}
	}
}

// TestErrorPrintedOnce: an unreadable input is reported once, not in a
// log line, the summary and the last line.
func TestErrorPrintedOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	missing := filepath.Join(t.TempDir(), "none.eml")
	for _, cmd := range []string{"ingest", "parse"} {
		out, errOut, _ := execCLI(t, "--db", db, "--log-format", "text", cmd, missing, "../../testdata/corpus/de-01.eml")
		if n := strings.Count(out+errOut, "no such file or directory"); n != 1 {
			t.Errorf("%s: the error appears %d times:\n%s%s", cmd, n, out, errOut)
		}
	}
}

func TestBackupWithoutFile(t *testing.T) {
	fx := newFixture(t)
	_, errOut, code := fx.run(t, "backup")
	if code != exitUsage || !strings.Contains(errOut, "backup needs the file to write the copy to") {
		t.Errorf("backup without FILE: exit %d, %q", code, errOut)
	}
}

// TestReprocessSinceRFC3339: reprocess reads dates as list does.
func TestReprocessSinceRFC3339(t *testing.T) {
	fx := newFixture(t)
	for _, since := range []string{"2021-02-15", "2021-02-15T00:00:00Z", "2021-02-15T01:00:00+01:00"} {
		if _, errOut, code := fx.run(t, "reprocess", "--since", since, "--dry-run"); code != exitOK {
			t.Errorf("reprocess --since %s: exit %d\n%s", since, code, errOut)
		}
	}
	if _, _, code := fx.run(t, "reprocess", "--since", "15/02/2021", "--dry-run"); code != exitUsage {
		t.Errorf("reprocess --since 15/02/2021: exit %d, want %d", code, exitUsage)
	}
}

// TestRestoreRecipe runs the README's restore recipe with the real binary,
// line by line as written: a backup, the daemon stopped (systemctl is not
// there in a test: skipped), the copy put back, verify. (The --help
// Examples are run by TestHelpExamplesRun.)
func TestRestoreRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := recipeLines(string(readme), "<!-- restore recipe -->")
	if len(lines) < 3 {
		t.Fatalf("README restore recipe: %q", lines)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cyberintake")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	fx := newFixture(t)
	sh := func(line string) {
		t.Helper()
		cmd := exec.Command("sh", "-ec", line)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"), "CYBERINTAKE_DB="+fx.db)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
	}
	for _, line := range lines {
		if strings.HasPrefix(line, "sudo systemctl") {
			continue
		}
		sh(line)
		if strings.Contains(line, "backup ") {
			os.Truncate(fx.db, 8192) // the store is damaged after the backup
		}
	}
	if out, _, code := fx.run(t, "verify"); code != exitOK || !strings.Contains(out, "ok, 5 messages") {
		t.Errorf("after the restore: verify exit %d %q", code, out)
	}
}

// recipeLines returns the command lines of the shell block after marker.
func recipeLines(doc, marker string) []string {
	_, rest, ok := strings.Cut(doc, marker)
	if !ok {
		return nil
	}
	_, rest, _ = strings.Cut(rest, "```sh\n")
	block, _, _ := strings.Cut(rest, "```")
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
