package classify

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguageSnippets checks the short held-out answers of
// testdata/classify/snippets.tsv (3-15 words, written for the tests, not
// used to train the profiles in langdata/).
func TestLanguageSnippets(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "classify", "snippets.tsv"))
	if err != nil {
		t.Fatalf("open snippets: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, right, abstained := 0, 0, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lang, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("snippets.tsv: no tab in %q", line)
		}
		n++
		switch got := Language(text); got {
		case lang:
			right++
		case "":
			abstained++
			t.Logf("abstained on %s %q", lang, text)
		default:
			// A wrong language is worse than none: mailparse would file
			// the reply under the wrong language.
			t.Errorf("Language(%q) = %s, want %s", text, got, lang)
		}
	}
	t.Logf("snippets: %d/%d right, %d abstained", right, n, abstained)
	if float64(right) < 0.95*float64(n) {
		t.Errorf("only %d/%d snippets right", right, n)
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"non-answer fr", "néant", ""},
		{"non-answer nl", "n.v.t.", ""},
		{"non-answer en", "N/A", ""},
		{"reference only", "NC-2021-014", ""},
		{"one word", "phishing", ""},
		{"fr", "Le SIL a été indisponible pendant trois jours.", "fr"},
		{"nl", "Het LIS was drie dagen onbeschikbaar.", "nl"},
		{"de", "Das LIS war drei Tage nicht verfügbar.", "de"},
		{"en", "The LIS was unavailable for three days.", "en"},
		{"en with Dutch names", "Samples were sent to AZ Sint-Jan in Brugge for three days.", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				l, c, _ := detect(tt.text)
				t.Errorf("Language(%q) = %q, want %q (Detect: %s %.1f)", tt.text, got, tt.want, l, c)
			}
		})
	}
}
