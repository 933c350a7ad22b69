#!/usr/bin/env python3
"""Generate the held-out corpus (16 .eml files + truth.json).

Written by the project's independent test writer, without reading the parser:
the styles here (label words, list markup, clients, encodings) are deliberately
different from shared/corpus/dev so the score says whether the heuristics
generalise. Run from anywhere: python3 make.py  (writes beside this script).

Every answer text is defined once and used both in the message body and in
truth.json, so body and truth cannot drift apart.
"""
import base64
import html
import json
import os
import quopri
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
# the letter ships in the shared yardsticks (../shared beside the work tree), not in the repository
SHARED_LETTER = os.environ.get("LETTER_DIR", os.path.join(HERE, "..", "..", "..", "shared", "letter"))

# ---------------------------------------------------------------- encoders


def q_word(s, charset="utf-8"):
    """RFC 2047 Q-encode a whole header value, folded into encoded words."""
    out, cur = [], ""
    for ch in s:
        b = ch.encode(charset)
        if len(b) == 1 and (ch.isalnum() and ch.isascii() or ch in "!*+-/.,"):
            piece = ch
        elif ch == " ":
            piece = "_"
        else:
            piece = "".join("=%02X" % x for x in b)
        if len(cur) + len(piece) > 45:
            out.append(cur)
            cur = ""
        cur += piece
    if cur:
        out.append(cur)
    return "\n ".join("=?%s?Q?%s?=" % (charset, w) for w in out)


def b_word(s, charset="utf-8"):
    """RFC 2047 B-encode (one or more encoded words, never splitting a character)."""
    words, cur = [], b""
    for ch in s:
        b = ch.encode(charset)
        if len(cur) + len(b) > 36:
            words.append(cur)
            cur = b""
        cur += b
    if cur:
        words.append(cur)
    return "\n ".join("=?%s?B?%s?=" % (charset, base64.b64encode(w).decode()) for w in words)


def qp(text, charset):
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64(text, charset):
    raw = base64.b64encode(text.encode(charset)).decode("ascii")
    return "\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))


def encode_body(text, charset, cte):
    if cte == "quoted-printable":
        return qp(text, charset)
    if cte == "base64":
        return b64(text, charset)
    return text  # 7bit / 8bit: written as-is in the charset


def part(ctype, charset, cte, text, extra=""):
    head = 'Content-Type: %s; charset="%s"%s\nContent-Transfer-Encoding: %s\n' % (ctype, charset, extra, cte)
    return head, encode_body(text, charset, cte), charset if cte == "8bit" else None


def flowed(text, width=72):
    """format=flowed: soft breaks end with a space."""
    out = []
    for para in text.split("\n"):
        if len(para) <= width:
            out.append(para)
            continue
        lines = textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False)
        out.extend(l + " " for l in lines[:-1])
        out.append(lines[-1])
    return "\n".join(out)


def esc(s):
    return html.escape(s, quote=False)


def letter(lang):
    """The letter as plain text (markdown marks removed), as mail clients quote it."""
    t = open(os.path.join(SHARED_LETTER, "letter-%s.txt" % lang), encoding="utf-8").read()
    t = t.replace("**", "").replace("\\_", "_").replace("\\(", "(").replace("\\)", ")")
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
    t = "\n".join(l.rstrip() for l in t.splitlines())
    t = re.sub(r"\n{3,}", "\n\n", t).strip("\n")
    return t


def quote_gt(text):
    return "\n".join(("> " + l) if l else ">" for l in text.splitlines())


