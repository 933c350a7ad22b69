package classify

// Response vocabulary (answer c): what the lab and its IT did at once.
var responseVocab = []entry{
	{gResponse, "degraded_mode", modeEvent, []string{
		"mode degrade|plan degrade|fonctionnement degrade|procedure* degrade*|mode de secours|plan de secours|procedure* de secours",
		"plan* de continuite|procedure* de continuite|plan d urgence|procedure* d urgence|plan de crise|cellule de crise|plan catastrophe",
		"mode autonome|encodage manuel|registre manuel|transcription manuelle|fonctionnement manuel",
		"noodplan*|noodprocedure*|nood procedure*|continuiteitsplan*|continuiteitsprocedure*|bedrijfscontinuiteit*|crisisplan*|crisiscel|rampenplan*|uitvalprocedure*|noodwerking|noodmodus",
		"stand alone modus|stand alone|standalone|manuele registratie|manueel|manuele",
		"notfallplan*|notbetrieb*|notfallbetrieb*|notfallverfahren*|notfallmodus|notfallkonzept*|ausfallkonzept*|ausfallverfahren*|krisenstab|notfallprozedur*|manuell*",
		"degraded mode|degraded operation*|business continuity|continuity plan*|continuity procedure*|contingency*|emergency plan*|emergency procedure*",
		"fallback procedure*|fallback plan*|downtime procedure*|manual procedure*|manual mode|manual transcription|crisis plan*|crisis cell|crisis team",
	}},
	{gResponse, "subcontracting", modeEvent, []string{
		"sous trait*|soustrait*", "laboratoire* partenaire*|labo partenaire*|autre* (labo|labos|laboratoire*)|laboratoire* voisin*|laboratoire* externe*|laboratoires du reseau",
		"envo*|transfer*|adress*|confie* & au laboratoire|aux laboratoires|a un laboratoire|vers un laboratoire|au labo|a un labo",
		"onderaanneming|uitbeste*|partnerlabo*|ander* (labo|labos|laboratori*)|extern* labo|naburig* labo*|bevriend* labo*",
		"unterauftrag*|fremdlabor*|partnerlabor*|andere* (labor|labore|laboren|labors|laboratorien)|externes labor|externe labor|ausgelagert|fremdvergabe|nachbarlabor*",
		"subcontract*|outsourc*|partner laborator*|partner lab|(another|other) (lab|labs|laborator*)|external laborator*|referral laborator*|reference laborator*|neighbouring laborator*|neighboring laborator*",
		"sent|referred|shipped|transferred|forwarded & laboratory|laboratories|lab|labs",
		"naar labo|naar het labo|naar een labo|naar het laboratorium|naar twee labo*|naar drie labo*|naar andere labo*|aan twee labo*|aan drie labo*|aan andere labo*",
		"an das labor|ans labor|an ein labor|an zwei labor*|an andere labor*|to the laboratory of|to another laboratory|to other laboratories",
	}},
	{gResponse, "paper", modeEvent, []string{
		"papier*|papieren|paper", "formulaire* papier|sur papier|op papier|auf papier|on paper",
		"manuscrit*|handgeschreven|handschriftlich*|handwritten|a la main|met de hand|per hand|by hand",
		"imprime*|afgedrukt|afdrukken|afdruk*|ausgedruckt|ausdruck*|printed|print out*|printouts",
		// Results faxed are paper reports; a warning sent by fax is not.
		// (The rare part first: a rule is tried at each hit of its first.)
		"fax|faxes|faxed|faxen|gefaxt|telefax|faxe* & befund*|resultat*|result|results|resultaten|uitslagen|verslagen|rapport*|report|reports|protocol*|demandes|aanvragen|auftrage",
	}},
	{gResponse, "backup_restore", modeEvent, []string{
		"restaur*|restor*|wiederherstell*|wiederhergestell*|recuper*|rucksicher*|zuruckgesichert",
		"herstel*|teruggezet|terugzetten|teruggeplaatst|terugplaatsen|zuruckgespielt|zuruckgesetzt|recovered|recovery|rebuilt|rebuild*|reconstruit*|reconstruction|reconstrui*|herbouwd|heropgebouwd|herinstall*|reinstall*|neuaufbau|wiederaufbau|neu aufgesetzt & sauvegarde*|backup*|back up*|sicherung*|datensicherung*|bandsicherung*|bande*|tape*|copie*|kopie*|snapshot*",
	}},
	{gResponse, "isolation", modeEvent, []string{
		"*isol*", "fermeture & acces*|port*|connexion*|vpn|rdp|reseau", "deconnect*|deconnex*|debranch*|coupure*|coupe|coupes|couper|coupons|sectionn*|arret|mis hors ligne|hors ligne|mise hors ligne|hors reseau|quarantaine",
		"afgesloten & netwerk*|internet|server*|pc*|systemen|toestel*|verbinding*", "losgekoppeld|loskoppelen|afgekoppeld|afkoppelen|offline gehaald|offline gezet|van het netwerk|van het internet|uitgeschakeld|verbroken|platgelegd|uitgezet",
		"getrennt|trennung|vom netz|abgeschaltet|abschaltung|heruntergefahren|abgeklemmt|offline genommen|vom internet",
		"retire* du reseau|retire* d internet|sorti* du reseau|uit het netwerk gehaald|removed from the network|pulled from the network|vom netzwerk genommen|disconnect*|shut down|shutdown|taken offline|cut off|unplugged|switched off|quarantin*|contain*",
	}},
	{gResponse, "external_help", modeEvent, []string{
		// The national CERT by its names, never "cert*": that would take
		// "certains automates", "certification ISO 15189", "certificaat".
		"ccb", "cert|certbe|certs|csirt|cirt|safeonweb|enisa",
		"centre pour la cybersecurite|centrum voor cybersecurity|zentrum fur cybersicherheit|centre for cybersecurity|cybersecurity centre",
		"centre for cyber security|centre for cyber security belgium|cyber security centre|cybersecurite belgique|cybersecurity belgie|cybersecurity belgium",
		"computer emergency response team|computer security incident response team|bundesamt fur sicherheit in der informationstechnik",
		"societe* specialisee*|firme* specialisee*|entreprise* specialisee*|prestataire* de securite|equipe* d intervention|reponse (aux|a) incident*",
		"incident response|incident respons*|incidentrespons*|incident handling|forensi*|forensisch*|forensic*",
		"cyber security (firm|firms|company|companies|specialist*|expert*|consultant*|consultancy|partner)|(cybersecurity|security|cyber) (firm|firms|company|companies|specialist*|expert*|consultant*|consultancy|partner)|cybersecuritybedrijf*|securitybedrijf*|beveiligingsbedrijf*|beveiligingsfirma*|*sicherheitsfirma|sicherheitsunternehm*|*sicherheitsdienstleister|(entreprise|societe|firme|expert*|specialiste*) (en|de) cybersecurite",
		"extern* (firma|bedrijf|partner|team|expert*|consultant*|specialist*|dienstleister*|sicherheitsfirma|spezialist*|incident*)",
		"external (firm|company|team|partner|expert*|consultant*|specialist*|help|support|incident*)",
		"gespecialiseerd* (firma|bedrijf|team)|spezialisiert* (firma|dienstleister|unternehmen)|specialised (firm|company|team)|specialized (firm|company|team)",
		"societe* de maintenance|societe* de services informatiques|prestataire* informatique*|onderhoudsfirma|onderhoudsbedrijf|wartungsfirma|systemhaus|edv dienstleister|edv firma|edv betreuer|systembetreuer|maintenance (company|firm|contractor)|it firma|ict firma|it bedrijf|ict bedrijf|it company|it firm|societe informatique|firme informatique|isp|internet provider|internetprovider|fournisseur d acces|operateur",
		"fabricant*|constructeur*|fabrikant*|manufacturer*|editeur|fournisseur*|prestataire*|hebergeur|assureur|leverancier*|it partner|ict partner|verzekeraar|hersteller*|dienstleister*|lieferant*|*anbieter|aanbieder*|versicherung*|vendor*|supplier*|provider*|insurer|contractor*",
		"envoy* & technicien*|ingenieur*", "stuurde|gestuurd|kwam & technicus|technieker|ingenieur", "schickte|geschickt|kam & techniker*|ingenieur*", "sent|came & technician*|engineer*",
		"avec l aide|avec l appui|avec le soutien|met de hulp|met hulp|met ondersteuning|ondersteuning door|unterstutzung (des|eines|durch|von)|mit hilfe|with the help|with the support|assisted by|nous ont assist*|bijgestaan|unterstutzt",
	}},
	{gResponse, "police_report", modeEvent, []string{
		"police*|politie*|polizei*|gendarmerie", "plainte*|aangifte|strafanzeige", "anzeige & erstattet|polizei", "pv|proces verbal|proces verbaal",
		"lkri|lka|bka|fccu|rccu|ccu|computer crime unit|parquet|parket|staatsanwalt*|prosecutor",
		"complaint & filed|lodged|police",
	}},
	{gResponse, "password_reset", modeEvent, []string{
		"mot* de passe & chang*|modifi*|reinitialis*|renouvel*|reset*|remplac*|nouveau*|nouveaux",
		"*wachtwoord*|*paswoord* & gewijzigd|gereset|reset|veranderd|vernieuwd|aangepast|wijzigen|opnieuw|nieuwe|nieuw",
		"*passwort*|*passworter|*kennwort* & geandert|zuruckgesetzt|erneuert|reset|neu|ausgetauscht|anderung|andern|zurucksetzen",
		"*password* & changed|reset|renewed|rotated|change|changes|new|resetting",
		"reset* & password*|wachtwoord*|mot*|passwort*|passworter|paswoord*|credentials|compte*|account*|identifiants",
		"reinitialisation|resets",
	}},
}
