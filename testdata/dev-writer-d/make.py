#!/usr/bin/env python3
"""Build the holdout4 corpus: 13 reports (fr 6, nl 5, de 1, en 1) and 4 non-reports (an
out-of-office without RFC 3834 headers, one with them, a Postfix bounce, a newsletter), plus
truth.json in the format of shared/CONTRACT.md.

usage: python3 make.py   (writes next to itself; deterministic; standard library only)

Written by an outside writer who never read the parser: the styles are chosen to be ones the
development corpus lacks (3-column Word table, 'Point 1 :' labels, copied questions with '→'
answers, forward as a message/rfc822 attachment, bottom-posting, format=flowed with a mojibake
subject, unlabelled prose, partial first notice and its follow-up quoting it without '>',
answers in a .docx table and in a .txt attachment, base64 ISO-8859-1 German...).

Answers are marked inline as [[a:...]] .. [[e:...]] in each source; the markers are stripped
before encoding and their content (HTML rendered to text, whitespace collapsed) becomes the
section truth. After writing, every file is re-parsed with the email package and every truth
span must occur in the decoded text of the message (text parts, HTML rendered, .docx read).
"""
import base64, html, io, json, os, quopri, re, textwrap, zipfile
import email, email.policy
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"\[\[([a-e]):(.*?)\]\]", re.S)
GROUPS = ("cause", "impact", "response", "prevention")


def unmark(s):
    return re.sub(r"\[\[[a-e]:|\]\]", "", s)


def norm(s):
    return " ".join((s or "").split())


class _Text(HTMLParser):
    BLOCK = {"p", "div", "tr", "table", "ul", "ol", "blockquote", "h1", "h2", "h3", "hr", "li"}
    SKIP = {"head", "style", "script", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip -= 1
        elif tag in self.BLOCK or tag in ("td", "th"):
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(s):
    p = _Text()
    p.feed(s)
    p.close()
    return "".join(p.out)


def spans(src, kind="text"):
    """The truth sections of a marked source; kind is text, html or docx (WordprocessingML)."""
    out = {k: [] for k in "abcde"}
    for k, v in MARK.findall(src):
        if kind == "html":
            v = html_text(v)
        elif kind == "docx":
            v = docx_xml_text(v)
        out[k].append(norm(v))
    return {k: " ".join(v) for k, v in out.items()}


# ------------------------------------------------------------------ headers
def enc_words(value, charset, mode="Q", first=0):
    """RFC 2047 encoded words of at most 75 characters, split on character boundaries."""
    words, cur = [], ""
    pre = f"=?{charset}?{mode}?"

    def encode(s):
        b = s.encode(charset)
        if mode == "B":
            return base64.b64encode(b).decode("ascii")
        out = []
        for ch in b:
            c = chr(ch)
            if c == " ":
                out.append("_")
            elif ch < 128 and (c.isalnum() or c in "!*+-/"):
                out.append(c)
            else:
                out.append("=%02X" % ch)
        return "".join(out)

    for ch in value:
        if len(pre) + len(encode(cur + ch)) + 2 > 75 - (first if not words else 1):
            words.append(pre + encode(cur) + "?=")
            cur = ""
        cur += ch
    if cur:
        words.append(pre + encode(cur) + "?=")
    return "\n ".join(words)


# ------------------------------------------------------------------ MIME tree
class Part:
    def __init__(self, headers, body=None, children=None, boundary=None):
        self.headers, self.body, self.children, self.boundary = headers, body, children, boundary

    def to_bytes(self, nl):
        head = "".join(f"{k}: {v}\n" for k, v in self.headers)
        out = (head + "\n").replace("\n", nl).encode("ascii")
        if self.children is None:
            return out + self.body
        pre = self.body or b""
        out += pre
        for c in self.children:
            out += f"--{self.boundary}\n".replace("\n", nl).encode("ascii") + c.to_bytes(nl) + nl.encode("ascii")
        out += f"--{self.boundary}--\n".replace("\n", nl).encode("ascii")
        return out


def encode_body(data, cte, crlf):
    if cte == "quoted-printable":
        out = quopri.encodestring(data)
    elif cte == "base64":
        out = base64.encodebytes(data)
    else:
        out = data
    if crlf:
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return out


def text_part(ctype, text, charset, cte, crlf, params="", extra=()):
    text = unmark(text)
    if not text.endswith("\n"):
        text += "\n"
    h = [("Content-Type", f'{ctype}; charset="{charset}"{params}'), ("Content-Transfer-Encoding", cte)] + list(extra)
    return Part(h, encode_body(text.encode(charset), cte, crlf))


def multi(subtype, boundary, children, extra=(), params=""):
    return Part([("Content-Type", f'multipart/{subtype};{params}\n\tboundary="{boundary}"')] + list(extra),
                children=children, boundary=boundary)


def message(headers, root, crlf=False, mime_first=False):
    """headers: top-level (name, value); root: the body Part whose headers are merged in."""
    nl = "\r\n" if crlf else "\n"
    mv = [("MIME-Version", "1.0")]
    hs = (mv + list(headers) if mime_first else list(headers) + mv) + root.headers
    top = Part(hs, root.body, root.children, root.boundary)
    return top.to_bytes(nl)


# ------------------------------------------------------------------ format=flowed
def flowed(text, width=72):
    out = []
    for ln in text.split("\n"):
        m = re.match(r"^(>+ ?)", ln)
        prefix = m.group(1) if m else ""
        body = ln[len(prefix):]
        if ln.rstrip() == "--" or len(ln) <= width:
            out.append(ln.rstrip() if ln.rstrip() != "--" else "-- ")
            continue
        wrapped = textwrap.wrap(body, width - len(prefix), break_long_words=False, break_on_hyphens=False)
        for i, w in enumerate(wrapped):
            if not prefix and (w.startswith(" ") or w.startswith("From ")):
                w = " " + w
            out.append(prefix + w + (" " if i < len(wrapped) - 1 else ""))
    return "\n".join(out)


# ------------------------------------------------------------------ .docx
def docx_xml_text(xml):
    xml = re.sub(r"</w:p>", "\n", xml)
    xml = re.sub(r"<w:tab/>", "\t", xml)
    xml = re.sub(r"<[^>]+>", "", xml)
    return html.unescape(xml)


def w_par(text, bold=False):
    """One Word paragraph; text may carry [[x: markers, kept in the XML for spans()."""
    runs = []
    # Word splits runs at spell-check and revision boundaries: split each sentence in two runs.
    for piece in re.split(r"(?<=[.;:]) ", text):
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(piece, quote=False)} </w:t></w:r>')
    return f"<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr>{''.join(runs)}</w:p>"


def w_table(rows):
    trs = []
    for cells in rows:
        tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(w_par(p, b) for p in paras)}</w:tc>'
                      for (w, b, paras) in cells)
        trs.append(f"<w:tr>{tcs}</w:tr>")
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="2600"/><w:gridCol w:w="6400"/></w:tblGrid>' + "".join(trs) + "</w:tbl>")


def docx(body_xml):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>' +
           unmark(body_xml) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kwaliteit</dc:creator></cp:coreProperties>',
        "word/document.xml": doc,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2021, 3, 8, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def attachment(ctype, name, data, crlf=False):
    h = [("Content-Type", f'{ctype}; name="{name}"'), ("Content-Description", name),
         ("Content-Disposition", f'attachment; filename="{name}"; size={len(data)}'),
         ("Content-Transfer-Encoding", "base64")]
    return Part(h, encode_body(data, "base64", crlf))


# ------------------------------------------------------------------ letters (quoted by replies)
FR_LETTER = """Cher(e)s collègues,

Dans le courant des mois de décembre 2020 et janvier 2021, plusieurs centres hospitaliers et laboratoires ont été victimes d'une cyber-attaque. En conséquence, l'unité de lutte contre la criminalité informatique (Computer Crime Unit) de la police fédérale a ouvert une enquête.

Ces attaques peuvent affecter la sécurité des données gérées par les institutions concernées ainsi que l'organisation des activités des laboratoires (inaccessibilité des serveurs, etc.). Ces attaques peuvent impacter les laboratoires et tous les services associés sur le même réseau pendant plusieurs jours.

Afin d'évaluer les causes possibles et l'impact que ces attaques ont pu avoir sur l'activité des laboratoires médicaux, si votre laboratoire est concerné, nous vous prions de nous communiquer les informations suivantes (si votre laboratoire est concerné) :

- a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates
- b) Les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités,
- c) les actions correctives immédiates qui ont été prises pour garantir la sécurité des données et la continuité des activités du laboratoire (application d'un plan dégradé, sous-traitance de certaines analyses...),
- d) les mesures préventives prises par le laboratoire, ou par l'institution hospitalière, pour éviter ou limiter l'impact de ce type d'attaque à l'avenir,
- e) la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de plainte ou de non-conformité),

Si votre laboratoire devait être victime de telles attaques à l'avenir, veuillez nous en informer et nous fournir au moins les informations énumérées dans cette lettre, y compris une personne de contact.

Les informations demandées peuvent être transmises directement au secrétariat du service Qualité des Laboratoires QL_secretariat@sciensano.be avec en objet du mail « Cyber attaque – labo xxxxx ». Cette communication respectera la confidentialité liée à l'incident signalé.

Nous vous remercions pour votre précieuse coopération dans la création d'un environnement plus sûr pour notre système de santé.

Très cordialement,

Dr Arnaud Capron
Chef de service Qualité des Laboratoires
Sciensano
Tél. : +32 2 642 53 97
E-mail : arnaud.capron@sciensano.be"""

NL_LETTER = """Geachte collega's,

In de maanden december 2020 en januari 2021 zijn verschillende ziekenhuizen en laboratoria het slachtoffer geworden van een cyberaanval. Naar aanleiding hiervan, heeft de eenheid computercriminaliteit (Computer Crime Unit (CCU)) van de federale politie een onderzoek ingezet.

Om na te gaan wat de mogelijke oorzaken waren en welk effect deze aanvallen op de activiteiten van de medische laboratoria hebben gehad, wordt u verzocht (indien betrokken) ons de volgende informatie te verstrekken:

- a) De vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben
- b) De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten,
- c) De onmiddellijke, corrigerende maatregelen die werden ondernomen om de veiligheid van de gegevens en de continuïteit van de laboratoriumactiviteiten te waarborgen (toepassing van een noodplan, onderaanneming van bepaalde analyses...),
- d) De preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken,
- e) De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit).

Mocht uw laboratorium in de toekomst het slachtoffer worden van dergelijke aanvallen, dan verzoeken wij u ons op de hoogte te brengen en ons ten minste de in deze brief genoemde gegevens te bezorgen, met inbegrip van een contactpersoon.

De gevraagde informatie kan rechtstreeks worden toegezonden aan het secretariaat van de dienst Kwaliteit van Laboratoria (QL_secretariat@sciensano.be) met als onderwerp "Cyberaanval – labo xxxxx". Uw privacy van het gemelde incident zal bij deze communicatie gerespecteerd worden.

Met de meeste hoogachting,

Dr Arnaud Capron
Diensthoofd Kwaliteit van Laboratoria, Sciensano
Tel.: +32 2 642 53 97
E-mail: arnaud.capron@sciensano.be"""

