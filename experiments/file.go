package experiments

import (
	"bufio"
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// MaxResultsSize bounds the size of a results file that is read: 2 GiB,
// room for a sweep of MaxRuns runs at 2 KiB a row (a row is about 800
// bytes). A larger file is refused before it is read.
const MaxResultsSize = 2 << 30

// BusyError refuses a results file that another process holds open for
// writing.
type BusyError struct{ Path string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("%s is in use by another laborsim process (a sweep or merge writing it); give each process its own file", e.Path)
}

// notRegular refuses a path that names something other than a regular
// file: a device, a FIFO, a socket or a directory.
func notRegular(path string, mode fs.FileMode) error {
	return &ForeignError{fmt.Sprintf("%s is %s, not a regular file: refused", path, fileKind(mode))}
}

// fileKind names what a file mode is, for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "mode " + m.String()
}

// CheckRegular refuses a path that exists and is not a regular file (or a
// link to one), before anything opens it (opening a FIFO waits for a
// writer; opening some devices does something). A missing file is left to
// the caller to report.
func CheckRegular(path string) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return notRegular(path, st.Mode())
	}
	return nil
}

// openRegular opens path, which must be a regular file (or a symbolic link
// to one), without blocking on a FIFO, and returns it with its size. What
// is not a regular file is refused before it is opened (opening some
// devices does something), and again after, in case it was swapped in.
func openRegular(path string, flag int) (*os.File, int64, error) {
	if err := CheckRegular(path); err != nil {
		return nil, 0, err
	}
	f, err := os.OpenFile(path, flag|nonBlock, 0o666)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = notRegular(path, st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// readAllLimited reads a regular file of at most MaxResultsSize bytes.
func readAllLimited(f *os.File, path string, size int64) ([]byte, error) {
	if size > MaxResultsSize {
		return nil, &ForeignError{fmt.Sprintf("%s is %d bytes, larger than a results file can be (%d bytes): refused", path, size, int64(MaxResultsSize))}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxResultsSize+1))
	if err == nil && len(data) > MaxResultsSize {
		err = &ForeignError{fmt.Sprintf("%s grew past %d bytes while it was read: refused", path, int64(MaxResultsSize))}
	}
	return data, err
}

// openLocked opens (or creates, mode 0666 less the umask) the results file
// at path for reading and writing and takes an exclusive lock on it, so
// that it has one writer. The lock is on the file that path names once
// the lock is held: a file renamed over path meanwhile is opened afresh.
func openLocked(path string) (*os.File, int64, error) {
	for range 100 {
		f, size, err := openRegular(path, os.O_RDWR|os.O_CREATE)
		if err != nil {
			return nil, 0, err
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, 0, &BusyError{path}
			}
			return nil, 0, fmt.Errorf("locking %s: %w", path, err)
		}
		fst, err1 := f.Stat()
		pst, err2 := os.Stat(path)
		if err := cmp.Or(err1, err2); err != nil {
			f.Close()
			return nil, 0, err
		}
		if os.SameFile(fst, pst) {
			syncDir(filepath.Dir(path))
			return f, size, nil
		}
		f.Close() // replaced after we opened it: open what is there now
	}
	return nil, 0, &BusyError{path}
}

// lockExisting takes the lock of the file at path, if there is one, for
// a writer that replaces it whole; unlock releases it.
func lockExisting(path string) (unlock func(), err error) {
	f, _, err := openRegular(path, os.O_RDONLY)
	if errors.Is(err, fs.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, &BusyError{path}
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return func() { f.Close() }, nil
}

// WriteFileAtomic writes data to a temporary file beside path, syncs it,
// renames it over path and syncs the directory, so that a reader (or a
// crash) sees the old file or the new one, never a mixture.
//
// It replaces only a regular file: a device, a FIFO, a socket or a
// directory at path is refused. A symbolic link is followed: the file it
// points to is replaced and the link kept. A replaced file keeps its mode
// and (where the process may set it) its owner; a new file gets mode 0666
// less the umask. The temporary name is short, so any name path may have
// works.
func WriteFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic is WriteFileAtomic of what write writes, for files too
// large to hold in memory (a sweep's series).
func writeAtomic(path string, write func(io.Writer) error) error {
	target, old, err := destination(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	tmp, err := createTemp(dir)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if old != nil {
		err = keepOwner(tmp, old)
	}
	if err == nil {
		bw := bufio.NewWriterSize(tmp, 1<<20)
		err = cmp.Or(write(bw), bw.Flush())
	}
	err = cmp.Or(err, tmp.Sync(), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// destination resolves path to the file a write replaces — the target of a
// symbolic link — and returns what is there now (nil if nothing), refusing
// anything but a regular file.
func destination(path string) (string, fs.FileInfo, error) {
	target := path
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", nil, fmt.Errorf("writing %s: a symbolic link to nothing: %w", path, err)
		}
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil, nil
	case err != nil:
		return "", nil, fmt.Errorf("writing %s: %w", path, err)
	case !st.Mode().IsRegular():
		return "", nil, notRegular(path, st.Mode())
	}
	return target, st, nil
}

// createTemp creates a new file in dir, mode 0666 less the umask, with a
// name of 26 bytes whatever the name of the file it will replace.
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, ".laborsim-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no unused temporary name")
}

