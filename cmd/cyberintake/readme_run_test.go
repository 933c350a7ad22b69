package main

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"cyberintake/ingest"
	"cyberintake/internal/daemontest"
	"cyberintake/internal/testcerts"
	"cyberintake/testdata/corpus"
)

// This file is the machinery behind readme_commands_test.go: it finds the
// command lines the documentation shows and runs them. The table of lines
// is in readme_commands_test.go; only that file needs editing when the
// README or contrib/ gains a command.

// docPrefixes start the command lines the documentation must not show
// untested.
var docPrefixes = []string{"cyberintake ", "/usr/local/bin/cyberintake ", "go run ./cmd/cyberintake", "go test", "go build"}

// docSubstitutions redirect what a line names on the machine it documents
// to the test's world (root is a temporary directory standing for /). The
// command words and flags stay as written; only these values change.
func (w *docWorld) docSubstitutions() []string {
	return []string{
		"/usr/local/bin/cyberintake", w.bin,
		"/etc/cyberintake/", filepath.Join(w.root, "etc/cyberintake") + "/",
		"/var/lib/cyberintake/", filepath.Join(w.root, "var/lib/cyberintake") + "/",
		"imap.sciensano.be:993", w.imap.Addr, // the in-memory server, implicit TLS
		"127.0.0.1:9090", w.httpAddr, // a free port: tests run side by side
		"127.0.0.1:9781", w.httpAddr,
		"%d/", filepath.Join(w.root, "run/credentials") + "/", // systemd's $CREDENTIALS_DIRECTORY
	}
}

// docLine is one command line found in the documentation.
type docLine struct {
	File string
	Line int
	Cmd  string
}

var (
	inlineCode     = regexp.MustCompile("`([^`]+)`")
	trailComment   = regexp.MustCompile(`\s+#\s.*$`)
	systemdExecKey = regexp.MustCompile(`^Exec[A-Za-z]*=[-@:+!]*`)
	envAssignments = regexp.MustCompile(`^([A-Z_][A-Z0-9_]*=\S* )+`)
)

// asDocCommand returns s as a documented command line, or "". Variable
// assignments before the command ("CYBERINTAKE_DB=... cyberintake list")
// belong to the line.
func asDocCommand(s string) string {
	s = strings.Join(strings.Fields(trailComment.ReplaceAllString(s, "")), " ")
	s = strings.TrimPrefix(s, "$ ")
	cmd := envAssignments.ReplaceAllString(s, "")
	for _, p := range docPrefixes {
		if strings.HasPrefix(cmd+" ", p) {
			return s
		}
	}
	return ""
}

// readmeCommands finds the command lines of a Markdown file: lines of code
// blocks (indented or fenced) and inline code spans, which may wrap, of
// more than two words (`cyberintake ingest` names a command in prose).
func readmeCommands(path string) ([]docLine, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []docLine
	var para []string
	paraStart := 0
	flush := func() {
		for _, m := range inlineCode.FindAllStringSubmatch(strings.Join(para, " "), -1) {
			// `cyberintake ingest` in prose names the command, not a line to run.
			if c := asDocCommand(m[1]); c != "" && len(strings.Fields(c)) > 2 {
				out = append(out, docLine{path, paraStart, c})
			}
		}
		para = nil
	}
	fenced, inCode, prevBlank := false, false, true
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "```"):
			flush()
			fenced = !fenced
		case fenced || (strings.HasPrefix(line, "    ") && (prevBlank || inCode)):
			flush()
			inCode = true
			if c := asDocCommand(line); c != "" {
				out = append(out, docLine{path, i + 1, c})
			}
		case strings.TrimSpace(line) == "":
			flush()
		default:
			inCode = false
			if len(para) == 0 {
				paraStart = i + 1
			}
			para = append(para, line)
		}
		prevBlank = strings.TrimSpace(line) == ""
	}
	flush()
	return out, nil
}

// unitCommands finds the command lines of a contrib file: its commented
// examples and its Exec*= lines.
func unitCommands(path string) ([]docLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []docLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimLeft(strings.TrimSpace(sc.Text()), "#; ")
		s = systemdExecKey.ReplaceAllString(s, "")
		if c := asDocCommand(s); c != "" {
			out = append(out, docLine{path, n, c})
		}
	}
	return out, sc.Err()
}

