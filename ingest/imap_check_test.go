package ingest

import (
	"bufio"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"
)

// TestCheckFindsWhatMarkingNeeds: serve --check used to say "login ok"
// when the move-to mailbox did not exist (every MOVE then failed after the
// filing) and never looked at whether the keyword could be stored.
func TestCheckFindsWhatMarkingNeeds(t *testing.T) {
	for _, backend := range []string{"memory", "dovecot"} {
		t.Run(backend, func(t *testing.T) {
			srv := newTestIMAP(t, backend)
			srv.run(t, func(c *imapclient.Client) error { return c.Create("Filed", nil).Wait() })
			tests := []struct {
				name string
				mod  func(*IMAPConfig)
				want string // "" for success
			}{
				{"keyword and existing move-to", func(c *IMAPConfig) { c.MoveTo = "Filed" }, ""},
				{"missing move-to", func(c *IMAPConfig) { c.MoveTo = "Archive/Cyber" }, `move-to mailbox "Archive/Cyber" does not exist on the server`},
				{"missing move-to, dry run", func(c *IMAPConfig) { c.MoveTo = "Archive/Cyber"; c.DryRun = true }, ""},
				{"no keyword", func(c *IMAPConfig) { c.Keyword = "none" }, ""},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					d, _ := newTestDaemon(t, srv.config(t, tc.mod), newTestStore(t))
					_, err := d.Check(context.Background())
					switch {
					case tc.want == "" && err != nil:
						t.Errorf("Check = %v, want success", err)
					case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrConfig)):
						t.Errorf("Check = %v, want a configuration error containing %q", err, tc.want)
					}
				})
			}
		})
	}
}

// TestCheckKeywordRefused: a server whose PERMANENTFLAGS lack both the
// keyword and \* fails the check, naming the keyword; the daemon itself
// carries on without it (syncMailbox warns).
func TestCheckKeywordRefused(t *testing.T) {
	addr := fakeServer(t, func(w *bufio.Writer, tag, cmd, rest string) bool {
		if cmd == "SELECT" || cmd == "EXAMINE" {
			fakeSelected(w, tag, `\Seen \Deleted`)
			return true
		}
		return fakeSession(nil)(w, tag, cmd, rest)
	})
	d, _ := newTestDaemon(t, fakeConfig(t, addr), newTestStore(t))
	_, err := d.Check(context.Background())
	if err == nil || !strings.Contains(err.Error(), `does not let the keyword "$Filed" be stored`) {
		t.Errorf("Check = %v, want the keyword refused", err)
	}
	cfg := fakeConfig(t, addr)
	cfg.Keyword = ""
	d, _ = newTestDaemon(t, cfg, newTestStore(t))
	if _, err := d.Check(context.Background()); err != nil {
		t.Errorf("Check with keyword none = %v", err)
	}
}
