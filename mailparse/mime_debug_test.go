package mailparse

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDebugDecode prints the decoded text of each file in DECODE_DEBUG (a
// glob), for eyeballing: DECODE_DEBUG='../testdata/corpus/*.eml' go test -run DebugDecode -v
func TestDebugDecode(t *testing.T) {
	glob := os.Getenv("DECODE_DEBUG")
	if glob == "" {
		t.Skip("set DECODE_DEBUG to a glob of messages to print")
	}
	files, _ := filepath.Glob(glob)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := decode(raw, nil)
		if err != nil {
			fmt.Printf("==== %s: ERROR %v\n", f, err)
			continue
		}
		fmt.Printf("==== %s\nfrom=%q name=%q date=%q subj=%q id=%q irt=%q thread=%v html=%v dsn=%v\natt=%v unreadable=%v warn=%q\n%s\n",
			f, d.From, d.FromName, d.Date, d.Subject, d.MessageID, d.InReplyTo, d.Thread, d.FromHTML, d.DeliveryStatus, d.Attachments, d.Unreadable, d.Warnings, d.Text)
		for i, a := range d.AttachmentTexts {
			fmt.Printf("---- attachment text %d\n%s\n", i, a)
		}
	}
}
