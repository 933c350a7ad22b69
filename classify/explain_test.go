package classify

import (
	"slices"
	"testing"
)

func TestExplain(t *testing.T) {
	a := Answers{"Un courriel de phishing a mené au rançongiciel.", "Le LIS était arrêté.", "", "Nous avons activé le MFA.", ""}
	ev := Explain(a)
	tags := Tag(a)
	n := len(tags.Cause) + len(tags.Impact) + len(tags.Response) + len(tags.Prevention)
	if len(ev) != n {
		t.Fatalf("%d evidences for %d labels: %+v", len(ev), n, ev)
	}
	for _, e := range ev {
		if len(e.Words) == 0 {
			t.Errorf("%s=%s: no words", e.Group, e.Label)
		}
	}
	i := slices.IndexFunc(ev, func(e Evidence) bool { return e.Group == "cause" && e.Label == "phishing" })
	if i < 0 || !slices.Contains(ev[i].Words, "phishing") {
		t.Errorf("cause=phishing from %+v", ev)
	}
}
