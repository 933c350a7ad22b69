package mailparse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"cyberintake/classify"
)

// Options tune Parse. A nil *Options is valid and means the defaults.
type Options struct {
	// MaxSize is the largest message accepted, in bytes; larger ones get an
	// Error in their Result. Zero means 50 MiB.
	MaxSize int64
	// MaxDepth bounds MIME nesting (multipart in multipart, message/rfc822
	// in multipart...). Zero means 20.
	MaxDepth int
	// MaxAttachmentReads bounds the attachments whose text is extracted;
	// the others are listed, with a warning. Zero means 20.
	MaxAttachmentReads int
	// MaxAttachmentBytes bounds the decompressed bytes read from all
	// attachments together. Zero means 16 MiB.
	MaxAttachmentBytes int64
	// TimeBudget is the wall-clock time one message may take; what is
	// left when it runs out is not read, with a warning. Zero means 2s.
	TimeBudget time.Duration
}

// Parse reads one raw RFC 5322 message. It never panics and never returns
// nil: a message it cannot read at all has Result.Error set.
func Parse(raw []byte, opts *Options) (res *Result) {
	defer func() {
		if p := recover(); p != nil {
			res = Failed("", fmt.Errorf("internal error while parsing: %v", p))
		}
	}()
	d, err := decode(raw, opts)
	if err != nil {
		return Failed("", err)
	}
	return read(d)
}

// ParseReader reads a message from r, refusing one larger than MaxSize.
func ParseReader(r io.Reader, opts *Options) *Result {
	limit := int64(defaultMaxSize)
	if opts != nil && opts.MaxSize > 0 {
		limit = opts.MaxSize
	}
	var buf bytes.Buffer
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		// A file says its size: one buffer of that size, not the
		// doubling copies that left two to three times a large
		// message in memory.
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() <= limit {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	n, err := io.Copy(&buf, io.LimitReader(r, limit+1))
	if err != nil {
		return Failed("", fmt.Errorf("read message: %w", err))
	}
	if n > limit {
		return Failed("", errors.New("message is over the "+sizeLabel(limit)+" limit"))
	}
	return Parse(buf.Bytes(), opts)
}

// Failed returns the Result for a file that could not be read at all.
func Failed(file string, err error) *Result {
	r := &Result{File: file, Kind: KindUnrelated, References: []string{}, ReviewReasons: []string{}, Attachments: []Attachment{}, Warnings: []string{}, Tags: emptyTags()}
	r.Error = fmt.Sprint(err)
	return r
}

func emptyTags() classify.Tags {
	return classify.Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}}
}

