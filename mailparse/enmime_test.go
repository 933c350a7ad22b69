package mailparse

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// enmimeModule is the release of github.com/jhillyerd/enmime whose test
// data (92 damaged or unusual MIME messages, MIT licence) is the robustness
// yardstick: enmime itself hard-fails on about 5 of them.
const enmimeModule = "github.com/jhillyerd/enmime/v2@v2.3.0"

// enmimeMessages fetches the enmime module through the Go module proxy (or
// the module cache) and returns its *.raw files. The files are never
// copied into this repository.
func enmimeMessages(t *testing.T) []string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not fetching " + enmimeModule)
	}
	out, err := exec.Command("go", "mod", "download", "-json", enmimeModule).Output()
	if err != nil {
		t.Skipf("cannot fetch %s through the module proxy (offline?): %v", enmimeModule, err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Skipf("go mod download %s gave no directory: %v %s", enmimeModule, err, mod.Error)
	}
	var files []string
	err = filepath.WalkDir(mod.Dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".raw") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatalf("walk %s: %v", mod.Dir, err)
	}
	if len(files) < 80 {
		t.Fatalf("found %d .raw files in %s, expected about 92", len(files), mod.Dir)
	}
	return files
}

// TestEnmimeCorpus decodes every damaged message of enmime's test data: no
// panic, at most 5 refused, and the rest give text (or at least headers
// and attachments: some of these messages have no text part at all).
func TestEnmimeCorpus(t *testing.T) {
	files := enmimeMessages(t)
	failed, empty := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		d, err := decode(raw, nil)
		if err != nil {
			failed++
			t.Logf("%s: error %v", name, err)
			continue
		}
		if strings.TrimSpace(d.Text) == "" && len(d.Attachments) == 0 {
			empty++
			t.Logf("%s: no text and no attachment; warnings %q", name, d.Warnings)
		}
	}
	t.Logf("enmime corpus: %d messages, %d refused, %d without text or attachment", len(files), failed, empty)
	if failed > 5 {
		t.Errorf("%d of %d enmime messages refused, want at most 5", failed, len(files))
	}
	if failed+empty > 5 {
		t.Errorf("%d of %d enmime messages gave nothing, want at most 5", failed+empty, len(files))
	}
}

// TestEnmimeCorpusParse runs the public entry over the same messages: a
// Result for each, at most 5 with Error.
func TestEnmimeCorpusParse(t *testing.T) {
	files := enmimeMessages(t)
	if r := Parse([]byte("From: a@b.c\r\nSubject: x\r\n\r\nhello\r\n"), nil); r.Error == "not implemented" {
		t.Skip("Parse is not implemented yet")
	}
	failed := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := Parse(raw, nil)
		if r == nil {
			t.Fatalf("%s: Parse returned nil", f)
		}
		if r.Error != "" {
			failed++
			t.Logf("%s: %s", filepath.Base(f), r.Error)
		}
	}
	t.Logf("enmime corpus through Parse: %d messages, %d with error", len(files), failed)
	if failed > 5 {
		t.Errorf("%d of %d enmime messages have an error, want at most 5", failed, len(files))
	}
}
