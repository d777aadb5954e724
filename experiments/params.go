package experiments

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/sim"
)

// params are the run parameters, sim.Params: named by their flags (the
// json tags of sim.Config's fields), in sim.Config order.
var params = sim.Params

// kindOf is the kind of the parameter's field in sim.Config.
func kindOf(p sim.Param) reflect.Kind {
	var cfg sim.Config
	return p.Field(&cfg).Kind()
}

// ParamNames are the run parameters in sim.Config order: the flags of
// 'laborsim run', as named in the results file's header.
func ParamNames() []string {
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.Flag
	}
	return names
}

// IsParam reports whether name is a run parameter, spelled as its flag
// (ai-agents), in snake_case (ai_agents) or as its column (ParamColumn).
func IsParam(name string) bool { _, ok := lookupParam(name); return ok }

// lookupParam finds a parameter by any of its spellings.
func lookupParam(name string) (sim.Param, bool) {
	if p, ok := sim.LookupParam(name); ok {
		return p, true
	}
	if flag, ok := spellings[name]; ok {
		return sim.LookupParam(flag)
	}
	return sim.Param{}, false
}

// ParamFlag is the flag of the parameter spelled name (ai_agents and
// ai-agents are both ai-agents), or name itself if it is none: the one
// spelling a sweep keeps, hashes into its seeds and compares.
func ParamFlag(name string) string {
	if p, ok := lookupParam(name); ok {
		return p.Flag
	}
	return name
}

// ParamColumn is the column of the parameter spelled name in every file
// (results, series, summaries, a run's JSON): its flag in snake_case
// (ai-agents is ai_agents), except where that is also a metric's name,
// which columnNames renames. Flags stay kebab-case; every reader of a
// name (--vary, a scenario's keys, plot's --x and --by) takes either.
func ParamColumn(name string) string { return columnOf(ParamFlag(name)) }

// columnNames are the columns of the parameters whose snake_case flag is a
// metric's name: --ai-price (the price at the start) beside the metric
// ai_price (the price each step), --ai-fleet (compute or fixed) beside
// ai_fleet (the fleet's size). TestColumnsAreDistinct keeps every column
// of a file distinct.
var columnNames = map[string]string{
	"ai-price": "ai_price_start",
	"ai-fleet": "ai_fleet_mode",
}

// spellings maps each parameter's other spellings — snake_case and its
// column — to its flag.
var spellings = func() map[string]string {
	m := map[string]string{}
	for _, p := range sim.Params {
		m[strings.ReplaceAll(p.Flag, "-", "_")] = p.Flag
		m[columnOf(p.Flag)] = p.Flag
	}
	return m
}()

// columnOf is ParamColumn of a flag, without the spellings table (which
// it builds).
func columnOf(flag string) string {
	if c, ok := columnNames[flag]; ok {
		return c
	}
	return strings.ReplaceAll(flag, "-", "_")
}

// ParamColumns are the parameters' columns in sim.Config order.
func ParamColumns() []string {
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = columnOf(p.Flag)
	}
	return names
}

// SetParam parses value and stores it in cfg's field for the parameter
// name. Integers may be written as integral floats ("1e6").
func SetParam(cfg *sim.Config, name, value string) error {
	p, ok := lookupParam(name)
	if !ok {
		return fmt.Errorf("unknown parameter %q", name)
	}
	f := p.Field(cfg)
	switch kind := f.Kind(); kind {
	case reflect.Int:
		n, err := parseInt(value, math.MinInt64, math.MaxInt64)
		if err != nil {
			return fmt.Errorf("%s: %q is not an integer", name, value)
		}
		f.SetInt(n)
	case reflect.Uint64:
		n, err := strconv.ParseUint(value, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: %q is not an unsigned integer", name, value)
		}
		f.SetUint(n)
	case reflect.Float64:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("%s: %q is not a number", name, value)
		}
		f.SetFloat(x)
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%s: %q is not true or false", name, value)
		}
		f.SetBool(b)
	case reflect.String:
		f.SetString(value)
	default:
		return fmt.Errorf("%s: parameters of type %v are not supported", name, kind)
	}
	return nil
}

// parseInt reads a decimal integer, or a float with an integral value.
func parseInt(s string, lo, hi float64) (int64, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != math.Trunc(x) || x < lo || x >= hi {
		return 0, strconv.ErrSyntax
	}
	return int64(x), nil
}

// ParamValue formats cfg's value of the parameter name as it is written in
// the results file: the shortest text that reads back exactly.
func ParamValue(cfg sim.Config, name string) string {
	p, ok := lookupParam(name)
	if !ok {
		return ""
	}
	return formatField(p.Field(&cfg))
}

// paramValues formats every parameter of cfg in ParamNames order.
func paramValues(cfg sim.Config) []string {
	out := make([]string, len(params))
	for i, p := range params {
		out[i] = formatField(p.Field(&cfg))
	}
	return out
}

func formatField(f reflect.Value) string {
	switch f.Kind() {
	case reflect.Int:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Uint64:
		return strconv.FormatUint(f.Uint(), 10)
	case reflect.Float64:
		return FormatNumber(f.Float())
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	case reflect.String:
		return f.String()
	}
	return fmt.Sprint(f.Interface())
}
