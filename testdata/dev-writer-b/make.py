#!/usr/bin/env python3
"""Generate the holdout2 corpus: 14 replies by writers the parser has never seen.

Run from this folder: python3 make.py
Writes NN-*.eml and truth.json beside this script. The quoted letter comes from
/work/shared/letter (the Sciensano letter the labs answer); every charset, transfer
encoding and line ending is chosen per message, on purpose. A self-check at the end
decodes every file with the email package and makes sure each section's truth text
really is in the message (or in the attached .docx), so the truth cannot drift from
the mail.
"""
import base64, email, email.policy, html, io, json, os, quopri, re, sys, textwrap, zipfile
from email.base64mime import header_encode as b_header
from email.quoprimime import header_encode as q_header
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
LETTER_DIR = os.environ.get("LETTER_DIR", os.path.join(HERE, "..", "..", "..", "shared", "letter"))

TRUTH = []
EMPTY = {"a": "", "b": "", "c": "", "d": "", "e": ""}


# ---------------------------------------------------------------- helpers

def letter_paragraphs(lang):
    """The letter as a list of plain-text paragraphs (markdown removed)."""
    text = open(os.path.join(LETTER_DIR, f"letter-{lang}.txt"), encoding="utf-8").read()
    text = text.replace("**", "").replace("\\_", "_")
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    paras = []
    for block in re.split(r"\n\s*\n", text):
        lines = [l.strip() for l in block.strip().splitlines() if l.strip()]
        if not lines:
            continue
        if all(l.startswith("- ") for l in lines):
            paras.extend(l[2:] for l in lines)
        elif lines[0].startswith(("Aux ", "Ter attentie")):
            paras.append("\n".join(lines))
        else:
            paras.append(" ".join(lines))
    return paras


def wrap(p, width=76):
    return "\n".join("\n".join(textwrap.wrap(line, width)) or "" for line in p.split("\n"))


def hdr_q(s, cs="utf-8"):
    return q_header(s.encode(cs), charset=cs)


def hdr_b(s, cs="utf-8"):
    return b_header(s.encode(cs), charset=cs)


def addr(name, a, cs="utf-8"):
    return formataddr((name, a), charset=cs)


def leaf(subtype, text, cs, cte, extra_ct="", extra_headers=()):
    raw = text.encode(cs)
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    head = [f'Content-Type: text/{subtype}; charset="{cs}"{extra_ct}', f"Content-Transfer-Encoding: {cte}"]
    head += list(extra_headers)
    return ("\n".join(head) + "\n\n").encode("ascii") + body


def raw_part(headers, body):
    if isinstance(body, str):
        body = body.encode("ascii")
    if not body.endswith(b"\n"):
        body += b"\n"
    return ("\n".join(headers) + "\n\n").encode("ascii") + body


def multipart(subtype, boundary, parts, extra=""):
    head = f'Content-Type: multipart/{subtype};\n\tboundary="{boundary}"{extra}\n\n'.encode("ascii")
    out = head
    for p in parts:
        out += f"--{boundary}\n".encode("ascii") + p
    out += f"--{boundary}--\n".encode("ascii")
    return out


def write(name, headers, body, crlf=False):
    data = ("\n".join(headers) + "\n").encode("ascii") + body
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def truth(file, kind, note, lab=None, language="", sections=None, references=(), contact=("", "", ""),
          cause=(), impact=(), response=(), prevention=(), downtime=None, needs_review=False):
    TRUTH.append({
        "file": file, "kind": kind, "lab": lab, "language": language,
        "sections": dict(sections or EMPTY),
        "references": list(references),
        "contact": {"name": contact[0], "email": contact[1], "phone": contact[2]},
        "tags": {"cause": sorted(cause), "impact": sorted(impact),
                 "response": sorted(response), "prevention": sorted(prevention)},
        "downtime_days": downtime, "needs_review": needs_review, "note": note,
    })


def p_html(text, style=""):
    st = f' style="{style}"' if style else ""
    return f"<p class=MsoNormal{st}>{html.escape(text, quote=False)}<o:p></o:p></p>"


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={cs}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
@font-face
	{{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}}
