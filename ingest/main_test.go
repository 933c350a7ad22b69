package ingest

import (
	"fmt"
	"io"
	"os"
	"testing"
)

// TestMain says once, without -v, when the Dovecot tests will skip. go test
// ./... hides the output of a package that passes, so the line goes to the
// terminal (/dev/tty) when there is one, else to stderr (go test ./ingest
// shows it; CI sets CYBERINTAKE_REQUIRE_DOVECOT=1, which fails instead).
func TestMain(m *testing.M) {
	if why := dovecotUnavailable(); why != "" && os.Getenv("CYBERINTAKE_REQUIRE_DOVECOT") != "1" {
		var w io.WriteCloser = os.Stderr
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			w = tty
		}
		fmt.Fprintf(w, "cyberintake/ingest: the Dovecot tests skip: %s\n", why)
		if w != os.Stderr {
			w.Close()
		}
	}
	os.Exit(m.Run())
}
