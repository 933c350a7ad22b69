package main

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"

	"cyberintake/ingest"
	"cyberintake/mailparse"
)

// helpExamples are the command lines of a command's Examples section
// (help.go's examples), as words.
func helpExamples(t *testing.T, key string) [][]string {
	t.Helper()
	var out [][]string
	for _, line := range strings.Split(examples[key], "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "cyberintake ") {
			args, err := splitShellLine(line)
			if err != nil {
				t.Fatalf("%s example %q: %v", key, line, err)
			}
			out = append(out, args[1:])
		}
	}
	return out
}

// TestFollowupHelpExamples runs the lines of followup --help's Examples as
// written (TestHelpExamplesRun runs them too) on the sample replies, in a
// directory holding serve.conf for a test IMAP server, and checks what
// they drafted.
func TestFollowupHelpExamples(t *testing.T) {
	mem, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	samples, err := filepath.Abs("../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	conf := fmt.Sprintf("imap-addr = %s\nuser = ql\npassword = test\ntls = none\n", mem.Addr)
	if err := os.WriteFile("serve.conf", []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CYBERINTAKE_DB", filepath.Join(dir, "store.db"))
	t.Setenv("CYBERINTAKE_CONFIG", "")
	if _, errOut, code := execCLI(t, "ingest", samples); code != exitOK {
		t.Fatalf("ingest the samples: exit %d: %s", code, errOut)
	}
	lines := helpExamples(t, "followup")
	if len(lines) != 3 {
		t.Fatalf("%d examples in followup --help, this test knows 3", len(lines))
	}
	outs := map[string]string{}
	for _, args := range lines {
		out, errOut, code := execCLI(t, args...)
		if code != exitOK {
			t.Fatalf("cyberintake %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		outs[strings.Join(args, " ")] = out
	}
	if out := outs["followup 17782 --out followup-17782.eml"]; !strings.Contains(out, "lab 17782 (fr): asks for e_reference; to m.hubert@labo-hubert.be; written to followup-17782.eml") {
		t.Errorf("followup 17782: %q", out)
	}
	b, err := os.ReadFile("followup-17782.eml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if subj, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); subj != "Cyber attaque – labo 17782" || m.Header.Get("In-Reply-To") == "" {
		t.Errorf("draft for 17782: subject %q, In-Reply-To %q", subj, m.Header.Get("In-Reply-To"))
	}
	drafts, _ := os.ReadDir("drafts")
	for _, args := range lines[1:] {
		if out := outs[strings.Join(args, " ")]; !strings.Contains(out, fmt.Sprintf("cases: %d complete, %d drafted\n", 33-len(drafts), len(drafts))) {
			t.Errorf("cyberintake %s:\n%s", strings.Join(args, " "), out)
		}
	}
	if n, err := ingest.CountFlag(mem.Addr, "ql", "test", "Drafts", imap.FlagDraft); err != nil || n != len(drafts) || n < 5 {
		t.Errorf("Drafts holds %d messages flagged \\Draft (%v), want the %d of --dir", n, err, len(drafts))
	}
}

func TestFollowupOneLab(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "followup", "labo-77", "--language", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	res := mailparse.Parse([]byte(out), nil)
	if res.Subject != "Cyber attack – lab LABO-77" || res.InReplyTo != "nl@lab" {
		t.Errorf("printed draft: subject %q, in reply to %q\n%s", res.Subject, res.InReplyTo, out)
	}
	if !strings.Contains(out, "- b) the activities/services affected") {
		t.Errorf("question b) not quoted:\n%s", out)
	}
	if _, errOut, code := fx.run(t, "followup", "99999"); code != exitFailure || !strings.Contains(errOut, "no replies from lab") {
		t.Errorf("unknown lab: exit %d, %q", code, errOut)
	}
}

// TestFollowupOutReplacesSymlink: --out never writes through a symlink
// planted at the path.
func TestFollowupOutReplacesSymlink(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("keep me"), 0o600)
	out := filepath.Join(dir, "draft.eml")
	if err := os.Symlink(victim, out); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := fx.run(t, "followup", "labo-77", "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Errorf("the symlink's target was written: %q", b)
	}
	if fi, err := os.Lstat(out); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("%s is not a regular file: %v %v", out, fi, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".followup-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestFollowupUsage(t *testing.T) {
	fx := newFixture(t)
	for _, args := range [][]string{
		{"followup"},
		{"followup", "12345", "--dir", "x"},
		{"followup", "--all", "12345"},
		{"followup", "12345", "--imap-addr", "127.0.0.1:1"},
		{"followup", "12345", "--language", "it"},
		{"followup", "--all", "--out", "x.eml"},
	} {
		if _, errOut, code := fx.run(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
	}
}

// followupWorld files, beside the documentation world's samples, a reply
// of lab 12345 that leaves e) out, so that the README's
// follow-up lines have a case to draft.
func followupWorld(w *docWorld) {
	w.deliver([]byte("From: Laboratoire Exemple <qualite@labo-exemple.be>\r\nTo: QL_secretariat@sciensano.be\r\n" +
		"Subject: RE: Cyber attaque =?utf-8?q?=E2=80=93?= labo 12345\r\nDate: Mon, 22 Feb 2021 10:00:00 +0100\r\n" +
		"Message-ID: <reply-12345@labo-exemple.be>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"a) Un courriel de phishing, suivi d'un rançongiciel.\r\nb) Le LIS était arrêté pendant deux jours.\r\n" +
		"c) Plan dégradé, résultats sur papier.\r\nd) Authentification à deux facteurs pour tous.\r\n"))
	w.fileOnce(w.db())
}

// checkDraftFile checks a draft the documentation's lines wrote.
func checkDraftFile(w *docWorld, path, lab string) {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(w.root, path))
	if err != nil {
		w.t.Fatalf("no draft: %v", err)
	}
	res := mailparse.Parse(b, nil)
	if !strings.HasSuffix(res.Subject, "labo "+lab) || res.InReplyTo == "" {
		w.t.Errorf("%s: subject %q, in reply to %q", path, res.Subject, res.InReplyTo)
	}
}

// TestFollowupAllToDraftsOneLogin: --all appends every draft over one
// connection, and a refused login is tried once, not once per lab.
func TestFollowupAllToDraftsOneLogin(t *testing.T) {
	fx := newFixture(t)
	addHostile(t, fx.db) // a second incomplete case
	mem, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	conf := filepath.Join(t.TempDir(), "serve.conf")
	for _, tc := range []struct {
		password string
		code     int
		drafts   int
	}{{"wrong", exitFailure, 0}, {"test", exitOK, 2}} {
		os.WriteFile(conf, fmt.Appendf(nil, "imap-addr = %s\nuser = ql\npassword = %s\ntls = none\n", mem.Addr, tc.password), 0o600)
		out, errOut, code := fx.run(t, "followup", "--all", "--to-drafts", "--config", conf)
		if code != tc.code {
			t.Fatalf("password %s: exit %d, want %d\n%s%s", tc.password, code, tc.code, out, errOut)
		}
		if n := strings.Count(errOut, "authentication failed"); tc.password == "wrong" && n != 1 {
			t.Errorf("wrong password: %d refused logins reported, want 1:\n%s", n, errOut)
		}
		if n, _ := ingest.CountFlag(mem.Addr, "ql", "test", "Drafts", imap.FlagDraft); n != tc.drafts {
			t.Errorf("password %s: %d drafts, want %d", tc.password, n, tc.drafts)
		}
	}
}