span.EmailStyle18
	{{mso-style-type:personal-reply;
	font-family:"Calibri",sans-serif;
	color:#1F497D;}}
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
<div class=WordSection1>
"""


# ---------------------------------------------------------------- 01 fr Gmail numbered 1) with bold restated questions

def m01():
    s = {
        "a": "L'attaque a exploité une faille non corrigée du serveur web qui héberge notre portail de prescription en ligne (Apache Tomcat). Par cette porte d'entrée, les pirates ont déployé le rançongiciel Ryuk sur les serveurs Windows de l'hôpital dans la nuit du 6 au 7 février.",
        "b": "Le SIL (Glims) et le serveur de middleware des automates ont été chiffrés. Pendant 3 jours, aucune demande n'a pu être encodée informatiquement, les automates ont fonctionné en mode autonome sans connexion bidirectionnelle et la transmission des résultats aux prescripteurs via Medibridge et le serveur de résultats était à l'arrêt.",
        "c": "Activation du plan dégradé du laboratoire : demandes et protocoles sur papier, menu analytique réduit aux urgences ; sous-traitance des analyses spécialisées (sérologies, hormonologie) au laboratoire du CHU partenaire ; déconnexion d'internet et isolement du réseau du laboratoire ; intervention du CERT.be et d'une firme spécialisée en réponse à incident ; dépôt de plainte (PV) auprès de la police fédérale.",
        "d": "Authentification multifacteur pour tous les accès distants, segmentation du réseau (VLAN dédié au laboratoire et aux automates), sauvegardes hors ligne quotidiennes testées chaque mois, déploiement d'un EDR sur les serveurs et les postes, et procédure de gestion des correctifs avec revue mensuelle.",
        "e": "Non-conformité NC-2021-031 ; plainte d'un médecin généraliste enregistrée sous PL-2021-009.",
    }
    restated = {
        "a": "Selon nous, d'où vient l'attaque et comment les pirates ont-ils procédé ?",
        "b": "Quels services du laboratoire ont été touchés, et de quelle manière ?",
        "c": "Qu'avons-nous fait tout de suite pour protéger les données et continuer à travailler ?",
        "d": "Que mettons-nous en place pour que cela ne se reproduise plus ?",
        "e": "Comment l'événement a-t-il été enregistré dans notre système qualité ?",
    }
    intro = "Bonjour,\n\nVoici les réponses du laboratoire à votre courrier du 15 février. Pour la clarté, j'ai reformulé chaque question avant d'y répondre."
    sig = ["Personne de contact : moi-même.", "", "Bien cordialement,", "", "Dr Sébastien Lemaire",
           "Biologiste clinique – chef de service", "Centre Hospitalier du Val de Vesdre",
           "Tél. +32 87 21 44 90", "sebastien.lemaire@chvaldevesdre.be"]
    quote_line = "Le mar. 16 févr. 2021 à 09:14, QL Secretariat <QL_secretariat@sciensano.be> a écrit :"
    letter = letter_paragraphs("fr")

    txt = [intro, ""]
    htm = ['<div dir="ltr"><div>Bonjour,</div><div><br></div>',
           "<div>Voici les réponses du laboratoire à votre courrier du 15 février. Pour la clarté, j'ai reformulé chaque question avant d'y répondre.</div><div><br></div>"]
    for i, k in enumerate("abcde", 1):
        txt += [f"{i}) *{restated[k]}*", wrap(s[k]), ""]
        htm.append(f"<div>{i}) <b>{html.escape(restated[k], quote=False)}</b></div>")
        htm.append(f"<div>{html.escape(s[k], quote=False)}</div><div><br></div>")
    txt += sig + ["", quote_line, ""]
    for p in letter:
        txt += ["> " + l if l else ">" for l in wrap(p, 74).split("\n")] + [">"]
    htm += [f"<div>{html.escape(l, quote=False)}</div>" for l in sig]
    htm.append('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
               + html.escape(quote_line, quote=False) + '<br></div>'
               + '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">')
    for p in letter:
        htm.append("<div>" + html.escape(p, quote=False).replace("\n", "<br>") + "</div><div><br></div>")
    htm.append("</blockquote></div></div>")
    body = multipart("alternative", "0000000000004b7c1205bb5e8a21", [
        leaf("plain", "\n".join(txt) + "\n", "UTF-8", "quoted-printable"),
        leaf("html", "\n".join(htm) + "\n", "UTF-8", "quoted-printable"),
    ])
    write("01-fr-gmail-restated.eml", [
        "MIME-Version: 1.0",
        "References: <CAHx3mT0pQ9qLr0c7yJ1oW6vKqK2v1dEeWm8h3Qb9z4sF7u2=Q@mail.gmail.com>",
        "In-Reply-To: <CAHx3mT0pQ9qLr0c7yJ1oW6vKqK2v1dEeWm8h3Qb9z4sF7u2=Q@mail.gmail.com>",
        "From: " + addr("Sébastien Lemaire", "sebastien.lemaire@chvaldevesdre.be"),
        "Date: Fri, 19 Feb 2021 17:48:03 +0100",
        "Message-ID: <CAF9kR2x7TnWm2bq0s9G3vJ=pPz8yQe4cNn6LxS1dW0hA3rB5kQ@mail.gmail.com>",
        "Subject: " + hdr_q("Re: Cyber attaque – labo 24681"),
        "To: QL Secretariat <QL_secretariat@sciensano.be>",
    ], body)
    truth("01-fr-gmail-restated.eml", "report", lab="24681", language="fr", sections=s,
          references=["NC-2021-031", "PL-2021-009"],
          contact=("Sébastien Lemaire", "sebastien.lemaire@chvaldevesdre.be", "+32 87 21 44 90"),
          cause=["vulnerability", "ransomware"], impact=["lis", "analyzers", "results"],
          response=["degraded_mode", "paper", "subcontracting", "isolation", "external_help", "police_report"],
          prevention=["mfa", "segmentation", "backup", "edr", "patching"], downtime=3,
          note="Gmail text+HTML (UTF-8 QP, Q-encoded subject). Answers numbered '1)'..'5)' (no letters), each after the lab's OWN bold rewording of the question (not part of the answer; '*...*' in the text part). Quoted French letter under a Gmail 'Le mar. 16 févr. 2021 à 09:14, ... a écrit :' line (blockquote / '> ') whose a)-e) must be ignored. 'Personne de contact : moi-même' = the signer; title 'Dr' dropped.")


# ---------------------------------------------------------------- 02 fr Windows 10 Mail, "a -" dashes, two-paragraph b with a list

def m02():
    b1 = "Le poste de l'accueil et le serveur de fichiers administratif ont été touchés. L'enregistrement des patients et la facturation ont été perturbés pendant 2 jours :"
    items = ["enregistrement des patients fait sur un poste de secours, avec retard ;",
             "facturation (tarification INAMI) suspendue ;",
             "courriers administratifs aux patients reportés."]
    b2 = "Le SIL, les automates et l'envoi des résultats par eHealth n'ont pas été affectés."
    s = {
        "a": "Un poste de l'accueil a été infecté par le malware Emotet via une pièce jointe Word piégée reçue par courriel (phishing se faisant passer pour un fournisseur de réactifs). Le malware a ensuite récupéré les mots de passe enregistrés dans le navigateur de ce poste.",
        "b": b1 + " " + " ".join("- " + i for i in items) + " " + b2,
        "c": "Le poste a été immédiatement débranché du réseau puis réinstallé ; tous les mots de passe ont été changés ; notre prestataire informatique a analysé le serveur de fichiers et les autres postes.",
        "d": "Blocage des macros dans les documents reçus par courriel et filtrage renforcé des pièces jointes, remplacement de l'antivirus par une solution EDR, sensibilisation de tout le personnel au phishing.",
        "e": "Enregistré en non-conformité sous la référence NC 2021-07.",
    }
    sig = ["Cordialement,", "", "Marie-Claire Dubuisson", "Biologiste responsable", "+32 84 31 27 60", "",
           "Envoyé à partir de Courrier pour Windows", ""]
    txt = ["Bonjour,", "", "suite à votre courrier, voici nos réponses :", "",
           "a - " + s["a"], "",
           "b - " + b1, ""] + ["- " + i for i in items] + ["", b2, "",
           "c - " + s["c"], "", "d - " + s["d"], "", "e - " + s["e"], ""] + sig
    e = lambda t: html.escape(t, quote=False)
    htm = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--',
           "p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; margin-bottom:.0001pt; font-size:11.0pt; font-family:\"Calibri\",sans-serif;}",
           "--></style></head><body lang=FR-BE link=blue vlink=\"#954F72\"><div class=WordSection1>",
           "<p class=MsoNormal>Bonjour,</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>",
           "<p class=MsoNormal>suite à votre courrier, voici nos réponses :</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>",
           f"<p class=MsoNormal>a - {e(s['a'])}</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>",
           f"<p class=MsoNormal>b - {e(b1)}</p>"]
    htm += [f"<p class=MsoNormal>- {e(i)}</p>" for i in items]
    htm += [f"<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>{e(b2)}</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"]
    for k in "cde":
        htm.append(f"<p class=MsoNormal>{k} - {e(s[k])}</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    htm += [f"<p class=MsoNormal>{e(l) if l else '<o:p>&nbsp;</o:p>'}</p>" for l in sig]
    htm.append("</div></body></html>")
    body = multipart("alternative", "_5B3E2F1A-7C44-4D2B-9E61-0A8F3C2D1B7E_", [
        leaf("plain", "\n".join(txt), "utf-8", "base64"),
        leaf("html", "\n".join(htm) + "\n", "utf-8", "base64"),
    ])
    write("02-fr-windowsmail-dashes.eml", [
        "MIME-Version: 1.0",
        "To: " + addr("QL_secretariat", "QL_secretariat@sciensano.be"),
        "From: " + addr("Marie-Claire Dubuisson", "mc.dubuisson@bioanalys-famenne.be"),
        "Subject: " + hdr_b("Cyber attaque – labo 58213"),
        "Date: Mon, 22 Feb 2021 14:07:55 +0100",
        "Importance: normal",
        "X-Priority: 3",
        "Message-ID: <5B3E2F1A.7C44.4D2B.9E61@bioanalys-famenne.be>",
    ], body)
    truth("02-fr-windowsmail-dashes.eml", "report", lab="58213", language="fr", sections=s,
          references=["NC 2021-07"],
          contact=("Marie-Claire Dubuisson", "mc.dubuisson@bioanalys-famenne.be", "+32 84 31 27 60"),
          cause=["phishing", "malware", "credentials"], impact=["admin"],
          response=["isolation", "password_reset", "external_help"],
          prevention=["email_filtering", "edr", "training"], downtime=2,
          note="Windows 10 Mail ('Envoyé à partir de Courrier pour Windows'): text+HTML both base64, B-encoded subject, MsoNormal paragraphs. Labels 'a -'..'e -' with a dash; b) spans two paragraphs with a '-' list between them (the list items start with '-' too, not a new label). No explicit contact: the signer (email from the From header). Impact only admin (SIL/automates/eHealth explicitly not affected).")


# ---------------------------------------------------------------- 03 fr not attacked

def m03():
    txt = """Madame, Monsieur,

En réponse à votre courrier du 15 février 2021 (réf. Sciensano-AC-2021-04), nous vous informons que notre laboratoire n'a pas été victime d'une cyber-attaque au cours des derniers mois.

Nous avons bien pris note de la procédure à suivre si un tel événement devait survenir et avons transmis votre courrier à notre responsable informatique ainsi qu'au service qualité.

Bien à vous,

Dr Françoise Delvaux
Directrice du laboratoire
Laboratoire de Biologie Clinique Saint-Guibert – Gembloux
Tél. 081 61 23 45
"""
    # iso-8859-15 has no en-dash: the writer's client would have typed a hyphen
    txt = txt.replace("–", "-")
    body = leaf("plain", txt, "iso-8859-15", "8bit", extra_ct="; format=flowed")
    write("03-fr-not-attacked.eml", [
        "Return-Path: <f.delvaux@labo-saintguibert.be>",
        "Message-ID: <7e1c2a4b-90d3-4f6e-b2a7-3c5d8e9f0a12@labo-saintguibert.be>",
        "Date: Tue, 23 Feb 2021 10:21:40 +0100",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.7.1",
        "Content-Language: fr",
        "To: QL_secretariat@sciensano.be",
        "From: " + addr("Dr Françoise Delvaux", "f.delvaux@labo-saintguibert.be", "iso-8859-15"),
        "Subject: Cyber attaque - labo 60412",
    ], body)
    truth("03-fr-not-attacked.eml", "report", lab="60412", language="fr", sections=EMPTY,
          contact=("Françoise Delvaux", "f.delvaux@labo-saintguibert.be", "081 61 23 45"),
          downtime=None,
          note="Lab NOT attacked: a reply to the letter under the convention's subject, meant to be filed (kind report per CONTRACT, 'even if incomplete'); no answer to any question so all sections empty, no tags, downtime null (it never says activity was/was not interrupted). Plain 8bit iso-8859-15 format=flowed, ASCII hyphen in subject, From display name encoded in iso-8859-15. Contact = signer ('Dr' dropped).")


# ---------------------------------------------------------------- 04 nl prose paragraphs with topic words

def m04():
    s = {
        "a": "de aanvallers misbruikten een kwetsbaarheid in de Citrix-gateway van het ziekenhuis (CVE-2019-19781) waarvoor de beveiligingsupdate nog niet geïnstalleerd was. Daarna werd ransomware (DoppelPaymer) uitgerold op de servers.",
        "b": "het LIS was 36 uur onbeschikbaar. De HL7-koppeling met het elektronisch patiëntendossier viel weg, zodat de resultaten niet elektronisch naar de afdelingen en de huisartsen konden. Ook de ziekenhuismail lag plat. De toestellen zelf bleven werken.",
        "c": "het noodplan werd geactiveerd met papieren aanvraagformulieren en papieren verslagen voor de spoed; het volledige labonetwerk werd losgekoppeld van het ziekenhuisnetwerk; het LIS werd teruggezet vanaf de back-up van 3 februari; CERT.be werd verwittigd en hielp bij de analyse; er werd klacht neergelegd bij de federale politie.",
        "d": "strikt patchbeleid met maandelijkse controle, tweefactorauthenticatie voor alle toegang van buitenaf, 24/7 monitoring door een externe SOC en scheiding van het labonetwerk in een apart segment.",
        "e": "non-conformiteit NC-2021-0015 en interne incidentmelding INC-4471.",
    }
    topics = {"a": "Oorzaak", "b": "Impact", "c": "Genomen maatregelen", "d": "Preventie", "e": "Registratie"}
    txt = ["Geachte Dr. Capron,", "", "Hierbij ons antwoord op uw schrijven van 15 februari.", ""]
    for k in "abcde":
        txt += [wrap(f"{topics[k]}: {s[k]}", 72), ""]
    txt += ["Contactpersoon: ondergetekende.", "", "Met collegiale groeten,", "", "Dr. Wim Peeters",
            "Klinisch bioloog – labodirecteur", "AZ Sint-Rembert Torhout", "tel. 050 23 31 80",
            "wim.peeters@azsintrembert.be", ""]
    body = leaf("plain", "\n".join(txt), "windows-1252", "quoted-printable")
    write("04-nl-topic-paragraphs.eml", [
        "Received: from EXCH02.azsintrembert.local (10.20.1.12) by EXCH01.azsintrembert.local (10.20.1.11) with Microsoft SMTP Server id 15.1.2106.2; Thu, 25 Feb 2021 08:15:31 +0100",
        "From: " + addr("Peeters Wim", "wim.peeters@azsintrembert.be"),
        "To: " + addr("QL_secretariat", "QL_secretariat@sciensano.be"),
        "Subject: " + hdr_q("Cyberaanval – labo 31577", "windows-1252"),
        "Date: Thu, 25 Feb 2021 08:15:29 +0100",
        "Message-ID: <6F1D0C3E9B2A4E7D8C1F2A3B4C5D6E7F@EXCH02.azsintrembert.local>",
        "Accept-Language: nl-BE, en-US",
        "Content-Language: nl-BE",
        "MIME-Version: 1.0",
    ], body)
    truth("04-nl-topic-paragraphs.eml", "report", lab="31577", language="nl", sections=s,
          references=["NC-2021-0015", "INC-4471"],
          contact=("Wim Peeters", "wim.peeters@azsintrembert.be", "050 23 31 80"),
          cause=["vulnerability", "ransomware"], impact=["lis", "results", "email"],
          response=["degraded_mode", "paper", "isolation", "backup_restore", "external_help", "police_report"],
          prevention=["patching", "mfa", "monitoring", "segmentation"], downtime=1.5,
          note="Plain text windows-1252 QP (ï, ë, en-dash 0x96), Q-encoded windows-1252 subject. No letters or numbers: prose paragraphs each opening with a topic word ('Oorzaak:', 'Impact:', 'Genomen maatregelen:', 'Preventie:', 'Registratie:'); the topic word is not part of the answer. '36 uur' = 1.5 days. 'Contactpersoon: ondergetekende' = signer. Instruments explicitly kept working (no analyzers). Cause: the text says a flaw in the Citrix gateway, not abuse of remote access itself, so vulnerability (remote_access arguable, not tagged).")


# ---------------------------------------------------------------- 05 nl HTML-only Outlook, italic questions, blue answers, trilingual disclaimer

def m05():
    s = {
        "a": "Een grootschalige DDoS-aanval op de internetprovider van het ziekenhuis op 28 januari. Er was geen inbraak in onze systemen; de aanvallers hebben enkel de internetverbinding overbelast.",
        "b": "Gedurende ongeveer 9 uur was het ziekenhuis van buitenaf niet bereikbaar: geen verzending van resultaten naar de huisartsen via Medibridge en eHealth, geen externe e-mail. De analyses in het labo liepen gewoon door, het LIS en de toestellen werkten normaal.",
        "c": "Dringende resultaten werden telefonisch doorgegeven aan de huisartsen. De provider heeft samen met CERT.be het verkeer gefilterd. Daarna werden de achterstallige resultaten opnieuw verstuurd.",
        "d": "Een anti-DDoS-dienst bij de provider, een tweede internetlijn via een andere operator en monitoring van de beschikbaarheid van Medibridge en eHealth met automatische alarmen.",
        "e": "Geregistreerd in ons incidentenregister onder IR-21-009 (geen non-conformiteit).",
    }
    letter = letter_paragraphs("nl")
    questions = {p[0]: p[3:] for p in letter if re.match(r"^[a-e]\) ", p)}
    blue = "color:#1F497D"
    out = [OUTLOOK_HEAD.format(cs="utf-8", lang="NL-BE")]
    out.append(p_html("Geachte heer Capron,", blue))
    out.append(p_html("\u00a0", blue).replace("\u00a0", "&nbsp;"))
    out.append(p_html("Hieronder vindt u onze antwoorden (in het blauw) onder elke vraag van uw brief.", blue))
    out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    for k in "abcde":
        out.append(f"<p class=MsoNormal><i>{k}) {html.escape(questions[k], quote=False)}<o:p></o:p></i></p>")
        out.append(p_html(s[k], blue))
        out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    for l in ["Contactpersoon: Ann Verhaegen, ICT-coördinator labo, ann.verhaegen@aznethedal.be, 015 40 18 22", "",
              "Met vriendelijke groet,", "", "Dr. Koen Desmedt", "Labodirecteur – Klinisch Laboratorium",
              "AZ Nethedal, Mechelsesteenweg 212, 2500 Lier"]:
        out.append(p_html(l, blue) if l else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    disc = ["Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde(n). Indien u dit bericht per vergissing ontving, verwittig dan de afzender en verwijder het bericht.",
            "Ce message est confidentiel et destiné exclusivement au(x) destinataire(s). Si vous l'avez reçu par erreur, veuillez en avertir l'expéditeur et le supprimer.",
            "This message is confidential and intended solely for the addressee(s). If you received it in error, please notify the sender and delete it."]
    for d in disc:
        out.append(f'<p class=MsoNormal><span style="font-size:7.5pt;color:gray">{html.escape(d, quote=False)}<o:p></o:p></span></p>')
    out.append("</div>\n</body>\n</html>\n")
    body = leaf("html", "\n".join(out), "utf-8", "base64")
    write("05-nl-outlook-italic-questions.eml", [
        "From: " + addr("Desmedt Koen", "koen.desmedt@aznethedal.be"),
        "To: \"QL_secretariat@sciensano.be\" <QL_secretariat@sciensano.be>",
        "Subject: " + hdr_b("RE: Cyberaanval – labo 27718"),
        "Thread-Topic: " + hdr_b("Cyberaanval – labo 27718"),
        "Thread-Index: AdcKd3P0n1x8QmVhTq6Wc2g1r4Ue9A==",
        "Date: Fri, 26 Feb 2021 11:34:12 +0000",
        "Message-ID: <DB7PR03MB4972A1C3E5F7B9D2E4F6A8C0B2D4E6F8@DB7PR03MB4972.eurprd03.prod.outlook.com>",
        "In-Reply-To: <AM6PR09MB2851D3C1B0E84A4F9C3A1E57D2A40@AM6PR09MB2851.eurprd09.prod.outlook.com>",
        "Accept-Language: nl-BE, en-US",
        "Content-Language: nl-BE",
        "X-MS-Has-Attach: ",
        "X-MS-TNEF-Correlator: ",
        "MIME-Version: 1.0",
    ], body, crlf=True)
    truth("05-nl-outlook-italic-questions.eml", "report", lab="27718", language="nl", sections=s,
          references=["IR-21-009"],
          contact=("Ann Verhaegen", "ann.verhaegen@aznethedal.be", "015 40 18 22"),
          cause=["ddos"], impact=["results", "email"], response=["external_help"],
          prevention=["monitoring"], downtime=0,
          note="HTML-only Outlook (MsoNormal, base64 UTF-8, CRLF, B-encoded 'RE:' subject). Each question of the Dutch letter copied in italics WITHOUT '>' (not part of the answer), answer in blue below. Named contact differs from the signer. DDoS: b) never names the network itself (only results and e-mail unreachable from outside), so no network tag; results/e-mail out ~9 hours but 'analyses liepen gewoon door' => downtime 0 (as dev fr-03). NL+FR+EN disclaimer at the bottom is not an answer.")


# ---------------------------------------------------------------- 06 nl follow-up: only e) + downtime correction

def m06():
    e_ans = "Het incident werd geregistreerd als NC-2021-044."
    txt = f"""Beste,

Als aanvulling op ons antwoord van 19 februari:

e) {e_ans}

Daarnaast een correctie: het LIS lag uiteindelijk 5 dagen plat, en niet 3 dagen zoals eerder gemeld.

Vriendelijke groeten,
Els Wuyts
Kwaliteitscoördinator Labo Klinische Biologie
AZ Damme
+32 50 35 61 12

Op vr 19 feb. 2021 om 14:32 schreef Els Wuyts <els.wuyts@azdamme.be>:

> Geachte,
>
> Hieronder onze antwoorden.
>
> a) Phishingmail met een valse factuur, waarna ransomware op de LIS-server
> terechtkwam.
> b) LIS 3 dagen niet beschikbaar, resultaten op papier bezorgd.
> c) Noodplan, papieren aanvragen, dringende analyses naar AZ Brugge.
> d) Opleiding van het personeel, offline back-ups.
> e) Wordt nog geregistreerd.
>
> Met vriendelijke groeten,
> Els Wuyts
"""
    body = leaf("plain", txt, "UTF-8", "quoted-printable")
    write("06-nl-followup-aanvulling.eml", [
        "MIME-Version: 1.0",
        "References: <CAK7pX0d2oN1=fW8mV3cR6tQ9yB4hJ5sL2gE8aZ1uD7iP0xMvw@mail.gmail.com>",
        "In-Reply-To: <CAK7pX0d2oN1=fW8mV3cR6tQ9yB4hJ5sL2gE8aZ1uD7iP0xMvw@mail.gmail.com>",
        "From: Els Wuyts <els.wuyts@azdamme.be>",
        "Date: Wed, 3 Mar 2021 09:02:44 +0100",
        "Message-ID: <CAK7pX0f5sE2=gH3kJ9dQ1wR7tY6uI8oP4aS2dF5gH7jK9lZxCv@mail.gmail.com>",
        "Subject: Cyberaanval - labo 12345 - aanvulling",
        "To: QL_secretariat <QL_secretariat@sciensano.be>",
        "Content-Type: text/plain; charset=\"UTF-8\"",
    ], body.split(b"\n", 1)[1])
    truth("06-nl-followup-aanvulling.eml", "report", lab="12345", language="nl",
          sections={"a": "", "b": "", "c": "", "d": "", "e": e_ans}, references=["NC-2021-044"],
          contact=("Els Wuyts", "els.wuyts@azdamme.be", "+32 50 35 61 12"), downtime=5,
          note="Follow-up ('- aanvulling' after the lab number: lab is '12345', not '12345 - aanvulling'). Gives only e) plus an unlabeled downtime correction ('5 dagen plat, en niet 3 dagen') => downtime 5, sections a-d empty, no tags. The earlier reply quoted with '> ' (a)-e) incl. '3 dagen') must be ignored. Gmail plain QP.")


# ---------------------------------------------------------------- 07 de plain iso-8859-15 QP numbered headings

def m07():
    s = {
        "a": "Brute-Force-Angriff auf einen aus dem Internet erreichbaren RDP-Zugang (Remote Desktop) des Laborservers. Das Kennwort des Administratorkontos war zu schwach. Anschließend wurden die Daten mit der Ransomware Phobos verschlüsselt.",
        "b": "Das Laborinformationssystem und die Auftragserfassung waren ca. 2 Tage nicht verfügbar. Die Befundübermittlung an die Einsender (HL7 und eHealth) war unterbrochen. Die Analysegeräte liefen weiter, die Ergebnisse wurden manuell erfasst.",
        "c": "Aktivierung des Notfallplans mit Papieranforderungen und Papierbefunden, sofortige Trennung des Servers vom Netz, Wiederherstellung des Systems aus der Datensicherung vom Vortag, Strafanzeige bei der Polizei in Eupen.",
        "d": "RDP-Zugang aus dem Internet geschlossen; Fernzugriff nur noch über VPN mit Zwei-Faktor-Authentifizierung; tägliche Offline-Sicherungen; Schulung aller Mitarbeiter zur IT-Sicherheit.",
        "e": "Abweichungsbericht AB-2021-11, Reklamation RK-21-03.",
    }
    heads = {"a": "1. Ursache:", "b": "2. Betroffene Bereiche:", "c": "3. Sofortmaßnahmen:",
             "d": "4. Vorbeugende Maßnahmen:", "e": "5. Referenzen im QM-System:"}
    txt = ["Sehr geehrter Herr Dr. Capron,", "",
           "bezugnehmend auf Ihr Schreiben vom 15.02.2021 übermitteln wir Ihnen folgende Angaben:", ""]
    for k in "abcde":
        txt += [heads[k], wrap(s[k], 72), ""]
    txt += ["Für Rückfragen stehe ich Ihnen gerne zur Verfügung.", "", "Mit freundlichen Grüßen", "",
            "Prof. Dr. med. Klaus Wertz", "Laborleiter", "Labor Weserhof Eupen", "Tel. +32 87 59 31 00",
            "E-Mail: k.wertz@labor-weserhof.be", ""]
    body = leaf("plain", "\n".join(txt), "iso-8859-15", "quoted-printable")
    write("07-de-numbered-iso885915.eml", [
        "From: " + addr("Prof. Dr. Klaus Wertz", "k.wertz@labor-weserhof.be"),
        "To: QL_secretariat@sciensano.be",
        "Subject: " + hdr_q("Cyberangriff – Labor 40917"),
        "Date: Wed, 24 Feb 2021 16:40:09 +0100",
        "Message-ID: <20210224164009.3F2A1C0E57@mail.labor-weserhof.be>",
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
    ], body)
    truth("07-de-numbered-iso885915.eml", "report", lab="40917", language="de", sections=s,
          references=["AB-2021-11", "RK-21-03"],
          contact=("Klaus Wertz", "k.wertz@labor-weserhof.be", "+32 87 59 31 00"),
          cause=["remote_access", "credentials", "ransomware"], impact=["lis", "results"],
          response=["degraded_mode", "paper", "isolation", "backup_restore", "police_report"],
          prevention=["access_control", "mfa", "backup", "training"], downtime=2,
          note="German plain text, iso-8859-15 QP (ä ö ü ß), 'Labor' in a Q-encoded UTF-8 subject. Headings '1. Ursache:'..'5. Referenzen im QM-System:' on their own line (numbers, not letters). No explicit contact line: signer 'Prof. Dr. med. Klaus Wertz' => 'Klaus Wertz'. Analyzers explicitly kept running; Auftragserfassung (order entry) is a LIS function, not admin (same as '01' request encoding).")


# ---------------------------------------------------------------- 08 de Outlook auto reply

def m08():
    t = """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 5. März 2021 nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an das Laborsekretariat unter +32 80 22 91 40 oder an labor@klinik-amelvenn.be.