// documentedCommands are the command lines of README.md and contrib/*.
func documentedCommands(t *testing.T) []docLine {
	t.Helper()
	lines, err := readmeCommands(filepath.Join(moduleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	contrib, _ := filepath.Glob(filepath.Join(moduleRoot(t), "contrib", "*"))
	for _, p := range contrib {
		l, err := unitCommands(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l...)
	}
	return lines
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// docWorld is where a documented line runs: a temporary root holding the
// files the line names (serve.conf from the README's example, the password
// file, the private CA), an in-memory IMAP server over implicit TLS that
// holds three sample replies and whose CA is the only one trusted
// (SSL_CERT_FILE), and an environment with the password the README
// exports and $XDG_DATA_HOME inside the root.
type docWorld struct {
	t        *testing.T
	root     string
	bin      string
	imap     *ingest.MemServer
	httpAddr string
	env      []string
	raws     [][]byte
}

const docUser, docPassword = "QL_secretariat@sciensano.be", "s3cret"

func newDocWorld(t *testing.T, bin string) *docWorld {
	t.Helper()
	w := &docWorld{t: t, root: t.TempDir(), bin: bin}
	etc := filepath.Join(w.root, "etc/cyberintake")
	for _, d := range []string{etc, filepath.Join(w.root, "var/lib/cyberintake"), filepath.Join(w.root, "run/credentials"), filepath.Join(w.root, "data")} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			t.Fatal(err)
		}
	}
	tlsCfg, err := testcerts.WriteLoopback(etc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(etc, "ca.pem"), filepath.Join(etc, "private-ca.pem")); err != nil {
		t.Fatal(err)
	}
	w.imap, err = ingest.StartMemServer(&ingest.MemServerOptions{User: docUser, Password: docPassword, TLS: tlsCfg, ImplicitTLS: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.imap.Close() })
	for _, m := range []string{"Filed"} { // serve.conf's move-to
		if err := w.imap.User.Create(m, nil); err != nil {
			t.Fatal(err)
		}
	}
	_, w.raws, _ = corpus.Messages()
	w.deliver(w.raws[:3]...)
	w.httpAddr = "127.0.0.1:" + freePort(t)
	w.writeFile(filepath.Join(etc, "imap-password"), docPassword+"\n", 0o600)
	w.writeFile(filepath.Join(etc, "serve.conf"), w.subst(readmeServeConf(t)), 0o640)

	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CYBERINTAKE_") {
			w.env = append(w.env, kv)
		}
	}
	w.setenv("PATH", filepath.Dir(bin)+":"+os.Getenv("PATH"))
	w.setenv("XDG_DATA_HOME", filepath.Join(w.root, "data"))
	w.setenv("SSL_CERT_FILE", filepath.Join(etc, "private-ca.pem"))
	w.setenv("CYBERINTAKE_IMAP_PASSWORD", docPassword) // the README's export
	return w
}

func (w *docWorld) subst(s string) string {
	return strings.NewReplacer(w.docSubstitutions()...).Replace(s)
}

func (w *docWorld) setenv(k, v string) {
	w.env = slices.DeleteFunc(w.env, func(kv string) bool { return strings.HasPrefix(kv, k+"=") })
	w.env = append(w.env, k+"="+v)
}

func (w *docWorld) writeFile(path, content string, mode os.FileMode) {
	w.t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		w.t.Fatal(err)
	}
}

func (w *docWorld) deliver(raws ...[]byte) {
	w.t.Helper()
	if err := w.imap.Deliver("INBOX", raws...); err != nil {
		w.t.Fatal(err)
	}
}

// db is the store a line without --db uses in this world.
func (w *docWorld) db() string {
	for _, kv := range slices.Backward(w.env) {
		if v, ok := strings.CutPrefix(kv, "CYBERINTAKE_DB="); ok {
			return v
		}
	}
	return filepath.Join(w.root, "data/cyberintake/cyberintake.db")
}

// stored counts the messages in the world's store.
func (w *docWorld) stored() int { return daemontest.Stored(w.t, w.db()) }

// systemdUnit sets the world up as systemd would for unit: its
// Environment= lines, and its LoadCredential= files copied to the
// credentials directory (%d).
func (w *docWorld) systemdUnit(unit string) {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(w.t), unit))
	if err != nil {
		w.t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if kv, ok := strings.CutPrefix(line, "Environment="); ok {
			k, v, _ := strings.Cut(kv, "=")
			w.setenv(k, w.subst(v))
		}
		if kv, ok := strings.CutPrefix(line, "LoadCredential="); ok {
			name, src, _ := strings.Cut(kv, ":")
			data, err := os.ReadFile(w.subst(src))
			if err != nil {
				w.t.Fatalf("LoadCredential=%s: %v", kv, err)
			}
			w.writeFile(filepath.Join(w.root, "run/credentials", name), string(data), 0o400)
		}
	}
}

// fileOnce files the waiting mail into the store at db with serve --once.
func (w *docWorld) fileOnce(db string) {
	w.t.Helper()
	cmd := exec.Command(w.bin, "--db", db, "serve", "--config", filepath.Join(w.root, "etc/cyberintake/serve.conf"), "--once")
	cmd.Env = w.env
	if out, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("serve --once: %v\n%s", err, out)
	}
}

