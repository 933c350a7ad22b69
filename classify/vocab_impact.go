package classify

// Impact vocabulary (answer b): what the attack put out of use. These are
// mostly names of systems, read in modeObject: "pas de connexion avec le
// SIL" is an impact on the LIS, "le SIL n'a pas été touché" is not.
var impactVocab = []entry{
	{gImpact, "lis", modeObject, []string{
		"lis", "sil", "lims", "glims|molis|cyberlab|kalisil|omnilab|swisslab|lauris|labosys|apollo|mips",
		"laboratory information system*|lab information system*|laboratory system|laboratory software",
		"systeme* informatique* (du|de) laboratoire|systeme* d information (du|de) laboratoire|logiciel* (du|de) laboratoire",
		"laboratoriuminformatiesysteem|labo informatiesysteem|laboratoriumsysteem|labosysteem|labosoftware|laboratoriumsoftware",
		"laborinformationssystem*|laborsystem|laborsoftware|laboratoriumssystem",
		"encodage (des|de) demandes|enregistrement (des|de) demandes", "demandes & encod*|encoder",
		"aanvragen & registr*|geregistreerd|inboek*|ingeboekt|invoer*|ingeven", "auftragserfassung|auftrage & erfass*",
		"order entry", "requests & registered|entered|recorded|registration",
	}},
	{gImpact, "analyzers", modeObject, []string{
		"automate*", "analyseur*", "analyser*|analyzer*|analysator*|analysegerat*|analysegerate*|analysengerat*",
		"*middleware*", "instrument*", "toestel*|apparatuur|apparaten", "gerat|gerate|geraten|gerate*|laborgerat*|messgerat*",
		"appareil*", "point of care|poct",
		"analysetoestel*|labotoestel*|laboratoriumtoestel*|meettoestel*|*analyser|*analysers|*analyzer|*analyzers|*analysator|*analysatoren|*analyseur|*analyseurs", "koppeling* & analyser*|toestel*|apparat*",
	}},
	{gImpact, "results", modeObject, []string{
		"medibridge", "ehealth*", "e health*", "hl7", "reseau sante wallon|reseau sante bruxellois|abrumet|rsw|cozo|vitalink",
		"portail*", "*portaal", "*portal", "serveur de resultats|resultatenserver|befundserver|results server|result server",
		"resultat* & liberer|libere*|liberation|envo*|transmi*|transmission|communiqu*|electroniqu*|medecin*|prescripteur*|patient*|unites|services|dossier*",
		"resultaten|uitslagen|verslagen & vrijgeven|vrijgegeven|vrijgave|verstuur*|verzend*|verzonden|versturen|elektronisch*|huisarts*|artsen|dokters|voorschrijver*|doorgestuurd|bezorgd|afdelingen|epd",
		"befund*|ergebnis* & freigeben|freigegeben|freigabe|ubermittel*|versand*|versend*|verschick*|elektronisch*|einsender*|hausarzt*|hausarzte*|arzte*|stationen",
		"befundubermittlung|befundversand|ergebnisubermittlung",
		"result*|report* & release|released|releasing|patient*|viewer|online|web|sent|send|sending|deliver*|transmi*|electronic*|physician*|gp*|gps|portal|prescriber*|doctor*|wards",
		"result delivery|results delivery|delivery of results",
		"sent|send|transmitted|delivered|envoye*|envoyer|transmis|transmettre|verstuurd|verzonden|versturen|doorgestuurd|versandt|verschickt|ubermittelt & (to|aux|naar|an|the|de|die) (gps|gp|physicians|doctors|prescribers|wards|medecins|prescripteurs|services|huisartsen|artsen|voorschrijvers|einsender|hausarzte|arzte|stationen)",
		"protocol*|compte* rendu*|rapport* & envo*|electroniqu*|transmi*|medecin*|prescripteur*", "dossier patient*|dpi|epd|emd|ehr|electronic health record*|patientenakte",
	}},
	{gImpact, "email", modeObject, []string{
		"messagerie*", "courriel*|mail|mails|*mail|*mails|e mail*|email*|mailbox*|mailserver*|mailbox|webmail|mailadres*|mailverkeer|postfach*|e mail postfach",
		"exchange", "outlook", "boite* mail|boite* aux lettres|adresse mail|adresse e mail",
	}},
	{gImpact, "network", modeObject, []string{
		"~reseau* & coupe*|inutilisable*|indisponible*|panne|hors service|deconnecte*|perdu*|isole*|interrompu*|tombe*|plante*|paralyse*|a l arret|hors d usage",
		"connexion* internet|acces internet|internet|vpn|wifi|wi fi|wlan|connectivit*",
		"~*netwerk* & plat|uitgevallen|onbeschikbaar|onbruikbaar|verbroken|afgesloten|down|weg|getroffen|platgelegd|onbereikbaar|stil|stilgelegd|stilgevallen|lamgelegd|verlamd",
		"netwerkverbinding*|internetverbinding*|externe verbindingen", "~verbindingen & verbroken|afgesloten",
		"~netz|*netzwerk*|netzwerkverbindung*|netzanbindung* & unbrauchbar|ausgefallen|getrennt|unterbrochen|down|nicht verfugbar|gestort|stillgelegt|lahmgelegt|stillstand|stand still|gelahmt",
		"internetverbindung*|internetzugang*|internetanbindung*",
		"~network* & unusable|down|lost|outage|unavailable|disconnected|cut|affected|unreachable|paralysed|paralyzed|standstill|crippled",
		"network connection*|connectivity|external connections",
		"connection* to the outside|outside world|liaison* avec l exterieur|connexion* (avec|vers) l exterieur|monde exterieur|verbinding* met de buitenwereld|buitenwereld|verbindung* nach aussen|aussenwelt|internet line|internetlijn|internetleitung|ligne internet",
	}},
	{gImpact, "phone", modeObject, []string{
		"telephonie|telefonie|telephony|telefonanlage*|telefooncentrale*|centrale telephonique|standard telephonique",
		"telephone* ip|telephonie ip|ip telefonie|ip telefoon*|ip telefon*|ip phone*|telephones|telefoonlijn*",
		"telephone*|telefoon*|telefon|telefone & hors service|indisponible*|coupe*|panne|plat|uitgevallen|onbereikbaar|buiten gebruik|ausgefallen|gestort|nicht erreichbar|down|out of service|unavailable",
		"voip", "telephone system*|phone system*|phones|telefoons|telefone|lignes telephoniques|telefoonlijnen|telefonleitungen|phone lines|telefoonverkeer",
	}},
	{gImpact, "admin", modeObject, []string{
		"facturation*|facturatie*|factureren|facturering*|aanrekening*|tarifering*|billing|invoicing|abrechnung*|fakturierung*|rechnungsstellung*",
		"comptabilite|boekhouding|buchhaltung|accounting|tarification|tarificatie|inschrijving*|patientenaufnahme|admission*",
		"administratie*|administration|administratif*|administratieve|verwaltung*|secretariat|secretariaat|sekretariat",
	}},
	{gImpact, "data_breach", modeEvent, []string{
		"fuite* de donnees|fuite", "exfiltr*", "vol de donnees|violation de donnees|atteinte a la confidentialite|atteinte a la vie privee",
		"donnees & vole*|derob*|exfiltr*|publie*|divulgu*|consulte*|copie*|telecharge*|acces",
		"datalek*|gegevenslek*|*datalek", "*gegevens & gestolen|gelekt|gekopieerd|buitgemaakt|gepubliceerd|ingekeken|geraadpleegd|toegang",
		"gekopieerd|geraadpleegd & dossier*|gegevens|inhoud|mailbox",
		"datenabfluss*|datenleck*|datendiebstahl|abfluss*|abgeflossen", "daten|*daten & abgeflossen|gestohlen|kopiert|veroffentlicht|abgegriffen|eingesehen|abgezogen|zugegriffen",
		"postfach*|postfacher|mailbox*|mailboxen|befunde|akten|boite* mail|boite* aux lettres|messagerie* & zugegriffen|zugriff|eingesehen|accessed|read|consulte*|geraadpleegd|ingekeken|gelezen",
		"data breach|data leak*|breach", "records|files|dossiers|akten|patientendaten & copied|stolen|exfiltrated|leaked|accessed|viewed|published|copie*|vole*|kopiert|gestohlen",
		"data & stolen|exfiltrated|leaked|copied|published|exposed|accessed",
		"illegitim*|onrechtmatig*|unrechtmassig*|unbefugt*|unauthorised|unauthorized|sans autorisation",
		"autorite de protection des donnees|gegevensbeschermingsautoriteit|datenschutzbehorde|data protection authority|apd|gba",
	}},
	{gImpact, "none", modeStated, []string{
		"aucun impact|aucun effet|pas d impact|sans impact|sans consequence*|aucune consequence*|pas de consequence*|aucune incidence|pas d incidence",
		"kein schaden|keine schaden|keine ausfallzeit*|pas de dommage*|aucun dommage|aucun degat|geen schade|no damage|no harm|geen downtime|no downtime|aucun temps d arret",
		"geen impact|geen gevolgen|geen invloed|zonder gevolgen|geen weerslag",
		"keine auswirkung*|keine folgen|ohne auswirkung*|keinerlei auswirkung*",
		"no impact|no effect|no consequence*|not affected at all|nothing was affected|nothing was hit|nothing was impacted|nothing affected|rien n a ete touche|rien n a ete affecte|rien n a ete impacte|niets werd getroffen|niets getroffen|niets geraakt|nichts war betroffen|nichts betroffen|nichts wurde beeintrachtigt",
		"pas d interruption|aucune interruption|pas ete interrompu*|pas interrompu*",
		"geen onderbreking|geen onderbrekingen|niet onderbroken|geen verstoring",
		"keine unterbrechung*|nicht unterbrochen|keine storung*",
		"no interruption|not interrupted|no disruption|not disrupted",
	}},
}