Ihre Nachricht wird nicht weitergeleitet.

Mit freundlichen Grüßen
Dr. Sabine Krings
"""
    h = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div style=\"font-family:Calibri,Arial,Helvetica,sans-serif;font-size:11pt\">" + \
        "".join(f"<p>{html.escape(p, quote=False).replace(chr(10), '<br>')}</p>" for p in t.strip().split("\n\n")) + "</div></body></html>\n"
    body = multipart("alternative", "_000_VI1PR0402MB3421B7E9C2D1A0F4_", [
        leaf("plain", t, "utf-8", "quoted-printable"), leaf("html", h, "utf-8", "quoted-printable")])
    write("08-de-autoreply.eml", [
        "From: " + addr("Krings Sabine", "sabine.krings@klinik-amelvenn.be"),
        "To: QL_secretariat <QL_secretariat@sciensano.be>",
        "Subject: " + hdr_q("Automatische Antwort: Cyberangriff – Labor 30303"),
        "Thread-Topic: " + hdr_q("Cyberangriff – Labor 30303"),
        "Date: Mon, 1 Mar 2021 07:12:40 +0000",
        "Message-ID: <VI1PR0402MB3421B7E9C2D1A0F4E6B8@VI1PR0402MB3421.eurprd04.prod.outlook.com>",
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",
        "X-MS-Exchange-Inbox-Rules-Loop: sabine.krings@klinik-amelvenn.be",
        "Content-Language: de-DE",
        "MIME-Version: 1.0",
    ], body, crlf=True)
    truth("08-de-autoreply.eml", "auto_reply",
          note="Outlook/Exchange out-of-office 'Automatische Antwort:' under the German convention subject, Auto-Submitted: auto-generated, X-Auto-Response-Suppress; names a phone and mailbox but is not a report.")


# ---------------------------------------------------------------- 09 en UK style roman numerals, no convention subject

def m09():
    s = {
        "a": "The root cause has not yet been established. The forensic investigation by our incident response provider is still ongoing and we have not been given a definitive answer.",
        "b": "File servers and the LIMS database were encrypted. The LIMS was unavailable for four and a half days, and the results portal used by GPs was taken offline for the same period. The telephone switchboard (VoIP) was also down for a few hours on the first day.",
        "c": "We invoked our business continuity plan and ran in degraded mode with a reduced test repertoire; non-urgent samples were referred to the laboratory of a partner hospital; urgent results were phoned through to the wards. An external incident response firm was engaged, and the incident was reported to the police and to the CCB.",
        "d": "EDR deployed on all servers and workstations, segmentation of the laboratory network from the wider hospital network, immutable off-site backups, and an independent security audit commissioned for Q2 2021.",
        "e": "Incident logged as IR-2021-02 and non-conformance NCR-0117.",
    }
    labels = {"a": "(i) Cause", "b": "(ii) Impact", "c": "(iii) Immediate actions", "d": "(iv) Preventive measures", "e": "(v) Quality records"}
    txt = ["Dear Dr Capron,", "", "Re your letter ref. Sciensano-AC-2021-04 of 15 February 2021", "",
           wrap("Thank you for your letter. I am writing on behalf of the Pathology Department of the Princess Astrid Clinic, which was affected by a cyber incident at the end of January. Our responses follow, in the order of the points raised in your letter.", 72), ""]
    for k in "abcde":
        txt += [wrap(f"{labels[k]} – {s[k]}", 72), ""]
    txt += [wrap("Should you require any further information, please contact our Quality Manager, Rachel Owens (rachel.owens@princessastrid.be, +32 2 486 22 10).", 72), "",
            "Kind regards,", "", "Dr Jonathan Hale", "Consultant Clinical Scientist, Head of Pathology",
            "Princess Astrid Clinic, Brussels", ""]
    body = leaf("plain", "\n".join(txt), "utf-8", "8bit")
    write("09-en-uk-roman.eml", [
        "Return-Path: <jonathan.hale@princessastrid.be>",
        "From: \"Hale, Jonathan (Dr)\" <jonathan.hale@princessastrid.be>",
        "To: \"QL_secretariat@sciensano.be\" <QL_secretariat@sciensano.be>",
        "Cc: \"Owens, Rachel\" <rachel.owens@princessastrid.be>",
        "Subject: Cyber attack on our laboratory",
        "Date: Thu, 4 Mar 2021 12:58:31 +0000",
        "Message-ID: <LO2P265MB4410E8B1C6A9D3F2E7C5B1A9@LO2P265MB4410.GBRP265.PROD.OUTLOOK.COM>",
        "Content-Language: en-GB",
        "MIME-Version: 1.0",
    ], body)
    truth("09-en-uk-roman.eml", "report", lab=None, language="en", sections=s,
          references=["IR-2021-02", "NCR-0117"],
          contact=("Rachel Owens", "rachel.owens@princessastrid.be", "+32 2 486 22 10"),
          cause=["unknown"], impact=["lis", "results", "phone"],
          response=["degraded_mode", "subcontracting", "external_help", "police_report"],
          prevention=["edr", "segmentation", "backup", "audit"], downtime=4.5,
          note="Subject 'Cyber attack on our laboratory' (no convention, no lab => lab null) but the body answers the letter ('Re your letter ref. Sciensano-AC-2021-04') => report. Roman numerals '(i) Cause –'..'(v) Quality records –' on the same line as the answer. 'four and a half days' in words = 4.5. Cause explicitly unknown. Contact is the Quality Manager named in the closing sentence, not the signer. 8bit UTF-8 plain.")


# ---------------------------------------------------------------- 10 en HTML table # / Question / Answer

def m10():
    rows = [
        ("a", "Probable cause of the attack and method used by the hackers",
         "A phishing e-mail with a malicious Excel attachment installed the Qakbot malware on a workstation in the hospital’s purchasing department. From there the attackers moved through the network and deployed Egregor ransomware two weeks later."),
        ("b", "Activities/services affected and how",
         "The LIS was unavailable for 30 hours. The analyzer middleware, e-mail and the billing system were also down. The attackers exfiltrated part of the hospital’s file shares, including lab reports, and published them on their leak site."),
        ("c", "Immediate corrective actions",
         "Internet connection cut and hospital network isolated; paper request forms and paper reports; part of the routine work (allergy and autoimmunity) subcontracted to a neighbouring laboratory; servers restored from backups; all Active Directory passwords reset; support from the CCB and an incident response firm."),
        ("d", "Preventive measures",
         "MFA for all remote and webmail access, EDR on every endpoint, sandboxing of e-mail attachments, monthly patching cycle for servers and for the PCs attached to analyzers."),
        ("e", "References in the quality system",
         "NC-21-0142 (non-conformity) and data breach record DPA-2021-07."),
    ]
    s = {k: a for k, _, a in rows}
    contact = "Contact person: Dr. Hannah De Wit, Laboratory Director, hannah.dewit@zhoostmalle.be, +32 3 312 40 70"
    e = lambda t: html.escape(t, quote=False)
    td = 'style="border:solid #BFBFBF 1.0pt;padding:2.0pt 5.0pt 2.0pt 5.0pt" valign=top'
    out = [OUTLOOK_HEAD.format(cs="windows-1252", lang="EN-GB")]
    out += [p_html("Dear Dr Capron,"), "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
            p_html("Please find below the answers of our laboratory to your letter of 15 February 2021."),
            "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
            '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;border:none">']
    out.append(f"<tr><td {td}><p class=MsoNormal><b>#<o:p></o:p></b></p></td><td {td}><p class=MsoNormal><b>Question<o:p></o:p></b></p></td><td {td}><p class=MsoNormal><b>Answer<o:p></o:p></b></p></td></tr>")
    for k, q, a in rows:
        out.append(f"<tr><td {td}><p class=MsoNormal>{k}<o:p></o:p></p></td><td {td}><p class=MsoNormal>{e(q)}<o:p></o:p></p></td><td {td}><p class=MsoNormal>{e(a)}<o:p></o:p></p></td></tr>")
    out.append("</table>")
    for l in ["", contact, "", "Kind regards,", "", "Laboratory secretariat", "Clinical Laboratory – ZH Oostmalle"]:
        out.append(p_html(l) if l else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    out.append("</div>\n</body>\n</html>\n")
    txt = ["Dear Dr Capron,", "", "Please find below the answers of our laboratory to your letter of 15 February 2021.", "",
           "#", "", "Question", "", "Answer", ""]
    for k, q, a in rows:
        txt += [k, "", q, "", a, ""]
    txt += [contact, "", "Kind regards,", "", "Laboratory secretariat", "Clinical Laboratory – ZH Oostmalle", ""]
    body = multipart("alternative", "_000_AM0PR07MB5123C4D2E1F0A9B8C7D6E5F4A3B2C1D0_", [
        leaf("plain", "\n".join(txt), "windows-1252", "quoted-printable"),
        leaf("html", "\n".join(out), "windows-1252", "quoted-printable"),
    ])
    write("10-en-html-table.eml", [
        "From: " + addr("Labo Secretariaat", "labo.secretariaat@zhoostmalle.be"),
        "To: \"QL_secretariat@sciensano.be\" <QL_secretariat@sciensano.be>",
        "Subject: " + hdr_q("Cyber attack – lab 88140", "windows-1252"),
        "Thread-Topic: " + hdr_q("Cyber attack – lab 88140", "windows-1252"),
        "Thread-Index: AdcNf2Q1b8m5v0xGSkW3nN7cT1hP2g==",
        "Date: Mon, 8 Mar 2021 15:22:47 +0000",
        "Message-ID: <AM0PR07MB5123C4D2E1F0A9B8C7D6E5F4A3B2C1D0@AM0PR07MB5123.eurprd07.prod.outlook.com>",
        "Accept-Language: en-GB, nl-BE",
        "Content-Language: en-GB",
        "MIME-Version: 1.0",
    ], body, crlf=True)
    truth("10-en-html-table.eml", "report", lab="88140", language="en", sections=s,
          references=["NC-21-0142", "DPA-2021-07"],
          contact=("Hannah De Wit", "hannah.dewit@zhoostmalle.be", "+32 3 312 40 70"),
          cause=["phishing", "malware", "ransomware"],
          impact=["lis", "analyzers", "email", "admin", "data_breach"],
          response=["isolation", "paper", "subcontracting", "backup_restore", "password_reset", "external_help"],
          prevention=["mfa", "edr", "email_filtering", "patching"], downtime=1.25,
          note="Outlook text+HTML in windows-1252 QP (curly apostrophes, en-dash), CRLF, Q-encoded windows-1252 subject with 'lab' instead of 'labo'. Answers in a 3-column table (#, Question, Answer); the Question column is not part of the answer; the text part has each cell on its own line. Sent by a secretariat mailbox; the contact is the named director (different address). '30 hours' = 1.25.")


# ---------------------------------------------------------------- 11 fr Thunderbird, UPPER CASE answers inline in the quoted letter

def m11():
    s = {
        "a": "HAMEÇONNAGE : UN DE NOS BIOLOGISTES A SAISI SES IDENTIFIANTS OFFICE 365 SUR UNE FAUSSE PAGE DE CONNEXION REÇUE PAR COURRIEL.",
        "b": "SEULE LA MESSAGERIE A ÉTÉ TOUCHÉE : SA BOÎTE A SERVI À ENVOYER DU SPAM PENDANT UNE NUIT. AUCUN IMPACT SUR LES ANALYSES NI SUR LE SIL, L'ACTIVITÉ N'A PAS ÉTÉ INTERROMPUE.",
        "c": "MOT DE PASSE CHANGÉ LE JOUR MÊME, TOUTES LES SESSIONS RÉVOQUÉES, RÈGLE DE TRANSFERT MALVEILLANTE SUPPRIMÉE.",
        "d": "AUTHENTIFICATION MULTIFACTEUR (MFA) GÉNÉRALISÉE À TOUT LE PERSONNEL DU LABORATOIRE ET SESSION DE SENSIBILISATION AU PHISHING EN MARS.",
        "e": "NC-LAB-2021-019.",
    }
    top = """Bonjour,

