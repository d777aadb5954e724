//go:build unix

package experiments

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// nonBlock makes opening a FIFO return at once, so that it can be refused.
const nonBlock = syscall.O_NONBLOCK

var errLocked = errors.New("locked by another process")

// lockFile takes an exclusive flock(2) lock on f without waiting; closing
// f (or the process ending, even by kill -9) releases it. On Linux, flock
// on NFS is an fcntl lock that the server sees, so it holds across nodes.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errLocked
		}
		return err
	}
}

// keepOwner gives tmp the mode and, where the process may, the owner and
// group of the file old that it will replace.
func keepOwner(tmp *os.File, old fs.FileInfo) error {
	if err := tmp.Chmod(old.Mode().Perm()); err != nil {
		return err
	}
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		tmp.Chown(int(st.Uid), int(st.Gid)) // only root may give a file away: best effort
	}
	return nil
}
