//go:build !unix

package experiments

import (
	"errors"
	"io/fs"
	"os"
)

const nonBlock = 0

var errLocked = errors.New("locked by another process")

// lockFile does nothing where there is no flock(2): there, one file must
// not be given to two processes.
func lockFile(f *os.File) error { return nil }

// keepOwner gives tmp the mode of the file old that it will replace.
func keepOwner(tmp *os.File, old fs.FileInfo) error { return tmp.Chmod(old.Mode().Perm()) }
