#!/usr/bin/env python3
"""Build the holdout3 corpus: 14 replies to the Sciensano-AC-2021-04 letter (fr 5, nl 5,
de 1, en 1, a Dutch auto-reply and an unrelated mail) and truth.json (shared/CONTRACT.md).

usage: python3 make.py   (writes next to itself; deterministic; standard library only)

Answers are marked inline as [[a:...]] .. [[e:...]] in each body source; the markers are
stripped before encoding and their content (HTML rendered to text, whitespace collapsed)
becomes the section truth. After writing, every file is re-parsed with the email package
and every truth span must occur in the decoded text of the message.
"""
import base64, html, json, os, quopri, re
import email, email.policy
from email.header import Header
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"\[\[([a-e]):(.*?)\]\]", re.S)


def unmark(s):
    return re.sub(r"\[\[[a-e]:|\]\]", "", s)


class _Text(HTMLParser):
    BLOCK = {"p", "div", "tr", "table", "ul", "ol", "blockquote", "h1", "h2", "h3", "hr"}
    SKIP = {"head", "style", "script", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip -= 1
        elif tag in self.BLOCK or tag in ("li", "td", "th"):
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(s):
    p = _Text()
    p.feed(s)
    p.close()
    return "".join(p.out)


def norm(s):
    return " ".join((s or "").split())


def spans(src, is_html):
    out = {k: [] for k in "abcde"}
    for k, v in MARK.findall(src):
        out[k].append(norm(html_text(v) if is_html else v))
    return {k: " ".join(v) for k, v in out.items()}


def enc_hdr(value, charset):
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, charset).encode()


def body_bytes(text, charset, cte, crlf):
    text = unmark(text)
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode(charset)
    if cte == "quoted-printable":
        out = quopri.encodestring(data)
    elif cte == "base64":
        out = base64.encodebytes(data)
    else:
        out = data
    if crlf:
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return out


def leaf(ctype, text, charset, cte, crlf, params=""):
    h = f"Content-Type: {ctype}; charset=\"{charset}\"{params}\nContent-Transfer-Encoding: {cte}\n"
    return h, body_bytes(text, charset, cte, crlf)


def build(headers, parts, crlf=False, boundary=None, multi="alternative"):
    """headers: list of (name, value) already encoded; parts: list of (hdr, body)."""
    nl = "\r\n" if crlf else "\n"
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    if len(parts) == 1:
        h, b = parts[0]
        top = (head + "MIME-Version: 1.0\n" + h + "\n").replace("\n", nl).encode("ascii")
        return top + b
    top = head + f"MIME-Version: 1.0\nContent-Type: multipart/{multi};\n\tboundary=\"{boundary}\"\n\n"
    out = top.replace("\n", nl).encode("ascii")
    for h, b in parts:
        out += f"--{boundary}\n{h}\n".replace("\n", nl).encode("ascii") + b
    out += f"--{boundary}--\n".replace("\n", nl).encode("ascii")
    return out


FR_LETTER = """Cher(e)s collègues,

Dans le courant des mois de décembre 2020 et janvier 2021, plusieurs centres hospitaliers et laboratoires ont été victimes d'une cyber-attaque. En conséquence, l'unité de lutte contre la criminalité informatique (Computer Crime Unit) de la police fédérale a ouvert une enquête.

Afin d'évaluer les causes possibles et l'impact que ces attaques ont pu avoir sur l'activité des laboratoires médicaux, si votre laboratoire est concerné, nous vous prions de nous communiquer les informations suivantes (si votre laboratoire est concerné) :

- a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates
- b) Les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités,
- c) les actions correctives immédiates qui ont été prises pour garantir la sécurité des données et la continuité des activités du laboratoire (application d'un plan dégradé, sous-traitance de certaines analyses...),
- d) les mesures préventives prises par le laboratoire, ou par l'institution hospitalière, pour éviter ou limiter l'impact de ce type d'attaque à l'avenir,
- e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de plainte ou de non-conformité),

Si votre laboratoire devait être victime de telles attaques à l'avenir, veuillez nous en informer et nous fournir au moins les informations énumérées dans cette lettre, y compris une personne de contact.

Les informations demandées peuvent être transmises directement au secrétariat du service Qualité des Laboratoires QL_secretariat@sciensano.be avec en objet du mail « Cyber attaque – labo xxxxx ». Cette communication respectera la confidentialité liée à l'incident signalé.

Très cordialement,

Dr Arnaud Capron
Chef de service Qualité des Laboratoires
Tél. : +32 2 642 53 97
E-mail : arnaud.capron@sciensano.be
"""

NL_LETTER = """Geachte collega's,

In de maanden december 2020 en januari 2021 zijn verschillende ziekenhuizen en laboratoria het slachtoffer geworden van een cyberaanval. Naar aanleiding hiervan, heeft de eenheid computercriminaliteit (Computer Crime Unit (CCU)) van de federale politie een onderzoek ingezet.

Om na te gaan wat de mogelijke oorzaken waren en welk effect deze aanvallen op de activiteiten van de medische laboratoria hebben gehad, wordt u verzocht (indien betrokken) ons de volgende informatie te verstrekken:

- a) De vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben
- b) De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten,
- c) De onmiddellijke, corrigerende maatregelen die werden ondernomen om de veiligheid van de gegevens en de continuïteit van de laboratoriumactiviteiten te waarborgen (toepassing van een noodplan, onderaanneming van bepaalde analyses...),
- d) De preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken,
- e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).

Mocht uw laboratorium in de toekomst het slachtoffer worden van dergelijke aanvallen, dan verzoeken wij u ons op de hoogte te brengen en ons ten minste de in deze brief genoemde gegevens te bezorgen, met inbegrip van een contactpersoon.

De gevraagde informatie kan rechtstreeks worden toegezonden aan het secretariaat van de dienst Kwaliteit van Laboratoria (QL_secretariat@sciensano.be) met als onderwerp "Cyberaanval – labo xxxxx".

Met de meeste hoogachting,

Dr Arnaud Capron
Diensthoofd Kwaliteit van Laboratoria, Sciensano
Tel.: +32 2 642 53 97
"""


def html_paras(text):
    """Plain text to Outlook-ish HTML paragraphs, keeping markers."""
    out = []
    for ln in text.split("\n"):
        if ln.strip():
            out.append(f'<p class="MsoNormal">{html.escape(ln, quote=False)}<o:p></o:p></p>')
        else:
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    return "\n".join(out)


OUTLOOK_HEAD = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={cs}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}}
span.EmailStyle17 {{mso-style-type:personal-reply;}}
--></style>
</head>
<body lang="{lang}" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
"""

MSGS = []


def add(file, raw_src, raw, truth, is_html=False):
    """raw_src: the marked source the truth spans come from."""
    if truth["kind"] == "report":
        truth["sections"] = spans(raw_src, is_html)
    MSGS.append((file, raw, truth))


def T(lab, lang, refs, contact, tags, down, note, review=False):
    name, mail, phone = contact
    return {"kind": "report", "lab": lab, "language": lang, "references": refs,
            "contact": {"name": name, "email": mail, "phone": phone},
            "tags": {g: sorted(tags.get(g, [])) for g in ("cause", "impact", "response", "prevention")},
            "downtime_days": down, "needs_review": review, "note": note}


# ------------------------------------------------------------------ fr-01
fr01 = """Bonjour Docteur Capron,

