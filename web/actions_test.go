package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"cyberintake/store"
)

// formOf is what a browser sends for the correction form of rec as shown.
func formOf(t *testing.T, rec *store.Record) url.Values {
	t.Helper()
	f := newCorrectionForm(rec, nil)
	v := url.Values{"version": {f.Version}, "tags": {"1"}}
	for _, ff := range f.Fields {
		if ff.TooLong == 0 {
			v.Set(ff.Name, ff.Value)
		}
	}
	for _, g := range f.Tags {
		for _, c := range g.Choices {
			if c.Checked {
				v.Add(g.Name, vis(c.Label)) // as the page shows it
			}
		}
	}
	return v
}

// editable opens the store at path for writing (as `cyberintake web` does)
// and returns a report the parser read with answers.
func editable(t *testing.T, path string) (*store.Store, *store.Record) {
	t.Helper()
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, id := firstCase(t, path)
	rec, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st, rec
}

func post(t *testing.T, h http.Handler, target string, form url.Values, hdr ...string) (*http.Response, string) {
	t.Helper()
	return do(t, h, "POST", target, strings.NewReader(form.Encode()), append([]string{"Sec-Fetch-Site", "same-origin"}, hdr...)...)
}

func TestCorrectAndAccept(t *testing.T) {
	path := corpusStore(t)
	st, rec := editable(t, path)
	h, logs := testServer(t, path, Options{Store: st, LocalUser: "tester"})
	ctx := context.Background()
	target := fmt.Sprintf("/messages/%d/corrections", rec.ID)

	// The page shows the form with the record's values.
	_, page := do(t, h, "GET", fmt.Sprintf("/messages/%d", rec.ID), nil)
	if !strings.Contains(page, `action="`+target+`"`) || !strings.Contains(page, `name="version"`) {
		t.Fatal("no correction form on the message page")
	}

	// Sent back untouched: nothing is recorded.
	res, _ := post(t, h, target, formOf(t, rec))
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "done=unchanged") {
		t.Fatalf("untouched form: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if got, _ := st.Get(ctx, rec.ID); len(got.Corrected()) != 0 {
		t.Fatalf("an untouched form recorded %v", got.Corrected())
	}

	// An answer and a tag corrected.
	form := formOf(t, rec)
	form.Set("a", "Hameçonnage ciblé, corrigé à la main")
	form.Set("reason", "lu dans la pièce jointe")
	added := ""
	for _, l := range []string{"insider", "supplier", "ddos"} {
		if !slices.Contains(rec.Result.Tags.Cause, l) {
			added = l
			break
		}
	}
	form.Add("tags.cause", added)
	res, _ = post(t, h, target, form)
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "done=corrected") {
		t.Fatalf("correction: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	got, _ := st.Get(ctx, rec.ID)
	if got.Result.Sections.A != "Hameçonnage ciblé, corrigé à la main" || !slices.Contains(got.Result.Tags.Cause, added) {
		t.Errorf("effective a=%q causes=%v", got.Result.Sections.A, got.Result.Tags.Cause)
	}
	for _, c := range got.Review.Corrections {
		if c.By != "tester" || c.Reason != "lu dans la pièce jointe" {
			t.Errorf("correction %+v: not by tester with the reason", c)
		}
	}
	if want := []string{"a", store.TagField("cause", added)}; !slices.Equal(got.Corrected(), want) {
		t.Errorf("corrected %v, want %v", got.Corrected(), want)
	}
	if !strings.Contains(logs.String(), "msg=correction") || !strings.Contains(logs.String(), "user=tester") || strings.Contains(logs.String(), "Hameçonnage") {
		t.Errorf("log must say who corrected which fields, without the values:\n%s", logs.String())
	}
	_, page = do(t, h, "GET", fmt.Sprintf("/messages/%d?done=corrected", rec.ID), nil)
	if !strings.Contains(page, "Corrections enregistrées.") || !strings.Contains(page, "✎") {
		t.Error("the page does not say the correction was saved, or mark the corrected fields")
	}

	// A form shown before that correction is stale now: refused, 409.
	before := fileHash(t, path)
	res, body := post(t, h, target, formOf(t, rec))
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "a changé depuis") || fileHash(t, path) != before {
		t.Errorf("stale form: %d", res.StatusCode)
	}

	// Refused values: 400, the form comes back as typed, nothing written.
	for field, value := range map[string]string{"language": "xx", "downtime_days": "-1", "contact.email": "not an address"} {
		form := formOf(t, got)
		form.Set(field, value)
		form.Set("b", "typed before the mistake")
		res, body := post(t, h, target, form)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "typed before the mistake") || !strings.Contains(body, `class="error"`) {
			t.Errorf("%s=%s: %d", field, value, res.StatusCode)
		}
		if fileHash(t, path) != before {
			t.Errorf("%s=%s: the store changed", field, value)
		}
	}

	// Undo the tag.
	res, _ = post(t, h, target, url.Values{"undo": {store.TagField("cause", added)}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: %d", res.StatusCode)
	}
	got, _ = st.Get(ctx, rec.ID)
	if slices.Contains(got.Result.Tags.Cause, added) || got.IsCorrected(store.TagField("cause", added)) {
		t.Errorf("undo left %v", got.Corrected())
	}

	// Accept from the review queue goes back to the queue.
	res, _ = post(t, h, fmt.Sprintf("/messages/%d/accept", rec.ID), url.Values{"next": {"/review"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/review?done=accepted" {
		t.Fatalf("accept: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	got, _ = st.Get(ctx, rec.ID)
	if !got.Reviewed() || got.Review.By != "tester" {
		t.Errorf("review state %+v", got.Review)
	}
	hist, _ := st.History(ctx, rec.ID)
	var acts []string
	for _, e := range hist {
		acts = append(acts, e.Action)
	}
	if want := []string{"correct", "correct", "undo", "accept"}; !slices.Equal(acts, want) {
		t.Errorf("history %v, want %v", acts, want)
	}
	_, page = do(t, h, "GET", fmt.Sprintf("/messages/%d", rec.ID), nil)
	if !strings.Contains(page, "relu") || !strings.Contains(page, "Historique") {
		t.Error("the page does not show the review state and history")
	}
}

func TestActionsNeedAnEditorFromThisSite(t *testing.T) {
	path := corpusStore(t)
	st, rec := editable(t, path)
	h, _ := testServer(t, path, Options{Store: st, Users: usersFile(t)})
	target := fmt.Sprintf("/messages/%d/accept", rec.ID)
	before := fileHash(t, path)

	if res, _ := post(t, h, target, nil); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("signed out: %d", res.StatusCode)
	}
	_, viewer := signIn(t, h, "vic", "viewer-password")
	vc := "Cookie"
	if res, _ := post(t, h, target, nil, vc, viewer.Name+"="+viewer.Value); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer accept: %d", res.StatusCode)
	}
	if res, _ := post(t, h, fmt.Sprintf("/messages/%d/corrections", rec.ID), formOf(t, rec), vc, viewer.Name+"="+viewer.Value); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer correction: %d", res.StatusCode)
	}
	if _, page := do(t, h, "GET", fmt.Sprintf("/messages/%d", rec.ID), nil, vc, viewer.Name+"="+viewer.Value); strings.Contains(page, `id="correct"`) {
		t.Error("a viewer sees the correction form")
	}
	_, editor := signIn(t, h, "erin", "editor-password")
	ec := editor.Name + "=" + editor.Value
	if res, _ := do(t, h, "POST", target, nil, vc, ec, "Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site accept: %d", res.StatusCode)
	}
	if res, _ := do(t, h, "GET", target, nil, vc, ec); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET accept: %d", res.StatusCode)
	}
	if fileHash(t, path) != before {
		t.Fatal("a refused request changed the store")
	}
	if res, _ := post(t, h, target, nil, vc, ec); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("editor accept: %d", res.StatusCode)
	}
	got, _ := st.Get(context.Background(), rec.ID)
	if !got.Reviewed() || got.Review.By != "erin" {
		t.Errorf("accepted by %q, want the signed-in editor", got.Review.By)
	}
}

