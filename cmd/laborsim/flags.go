package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/sim"
)

// addRunFlags registers every parameter of a run (sim.Params) on fs,
// writing into cfg's fields. Defaults are cfg's current values. The ranges
// are in docs/MODEL.md (section 11) and in Validate's messages.
func addRunFlags(fs *pflag.FlagSet, cfg *sim.Config) {
	for _, p := range sim.Params {
		switch v := p.Field(cfg).Addr().Interface().(type) {
		case *int:
			fs.IntVar(v, p.Flag, *v, p.Description)
		case *uint64:
			fs.Uint64Var(v, p.Flag, *v, p.Description)
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
