package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// IMAPConfig is everything the IMAP daemon needs to know. It is assembled by
// ResolveIMAPConfig from flags, environment variables and one config file
// (in that order of precedence). Secrets (Password, the OAuth token) come only
// from files, the environment or the config file, never from a flag, and are
// never logged: String redacts them.
type IMAPConfig struct {
	Addr     string // host:port
	User     string
	Password string // secret; from password-file, $CYBERINTAKE_IMAP_PASSWORD or the config file
	// TLS is "implicit" (port 993), "starttls" (port 143) or "none". "none"
	// never sends a password or token to a non-loopback address.
	TLS    string
	CAFile string // PEM file with extra trusted CAs (a private CA)
	// ServerName overrides the name checked in the server certificate
	// (default: the host of Addr).
	ServerName string

	// Auth is "auto" (OAuth when a token source is set, else SASL PLAIN when
	// the server offers it, else LOGIN), "plain", "login", "xoauth2" or
	// "oauthbearer".
	Auth         string
	TokenFile    string // file holding an OAuth2 access token (re-read at every login)
	TokenCommand string // command printing an access token (run through sh -c at every login)
	Token        string // secret; an access token from $CYBERINTAKE_IMAP_TOKEN (short-lived: prefer a command)

	// OAuth2 client credentials (Microsoft 365 / Exchange Online, see
	// imap_oauth.go): the daemon fetches and caches access tokens itself.
	OAuthTenant       string // directory (tenant) ID or domain
	OAuthClientID     string // application (client) ID
	OAuthClientSecret string // secret; from oauth-client-secret-file
	// Or a certificate uploaded to the application (imap_oauth_cert.go):
	OAuthClientCertFile string // PEM certificate
	OAuthClientKey      string // secret; PEM RSA private key, from oauth-client-key-file
	OAuthTokenURL       string // default https://login.microsoftonline.com/TENANT/oauth2/v2.0/token
	OAuthScope          string // default DefaultOAuthScope

	Mailboxes []string // default INBOX
	Keyword   string   // keyword set on filed messages; default $Filed; "none" sets nothing
	MoveTo    string   // mailbox filed messages are moved to; "" leaves them in place
	DryRun    bool     // change nothing on the server (no keyword, no move)

	BatchSize      int   // messages per fetch and per store transaction
	BatchBytes     int64 // bytes per batch
	MaxMessageSize int64 // larger messages are filed as headers with an error

	PollInterval time.Duration // check interval when the server lacks IDLE; capped at Timeout/2
	IdleInterval time.Duration // IDLE is restarted (a liveness probe) at least this often; capped at 29m and Timeout/2
	Timeout      time.Duration // longest silence tolerated from the server while waiting for an answer
	BackoffMin   time.Duration // first reconnection delay
	BackoffMax   time.Duration // longest reconnection delay
	// RetryFor bounds how long OnceWithRetry retries transient failures:
	// no new attempt starts after it. Zero means DefaultRetryFor; negative
	// means a single attempt (the key's value 0 sets it negative).
	RetryFor   time.Duration
	StaleAfter time.Duration // /healthz fails when the last successful sync is older
	// AuthRetryInterval is how long the daemon waits after a refused login
	// before it tries again: directory services lock an account after a
	// few failures, so a wrong password must not be tried every few minutes.
	AuthRetryInterval time.Duration

	HTTP string // listen address for /healthz and /metrics; "" disables

	// Warnings are what ResolveIMAPConfig found questionable but usable
	// (a secret file others can read); the command logs them.
	Warnings []string

	passwordFile string     // where Password was read from, if a file
	secretFile   string     // where OAuthClientSecret was read from
	keyFile      string     // where OAuthClientKey was read from
	appTokens    *appTokens // the client-credentials token cache, set by Normalize
}

// Defaults applied by Normalize to zero fields.
const (
	DefaultKeyword        = "$Filed"
	DefaultBatchSize      = 500 // 10k-message sync: 4.4 s at 500 and 1000, 5.0 s at 200
	DefaultBatchBytes     = 32 << 20
	DefaultMaxMessageSize = 64 << 20
	// DefaultRetryFor lets --once ride out a server restart or a network
	// blip (about 8 attempts at the default backoff) and still end well
	// within a 15-minute cron interval.
	DefaultRetryFor = 5 * time.Minute
	// DefaultAuthRetryInterval: three logins an hour while the password is
	// refused, below the usual lockout thresholds (5 to 10 failures).
	DefaultAuthRetryInterval = 20 * time.Minute
	maxIdleInterval          = 29 * time.Minute
)

