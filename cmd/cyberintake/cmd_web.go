package main

import (
	"bufio"
	"context"
	cryptotls "crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"cyberintake/web"
)

type webOptions struct {
	Listen  string
	TLSCert string
	TLSKey  string
	Users   string
	User    string
	Check   bool
}

func (o *webOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Listen, "listen", "127.0.0.1:8080", "address to serve on; anything but loopback needs --tls-cert, --tls-key and --users")
	f.StringVar(&o.TLSCert, "tls-cert", "", "TLS certificate (PEM) to serve HTTPS")
	f.StringVar(&o.TLSKey, "tls-key", "", "TLS private key (PEM)")
	f.BoolVar(&o.Check, "check", false, "check the address, certificate, users file and store, say what would be served, and exit")
	f.StringVar(&o.User, "user", "", "on loopback without --users: the name corrections are recorded under (default $USER)")
	cmd.PersistentFlags().StringVar(&o.Users, "users", "", "users file (name:role:bcrypt-hash lines, written by `web adduser`); when set, everyone signs in")
}

func newWebCommand(g *globals) *cobra.Command {
	var opts webOptions
	cmd := &cobra.Command{
		Use:   "web [--listen 127.0.0.1:8080] [--tls-cert FILE --tls-key FILE --users FILE]",
		Short: "Serve the analysts' web interface over the store",
		Long: `web serves the workbench: an overview with charts (/), the lab cases
(/labs, /labs/LAB), each message (/messages/ID, the original as a download
at /messages/ID/raw) and the review queue (/review), in French, Dutch or
English (from the browser's languages, with a switch), dates in Brussels
time. It reads the store as the other commands do, beside a running daemon.

By default it listens on 127.0.0.1:8080 only, and whoever can reach that
port is the local user (--user, else $USER), an editor. Any other address
needs HTTPS (--tls-cert, --tls-key) and a users file (--users) in which
every person has a bcrypt password hash and a role, viewer or editor;
otherwise web refuses to start (exit 2). Create users with

  cyberintake web adduser alice --role editor --users web-users

The access log names the route, status and user, never a path, query or
form value (they may hold mail content).`,
		Example: `  cyberintake web --check
  cyberintake web --listen :8443 --tls-cert web.crt --tls-key web.key --users web-users --check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWeb(cmd.Context(), opts, g, cmd.ErrOrStderr())
		},
	}
	opts.AddFlags(cmd)
	cmd.AddCommand(newWebAddUserCommand(&opts))
	return cmd
}

// isLoopback tells an address only this machine can reach.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("%w: --listen %q: %v", errUsage, addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

func runWeb(ctx context.Context, opts webOptions, g *globals, stderr io.Writer) error {
	loop, err := isLoopback(opts.Listen)
	if err != nil {
		return err
	}
	tls := opts.TLSCert != "" || opts.TLSKey != ""
	if tls && (opts.TLSCert == "" || opts.TLSKey == "") {
		return fmt.Errorf("%w: --tls-cert and --tls-key go together", errUsage)
	}
	if !loop && (!tls || opts.Users == "") {
		return fmt.Errorf("%w: --listen %s is not loopback: serving it needs HTTPS (--tls-cert, --tls-key) and sign-in (--users FILE, see `web adduser`)", errUsage, opts.Listen)
	}
	var users *web.Users
	if opts.Users != "" {
		if users, err = web.LoadUsers(opts.Users); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if users.Len() == 0 {
			return fmt.Errorf("%w: users file %s has nobody in it (cyberintake web adduser NAME --users %s)", errUsage, opts.Users, opts.Users)
		}
	}
	local := opts.User
	if local == "" {
		local = currentUser()
	}
	// Read-only first: web never creates a store; then the handle that
	// corrections write through (each write opens the file for one
	// transaction, as every command does).
	ro, err := g.openStore(true)
	if err != nil {
		return err
	}
	ro.Close()
	st, err := g.openStore(false)
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := web.New(web.Options{Store: st, Logger: g.logger, Users: users, LocalUser: local, Secure: tls})
	if err != nil {
		return err
	}
	scheme := "http"
	if tls {
		scheme = "https"
		if _, err := cryptotls.LoadX509KeyPair(opts.TLSCert, opts.TLSKey); err != nil {
			return fmt.Errorf("%w: --tls-cert/--tls-key: %v", errUsage, err)
		}
	}
	if opts.Check {
		who := "everyone who reaches it, as " + local + " (editor)"
		if users != nil {
			who = fmt.Sprintf("the %d people of %s, after signing in", users.Len(), opts.Users)
		}
		fmt.Fprintf(stderr, "cyberintake web: would serve %s://%s/ (store %s) to %s\n", scheme, opts.Listen, st.Path(), who)
		return nil
	}
	ln, err := net.Listen("tcp", opts.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", opts.Listen, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(stderr, "cyberintake web: serving %s://%s/ (store %s)\n", scheme, ln.Addr(), st.Path())
	done := make(chan error, 1)
	go func() {
		if tls {
			done <- hs.ServeTLS(ln, opts.TLSCert, opts.TLSKey)
		} else {
			done <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", opts.Listen, err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func currentUser() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}

type addUserOptions struct {
	Role         string
	PasswordFile string
}

func newWebAddUserCommand(wo *webOptions) *cobra.Command {
	var opts addUserOptions
	cmd := &cobra.Command{
		Use:   "adduser NAME --users FILE [--role viewer|editor]",
		Short: "Add a person to the web users file, or change their password or role",
		Long: `adduser asks for NAME's password (twice on a terminal; else the first line
of standard input, or of --password-file) and writes its bcrypt hash with the role to the users
file (created 0600). A viewer reads; an editor also corrects and accepts.
Running it again for the same name replaces the password and role.`,
		Example: `  cyberintake web adduser alice --role editor --users web-users --password-file alice.pass`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := cmd.InOrStdin()
			if opts.PasswordFile != "" {
				f, err := os.Open(opts.PasswordFile)
				if err != nil {
					return fmt.Errorf("%w: --password-file: %v", errUsage, err)
				}
				defer f.Close()
				in = f
			}
			return runAddUser(opts, wo.Users, args[0], in, cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&opts.Role, "role", "viewer", "viewer or editor")
	cmd.Flags().StringVar(&opts.PasswordFile, "password-file", "", "read the password from the first line of FILE (scripts)")
	return cmd
}

func runAddUser(opts addUserOptions, path, name string, in io.Reader, stderr io.Writer) error {
	if path == "" {
		return fmt.Errorf("%w: adduser needs --users FILE", errUsage)
	}
	users, err := web.LoadUsers(path)
	if err != nil {
		return err
	}
	pass, err := readPassword(in, stderr)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("users file directory: %w", err)
	}
	if err := users.Set(name, opts.Role, pass); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	fmt.Fprintf(stderr, "%s is a web %s (%s)\n", name, opts.Role, path)
	return nil
}

// readPassword reads a password without echo on a terminal (asked twice),
// else the first line of in.
func readPassword(in io.Reader, stderr io.Writer) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(a) != string(b) {
			return "", fmt.Errorf("%w: the passwords differ", errUsage)
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
