package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// drain reads r to the end, returning the messages and the errors met (a
// non-skip error ends the input, as in the pipeline).
func drain(t testing.TB, r Reader) ([]*Incoming, []error) {
	t.Helper()
	defer r.Close()
	var msgs []*Incoming
	var errs []error
	for {
		in, err := r.Next()
		if err == io.EOF {
			return msgs, errs
		}
		if err != nil {
			errs = append(errs, err)
			var skip *SkipError
			if !errors.As(err, &skip) {
				return msgs, errs
			}
			continue
		}
		msgs = append(msgs, in)
	}
}

func openAll(t testing.TB, path string, opts *ReaderOptions) ([]*Incoming, []error) {
	t.Helper()
	r, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return drain(t, r)
}

func sameMessages(t testing.TB, got []*Incoming, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d messages, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i].Raw, want[i]) {
			t.Errorf("message %d (%s) differs from the original:\n got %q\nwant %q", i, got[i].Pos, head(got[i].Raw), head(want[i]))
		}
	}
}

func head(b []byte) []byte {
	if len(b) > 200 {
		return b[len(b)-200:]
	}
	return b
}

// TestReadersTwins reads the same messages from every archive format and
// gets them back byte for byte, in order.
func TestReadersTwins(t *testing.T) {
	want := readFiles(t, fixtureMembers)
	gzNoExt := filepath.Join(t.TempDir(), "archive")
	data, err := os.ReadFile(filepath.Join(archives, "sample.mbox.gz"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, gzNoExt, data)

	tests := []struct {
		name, path, kind, pos0 string
	}{
		{"mbox", filepath.Join(archives, "sample.mbox"), "mbox", "sample.mbox:1"},
		{"mbox.gz", filepath.Join(archives, "sample.mbox.gz"), "mbox", "sample.mbox.gz:1"},
		{"gzip by magic, no extension", gzNoExt, "mbox", "archive:1"},
		{"maildir", filepath.Join(archives, "sample-maildir"), "maildir", "1613376000.M0P1.fixture:2,S"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, errs := openAll(t, tt.path, nil)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			sameMessages(t, msgs, want)
			if !strings.HasSuffix(msgs[0].Pos, tt.pos0) || msgs[0].Source.Kind != tt.kind {
				t.Errorf("first message at %q (%s), want …%s (%s)", msgs[0].Pos, msgs[0].Source.Kind, tt.pos0, tt.kind)
			}
		})
	}
}

func TestReadEMLFolder(t *testing.T) {
	msgs, errs := openAll(t, filepath.Join(archives, "eml-folder"), nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	// README.txt is not mail and .hidden.eml is hidden: both left alone.
	sameMessages(t, msgs, readFiles(t, fixtureMembers[:3]))
	if got := filepath.Base(msgs[2].Source.Name); got != "03-de.eml" {
		t.Errorf("third message from %s, want sub/03-de.eml", msgs[2].Source.Name)
	}
}

func TestReadSingleFileAndStdin(t *testing.T) {
	one := readFiles(t, fixtureMembers[:1])
	tests := []struct {
		name  string
		stdin []byte
		path  string
		want  [][]byte
		kind  string
	}{
		{"one .eml", nil, fixtureMembers[0], one, "eml"},
		{"stdin message", one[0], "-", one, "stdin"},
		{"stdin mbox", mboxrd(readFiles(t, fixtureMembers)), "-", readFiles(t, fixtureMembers), "mbox"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, errs := openAll(t, tt.path, &ReaderOptions{Stdin: bytes.NewReader(tt.stdin), StdinName: "piped"})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			sameMessages(t, msgs, tt.want)
			if msgs[0].Source.Kind != tt.kind {
				t.Errorf("kind %q, want %q", msgs[0].Source.Kind, tt.kind)
			}
			if tt.path == "-" && msgs[0].Source.Name != "piped" {
				t.Errorf("source name %q, want the StdinName", msgs[0].Source.Name)
			}
		})
	}
}

