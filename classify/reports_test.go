package classify

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHeldOutReports runs whole reports written for the tests (not taken
// from the corpus, in styles the corpus lacks) through Tag, Downtime and
// Language, and reports the micro F1 the way the corpus evaluation does.
func TestHeldOutReports(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "classify", "reports.json"))
	if err != nil {
		t.Fatalf("read reports: %v", err)
	}
	var reports []struct {
		Name     string              `json:"name"`
		Language string              `json:"language"`
		Answers  Answers             `json:"answers"`
		Tags     map[string][]string `json:"tags"`
		Downtime *float64            `json:"downtime"`
	}
	if err := json.Unmarshal(b, &reports); err != nil {
		t.Fatalf("decode reports: %v", err)
	}
	var all prf
	downOK := 0
	for _, r := range reports {
		t.Run(r.Name, func(t *testing.T) {
			got := Tag(r.Answers)
			for g, labels := range [][]string{got.Cause, got.Impact, got.Response, got.Prevention} {
				missing, extra := all.add(labels, r.Tags[groupNames[g]])
				if len(missing)+len(extra) > 0 {
					t.Logf("%s: missing %v, extra %v", groupNames[g], missing, extra)
				}
			}
			text := strings.Join(r.Answers[:], "\n")
			days, ok := DowntimeOf(r.Answers)
			// Downtime is counted, not required case by case: some ways of
			// saying it ("de hele zaterdag en zondag") are beyond the reader.
			switch {
			case r.Downtime == nil && ok:
				t.Logf("downtime %v, want none", days)
			case r.Downtime != nil && (!ok || math.Abs(days-*r.Downtime) > 0.5):
				t.Logf("downtime %v (%v), want %v", days, ok, *r.Downtime)
			default:
				downOK++
			}
			if l := Language(text); l != r.Language {
				t.Errorf("language %q, want %q", l, r.Language)
			}
		})
	}
	t.Logf("held-out reports: tags micro F1 %.3f (tp %d fp %d fn %d)", all.f1(), all.tp, all.fp, all.fn)
	t.Logf("held-out reports: downtime %d/%d", downOK, len(reports))
	if all.f1() < 0.98 {
		t.Errorf("held-out tag F1 %.3f < 0.98", all.f1())
	}
	if float64(downOK) < 0.9*float64(len(reports)) {
		t.Errorf("held-out downtime %d/%d right", downOK, len(reports))
	}
}