FR_LETTER_SUBJECT = "Cyber attack de laboratoires médicaux et d'institutions hospitalières – Apprentissage continu."
NL_LETTER_SUBJECT = "Cyberaanval op medische laboratoria en ziekenhuisinstellingen - Levenslang leren."

SCIENSANO = "QL_secretariat <QL_secretariat@sciensano.be>"


def quoted(text, prefix="> "):
    return "\n".join((prefix + ln).rstrip() if ln else prefix.rstrip() for ln in text.split("\n"))


def mso_paras(text):
    """Plain text (markers kept) to Outlook/Word HTML paragraphs."""
    out = []
    for ln in text.split("\n"):
        if ln.strip():
            out.append(f'<p class="MsoNormal">{html.escape(ln, quote=False)}<o:p></o:p></p>')
        else:
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    return "\n".join(out)


MSO_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={cs}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
	{{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}}
table.MsoTableGrid
	{{mso-style-priority:39;
	border:solid windowtext 1.0pt;}}
span.E-mailStijl18
	{{mso-style-type:personal-reply;
	font-family:"Calibri",sans-serif;
	color:windowtext;}}
.MsoChpDefault
	{{mso-style-type:export-only;
	font-size:10.0pt;}}
@page WordSection1
	{{size:612.0pt 792.0pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}}
div.WordSection1
	{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="{lang}" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""

MSGS = []


def T(lab, lang, refs, contact, tags, down, note, review=False):
    name, mail, phone = contact
    return {"kind": "report", "lab": lab, "language": lang, "references": refs,
            "contact": {"name": name, "email": mail, "phone": phone},
            "tags": {g: sorted(set(tags.get(g, []))) for g in GROUPS},
            "downtime_days": down, "needs_review": review, "note": note}


def add(file, src, raw, truth, kind="text"):
    """src: the marked source the truth spans come from."""
    if truth["kind"] == "report":
        truth["sections"] = spans(src, kind)
    MSGS.append((file, raw, truth))


# ================================================================== fr-01
# Outlook 2016 HTML-only reply (windows-1252 QP, CRLF): a 3-column Word table
# (point | question paraphrased | answer) with a header row; contact paragraph names another
# person than the sender; signature + disclaimer; the whole letter quoted below in HTML.
def td(text, width, bold=False, shade=False):
    style = f"width:{width}pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
    if shade:
        style += ";background:#D9E2F3"
    inner = html.escape(text, quote=False)
    if bold:
        inner = f"<b>{inner}<o:p></o:p></b>"
    else:
        inner += "<o:p></o:p>"
    return f'<td width="{int(width * 4 / 3)}" valign="top" style="{style}">\n<p class="MsoNormal">{inner}</p>\n</td>'


fr01_rows = [
    ("a", "Cause probable et méthode utilisée",
     "[[a:Rançongiciel Conti. L'accès initial provient d'un courriel d'hameçonnage reçu par une collaboratrice du service comptabilité (fichier Excel piégé), qui a installé le cheval de Troie BazarLoader. Les pirates se sont ensuite déplacés latéralement jusqu'aux contrôleurs de domaine.]]"),
    ("b", "Activités / services impactés",
     "[[b:L'ensemble du réseau de l'hôpital a été mis à l'arrêt. Pour le laboratoire : SIL (Glims) inaccessible pendant 5 jours, liaison des automates avec le middleware interrompue, plus aucune transmission électronique des résultats vers les unités de soins ni vers les médecins traitants (Medibridge). La facturation a été suspendue.]]"),
    ("c", "Actions correctives immédiates",
     "[[c:Déclenchement du plan catastrophe de l'hôpital et du plan dégradé du laboratoire : demandes et comptes rendus sur papier, résultats urgents communiqués par téléphone, analyses non urgentes sous-traitées au laboratoire partenaire de Namur. Le réseau a été coupé d'Internet, une société spécialisée en réponse à incident a été mandatée et une plainte a été déposée auprès de la police fédérale (FCCU).]]"),
    ("d", "Mesures préventives",
     "[[d:Authentification multifacteur pour tous les accès distants et la messagerie, EDR sur l'ensemble des postes et serveurs, sauvegardes hors ligne immuables, segmentation du réseau du laboratoire et des automates, formation de sensibilisation au phishing pour tout le personnel.]]"),
    ("e", "Référence(s) système qualité",
     "[[e:NC-2021-017 (non-conformité) et fiche d'événement indésirable FEI-2021-0042]]"),
]
fr01_table = ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n'
              "<tr>\n" + td("Point", 40, True, True) + "\n" + td("Question", 130, True, True) + "\n" +
              td("Réponse du laboratoire", 300, True, True) + "\n</tr>\n" +
              "".join("<tr>\n" + td(p, 40, True) + "\n" + td(q, 130) + "\n" + td(a, 300) + "\n</tr>\n" for p, q, a in fr01_rows) +
              "</table>\n")
fr01_before = """Bonjour Docteur Capron,

Suite à votre courrier du 15 février, vous trouverez ci-dessous les informations demandées concernant l'attaque subie par notre institution le 17 janvier 2021.
"""
fr01_after = """
Personne de contact : Dr Marc Lejeune, biologiste responsable du laboratoire, tél. 071 44 82 10, marc.lejeune@chr-sambreorneau.be

Bien à vous,

Caroline Dubois
Responsable Qualité – Laboratoire de biologie clinique
CHR Sambre-et-Orneau | Tél. 071 44 82 35
"""
fr01_disc = ("AVERTISSEMENT : Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur(s) "
             "destinataire(s). Si vous avez reçu ce message par erreur, merci d'en avertir l'expéditeur et de le supprimer. "
             "Toute utilisation non autorisée est interdite.")
fr01_hdr = ("<b>De&nbsp;:</b> QL_secretariat &lt;QL_secretariat@sciensano.be&gt; <br>\n<b>Envoyé&nbsp;:</b> lundi 15 février 2021 14:03<br>\n"
            "<b>À&nbsp;:</b> Dubois Caroline &lt;caroline.dubois@chr-sambreorneau.be&gt;<br>\n"
            f"<b>Objet&nbsp;:</b> {html.escape(FR_LETTER_SUBJECT)}<o:p></o:p>")
fr01_html = (MSO_HEAD.format(cs="windows-1252", lang="FR-BE") + mso_paras(fr01_before) + "\n" + fr01_table +
             mso_paras(fr01_after) + '\n<p class="MsoNormal"><span style="font-size:7.5pt;color:gray">' +
             html.escape(fr01_disc) + "<o:p></o:p></span></p>\n" + '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
             '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n<p class="MsoNormal">' +
             fr01_hdr + "</p>\n</div>\n" + mso_paras(FR_LETTER) + "\n</div>\n</body>\n</html>\n")
