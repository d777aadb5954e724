package serve

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// paramInfo is what the page needs to draw a parameter's control.
type paramInfo struct {
	Name    string  `json:"name"`
	Group   string  `json:"group"`
	Usage   string  `json:"usage"`
	Default string  `json:"default"`
	Kind    string  `json:"kind"` // int, uint, float, bool or string
	Slider  bool    `json:"slider"`
	Log     bool    `json:"log"` // the slider is logarithmic
	Min     float64 `json:"min"` // the slider's range; the field takes any value Validate accepts
	Max     float64 `json:"max"`
}

// agentCounts are the parameters on a log slider from 1 to the agent cap.
var agentCounts = []string{"workers", "firms", "ai-agents"}

// fieldOnly are the parameters with a field and no slider.
var fieldOnly = []string{"seed", "start-year"}

// parameters is the page's table of parameters, in sim.Config order: the
// one place that says how each is drawn. The group and usage come from
// sim.Params, the default from sim.DefaultConfig, the slider's range from
// probing sim.Config.Validate.
func parameters(maxAgents int) []paramInfo {
	def := sim.DefaultConfig()
	var out []paramInfo
	for _, sp := range sim.Params {
		name := sp.Flag
		p := paramInfo{Name: name, Group: sp.Group, Usage: sp.Description, Default: experiments.ParamValue(def, name), Kind: kindOf(name)}
		switch {
		case p.Kind == "bool" || p.Kind == "string" || slices.Contains(fieldOnly, name):
		case slices.Contains(agentCounts, name):
			p.Slider, p.Log, p.Min, p.Max = true, true, 1, float64(min(maxAgents, 1_000_000))
		default:
			p.Slider = true
			p.Min, p.Max = sliderRange(name, p.Kind)
		}
		out = append(out, p)
	}
	return out
}

// kindOf is the kind of a parameter's field in sim.Config.
func kindOf(name string) string {
	t := reflect.TypeFor[sim.Config]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Tag.Get("json") == name {
			switch f.Type.Kind() {
			case reflect.Bool:
				return "bool"
			case reflect.Int:
				return "int"
			case reflect.Uint64:
				return "uint"
			case reflect.String:
				return "string"
			}
		}
	}
	return "float"
}

// sliderRange is a slider's range for a parameter: from the smallest
// value Validate accepts (0 for most), to 1 for a share, to the largest
// valid value up to 1 for a share bounded by another parameter, and
// otherwise to five times the default, shrunk to what Validate accepts.
// The ends are rounded inwards to three digits.
func sliderRange(name, kind string) (lo, hi float64) {
	d := paramFloat(sim.DefaultConfig(), name)
	if !valid(name, 0) {
		lo = ceilDigits(boundary(name, d, 0, kind), 3)
	}
	switch {
	case kind == "float" && valid(name, 1) && !valid(name, 1.001):
		return lo, 1
	case kind == "float" && d > 0 && d <= 1 && !valid(name, 1):
		return lo, floorDigits(boundary(name, d, 1, kind), 3)
	}
	hi = max(5*d, 1)
	if !valid(name, hi) {
		hi = boundary(name, d, hi, kind)
	}
	return lo, floorDigits(hi, 3)
}

// boundary finds by bisection the valid value nearest the edge of the
// valid range between good, which Validate accepts, and bad, which it
// refuses.
func boundary(name string, good, bad float64, kind string) float64 {
	for range 100 {
		mid := (good + bad) / 2
		if kind == "int" {
			mid = math.Round(mid)
			if mid == good || mid == bad {
				break
			}
		}
		if valid(name, mid) {
			good = mid
		} else {
			bad = mid
		}
	}
	return good
}

// floorDigits and ceilDigits round x > 0 down or up to n significant
// digits.
func floorDigits(x float64, n int) float64 { return roundDigits(x, n, math.Floor) }
func ceilDigits(x float64, n int) float64  { return roundDigits(x, n, math.Ceil) }

func roundDigits(x float64, n int, round func(float64) float64) float64 {
	if x <= 0 {
		return x
	}
	scale := math.Pow(10, float64(n)-math.Ceil(math.Log10(x)))
	return round(x*scale) / scale
}

// valid reports whether the default configuration with name set to v
// passes Validate.
func valid(name string, v float64) bool {
	cfg := sim.DefaultConfig()
	if err := experiments.SetParam(&cfg, name, strconv.FormatFloat(v, 'g', -1, 64)); err != nil {
		return false
	}
	return cfg.Validate() == nil
}

func paramFloat(cfg sim.Config, name string) float64 {
	v, _ := strconv.ParseFloat(experiments.ParamValue(cfg, name), 64)
	return v
}

// maxSteps bounds the length of a run from the page.
const maxSteps = 12_000

// config reads a run's configuration from a request's query: every key is
// a parameter, named as its flag, over sim.DefaultConfig, except the keys
// in other, which the handler reads itself. It returns the one-line error
// the command line would give, and refuses runs larger than the server
// allows.
func (s *Server) config(q url.Values, other ...string) (sim.Config, error) {
	cfg := sim.DefaultConfig()
	for _, name := range experiments.ParamNames() {
		vs, ok := q[name]
		if !ok {
			continue
		}
		if len(vs) > 1 {
			return cfg, fmt.Errorf("invalid --%s: given %d times", name, len(vs))
		}
		if err := experiments.SetParam(&cfg, name, vs[0]); err != nil {
			return cfg, fmt.Errorf("invalid --%v", err)
		}
	}
	for key := range q {
		if !experiments.IsParam(key) && !slices.Contains(other, key) {
			return cfg, fmt.Errorf("unknown parameter %q", key)
		}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, s.allowed(cfg)
}

// allowed refuses a configuration larger than the server runs.
func (s *Server) allowed(cfg sim.Config) error {
	for _, name := range agentCounts {
		if paramFloat(cfg, name) > float64(s.opt.MaxAgents) {
			return fmt.Errorf("invalid --%s %s: this server runs at most %d (laborsim serve --max-agents)", name, experiments.ParamValue(cfg, name), s.opt.MaxAgents)
		}
	}
	if cfg.Steps() > maxSteps {
		return fmt.Errorf("invalid --years %d: with --steps-per-year %d makes %d steps; the explorer runs at most %d", cfg.Years, cfg.StepsPerYear, cfg.Steps(), maxSteps)
	}
	return nil
}

// values are every parameter of cfg as ParamValue writes it.
func values(cfg sim.Config) map[string]string {
	out := map[string]string{}
	for _, name := range experiments.ParamNames() {
		out[name] = experiments.ParamValue(cfg, name)
	}
	return out
}