// readmeServeConf is the README's example serve.conf: the indented block
// that starts with "imap-addr".
func readmeServeConf(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var conf []string
	for _, line := range strings.Split(string(b), "\n") {
		s := strings.TrimPrefix(line, "    ")
		if len(conf) == 0 && !strings.HasPrefix(s, "imap-addr ") {
			continue
		}
		if s == line || strings.TrimSpace(s) == "" {
			if len(conf) > 0 {
				break
			}
			continue
		}
		conf = append(conf, s)
	}
	if len(conf) == 0 {
		t.Fatal("README.md has no example serve.conf (an indented block starting with imap-addr)")
	}
	return strings.Join(conf, "\n") + "\n"
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// run runs c.Line through sh exactly as written (after docSubstitutions),
// go lines in the module root, the others in the world's root.
func (w *docWorld) run(c docCommand) {
	t := w.t
	t.Helper()
	if c.Setup != nil {
		c.Setup(w)
	}
	line := w.subst(c.Line)
	if c.Daemon { // the signal must reach the daemon, not sh
		line = "exec " + line
	}
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir = w.root
	if strings.HasPrefix(c.Line, "go ") {
		cmd.Dir = moduleRoot(t)
	}
	cmd.Env = w.env
	if c.Daemon {
		out := daemontest.Run(t, cmd, w.db(), 3, func() { w.deliver(w.raws[3]) })
		if c.Check != nil {
			c.Check(w, out)
		}
		return
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != c.Exit || !strings.Contains(out.String(), c.Want) {
		t.Errorf("%s: exit %d, want %d and output containing %q:\n%s", c.Line, code, c.Exit, c.Want, out.String())
	}
	if c.Check != nil {
		c.Check(w, out.String())
	}
}

// TestDocumentedCommandsAreRun fails when README.md or contrib/ shows a
// command line that the table in readme_commands_test.go does not hold,
// and when the table holds a line the documentation no longer shows.
func TestDocumentedCommandsAreRun(t *testing.T) {
	shown := map[string]bool{}
	for _, l := range documentedCommands(t) {
		shown[l.Cmd] = true
		if !slices.ContainsFunc(documentedCommandTable, func(c docCommand) bool { return c.Line == l.Cmd }) {
			t.Errorf("%s:%d shows %q, which no test runs: add it to documentedCommandTable (readme_commands_test.go)",
				filepath.Base(l.File), l.Line, l.Cmd)
		}
	}
	for _, c := range documentedCommandTable {
		if !shown[c.Line] {
			t.Errorf("documentedCommandTable holds %q, which README.md and contrib/ no longer show: remove it", c.Line)
		}
		if c.Skip == "" && c.Daemon && c.Exit != 0 {
			t.Errorf("%q: a daemon line must exit 0 on SIGTERM", c.Line)
		}
	}
}

// TestDocumentedCommands runs every line of the table, each in a fresh world.
func TestDocumentedCommands(t *testing.T) {
	bin := buildCLI(t)
	for _, c := range documentedCommandTable {
		t.Run(c.Line, func(t *testing.T) {
			switch {
			case c.Skip != "":
				t.Skip(c.Skip)
			case c.Slow && testing.Short():
				t.Skip("slow; not with -short")
			}
			newDocWorld(t, bin).run(c)
		})
	}
}

// buildCLI builds the real binary into a directory of its own (bin/).
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bin", "cyberintake")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestReadmeServeConfs parses every example serve.conf of the README (an
// indented block whose first line sets imap-addr) as serve would: unknown
// keys fail, and so does a trailing "# comment", which the format takes as
// part of the value (the first example had one on its tls line).
func TestReadmeServeConfs(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var blocks [][]string
	var cur []string
	for _, line := range append(strings.Split(string(b), "\n"), "") {
		s := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(s, "imap-addr ") && strings.HasPrefix(line, "    "):
			cur = []string{s}
		case cur != nil && s != "" && strings.HasPrefix(line, "    "):
			cur = append(cur, s)
		case cur != nil:
			blocks, cur = append(blocks, cur), nil
		}
	}
	if len(blocks) < 2 {
		t.Fatalf("found %d example serve.conf blocks, want the general one and Microsoft 365's", len(blocks))
	}
	for _, blk := range blocks {
		kv, err := ingest.ParseConfigFile(strings.NewReader(strings.Join(blk, "\n")), "README serve.conf")
		if err != nil {
			t.Errorf("%v\n%s", err, strings.Join(blk, "\n"))
			continue
		}
		for k, vs := range kv {
			for _, v := range vs {
				if strings.Contains(v, "#") {
					t.Errorf("README serve.conf: %s = %q: a comment after a value is part of the value", k, v)
				}
			}
		}
	}
}
