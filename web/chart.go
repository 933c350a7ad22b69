package web

import (
	"fmt"
	"math"
)

// A Chart is a horizontal bar chart drawn as SVG by the "chart" template:
// each bar's count and share are written beside it as text, so it reads
// without colour and in print, and a screen reader gets the table of the
// same figures (<title>, and the numbers are text nodes). The geometry is
// computed here so the template only places numbers; every label goes
// through html/template's escaping.
type Chart struct {
	ID     string // unique on the page (aria-labelledby)
	Title  string
	Note   string // what the shares are shares of
	Total  int    // shares are Count/Total
	Bars   []Bar
	Legend [2]string // names of the two segments when bars are stacked

	// Geometry, set by layout.
	Width, Height int
	LabelW        int
	Empty         bool
}

// Bar is one bar: Count, with Extra stacked after it (hatched) when the
// chart has two series (reports and follow-ups).
type Bar struct {
	Label string
	Count int
	Extra int

	Y, W, XW    int    // bar top, width of Count's segment, width of Extra's
	TextX       int    // where the figures start
	Text        string // "12 (30%)"
	Share       float64
	LabelTitled string // the label, cut to fit, full one in <title>
}

// Chart geometry, in SVG user units (px at 100%).
const (
	chartWidth = 640
	barH       = 18
	barGap     = 6
	chartPad   = 4
	textRoom   = 110 // right of the longest bar: "1000 + 999 (100%)"
	labelMax   = 26  // runes shown of a label
)

// layout computes the bars' geometry. Shares are of Total when it is set,
// else of the sum of the bars.
func (c *Chart) layout() *Chart {
	maxN, sum, longest := 0, 0, 0
	for _, b := range c.Bars {
		maxN = max(maxN, b.Count+b.Extra)
		sum += b.Count + b.Extra
		longest = max(longest, min(len([]rune(b.Label)), labelMax))
	}
	if c.Total == 0 {
		c.Total = sum
	}
	c.LabelW = min(max(longest*7+8, 60), 220)
	room := chartWidth - c.LabelW - textRoom
	c.Empty = len(c.Bars) == 0
	for i := range c.Bars {
		b := &c.Bars[i]
		b.Y = chartPad + i*(barH+barGap)
		if maxN > 0 {
			b.W = int(math.Round(float64(b.Count) / float64(maxN) * float64(room)))
			b.XW = int(math.Round(float64(b.Count+b.Extra)/float64(maxN)*float64(room))) - b.W
		}
		b.TextX = c.LabelW + b.W + b.XW + 6
		if c.Total > 0 {
			b.Share = float64(b.Count+b.Extra) / float64(c.Total)
		}
		if b.Extra > 0 || c.Legend[1] != "" {
			b.Text = fmt.Sprintf("%d + %d (%s)", b.Count, b.Extra, percent(b.Share))
		} else {
			b.Text = fmt.Sprintf("%d (%s)", b.Count, percent(b.Share))
		}
		b.LabelTitled = cut(b.Label, labelMax)
	}
	c.Width = chartWidth
	c.Height = max(chartPad*2+len(c.Bars)*(barH+barGap), 24)
	return c
}

// percent writes a share as a whole percentage, "<1%" for a small non-zero one.
func percent(f float64) string {
	switch {
	case f > 0 && f < 0.005:
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", f*100)
}

// cut shortens s to n runes, with an ellipsis.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
