// Package followup drafts the polite reminder the secretariat sends a lab
// whose case still lacks answers: in the case's language, quoting the
// letter's own questions, addressed to the lab's contact, with the subject
// convention and the lab number kept so that the answer joins the case.
// Drafts are only written (a file, or an IMAP Drafts folder): never sent.
package followup

import (
	"embed"
	"fmt"
	"strings"
)

// The wording is data: one file per language, each with the same keys
// (TestWordingComplete checks it). French and Dutch quote the letter as
// sent; German and English are our translations of it.
//
//go:embed letter_*.txt
var letterFiles embed.FS

// Languages are the languages a draft can be written in.
var Languages = []string{"fr", "nl", "de", "en"}

// wordingKeys are the blocks every letter_LANG.txt holds.
var wordingKeys = []string{"subject", "date_format", "greeting", "greeting_named", "intro",
	"a", "b", "c", "d", "e", "e_no_reference", "contact", "contact_details", "outro", "closing", "signature"}

// wording is one language's blocks by key.
type wording map[string]string

var wordings = loadWordings()

func loadWordings() map[string]wording {
	out := map[string]wording{}
	for _, lang := range Languages {
		b, err := letterFiles.ReadFile("letter_" + lang + ".txt")
		if err != nil {
			panic(err) // embedded: cannot happen in a built binary
		}
		w, err := parseWording(string(b))
		if err != nil {
			panic(fmt.Sprintf("letter_%s.txt: %v", lang, err))
		}
		out[lang] = w
	}
	return out
}

// parseWording reads "[key]" lines, each starting a block that runs to
// the next; "#" lines before the first key are comments.
func parseWording(s string) (wording, error) {
	w := wording{}
	key := ""
	var block []string
	flush := func() {
		if key != "" {
			w[key] = strings.TrimSpace(strings.Join(block, "\n"))
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			flush()
			key, block = line[1:len(line)-1], nil
			continue
		}
		if key == "" {
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
				return nil, fmt.Errorf("text before the first [key]: %q", t)
			}
			continue
		}
		block = append(block, line)
	}
	flush()
	for _, k := range wordingKeys {
		if w[k] == "" {
			return nil, fmt.Errorf("no [%s] block", k)
		}
	}
	return w, nil
}

// fill replaces {lab}, {name}, {date} and {contact} in a block, in one pass: a
// value that itself reads "{name}" stays as it is.
func (w wording) fill(key string, vars map[string]string) string {
	var pairs []string
	for k, v := range vars {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(w[key])
}
