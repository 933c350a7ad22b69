package ingest

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
)

var updateArchives = flag.Bool("update-archives", false, "rewrite testdata/archives from testdata/corpus")

const archives = "../testdata/archives"

// archiveFixtures makes the sample archives from fixtureMembers: the same
// messages as an mboxrd, gzip-compressed, as a Maildir and as a folder of
// .eml files, plus broken inputs.
func archiveFixtures(t testing.TB) map[string][]byte {
	msgs := readFiles(t, fixtureMembers)
	mbox := mboxrd(msgs)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(mbox)
	zw.Close()
	files := map[string][]byte{
		"sample.mbox":        mbox,
		"sample.mbox.gz":     gz.Bytes(),
		"bad/truncated.mbox": mbox[:len(mbox)-8], // cut inside the last line
		"bad/not-mail.pdf":   []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
		"sample-maildir/tmp/1613400000.M99P1.fixture": []byte("From: half a delivery\n"),
		"eml-folder/README.txt":                       []byte("Notes on this folder, not mail.\n"),
		"eml-folder/.hidden.eml":                      msgs[0],
		"eml-folder/01-nl-04.eml":                     msgs[0],
		"eml-folder/02-fr-04.eml":                     msgs[1],
		"eml-folder/sub/03-de.eml":                    msgs[2],
	}
	for i, m := range msgs {
		sub, flags := "cur", ":2,S"
		if i >= 5 {
			sub, flags = "new", ""
		}
		files[fmt.Sprintf("sample-maildir/%s/%d.M%dP1.fixture%s", sub, 1613376000+i*2220, i, flags)] = m
	}
	return files
}

// TestArchiveFixtures keeps testdata/archives what archiveFixtures makes
// (go test ./ingest -run TestArchiveFixtures -update-archives rewrites it).
func TestArchiveFixtures(t *testing.T) {
	for name, want := range archiveFixtures(t) {
		path := filepath.Join(archives, name)
		if *updateArchives {
			writeFile(t, path, want)
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update-archives)", err)
		}
		if strings.HasSuffix(name, ".gz") {
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./ingest -run TestArchiveFixtures -update-archives", path)
		}
	}
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