Suite à votre courrier du 15 février, voici les informations concernant l'attaque subie par notre laboratoire dans la nuit du 9 au 10 janvier 2021.

(a) Cause probable / méthode
[[a:Attaque par force brute sur un serveur RDP exposé sur Internet (port 3389 ouvert pour la télémaintenance d'un ancien logiciel de gestion des stocks). Une fois connectés, les pirates ont déployé le rançongiciel Egregor sur les serveurs Windows du site.]]

(b) Activités touchées
[[b:Le SIL a été chiffré et est resté indisponible pendant 5 jours. La connexion des automates au middleware était interrompue, de même que l'envoi des résultats aux médecins via Medibridge et eHealthBox. La facturation a été rattrapée par la suite.]]

(c) Mesures immédiates
[[c:Activation du plan dégradé : demandes et protocoles sur papier, résultats urgents communiqués par téléphone. Une partie des analyses spécialisées (sérologies, hormonologie) a été sous-traitée au laboratoire du CHU partenaire. Les serveurs ont été déconnectés du réseau et le SIL restauré à partir des sauvegardes sur bande avec l'aide de notre fournisseur. Plainte déposée auprès de la police fédérale (CCU).]]

(d) Prévention
[[d:VPN avec authentification à deux facteurs pour toute télémaintenance ; sauvegardes quotidiennes hors ligne ; segmentation du réseau (VLAN séparé pour les automates) ; installation d'un EDR sur tous les serveurs.]]

(e) Système qualité
[[e:Non-conformité NC/2021/007]]

Personne de contact : moi-même.

Bien cordialement,

Dr Sophie Vandamme
Directrice du laboratoire
Laboratoire de Biologie Clinique Vandamme-Lenoir
Tél. 071 33 48 20

"""
fr01_q = ("De : QL_secretariat <QL_secretariat@sciensano.be>\nEnvoyé : lundi 15 février 2021 14:02\n"
          "À : Vandamme Sophie <sophie.vandamme@labo-vl.be>\nObjet : Cyber attack de laboratoires médicaux et "
          "d'institutions hospitalières – Apprentissage continu.\n\n" + FR_LETTER)
t = fr01 + "-----Message d'origine-----\n" + fr01_q
h = (OUTLOOK_HEAD.format(cs="windows-1252", lang="FR-BE") + html_paras(fr01) +
     '\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n' +
     html_paras(fr01_q) + "\n</div>\n</div>\n</body>\n</html>\n")
raw = build([("From", "Vandamme Sophie <sophie.vandamme@labo-vl.be>"), ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
             ("Subject", enc_hdr("RE: Cyber attaque – labo 24817", "windows-1252")),
             ("Thread-Topic", enc_hdr("Cyber attaque – labo 24817", "windows-1252")),
             ("Date", "Tue, 23 Feb 2021 11:47:09 +0000"),
             ("Message-ID", "<DB7PR03MB41728E5A0C1E9F2B3D@DB7PR03MB4172.eurprd03.prod.outlook.com>"),
             ("Content-Language", "fr-BE")],
            [leaf("text/plain", t, "windows-1252", "quoted-printable", True),
             leaf("text/html", h, "windows-1252", "quoted-printable", True)],
            crlf=True, boundary="_000_DB7PR03MB41728E5A0C1E9F2B3D_")
add("fr-01.eml", fr01, raw, T("24817", "fr", ["NC/2021/007"], ("Sophie Vandamme", "sophie.vandamme@labo-vl.be", "071 33 48 20"),
    {"cause": ["remote_access", "ransomware"], "impact": ["lis", "analyzers", "results", "admin"],
     "response": ["degraded_mode", "paper", "subcontracting", "isolation", "backup_restore", "external_help", "police_report"],
     "prevention": ["mfa", "backup", "segmentation", "edr"]}, 5,
    "Outlook text+HTML, windows-1252 QP, CRLF; top-posted above the French letter under an Outlook '-----Message d'origine-----' + 'De : / Envoyé :' block (the letter's own a)-e) and Capron's details are not answers); invented '(a) Cause probable / méthode'-style labels on their own line; 'moi-même' = signer (title Dr dropped); RDP brute force + ransomware; '5 jours' = 5; billing 'rattrapée par la suite' => admin hit, no duration; brute force alone is not tagged credentials; vendor helped restore => external_help."))

# ------------------------------------------------------------------ fr-02
rows = [("Origine de l'incident",
         "[[a:Courriel d'hameçonnage imitant une page de connexion Microsoft 365, reçu le 2 février par une secrétaire médicale. Ses identifiants ont été saisis sur le faux site ; le pirate s'est ensuite connecté à sa boîte mail et a envoyé plusieurs centaines de messages frauduleux à nos prescripteurs.]]"),
        ("Services concernés",
         "[[b:Messagerie uniquement : la boîte de la secrétaire contenait des résultats envoyés à des médecins, l'attaquant a donc eu accès à des données de patients (notification faite à l'APD). Aucune interruption des activités analytiques.]]"),
        ("Actions immédiates",
         "[[c:Blocage du compte, réinitialisation du mot de passe de la secrétaire et de ceux de toute l'équipe administrative, message d'avertissement envoyé aux prescripteurs.]]"),
        ("Mesures préventives",
         "[[d:Double authentification (MFA) activée pour tous les comptes Microsoft 365 ; règles anti-phishing renforcées sur la passerelle de messagerie ; formation de sensibilisation obligatoire pour tout le personnel.]]"),
        ("Référence(s) qualité", "[[e:Incident qualité IQ-21-014]]"),
        ("Personne de contact", "Nathalie Renard, responsable qualité – 04 224 78 90 – nathalie.renard@labo-ourthe.be")]
cells = "\n".join(
    f'<tr>\n<td width="180" valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"><p class="MsoNormal"><b>{html.escape(k)}<o:p></o:p></b></p></td>\n'
    f'<td width="420" valign="top" style="border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt"><p class="MsoNormal">{html.escape(v, quote=False)}<o:p></o:p></p></td>\n</tr>'
    for k, v in rows)
fr02 = (OUTLOOK_HEAD.format(cs="iso-8859-15", lang="FR-BE") +
        '<p class="MsoNormal">Madame, Monsieur,<o:p></o:p></p>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
        '<p class="MsoNormal">Comme demandé dans votre courrier Sciensano-AC-2021-04, nous vous transmettons ci-dessous le résumé de l’incident qui a concerné notre laboratoire.<o:p></o:p></p>\n'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n'
        '<tr><td style="background:#D9E2F3;border:solid windowtext 1.0pt"><p class="MsoNormal"><b>Rubrique<o:p></o:p></b></p></td>'
        '<td style="background:#D9E2F3;border:solid windowtext 1.0pt;border-left:none"><p class="MsoNormal"><b>Réponse du laboratoire<o:p></o:p></b></p></td></tr>\n'
        + cells + "\n</table>\n"
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<p class="MsoNormal">Avec nos salutations distinguées,<o:p></o:p></p>\n'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<p class="MsoNormal"><b>Dr Xavier Collard<o:p></o:p></b></p>\n'
        '<p class="MsoNormal">Biologiste clinicien – Directeur<o:p></o:p></p>\n<p class="MsoNormal">Laboratoire de l’Ourthe – INAMI 8-26311-41-502<o:p></o:p></p>\n'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
        '<p class="MsoNormal"><span style="font-size:8.0pt;color:gray">Ce message et ses éventuelles pièces jointes sont confidentiels et destinés exclusivement à leur(s) destinataire(s). Si vous avez reçu ce message par erreur, merci d’en avertir l’expéditeur et de le supprimer. Toute utilisation non autorisée est interdite.<o:p></o:p></span></p>\n'
        "</div>\n</body>\n</html>\n")
fr02_enc = fr02.replace("’", "&#8217;").replace("–", "&#8211;")  # iso-8859-15 has neither
raw = build([("From", enc_hdr("Xavier Collard <x.collard@labo-ourthe.be>", "iso-8859-15")), ("To", "QL_secretariat@sciensano.be"),
             ("Subject", enc_hdr("Cyber attaque – labo 8-26311-41-502", "utf-8")),
             ("Date", "Fri, 26 Feb 2021 16:05:41 +0100"),
             ("Message-ID", "<AM6PR0402MB3448C2E81F0A7B9D4C@AM6PR0402MB3448.eurprd04.prod.outlook.com>"),
             ("X-MS-Has-Attach", ""), ("Content-Language", "fr-BE")],
            [leaf("text/html", fr02_enc, "iso-8859-15", "quoted-printable", True)], crlf=True)
add("fr-02.eml", fr02, raw, T("8-26311-41-502", "fr", ["IQ-21-014"], ("Nathalie Renard", "nathalie.renard@labo-ourthe.be", "04 224 78 90"),
    {"cause": ["phishing", "credentials"], "impact": ["email", "data_breach"], "response": ["password_reset"],
     "prevention": ["mfa", "email_filtering", "training"]}, 0,
    "HTML-only Outlook in iso-8859-15 QP (curly apostrophes and en dashes as numeric entities since the charset lacks them); 2-column table with a header row 'Rubrique / Réponse du laboratoire' and paraphrased topic cells, no letters; INAMI-number lab; contact row names the quality manager (not the sender); phishing => stolen M365 credentials, mailbox data exposed; 'Aucune interruption des activités analytiques' => 0; confidentiality disclaimer."), is_html=True)

# ------------------------------------------------------------------ fr-03
fr03 = """Bonjour,

A. [[a:clé USB d'un technicien de la firme de maintenance, infectée par un virus]]
B. [[b:1 automate d'hémato HS une demi-journée]]
C. [[c:automate débranché du réseau, échantillons passés sur l'automate de secours]]
D. [[d:cf. supra + EDR installé sur les PC des automates]]
E. [[e:néant]]

Dr M. Lambert

Envoyé depuis mon smartphone Samsung Galaxy.
"""
raw = build([("From", "Marc Lambert <marc.lambert@biolab-famenne.be>"), ("To", "QL_secretariat@sciensano.be"),
             ("Subject", "Re: Cyber attaque - labo 53208"), ("Date", "Sat, 20 Feb 2021 08:31:55 +0100"),
             ("Message-ID", "<a1f2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d@email.android.com>")],
            [leaf("text/plain", fr03, "utf-8", "base64", False)])
add("fr-03.eml", fr03, raw, T("53208", "fr", [], ("M. Lambert", "marc.lambert@biolab-famenne.be", ""),
    {"cause": ["malware", "supplier"], "impact": ["analyzers"], "response": ["isolation"], "prevention": ["edr"]}, 0.5,
    "Terse Android reply in base64 UTF-8: capital 'A.'..'E.' labels, one line each; d) starts with 'cf. supra' and e) 'néant' (kept as written, no reference); ASCII hyphen in subject; infected USB key of a maintenance firm's technician => supplier + malware; 'une demi-journée' = 0.5; contact is the signer (initial only)."))

# ------------------------------------------------------------------ fr-04
fr04_inner = """Chère Madame Goffaux,

Voici le texte pour Sciensano, à transmettre au nom du Dr Hennaux. Désolé pour le retard, l'audit externe nous a occupés toute la semaine.

Question a – Origine de l'attaque
[[a:L'attaque est passée par notre fournisseur du logiciel de laboratoire. Les identifiants de son compte de télémaintenance (TeamViewer) avaient été volés chez ce fournisseur ; le 18 janvier vers 2 h du matin, les pirates se sont connectés à notre serveur SIL avec ce compte, ont désactivé l'antivirus puis lancé le rançongiciel Ryuk sur les serveurs accessibles.]]

Question b – Conséquences pour le laboratoire
[[b:Le SIL a été totalement indisponible pendant 72 heures :]]
[[b:- plus d'encodage électronique des demandes ni d'impression des étiquettes ;]]
[[b:- les automates fonctionnaient en mode autonome, sans transfert des résultats ;]]
[[b:- aucune transmission électronique des résultats vers les unités de soins et les médecins traitants ;]]
[[b:- la facturation et l'enregistrement des patients ambulatoires à l'accueil ont été arrêtés.]]

[[b:Les prélèvements des centres périphériques ont été suspendus le premier jour.]]

Question c – Actions immédiates
[[c:Dès la détection, nous avons :]]
[[c:- déconnecté le réseau du laboratoire du reste de l'hôpital et d'Internet ;]]
[[c:- appliqué notre plan dégradé (bons de demande papier, résultats urgents dictés par téléphone et rapports imprimés) ;]]
[[c:- sous-traité la microbiologie non urgente au laboratoire d'un hôpital voisin ;]]
[[c:- fait appel à une société spécialisée en réponse à incident et prévenu le CCB ;]]
[[c:- restauré le SIL depuis la sauvegarde de la veille une fois l'environnement assaini ;]]
[[c:- déposé plainte auprès de la police.]]

Question d – Prévention
[[d:Authentification multifacteur obligatoire pour tout accès distant, y compris celui des fournisseurs. Les fournisseurs passent désormais par un bastion qui enregistre les sessions et n'est ouvert qu'à la demande. Le réseau du laboratoire est isolé dans sa propre zone derrière un pare-feu, et une copie immuable des sauvegardes est conservée hors site.]]

Question e – Enregistrement qualité
[[e:NC-LAB-2021-019 (non-conformité) et RCL-21-002 (réclamation d'un prescripteur)]]

Personne de contact : M. Pierre Dumont, responsable informatique, 065 39 12 80, pierre.dumont@chvs.be

Pierre Dumont
Responsable du service informatique
Centre Hospitalier du Val de Sambre
"""
fr04 = ("Bonjour,\n\nVeuillez trouver ci-dessous la réponse de notre laboratoire à votre courrier du 15 février.\n\n"
        "Bien à vous,\n\nCatherine Goffaux\nSecrétariat de direction – Laboratoire de biologie clinique\n"
        "Centre Hospitalier du Val de Sambre\n\n"
        "---------- Forwarded message ---------\nDe : Pierre Dumont <pierre.dumont@chvs.be>\n"
        "Date: ven. 5 mars 2021 à 17:48\nSubject: texte pour Sciensano\nTo: Catherine Goffaux <catherine.goffaux@chvs.be>\n"
        "Cc: Hennaux Didier <didier.hennaux@chvs.be>\n\n\n" + fr04_inner)
fr04_html = ('<div dir="ltr">' + "".join(
    f"<div>{html.escape(ln, quote=False) if ln else '<br>'}</div>" for ln in fr04.split("\n")) + "</div>\n")
raw = build([("From", "Catherine Goffaux <catherine.goffaux@chvs.be>"),
             ("Date", "Mon, 8 Mar 2021 09:12:30 +0100"),
             ("Message-ID", "<CAJx7q2nVt5pHk8sPq3Lr+Z0mWx1YdKf9Rg@mail.gmail.com>"),
             ("Subject", enc_hdr("Fwd: Cyber attaque – labo Centre Hospitalier du Val de Sambre", "utf-8")),
             ("To", "QL_secretariat@sciensano.be")],
            [leaf("text/plain", fr04, "utf-8", "base64", False),
             leaf("text/html", fr04_html, "utf-8", "base64", False)],
            boundary="000000000000b4e1a205bcf0a7c2")
add("fr-04.eml", fr04, raw, T("Centre Hospitalier du Val de Sambre", "fr", ["NC-LAB-2021-019", "RCL-21-002"],
    ("Pierre Dumont", "pierre.dumont@chvs.be", "065 39 12 80"),
    {"cause": ["supplier", "remote_access", "credentials", "ransomware"], "impact": ["lis", "analyzers", "results", "admin"],
     "response": ["isolation", "degraded_mode", "paper", "subcontracting", "external_help", "backup_restore", "police_report"],
     "prevention": ["mfa", "access_control", "monitoring", "segmentation", "backup"]}, 3,
    "Gmail forward by a secretary (text+HTML, both base64): the report is the forwarded IT manager's text under '---------- Forwarded message ---------' with mixed French/English header names; 'Question a – Origine de l'attaque' paraphrased headings; b) and c) are intro lines plus '-' lists; hospital-name lab; two references with parenthesised kinds; contact line names the IT manager (not the sender, title 'M.' dropped); stolen vendor TeamViewer credentials => supplier+remote_access+credentials; '72 heures' = 3."))

# ------------------------------------------------------------------ fr-05
fr05 = """Bonjour,

Nos réponses sont insérées ci-dessous.

Le 16/02/2021 à 10:12, QL_secretariat a écrit :
> Cher(e)s collègues,
>
> Afin d'évaluer les causes possibles et l'impact que ces attaques ont pu
> avoir sur l'activité des laboratoires médicaux, si votre laboratoire est
> concerné, nous vous prions de nous communiquer les informations suivantes
> (si votre laboratoire est concerné) :
>
> - a) la cause probable de l'attaque et la méthode prétendument utilisée
> par les pirates

[[a:Exploitation d'une faille connue de notre VPN Fortinet (CVE-2018-13379), dont le correctif n'avait pas été appliqué. Les identifiants VPN de plusieurs utilisateurs ont ainsi été récupérés et un accès a été tenté le 27 janvier. La connexion suspecte a été repérée par notre système de surveillance.]]

> - b) Les activités/services impactées et une description succincte de
> la manière dont cet attentat a affecté ces activités,

[[b:Aucune interruption de l'activité du laboratoire. Seul le VPN a été coupé par précaution, ce qui a empêché le télétravail des secrétaires pendant la remise en service.]]

> - c) les actions correctives immédiates qui ont été prises pour garantir
> la sécurité des données et la continuité des activités du laboratoire
> (application d'un plan dégradé, sous-traitance de certaines analyses...),

[[c:Coupure du VPN, mise à jour du firmware du pare-feu, réinitialisation de tous les mots de passe VPN.]]

> - d) les mesures préventives prises par le laboratoire, ou par
> l'institution hospitalière, pour éviter ou limiter l'impact de ce type
> d'attaque à l'avenir,

[[d:voir c). Un audit externe de la configuration du pare-feu est prévu en avril.]]

> - e) la, ou les références, du ou des enregistrement(s) de cet événement
> dans votre système qualité (sous forme de plainte ou de non-conformité),

[[e:pas encore enregistré, sera ouvert en NC]]

> Si votre laboratoire devait être victime de telles attaques à l'avenir,
> veuillez nous en informer et nous fournir au moins les informations
> énumérées dans cette lettre, y compris une personne de contact.

Julien Marchal, responsable IT, julien.marchal@labo-meuse.be, 081 72 40 15

> Très cordialement,
>
> Dr Arnaud Capron
> Chef de service Qualité des Laboratoires

-- 
Claire Dethy
Pharmacien biologiste – Laboratoire de la Meuse
"""
raw = build([("Message-ID", "<6b0e1f7a-3c2d-4e59-8a71-0f9d2c4b8e13@labo-meuse.be>"),
             ("Date", "Wed, 17 Feb 2021 15:22:04 +0100"),
             ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.7.1"),
             ("Subject", enc_hdr("Re: Cyber attauqe – labo 61144", "utf-8")),
             ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
             ("From", "Claire Dethy <claire.dethy@labo-meuse.be>"),
             ("Content-Language", "fr")],
            [leaf("text/plain", fr05.replace("–", "-"), "iso-8859-15", "8bit", False, params="; format=flowed")])
add("fr-05.eml", fr05.replace("–", "-"), raw, T("61144", "fr", [], ("Julien Marchal", "julien.marchal@labo-meuse.be", "081 72 40 15"),
    {"cause": ["vulnerability", "credentials", "remote_access"], "impact": ["network"], "response": ["isolation", "password_reset"],
     "prevention": ["audit"]}, 0,
    "Thunderbird 8bit iso-8859-15 format=flowed: answers typed between the '> '-quoted questions of the letter (quoted text is not an answer, wrapped question lines); typo 'attauqe' in the subject; d) starts with the non-answer 'voir c)'; e) no reference; contact written after the quoted 'personne de contact' paragraph (the IT manager, not the signer); 'Aucune interruption de l'activité' => 0; '-- ' signature."))

# ------------------------------------------------------------------ nl-01
nl01 = """Geachte dokter Capron,

In antwoord op uw schrijven van 15 februari bezorgen wij u hieronder de gevraagde gegevens over de aanval van 3 januari.

Ad a) [[a:Een medewerker van de administratie opende een phishingmail met een link naar een vals pakjesbericht. Via die werkpost raakten de aanvallers binnen; na enkele dagen werd de ransomware Conti uitgerold op de servers en de gedeelde schijven.]]

Ad b) [[b:Het LIS was 4 dagen volledig onbeschikbaar. Ook de koppeling met de analysetoestellen en de elektronische verzending van resultaten naar de huisartsen (Medibridge) lagen stil.]]

Ad c) [[c:Het noodplan van het labo werd opgestart: papieren aanvraagformulieren en handgeschreven verslagen. Niet-dringende analyses werden doorgestuurd naar het labo van een partnerziekenhuis. Het netwerk werd losgekoppeld van internet, het LIS werd teruggezet vanaf de back-up en het CCB en een extern incident-responsteam werden ingeschakeld. Er werd klacht neergelegd bij de federale politie.]]

Ad d) [[d:EDR op alle servers en werkposten, offline back-ups, tweestapsverificatie voor alle externe toegang en een opleiding rond phishing voor alle medewerkers.]]

Ad e) [[e:NC 21-038 en klacht K-2021-004]]

Contactpersoon: ondergetekende.

Met collegiale groeten,

Dr. Pieter Verhaegen
Klinisch bioloog – laboratoriumdirecteur
AZ Sint-Rembert Torhout – Klinisch Labo
T 050 23 21 11
"""
nl01_q = ("Van: QL_secretariat <QL_secretariat@sciensano.be>\nVerzonden: maandag 15 februari 2021 14:05\n"
          "Aan: Verhaegen Pieter <pieter.verhaegen@azsr.be>\nOnderwerp: Cyberaanval op medische laboratoria en ziekenhuisinstellingen\n\n"
          + NL_LETTER)
h = (OUTLOOK_HEAD.format(cs="windows-1252", lang="NL-BE") + html_paras(nl01) +
     '\n<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n' +
     html_paras(nl01_q) + "\n</div></div>\n</div>\n</body>\n</html>\n")
raw = build([("From", "Verhaegen Pieter <pieter.verhaegen@azsr.be>"), ("To", "\"QL_secretariat\" <QL_secretariat@sciensano.be>"),
             ("Subject", enc_hdr("Antw: Cyberaanval – labo 35061", "windows-1252")),
             ("Date", "Mon, 1 Mar 2021 10:03:17 +0000"),
             ("Message-ID", "<VI1PR06MB5917A3B2C4D5E6F7@VI1PR06MB5917.eurprd06.prod.outlook.com>"),
             ("Accept-Language", "nl-BE, en-US"), ("Content-Language", "nl-BE")],
            [leaf("text/html", h, "windows-1252", "quoted-printable", True)], crlf=True)
add("nl-01.eml", nl01, raw, T("35061", "nl", ["NC 21-038", "K-2021-004"], ("Pieter Verhaegen", "pieter.verhaegen@azsr.be", "050 23 21 11"),
    {"cause": ["phishing", "ransomware"], "impact": ["lis", "analyzers", "results"],
     "response": ["degraded_mode", "paper", "subcontracting", "isolation", "backup_restore", "external_help", "police_report"],
     "prevention": ["edr", "backup", "mfa", "training"]}, 4,
    "HTML-only Outlook, windows-1252 QP, CRLF; 'Antw:' prefix; 'Ad a)'..'Ad e)' labels with the answer on the same line; top-posted above the Dutch letter (Van:/Verzonden: block inside an Outlook border div) whose a)-e) list is not an answer; two references 'NC 21-038' (with a space) and 'K-2021-004'; 'ondergetekende' = the signer (title 'Dr.' dropped); '4 dagen' = 4."), is_html=True)

# ------------------------------------------------------------------ nl-02
nl02 = """Ons labo werd niet getroffen.

a) [[a:nvt]]
b) [[b:geen impact, geen onderbreking]]
c) [[c:nvt]]
d) [[d:MFA en offline back-ups waren al in voege]]
e) [[e:nvt]]

Mvg
Koen Maes

Verzonden vanuit Outlook voor Android
"""
raw = build([("From", "Koen Maes <koen.maes@labo-maes-dewitte.be>"), ("To", "QL_secretariat@sciensano.be"),
             ("Subject", "RE: cyberaanval - labo 42290"), ("Date", "Thu, 18 Feb 2021 19:40:12 +0000"),
             ("Message-ID", "<HE1PR0801MB2123F0E1D2C3B4A5@HE1PR0801MB2123.eurprd08.prod.outlook.com>")],
            [leaf("text/plain", nl02, "utf-8", "quoted-printable", False)])
add("nl-02.eml", nl02, raw, T("42290", "nl", [], ("Koen Maes", "koen.maes@labo-maes-dewitte.be", ""),
    {"impact": ["none"], "prevention": ["mfa", "backup"]}, 0,
    "Terse Outlook-for-Android reply from a lab that was not hit: 'nvt' non-answers kept as written; lower-case subject with ASCII hyphen and 'RE:'; 'geen impact, geen onderbreking' => impact none and downtime 0; d) lists measures already in place (mfa, backup); contact is the signer."))

# ------------------------------------------------------------------ nl-03
nl03_rows = [("a", "Oorzaak",
              ["[[a:Phishingmail met een Word-bijlage die zogezegd van een leverancier kwam. De macro installeerde de malware Qakbot op een pc van het secretariaat.]]"]),
             ("b", "Getroffen diensten",
              ["[[b:Het ziekenhuisnetwerk werd gedurende ongeveer 8 uur platgelegd, waardoor ook de IP-telefonie en de e-mail niet werkten.]]",
               "[[b:Het LIS zelf bleef beschikbaar op de werkposten in het labo.]]"]),
             ("c", "Onmiddellijke maatregelen",
              ["[[c:Besmette pc van het netwerk gehaald en opnieuw geïnstalleerd; wachtwoorden van alle gebruikers van het secretariaat gewijzigd.]]"]),
             ("d", "Preventie",
              ["[[d:Macro's in bijlagen van externe afzenders worden voortaan geblokkeerd.]]",
               "[[d:Jaarlijkse phishingsimulatie en opleiding.]]"]),
             ("e", "Kwaliteitssysteem", ["[[e:Incidentmelding IM/2021/0031]]"])]
nl03_txt = ("Beste,\n\nIn bijlage… nee, hieronder in de tabel onze antwoorden.\n\nVraag\tOnderwerp\tAntwoord\n" +
            "".join(f"{k}\t{t}\t" + "\n\t\t".join(v) + "\n" for k, t, v in nl03_rows) +
            "\nContactpersoon: Els Wouters, kwaliteitscoördinator, 011 83 55 20\n\nVriendelijke groeten,\nEls Wouters\nAZ Kempenland – Klinisch Laboratorium\n")
nl03_html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
             "<body style=\"word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;\">"
             "<div>Beste,</div><div><br></div><div>In bijlage… nee, hieronder in de tabel onze antwoorden.</div><div><br></div>"
             "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse: collapse;\"><tr><th>Vraag</th><th>Onderwerp</th><th>Antwoord</th></tr>" +
             "".join(f"<tr><td>{k}</td><td>{t}</td><td>" + "<br>".join(html.escape(x, quote=False) for x in v) + "</td></tr>" for k, t, v in nl03_rows) +
             "</table><div><br></div><div>Contactpersoon: Els Wouters, kwaliteitscoördinator, 011 83 55 20</div><div><br></div>"
             "<div>Vriendelijke groeten,</div><div>Els Wouters</div><div>AZ Kempenland – Klinisch Laboratorium</div></body></html>\n")
raw = build([("From", "Els Wouters <els.wouters@azkempenland.be>"),
             ("Subject", enc_hdr("Cyberaanval – labo AZ Kempenland", "utf-8")),
             ("Message-Id", "<9F3C1B2A-7D4E-4B6A-A1C2-3E5F7A9B0C1D@azkempenland.be>"),
             ("Date", "Wed, 24 Feb 2021 13:18:44 +0100"), ("To", "QL_secretariat@sciensano.be"),
             ("X-Mailer", "Apple Mail (2.3654.60.0.2.21)")],
            [leaf("text/plain", nl03_txt, "utf-8", "quoted-printable", False),
             leaf("text/html", nl03_html, "utf-8", "quoted-printable", False)],
            boundary="Apple-Mail=_5B8E2C14-0D3A-4F6B-9E71-2A8C4D6F0B13")
add("nl-03.eml", nl03_txt, raw, T("AZ Kempenland", "nl", ["IM/2021/0031"], ("Els Wouters", "els.wouters@azkempenland.be", "011 83 55 20"),
    {"cause": ["phishing", "malware"], "impact": ["network", "phone", "email"], "response": ["isolation", "password_reset"],
     "prevention": ["email_filtering", "training"]}, 0.33,
    "Apple Mail text+HTML (UTF-8 QP): answers in a 3-column table (Vraag / Onderwerp / Antwoord) with bare letters 'a'..'e' in the first column; the text part renders it tab-separated with continuation lines indented by tabs; hospital-name lab; contact (sender = signer) given by a 'Contactpersoon:' line; 'ongeveer 8 uur' = 0.33; LIS explicitly not hit."))

# ------------------------------------------------------------------ nl-04
nl04 = """Geachte,

Hierbij melden wij, zoals gevraagd in uw brief van februari, een nieuwe cyberaanval op ons laboratorium (zaterdag 13 november 2021).

A. Oorzaak
[[a:Volgens de eerste analyse van onze IT-partner werd een niet-gepatchte kwetsbaarheid in de Exchange-server (ProxyShell) misbruikt. De aanvallers plaatsten een webshell en probeerden vervolgens met een beheerdersaccount andere servers te bereiken.]]

B. Impact
[[b:De aanval werd tijdens het weekend gedetecteerd. Om verdere verspreiding te voorkomen werden alle servers van het labo uitgeschakeld; daardoor:]]
[[b:* was het LIS 36 uur niet beschikbaar;]]
[[b:* konden de resultaten niet elektronisch naar de aanvragers verstuurd worden;]]
[[b:* was e-mail een week lang onbruikbaar (de Exchange-server werd volledig heropgebouwd).]]

[[b:Er zijn geen aanwijzingen dat patiëntgegevens werden buitgemaakt.]]

C. Genomen maatregelen
[[c:Servers uitgeschakeld en netwerk geïsoleerd, beroep gedaan op de incident-responsdienst van onze IT-partner, melding aan het CCB. Het labo werkte volgens de noodprocedure (papieren aanvragen, resultaten telefonisch doorgegeven). Het LIS werd teruggezet vanaf de back-up van vrijdagavond.]]

D. Preventie
[[d:Maandelijkse patchronde voor alle servers die vanaf het internet bereikbaar zijn; Exchange vervangen door Microsoft 365; 24/7 monitoring door een SOC.]]

E. Registratie
[[e:NCR-2021-112]]

Voor vragen kan u terecht bij ondergetekende.

Met vriendelijke groeten,

Apr. Lies Vandenbroucke
Kwaliteitsverantwoordelijke
Medisch Labo Mol-Geel
lies.vandenbroucke@mlmg.be - 014 58 12 34
"""
raw = build([("Date", "Tue, 16 Nov 2021 08:05:59 +0100"), ("From", "Lies Vandenbroucke <lies.vandenbroucke@mlmg.be>"),
             ("To", "QL_secretariat@sciensano.be"), ("Cc", "Labo Directie <directie@mlmg.be>"),
             ("Message-ID", "<3e1a9c2b-44f0-8d17-b5a6-7c90e1f2d3a4@mlmg.be>"),
             ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:91.0) Gecko/20100101 Thunderbird/91.3.0"),
             ("Subject", enc_hdr("Cyberaanval – labo RIZIV 8-45123-12-003", "utf-8")), ("Content-Language", "nl-BE")],
            [leaf("text/plain", nl04, "utf-8", "quoted-printable", True)], crlf=True)
add("nl-04.eml", nl04, raw, T("RIZIV 8-45123-12-003", "nl", ["NCR-2021-112"], ("Lies Vandenbroucke", "lies.vandenbroucke@mlmg.be", "014 58 12 34"),
    {"cause": ["vulnerability"], "impact": ["lis", "results", "email"],
     "response": ["isolation", "external_help", "degraded_mode", "paper", "backup_restore"],
     "prevention": ["patching", "monitoring"]}, 7,
    "Later notification (Nov 2021) of a new attack, not a reply: Thunderbird UTF-8 QP with CRLF; 'A. Oorzaak'..'E. Registratie' headings on their own line; b) is a paragraph + '*' list + a closing paragraph; several durations (LIS 36 uur, e-mail 'een week') => longest 7; lab written as 'RIZIV 8-45123-12-003' (kept as written); 'ondergetekende' = signer (title 'Apr.' dropped); ProxyShell => vulnerability."))

# ------------------------------------------------------------------ nl-05
RED = '<span style="color:#C00000">'
nl05 = (OUTLOOK_HEAD.format(cs="utf-8", lang="NL-BE") +
        '<p class="MsoNormal">Beste,<o:p></o:p></p>\n<p class="MsoNormal">Zie onze antwoorden in het rood in uw brief hieronder.<o:p></o:p></p>\n'
        '<p class="MsoNormal">Groeten,<o:p></o:p></p>\n<p class="MsoNormal">Bart Claes<o:p></o:p></p>\n<p class="MsoNormal">ICT-manager AZ Scheldeland<o:p></o:p></p>\n'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Van:</b> QL_secretariat &lt;QL_secretariat@sciensano.be&gt;<br><b>Verzonden:</b> maandag 15 februari 2021 14:05<br><b>Aan:</b> Labo AZ Scheldeland &lt;labo@azscheldeland.be&gt;<br><b>Onderwerp:</b> Cyberaanval op medische laboratoria en ziekenhuisinstellingen<o:p></o:p></p></div>\n'
        '<p class="MsoNormal">Geachte collega\'s,<o:p></o:p></p>\n'
        '<p class="MsoNormal">Om na te gaan wat de mogelijke oorzaken waren en welk effect deze aanvallen op de activiteiten van de medische laboratoria hebben gehad, wordt u verzocht (indien betrokken) ons de volgende informatie te verstrekken:<o:p></o:p></p>\n'
        '<ul style="margin-top:0cm">\n'
        '<li class="MsoNormal">a) De vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben<br>'
        f'{RED}[[a:Nog niet gekend. Het forensisch onderzoek door een externe firma loopt nog; er zijn aanwijzingen dat de aanvallers al weken aanwezig waren.]]</span></li>\n'
        '<li class="MsoNormal">b) De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten,<br>'
        f'{RED}[[b:Alle ziekenhuisapplicaties, dus ook het LIS en de aanrekening, waren 10 dagen niet beschikbaar. De toestellen werkten in stand-alone.]]</span></li>\n'
        '<li class="MsoNormal">c) De onmiddellijke, corrigerende maatregelen die werden ondernomen om de veiligheid van de gegevens en de continuïteit van de laboratoriumactiviteiten te waarborgen (toepassing van een noodplan, onderaanneming van bepaalde analyses...),<br>'
        f'{RED}[[c:Noodplan met papieren aanvragen; resultaten telefonisch en per koerier. Een deel van de routine werd uitbesteed aan twee andere labo\'s.]]</span></li>\n'
        '<li class="MsoNormal">d) De preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken,<br>'
        f'{RED}[[d:Wordt bepaald na het forensisch rapport.]]</span></li>\n'
        '<li class="MsoNormal">e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).<br>'
        f'{RED}[[e:/]]</span></li>\n</ul>\n'
        '<p class="MsoNormal">Mocht uw laboratorium in de toekomst het slachtoffer worden van dergelijke aanvallen, dan verzoeken wij u ons op de hoogte te brengen en ons ten minste de in deze brief genoemde gegevens te bezorgen, met inbegrip van een contactpersoon.<br>'
        f'{RED}Contactpersoon: Bart Claes, bart.claes@azscheldeland.be, 052 25 90 00</span><o:p></o:p></p>\n'
        '<p class="MsoNormal">Met de meeste hoogachting,<o:p></o:p></p>\n<p class="MsoNormal">Dr Arnaud Capron<o:p></o:p></p>\n'
        "</div>\n</body>\n</html>\n")
raw = build([("From", "Bart Claes <bart.claes@azscheldeland.be>"), ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
             ("Subject", enc_hdr("RE: Cyberaanval – labo AZ Scheldeland", "utf-8")),
             ("Date", "Tue, 2 Mar 2021 17:26:40 +0000"),
             ("Message-ID", "<AM9PR07MB7218B1C2D3E4F5A6@AM9PR07MB7218.eurprd07.prod.outlook.com>"),
             ("Content-Language", "nl-BE")],
            [leaf("text/html", nl05, "utf-8", "base64", True)], crlf=True)
add("nl-05.eml", nl05, raw, T("AZ Scheldeland", "nl", [], ("Bart Claes", "bart.claes@azscheldeland.be", "052 25 90 00"),
    {"cause": ["unknown"], "impact": ["lis", "analyzers", "admin"], "response": ["degraded_mode", "paper", "subcontracting"], "prevention": []}, 10,
    "HTML-only Outlook, UTF-8 base64, CRLF: 'zie antwoorden in het rood' — the answers are red spans inserted after each question inside the quoted Dutch letter (Outlook list items); the question text is not the answer; contact also inserted in red after the 'contactpersoon' paragraph; cause 'nog niet gekend' => unknown; d) is a non-answer (no prevention tags); e) '/'; '10 dagen' = 10; written by the ICT manager."), is_html=True)

# ------------------------------------------------------------------ de-01
de01 = """Sehr geehrter Herr Dr. Capron,

anbei unsere Angaben zum Vorfall vom 8. Februar 2021.

zu a)
[[a:Das Konto einer Mitarbeiterin wurde mit einem schwachen Passwort kompromittiert (Passwort-Spraying auf Outlook Web Access). Über dieses Konto wurden anschließend Phishing-Mails an zuweisende Ärzte verschickt.]]

zu b)
[[b:Betroffen war nur der E-Mail-Verkehr; der Laborbetrieb wurde nicht beeinträchtigt.]]

zu c)
[[c:Konto gesperrt, Passwort zurückgesetzt, Warnung an alle Ärzte per Fax und Anzeige bei der Polizei in Eupen.]]

zu d)
[[d:Zwei-Faktor-Authentifizierung für Outlook Web Access, neue Passwortrichtlinie (mind. 14 Zeichen), Schulung des Personals.]]

zu e)
[[e:Abweichungsbericht AWB-21-011]]

Ansprechpartner: Herr Jonas Krings, IT-Verantwortlicher, Tel. 087 59 32 11, j.krings@labor-weser.be

Mit freundlichen Grüßen

Dr. med. Ute Schröder
Labor Weser - Eupen
"""
raw = build([("From", enc_hdr("Ute Schröder <u.schroeder@labor-weser.be>", "iso-8859-15")),
             ("To", "QL_secretariat@sciensano.be"),
             ("Subject", enc_hdr("Re: Cyberattacke – Labor 66021", "utf-8")),
             ("Date", "Thu, 25 Feb 2021 10:44:02 +0100"), ("Message-ID", "<f4a6c8e0-21b3-7d5f-9e8a-0c1b2d3e4f5a@labor-weser.be>"),
             ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.8.0"),
             ("Content-Language", "de-DE")],
            [leaf("text/plain", de01, "iso-8859-15", "8bit", False)])
add("de-01.eml", de01, raw, T("66021", "de", ["AWB-21-011"], ("Jonas Krings", "j.krings@labor-weser.be", "087 59 32 11"),
    {"cause": ["credentials"], "impact": ["email"], "response": ["password_reset", "police_report"], "prevention": ["mfa", "training"]}, 0,
    "German Thunderbird reply, 8bit iso-8859-15 (ü, ß, ö), no quote; 'zu a)'..'zu e)' labels on their own line; subject 'Re: Cyberattacke – Labor 66021' (German wording, lab after 'Labor'); sender name RFC 2047 iso-8859-15; contact 'Ansprechpartner: Herr Jonas Krings' (title Herr dropped, not the signer); weak password => credentials; 'Laborbetrieb nicht beeinträchtigt' => 0; password policy alone is not tagged."))

# ------------------------------------------------------------------ en-01
en01 = """Dear Dr Capron,

Apologies for the late reply. Please find our answers below, numbered as in your letter.

i. [[a:Most likely a phishing e-mail: one of our phlebotomists entered her credentials on a fake "DHL delivery" page on 4 January. The attacker used them to log in to our Citrix portal (no second factor at the time) and ran a password-stealing tool on the terminal server.]]

ii. [[b:Citrix remote access for our outside sampling centres and the home-working secretaries was unavailable for about 18 hours. The LIS, the analysers and the transmission of results were not affected.]]

iii. [[c:Citrix portal shut down, all passwords reset, terminal server rebuilt, and a forensic review performed by an external security firm.]]

iv. [[d:MFA on Citrix and webmail; quarterly phishing awareness sessions; SIEM monitoring of remote logins by our managed service provider.]]

v. [[e:NCR-21-019 (opened 06/01/2021)]]

If you need anything else, please contact me directly.

Kind regards,

Dr. Hannah O'Neill, MD PhD
Medical Director – Brussels Diagnostic Laboratories
+32 2 555 81 40
"""
en01_q = ("On Mon, 15 Feb 2021 at 14:02, QL_secretariat <QL_secretariat@sciensano.be> wrote:\n" +
          "".join(("> " + ln).rstrip() + "\n" for ln in FR_LETTER.split("\n")))
t = en01 + "\n" + en01_q
raw = build([("From", "Hannah O'Neill <h.oneill@bdlabs.be>"),
             ("Date", "Thu, 11 Mar 2021 21:07:33 +0100"),
             ("Message-ID", "<CAF8nQ1x+3pZbR4kTw7YhV0sJcL2mD9eUaG5@mail.gmail.com>"),
             ("Subject", enc_hdr("Re: Cyber attaque – labo 19377", "utf-8")),
             ("To", "QL_secretariat <QL_secretariat@sciensano.be>")],
            [leaf("text/plain", t, "utf-8", "quoted-printable", False)])
add("en-01.eml", en01, raw, T("19377", "en", ["NCR-21-019"], ("Hannah O'Neill", "h.oneill@bdlabs.be", "+32 2 555 81 40"),
    {"cause": ["phishing", "credentials", "remote_access"], "impact": [], "response": ["password_reset", "isolation", "external_help"],
     "prevention": ["mfa", "training", "monitoring"]}, 0.75,
    "English Gmail plain-text reply (UTF-8 QP) under a French subject, top-posted above the '> '-quoted French letter with a Gmail 'On ... wrote:' line; answers labelled with roman numerals 'i.'..'v.' (mapping to a)-e) by order); 'contact me' = the signer (titles Dr./MD PhD dropped); 'about 18 hours' = 0.75; LIS, analysers and results explicitly not affected (the Citrix outage fits no impact label, so impact is empty); e) keeps the date in parentheses, reference is NCR-21-019."))

# ------------------------------------------------------------------ x-01 Dutch auto-reply
x01 = """Beste,

Ik ben afwezig tot en met maandag 8 maart 2021 en heb geen toegang tot mijn mailbox.
Uw bericht wordt niet doorgestuurd. Voor dringende zaken betreffende het laboratorium kan u terecht bij dr. Wim De Smet (wim.desmet@azkempenland.be) of het secretariaat op 011 83 55 00.

Met vriendelijke groeten,
Els Wouters
"""
raw = build([("From", "Els Wouters <els.wouters@azkempenland.be>"), ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
             ("Subject", enc_hdr("Automatisch antwoord: Cyberaanval – labo AZ Kempenland", "utf-8")),
             ("Date", "Thu, 4 Mar 2021 09:01:12 +0000"),
             ("Message-ID", "<AM0PR10MB2611E4D5C6B7A8F9@AM0PR10MB2611.EURPRD10.PROD.OUTLOOK.COM>"),
             ("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
             ("X-MS-Exchange-Inbox-Rules-Loop", "els.wouters@azkempenland.be"), ("Content-Language", "nl-BE")],
            [leaf("text/plain", x01, "utf-8", "quoted-printable", True)], crlf=True)
MSGS.append(("x-01.eml", raw, {"kind": "auto_reply", "note": "Dutch Exchange out-of-office ('Automatisch antwoord:') under the convention's subject, Auto-Submitted: auto-replied and X-Auto-Response-Suppress: All; names a deputy, an address and a phone number but answers nothing."}))

# ------------------------------------------------------------------ x-02 unrelated
x02 = """Madame, Monsieur,

Notre laboratoire n'a pas reçu le certificat de participation au programme d'évaluation externe de la qualité (EEQ) 2020 pour la biochimie. Pourriez-vous nous en faire parvenir un duplicata ?

Par ailleurs, suite à un changement de serveur informatique, nous souhaitons confirmer que notre adresse de contact reste inchangée.

Nous vous remercions d'avance.

Bien cordialement,

Sandrine Wauters
Secrétariat – Laboratoire Saint-Luc Gembloux
"""
raw = build([("From", "Sandrine Wauters <secretariat@labo-stluc-gembloux.be>"), ("To", "QL_secretariat@sciensano.be"),
             ("Subject", enc_hdr("Demande de duplicata certificat EEQ 2020 – labo 33120", "windows-1252")),
             ("Date", "Tue, 9 Mar 2021 11:20:00 +0100"), ("Message-ID", "<000c01d714c8$9a2b3c40$ce7fb4c0$@labo-stluc-gembloux.be>"),
             ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "fr-be")],
            [leaf("text/plain", x02, "windows-1252", "quoted-printable", True)], crlf=True)
MSGS.append(("x-02.eml", raw, {"kind": "unrelated", "note": "Unrelated request to the same mailbox (duplicate EQA certificate) whose subject nevertheless ends in '– labo 33120' and whose body mentions a server change; not a report."}))


# ------------------------------------------------------------------ write + verify
def decoded_text(msg):
    out = []
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        s = part.get_content()
        out.append(html_text(s) if part.get_content_subtype() == "html" else s)
    return norm(" ".join(out))


def main():
    truth = []
    for name, raw, tr in MSGS:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        text = decoded_text(msg)
        if tr["kind"] == "report":
            for k, v in tr["sections"].items():
                # tabs/indent of continuation lines are whitespace, norm() handles them
                if v and v not in text:
                    raise SystemExit(f"{name}: truth {k} not found in decoded text: {v[:80]}")
            for r in tr["references"]:
                assert r in tr["sections"]["e"], (name, r)
            e = {"file": name, "kind": "report", "lab": tr["lab"], "language": tr["language"], "sections": tr["sections"],
                 "references": tr["references"], "contact": tr["contact"], "tags": tr["tags"],
                 "downtime_days": tr["downtime_days"], "needs_review": tr["needs_review"], "note": tr["note"]}
        else:
            e = {"file": name, "kind": tr["kind"], "note": tr["note"]}
        truth.append(e)
    truth.sort(key=lambda t: t["file"])
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"truth.json: {len(truth)} entries")


if __name__ == "__main__":
    main()
