package ingest

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestResolveIMAPConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "pw")
	os.WriteFile(pwFile, []byte("from-file\n"), 0o600)
	conf := filepath.Join(dir, "serve.conf")
	os.WriteFile(conf, []byte(`# cyberintake serve
imap-addr = file.example.org:993
user = "file-user"
password = from-config
mailbox = INBOX
mailbox = Reports
keyword = $FromFile
idle-interval = 3m
`), 0o600)
	env := map[string]string{
		"CYBERINTAKE_USER":          "ignored: the user variable is CYBERINTAKE_IMAP_USER",
		"CYBERINTAKE_IMAP_USER":     "env-user",
		"CYBERINTAKE_KEYWORD":       "$FromEnv",
		"CYBERINTAKE_POLL_INTERVAL": "7s",
	}
	cfg, err := ResolveIMAPConfig(ConfigSources{
		Flags:  map[string][]string{"keyword": {"$FromFlag"}, "password-file": {pwFile}},
		Getenv: func(k string) string { return env[k] },
		File:   conf,
	})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"addr from file", cfg.Addr, "file.example.org:993"},
		{"user from env over file", cfg.User, "env-user"},
		{"password-file flag over config password", cfg.Password, "from-file"},
		{"keyword flag over env and file", cfg.Keyword, "$FromFlag"},
		{"poll interval from env", cfg.PollInterval, 7 * time.Second},
		{"repeated mailbox", strings.Join(cfg.Mailboxes, ","), "INBOX,Reports"},
		{"idle interval from file, capped by timeout/2", cfg.IdleInterval, time.Minute},
		{"default tls", cfg.TLS, "implicit"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
	if strings.Contains(cfg.String(), "from-file") {
		t.Errorf("String() shows the password: %s", cfg)
	}
}

