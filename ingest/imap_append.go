package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
)

// DraftsMailbox is the name used for the drafts folder when the server
// marks none with \Drafts (RFC 6154) and none is named.
const DraftsMailbox = "Drafts"

// AppendResult says where AppendDraft put a message.
type AppendResult struct {
	Mailbox string
	UID     uint32 // 0 when the server does not say (no UIDPLUS)
	Created bool   // the mailbox did not exist and was created
}

// DraftsFolder is one logged-in connection to the account's drafts
// folder, so that many drafts (followup --all) cost one login, not one
// each: lockout policies count logins.
type DraftsFolder struct {
	s       *imapSession
	stop    func() bool
	mailbox string
}

// OpenDrafts connects with the daemon's connection settings (cfg: server,
// TLS, credentials) and picks the drafts folder: mailbox when named, else
// the one the server marks \Drafts (RFC 6154), else DraftsMailbox, which
// the first Append creates when missing.
func OpenDrafts(ctx context.Context, cfg *IMAPConfig, mailbox string) (*DraftsFolder, error) {
	s, err := dialIMAP(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// imapclient takes no context: cancelling closes the connection, which
	// ends whatever command is waiting.
	f := &DraftsFolder{s: s, stop: context.AfterFunc(ctx, s.abort), mailbox: mailbox}
	if err := s.login(ctx, cfg); err != nil {
		f.stop()
		s.c.Close()
		return nil, err
	}
	if f.mailbox == "" {
		if f.mailbox, err = s.draftsMailbox(); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// Append stores raw in the drafts folder with the \Draft (and \Seen)
// flags. Nothing is sent: a person opens the draft in their mail program,
// reads it and sends it.
func (f *DraftsFolder) Append(raw []byte) (*AppendResult, error) {
	res := &AppendResult{Mailbox: f.mailbox}
	if err := f.s.appendDraft(res, raw); err != nil {
		return nil, fmt.Errorf("append to %q on %s: %w", res.Mailbox, f.s.host, err)
	}
	return res, nil
}

// Close logs out.
func (f *DraftsFolder) Close() {
	f.stop()
	f.s.close()
}

// AppendDraft appends one draft over its own connection (OpenDrafts,
// Append, Close).
func AppendDraft(ctx context.Context, cfg *IMAPConfig, mailbox string, raw []byte) (*AppendResult, error) {
	f, err := OpenDrafts(ctx, cfg, mailbox)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Append(raw)
}

// draftsMailbox finds the mailbox marked \Drafts, else DraftsMailbox.
func (s *imapSession) draftsMailbox() (string, error) {
	var opts *imap.ListOptions
	if s.c.Caps().Has(imap.CapSpecialUse) {
		opts = &imap.ListOptions{ReturnSpecialUse: true}
	}
	boxes, err := s.c.List("", "*", opts).Collect()
	if err != nil {
		return "", fmt.Errorf("list mailboxes on %s: %w", s.host, err)
	}
	for _, b := range boxes {
		for _, a := range b.Attrs {
			if strings.EqualFold(string(a), string(imap.MailboxAttrDrafts)) {
				return b.Mailbox, nil
			}
		}
	}
	return DraftsMailbox, nil
}

// appendDraft APPENDs raw to res.Mailbox, creating the mailbox once when
// the server says it does not exist (TRYCREATE, or NO on a missing one).
func (s *imapSession) appendDraft(res *AppendResult, raw []byte) error {
	opts := &imap.AppendOptions{Flags: []imap.Flag{imap.FlagDraft, imap.FlagSeen}, Time: time.Now()}
	data, err := s.append(res.Mailbox, raw, opts)
	if err != nil && s.missing(res.Mailbox) {
		var co *imap.CreateOptions
		if s.c.Caps().Has(imap.CapCreateSpecialUse) && res.Mailbox == DraftsMailbox {
			co = &imap.CreateOptions{SpecialUse: []imap.MailboxAttr{imap.MailboxAttrDrafts}}
		}
		if cerr := s.c.Create(res.Mailbox, co).Wait(); cerr != nil {
			return fmt.Errorf("%w; create: %v", err, cerr)
		}
		res.Created = true
		data, err = s.append(res.Mailbox, raw, opts)
	}
	if err != nil {
		return err
	}
	res.UID = uint32(data.UID)
	return nil
}

func (s *imapSession) append(mbox string, raw []byte, opts *imap.AppendOptions) (*imap.AppendData, error) {
	cmd := s.c.Append(mbox, int64(len(raw)), opts)
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return nil, err
	}
	if err := cmd.Close(); err != nil {
		return nil, err
	}
	return cmd.Wait()
}

// missing tells whether mbox does not exist (asked with STATUS, which
// every server answers, rather than read from the APPEND's error text).
func (s *imapSession) missing(mbox string) bool {
	_, err := s.c.Status(mbox, &imap.StatusOptions{NumMessages: true}).Wait()
	return err != nil
}
