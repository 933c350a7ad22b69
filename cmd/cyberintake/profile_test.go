package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCPUProfile: the hidden flag writes a pprof profile (gzip-compressed
// protobuf) once the command ends, and a profile path that cannot be
// created is an error naming the flag.
func TestCPUProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	files := corpusFiles(t)
	if _, stderr, code := runCLI(t, "", "--cpu-profile", path, "parse", "--json", files[0]); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Fatalf("profile is not gzip data: % x", b[:min(len(b), 8)])
	}
	bad := filepath.Join(t.TempDir(), "missing", "cpu.pprof")
	if _, _, code := runCLI(t, "", "--cpu-profile", bad, "parse", "--json", files[0]); code == exitOK {
		t.Fatalf("exit %d for an uncreatable profile path", code)
	}
}
