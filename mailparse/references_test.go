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
		// Controlled documents are how the lab works, not records of the incident.
		{"procedure with version nl", "Non-conformiteit NC-21-0045, geregistreerd volgens procedure PR-QA-12 v3 van het Kwaliteitshandboek.", []string{"NC-21-0045"}},
		{"procedure fr", "Non-conformité NC-2021-014 traitée selon la procédure interne PQ-2021-03.", []string{"NC-2021-014"}},
		{"procedure with number sign fr", "NC 21/033, voir procédure n° PR-12-04", []string{"NC 21/033"}},
		{"verfahrensanweisung de", "Abweichung AB-2021-03 gemäß Verfahrensanweisung VA-07-2", []string{"AB-2021-03"}},
		{"qm handbook chapter de", "Reklamation R-21-04, bearbeitet nach Kapitel QM-04.2 des Qualitätshandbuchs", []string{"R-21-04"}},
		{"sop prefix en", "Deviation DEV-21-044 handled under SOP-QA-004.", []string{"DEV-21-044"}},
		{"sop word en", "Incident logged as NC-BL-2021-0007 following SOP QA-114", []string{"NC-BL-2021-0007"}},
		{"manual section fr", "NC-2021-0032 ; chapitre MQ-07 du manuel qualité", []string{"NC-2021-0032"}},
		{"document version", "CAPA-2021-006 (procedure IT-SEC-02 version 5)", []string{"CAPA-2021-006"}},
		{"revision", "NC-2021-011 ; werkinstructie WI-LAB-33 rev. 2", []string{"NC-2021-011"}},
		{"record registered by procedure", "volgens de procedure geregistreerd als NC-2021-099", []string{"NC-2021-099"}},
		{"record after the procedure clause", "Selon la procédure, non-conformité NC-2021-031.", []string{"NC-2021-031"}},
		{"record of a crisis sheet", "fiche de gestion de crise CRI-2021-02", []string{"CRI-2021-02"}},
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
