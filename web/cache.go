package web

import (
	"context"
	"os"
	"sync"
	"time"
)

// datasetCache keeps the last Dataset the pages read, for as long as the
// store file is unchanged. Every commit rewrites the file's meta page, so
// its modification time and size change with every write (the daemon
// filing, a correction); a stat costs microseconds where decoding 1,000
// reports costs tens of milliseconds. Pages stay live: the first request
// after a write reads the store again.
//
// File times come from a coarse clock (a few ms per tick), so two writes
// close together may leave the same time and size. A Dataset is therefore
// kept only when the file's time is well before the read began: any later
// write then carries a later time.
const mtimeSlack = 100 * time.Millisecond

type datasetCache struct {
	mu    sync.Mutex
	mtime time.Time
	size  int64
	d     *Dataset
}

// load returns the whole store's Dataset, from the cache when the file is
// as it was.
func (s *Server) load(ctx context.Context) (*Dataset, error) {
	c := &s.cache
	fi, err := os.Stat(s.opts.Store.Path())
	if err != nil {
		return Load(ctx, s.opts.Store, time.Time{}, time.Time{})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.d != nil && fi.ModTime().Equal(c.mtime) && fi.Size() == c.size {
		return c.d, nil
	}
	start := time.Now()
	d, err := Load(ctx, s.opts.Store, time.Time{}, time.Time{})
	if err != nil {
		return nil, err
	}
	c.d = nil
	if fi.ModTime().Before(start.Add(-mtimeSlack)) {
		c.d, c.mtime, c.size = d, fi.ModTime(), fi.Size()
	}
	return d, nil
}