// TestReadBadInputs: each broken input gets one clear error naming the
// file (and line), and whatever can still be read is.
func TestReadBadInputs(t *testing.T) {
	// Issue 12: the message an archive ends inside is read as far as it
	// goes and flagged, not dropped.
	t.Run("truncated mbox", func(t *testing.T) {
		msgs, errs := openAll(t, filepath.Join(archives, "bad", "truncated.mbox"), nil)
		whole := readFiles(t, fixtureMembers)
		sameMessages(t, msgs[:len(msgs)-1], whole[:len(whole)-1])
		last := msgs[len(msgs)-1]
		if len(errs) != 0 || len(msgs) != len(whole) || last.Truncated == "" || !bytes.HasPrefix(whole[len(whole)-1], last.Raw) {
			t.Fatalf("%d messages, errors %v, last truncated %q: want all, the last one cut and flagged", len(msgs), errs, last.Truncated)
		}
	})
	t.Run("truncated gzip", func(t *testing.T) {
		data, _ := os.ReadFile(filepath.Join(archives, "sample.mbox.gz"))
		p := filepath.Join(t.TempDir(), "cut.mbox.gz")
		writeFile(t, p, data[:len(data)*2/3])
		msgs, errs := openAll(t, p, nil)
		if len(msgs) == 0 || len(msgs) >= len(fixtureMembers) || len(errs) != 0 {
			t.Fatalf("read %d messages of a cut archive, errors %v; want some but not all, no error", len(msgs), errs)
		}
		for i, m := range msgs {
			if (m.Truncated != "") != (i == len(msgs)-1) {
				t.Errorf("message %d truncated = %q; want only the last flagged", i, m.Truncated)
			}
		}
	})
	t.Run("truncated gzip of one message", func(t *testing.T) {
		m := readFiles(t, fixtureMembers[:1])[0]
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(m[:len(m)/2])
		zw.Flush() // the first half can be decompressed alone
		cut := gz.Len()
		zw.Write(m[len(m)/2:])
		zw.Close()
		p := filepath.Join(t.TempDir(), "cut.eml.gz")
		writeFile(t, p, gz.Bytes()[:cut+4])
		msgs, errs := openAll(t, p, nil)
		if len(msgs) != 1 || len(errs) != 0 || msgs[0].Truncated == "" || !bytes.Equal(msgs[0].Raw, m[:len(m)/2]) {
			t.Fatalf("%d messages, errors %v; want the first half, flagged", len(msgs), errs)
		}
	})
	for _, name := range []string{"not-mail.pdf", "empty"} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(archives, "bad", name)
			if name == "empty" {
				p = filepath.Join(t.TempDir(), name)
				writeFile(t, p, nil)
			}
			_, err := Open(p, nil)
			if !errors.Is(err, ErrNotMail) || !strings.HasPrefix(err.Error(), p+": ") {
				t.Fatalf("Open: %v, want ErrNotMail naming %s", err, p)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		if _, err := Open(filepath.Join(archives, "nowhere.mbox"), nil); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("Open: %v, want not exist", err)
		}
	})
	t.Run("maildir with unreadable and non-mail files", func(t *testing.T) {
		dir := t.TempDir()
		want := readFiles(t, fixtureMembers[:2])
		writeFile(t, filepath.Join(dir, "cur", "1.a:2,S"), want[0])
		writeFile(t, filepath.Join(dir, "cur", "4.d:2,S"), want[1])
		writeFile(t, filepath.Join(dir, "new", "3.c"), []byte("\x00\x01binary"))
		// Root reads any file, so an unreadable one is a dangling link.
		if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "new", "2.b")); err != nil {
			t.Fatal(err)
		}
		msgs, errs := openAll(t, dir, nil)
		sameMessages(t, msgs, want)
		if len(errs) != 2 || !strings.Contains(errs[0].Error(), "2.b: no such file") || !errors.Is(errs[1], ErrNotMail) || !strings.Contains(errs[1].Error(), "3.c: ") {
			t.Fatalf("errors %v, want the unreadable 2.b then the non-mail 3.c", errs)
		}
	})
	t.Run("directory without mail", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "notes.txt"), []byte("hello\n"))
		msgs, errs := openAll(t, dir, nil)
		if len(msgs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotMail) || !strings.HasPrefix(errs[0].Error(), dir+": ") {
			t.Fatalf("errors %v, want one ErrNotMail naming %s", errs, dir)
		}
	})
}

func TestReadTooLarge(t *testing.T) {
	msgs := readFiles(t, fixtureMembers[:3])
	big := append(bytes.Repeat([]byte("X-Filler: 0123456789\n"), 200), msgs[1]...)
	in := [][]byte{msgs[0], big, msgs[2]}
	opts := &ReaderOptions{MaxSize: 4000}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.mbox"), mboxrd(in))
	writeFile(t, filepath.Join(dir, "m", "cur", "1"), in[0])
	writeFile(t, filepath.Join(dir, "m", "cur", "2"), in[1])
	writeFile(t, filepath.Join(dir, "m", "cur", "3"), in[2])
	for _, p := range []string{filepath.Join(dir, "a.mbox"), filepath.Join(dir, "m")} {
		t.Run(filepath.Base(p), func(t *testing.T) {
			got, errs := openAll(t, p, opts)
			sameMessages(t, got, [][]byte{in[0], in[2]})
			if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
				t.Fatalf("errors %v, want one ErrTooLarge", errs)
			}
		})
	}
}

// FuzzOpenStream: whatever a file holds (gzip or not, mbox or message or
// junk), opening and reading it never panics, and every message handed on
// is within the size limit.
func FuzzOpenStream(f *testing.F) {
	for _, p := range []string{"sample.mbox", "sample.mbox.gz", "bad/truncated.mbox", "bad/not-mail.pdf", "from-lines.eml"} {
		b, err := os.ReadFile(filepath.Join(archives, p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 4096)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 2048
		r, err := openStream(nopCloser{bytes.NewReader(data)}, "fuzz", "stdin", (&ReaderOptions{MaxSize: max}).withDefaults())
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz: ") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		msgs, _ := drain(t, r)
		for _, m := range msgs {
			if len(m.Raw) > max || len(m.Raw) == 0 {
				t.Fatalf("message of %d bytes handed on (limit %d)", len(m.Raw), max)
			}
		}
	})
}
