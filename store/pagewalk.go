package store

import (
	"encoding/binary"
	"fmt"
	"os"
)

// walkFile checks the bounds of every page reachable from the current
// meta page, reading the file with ReadAt (no mapping, so nothing can
// fault): page ids below the high-water mark, each page naming itself,
// elements, keys and values inside their page, nested buckets likewise,
// the free list inside its page. bbolt's own Check (tx.Check) runs in a
// goroutine where a fault cannot be recovered and follows offsets without
// bounds checks; once walkFile has passed, every address it reads lies in
// the file. It returns the first problem, or "".
func walkFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	head := make([]byte, 4096)
	if _, err := f.ReadAt(head, 0); err != nil {
		return "meta page 0 unreadable: " + err.Error()
	}
	m0, _, err0 := parseMeta(head)
	ps := uint64(4096)
	if err0 == nil {
		ps = m0.pageSize
	}
	p1 := make([]byte, pageHeader+64)
	f.ReadAt(p1, int64(ps))
	m1, _, err1 := parseMeta(p1)
	cur := m0
	if err0 != nil || err1 == nil && m1.tx > m0.tx {
		cur = m1
	}
	if err0 != nil && err1 != nil {
		return "both meta pages are bad"
	}
	w := pageWalker{f: f, ps: ps, hwm: cur.pgid, seen: map[uint64]bool{}}
	if cur.freelist != noFreelist {
		if err := w.freelist(cur.freelist); err != nil {
			return err.Error()
		}
	}
	if err := w.tree(cur.root, 0); err != nil {
		return err.Error()
	}
	return ""
}

type pageWalker struct {
	f    *os.File
	ps   uint64
	hwm  uint64
	seen map[uint64]bool
}

const (
	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagFreelist = 0x10
	leafBucket   = 0x01
	elemSize     = 16
)

// read returns page id with its overflow pages.
func (w *pageWalker) read(id uint64) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, fmt.Errorf("page %d: outside the file's %d pages", id, w.hwm)
	}
	if w.seen[id] {
		return nil, fmt.Errorf("page %d: reached twice", id)
	}
	w.seen[id] = true
	p := make([]byte, w.ps)
	if _, err := w.f.ReadAt(p, int64(id*w.ps)); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := binary.LittleEndian.Uint64(p); got != id {
		return nil, fmt.Errorf("page %d: names itself %d", id, got)
	}
	if ov := uint64(binary.LittleEndian.Uint32(p[12:])); ov > 0 {
		if ov >= w.hwm-id {
			return nil, fmt.Errorf("page %d: %d overflow pages past the end", id, ov)
		}
		full := make([]byte, (1+ov)*w.ps)
		if _, err := w.f.ReadAt(full, int64(id*w.ps)); err != nil {
			return nil, fmt.Errorf("page %d: %w", id, err)
		}
		p = full
	}
	return p, nil
}

func (w *pageWalker) freelist(id uint64) error {
	p, err := w.read(id)
	if err != nil {
		return fmt.Errorf("free list: %w", err)
	}
	if binary.LittleEndian.Uint16(p[8:])&flagFreelist == 0 {
		return fmt.Errorf("free list: page %d is not one", id)
	}
	n, start := uint64(binary.LittleEndian.Uint16(p[10:])), uint64(pageHeader)
	if n == 0xFFFF {
		n, start = binary.LittleEndian.Uint64(p[pageHeader:]), pageHeader+8
	}
	if n > (uint64(len(p))-start)/8 {
		return fmt.Errorf("free list: page %d claims %d ids", id, n)
	}
	for i := range n {
		if fid := binary.LittleEndian.Uint64(p[start+8*i:]); fid < 2 || fid >= w.hwm {
			return fmt.Errorf("free list: page %d outside the file", fid)
		}
	}
	return nil
}

// tree checks the page tree of one bucket rooted at page id.
func (w *pageWalker) tree(id uint64, depth int) error {
	if depth > 64 {
		return fmt.Errorf("page %d: tree deeper than 64", id)
	}
	p, err := w.read(id)
	if err != nil {
		return err
	}
	return w.page(p, id, depth)
}

// page checks one branch or leaf page held in p (a file page, or an
// inline bucket's value).
func (w *pageWalker) page(p []byte, id uint64, depth int) error {
	if len(p) < pageHeader {
		return fmt.Errorf("page %d: inline page shorter than its header", id)
	}
	flags, n := binary.LittleEndian.Uint16(p[8:]), uint64(binary.LittleEndian.Uint16(p[10:]))
	if pageHeader+n*elemSize > uint64(len(p)) {
		return fmt.Errorf("page %d: %d elements do not fit", id, n)
	}
	le := binary.LittleEndian
	for i := range n {
		at := pageHeader + i*elemSize
		e := p[at:]
		switch {
		case flags&flagBranch != 0:
			pos, ksize, child := uint64(le.Uint32(e)), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
			if at+pos+ksize > uint64(len(p)) {
				return fmt.Errorf("page %d: key %d past the page", id, i)
			}
			if err := w.tree(child, depth+1); err != nil {
				return err
			}
		case flags&flagLeaf != 0:
			eflags, pos, ksize, vsize := le.Uint32(e), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
			if at+pos+ksize+vsize > uint64(len(p)) {
				return fmt.Errorf("page %d: element %d past the page", id, i)
			}
			if eflags&leafBucket == 0 {
				continue
			}
			v := p[at+pos+ksize : at+pos+ksize+vsize]
			if len(v) < 16 {
				return fmt.Errorf("page %d: bucket header %d too short", id, i)
			}
			if root := le.Uint64(v); root != 0 {
				if err := w.tree(root, depth+1); err != nil {
					return err
				}
			} else if err := w.page(v[16:], id, depth+1); err != nil {
				return err
			}
		default:
			return fmt.Errorf("page %d: neither branch nor leaf (flags %#x)", id, flags)
		}
	}
	return nil
}
