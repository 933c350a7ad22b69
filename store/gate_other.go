//go:build !linux

package store

import (
	"context"
	"time"
)

// Without OFD locks readers rely on bbolt's flock alone (see gate_linux.go).
func enterReader(path string) func()                                  { return func() {} }
func waitReaders(ctx context.Context, path string, max time.Duration) {}
