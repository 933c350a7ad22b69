package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Microsoft 365 / Exchange Online takes no passwords over IMAP: an
// application registered in Entra ID, granted IMAP.AccessAsApp and access
// to the mailbox, gets access tokens with the OAuth2 client-credentials
// grant and logs in with XOAUTH2 as the mailbox's address. The daemon does
// this itself (oauth-tenant, oauth-client-id, oauth-client-secret-file or a
// certificate, see imap_oauth_cert.go), so
// no token helper has to be installed and kept running beside it.

// DefaultOAuthScope is the scope Exchange Online's IMAP asks of an app.
const DefaultOAuthScope = "https://outlook.office365.com/.default"

// tokenRefreshEarly: a token is replaced this long before it expires, so
// that a login never presents one that expires during the handshake.
const tokenRefreshEarly = 5 * time.Minute

// appTokens caches the access token of the client-credentials flow in
// memory (Entra ID issues them for 60 to 90 minutes) and fetches a new one
// before it expires. Safe for the daemon's concurrent logins.
type appTokens struct {
	url string
	src oauth2.TokenSource
}

func newAppTokens(c *IMAPConfig, cert *clientCert) *appTokens {
	cc := clientcredentials.Config{
		ClientID:     c.OAuthClientID,
		ClientSecret: c.OAuthClientSecret,
		TokenURL:     c.OAuthTokenURL,
		Scopes:       []string{c.OAuthScope},
	}
	// The token request gets its own deadline: it runs inside a login.
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Timeout: 30 * time.Second})
	src := cc.TokenSource(ctx)
	if cert != nil {
		src = &assertionSource{ctx: ctx, cc: cc, cert: cert}
	}
	return &appTokens{url: c.OAuthTokenURL, src: oauth2.ReuseTokenSourceWithExpiry(nil, src, tokenRefreshEarly)}
}

// token returns a valid access token, from the cache while it has more
// than tokenRefreshEarly left. Credentials the endpoint refuses are an
// authentication failure (retried only after auth-retry-interval); an
// endpoint that cannot be reached is a transient one.
func (a *appTokens) token() (string, error) {
	tok, err := a.src.Token()
	if err == nil {
		return tok.AccessToken, nil
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode >= 400 && re.Response.StatusCode < 500 {
		why := re.ErrorCode
		if re.ErrorDescription != "" {
			why += ": " + re.ErrorDescription
		}
		return "", &PermanentError{fmt.Errorf("%w: token endpoint %s refused the client credentials (HTTP %d): %s",
			ErrAuth, a.url, re.Response.StatusCode, clip(why))}
	}
	return "", fmt.Errorf("OAuth2 token from %s: %w", a.url, err)
}

// normalizeOAuthApp checks the client-credentials settings and fills
// their defaults.
func (c *IMAPConfig) normalizeOAuthApp() error {
	certSet := c.OAuthClientCertFile != "" || c.OAuthClientKey != ""
	if c.OAuthClientID == "" {
		if c.OAuthTenant != "" || c.OAuthClientSecret != "" || certSet {
			return fmt.Errorf("%w: oauth-tenant, oauth-client-secret-file and oauth-client-cert-file need oauth-client-id", ErrConfig)
		}
		return nil
	}
	if c.OAuthClientSecret != "" && certSet {
		return fmt.Errorf("%w: both a client secret (oauth-client-secret-file) and a certificate (oauth-client-cert-file, oauth-client-key-file) are configured; keep one", ErrConfig)
	}
	var cert *clientCert
	switch {
	case certSet && (c.OAuthClientCertFile == "" || c.OAuthClientKey == ""):
		return fmt.Errorf("%w: a certificate credential needs both oauth-client-cert-file and oauth-client-key-file", ErrConfig)
	case certSet:
		var err error
		if cert, err = loadClientCert(c.OAuthClientCertFile, c.OAuthClientKey); err != nil {
			return fmt.Errorf("%w: %v", ErrConfig, err)
		}
	case c.OAuthClientSecret == "":
		return fmt.Errorf("%w: oauth-client-id needs oauth-client-secret-file (the application's client secret) or oauth-client-cert-file and oauth-client-key-file", ErrConfig)
	}
	if c.OAuthTokenURL == "" {
		if c.OAuthTenant == "" {
			return fmt.Errorf("%w: oauth-client-id needs oauth-tenant (the directory (tenant) ID or domain)", ErrConfig)
		}
		c.OAuthTokenURL = "https://login.microsoftonline.com/" + c.OAuthTenant + "/oauth2/v2.0/token"
	}
	if c.OAuthScope == "" {
		c.OAuthScope = DefaultOAuthScope
	}
	if c.Auth == "auto" {
		c.Auth = "xoauth2" // what Exchange Online offers
	}
	c.appTokens = newAppTokens(c, cert)
	return nil
}
