package store

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func TestPackRoundTrip(t *testing.T) {
	random := make([]byte, 4096)
	rand.Read(random)
	text := []byte(strings.Repeat("Subject: Cyber attaque – labo 12345\r\n\r\na) hameçonnage\r\n", 200))
	for _, tc := range []struct {
		name   string
		in     []byte
		format byte
	}{
		{"empty", []byte{}, fmtPlain},
		{"one byte", []byte("x"), fmtPlain},
		{"mail text", text, fmtS2},
		{"incompressible", random, fmtPlain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := pack(tc.in)
			if v[0] != tc.format {
				t.Errorf("format %q, want %q", v[0], tc.format)
			}
			if tc.format == fmtS2 && len(v) >= len(tc.in)/2 {
				t.Errorf("packed %d bytes into %d", len(tc.in), len(v))
			}
			got, err := unpack(v)
			if err != nil || !bytes.Equal(got, tc.in) {
				t.Fatalf("unpack = %q, %v", got, err)
			}
		})
	}
}

// TestUnpackZstd: stores written before S2 hold zstd frames; they must
// stay readable.
func TestUnpackZstd(t *testing.T) {
	e, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte(strings.Repeat("a) phishing\r\n", 100))
	got, err := unpack(e.EncodeAll(want, []byte{fmtZstd}))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("unpack(zstd) = %q, %v", got, err)
	}
}

func TestUnpackDamaged(t *testing.T) {
	good := pack([]byte(strings.Repeat("b) LIS down ", 100)))
	for _, tc := range []struct {
		name string
		v    []byte
		want string
	}{
		{"empty", nil, "empty value"},
		{"unknown format", []byte("qabc"), "unknown value format"},
		{"truncated S2", good[:len(good)/2], "decompress"},
		{"S2 garbage", []byte("s\xff\xff\xff\xff\x0fxx"), "decompress"},
		{"zstd garbage", []byte("zxxxx"), "decompress"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := unpack(tc.v); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("unpack error %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzUnpack: a damaged store value is an error, never a panic or a huge
// allocation.
func FuzzUnpack(f *testing.F) {
	f.Add(pack([]byte(strings.Repeat("c) reinstall ", 50))))
	f.Add([]byte("p"))
	f.Add([]byte("s\x00"))
	f.Fuzz(func(t *testing.T, v []byte) {
		b, err := unpack(v)
		if err == nil && len(v) > 0 && v[0] == fmtS2 && len(b) > 1<<30 {
			t.Fatalf("%d bytes from %d", len(b), len(v))
		}
	})
}
