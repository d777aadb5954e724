package experiments

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// TestWriteFileAtomicReplacesOnlyFiles: a FIFO, a directory and (as root)
// a character device are refused and left as they were; a symbolic link
// to a file is written through, the link kept.
func TestWriteFileAtomicReplacesOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	link := filepath.Join(dir, "link-to-fifo")
	os.Symlink(fifo, link)
	cases := map[string]string{fifo: "a FIFO", sub: "a directory", link: "a FIFO"}
	if os.Geteuid() == 0 {
		null := filepath.Join(dir, "null")
		if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err == nil { // 1,3: /dev/null
			cases[null] = "a character device"
		}
	}
	for path, kind := range cases {
		before, _ := os.Lstat(path)
		err := WriteFileAtomic(path, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), path+" is "+kind+", not a regular file: refused") {
			t.Errorf("%s: %v, want a refusal naming %s", path, err, kind)
		}
		if after, _ := os.Lstat(path); after == nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
			t.Errorf("%s was replaced", path)
		}
	}
	target := filepath.Join(dir, "target.csv")
	os.WriteFile(target, []byte("old"), 0o640)
	flink := filepath.Join(dir, "link.csv")
	os.Symlink("target.csv", flink)
	if err := WriteFileAtomic(flink, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(flink); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("the link's target holds %q, want new", data)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v, want 0640", st.Mode().Perm())
	}
	// A sweep whose results file is a link appends to, and finishes, the
	// link's target.
	os.Remove(target)
	s := tinySweep(t, "ai-agents=1,10", 1)
	if recs := sweepTo(t, flink, s, 1); len(recs) != 2 {
		t.Fatalf("a sweep through a link: %d records", len(recs))
	}
	if st, _ := os.Lstat(flink); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the sweep replaced its results file's link by a file")
	}
	if recs, _, err := ReadResults(target); err != nil || len(recs) != 2 {
		t.Errorf("the link's target holds %d runs, %v", len(recs), err)
	}
}

// TestWriteModes: new files (written whole or by a sweep) get 0666 less
// the umask; a replaced or resumed file keeps its mode; names up to
// NAME_MAX (255 bytes) work.
func TestWriteModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	mode := func(path string) fs.FileMode {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	fresh := filepath.Join(dir, "fresh")
	if err := WriteFileAtomic(fresh, []byte("x")); err != nil || mode(fresh) != 0o640 {
		t.Errorf("a new file: %v, mode %v, want 0640 (umask 027)", err, mode(fresh))
	}
	os.Chmod(fresh, 0o600)
	if err := WriteFileAtomic(fresh, []byte("y")); err != nil || mode(fresh) != 0o600 {
		t.Errorf("a replaced 0600 file: %v, mode %v", err, mode(fresh))
	}
	s := tinySweep(t, "ai-agents=1,10", 1)
	results := filepath.Join(dir, "results.csv")
	r, _, _, err := OpenResults(results, s)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if m := mode(results); m != 0o640 {
		t.Errorf("a new results file has mode %v, want 0640", m)
	}
	os.Chmod(results, 0o600)
	sweepTo(t, results, s, 1) // resumes, then rewrites in grid order
	if m := mode(results); m != 0o600 {
		t.Errorf("a resumed 0600 results file has mode %v", m)
	}
	for _, n := range []int{244, 255} {
		long := filepath.Join(dir, strings.Repeat("a", n-4)+".csv")
		if err := WriteFileAtomic(long, []byte("x")); err != nil {
			t.Errorf("a %d-byte name: %v", n, err)
		}
		if recs := sweepTo(t, long[:len(long)-5]+"r.csv", s, 1); len(recs) != 2 {
			t.Errorf("a sweep into a %d-byte name: %d records", n, len(recs))
		}
	}
}

// TestReadResultsRefuses: a FIFO, a device, a directory and a file larger
// than MaxResultsSize are refused at once, before a byte is read.
func TestReadResultsRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.csv")
	f, _ := os.Create(huge)
	f.Truncate(MaxResultsSize + 1) // sparse: no disk used
	f.Close()
	for path, msg := range map[string]string{
		fifo:        "is a FIFO, not a regular file",
		"/dev/zero": "is a character device, not a regular file",
		dir:         "is a directory, not a regular file",
		huge:        "is 2147483649 bytes, larger than a results file can be (2147483648 bytes)",
	} {
		var foreign *ForeignError
		if _, _, err := ReadResults(path); !errors.As(err, &foreign) || !strings.Contains(err.Error(), msg) {
			t.Errorf("ReadResults(%s): %v, want %q", path, err, msg)
		}
		if _, _, _, err := OpenResults(path, tinySweep(t, "ai-agents=1", 1)); !errors.As(err, &foreign) || !strings.Contains(err.Error(), msg) {
			t.Errorf("OpenResults(%s): %v, want %q", path, err, msg)
		}
	}
}

// TestWriteDirAtomic: the directory holds the new files and keeps its
// other files and its mode.
func TestWriteDirAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	write := func(a, b string) {
		t.Helper()
		if err := WriteDirAtomic(dir, []DirFile{{"a", []byte(a)}, {"b", []byte(b)}}); err != nil {
			t.Fatal(err)
		}
	}
	write("a1", "b1")
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	os.Chmod(dir, 0o750)
	write("a2", "b2")
	for name, want := range map[string]string{"a": "a2", "b": "b2", "notes.txt": "mine"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != want {
			t.Errorf("%s holds %q, want %q", name, data, want)
		}
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o750 {
		t.Errorf("the directory's mode is %v, want 0750", st.Mode().Perm())
	}
	// A write that fails part-way (here the second file, as a full disk
	// would fail it) leaves the old files, all of them.
	err := WriteDirAtomic(dir, []DirFile{{"a", []byte("a3")}, {"no/such/b", []byte("b3")}})
	if err == nil {
		t.Fatal("a failing write succeeded")
	}
	for name, want := range map[string]string{"a": "a2", "b": "b2", "notes.txt": "mine"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != want {
			t.Errorf("after a failed write, %s holds %q, want %q", name, data, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".laborsim-*")); len(left) > 0 {
		t.Errorf("temporary directories left: %v", left)
	}
}
