//go:build !linux

package store

import (
	"context"
	"time"
)

// awaitUnlocked leaves the waiting to bbolt where flock polling is not ours.
func awaitUnlocked(ctx context.Context, path string, max time.Duration) {}