// syncDir syncs a directory, so that a rename or a new file in it lasts;
// best effort, as some file systems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// DirFile is a file of a directory written by WriteDirAtomic.
type DirFile struct {
	Name string
	Data []byte
}

// WriteDirAtomic writes files into the directory dir so that dir holds
// either all of its old files or all of the new ones, never a mixture,
// even if the disk fills or the machine stops part-way. Every file is
// written and synced in a new directory beside dir, with dir's other
// files hard-linked in, and the two directories are then swapped in one
// step (Linux's renameat2 RENAME_EXCHANGE; a rename where dir does not
// exist yet) and the old one removed. Where the swap is not available
// (another system, a file system without it, or dir holding something
// that cannot be linked), the new files are still all written before any
// is renamed into dir, in order, so that a full disk leaves the old files;
// only a crash between those renames could leave a mixture there.
func WriteDirAtomic(dir string, files []DirFile) error {
	target := dir
	if lst, err := os.Lstat(dir); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(dir); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
	}
	old, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return fmt.Errorf("writing %s: %w", dir, err)
	case !old.IsDir():
		return fmt.Errorf("writing %s: it exists and is not a directory", dir)
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	tmp, err := mkdirTemp(parent)
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		if err := writeNew(filepath.Join(tmp, f.Name), f.Data); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, f.Name), err)
		}
	}
	if old == nil {
		syncDir(tmp)
		if err := os.Rename(tmp, target); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
		syncDir(parent)
		return nil
	}
	if linkOthers(target, tmp, files) == nil {
		keepDirOwner(tmp, old)
		syncDir(tmp)
		if err := exchange(tmp, target); err == nil {
			syncDir(parent)
			return nil // the deferred RemoveAll removes the old files
		}
	}
	// No swap: rename the new files in one by one, in order.
	for _, f := range files {
		if err := os.Rename(filepath.Join(tmp, f.Name), filepath.Join(target, f.Name)); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, f.Name), err)
		}
	}
	syncDir(target)
	return nil
}

// linkOthers hard-links into tmp every entry of dir that files does not
// replace; it fails on an entry it cannot link (a directory).
func linkOthers(dir, tmp string, files []DirFile) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if slices.ContainsFunc(files, func(f DirFile) bool { return f.Name == e.Name() }) {
			continue
		}
		if e.IsDir() {
			return fmt.Errorf("%s is a directory", e.Name())
		}
		if err := os.Link(filepath.Join(dir, e.Name()), filepath.Join(tmp, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// keepDirOwner gives the directory tmp the mode and (where it may) the
// owner of the directory old that it replaces.
func keepDirOwner(tmp string, old fs.FileInfo) {
	os.Chmod(tmp, old.Mode().Perm())
	if f, err := os.Open(tmp); err == nil {
		keepOwner(f, old)
		f.Close()
	}
}

// mkdirTemp makes a new directory in dir, mode 0777 less the umask.
func mkdirTemp(dir string) (string, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, ".laborsim-"+hex.EncodeToString(b[:]))
		err := os.Mkdir(name, 0o777)
		if !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
	return "", errors.New("no unused temporary name")
}

// writeNew creates the file path (mode 0666 less the umask), writes data
// and syncs it.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return cmp.Or(err, f.Sync(), f.Close())
}
