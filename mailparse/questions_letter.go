package mailparse

import (
	"strings"
	"unicode"

	"cyberintake/classify"
)

// The letter labs answer (Sciensano-AC-2021-04, French and Dutch). Labs
// quote it, copy it, or type their answers into it; a line found in it is
// the letter's, never an answer. Lines are compared as letters and digits
// only (accents folded), so re-wrapping and punctuation do not matter.

const letterFR = `Aux laboratoires de biologie clinique
Aux laboratoires d'anatomie pathologie

Service : Qualité des laboratoires médicaux

Date : 15/02/2021

Vos réf. : -

Nos réf. : Sciensano-AC-2021-04

Annexe(s) : -

Contact : Arnaud Capron

Tél. : +32 2 642 53 97

Fax : +32 2 642 33 26

E-mail : arnaud.capron@sciensano.be

Concerne : Cyber attack de laboratoires médicaux et d'institutions hospitalières – Apprentissage continu.

Cher(e)s collègues,

Dans le courant des mois de décembre 2020 et janvier 2021, plusieurs centres hospitaliers et laboratoires ont été victimes d'une cyber-attaque. En conséquence, l'unité de lutte contre la criminalité informatique (Computer Crime Unit) de la police fédérale a ouvert une enquête.

Ces attaques peuvent affecter la sécurité des données gérées par les institutions concernées ainsi que l'organisation des activités des laboratoires (inaccessibilité des serveurs, etc.). Ces attaques peuvent impacter les laboratoires et tous les services associés sur le même réseau pendant plusieurs jours.

Par ailleurs, compte tenu du nombre croissant d'interconnexions entre les acteurs de la santé (laboratoire, médecin généraliste, maison de repos, hôpitaux, etc.), les conséquences d'une cyber-attaque peuvent rapidement s'étendre à plusieurs institutions et mettre en péril le réseau national de santé.

Plusieurs laboratoires (privés et hospitaliers) nous ont activement déclaré avoir été victime de ces attaques. Toutes fois nous suspectons qu'un plus grand nombre pourraient être concernés.

Afin d'évaluer les causes possibles et l'impact que ces attaques ont pu avoir sur l'activité des laboratoires médicaux, si votre laboratoire est concerné, nous vous prions de nous communiquer les informations suivantes (si votre laboratoire est concerné) :

- a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates
- b) Les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités,
- c) les actions correctives immédiates qui ont été prises pour garantir la sécurité des données et la continuité des activités du laboratoire (application d'un plan dégradé, sous-traitance de certaines analyses...),
- d) les mesures préventives prises par le laboratoire, ou par l'institution hospitalière, pour éviter ou limiter l'impact de ce type d'attaque à l'avenir,
- e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de plainte ou de non-conformité),

Si votre laboratoire devait être victime de telles attaques à l'avenir, veuillez nous en informer et nous fournir au moins les informations énumérées dans cette lettre, y compris une personne de contact.

Des propositions sont en cours d'élaboration au niveau du SPF Santé publique afin de fournir un soutien supplémentaire et approprié dans ces situations particulières. Grâce aux questions ci-dessus et à vos réponses, nous espérons qu'avec les connaissances et la coopération de la CCU, de eHealth et du SPF Santé publique, des propositions spécifiques pourront être élaborées pour les laboratoires et les établissements de santé.

Dans un premier temps, vous serez désormais alerté via eHealth en cas de cyber-attaque / risque potentiel pouvant affecter l'ensemble des acteurs de santé (laboratoires, établissements de santé, hôpitaux, etc.).

Vous recevrez ces messages en tant que directeur de laboratoire. Nous comptons sur vous pour diffuser cette information auprès des membres de votre personnel qui participent à la gestion de vos installations informatiques.

Les informations demandées peuvent être transmises directement au secrétariat du service Qualité des Laboratoires QL_secretariat@sciensano.be avec en objet du mail « Cyber attaque – labo xxxxx ». Cette communication respectera la confidentialité liée à l'incident signalé.

Nous vous remercions pour votre précieuse coopération dans la création d'un environnement plus sûr pour notre système de santé.

Très cordialement,

Dr Arnaud Capron
Chef de service Qualité des Laboratoires`

