package mailparse

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

const docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>1) Cause probable</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Accès via </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>TeamViewer</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>SIL à l'arrêt</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>automates</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t>facturation</w:t></w:r></w:p>
<w:p/>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>e) Référence</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>NC-2021-0032</w:t></w:r></w:p><w:p><w:r><w:t>PL-2021-004</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Contact</w:t></w:r><w:r><w:tab/><w:t>A. Gérard</w:t></w:r><w:r><w:br/><w:t>+32 83 21 90 45</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
</w:body>
</w:document>`

// makeZip builds a zip archive in memory from name/content pairs.
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocxText(t *testing.T) {
	doc := makeZip(t, "[Content_Types].xml", "<Types/>", "word/document.xml", docxBody)
	got, err := docxText(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "1) Cause probable\n" +
		"Accès via TeamViewer.\n" +
		"- SIL à l'arrêt\n" +
		"  - automates\n" +
		"- facturation\n" +
		"\n" +
		"e) Référence | NC-2021-0032\nPL-2021-004\n" +
		"Contact\tA. Gérard\n+32 83 21 90 45"
	if got != want {
		t.Errorf("docx text:\n%s\nwant:\n%s", got, want)
	}
}

func TestDocxRefused(t *testing.T) {
	// 21 MiB of zeros compresses to about 21 KiB: a small zip bomb.
	bomb := makeZip(t, "word/document.xml", "<w:document><w:body><w:p><w:r><w:t>"+strings.Repeat("\x00", 21<<20))
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"zip bomb", bomb, "limit"},
		{"not a zip", []byte("PK\x03\x04 not really"), "not a zip"},
		{"no document", makeZip(t, "word/styles.xml", "<x/>"), "no word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := docxText(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// TestDecodeDocxAttachment runs a docx and a zip bomb through the whole
// decode: the first gives attachment text, the second is listed as
// unreadable with a warning, and neither fails the message.
func TestDecodeDocxAttachment(t *testing.T) {
	doc := makeZip(t, "word/document.xml", docxBody)
	bomb := makeZip(t, "word/document.xml", strings.Repeat("<w:p/>", 4<<20))
	msg := "From: Lab <lab@example.be>\r\nSubject: =?utf-8?B?Q3liZXIgYXR0YXF1ZSDigJMgbGFibyA1Mjg3MA==?=\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n" +
		"--xx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVoir pièce jointe.\r\n" +
		"--xx\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n" +
		"Content-Disposition: attachment;\r\n filename*=utf-8''R%C3%A9ponse%20Sciensano.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		wrap76(base64.StdEncoding.EncodeToString(doc)) +
		"--xx\r\nContent-Type: application/octet-stream; name=\"bomb.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		wrap76(base64.StdEncoding.EncodeToString(bomb)) +
		"--xx--\r\n"
	d := mustDecode(t, []byte(msg))
	if d.Subject != "Cyber attaque – labo 52870" {
		t.Errorf("subject %q", d.Subject)
	}
	if len(d.Attachments) != 2 || d.Attachments[0].Name != "Réponse Sciensano.docx" || d.Attachments[0].Size != int64(len(doc)) {
		t.Fatalf("attachments %+v", d.Attachments)
	}
	if len(d.AttachmentTexts) != 1 || !strings.Contains(d.AttachmentTexts[0], "- SIL à l'arrêt") {
		t.Errorf("attachment texts %q", d.AttachmentTexts)
	}
	if len(d.Unreadable) != 1 || d.Unreadable[0].Name != "bomb.docx" {
		t.Errorf("unreadable %+v", d.Unreadable)
	}
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "bomb.docx could not be read") {
		t.Errorf("warnings %q", d.Warnings)
	}
}

func wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76])
		b.WriteString("\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:body><office:text>
<text:h text:outline-level="1">a) Oorzaak</text:h>
<text:p>Phishing<text:s/>via <text:span>e-mail</text:span>.</text:p>
<text:list><text:list-item><text:p>LIS uit</text:p></text:list-item>
<text:list-item><text:p>geen resultaten</text:p><text:list><text:list-item><text:p>ook geen fax</text:p></text:list-item></text:list></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>e) Referentie</text:p></table:table-cell><table:table-cell><text:p>NC-21-3</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`

func TestOdtText(t *testing.T) {
	got, err := odtText(makeZip(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", odtContent))
	if err != nil {
		t.Fatal(err)
	}
	want := "a) Oorzaak\nPhishing via e-mail.\n- LIS uit\n- geen resultaten\n  - ook geen fax\ne) Referentie | NC-21-3"
	if got != want {
		t.Errorf("odt text:\n%s\nwant:\n%s", got, want)
	}
}

// TestDecodeEmlAttachment checks that a saved message attached as
// application/octet-stream is rendered as a forward and listed.
func TestDecodeEmlAttachment(t *testing.T) {
	inner := "From: IT <it@lab.be>\r\nSubject: Rapport\r\nDate: Mon, 1 Mar 2021 10:00:00 +0100\r\n\r\nOorzaak: phishing.\r\n"
	msg := "From: a@lab.be\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n" +
		"--b\r\nContent-Type: application/octet-stream; name=\"Rapport.eml\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		wrap76(base64.StdEncoding.EncodeToString([]byte(inner))) +
		"--b\r\nContent-Type: application/octet-stream; name=\"broken.eml\"\r\n\r\n\x00\x01\x02\r\n--b--\r\n"
	d := mustDecode(t, []byte(msg))
	want := "Zie bijlage.\n\n-------- Forwarded message --------\nFrom: IT <it@lab.be>\nDate: Mon, 1 Mar 2021 10:00:00 +0100\nSubject: Rapport\n\nOorzaak: phishing.\n"
	if d.Text != want {
		t.Errorf("text %q\nwant %q", d.Text, want)
	}
	if len(d.Attachments) != 2 || d.Attachments[0].Name != "Rapport.eml" || d.Attachments[0].ContentType != "message/rfc822" {
		t.Errorf("attachments %+v", d.Attachments)
	}
	if len(d.Unreadable) != 1 || d.Unreadable[0].Name != "broken.eml" {
		t.Errorf("unreadable %+v", d.Unreadable)
	}
}

// docxText extracts the text of a .docx (Office Open XML) file: one line
// per paragraph, list paragraphs (w:numPr or a List style) as "- item"
// (indented two spaces per level), table rows as lines with cells joined by
// " | " like HTML tables, line breaks and tabs kept.
func docxText(b []byte) (string, error) {
	text, _, err := zipXMLText(b, "word/document.xml", docxXMLText, newBudget(nil))
	return text, err
}

// odtText extracts the text of an OpenDocument text file (.odt, what
// LibreOffice saves) with the conventions of docxText: a line per
// paragraph or heading, list items as "- item" indented per nesting
// level, table rows with cells joined by " | ".
func odtText(b []byte) (string, error) {
	text, _, err := zipXMLText(b, "content.xml", odtXMLText, newBudget(nil))
	return text, err
}