raw = message([("From", "Dubois Caroline <caroline.dubois@chr-sambreorneau.be>"), ("To", SCIENSANO),
               ("Subject", "RE: Cyber attaque - labo 21876"), ("Thread-Topic", "Cyber attaque - labo 21876"),
               ("Thread-Index", "AdcQMk3bq1Zs0v8eQW6hAa1XpYcN2w=="),
               ("Date", "Wed, 3 Mar 2021 16:42:10 +0000"),
               ("Message-ID", "<DB7PR04MB49232C6A1E1F0D9B7E3A5C8FD9A12@DB7PR04MB4923.eurprd04.prod.outlook.com>"),
               ("Accept-Language", "fr-BE, nl-BE, en-US"), ("Content-Language", "fr-BE"),
               ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")],
              text_part("text/html", fr01_html, "windows-1252", "quoted-printable", True), crlf=True)
add("fr-01.eml", fr01_html, raw, T("21876", "fr", ["NC-2021-017", "FEI-2021-0042"],
    ("Marc Lejeune", "marc.lejeune@chr-sambreorneau.be", "071 44 82 10"),
    {"cause": ["phishing", "malware", "ransomware"], "impact": ["network", "lis", "analyzers", "results", "admin"],
     "response": ["degraded_mode", "paper", "subcontracting", "isolation", "external_help", "police_report"],
     "prevention": ["mfa", "edr", "backup", "segmentation", "training"]}, 5,
    "Outlook HTML-only (windows-1252 QP, Word markup, CRLF): answers in a 3-column table with a shaded header row "
    "'Point | Question | Réponse du laboratoire' (point letter, paraphrased question, answer); ASCII-hyphen subject "
    "'RE: Cyber attaque - labo 21876'; 'Personne de contact : Dr Marc Lejeune' differs from the sender (quality "
    "manager), title dropped; two references (NC-2021-017 and FEI-2021-0042); whole letter quoted in HTML below "
    "an Outlook 'De : / Envoyé : / À : / Objet :' block (its a)-e) and Dr Capron's details are not answers); "
    "'pendant 5 jours' = 5."), kind="html")


# ================================================================== fr-02
# Gmail (Google Workspace) text+HTML, both UTF-8 quoted-printable, LF: 'Point 1 :'..'Point 5 :'
# labels (numbers, not letters, no question wording), top-posted above the '> '-quoted letter
# (gmail_quote blockquote in HTML); Gmail '-- ' signature; no contact line (= the signer).
fr02 = """Bonjour,

Comme demandé dans votre courrier, voici les informations relatives à l'incident du 7 juin 2022.

Point 1 : [[a:Hameçonnage. Une secrétaire a reçu un faux courriel « Votre boîte de réception est pleine » et a introduit son identifiant et son mot de passe sur une fausse page de connexion Google. Les pirates se sont connectés à sa boîte depuis l'étranger le lendemain.]]

Point 2 : [[b:Seule la messagerie a été touchée : environ 300 courriels d'hameçonnage ont été envoyés à nos médecins prescripteurs depuis le compte piraté, et les pirates ont pu lire les messages de la boîte, dont certains contenaient des protocoles de résultats en pièce jointe. L'activité analytique du laboratoire n'a pas été interrompue.]]

Point 3 : [[c:Mot de passe réinitialisé et sessions fermées le jour même, blocage des connexions depuis l'étranger, courriel d'avertissement envoyé à tous les prescripteurs, notification de la fuite de données à l'Autorité de protection des données.]]

Point 4 : [[d:Validation en deux étapes obligatoire pour tous les comptes, plus aucun envoi de résultats en pièce jointe non chiffrée, séance de sensibilisation au phishing pour le secrétariat.]]

Point 5 : [[e:FNC-22-031 (fiche de non-conformité)]]

Je reste à votre disposition pour toute information complémentaire.

Bien cordialement,

-- 
Dr Nathalie Gérard
Biologiste clinicienne – Directrice
Laboratoire du Condroz
Rue de la Station 14, 5590 Ciney
Tél. : 083 21 64 90
www.labo-condroz.be
"""
fr02_attr = "Le lun. 15 févr. 2021 à 14:03, QL_secretariat <QL_secretariat@sciensano.be> a écrit :"
fr02_text = fr02 + "\n" + fr02_attr + "\n\n" + quoted(FR_LETTER) + "\n"


def gmail_html(text, quote_attr, quote_body):
    body, sig = text.split("\n-- \n")
    paras = []
    for blk in body.strip("\n").split("\n\n"):
        paras.append("<div>" + "<br>".join(html.escape(x, quote=False) for x in blk.split("\n")) + "</div><div><br></div>")
    sig_html = "<br>".join(html.escape(x, quote=False) for x in sig.strip("\n").split("\n"))
    q = "<br>\n".join(html.escape(x, quote=False) for x in quote_body.split("\n"))
    return ('<div dir="ltr">' + "".join(paras) + '<div><br></div>-- <br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">'
            f'<div dir="ltr">{sig_html}</div></div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{html.escape(quote_attr, quote=False)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{q}</blockquote></div>\n')


raw = message([("References", "<2f1e5b7c9a0d4e8f@sciensano.be>"),
               ("In-Reply-To", "<2f1e5b7c9a0d4e8f@sciensano.be>"),
               ("From", "=?UTF-8?Q?Nathalie_G=C3=A9rard?= <n.gerard@labo-condroz.be>"),
               ("Date", "Tue, 14 Jun 2022 10:21:37 +0200"),
               ("Message-ID", "<CAJx9Lq3oR5nTQm8=VbK2pFz1cW0Yd7uHs4eXg6aNjBt+E3kQpA@mail.gmail.com>"),
               ("Subject", enc_words("Re: Cyber attaque – labo 51290", "UTF-8", "Q", 9)),
               ("To", SCIENSANO)],
              multi("alternative", "000000000000a4b1c205e15f2d33",
                    [text_part("text/plain", fr02_text, "UTF-8", "quoted-printable", False),
                     text_part("text/html", gmail_html(fr02, fr02_attr, FR_LETTER), "UTF-8", "quoted-printable", False)]),
              mime_first=True)
add("fr-02.eml", fr02, raw, T("51290", "fr", ["FNC-22-031"], ("Nathalie Gérard", "n.gerard@labo-condroz.be", "083 21 64 90"),
    {"cause": ["phishing", "credentials"], "impact": ["email", "data_breach"], "response": ["password_reset"],
     "prevention": ["mfa", "training"]}, 0,
    "Google Workspace Gmail reply (text+HTML, UTF-8 QP, Q-encoded subject and From name): answers labelled "
    "'Point 1 :'..'Point 5 :' (numbers standing for a)-e), no question wording), top-posted above the '> '-quoted "
    "French letter after a 'Le lun. 15 févr. 2021 à 14:03, ... a écrit :' attribution; Gmail '-- ' signature; no "
    "contact line, so the contact is the signer (title Dr dropped); credential phishing of one mailbox, data "
    "exposed; 'L'activité analytique du laboratoire n'a pas été interrompue' => downtime 0."))


# ================================================================== fr-03
# Apple Mail (text QP + HTML), a new message (no Re:): each question of the letter copied in
# full (with its 'a)' and trailing comma) and the answer below it after an arrow '→ '.
# 'Personne de contact : moi-même' with a mobile number.
FR_Q = [ln[2:] for ln in FR_LETTER.split("\n") if re.match(r"- [a-e]\) ", ln)]
fr03_ans = [
    "[[a:Le serveur de télémaintenance (bureau à distance, port RDP ouvert sur Internet) a subi une attaque par force brute ; le mot de passe du compte administrateur était faible. Les pirates ont ensuite chiffré nos serveurs avec le rançongiciel LockBit 3.0 et exigé une rançon.]]",
    "[[b:Serveur du SIL et serveur de fichiers chiffrés. Impossible d'enregistrer les demandes et de valider les résultats dans le SIL pendant 4 jours ; les automates fonctionnaient mais sans connexion bidirectionnelle. La facturation a dû être reprise manuellement.]]",
    "[[c:Déconnexion immédiate des serveurs et d'Internet, restauration du SIL à partir de la sauvegarde externe de la veille par notre fournisseur informatique, travail en mode dégradé sur papier avec encodage a posteriori, plainte déposée à la police de Waremme et signalement au CCB.]]",
    "[[d:Fermeture du port RDP, accès distant uniquement par VPN avec double authentification, mots de passe de 14 caractères minimum, sauvegarde quotidienne hors ligne et test de restauration mensuel.]]",
    "[[e:Non-conformité NC-22-044 ; action corrective CAPA 22/118]]",
]
fr03 = ("Madame, Monsieur,\n\nNotre laboratoire a été victime d'une attaque par rançongiciel dans la nuit du 12 au 13 novembre 2022. "
        "Voici nos réponses aux questions de votre courrier du 15 février 2021 :\n\n" +
        "".join(f"{q}\n→ {a}\n\n" for q, a in zip(FR_Q, fr03_ans)) +
        "Personne de contact : moi-même (GSM 0476 52 18 33).\n\nSalutations distinguées,\n\nOlivier Renard\n"
        "Biologiste agréé, administrateur délégué\nLaboratoire de la Hesbaye SRL\nRue de Huy 41, 4300 Waremme\n")


def apple_html(text):
    out = []
    for ln in text.split("\n"):
        esc = html.escape(ln, quote=False)
        if re.match(r"[a-e]\) ", ln):
            esc = f"<b>{esc}</b>"
        out.append(f"<div>{esc}</div>" if ln else "<div><br></div>")
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + "".join(out) + "</body></html>")


raw = message([("From", "Olivier Renard <o.renard@labo-hesbaye.be>"),
               ("Content-Type", 'multipart/alternative;\n\tboundary="Apple-Mail=_5B8E1C2A-77D3-4F0B-9A61-2E4C7D9F3B10"'),
               ("Subject", enc_words("Cyber attaque – labo 30457", "utf-8", "Q", 9)),
               ("Date", "Sat, 19 Nov 2022 11:08:52 +0100"),
               ("Message-Id", "<1F3A9C2E-7B4D-4E21-9A0B-6C5D8E7F1A23@labo-hesbaye.be>"),
               ("To", "QL_secretariat@sciensano.be"), ("X-Mailer", "Apple Mail (2.3731.200.110.1.12)")],
              Part([], children=[text_part("text/plain", fr03, "utf-8", "quoted-printable", False),
                                 text_part("text/html", apple_html(fr03), "utf-8", "quoted-printable", False)],
                   boundary="Apple-Mail=_5B8E1C2A-77D3-4F0B-9A61-2E4C7D9F3B10"))
raw = raw.replace(b"MIME-Version: 1.0\n", b"Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.200.110.1.12\\))\n", 1)
add("fr-03.eml", fr03, raw, T("30457", "fr", ["NC-22-044", "CAPA 22/118"], ("Olivier Renard", "o.renard@labo-hesbaye.be", "0476 52 18 33"),
    {"cause": ["remote_access", "credentials", "ransomware"], "impact": ["lis", "analyzers", "admin"],
     "response": ["isolation", "backup_restore", "external_help", "degraded_mode", "paper", "police_report"],
     "prevention": ["access_control", "mfa", "backup"]}, 4,
    "Apple Mail new message (text+HTML, UTF-8 QP, Content-Type before Mime-Version with the Mac OS X Mail comment): "
    "each question of the letter copied in full, bold in HTML, and answered on the next line after an arrow '→ ' (the "
    "copied question is not part of the answer); exposed RDP brute-forced with a weak admin password then LockBit; "
    "'Personne de contact : moi-même' = the signer with the mobile number given there; e) has two records, a "
    "non-conformity and a CAPA ('CAPA 22/118' kept whole: the number alone is not an identifier — debatable); "
    "'pendant 4 jours' = 4; password-length rule and closing the RDP port read as access_control."))


# ================================================================== fr-04
# Forwarded by the hospital's CISO as an attachment (Outlook 'Transférer en tant que pièce
# jointe'): outer text/plain note + message/rfc822 holding the lab director's own mail to IT,
# which carries the report ('a. Cause :' .. 'e. Référence qualité :'). Subject 'TR: FW: cyber-attaque
# labo 98765' (no dash before labo). Contact named in the inner report.
fr04_outer = """Bonjour,

À la demande du Dr Van Hecke, chef du laboratoire de biologie clinique, je vous transmets en pièce jointe son rapport concernant l'incident du 2 juillet 2021 (attaque via le logiciel de gestion à distance de notre prestataire). Son compte n'a pas encore accès à la messagerie externe.

Cordialement,

Kevin Marchal
Responsable de la sécurité de l'information (CISO)
Cliniques Mosanes – Service ICT
Tél. 04 229 71 00
"""
fr04_inner = """Kevin,

Peux-tu transmettre ceci à Sciensano (QL_secretariat@sciensano.be) ? Mon compte n'a toujours pas accès à l'extérieur.

Merci,
Luc

Concerne : cyber-attaque – labo 98765

a. Cause : [[a:compromission du logiciel de gestion à distance (RMM) utilisé par notre prestataire informatique externe. Les pirates ont poussé, via une mise à jour de ce logiciel, le rançongiciel REvil sur les postes gérés par le prestataire, dont les PC du laboratoire.]]

b. Impact : [[b:18 PC du laboratoire chiffrés (réception, validation, secrétariat). Le SIL lui-même, hébergé sur un serveur non géré par ce prestataire, est resté intact, mais sans postes de travail l'encodage des demandes dans le SIL et la validation ont été fortement ralentis pendant 3 jours ouvrables.]]

c. Actions immédiates : [[c:Débranchement de tous les postes gérés par le prestataire, réinstallation complète des 18 PC par notre service ICT, réinitialisation de tous les mots de passe, application de la procédure dégradée du laboratoire (demandes papier, encodage différé) et analyses de biologie moléculaire confiées au laboratoire du CHU voisin.]]

d. Prévention : [[d:Retrait de l'agent RMM du prestataire, accès du prestataire uniquement sur demande et avec MFA, audit de sécurité de nos fournisseurs informatiques, mise en place d'un EDR.]]

e. Référence qualité : [[e:Enregistré au registre des incidents sous RI-2021-032.]]

Personne de contact : Dr Luc Van Hecke, 04 229 75 40, luc.vanhecke@cliniques-mosanes.be

Dr Luc Van Hecke
Chef de service – Biologie clinique
Cliniques Mosanes
"""
inner = message([("From", "Van Hecke Luc <luc.vanhecke@cliniques-mosanes.be>"),
                 ("To", "Marchal Kevin <kevin.marchal@cliniques-mosanes.be>"),
                 ("Subject", "FW: cyber-attaque labo 98765"),
                 ("Date", "Thu, 8 Jul 2021 09:12:44 +0000"),
                 ("Message-ID", "<AM6PR0402MB33981B0E7C4D2A5F6E8C9B1DA3E70@AM6PR0402MB3398.eurprd04.prod.outlook.com>"),
                 ("Content-Language", "fr-FR")],
                text_part("text/plain", fr04_inner, "utf-8", "8bit", True), crlf=True)
