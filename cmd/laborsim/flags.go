package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/sim"
)

// addRunFlags registers every parameter of a run (sim.Params) on fs,
// writing into cfg's fields. Defaults are cfg's current values. The ranges
// are in docs/MODEL.md (section 11) and in Validate's messages. Counts
// take 1e6 as well as 1000000, as --vary and scenario files do.
func addRunFlags(fs *pflag.FlagSet, cfg *sim.Config) {
	for _, p := range sim.Params {
		switch v := p.Field(cfg).Addr().Interface().(type) {
		case *int:
			countVar(fs, v, p.Flag, p.Description)
		case *uint64:
			fs.Var(uintValue{v}, p.Flag, p.Description)
		case *float64:
			fs.Float64Var(v, p.Flag, *v, p.Description)
		case *bool:
			fs.BoolVar(v, p.Flag, *v, p.Description)
		case *string:
			fs.StringVar(v, p.Flag, *v, p.Description)
		default:
			panic(fmt.Sprintf("--%s: a parameter of type %T", p.Flag, v)) // TestParamsAreConfig's fields are these types
		}
	}
}

// countVar registers an integer flag that takes an integral number in
// any notation: 1000000, 1e6, 1.0e+06 (every count flag of every command,
// so that counts take 1e6 everywhere).
func countVar(fs *pflag.FlagSet, p *int, name, usage string) {
	fs.Var(countValue{p}, name, usage)
}

type countValue struct{ p *int }

func (c countValue) String() string { return strconv.Itoa(*c.p) }
func (c countValue) Type() string   { return "int" }
func (c countValue) Set(s string) error {
	n, err := parseCount(s, math.MinInt64, math.MaxInt64)
	if err == nil {
		*c.p = int(n)
	}
	return err
}

// uintValue is countValue for a uint64 (the seed).
type uintValue struct{ p *uint64 }

func (u uintValue) String() string { return strconv.FormatUint(*u.p, 10) }
func (u uintValue) Type() string   { return "uint" }
func (u uintValue) Set(s string) error {
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		*u.p = n
		return nil
	}
	n, err := parseCount(s, 0, 1<<53)
	if err == nil {
		*u.p = uint64(n)
	}
	return err
}

var errNotCount = errors.New("not an integer")

// parseCount reads a decimal integer, or a number with an integral value
// in [lo, hi).
func parseCount(s string, lo, hi float64) (int64, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != math.Trunc(x) || x < lo || x >= hi {
		return 0, errNotCount
	}
	return int64(x), nil
}
