package followup

import (
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ lab, want string }{
		{"LABO-77", "followup-labo-77.eml"},
		{"12345", "followup-12345.eml"},
		{"../../etc/passwd", "followup-etc_passwd.eml"},
		{"a/b\\c\x00d", "followup-a_b_c_d.eml"},
		{"Klinik Ourtal", "followup-klinik_ourtal.eml"},
		{"...", "followup-lab.eml"},
		{"", "followup-lab.eml"},
		{strings.Repeat("9", 500), "followup-" + strings.Repeat("9", maxLabLen) + ".eml"},
	} {
		if got := FileName(tc.lab); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.lab, got, tc.want)
		}
	}
}
