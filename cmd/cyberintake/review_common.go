package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"cyberintake/store"
)

// whoFlags are the --by and --reason flags of the commands that change a
// review (correct, accept).
type whoFlags struct {
	By     string
	Reason string
}

func (o *whoFlags) AddFlags(f *pflag.FlagSet) {
	f.StringVar(&o.By, "by", "", "who makes the change, recorded in the history (default $USER)")
	f.StringVar(&o.Reason, "reason", "", "why, recorded in the history")
}

func (o *whoFlags) meta() (store.Meta, error) {
	by := o.By
	if by == "" {
		by = os.Getenv("USER")
	}
	if strings.TrimSpace(by) == "" {
		return store.Meta{}, fmt.Errorf("%w: say who makes the change: --by NAME (no $USER is set)", errUsage)
	}
	return store.Meta{By: by, Reason: o.Reason}, nil
}

// reviewErr makes a value the store refused a usage error (exit 2): the
// message names the field and the valid values, and nothing was written.
func reviewErr(err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return err
}

func parseID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("%w: %q is not a message ID", errUsage, s)
	}
	return id, nil
}

// stamp formats a time of the history for people (UTC, minutes).
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// showValue prints a value in one line of a table or a report.
func showValue(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}