func TestReviewQueuePage(t *testing.T) {
	path := corpusStore(t)
	st, _ := editable(t, path)
	h, _ := testServer(t, path, Options{Store: st})
	items, err := st.ReviewQueue(context.Background(), store.QueueFilter{})
	if err != nil || len(items) == 0 {
		t.Fatalf("queue: %v (%d)", err, len(items))
	}
	_, page := do(t, h, "GET", "/review", nil)
	first := fmt.Sprintf(`data-id="%d"`, items[0].ID)
	if !strings.Contains(page, first) || strings.Count(page, "<li data-id=") != len(items) {
		t.Fatalf("queue page lacks the store's queue (%d items)", len(items))
	}
	post(t, h, fmt.Sprintf("/messages/%d/accept", items[0].ID), url.Values{"next": {"/review"}})
	if _, page := do(t, h, "GET", "/review", nil); strings.Contains(page, first) {
		t.Error("an accepted message is still in the queue")
	}
}

// TestCorrectHostileUnchanged: a form over a hostile reply (bidi controls
// shown as markers, a 1 MB answer left off the form) sent back untouched
// changes nothing.
func TestCorrectHostileUnchanged(t *testing.T) {
	path, _, id, _ := hostileStore(t)
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := testServer(t, path, Options{Store: st})
	form := formOf(t, rec)
	if _, ok := form["b"]; ok {
		t.Error("the 1 MB answer is on the form")
	}
	if !strings.Contains(form.Get("lab"), "⟨RLO⟩") {
		t.Errorf("lab on the form %q: the override is not shown as a marker", form.Get("lab"))
	}
	res, body := post(t, h, fmt.Sprintf("/messages/%d/corrections", id), form)
	if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, "done=unchanged") {
		i := strings.Index(body, `class="error"`)
		t.Errorf("untouched hostile form: %d %s %.300s", res.StatusCode, loc, body[max(i, 0):])
	}
	if got, _ := st.Get(context.Background(), id); len(got.Corrected()) != 0 {
		t.Errorf("recorded %v", got.Corrected())
	}
}