rfc822 = Part([("Content-Type", "message/rfc822"),
               ("Content-Disposition", 'attachment;\n\tfilename="FW cyber-attaque labo 98765.eml"')], inner)
raw = message([("From", "Marchal Kevin <kevin.marchal@cliniques-mosanes.be>"), ("To", SCIENSANO),
               ("CC", "Van Hecke Luc <luc.vanhecke@cliniques-mosanes.be>"),
               ("Subject", "TR: FW: cyber-attaque labo 98765"),
               ("Thread-Topic", "FW: cyber-attaque labo 98765"),
               ("Date", "Thu, 8 Jul 2021 11:30:05 +0000"),
               ("Message-ID", "<AM6PR0402MB3398F7A2D0C1B3E5A9D8C7B6E4F21@AM6PR0402MB3398.eurprd04.prod.outlook.com>"),
               ("Accept-Language", "fr-FR, en-US"), ("Content-Language", "fr-FR"), ("X-MS-Has-Attach", "yes")],
              multi("mixed", "_004_AM6PR0402MB3398F7A2D0C1B3E5A9D8C7B6E4F21_",
                    [text_part("text/plain", fr04_outer, "windows-1252", "quoted-printable", True), rfc822]), crlf=True)
add("fr-04.eml", fr04_inner, raw, T("98765", "fr", ["RI-2021-032"], ("Luc Van Hecke", "luc.vanhecke@cliniques-mosanes.be", "04 229 75 40"),
    {"cause": ["supplier", "ransomware"], "impact": ["lis"],
     "response": ["isolation", "password_reset", "degraded_mode", "paper", "subcontracting"],
     "prevention": ["access_control", "mfa", "audit", "edr"]}, 3,
    "'TR: FW: cyber-attaque labo 98765' (no dash before 'labo'): the CISO forwards the lab director's mail AS AN "
    "ATTACHMENT (message/rfc822, Outlook 'forward as attachment'); the covering note (windows-1252 QP) only says why; the "
    "report is in the attached message (UTF-8 8bit, CRLF) under 'a. Cause :'..'e. Référence qualité :' paraphrased labels "
    "(label words not part of the answer); the inner mail starts with a note to the CISO that is not an answer; contact "
    "is the director named in the report, not the sender; Kaseya-style RMM supply-chain attack; '3 jours ouvrables' = 3; "
    "PCs encrypted but the LIS itself intact and only slowed (impact lis, debatable)."))


# ================================================================== fr-05
# Outlook plain text, ISO-8859-1 8bit, CRLF; labels 'A/'..'E/' in capitals with a slash; the
# subject forgot the lab number ('Cyber attaque - labo'); written by the secretariat on behalf
# of the head of department; 'Personne de contact :' names the quality manager; disclaimer.
fr05 = """Madame, Monsieur,

Conformément à votre demande de signaler toute cyber-attaque, voici les informations relatives à l'attaque du 21 mars 2023 contre notre hôpital.

A/ [[a:Attaque par déni de service distribué (DDoS) contre la connexion Internet de l'hôpital, revendiquée par un groupe de hackers pro-russes. Il n'y a pas eu d'intrusion ni de vol de données selon notre service informatique.]]

B/ [[b:Saturation de la liaison Internet pendant environ 6 heures : plus d'envoi des résultats vers les médecins généralistes (eHealthBox, Medibridge), plus d'accès au SIL hébergé dans le cloud du fournisseur, téléphonie IP perturbée. Les automates ont continué à fonctionner.]]

C/ [[c:Passage en procédure dégradée : demandes et résultats sur papier, résultats urgents transmis par téléphone aux services. Le fournisseur d'accès a filtré le trafic malveillant en collaboration avec le CCB.]]

D/ [[d:Souscription d'un service de protection anti-DDoS auprès du fournisseur d'accès, seconde liaison Internet de secours, surveillance du trafic réseau par le service informatique.]]

E/ [[e:Incident IR-5567 dans notre logiciel qualité (Kalilab)]]

Personne de contact : Mme Sophie Lemaire, responsable qualité du laboratoire, 063 24 58 71, sophie.lemaire@hopital-sudlux.be

Pour le Dr Fabrice Collard, chef de service,

Anne Thiry
Secrétariat du laboratoire de biologie clinique
Hôpital Sud-Luxembourg - site d'Arlon
063 24 58 00

_____________________________________________________________________
Ce courriel et les documents qui y sont joints peuvent contenir des informations confidentielles. Si vous n'êtes pas le destinataire visé, vous êtes prié de le signaler à l'expéditeur et de détruire ce message. L'Hôpital Sud-Luxembourg décline toute responsabilité quant au contenu de ce message.
"""
raw = message([("From", "Secretariat Laboratoire <secretariat.labo@hopital-sudlux.be>"), ("To", "QL_secretariat@sciensano.be"),
               ("Subject", "Cyber attaque - labo"), ("Thread-Topic", "Cyber attaque - labo"),
               ("Date", "Mon, 27 Mar 2023 14:55:31 +0200"),
               ("Message-ID", "<6a1f0c2e3b4d4c5e9f8a7b6c5d4e3f21@EXCH02.hopital-sudlux.local>"),
               ("Content-Language", "fr-BE"), ("X-MS-Exchange-Organization-AuthAs", "Internal"),
               ("X-Mailer", "Microsoft Outlook 16.0")],
              text_part("text/plain", fr05, "iso-8859-1", "8bit", True), crlf=True)
add("fr-05.eml", fr05, raw, T(None, "fr", ["IR-5567"], ("Sophie Lemaire", "sophie.lemaire@hopital-sudlux.be", "063 24 58 71"),
    {"cause": ["ddos"], "impact": ["network", "results", "lis", "phone"],
     "response": ["degraded_mode", "paper", "external_help"], "prevention": ["monitoring"]}, 0.25,
    "Outlook plain text, ISO-8859-1 8bit, CRLF, sent by the lab secretariat 'Pour le Dr ...'; subject 'Cyber attaque - "
    "labo' with the lab number missing (lab null); labels 'A/'..'E/'; DDoS on the hospital's Internet link (March 2023 "
    "pro-Russian wave), cloud-hosted LIS unreachable; 'Personne de contact : Mme Sophie Lemaire' = contact, not the "
    "sender, 'Mme' dropped; reference written 'Incident IR-5567' (the identifier is IR-5567; 'Kalilab' is the software); "
    "'environ 6 heures' = 0.25; underscore rule then a disclaimer."))


# ================================================================== fr-06
# Gmail plain-text mode (UTF-8 QP), BOTTOM-posted: the '> '-quoted letter first, the answers
# below it; a later attack (January 2026) reported on the old thread; subject with extra words
# after the lab number; 'Contact : moi-même'.
fr06_attr = "Le lun. 15 févr. 2021 à 14:03, QL_secretariat <QL_secretariat@sciensano.be> a écrit :"
fr06 = """Bonjour,

Je reprends votre courrier de 2021 pour vous signaler un nouvel incident, survenu le 11 janvier 2026 dans notre hôpital.

a) [[a:Exploitation d'une vulnérabilité non corrigée du boîtier VPN Fortinet (FortiOS SSL-VPN) par le groupe Akira, puis déploiement d'un rançongiciel sur les serveurs virtualisés de l'hôpital.]]

b) [[b:Arrêt complet du SIL et de la connexion des automates pendant 9 jours, transmission des résultats vers les services et les médecins externes interrompue, messagerie et téléphonie internes indisponibles les deux premiers jours. Des données de patients ont été publiées par les attaquants sur leur site de fuite.]]

c) [[c:Plan d'urgence hospitalier déclenché, laboratoire en mode dégradé (bons de demande papier, résultats imprimés et portés dans les services), analyses spécialisées envoyées au laboratoire partenaire de Liège, isolement du réseau, intervention d'une société de réponse à incident et du CCB, plainte à la police fédérale, restauration à partir des sauvegardes immuables.]]

d) [[d:Mise à jour accélérée de tous les équipements exposés, remplacement du VPN par une solution avec MFA, surveillance par un SOC externe 24/7, segmentation du réseau des automates.]]

e) [[e:FNC 26-003]]

Contact : moi-même (0498 12 34 56).

Cordialement,
Pierre-Yves Hardy
Chef de service – Laboratoire de biologie clinique
Centre Hospitalier de l'Ourthe
"""
fr06_text = fr06_attr + "\n\n" + quoted(FR_LETTER) + "\n\n" + fr06
raw = message([("From", "Pierre-Yves Hardy <py.hardy@ch-ourthe.be>"),
               ("Date", "Fri, 16 Jan 2026 19:44:02 +0100"),
               ("Message-ID", "<CAHk7u0pV2xQe=Jd9sT3mW4cNbR6yLf8gZ1aK5oPq7hU0iE2Xvw@mail.gmail.com>"),
               ("Subject", enc_words("Re: Cyber attaque – labo 40213 – nouvel incident janvier 2026", "UTF-8", "Q", 9)),
               ("To", SCIENSANO), ("In-Reply-To", "<2f1e5b7c9a0d4e8f@sciensano.be>")],
              text_part("text/plain", fr06_text, "UTF-8", "quoted-printable", False), mime_first=True)
