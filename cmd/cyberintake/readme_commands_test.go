package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"cyberintake/internal/daemontest"
)

// documentedCommandTable holds every command line that README.md and
// contrib/* show, exactly as written; TestDocumentedCommandsAreRun fails when
// the documentation shows a line this table lacks. TestDocumentedCommands
// runs each line through sh, word for word, in a fresh docWorld
// (readme_run_test.go): a temporary root standing for /, an in-memory IMAP
// server over implicit TLS holding three sample replies, serve.conf taken
// from the README's example. Only the values listed in docSubstitutions
// (paths under /etc/cyberintake and /var/lib/cyberintake, the binary's
// path, the IMAP host, the metrics address, systemd's %d) are redirected.
//
// To add a line: copy it from the documentation into Line; say what it
// must print (Want) and its exit status (Exit); Daemon for a line that runs
// until signalled (it must keep running, file mail delivered after it
// started, and exit 0 on SIGTERM); Setup for files or environment it needs;
// Check for what it must leave behind. Skip only with the reason, naming
// what runs the line instead.
type docCommand struct {
	Line   string
	Skip   string // why the line is not run here, and what runs it instead
	Slow   bool   // skipped with -short
	Daemon bool
	Exit   int
	Want   string // in its stdout or stderr
	Setup  func(w *docWorld)
	Check  func(w *docWorld, out string)
}

// reviewLoop is why the README's review loop is not run here.
const reviewLoop = "a line of the README's review loop: TestReadmeReviewLoop runs it and compares its output"

// fileOnce fills the world's store with its three waiting replies.
func fileOnce(w *docWorld) { w.fileOnce(w.db()) }