// read turns decoded text and headers into a Result. What decoding asks a
// person to look at (input cut short, attachments or parts left unread)
// holds whatever the kind: a message not read whole may be misread.
func read(d *decoded) (res *Result) {
	res = &Result{
		MessageID:     d.MessageID,
		From:          d.From,
		Date:          d.Date,
		Subject:       d.Subject,
		InReplyTo:     d.InReplyTo,
		Thread:        d.Thread,
		References:    []string{},
		ReviewReasons: []string{},
		Attachments:   append([]Attachment{}, d.Attachments...),
		Warnings:      append([]string{}, d.Warnings...),
		Tags:          emptyTags(),
	}
	res.review(d.Review...)
	defer func() {
		warns, reasons := d.budget.notes(false)
		res.Warnings = append(res.Warnings, warns...)
		res.review(reasons...)
		boundWarnings(res.Warnings)
		cleanResult(res)
	}()
	subj := parseSubject(d.Subject)
	segs := segments(splitLines(d.Text))
	own := segs[0]
	names := nameTokens(d.FromName)

	own0 := ownText(own.Lines)
	res.OwnText = own0
	ki := kindInfo{
		Header:   d.Header,
		From:     d.From,
		FromName: d.FromName,
		Subject:  subj,
		Delivery: d.DeliveryStatus,
		OwnText:  own0,
		IsReply:  d.InReplyTo != "" || subj.Reply,
		CitesRef: citesLetter(own0) || citesLetter(d.Subject),
	}
	// Bounces, automatic replies and newsletters are told by their headers
	// and subject whatever the body answers: no need to read it.
	ki.Answered = 5
	if k, _ := classifyKind(ki); k != KindReport {
		res.Kind = k
		return res
	}

	rd := readAnswers(d, segs, subj, names)
	ki.Answered, ki.Prose = rd.structured, rd.sections.Answered-rd.structured
	if !subj.Convention {
		ki.Relevant = relevantAnswers(rd.sections.Answers)
	}
	kind, warn := classifyKind(ki)
	res.Kind = kind
	if kind != KindReport {
		return res
	}
	if warn != "" {
		res.Warnings = append(res.Warnings, warn)
	}
	res.Lab = subj.Lab
	if subj.Convention && subj.Lab == nil {
		res.Warnings = append(res.Warnings, "subject names no lab (placeholder left as written)")
	}
	a := rd.sections.Answers
	res.Sections = Sections{A: a[0], B: a[1], C: a[2], D: a[3], E: a[4]}
	res.Warnings = append(res.Warnings, rd.warnings...)
	res.review(rd.reasons...)
	res.References = references(a[4])

	// The lab's own words: the answers, else its own text.
	all := strings.TrimSpace(strings.Join(a[:], "\n"))
	langText := all
	if len(langText) < 40 {
		langText = strings.TrimSpace(all + "\n" + own0 + "\n" + rd.extraText)
	}
	res.Language = classify.Language(langText)
	res.Tags = classify.Tag(res.Sections.Answers())
	fixTags(&res.Tags)
	if all != "" {
		if days, ok := classify.DowntimeOf(a); ok {
			res.DowntimeDays = &days
		}
	}

	res.Contact = contactOf(d, segs, rd)
	res.IncidentDate = incidentDate(incidentText(own0, rd), sentTime(d.Date), res.Language)
	return res
}

// contactOf finds the contact person in the sender's text, the forwarded
// report the answers came from, and readable attachments, in that order
// (the forwarded author first when Sciensano forwards a lab's reply).
func contactOf(d *decoded, segs []segment, rd answersRead) Contact {
	own := segs[0]
	signer := signerOf(own.Lines, d.From, d.FromName)
	srcs := []contactSource{{Lines: own.Lines, Signer: signer}}
	forwardedBySciensano := isSciensanoAddress(d.From)
	for _, s := range rd.used {
		src := contactSource{Lines: s.Lines, Signer: signerOf(s.Lines, addrOf(s.From), nameOf(s.From))}
		if forwardedBySciensano {
			srcs = append([]contactSource{src}, srcs...)
			continue
		}
		srcs = append(srcs, src)
	}
	for _, t := range d.AttachmentTexts {
		if d.budget.over("the attachments' text") {
			break
		}
		srcs = append(srcs, contactSource{Lines: splitLines(t), Signer: signer})
	}
	for _, s := range segs[1:] {
		if s.Letter { // answers typed between the letter's lines
			srcs = append(srcs, contactSource{Lines: s.Lines, Signer: signer, Letter: true})
		}
	}
	c := findContact(srcs, peopleOf(d, segs))
	if c.Email == "" && c.Name == signer.Name {
		c.Email = signer.Email
	}
	return c
}

// relevantAnswers counts the answers whose words belong to a cyber
// incident: a lettered list about other business is no report.
func relevantAnswers(a [5]string) int {
	n := 0
	for _, s := range a {
		if s == "" {
			continue
		}
		if q, score := proseQuestion(s); score > 0 || q >= 0 && len(references(s)) > 0 {
			n++
		}
	}
	return n
}

