package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"unicode"

	"cyberintake/classify"
	"cyberintake/store"
)

// correct --edit: the message's effective values go to a file, the
// person's editor opens it (as git commit and kubectl edit do), and every
// field whose value changed becomes a Change.

// editMultiLine are the fields written on indented lines under their name.
var editMultiLine = []string{store.FieldA, store.FieldB, store.FieldC, store.FieldD, store.FieldE}

// editText writes r's effective values in the format readEdit reads.
func editText(r *store.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Message %d: %s\n", r.ID, strings.Join(strings.Fields(r.Result.Subject), " "))
	b.WriteString(`# Change the values below, save and quit; an unchanged file changes nothing.
# Answers a) to e) are the indented lines under their name. Tags are labels
# separated by commas; lab, downtime_days and contact fields may be empty.
# Lines starting with # are ignored.
#
`)
	fmt.Fprintf(&b, "# kind: %s\n# language: %s\n", strings.Join(store.Kinds, ", "), strings.Join(store.Languages, ", "))
	for _, g := range store.TagGroups {
		fmt.Fprintf(&b, "# tags.%s: %s\n", g, strings.Join(classify.Labels(g), ", "))
	}
	for _, f := range store.Fields() {
		v, _ := r.Value(f)
		if r.IsCorrected(f) {
			parser, _ := r.ParsedValue(f)
			fmt.Fprintf(&b, "# %s is corrected; the parser read: %s\n", f, cleanCell(parser, 60))
		}
		if slices.Contains(editMultiLine, f) {
			fmt.Fprintf(&b, "%s:\n", f)
			for _, line := range strings.Split(v, "\n") {
				if v != "" {
					fmt.Fprintf(&b, "  %s\n", line)
				}
			}
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", f, oneLine(v))
	}
	return b.String()
}

// readEdit reads the edited text back into field values.
func readEdit(text string) (map[string]string, error) {
	fields := store.Fields()
	vals := map[string]string{}
	var cur string
	var lines []string
	flush := func() {
		if cur != "" {
			vals[cur] = strings.TrimSpace(strings.Join(lines, "\n"))
		}
		cur, lines = "", nil
	}
	for n, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if cur != "" && slices.Contains(editMultiLine, cur) && (strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "") {
			lines = append(lines, strings.TrimPrefix(line, "  "))
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, val, ok := strings.Cut(line, ":")
		if !ok || !slices.Contains(fields, name) {
			return nil, &store.ValueError{Field: fmt.Sprintf("line %d", n+1), Value: line, Msg: "not FIELD: VALUE with a known field", Valid: fields}
		}
		if _, dup := vals[name]; dup || name == cur {
			return nil, &store.ValueError{Field: fmt.Sprintf("line %d", n+1), Value: name, Msg: "field given twice"}
		}
		flush()
		cur = name
		lines = []string{strings.TrimSpace(val)}
	}
	flush()
	return vals, nil
}

// editChanges turns the edited values into changes against r.
func editChanges(r *store.Record, vals map[string]string) []store.Change {
	var out []store.Change
	for _, f := range store.Fields() {
		v, ok := vals[f]
		if !ok {
			continue // a deleted line changes nothing
		}
		old, _ := r.Value(f)
		group, isTag := strings.CutPrefix(f, store.FieldTagsPrefix)
		if !slices.Contains(editMultiLine, f) {
			old = oneLine(old) // as editText wrote it
		}
		if !isTag {
			if canonEdit(f, v) != canonEdit(f, old) {
				out = append(out, store.Change{Field: f, Op: store.OpSet, Value: v})
			}
			continue
		}
		was, now := splitLabels(old), splitLabels(v)
		for _, l := range now {
			if !slices.Contains(was, l) {
				out = append(out, store.Change{Field: f, Op: store.OpAdd, Value: l})
			}
		}
		for _, l := range was {
			if !slices.Contains(now, l) {
				out = append(out, store.Change{Field: store.FieldTagsPrefix + group, Op: store.OpRemove, Value: l})
			}
		}
	}
	return out
}

func splitLabels(s string) []string {
	var out []string
	for _, l := range strings.Split(s, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oneLine makes a value fit on its field's line: a lab or contact read
// from mail may hold line breaks or other control characters.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// canonEdit is the form two values of field f are compared in: as the
// store would record it, trailing blanks of lines aside.
func canonEdit(f, v string) string {
	if _, cv, err := store.ValidateChange(store.Change{Field: f, Op: store.OpSet, Value: v}); err == nil {
		v = cv
	}
	return normEdit(v)
}

// normEdit drops the blanks editors add or remove at line ends.
func normEdit(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// editor returns the command line of the person's editor.
func editor() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// runEditor opens path in the editor, attached to the terminal. The
// editor is run by sh, so EDITOR may hold arguments ("code --wait").
func runEditor(ctx context.Context, path string) error {
	ed := editor()
	cmd := exec.CommandContext(ctx, "sh", "-c", ed+` "$1"`, "sh", path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %q: %w (nothing was changed)", ed, err)
	}
	return nil
}

// editRecord runs the whole --edit round: write, edit, read, compare. The
// validation of the values is Correct's.
func editRecordChanges(ctx context.Context, r *store.Record) ([]store.Change, error) {
	f, err := os.CreateTemp("", fmt.Sprintf("cyberintake-%d-*.txt", r.ID))
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	path := f.Name()
	defer os.Remove(path)
	_, err = f.WriteString(editText(r))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	if err := runEditor(ctx, path); err != nil {
		return nil, err
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	vals, err := readEdit(string(text))
	if err != nil {
		return nil, err
	}
	return editChanges(r, vals), nil
}