add("fr-06.eml", fr06, raw, T("40213", "fr", ["FNC 26-003"], ("Pierre-Yves Hardy", "py.hardy@ch-ourthe.be", "0498 12 34 56"),
    {"cause": ["vulnerability", "remote_access", "ransomware"],
     "impact": ["lis", "analyzers", "results", "email", "phone", "data_breach"],
     "response": ["degraded_mode", "paper", "subcontracting", "isolation", "external_help", "police_report", "backup_restore"],
     "prevention": ["patching", "mfa", "monitoring", "segmentation"]}, 9,
    "Gmail plain-text mode (UTF-8 QP), BOTTOM-posted: the '> '-quoted French letter (with its a)-e) and Dr Capron's "
    "contact details) comes first, after the attribution line, and the answers 'a)'..'e)' follow below it; a new attack "
    "in January 2026 reported on the 2021 thread; subject 'Re: Cyber attaque – labo 40213 – nouvel incident janvier "
    "2026' (lab is 40213, the rest is extra words); 'Contact : moi-même' = signer; reference 'FNC 26-003' with a space; "
    "'pendant 9 jours' = 9 (mail/phone two days)."))


# ================================================================== nl-01
# Thunderbird, text/plain format=flowed, UTF-8 8bit; subject whose en dash was mangled by a
# double encoding ('â€“'); lab number with a leading zero; answers 'a)'..'e)' only (no
# question text), top-posted above Thunderbird's '> '-quoted Dutch letter.
nl01 = """Geachte dr. Capron,

Hieronder onze antwoorden op uw vragen van 15 februari, naar aanleiding van het incident van begin maart.

a) [[a:Misbruik van de ProxyLogon-kwetsbaarheden in onze on-premise Exchange-server (begin maart 2021), waarvoor de patch van Microsoft nog niet geïnstalleerd was. De aanvallers plaatsten een webshell op de server; er werd geen ransomware uitgerold.]]

b) [[b:De mailserver werd uit voorzorg 4 dagen offline gehaald, zodat er in die periode geen e-mails met voorschrijvers uitgewisseld konden worden. Het LIS, de analysers en de verzending van resultaten via Medibridge werkten normaal; de laboactiviteit zelf werd niet onderbroken.]]

c) [[c:Exchange-server van het netwerk losgekoppeld, patches geïnstalleerd, webshell verwijderd en volledige forensische controle door een extern securitybedrijf; alle wachtwoorden van gebruikers en serviceaccounts gereset; melding aan het CCB.]]

d) [[d:Maandelijkse patchronde voor alle servers die vanaf het internet bereikbaar zijn, migratie van de mail naar Exchange Online met MFA, jaarlijkse penetratietest door een externe firma.]]

e) [[e:NC-2021-088]]

Contactpersoon: ondergetekende.

Met vriendelijke groeten,

-- 
Apr. Bart Claes
Klinisch bioloog - labodirecteur
Klinisch Labo Denderstreek
Tel. 053 78 21 90
"""
nl01_attr = "Op 15/02/2021 om 14:03 schreef QL_secretariat:"
nl01_text = flowed(unmark(nl01)) + "\n" + nl01_attr + "\n" + flowed(quoted(NL_LETTER)) + "\n"
raw = message([("Subject", enc_words("Re: Cyberaanval â€“ labo 0123", "UTF-8", "Q", 9)),
               ("To", SCIENSANO),
               ("References", "<2f1e5b7c9a0d4e8f@sciensano.be>"),
               ("From", "Bart Claes <bart.claes@klinlab-denderstreek.be>"),
               ("Message-ID", "<5c7e2a91-3f4b-8d60-b2e1-0a9c4d7f3e18@klinlab-denderstreek.be>"),
               ("Date", "Mon, 29 Mar 2021 08:51:17 +0200"),
               ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n Thunderbird/78.9.0"),
               ("In-Reply-To", "<2f1e5b7c9a0d4e8f@sciensano.be>")],
              text_part("text/plain", nl01_text, "utf-8", "8bit", False, params="; format=flowed",
                        extra=[("Content-Language", "nl-BE")]))
add("nl-01.eml", nl01, raw, T("0123", "nl", ["NC-2021-088"], ("Bart Claes", "bart.claes@klinlab-denderstreek.be", "053 78 21 90"),
    {"cause": ["vulnerability"], "impact": ["email"], "response": ["isolation", "external_help", "password_reset"],
     "prevention": ["patching", "mfa", "audit"]}, 0,
    "Thunderbird 78, text/plain; format=flowed (long lines soft-wrapped with trailing spaces, also in the quote), UTF-8 "
    "8bit; the subject's en dash is mojibake 'â€“' (UTF-8 read as windows-1252 then re-encoded) and the lab number has "
    "a leading zero ('0123', kept as written); answers 'a)'..'e)' without question text, top-posted above Thunderbird's "
    "'Op ... schreef QL_secretariat:' and the '> '-quoted Dutch letter; 'Contactpersoon: ondergetekende' = signer "
    "after the '-- ' line, title 'Apr.' dropped; ProxyLogon webshell, mail server 4 days offline but 'de "
    "laboactiviteit zelf werd niet onderbroken' => downtime 0; penetration test read as audit."))


# ================================================================== nl-02
# Apple Mail plain text (UTF-8 QP): free prose, no labels at all, five paragraphs that answer
# a)-e) in order; LIS vendor hit by ransomware (supplier outage); contact named in a sentence,
# not the sender.
nl02 = """Beste collega's van Sciensano,

Zoals gevraagd in jullie brief van 2021 melden wij een cyberincident dat ons laboratorium vorige week trof.

[[a:Onze LIS-leverancier werd zelf het slachtoffer van een ransomware-aanval op zijn datacenter. Via die weg is niets in ons eigen netwerk binnengedrongen, maar de door hen gehoste LIS-omgeving werd volledig versleuteld.]]

[[b:Hierdoor hadden wij ongeveer 60 uur geen toegang tot het LIS: geen elektronische registratie van aanvragen, geen koppeling met de analysers en geen elektronische verzending van resultaten naar huisartsen en ziekenhuizen.]]

[[c:We zijn onmiddellijk overgeschakeld op ons noodplan met papieren aanvraagformulieren en uitslagen, dringende resultaten werden telefonisch doorgegeven en een deel van de routineanalyses werd doorgestuurd naar een bevriend laboratorium in Mechelen. De leverancier heeft de omgeving daarna hersteld vanaf een back-up van de avond voordien.]]

[[d:Voor de toekomst bouwen we een lokale noodserver met een dagelijkse kopie van de LIS-databank, en we hebben contractueel vastgelegd dat de leverancier jaarlijks een externe beveiligingsaudit laat uitvoeren.]]

[[e:Het incident is in ons kwaliteitssysteem geregistreerd onder nummer IR-2024-112.]]

Contactpersoon voor verdere vragen is onze kwaliteitscoördinator, Tom Verhaegen (tom.verhaegen@azkempenhof.be, 014 56 78 12).

Met collegiale groeten,

Hilde Peeters
Klinisch bioloog – diensthoofd laboratorium
AZ Kempenhof, Geel

"""
raw = message([("Content-Type", 'text/plain;\n\tcharset=utf-8'), ("Content-Transfer-Encoding", "quoted-printable"),
               ("Subject", enc_words("Cyberaanval – labo 62044", "utf-8", "Q", 9)),
               ("From", "Hilde Peeters <hilde.peeters@azkempenhof.be>"),
               ("Date", "Fri, 15 Mar 2024 17:02:48 +0100"),
               ("Message-Id", "<A8C3D1E7-2F90-4B6A-8E15-3D7C9B0F4A62@azkempenhof.be>"),
               ("To", "QL_secretariat@sciensano.be"), ("X-Mailer", "Apple Mail (2.3774.400.31)")],
              Part([], encode_body(unmark(nl02).encode("utf-8"), "quoted-printable", False)))
raw = raw.replace(b"MIME-Version: 1.0\n", b"Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))\n", 1)
add("nl-02.eml", nl02, raw, T("62044", "nl", ["IR-2024-112"], ("Tom Verhaegen", "tom.verhaegen@azkempenhof.be", "014 56 78 12"),
    {"cause": ["supplier", "ransomware"], "impact": ["lis", "analyzers", "results"],
     "response": ["degraded_mode", "paper", "subcontracting", "backup_restore"], "prevention": ["backup", "audit"]}, 2.5,
    "Apple Mail plain text (UTF-8 QP, headers in Apple's order): free prose with NO labels, five paragraphs after the "
    "introduction that answer a)-e) in order (cause, impact, immediate actions, prevention, QS reference); the LIS "
    "vendor's data centre was hit by ransomware (supplier); 'ongeveer 60 uur' = 2.5; contact named in a sentence "
    "('Contactpersoon voor verdere vragen is onze kwaliteitscoördinator, Tom Verhaegen (...)'), not the sender; the "
    "vendor restoring its own platform is backup_restore, not external_help (debatable)."))


# ================================================================== nl-03
# Outlook text+HTML (UTF-8; text QP, HTML base64), CRLF: a FIRST NOTICE while the attack is
# still going on; d) and e) answered 'not yet'; no duration yet; top-posted above the whole
# Dutch letter under an Outlook 'Van: / Verzonden: / Aan: / Onderwerp:' block.
nl03 = """Geachte,

Hierbij een eerste melding van de cyberaanval die ons ziekenhuis sinds zondag 12 januari 2025 treft. Het onderzoek loopt nog; we vullen aan zodra we meer weten.

a) [[a:Ransomware. Hoe de aanvallers binnengekomen zijn is nog niet gekend, het forensisch onderzoek loopt.]]
b) [[b:Alle servers van het ziekenhuis zijn versleuteld, ook het LIS en de middleware van de analysers. Het labo kan geen resultaten elektronisch versturen.]]
c) [[c:Noodplan van het labo geactiveerd (papieren aanvragen en verslagen), netwerk volledig afgesloten van het internet, extern incident-responseteam en CCB ingeschakeld, klacht neergelegd bij de politie.]]
d) [[d:Nog te bepalen.]]
e) [[e:Nog niet beschikbaar.]]

Contactpersoon: dr. Evelien Maes, diensthoofd klinisch labo, 09 332 18 77 (gsm 0472 11 90 34), evelien.maes@azleiedal.be

Met vriendelijke groeten,

Joke De Wilde
Kwaliteitsverantwoordelijke laboratorium
AZ Leiedal
"""
nl03_hdr = ("Van: QL_secretariat <QL_secretariat@sciensano.be>\nVerzonden: maandag 15 februari 2021 14:03\n"
            "Aan: De Wilde Joke <joke.dewilde@azleiedal.be>\nOnderwerp: " + NL_LETTER_SUBJECT + "\n\n")
