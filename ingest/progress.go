package ingest

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 250 * time.Millisecond

// progress redraws one status line ("12000 messages, 3400/s, 48.2 MB") on
// a terminal, with how much of the input was read and an estimate of the
// time left when the input's size is known (as pv and rsync
// --info=progress2 do). Its goroutine is owned by Ingest, which stops it
// before printing the summary, so the two never interleave.
type progress struct {
	w    io.Writer
	c    *counter
	in   *inputBytes // nil: the input's size is not known
	quit chan struct{}
	wg   sync.WaitGroup
}

// inputBytes is how far the readers are through input files of a known
// total size.
type inputBytes struct {
	total int64
	read  atomic.Int64
}

// inputSize is the total size of paths when all are regular files; ok is
// false for standard input and directories (what a directory's readers
// skip would keep the count from reaching its end).
func inputSize(paths []string) (total int64, ok bool) {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if p == "-" || err != nil || !fi.Mode().IsRegular() {
			return 0, false
		}
		total += fi.Size()
	}
	return total, total > 0
}

// countingReader counts the bytes read from an input file.
type countingReader struct {
	io.ReadCloser
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// startProgress starts redrawing to w; a nil w gives a silent progress.
func startProgress(w io.Writer, c *counter, in *inputBytes) *progress {
	p := &progress{w: w, c: c, in: in, quit: make(chan struct{})}
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
	fmt.Fprint(p.w, "\r\033[K"+p.line())
}

func (p *progress) line() string {
	n, b, d := p.c.progress()
	rate := 0.0
	if s := d.Seconds(); s > 0 {
		rate = float64(n) / s
	}
	s := fmt.Sprintf("ingest: %d messages, %.0f/s, %.1f MB, %s", n, rate, float64(b)/1e6, d.Truncate(time.Second))
	if p.in == nil {
		return s
	}
	done := min(p.in.read.Load(), p.in.total)
	s += fmt.Sprintf(", %d%%", done*100/p.in.total)
	// The rate of the first second says little: no estimate before.
	if done > 0 && d >= time.Second {
		left := time.Duration(float64(d) * float64(p.in.total-done) / float64(done))
		s += ", ETA " + left.Round(time.Second).String()
	}
	return s
}

func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
}