Vous trouverez nos réponses en majuscules dans votre courrier ci-dessous.

Bien cordialement,

-- 
Dr Paul Renard
Biologiste chef de service
Laboratoire de biologie clinique – CHR Haute-Sambre
Tél. : 071 59 82 14
p.renard@chrhautesambre.be

Le 15/02/2021 à 11:02, QL_secretariat a écrit :
"""
    lines = [top.rstrip("\n")]
    for p in letter_paragraphs("fr"):
        lines += ["> " + l if l else ">" for l in wrap(p, 72).split("\n")]
        m = re.match(r"^([a-e])\) ", p)
        if m:
            lines += ["", wrap(s[m.group(1)], 72), ""]
        elif "personne de contact" in p:
            lines += ["", "CONTACT : MOI-MÊME (VOIR SIGNATURE).", ""]
        else:
            lines.append(">")
    body = leaf("plain", "\n".join(lines) + "\n", "utf-8", "8bit", extra_ct="; format=flowed")
    write("11-fr-thunderbird-uppercase-inline.eml", [
        "Subject: Re: Cyber attaque - labo 19377",
        "To: QL_secretariat <QL_secretariat@sciensano.be>",
        "References: <PR3P196MB1F2E3D4C5B6A7988@PR3P196MB1F2E.EURP196.prod.outlook.com>",
        "From: " + addr("Paul Renard", "p.renard@chrhautesambre.be"),
        "Message-ID: <a3f9c1d2-5e6b-4c7d-8e9f-0a1b2c3d4e5f@chrhautesambre.be>",
        "Date: Wed, 17 Feb 2021 18:26:05 +0100",
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.7.1",
        "MIME-Version: 1.0",
        "In-Reply-To: <PR3P196MB1F2E3D4C5B6A7988@PR3P196MB1F2E.EURP196.prod.outlook.com>",
        "Content-Language: fr",
    ], body)
    truth("11-fr-thunderbird-uppercase-inline.eml", "report", lab="19377", language="fr", sections=s,
          references=["NC-LAB-2021-019"],
          contact=("Paul Renard", "p.renard@chrhautesambre.be", "071 59 82 14"),
          cause=["phishing", "credentials"], impact=["email"], response=["password_reset"],
          prevention=["mfa", "training"], downtime=0,
          note="Thunderbird (8bit UTF-8, format=flowed): a short top-posted note with the signature ABOVE the quote, then the whole letter quoted with '> ' and the answers typed in UPPER CASE (unquoted) right after each quoted question 'a)'..'e)'. Contact 'MOI-MÊME' typed after the quoted contact paragraph => signer above. Activity 'pas été interrompue' => 0. The quoted letter mentions 'plan dégradé, sous-traitance' (must not become tags).")


# ---------------------------------------------------------------- 12 fr docx attachment only

def docx_bytes(paras):
    """paras: list of (text, bold). A minimal but valid WordprocessingML package."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = []
    for text, bold in paras:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        ppr = '<w:pPr><w:spacing w:before="240"/></w:pPr>' if bold else ""
        body.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r></w:p>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2021, 2, 25, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def m12():
    s = {
        "a": "Notre SIL est hébergé en mode cloud chez un prestataire externe. Le 21 janvier, ce prestataire a été victime d'un rançongiciel qui a chiffré l'ensemble de ses serveurs d'hébergement.",
        "b": "Le SIL a été inaccessible pendant 6 jours. Les résultats n'ont pas pu être transmis par Medibridge ; seuls les résultats urgents ont été communiqués par téléphone.",
        "c": "Application du plan dégradé : demandes et comptes rendus sur papier, analyses urgentes uniquement. Sous-traitance des analyses non urgentes au laboratoire du CHU de Charleroi.",
        "d": "Ajout de clauses de sécurité et de continuité dans le contrat avec le prestataire, audit annuel du prestataire, export quotidien des résultats vers un serveur de sauvegarde local au laboratoire.",
        "e": "Non-conformité NC-2021-022 ; plainte PL-21-005 d'un médecin traitant.",
    }
    heads = {"a": "Cause", "b": "Impact", "c": "Actions correctives", "d": "Mesures préventives", "e": "Référence qualité"}
    paras = [("Réponse au courrier Sciensano-AC-2021-04 – Clinique du Parc Léopold, laboratoire de biologie clinique (labo 66030)", True)]
    for k in "abcde":
        paras += [(heads[k], True), (s[k], False)]
    paras += [("Personne de contact : Dr Céline Maréchal, c.marechal@cliniqueduparc.be, 02 649 31 70", False)]
    docx = docx_bytes(paras)
    name = "Réponse cyberattaque labo 66030.docx"
    att = raw_part([
        'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\n\tname="' + hdr_q(name) + '"',
        'Content-Disposition: attachment;\n\tfilename*=utf-8\'\'' + "R%C3%A9ponse%20cyberattaque%20labo%2066030.docx",
        "Content-Transfer-Encoding: base64",
    ], base64.encodebytes(docx))
    body = multipart("mixed", "------------9A3C7E1F5B2D8E6A4C0F1B3D", [
        leaf("plain", "Voir le document ci-joint.\n", "utf-8", "7bit"), att])
    body = b"\nThis is a multi-part message in MIME format.\n" + body.split(b"\n\n", 1)[1]
    write("12-fr-docx-only.eml", [
        "To: QL_secretariat@sciensano.be",
        "From: " + addr("Céline Maréchal", "c.marechal@cliniqueduparc.be"),
        "Subject: " + hdr_b("Cyber attaque – labo 66030"),
        "Message-ID: <0c8d2e47-1b3a-4f59-a6e2-7d9c0b1f3a55@cliniqueduparc.be>",
        "Date: Thu, 25 Feb 2021 09:41:17 +0100",
        "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:78.0) Gecko/20100101 Thunderbird/78.7.1",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed;\n\tboundary="------------9A3C7E1F5B2D8E6A4C0F1B3D"',
        "Content-Language: fr",
    ], body)
    truth("12-fr-docx-only.eml", "report", lab="66030", language="fr", sections=s,
          references=["NC-2021-022", "PL-21-005"],
          contact=("Céline Maréchal", "c.marechal@cliniqueduparc.be", "02 649 31 70"),
          cause=["supplier", "ransomware"], impact=["lis", "results"],
          response=["degraded_mode", "paper", "subcontracting"], prevention=["audit", "backup"], downtime=6,
          note="Body only 'Voir le document ci-joint.'; answers in a minimal .docx (no styles.xml, only [Content_Types].xml, _rels/.rels, word/document.xml) under bold headings without letters ('Cause', 'Impact', 'Actions correctives', 'Mesures préventives', 'Référence qualité'); readable, so needs_review false. Attachment name non-ASCII (RFC 2231 filename*, RFC 2047 name). The title line mentions Sciensano-AC-2021-04 (not a reference). Cloud LIS provider hit = supplier.")


