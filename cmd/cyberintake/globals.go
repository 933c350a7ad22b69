package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"cyberintake/store"
)

// globals are the flags every command shares.
type globals struct {
	DB        string
	LogLevel  string
	LogFormat string
	Timeout   time.Duration

	CPUProfile  string
	profileFile *os.File

	logger *slog.Logger
}

func (g *globals) AddFlags(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&g.DB, "db", "", "store file (default $CYBERINTAKE_DB, else $XDG_DATA_HOME/cyberintake/cyberintake.db)")
	f.StringVar(&g.LogLevel, "log-level", "info", "log level: debug, info, warn, error")
	f.StringVar(&g.LogFormat, "log-format", "auto", "log format: text, json, or auto (text on a terminal)")
	f.DurationVar(&g.Timeout, "lock-timeout", 2*time.Second, "how long to wait for a store held by another process")
	g.addProfileFlag(cmd)
}

func (g *globals) setup(cmd *cobra.Command) error {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.LogLevel)); err != nil {
		return fmt.Errorf("%w: --log-level %q: %v", errUsage, g.LogLevel, err)
	}
	w := cmd.ErrOrStderr()
	ho := &slog.HandlerOptions{Level: lvl}
	format := g.LogFormat
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	switch format {
	case "text":
		g.logger = slog.New(slog.NewTextHandler(w, ho))
	case "json":
		g.logger = slog.New(slog.NewJSONHandler(w, ho))
	default:
		return fmt.Errorf("%w: --log-format %q: want text, json or auto", errUsage, g.LogFormat)
	}
	return g.startProfile()
}

// dbPath resolves the store file: --db, else $CYBERINTAKE_DB, else the XDG
// data directory.
func (g *globals) dbPath() (string, error) {
	if g.DB != "" {
		return g.DB, nil
	}
	if p := os.Getenv("CYBERINTAKE_DB"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no --db, no $CYBERINTAKE_DB and no home directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "cyberintake", "cyberintake.db"), nil
}

// openStore opens the store for a command; readOnly for queries.
func (g *globals) openStore(readOnly bool) (*store.Store, error) {
	p, err := g.dbPath()
	if err != nil {
		return nil, err
	}
	if !readOnly {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, fmt.Errorf("create store directory: %w", err)
		}
	}
	return store.Open(p, &store.Options{ReadOnly: readOnly, Timeout: g.Timeout, Logger: g.logger})
}

// withStore opens the store, runs fn on it and closes it again.
func (g *globals) withStore(readOnly bool, fn func(*store.Store) error) error {
	st, err := g.openStore(readOnly)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}
