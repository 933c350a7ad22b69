// Package safefile writes the files cyberintake produces for people
// (exports, backups, reports, follow-up drafts) so that a reader never
// sees half a file and a link planted beside the target never redirects
// the write.
package safefile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write runs write on a new temporary file beside path, then syncs it,
// gives it mode perm and renames it over path. The temporary file has a
// random name and is created with O_EXCL (os.CreateTemp), so a symlink
// planted at a predictable name such as path+".tmp" cannot make us
// overwrite its target, and the rename replaces a link at path itself
// rather than writing through it. On any error the temporary file is
// removed and path is left as it was.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Make the rename durable; best effort (not every system allows it).
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