# ---------------------------------------------------------------- 13 Exchange NDR

def m13():
    t = """Your message to labo@biolab-meuse.be couldn't be delivered.

labo wasn't found at biolab-meuse.be.

Action Required
Unknown To address

How to Fix It
The address may be misspelled or may not exist. Try one or more of the following:
- Retype the recipient's address, then resend the message.
- Contact the recipient by some other means (by phone, for example) to confirm you're using the right address.

More Info for Email Admins
Status code: 550 5.1.1

Original Message Details
Created Date: 9/03/2021 10:14:02
Sender Address: QL_secretariat@sciensano.be
Recipient Address: labo@biolab-meuse.be
Subject: Cyber attaque – labo 77777

Error Details
Reported error: 550 5.1.1 <labo@biolab-meuse.be>: Recipient address rejected: User unknown in virtual mailbox table
DSN generated by: AM6PR09MB2851.eurprd09.prod.outlook.com
Remote server: mx.biolab-meuse.be
"""
    h = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div style=\"font-family:'Segoe UI',Frutiger,Arial,sans-serif\">" + \
        "".join(f"<p>{html.escape(p, quote=False).replace(chr(10), '<br>')}</p>" for p in t.strip().split("\n\n")) + "</div></body></html>\n"
    alt = multipart("alternative", "_001_AM6PR09MB2851NDR77777_", [
        leaf("plain", t, "utf-8", "quoted-printable"), leaf("html", h, "utf-8", "quoted-printable")])
    dsn = raw_part(["Content-Type: message/delivery-status"], """Reporting-MTA: dns;AM6PR09MB2851.eurprd09.prod.outlook.com
Received-From-MTA: dns;AM6PR09MB2851.eurprd09.prod.outlook.com
Arrival-Date: Tue, 9 Mar 2021 10:14:04 +0000

Final-Recipient: rfc822;labo@biolab-meuse.be
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp;550 5.1.1 <labo@biolab-meuse.be>: Recipient address rejected: User unknown in virtual mailbox table
Remote-MTA: dns;mx.biolab-meuse.be
X-Display-Name: Laboratoire Biolab Meuse
""")
    orig_txt = """Bonjour,

Nous vous remercions pour votre réponse du 22 février. Pourriez-vous encore nous communiquer le point e) (référence de l'enregistrement dans votre système qualité) ?

Pour rappel, votre réponse :
a) Rançongiciel via un accès RDP exposé.
b) SIL indisponible 4 jours.
c) Plan dégradé, sous-traitance de la microbiologie.
d) MFA, sauvegardes hors ligne.
e) -

Très cordialement,
Secrétariat Qualité des Laboratoires
Sciensano
"""
    orig = ("From: QL_secretariat <QL_secretariat@sciensano.be>\nTo: Laboratoire Biolab Meuse <labo@biolab-meuse.be>\n"
            "Subject: " + hdr_q("Cyber attaque – labo 77777") + "\nDate: Tue, 9 Mar 2021 10:14:02 +0000\n"
            "Message-ID: <AM6PR09MB28517F1E2D3C4B5A6978@AM6PR09MB2851.eurprd09.prod.outlook.com>\nMIME-Version: 1.0\n").encode("ascii") + \
        leaf("plain", orig_txt, "utf-8", "quoted-printable")
    rfc = raw_part(["Content-Type: message/rfc822"], orig)
    body = multipart("report", "_000_AM6PR09MB2851NDR77777_", [alt, dsn, rfc], extra=";\n\treport-type=delivery-status")
    write("13-bounce-exchange.eml", [
        "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@sciensano.be>",
        "To: <QL_secretariat@sciensano.be>",
        "Date: Tue, 9 Mar 2021 10:14:05 +0000",
        "Subject: " + hdr_q("Undeliverable: Cyber attaque – labo 77777"),
        "Message-ID: <5b1e2c8a-9d0f-4a6b-8c3e-77777ndr@AM6PR09MB2851.eurprd09.prod.outlook.com>",
        "In-Reply-To: <AM6PR09MB28517F1E2D3C4B5A6978@AM6PR09MB2851.eurprd09.prod.outlook.com>",
        "Auto-Submitted: auto-replied",
        "X-MS-Exchange-Message-Is-Ndr: ",
        "Content-Language: en-US",
        "MIME-Version: 1.0",
    ], body, crlf=True)
    truth("13-bounce-exchange.eml", "bounce",
          note="English Exchange NDR 'Undeliverable:' (multipart/report; report-type=delivery-status, text+HTML, DSN, message/rfc822). The returned original is Sciensano's reminder quoting the lab's a)-e) answers; it must not turn the bounce into a report.")


