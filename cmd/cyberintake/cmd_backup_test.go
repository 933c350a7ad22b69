package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackup(t *testing.T) {
	fx := newFixture(t)
	p := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code := fx.run(t, "backup", p)
	if code != exitOK || !strings.HasPrefix(out, "backup "+p+": ") {
		t.Fatalf("exit %d: %q %q", code, out, errOut)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup file: %v, %v", fi, err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
	// The copy is a sound store with the same content.
	if out, errOut, code := execCLI(t, "--db", p, "verify"); code != exitOK || !strings.Contains(out, "ok, 5 messages") {
		t.Errorf("verify of the copy: exit %d %q %q", code, out, errOut)
	}
	a, _, _ := fx.run(t, "export", "--all", "--format", "ndjson")
	b, _, _ := execCLI(t, "--db", p, "export", "--all", "--format", "ndjson")
	if a != b || a == "" {
		t.Errorf("the copy's records differ from the store's")
	}
	js, _, code := fx.run(t, "backup", "--json", p)
	if code != exitOK || !strings.Contains(js, `"file": "`+p+`"`) || !strings.Contains(js, `"bytes": `) {
		t.Errorf("backup --json = %q, exit %d", js, code)
	}
	if _, errOut, code := fx.run(t, "backup", fx.db); code != exitUsage || !strings.Contains(errOut, "the store itself") {
		t.Errorf("backup onto the store: exit %d, %q", code, errOut)
	}
}

// TestOutputIgnoresPlantedSymlink: someone who can write to the output's
// directory plants FILE.tmp -> a file of the user's; export -o FILE and
// backup FILE must not write through it, and leave no temporary file.
func TestOutputIgnoresPlantedSymlink(t *testing.T) {
	fx := newFixture(t)
	for _, args := range [][]string{{"export", "-o"}, {"backup"}} {
		t.Run(args[0], func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(t.TempDir(), "victim")
			if err := os.WriteFile(victim, []byte("precious"), 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			if err := os.Symlink(victim, out+".tmp"); err != nil {
				t.Fatal(err)
			}
			if _, errOut, code := fx.run(t, append(args, out)...); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if b, _ := os.ReadFile(victim); string(b) != "precious" {
				t.Errorf("%s wrote through the symlink at %s.tmp: victim holds %d bytes", args[0], out, len(b))
			}
			if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
				t.Errorf("%s: no output: %v", args[0], err)
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 2 {
				t.Errorf("%s left files behind: %v", args[0], ents)
			}
		})
	}
}
