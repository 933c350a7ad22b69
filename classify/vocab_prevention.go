package classify

// Prevention vocabulary (answer d): measures taken or planned.
var preventionVocab = []entry{
	{gPrevention, "mfa", modeEvent, []string{
		"mfa|2fa|tfa|otp|itsme|authenticator",
		"code* a usage unique|mot de passe a usage unique|one time password*|one time code*|eenmalige code*|eenmalig wachtwoord|einmalpasswort*|einmalcode*|einmalkennwort*",
		"multi facteur*|multifacteur*|deux facteurs|double facteur|double authentification|authentification forte|validation en deux etapes|deux etapes|second facteur",
		"tweestaps*|twee staps*|tweefactor*|twee factor*|multifactor*|multi factor*|sterke authenticatie|tweeledige authenticatie",
		"zwei faktor*|zweifaktor*|2 faktor*|mehrfaktor*|mehr faktor*|multi faktor*|zweistufig*|zwei stufig*|starke authentifizierung",
		"two factor*|2 factor*|two step*|2 step*|strong authentication|second factor",
	}},
	{gPrevention, "backup", modeEvent, []string{
		"sauvegarde*", "backup*|back up*|back ups", "sicherung*|datensicherung*|offlinesicherung*|bandsicherung*",
		"copie* hors ligne|hors site|offline kopie|offline copy|offline kopien|offline opslag",
		"immutable|immuable*|onveranderbar*|onveranderlijk*|unveranderbar*|unveranderlich*",
		"3 2 1", "read only copy|local copy|copie locale|lokale kopie|lokale kopien|exercice* de restauration|restoration exercise*|hersteloefening*|wiederherstellungsubung*", "restore test*|restoration test*|test* de restauration|hersteltest*|wiederherstellungstest*|restauratietest*",
	}},
	{gPrevention, "patching", modeEvent, []string{
		"*patch*", "mise* a jour|mises a jour|correctif*|*update*|*updates|bijwerk*|bijgewerkt|aktualisier*|sicherheitsupdate*|upgrade*",
		"remplac*|vervang*|ersetz*|replac* & windows|obsolete*|ancien*|verouderd*|oude|veraltet*|alte|old|outdated|legacy",
		"end of life|eol|fin de support",
	}},
	{gPrevention, "segmentation", modeEvent, []string{
		"*segment*", "*vlan*", "cloisonn*", "dmz",
		"zone* & separe*|distinct*|gescheiden|getrennt*|separate*|dediee*",
		"reseau* separe*|reseau* dedie*|reseau* isole*|separate network*|isolated network*|dedicated network*|apart* netwerk*|afgescheiden|afscheiding|gescheiden netwerk*|eigen netwerk",
		"getrennt* netz*|eigene* netz*|eigenes netzsegment|netztrennung|netzwerktrennung|abgeschottet*",
		"firewall* & (entre|tussen|zwischen|between)",
	}},
	{gPrevention, "training", modeEvent, []string{
		"formation*|sensibilis*|e learning|elearning", "opleiding*|vorming*|bewustmaking*|bewustwording*",
		"*awareness*", "schulung*|*schulung|unterweisung*|fortbildung*|geschult", "training*|trained|train|educat*",
		"rappel*|mis* en garde|averti*|herinner*|gewaarschuwd|verwittigd|gewarnt|rundschreiben|rundmail|warned|reminded|reminder* & personnel|stagiaire*|utilisateurs|collaborateur*|equipe*|medewerker*|personeel|stagiair*|gebruikers|mitarbeiter*|personal|praktikant*|staff|employees|users|team|trainees",
		"gebriefd|briefing*|briefed|instructie*|instructies|unterwiesen", "informiert & mitarbeiter*|personal",
		"phishing (test*|simulation*|exercice*|oefening*|ubung*|exercise*)|phishingtest*|phishingsimulat*",
	}},
	{gPrevention, "edr", modeEvent, []string{
		"edr|xdr|mdr|epp|ngav", "antivirus*|anti virus|antivirale|virenschutz*|virenscanner*|antimalware|anti malware",
		"endpoint*", "crowdstrike|sentinelone|sentinel one|defender|sophos|cortex|carbon black|trend micro|eset|kaspersky|bitdefender|cylance",
	}},
	{gPrevention, "monitoring", modeEvent, []string{
		"monitoring|surveillance|surveille*|surveiller|supervision|supervise*|supervised|soc|siem|ids|ips|monitored|gemonitord|bewaakt",
		"journalisation|journaux|logs|log|logging|*protokollierung*|protokolliert|logboek*|loggen",
		"alert*|alarm*|alerte*|detection*|detectie|erkennung|uberwach*|bewaking|waarschuwing*",
		"toezicht|aufsicht|beaufsichtig*|overseen|sous surveillance",
		"24 7|24 h 24|24 u 24|24x7|24 24|h24",
		"controle* & journaux|logs|connexion*",
	}},
	{gPrevention, "access_control", modeEvent, []string{
		"droits d acces|droit d acces|gestion des acces|controle d acces|moindre privilege|comptes nominatifs|compte nominatif|politique de mot* de passe",
		"mot* de passe & unique*|fort*|complexe*|renforce*|gestionnaire*|longueur|caracteres|defaut",
		"*wachtwoord*|*paswoord* & standaard|sterk*|complex*|lengte|tekens", "*passwort*|*kennwort* & standard*|voreingestellt*|stark*|komplex*|lange|zeichen", "*password* & default|strong|complex|length|characters", "standaardwachtwoord*|standardpasswort*|standardkennwort*|defaultpassword*|fabriekswachtwoord*",
		"gestionnaire de mots de passe|compte* administrateur*|administrateurs generiques|comptes generiques", "desactiv* & compte*|acces*",
		"acces & limite*|restreint*|nominatif*|sur demande|revu*|revue|uniquement|controle*|verifie*|verification*",
		"interdi* & connect*|usb|appareil*|peripherique*",
		"toegangsrecht*|toegangsbeheer|toegangscontrole|beheerdersrecht*|beheerdersaccount*|wachtwoordbeleid|wachtwoordmanager|sterke wachtwoorden|accountbeheer|gedeelde accounts|gebruikersbeheer",
		"sur demande|a la demande|duree limitee|limite* dans le temps|tijdelijk* toegang|time bound|enkel na goedkeuring|op aanvraag|tiering",
		"afsluiten & *account|*accounts|toegang",
		"zugriffsrecht*|zugangskontrolle*|zugriffskontrolle*|berechtigung*|rechtevergabe|passwortrichtlinie*|kennwortrichtlinie*|auf anfrage|zeitlich begrenzt|befristet*|adminrechte|administratorrechte",
		"access review*|account review*|access control*|access right*|access management|least privilege|privileged access|pam|password policy|password manager|admin rights|administrator rights|on request|time limited",
		"usb & blocage|blokkering|sperrung|blocking|disabled|bloque*|desactive*|geblokkeerd|uitgeschakeld|gesperrt|deaktiviert|interdit*|verboden|verboten|blocked",
		"account* & deactivat*|disabled|review*|removed",
		"revue*|controle*|verification* & compte*|droits|habilitations", "controle|herziening|nazicht|review & *account|*accounts|toegangsrechten|rechten",
		"uberprufung*|kontrolle*|review & konten|benutzerkonten|zugange|berechtigungen|rechte",
	}},
	{gPrevention, "audit", modeEvent, []string{
		"audit*", "*audit", "*prufer|auditor*|auditeur*|revisor*|externe* prufung*|externe controle|controle externe|controle* externe*|external review*|external assessment*", "pentest*|penetratietest*|penetrationstest*|penetration test*|test* d intrusion|intrusietest*|pen test*",
		"vulnerability scan*|scan* de vulnerabilite*|kwetsbaarheidsscan*|schwachstellenscan*|schwachstellenanalyse*|evaluation de la securite|evaluation de securite|risicoanalyse*|analyse de risque*|risk assessment*|security assessment*|doorlichting*|risikoanalyse*|sicherheitsuberprufung*",
	}},
	{gPrevention, "email_filtering", modeEvent, []string{
		"filtr*|filter* & mail*|courriel*|messagerie|antispam|piece* jointe*|bijlage*|anhang*|anhange*|attachment*|mails|inkomende",
		"antispam|anti spam|spamfilter*|*spamfilter*|mailfilter*|*mailfilter*|antiphishing|anti phishing",
		"macro* & bloqu*|blocage*|desactiv*|geblokkeerd|blokkeren|blokkering|blockiert|blockierung|blocked|blocking|disabled|gesperrt",
		"makro* & bloqu*|blockade|blockiert|blockierung|gesperrt|deaktiviert",
		"quarantaine|quarantine|quarantane", "sandbox*", "dmarc|dkim|spf",
		"mailgateway|mail gateway|e mail gateway|email gateway|secure email gateway",
	}},
}