# ---------------------------------------------------------------- 14 LIS vendor newsletter

def m14():
    t = """Bekijk deze e-mail in uw browser: https://news.medisys-lab.eu/v/2021-03

MediSys Lab Solutions – Nieuwsbrief maart 2021

WEBINAR: Cyberbeveiliging voor uw LIS – dinsdag 16 maart 2021, 14u00

De cyberaanvallen van de voorbije maanden op Belgische ziekenhuizen en laboratoria hebben het nog eens aangetoond: ransomware kan een labo dagenlang platleggen. In dit gratis webinar van 45 minuten tonen onze experts hoe u uw LIS en de koppelingen met uw analysers beter beschermt:

- tweefactorauthenticatie voor alle gebruikers van MediSys LIMS;
- offline back-ups en een getest noodplan;
- segmentatie van het labonetwerk;
- veilige toegang op afstand voor onze supportdienst.

Inschrijven: https://news.medisys-lab.eu/webinar-cyber

Ook in deze nieuwsbrief: versie 8.4 van MediSys LIMS met nieuwe HL7-FHIR-koppeling voor eHealth.

U ontvangt deze e-mail omdat u klant bent van MediSys Lab Solutions.
Uitschrijven: https://news.medisys-lab.eu/unsubscribe?u=8f2c41
MediSys Lab Solutions NV – Researchpark 12 – 1731 Zellik
"""
    h = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>MediSys nieuwsbrief</title></head><body style=\"margin:0;background:#f4f4f4\"><table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\"><table width=\"600\" style=\"background:#ffffff;font-family:Arial,sans-serif\">" + \
        "".join(f"<tr><td style=\"padding:10px 24px\">{html.escape(p, quote=False).replace(chr(10), '<br>')}</td></tr>" for p in t.strip().split("\n\n")) + \
        "</table></td></tr></table><img src=\"https://news.medisys-lab.eu/o/8f2c41.gif\" width=\"1\" height=\"1\" alt=\"\"></body></html>\n"
    body = multipart("alternative", "b1_7a9e3c5d1f2b4e6a8c0d2f4b6e8a0c2e", [
        leaf("plain", t, "UTF-8", "quoted-printable"), leaf("html", h, "UTF-8", "quoted-printable")])
    write("14-newsletter-lis-vendor.eml", [
        "Return-Path: <bounce-8f2c41@bounces.medisys-lab.eu>",
        "From: MediSys Lab Solutions <news@medisys-lab.eu>",
        "Reply-To: MediSys Events <events@medisys-lab.eu>",
        "To: QL_secretariat@sciensano.be",
        "Subject: " + hdr_q("Webinar 16/03: cyberbeveiliging voor uw LIS – schrijf u nu in"),
        "Date: Tue, 2 Mar 2021 08:00:12 +0000",
        "Message-ID: <20210302080012.8f2c41.1029@news.medisys-lab.eu>",
        "List-Unsubscribe: <https://news.medisys-lab.eu/unsubscribe?u=8f2c41>, <mailto:unsubscribe-8f2c41@bounces.medisys-lab.eu>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "List-Id: MediSys klanten <klanten.news.medisys-lab.eu>",
        "Precedence: bulk",
        "X-Mailer: Sendinblue",
        "MIME-Version: 1.0",
    ], body)
    truth("14-newsletter-lis-vendor.eml", "unrelated",
          note="Dutch newsletter of a LIS vendor about a cyber-security webinar (ransomware, MFA, noodplan, segmentatie, LIS, analysers, HL7, eHealth all appear) with List-Unsubscribe/List-Id/Precedence: bulk: not a report.")


