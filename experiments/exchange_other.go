//go:build !linux

package experiments

import "errors"

// exchange is not available here: WriteDirAtomic renames file by file.
func exchange(a, b string) error { return errors.New("no atomic exchange of directories") }