nl03_text = nl03 + "\n" + nl03_hdr + NL_LETTER + "\n"
nl03_html = (MSO_HEAD.format(cs="utf-8", lang="NL-BE") + mso_paras(nl03) + "\n" +
             '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n<p class="MsoNormal">'
             "<b>Van:</b> QL_secretariat &lt;QL_secretariat@sciensano.be&gt; <br>\n<b>Verzonden:</b> maandag 15 februari 2021 14:03<br>\n"
             "<b>Aan:</b> De Wilde Joke &lt;joke.dewilde@azleiedal.be&gt;<br>\n<b>Onderwerp:</b> " + html.escape(NL_LETTER_SUBJECT) +
             "<o:p></o:p></p>\n</div>\n" + mso_paras(NL_LETTER) + "\n</div>\n</body>\n</html>\n")
raw = message([("From", "De Wilde Joke <joke.dewilde@azleiedal.be>"), ("To", SCIENSANO),
               ("CC", "Maes Evelien <evelien.maes@azleiedal.be>"),
               ("Subject", enc_words("RE: Cyberaanval – labo 27815 - eerste melding", "utf-8", "B", 9)),
               ("Thread-Topic", enc_words("Cyberaanval – labo 27815 - eerste melding", "utf-8", "B", 14)),
               ("Date", "Tue, 14 Jan 2025 16:22:09 +0000"),
               ("Message-ID", "<PAXPR02MB7430A2E61C9D5B3F8E0A7D41C6B29@PAXPR02MB7430.eurprd02.prod.outlook.com>"),
               ("Content-Language", "nl-NL")],
              multi("alternative", "_000_PAXPR02MB7430A2E61C9D5B3F8E0A7D41C6B29PAXPR02MB7430eurp_",
                    [text_part("text/plain", nl03_text, "utf-8", "quoted-printable", True),
                     text_part("text/html", nl03_html, "utf-8", "base64", True)]), crlf=True)
add("nl-03.eml", nl03, raw, T("27815", "nl", [], ("Evelien Maes", "evelien.maes@azleiedal.be", "09 332 18 77"),
    {"cause": ["ransomware", "unknown"], "impact": ["lis", "analyzers", "results"],
     "response": ["degraded_mode", "paper", "isolation", "external_help", "police_report"], "prevention": []}, None,
    "Outlook text+HTML (text QP, HTML base64, UTF-8, CRLF), B-encoded subject 'RE: Cyberaanval – labo 27815 - eerste "
    "melding': a FIRST NOTICE during an ongoing attack; d) 'Nog te bepalen.' and e) 'Nog niet beschikbaar.' are "
    "non-answers kept as written (no prevention tags, no reference); entry point unknown (ransomware + unknown); no "
    "duration stated (downtime null); contact line names the lab head (title 'dr.' dropped, first of two phone "
    "numbers), not the sender; top-posted above the whole Dutch letter under 'Van: / Verzonden: / Aan: / Onderwerp:'. "
    "See nl-04 for the follow-up."))

# ================================================================== nl-04
# Follow-up to nl-03 (Outlook plain text, windows-1252 QP, CRLF): 'Ad a)', 'Ad b)', 'Ad d)', 'Ad e)'
# update only some answers; the earlier notice is quoted below an Outlook header block WITHOUT
# '>' marks, so its own a)-e) lines look like answers but are not.
nl04 = """Geachte,

In aanvulling op onze eerste melding van 14 januari (zie hieronder) kunnen we u nu het volgende meedelen.

Ad a) [[a:Volgens het forensisch rapport kwamen de aanvallers binnen met het gestolen VPN-wachtwoord van een medewerker van de technische dienst; op die VPN-toegang stond geen MFA.]]

Ad b) [[b:Het LIS was uiteindelijk 6 dagen volledig onbeschikbaar; de elektronische verzending van resultaten naar de huisartsen werd pas na 11 dagen hersteld.]]

Ad d) [[d:Invoering van MFA voor alle externe toegangen en accounts met beheerrechten, uitrol van EDR op alle servers, netwerksegmentatie tussen het medische netwerk (inclusief analysers) en het kantoornetwerk, offline back-ups volgens het 3-2-1-principe.]]

Ad e) [[e:Non-conformiteit NC-2025-031]]

Met vriendelijke groeten,

Dr. Evelien Maes
Diensthoofd klinisch laboratorium
AZ Leiedal
T 09 332 18 77
"""
nl04_q = ("\nVan: De Wilde Joke <joke.dewilde@azleiedal.be>\nVerzonden: dinsdag 14 januari 2025 17:22\n"
          "Aan: QL_secretariat <QL_secretariat@sciensano.be>\nCC: Maes Evelien <evelien.maes@azleiedal.be>\n"
          "Onderwerp: RE: Cyberaanval – labo 27815 - eerste melding\n\n" + unmark(nl03))
raw = message([("From", "Maes Evelien <evelien.maes@azleiedal.be>"), ("To", SCIENSANO),
               ("CC", "De Wilde Joke <joke.dewilde@azleiedal.be>"),
               ("Subject", enc_words("RE: Cyberaanval – labo 27815 - aanvulling", "windows-1252", "Q", 9)),
               ("Thread-Topic", enc_words("Cyberaanval – labo 27815 - eerste melding", "windows-1252", "Q", 14)),
               ("Date", "Mon, 3 Feb 2025 09:14:40 +0000"),
               ("Message-ID", "<PAXPR02MB74305E0D7B1C2A9F3D6E8B20A1C47@PAXPR02MB7430.eurprd02.prod.outlook.com>"),
               ("In-Reply-To", "<PAXPR02MB7430A2E61C9D5B3F8E0A7D41C6B29@PAXPR02MB7430.eurprd02.prod.outlook.com>"),
               ("Content-Language", "nl-NL")],
              text_part("text/plain", nl04 + nl04_q, "windows-1252", "quoted-printable", True), crlf=True)
add("nl-04.eml", nl04, raw, T("27815", "nl", ["NC-2025-031"], ("Evelien Maes", "evelien.maes@azleiedal.be", "09 332 18 77"),
    {"cause": ["credentials", "remote_access"], "impact": ["lis", "results"], "response": [],
     "prevention": ["mfa", "edr", "segmentation", "backup"]}, 11,
    "Follow-up to nl-03 (Outlook plain text, windows-1252 QP, CRLF, subject '... - aanvulling'): 'Ad a)', 'Ad b)', "
    "'Ad d)', 'Ad e)' update only some answers, c) is empty; the earlier notice is quoted below an Outlook 'Van: / "
    "Verzonden: / Aan: / CC: / Onderwerp:' block WITHOUT '>' marks, so its a)-e) lines (and its contact line) must not "
    "count; contact = the sender/signer (no contact line in the new text; title 'Dr.' dropped); LIS 6 days, electronic "
    "results 11 days => longest = 11; cause tags only from the new a) (stolen VPN password, no ransomware word)."))


# ================================================================== nl-05
# Short covering note (Outlook text+HTML) + the answers in an attached .docx whose body is a
# two-column Word table (question cell | answer cell) with a 'Contactpersoon' row; e) names a
# procedure of the quality manual beside the real record.
nl05_note = """Goedemiddag,

In bijlage vindt u het antwoord van ons laboratorium op uw brief van 15/02/2021 (ref. Sciensano-AC-2021-04).

Met vriendelijke groeten,

Ingrid Van Damme
Directiesecretariaat
AZ Sint-Remigius
T 03 640 22 11
"""
nl05_rows = [
    ("a) Oorzaak en methode",
     ["[[a:Brute-force-aanval op de SSL-VPN van het ziekenhuis: de aanvallers raadden het zwakke wachtwoord van een account van de technische dienst en logden daarmee in.]]",
      "[[a:Daarna werd Cobalt Strike geïnstalleerd; de aanval werd ontdekt voordat er gegevens versleuteld werden.]]"]),
    ("b) Getroffen activiteiten",
     ["[[b:Uit voorzorg werd het volledige ziekenhuisnetwerk gedurende 30 uur van het internet afgesloten. Het LIS bleef intern werken, maar resultaten konden niet naar externe voorschrijvers verstuurd worden en de e-mail lag plat.]]"]),
    ("c) Onmiddellijke maatregelen",
     ["[[c:Netwerk afgesloten van het internet, betrokken account geblokkeerd en alle VPN-wachtwoorden gereset, forensisch onderzoek door een extern incident-responseteam, aangifte bij de Federal Computer Crime Unit.]]"]),
    ("d) Preventieve maatregelen",
     ["[[d:MFA op de VPN, account lockout na vijf mislukte pogingen, EDR op alle servers, 24/7 monitoring door een extern SOC.]]"]),
    ("e) Referentie kwaliteitssysteem",
     ["[[e:Non-conformiteit NC-21-0045, geregistreerd volgens procedure PR-QA-12 v3 van het Kwaliteitshandboek.]]"]),
    ("Contactpersoon", ["Dr. Koen Wouters, klinisch bioloog, koen.wouters@azsintremigius.be, 03 640 25 70"]),
]
nl05_xml = (w_par("Antwoord op brief Sciensano-AC-2021-04 – Cyberaanval", bold=True) +
            w_par("Laboratorium Klinische Biologie AZ Sint-Remigius (erkenning 18533) – incident van 26 februari 2021") +
            w_table([[(2600, True, [q]), (6400, False, ans)] for q, ans in nl05_rows]) +
            w_par("Mortsel, 8 maart 2021"))
nl05_docx = docx(nl05_xml)
nl05_html = (MSO_HEAD.format(cs="us-ascii", lang="NL-BE") + mso_paras(nl05_note) + "\n</div>\n</body>\n</html>\n")
nl05_html = nl05_html.encode("ascii", "xmlcharrefreplace").decode("ascii")
raw = message([("From", "Van Damme Ingrid <ingrid.vandamme@azsintremigius.be>"), ("To", SCIENSANO),
               ("Subject", enc_words("Cyberaanval – labo 18533", "utf-8", "B", 9)),
               ("Thread-Topic", enc_words("Cyberaanval – labo 18533", "utf-8", "B", 14)),
               ("Date", "Mon, 8 Mar 2021 13:05:59 +0000"),
               ("Message-ID", "<VI1PR07MB5837D0A4E2B9C61F7A3E5D8C90B12@VI1PR07MB5837.eurprd07.prod.outlook.com>"),
               ("Content-Language", "nl-BE"), ("X-MS-Has-Attach", "yes")],
              multi("mixed", "_004_VI1PR07MB5837D0A4E2B9C61F7A3E5D8C90B12VI1PR07MB5837eurp_",
                    [multi("alternative", "_000_VI1PR07MB5837D0A4E2B9C61F7A3E5D8C90B12VI1PR07MB5837eurp_",
                           [text_part("text/plain", nl05_note, "iso-8859-1", "quoted-printable", True),
                            text_part("text/html", nl05_html, "us-ascii", "quoted-printable", True)]),
                     attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "Antwoord Sciensano cyberaanval.docx", nl05_docx, True)]), crlf=True)
