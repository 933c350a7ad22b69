package classify

// Cause vocabulary (answer a): how the attackers got in and what they ran.
// Each label lists what an analyst would look for in French, Dutch, German
// and English, folded (accents and case do not matter) and split at hyphens
// ("Brute-Force" is "brute force"). See matcher.go for the syntax.
var causeVocab = []entry{
	{gCause, "phishing", modeEvent, []string{
		"*phishing*", "usurpation*|usurpe*|spoof*|gespoofd|impersonat*|identiteitsfraude|mailbijlage*|emailbijlage*|mailanhang*|e mail anhang|email attachment*",
		"hameconnage*", "smishing", "vishing", "spam",
		"courriel* frauduleu*|courriel* pieg*|faux courriel*|faux message*|fausse page|faux site|faux lien",
		"piece* jointe* & pieg*|infect*|malveillant*|vérol*|ouver*|ouvert*",
		"lien* & clique*|cliqu*|malveillant*",
		"valse (mail*|e|inlogpagina|website|pagina|link|factuur)", "nepmail*|fake mail*",
		"bijlage & geopend|opende|besmet*|kwaadaardig*", "besmette bijlage", "link & klikte|geklikt|aangeklikt",
		"gefalscht*|manipuliert* (e|mail*|seite|webseite|link|rechnung|anmeldeseite|loginseite|login)", "anhang & geoffnet|offnete|infiziert*|schadlich*",
		"link & geklickt|angeklickt|klickte",
		"fake (e|email*|mail*|login|page|website|invoice)|spoofed|spoofing",
		"attachment* & opened|malicious|infected|booby", "clicked & link*",
	}},
	{gCause, "ransomware", modeEvent, []string{
		"*ransomware*", "rancongiciel*", "rancon*", "ransom", "losgeld*", "losegeld*", "erpress*",
		"chiffr*|crypte*|cryptolocker|versleutel*|verschlussel*|encrypt*",
		"ryuk|conti|egregor|phobos|dharma|lockbit|revil|sodinokibi|maze|doppelpaymer|darkside|netwalker|clop|babuk|petya|notpetya|hive|blackcat|akira|mespinoza|pysa",
	}},
	{gCause, "malware", modeEvent, []string{
		"malware*", "*malware", "logiciel* malveillant*|programme* malveillant*|code* malveillant*|script* malveillant*",
		"virus|viren|computervirus*|worm|wurm|computerworm*|un ver|ver informatique",
		"trojan*|trojaan*|trojaner*|cheval de troie|chevaux de troie",
		"schadsoftware|schadprogramm*|schadcode",
		"kwaadaardig* (software|code|programma*|script*)", "malicious (software|code|script*|program*|file*)",
		"emotet|trickbot|qakbot|qbot|icedid|dridex|cobalt strike|keylogger*|spyware|infostealer*|stealer",
		"macro|macros|makro|makros",
		"infect*|besmet*|infiz*",
	}},
	{gCause, "remote_access", modeEvent, []string{
		"rdp", "remote desktop*", "bureau* a distance", "extern bureaublad", "remotedesktop*",
		"vpn*", "*vpn", "citrix", "teamviewer", "anydesk", "logmein", "screenconnect",
		"a distance", "op afstand", "aus der ferne", "remote|remotely",
		"telemaintenance|teleassistance|prise en main", "fernwartung*|fernzugang*|fernzugriff*|fernzugriffs*",
		"port 3389", "poort 3389",
	}},
	{gCause, "vulnerability", modeEvent, []string{
		"vulnerabilit*", "faille*", "cve", "kwetsbaarhe*", "lek|lekken|beveiligingslek*|veiligheidslek*|softwarelek*", "schwachstelle*", "sicherheitslucke*|lucke",
		"exploit*", "zero day|zeroday", "eternalblue", "proxylogon|proxyshell", "log4j|log4shell", "printnightmare", "bluekeep",
		"=patch*|correctif*|mise* a jour|bijgewerkt|geupdatet|update*|aktualisiert & pas|non|jamais|niet|geen|nicht|kein*|not|never|missing|manquant*|ontbrek*|fehlend*",
		"=pas a jour|non corrige*|pas corrige*|non patche*|pas patche*|niet gepatcht|niet up to date|nicht gepatcht|ungepatcht|unpatched|not patched|not up to date|nicht aktuell|out of date",
	}},
	{gCause, "credentials", modeEvent, []string{
		"=mot* de passe|identifiant*|credentials|compte* & vol*|derob*|faible*|reutilis*|identique*|trouve*|recupere*|devine*|simple*|defaut|jamais|partage*|compromis*|pirate*|fuite*|saisi*|force",
		"=wachtwoord*|paswoord*|inloggegevens|gebruikersnaam|account* & zwak*|gestolen|hergebruik*|buitgemaakt|gelekt|geraden|standaard|ingegeven|ingevuld|vulde|vulden|typte|gaf|gedeeld*|gekraakt|nooit|gecompromitteerd|datalek*|brute",
		"=passwort*|kennwort*|zugangsdaten|benutzername|konto* & schwach*|gestohlen|wiederverwendet|abgegriffen|erraten|ermittelt|standard*|geknackt|nie|kompromittiert*|eingegeben|erbeutet*|brute",
		"=password*|credential*|login*|account* & weak|stolen|reused|re used|guessed|default|leaked|cracked|shared|never|compromised|phished|entered|breached|brute",
		"brute force|force brute|bruteforce|password spraying|credential stuffing",
		"=compte*|*account|*accounts|*konto|*konten & pas ete desactive*|non desactive*|niet afgesloten|niet was afgesloten|niet gedeactiveerd|nicht deaktiviert|nicht gesperrt|not disabled|not deactivated|not closed|never disabled",
		"zugangsdaten abgegriffen", "=*gegevens & ingevuld|vulde|vulden|ingegeven|ingetypt|gaf|gaven",
		"=*account|*accounts|compte*|*konto & not been disabled|not been deactivated|not been closed|never been disabled|never deactivated|niet werd afgesloten|niet gedeactiveerd werd|nicht deaktiviert wurde|nicht gesperrt wurde",
		"identifiants & saisi*|vol*|derob*|utilise*",
	}},
	{gCause, "supplier", modeEvent, []string{
		"prestataire*|fournisseur*|sous traitant*|editeur|infogerance|infogereur|hebergeur",
		"leverancier*|it partner|ict partner|dienstverlener*|onderaannemer*",
		"*lieferant|*lieferanten|*dienstleister|*dienstleisters|*hersteller|*herstellers|wartungsfirma",
		"supplier*|vendor*|provider*|contractor*|service engineer*|third party|subcontractor*|msp",
	}},
	{gCause, "insider", modeEvent, []string{
		"ancien* (collaborat*|employe*|membre*|informaticien*|administrateur*)",
		"ex (collaborat*|employe*|medewerker*|werknemer*|mitarbeiter*|employee*)",
		"oud (medewerker*|werknemer*)|voormalig* (medewerker*|werknemer*)",
		"ehemalig* (mitarbeiter*|angestellt*|kollege*)", "former (employee*|staff|colleague*|member*)",
		"employe*|collaborat*|membre du personnel & sans autorisation|malveillan*|intentionnel*|volontairement",
		"medewerker*|werknemer* & onrechtmatig*|zonder toestemming|opzettelijk|moedwillig",
		"mitarbeiter*|angestellt* & unbefugt*|missbrauch*|absichtlich|vorsatzlich|ohne berechtigung",
		"employee*|staff member*|member of staff & unauthori*|deliberately|intentionally|without authori*|misused|abused",
		"insider*", "malveillance interne|interne dader|innentater*|employe* mecontent*|disgruntled",
		"=pas une attaque externe|niet om een aanval van buitenaf|geen aanval van buitenaf|kein* externe* angriff|kein angriff von aussen|not an external attack",
	}},
	{gCause, "ddos", modeEvent, []string{
		"ddos", "dos", "deni de service", "denial of service", "dienstweigering*", "overbelastingsaanval*",
		"uberlastungsangriff*", "dienstverweigerung*",
	}},
	{gCause, "unknown", modeStated, []string{
		"inconnu*", "onbekend*", "unbekannt*", "unknown", "indetermine*", "onduidelijk", "unklar", "unclear",
		"point* d entree|origine|cause|vecteur & (pas|non) & identifi*|determine*|connu*|etabli*",
		"oorzaak|ingang|toegangsweg|aanvalsvector|bron & niet & gekend|bekend|gevonden|vastgesteld|achterhaald|geidentificeerd",
		"ursache|einfallstor|eintrittspunkt|angriffsvektor|eintrittsweg & nicht & bekannt|ermittelt|gefunden|identifiziert|geklart",
		"entry|cause|vector|origin & not & identified|determined|known|found|established",
		"=weten|savons|wissen|know & niet|pas|nicht|not", "=ignorons|unclear how|onduidelijk hoe|unklar wie|pas clair comment",
	}},
}
