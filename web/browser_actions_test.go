package web

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"cyberintake/store"
)

// browserActions works the review queue with the keyboard.
func browserActions(t *testing.T, ctx context.Context, console *consoleLog, base string, st *store.Store) {
	t.Run("review", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/review"), chromedp.WaitVisible(chromedp.ID("queue"))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#queue li.current"), "data-id")); err != nil {
			t.Fatalf("no current item in the queue: %v", err)
		}
		shot(t, ctx, "review")
		console.check(t, "review")
	})
}
