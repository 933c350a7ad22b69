package mailparse

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// mailtoAddress returns the address of a mailto: link whose text does not
// show it: a signature's '<a href="mailto:jan.peeters@lab.be">Jan
// Peeters</a>' or "E-mail" keeps the address only in the link, and the
// contact would lose it. "" for other links and links showing their
// address.
func mailtoAddress(n *html.Node) string {
	href := strings.TrimSpace(attr(n, "href"))
	if len(href) < 8 || !strings.EqualFold(href[:7], "mailto:") {
		return ""
	}
	addr := href[7:]
	if i := strings.IndexAny(addr, "?,;"); i >= 0 {
		addr = addr[:i] // "?subject=...", several recipients
	}
	if u, err := url.PathUnescape(addr); err == nil {
		addr = u
	}
	addr = strings.TrimSpace(addr)
	if e := findEmail(addr); e == "" || e != addr {
		return ""
	}
	if strings.Contains(strings.ToLower(nodeText(n)), strings.ToLower(addr)) {
		return ""
	}
	return addr
}
