package mailparse

import (
	"strings"
	"testing"
)

func TestMailtoLinks(t *testing.T) {
	for _, tc := range []struct {
		name, html, want, deny string
	}{
		{"name linked, dutch signature", `<p>Met vriendelijke groeten,<br><a href="mailto:jan.peeters@lab.be">Jan Peeters</a><br>Kwaliteitsverantwoordelijke</p>`,
			"Jan Peeters <jan.peeters@lab.be>", ""},
		{"word linked, french signature", `<p>Sophie Marchal<br>Courriel : <a href="MAILTO:s.marchal%40labm.be?subject=Cyber">écrivez-moi</a></p>`,
			"écrivez-moi <s.marchal@labm.be>", ""},
		{"address shown, german signature", `<p>Heike Brandt<br><a href="mailto:h.brandt@le.be">h.brandt@le.be</a></p>`,
			"h.brandt@le.be", "<h.brandt@le.be>"},
		{"web link, english signature", `<p>Rachel Owens<br><a href="https://clinic.be/contact">Contact us</a></p>`,
			"Contact us", "<"},
		{"not an address", `<p><a href="mailto:nobody">Jan</a></p>`, "Jan", "<"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := htmlToText(tc.html)
			if !strings.Contains(got, tc.want) {
				t.Errorf("htmlToText = %q, want it to contain %q", got, tc.want)
			}
			if tc.deny != "" && strings.Contains(got, tc.deny) {
				t.Errorf("htmlToText = %q, must not contain %q", got, tc.deny)
			}
		})
	}
	// End to end: the signer's address comes from the link when a shared
	// mailbox sent the reply.
	msg := "From: Labo Scheldeland <labo@scheldeland.be>\r\nTo: QL_secretariat@sciensano.be\r\nSubject: Cyberaanval - labo 12345\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<p>a) Phishing.<br>b) Het LIS lag plat.<br>c) Noodplan.<br>d) MFA.<br>e) NC-2021-001</p>" +
		"<p>Met vriendelijke groeten,</p><p><a href=\"mailto:bart.peeters@scheldeland.be\">Bart Peeters</a><br>Kwaliteitsverantwoordelijke</p>"
	r := Parse([]byte(msg), nil)
	if r.Contact.Name != "Bart Peeters" || r.Contact.Email != "bart.peeters@scheldeland.be" {
		t.Errorf("contact = %+v, want Bart Peeters <bart.peeters@scheldeland.be>", r.Contact)
	}
}