// configKeys are the settings known to the config file, the environment
// (CYBERINTAKE_ + upper case, '-' as '_') and the flags of the same names.
var configKeys = []string{
	"imap-addr", "user", "password", "password-file", "tls", "ca-file", "server-name",
	"auth", "token-file", "token-command", "mailbox", "keyword", "move-to", "dry-run",
	"batch-size", "batch-bytes", "max-message-size", "poll-interval", "idle-interval",
	"timeout", "backoff-min", "backoff-max", "retry-for", "stale-after", "auth-retry-interval", "http",
	"oauth-tenant", "oauth-client-id", "oauth-client-secret-file", "oauth-token-url", "oauth-scope",
	"oauth-client-cert-file", "oauth-client-key-file",
}

// ConfigKeys lists the settings a config file may hold; each is also a
// flag of the serve command and an environment variable (EnvName).
func ConfigKeys() []string { return slices.Clone(configKeys) }

// secretKeys may not be given as flags.
var secretKeys = []string{"password"}

// EnvName is the environment variable for a config key: imap-addr ->
// CYBERINTAKE_IMAP_ADDR. The password is CYBERINTAKE_IMAP_PASSWORD and the
// token CYBERINTAKE_IMAP_TOKEN, the names mail tools usually expect.
func EnvName(key string) string {
	switch key {
	case "password":
		return "CYBERINTAKE_IMAP_PASSWORD"
	case "user":
		return "CYBERINTAKE_IMAP_USER"
	}
	return "CYBERINTAKE_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

// ConfigSources are the places a setting may come from.
type ConfigSources struct {
	// Flags holds the flags the user actually set (key -> values; repeated
	// flags such as mailbox have several).
	Flags map[string][]string
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// File is the config file; "" means none.
	File string
}

// ResolveIMAPConfig builds the configuration: each key takes the flag if set,
// else the environment variable, else the config file, else the default.
func ResolveIMAPConfig(src ConfigSources) (*IMAPConfig, error) {
	getenv := src.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	var file map[string][]string
	if src.File != "" {
		f, err := os.Open(src.File)
		if err != nil {
			return nil, fmt.Errorf("config file: %w", err)
		}
		defer f.Close()
		if file, err = ParseConfigFile(f, src.File); err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.Mode().Perm()&0o077 != 0 && file["password"] != nil {
			return nil, fmt.Errorf("config file %s holds a password but is readable by others (mode %v): chmod 600 it", src.File, st.Mode().Perm())
		}
	}
	cfg := &IMAPConfig{}
	from := map[string]string{} // key -> where its value came from
	for _, key := range configKeys {
		vals, ok := src.Flags[key]
		if ok && slices.Contains(secretKeys, key) {
			return nil, fmt.Errorf("--%s: secrets are not accepted on the command line; use --password-file, $%s or the config file", key, EnvName(key))
		}
		from[key] = "--" + key
		if !ok {
			if v := getenv(EnvName(key)); v != "" {
				vals, ok = strings.Split(v, ","), true
				if key != "mailbox" {
					vals = []string{v}
				}
				from[key] = "$" + EnvName(key)
			}
		}
		if !ok {
			vals, ok = file[key]
			from[key] = key + " in " + src.File
		}
		if !ok {
			delete(from, key)
			continue
		}
		for _, v := range vals {
			if err := cfg.set(key, v); err != nil {
				return nil, err
			}
		}
	}
	if cfg.TokenFile == "" && cfg.TokenCommand == "" {
		if cfg.Token = getenv("CYBERINTAKE_IMAP_TOKEN"); cfg.Token != "" {
			from["token"] = "$CYBERINTAKE_IMAP_TOKEN"
		}
	}
	if err := secretSources(cfg, from); err != nil {
		return nil, err
	}
	if err := cfg.Normalize(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// ParseConfigFile reads the config file format: one "key = value" per line,
// '#' starts a comment line, blank lines are ignored, values may be double
// quoted, and a key may repeat (mailbox).
func ParseConfigFile(r io.Reader, name string) (map[string][]string, error) {
	out := map[string][]string{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, fmt.Errorf("%s:%d: want key = value", name, n)
		}
		if !slices.Contains(configKeys, k) {
			return nil, fmt.Errorf("%s:%d: unknown key %q", name, n, k)
		}
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			uq, err := strconv.Unquote(v)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %s: %w", name, n, k, err)
			}
			v = uq
		}
		out[k] = append(out[k], v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

func (c *IMAPConfig) set(key, v string) error {
	var err error
	dur := func(p *time.Duration) { *p, err = time.ParseDuration(v) }
	num := func(p *int64) { *p, err = strconv.ParseInt(v, 10, 64) }
	secret := func(file, dst *string) {
		*file = v
		var b []byte
		if b, err = os.ReadFile(v); err == nil {
			*dst = strings.TrimRight(string(b), "\r\n")
		}
	}
	plain := map[string]*string{
		"imap-addr": &c.Addr, "user": &c.User, "password": &c.Password, "tls": &c.TLS, "ca-file": &c.CAFile,
		"server-name": &c.ServerName, "auth": &c.Auth, "token-file": &c.TokenFile, "token-command": &c.TokenCommand,
		"oauth-tenant": &c.OAuthTenant, "oauth-client-id": &c.OAuthClientID, "oauth-token-url": &c.OAuthTokenURL,
		"oauth-client-cert-file": &c.OAuthClientCertFile,
		"oauth-scope":            &c.OAuthScope, "keyword": &c.Keyword, "move-to": &c.MoveTo, "http": &c.HTTP,
	}
	if p, ok := plain[key]; ok {
		*p = v
		return nil
	}
	switch key {
	case "password-file":
		secret(&c.passwordFile, &c.Password)
	case "oauth-client-secret-file":
		secret(&c.secretFile, &c.OAuthClientSecret)
	case "oauth-client-key-file":
		secret(&c.keyFile, &c.OAuthClientKey)
	case "mailbox":
		if v = strings.TrimSpace(v); v != "" {
			c.Mailboxes = append(c.Mailboxes, v)
		}
	case "dry-run":
		c.DryRun, err = strconv.ParseBool(v)
	case "batch-size":
		c.BatchSize, err = strconv.Atoi(v)
	case "batch-bytes":
		num(&c.BatchBytes)
	case "max-message-size":
		num(&c.MaxMessageSize)
	case "poll-interval":
		dur(&c.PollInterval)
	case "idle-interval":
		dur(&c.IdleInterval)
	case "timeout":
		dur(&c.Timeout)
	case "backoff-min":
		dur(&c.BackoffMin)
	case "backoff-max":
		dur(&c.BackoffMax)
	case "retry-for":
		if dur(&c.RetryFor); err == nil && c.RetryFor <= 0 {
			c.RetryFor = -1 // "0": do not retry, unlike the zero value (the default)
		}
	case "stale-after":
		dur(&c.StaleAfter)
	case "auth-retry-interval":
		dur(&c.AuthRetryInterval)
	}
	if err != nil {
		if key == "password-file" || key == "oauth-client-secret-file" || key == "oauth-client-key-file" {
			return fmt.Errorf("%s: %w", strings.ReplaceAll(key, "-", " "), err)
		}
		return fmt.Errorf("%s %q: %w", key, v, err)
	}
	return nil
}

// secretSources refuses a password and an OAuth token source configured
// together (which one would a login use?), and warns about a secret file
// that others can read, as ssh does for keys.
func secretSources(cfg *IMAPConfig, from map[string]string) error {
	var pw, tok []string
	for _, k := range []string{"password", "password-file"} {
		if from[k] != "" {
			pw = append(pw, from[k])
		}
	}
	for _, k := range []string{"token-file", "token-command", "token", "oauth-client-id"} {
		if from[k] != "" {
			tok = append(tok, from[k])
		}
	}
	if len(pw) > 0 && len(tok) > 0 {
		return fmt.Errorf("%w: both a password (%s) and an OAuth token source (%s) are configured; keep one",
			ErrConfig, strings.Join(pw, ", "), strings.Join(tok, ", "))
	}
	if from["token-file"] != "" && from["token-command"] != "" || from["oauth-client-id"] != "" && len(tok) > 1 {
		return fmt.Errorf("%w: several OAuth token sources are configured (%s); keep one", ErrConfig, strings.Join(tok, ", "))
	}
	for _, f := range []struct{ key, path string }{{"password-file", cfg.passwordFile}, {"token-file", cfg.TokenFile},
		{"oauth-client-secret-file", cfg.secretFile}, {"oauth-client-key-file", cfg.keyFile}} {
		if f.path == "" {
			continue
		}
		if st, err := os.Stat(f.path); err == nil && st.Mode().Perm()&0o077 != 0 {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s %s is accessible by group or others (mode %v): chmod 600 it, or pass it as a systemd credential",
				f.key, f.path, st.Mode().Perm()))
		}
	}
	return nil
}

// ErrConfig marks an invalid configuration.
var ErrConfig = errors.New("invalid configuration")

// Normalize fills defaults and checks the configuration.
func (c *IMAPConfig) Normalize() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, a...))
	}
	if c.Addr == "" {
		return bad("no IMAP server: set --imap-addr host:port")
	}
	if c.TLS == "" {
		c.TLS = "implicit"
	}
	if !slices.Contains([]string{"implicit", "starttls", "none"}, c.TLS) {
		return bad("--tls %q: want implicit, starttls or none", c.TLS)
	}
	if _, _, err := splitAddr(c.Addr, c.TLS); err != nil {
		return bad("--imap-addr %q: %v", c.Addr, err)
	}
	if c.Auth == "" {
		c.Auth = "auto"
	}
	if !slices.Contains([]string{"auto", "plain", "login", "xoauth2", "oauthbearer"}, c.Auth) {
		return bad("auth %q: want auto, plain, login, xoauth2 or oauthbearer", c.Auth)
	}
	if c.User == "" {
		return bad("no user: set --user or $%s", EnvName("user"))
	}
	if err := c.normalizeOAuthApp(); err != nil {
		return err
	}
	oauth := c.Auth == "xoauth2" || c.Auth == "oauthbearer"
	hasToken := c.TokenFile != "" || c.TokenCommand != "" || c.Token != "" || c.appTokens != nil
	if oauth && !hasToken {
		return bad("auth %s needs token-file, token-command, oauth-client-id or $CYBERINTAKE_IMAP_TOKEN", c.Auth)
	}
	if !hasToken && c.Password == "" {
		return bad("no password: use --password-file, $%s or the config file", EnvName("password"))
	}
	if len(c.Mailboxes) == 0 {
		c.Mailboxes = []string{"INBOX"}
	}
	switch {
	case c.Keyword == "":
		c.Keyword = DefaultKeyword
	case strings.EqualFold(c.Keyword, "none"):
		c.Keyword = ""
	case strings.HasPrefix(c.Keyword, `\`) || strings.ContainsAny(c.Keyword, " ()%*\"]{"):
		return bad("keyword %q: not an IMAP keyword", c.Keyword)
	}
	def := func(p *time.Duration, d time.Duration) {
		if *p <= 0 {
			*p = d
		}
	}
	if c.BatchSize <= 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.BatchBytes <= 0 {
		c.BatchBytes = DefaultBatchBytes
	}
	if c.MaxMessageSize <= 0 {
		c.MaxMessageSize = DefaultMaxMessageSize
	}
	def(&c.PollInterval, time.Minute)
	def(&c.Timeout, 2*time.Minute)
	def(&c.IdleInterval, 10*time.Minute)
	// The connection's read deadline (Timeout) also runs while we wait, so
	// the IDLE restart and the poll must come sooner.
	c.IdleInterval = min(c.IdleInterval, maxIdleInterval, c.Timeout/2)
	c.PollInterval = min(c.PollInterval, c.Timeout/2)
	def(&c.BackoffMin, time.Second)
	def(&c.BackoffMax, 5*time.Minute)
	c.BackoffMax = max(c.BackoffMax, c.BackoffMin)
	if c.RetryFor == 0 {
		c.RetryFor = DefaultRetryFor
	}
	def(&c.StaleAfter, 2*max(c.IdleInterval, c.PollInterval)+c.Timeout)
	def(&c.AuthRetryInterval, DefaultAuthRetryInterval)
	return nil
}

// String describes the configuration for logs, without secrets.
func (c *IMAPConfig) String() string {
	app := ""
	if c.OAuthClientID != "" {
		app = fmt.Sprintf(" oauth-client-id=%s token-url=%s", c.OAuthClientID, c.OAuthTokenURL)
	}
	return fmt.Sprintf("imap-addr=%s user=%s tls=%s auth=%s mailboxes=%q keyword=%q move-to=%q dry-run=%v",
		c.Addr, c.User, c.TLS, c.Auth, c.Mailboxes, c.Keyword, c.MoveTo, c.DryRun) + app
}
