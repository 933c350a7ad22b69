package mailparse

import "fmt"

// Text returns the body of a raw message as the parser reads it: decoded,
// HTML converted to text, forwarded messages appended (see decoded.Text),
// at most 256 KiB. The web interface shows it beside the answers read
// from it, so an analyst sees what the parser saw. Like Parse, it never
// panics.
func Text(raw []byte) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("internal error while decoding: %v", p)
		}
	}()
	d, err := decode(raw, nil)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}
