// Package corpus bundles the sample replies of testdata/corpus (and their
// truth.json) into the binary, so that `cyberintake demo` and tests of other
// packages work from any directory on a fresh machine.
package corpus

import (
	"embed"
	"io/fs"
	"sort"
)

// FS holds the sample replies (*.eml) and truth.json.
//
//go:embed *.eml truth.json
var FS embed.FS

// Messages returns the sample replies, by file name.
func Messages() (names []string, raws [][]byte, err error) {
	names, err = fs.Glob(FS, "*.eml")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := FS.ReadFile(n)
		if err != nil {
			return nil, nil, err
		}
		raws = append(raws, b)
	}
	return names, raws, nil
}
