package classify

import "strings"

// Negation cues, folded like all patterns. A cue before a mention counts
// within negBefore words, after it within negAfter words, never across a
// comma or a clause. French "ne ... pas" leaves "n" as a word of its own.
var negationBefore = []string{
	"pas|aucun|aucune|aucunement|jamais|ni|sans|rien|non|n|nul|nulle",
	"geen|niet|nooit|zonder|niets|nergens",
	"kein|keine|keinen|keinem|keiner|keines|keinerlei|nicht|nie|niemals|ohne|weder",
	"no|not|never|nor|without|none|nothing|neither|nobody",
	// "stopped before ransomware could be deployed"
	"gestopt voor|gestopt voordat|voordat|stopped before|before it could|before they could|arrete avant|avant qu|avant que|gestoppt bevor|bevor",
	// a mention that is only ruled out, suspected wrongly or a lure
	"pas de trace|geen spoor|keine spur*|no trace|no sign|no evidence|no indication|aucune indication|aucun indice|geen aanwijzing*|keine hinweise|keine anzeichen",
}

var negationAfter = []string{
	"pas|jamais|aucun|aucune|niet|nooit|geen|nicht|nie|kein|keine|keinen|not|never",
	"exclu*|uitgesloten|ausgeschlossen|ruled out|infonde*|ongegrond|unbegrundet|unfounded",
}

// unaffected are statements that a system kept working or was not hit.
// They veto an impact label for the whole answer (modeObject).
var unaffected = []string{
	"non concerne*|a aucun moment|op geen enkel moment|geen enkel moment|zu keinem zeitpunkt|zu keiner zeit|at no time|at no point|pas ete touche*|pas touche*|non touche*|pas ete affecte*|pas affecte*|pas ete impacte*|non impacte*|pas impacte*|pas ete perturbe*|pas perturbe*|pas ete interrompu*|pas ete atteint*|pas concerne*",
	"epargne*|normalement|reste* disponible*|reste* operationnel*|reste* fonctionnel*|continue* a fonctionner|fonctionne* normalement|intact*|sont restes|est reste|est restee|sont restees",
	"niet getroffen|niet geraakt|niet aangetast|niet beinvloed|niet betrokken|niet onderbroken|niet verstoord|normaal|gewoon door|gewoon verder|ongemoeid|gespaard|intact|bleef beschikbaar|bleven beschikbaar|bleef werken|bleven werken|bleef operationeel|bleven operationeel|bleef intern werken|werkte verder|werkten verder|liep door|liepen door",
	"nicht betroffen|nicht beeintrachtigt|nicht beruhrt|nicht tangiert|nicht gestort|nicht unterbrochen|weiter|weiterhin|normal|unberuhrt|verschont|intakt|blieb* verfugbar|blieb* funktionsfahig|blieb* in betrieb",
	"draaide door|draaiden door|draaide wel door|draaiden wel door|draaide verder|draaiden verder|draaide gewoon|draaiden gewoon|bleef draaien|bleven draaien|bleef functioneren|bleven functioneren|functioneerde* normaal|werkte* normaal|liep* normaal|liefen weiter|lief weiter|liefen normal|lief normal|arbeitete* weiter|funktionierte* normal|funktionierte* einwandfrei|continue* normalement|fonctionnai* normalement|tournai* normalement|ont tourne normalement|a tourne normalement|n ont subi aucun|n a subi aucun|ran normally|continued normally|kept going|carried on|worked normally|functioned normally|operated normally|remained unaffected|were spared|was spared",
	"zonder problemen|zonder problemen|sans probleme*|sans souci|ohne probleme|problemlos|einwandfrei|without problem*|without issue*|without any problem*|geen hinder|geen enkele hinder|geen last|geen problemen|aucune gene|aucun probleme|pas de probleme|keine probleme|keinerlei probleme|keine beeintrachtigung*|no problems|no issues|n ont ete touche*|n ont ete concerne*|n ont ete affecte*|n ont ete impacte*|n ont ete perturbe*|n a ete touche*|n a ete concerne*|n a ete affecte*|n a ete impacte*",
	"werkte wel|werkten wel|werkten nog|werkte nog|functioneerde wel|fonctionnait toujours|fonctionnaient toujours|fonctionnait encore|fonctionnaient encore|funktionierte noch|funktionierten noch|funktionierte weiterhin|funktionierten weiterhin",
	"ok|in orde|en ordre|fine",
	"pas de coupure|aucune coupure|sans coupure|geen uitval|zonder uitval|kein ausfall|keine ausfalle|ohne ausfall|no outage|without outage|without interruption",
	"as usual|as normal|comme d habitude|comme habituellement|zoals gewoonlijk|zoals gebruikelijk|wie gewohnt|wie ublich",
	"not affected|unaffected|not impacted|not hit|not touched|not disrupted|not interrupted|normally|kept working|kept running|remained available|remained operational|remained in service|continued to work|continued working|continued to operate|continued operating|spared|intact|still worked|still working",
}

