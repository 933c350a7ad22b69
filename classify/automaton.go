package classify

// automaton is an Aho-Corasick machine compiled to a dense transition table
// over a small alphabet: the normalised text holds only a-z, 0-9, space and
// the bytes of the rare non-Latin letters, which share one class.
type automaton struct {
	next   []uint16 // next[state*nClass+class]; states fit in 16 bits
	outAt  []uint32 // keys ending at state s are out[outAt[s]:outAt[s+1]]
	out    []int32  // through failure links too
	keyLen []int32
}

const nClass = 38 // 0 other, 1 space, 2..27 a-z, 28..37 0-9

var byteClass = func() (c [256]uint8) {
	c[' '] = 1
	for b := 'a'; b <= 'z'; b++ {
		c[b] = uint8(2 + b - 'a')
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = uint8(28 + b - '0')
	}
	return c
}()

func buildAutomaton(keys []string) automaton {
	a := automaton{keyLen: make([]int32, len(keys))}
	// Trie first, with -1 for missing edges.
	goTo := [][nClass]int32{{}}
	for i := range goTo[0] {
		goTo[0][i] = -1
	}
	out := [][]int32{nil}
	for id, k := range keys {
		a.keyLen[id] = int32(len(k))
		s := int32(0)
		for i := 0; i < len(k); i++ {
			c := byteClass[k[i]]
			if goTo[s][c] < 0 {
				var row [nClass]int32
				for j := range row {
					row[j] = -1
				}
				goTo = append(goTo, row)
				out = append(out, nil)
				goTo[s][c] = int32(len(goTo) - 1)
			}
			s = goTo[s][c]
		}
		out[s] = append(out[s], int32(id))
	}
	// Breadth-first: failure links, outputs merged, missing edges filled.
	fail := make([]int32, len(goTo))
	queue := make([]int32, 0, len(goTo))
	for c := 0; c < nClass; c++ {
		if t := goTo[0][c]; t >= 0 {
			fail[t] = 0
			queue = append(queue, t)
		} else {
			goTo[0][c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		out[s] = append(out[s], out[fail[s]]...)
		for c := 0; c < nClass; c++ {
			t := goTo[s][c]
			if t < 0 {
				goTo[s][c] = goTo[fail[s]][c]
				continue
			}
			fail[t] = goTo[fail[s]][c]
			queue = append(queue, t)
		}
	}
	if len(goTo) > 1<<16 {
		panic("classify: vocabulary too large for a 16-bit automaton")
	}
	a.next = make([]uint16, len(goTo)*nClass)
	for s, row := range goTo {
		for c, t := range row {
			a.next[s*nClass+c] = uint16(t)
		}
	}
	a.outAt = make([]uint32, len(out)+1)
	for s, o := range out {
		a.out = append(a.out, o...)
		a.outAt[s+1] = uint32(len(a.out))
	}
	return a
}

// run calls f(end, key) for every key occurrence ending at byte end of text.
func (a *automaton) run(text string, f func(end int, key int32)) {
	s := 0
	for i := 0; i < len(text); i++ {
		s = int(a.next[s*nClass+int(byteClass[text[i]])])
		if lo, hi := a.outAt[s], a.outAt[s+1]; lo != hi {
			for _, k := range a.out[lo:hi] {
				f(i, k)
			}
		}
	}
}
