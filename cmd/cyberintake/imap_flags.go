package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"cyberintake/ingest"
)

// addIMAPConnFlags adds the flags that say how to reach the mailbox, named
// like the config file keys; serve and followup --to-drafts share them.
func addIMAPConnFlags(f *pflag.FlagSet) {
	f.String("imap-addr", "", "IMAP server host:port")
	f.String("user", "", "IMAP user name")
	f.String("password-file", "", "file holding the IMAP password (or $CYBERINTAKE_IMAP_PASSWORD, or the config file)")
	f.String("tls", "implicit", "implicit (993), starttls (143), or none (loopback only)")
	f.String("ca-file", "", "PEM file of a private CA to trust")
	f.String("server-name", "", "name to verify in the server certificate (default: the host of --imap-addr)")
	f.String("auth", "auto", "auto, plain, login, xoauth2 or oauthbearer")
	f.String("token-file", "", "file holding an OAuth2 access token, re-read at each login")
	f.String("token-command", "", "command printing an OAuth2 access token, run at each login")
	f.String("oauth-tenant", "", "Microsoft 365: directory (tenant) ID or domain, for the client-credentials flow")
	f.String("oauth-client-id", "", "Microsoft 365: application (client) ID; tokens are fetched and cached by the daemon")
	f.String("oauth-client-secret-file", "", "Microsoft 365: file holding the application's client secret")
	f.String("oauth-client-cert-file", "", "Microsoft 365: PEM certificate of the app (instead of a secret)")
	f.String("oauth-client-key-file", "", "Microsoft 365: PEM RSA private key of --oauth-client-cert-file")
	f.String("oauth-token-url", "", "token endpoint (default: Microsoft Entra's for --oauth-tenant)")
	f.String("oauth-scope", "", "scope of the client-credentials token (default: Exchange Online's, outlook.office365.com/.default)")
}

// resolveIMAPConfig reads the IMAP settings: the flags actually given
// (only those override), else the environment, else the config file
// (configFile, else $CYBERINTAKE_CONFIG). A wrong setting is a usage error.
func resolveIMAPConfig(flags *pflag.FlagSet, configFile string) (*ingest.IMAPConfig, error) {
	set := map[string][]string{}
	keys := ingest.ConfigKeys()
	flags.Visit(func(f *pflag.Flag) {
		if !slices.Contains(keys, f.Name) {
			return
		}
		if f.Name == "mailbox" {
			v, _ := flags.GetStringArray("mailbox")
			set[f.Name] = v
			return
		}
		set[f.Name] = []string{f.Value.String()}
	})
	if configFile == "" {
		configFile = os.Getenv("CYBERINTAKE_CONFIG")
	}
	cfg, err := ingest.ResolveIMAPConfig(ingest.ConfigSources{Flags: set, File: configFile})
	if err != nil {
		if errors.Is(err, ingest.ErrConfig) || strings.HasPrefix(err.Error(), "--") {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		return nil, err
	}
	return cfg, nil
}
