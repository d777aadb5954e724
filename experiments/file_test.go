package experiments

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneWriter: while one Results has the file open, a second open of it
// is refused at once with a BusyError, before it reads or writes a byte;
// once the first is finished (its file renamed over), the file opens again.
func TestOneWriter(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10", 1)
	path := filepath.Join(t.TempDir(), "r.csv")
	first, _, _, err := OpenResults(path, s)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	var busy *BusyError
	if _, _, _, err := OpenResults(path, s); !errors.As(err, &busy) || !strings.Contains(err.Error(), "in use by another laborsim process") {
		t.Fatalf("second writer: %v, want a BusyError", err)
	}
	if err := WriteResults(path, nil); !errors.As(err, &busy) {
		t.Errorf("a merge onto a file being written: %v, want a BusyError", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("the refused writers changed the file:\n%q\nwant\n%q", after, before)
	}
	if err := first.Finish(); err != nil {
		t.Fatal(err)
	}
	second, _, _, err := OpenResults(path, s)
	if err != nil {
		t.Fatalf("after the first writer finished: %v", err)
	}
	second.Close()
}