var documentedCommandTable = []docCommand{
	// README: Backup, restore, a damaged store
	{Line: "cyberintake backup cyberintake-backup.db", Skip: "a line of the restore recipe: TestRestoreRecipe runs it with the lines around it"},
	{Line: "cyberintake verify", Setup: fileOnce, Want: "ok, 3 messages checked"},
	// README: the review loop, run with its outputs by TestReadmeReviewLoop
	{Line: "cyberintake ingest testdata/corpus", Skip: reviewLoop},
	{Line: "cyberintake review --limit 4", Skip: reviewLoop},
	{Line: `cyberintake correct 18 \`, Skip: reviewLoop},
	{Line: "cyberintake correct 18 tags.cause+=qakbot", Skip: reviewLoop},
	{Line: "cyberintake accept 18", Skip: reviewLoop},
	{Line: `cyberintake correct 26 lab=30915-B --by bob --reason "second site of the lab, see signature"`, Skip: reviewLoop},
	{Line: `cyberintake correct 26 --undo lab --by bob --reason "same lab, one number"`, Skip: reviewLoop},
	{Line: "cyberintake show 26 --history", Skip: reviewLoop},
	{Line: "cyberintake accept 30915", Skip: reviewLoop},
	{Line: "cyberintake list --reviewed", Skip: reviewLoop},
	{Line: "cyberintake review --limit 2", Skip: reviewLoop},
	// README: review figures
	{Line: "go test -run '^$' -bench 'ReviewQueue|Correct' ./store", Skip: "the benchmarks behind the review figures, run by hand; the store's tests run the same code"},
	{Line: "cyberintake review --lab X", Setup: fileOnce, Want: "nothing to review"},
	// README: Two commands on a fresh machine
	{Line: "go run ./cmd/cyberintake demo", Want: "Store verify: 0 problems", Slow: true},
	{Line: "go test -race ./...", Skip: "the whole suite, this test included; .ci/run runs it"},
	// README: Using it
	{Line: "go build -o cyberintake ./cmd/cyberintake", Slow: true, Check: func(w *docWorld, _ string) {
		if fi, err := os.Stat(filepath.Join(moduleRoot(w.t), "cyberintake")); err != nil || fi.Mode()&0o111 == 0 {
			w.t.Errorf("no executable ./cyberintake: %v", err)
		}
	}},
	// README: the daemon
	{Line: "cyberintake serve --imap-addr imap.sciensano.be:993 --user QL_secretariat@sciensano.be", Daemon: true},
	{Line: "cyberintake serve --config /etc/cyberintake/serve.conf --check", Want: "login ok", Check: func(w *docWorld, _ string) {
		if _, err := os.Stat(w.db()); err == nil {
			w.t.Errorf("--check created the store %s", w.db())
		}
	}},
	{Line: "cyberintake serve --config /etc/cyberintake/serve.conf --once", Check: func(w *docWorld, _ string) {
		if n := w.stored(); n != 3 {
			w.t.Errorf("--once filed %d messages, want 3", n)
		}
	}},
	{Line: "cyberintake demo", Want: "Store verify: 0 problems"},
	{Line: "go test ./ingest", Skip: "the ingest package's own tests; `go test -race ./...` in .ci/run runs them"},
	// README: Measured figures, Tests
	{Line: "go test -run '^$' -bench 'BenchmarkParse$' -cpu 1 ./mailparse", Slow: true, Want: "BenchmarkParse"},
	{Line: "go test ./mailparse -update", Skip: "rewrites the golden files; run by hand, then check the diff"},
	// README: Backup, restore, a damaged store (TestRestoreRecipe also runs
	// the recipe's lines in turn, the store damaged between backup and cp)
	{Line: "cyberintake backup cyberintake-backup.db", Setup: func(w *docWorld) { w.fileOnce(w.db()) },
		Want: "backup cyberintake-backup.db: ", Check: func(w *docWorld, _ string) {
			if n := daemontest.Stored(w.t, filepath.Join(w.root, "cyberintake-backup.db")); n != 3 {
				w.t.Errorf("the backup holds %d messages, want 3", n)
			}
		}},
	{Line: "cyberintake verify", Setup: func(w *docWorld) { w.fileOnce(w.db()) }, Want: "ok, 3 messages checked"},
	// README: Follow-up drafts and the workbook (helpers in cmd_followup_test.go)
	{Line: "cyberintake followup 12345 --out followup-12345.eml", Setup: followupWorld, Want: "lab 12345 (fr): asks for e;",
		Check: func(w *docWorld, _ string) { checkDraftFile(w, "followup-12345.eml", "12345") }},
	{Line: "cyberintake followup --all --dir drafts", Setup: followupWorld, Want: "drafted",
		Check: func(w *docWorld, _ string) { checkDraftFile(w, "drafts/followup-12345.eml", "12345") }},
	{Line: "cyberintake followup --all --to-drafts --config /etc/cyberintake/serve.conf", Setup: followupWorld, Want: `appended to "Drafts"`},
	{Line: "cyberintake export --format xlsx -o reports.xlsx", Setup: followupWorld, Check: func(w *docWorld, _ string) {
		if b, err := os.ReadFile(filepath.Join(w.root, "reports.xlsx")); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
			w.t.Errorf("no workbook: %v", err)
		}
	}},
	{Line: "cyberintake export --format csv --sep ';' -o reports.csv", Setup: followupWorld, Check: func(w *docWorld, _ string) {
		if b, err := os.ReadFile(filepath.Join(w.root, "reports.csv")); err != nil || !bytes.Contains(b, []byte("lab;date;language;")) {
			w.t.Errorf("no semicolon CSV: %v %.80q", err, b)
		}
	}},
	{Line: "go test ./followup -update", Skip: "rewrites the golden drafts; run by hand, then check the diff"},
	// contrib/cyberintake.service
	{Line: "/usr/local/bin/cyberintake serve --config /etc/cyberintake/serve.conf --password-file %d/imap-password --db-mode 0640",
		Daemon: true, Setup: func(w *docWorld) {
			w.systemdUnit("contrib/cyberintake.service")
			if !strings.HasPrefix(w.db(), w.root) {
				w.t.Fatalf("the unit's store %s is outside the test's root", w.db())
			}
		}, Check: func(w *docWorld, _ string) {
			if fi, err := os.Stat(w.db()); err != nil || fi.Mode().Perm() != 0o640 {
				w.t.Errorf("the unit's store: %v (%v), want mode 0640", fi.Mode().Perm(), err)
			}
		}},
	{Line: "CYBERINTAKE_DB=/var/lib/cyberintake/cyberintake.db cyberintake list", Setup: func(w *docWorld) {
		w.fileOnce(filepath.Join(w.root, "var/lib/cyberintake/cyberintake.db"))
	}, Check: func(w *docWorld, out string) {
		if strings.Count(out, "\n") < 4 {
			w.t.Errorf("list shows fewer than the 3 filed messages:\n%s", out)
		}
	}},
	// README: The analysts' workbench and the situation report
	{Line: "cyberintake web", Skip: "serves until stopped; TestWebREADMECommands (cmd_web_test.go) runs it exactly as written"},
	{Line: "cyberintake web adduser alice --role editor --users web-users", Skip: "reads a password; TestWebREADMECommands runs it exactly as written"},
	{Line: "cyberintake web --listen :8443 --tls-cert web.crt --tls-key web.key --users web-users", Skip: "serves until stopped, with a certificate; TestWebREADMECommands runs it exactly as written"},
	{Line: "cyberintake report --out report.html", Skip: "needs the sample replies filed; TestWebREADMECommands and TestReportCommand run it exactly as written"},
	{Line: "cyberintake report --out report.html --lang nl --anonymize", Skip: "needs the sample replies filed; TestWebREADMECommands and TestReportCommand run it exactly as written"},
	{Line: "go test ./web -run '^$' -bench 'Page|Report' -benchtime 20x", Skip: "benchmarks: their figures are in the README"},
	{Line: "CYBERINTAKE_DOCS_SHOTS=$PWD/docs go test ./web -run TestBrowser -count=1", Skip: "TestBrowser itself, which .ci/run runs (CI=true)"},
}