# ---------------------------------------------------------------- self-check

def texts_of(path):
    """All decoded text of a message: text parts, HTML stripped of tags, docx runs."""
    msg = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    out = []
    for part in msg.walk():
        ct = part.get_content_type()
        if ct in ("text/plain", "text/html"):
            t = part.get_content()
            if ct == "text/html":
                t = html.unescape(re.sub(r"<[^>]+>", " ", t))
            out.append(t)
        elif ct.endswith("wordprocessingml.document"):
            z = zipfile.ZipFile(io.BytesIO(part.get_payload(decode=True)))
            xml = z.read("word/document.xml").decode("utf-8")
            out.append(" ".join(html.unescape(x) for x in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)))
    return msg, out


def toks(t):
    return re.findall(r"\w+", t.lower())


def check():
    bad = 0
    for t in TRUTH:
        msg, parts = texts_of(os.path.join(HERE, t["file"]))
        if msg.defects:
            print(t["file"], "defects", msg.defects)
            bad += 1
        for k, v in t["sections"].items():
            if not v:
                continue
            want = " ".join(toks(v))
            if not any(want in " ".join(toks(p.replace("\n> ", " ").replace("\n", " "))) for p in parts):
                print(t["file"], "section", k, "not found verbatim")
                bad += 1
        for r in t["references"]:
            if not any(r in p for p in parts):
                print(t["file"], "reference", r, "missing")
                bad += 1
    return bad


def main():
    for f in (m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14):
        f()
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(TRUTH, f, ensure_ascii=False, indent=1)
        f.write("\n")
    bad = check()
    print(f"{len(TRUTH)} messages, {bad} self-check problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
