package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"cyberintake/mailparse"
	"cyberintake/store"
)

func TestTermSafe(t *testing.T) {
	for _, tc := range []struct {
		name, in, safe, line string
	}{
		{"plain", "Labo Liège – été", "Labo Liège – été", "Labo Liège – été"},
		{"lines and tabs kept", "a\tb\nc", "a\tb\nc", "a b c"},
		{"CRLF", "a\r\nb", "a\nb", "a b"},
		{"lone CR", "ok\rFAKE", `ok\rFAKE`, "ok FAKE"},
		{"CSI and OSC", "\x1b[2J\x1b]0;TITLE\x07", `\x1b[2J\x1b]0;TITLE\a`, `\x1b[2J\x1b]0;TITLE\a`},
		{"DEL and C1", "a\x7fb\u009bc\u0085d", `a\x7fb\u009bc\u0085d`, "a\\x7fb\\u009bc d"},
		{"bidi override", "abc\u202efdp.exe", `abc\u202efdp.exe`, `abc\u202efdp.exe`},
		{"bidi isolates and marks", "\u2066x\u2069\u200f\u061c", `\u2066x\u2069\u200f\u061c`, `\u2066x\u2069\u200f\u061c`},
		{"invalid UTF-8, 8-bit CSI", "a\x9b2Jb\xff", `a\x9b2Jb\xff`, `a\x9b2Jb\xff`},
		{"line separator", "a\u2028b", `a\u2028b`, "a b"},
		{"joiners kept", "👩\u200d🔬", "👩\u200d🔬", "👩\u200d🔬"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := termSafe(tc.in); got != tc.safe {
				t.Errorf("termSafe(%q) = %q, want %q", tc.in, got, tc.safe)
			}
			if got := termLine(tc.in); got != tc.line {
				t.Errorf("termLine(%q) = %q, want %q", tc.in, got, tc.line)
			}
			if got := termSafe(termSafe(tc.in)); got != tc.safe {
				t.Errorf("termSafe is not idempotent: %q", got)
			}
		})
	}
}

// hostileRunes are what a terminal acts on; none may reach it.
const hostileRunes = "\x1b\x07\x7f\u009b\u202e"

// TestHostileMailIsEscaped files a message whose subject, sender, contact
// and answers carry ESC sequences (clear screen, set title), DEL, C1 and a
// bidi override, plus inputs whose names do, and runs every command that
// prints mail to people: none writes them raw; JSON keeps them.
func TestHostileMailIsEscaped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	evil := filepath.Join(dir, "ev\x1b[2Jil\u202e.eml")
	if err := os.WriteFile(evil, []byte("garbage\x1b]0;T\x07 not mail\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	clean := func(t *testing.T, what, s string) {
		t.Helper()
		if i := strings.IndexAny(s, hostileRunes); i >= 0 {
			t.Errorf("%s prints %q raw:\n%s", what, s[i:min(len(s), i+8)], s)
		}
	}
	cli := func(args ...string) (string, string, int) {
		return execCLI(t, append([]string{"--db", db, "--log-format", "text"}, args...)...)
	}
	out, errOut, code := cli("ingest", "testdata/hostile.eml", filepath.Join(dir, "nope\x1b]0;T\x07"), evil)
	if code != exitPartial || !strings.Contains(out, `error: `+dir+`/nope\x1b]0;T\a`) {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	clean(t, "ingest summary", out)
	clean(t, "ingest error line", errOut)

	// The parser now drops most controls, but a store filed by an earlier
	// version holds them, and bidi overrides are text: a record as it was
	// filed then.
	old := testResult("old@lab", "777 \x1b]0;T\x07", "2021-02-10T09:00:00+01:00", "fr", mailparse.Sections{
		A: "Un courriel \x1b[31mrouge\x1b[0m", B: "Le LIS \x1b]0;PWNED\x07 \u202etxet", C: "isolés\x7f \u009b2J"})
	old.Subject += " \x1b[2J\x1b]0;TITLE\x07"
	old.Contact.Name = "Dr Evil \x1b[2J"
	old.Tags.Cause = []string{"phishing"}
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	put, err := st.Put(context.Background(), []store.Message{{Raw: []byte("Message-ID: <old@lab>\r\n\r\nx\r\n"), Result: old}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	oldID := strconv.FormatUint(put[0].ID, 10)

	js, _, _ := cli("list", "--json")
	var recs []store.Record
	if err := json.Unmarshal([]byte(js), &recs); err != nil || len(recs) != 2 || recs[0].Result.Lab == nil {
		t.Fatalf("list --json: %v\n%s", err, js)
	}
	if !strings.Contains(js, `\u001b[2J\u001b]0;TITLE\u0007`) || !strings.Contains(js, "\u202etxet") {
		t.Errorf("list --json lost the text as filed:\n%s", js)
	}
	if js, _, _ = cli("show", "--json", oldID); !strings.Contains(js, `\u001b]0;PWNED\u0007`) {
		t.Errorf("show --json does not keep the control characters:\n%s", js)
	}
	var labs []string // the hostile message's, then the old record's
	for _, r := range recs {
		if r.Result.MessageID != "old@lab" {
			labs = append(labs, *r.Result.Lab)
		}
	}
	labs = append(labs, *old.Lab)
	for _, args := range [][]string{
		{"show", "1"},
		{"show", oldID},
		{"show", "--lab", labs[0]},
		{"show", "--lab", labs[1]},
		{"parse", "testdata/hostile.eml"},
		{"list"},
		{"stats"},
		{"stats", "--since", "2021-01-01"},
		{"labs"},
		{"reprocess"}, // last: it re-reads the old record from its raw mail
	} {
		out, errOut, code := cli(args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
		clean(t, strings.Join(args[:1], " "), out)
		clean(t, strings.Join(args[:1], " ")+" (stderr)", errOut)
		showsOld := args[0] == "show" && (slices.Contains(args, oldID) || slices.Contains(args, labs[1]))
		if showsOld && !strings.Contains(out, `\x1b[31mrouge`) {
			t.Errorf("%v does not show the escaped text:\n%s", args, out)
		}
	}
}

// FuzzTermSafe: whatever mail holds, nothing a terminal acts on comes out,
// and escaping twice changes nothing.
func FuzzTermSafe(f *testing.F) {
	for _, s := range []string{"\x1b[2J\x1b]0;T\x07", "a\u202eb\u009b", "\xff\xc2", "ok\r\n", "é\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{termSafe(s), termLine(s)} {
			for _, r := range out {
				if unsafeRune(r) || (r == utf8.RuneError && !strings.ContainsRune(s, utf8.RuneError)) {
					t.Fatalf("%q escaped to %q, which holds %U", s, out, r)
				}
			}
			if termSafe(out) != out {
				t.Fatalf("not idempotent: %q -> %q -> %q", s, out, termSafe(out))
			}
		}
		if strings.ContainsAny(termLine(s), "\n\t\r") {
			t.Fatalf("termLine(%q) spans lines", s)
		}
	})
}
