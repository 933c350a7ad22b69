#!/usr/bin/env python3
"""Blind test set for cyberintake: 40 reply messages + truth.json.

Written by a helper session that never read the parser (mailparse, classify, ...).
Standard library only.  Run:  python3 make.py   (writes into this script's folder)
"""
import base64, json, os, quopri, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LETTER_DIR = os.environ.get("LETTER_DIR", "/work/shared/letter")

TAX = {
    "cause": {"phishing", "ransomware", "malware", "remote_access", "vulnerability", "credentials",
              "supplier", "insider", "ddos", "unknown"},
    "impact": {"lis", "analyzers", "results", "email", "network", "phone", "admin", "data_breach", "none"},
    "response": {"degraded_mode", "subcontracting", "paper", "backup_restore", "isolation",
                 "external_help", "police_report", "password_reset"},
    "prevention": {"mfa", "backup", "patching", "segmentation", "training", "edr", "monitoring",
                   "access_control", "audit", "email_filtering"},
}


def load_letter(lang):
    try:
        t = open(os.path.join(LETTER_DIR, "letter-%s.txt" % lang), encoding="utf-8").read()
    except OSError:
        return "(lettre / brief)"
    t = t.replace("**", "")
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = t.replace("\\(", "(").replace("\\)", ")")
    lines = [l.rstrip() for l in t.strip().splitlines()]
    out = []
    for l in lines:
        if l == "" and out and out[-1] == "":
            continue
        out.append(l)
    return "\n".join(out)


LETTER = {"fr": load_letter("fr"), "nl": load_letter("nl")}


def letter_q(lang):
    """The five question lines of the letter, without the leading '- '."""
    return [l[2:] for l in LETTER[lang].splitlines() if re.match(r"- [a-e]\)", l)]


def wrap(text, width=76):
    out = []
    for para in text.split("\n"):
        if len(para) <= width:
            out.append(para)
            continue
        line = ""
        for w in para.split(" "):
            if line and len(line) + 1 + len(w) > width:
                out.append(line)
                line = w
            else:
                line = (line + " " + w) if line else w
        out.append(line)
    return "\n".join(out)


def flowed(text, width=76):
    """format=flowed: soft breaks keep a trailing space."""
    out = []
    for para in text.split("\n"):
        if len(para) <= width:
            out.append(para)
            continue
        words = para.split(" ")
        line = ""
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                out.append(line + " ")
                line = w
            else:
                line = (line + " " + w) if line else w
        out.append(line)
    return "\n".join(out)


def quote(text, prefix="> "):
    return "\n".join((prefix + l) if l else prefix.rstrip() for l in text.split("\n"))


def h2047(s, charset="utf-8", enc="Q"):
    if all(ord(c) < 128 for c in s):
        return s
    raw = s.encode(charset)
    if enc == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode())
    out = ""
    for b in raw:
        c = chr(b)
        if c == " ":
            out += "_"
        elif b < 128 and (c.isalnum() or c in "!*+-/"):
            out += c
        else:
            out += "=%02X" % b
    return "=?%s?Q?%s?=" % (charset, out)


def addr(name, email, charset="utf-8"):
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        if re.search(r"[,.()]", name):
            return '"%s" <%s>' % (name, email)
        return "%s <%s>" % (name, email)
    return "%s <%s>" % (h2047(name, charset), email)


def enc_body(text, charset, cte, crlf=False):
    nl = "\r\n" if crlf else "\n"
    text = text.replace("\r\n", "\n")
    if charset.lower() in ("iso-8859-1", "iso-8859-15", "us-ascii", "ascii"):
        for a, b in (("\u2013", "-"), ("\u2014", "-"), ("\u2019", "'"), ("\u2018", "'"),
                     ("\u201c", '"'), ("\u201d", '"'), ("\u2026", "..."), ("\u00a0", " ")):
            text = text.replace(a, b)
    raw = text.encode(charset)
    if cte == "quoted-printable":
        body = quopri.encodestring(raw.replace(b"\n", b"\r\n") if False else raw).decode("ascii")
        body = body.replace("\n", nl)
        return body.encode("ascii")
    if cte == "base64":
        b = base64.b64encode(text.replace("\n", "\r\n").encode(charset)).decode()
        return nl.join(b[i:i + 76] for i in range(0, len(b), 76)).encode("ascii") + nl.encode()
    # 7bit / 8bit
    return text.replace("\n", nl).encode(charset)


class Part:
    def __init__(self, ctype, body=b"", headers=None, parts=None, boundary=None):
        self.ctype, self.body, self.headers = ctype, body, headers or []
        self.parts, self.boundary = parts, boundary


def leaf(ctype, text, charset="utf-8", cte="quoted-printable", params="", extra=None, crlf=False):
    h = [("Content-Type", '%s; charset="%s"%s' % (ctype, charset, params) if charset else ctype),
         ("Content-Transfer-Encoding", cte)]
    if extra:
        h += extra
    return Part(ctype, enc_body(text, charset or "ascii", cte, crlf), h)


def multi(subtype, parts, boundary, params="", extra=None):
    return Part("multipart/" + subtype, parts=parts, boundary=boundary,
                headers=[("Content-Type", 'multipart/%s;%s boundary="%s"%s' % (
                    subtype, "\n\t" if len(boundary) > 30 else " ", boundary, params))] + (extra or []))


def render(part, crlf=False, top=True):
    nl = ("\r\n" if crlf else "\n").encode()
    out = b""
    if not top:
        for k, v in part.headers:
            out += ("%s: %s" % (k, v.replace("\n", nl.decode()))).encode("ascii") + nl
        out += nl
    if part.parts is None:
        return out + part.body
    for p in part.parts:
        out += b"--" + part.boundary.encode() + nl
        body = render(p, crlf, top=False)
        if not body.endswith(nl):
            body += nl
        out += body + nl
    out += b"--" + part.boundary.encode() + b"--" + nl
    return out


def message(headers, root, crlf=False, mime_first=False, preamble=""):
    """headers: list of (name, value); root: Part.  MIME headers appended (or put first)."""
    nl = "\r\n" if crlf else "\n"
    mime = [("MIME-Version", "1.0")] + root.headers
    hs = (mime + headers) if mime_first else (headers + mime)
    out = b""
    for k, v in hs:
        if any(ord(ch) > 127 for ch in v):
            v = h2047(v)
        out += ("%s: %s" % (k, v.replace("\n", nl))).encode("ascii") + nl.encode()
    out += nl.encode()
    if preamble and root.parts is not None:
        out += (preamble + nl + nl).encode()
    out += render(root, crlf, top=True)
    if not out.endswith(nl.encode()):
        out += nl.encode()
    return out


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_paras(text):
    return "\n".join("<p>%s</p>" % html_escape(p).replace("\n", "<br>\n") for p in text.split("\n\n"))


FILES = {}
TRUTH = []


def emit(name, data):
    FILES[name] = data


def T(file, lab, lang, sec, refs, contact, cause, impact, response, prevention, down, inc,
      note, review=False):
    assert len(sec) == 5
    TRUTH.append({
        "file": file, "kind": "report", "lab": lab, "language": lang,
        "sections": dict(zip("abcde", sec)),
        "references": refs,
        "contact": dict(zip(("name", "email", "phone"), contact)),
        "tags": {"cause": sorted(set(cause)), "impact": sorted(set(impact)),
                 "response": sorted(set(response)), "prevention": sorted(set(prevention))},
        "downtime_days": down, "incident_date": inc, "needs_review": review, "note": note,
    })


def X(file, kind, note):
    TRUTH.append({
        "file": file, "kind": kind, "lab": None, "language": "",
        "sections": {k: "" for k in "abcde"}, "references": [],
        "contact": {"name": "", "email": "", "phone": ""},
        "tags": {g: [] for g in TAX}, "downtime_days": None, "incident_date": None,
        "needs_review": False, "note": note,
    })


SCI = "QL_secretariat@sciensano.be"
SCI_TO = "QL secretariaat <QL_secretariat@sciensano.be>"


def std_headers(frm, to, subject, date, msgid, extra_before=(), extra_after=(), reply=None, charset="utf-8", enc="Q"):
    h = list(extra_before)
    h += [("From", frm), ("To", to), ("Subject", h2047(subject, charset, enc)), ("Date", date),
          ("Message-ID", "<%s>" % msgid)]
    if reply:
        h += [("In-Reply-To", "<%s>" % reply), ("References", "<%s>" % reply)]
    h += list(extra_after)
    return h


LETTER_MSGID = "AM6PR09MB2851D3C1B0E84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com"


def div_html(text, font="Calibri, sans-serif"):
    paras = text.split("\n\n")
    body = "".join('<div>%s</div>\n<div><br></div>\n' % html_escape(p).replace("\n", "<br>\n") for p in paras)
    return body


# ---------------------------------------------------------------- FR
def fr01():
    sec = [
        "il s'agit d'une tentative de connexion à distance : un compte de maintenance du fournisseur de notre middleware, dont le mot de passe n'avait jamais été changé, a été utilisé via le VPN pour se connecter au serveur de la middleware et y lancer un script de chiffrement. L'antivirus a bloqué le chiffrement après quelques fichiers.",
        "seuls les automates connectés à la middleware ont été touchés : ce matin de 8h à 14h, les résultats ne remontaient plus vers le SIL et ont dû être validés manuellement. Le SIL lui-même et la transmission des résultats aux prescripteurs n'ont pas été affectés.",
        "le serveur a été déconnecté du réseau dès l'alerte, le compte du fournisseur a été désactivé et tous les mots de passe des comptes de service ont été changés. Le fournisseur a réinstallé la middleware à partir de la sauvegarde de lundi.",
        "l'accès VPN du fournisseur sera désormais ouvert uniquement à la demande et protégé par une double authentification ; un audit des comptes à privilèges est prévu en avril.",
        "l'incident est enregistré sous la non-conformité NC/2021/031.",
    ]
    own = ("Bonjour,\n\n"
           "Suite à votre courrier du 15 février, nous vous signalons que notre laboratoire a subi une attaque hier soir, vers 21h30.\n\n"
           "Concernant le point a, " + sec[0] + "\n\n"
           "Pour le point b, " + sec[1] + "\n\n"
           "En ce qui concerne le point c, " + sec[2] + "\n\n"
           "Quant au point d, " + sec[3] + "\n\n"
           "Enfin, pour le point e, " + sec[4] + "\n\n"
           "Personne de contact : moi-même.\n\n"
           "Bien à vous,\n\nDr Hélène Dussart\nBiologiste responsable\nLaboratoire du Condroz\nTél. 085 27 41 90\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;" class="">'
            + div_html(own).replace("<div>", '<div class="">') + '</body></html>')
    root = multi("alternative", [
        leaf("text/plain", own, "utf-8", "quoted-printable"),
        leaf("text/html", html, "utf-8", "quoted-printable")], "Apple-Mail=_6E2C7F1A-33B0-4C1E-9D55-0A7B2F1C9E41")
    h = [("From", addr("Hélène Dussart", "helene.dussart@labocondroz.be")),
         ("Subject", h2047("Cyber attaque – labo 24815")),
         ("Message-Id", "<7B1D2E54-6A0C-4F7E-8C3B-2E9A1F0D4C61@labocondroz.be>"),
         ("Date", "Wed, 10 Mar 2021 08:12:47 +0100"),
         ("To", SCI), ("X-Mailer", "Apple Mail (2.3654.60.0.2.21)")]
    root.headers[0] = ("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % root.boundary)
    data = message(h, root, mime_first=False)
    # Apple order: Content-Type / Mime-Version with the Mail comment
    data = data.replace(b"MIME-Version: 1.0\n", b"Mime-Version: 1.0 (Mac OS X Mail 14.0 \\(3654.60.0.2.21\\))\n")
    emit("fr-01.eml", data)
    T("fr-01.eml", "24815", "fr", sec, ["NC/2021/031"],
      ("Hélène Dussart", "helene.dussart@labocondroz.be", "085 27 41 90"),
      ["remote_access", "credentials", "supplier", "ransomware"], ["analyzers"],
      ["isolation", "password_reset", "external_help", "backup_restore"], ["access_control", "mfa", "audit"],
      0.25, "2021-03-09",
      "Apple Mail text+HTML (UTF-8 QP), a later notification (March 2021), no letters: run-in cues 'Concernant le point a,', 'Pour le point b,', 'En ce qui concerne le point c,', 'Quant au point d,', 'Enfin, pour le point e,' open each paragraph (the cue is not the answer). 'hier soir' resolved against Date Wed 10 Mar 2021 -> 2021-03-09; 'de 8h à 14h' = 6 h = 0.25; the backup 'de lundi' is not the incident. Contact 'moi-même' = the signer (Dr dropped).")


def fr02():
    sec = [
        "Un ransomware (variante Conti selon la société mandatée) a été déployé après une intrusion par le serveur Exchange de l'hôpital, qui n'avait pas reçu les correctifs de sécurité publiés début mars.",
        "Le SIL, le serveur de la middleware et la messagerie ont été indisponibles du 3 au 5 mars. Les demandes des services et les résultats vers le DPI n'ont pas pu être transmis électroniquement ; les consultations externes ont été réduites.",
        "Activation du plan dégradé : bons de demande papier, résultats urgents téléphonés, rapports imprimés et portés dans les unités. Les analyses spécialisées (sérologies, biologie moléculaire) ont été confiées au laboratoire du CHU de Charleroi. Isolement complet du réseau hospitalier vis-à-vis d'Internet, intervention de la société NVISO et déclaration à la police fédérale (CCU).",
        "Application systématique des correctifs de sécurité dans les 72 heures, segmentation du réseau du laboratoire, déploiement d'un EDR sur les serveurs, sauvegardes hors ligne quotidiennes.",
        "Non-conformité n° 2021-NC-0147 dans Kalilab.",
    ]
    own = ("Madame, Monsieur,\n\n"
           "L'attaque a été détectée le mercredi 3 mars à 6h du matin par l'équipe de garde. Voici nos réponses à vos questions.\n\n"
           "I. " + sec[0] + "\n\nII. " + sec[1] + "\n\nIII. " + sec[2] + "\n\nIV. " + sec[3] + "\n\nV. " + sec[4] + "\n\n"
           "Personne de contact : M. Didier Lemaire, responsable qualité, 067 34 88 12, didier.lemaire@chrhs.be\n\n"
           "Cordialement,\n\nDr Marc Vandenbroucke\nChef de service - Laboratoire de biologie clinique\nCHR Haute-Senne\n")
    q = ("\n\n\n\nDe :\t\"QL secretariaat\" <QL_secretariat@sciensano.be>\n"
         "A :\tlabo.direction@chrhs.be\nDate :\t15/02/2021 16:03\n"
         "Objet :\tCyber attack de laboratoires médicaux et d'institutions hospitalières\n\n\n\n" + LETTER["fr"] + "\n")
    text = wrap(own) + q
    html = ('<html><body><p><font size=2 face="sans-serif">' + html_escape(own).replace("\n", "<br>") +
            '</font><br><br><br><br><font size=1 color=#5f5f5f face="sans-serif">De : &nbsp; &nbsp; &nbsp; &nbsp;</font>'
            '<font size=1 face="sans-serif">"QL secretariaat" &lt;QL_secretariat@sciensano.be&gt;</font><br>'
            '<font size=1 color=#5f5f5f face="sans-serif">Date : &nbsp; &nbsp; &nbsp; &nbsp;</font><font size=1 face="sans-serif">15/02/2021 16:03</font><br>'
            '<font size=1 color=#5f5f5f face="sans-serif">Objet : &nbsp; &nbsp; &nbsp; &nbsp;</font><font size=1 face="sans-serif">Cyber attack de laboratoires médicaux</font><br><hr noshade><br><br>'
            '<font size=2 face="sans-serif">' + html_escape(LETTER["fr"]).replace("\n", "<br>") + '</font></p></body></html>')
    root = multi("alternative", [
        leaf("text/plain", text, "ISO-8859-1", "quoted-printable"),
        leaf("text/html", html.replace("\u2013", "-").replace("\u2019", "'"), "ISO-8859-1", "quoted-printable")],
        "=_alternative 0047A3C1C125868F_=")
    root.headers[0] = ("Content-Type", 'multipart/alternative; boundary="=_alternative 0047A3C1C125868F_="')
    h = [("Subject", h2047("Réponse : Cyber attaque – labo CHR Haute-Senne (site Soignies)", "ISO-8859-1".lower()).replace("=E2=80=93", "-") if False else
          "=?ISO-8859-1?Q?R=E9ponse_:_Cyber_attaque_-_labo_CHR_Haute-Senne_(site_Soignies)?="),
         ("To", "QL_secretariat@sciensano.be"),
         ("X-Mailer", "Lotus Notes Release 8.5.3FP6 November 21, 2013"),
         ("Message-ID", "<OF4E21A7C3.0B9D14F2-ONC125868F.0046D2B1-C125868F.0047A3C1@chrhs.be>"),
         ("From", "Marc Vandenbroucke <marc.vandenbroucke@chrhs.be>"),
         ("Date", "Fri, 5 Mar 2021 14:02:11 +0100"),
         ("X-MIMETrack", "Serialize by Router on SRVNOTES01/CHRHS(Release 9.0.1FP10|January 05, 2018) at\n 05/03/2021 14:02:12"),
         ("In-Reply-To", "<%s>" % LETTER_MSGID)]
    text_enc = text
    # ISO-8859-1 cannot hold the en dash of the letter; Notes replaces it
    root.parts[0] = leaf("text/plain", text.replace("\u2013", "-").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'),
                         "ISO-8859-1", "quoted-printable")
    emit("fr-02.eml", message(h, root))
    T("fr-02.eml", "CHR Haute-Senne (site Soignies)", "fr", sec, ["2021-NC-0147"],
      ("Didier Lemaire", "didier.lemaire@chrhs.be", "067 34 88 12"),
      ["ransomware", "vulnerability"], ["lis", "analyzers", "email", "results"],
      ["degraded_mode", "paper", "subcontracting", "isolation", "external_help", "police_report"],
      ["patching", "segmentation", "edr", "backup"], 3, "2021-03-03",
      "Lotus Notes 8.5 reply (text+HTML, ISO-8859-1 QP, boundary with spaces '=_alternative ..._=', Notes-style 'De : / A : / Date : / Objet :' tab block above the unquoted letter); answers numbered with Roman numerals 'I.'..'V.'; lab written as a hospital name with a site in parentheses; 'début mars' concerns the patches, the attack was detected 'le mercredi 3 mars' -> 2021-03-03; 'du 3 au 5 mars' = 3 days (both ends); contact is a named QA manager, not the sender.")


def mail(fn, frm, subject, date, msgid, text=None, html=None, charset="utf-8", cte="quoted-printable",
         html_cte=None, extra=(), crlf=False, subj_charset="utf-8", subj_enc="Q", boundary=None,
         to=SCI, mime_first=False, params="", reply=LETTER_MSGID, top_extra=()):
    if html == "auto":
        html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"></head><body>' % charset
                + div_html(text) + "</body></html>")
    parts = []
    if text is not None:
        parts.append(leaf("text/plain", text, charset, cte, params=params, crlf=crlf))
    if html is not None:
        parts.append(leaf("text/html", html, charset, html_cte or cte, crlf=crlf))
    if len(parts) == 1:
        root = parts[0]
    else:
        root = multi("alternative", parts, boundary or ("b1_" + re.sub(r"\W", "", msgid)[:24]))
    h = list(top_extra) + [("From", frm), ("To", to), ("Subject", h2047(subject, subj_charset, subj_enc)),
                           ("Date", date), ("Message-ID", "<%s>" % msgid)]
    if reply:
        h += [("In-Reply-To", "<%s>" % reply), ("References", "<%s>" % reply)]
    h += list(extra)
    emit(fn, message(h, root, crlf=crlf, mime_first=mime_first))


