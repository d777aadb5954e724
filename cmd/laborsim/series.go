package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/laborsim/laborsim/experiments"
)

// openSweepSeries opens the --series file of a sweep whose results file f
// is open, and adds to todo the runs that f holds but the series lacks
// (run again for their series only). Without --series it returns nil and
// todo unchanged.
func openSweepSeries(opt sweepOptions, sw experiments.Sweep, f *experiments.Results, runs, todo []experiments.Run, stderr io.Writer) (*experiments.SeriesFile, []experiments.Run, error) {
	if opt.series == "" {
		return nil, todo, nil
	}
	if sameFile(opt.series, opt.out) || sameFile(experiments.StagingPath(opt.series), opt.out) {
		return nil, nil, usagef("invalid --series %s: it is the results file (--out); give the series a file of its own", opt.series)
	}
	ser, notes, err := experiments.OpenSeries(opt.series, sw, f.Has)
	var foreign *experiments.ForeignError
	switch {
	case errors.As(err, &foreign):
		return nil, nil, usageError{fmt.Errorf("--series: %w", err)}
	case err != nil:
		return nil, nil, fmt.Errorf("--series: %w", err)
	}
	note(stderr, opt.quiet, notes...)
	again := 0
	for _, r := range runs {
		if f.Has(r.Index) && !ser.Has(r.Index) {
			todo = append(todo, r)
			again++
		}
	}
	if again > 0 && !opt.quiet {
		fmt.Fprintf(stderr, "laborsim: %s lacks the series of %d runs that %s holds; running them again for their series\n", opt.series, again, opt.out)
	}
	return ser, todo, nil
}

// sameFile reports whether two paths name one file: the same name, or
// (where both exist) the same inode.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