add("nl-05.eml", nl05_xml, raw, T("18533", "nl", ["NC-21-0045"], ("Koen Wouters", "koen.wouters@azsintremigius.be", "03 640 25 70"),
    {"cause": ["remote_access", "credentials", "malware"], "impact": ["network", "results", "email"],
     "response": ["isolation", "password_reset", "external_help", "police_report"],
     "prevention": ["mfa", "access_control", "edr", "monitoring"]}, 1.25,
    "Outlook covering note only ('In bijlage vindt u het antwoord', text+HTML, no answer in the body, letter reference "
    "Sciensano-AC-2021-04 is not a QS reference) and the answers in an attached .docx whose body is a two-column Word "
    "table (question cell | answer cell, a) split over two paragraphs, each sentence its own Word run) with a "
    "'Contactpersoon' row naming the lab head (not the sender, title 'Dr.' dropped); e) names the record NC-21-0045 "
    "AND the quality-manual procedure 'PR-QA-12 v3', which is not a record; VPN brute force on a weak password then "
    "Cobalt Strike; '30 uur' = 1.25; docx readable so no review."), kind="docx")


# ================================================================== de-01
# East Belgium, Outlook plain text in ISO-8859-1 BASE64, CRLF; subject whose en dash a gateway
# turned into '?'; letters 'a)'..'e)' only; 'Ansprechpartner für Rückfragen:' names the lab head,
# not the sender; German disclaimer.
de01 = """Sehr geehrter Herr Dr. Capron,

wie in Ihrem Schreiben von 2021 erbeten, melden wir Ihnen den Cyberangriff vom 6. November 2023.

a) [[a:Unser externer IT-Dienstleister wurde gehackt. Die Angreifer haben dessen Fernwartungszugang (VPN) zu unserem Netzwerk benutzt und auf zwei Servern eine Ransomware gestartet.]]

b) [[b:Der Server des Laborinformationssystems und der Dateiserver waren verschlüsselt. Die Labortätigkeit war zwei Arbeitstage lang stark eingeschränkt: keine elektronische Auftragserfassung, keine Übermittlung der Befunde an die Ärzte über das eHealth-Netz. Die Abrechnung ist noch im Rückstand.]]

c) [[c:Trennung der VPN-Verbindung des Dienstleisters, Notbetrieb mit Papieranforderungen und telefonischer Befundübermittlung, Wiederherstellung der Server aus der Sicherung durch unseren neuen IT-Partner, Anzeige bei der Polizei Eupen.]]

d) [[d:Fernwartung nur noch nach Freigabe im Einzelfall und mit Zwei-Faktor-Authentifizierung, Überprüfung (Audit) der IT-Sicherheit unserer Dienstleister, tägliche Offline-Sicherung.]]

e) [[e:Abweichungsmeldung QM-AB-2023-019]]

Ansprechpartner für Rückfragen: Dr. Jens Kreutz, Laborleiter, Tel. 080 22 91 40, j.kreutz@labor-vennbahn.be

Mit freundlichen Grüßen

Sandra Mießen
Qualitätsbeauftragte
Labor Vennbahn - St. Vith
Tel. 080 22 91 45

Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.
"""
raw = message([("From", "=?iso-8859-1?Q?Mie=DFen_Sandra?= <s.miessen@labor-vennbahn.be>"), ("To", SCIENSANO),
               ("Subject", "AW: Cyber attaque ? labo 33701"), ("Thread-Topic", "Cyber attaque ? labo 33701"),
               ("Date", "Thu, 9 Nov 2023 10:37:12 +0000"),
               ("Message-ID", "<FR3P281MB1534C0B7E9A2D4F61E8B3C5A7D290@FR3P281MB1534.DEUP281.PROD.OUTLOOK.COM>"),
               ("Accept-Language", "de-DE, fr-BE"), ("Content-Language", "de-DE")],
              text_part("text/plain", de01, "iso-8859-1", "base64", True), crlf=True)
add("de-01.eml", de01, raw, T("33701", "de", ["QM-AB-2023-019"], ("Jens Kreutz", "j.kreutz@labor-vennbahn.be", "080 22 91 40"),
    {"cause": ["supplier", "remote_access", "ransomware"], "impact": ["lis", "results", "admin"],
     "response": ["isolation", "degraded_mode", "paper", "backup_restore", "external_help", "police_report"],
     "prevention": ["access_control", "mfa", "audit", "backup"]}, 2,
    "German (East Belgium) Outlook plain text, ISO-8859-1 BASE64, CRLF; subject 'AW: Cyber attaque ? labo 33701' whose en "
    "dash a gateway replaced with '?'; letters 'a)'..'e)' only; the IT provider was hacked and its VPN maintenance access "
    "used (supplier + remote_access); 'zwei Arbeitstage' = 2; 'Abweichungsmeldung QM-AB-2023-019' (identifier "
    "QM-AB-2023-019); 'Ansprechpartner für Rückfragen: Dr. Jens Kreutz' = contact, not the sender (ISO-8859-1 "
    "Q-encoded display name); new IT partner restoring = external_help."))


# ================================================================== en-01
# English: a short covering note (text/plain 7bit) and the report in an attached .txt (UTF-8,
# base64) numbered '(1)'..'(5)' with short headings; contact line at the end of the .txt.
en01_note = """Dear Dr Capron,

Please find attached our incident report regarding the account compromise of 22 April 2024, in plain text as requested by our DPO.

Best regards,

Daniel Okafor
IT Security Officer
Eurolab Diagnostics Brussels
+32 2 761 40 00
"""
en01 = """INCIDENT REPORT - SCIENSANO QUESTIONNAIRE (ref. Sciensano-AC-2021-04)
Laboratory: Eurolab Diagnostics Brussels (74410)
Date of incident: 22/04/2024

(1) Probable cause and method
[[a:MFA fatigue attack: the attacker already had the password of a laboratory manager (probably reused on a breached website) and sent repeated push notifications until one was accepted late in the evening. With this session the attacker accessed the mailbox and the SharePoint site of the laboratory.]]

(2) Activities affected
[[b:No interruption of laboratory operations. About 2 GB of documents were downloaded from SharePoint, including internal quality documents and two Excel exports containing patient names and test results. The mailbox was used to send phishing e-mails to external contacts.]]

(3) Immediate actions
[[c:Account disabled and sessions revoked within two hours, password reset, review of sign-in logs with the help of our Microsoft partner, notification of the data breach to the Data Protection Authority and to the patients concerned, complaint filed with the Brussels police.]]

(4) Preventive measures
[[d:Number matching for MFA push notifications, conditional access restricting logins to managed devices, data loss prevention rules on SharePoint, additional awareness training on MFA fatigue.]]

(5) Quality system reference
[[e:INC-2024-0331 (security incident) / NC-24-058 (non-conformity)]]

Contact person: Dr Priya Raman, Quality Manager, priya.raman@eurolab-diag.be, +32 2 761 40 12
"""
en01_txt = unmark(en01).replace("\n", "\r\n").encode("utf-8")
raw = message([("From", "Daniel Okafor <daniel.okafor@eurolab-diag.be>"), ("To", SCIENSANO),
               ("Subject", enc_words("Cyber attaque – labo 74410 (incident report attached)", "utf-8", "Q", 9)),
               ("Date", "Fri, 3 May 2024 15:26:44 +0200"),
               ("Message-ID", "<20240503132644.4F2A81C0E3@smtp.eurolab-diag.be>"),
               ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-gb")],
              multi("mixed", "----=_NextPart_000_0031_01DA9D6B.8E4B2C10",
                    [text_part("text/plain", en01_note, "us-ascii", "7bit", True),
                     Part([("Content-Type", 'text/plain; charset="utf-8"; name="incident_report_74410.txt"'),
                           ("Content-Transfer-Encoding", "base64"),
                           ("Content-Disposition", 'attachment; filename="incident_report_74410.txt"')],
                          encode_body(en01_txt, "base64", True))],
                    params=""), crlf=True)
add("en-01.eml", en01, raw, T("74410", "en", ["INC-2024-0331", "NC-24-058"], ("Priya Raman", "priya.raman@eurolab-diag.be", "+32 2 761 40 12"),
    {"cause": ["credentials"], "impact": ["email", "data_breach"],
     "response": ["password_reset", "external_help", "police_report"],
     "prevention": ["mfa", "access_control", "training"]}, 0,
    "English covering note (text/plain, 7bit) that answers nothing, and the report in an attached text/plain .txt file "
    "(UTF-8, base64, CRLF) with '(1)'..'(5)' numbered headings on their own line, answers below (heading not part of "
    "the answer); subject 'Cyber attaque – labo 74410 (incident report attached)' (extra words); MFA fatigue with a "
    "reused password (credentials), data exfiltrated, 'No interruption of laboratory operations' => downtime 0; two "
    "references separated by ' / ' with parenthesised kinds; contact 'Dr Priya Raman' in the .txt, not the sender; "
    "the .txt is readable so no review."))


# ================================================================== non-reports
def other(file, raw, kind, note):
    MSGS.append((file, raw, {"kind": kind, "note": note}))


# x-01: out-of-office sent by a client-side rule WITHOUT any RFC 3834 / Exchange auto headers,
# under the plain convention subject; mentions the cyber-attack and names a deputy with phone.
x01 = """Bonjour,

Je suis absente du bureau jusqu'au lundi 12 avril 2021 inclus, sans accès à ma messagerie.

Pour toute question relative au laboratoire, y compris le suivi de la cyber-attaque de janvier, veuillez contacter le Dr Hélène Bastin au 065 39 22 10 ou par courriel (helene.bastin@chu-borinage.be).

Cordialement,

Marie-Claire Dupont
Responsable qualité – Laboratoire de biologie clinique
CHU du Borinage
"""
other("x-01.eml", message([("From", "Dupont Marie-Claire <mc.dupont@chu-borinage.be>"), ("To", SCIENSANO),
                            ("Subject", enc_words("RE: Cyber attaque – labo 45120", "windows-1252", "Q", 9)),
                            ("Date", "Wed, 31 Mar 2021 08:02:17 +0200"),
                            ("Message-ID", "<000a01d725f1$6c3e2b10$44ba8130$@chu-borinage.be>"),
                            ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "fr-be")],
                           text_part("text/plain", x01, "windows-1252", "quoted-printable", True), crlf=True),
      "auto_reply",
      "Out-of-office sent by a client-side Outlook rule: NO Auto-Submitted, X-Auto-Response-Suppress, Precedence or "
      "'Réponse automatique' prefix; the subject is the plain convention subject 'RE: Cyber attaque – labo 45120'; the "
      "body mentions 'le suivi de la cyber-attaque' and names a deputy with phone and e-mail, but it reports nothing.")