def outlook_quote_fr(date="lundi 15 février 2021 16:03", to="Labo"):
    return ("\n\nDe : QL secretariaat <QL_secretariat@sciensano.be>\nEnvoyé : %s\nÀ : %s\n"
            "Objet : Cyber attack de laboratoires médicaux et d'institutions hospitalières\n\n" % (date, to)) + LETTER["fr"] + "\n"


def outlook_quote_nl(date="maandag 15 februari 2021 16:03", to="Labo"):
    return ("\n\nVan: QL secretariaat <QL_secretariat@sciensano.be>\nVerzonden: %s\nAan: %s\n"
            "Onderwerp: Cyberaanval op medische laboratoria en ziekenhuisinstellingen\n\n" % (date, to)) + LETTER["nl"] + "\n"


def fr03():
    sec = [
        "Nous pensons à une pièce jointe piégée reçue par e-mail (faux avis de livraison DHL) ouverte début janvier sur un PC du secrétariat ; le malware a ensuite récupéré des identifiants administrateur.",
        "Le serveur de facturation et l'encodage des demandes ont été bloqués pendant une semaine complète ; les résultats étaient encore envoyés aux médecins via le portail, qui est hébergé à l'extérieur.",
        "Déconnexion du PC et du serveur concernés, réinitialisation de tous les mots de passe du domaine, encodage des demandes sur papier puis ressaisie, restauration du serveur de facturation à partir de la sauvegarde du 2 janvier.",
        "Filtrage renforcé des pièces jointes (blocage des .zip et des macros), formation de tout le personnel au phishing, authentification forte pour les comptes administrateur.",
        "Enregistré comme non-conformité NC-21-003 et comme plainte PL-21-001 (plainte d'un médecin pour retard de facturation).",
    ]
    lis = "".join("<li>%s</li>" % html_escape(s) for s in sec)
    html = ('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
            '<div>Bonjour,</div><div><br data-mce-bogus="1"></div>'
            '<div>Voici les r&eacute;ponses de notre laboratoire, dans l\'ordre de vos questions :</div>'
            '<ol>' + lis + '</ol>'
            '<div>Bien cordialement,</div><div><br></div><div>Sophie Lardinois<br>Responsable qualit&eacute;<br>'
            'Laboratoire des Ardennes - Libramont<br>T&eacute;l. 061 23 45 67</div><div><br></div>'
            '<hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>De: </b>"QL secretariaat" &lt;QL_secretariat@sciensano.be&gt;<br>'
            '<b>&Agrave;: </b>"Sophie Lardinois" &lt;s.lardinois@labo-ardennes.be&gt;<br><b>Envoy&eacute;: </b>Lundi 15 F&eacute;vrier 2021 16:03:00<br>'
            '<b>Objet: </b>Cyber attaque - labo 31254<br></div><div><br></div><div data-marker="__QUOTED_TEXT__">'
            + html_paras(LETTER["fr"]) + '</div></div></body></html>')
    mail("fr-03.eml", '"Sophie Lardinois" <s.lardinois@labo-ardennes.be>', "RE: Cyber attaque – labo 31254",
         "Mon, 1 Mar 2021 10:41:17 +0100 (CET)", "1193421507.88213.1614591677402.JavaMail.zimbra@labo-ardennes.be",
         html=html, cte="base64",
         extra=[("X-Mailer", "Zimbra 8.8.15_GA_3869 (ZimbraWebClient - FF85 (Win)/8.8.15_GA_3869)"),
                ("Thread-Topic", "Cyber attaque - labo 31254"), ("Thread-Index", "2xkLq4VlR0DdcT5Yc5uJ1c2EhIzw3g==")])
    T("fr-03.eml", "31254", "fr", sec, ["NC-21-003", "PL-21-001"],
      ("Sophie Lardinois", "s.lardinois@labo-ardennes.be", "061 23 45 67"),
      ["phishing", "malware", "credentials"], ["admin"],
      ["isolation", "password_reset", "paper", "backup_restore"], ["email_filtering", "training", "mfa"],
      7, "2021-01",
      "Zimbra web client, HTML-only (UTF-8 base64): the five answers are the <li> of a plain <ol> (numbers 1-5 only as list numbering, no letters, no headings); Zimbra '<hr id=zwchr>' header block and the quoted letter below. Only a month is given ('début janvier' -> 2021-01); the backup 'du 2 janvier' is not the incident. 'une semaine complète' = 7. Nobody named as contact: the sender (phone from her signature).")


