//go:build unix

package experiments

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadSpecRefusesNonRegular: a scenario file that is a directory, a
// device, a FIFO without a writer or larger than MaxSpecBytes is refused
// at once, with one line naming the file; a link to a regular file is
// read. (Before, /dev/zero and a FIFO were read for ever.)
func TestLoadSpecRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxSpecBytes)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "is a directory, not a regular file: refused"},
		{fifo, "is a FIFO, not a regular file: refused"},
		{"/dev/zero", "is a character device, not a regular file: refused"},
		{big, "more than the 1048576 bytes a scenario file may have"},
	} {
		if _, err := os.Stat(c.path); err != nil {
			t.Fatal(err)
		}
		_, err := LoadSpec(c.path)
		if err == nil || !strings.HasPrefix(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("LoadSpec(%s): %v; want %q", c.path, err, c.want)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("workers: 10\nreplicates: 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(good, link); err != nil {
		t.Fatal(err)
	}
	if s, err := LoadSpec(link); err != nil || s.Replicates != 2 {
		t.Fatalf("a link to a scenario file: %+v, %v", s, err)
	}
}
