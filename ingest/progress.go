package ingest

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 250 * time.Millisecond

// progress redraws one status line ("12000 messages, 3400/s, 48.2 MB") on
// a terminal. Its goroutine is owned by Ingest, which stops it before
// printing the summary, so the two never interleave.
type progress struct {
	w    io.Writer
	c    *counter
	quit chan struct{}
	wg   sync.WaitGroup
}

// startProgress starts redrawing to w; a nil w gives a silent progress.
func startProgress(w io.Writer, c *counter) *progress {
	p := &progress{w: w, c: c, quit: make(chan struct{})}
	if w == nil {
		return p
	}
	p.wg.Go(func() {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw()
			case <-p.quit:
				fmt.Fprint(p.w, "\r\033[K") // erase the line for the summary
				return
			}
		}
	})
	return p
}

func (p *progress) draw() {
	n, b, d := p.c.progress()
	rate := 0.0
	if s := d.Seconds(); s > 0 {
		rate = float64(n) / s
	}
	fmt.Fprintf(p.w, "\r\033[Kingest: %d messages, %.0f/s, %.1f MB, %s", n, rate, float64(b)/1e6, d.Truncate(time.Second))
}

func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
}
