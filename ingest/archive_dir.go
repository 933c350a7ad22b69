package ingest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// itemKind says how dirReader reads one file it found.
type itemKind int

const (
	itemMaildir itemKind = iota // one message of a Maildir
	itemEML                     // an .eml file: one message
	itemMbox                    // an mbox file (maybe gzip-compressed)
	itemOther                   // unknown extension: read if it turns out to be mail
)

type dirItem struct {
	path string
	kind itemKind
}

// dirReader reads a directory tree: every Maildir in it (including Maildir++
// subfolders), every .eml file, every mbox, and any other file whose
// content is mail, in a deterministic order (names sorted).
type dirReader struct {
	root  string
	items []dirItem
	next  int
	cur   Reader // the mbox or other stream being read
	o     ReaderOptions

	ignored int // files of unknown type that were not mail
	found   int // messages and errors returned
}

func openDir(root string, o ReaderOptions) (*dirReader, error) {
	r := &dirReader{root: root, o: o}
	if err := r.walk(root); err != nil {
		return nil, err
	}
	if len(r.items) == 0 {
		return nil, fmt.Errorf("%s: %w: no Maildir, .eml or mbox in it", root, ErrNotMail)
	}
	return r, nil
}

func (r *dirReader) walk(dir string) error {
	des, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	maildir := isMaildir(dir)
	if maildir {
		files, err := maildirFiles(dir)
		if err != nil {
			return err
		}
		for _, p := range files {
			r.items = append(r.items, dirItem{p, itemMaildir})
		}
	}
	for _, de := range des {
		name := de.Name()
		p := filepath.Join(dir, name)
		if de.IsDir() {
			switch {
			case maildir && (name == "cur" || name == "new" || name == "tmp"):
			case strings.HasPrefix(name, ".") && !maildir:
				// .git and the like; Maildir++ folders are ".Name" in a Maildir.
			default:
				if err := r.walk(p); err != nil {
					return err
				}
			}
			continue
		}
		if maildir || strings.HasPrefix(name, ".") || !de.Type().IsRegular() {
			continue // dovecot-uidlist, subscriptions, .DS_Store...
		}
		r.items = append(r.items, dirItem{p, kindByName(name)})
	}
	return nil
}

func kindByName(name string) itemKind {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".eml":
		return itemEML
	case ".mbox", ".mbx", ".mboxrd":
		return itemMbox
	}
	return itemOther
}

func (r *dirReader) Next() (*Incoming, error) {
	in, err := r.next1()
	if err == io.EOF && r.found == 0 {
		r.found++
		return nil, fmt.Errorf("%s: %w: no Maildir, .eml or mbox in it", r.root, ErrNotMail)
	}
	r.found++
	return in, err
}

func (r *dirReader) next1() (*Incoming, error) {
	for {
		if r.cur != nil {
			in, err := r.cur.Next()
			var skip *SkipError
			switch {
			case err == nil || errors.As(err, &skip):
				return in, err
			case err == io.EOF:
				err = nil
			}
			r.cur.Close()
			r.cur = nil
			if err != nil {
				return nil, &SkipError{Err: err}
			}
		}
		if r.next >= len(r.items) {
			if r.ignored > 0 {
				r.o.Logger.Info("ignored files that are not mail", "dir", r.root, "files", r.ignored)
				r.ignored = 0
			}
			return nil, io.EOF
		}
		it := r.items[r.next]
		r.next++
		switch it.kind {
		case itemMaildir:
			return readMessageFile(it.path, "maildir", r.o.MaxSize)
		case itemEML:
			return readMessageFile(it.path, "eml", r.o.MaxSize)
		}
		cur, err := Open(it.path, &r.o)
		switch {
		case err == nil:
			r.cur = cur
		case it.kind == itemOther && errors.Is(err, ErrNotMail):
			r.ignored++
			r.o.Logger.Debug("not mail, ignored", "file", it.path)
		default:
			return nil, &SkipError{Err: err}
		}
	}
}

func (r *dirReader) Close() error {
	if r.cur != nil {
		return r.cur.Close()
	}
	return nil
}