func fixTags(t *classify.Tags) {
	for _, p := range []*[]string{&t.Cause, &t.Impact, &t.Response, &t.Prevention} {
		if *p == nil {
			*p = []string{}
		}
	}
}

// answersRead is where the answers were found.
type answersRead struct {
	sections   sectionResult
	used       []segment // forwarded segments the answers came from
	extraText  string
	structured int // answers found under headings (not sentence by sentence)
	warnings   []string
	reasons    []string // review reasons; needs review when not empty
}

// readAnswers finds the answers: in the sender's own text; in a forwarded
// report when the sender only adds a note; in readable attachments when
// the body points to them; else, for prose replies, sentence by sentence.
func readAnswers(d *decoded, segs []segment, subj subjectInfo, names map[string]bool) answersRead {
	var rd answersRead
	own := segs[0]
	ctx := sectionCtx{NameTokens: names}
	rd.sections = extractSections(own.Lines, ctx)

	// A forward whose note answers little: the report is forwarded. A
	// reply quoting an earlier mail is read only when it answers nothing
	// itself (a follow-up that completes e) must not take the answers it
	// quotes).
	if rd.sections.Answered < 3 {
		silent := -1 // computed when a quoted message of the lab's side is met
		for _, s := range segs[1:] {
			if s.Letter {
				continue
			}
			if !s.Forward && !subj.Forward {
				if rd.sections.Answered > 0 || !quotesOwnSide(s, d.From) {
					continue
				}
				if silent < 0 {
					silent = proseSections(own.Lines, ctx).Answered
				}
				if silent > 0 {
					continue
				}
			}
			fctx := sectionCtx{NameTokens: mergeTokens(names, nameTokens(nameOf(s.From)))}
			fr := extractSections(s.Lines, fctx)
			if fr.Answered > rd.sections.Answered {
				note := rd.sections
				if note.Answered == 0 {
					note = proseSections(own.Lines, ctx)
				}
				for q := range fr.Answers {
					if note.Answers[q] != "" && (fr.Answers[q] == "" || isPlaceholderAnswer(fr.Answers[q])) {
						fr.Answers[q] = note.Answers[q]
					}
				}
				fr.Answered = countAnswers(fr.Answers)
				rd.sections = fr
				rd.used = append(rd.used, s)
				rd.warnings = append(rd.warnings, "answers read from the forwarded or quoted message")
				break
			}
		}
	}
	// Answers typed into the letter below the reply (Outlook replies
	// have no "> " marks): the letter's own lines are set apart.
	if rd.sections.Answered < 2 {
		for _, s := range segs[1:] {
			if !s.Letter {
				continue
			}
			lr := extractSections(markLetterLines(s.Lines), ctx)
			if lr.Answered >= 2 && lr.Answered > rd.sections.Answered {
				rd.sections = lr
				rd.warnings = append(rd.warnings, "answers read between the lines of the quoted letter")
				break
			}
		}
	}
	if rd.sections.Answered == 0 && len(d.AttachmentTexts) > 0 {
		for _, t := range d.AttachmentTexts {
			if d.budget.over("the attachments' text") {
				break
			}
			ar := extractSections(splitLines(t), ctx)
			if ar.Answered == 0 {
				ar = proseSections(splitLines(t), ctx)
			}
			if ar.Answered > rd.sections.Answered {
				rd.sections = ar
				rd.extraText = t
			}
		}
		if rd.sections.Answered > 0 {
			rd.warnings = append(rd.warnings, "answers read from an attachment")
		}
	}
	rd.structured = rd.sections.Answered
	if rd.sections.Answered == 0 {
		rd.sections = proseSections(own.Lines, ctx)
		if rd.sections.Answered > 0 {
			rd.warnings = append(rd.warnings, "no question labels: answers assigned sentence by sentence")
		}
	}
	if rd.sections.Answered == 0 && len(d.Unreadable) > 0 {
		rd.reasons = append(rd.reasons, ReasonUnreadableAttachment)
		rd.warnings = append(rd.warnings, "answers seem to be in an attachment that could not be read: "+nameList(d.Unreadable))
	}
	own0 := ""
	if rd.sections.Answered == 0 {
		own0 = ownText(own.Lines)
	}
	if rd.sections.Answered == 0 && len(rd.reasons) == 0 && len(strings.TrimSpace(own0)) > 600 {
		// A long reply in which no answer could be told apart.
		rd.sections.Ambiguous = true
	}
	if rd.sections.Answered == 0 && len(rd.reasons) == 0 && pointsToAttachmentRe.MatchString(own0) {
		rd.reasons = append(rd.reasons, ReasonMissingAttachment)
		rd.warnings = append(rd.warnings, "the reply points to an attachment that is missing or holds no answers")
	}
	if rd.sections.Ambiguous {
		rd.reasons = append(rd.reasons, ReasonSectionsNotToldApart)
		rd.warnings = append(rd.warnings, "sections could not be told apart")
	}
	return rd
}

