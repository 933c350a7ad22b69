package mailparse

import "testing"

// Answers under quoted questions: typed right below a question (inline
// reply), or below the whole quoted letter (bottom-posting), where the
// last quoted question must not take the reply's greeting.
func TestQuotedQuestionAnswers(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       [5]string
	}{
		{"bottom-posted fr", `> a) la cause probable de l'attaque
> b) les activités impactées
> c) les actions correctives immédiates
> d) les mesures préventives
> e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité,
>
> Si votre laboratoire devait être victime de telles attaques à l'avenir, veuillez nous en informer.
>
> Très cordialement,
> Dr Arnaud Capron

Bonjour,

Je reprends votre courrier pour vous signaler un nouvel incident.

a) Phishing.
b) SIL arrêté.
c) Plan dégradé.
d) MFA.
e) FNC 26-003
`, [5]string{"Phishing.", "SIL arrêté.", "Plan dégradé.", "MFA.", "FNC 26-003"}},
		{"bottom-posted nl, letter closing quoted", `> d) de preventieve maatregelen
> e) de referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem
>
> Met vriendelijke groeten,
> Dr Arnaud Capron

Beste,

Hierbij een nieuw incident.

a) Phishing
b) LIS
c) Noodplan
d) MFA
e) NC-2026-001
`, [5]string{"Phishing", "LIS", "Noodplan", "MFA", "NC-2026-001"}},
		{"inline reply nl", `> - a) De vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben
Phishing
> - b) De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten,
LIS
> - e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).
NC-2021-099
`, [5]string{"Phishing", "LIS", "", "", "NC-2021-099"}},
		{"inline reply after a blank quoted line fr", `> - a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates
>
Hameçonnage
> - e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de plainte ou de non-conformité),
>
NC-2021-014
`, [5]string{"Hameçonnage", "", "", "", "NC-2021-014"}},
		{"wrapped quoted question fr", `> - a) la cause probable de l'attaque et la méthode
> prétendument utilisée par les pirates
Hameçonnage
> - e) la, ou les références, du ou des enregistrement(s) de cet
> événement dans votre système qualité (sous forme de plainte ou de
> non-conformité),
NC-2021-014
`, [5]string{"Hameçonnage", "", "", "", "NC-2021-014"}},
		{"inline answer under the last question only nl", `> - d) De preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken,
> - e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).
NC-2021-077
>
> Met vriendelijke groeten,
`, [5]string{"", "", "", "", "NC-2021-077"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			if got.Answers != tc.want {
				t.Errorf("answers = %q\nwant      %q", got.Answers, tc.want)
			}
		})
	}
}
