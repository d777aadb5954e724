package experiments

import (
	"reflect"
	"strings"

	"github.com/laborsim/laborsim/sim"
)

// Changed are the parameters whose values in cfg differ from
// sim.DefaultConfig, in ParamNames order, valued as ParamValue writes them.
func Changed(cfg sim.Config) []Assignment {
	def := sim.DefaultConfig()
	var out []Assignment
	for _, p := range params {
		if v := ParamValue(cfg, p.Flag); v != ParamValue(def, p.Flag) {
			out = append(out, Assignment{p.Flag, v})
		}
	}
	return out
}

// Flag writes a as a flag of 'laborsim run': "--name value", "--name"
// for a switch that is on and "--name=false" for one that is off.
func (a Assignment) Flag() string {
	if IsSwitch(a.Name) {
		if a.Value == "true" {
			return "--" + a.Name
		}
		return "--" + a.Name + "=" + a.Value
	}
	return "--" + a.Name + " " + a.Value
}

// Flags is the command line that runs cfg: "laborsim run" and a flag for
// each parameter that differs from sim.DefaultConfig, in ParamNames order.
// Parsed back with SetParam over the defaults it gives cfg again.
func Flags(cfg sim.Config) string {
	parts := []string{"laborsim run"}
	for _, a := range Changed(cfg) {
		parts = append(parts, a.Flag())
	}
	return strings.Join(parts, " ")
}

// IsSwitch reports whether the parameter name is a switch: a flag that
// takes no value when on.
func IsSwitch(name string) bool {
	p, ok := lookupParam(name)
	return ok && kindOf(p) == reflect.Bool
}

// Shared is what the configurations cfgs have in common: each parameter
// takes its value in cfgs where they all agree and its default where they
// differ; varied names those that differ, in ParamNames order.
func Shared(cfgs []sim.Config) (shared sim.Config, varied []string) {
	shared = sim.DefaultConfig()
	for _, p := range params {
		if len(cfgs) == 0 {
			break
		}
		v := ParamValue(cfgs[0], p.Flag)
		same := true
		for _, c := range cfgs[1:] {
			same = same && ParamValue(c, p.Flag) == v
		}
		if !same {
			varied = append(varied, p.Flag)
			continue
		}
		p.Field(&shared).Set(p.Field(&cfgs[0]))
	}
	return shared, varied
}
