package web

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"cyberintake/store"
)

// browser starts Debian's chromium through chromedp. The test is
// mandatory under CI (.ci/run installs chromium); elsewhere it skips,
// saying so, when chromium is missing.
func browser(t *testing.T) (context.Context, *consoleLog) {
	t.Helper()
	bin := os.Getenv("CYBERINTAKE_CHROMIUM")
	if bin == "" {
		for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
			if _, err := os.Stat(p); err == nil {
				bin = p
				break
			}
		}
	}
	if bin == "" {
		if p, err := exec.LookPath("chromium"); err == nil {
			bin = p
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI: chromium is required for the browser test (apt-get install chromium)")
		}
		t.Skip("no chromium on this machine: the browser test runs under CI (.ci/run installs it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 900), chromedp.Flag("lang", "en-GB"))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil { // start the browser with no deadline
		cancelB()
		cancelA()
		t.Fatalf("start chromium (%s): %v", bin, err)
	}
	ctx, cancelT := context.WithTimeout(bctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	cl := &consoleLog{}
	messages := chromedp.Console(bctx)
	go func() { // ends with the browser's context
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				cl.add(m.String() + " at " + m.URL)
			}
		}
	}()
	return ctx, cl
}

// consoleLog collects what the browser complains about: CSP refusals,
// script errors, failed loads. A page that works has none.
type consoleLog struct {
	mu   sync.Mutex
	errs []string
}

func (c *consoleLog) add(s string) {
	c.mu.Lock()
	c.errs = append(c.errs, s)
	c.mu.Unlock()
}

func (c *consoleLog) check(t *testing.T, where string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.errs {
		t.Errorf("%s: browser reported: %s", where, e)
	}
	c.errs = nil
}

// shot saves a full-page PNG of the current page in the test's output
// directory (go test -artifacts keeps it) and, for the README's pictures,
// in $CYBERINTAKE_DOCS_SHOTS when set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s.png in %s", name, t.ArtifactDir())
	if d := os.Getenv("CYBERINTAKE_DOCS_SHOTS"); d != "" && docShots[name] {
		// The README shows what a person sees first: the window, not the
		// whole page.
		view, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(d, name+".png"), view, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// docShots are the screenshots the README shows (docs/*.png).
var docShots = map[string]bool{"overview": true, "case": true, "review": true}

// load runs trigger (a click, a key, a submit) and waits for the page it
// leads to: acting on the old page while the new one loads is a race.
func load(t *testing.T, ctx context.Context, trigger chromedp.Action[chromedp.Void]) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		t.Fatal(err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func TestBrowser(t *testing.T) {
	ctx, console := browser(t)
	path := corpusStore(t)
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := testServer(t, path, Options{Store: st, LocalUser: "analyst"})
	srv := httptest.NewServer(h)
	defer srv.Close()

	t.Run("overview", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("figure.chart svg"))); err != nil {
			t.Fatal(err)
		}
		// The browser asks for English; the switch is a POST form: Dutch,
		// then back to English.
		if h1 := text(t, ctx, "h1"); h1 != "Overview" {
			t.Errorf("h1 %q for a browser asking for en-GB", h1)
		}
		load(t, ctx, chromedp.Click(chromedp.CSS(`.langs button[value="nl"]`)))
		if h1 := text(t, ctx, "h1"); h1 != "Overzicht" {
			t.Errorf("h1 %q after switching to Dutch", h1)
		}
		load(t, ctx, chromedp.Click(chromedp.CSS(`.langs button[value="en"]`)))
		if h1 := text(t, ctx, "h1"); h1 != "Overview" {
			t.Errorf("h1 %q after switching back to English", h1)
		}
		if s := text(t, ctx, "section.figures"); !strings.Contains(s, "33") || !strings.Contains(s, "labs reported") {
			t.Errorf("key figures %q", s)
		}
		shot(t, ctx, "overview")
		console.check(t, "overview")
	})

	t.Run("lab", func(t *testing.T) {
		load(t, ctx, chromedp.Click(chromedp.CSS(`nav a[href="/labs"]`)))
		shot(t, ctx, "labs")
		load(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/labs/43109"]`)))
		if h1 := text(t, ctx, "h1"); h1 != "Lab 43109" {
			t.Errorf("case page h1 %q", h1)
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.message").length`))
		if err != nil || n != 2 {
			t.Errorf("case 43109 shows %d messages, want 2 (%v)", n, err)
		}
		shot(t, ctx, "case")
		console.check(t, "lab")
	})

	browserActions(t, ctx, console, srv.URL, st)

	t.Run("report", func(t *testing.T) {
		file := filepath.Join(t.ArtifactDir(), "report.html")
		var buf bytes.Buffer
		if err := WriteReport(context.Background(), &buf, st, ReportOptions{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitVisible(chromedp.CSS("figure.chart"))); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, "report")
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatal("print to PDF gave no PDF")
		}
		pages := bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type /Page/")) + bytes.Count(pdf, []byte("/Type /Page>"))
		if err := os.WriteFile(filepath.Join(t.ArtifactDir(), "report.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("report.pdf: %d bytes, ~%d pages", len(pdf), pages)
		console.check(t, "report")
	})
}
