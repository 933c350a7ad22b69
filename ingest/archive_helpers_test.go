package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// fixtureMembers are the messages of the sample archives in
// testdata/archives, in order: short replies of every language, a bounce,
// a CRLF message, and one whose body has lines an mbox writer must quote.
var fixtureMembers = []string{
	"../testdata/corpus/nl-04.eml",
	"../testdata/corpus/fr-04.eml",
	"../testdata/corpus/de-04.eml",
	"../testdata/corpus/fr-13.eml",
	"../testdata/corpus/en-04.eml",
	"../testdata/corpus/x-02.eml",
	"../testdata/corpus/nl-12.eml",
	"../testdata/archives/from-lines.eml",
}

func readFiles(t testing.TB, paths []string) [][]byte {
	t.Helper()
	out := make([][]byte, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out
}

// corpusMessages returns every .eml of testdata/corpus, sorted by name.
func corpusMessages(t testing.TB) [][]byte {
	t.Helper()
	paths, err := filepath.Glob("../testdata/corpus/*.eml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	return readFiles(t, paths)
}

var quotedFrom = regexp.MustCompile(`(?m)^(>*From )`)

// writeMboxrd writes msgs as an mboxrd: a postmark line, the message with
// ">*From " lines quoted once more, and an empty separator line.
func writeMboxrd(buf *bytes.Buffer, msgs [][]byte) {
	when := time.Date(2021, 2, 15, 8, 0, 0, 0, time.UTC)
	for i, m := range msgs {
		fmt.Fprintf(buf, "From sender@example %s\n", when.Add(time.Duration(i)*37*time.Minute).Format(time.ANSIC))
		buf.Write(quotedFrom.ReplaceAll(m, []byte(">$1")))
		if !bytes.HasSuffix(m, []byte("\n")) {
			buf.WriteByte('\n')
		}
		buf.WriteByte('\n')
	}
}

func mboxrd(msgs [][]byte) []byte {
	var buf bytes.Buffer
	writeMboxrd(&buf, msgs)
	return buf.Bytes()
}

var messageIDHeader = regexp.MustCompile(`(?mi)^Message-ID:[^\n]*\n([ \t][^\n]*\n)*`)

// withMessageID returns m with its Message-ID header replaced (or added).
func withMessageID(m []byte, id string) []byte {
	re := messageIDHeader
	crlf := bytes.Contains(m[:bytes.IndexByte(m, '\n')+1], []byte("\r\n"))
	hdr := "Message-ID: <" + id + ">\n"
	if crlf {
		hdr = "Message-ID: <" + id + ">\r\n"
	}
	if re.Match(m) {
		return re.ReplaceAllLiteral(m, []byte(hdr))
	}
	return append([]byte(hdr), m...)
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
