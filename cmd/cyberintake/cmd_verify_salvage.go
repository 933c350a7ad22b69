package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"cyberintake/store"
)

// runSalvage copies what is readable of the store into opts.Salvage and
// says what was lost. It exits 0 when nothing was lost, else 4 (partial).
func runSalvage(ctx context.Context, g *globals, opts verifyOptions, w io.Writer) error {
	src, err := g.dbPath()
	if err != nil {
		return err
	}
	rep, err := store.Salvage(ctx, src, opts.Salvage, &store.Options{Timeout: g.Timeout, Logger: g.logger})
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := writeJSON(w, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(w, "salvaged %d messages and %d mailbox states from %s into %s\n", rep.Copied, rep.States, src, opts.Salvage)
		if len(rep.Reparse) > 0 {
			fmt.Fprintf(w, "parsed record unreadable, filed as failed (run reprocess): %s\n", idList(rep.Reparse))
		}
		if len(rep.Changed) > 0 {
			fmt.Fprintf(w, "raw message changed on disk, copied as it is: %s\n", idList(rep.Changed))
		}
		if len(rep.Lost) > 0 {
			fmt.Fprintf(w, "lost (raw message unreadable): %s\n", idList(rep.Lost))
		}
	}
	// The last line says what went wrong once; the lines above list it.
	switch {
	case rep.Unknown:
		return errPartial{fmt.Errorf("salvage: the list of messages in %s is unreadable: %d lost that are known, others may be", src, len(rep.Lost))}
	case len(rep.Lost) > 0:
		return errPartial{fmt.Errorf("salvage: %d messages lost (listed above)", len(rep.Lost))}
	}
	return nil
}

func idList(ids []uint64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, " ")
}
