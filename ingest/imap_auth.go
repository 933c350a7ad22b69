package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-sasl"
)

// ErrAuth marks a login the server refused.
var ErrAuth = errors.New("authentication failed")

// login authenticates s with the configured mechanism. Secrets are sent only
// over TLS or to a loopback address (dialIMAP refuses anything else).
func (s *imapSession) login(ctx context.Context, cfg *IMAPConfig) error {
	mech := cfg.Auth
	caps := s.c.Caps()
	if mech == "auto" {
		switch {
		case cfg.TokenFile != "" || cfg.TokenCommand != "" || cfg.Token != "":
			mech = "xoauth2"
			if caps.Has(imap.AuthCap(sasl.OAuthBearer)) {
				mech = "oauthbearer"
			}
		case caps.Has(imap.AuthCap(sasl.Plain)):
			mech = "plain"
		default:
			mech = "login"
		}
	}
	var err error
	switch mech {
	case "login":
		if caps.Has(imap.CapLoginDisabled) {
			return &PermanentError{fmt.Errorf("%w: server %s has LOGINDISABLED (no TLS?)", ErrConfig, s.host)}
		}
		err = s.c.Login(cfg.User, cfg.Password).Wait()
	case "plain":
		err = s.c.Authenticate(sasl.NewPlainClient("", cfg.User, cfg.Password))
	case "xoauth2", "oauthbearer":
		var tok string
		if tok, err = accessToken(ctx, cfg); err != nil {
			return err
		}
		if mech == "xoauth2" {
			err = s.c.Authenticate(&xoauth2Client{user: cfg.User, token: tok})
		} else {
			_, port, _ := splitAddr(cfg.Addr, cfg.TLS)
			p, _ := strconv.Atoi(port)
			err = s.c.Authenticate(sasl.NewOAuthBearerClient(&sasl.OAuthBearerOptions{Username: cfg.User, Token: tok, Host: s.host, Port: p}))
		}
	}
	if err != nil {
		return authError(cfg, mech, s.host, err)
	}
	return nil
}

// authError tells a refused login (retry much later: lockout policies
// punish storms) from a broken connection (retry soon).
func authError(cfg *IMAPConfig, mech, host string, err error) error {
	var ie *imap.Error
	var oe *sasl.OAuthBearerError
	var xe *xoauth2Error
	// NO [UNAVAILABLE] and NO [INUSE] (RFC 5530) say the server cannot
	// check the credentials just now: a temporary failure, not a refusal.
	if errors.As(err, &ie) && (ie.Code == imap.ResponseCodeUnavailable || ie.Code == imap.ResponseCodeInUse) {
		return fmt.Errorf("%s login at %s: server temporarily unable to log in: %w", strings.ToUpper(mech), host, err)
	}
	if errors.As(err, &ie) && (ie.Type == imap.StatusResponseTypeNo || ie.Type == imap.StatusResponseTypeBad) ||
		errors.As(err, &oe) || errors.As(err, &xe) {
		return &PermanentError{fmt.Errorf("%w: %s login as %q at %s: %v", ErrAuth, strings.ToUpper(mech), cfg.User, host, err)}
	}
	return fmt.Errorf("%s login at %s: %w", strings.ToUpper(mech), host, err)
}

// accessToken gets the OAuth2 access token: from the client-credentials
// cache, or afresh (they expire within an hour) from the command's output,
// the file, or the environment.
func accessToken(ctx context.Context, cfg *IMAPConfig) (string, error) {
	var tok string
	switch {
	case cfg.appTokens != nil:
		t, err := cfg.appTokens.token()
		if err != nil {
			return "", err
		}
		tok = t
	case cfg.TokenCommand != "":
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(cctx, "sh", "-c", cfg.TokenCommand)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			// The command's stderr may help; its stdout (a token) is never shown.
			return "", fmt.Errorf("token command: %w: %s", err, strings.TrimSpace(stderr.String()))
		}
		tok = string(out)
	case cfg.TokenFile != "":
		b, err := os.ReadFile(cfg.TokenFile)
		if err != nil {
			return "", fmt.Errorf("token file: %w", err)
		}
		tok = string(b)
	default:
		tok = cfg.Token
	}
	tok = strings.TrimSpace(tok)
	if tok == "" || strings.ContainsAny(tok, "\x01\r\n ") {
		return "", fmt.Errorf("%w: the OAuth2 access token is empty or malformed", ErrConfig)
	}
	return tok, nil
}

// xoauth2Client is Google's and Microsoft's XOAUTH2 SASL mechanism, which
// go-sasl lacks (emersion/go-sasl#21): the initial response is
// "user=U^Aauth=Bearer T^A^A"; on failure the server sends a JSON error as a
// challenge, to which the client answers with an empty response to receive
// the final NO.
type xoauth2Client struct {
	user, token string
	failed      []byte
}

func (c *xoauth2Client) Start() (string, []byte, error) {
	return "XOAUTH2", []byte("user=" + c.user + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
}

func (c *xoauth2Client) Next(challenge []byte) ([]byte, error) {
	if c.failed != nil {
		return nil, &xoauth2Error{detail: string(c.failed)}
	}
	c.failed = append([]byte{}, challenge...)
	return []byte{}, nil
}

type xoauth2Error struct{ detail string }

func (e *xoauth2Error) Error() string { return "XOAUTH2 refused: " + e.detail }