func TestResolveIMAPConfigErrors(t *testing.T) {
	dir := t.TempDir()
	open := filepath.Join(dir, "open.conf")
	os.WriteFile(open, []byte("imap-addr = a:993\nuser = u\npassword = p\n"), 0o644)
	bad := filepath.Join(dir, "bad.conf")
	os.WriteFile(bad, []byte("imap-addr = a:993\nfrobnicate = 1\n"), 0o600)
	noEq := filepath.Join(dir, "noeq.conf")
	os.WriteFile(noEq, []byte("\n\nimap-addr\n"), 0o600)
	base := map[string][]string{"imap-addr": {"imap.example.org:993"}, "user": {"u"}}
	with := func(k, v string) map[string][]string {
		m := map[string][]string{}
		for a, b := range base {
			m[a] = b
		}
		m[k] = []string{v}
		return m
	}
	env := func(k string) string { return "" }
	tests := []struct {
		name string
		src  ConfigSources
		want string
	}{
		{"password as a flag", ConfigSources{Flags: with("password", "x"), Getenv: env}, "not accepted on the command line"},
		{"world-readable config with password", ConfigSources{File: open, Getenv: env}, "readable by others"},
		{"unknown key", ConfigSources{File: bad, Getenv: env}, `bad.conf:2: unknown key "frobnicate"`},
		{"line without =", ConfigSources{File: noEq, Getenv: env}, "noeq.conf:3: want key = value"},
		{"no password", ConfigSources{Flags: base, Getenv: env}, "no password"},
		{"bad tls", ConfigSources{Flags: with("tls", "maybe"), Getenv: func(string) string { return "" }}, `--tls "maybe"`},
		{"bad duration", ConfigSources{Flags: with("timeout", "soon"), Getenv: env}, `timeout "soon"`},
		{"missing password file", ConfigSources{Flags: with("password-file", filepath.Join(dir, "nope")), Getenv: env}, "password file"},
		{"oauth without token", ConfigSources{Flags: with("auth", "xoauth2"), Getenv: env}, "needs token-file"},
		{"bad keyword", ConfigSources{Flags: with("keyword", `\Seen`), Getenv: func(k string) string {
			if k == "CYBERINTAKE_IMAP_PASSWORD" {
				return "p"
			}
			return ""
		}}, "not an IMAP keyword"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ResolveIMAPConfig(tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestNormalizeDefaults(t *testing.T) {
	c := &IMAPConfig{Addr: "imap.example.org", User: "u", Password: "p", TLS: "starttls", Keyword: "none"}
	if err := c.Normalize(); err != nil {
		t.Fatal(err)
	}
	if _, port, _ := splitAddr(c.Addr, c.TLS); port != "143" {
		t.Errorf("default STARTTLS port %s, want 143", port)
	}
	if c.Keyword != "" || !slices.Equal(c.Mailboxes, []string{"INBOX"}) || c.IdleInterval >= 29*time.Minute {
		t.Errorf("defaults: keyword %q mailboxes %v idle %v", c.Keyword, c.Mailboxes, c.IdleInterval)
	}
	c = &IMAPConfig{}
	if err := c.Normalize(); !errors.Is(err, ErrConfig) {
		t.Errorf("empty config: %v, want ErrConfig", err)
	}
}

func TestRedialDelay(t *testing.T) {
	lo, hi := time.Second, 30*time.Second
	for attempt, want := range []time.Duration{1, 1, 2, 4, 8, 16, 30, 30} {
		if attempt == 0 {
			continue
		}
		want *= time.Second
		for range 20 {
			d := redialDelay(lo, hi, attempt)
			if d < want*3/4 || d > want*5/4 {
				t.Fatalf("attempt %d: delay %v outside %v±25%%", attempt, d, want)
			}
		}
	}
}

func TestRetryForSetting(t *testing.T) {
	env := func(k string) string {
		if k == "CYBERINTAKE_IMAP_PASSWORD" {
			return "p"
		}
		return ""
	}
	for _, tc := range []struct {
		flag []string
		want time.Duration
	}{
		{nil, DefaultRetryFor},
		{[]string{"90s"}, 90 * time.Second},
		{[]string{"0"}, -1}, // explicit 0: a single attempt, not the default
	} {
		flags := map[string][]string{"imap-addr": {"imap.example.org"}, "user": {"u"}}
		if tc.flag != nil {
			flags["retry-for"] = tc.flag
		}
		cfg, err := ResolveIMAPConfig(ConfigSources{Flags: flags, Getenv: env})
		if err != nil || cfg.RetryFor != tc.want {
			t.Errorf("retry-for %v: %v, %v; want %v", tc.flag, cfg.RetryFor, err, tc.want)
		}
	}
}

// TestSecretSources: a secret file others can read gets a warning (it got
// none), and a password beside an OAuth token source is refused (the
// token silently won).
func TestSecretSources(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("secret\n"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // past the umask
			t.Fatal(err)
		}
		return p
	}
	private, groupRead, worldRead := file("pw600", 0o600), file("pw640", 0o640), file("pw644", 0o644)
	tokenGroup := file("tok640", 0o640)
	base := map[string][]string{"imap-addr": {"imap.example.org:993"}, "user": {"u"}}
	tests := []struct {
		name    string
		flags   map[string][]string
		env     map[string]string
		warn    string // in the warnings; "" for none
		wantErr string
	}{
		{"private password file", map[string][]string{"password-file": {private}}, nil, "", ""},
		{"group-readable password file", map[string][]string{"password-file": {groupRead}}, nil, "password-file " + groupRead + " is accessible by group or others (mode -rw-r-----)", ""},
		{"world-readable password file", map[string][]string{"password-file": {worldRead}}, nil, "mode -rw-r--r--", ""},
		{"group-readable token file", map[string][]string{"token-file": {tokenGroup}}, nil, "token-file " + tokenGroup, ""},
		{"password file and token command", map[string][]string{"password-file": {private}, "token-command": {"echo t"}}, nil, "",
			"both a password (--password-file) and an OAuth token source (--token-command) are configured"},
		{"password in the environment and a token file", map[string][]string{"token-file": {tokenGroup}},
			map[string]string{"CYBERINTAKE_IMAP_PASSWORD": "x"}, "", "($CYBERINTAKE_IMAP_PASSWORD) and an OAuth token source (--token-file)"},
		{"password file and a token in the environment", map[string][]string{"password-file": {private}},
			map[string]string{"CYBERINTAKE_IMAP_TOKEN": "x"}, "", "an OAuth token source ($CYBERINTAKE_IMAP_TOKEN)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			flags := maps.Clone(base)
			maps.Copy(flags, tc.flags)
			cfg, err := ResolveIMAPConfig(ConfigSources{Flags: flags, Getenv: func(k string) string { return tc.env[k] }})
			if tc.wantErr != "" {
				if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want a configuration error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(cfg.Warnings, "\n")
			if tc.warn == "" && got != "" || !strings.Contains(got, tc.warn) {
				t.Errorf("warnings = %q, want %q", got, tc.warn)
			}
		})
	}
}