# x-02: Gmail vacation responder with RFC 3834 headers, English, its own subject.
x02 = """Thank you for your e-mail.

I am on leave until Monday 13 May 2024 with limited access to e-mail. Your message will not be forwarded.

For urgent laboratory matters, please contact our quality manager, Dr Priya Raman (priya.raman@eurolab-diag.be, +32 2 761 40 12). For IT security incidents, please write to security@eurolab-diag.be.

Kind regards,
Daniel Okafor
"""
other("x-02.eml", message([("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"), ("X-Autoreply", "yes"),
                            ("References", "<0b7c1e2a9f3d@sciensano.be>"), ("In-Reply-To", "<0b7c1e2a9f3d@sciensano.be>"),
                            ("From", "Daniel Okafor <daniel.okafor@eurolab-diag.be>"),
                            ("Date", "Mon, 6 May 2024 09:15:02 +0200"),
                            ("Message-ID", "<CAGv8Rk2wPq5L7z=M9xT1cJ4nE0bYs6hFd3uKa8oVr2iQe5Wt+g@mail.gmail.com>"),
                            ("Subject", enc_words("Out of office – Re: Cyber attaque – labo 74410 (incident report attached)", "UTF-8", "Q", 9)),
                            ("To", SCIENSANO)],
                           text_part("text/plain", x02, "UTF-8", "7bit", False), mime_first=True),
      "auto_reply",
      "Gmail vacation responder (Auto-Submitted: auto-replied, Precedence: bulk, X-Autoreply) in English to Sciensano's "
      "acknowledgment of en-01; subject 'Out of office – Re: Cyber attaque – labo 74410 (...)'; names the quality manager "
      "and a security address, but it is not a report.")

# x-03: Postfix bounce (multipart/report) of Sciensano's follow-up question to lab 30457; the
# returned message quotes the lab's a)-e) answers.
x03_notice = """This is the mail system at host smtp-out2.sciensano.be.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<o.renard@labo-hesbaye.be>: host mx.labo-hesbaye.be[185.42.17.9] said: 552
    5.2.2 <o.renard@labo-hesbaye.be>: Mailbox full (in reply to RCPT TO
    command)
"""
x03_status = """Reporting-MTA: dns; smtp-out2.sciensano.be
X-Postfix-Queue-ID: 4Lk7Wq2Z3Tz1xRv
X-Postfix-Sender: rfc822; QL_secretariat@sciensano.be
Arrival-Date: Tue, 22 Nov 2022 09:41:07 +0100 (CET)

Final-Recipient: rfc822; o.renard@labo-hesbaye.be
Original-Recipient: rfc822;o.renard@labo-hesbaye.be
Action: failed
Status: 5.2.2
Remote-MTA: dns; mx.labo-hesbaye.be
Diagnostic-Code: smtp; 552 5.2.2 <o.renard@labo-hesbaye.be>: Mailbox full
"""
x03_orig_body = """Cher Docteur Renard,

Merci pour votre rapport. Pourriez-vous nous préciser si des données de patients ont été exfiltrées ?

Bien cordialement,
Secrétariat Qualité des Laboratoires

-----Message d'origine-----
De : Olivier Renard <o.renard@labo-hesbaye.be>
Envoyé : samedi 19 novembre 2022 11:08
Objet : Cyber attaque – labo 30457

""" + unmark("".join(f"{q}\n→ {a}\n\n" for q, a in zip(FR_Q, fr03_ans))) + "Personne de contact : moi-même (GSM 0476 52 18 33).\n"
x03_orig = message([("From", SCIENSANO), ("To", "Olivier Renard <o.renard@labo-hesbaye.be>"),
                    ("Subject", enc_words("RE: Cyber attaque – labo 30457", "utf-8", "Q", 9)),
                    ("Date", "Tue, 22 Nov 2022 09:41:05 +0100"), ("Message-ID", "<7d2e9a40c1b3@sciensano.be>")],
                   text_part("text/plain", x03_orig_body, "utf-8", "quoted-printable", False))
other("x-03.eml", message([("Return-Path", "<>"), ("Date", "Tue, 22 Nov 2022 09:41:09 +0100 (CET)"),
                            ("From", "MAILER-DAEMON@smtp-out2.sciensano.be (Mail Delivery System)"),
                            ("Subject", "Undelivered Mail Returned to Sender"), ("To", "QL_secretariat@sciensano.be"),
                            ("Auto-Submitted", "auto-replied"),
                            ("Message-Id", "<20221122084109.9C3F21A0B7@smtp-out2.sciensano.be>")],
                           multi("report", "9C3F21A0B7.1669106469/smtp-out2.sciensano.be",
                                 [Part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")],
                                       x03_notice.encode("ascii")),
                                  Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")],
                                       x03_status.encode("ascii")),
                                  Part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822")],
                                       x03_orig)],
                                 params=" report-type=delivery-status;")),
      "bounce",
      "Postfix non-delivery report (multipart/report, 'Undelivered Mail Returned to Sender', From MAILER-DAEMON, Return-Path "
      "<>; mailbox full) for Sciensano's follow-up question to lab 30457; the returned message/rfc822 quotes the lab's whole "
      "fr-03 report (questions, '→' answers, contact line) and carries the convention subject, but this is a bounce.")

# x-04: newsletter about cybersecurity whose subject looks like the convention and whose body
# has an a)-e) checklist.
x04 = """<html><head><meta charset="utf-8"><title>Nieuwsbrief</title></head>
<body style="margin:0;background:#f2f4f7">
<table width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td align="center">
<table width="600" cellpadding="24" cellspacing="0" style="background:#ffffff;font-family:Arial,sans-serif">
<tr><td><img src="https://news.zorgnet-ict.be/img/logo.png" alt="ZorgNet ICT" width="160"></td></tr>
<tr><td><h1 style="font-size:22px">Cyberaanval – labo's en ziekenhuizen: lessen uit 2025</h1>
<p>Beste lezer,</p>
<p>Ook dit jaar werden verschillende Belgische ziekenhuizen en laboratoria getroffen door ransomware en DDoS-aanvallen. In ons webinar van 18 december overlopen experts van het CCB en twee ziekenhuis-CISO's wat werkte en wat niet.</p>
<p><b>Checklist voor uw labo na een aanval</b></p>
<p>a) Leg vast hoe de aanvallers binnenkwamen (phishing, VPN, leverancier).<br>
b) Breng de getroffen diensten in kaart: LIS, analysers, resultatenverzending.<br>
c) Activeer uw noodplan en werk op papier waar nodig.<br>
d) Plan MFA, back-ups en netwerksegmentatie.<br>
e) Registreer het incident als non-conformiteit in uw kwaliteitssysteem.</p>
<p><a href="https://news.zorgnet-ict.be/webinar-2025-12">Schrijf u in voor het webinar</a></p>
<p style="font-size:11px;color:#888">U ontvangt deze nieuwsbrief omdat u ingeschreven bent op ZorgNet ICT. <a href="https://news.zorgnet-ict.be/unsubscribe?u=8c1f2e">Uitschrijven</a></p>
</td></tr></table></td></tr></table>
</body></html>
"""
x04_text = html_text(x04)
x04_text = "\n".join(ln.strip() for ln in x04_text.split("\n") if ln.strip()) + "\n"
other("x-04.eml", message([("From", "ZorgNet ICT <nieuwsbrief@news.zorgnet-ict.be>"), ("To", "QL_secretariat@sciensano.be"),
                            ("Subject", enc_words("Cyberaanval – labo's en ziekenhuizen: lessen uit 2025", "utf-8", "Q", 9)),
                            ("Date", "Tue, 2 Dec 2025 07:30:00 +0000"),
                            ("Message-ID", "<20251202073000.8c1f2e.17@news.zorgnet-ict.be>"),
                            ("List-Unsubscribe", "<https://news.zorgnet-ict.be/unsubscribe?u=8c1f2e>, <mailto:unsubscribe@news.zorgnet-ict.be>"),
                            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk"),
                            ("X-Mailer", "Sendinblue")],
                           multi("alternative", "----=_Part_41879_1204332051.1764660600000",
                                 [text_part("text/plain", x04_text, "utf-8", "quoted-printable", False),
                                  text_part("text/html", x04, "utf-8", "quoted-printable", False)])),
      "unrelated",
      "Dutch newsletter of a (fictitious) health-ICT network (Precedence: bulk, List-Unsubscribe) whose subject starts like "
      "the convention ('Cyberaanval – labo's en ziekenhuizen: ...') and whose body has an a)-e) checklist mirroring the "
      "letter's questions (cause, services, emergency plan, MFA/back-ups, non-conformity); not a report.")


# ================================================================== write + verify
def decoded_text(msg):
    out = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.get_content_maintype() == "text":
            s = part.get_content()
            out.append(html_text(s) if part.get_content_subtype() == "html" else s)
        elif ctype.endswith("wordprocessingml.document"):
            with zipfile.ZipFile(io.BytesIO(part.get_content())) as z:
                out.append(docx_xml_text(z.read("word/document.xml").decode("utf-8")))
    return norm(" ".join(out))


def main():
    truth = []
    for name, raw, tr in MSGS:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert msg["subject"], name
        text = decoded_text(msg)
        if tr["kind"] == "report":
            for k, v in tr["sections"].items():
                if v and v not in text:
                    raise SystemExit(f"{name}: truth {k} not found in decoded text: {v[:80]}")
            for r in tr["references"]:
                assert r in tr["sections"]["e"], (name, r)
            c = tr["contact"]
            if c["email"]:
                assert c["email"] in text or c["email"] in str(msg["from"]), (name, c["email"])
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
    print(f"truth.json: {len(truth)} entries, every section span found in its decoded message")


if __name__ == "__main__":
    main()
