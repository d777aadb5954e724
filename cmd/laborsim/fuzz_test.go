package main

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzRunFlags: any command line is either accepted, giving a configuration
// that validates, or refused with a one-line usage error; never a panic.
func FuzzRunFlags(f *testing.F) {
	for _, s := range []string{
		"--workers 10 --firms 2", "--sigma 0", "--sigma=-1e308", "--years 99999999999",
		"--ai-price NaN", "--tfp Inf", "--format xml", "--seed -1", "--automation 0.5 --traditional-share 0.6",
		"--steps-per-year 1000000 --years 1000", "-h", "--", "stray", "--workers",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cfg, _, err := parseRun(strings.Fields(line), io.Discard)
		var u usageError
		switch {
		case err == nil:
			if verr := cfg.Validate(); verr != nil {
				t.Fatalf("%q accepted but invalid: %v", line, verr)
			}
		case errors.As(err, &u):
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: multi-line message %q", line, err)
			}
		case errors.Is(err, errHelp):
		default:
			t.Fatalf("%q: not a usage error: %v", line, err)
		}
	})
}
