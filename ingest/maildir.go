package ingest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"cyberintake/store"
)

// isMaildir reports whether dir has the cur/ or new/ folder of a Maildir.
func isMaildir(dir string) bool {
	for _, sub := range []string{"cur", "new"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// maildirFiles lists the messages of a Maildir: the files of cur/ and new/
// (tmp/ holds deliveries in progress), sorted by file name. Maildir names
// begin with the delivery time, so this is about arrival order, and it is
// the same on every run whatever the directory order on disk.
func maildirFiles(dir string) ([]string, error) {
	type entry struct{ name, path string }
	var all []entry
	for _, sub := range []string{"cur", "new"} {
		d := filepath.Join(dir, sub)
		des, err := os.ReadDir(d)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, de := range des {
			if de.Name()[0] == '.' || de.IsDir() {
				continue
			}
			all = append(all, entry{de.Name(), filepath.Join(d, de.Name())})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].name < all[j].name })
	paths := make([]string, len(all))
	for i, e := range all {
		paths[i] = e.path
	}
	return paths, nil
}

// readMessageFile reads one file holding one message (a Maildir file, an
// .eml), refusing one over max bytes or one that does not look like mail.
func readMessageFile(path, kind string, max int64) (*Incoming, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &SkipError{Pos: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &SkipError{Pos: path, Err: unwrapPath(err)}
	}
	if fi.Size() > max {
		return nil, &SkipError{Pos: path, Err: fmt.Errorf("%w: %d bytes, over %d, skipped", ErrTooLarge, fi.Size(), max)}
	}
	// Read what is there even if the file changed size since Stat.
	raw := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(raw[len(raw):cap(raw)])
		raw = raw[:len(raw)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &SkipError{Pos: path, Err: unwrapPath(err)}
		}
		if int64(len(raw)) > max {
			return nil, &SkipError{Pos: path, Err: fmt.Errorf("%w: over %d bytes, skipped", ErrTooLarge, max)}
		}
		if len(raw) == cap(raw) {
			raw = append(raw, 0)[:len(raw)]
		}
	}
	if sniff(raw) == formatMbox {
		// Some tools keep an mbox postmark line in single-message files.
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	if sniff(raw) != formatMessage {
		return nil, &SkipError{Pos: path, Err: notMail(raw)}
	}
	return &Incoming{Raw: raw, Source: store.Source{Kind: kind, Name: path}, Pos: path}, nil
}

func notMail(head []byte) error {
	if len(head) == 0 {
		return fmt.Errorf("%w: empty file", ErrNotMail)
	}
	return fmt.Errorf("%w: first line %q is not a header field", ErrNotMail, firstLine(head))
}

// unwrapPath drops the path and operation from a *PathError, for an
// error that names the file itself: "x.eml: permission denied".
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
