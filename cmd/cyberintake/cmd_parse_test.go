package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// contractKeys are the fields CONTRACT.md requires in every parse object
// (error only when the file could not be read).
var contractKeys = []string{
	"file", "message_id", "from", "date", "subject", "kind", "lab", "language",
	"sections", "references", "contact", "tags", "downtime_days", "incident_date", "needs_review",
	"review_reasons", "own_text", "attachments", "warnings",
}

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit status.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	root, g := newRoot()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(stdin))
	err := root.ExecuteContext(context.Background())
	g.stopProfile()
	return out.String(), errb.String(), exitCode(err)
}

func decodeNDJSON(t *testing.T, s string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %v: %q", err, sc.Text())
		}
		objs = append(objs, m)
	}
	return objs
}

func corpusFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/corpus/*.eml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata: %v", err)
	}
	sort.Strings(files)
	return files
}

func TestParseJSONContract(t *testing.T) {
	files := corpusFiles(t)
	out, stderr, code := runCLI(t, "", append([]string{"parse", "--json"}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr: %s", code, stderr)
	}
	objs := decodeNDJSON(t, out)
	if len(objs) != len(files) {
		t.Fatalf("got %d objects for %d files", len(objs), len(files))
	}
	for i, o := range objs {
		if o["file"] != files[i] {
			t.Errorf("object %d is for %v, want %s (input order)", i, o["file"], files[i])
		}
		for _, k := range contractKeys {
			if _, ok := o[k]; !ok {
				t.Errorf("%s: missing contract field %q", files[i], k)
			}
		}
		if e, ok := o["error"]; ok {
			t.Errorf("%s: unexpected error %v", files[i], e)
		}
		if _, ok := o["review_reasons"].([]any); !ok {
			t.Errorf("%s: review_reasons is %T, want an array", files[i], o["review_reasons"])
		}
		if _, ok := o["own_text"].(string); !ok {
			t.Errorf("%s: own_text is %T, want a string", files[i], o["own_text"])
		}
		sec, _ := o["sections"].(map[string]any)
		for _, k := range []string{"a", "b", "c", "d", "e"} {
			if _, ok := sec[k].(string); !ok {
				t.Errorf("%s: sections.%s is %T, want string", files[i], k, sec[k])
			}
		}
		tags, _ := o["tags"].(map[string]any)
		for _, g := range []string{"cause", "impact", "response", "prevention"} {
			if _, ok := tags[g].([]any); !ok {
				t.Errorf("%s: tags.%s is %T, want an array", files[i], g, tags[g])
			}
		}
	}
}

func TestParseUnreadableFileKeepsGoing(t *testing.T) {
	files := corpusFiles(t)
	missing := filepath.Join(t.TempDir(), "nope.eml")
	out, stderr, code := runCLI(t, "", "parse", "--json", missing, files[0])
	if code != exitPartial {
		t.Errorf("exit %d, want %d (partial)", code, exitPartial)
	}
	objs := decodeNDJSON(t, out)
	if len(objs) != 2 {
		t.Fatalf("got %d objects, want 2; stderr: %s", len(objs), stderr)
	}
	if e, _ := objs[0]["error"].(string); !strings.Contains(e, "nope.eml") {
		t.Errorf("error %q does not name the file", e)
	}
	if _, ok := objs[1]["error"]; ok {
		t.Errorf("the file after the unreadable one was not parsed: %v", objs[1]["error"])
	}
}

func TestParseStdin(t *testing.T) {
	files := corpusFiles(t)
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, string(raw), "parse", "--json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	objs := decodeNDJSON(t, out)
	if len(objs) != 1 || objs[0]["file"] != "-" {
		t.Fatalf("got %v", objs)
	}
	// The same bytes from a file must give the same object but for "file".
	fileOut, _, _ := runCLI(t, "", "parse", "--json", files[0])
	fromFile := decodeNDJSON(t, fileOut)[0]
	fromFile["file"] = "-"
	a, _ := json.Marshal(objs[0])
	b, _ := json.Marshal(fromFile)
	if !bytes.Equal(a, b) {
		t.Errorf("stdin and file parse differ:\n%s\n%s", a, b)
	}
}

func TestParseHumanSummary(t *testing.T) {
	files := corpusFiles(t)
	out, stderr, code := runCLI(t, "", "parse", files[0])
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{files[0], "Kind:"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"parse"},                        // no FILE
		{"parse", "--no-such-flag", "x"}, // unknown flag
		{"list", "--kind", "spam"},       // bad value
		{"--log-level", "loud", "parse", "x"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if _, _, code := runCLI(t, "", args...); code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
		})
	}
}
