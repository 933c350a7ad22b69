package web

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cyberintake/store"
)

// browserActions corrects an answer and a tag, accepts, and works the
// review queue with the keyboard, checking the store after each step.
// The browser is on the case page of lab 43109.
func browserActions(t *testing.T, ctx context.Context, console *consoleLog, base string, st *store.Store) {
	var id uint64
	t.Run("correct", func(t *testing.T) {
		// From the case, the first message's "Correct or accept" link.
		load(t, ctx, chromedp.Click(chromedp.CSS(`article.message a[href$="#correct"]`)))
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		n := strings.TrimPrefix(loc[strings.Index(loc, "/messages/"):], "/messages/")
		n, _, _ = strings.Cut(n, "#")
		if id, err = strconv.ParseUint(n, 10, 64); err != nil {
			t.Fatalf("not on a message page: %s", loc)
		}
		// e focuses the form, as the page says.
		if err := chromedp.Do(ctx, chromedp.KeyEvent("e")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.CSS(`textarea[name="a"]`), "Phishing ciblé (corrigé dans le navigateur)"),
			chromedp.Click(chromedp.CSS(`input[name="tags.cause"][value="insider"]`)),
			chromedp.SendKeys(chromedp.ID("f-reason"), "vu au téléphone"),
		); err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, "message")
		load(t, ctx, chromedp.Submit(chromedp.CSS(`textarea[name="a"]`)))
		rec, err := st.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Result.Sections.A != "Phishing ciblé (corrigé dans le navigateur)" || !slices.Contains(rec.Result.Tags.Cause, "insider") {
			t.Errorf("store after the form: a=%q causes=%v", rec.Result.Sections.A, rec.Result.Tags.Cause)
		}
		want := []string{"a", store.TagField("cause", "insider")}
		if !slices.Equal(rec.Corrected(), want) {
			t.Errorf("corrected %v, want %v (a browser's textarea must not change the other fields)", rec.Corrected(), want)
		}
		for _, c := range rec.Review.Corrections {
			if c.By != "analyst" || c.Reason != "vu au téléphone" {
				t.Errorf("correction %+v: want by analyst with the reason", c)
			}
		}
		// Accept with the button.
		load(t, ctx, chromedp.Click(chromedp.CSS(`form.accept button`)))
		if rec, _ := st.Get(context.Background(), id); !rec.Reviewed() || rec.Review.By != "analyst" {
			t.Errorf("after accept: %+v", rec.Review)
		}
		shot(t, ctx, "message-accepted")
		console.check(t, "correct")
	})

	t.Run("review", func(t *testing.T) {
		queue, err := st.ReviewQueue(context.Background(), store.QueueFilter{})
		if err != nil || len(queue) < 3 {
			t.Fatalf("queue of %d: %v", len(queue), err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/review"), chromedp.WaitVisible(chromedp.ID("queue"))); err != nil {
			t.Fatal(err)
		}
		current := func() string {
			t.Helper()
			a, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#queue li.current"), "data-id"))
			if err != nil {
				t.Fatalf("no current item: %v", err)
			}
			return a.Value
		}
		if got := current(); got != fmt.Sprint(queue[0].ID) {
			t.Errorf("current %s, want the first of the queue %d", got, queue[0].ID)
		}
		shot(t, ctx, "review")
		// j, j, k: on the second; a accepts it.
		if err := chromedp.Do(ctx, chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("k")); err != nil {
			t.Fatal(err)
		}
		second := current()
		if second != fmt.Sprint(queue[1].ID) {
			t.Fatalf("after j j k: %s, want %d", second, queue[1].ID)
		}
		load(t, ctx, chromedp.KeyEvent("a"))
		acc, _ := strconv.ParseUint(second, 10, 64)
		if rec, _ := st.Get(context.Background(), acc); !rec.Reviewed() {
			t.Errorf("a did not accept message %s", second)
		}
		left, _ := st.ReviewQueue(context.Background(), store.QueueFilter{})
		if len(left) != len(queue)-1 {
			t.Errorf("queue %d after accepting one of %d", len(left), len(queue))
		}
		// e opens the current message's correction form.
		cur := current()
		load(t, ctx, chromedp.KeyEvent("e"))
		if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/messages/"+cur+"#correct") {
			t.Errorf("e went to %s, want message %s", loc, cur)
		}
		console.check(t, "review")
	})
}
