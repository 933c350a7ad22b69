package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"cyberintake/ingest"
	"cyberintake/testdata/corpus"
)

// allCommands is every command of the tree, cobra's help and completion
// commands included, by path without the program's name ("" the root).
func allCommands(t *testing.T) map[string]*cobra.Command {
	t.Helper()
	out := map[string]*cobra.Command{}
	walk(newRootCommand(), func(c *cobra.Command) { out[commandKey(c)] = c })
	return out
}

// TestHelpShape: every command's --help fits 80 columns, has an Examples
// section, and lists the exit statuses that command can return.
func TestHelpShape(t *testing.T) {
	for key := range allCommands(t) {
		t.Run("help "+key, func(t *testing.T) {
			out, errOut, code := execCLI(t, append(strings.Fields(key), "--help")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, l := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(l); n > helpWidth {
					t.Errorf("line of %d columns: %q", n, l)
				}
			}
			if !strings.Contains(out, "\nExamples") || !strings.Contains(out, "\n  cyberintake ") {
				t.Errorf("no Examples section:\n%s", out)
			}
			_, section, ok := strings.Cut(out, "\nEXIT STATUS\n")
			if !ok {
				t.Fatalf("no EXIT STATUS section:\n%s", out)
			}
			var codes []int
			for _, l := range strings.Split(strings.TrimRight(section, "\n"), "\n") {
				if strings.HasPrefix(l, "   ") {
					continue // the entry goes on
				}
				n, err := strconv.Atoi(strings.Fields(l)[0])
				if err != nil {
					t.Fatalf("EXIT STATUS line %q", l)
				}
				codes = append(codes, n)
			}
			want, listed := exitStatuses[key]
			switch {
			case key == "":
				want = []int{exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged}
			case !listed:
				want = []int{exitOK, exitFailure, exitUsage}
			}
			if !slices.Equal(codes, want) {
				t.Errorf("EXIT STATUS lists %v, want %v", codes, want)
			}
		})
	}
}

// TestHelpExamplesRun runs every example line of every --help exactly as
// written, through sh with the real binary first on $PATH, in a directory
// holding the files they name, against a store filled from the sample
// replies ($CYBERINTAKE_DB) and, for serve, an in-memory IMAP server that
// serve.conf points to.
func TestHelpExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	setupExampleDir(t, dir)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CYBERINTAKE_") && !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	env = append(env, "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"), "CYBERINTAKE_DB="+filepath.Join(dir, "store.db"))
	if os.Getenv("USER") == "" { // a login shell has it; accept and correct sign with it
		env = append(env, "USER=analyst")
	}
	sh := func(line string) (string, int) {
		cmd := exec.Command("sh", "-c", line)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return string(out), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	if out, code := sh("cyberintake ingest Maildir"); code != exitOK {
		t.Fatalf("filling the store: exit %d\n%s", code, out)
	}
	cmds := allCommands(t)
	keys := make([]string, 0, len(cmds))
	for k := range cmds {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ran := 0
	for _, key := range keys {
		for _, line := range strings.Split(cmds[key].Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !strings.HasPrefix(line, "cyberintake ") {
				t.Errorf("%s: example %q is not a cyberintake command line", key, line)
				continue
			}
			if out, code := sh(line); code != exitOK {
				t.Errorf("%s: %s: exit %d\n%s", key, line, code, out)
			}
			ran++
		}
	}
	if ran < 30 {
		t.Errorf("ran %d example lines, want every one", ran)
	}
}

// setupExampleDir writes the files the examples name: reply.eml,
// replies.mbox, Maildir (every sample reply), and serve.conf for an
// in-memory IMAP server holding a few of them.
func setupExampleDir(t *testing.T, dir string) {
	t.Helper()
	names, raws, err := corpus.Messages()
	if err != nil {
		t.Fatal(err)
	}
	var mbox strings.Builder
	for _, sub := range []string{"cur", "new", "tmp"} {
		os.MkdirAll(filepath.Join(dir, "Maildir", sub), 0o700)
	}
	for i, raw := range raws {
		os.WriteFile(filepath.Join(dir, "Maildir", "cur", names[i]+":2,S"), raw, 0o600)
		mbox.WriteString("From sender@example.org Mon Feb 15 10:00:00 2021\n")
		for _, l := range strings.SplitAfter(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
			if strings.HasPrefix(strings.TrimLeft(l, ">"), "From ") {
				mbox.WriteString(">")
			}
			mbox.WriteString(l)
		}
		mbox.WriteString("\n")
	}
	os.WriteFile(filepath.Join(dir, "replies.mbox"), []byte(mbox.String()), 0o600)
	os.WriteFile(filepath.Join(dir, "reply.eml"), raws[slices.Index(names, "fr-01.eml")], 0o600)

	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	srv.Deliver("INBOX", raws[:3]...)
	os.WriteFile(filepath.Join(dir, "pw"), []byte("s3cret\n"), 0o600)
	conf := "imap-addr = " + srv.Addr + "\nuser = ql\ntls = none\npassword-file = pw\n"
	os.WriteFile(filepath.Join(dir, "serve.conf"), []byte(conf), 0o600)
	setupWebExamples(t, dir) // cmd_web_test.go
}

func TestVersion(t *testing.T) {
	out, _, code := execCLI(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "cyberintake ") || !strings.Contains(out, "go1.") {
		t.Errorf("--version = %q, exit %d", out, code)
	}
	v := buildVersion{Version: "v1.2.0", Revision: "0123abc", Time: "2026-12-07T22:00:00Z", Modified: true, Go: "go1.26.8"}
	if s := v.String(); s != "v1.2.0, revision 0123abc (modified), 2026-12-07T22:00:00Z, go1.26.8" {
		t.Errorf("version line %q", s)
	}
}

func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	if _, errOut, code := execCLI(t, "man", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(dir, "cyberintake-list.1"))
	if err != nil || !strings.Contains(string(page), ".SH EXAMPLE") || !strings.Contains(string(page), "82104532117") {
		t.Errorf("cyberintake-list.1: %v\n%.400s", err, page)
	}
	if _, err := os.Stat(filepath.Join(dir, "cyberintake.1")); err != nil {
		t.Error(err)
	}
}

func TestCompletion(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"list", "--tag", ""}, []string{"cause=phishing", "prevention=mfa"}},
		{[]string{"export", "--language", ""}, []string{"fr", "nl", "de", "en"}},
		{[]string{"list", "--lab", ""}, []string{"12345", "LABO-77"}},
		{[]string{"show", ""}, []string{"12345", "LABO-77"}},
		{[]string{"followup", ""}, []string{"12345", "LABO-77"}},
		{[]string{"followup", "--language", ""}, []string{"fr", "nl", "de", "en"}},
	} {
		out, errOut, code := fx.run(t, append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if code != exitOK || !slices.Contains(strings.Split(out, "\n"), w) {
				t.Errorf("complete %v lacks %q (exit %d %s):\n%s", tc.args, w, code, errOut, out)
			}
		}
	}
}

func TestPasswordFlagPointsToFile(t *testing.T) {
	_, errOut, code := execCLI(t, "serve", "--password", "x")
	if code != exitUsage || !strings.Contains(errOut, "use --password-file FILE") {
		t.Errorf("serve --password: exit %d, %q", code, errOut)
	}
}
