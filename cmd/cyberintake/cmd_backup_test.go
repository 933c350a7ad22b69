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
	if _, err := os.Stat(p + ".tmp"); err == nil {
		t.Errorf("temporary file left behind")
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
