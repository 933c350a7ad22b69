package mailparse

import (
	"reflect"
	"testing"
)

func TestReferences(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"plain", "Non-conformité NC-2021-014.", []string{"NC-2021-014"}},
		{"space and slash", "Non-conformité enregistrée sous la référence NCR 21/033.", []string{"NCR 21/033"}},
		{"several", "Non-conformité NC-2020-231 (laboratoire), action corrective CAPA-2021-006 ; incident hospitalier INC-2020-1187.", []string{"NC-2020-231", "CAPA-2021-006", "INC-2020-1187"}},
		{"slashes", "Non-conformiteit NC/2021/0031; klacht KL-2021-006 (van een huisarts).", []string{"NC/2021/0031", "KL-2021-006"}},
		{"number sign", "comme non-conformité n° NC 2021/017", []string{"NC 2021/017"}},
		{"letter prefix", "Reklamation R-21-04", []string{"R-21-04"}},
		{"two part prefix", "Incident logged as NC-BL-2021-0007; site-level deviation DEV-21-044 (Ixelles).", []string{"NC-BL-2021-0007", "DEV-21-044"}},
		{"range", "geregistreerd als K-2021-003 tot K-2021-011.", []string{"K-2021-003", "K-2021-011"}},
		{"separated by slash", "NC-2021-044 / CAPA-2021-012", []string{"NC-2021-044", "CAPA-2021-012"}},
		{"short number", "CAPA-0045 (ouverte le 25/01/2021)", []string{"CAPA-0045"}},
		{"letter reference is not one", "réf. Sciensano-AC-2021-04", []string{}},
		{"cve is not one", "faille CVE-2019-19781 corrigée", []string{}},
		{"police report is not one", "klacht bij de politie (PV GE.55.L3.004512/2021)", []string{}},
		{"nothing", "néant", []string{}},
		{"duplicates", "NC-2021-014 et encore NC-2021-014", []string{"NC-2021-014"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := references(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("references(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
