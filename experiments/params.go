package experiments

import (
	"fmt"
	"math"
	"reflect"
	"strconv"

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

// IsParam reports whether name is a run parameter.
func IsParam(name string) bool { _, ok := lookupParam(name); return ok }

func lookupParam(name string) (sim.Param, bool) { return sim.LookupParam(name) }

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