const letterNL = `Ter attentie van de laboratoria voor Klinische Biologie
Ter attentie van de laboratoria voor Pathologische Anatomie

Dienst: Kwaliteit van Laboratoria

Datum: 15/02/2021

Uw ref: -

Onze ref: Sciensano-AC-2021-04

Bijlage(n): -

Contact: Arnaud Capron

Tel.: +32 2 642 53 97

Fax: +32 2 642 33 26

E-mail: arnaud.capron@sciensano.be

Betreft: Cyberaanval op medische laboratoria en ziekenhuisinstellingen - Levenslang leren.

Geachte collega's,

In de maanden december 2020 en januari 2021 zijn verschillende ziekenhuizen en laboratoria het slachtoffer geworden van een cyberaanval. Naar aanleiding hiervan, heeft de eenheid computercriminaliteit (Computer Crime Unit (CCU)) van de federale politie een onderzoek ingezet.

Dergelijke aanvallen hebben mogelijks gevolgen voor de veiligheid van de door de betrokken instellingen beheerde gegevens, alsook de organisatie van de laboratoriumactiviteiten (ontoegankelijkheid van de servers, enz.). Deze aanvallen kunnen zorgen voor dagenlange stilstand van het laboratorium en eventueel verbonden diensten in hetzelfde netwerk. Daarenboven kunnen gezien het toenemende aantal onderlinge verbindingen tussen spelers in de gezondheidszorg (laboratorium, huisarts, verpleeghuis, ziekenhuizen,...) de gevolgen van een cyberaanval zich snel over meerdere instellingen verspreiden en het nationale gezondheidsnetwerk in gevaar brengen.

Verscheidene laboratoria (privaat en ziekenhuis) hebben ons actief gemeld dat zij het slachtoffer zijn geworden van deze aanvallen. Wij vermoeden echter dat het totaal aantal getroffen laboratoria hoger ligt.

Om na te gaan wat de mogelijke oorzaken waren en welk effect deze aanvallen op de activiteiten van de medische laboratoria hebben gehad, wordt u verzocht (indien betrokken) ons de volgende informatie te verstrekken:

- a) De vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben
- b) De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten,
- c) De onmiddellijke, corrigerende maatregelen die werden ondernomen om de veiligheid van de gegevens en de continuïteit van de laboratoriumactiviteiten te waarborgen (toepassing van een noodplan, onderaanneming van bepaalde analyses...),
- d) De preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken,
- e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).

Mocht uw laboratorium in de toekomst het slachtoffer worden van dergelijke aanvallen, dan verzoeken wij u ons op de hoogte te brengen en ons ten minste de in deze brief genoemde gegevens te bezorgen, met inbegrip van een contactpersoon.

Op het niveau van het FOD Volksgezondheid worden voorstellen uitgewerkt om in deze bijzondere situaties aanvullende en aangepaste steun te verlenen. Via bovenstaande vragen en dankzij uw antwoorden hopen wij dat met de kennis en de medewerking van de CCU, eHealth en het FOD Volksgezondheid specifieke voorstellen kunnen worden uitgewerkt voor de laboratoria en zorginstellingen.

In eerste instantie wordt u vanaf nu via eHealth gewaarschuwd in geval van een cyberaanval/potentieel risico dat gevolgen kan hebben voor alle actoren in de gezondheidszorg (laboratoria, zorginstellingen, ziekenhuizen, ...).

U, als laboratoriumdirecteur, zal deze berichten ontvangen. Wij rekenen erop dat u deze informatie verspreidt onder uw medewerkers en andere partijen die betrokken zijn bij het beheer van uw IT-faciliteiten.

In eerste instantie wordt u vanaf nu via eHealth gewaarschuwd in geval van een cyberaanval/potentieel risico dat gevolgen kan hebben voor alle actoren in de gezondheidszorg (laboratoria, zorginstellingen, ziekenhuizen, ...).

De gevraagde informatie kan rechtstreeks worden toegezonden aan het secretariaat van de dienst Kwaliteit van Laboratoria (QL\_secretariat@sciensano.be) met als onderwerp "Cyberaanval – labo xxxxx". Uw privacy van het gemelde incident zal bij deze communicatie gerespecteerd worden.

We danken u voor uw waardevolle medewerking aan de totstandbrenging van een veiliger omgeving voor ons gezondheidszorgsysteem.

Met de meeste hoogachting,

Dr Arnaud Capron
Diensthooft Kwaliteit van Laboratoria, Sciensano`

// letterWords and letterTrigrams index the letter (both languages) by
// word and by run of three words, in letterKey form.
var letterWords, letterTrigrams = func() (map[string]bool, map[string]bool) {
	ws, tri := map[string]bool{}, map[string]bool{}
	for _, l := range []string{letterFR, letterNL} {
		f := strings.Fields(letterKey(l))
		for i, w := range f {
			ws[w] = true
			if i+2 < len(f) {
				tri[w+" "+f[i+1]+" "+f[i+2]] = true
			}
		}
	}
	return ws, tri
}()

// letterKey reduces text to folded letters and digits separated by single
// spaces.
func letterKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// fromLetter tells a line of the letter: at least three words, all of
// the letter's vocabulary, whose runs of three words (first, middle, last)
// occur in it. Words are looked up as they are read, so most lines (an
// answer has words the letter lacks) are turned down without allocating.
func fromLetter(line string) bool {
	var arr [24]byte
	cur := arr[:0]
	var ws []string
	flush := func() bool {
		if len(cur) == 0 {
			return true
		}
		if !letterWords[string(cur)] {
			return false
		}
		ws = append(ws, string(cur))
		cur = cur[:0]
		return true
	}
	for _, r := range line {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur = classify.AppendFold(cur, string(r))
			continue
		}
		if !flush() {
			return false
		}
	}
	if !flush() || len(ws) < 3 {
		return false
	}
	for _, i := range []int{0, (len(ws) - 3) / 2, len(ws) - 3} {
		if !letterTrigrams[ws[i]+" "+ws[i+1]+" "+ws[i+2]] {
			return false
		}
	}
	return true
}

// markLetterLines quotes the letter's own lines (depth 1) so that only
// what a lab typed between them can be an answer, with the questions
// heading it.
func markLetterLines(ls []line) []line {
	out := make([]line, len(ls))
	for i, l := range ls {
		out[i] = l
		if l.Depth == 0 && strings.TrimSpace(l.Text) != "" && fromLetter(l.Text) {
			out[i].Depth = 1
		}
	}
	return out
}