def fr04():
    sec = [
        "Attaque par force brute sur le bureau à distance (RDP) d'un serveur exposé sur Internet pour la télémaintenance, puis chiffrement des partages réseau par le ransomware Phobos.",
        "Le SIL n'a pas été touché, mais les partages réseau (procédures, enregistrements qualité, fichiers de validation) et la téléphonie IP ont été indisponibles pendant deux jours et demi. L'activité analytique n'a pas été interrompue.",
        "Coupure de la connexion RDP et isolement du serveur, restauration des partages depuis la sauvegarde de la veille.\n\nNous avons également porté plainte auprès de la police locale de Wavre et la société de télémaintenance a changé tous ses mots de passe.",
        "Fermeture de tous les ports RDP exposés, accès de télémaintenance uniquement par VPN avec MFA, supervision des journaux par un SOC externe.",
        "Fiche d'incident FI-2021-009.",
    ]
    c1, c2 = sec[2].split("\n\n")
    own = ("Bonjour Docteur Capron,\n\n"
           "Notre laboratoire a été touché le 29 janvier dernier. Voici nos réponses.\n\n"
           "a) " + sec[0] + "\n\nb) " + sec[1] + "\n\nc) " + c1 + "\n\nd) " + sec[3] + "\n\ne) " + sec[4] + "\n\n"
           "Complément au point c : " + c2 + "\n\n"
           "Pour toute question, vous pouvez contacter notre responsable informatique, Thomas Gérard (thomas.gerard@cmlwavre.be – 010 24 56 78).\n\n"
           "Bien à vous,\n\nCatherine Jadoul\nDirectrice – CML Wavre\n")
    quote = ("\n\nDe : QL secretariaat <QL_secretariat@sciensano.be>\nDate : lundi 15 février 2021 à 16:03\n"
             "À : Catherine Jadoul <c.jadoul@cmlwavre.be>\nObjet : Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}</style></head>'
            '<body lang="FR-BE" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">'
            + "".join('<p class="MsoNormal">%s<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n"))
            + '<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b><span style="font-size:12.0pt;color:black">De : </span></b>'
              '<span style="font-size:12.0pt;color:black">QL secretariaat &lt;QL_secretariat@sciensano.be&gt;<br><b>Date : </b>lundi 15 février 2021 à 16:03<br><b>À : </b>Catherine Jadoul &lt;c.jadoul@cmlwavre.be&gt;<br><b>Objet : </b>Cyber attaque – labo xxxxx<o:p></o:p></span></p></div>'
            + html_paras(LETTER["fr"]) + '</div></body></html>')
    mail("fr-04.eml", "Catherine Jadoul <c.jadoul@cmlwavre.be>", "Re: Cyber attaque – labo CML Wavre",
         "Thu, 18 Feb 2021 11:27:03 +0100", "B7C0F1D2-9A44-4E63-A2B9-6F0E51C8D317@cmlwavre.be",
         text=own + quote, html=html, boundary="B_3696573423_1418203397",
         extra=[("Thread-Topic", "Cyber attaque – labo CML Wavre"), ("User-Agent", "Microsoft-MacOutlook/16.45.21011103"),
                ("Content-Language", "fr-BE")])
    T("fr-04.eml", "CML Wavre", "fr", sec, ["FI-2021-009"],
      ("Thomas Gérard", "thomas.gerard@cmlwavre.be", "010 24 56 78"),
      ["remote_access", "ransomware"], ["network", "phone"],
      ["isolation", "backup_restore", "police_report", "password_reset"], ["access_control", "mfa", "monitoring"],
      0, "2021-01-29",
      "Outlook for Mac (User-Agent Microsoft-MacOutlook, text+HTML UTF-8 QP, boundary B_...): a)-e) then, after e), a paragraph 'Complément au point c :' that completes c) (the truth of c joins both); the contact is the IT manager named in a sentence with e-mail and phone. Side systems down 'deux jours et demi' but 'L'activité analytique n'a pas été interrompue' => downtime 0. Mac Outlook quote header 'De : / Date : / À : / Objet :' above the letter (whose own subject keeps 'labo xxxxx').")


def fr05():
    sec = [
        "Un collaborateur a reçu un faux e-mail Microsoft 365 et a saisi son mot de passe sur une page frauduleuse ; le compte a ensuite envoyé des centaines de messages de phishing à nos correspondants.",
        "Messagerie bloquée par Microsoft pendant environ 10 heures (compte et domaine sur liste noire) ; pendant ces 10 heures, les protocoles envoyés par e-mail aux maisons de repos ont dû être faxés. Aucune donnée patient n'a été consultée d'après l'analyse des journaux.",
        "Réinitialisation du mot de passe, révocation des sessions, avertissement à tous les destinataires, déclaration au DPO et à l'Autorité de protection des données.",
        "Authentification multifacteur sur tous les comptes Microsoft 365 (activée le 15 février), campagne de sensibilisation avec faux phishing trimestriel.",
        "Incident qualité INC-0212 (logiciel Qualios).",
    ]
    heads = ["CAUSE ET MÉTHODE :", "ACTIVITÉS TOUCHÉES :", "MESURES IMMÉDIATES :", "PRÉVENTION :", "RÉFÉRENCE QUALITÉ :"]
    own = ("Bonjour,\n\nSuite à votre lettre, voici le résumé de l'incident survenu le lundi 8 février.\n\n"
           + "\n\n".join(h + "\n" + s for h, s in zip(heads, sec)) +
           "\n\nContact : moi-même.\n\nCordialement,\n-- \nJulien Masset\nResponsable qualité\nLaboratoire Saint-Luc Bouge\n081 20 99 31\n")
    q = "\n\nLe 15/02/2021 16:03, QL secretariaat a écrit :\n" + quote(LETTER["fr"]) + "\n"
    mail("fr-05.eml", "Julien Masset <julien.masset@slbouge.be>", "Re: Cyber attaque – labo 41207",
         "Thu, 25 Feb 2021 09:55:40 +0100", "9f3c2a81e0d4b7c5a6e2f1d0c9b8a7e6@slbouge.be",
         text=flowed(own) + flowed(q), cte="quoted-printable", params="; format=flowed",
         extra=[("User-Agent", "Roundcube Webmail/1.4.11"), ("X-Sender", "julien.masset@slbouge.be"),
                ("Organization", "Laboratoire Saint-Luc Bouge")])
    T("fr-05.eml", "41207", "fr", sec, ["INC-0212"],
      ("Julien Masset", "julien.masset@slbouge.be", "081 20 99 31"),
      ["phishing", "credentials"], ["email", "results"], ["password_reset"], ["mfa", "training"],
      0.42, "2021-02-08",
      "Roundcube webmail (text/plain format=flowed, UTF-8 QP, '-- ' signature): no letters, upper-case paraphrased headings ('CAUSE ET MÉTHODE :' ... 'RÉFÉRENCE QUALITÉ :') on their own line, answer below (headings are not answers); 'environ 10 heures' = 0.42; the MFA date '15 février' is prevention, not the incident ('lundi 8 février'). Report to the data-protection authority is not a police report.")


def fr06():
    sec = [
        "tentative de phishing lundi dernier, lien cliqué par une technologue, bloqué par le proxy",
        "aucune activité impactée",
        "changement du mot de passe, scan antivirus du poste",
        "rappel des consignes au personnel",
        "néant",
    ]
    own = ("Bonjour,\n" + "\n".join("%s) %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\nDr P. Collard\nLabo Collard Biologie\n\n\n\nEnvoyé depuis mon appareil Galaxy\n")
    q = ("\n\n-------- Message d'origine --------\nDe : QL secretariaat <QL_secretariat@sciensano.be>\n"
         "Date : 15/02/2021 16:03 (GMT+01:00)\nÀ : info@collardbio.be\nObjet : Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body dir="auto">'
            '<div dir="auto">Bonjour,</div>' + "".join('<div dir="auto">%s) %s</div>' % (k, html_escape(s)) for k, s in zip("abcde", sec))
            + '<div dir="auto">Dr P. Collard</div><div dir="auto">Labo Collard Biologie</div><div dir="auto"><br></div><div dir="auto"><br></div>'
            '<div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:85%;color:#575757" dir="auto">Envoyé depuis mon appareil Galaxy</div></div>'
            '<div dir="auto"><br></div><div style="font-size:100%;color:#000000"><!-- originalMessage --><div>-------- Message d\'origine --------</div>'
            '<div>De : QL secretariaat &lt;QL_secretariat@sciensano.be&gt; </div><div>Date : 15/02/2021 16:03 (GMT+01:00) </div>'
            '<div>À : info@collardbio.be </div><div>Objet : Cyber attaque – labo xxxxx </div><div><br></div></div>'
            + html_paras(LETTER["fr"]) + '</body></html>')
    mail("fr-06.eml", "p.collard@collardbio.be", "Re: Cyber attaque - labo 60330",
         "Thu, 18 Feb 2021 19:02:33 +0100", "ojsj5t0wq2y8m1kx3c7vdp9e.1613671353044@email.android.com",
         text=own + q, html=html, cte="base64", boundary="--_com.samsung.android.email_1613671353044218",
         mime_first=False)
    T("fr-06.eml", "60330", "fr", sec, [],
      ("P. Collard", "p.collard@collardbio.be", ""),
      ["phishing"], ["none"], ["password_reset"], ["training"],
      0, "2021-02-15",
      "Samsung Email on Android (text+HTML, both base64, 'Envoyé depuis mon appareil Galaxy', '-------- Message d'origine --------' block): terse one line per letter; the From header has no display name; ASCII hyphen in subject. 'lundi dernier' resolved against Thu 18 Feb 2021 -> 2021-02-15; 'aucune activité impactée' => impact none, downtime 0; e) 'néant' kept, no reference. Contact = sender (name from the signature, title 'Dr' dropped).")


def fr07():
    sec = [
        "Ransomware introduit par la clé USB d'un technicien de maintenance du fournisseur de l'automate d'hématologie, branchée sur le PC de pilotage de l'analyseur le 19 février.",
        "Seul l'analyseur d'hématologie et son PC de pilotage ont été touchés ; les hémogrammes ont été réalisés sur l'automate de secours pendant 24 heures.",
        "PC débranché du réseau, automate de secours mis en service, PC réinstallé par le fournisseur.",
        "Interdiction des supports USB sur les PC d'automates, ports USB bloqués par GPO, PC d'automates placés dans un VLAN séparé.",
        "NC 2021/0088",
    ]
    own = ("Bonjour,\n\nÀ la demande du Dr Anne Leblanc, chef du laboratoire de biologie clinique, je vous transmets "
           "les réponses à votre courrier du 15 février.\n\n"
           + "\n".join("%s) %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\n\nPersonne de contact : Dr Anne Leblanc, anne.leblanc@chu-tivoli.be, 064 27 61 11\n\n"
           "Cordialement,\n\nMathieu Renard\nService Desk informatique – CHU Tivoli\n\n"
           "--\n[Ticket#2021022210000181] Merci de conserver le numéro de ticket dans l'objet pour toute réponse.\n"
           "Service Desk CHU Tivoli – https://helpdesk.chu-tivoli.be/otrs/customer.pl\n")
    mail("fr-07.eml", '"Service Desk CHU Tivoli" <servicedesk@chu-tivoli.be>',
         "[Ticket#2021022210000181] RE: Cyber attaque – labo 45012",
         "Mon, 22 Feb 2021 15:31:06 +0100", "1614004266.842113.903214871.1234.7@helpdesk.chu-tivoli.be",
         text=own, cte="quoted-printable",
         extra=[("X-Mailer", "OTRS Mail Service (6.0.30)"), ("X-Powered-By", "OTRS - Open Ticket Request System (http://otrs.org/)"),
                ("Reply-To", "servicedesk@chu-tivoli.be"), ("Organization", "CHU Tivoli")])
    T("fr-07.eml", "45012", "fr", sec, ["NC 2021/0088"],
      ("Anne Leblanc", "anne.leblanc@chu-tivoli.be", "064 27 61 11"),
      ["ransomware", "supplier"], ["analyzers"], ["isolation", "external_help"], ["access_control", "segmentation"],
      1, "2021-02-19",
      "Sent by the hospital's OTRS ticketing system on behalf of the lab: subject prefixed '[Ticket#2021022210000181] RE:' (the lab is still 45012), X-Mailer OTRS, a service-desk agent writes the covering line and signs, an OTRS footer follows the signature; the contact is the lab head named in the body, not the sender. '24 heures' = 1.")


def fr08():
    sec = [
        "Phishing ciblé : un faux message de la banque a permis de voler les identifiants du compte de la comptabilité, utilisés ensuite pour se connecter au webmail et à l'accès distant Citrix.",
        "Accès aux dossiers administratifs et à la facturation bloqué pendant une journée ; des données de facturation (noms, adresses, numéros de mutuelle d'environ 800 patients) ont été exfiltrées.",
        "Blocage du compte, réinitialisation des mots de passe, coupure de l'accès Citrix, notification à l'APD et plainte déposée à la police de Schaerbeek.",
        "MFA sur Citrix et webmail, revue trimestrielle des droits d'accès.",
        "Plainte interne PI-2021-02 / NC-2021-05.",
    ]
    nl = [
        "Gerichte phishing: een vals bericht van de bank liet toe de inloggegevens van de boekhouding te stelen, die daarna gebruikt werden om in te loggen op de webmail en de Citrix-toegang op afstand.",
        "Toegang tot de administratieve dossiers en de facturatie was een dag geblokkeerd; facturatiegegevens (namen, adressen, mutualiteitsnummers van ongeveer 800 patiënten) werden buitgemaakt.",
        "Account geblokkeerd, wachtwoorden gereset, Citrix-toegang afgesloten, melding aan de GBA en klacht neergelegd bij de politie van Schaarbeek.",
        "MFA op Citrix en webmail, driemaandelijkse controle van de toegangsrechten.",
        "Interne klacht PI-2021-02 / NC-2021-05.",
    ]
    own = ("Madame, Monsieur, / Geachte,\n\nL'incident a eu lieu le jeudi 4 février. / Het incident vond plaats op donderdag 4 februari.\n\n"
           + "\n\n".join("%s. %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\n\n--- Nederlandstalige versie ---\n\n"
           + "\n\n".join("%s. %s" % (k, s) for k, s in zip("abcde", nl)) +
           "\n\nContact : Nathalie Verbist, 02 241 55 60, nathalie.verbist@labbxlnord.be\n\n"
           "Salutations distinguées / Met vriendelijke groeten,\n\nNathalie Verbist\nLaboratoire Bruxelles-Nord / Laboratorium Brussel-Noord\n")
    q = "\n\nLe lun. 15 févr. 2021 à 16:03, QL secretariaat <QL_secretariat@sciensano.be> a écrit :\n\n" + quote(LETTER["fr"]) + "\n"
    html = ('<div dir="ltr">' + "".join("<div>%s</div><div><br></div>" % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n"))
            + '</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Le&nbsp;lun. 15 févr. 2021 à&nbsp;16:03, QL secretariaat &lt;<a href="mailto:QL_secretariat@sciensano.be">QL_secretariat@sciensano.be</a>&gt; a écrit&nbsp;:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_paras(LETTER["fr"]) + '</blockquote></div>\n')
    mail("fr-08.eml", "Nathalie Verbist <nathalie.verbist@labbxlnord.be>", "Re: Cyber attaque – labo 12093",
         "Wed, 24 Feb 2021 17:20:58 +0100", "CAF7gk2Lw9+ZP3nU0_xq8Yv=Tq1cRj5mB2hD@mail.gmail.com",
         text=own + q, html=html, cte="quoted-printable", boundary="000000000000a3c2f905bc1a7d55")
    T("fr-08.eml", "12093", "fr", sec, ["PI-2021-02", "NC-2021-05"],
      ("Nathalie Verbist", "nathalie.verbist@labbxlnord.be", "02 241 55 60"),
      ["phishing", "credentials", "remote_access"], ["admin", "data_breach"],
      ["password_reset", "isolation", "police_report"], ["mfa", "access_control"],
      1, "2021-02-04",
      "Bilingual Brussels reply (Gmail text+HTML, UTF-8 QP): greeting and date sentence in both languages, the answers 'a.'..'e.' first in French, then repeated in Dutch after '--- Nederlandstalige versie ---'; language fr and the truth holds the French answers (the Dutch block duplicates them). 'pendant une journée' = 1.")


def fr09():
    sec = [
        "Exploitation de la vulnérabilité Citrix ADC (CVE-2019-19781), non corrigée sur notre passerelle, puis déploiement du ransomware DoppelPaymer. Le chiffrement a été déclenché dans la nuit du dimanche 10 au lundi 11 janvier.",
        "Le SIL (Glims) et les interfaces avec les automates ont été arrêtés pendant 5 jours ouvrables, du lundi 11 au vendredi 15 janvier. La transmission des résultats via eHealthBox et Medibridge a été interrompue.",
        "Plan dégradé activé, demandes et résultats sur papier, sous-traitance des analyses non urgentes au laboratoire Synlab, restauration des serveurs depuis les sauvegardes hors ligne avec l'aide de Computest.",
        "Mise à jour de la passerelle, sauvegardes immuables, segmentation entre réseau médical et bureautique.",
        "la non-conformité a été ouverte hier sous la référence NC-LAB-2021-017.",
    ]
    inner = ("Claire,\n\nVoici les éléments pour la réponse à Sciensano.\n\n"
             "a) " + sec[0] + "\nb) " + sec[1] + "\nc) " + sec[2] + "\nd) " + sec[3] +
             "\ne) à compléter par le service qualité.\n\nPierre\n\nPierre Hansen\nResponsable informatique\nClinique Sainte-Élisabeth\n")
    own = ("Bonjour,\n\nCi-dessous la réponse de notre service informatique à votre courrier.\n"
           "Pour le point e, " + sec[4] + "\nPersonne de contact : moi-même.\n\n"
           "Bien cordialement,\n\nDr Claire Motte\nBiologiste chef de service\nClinique Sainte-Élisabeth – Laboratoire\n"
           "Tél. : 071 65 40 22\n\n")
    fwd = ("-----Message d'origine-----\nDe : Hansen Pierre <pierre.hansen@cse-clinique.be>\n"
           "Envoyé : mardi 23 février 2021 11:02\nÀ : Motte Claire <claire.motte@cse-clinique.be>\n"
           "Objet : Réponse Sciensano cyberattaque\n\n" + inner)
    mail("fr-09.eml", "Motte Claire <claire.motte@cse-clinique.be>", "TR: Cyber attaque – labo 57734",
         "Thu, 25 Feb 2021 08:44:19 +0000", "DB8PR02MB5930C2D9E7A4B1F60E8D22A1C5939@DB8PR02MB5930.eurprd02.prod.outlook.com",
         text=own + fwd, charset="windows-1252", cte="quoted-printable", crlf=True, subj_charset="windows-1252",
         reply=None,
         extra=[("Thread-Topic", "Cyber attaque – labo 57734".replace("–", "-")), ("Thread-Index", "AdcLUJ8bV3yq1o2TQ2eOJkPZf5m5Ag=="),
                ("Accept-Language", "fr-BE, en-US"), ("Content-Language", "fr-FR"), ("X-MS-Has-Attach", ""),
                ("X-MS-TNEF-Correlator", "")])
    T("fr-09.eml", "57734", "fr", sec, ["NC-LAB-2021-017"],
      ("Claire Motte", "claire.motte@cse-clinique.be", "071 65 40 22"),
      ["vulnerability", "ransomware"], ["lis", "analyzers", "results"],
      ["degraded_mode", "paper", "subcontracting", "backup_restore", "external_help"], ["patching", "backup", "segmentation"],
      5, "2021-01-10",
      "'TR:' Outlook plain text (windows-1252 QP, CRLF): the lab director forwards the IT manager's internal mail (-----Message d'origine-----) whose a)-d) are the answers and whose e) says 'à compléter par le service qualité'; the director's own top note supplies e) ('Pour le point e, ...'), which is the answer to keep; contact 'moi-même' = the director (the forwarded signer is the IT manager). 'nuit du dimanche 10 au lundi 11 janvier' -> 2021-01-10; 'du lundi 11 au vendredi 15 janvier' / '5 jours ouvrables' = 5.")


def fr10():
    sec = [
        "Le prestataire qui héberge notre SIL (société Labsys, Liège) a été victime d'un ransomware ; d'après leur rapport, leur réseau était compromis depuis le 20 janvier. Les attaquants ont ensuite utilisé la connexion VPN permanente entre leur datacenter et notre réseau pour tenter d'atteindre nos serveurs, dans la nuit du samedi 23 au dimanche 24 janvier.",
        "Le SIL hébergé a été inaccessible pendant 36 heures : pas d'encodage, pas de validation, pas d'envoi de résultats vers les prescripteurs. Nos propres serveurs n'ont pas été chiffrés.",
        "Coupure immédiate du tunnel VPN, passage en mode dégradé (procédure PRO-INF-004) avec demandes papier et résultats urgents par téléphone, analyses de biologie moléculaire envoyées au laboratoire de l'UZ Leuven.",
        "Révision du contrat avec le prestataire (clauses de sécurité, notification sous 24 h), cloisonnement du tunnel VPN dans une zone réseau séparée (DMZ), copie locale quotidienne de la base du SIL.",
        "Non-conformité 21-NC-012, réclamation client 21-RC-003.",
    ]
    heads = ["a) Cause et méthode", "b) Activités touchées", "c) Actions immédiates", "d) Mesures préventives", "e) Références qualité"]
    own = ("Madame, Monsieur,\n\nVeuillez trouver ci-dessous les informations relatives à l'incident qui a touché notre laboratoire.\n\n"
           + "\n\n".join(h + "\n" + s for h, s in zip(heads, sec)) +
           "\n\nVotre contact pour ce dossier : Dr Vincent Hallet, biologiste, 04 366 72 10.\n\n"
           "Meilleures salutations,\n\nDr Vincent Hallet\nLaboratoire Clinique de la Citadelle\n\n"
           "________________________________\n"
           "Ce message et ses éventuelles pièces jointes sont confidentiels et destinés exclusivement à leur(s) destinataire(s). "
           "Si vous n'êtes pas le destinataire prévu, merci d'en avertir l'expéditeur et de le supprimer.\n")
    q = outlook_quote_fr(to="Hallet Vincent <vincent.hallet@labo-citadelle.be>")
    mail("fr-10.eml", "Hallet Vincent <vincent.hallet@labo-citadelle.be>", "RE: Cyber attaque – labo 38841",
         "Tue, 2 Mar 2021 13:15:52 +0000", "AM0PR06MB4021B8E0C6F3D1A2E1C45D9BB7879@AM0PR06MB4021.eurprd06.prod.outlook.com",
         text=wrap(own) + "\n" + q.replace("\n\nDe :", "\n-----Message d'origine-----\nDe :", 1), charset="windows-1252",
         cte="quoted-printable", crlf=True, subj_charset="windows-1252",
         extra=[("Thread-Topic", "Cyber attaque - labo 38841"), ("Thread-Index", "AdcPaY1RkzqCz3e7Q9yI6m1Xq3kHsw=="),
                ("Accept-Language", "fr-BE, en-US"), ("Content-Language", "fr-BE")])
    T("fr-10.eml", "38841", "fr", sec, ["21-NC-012", "21-RC-003"],
      ("Vincent Hallet", "vincent.hallet@labo-citadelle.be", "04 366 72 10"),
      ["supplier", "ransomware"], ["lis", "results"], ["isolation", "degraded_mode", "paper", "subcontracting"],
      ["segmentation", "backup"], 1.5, "2021-01-23",
      "Outlook plain text, windows-1252 QP, CRLF, hard-wrapped at 76; headings 'a) Cause et méthode' ... on their own line (the paraphrase is not the answer), answer below; a disclaimer after '____' and an Outlook '-----Message d'origine-----' quote of the letter. The supplier's own compromise 'depuis le 20 janvier' is not the incident; the attack on the lab is 'la nuit du samedi 23 au dimanche 24 janvier' -> 2021-01-23; '36 heures' = 1.5. Contact = the sender (named, phone given, no e-mail written -> sender address).")


def fr11():
    sec = [
        "hameçonnage par SMS (smishing) visant un biologiste, dont le mot de passe de messagerie a été volé",
        "seule la messagerie a été touchée, le compte ayant servi à envoyer du spam pendant une matinée",
        "mot de passe changé et sessions fermées le jour même",
        "activation de la double authentification et formation de rappel",
        "pas d'enregistrement dans notre système qualité.",
    ]
    own = ("Madame, Monsieur,\n\nEn réponse à votre lettre du 15 février : (a) %s ; (b) %s ; (c) %s ; (d) %s ; (e) %s\n\n"
           "L'incident date du mardi 26 janvier. L'activité du laboratoire n'a pas été interrompue.\n\n"
           "Salutations,\n\nBenoît Gillard\nLaboratoire Gillard – Ottignies\n") % tuple(sec)
    q = "\n\nLe 15/02/2021 à 16:03, QL secretariaat a écrit :\n" + quote(LETTER["fr"]) + "\n"
    mail("fr-11.eml", "=?ISO-8859-1?Q?Beno=EEt_Gillard?= <b.gillard@labo-gillard.be>", "Re: Cyber attaque - labo n° 20517",
         "Fri, 19 Feb 2021 12:03:44 +0100", "5e8f0a2c-77b1-4c3e-b2d6-91e4a0f3c1d8@labo-gillard.be",
         text=wrap(own, 72) + wrap(q, 400), charset="ISO-8859-1", cte="8bit", subj_charset="iso-8859-1",
         extra=[("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n Thunderbird/78.7.1"),
                ("Content-Language", "fr")])
    T("fr-11.eml", "n° 20517", "fr", sec, [],
      ("Benoît Gillard", "b.gillard@labo-gillard.be", ""),
      ["phishing", "credentials"], ["email"], ["password_reset"], ["mfa", "training"],
      0, "2021-01-26",
      "Thunderbird 78, 8bit ISO-8859-1, hard-wrapped at 72: all five answers inside ONE paragraph, run-in '(a)'..'(e)' separated by ' ; '; the incident date and 'activité ... pas interrompue' (downtime 0) come in the next paragraph, after e). Lab written 'n° 20517' in the subject (kept as written). e) is a non-answer without reference. ISO-8859-1 Q-encoded From name.")


# ---------------------------------------------------------------- NL
def nl01():
    sec = [
        "via een valse factuur in een e-mail werd malware (Qakbot) binnengehaald op een pc van het secretariaat; de EDR van het ziekenhuis stopte de besmetting voor er bestanden versleuteld werden.",
        "uit voorzorg werd het volledige netwerk van het ziekenhuis anderhalve dag afgesloten, waardoor het LIS en de koppeling met de toestellen niet beschikbaar waren.",
        "noodplan van het labo opgestart, papieren aanvraagformulieren, dringende resultaten telefonisch doorgegeven. De IT-dienst heeft met hulp van het CCB de besmette pc's geïsoleerd en opnieuw geïnstalleerd.",
        "strengere filtering van bijlagen, extra opleiding van het personeel.",
        "NC-2021-0042.",
    ]
    own = ("Geachte,\n\nOns labo werd vorige week dinsdag getroffen.\n\n"
           "Wat punt a betreft: " + sec[0] + "\n\nWat punt b betreft: " + sec[1] + "\n\nWat punt c betreft: " + sec[2] +
           "\n\nWat punt d betreft: " + sec[3] + "\n\nWat punt e betreft: " + sec[4] + "\n\nContactpersoon: ondergetekende.\n\n"
           "Met collegiale groeten,\n\nDr. Griet Claeys\nKlinisch bioloog – AZ Sint-Vincentius Deinze\n09 387 71 11\n\nVerstuurd vanaf mijn iPad\n")
    q = "\n> Op 15 feb. 2021 om 16:03 heeft QL secretariaat <QL_secretariat@sciensano.be> het volgende geschreven:\n>\n" + quote(LETTER["nl"]) + "\n"
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
            + "".join('<div dir="ltr">%s</div><div dir="ltr"><br></div>' % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n"))
            + '<div dir="ltr"><br><blockquote type="cite">Op 15 feb. 2021 om 16:03 heeft QL secretariaat &lt;QL_secretariat@sciensano.be&gt; het volgende geschreven:<br><br></blockquote></div>'
            '<blockquote type="cite"><div dir="ltr">' + html_paras(LETTER["nl"]) + '</div></blockquote></body></html>')
    mail("nl-01.eml", "Griet Claeys <griet.claeys@azdeinze.be>", "Re: Cyberaanval – labo 46128",
         "Mon, 22 Feb 2021 20:48:05 +0100", "5C0E7A3B-91D4-4F28-B6E0-3A27C8D1F9B4@azdeinze.be",
         text=own + q, html=html, boundary="Apple-Mail-5C0E7A3B-91D4-4F28-B6E0-3A27C8D1F9B4",
         extra=[("X-Mailer", "iPad Mail (18D52)")], mime_first=True)
    T("nl-01.eml", "46128", "nl", sec, ["NC-2021-0042"],
      ("Griet Claeys", "griet.claeys@azdeinze.be", "09 387 71 11"),
      ["phishing", "malware"], ["network", "lis", "analyzers"],
      ["degraded_mode", "paper", "external_help", "isolation"], ["email_filtering", "training"],
      1.5, "2021-02-16",
      "iPad Mail (text+HTML UTF-8 QP, MIME headers first, 'Verstuurd vanaf mijn iPad' under the signature): no letters, each answer opens with a run-in cue 'Wat punt a betreft:' .. 'Wat punt e betreft:' (not part of the answer). 'vorige week dinsdag' against Date Mon 22 Feb 2021 -> Tuesday 16 Feb 2021; 'anderhalve dag' = 1.5; 'ondergetekende' = the signer.")


def nl02():
    sec = [
        "Ransomware (Egregor) via een gecompromitteerde VPN-account van een externe IT-consultant; het wachtwoord was gelekt bij een eerder datalek.",
        "Het LIS, de facturatie en de mailserver lagen plat van maandag 11 tot donderdag 14 januari. Staalafname in de prikcentra ging door, maar resultaten konden niet elektronisch naar de artsen verstuurd worden.",
        "Noodprocedure: resultaten op papier afgedrukt en per koerier naar de huisartsen, dringende analyses uitbesteed aan het labo van AZ Groeninge. Alle servers werden hersteld vanaf de offline back-up. Aangifte bij de politie (FCCU).",
        "VPN enkel nog met tweestapsverificatie, externe accounts enkel tijdelijk geactiveerd, 24/7 monitoring door een SOC.",
        "Non-conformiteit NC21-007.",
    ]
    own = ("Beste,\n\nMaandag 11 januari 's ochtends werd vastgesteld dat onze servers versleuteld waren. Hieronder onze antwoorden.\n\n"
           + "\n\n".join("%d) %s" % (i + 1, s) for i, s in enumerate(sec)) +
           "\n\nVoor verdere vragen: Kristof Vanneste, IT-coördinator, kristof.vanneste@bruyland.be, 056 35 12 90.\n\n"
           "Vriendelijke groet,\n\nAn Desmet\nLabodirecteur\nMedisch Labo Bruyland\n")
    q = ("\n\nVan: QL secretariaat <QL_secretariat@sciensano.be>\nDatum: maandag 15 februari 2021 om 16:03\n"
         "Aan: An Desmet <an.desmet@bruyland.be>\nOnderwerp: Cyberaanval – labo xxxxx\n\n" + LETTER["nl"] + "\n")
    mail("nl-02.eml", "An Desmet <an.desmet@bruyland.be>", "Re: Cyberaanval – labo Medisch Labo Bruyland",
         "Fri, 26 Feb 2021 16:39:11 +0100", "E4C21B77-0F4A-4F3B-8D2E-1B9A6C0D5E33@bruyland.be",
         text=own + q, html="auto", boundary="B_3697202351_802116340",
         extra=[("Thread-Topic", "Cyberaanval – labo Medisch Labo Bruyland"), ("User-Agent", "Microsoft-MacOutlook/16.46.21021202"),
                ("Content-Language", "nl-BE")])
    T("nl-02.eml", "Medisch Labo Bruyland", "nl", sec, ["NC21-007"],
      ("Kristof Vanneste", "kristof.vanneste@bruyland.be", "056 35 12 90"),
      ["ransomware", "remote_access", "credentials", "supplier"], ["lis", "admin", "email", "results"],
      ["degraded_mode", "paper", "subcontracting", "backup_restore", "police_report"], ["mfa", "access_control", "monitoring"],
      4, "2021-01-11",
      "Outlook for Mac (text+HTML UTF-8 QP): answers numbered '1)'..'5)' with no letters and no question wording; the lab is a name ('Medisch Labo Bruyland'); 'van maandag 11 tot donderdag 14 januari' = 4 days (both ends); the earlier data leak of the password has no date and is not the incident; contact is the IT coordinator named in the closing sentence.")


def nl03():
    sec = [
        "Onbekend. Het ziekenhuis werd getroffen door ransomware; hoe de aanvallers binnenkwamen wordt nog onderzocht door de FCCU.",
        "Alle systemen van het ziekenhuis, ook het LIS, de middleware en de telefonie, waren twee weken onbeschikbaar. Het labo werkte enkel voor dringende aanvragen.",
        "Noodplan, handmatige registratie op papier, niet-dringende analyses doorgestuurd naar een extern labo, back-ups teruggezet door het ziekenhuis met hulp van een extern incident-responseteam.",
        "Nog in uitwerking op ziekenhuisniveau.",
        "KLA-NC-2020-118",
    ]
    own = ("Geachte Dr. Capron,\n\nOns ziekenhuis werd half december getroffen door een cyberaanval. Hieronder de gevraagde informatie.\n\n"
           + "\n".join("%s. %s" % (r, s) for r, s in zip(["i", "ii", "iii", "iv", "v"], sec)) +
           "\n\nContactpersoon: apr. Jan De Wilde, labodirecteur (jan.dewilde@hhziekenhuis.be, tel. 03 760 22 41)\n\n"
           "Met vriendelijke groeten,\n\nJan De Wilde\nH.-Hartziekenhuis Mol\n")
    q = ("\n\n\n\nVan:\t\"QL secretariaat\" <QL_secretariat@sciensano.be>\nAan:\tjan.dewilde@hhziekenhuis.be\n"
         "Datum:\t15/02/2021 16:03\nOnderwerp:\tCyberaanval op medische laboratoria en ziekenhuisinstellingen\n\n\n\n" + LETTER["nl"] + "\n")
    html = ('<html><body><p><font size=2 face="sans-serif">' + html_escape(own).replace("\n", "<br>")
            + '</font><br><br><br><font size=1 color=#5f5f5f face="sans-serif">Van: &nbsp; &nbsp; &nbsp; &nbsp;</font><font size=1 face="sans-serif">"QL secretariaat" &lt;QL_secretariat@sciensano.be&gt;</font><br>'
            '<font size=1 color=#5f5f5f face="sans-serif">Datum: &nbsp; &nbsp; &nbsp; &nbsp;</font><font size=1 face="sans-serif">15/02/2021 16:03</font><br><hr noshade><br>'
            '<font size=2 face="sans-serif">' + html_escape(LETTER["nl"]).replace("\n", "<br>") + '</font></p></body></html>')
    mail("nl-03.eml", "Jan De Wilde <jan.dewilde@hhziekenhuis.be>", "Antwoord: Cyberaanval – labo 73302",
         "Tue, 23 Feb 2021 09:17:30 +0100", "OF8A33C1E2.5D0B7F14-ONC1258686.002F9A11-C1258686.002FDA2B@hhziekenhuis.be",
         text=own + q, html=html, charset="ISO-8859-1", cte="quoted-printable", subj_charset="utf-8", subj_enc="B",
         boundary="=_alternative 002FDA2AC1258686_=",
         extra=[("X-Mailer", "HCL Notes Release 11.0.1FP2 October 28, 2020"),
                ("X-MIMETrack", "Serialize by Router on NOTES02/HHZ(Release 11.0.1FP2|October 28, 2020) at\n 23/02/2021 09:17:30")])
    T("nl-03.eml", "73302", "nl", sec, ["KLA-NC-2020-118"],
      ("Jan De Wilde", "jan.dewilde@hhziekenhuis.be", "03 760 22 41"),
      ["ransomware", "unknown"], ["lis", "analyzers", "phone"],
      ["degraded_mode", "paper", "subcontracting", "backup_restore", "external_help"], [],
      14, "2020-12",
      "HCL Notes 11 (text+HTML ISO-8859-1 QP, Notes tab header block 'Van: / Aan: / Datum: / Onderwerp:' above the unquoted letter, 'Antwoord:' prefix, B-encoded subject): lower-case Roman numerals 'i.'..'v.', one line each; only a month ('half december' -> 2020-12); 'twee weken' = 14; d) is a non-answer with no prevention tag; contact named with the pharmacist title 'apr.' (dropped).")


def nl04():
    sec = [
        "DDoS-aanval op de internetverbinding van het ziekenhuis, op 2 februari jl.",
        "De verbinding met het eHealth-platform en de resultatenserver viel weg: van 8u tot 17u konden geen resultaten elektronisch verstuurd worden.",
        "Dringende resultaten telefonisch doorgegeven; de internetprovider (Proximus) heeft op onze vraag anti-DDoS-filtering geactiveerd.",
        "Tweede internetlijn bij een andere provider, permanente anti-DDoS-dienst.",
        "Geen NC aangemaakt.",
    ]
    q = "Op 16-02-2021 om 09:12 schreef QL secretariaat:\n" + quote(LETTER["nl"]) + "\n\n"
    own = ("Beste,\n\nHieronder onze antwoorden.\n\n" + "\n\n".join("%s) %s" % (k.upper(), s) for k, s in zip("abcde", sec)) +
           "\n\nMet vriendelijke groeten,\n\n-- \nEls Peeters\nKwaliteitscoördinator\nKlinisch Labo H.-Hart Lier\n03 491 26 00\n")
    mail("nl-04.eml", "Els Peeters <els.peeters@hhlier.be>", "Re: Cyberaanval – labo Klinisch Labo H.-Hart Lier",
         "Wed, 17 Feb 2021 14:22:09 +0100", "a7d1c6e0-3f2b-48e9-9c51-0b6f2e7d8a14@hhlier.be",
         text=flowed(q, 78) + flowed(own), cte="8bit", params="; format=flowed",
         extra=[("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:78.0) Gecko/20100101\n Thunderbird/78.7.0"),
                ("Content-Language", "nl-BE")])
    T("nl-04.eml", "Klinisch Labo H.-Hart Lier", "nl", sec, [],
      ("Els Peeters", "els.peeters@hhlier.be", "03 491 26 00"),
      ["ddos"], ["results", "network"], ["external_help"], [],
      0.375, "2021-02-02",
      "Thunderbird 78 on Linux, BOTTOM-posted: the whole '> '-quoted Dutch letter (with its own a)-e) and Capron's contact) comes first, the answers 'A)'..'E)' after it; UTF-8 8bit format=flowed. 'op 2 februari jl.' -> 2021-02-02 (inside a)); 'van 8u tot 17u' = 9 h = 0.375; d) has no taxonomy label (second ISP line, anti-DDoS) so prevention is empty; e) 'Geen NC aangemaakt.' no reference. Lab written with an abbreviation and dots.")


def nl05():
    b1 = "De terminalserver en de gedeelde mappen waren drie dagen niet bruikbaar, waardoor inschrijvingen en facturatie stillagen."
    b2 = "Ook de koppeling van het LIS met de hematologie- en chemie-analysers viel uit, zodat de resultaten manueel ingegeven moesten worden."
    sec = [
        "Een medewerker van de administratie opende op 9 februari een bijlage in een phishingmail; daarna werd de terminalserver besmet met ransomware.",
        b1 + "\n" + b2,
        "Besmette server losgekoppeld, herinstallatie en herstel vanaf back-up, alle wachtwoorden van de administratie gewijzigd.",
        "Macro's in Office-bijlagen geblokkeerd, phishingsimulaties, netwerksegmentatie tussen administratie en labo.",
        "NC 2021-014 en NC 2021-015",
    ]
    own = ("Goedemiddag,\n\nIn antwoord op uw brief van 15 februari:\n\n"
           "a. " + sec[0] + "\n\nb. " + b1 + "\n\nc. " + sec[2] + "\n\nd. " + sec[3] + "\n\ne. " + sec[4] + "\n\n"
           "Aanvulling bij b: " + b2 + "\n\n"
           "Contact: Pieter Maes (IT), 0476 12 34 56\n\nMvg,\nLiesbeth Wouters\nklinisch bioloog\n")
    q = "\n\nOp ma 15 feb. 2021 om 16:03 schreef QL secretariaat <QL_secretariat@sciensano.be>:\n\n" + quote(LETTER["nl"]) + "\n"
    html = ('<div dir="ltr">' + "".join("<div>%s</div><div><br></div>" % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n"))
            + '</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Op ma 15 feb. 2021 om 16:03 schreef QL secretariaat &lt;<a href="mailto:QL_secretariat@sciensano.be">QL_secretariat@sciensano.be</a>&gt;:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_paras(LETTER["nl"]) + '</blockquote></div>\n')
    mail("nl-05.eml", "Liesbeth Wouters <liesbeth.wouters@labo-maasland.be>", "Re: Cyberaanval – labo 8-10473-44-502",
         "Thu, 18 Feb 2021 13:05:27 +0100", "CAH3kPq0_Vd7Lr1xw9ZT4uBn+eY2sQm8cFj6kD0aR@mail.gmail.com",
         text=own + q, html=html, cte="base64", boundary="0000000000007d4e1b05bb9c3f20")
    T("nl-05.eml", "8-10473-44-502", "nl", sec, ["NC 2021-014", "NC 2021-015"],
      ("Pieter Maes", "", "0476 12 34 56"),
      ["phishing", "ransomware"], ["admin", "analyzers"],
      ["isolation", "backup_restore", "password_reset"], ["email_filtering", "training", "segmentation"],
      3, "2021-02-09",
      "Gmail (text+HTML, both base64): 'a.'..'e.' then, after e., a paragraph 'Aanvulling bij b:' that completes b) (the truth of b joins both); the RIZIV-style lab id with hyphens; the contact is an IT person with a phone but no e-mail (not the sender, so e-mail empty); 'drie dagen' = 3.")


def nl06():
    qs = letter_q("nl")
    sec = [
        "Vermoedelijk een kwetsbaarheid in de firewall (Fortinet SSL-VPN) die niet gepatcht was; via die weg werd begin januari de Cobalt Strike-malware geïnstalleerd.",
        "Mailserver en internettoegang vijf werkdagen uitgeschakeld; resultaten konden niet via Medibridge verstuurd worden. Het LIS werkte intern verder.",
        "Netwerk losgekoppeld van internet, resultaten afgedrukt en opgehaald door de koerier, forensisch onderzoek door een extern bedrijf.",
        "Firmware-updates binnen 7 dagen na publicatie, EDR op alle servers.",
        "Incidentnummer 2021/INC/003 in ons kwaliteitshandboek.",
    ]
    body = "Geachte,\n\nZie onze antwoorden hieronder bij elke vraag (na =>).\n\n"
    for qq, s in zip(qs, sec):
        body += "> " + qq + "\n=> " + s + "\n\n"
    body += ("Contact: Bart Goossens, bart.goossens@labo-kempen.be\n\nMet vriendelijke groeten,\n"
             "Bart Goossens\nLabo Kempen - Geel\n")
    mail("nl-06.eml", "Goossens Bart <bart.goossens@labo-kempen.be>", "RE: Cyberaanval – labo 29954",
         "Mon, 1 Mar 2021 10:02:45 +0000", "VI1PR0102MB3309E5C0D17B2A4F6E9B13C8B9F40@VI1PR0102MB3309.eurprd01.prod.outlook.com",
         text=body + outlook_quote_nl(to="Goossens Bart"), charset="windows-1252", cte="8bit", crlf=True, subj_charset="windows-1252",
         extra=[("Thread-Topic", "Cyberaanval - labo 29954"), ("Accept-Language", "nl-BE, en-US"), ("Content-Language", "nl-BE")])
    T("nl-06.eml", "29954", "nl", sec, ["2021/INC/003"],
      ("Bart Goossens", "bart.goossens@labo-kempen.be", ""),
      ["vulnerability", "malware"], ["email", "network", "results"], ["isolation", "paper", "external_help"],
      ["patching", "edr"], 5, "2021-01",
      "Outlook plain text, windows-1252 8bit, CRLF: each question of the Dutch letter copied with '> ' and the answer on the next line after '=> ' (the quoted questions are not answers; 'na =>' announced); the full letter is quoted again below. Month only ('begin januari' -> 2021-01); 'vijf werkdagen' = 5; the LIS kept working but result sending was down, so downtime is the 5 days.")


def nl07():
    sec = ["vermoedelijk phishing, niet bevestigd", "mail en telefonie een paar uur uit", "pc's gescand, paswoorden gewijzigd", "", "nog geen NC"]
    own = "a: %s\nb: %s\nc: %s\ne: %s\n\nWim\n\nVerzonden vanuit Outlook voor iOS<https://aka.ms/o0ukef>\n" % (sec[0], sec[1], sec[2], sec[4])
    q = ("________________________________\nVan: QL secretariaat <QL_secretariat@sciensano.be>\n"
         "Verzonden: Monday, February 15, 2021 4:03:12 PM\nAan: Jacobs Wim <wim.jacobs@labo-hasselt.be>\n"
         "Onderwerp: Cyberaanval – labo xxxxx\n\n" + LETTER["nl"] + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="ltr">'
            + "".join('<div dir="ltr">%s</div>' % html_escape(l) for l in ["a: " + sec[0], "b: " + sec[1], "c: " + sec[2], "e: " + sec[4]])
            + '<div dir="ltr"><br></div><div dir="ltr">Wim</div></div><div class="ms-outlook-ios-signature"><br>Verzonden vanuit <a href="https://aka.ms/o0ukef">Outlook voor iOS</a></div>'
            '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Van:</b> QL secretariaat &lt;QL_secretariat@sciensano.be&gt;<br><b>Verzonden:</b> Monday, February 15, 2021 4:03:12 PM<br><b>Aan:</b> Jacobs Wim<br><b>Onderwerp:</b> Cyberaanval – labo xxxxx</font><div>&nbsp;</div></div>'
            + html_paras(LETTER["nl"]) + '</body></html>')
    mail("nl-07.eml", "Jacobs Wim <wim.jacobs@labo-hasselt.be>", "Re: Cyberaanval – labo 51876",
         "Sat, 20 Feb 2021 07:51:14 +0000", "AM5PR0601MB2531C4D1B04E8A5F92C6D0AF9A3B0@AM5PR0601MB2531.eurprd06.prod.outlook.com",
         text=own + q, html=html, cte="base64", html_cte="quoted-printable",
         extra=[("Thread-Topic", "Cyberaanval – labo 51876"), ("X-MS-Has-Attach", ""), ("Content-Language", "nl-BE")])
    T("nl-07.eml", "51876", "nl", sec, [],
      ("Wim Jacobs", "wim.jacobs@labo-hasselt.be", ""),
      ["phishing"], ["email", "phone"], ["password_reset"], [],
      0.25, None,
      "Outlook for iOS, sent on a Saturday morning (text base64 + HTML QP): 'a:'..'e:' labels, one line each, d) skipped entirely (empty, no prevention tags); 'een paar uur' = 0.25; no date of the incident; signed only 'Wim' (contact = sender, name 'Wim Jacobs' from the From header).")


def nl08():
    sec = [
        "Ransomware via een onbeveiligde RDP-poort van een server van het ziekenhuis (brute force), in de nacht van zaterdag 30 op zondag 31 januari.",
        "LIS, middleware en HL7-koppeling met het EPD vielen 2,5 dag uit.",
        "Noodplan: werken met papieren aanvragen en verslagen; afdelingen belden voor dringende resultaten; herstel van het LIS uit back-up door de leverancier (MIPS).",
        "RDP dichtgezet, MFA op alle externe toegangen, opleiding voor alle medewerkers.",
        "NC/2021/12",
    ]
    inner = ("Geachte,\n\nHierbij de antwoorden van ons labo.\n\n" + "\n".join("Punt %s: %s" % (k, s) for k, s in zip("abcde", sec)) +
             "\n\nContactpersoon: Hilde Verstraete, hilde.verstraete@azmaasenkempen.be, 089 50 80 00\n\n"
             "Met vriendelijke groeten,\nHilde Verstraete\nKwaliteitsverantwoordelijke klinisch labo\nAZ Maas en Kempen\n")
    own = ("Beste,\n\nOnderstaande mail werd op 22/02 naar een verkeerd adres gestuurd en kwam terug. Hierbij opnieuw.\n\n"
           "Met vriendelijke groeten,\nHilde\n\n"
           "Van: Verstraete Hilde\nVerzonden: maandag 22 februari 2021 10:14\nAan: ql_secretariaat@sciensano.be\n"
           "Onderwerp: Cyberaanval – labo 66410\n\n" + inner)
    mail("nl-08.eml", "Verstraete Hilde <hilde.verstraete@azmaasenkempen.be>", "FW: Cyberaanval – labo 66410",
         "Wed, 24 Feb 2021 08:30:02 +0000", "AS8PR03MB6918A1E4D5F0C2B7E9A3D61FE5C20@AS8PR03MB6918.eurprd03.prod.outlook.com",
         text=own, charset="windows-1252", cte="quoted-printable", crlf=True, subj_charset="utf-8", reply=None,
         extra=[("Thread-Topic", "Cyberaanval – labo 66410"), ("Thread-Index", "AdcI/xq0kGx9H3c2R0y1XQ4mZT2Bqg=="),
                ("Accept-Language", "nl-BE, en-US"), ("Content-Language", "nl-BE")])
    T("nl-08.eml", "66410", "nl", sec, ["NC/2021/12"],
      ("Hilde Verstraete", "hilde.verstraete@azmaasenkempen.be", "089 50 80 00"),
      ["ransomware", "remote_access"], ["lis", "analyzers", "results"],
      ["degraded_mode", "paper", "backup_restore", "external_help"], ["access_control", "mfa", "training"],
      2.5, "2021-01-30",
      "'FW:' Outlook plain text (windows-1252 QP, CRLF): the sender resends her own earlier reply that had gone to a mistyped address; the report is the forwarded text below an Outlook 'Van:/Verzonden:/Aan:/Onderwerp:' block, labels 'Punt a:'..'Punt e:'; the resend date 22/02 is not the incident ('nacht van zaterdag 30 op zondag 31 januari' -> 2021-01-30); '2,5 dag' = 2.5.")


def nl09():
    sec = [
        "Een leverancier van onze middleware had een account met een zwak wachtwoord op ons netwerk; dat werd in de nacht van 27 op 28 januari misbruikt om malware te installeren.",
        "De middleware lag ongeveer 30 uur stil; toestellen moesten manueel bediend worden en resultaten werden manueel ingevoerd in het LIS.",
        "Account uitgeschakeld, middleware-server geïsoleerd en opnieuw opgebouwd door de leverancier.",
        "Leveranciersaccounts enkel op aanvraag geactiveerd, wachtwoordbeleid aangescherpt, jaarlijkse audit van externe toegangen.",
        "NC 21-0031 (kwaliteitshandboek, hoofdstuk 4.14)",
    ]
    heads = ["a) Oorzaak", "b) Impact", "c) Onmiddellijke maatregelen", "d) Preventie", "e) Registratie"]
    own = ("Goedemorgen,\n\nGraag bezorgen wij u de gevraagde informatie.\n\n"
           + "\n\n".join(h + "\n" + "-" * len(h) + "\n" + s for h, s in zip(heads, sec)) +
           "\n\nMet vriendelijke groet,\n\nAnnelies Vermeulen\nLabo klinische biologie\nAZ Sint-Rembert Torhout\nT 050 23 21 11\n")
    q = "\n\nOp di 16 feb. 2021 om 08:30 schreef QL secretariaat <QL_secretariat@sciensano.be>:\n\n" + quote(LETTER["nl"]) + "\n"
    html = ('<div dir="ltr"><div>Goedemorgen,</div><div><br></div><div>Graag bezorgen wij u de gevraagde informatie.</div><div><br></div>'
            + "".join("<div><u><b>%s</b></u></div><div>%s</div><div><br></div>" % (html_escape(h), html_escape(s)) for h, s in zip(heads, sec))
            + '<div>Met vriendelijke groet,</div><div><br></div><div>Annelies Vermeulen<br>Labo klinische biologie<br>AZ Sint-Rembert Torhout<br>T 050 23 21 11</div></div><br>'
            '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Op di 16 feb. 2021 om 08:30 schreef QL secretariaat &lt;QL_secretariat@sciensano.be&gt;:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_paras(LETTER["nl"]) + '</blockquote></div>\n')
    mail("nl-09.eml", "Annelies Vermeulen <annelies.vermeulen@sint-rembert.be>",
         "Re: Cyberaanval – labo AZ Sint-Rembert Torhout (erkenning 8-12345-67-890)",
         "Fri, 19 Feb 2021 09:12:40 +0100", "CAJx7Rm2p+Lq4T0e_ZbN9wVfQ1yHk3sC6dG8uA5oE@mail.gmail.com",
         text=own + q, html=html, boundary="000000000000c81f2a05bba4e7b9")
    T("nl-09.eml", "AZ Sint-Rembert Torhout (erkenning 8-12345-67-890)", "nl", sec, ["NC 21-0031"],
      ("Annelies Vermeulen", "annelies.vermeulen@sint-rembert.be", "050 23 21 11"),
      ["supplier", "credentials", "malware"], ["analyzers"], ["isolation", "external_help"], ["access_control", "audit"],
      1.25, "2021-01-27",
      "Gmail (text+HTML UTF-8 QP): headings 'a) Oorzaak' .. 'e) Registratie' underlined with dashes in text (bold underlined in HTML), answer below; the lab in the subject is a hospital name plus an agreement number in parentheses (kept whole, as written); 'nacht van 27 op 28 januari' -> 2021-01-27; 'ongeveer 30 uur' = 1.25; nobody named: the sender; '4.14' is a handbook chapter, not a reference.")


def nl10():
    sec = [
        "Een medewerker installeerde een vervalste update van een pdf-lezer (malware), die een achterdeur opende.",
        "De pc's van het secretariaat en de afdrukserver waren van maandag tot donderdag buiten gebruik; de registratie van stalen gebeurde met vertraging.",
        "Pc's vervangen, afdrukserver hersteld vanaf back-up; het CCB heeft ons begeleid bij de analyse.",
        "Gebruikers hebben geen beheerdersrechten meer op hun pc; applicaties enkel nog via het softwarecentrum.",
        "NC-2021-009",
    ]
    own = ("Geachte mevrouw, geachte heer,\n\nOp maandag 1 februari werd ons labo getroffen door een besmetting. "
           "Hierna de antwoorden op uw vragen.\n\n" + "\n\n".join("%d/ %s" % (i + 1, s) for i, s in enumerate(sec)) +
           "\n\nVoor bijkomende inlichtingen kan u terecht bij ondergetekende.\n\nHoogachtend,\n\nDirk Van Hoof\n"
           "Labo Van Hoof & Partners\nTel. 052 21 44 80\n")
    q = "\n\nOp 15/02/2021 om 16:03 schreef QL secretariaat:\n" + quote(LETTER["nl"]) + "\n"
    mail("nl-10.eml", "Dirk Van Hoof <dirk@labovanhoof.be>", "Re: Cyberaanval - labo 17436",
         "Mon, 22 Feb 2021 18:40:03 +0100", "3b7e2c91-d0a4-4f65-8e1c-52a9f7b04d6e@labovanhoof.be",
         text=wrap(own) + wrap(q, 400), charset="ISO-8859-1", cte="base64",
         extra=[("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:78.0)\n Gecko/20100101 Thunderbird/78.7.1"),
                ("Content-Language", "nl")])
    T("nl-10.eml", "17436", "nl", sec, ["NC-2021-009"],
      ("Dirk Van Hoof", "dirk@labovanhoof.be", "052 21 44 80"),
      ["malware"], ["admin"], ["backup_restore", "external_help"], ["access_control"],
      4, "2021-02-01",
      "Thunderbird on macOS, text/plain ISO-8859-1 in BASE64: answers numbered '1/'..'5/' (slash), no letters; the date is in the intro ('maandag 1 februari'); 'van maandag tot donderdag' = 4 days (both ends); 'ondergetekende' = the signer; sample registration delayed -> admin.")


def nl11():
    qs = letter_q("nl")
    sec = [
        "Onze externe IT-dienstverlener werd gehackt; via hun beheertool voor ondersteuning op afstand werd op 18 december 2020 bij verschillende klanten ransomware verspreid. Bij ons werd alleen de mailserver versleuteld.",
        "Geen onderbreking van de laboactiviteiten; enkel de e-mail lag twee dagen plat.",
        "Beheertool van de dienstverlener verwijderd, mailserver vanaf back-up hersteld.",
        "Nieuw contract met beveiligingseisen, toegang van de dienstverlener enkel nog via een beveiligde jumpserver met MFA.",
        "n.v.t.",
    ]
    parts = []
    for qq, s in zip(qs, sec):
        parts.append(quote(wrap(qq, 74)) + "\n\n" + s)
    own = ("Geachte,\n\nOp 15.02.2021 16:03, QL secretariaat schreef:\n" + quote(wrap(LETTER["nl"].split("- a)")[0].strip(), 74)) + "\n\n"
           + "\n\n".join(parts) + "\n\n" +
           quote(wrap(LETTER["nl"].split("- e)")[1].split("\n", 1)[1].strip(), 74)) +
           "\n\nMet vriendelijke groeten,\n\nSaskia Vermeersch\nLabo Dr. Vermeersch, Brugge\n050 33 18 27\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head><body style=\'font-size: 10pt; font-family: Verdana,Geneva,sans-serif\'>\n'
            '<p>Geachte,</p>\n<p>Op 15.02.2021 16:03, QL secretariaat schreef:</p>\n'
            '<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; margin: 0">' + html_paras(LETTER["nl"].split("- a)")[0].strip()) + '</blockquote>\n'
            + "".join('<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; margin: 0"><p>%s</p></blockquote>\n<p>%s</p>\n' % (html_escape(qq), html_escape(s)) for qq, s in zip(qs, sec))
            + '<p>Met vriendelijke groeten,</p>\n<p>Saskia Vermeersch<br />Labo Dr. Vermeersch, Brugge<br />050 33 18 27</p>\n</body></html>\n')
    mail("nl-11.eml", "Saskia Vermeersch <info@labovermeersch.be>", "Re: Cyberaanval – Labo Dr. Vermeersch",
         "Tue, 23 Feb 2021 11:48:37 +0100", "8c1e0a5f7d2b4e69b3a0c9d1e2f4a6b8@labovermeersch.be",
         text=flowed(own), html=html, cte="quoted-printable", params="; format=flowed",
         boundary="=_2a9c4e71b0d3f58e6a1c7b2d9e0f4a35",
         extra=[("User-Agent", "Roundcube Webmail/1.5.0"), ("X-Sender", "info@labovermeersch.be")])
    T("nl-11.eml", "Dr. Vermeersch", "nl", sec, [],
      ("Saskia Vermeersch", "info@labovermeersch.be", "050 33 18 27"),
      ["supplier", "ransomware", "remote_access"], ["email"], ["backup_restore"], ["access_control", "mfa"],
      0, "2020-12-18",
      "Roundcube 1.5 (text format=flowed + HTML, UTF-8 QP): answers typed under each '> '-quoted question of the Dutch letter (HTML: each question in its own blockquote); 'Labo' capitalised in the subject and the lab is a doctor's name; IT provider hacked, its remote-support tool spread ransomware; 'Geen onderbreking van de laboactiviteiten; enkel de e-mail lag twee dagen plat' => downtime 0; e) 'n.v.t.' no reference; sender is a shared info@ address (contact = sender).")


# ---------------------------------------------------------------- DE
def de01():
    sec = [
        "Ransomware (LockBit). Der Zugang erfolgte nach bisheriger Analyse über gestohlene Zugangsdaten eines VPN-Kontos, in der Nacht vom 14. auf den 15. Februar.",
        "LIS, Geräteanbindung und Befundübermittlung an die Hausärzte waren dreieinhalb Tage ausgefallen.",
        "Notfallplan aktiviert, Befunde auf Papier, Spezialanalysen an das Labor des CHC Lüttich vergeben, Anzeige bei der Polizei Eupen, Wiederherstellung aus der Datensicherung.",
        "Zwei-Faktor-Authentifizierung für das VPN, Offline-Sicherungen, Schulung aller Mitarbeiter.",
        "Abweichungsbericht 2021-AB-07",
    ]
    own = ("Sehr geehrter Herr Dr. Capron,\n\nanbei unsere Antworten zu Ihrem Schreiben.\n\n"
           + "\n\n".join("Zu Punkt %d: %s" % (i + 1, s) for i, s in enumerate(sec)) +
           "\n\nAnsprechpartner: Herr Stefan Kohnen, IT-Leiter, Tel. 087 59 32 10, s.kohnen@klinik-stvith.be\n\n"
           "Mit freundlichen Grüßen\n\nDr. Petra Hilgers\nLaborleitung\nKlinik St. Vith\n")
    q = "\n\nAm 15.02.21 um 16:03 schrieb QL secretariaat:\n" + quote(LETTER["fr"]) + "\n"
    mail("de-01.eml", "Petra Hilgers <p.hilgers@klinik-stvith.be>", "Re: Cyberangriff – Labor 80213",
         "Mon, 22 Feb 2021 10:31:55 +0100", "f0b2d9a4-6c3e-4e18-9a7f-1d5c8e2b3a90@klinik-stvith.be",
         text=flowed(own) + flowed(q), cte="8bit", params="; format=flowed",
         extra=[("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n Thunderbird/78.7.1"),
                ("Content-Language", "de-DE")])
    T("de-01.eml", "80213", "de", sec, ["2021-AB-07"],
      ("Stefan Kohnen", "s.kohnen@klinik-stvith.be", "087 59 32 10"),
      ["ransomware", "credentials", "remote_access"], ["lis", "analyzers", "results"],
      ["degraded_mode", "paper", "subcontracting", "police_report", "backup_restore"], ["mfa", "backup", "training"],
      3.5, "2021-02-14",
      "Thunderbird 78, UTF-8 8bit format=flowed, German answers labelled 'Zu Punkt 1:'..'Zu Punkt 5:' (numbers, no letters), above the '> '-quoted FRENCH letter; 'dreieinhalb Tage' = 3.5; 'Nacht vom 14. auf den 15. Februar' -> 2021-02-14; contact is the IT head named with title 'Herr' (dropped).")


def de02():
    sec = [
        "Vermutlich Phishing: Ein Mitarbeiter hat Anfang Januar auf einen Link in einer gefälschten DHL-Nachricht geklickt. Danach wurde die Schadsoftware Emotet auf seinem PC festgestellt.",
        "Die Verwaltung und die Abrechnung waren eine Woche lang eingeschränkt; das Labor selbst arbeitete ohne Unterbrechung weiter.",
        "Betroffene PCs vom Netz genommen und neu installiert, alle Passwörter zurückgesetzt.",
        "E-Mail-Filter mit Sandbox, regelmäßige Phishing-Schulungen.",
        "NK-2021-002",
    ]
    own = ("Sehr geehrte Damen und Herren,\n\nin Beantwortung Ihres Schreibens vom 15. Februar:\n\n"
           + "\n\n".join("%s. %s" % (r, s) for r, s in zip(["I", "II", "III", "IV", "V"], sec)) +
           "\n\nMit freundlichen Grüßen\nMonika Schröder\nQualitätsmanagement\nLabor Dr. Lejeune – Kelmis\nTel. 087 65 90 12\n")
    q = ("\n\nVon: QL secretariaat <QL_secretariat@sciensano.be>\nDatum: Montag, 15. Februar 2021 um 16:03\n"
         "An: Monika Schröder <m.schroeder@labor-lejeune.be>\nBetreff: Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    mail("de-02.eml", "=?windows-1252?Q?Monika_Schr=F6der?= <m.schroeder@labor-lejeune.be>", "AW: Cyber attaque – labo 92140",
         "Tue, 23 Feb 2021 15:08:21 +0100", "C3A5E812-44F1-4B7D-9E0A-7B2D61F8C905@labor-lejeune.be",
         text=own + q, html="auto", charset="windows-1252", cte="quoted-printable", subj_charset="windows-1252",
         boundary="B_3697286901_1930417712",
         extra=[("Thread-Topic", "Cyber attaque – labo 92140".replace("–", "-")), ("User-Agent", "Microsoft-MacOutlook/16.46.21021202"),
                ("Content-Language", "de-DE")])
    T("de-02.eml", "92140", "de", sec, ["NK-2021-002"],
      ("Monika Schröder", "m.schroeder@labor-lejeune.be", "087 65 90 12"),
      ["phishing", "malware"], ["admin"], ["isolation", "password_reset"], ["email_filtering", "training"],
      0, "2021-01",
      "Outlook for Mac in windows-1252 QP (text+HTML), German 'AW:' under the French subject, Roman numerals 'I.'..'V.'; only a month ('Anfang Januar' -> 2021-01); admin down 'eine Woche lang' but 'das Labor selbst arbeitete ohne Unterbrechung weiter' => downtime 0; nobody named: the sender.")


def de03():
    sec = [
        "Ein Angreifer hat eine Schwachstelle im Webportal für Befundabfragen (veraltete Version) ausgenutzt.",
        "Das Befundportal war von 8 bis 14 Uhr offline; Ärzte erhielten in dieser Zeit keine Online-Befunde. Nach derzeitigem Kenntnisstand wurden keine Patientendaten abgegriffen.",
        "Portal abgeschaltet, der Hersteller hat einen Patch eingespielt, Passwörter der Portalnutzer zurückgesetzt.",
        "Monatliche Aktualisierung aller extern erreichbaren Systeme und jährlicher Penetrationstest.",
        "Die Meldung ist unter QMV-2021-05 erfasst.",
    ]
    own = ("Sehr geehrte Damen und Herren,\n\nwie in Ihrem Schreiben vom Februar erbeten, melden wir einen Vorfall von letztem Freitag.\n\n"
           "Betreffend Punkt a): " + sec[0] + "\n\nBetreffend Punkt b): " + sec[1] + "\n\nBetreffend Punkt c): " + sec[2] +
           "\n\nBetreffend Punkt d): " + sec[3] + "\n\nBetreffend Punkt e): " + sec[4] +
           "\n\nKontakt: ich selbst.\n\nMit freundlichen Grüßen\n\nDr. med. Ralf Heinen\nLabor Dr. Heinen & Partner, Eupen\n+32 87 74 20 31\n")
    html = ('<div dir="ltr">' + "".join("<div>%s</div><div><br></div>" % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n")) + "</div>\n")
    mail("de-03.eml", "Ralf Heinen <ralf.heinen@labor-heinen.be>", "Cyberangriff – Labor Dr. Heinen & Partner",
         "Tue, 9 Mar 2021 11:20:04 +0100", "CAGm4Zr8x1Nq_Tb5LkP2dWy7+Hv0cS3eJf9oA6uQ@mail.gmail.com",
         text=own, html=html, cte="base64", boundary="000000000000f2a9b705bd1c44e8", reply=None)
    T("de-03.eml", "Dr. Heinen & Partner", "de", sec, ["QMV-2021-05"],
      ("Ralf Heinen", "ralf.heinen@labor-heinen.be", "+32 87 74 20 31"),
      ["vulnerability"], ["results"], ["isolation", "external_help", "password_reset"], ["patching", "audit"],
      0.25, "2021-03-05",
      "New notification (not a reply), Gmail text+HTML both base64: run-in cues 'Betreffend Punkt a):' .. 'Betreffend Punkt e):'; 'letzten Freitag' against Date Tue 9 Mar 2021 -> 2021-03-05; 'von 8 bis 14 Uhr' = 0.25; 'Kontakt: ich selbst' = the signer (titles 'Dr. med.' dropped); lab written 'Dr. Heinen & Partner' after 'Labor'.")


def de04():
    sec = [
        "Telefonischer Phishing-Versuch (Vishing): Ein Anrufer gab sich am 12.01.2021 als Techniker unseres LIS-Lieferanten aus und ließ sich von einer Mitarbeiterin eine Fernwartungssitzung (TeamViewer) freigeben; anschließend installierte er eine Schadsoftware.",
        "Zwei Arbeitsplätze im Empfang und der Druckserver waren zwei Arbeitstage nicht nutzbar; die Patientenaufnahme war nur eingeschränkt möglich.",
        "Sofortige Trennung der beiden PCs vom Netzwerk, Neuinstallation, Anzeige bei der Polizei.",
        "TeamViewer deinstalliert, Fernwartung nur noch über das Ticketsystem des Lieferanten mit Rückruf, Schulung der Empfangsmitarbeiter.",
        "Reklamation R-21-004 / Abweichung A-21-011",
    ]
    own = ("Sehr geehrte Damen und Herren,\n\nbezugnehmend auf Ihr Schreiben teilen wir Ihnen Folgendes mit:\n\n"
           + "\n\n".join("%s.) %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\n\nMit freundlichen Grüßen\n\nBernd Lentz\nLaborleiter\nMedizinisches Labor Lentz, Bütgenbach\nTel.: 080 44 71 02\n")
    q = ("\n\n\n\nVon:\t\"QL secretariaat\" <QL_secretariat@sciensano.be>\nAn:\tb.lentz@labor-lentz.be\n"
         "Datum:\t15.02.2021 16:03\nBetreff:\tCyber attack de laboratoires médicaux et d'institutions hospitalières\n\n\n\n" + LETTER["fr"] + "\n")
    html = ('<html><body><p><font size=2 face="sans-serif">' + html_escape(own).replace("\n", "<br>")
            + '</font><br><br><br><font size=1 color=#5f5f5f face="sans-serif">Von: &nbsp; &nbsp; &nbsp; &nbsp;</font><font size=1 face="sans-serif">"QL secretariaat" &lt;QL_secretariat@sciensano.be&gt;</font><br><hr noshade><br>'
            '<font size=2 face="sans-serif">' + html_escape(LETTER["fr"]).replace("\n", "<br>") + '</font></p></body></html>')
    mail("de-04.eml", "Bernd Lentz <b.lentz@labor-lentz.be>", "Antwort: Cyber-Angriff - Labor 39981",
         "Wed, 24 Feb 2021 16:45:12 +0100", "OF2C71B8D4.9E3A0F62-ONC1258688.0055A1E3-C1258688.0055F7B0@labor-lentz.be",
         text=own + q, html=html, charset="ISO-8859-1", cte="quoted-printable",
         boundary="=_alternative 0055F7AFC1258688_=",
         extra=[("X-Mailer", "HCL Notes Release 11.0.1 November 11, 2019"),
                ("X-MIMETrack", "Serialize by Router on LNT01/LENTZ(Release 11.0.1|November 11, 2019) at\n 24.02.2021 16:45:12")])
    T("de-04.eml", "39981", "de", sec, ["R-21-004", "A-21-011"],
      ("Bernd Lentz", "b.lentz@labor-lentz.be", "080 44 71 02"),
      ["phishing", "remote_access", "malware"], ["admin"], ["isolation", "police_report"], ["access_control", "training"],
      2, "2021-01-12",
      "HCL Notes German reply ('Antwort:' prefix, text+HTML ISO-8859-1 QP, Notes tab header block above the unquoted French letter): labels 'a.)'..'e.)'; the date in digits '12.01.2021' inside a); 'zwei Arbeitstage' = 2; two references separated by ' / '; nobody named: the sender.")


def de05():
    sec = ["Phishing-Mail, Passwort eingegeben", "E-Mail ein paar Stunden gesperrt", "Passwort geändert", "MFA kommt", "keine"]
    own = ("".join("%s) %s\n" % (k, s) for k, s in zip("abcde", sec)) +
           "\nGruß\nK. Meyer\n\n\n\nVon meinem Samsung Galaxy Smartphone gesendet.\n")
    q = ("\n\n-------- Ursprüngliche Nachricht --------\nVon: QL secretariaat <QL_secretariat@sciensano.be>\n"
         "Datum: 15.02.21 16:03 (GMT+01:00)\nAn: labor@meyer-raeren.be\nBetreff: Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body dir="auto">'
            + "".join('<div dir="auto">%s) %s</div>' % (k, html_escape(s)) for k, s in zip("abcde", sec))
            + '<div dir="auto"><br></div><div dir="auto">Gruß</div><div dir="auto">K. Meyer</div><div dir="auto"><br></div>'
            '<div id="composer_signature" dir="auto"><div style="font-size:85%;color:#575757" dir="auto">Von meinem Samsung Galaxy Smartphone gesendet.</div></div>'
            '<div><br></div><div style="font-size:100%;color:#000000"><!-- originalMessage --><div>-------- Ursprüngliche Nachricht --------</div>'
            '<div>Von: QL secretariaat &lt;QL_secretariat@sciensano.be&gt; </div><div>Datum: 15.02.21 16:03 (GMT+01:00) </div></div>'
            + html_paras(LETTER["fr"]) + '</body></html>')
    mail("de-05.eml", "labor@meyer-raeren.be", "AW: Cyberangriff – Labor 50617",
         "Sun, 21 Feb 2021 21:14:50 +0100", "xk2p9w1r4m6z0q8t3v5b7n1c.1613938490112@email.android.com",
         text=own + q, html=html, cte="base64", boundary="--_com.samsung.android.email_1613938490112407")
    T("de-05.eml", "50617", "de", sec, [],
      ("K. Meyer", "labor@meyer-raeren.be", ""),
      ["phishing", "credentials"], ["email"], ["password_reset"], ["mfa"],
      0.25, None,
      "Samsung Email (text+HTML base64), four-word answers 'a)'..'e)' one per line, no date at all; 'ein paar Stunden' = 0.25 (vague hours); e) 'keine' kept, no reference; From without display name (shared lab address), signed 'K. Meyer' -> contact = sender.")


def de06():
    sec = [
        "Ransomware-Angriff auf das gesamte Krankenhausnetz; Einfallstor war ein nicht gepatchter Exchange-Server. Die Verschlüsselung begann am 27. Januar gegen 6 Uhr.",
        "Vom 27. bis 29. Januar kein Zugriff auf LIS, Geräte-Middleware, Telefonie und E-Mail. Außerdem wurden nach Angaben der Angreifer Daten entwendet und im Darknet veröffentlicht.",
        "Notfallkonzept des Labors (Papieranforderungen, telefonische Befundübermittlung), Einschaltung eines externen Forensik-Teams, Anzeige bei der Federal Computer Crime Unit, Meldung an die Datenschutzbehörde.",
        "Segmentierung des Netzwerks, EDR auf allen Endgeräten, verbindliches Patchmanagement.",
        "CAPA-2021-004",
    ]
    own = ("Guten Tag,\n\nhier unsere Antworten auf Ihre Fragen:\n\n" + "\n".join("%s: %s" % (k.upper(), s) for k, s in zip("abcde", sec)) +
           "\n\nAnsprechpartnerin: Dr. Julia Brandt, Laborleiterin, julia.brandt@klinikum-malmedy.be\n\nMit freundlichen Grüßen\n"
           "Julia Brandt\n")
    q = ("\n----- Ursprüngliche Mail -----\nVon: \"QL secretariaat\" <QL_secretariat@sciensano.be>\n"
         "An: \"Julia Brandt\" <julia.brandt@klinikum-malmedy.be>\nGesendet: Montag, 15. Februar 2021 16:03:00\n"
         "Betreff: Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    html = ('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
            + "".join("<div>%s</div><div><br></div>" % html_escape(p).replace("\n", "<br>") for p in own.split("\n\n"))
            + '<hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>Von: </b>"QL secretariaat" &lt;QL_secretariat@sciensano.be&gt;<br>'
            '<b>An: </b>"Julia Brandt" &lt;julia.brandt@klinikum-malmedy.be&gt;<br><b>Gesendet: </b>Montag, 15. Februar 2021 16:03:00<br>'
            '<b>Betreff: </b>Cyber attaque – labo xxxxx<br></div><div><br></div><div data-marker="__QUOTED_TEXT__">' + html_paras(LETTER["fr"]) + '</div></div></body></html>')
    mail("de-06.eml", '"Julia Brandt" <julia.brandt@klinikum-malmedy.be>', "Re: Cyber attaque – labo 64409",
         "Wed, 24 Feb 2021 08:05:33 +0100 (CET)", "2081765493.120447.1614150333981.JavaMail.zimbra@klinikum-malmedy.be",
         text=own + q, html=html, cte="quoted-printable", boundary="=_e3b0c44298fc1c149afbf4c8996fb924",
         extra=[("X-Mailer", "Zimbra 9.0.0_GA_4126 (ZimbraWebClient - GC88 (Win)/9.0.0_GA_4126)"),
                ("Thread-Topic", "Cyber attaque - labo 64409"), ("Thread-Index", "qNa1Y7oTc2FvH4k9dQ3Lr5sJx0E2mw==")])
    T("de-06.eml", "64409", "de", sec, ["CAPA-2021-004"],
      ("Julia Brandt", "julia.brandt@klinikum-malmedy.be", ""),
      ["ransomware", "vulnerability"], ["lis", "analyzers", "phone", "email", "data_breach"],
      ["degraded_mode", "paper", "external_help", "police_report"], ["segmentation", "edr", "patching"],
      3, "2021-01-27",
      "Zimbra 9 (text+HTML UTF-8 QP) top-posted above '----- Ursprüngliche Mail -----' (Von:/An:/Gesendet:/Betreff:) and the French letter; capital 'A:'..'E:' labels, one paragraph each; 'vom 27. bis 29. Januar' = 3; data published by the attackers -> data_breach; notification to the DPA is not a police report (the FCCU complaint is).")


def de07():
    d1 = "Schulungen zur Erkennung von Phishing."
    d2 = "Zusätzlich wird bis Juni eine Zwei-Faktor-Authentifizierung für alle Fernzugriffe eingeführt, und die Datensicherungen werden künftig offline aufbewahrt."
    sec = [
        "Ein Trojaner (TrickBot) kam Mitte Dezember über einen präparierten E-Mail-Anhang; danach verschlüsselte die Ransomware Ryuk mehrere Server.",
        "LIS ca. 40 Stunden nicht verfügbar, keine elektronische Befundübermittlung.",
        "Notfallplan, Papierbefunde, Rücksicherung der LIS-Datenbank.",
        d1 + "\n" + d2,
        "QS-2020-118",
    ]
    own_paras = ["Sehr geehrte Damen und Herren,", "nachstehend unsere Angaben:"] + \
        ["%s) %s" % (k, s) for k, s in zip("abc", sec[:3])] + ["d) " + d1, "e) " + sec[4], "Nachtrag zu d): " + d2,
                                                               "Mit freundlichen Grüßen", "Andreas Reuter<br>Leiter Labor<br>St. Josef-Klinik Eupen"]
    body = "".join('<p class=MsoNormal>%s<o:p></o:p></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n' % (p if "<br>" in p else html_escape(p)) for p in own_paras)
    html = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">'
            '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15 (filtered medium)">'
            '<style><!--p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}--></style></head>'
            '<body lang=DE link="#0563C1" vlink="#954F72"><div class=WordSection1>\n' + body +
            '<div style=\'border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\'><p class=MsoNormal><b>Von:</b> QL secretariaat &lt;QL_secretariat@sciensano.be&gt; <br><b>Gesendet:</b> Montag, 15. Februar 2021 16:03<br><b>Betreff:</b> Cyber attaque &#8211; labo xxxxx<o:p></o:p></p></div>\n'
            + html_paras(LETTER["fr"]).replace("<p>", "<p class=MsoNormal>") + '</div></body></html>')
    mail("de-07.eml", "Reuter Andreas <andreas.reuter@sjk-eupen.be>", "AW: Cyber attaque – labo 22785",
         "Mon, 1 Mar 2021 07:58:40 +0000", "AM9PR04MB8714F3E2A61B0C5D7E9F28A4C6B11@AM9PR04MB8714.eurprd04.prod.outlook.com",
         html=html, charset="windows-1252", cte="quoted-printable", crlf=True, subj_charset="windows-1252",
         extra=[("Thread-Topic", "Cyber attaque - labo 22785"), ("Thread-Index", "AdcOc8bZ9k1Qp3LmRXSsT0eN2w7yFw=="),
                ("Accept-Language", "de-DE, en-US"), ("Content-Language", "de-DE")])
    T("de-07.eml", "22785", "de", sec, ["QS-2020-118"],
      ("Andreas Reuter", "andreas.reuter@sjk-eupen.be", ""),
      ["phishing", "malware", "ransomware"], ["lis", "results"], ["degraded_mode", "paper", "backup_restore"],
      ["training", "mfa", "backup"], 1.67, "2020-12",
      "HTML-only Outlook (Word markup, windows-1252 QP, CRLF): 'a)'..'e)' then after e) a paragraph 'Nachtrag zu d):' that completes d) (truth of d joins both); only a month ('Mitte Dezember' -> 2020-12); 'ca. 40 Stunden' = 1.67; the deadline 'bis Juni' is prevention, not a date of the incident; nobody named: the sender.")


# ---------------------------------------------------------------- EN
def en01():
    sec = [
        "the most likely cause is a phishing e-mail impersonating our courier company, opened on the 3rd of February; the attached 'delivery note' contained a macro that downloaded IcedID malware.",
        "two workstations in the reception area were affected; the registration of samples was slowed down for a few hours. The LIS and the analysers were not affected.",
        "the two PCs were disconnected and reimaged, the user's password was reset, and our IT partner checked the other machines.",
        "macros are now blocked in attachments from outside and we have scheduled a phishing awareness session for all staff in March.",
        "the event is recorded as non-conformity NC-2021-0019.",
    ]
    own = ("Dear Dr Capron,\n\nFurther to your letter of 15 February, please find our answers below.\n\n"
           "As for (a), " + sec[0] + "\n\nAs for (b), " + sec[1] + "\n\nAs for (c), " + sec[2] +
           "\n\nAs for (d), " + sec[3] + "\n\nAs for (e), " + sec[4] +
           "\n\nPlease contact me directly if you need anything else.\n\nKind regards,\n\nSarah Willems\nLaboratory Director\n"
           "BMLG Anderlecht\n+32 2 555 01 23\n")
    q = ("\n\nFrom: QL secretariaat <QL_secretariat@sciensano.be>\nDate: Monday, 15 February 2021 at 16:03\n"
         "To: Sarah Willems <sarah.willems@bmlg.be>\nSubject: Cyber attaque – labo xxxxx\n\n" + LETTER["fr"] + "\n")
    mail("en-01.eml", "Sarah Willems <sarah.willems@bmlg.be>", "Re: Cyber attack – lab BMLG Anderlecht",
         "Fri, 19 Feb 2021 17:02:26 +0100", "6D3F8A21-0B5C-4E97-A1D4-93C2B7E0F518@bmlg.be",
         text=own + q, html="auto", boundary="B_3696858146_1187743210",
         extra=[("Thread-Topic", "Cyber attack – lab BMLG Anderlecht"), ("User-Agent", "Microsoft-MacOutlook/16.45.21011103"),
                ("Content-Language", "en-GB")])
    T("en-01.eml", "BMLG Anderlecht", "en", sec, ["NC-2021-0019"],
      ("Sarah Willems", "sarah.willems@bmlg.be", "+32 2 555 01 23"),
      ["phishing", "malware"], ["admin"], ["isolation", "password_reset", "external_help"], ["email_filtering", "training"],
      0.25, "2021-02-03",
      "Outlook for Mac (text+HTML UTF-8 QP), English subject 'Cyber attack – lab ...' with a lab name; run-in cues 'As for (a),' .. 'As for (e),' (not part of the answer); 'on the 3rd of February' -> 2021-02-03; 'a few hours' = 0.25; 'contact me' = the signer.")


def en02():
    sec = [
        "We believe the attackers got in through our remote access (VPN) using the password of a former employee whose account had not been disabled. Once inside they deployed ransomware on Tuesday 19 January.",
        "The LIS and the result server were down from Tuesday to Friday; we could not send results to GPs electronically and billing was delayed.",
        "We switched to our emergency procedure (paper request forms, results printed and faxed), outsourced urgent molecular tests to a partner lab, and restored the servers from backups with the help of an incident response company.",
        "Accounts are now disabled on the day an employee leaves, MFA on the VPN, and an external audit of our IT security is planned.",
        "Complaint CMP-21-02 and non-conformity NC-21-09.",
    ]
    text = ("Dear colleagues,\n\nHere are our answers, in the order of your questions:\n\n"
            + "\n".join("   %d. %s" % (i + 1, s) for i, s in enumerate(sec)) +
            "\n\nContact person: Tom Peeters, QA manager, tom.peeters@lab-oostkust.be, +32 59 70 11 22\n\nBest regards,\nTom Peeters\n"
            "Laboratorium Oostkust\n\nOn Mon, 15 Feb 2021 at 16:03, QL secretariaat <QL_secretariat@sciensano.be> wrote:\n\n" + quote(LETTER["fr"]) + "\n")
    html = ('<div dir="ltr"><div>Dear colleagues,</div><div><br></div><div>Here are our answers, in the order of your questions:</div><div><ol>'
            + "".join("<li>%s</li>" % html_escape(s) for s in sec) +
            '</ol><div>Contact person: Tom Peeters, QA manager, <a href="mailto:tom.peeters@lab-oostkust.be">tom.peeters@lab-oostkust.be</a>, +32 59 70 11 22</div>'
            '<div><br></div><div>Best regards,</div><div>Tom Peeters</div><div>Laboratorium Oostkust</div></div></div><br>'
            '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 15 Feb 2021 at 16:03, QL secretariaat &lt;<a href="mailto:QL_secretariat@sciensano.be">QL_secretariat@sciensano.be</a>&gt; wrote:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_paras(LETTER["fr"]) + '</blockquote></div>\n')
    mail("en-02.eml", "Tom Peeters <tom.peeters@lab-oostkust.be>", "Re: Cyber attaque – labo 36624",
         "Fri, 26 Feb 2021 12:44:09 +0100", "CAN8v3Yq1_ZpT7wR2eLx0Kd9sBf4+Mh6cJu5nG1oW@mail.gmail.com",
         text=text, html=html, boundary="000000000000e5d3c805bc3a91f2")
    T("en-02.eml", "36624", "en", sec, ["CMP-21-02", "NC-21-09"],
      ("Tom Peeters", "tom.peeters@lab-oostkust.be", "+32 59 70 11 22"),
      ["remote_access", "credentials", "ransomware"], ["lis", "results", "admin"],
      ["degraded_mode", "paper", "subcontracting", "backup_restore", "external_help"], ["access_control", "mfa", "audit"],
      4, "2021-01-19",
      "Gmail (text+HTML UTF-8 QP) from a Flemish lab writing English under the French subject: the five answers are an HTML <ol> (the text part shows '   1.'..'   5.'), no letters, no headings; 'from Tuesday to Friday' = 4 days; 'Tuesday 19 January' -> 2021-01-19.")


def en03():
    sec = [
        "Ransomware on the hospital network; the entry point is still under investigation by the Federal Computer Crime Unit.",
        "All IT systems of the hospital were down for ten days, including the LIS, the analyser middleware and the telephone system.",
        "Emergency plan with paper forms, part of the routine work sent to the laboratory of a neighbouring hospital, systems rebuilt from backups.",
        "Being defined by the hospital IT department.",
        "NC 2020-311",
    ]
    q = "On 15 Feb 2021, at 16:03, QL secretariaat <QL_secretariat@sciensano.be> wrote:\n\n" + quote(LETTER["nl"]) + "\n\n"
    own = ("Dear Sir, dear Madam,\n\nWe were hit in mid-December.\n\n" + "\n\n".join("Answer to %s): %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\n\nContact: myself.\n\nRegards,\nKoen Lambrechts, MD\nHead of Clinical Laboratory\nJan Palfijn Ziekenhuis Merksem\n03 640 20 00\n")
    mail("en-03.eml", "Koen Lambrechts <koen.lambrechts@jpz-merksem.be>", "Re: Cyberaanval – labo 84110",
         "Thu, 18 Feb 2021 22:10:48 +0100", "A1E9C5D3-7F20-4B86-9C14-5D8E2F03B6A7@jpz-merksem.be",
         text=q + own, cte="quoted-printable", mime_first=True,
         extra=[("X-Mailer", "Apple Mail (2.3654.60.0.2.21)")])
    T("en-03.eml", "84110", "en", sec, ["NC 2020-311"],
      ("Koen Lambrechts", "koen.lambrechts@jpz-merksem.be", "03 640 20 00"),
      ["ransomware", "unknown"], ["lis", "analyzers", "phone"],
      ["degraded_mode", "paper", "subcontracting", "backup_restore"], [],
      10, "2020-12",
      "Apple Mail plain text (UTF-8 QP, MIME headers first), BOTTOM-posted under the '> '-quoted DUTCH letter: English 'Answer to a):'..'Answer to e):' labels; only a month ('mid-December' -> 2020-12); 'ten days' = 10; d) is a non-answer (no tags); 'Contact: myself.' = the signer ('MD' dropped).")


def en04():
    c1 = "Server disconnected, RDP closed, files restored from the previous night's backup."
    c2 = "we also filed a complaint with the police on 12 February."
    sec = [
        "Brute-force attack on an exposed RDP port of the lab's file server on Monday 8 February, followed by Dharma ransomware.",
        "File server encrypted: SOPs, QC records and the archive of scanned requests on the network shares were unavailable for about a day and a half. The LIS runs on a separate server and was not affected; routine work continued normally.",
        c1 + "\n" + c2,
        "No RDP exposed to the internet any more; weekly external port scan with alerting.",
        "NCR-2021-006",
    ]
    inner = ("Lisa,\n\nAs requested, the IT part of the answer to Sciensano:\n\n"
             + "\n".join("(%s) %s" % (k, s) for k, s in zip("abcde", [sec[0], sec[1], c1, sec[3], sec[4]])) +
             "\n\nBest,\nDavid\n\n-- \nDavid Martens | IT Infrastructure | Sint-Andries Laboratory\n")
    own = ("Dear colleagues,\n\nPlease find below our answers, prepared by our IT department. I would add to point (c) that " + c2 +
           "\nPlease contact me for any further information.\n\nKind regards,\nLisa Hermans\nLab manager, Sint-Andries Laboratory\n+32 3 285 44 10\n\n"
           "-------- Forwarded Message --------\nSubject: \tSciensano questionnaire - IT part\nDate: \tTue, 16 Feb 2021 17:40:12 +0100\n"
           "From: \tDavid Martens <david.martens@sintandrieslab.be>\nTo: \tLisa Hermans <lisa.hermans@sintandrieslab.be>\n\n" + inner)
    mail("en-04.eml", "Lisa Hermans <lisa.hermans@sintandrieslab.be>", "Fwd: Cyber attack – lab 70518",
         "Wed, 17 Feb 2021 09:03:31 +0100", "4be7f2d1-90c3-4a6e-b8d5-27e1c0f9a342@sintandrieslab.be",
         text=own, cte="8bit", reply=None,
         extra=[("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n Thunderbird/78.7.1"),
                ("Content-Language", "en-GB")])
    T("en-04.eml", "70518", "en", sec, ["NCR-2021-006"],
      ("Lisa Hermans", "lisa.hermans@sintandrieslab.be", "+32 3 285 44 10"),
      ["remote_access", "ransomware"], ["network"], ["isolation", "backup_restore", "police_report"], ["access_control", "monitoring"],
      0, "2021-02-08",
      "Thunderbird 'Fwd:' (8bit UTF-8): the lab manager forwards the IT head's text ('-------- Forwarded Message --------' with tab-aligned Subject/Date/From/To) whose '(a)'..'(e)' are the answers; her top note adds to (c) ('I would add to point (c) that ...'), so the truth of c joins both; police complaint date 12 Feb and the forward date are not the incident (Monday 8 February); file server down 1.5 days but 'routine work continued normally' => 0; 'contact me' = the manager (top signer), not the IT head.")


def en05():
    sec = [
        "malicious e-mail attachment (fake invoice), malware detected by the antivirus after it was opened",
        "our lab network was cut off as a precaution for half a day, no new requests could be entered in the LIS",
        "network isolated, affected laptop wiped, passwords changed",
        "attachment sandboxing being evaluated",
        "will follow",
    ]
    own = ("Dear colleagues,\r\nas asked in your letter we report that yesterday our lab was hit.\r\n"
           + "".join("%s) %s\r\n" % (k, s) for k, s in zip("abcde", sec)) +
           "Contact: Marc Dubois, 0495 11 22 33\r\n\r\nSent from my Huawei phone\r\n")
    mail("en-05.eml", "Marc Dubois <marc.dubois@biolabnamur.be>", "Cyber attack – labo 15590",
         "Thu, 4 Mar 2021 07:12:55 +0100", "20210304071255.7c3e9a1f@biolabnamur.be",
         text=own.replace("\r\n", "\n"), charset="windows-1252", cte="base64", reply=None)
    T("en-05.eml", "15590", "en", sec, [],
      ("Marc Dubois", "marc.dubois@biolabnamur.be", "0495 11 22 33"),
      ["phishing", "malware"], ["network", "lis"], ["isolation", "password_reset"], ["email_filtering"],
      0.5, "2021-03-03",
      "New notification from a Huawei phone: text/plain windows-1252 in BASE64; English subject that mixes 'attack' with 'labo'; 'yesterday' resolved against Date Thu 4 Mar 2021 -> 2021-03-03; 'half a day' = 0.5; e) 'will follow' kept as written (no reference); contact = the sender, named with a phone.")


def en06():
    sec = [
        "A supplier of our digital pathology platform was compromised, and the attackers used its remote support connection to reach our image server, where our SOC detected a malware implant on 1 March.",
        "The digital pathology viewer was unavailable from March 1 to March 3; slides were read on the microscope. No patient data was exfiltrated according to the forensic report.",
        "Support connection cut, image server isolated and rebuilt, forensic analysis by Mandiant.",
        "Supplier access only through our privileged access management tool with session recording; quarterly review of supplier accounts.",
        "Non-conformity NC-PA-2021-03",
    ]
    own = ("Dear colleagues,\n\nOn behalf of Dr. Eva Claes, head of the pathology laboratory, please find below the information requested in your letter Sciensano-AC-2021-04.\n\n"
           + "\n\n".join("%s) %s" % (k, s) for k, s in zip("abcde", sec)) +
           "\n\nContact: Dr. Eva Claes, head of pathology, eva.claes@zna-pathology.be, +32 3 217 71 11\n\n"
           "Kind regards,\nICT Service Desk\n\n"
           "Ref:MSG4477201\n"
           "You are receiving this e-mail because it was sent from incident INC0041877 of the ICT Service Portal.\n"
           "To unsubscribe from ticket notifications, visit https://zna.service-now.com/notifications\n")
    html = ('<html><head></head><body><div style="font-family: Arial; font-size: 10pt;">'
            + "".join("<p>%s</p>" % html_escape(p).replace("\n", "<br />") for p in own.split("\n\n")[:-1])
            + '<p style="color:#999;font-size:8pt">Ref:MSG4477201<br />You are receiving this e-mail because it was sent from incident INC0041877 of the ICT Service Portal.<br />'
              'To unsubscribe from ticket notifications, visit <a href="https://zna.service-now.com/notifications">https://zna.service-now.com/notifications</a></p>'
            '</div><div style="display:inline">&nbsp;</div></body></html>')
    mail("en-06.eml", '"ICT Service Desk" <servicedesk@zna-pathology.be>', "INC0041877 | Cyber attaque – labo 27360",
         "Fri, 5 Mar 2021 14:26:41 +0000 (UTC)", "1998032481.41877.1614954401224@app132041.ams101.service-now.com",
         text=own, html=html, cte="quoted-printable", boundary="----=_Part_41877_1088726144.1614954401224", reply=None,
         extra=[("X-ServiceNow-Source", "Notification-7c2f1e09db1a2010a5f3e9f0ca961922"), ("X-ServiceNow-SysEmail-Version", "2"),
                ("Precedence", "bulk"), ("Auto-Submitted", "auto-generated"), ("Reply-To", "servicedesk@zna-pathology.be")])
    T("en-06.eml", "27360", "en", sec, ["NC-PA-2021-03"],
      ("Eva Claes", "eva.claes@zna-pathology.be", "+32 3 217 71 11"),
      ["supplier", "remote_access", "malware"], ["analyzers"], ["isolation", "external_help"], ["access_control", "monitoring"],
      3, "2021-03-01",
      "A report sent out of a ServiceNow incident (ticket number before the convention: 'INC0041877 | Cyber attaque – labo 27360'), with ServiceNow headers INCLUDING 'Precedence: bulk' and 'Auto-Submitted: auto-generated' and a notification footer: still a report, not an auto-reply. The letter's reference Sciensano-AC-2021-04 is not a QS reference. 'from March 1 to March 3' = 3; the contact is the pathologist named in the body.")


def en07():
    qs = letter_q("fr")
    sec = [
        "Ransomware (Sodinokibi) after a phishing e-mail opened in the hospital's HR department in mid-December.",
        "The entire hospital network was shut down for two weeks: LIS, analyser connections, e-mail and phones.",
        "Emergency plan, paper forms, an external lab for non-urgent tests, police complaint.",
        "See c) - the hospital board has not decided on further measures yet.",
        "NC 2020-95",
    ]
    text = "Dear Dr Capron,\n\nOur answers are inline below.\n\nOn Mon, 15 Feb 2021 at 16:03, QL secretariaat <QL_secretariat@sciensano.be> wrote:\n\n"
    text += quote(LETTER["fr"].split("- a)")[0].strip()) + "\n"
    for qq, s in zip(qs, sec):
        text += quote("- " + qq) + "\n\n" + s + "\n\n"
    text += quote(LETTER["fr"].split("- e)")[1].split("\n", 1)[1].strip()) + "\n\n"
    text += "Best regards,\nAhmed Benali\nClinical Biologist, GHdC Charleroi\n+32 71 92 11 11\n"
    html = ('<div dir="ltr">Dear Dr Capron,<div><br></div><div>Our answers are inline below.</div></div><br><div class="gmail_quote">'
            '<div dir="ltr" class="gmail_attr">On Mon, 15 Feb 2021 at 16:03, QL secretariaat &lt;QL_secretariat@sciensano.be&gt; wrote:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_paras(LETTER["fr"].split("- a)")[0].strip()) + '</blockquote>'
            + "".join('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><p>- %s</p></blockquote><div><b>%s</b></div><div><br></div>'
                      % (html_escape(qq), html_escape(s)) for qq, s in zip(qs, sec))
            + '<div>Best regards,</div><div>Ahmed Benali</div><div>Clinical Biologist, GHdC Charleroi</div><div>+32 71 92 11 11</div></div>\n')
    mail("en-07.eml", "Ahmed Benali <ahmed.benali@ghdc-demo.be>", "Re: Cyber attaque – labo 10907",
         "Mon, 22 Feb 2021 19:33:02 +0100", "CAE5pX9s_Wd1K7bLr3Tq0Hy2nVf8+Zc4uMj6gR0kA@mail.gmail.com",
         text=text, html=html, boundary="000000000000b71e4c05bbf0a6d3")
    T("en-07.eml", "10907", "en", sec, ["NC 2020-95"],
      ("Ahmed Benali", "ahmed.benali@ghdc-demo.be", "+32 71 92 11 11"),
      ["ransomware", "phishing"], ["network", "lis", "analyzers", "email", "phone"],
      ["degraded_mode", "paper", "subcontracting", "police_report"], [],
      14, "2020-12",
      "Gmail (text+HTML UTF-8 QP): English answers typed under each '> '-quoted FRENCH question (answers bold in HTML, each question in its own blockquote); d) 'See c) - ...' is a non-answer kept as written (no prevention label); only a month ('mid-December' -> 2020-12); 'two weeks' = 14; nobody named: the sender.")


# ---------------------------------------------------------------- not reports
def x01():
    text = ("Bonjour,\n\nJe suis absente du bureau jusqu'au lundi 8 mars inclus, avec un accès limité à ma messagerie.\n"
            "Pour toute urgence concernant le laboratoire, veuillez contacter le Dr Paul Henrard (paul.henrard@labo-famenne.be, 084 31 12 40).\n\n"
            "Guten Tag, ich bin bis einschließlich Montag, 8. März abwesend.\n\nCordialement,\nIsabelle Lecomte\n")
    mail("x-01.eml", '"Isabelle Lecomte" <isabelle.lecomte@labo-famenne.be>', "Absent: Re: Cyber attaque – labo 55120",
         "Wed, 3 Mar 2021 09:40:12 +0100 (CET)", "1722013864.5512.1614760812301.JavaMail.zimbra@labo-famenne.be",
         text=text, cte="quoted-printable", reply="20210303083955.AB12C4@sciensano.be",
         extra=[("Auto-Submitted", "auto-replied (zimbra; vacation)"), ("X-Mailer", "Zimbra 8.8.15_GA_3869"),
                ("Precedence", "bulk")])
    X("x-01.eml", "auto_reply", "Zimbra vacation reply (Auto-Submitted: auto-replied (zimbra; vacation)), French with one German sentence, under the convention's subject with 'Absent: Re:' prefix to Sciensano's acknowledgment; names a deputy with e-mail and phone but it is not a report.")


def x02():
    human = ("Votre message\n\n  À : Laboratoire Biologie Clinique Hornu\n  Objet : RE: Cyber attaque – labo 38207 - accusé de réception\n"
             "  Envoyé : mardi 2 mars 2021 10:15:03 (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris\n\n"
             "a été lu le mardi 2 mars 2021 11:02:47 (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris.\n")
    mdn = ("Reporting-UA: labo.hornu.be; Microsoft Outlook 16.0\nFinal-Recipient: rfc822;labo@labo-hornu.be\n"
           "Original-Message-ID: <AM6PR09MB28510C5F9A1E2D3B4C6F7A89D2A41@AM6PR09MB2851.eurprd09.prod.outlook.com>\n"
           "Disposition: manual-action/MDN-sent-manually; displayed\n")
    root = multi("report", [leaf("text/plain", human, "utf-8", "quoted-printable", crlf=True),
                            Part("message/disposition-notification", mdn.replace("\n", "\r\n").encode(), [("Content-Type", "message/disposition-notification")])],
                 "_002_MDN_AM7PR03MB6321B4", params="; report-type=disposition-notification")
    root.headers[0] = ("Content-Type", 'multipart/report; report-type=disposition-notification;\n\tboundary="_002_MDN_AM7PR03MB6321B4"')
    h = [("From", "Laboratoire Biologie Clinique Hornu <labo@labo-hornu.be>"), ("To", SCI),
         ("Subject", h2047("Lu : RE: Cyber attaque – labo 38207 - accusé de réception")),
         ("Date", "Tue, 2 Mar 2021 10:02:48 +0000"),
         ("Message-ID", "<AM7PR03MB6321B4E0A5D2C7F19E3B80C1D4F52@AM7PR03MB6321.eurprd03.prod.outlook.com>"),
         ("Thread-Topic", "Cyber attaque - labo 38207 - accusé de réception".encode("ascii", "replace").decode()),
         ("Content-Language", "fr-BE"), ("X-MS-Exchange-Organization-SCL", "-1")]
    emit("x-02.eml", message(h, root, crlf=True))
    X("x-02.eml", "auto_reply", "Outlook read receipt (multipart/report; report-type=disposition-notification, 'Lu : RE: Cyber attaque – labo 38207 ...') for Sciensano's acknowledgment: an automatic reply, not a report and not a delivery-status bounce (the contract's bounce is a DSN; a read receipt is an 'other automatic reply').")


def x03():
    text = ("Dear requester,\n\nThank you for contacting the ICT Service Desk of AZ Oostende-Brugge.\n"
            "Your request has been registered under number SD-2021-003318 with the subject:\n\n"
            "    \"RE: Cyberaanval – labo 27815 – vraag om aanvulling\"\n\n"
            "A service desk agent will handle it within 2 working days. Please keep the number in the subject of any reply.\n\n"
            "Beste aanvrager, uw melding werd geregistreerd onder nummer SD-2021-003318.\n\n"
            "-- \nICT Service Desk – this is an automatically generated message, do not reply.\n")
    mail("x-03.eml", "ICT Service Desk <noreply-servicedesk@azob.be>", "[SD-2021-003318] RE: Cyberaanval – labo 27815 – vraag om aanvulling",
         "Thu, 4 Mar 2021 16:20:09 +0100", "topdesk.20210304162009.3318@azob.be", text=text, cte="quoted-printable",
         reply="20210304161533.9F2E11@sciensano.be",
         extra=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"), ("X-Mailer", "TOPdesk")])
    X("x-03.eml", "auto_reply", "TOPdesk service-desk acknowledgement ('[SD-2021-003318] RE: Cyberaanval – labo 27815 – ...', Auto-Submitted: auto-generated) to Sciensano's follow-up question: an automatic reply that quotes the convention subject, not a report.")


def x04():
    text = ("Bonjour à toutes et à tous,\n\nPetit point sur les réponses au courrier Sciensano-AC-2021-04 (cyber attaques) :\n\n"
            "- 23 réponses reçues à ce jour, dont 14 laboratoires effectivement touchés ;\n"
            "- causes les plus citées : phishing et ransomware, deux cas via un fournisseur ;\n"
            "- plusieurs laboratoires n'ont pas donné de référence de non-conformité (point e).\n\n"
            "Merci d'encoder les réponses dans le tableau partagé (onglet « Cyber 2021 ») avant vendredi et de relancer les labos "
            "dont le mail ne mentionne pas de personne de contact. Nous en discuterons à la réunion d'équipe de lundi 10h.\n\n"
            "Bonne journée,\n\nArnaud\n\nDr Arnaud Capron\nChef de service Qualité des Laboratoires\nSciensano\n")
    mail("x-04.eml", "Capron Arnaud <arnaud.capron@sciensano.be>", "Suivi réponses Cyber attaque – labos (point de situation)",
         "Tue, 2 Mar 2021 08:05:44 +0000", "AM6PR09MB28517A4D2C9E0F1B3A5C6D8E7F9A0@AM6PR09MB2851.eurprd09.prod.outlook.com",
         text=text, html="auto", reply=None, to="QL_secretariat@sciensano.be, QL-team <ql-team@sciensano.be>",
         extra=[("Thread-Topic", "Suivi réponses Cyber attaque - labos (point de situation)".encode("ascii", "replace").decode()),
                ("Accept-Language", "fr-BE, en-US"), ("Content-Language", "fr-BE")])
    X("x-04.eml", "unrelated", "Sciensano internal mail from Dr Capron to the secretariat and team: a status summary of the replies received (phishing, ransomware, supplier, point e) with a subject that contains 'Cyber attaque – labos'; internal business, not a report.")


ALL = [fr01, fr02, fr03, fr04, fr05, fr06, fr07, fr08, fr09, fr10, fr11,
       nl01, nl02, nl03, nl04, nl05, nl06, nl07, nl08, nl09, nl10, nl11,
       de01, de02, de03, de04, de05, de06, de07,
       en01, en02, en03, en04, en05, en06, en07,
       x01, x02, x03, x04]


def check():
    names = set(FILES)
    tnames = [t["file"] for t in TRUTH]
    assert len(tnames) == len(set(tnames)), "duplicate truth entries"
    assert names == set(tnames), ("files without truth or truth without file", names ^ set(tnames))
    langs = {}
    for t in TRUTH:
        assert t["kind"] in ("report", "auto_reply", "bounce", "unrelated"), t["file"]
        for g, labels in t["tags"].items():
            assert g in TAX, (t["file"], g)
            bad = set(labels) - TAX[g]
            assert not bad, (t["file"], g, bad)
            assert labels == sorted(set(labels)), (t["file"], g)
        if t["kind"] != "report":
            continue
        langs[t["language"]] = langs.get(t["language"], 0) + 1
        assert t["language"] in ("fr", "nl", "de", "en"), t["file"]
        assert "incident_date" in t
        d = t["incident_date"]
        assert d is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d), (t["file"], d)
        n_empty = [k for k, v in t["sections"].items() if not v.strip()]
        # only nl-07 skips d) entirely; every other report answers all five
        expect = {"nl-07.eml": ["d"]}.get(t["file"], [])
        assert n_empty == expect, (t["file"], n_empty)
        for r in t["references"]:
            assert r in t["sections"]["e"], (t["file"], r)
        c = t["contact"]
        assert c["email"] == "" or "@" in c["email"], t["file"]
        # the section text (tokens) must appear in the message's decoded text
    return langs


def decoded_text(data):
    import email
    from email import policy
    msg = email.message_from_bytes(data, policy=policy.default)
    out = []
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            out.append(part.get_content())
    return "\n".join(out)


def tokens(s):
    import unicodedata
    return re.findall(r"\w+", unicodedata.normalize("NFC", s or "").lower())


def check_sections_in_mail():
    import html as htmlmod
    for t in TRUTH:
        if t["kind"] != "report":
            continue
        txt = decoded_text(FILES[t["file"]])
        txt = htmlmod.unescape(re.sub(r"<[^>]+>", " ", txt))
        alltok = " ".join(tokens(txt))
        for k, v in t["sections"].items():
            for chunk in v.split("\n"):
                if chunk.strip():
                    assert " ".join(tokens(chunk)) in alltok, (t["file"], k, chunk[:60])


def main():
    for f in ALL:
        f()
    langs = check()
    check_sections_in_mail()
    for name, data in FILES.items():
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(TRUTH, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("wrote %d messages (%d reports: %s) and truth.json" % (len(FILES), sum(langs.values()), langs))


if __name__ == "__main__":
    main()