def paras_html(text, tag="p", cls=""):
    c = ' class="%s"' % cls if cls else ""
    out = []
    for line in text.split("\n"):
        out.append("<%s%s>%s</%s>" % (tag, c, esc(line) if line else "&nbsp;", tag))
    return "\n".join(out)


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%(cs)s">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}
a:link, span.MsoHyperlink
	{mso-style-priority:99;
	color:#0563C1;
	text-decoration:underline;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{mso-style-priority:34;
	margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
span.EmailStyle20
	{mso-style-type:personal-reply;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-size:10.0pt;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
	{page:WordSection1;}
/* List Definitions */
@list l0
	{mso-list-id:1180045914;
	mso-list-type:hybrid;
	mso-list-template-ids:-1546414200 67895321 67895321 67895323 67895311 67895321 67895323 67895311 67895321 67895323;}
@list l0:level1
	{mso-level-number-format:alpha-lower;
	mso-level-text:"%%1\\)";
	mso-level-tab-stop:none;
	mso-level-number-position:left;
	text-indent:-18.0pt;}
ol
	{margin-bottom:0cm;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="%(lang)s" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""


def mso(text):
    """Outlook paragraphs, one per line, empty lines as &nbsp; paragraphs."""
    out = []
    for line in text.split("\n"):
        if line:
            out.append('<p class="MsoNormal">%s<o:p></o:p></p>' % esc(line))
        else:
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    return "\n".join(out)


def gmail_html(text):
    out = []
    for line in text.split("\n"):
        out.append("<div>%s</div>" % (esc(line) if line else "<br>"))
    return '<div dir="ltr">' + "\n".join(out) + "</div>"


# ---------------------------------------------------------------- writing


def assemble(headers, body_parts, boundary=None, mptype="alternative", extra_ct="", crlf=False, hdr_cte_first=False):
    """headers: list of (name, value). body_parts: list of (head, body, rawcharset)."""
    lines = []
    for k, v in headers:
        lines.append("%s: %s" % (k, v))
    if boundary is None:
        head, body, _ = body_parts[0]
        hl = head.rstrip("\n").split("\n")
        if hdr_cte_first:  # iOS Mail: content headers first, "Mime-Version: 1.0 (1.0)" later
            lines = hl + lines + ["Mime-Version: 1.0 (1.0)"]
        else:
            lines.append("MIME-Version: 1.0")
            lines += hl
        text = "\n".join(lines) + "\n\n" + body.rstrip("\n") + "\n"
    else:
        lines.append("MIME-Version: 1.0")
        lines.append('Content-Type: multipart/%s;\n\tboundary="%s"%s' % (mptype, boundary, extra_ct))
        chunks = ["\n".join(lines) + "\n"]
        for head, body, _ in body_parts:
            chunks.append("--%s\n%s\n\n%s\n" % (boundary, head.rstrip("\n"), body.rstrip("\n")))
        chunks.append("--%s--\n" % boundary)
        text = "\n".join(chunks)
    return text


def write(name, text, charset="utf-8", crlf=False):
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(charset))


TRUTH = []


def truth(file, kind, note, **kw):
    e = {"file": file, "kind": kind}
    if kind == "report":
        secs = kw["sections"]
        e.update({
            "lab": kw["lab"],
            "language": kw["language"],
            "sections": {k: " ".join(secs.get(k, "").split()) for k in "abcde"},
            "references": kw.get("references", []),
            "contact": kw["contact"],
            "tags": {g: sorted(set(kw["tags"].get(g, []))) for g in ("cause", "impact", "response", "prevention")},
            "downtime_days": kw["downtime_days"],
            "needs_review": kw.get("needs_review", False),
        })
    e["note"] = note
    TRUTH.append(e)


def contact(name, email, phone):
    return {"name": name, "email": email, "phone": phone}


# ================================================================ messages

def fr_01():
    """'Réponse a :' labels, • bullets, '-- ' signature with Pr, Outlook for Android."""
    A = ("Les pirates sont entrés par le VPN SSL (Fortinet) de l'hôpital, avec le compte d'un technicien de "
         "maintenance biomédicale dont le mot de passe était faible et non protégé par une double authentification. "
         "Le journal du pare-feu montre des centaines de tentatives de connexion (attaque par force brute) les jours précédents.\n"
         "Une fois dans le réseau, ils ont désactivé l'antivirus et lancé le rançongiciel Conti pendant la nuit du samedi au dimanche.")
    B = ("• SIL (Glims) : inaccessible pendant 5 jours, serveurs chiffrés.\n"
         "• Automates : connectés en bidirectionnel via la middleware, ils ont dû être utilisés en mode autonome (encodage manuel des identifiants).\n"
         "• Transmission des résultats : plus d'envoi via Medibridge ni vers le DPI de l'hôpital pendant une semaine.\n"
         "• Facturation : à l'arrêt, rattrapée en mars.")
    C = ("Dès la détection (dimanche 6 h), la cellule de crise de l'hôpital a fait couper toutes les connexions Internet et le VPN.\n"
         "• Activation du plan dégradé du laboratoire (procédure « panne SIL ») : demandes papier, étiquettes manuscrites, comptes rendus papier remis par coursier.\n"
         "• Une partie de la microbiologie et les analyses spécialisées ont été envoyées en sous-traitance au laboratoire du CHU partenaire.\n"
         "• Restauration du SIL depuis les sauvegardes sur bande (non atteintes).\n"
         "• Intervention du CCB et d'une firme spécialisée en réponse à incident ; plainte déposée à la police (PV NA.12.L7.004512/2021).")
    D = ("• Double authentification obligatoire sur le VPN pour tous les utilisateurs, y compris les fournisseurs.\n"
         "• Revue des comptes à privilèges et suppression des comptes génériques.\n"
         "• Segmentation du réseau : le laboratoire et les automates dans un VLAN séparé.\n"
         "• Sauvegardes hors ligne quotidiennes du SIL, test de restauration trimestriel.")
    E = "Non-conformité NC/2021/031 (événement) et fiche de gestion de crise CRI-2021-02."
    text = ("Bonjour Docteur Capron,\n\n"
            "Suite à votre courrier du 15 février, voici les éléments concernant l'incident survenu début février dans notre institution.\n\n"
            "Réponse a :\n%s\n\nRéponse b :\n%s\n\nRéponse c :\n%s\n\nRéponse d :\n%s\n\nRéponse e :\n%s\n\n"
            "La personne de contact est le soussigné.\n\n"
            "Bien à vous,\n\n"
            "-- \n"
            "Pr Jean-Marc Delvaux\n"
            "Chef de service – Laboratoire de biologie clinique\n"
            "Clinique Saint-Rémi, Namur\n"
            "Tél. +32 81 72 44 15\n"
            "jm.delvaux@stremi-namur.be\n\n"
            "Obtenir Outlook pour Android\n") % (A, B, C, D, E)
    htmlbody = ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n</head>\n<body>\n'
                '<div dir="auto">\n' + "\n".join(
                    '<div dir="auto">%s</div>' % (esc(l) if l else "<br>") for l in text.split("\n")) +
                '\n</div>\n</body>\n</html>\n')
    hdrs = [("From", "%s <jm.delvaux@stremi-namur.be>" % q_word("Jean-Marc Delvaux")),
            ("To", '"QL_secretariat@sciensano.be" <QL_secretariat@sciensano.be>'),
            ("Subject", q_word("RE: Cyber attaque – labo 23408")),
            ("Thread-Topic", q_word("Cyber attaque – labo 23408")),
            ("Thread-Index", "AQHXBGyRqk2Zk8nDYUu3pC0cWq0OUw=="),
            ("Date", "Sat, 20 Feb 2021 19:03:47 +0000"),
            ("Message-ID", "<VI1PR0702MB3711E8C2A5D0F1B9C4E0A2D8A49F9@VI1PR0702MB3711.eurprd07.prod.outlook.com>"),
            ("References", "<AM6PR09MB2851D3C1B0E84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("In-Reply-To", "<AM6PR09MB2851D3C1B0E84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("Accept-Language", "fr-BE, en-US"),
            ("Content-Language", "fr-BE"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", "")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "quoted-printable", text),
                          part("text/html", "utf-8", "quoted-printable", htmlbody)],
                   boundary="_000_VI1PR0702MB3711E8C2A5D0F1B9C4E0A2D8A49F9VI1PR0702MB3711_")
    write("fr-01.eml", msg)
    truth("fr-01.eml", "report",
          "'Réponse a :'..'Réponse e :' labels on their own line, multi-paragraph answers with '•' bullets (c has a lead sentence before the bullets); "
          "signature after a '-- ' delimiter with the title 'Pr' (dropped from the name); 'le soussigné' = the signer; Outlook for Android "
          "footer 'Obtenir Outlook pour Android' (French UI) after the signature; police PV number in c) is not a quality reference; "
          "two references of different shapes (NC/2021/031, CRI-2021-02); SIL 5 days but Medibridge 'une semaine' = 7 (longest); "
          "VPN brute force on a weak password + Conti ransomware.",
          lab="23408", language="fr", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["NC/2021/031", "CRI-2021-02"],
          contact=contact("Jean-Marc Delvaux", "jm.delvaux@stremi-namur.be", "+32 81 72 44 15"),
          tags=dict(cause=["ransomware", "remote_access", "credentials"],
                    impact=["lis", "analyzers", "results", "admin"],
                    response=["isolation", "degraded_mode", "paper", "subcontracting", "backup_restore", "external_help", "police_report"],
                    prevention=["mfa", "access_control", "segmentation", "backup"]),
          downtime_days=7)


def fr_02():
    """Five unlabelled prose paragraphs in question order; generic From, signer's address in the signature."""
    A = ("L'attaque est venue de notre fournisseur de logiciel de laboratoire : la plateforme de télémaintenance que "
         "l'éditeur utilise pour se connecter chez ses clients a été compromise le 28 janvier, et les attaquants s'en "
         "sont servis pour pousser un script malveillant sur notre serveur d'application. Il s'agissait d'un rançongiciel "
         "qui a commencé à chiffrer les fichiers du serveur avant d'être arrêté par l'antivirus.")
    B = ("Seul le serveur d'application du SIL a été touché. Pendant deux jours et demi, nous n'avons pas pu enregistrer "
         "de nouvelles demandes ni valider de résultats dans le SIL ; les automates ont continué à fonctionner normalement "
         "et les résultats étaient imprimés depuis les automates. Les prescripteurs n'ont reçu aucun résultat électronique "
         "durant cette période. Nous n'avons aucune indication de fuite de données de patients.")
    C = ("Nous avons immédiatement débranché le serveur du réseau et coupé l'accès de télémaintenance de l'éditeur. "
         "Le laboratoire est passé en mode dégradé, avec des bons de demande papier et des résultats faxés ou téléphonés "
         "aux médecins. L'éditeur a réinstallé le serveur et nous avons restauré la base de données à partir de la "
         "sauvegarde de la veille.")
    D = ("Depuis, l'accès distant de l'éditeur n'est plus ouvert en permanence : il est activé à la demande, pour une "
         "durée limitée, par notre informaticien, et chaque session est enregistrée et surveillée. Nous avons aussi fait "
         "installer un EDR sur les serveurs du laboratoire et demandé à l'éditeur le rapport d'un audit de sécurité "
         "indépendant.")
    E = "L'incident est enregistré dans notre système qualité sous la non-conformité NC 21/007."
    text = ("Bonjour,\n\n"
            "Merci pour votre courrier du 15 février et pour cette initiative. Notre laboratoire a "
            "effectivement été touché ; voici ce que nous pouvons vous en dire.\n\n"
            + "\n\n".join((A, B, C, D, E)) + "\n\n"
            "Je vous remercie de votre attention et reste à votre disposition pour tout renseignement "
            "complémentaire.\n\n"
            "Cordialement,\n\n"
            "Sophie Marchal\n"
            "Responsable qualité\n"
            "Laboratoire d'analyses médicales Marchal & Associés\n"
            "Boulevard de la Sauvenière 112, 4000 Liège\n"
            "Tél. 04 223 18 65 - s.marchal@labmarchal.be\n")
    hdrs = [("Message-ID", "<3f1c9a0e-5b7d-2c41-8e6a-0d2b9f4c7e13@labmarchal.be>"),
            ("Date", "Wed, 24 Feb 2021 11:27:05 +0100"),
            ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n Thunderbird/78.7.1"),
            ("Content-Language", "fr"),
            ("To", "QL_secretariat@sciensano.be"),
            ("From", "Laboratoire Marchal <secretariat@labmarchal.be>"),
            ("Subject", "Re: Cyber attaque - labo 31562")]
    msg = assemble(hdrs, [part("text/plain", "iso-8859-1", "quoted-printable", flowed(text), "; format=flowed")])
    write("fr-02.eml", msg)
    truth("fr-02.eml", "report",
          "No labels or numbers at all: after a greeting/thanks paragraph, five prose paragraphs answer a)-e) in order, then a closing "
          "paragraph (not e); iso-8859-1 QP from Thunderbird, format=flowed (soft breaks at 72); From is the generic lab mailbox, the contact is "
          "the signer with her address only in the signature; vendor's remote-maintenance platform compromised (supplier + remote_access); "
          "'deux jours et demi' = 2.5; reference 'NC 21/007' with a space.",
          lab="31562", language="fr", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["NC 21/007"],
          contact=contact("Sophie Marchal", "s.marchal@labmarchal.be", "04 223 18 65"),
          tags=dict(cause=["supplier", "remote_access", "ransomware"],
                    impact=["lis", "results"],
                    response=["isolation", "degraded_mode", "paper", "backup_restore", "external_help"],
                    prevention=["access_control", "monitoring", "edr", "audit"]),
          downtime_days=2.5)


def outlook_quote_block_html(labels, frm, sent, to, subj, lang="FR"):
    """Outlook's grey-rule header block of the quoted message (labels: De/Envoyé/À/Objet in the UI language)."""
    l1, l2, l3, l4 = labels
    return ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
            '<p class="MsoNormal"><b><span lang="%s">%s</span></b><span lang="%s"> %s<br>\n'
            '<b>%s</b> %s<br>\n<b>%s</b> %s<br>\n<b>%s</b> %s<o:p></o:p></span></p>\n</div>\n'
            % (lang, l1, lang, esc(frm), l2, esc(sent), l3, esc(to), l4, esc(subj)))


def fr_03():
    """HTML-only Outlook, answers in an <ol type=a> (letters only in list numbering), quoted French letter below."""
    A = ("Hameçonnage ciblé : une secrétaire a reçu un faux message « Microsoft 365 – votre boîte aux lettres est pleine » "
         "et a saisi son identifiant et son mot de passe sur une fausse page de connexion. Avec ces identifiants volés, "
         "le pirate s'est connecté à sa messagerie depuis l'étranger pendant deux jours sans être remarqué.")
    B = ("Seule la messagerie a été touchée : depuis la boîte du secrétariat, le pirate a envoyé environ 2 000 courriels "
         "d'hameçonnage aux médecins prescripteurs, et il a pu consulter des protocoles de résultats envoyés par courriel "
         "à quelques médecins (fuite de données). Le SIL, les automates et la transmission des résultats via eHealth "
         "n'ont pas été touchés ; l'activité du laboratoire n'a pas été interrompue.")
    C = ("Blocage du compte et réinitialisation des mots de passe de tout le secrétariat, révocation des sessions ouvertes, "
         "analyse des journaux de connexion par notre prestataire informatique, avertissement des prescripteurs par "
         "téléphone et par courrier, notification de la violation de données à l'Autorité de protection des données.")
    D = ("Authentification multifacteur sur Microsoft 365 pour l'ensemble du personnel, filtrage renforcé des courriels "
         "entrants avec une bannière « expéditeur externe », formation de sensibilisation à l'hameçonnage, et arrêt de "
         "l'envoi de résultats par courriel non sécurisé.")
    E = "Plainte interne PL-2021-0042."
    items = "\n".join('<li class="MsoListParagraph" style="margin-left:0cm;mso-list:l0 level1 lfo1">%s<o:p></o:p></li>' % esc(x)
                      for x in (A, B, C, D, E))
    let = letter("fr")
    body = (OUTLOOK_HEAD % {"cs": "windows-1252", "lang": "FR-BE"} +
            mso("Bonjour,\n\nSuite à votre courrier, voici les informations concernant l'incident de janvier :\n") + "\n" +
            '<ol style="margin-top:0cm" start="1" type="a">\n' + items + "\n</ol>\n" +
            mso("\nPersonne de contact : Mme Carine Dufour, responsable qualité (carine.dufour@cbc-hainaut.be – 065 39 27 18).\n\n"
                "Cordialement,\n\nDr Thomas Gillet\nDirecteur du laboratoire\nCentre de Biologie Clinique du Hainaut\n"
                "Rue des Chartriers 4, 7000 Mons\nTél. 065 39 27 10\n") + "\n" +
            outlook_quote_block_html(("De&nbsp;:", "Envoyé&nbsp;:", "À&nbsp;:", "Objet&nbsp;:"),
                                     "QL_secretariat <QL_secretariat@sciensano.be>", "lundi 15 février 2021 11:20",
                                     "QL_secretariat <QL_secretariat@sciensano.be>",
                                     "Cyber attack de laboratoires médicaux et d'institutions hospitalières – Apprentissage continu") +
            mso("\n" + let) + "\n</div>\n</body>\n</html>\n")
    body = body.replace("’", "'")
    hdrs = [("From", "Gillet Thomas <thomas.gillet@cbc-hainaut.be>"),
            ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
            ("Subject", q_word("RE: Cyber attaque – labo 60217", "windows-1252")),
            ("Thread-Topic", "Cyber attack de laboratoires =?windows-1252?Q?m=E9dicaux?="),
            ("Thread-Index", "AdcDu4n8xLw0fQ3ZTkC9bqMZyK3iHA=="),
            ("Date", "Thu, 18 Feb 2021 14:52:31 +0000"),
            ("Message-ID", "<DB7PR02MB4620B1A9E3C0D55F1E6A7C40C1A29@DB7PR02MB4620.eurprd02.prod.outlook.com>"),
            ("References", "<AM6PR09MB2851C0FFEE1B84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("In-Reply-To", "<AM6PR09MB2851C0FFEE1B84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("Accept-Language", "fr-BE, nl-BE, en-US"),
            ("Content-Language", "fr-BE"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", "")]
    msg = assemble(hdrs, [part("text/html", "windows-1252", "quoted-printable", body)])
    write("fr-03.eml", msg, crlf=True)
    truth("fr-03.eml", "report",
          "HTML-only Outlook (windows-1252 QP, CRLF, MsoNormal) whose answers are the five <li> of an <ol type=\"a\">: the letters a)-e) "
          "exist only as list numbering, never in the text; top-posted above an Outlook 'De : / Envoyé : / À : / Objet :' block and the "
          "whole quoted French letter with its own '- a) ... - e)' questions and Dr Capron's contact details (not answers); contact is "
          "the quality manager named in the body, not the signer; phishing with credential theft of a Microsoft 365 mailbox; "
          "'l'activité du laboratoire n'a pas été interrompue' => downtime 0 although the pirate was in the mailbox 'deux jours'.",
          lab="60217", language="fr", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["PL-2021-0042"],
          contact=contact("Carine Dufour", "carine.dufour@cbc-hainaut.be", "065 39 27 18"),
          tags=dict(cause=["phishing", "credentials"],
                    impact=["email", "data_breach"],
                    response=["password_reset", "external_help"],
                    prevention=["mfa", "email_filtering", "training"]),
          downtime_days=0)


def fr_04():
    """'Question :' + copied letter question, 'Réponse :' on the next line; 'Idem c)' and 'Sans objet'; 8-bit windows-1252."""
    qs = ["a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates",
          "b) Les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités,",
          "c) les actions correctives immédiates qui ont été prises pour garantir la sécurité des données et la continuité des "
          "activités du laboratoire (application d'un plan dégradé, sous-traitance de certaines analyses...),",
          "d) les mesures préventives prises par le laboratoire, ou par l'institution hospitalière, pour éviter ou limiter "
          "l'impact de ce type d'attaque à l'avenir,",
          "e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de "
          "plainte ou de non-conformité),"]
    A = ("Lors d’une maintenance préventive le 8 février, le technicien du fournisseur de l’automate d’hématologie a "
         "utilisé une clé USB infectée par un logiciel malveillant (un ver de type Conficker selon notre informaticien). "
         "Le ver s’est propagé aux PC de pilotage de deux autres automates situés dans le même réseau.")
    B = ("Trois automates (l’automate d’hématologie et deux automates de chimie) ont été hors service pendant environ "
         "10 heures, car leurs PC de pilotage ont dû être arrêtés. Le SIL et la transmission des résultats n’ont pas été "
         "touchés, mais les résultats de la journée ont été rendus avec retard.")
    C = ("Les trois PC ont été immédiatement débranchés du réseau. Le fabricant a envoyé un technicien qui a réinstallé "
         "les PC (image propre) le jour même. Pendant l’arrêt, les hémogrammes urgents ont été envoyés au laboratoire de "
         "l’hôpital voisin, les autres ont été analysés le lendemain matin.")
    D = ("Idem c) ; en plus, mise à jour des PC des automates (correctifs Windows) en accord avec le fabricant, et "
         "formation du personnel et rappel aux techniciens externes sur l’utilisation des supports amovibles.")
    E = "Sans objet."
    ans = [A, B, C, D, E]
    blocks = "\n\n".join("Question : %s\nRéponse : %s" % (q, a) for q, a in zip(qs, ans))
    text = ("Madame, Monsieur,\n\n"
            "Voici nos réponses à votre questionnaire du 15/02.\n\n" + blocks + "\n\n"
            "Personne de contact : Dr Luc Hennebert (biologiste), tél. 087 30 62 91, luc.hennebert@labo-vesdre.be\n\n"
            "Salutations distinguées,\n\n"
            "Pour le laboratoire,\n"
            "Dr L. Hennebert\n"
            "Laboratoire de la Vesdre SPRL\n"
            "Rue de Dison 77 – 4800 Verviers\n")
    hdrs = [("Return-Path", "<info@labo-vesdre.be>"),
            ("From", '"Laboratoire de la Vesdre" <info@labo-vesdre.be>'),
            ("To", "<QL_secretariat@sciensano.be>"),
            ("Subject", q_word("RE: Cyber attaque – labo 45083", "windows-1252")),
            ("Date", "Fri, 19 Feb 2021 08:14:22 +0100"),
            ("Message-ID", "<000a01d70684$5b2e7c80$118b7580$@labo-vesdre.be>"),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AQHXA6G5bNdH0y9Jr0uXq3kQeO2c3A=="),
            ("Content-Language", "fr-be")]
    msg = assemble(hdrs, [part("text/plain", "windows-1252", "8bit", text)])
    write("fr-04.eml", msg, charset="windows-1252", crlf=True)
    truth("fr-04.eml", "report",
          "Each letter question copied after a 'Question :' label (with its own 'a)'..'e)'), the answer after 'Réponse :' on the next "
          "line; neither label nor question text is part of the answer; d) starts with 'Idem c)' (kept) and adds measures; e) "
          "'Sans objet.' kept as written, no reference; 8-bit windows-1252 with curly apostrophes (0x92), CRLF; From is the lab's "
          "generic address, contact is the biologist on the 'Personne de contact' line; vendor technician's infected USB key "
          "(supplier + malware); 'environ 10 heures' = 0.42.",
          lab="45083", language="fr", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=[],
          contact=contact("Luc Hennebert", "luc.hennebert@labo-vesdre.be", "087 30 62 91"),
          tags=dict(cause=["malware", "supplier"],
                    impact=["analyzers"],
                    response=["isolation", "external_help", "subcontracting"],
                    prevention=["patching", "training"]),
          downtime_days=0.42)


def fr_05():
    """Out-of-office text without any auto-reply header."""
    text = ("Bonjour,\n\n"
            "Je suis absente du laboratoire jusqu'au lundi 1er mars 2021 inclus, avec un accès très limité à ma messagerie.\n\n"
            "En cas d'urgence, veuillez contacter le Dr Marc Lefèvre au 071 92 30 41 ou par courriel à "
            "marc.lefevre@labcentre-charleroi.be. Pour les questions relatives au système qualité, vous pouvez écrire à "
            "qualite@labcentre-charleroi.be.\n\n"
            "Cordialement,\n\n"
            "Isabelle Thiry\n"
            "Responsable qualité – Laboratoire du Centre, Charleroi\n")
    hdrs = [("From", "Isabelle Thiry <isabelle.thiry@labcentre-charleroi.be>"),
            ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
            ("Subject", q_word("Absente : Cyber attaque – labo 55501")),
            ("Date", "Tue, 23 Feb 2021 09:02:11 +0100"),
            ("Message-ID", "<a7b3e1f0c2d94e5b8f61@labcentre-charleroi.be>"),
            ("In-Reply-To", "<PR3P196MB47331D90AF4C2B7E0C5D1A90BC77@PR3P196MB4733.EURP192.prod.outlook.com>"),
            ("Content-Language", "fr-FR")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "quoted-printable", text)])
    write("fr-05.eml", msg)
    truth("fr-05.eml", "auto_reply",
          "Out-of-office reply to a Sciensano reminder, under the convention's subject with an 'Absente :' prefix, but WITHOUT any "
          "Auto-Submitted / X-Auto-Response-Suppress / Precedence header: only the text ('Je suis absente ... jusqu'au ... En cas "
          "d'urgence') tells it is automatic; names a deputy and addresses, no answers.")


DISCLAIMER_NL = ("Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde(n). Indien u dit bericht "
                 "per vergissing heeft ontvangen, wordt u verzocht de afzender onmiddellijk te verwittigen en het bericht "
                 "te verwijderen. Elk gebruik, elke verspreiding of kopie van dit bericht zonder toestemming is verboden.")


def nl_01():
    """'Vraag a:' + short paraphrase, 'Antwoord:' on the next line; Outlook Van:/Verzonden: quoted Dutch letter; disclaimer."""
    Q = ["oorzaak en methode", "getroffen activiteiten", "onmiddellijke maatregelen", "preventieve maatregelen",
         "referentie kwaliteitssysteem"]
    A = ("De aanvallers hebben misbruik gemaakt van een niet-gepatchte kwetsbaarheid in de Citrix-gateway van het "
         "ziekenhuis (CVE-2019-19781). Via die toegang plaatsten ze een backdoor en verspreidden ze zich in het netwerk, "
         "waarna op 9 februari ransomware werd uitgerold op een deel van de servers.")
    B = ("Het ziekenhuisnetwerk lag twee dagen volledig stil. Het LIS (MOLIS) was vier dagen niet bruikbaar, de koppeling "
         "met de analysers viel weg en er konden geen resultaten elektronisch naar de huisartsen of het EPD verstuurd "
         "worden. Ook de telefooncentrale (VoIP) lag een dag plat.")
    C = ("Het noodplan van het labo werd geactiveerd: aanvragen op papier, resultaten van dringende stalen telefonisch "
         "doorgegeven, niet-dringende analyses uitgesteld. Een deel van de routine (serologie) werd tijdelijk uitbesteed "
         "aan een partnerlabo. Alle externe verbindingen werden verbroken. Het ziekenhuis schakelde een incident-responsteam "
         "in, meldde het incident bij het CCB en diende klacht in bij de politie. De servers werden heropgebouwd vanaf de "
         "offline back-ups.")
    D = ("Een patchbeheerproces met maandelijkse opvolging, vervanging van de Citrix-gateway door een VPN met "
         "tweefactorauthenticatie, een EDR-oplossing op alle servers en werkposten, en 24/7 monitoring door een SOC.")
    E = "Non-conformiteit NC-21-0093."
    ans = [A, B, C, D, E]
    blocks = "\n\n".join("Vraag %s: %s\nAntwoord: %s" % (l, q, a) for l, q, a in zip("abcde", Q, ans))
    quoted = ("Van: QL_secretariat <QL_secretariat@sciensano.be>\n"
              "Verzonden: dinsdag 16 februari 2021 10:04\n"
              "Aan: QL_secretariat <QL_secretariat@sciensano.be>\n"
              "Onderwerp: Cyberaanval op medische laboratoria en ziekenhuisinstellingen - Levenslang leren.\n\n" + letter("nl"))
    top = ("Geachte dokter Capron,\n\n"
           "Zoals gevraagd bezorgen wij u hierbij de informatie over de cyberaanval op ons ziekenhuis.\n\n" + blocks + "\n\n"
           "Contactpersoon: ondergetekende.\n\n"
           "Met vriendelijke groeten,\n\n"
           "Dr. Katrien Van Damme\n"
           "Klinisch bioloog - laboratoriumdirecteur\n"
           "AZ Oostkust, campus Knokke\n"
           "T +32 50 45 66 12 | katrien.vandamme@azoostkust.be\n\n" + DISCLAIMER_NL + "\n\n")
    text = top + quoted + "\n"
    htmlq = (OUTLOOK_HEAD % {"cs": "utf-8", "lang": "NL-BE"} + mso(top) + "\n" +
             outlook_quote_block_html(("Van:", "Verzonden:", "Aan:", "Onderwerp:"),
                                      "QL_secretariat <QL_secretariat@sciensano.be>", "dinsdag 16 februari 2021 10:04",
                                      "QL_secretariat <QL_secretariat@sciensano.be>",
                                      "Cyberaanval op medische laboratoria en ziekenhuisinstellingen - Levenslang leren.", "NL") +
             mso("\n" + letter("nl")) + "\n</div>\n</body>\n</html>\n")
    hdrs = [("From", "Van Damme Katrien <katrien.vandamme@azoostkust.be>"),
            ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
            ("Subject", "RE: Cyberaanval " + q_word("– labo 28754")),
            ("Thread-Topic", q_word("Cyberaanval – labo 28754")),
            ("Thread-Index", "AdcEF0bKc1v6m+8nRhe3Q7x0Zb6Vjw=="),
            ("Date", "Mon, 22 Feb 2021 16:45:09 +0000"),
            ("Message-ID", "<AM9PR04MB8260E51A2B7C3D09E8F41A6CB09D2@AM9PR04MB8260.eurprd04.prod.outlook.com>"),
            ("References", "<AM6PR09MB2851AB12CD34EF56AB78CD90EF12AB34@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("In-Reply-To", "<AM6PR09MB2851AB12CD34EF56AB78CD90EF12AB34@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("Accept-Language", "nl-BE, en-US"),
            ("Content-Language", "nl-BE"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", "")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "quoted-printable", text),
                          part("text/html", "utf-8", "quoted-printable", htmlq)],
                   boundary="_000_AM9PR04MB8260E51A2B7C3D09E8F41A6CB09D2AM9PR04MB8260eurp_")
    write("nl-01.eml", msg, crlf=True)
    truth("nl-01.eml", "report",
          "'Vraag a: <short paraphrase>' line followed by 'Antwoord: <answer>' on the next line (the paraphrase is question wording, "
          "not answer); Outlook text+HTML, UTF-8 QP, CRLF; subject partly Q-encoded; Dutch letter quoted below 'Van: / Verzonden: / "
          "Aan: / Onderwerp:' with its own a)-e) list (not answers); NL disclaimer between signature and quote; 'ondergetekende' = "
          "signer ('Dr.' dropped); unpatched Citrix gateway (vulnerability + remote_access) then ransomware; LIS 4 days, network 2, "
          "phone 1: longest 4.",
          lab="28754", language="nl", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["NC-21-0093"],
          contact=contact("Katrien Van Damme", "katrien.vandamme@azoostkust.be", "+32 50 45 66 12"),
          tags=dict(cause=["vulnerability", "remote_access", "ransomware"],
                    impact=["network", "lis", "analyzers", "results", "phone"],
                    response=["degraded_mode", "paper", "subcontracting", "isolation", "external_help", "police_report", "backup_restore"],
                    prevention=["patching", "mfa", "edr", "monitoring"]),
          downtime_days=4)


def nl_02():
    """GroupWise HTML-only, table 'Vraag | Antwoord' with paraphrased question cells; 'Antw:' + RIZIV number."""
    rows = [("Oorzaak",
             "Een systeembeheerder van het labo, die net zijn opzeg had gekregen, heeft met zijn eigen beheerdersaccount 's "
             "avonds de LIS-database en de lokale back-ups gewist en de wachtwoorden van de andere beheerders gewijzigd. Er "
             "was geen sprake van een aanval van buitenaf."),
            ("Getroffen diensten",
             "Het LIS was anderhalve dag onbruikbaar: geen registratie van aanvragen, geen validatie, geen elektronische "
             "verzending van resultaten naar de voorschrijvers (Medibridge en ons webportaal). De analysers draaiden wel door; "
             "de resultaten bleven op de analysers bewaard en werden nadien opgeladen."),
            ("Onmiddellijke maatregelen",
             "Het noodplan werd opgestart (papieren aanvraagformulieren, dringende resultaten telefonisch). De leverancier van "
             "het LIS heeft de database teruggezet vanaf de externe back-up van de vorige nacht. Alle beheerderswachtwoorden "
             "werden gereset en het account van de betrokkene werd geblokkeerd. Er werd klacht ingediend bij de politie."),
            ("Preventie",
             "Vier-ogenprincipe voor beheerderstaken, persoonlijke beheerdersaccounts met beperkte rechten, logging van alle "
             "beheerdersacties met automatische waarschuwingen, en een onveranderlijke (immutable) back-up buiten het labo."),
            ("Referentie kwaliteitssysteem", "NC 2021-012 (non-conformiteit) en CAPA 2021-004.")]
    trs = "\n".join('<tr>\n<td valign="top" width="30%%" style="border:1px solid #999999;padding:4px"><b>%s</b></td>\n'
                    '<td valign="top" style="border:1px solid #999999;padding:4px">%s</td>\n</tr>' % (esc(q), esc(a))
                    for q, a in rows)
    body = ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
            '<meta name="Generator" content="Micro Focus GroupWise 18.2.1">\n</head>\n'
            '<body style="font: 10pt Tahoma; margin: 4px 4px 1px">\n'
            '<div>Goedemiddag,</div>\n<div>&nbsp;</div>\n'
            '<div>In antwoord op uw brief van 15 februari vindt u hieronder een overzicht van het incident in ons labo '
            '(zie tabel).</div>\n<div>&nbsp;</div>\n'
            '<table cellspacing="0" cellpadding="0" border="1" style="border-collapse:collapse;width:100%">\n'
            '<tr>\n<td style="border:1px solid #999999;padding:4px;background:#D9E2F3"><b>Vraag</b></td>\n'
            '<td style="border:1px solid #999999;padding:4px;background:#D9E2F3"><b>Antwoord</b></td>\n</tr>\n'
            + trs + '\n</table>\n<div>&nbsp;</div>\n'
            '<div>Voor verdere vragen kan u mij bereiken op 03 218 44 70 of via dit mailadres.</div>\n<div>&nbsp;</div>\n'
            '<div>Vriendelijke groet,</div>\n<div>&nbsp;</div>\n'
            '<div>Bart Peeters</div>\n<div>Kwaliteitsverantwoordelijke</div>\n<div>Medisch Labo Scheldeland</div>\n'
            '<div>Frankrijklei 140, 2000 Antwerpen</div>\n</body></html>\n')
    hdrs = [("Message-Id", "<602E6A1C020000A1000F3B21@gw.scheldeland-labo.be>"),
            ("X-Mailer", "Micro Focus GroupWise 18.2.1"),
            ("Date", "Thu, 18 Feb 2021 13:37:00 +0100"),
            ("From", '"Bart Peeters" <bart.peeters@scheldeland-labo.be>'),
            ("To", "<QL_secretariat@sciensano.be>"),
            ("Subject", b_word("Antw: Cyberaanval – labo 8-47190-21-950")),
            ("References", "<AM6PR09MB2851DD77EE88FF99AA00BB11CC22DD33@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("In-Reply-To", "<AM6PR09MB2851DD77EE88FF99AA00BB11CC22DD33@AM6PR09MB2851.eurprd09.prod.outlook.com>")]
    msg = assemble(hdrs, [part("text/html", "iso-8859-1", "base64", body)])
    write("nl-02.eml", msg)
    truth("nl-02.eml", "report",
          "GroupWise HTML-only (iso-8859-1 base64) with a two-column table whose header row is 'Vraag | Antwoord' and whose question "
          "cells are one-word paraphrases ('Oorzaak', 'Getroffen diensten', 'Onmiddellijke maatregelen', 'Preventie', 'Referentie "
          "kwaliteitssysteem'), no letters; 'Antw:' (GroupWise) prefix and RIZIV-style lab number in a B-encoded subject; the header "
          "row is not an answer; contact = signer ('kan u mij bereiken'); an insider (admin about to leave) wiped the LIS database; "
          "'anderhalve dag' = 1.5; two references.",
          lab="8-47190-21-950", language="nl", sections={k: a for k, (_, a) in zip("abcde", rows)},
          references=["NC 2021-012", "CAPA 2021-004"],
          contact=contact("Bart Peeters", "bart.peeters@scheldeland-labo.be", "03 218 44 70"),
          tags=dict(cause=["insider"],
                    impact=["lis", "results"],
                    response=["degraded_mode", "paper", "backup_restore", "external_help", "password_reset", "police_report"],
                    prevention=["access_control", "monitoring", "backup"]),
          downtime_days=1.5)


def nl_03():
    """Terse iPhone reply 'A.'..'E.', cause unknown, e) 'Zie later'."""
    A = "Ransomware (Lockbit), toegangsweg onbekend, onderzoek loopt nog"
    B = "LIS en mail 3 dagen plat, geen resultaten naar de huisartsen"
    C = "Noodplan, alles op papier, politie verwittigd"
    D = "Nieuwe firewall + MFA voor iedereen"
    E = "Zie later"
    text = ("Dag,\n\nA. %s\nB. %s\nC. %s\nD. %s\nE. %s\n\nContact: ikzelf, 0475 31 20 88\n\nPieter\n\n"
            "Verstuurd vanaf mijn iPhone\n") % (A, B, C, D, E)
    hdrs = [("From", "Pieter Claes <pieter.claes@labo-claes.be>"),
            ("Date", "Sun, 21 Feb 2021 21:48:37 +0100"),
            ("Subject", q_word("Re: Cyberaanval – labo 36981")),
            ("Message-Id", "<4C1F9E2A-77B0-4D6E-9A31-0E5B8C2D1F47@labo-claes.be>"),
            ("References", "<AM6PR09MB2851E0E1E2E3E4E5E6E7E8E9EAEBECED@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("In-Reply-To", "<AM6PR09MB2851E0E1E2E3E4E5E6E7E8E9EAEBECED@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("To", "QL_secretariat@sciensano.be"),
            ("X-Mailer", "iPhone Mail (18D52)")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "quoted-printable", text)], hdr_cte_first=True)
    write("nl-03.eml", msg)
    truth("nl-03.eml", "report",
          "Terse iPhone reply (Content-Type/CTE before Mime-Version), one line per answer labelled 'A.'..'E.' (capital + period); a) "
          "says ransomware but 'toegangsweg onbekend' (ransomware + unknown); e) 'Zie later' kept, no reference; 'ikzelf' = the "
          "sender, name only from the From header (signed with first name); '3 dagen' = 3; 'Nieuwe firewall' has no taxonomy label.",
          lab="36981", language="nl", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=[],
          contact=contact("Pieter Claes", "pieter.claes@labo-claes.be", "0475 31 20 88"),
          tags=dict(cause=["ransomware", "unknown"],
                    impact=["lis", "email", "results"],
                    response=["degraded_mode", "paper", "police_report"],
                    prevention=["mfa"]),
          downtime_days=3)


def nl_04():
    """Placeholder subject with typo 'Cyberaanvl – labo xxxxx'; 'Ad a)' labels; base64 UTF-8, CRLF."""
    A = ("Onze FortiGate-VPN was nog niet gepatcht tegen het lek CVE-2018-13379. De gebruikersnamen en wachtwoorden van "
         "de VPN-gebruikers zijn daardoor uitgelekt (ze stonden op de lijst die in november 2020 op een hackersforum "
         "verscheen) en op 3 februari heeft een aanvaller zich met een van die accounts aangemeld.")
    B = ("Geen impact op het LIS, de analysers of de verzending van resultaten; de laboactiviteiten werden niet "
         "onderbroken. De aanvaller werd na ongeveer twee uur ontdekt, nog voor er iets versleuteld of gekopieerd werd.")
    C = ("VPN onmiddellijk uitgeschakeld, alle VPN-wachtwoorden gereset, forensisch onderzoek door een extern "
         "securitybedrijf, melding aan CERT.be.")
    D = "Firmware-update van de firewall, MFA op de VPN, jaarlijkse penetratietest door een externe partij."
    E = "n.v.t. (geen non-conformiteit aangemaakt, wel een incidentrapport van de IT-dienst)"
    text = ("Geachte,\n\n"
            "Hierbij ons antwoord op uw brief van 15 februari (ons erkenningsnummer is 8-12077-41-560).\n\n"
            "Ad a) %s\n\nAd b) %s\n\nAd c) %s\n\nAd d) %s\n\nAd e) %s\n\n"
            "Contactpersoon: Els Jacobs, kwaliteitscoördinator, els.jacobs@labovanhove.be, 014 41 22 90\n\n"
            "Met collegiale groeten,\n\n"
            "Dr. Wim Van Hove\n"
            "Labo Van Hove - Kempen\n") % (A, B, C, D, E)
    hdrs = [("From", "Wim Van Hove <wim.vanhove@labovanhove.be>"),
            ("To", "QL_secretariat@sciensano.be"),
            ("Cc", "Els Jacobs <els.jacobs@labovanhove.be>"),
            ("Subject", q_word("Cyberaanvl – labo xxxxx")),
            ("Date", "Fri, 26 Feb 2021 10:05:44 +0100"),
            ("Message-ID", "<20210226090544.7f3a2c1b@labovanhove.be>")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "base64", text)])
    write("nl-04.eml", msg, crlf=True)
    truth("nl-04.eml", "report",
          "Subject keeps the placeholder 'labo xxxxx' and has a one-letter typo 'Cyberaanvl': lab null, still a report; the body gives "
          "an erkenningsnummer that is not the subject's lab; 'Ad a)'..'Ad e)' labels with the answer on the same line; base64 UTF-8 "
          "plain, CRLF; contact is the Cc'd quality coordinator, not the signer; leaked FortiGate VPN credentials via an unpatched "
          "flaw (vulnerability + credentials + remote_access); no impact, 'niet onderbroken' => downtime 0 and impact none (the "
          "'twee uur' is the time to detection); e) 'n.v.t. (...)' kept, no reference.",
          lab=None, language="nl", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=[],
          contact=contact("Els Jacobs", "els.jacobs@labovanhove.be", "014 41 22 90"),
          tags=dict(cause=["vulnerability", "credentials", "remote_access"],
                    impact=["none"],
                    response=["isolation", "password_reset", "external_help"],
                    prevention=["patching", "mfa", "audit"]),
          downtime_days=0)


def de_01():
    """'Zu a):' labels, Dr. med., 'AW: Cyber-Angriff – Labor 4711', windows-1252 QP, Ursprüngliche Nachricht + French letter."""
    A = ("Ausnutzung der Sicherheitslücken im lokalen Exchange-Server (ProxyLogon, CVE-2021-26855), bevor das Update des "
         "Herstellers eingespielt war. Die Angreifer haben eine Webshell abgelegt und konnten damit auf Postfächer zugreifen.")
    B = ("Betroffen war vor allem der E-Mail-Verkehr: Der Exchange-Server wurde für zwei Tage vom Netz genommen, "
         "Befundberichte an Einsender, die sonst per E-Mail gehen, wurden in dieser Zeit per Fax verschickt. Die Angreifer "
         "haben nachweislich auf zwei Postfächer zugegriffen, darunter Befunde mit Patientendaten. Das "
         "Laborinformationssystem und die Analysegeräte waren nicht betroffen, der Laborbetrieb lief ohne Unterbrechung weiter.")
    C = ("Exchange-Server sofort vom Internet getrennt, Sicherheitsupdates eingespielt, Webshell entfernt und Server mit "
         "Unterstützung unseres IT-Dienstleisters neu aufgesetzt; alle Passwörter zurückgesetzt; Meldung an das CCB und an "
         "die Datenschutzbehörde.")
    D = ("Monatlicher Patch-Zyklus mit Notfall-Patches innerhalb von 48 Stunden, Umstieg auf Exchange Online mit "
         "Zwei-Faktor-Authentifizierung, Überwachung der Server-Logs durch den IT-Dienstleister.")
    E = "Abweichungsbericht AB 21-017."
    top = ("Sehr geehrter Herr Dr. Capron,\n\n"
           "leider müssen wir Ihnen nachträglich einen Angriff melden, der Anfang März unser Labor betroffen hat.\n\n"
           "Zu a):\n%s\n\nZu b):\n%s\n\nZu c):\n%s\n\nZu d):\n%s\n\nZu e):\n%s\n\n"
           "Für Rückfragen stehe ich Ihnen gerne zur Verfügung.\n\n"
           "Mit freundlichen Grüßen\n\n"
           "Dr. med. Stefan Keßler\n"
           "Facharzt für Laboratoriumsmedizin\n"
           "Labor Dr. Keßler & Partner\n"
           "Aachener Straße 21, 4700 Eupen\n"
           "Tel. +32 87 55 31 20\n") % (A, B, C, D, E)
    quoted = ("\n-----Ursprüngliche Nachricht-----\n"
              "Von: QL_secretariat <QL_secretariat@sciensano.be> \n"
              "Gesendet: Montag, 15. Februar 2021 14:02\n"
              "An: QL_secretariat <QL_secretariat@sciensano.be>\n"
              "Betreff: Cyber attack de laboratoires médicaux et d'institutions hospitalières – Apprentissage continu.\n\n"
              + letter("fr") + "\n")
    text = top + quoted
    hdrs = [("From", "Stefan =?windows-1252?Q?Ke=DFler?= <s.kessler@labor-kessler.be>"),
            ("To", "<QL_secretariat@sciensano.be>"),
            ("Subject", q_word("AW: Cyber-Angriff – Labor 4711", "windows-1252")),
            ("Date", "Thu, 18 Mar 2021 15:20:48 +0100"),
            ("Message-ID", "<002b01d71c09$a5e14f20$f1a3ed60$@labor-kessler.be>"),
            ("X-Mailer", "Microsoft Outlook 14.0"),
            ("Thread-Index", "AdcbUDBFxkR9cB+8S0qZ7pVbxuM2Ow=="),
            ("Content-Language", "de")]
    msg = assemble(hdrs, [part("text/plain", "windows-1252", "quoted-printable", text)])
    write("de-01.eml", msg)
    truth("de-01.eml", "report",
          "Late notification (March 2021) of an Exchange ProxyLogon exploitation; 'Zu a):'..'Zu e):' labels on their own line; "
          "plain text windows-1252 QP (ß, ü, en-dash 0x96); subject 'AW: Cyber-Angriff – Labor 4711' (German convention words, "
          "4-digit lab); French letter quoted below '-----Ursprüngliche Nachricht-----' with German Von:/Gesendet:/An:/Betreff: "
          "(quoted a)-e) are not answers, language de); no contact line: the signer (title 'Dr. med.' dropped); e-mail down 'zwei "
          "Tage' but 'der Laborbetrieb lief ohne Unterbrechung weiter' => downtime 0; results faxed instead of e-mailed (results); "
          "confirmed mailbox access with patient data (data_breach).",
          lab="4711", language="de", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["AB 21-017"],
          contact=contact("Stefan Keßler", "s.kessler@labor-kessler.be", "+32 87 55 31 20"),
          tags=dict(cause=["vulnerability"],
                    impact=["email", "results", "data_breach"],
                    response=["isolation", "external_help", "password_reset"],
                    prevention=["patching", "mfa", "monitoring"]),
          downtime_days=0)


def de_02():
    """Thunderbird HTML-only, table 'Frage | Antwort' with German paraphrases, plus a contact row."""
    rows = [("Ursache und Vorgehensweise",
             "Der Angriff betraf nicht unser Labor direkt, sondern die Klinik, für die wir die Analysen durchführen: Dort wurde "
             "über eine Phishing-Mail die Schadsoftware Emotet eingeschleust. Da unser Labor über eine permanente "
             "HL7-Schnittstelle und ein gemeinsames VPN mit der Klinik verbunden ist, bestand das Risiko einer Ausbreitung "
             "auf unser Netz."),
            ("Betroffene Tätigkeiten",
             "Keine Systeme des Labors wurden infiziert. Die elektronische Übermittlung von Aufträgen und Befunden zwischen "
             "Klinik und Labor war jedoch fünf Tage unterbrochen, weil die Schnittstelle getrennt wurde."),
            ("Sofortmaßnahmen",
             "Trennung der HL7-Schnittstelle und des VPN zur Klinik; Notfallplan des Labors: Aufträge auf Papier, telefonische "
             "Durchsage dringender Befunde, übrige Befunde per Kurier. Vollständige Überprüfung aller Rechner im Labor durch "
             "unseren IT-Dienstleister."),
            ("Vorbeugende Maßnahmen",
             "Firewall-Regeln zwischen Klinik und Labor nur noch für die HL7-Ports (Netzwerksegmentierung), EDR auf allen "
             "Arbeitsplätzen, Schulung aller Mitarbeitenden zum Erkennen von Phishing."),
            ("Eintrag im QM-System", "Reklamation REK-2021-03")]
    cell = '<td valign="top" style="border:1px solid #aaa;padding:3px">%s</td>'
    trs = "\n".join("<tr>\n%s\n%s\n</tr>" % (cell % esc(q), cell % esc(a)) for q, a in rows)
    trs += "\n<tr>\n%s\n%s\n</tr>" % (cell % "Kontaktperson",
                                       cell % "Dr. Anja Lenz, Qualitätsmanagerin, anja.lenz@labor-ostbelgien.be, +32 80 22 91 44")
    body = ('<html>\n  <head>\n    <meta http-equiv="content-type" content="text/html; charset=UTF-8">\n  </head>\n'
            '  <body>\n    <p>Sehr geehrte Damen und Herren,</p>\n'
            '    <p>anbei unsere Antworten auf Ihr Schreiben vom 15.02.2021:</p>\n'
            '    <table style="border-collapse:collapse" width="100%" cellspacing="0" cellpadding="3" border="1">\n'
            '<tr>\n<th style="border:1px solid #aaa;text-align:left">Frage</th>\n'
            '<th style="border:1px solid #aaa;text-align:left">Antwort</th>\n</tr>\n'
            + trs + '\n    </table>\n'
            '    <p>Mit freundlichen Grüßen<br>\n      Dr. Martin Heinen<br>\n      Ärztlicher Leiter<br>\n'
            '      Labor Ostbelgien, Sankt Vith</p>\n'
            '    <div class="moz-signature">-- <br>\n      Labor Ostbelgien GmbH – Klosterstraße 9 – 4780 Sankt Vith</div>\n'
            '  </body>\n</html>\n')
    hdrs = [("Message-ID", "<b7e4d0a2-91c3-4f5e-8a6b-2d0c1e9f3a57@labor-ostbelgien.be>"),
            ("Date", "Mon, 22 Feb 2021 08:41:13 +0100"),
            ("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:78.0)\n Gecko/20100101 Thunderbird/78.7.1"),
            ("Content-Language", "de-DE"),
            ("To", "QL_secretariat@sciensano.be"),
            ("Cc", "Anja Lenz <anja.lenz@labor-ostbelgien.be>"),
            ("From", "Martin Heinen <m.heinen@labor-ostbelgien.be>"),
            ("Subject", q_word("Cyberangriff – Labor 60488"))]
    msg = assemble(hdrs, [part("text/html", "UTF-8", "base64", body)])
    write("de-02.eml", msg)
    truth("de-02.eml", "report",
          "Thunderbird HTML-only (UTF-8 base64) with a two-column table: header row of <th> 'Frage | Antwort', German paraphrases "
          "in the question cells ('Ursache und Vorgehensweise', 'Betroffene Tätigkeiten', 'Sofortmaßnahmen', 'Vorbeugende "
          "Maßnahmen', 'Eintrag im QM-System'), then a 'Kontaktperson' row (not an answer) naming the Cc'd quality manager, not the "
          "signer; the connected clinic was hit (supplier = connected partner, phishing + Emotet malware); only electronic "
          "order/result exchange hit, 'fünf Tage' = 5; '-- ' moz-signature.",
          lab="60488", language="de", sections={k: a for k, (_, a) in zip("abcde", rows)},
          references=["REK-2021-03"],
          contact=contact("Anja Lenz", "anja.lenz@labor-ostbelgien.be", "+32 80 22 91 44"),
          tags=dict(cause=["supplier", "phishing", "malware"],
                    impact=["results"],
                    response=["isolation", "degraded_mode", "paper", "external_help"],
                    prevention=["segmentation", "edr", "training"]),
          downtime_days=5)


def en_01():
    """Gmail prose without labels; one paragraph answers c) and d); '> ' quoted French letter."""
    A = ("The attackers logged in to our VPN on 26 January with the username and password of one of our lab technologists. "
         "The password had been reused on a private website whose user database leaked last year, and the VPN had no second "
         "factor. Once inside they spent about a day exploring the network before launching the ransomware (a Ryuk variant, "
         "according to the forensic team).")
    B = ("Our LIS and the middleware server were encrypted, so for roughly 48 hours we had no LIS at all: requests were "
         "registered on paper, the analyzers ran in stand-alone mode and results for GPs and the hospital wards were delayed. "
         "We found no evidence that patient data left the network.")
    C = ("As immediate measures we disconnected the VPN, reset every password in the domain, called in an incident-response "
         "firm and rebuilt the LIS from the previous night's offline backup.")
    D = ("To prevent a repeat, multi-factor authentication is now mandatory for VPN and webmail, and every employee follows "
         "a yearly security awareness course.")
    E = "In our quality system the event is recorded as non-conformity NCR-21-0112."
    body = ("Dear Dr Capron,\n\n"
            "Thank you for your letter. Our laboratory was indeed affected at the end of January, so here is what we can "
            "share.\n\n" + A + "\n\n" + B + "\n\n" + C + " " + D + "\n\n" + E + "\n\n"
            "For any further question, please contact our IT coordinator, Ms Laura Whitfield "
            "(laura.whitfield@bidl.brussels, +32 2 717 40 55).\n\n"
            "Kind regards,\n\n"
            "Michael O'Connor, MD PhD\n"
            "Laboratory Director\n"
            "Brussels International Diagnostic Laboratory\n")
    attrib = "On Mon, 15 Feb 2021 at 10:12, QL_secretariat <QL_secretariat@sciensano.be> wrote:"
    let = letter("fr")
    text = body + "\n" + attrib + "\n\n" + quote_gt(let) + "\n"
    htmlb = (gmail_html(body) + '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' + esc(attrib) +
             '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
             'rgb(204,204,204);padding-left:1ex">' + "\n".join("<div>%s</div>" % (esc(l) if l else "<br>") for l in let.split("\n"))
             + "</blockquote></div>\n")
    hdrs = [("From", "Michael O'Connor <m.oconnor@bidl.brussels>"),
            ("Date", "Tue, 23 Feb 2021 18:06:52 +0100"),
            ("Message-ID", "<CAJx7Lq9rN0vF4mY2bT8kWcQ5dZ1hE3uGq6oP0sA9xV2n7mK4Lw@mail.gmail.com>"),
            ("Subject", "Cyber attack - lab 99887"),
            ("To", "QL_secretariat <QL_secretariat@sciensano.be>"),
            ("In-Reply-To", "<AM6PR09MB2851A1B2C3D4E5F60718293A4B5C6D7E@AM6PR09MB2851.eurprd09.prod.outlook.com>"),
            ("References", "<AM6PR09MB2851A1B2C3D4E5F60718293A4B5C6D7E@AM6PR09MB2851.eurprd09.prod.outlook.com>")]
    msg = assemble(hdrs, [part("text/plain", "UTF-8", "quoted-printable", text),
                          part("text/html", "UTF-8", "quoted-printable", htmlb)],
                   boundary="000000000000a3c4e205bc0e7d21")
    write("en-01.eml", msg)
    truth("en-01.eml", "report",
          "Gmail prose with no labels: intro, one paragraph for a), one for b), ONE paragraph holding both c) (first sentence) and "
          "d) (second sentence, 'To prevent a repeat ...'), one for e); subject without RE: and with 'lab' (not 'labo'); the French "
          "letter quoted with '> ' under an 'On Mon, 15 Feb 2021 at 10:12, ... wrote:' attribution; contact is the IT coordinator "
          "named in the body, not the signer; reused leaked password on the VPN without MFA + Ryuk; 'roughly 48 hours' = 2.",
          lab="99887", language="en", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["NCR-21-0112"],
          contact=contact("Laura Whitfield", "laura.whitfield@bidl.brussels", "+32 2 717 40 55"),
          tags=dict(cause=["credentials", "remote_access", "ransomware"],
                    impact=["lis", "analyzers", "results"],
                    response=["isolation", "password_reset", "external_help", "backup_restore"],
                    prevention=["mfa", "training"]),
          downtime_days=2)


def en_02():
    """Markdown-ish '**a)**' from a web client, format=flowed 8bit, an 'Addendum to a):' after the signature-ish contact line."""
    A1 = "DDoS attack against our online results portal (results.labogentbrugge.be) on 24 February."
    A2 = ("the provider's forensic report (received 3 March) shows the DDoS was a smokescreen. At the same time someone ran a "
          "credential-stuffing attack on the portal login page and got into 14 patient accounts that used passwords leaked "
          "elsewhere. Those accounts have been locked and the patients informed.")
    B = ("The portal was offline for about 9 hours, so GPs and patients could not consult results online. LIS, analyzers and "
         "the HL7 link to the hospitals kept working.")
    C = ("Our hosting provider switched on DDoS scrubbing and we went to our fallback procedure: urgent results were phoned "
         "to the GPs and the rest was sent through the eHealthBox once the portal was back.")
    D = "2FA for all portal accounts (GPs and patients) and a permanent DDoS protection contract with the hosting provider."
    E = "Complaint CMP-2021-019 in our QMS."
    text = ("Hi,\n\n"
            "Forwarding our reply again since we never got an acknowledgement – not sure the first one arrived. I've added "
            "an addendum at the bottom with what our hosting provider found afterwards.\n\n"
            "**a)** %s\n\n**b)** %s\n\n**c)** %s\n\n**d)** %s\n\n**e)** %s\n\n"
            "**Contact:** me, Jonas Verbeke, +32 9 331 20 70\n\n"
            "**Addendum to a):** %s\n\n"
            "Best regards,\nJonas\n\n"
            "-- \nJonas Verbeke\nIT & Quality coordinator\nLabo Gentbrugge\n") % (A1, B, C, D, E, A2)
    hdrs = [("Date", "Thu, 04 Mar 2021 09:17:26 +0100"),
            ("From", "Jonas Verbeke <jonas.verbeke@labogentbrugge.be>"),
            ("To", "QL_secretariat@sciensano.be"),
            ("Subject", q_word("Fwd: RE: Cyber attaque – labo 70342")),
            ("Message-ID", "<e3b0c44298fc1c149afbf4c8996fb924@labogentbrugge.be>"),
            ("X-Sender", "jonas.verbeke@labogentbrugge.be"),
            ("User-Agent", "Roundcube Webmail/1.4.11")]
    msg = assemble(hdrs, [part("text/plain", "UTF-8", "8bit", flowed(text), "; format=flowed")])
    write("en-02.eml", msg)
    truth("en-02.eml", "report",
          "Markdown-ish '**a)**' labels typed in a webmail (Roundcube, format=flowed, 8bit UTF-8); stacked 'Fwd: RE:' prefixes; "
          "a) is answered twice: a one-line answer in its place and an '**Addendum to a):**' paragraph after the contact line. "
          "Truth a) = both joined (an analyst wants the complete cause: DDoS as smokescreen for credential stuffing => ddos + "
          "credentials); the addendum is not part of e); '**Contact:** me' = the sender; 'about 9 hours' = 0.375 (results portal "
          "only, as the dev corpus counts portal outages).",
          lab="70342", language="en", sections=dict(a=A1 + " " + A2, b=B, c=C, d=D, e=E),
          references=["CMP-2021-019"],
          contact=contact("Jonas Verbeke", "jonas.verbeke@labogentbrugge.be", "+32 9 331 20 70"),
          tags=dict(cause=["ddos", "credentials"],
                    impact=["results"],
                    response=["external_help", "degraded_mode"],
                    prevention=["mfa"]),
          downtime_days=0.375)


def fr_06():
    """Secretary forwards (Gmail '---------- Forwarded message ---------') the biologist's answers numbered 1.-5."""
    A = ("Le serveur de bureau à distance (RDP) utilisé par les secrétaires en télétravail était directement exposé sur "
         "Internet. Un compte a été trouvé par force brute (mot de passe trop simple) et le rançongiciel Phobos a été "
         "lancé sur ce serveur et sur le partage réseau.")
    B = ("Le serveur du secrétariat et le partage contenant les fichiers de facturation et les courriers ont été chiffrés. "
         "La facturation a été arrêtée pendant dix jours. Le SIL, hébergé chez l'éditeur, et les automates n'ont pas été "
         "touchés : l'activité analytique a continué normalement.")
    C = ("Déconnexion du serveur, intervention de notre prestataire informatique qui a restauré les données à partir de la "
         "sauvegarde externe (perte d'une journée de travail), plainte à la police locale.")
    D = ("Fermeture du port RDP, accès à distance uniquement via VPN avec double authentification, mots de passe de 14 "
         "caractères minimum, sauvegarde quotidienne hors site.")
    E = "NC-2021/04."
    inner = ("Anne-Sophie,\n\n"
             "Peux-tu transmettre ceci à Sciensano (QL_secretariat) ? Merci !\n\n"
             "1. %s\n\n2. %s\n\n3. %s\n\n4. %s\n\n5. %s\n\n"
             "Personne de contact : moi-même (081 22 65 10).\n\n"
             "Olivier\n\n"
             "--\n"
             "Dr Olivier Lemaire\n"
             "Biologiste clinicien – Laboratoire Mosan\n") % (A, B, C, D, E)
    fwd = ("---------- Forwarded message ---------\n"
           "De : Olivier Lemaire <olivier.lemaire@labmosan.be>\n"
           "Date: ven. 19 févr. 2021 à 16:42\n"
           "Subject: Re: Cyber attaque – labo 52614\n"
           "To: Secrétariat Laboratoire Mosan <secretariat.labmosan@gmail.com>\n")
    note = ("Bonjour,\n\n"
            "Voici la réponse de notre biologiste, le Dr Lemaire, à votre courrier concernant les cyberattaques.\n\n"
            "Bien à vous,\n\n"
            "Anne-Sophie Renard\n"
            "Secrétariat – Laboratoire Mosan\n"
            "Avenue des Combattants 3, 5100 Jambes\n")
    text = note + "\n" + fwd + "\n\n" + inner
    htmlb = (gmail_html(note) + '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message '
             '---------<br>De&nbsp;: <strong class="gmail_sendername" dir="auto">Olivier Lemaire</strong> <span dir="auto">&lt;'
             '<a href="mailto:olivier.lemaire@labmosan.be">olivier.lemaire@labmosan.be</a>&gt;</span><br>Date: ven. 19 févr. '
             '2021 à 16:42<br>Subject: Re: Cyber attaque – labo 52614<br>To: Secrétariat Laboratoire Mosan &lt;'
             '<a href="mailto:secretariat.labmosan@gmail.com">secretariat.labmosan@gmail.com</a>&gt;<br></div><br><br>'
             + gmail_html(inner) + "</div>\n")
    hdrs = [("From", q_word("Secrétariat Laboratoire Mosan") + " <secretariat.labmosan@gmail.com>"),
            ("Date", "Mon, 22 Feb 2021 09:12:40 +0100"),
            ("Message-ID", "<CAHr4d9Zk2bW1x8Qm0LfT7uVn3sJpG5aE6yR9cD2oK1iHw7MbXg@mail.gmail.com>"),
            ("Subject", q_word("Fwd: Re: Cyber attaque – labo 52614")),
            ("To", "QL_secretariat@sciensano.be")]
    msg = assemble(hdrs, [part("text/plain", "UTF-8", "base64", text),
                          part("text/html", "UTF-8", "base64", htmlb)],
                   boundary="0000000000004f1b8e05bbe0c6a9")
    write("fr-06.eml", msg)
    truth("fr-06.eml", "report",
          "Gmail forward by the lab secretary ('---------- Forwarded message ---------' with a French-UI 'De :' but English "
          "'Subject:/To:'), both parts base64; her note on top ('Voici la réponse de notre biologiste') answers nothing; the "
          "biologist's forwarded mail numbers the answers '1.'..'5.' and says 'moi-même' => contact is the biologist (address from "
          "the forwarded 'De :' line), not the secretary who sent the mail; exposed RDP brute-forced + Phobos ransomware; only "
          "billing hit ('dix jours') but 'l'activité analytique a continué normalement' => downtime 0.",
          lab="52614", language="fr", sections=dict(a=A, b=B, c=C, d=D, e=E),
          references=["NC-2021/04"],
          contact=contact("Olivier Lemaire", "olivier.lemaire@labmosan.be", "081 22 65 10"),
          tags=dict(cause=["remote_access", "credentials", "ransomware"],
                    impact=["admin"],
                    response=["isolation", "external_help", "backup_restore", "police_report"],
                    prevention=["mfa", "access_control", "backup"]),
          downtime_days=0)


def x_01():
    """Postfix bounce (multipart/report) returning Sciensano's follow-up, which quotes a full report."""
    report = ("a) Attaque par rançongiciel après ouverture d'une pièce jointe piégée (faux bon de commande).\n"
              "b) SIL et automates à l'arrêt pendant quatre jours, résultats envoyés sur papier.\n"
              "c) Plan dégradé, sous-traitance des analyses urgentes au CHR, restauration depuis les sauvegardes.\n"
              "d) Antivirus de nouvelle génération, formation du personnel, sauvegardes hors ligne.\n"
              "e) NC-2021-011\n\n"
              "Personne de contact : Françoise Dumont, 019 33 41 07\n")
    inner_text = ("Bonjour Madame Dumont,\n\n"
                  "Merci pour votre réponse. Pourriez-vous nous préciser si la non-conformité NC-2021-011 couvre aussi "
                  "la période de sous-traitance ?\n\n"
                  "Bien cordialement,\n\n"
                  "Secrétariat Qualité des Laboratoires\nSciensano\n\n"
                  "De : Françoise Dumont <f.dumont@labo-hesbaye.be>\n"
                  "Envoyé : vendredi 19 février 2021 17:22\n"
                  "À : QL_secretariat <QL_secretariat@sciensano.be>\n"
                  "Objet : Cyber attaque – labo 18230\n\n" + report)
    inner = ("Received: from EXCH01.sciensano.be (mail.sciensano.be [193.191.210.12])\n"
             "\tby mail.labo-hesbaye.be (Postfix) with ESMTPS id 4DmR2x0K3Lz9tQb\n"
             "\tfor <f.dumont@labo-hesbaye.be>; Tue, 23 Feb 2021 14:05:31 +0100 (CET)\n"
             "From: QL_secretariat <QL_secretariat@sciensano.be>\n"
             "To: =?utf-8?Q?Fran=C3=A7oise_Dumont?= <f.dumont@labo-hesbaye.be>\n"
             "Subject: " + q_word("RE: Cyber attaque – labo 18230") + "\n"
             "Date: Tue, 23 Feb 2021 13:05:27 +0000\n"
             "Message-ID: <PR3P196MB4733AA11BB22CC33DD44EE55FF66@PR3P196MB4733.EURP192.prod.outlook.com>\n"
             "MIME-Version: 1.0\n"
             'Content-Type: text/plain; charset="utf-8"\n'
             "Content-Transfer-Encoding: quoted-printable\n\n" + qp(inner_text, "utf-8"))
    notice = ("This is the mail system at host mail.labo-hesbaye.be.\n\n"
              "I'm sorry to have to inform you that your message could not\n"
              "be delivered to one or more recipients. It's attached below.\n\n"
              "For further assistance, please send mail to postmaster.\n\n"
              "If you do so, please include this problem report. You can\n"
              "delete your own text from the attached returned message.\n\n"
              "                   The mail system\n\n"
              "<f.dumont@labo-hesbaye.be>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1\n"
              "    <f.dumont@labo-hesbaye.be>: Recipient address rejected: User unknown in\n"
              "    virtual mailbox table (in reply to RCPT TO command)\n")
    dsn = ("Reporting-MTA: dns; mail.labo-hesbaye.be\n"
           "X-Postfix-Queue-ID: 4DmR2x0K3Lz9tQb\n"
           "X-Postfix-Sender: rfc822; QL_secretariat@sciensano.be\n"
           "Arrival-Date: Tue, 23 Feb 2021 14:05:31 +0100 (CET)\n\n"
           "Final-Recipient: rfc822; f.dumont@labo-hesbaye.be\n"
           "Original-Recipient: rfc822;f.dumont@labo-hesbaye.be\n"
           "Action: failed\n"
           "Status: 5.1.1\n"
           "Remote-MTA: dns; 127.0.0.1\n"
           "Diagnostic-Code: smtp; 550 5.1.1 <f.dumont@labo-hesbaye.be>: Recipient address\n"
           "    rejected: User unknown in virtual mailbox table\n")
    bnd = "4DmR2y1Bq4z9tQc.1614085532/mail.labo-hesbaye.be"
    msg = ("Return-Path: <>\n"
           "Received: by mail.labo-hesbaye.be (Postfix)\n\tid 4DmR2y1Bq4z9tQc; Tue, 23 Feb 2021 14:05:32 +0100 (CET)\n"
           "Date: Tue, 23 Feb 2021 14:05:32 +0100 (CET)\n"
           "From: MAILER-DAEMON@mail.labo-hesbaye.be (Mail Delivery System)\n"
           "Subject: Undelivered Mail Returned to Sender\n"
           "To: QL_secretariat@sciensano.be\n"
           "Auto-Submitted: auto-replied\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status;\n"
           '\tboundary="%s"\n'
           "Content-Transfer-Encoding: 8bit\n"
           "Message-Id: <20210223130532.4DmR2y1Bq4z9tQc@mail.labo-hesbaye.be>\n\n"
           "This is a MIME-encapsulated message.\n\n"
           "--%s\n"
           "Content-Description: Notification\n"
           "Content-Type: text/plain; charset=us-ascii\n\n%s\n"
           "--%s\n"
           "Content-Description: Delivery report\n"
           "Content-Type: message/delivery-status\n\n%s\n"
           "--%s\n"
           "Content-Description: Undelivered Message\n"
           "Content-Type: message/rfc822\n"
           "Content-Transfer-Encoding: 8bit\n\n%s\n"
           "--%s--\n") % (bnd, bnd, notice, bnd, dsn, bnd, inner, bnd)
    write("x-01.eml", msg)
    truth("x-01.eml", "bounce",
          "Postfix 'Undelivered Mail Returned to Sender' (multipart/report; report-type=delivery-status, From MAILER-DAEMON) for "
          "Sciensano's follow-up question to lab 18230; the returned message/rfc822 part has the convention subject and quotes the "
          "lab's complete a)-e) report with a contact line, which must not make the bounce a report.")


def x_02():
    """A lab asks about the EQA schedule; mentions 'cyber' once; subject looks like the convention ('labo 40917')."""
    text = ("Beste,\n\n"
            "Kunnen jullie mij de planning van de EKE-enquêtes voor 2021 bezorgen (klinische chemie, hematologie en "
            "immunoserologie)? Onze kwaliteitsverantwoordelijke volgt in maart een opleiding cyberveiligheid en is dan "
            "twee weken afwezig, dus ik wil de verzendingen van de stalen op voorhand inplannen.\n\n"
            "Mogen de resultaten van de enquête 2021/1 nog via het oude toolkit-formulier doorgestuurd worden, of enkel nog "
            "via de nieuwe webapplicatie?\n\n"
            "Alvast bedankt,\n\n"
            "Hanne Wuyts\n"
            "Laboratoriumtechnoloog\n"
            "Klinisch Labo Demer - labo 40917\n"
            "013 55 20 61\n")
    hdrs = [("From", "Hanne Wuyts <hanne.wuyts@labodemer.be>"),
            ("To", "QL_secretariat@sciensano.be"),
            ("Subject", q_word("Planning EKE 2021 – labo 40917")),
            ("Date", "Wed, 24 Feb 2021 10:33:18 +0100"),
            ("Message-ID", "<DB9PR03MB7340F2A81C7D4E6B5A3918C0A69E1@DB9PR03MB7340.eurprd03.prod.outlook.com>"),
            ("Content-Language", "nl-BE")]
    msg = assemble(hdrs, [part("text/plain", "utf-8", "quoted-printable", text)])
    write("x-02.eml", msg)
    truth("x-02.eml", "unrelated",
          "A lab technologist asks the secretariat for the 2021 EQA (EKE) schedule; subject 'Planning EKE 2021 – labo 40917' "
          "mimics the convention's '– labo NNNNN' tail and the body mentions 'cyberveiligheid' once (a training course), but it "
          "reports no attack and answers no question.")


def main():
    for f in (fr_01, fr_02, fr_03, fr_04, fr_05, fr_06, nl_01, nl_02, nl_03, nl_04, de_01, de_02, en_01, en_02, x_01, x_02):
        f()
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(TRUTH, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("wrote %d files" % len(TRUTH))


if __name__ == "__main__":
    main()