// depends are statements that a system does not depend on another one.
var depends = []string{
	"ne dependent pas|ne depend pas|niet afhankelijk|hangen niet af|hangt niet af|nicht abhangig|hangen nicht|do not depend|does not depend|not dependent",
}

// spares are statements that the systems named right after them were not
// hit: "geen impact op het LIS, de analysers of ...".
var spares = []string{
	"aucun impact sur|pas d impact sur|sans impact sur|aucune consequence sur|pas de consequence sur|aucune incidence sur|pas d incidence sur|rien a signaler pour|n ont pas touche|n a pas touche|n a touche ni",
	"geen impact op|geen invloed op|geen gevolgen voor|geen weerslag op|geen effect op|niet getroffen werden|niet getroffen waren|niet geraakt werden|gespaard bleven|gespaard bleef",
	"keine auswirkung* auf|keinen einfluss auf|kein einfluss auf|keine folgen fur|nicht betroffen waren|nicht betroffen war|nicht betroffen sind|verschont blieb*|unberuhrt blieb*",
	"no impact on|no effect on|no consequence* for|no consequence* on|did not affect|did not hit|did not touch|not affected were|unaffected were|spared were",
}

// links are words that make a VPN a partner link, not remote access: "ein
// gemeinsames VPN mit der Klinik", "a site-to-site VPN".
var links = []string{
	"gemeinsam*|gedeeld*|partage*|commun|commune|communs|shared|site to site|standortubergreifend*|interconnect*",
}

// sources are what follows a supplier named only as the source of
// information: "the provider's forensic report", "le rapport du
// prestataire" (before), not the way in.
var sourcesAfter = []string{
	"report|reports|rapport|rapports|verslag|bericht|gutachten|analyse|analysis|forensic|forensisch*|forensique*",
	"de securite|en securite|de cybersecurite|en cybersecurite",
}
var sourcesBefore = []string{
	"rapport du|rapport de l|verslag van de|rapport van de|bericht des|bericht der|gutachten des|report of the|report from the|report by the",
	// "the first analysis of our IT partner", "l'enquête du prestataire"
	"analyse van|analyse door|analyse du|analyse de|analyse des|analyse der|analyse durch|analysis of|analysis by|analysis from|onderzoek van|onderzoek door|enquete du|enquete de l|untersuchung durch|untersuchung des|investigation by|investigation of",
	// a firm named for the help it gives: "our incident response provider"
	"incident response|forensic|security|cybersecurity|beveiligings|sicherheits|it sicherheits",
}

// insideBreach says whether h lies within the span of a data_breach
// mention; breaches are those mentions, indexed.
func insideBreach(breaches *spans, h ruleHit) bool {
	return breaches.covers(h.from, h.to)
}

// aside says whether a cause is named only in passing: a supplier as the
// sender a phishing mail pretended to be or as the source of a report, a
// VPN that is a link to a partner rather than a way in.
func (v *vocabulary) aside(d *doc, h ruleHit, cues *[nCues]spans) bool {
	switch v.name[h.label] {
	case "supplier":
		return negated(d, h, negBefore, &cues[cueLure], nil) || negated(d, h, negBefore, &cues[cueSrcBefore], &cues[cueSrcAfter])
	case "remote_access":
		return negated(d, h, 2, &cues[cueLink], &cues[cueLink])
	}
	return false
}

// weaknessFree drops the negations after a mention that state a weakness
// of what was mentioned, not its absence: in a cause, "le compte VPN jamais
// désactivé", "RDP-poort nooit gesloten", "VPN not patched" name the way in.
func weaknessFree(d *doc, after []ruleHit) []ruleHit {
	var out []ruleHit
	for _, c := range after {
		weak := false
		for t := int(c.to) + 1; t < len(d.toks) && t <= int(c.to)+2; t++ {
			if weaknessWord(d.word(t)) {
				weak = true
			}
		}
		if !weak {
			out = append(out, c)
		}
	}
	return out
}

func weaknessWord(w string) bool {
	for _, p := range [...]string{"desactiv", "gedeactiveerd", "deaktiviert", "disabled", "deactivated", "afgesloten",
		"gesloten", "gesperrt", "geschlossen", "closed", "ferme", "change", "gewijzigd", "geandert", "changed", "patch", "gepatcht",
		"updated", "bijgewerkt", "aktualisiert", "corrige", "geinstalleerd", "installiert", "installed", "protege",
		"beveiligd", "geschutzt", "protected", "verwijderd", "entfernt", "removed", "supprime"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// negated says whether a cue sits just before h or just after it, in the
// same comma segment.
func negated(d *doc, h ruleHit, window int, before, after *spans) bool {
	seg := d.toks[h.from].seg
	if before.endingIn(h.from-int32(window), h.from-1, func(c ruleHit) bool { return d.toks[c.to].seg == seg }) {
		return true
	}
	segTo := d.toks[h.to].seg
	return after.startingIn(h.to+1, h.to+negAfter, func(c ruleHit) bool { return d.toks[c.from].seg == segTo })
}
