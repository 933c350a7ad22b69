package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the outputs of README.md's review loop")

// readmeStep is one command line of a README block and what it printed.
type readmeStep struct {
	line string // as written, continuation lines joined
	want string
}

// readmeBlock reads the commands and outputs between two markers of
// README.md: lines starting with "$ " (continued by a trailing
// backslash) are commands, the lines after them their output.
func readmeBlock(t *testing.T, readme, marker string) (before, after string, steps []readmeStep) {
	t.Helper()
	start, end := "<!-- "+marker+" -->\n```\n", "```\n<!-- /"+marker+" -->"
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %s block", marker)
	}
	before, after = readme[:i+len(start)], readme[j:]
	lines := strings.SplitAfter(readme[i+len(start):j], "\n")
	for k := 0; k < len(lines); k++ {
		l := lines[k]
		if !strings.HasPrefix(l, "$ ") {
			if len(steps) == 0 {
				t.Fatalf("README %s block: output before any command: %q", marker, l)
			}
			steps[len(steps)-1].want += l
			continue
		}
		cmd := l
		for strings.HasSuffix(cmd, "\\\n") && k+1 < len(lines) {
			k++
			cmd += lines[k]
		}
		steps = append(steps, readmeStep{line: strings.TrimSuffix(cmd, "\n")})
	}
	return before, after, steps
}

// splitShellLine splits a command line as sh does for the quoting README
// lines use: blanks, '...', "..." (with \" \\ \$), and backslash-newline.
func splitShellLine(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			i++
		case c == ' ' || c == '\t' || c == '\n':
			if in {
				out, in = append(out, cur.String()), false
				cur.Reset()
			}
		case c == '\'':
			k := strings.IndexByte(s[i+1:], '\'')
			if k < 0 {
				return nil, fmt.Errorf("unclosed ' in %q", s)
			}
			cur.WriteString(s[i+1 : i+1+k])
			i, in = i+1+k, true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, fmt.Errorf("unclosed \" in %q", s)
			}
			in = true
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out, nil
}

// volatile are the parts of an output that differ from run to run: times
// of filing and of corrections (not the 2021 dates of the mail), and the
// speed of ingest.
var volatile = regexp.MustCompile(`20(2[5-9]|[3-9][0-9])-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}|in [0-9.]+s, [0-9]+/s`)

// TestReadmeReviewLoop runs README.md's review loop, every command line
// exactly as written (in-process, from the repository's root, as user
// ana), and compares what each prints with the README. `export VAR=PATH`
// sets VAR to a file of that name in a temporary directory instead.
// -update-readme writes the outputs into README.md.
func TestReadmeReviewLoop(t *testing.T) {
	readmePath, err := filepath.Abs("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	before, after, steps := readmeBlock(t, string(b), "review-loop")
	t.Chdir("../..")
	t.Setenv("USER", "ana")
	t.Setenv("VISUAL", "")
	tmp := t.TempDir()
	var block strings.Builder
	for _, st := range steps {
		words, err := splitShellLine(strings.TrimPrefix(st.line, "$ "))
		if err != nil {
			t.Fatal(err)
		}
		block.WriteString(st.line + "\n")
		if words[0] == "export" {
			name, val, _ := strings.Cut(words[1], "=")
			t.Setenv(name, filepath.Join(tmp, filepath.Base(val)))
			continue
		}
		if words[0] != "cyberintake" {
			t.Fatalf("README line %q does not run cyberintake", st.line)
		}
		stdout, stderr, code := execCLI(t, words[1:]...)
		got := stdout
		for _, l := range strings.SplitAfter(stderr, "\n") {
			if strings.HasPrefix(l, "cyberintake: ") {
				got += l
			}
		}
		block.WriteString(got)
		if wantErr := strings.Contains(st.want, "cyberintake: usage: "); !*updateReadme && ((code == exitUsage) != wantErr || code != exitOK && code != exitUsage) {
			t.Errorf("%s: exit %d\n%s", st.line, code, stderr)
		}
		if !*updateReadme && volatile.ReplaceAllString(got, "X") != volatile.ReplaceAllString(st.want, "X") {
			t.Errorf("%s\nprints:\n%s\nREADME says:\n%s", st.line, got, st.want)
		}
	}
	if *updateReadme {
		if err := os.WriteFile(readmePath, []byte(before+block.String()+after), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
