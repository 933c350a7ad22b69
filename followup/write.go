package followup

import (
	"context"
	"fmt"
	"io"
	"strings"

	"cyberintake/internal/safefile"
	"cyberintake/store"
)

// WriteFile writes a draft to path. It never follows a symlink planted at
// path or opens an existing file: the bytes go to a new temporary file
// beside it (created with O_EXCL by os.CreateTemp), which is synced and
// renamed over path; a rename replaces a symlink, never its target.
func WriteFile(path string, raw []byte) error {
	return safefile.Write(path, 0o600, func(w io.Writer) error {
		_, err := w.Write(raw)
		return err
	})
}

// FileName is a file name for a lab's draft that no lab name can turn
// into a path: letters, digits, '-' and '.' only, bounded.
func FileName(lab string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(lab) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
		if b.Len() >= maxLabLen {
			break
		}
	}
	name := strings.Trim(b.String(), "_-")
	if name == "" {
		name = "lab"
	}
	return "followup-" + name + ".eml"
}

// Labs lists the labs that sent reports (normalised, in order of their
// first report), the cases `followup --all` looks at.
func Labs(ctx context.Context, st *store.Store) ([]string, error) {
	var labs []string
	seen := map[string]bool{}
	err := st.EachRecord(ctx, store.Filter{Kind: "report"}, func(r *store.Record) error {
		if l := r.LabKey(); l != "" && !r.Failed() && !seen[l] {
			seen[l] = true
			labs = append(labs, l)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list labs: %w", err)
	}
	return labs, nil
}