// pointsToAttachmentRe is a reply saying its answers are attached.
var pointsToAttachmentRe = regexp.MustCompile(`(?i)(pi[èe]ce[s]? jointe|en annexe|ci-joint|bijlage|anhang|anbei|beigef[üu]gt|attach(ed|ment))`)

// quotesOwnSide tells a quoted message written on the lab's side: its
// author shares the sender's mail domain.
func quotesOwnSide(s segment, from string) bool {
	a := addrOf(s.From)
	i, j := strings.LastIndexByte(a, '@'), strings.LastIndexByte(from, '@')
	return i > 0 && j > 0 && strings.EqualFold(a[i:], from[j:])
}

func countAnswers(a [5]string) int {
	n := 0
	for _, s := range a {
		if s != "" {
			n++
		}
	}
	return n
}

// isPlaceholderAnswer tells an answer that defers to someone else ("à
// compléter par la qualité", "to be completed", "aan te vullen").
func isPlaceholderAnswer(s string) bool {
	f := fold(s)
	if len(f) > 80 {
		return false
	}
	return containsAny(f, placeholderAnswers)
}

// placeholderAnswers are folded, so written without accents.
var placeholderAnswers = []string{"a completer", "to be completed", "tbd", "to follow", "aan te vullen", "in te vullen", "zu erganzen", "wird nachgereicht", "a venir", "suivra"}

// nameTokens are the words of a display name.
func nameTokens(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words(name) {
		if len(w) > 1 && !titleWords[w] {
			m[w] = true
		}
	}
	return m
}

func mergeTokens(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// addrOf and nameOf split a header value "Name <addr>".
func addrOf(v string) string {
	if e := findEmail(v); e != "" {
		return strings.ToLower(e)
	}
	return ""
}

func nameOf(v string) string {
	if i := strings.Index(v, "<"); i > 0 {
		return strings.Trim(strings.TrimSpace(v[:i]), `"'`)
	}
	if strings.Contains(v, "@") {
		return ""
	}
	return strings.TrimSpace(v)
}

// peopleOf maps addresses to display names of everyone the message names:
// the sender, Cc, and the authors of quoted and forwarded messages.
func peopleOf(d *decoded, segs []segment) map[string]string {
	m := map[string]string{}
	add := func(addr, name string) {
		addr = mailAddress(strings.ToLower(addr))
		n := personDisplayName(name)
		if addr == "" || n == "" || isSciensanoAddress(addr) {
			return
		}
		if _, ok := m[addr]; !ok {
			m[addr] = n
		}
	}
	add(d.From, d.FromName)
	for _, key := range []string{"Cc", "To", "Reply-To"} {
		if list, err := d.Header.AddressList(key); err == nil {
			for _, a := range list {
				add(a.Address, a.Name)
			}
		}
	}
	for _, s := range segs[1:] {
		add(addrOf(s.From), nameOf(s.From))
	}
	return m
}
