package chart

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/sim"
)

// A param is one field of sim.Config, named by its json tag (its flag).
type param struct {
	name  string
	value reflect.Value
}

// params lists c's fields in struct order.
func params(c sim.Config) []param {
	v := reflect.ValueOf(c)
	t := v.Type()
	ps := make([]param, t.NumField())
	for i := range ps {
		ps[i] = param{t.Field(i).Tag.Get("json"), v.Field(i)}
	}
	return ps
}

// paramNames are the json tags of sim.Config in struct order.
func paramNames() []string {
	ps := params(sim.Config{})
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	return names
}

// isBool reports whether parameter name is a switch.
func isBool(name string) bool {
	for _, p := range params(sim.Config{}) {
		if p.name == name {
			return p.value.Kind() == reflect.Bool
		}
	}
	return false
}

func (p param) String() string {
	switch p.value.Kind() {
	case reflect.Float64:
		return strconv.FormatFloat(p.value.Float(), 'g', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(p.value.Bool())
	}
	return fmt.Sprint(p.value.Interface())
}

// setParam sets the field of c tagged name from its text in a results
// file.
func setParam(c *sim.Config, name, text string) error {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("json") != name {
			continue
		}
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Int:
			n, err := strconv.ParseInt(text, 10, 64)
			f.SetInt(n)
			return err
		case reflect.Uint64:
			n, err := strconv.ParseUint(text, 10, 64)
			f.SetUint(n)
			return err
		case reflect.Float64:
			x, err := strconv.ParseFloat(text, 64)
			f.SetFloat(x)
			return err
		case reflect.Bool:
			b, err := strconv.ParseBool(text)
			f.SetBool(b)
			return err
		}
		return fmt.Errorf("parameter %s has unsupported kind %s", name, f.Kind())
	}
	return fmt.Errorf("no parameter %s", name)
}

// keyParams are the parameters every title states, in order, with how.
var keyParams = []struct {
	name   string
	format func(sim.Config) string
}{
	{"workers", func(c sim.Config) string { return thousands(c.Workers) + " workers" }},
	{"firms", func(c sim.Config) string { return thousands(c.Firms) + " firms" }},
	{"ai-agents", func(c sim.Config) string { return "cap " + thousands(c.AIAgents) + " AI agents" }},
	{"ai-cost-decline", func(c sim.Config) string {
		if c.AICostDecline == 1 {
			return "AI cost constant"
		}
		return "AI cost ÷" + num(c.AICostDecline) + " a year"
	}},
	{"sigma", func(c sim.Config) string { return "σ = " + num(c.Sigma) }},
	{"seed", func(c sim.Config) string { return "seed " + strconv.FormatUint(c.Seed, 10) }},
}

// describe states c's key parameters and its scenario: the flags that
// differ from sim.DefaultConfig. Parameters named in skip are left out
// (those on an axis, or that vary between runs).
func describe(c sim.Config, skip ...string) []string {
	var parts []string
	shown := map[string]bool{}
	for _, s := range skip {
		shown[s] = true
	}
	for _, k := range keyParams {
		if !shown[k.name] {
			parts = append(parts, k.format(c))
		}
		shown[k.name] = true
	}
	var changed []string
	def := params(sim.DefaultConfig())
	for i, p := range params(c) {
		if shown[p.name] || p.String() == def[i].String() {
			continue
		}
		if p.value.Kind() == reflect.Bool && p.value.Bool() {
			changed = append(changed, "--"+p.name)
			continue
		}
		changed = append(changed, "--"+p.name+" "+p.String())
	}
	if len(changed) == 0 {
		return append([]string{"default scenario"}, parts...)
	}
	if len(changed) > maxChanged {
		changed = append(changed[:maxChanged], fmt.Sprintf("and %d more", len(changed)-maxChanged))
	}
	return append([]string{"scenario: " + strings.Join(changed, " ")}, parts...)
}

// maxChanged is the most changed flags a title lists.
const maxChanged = 6

// thousands writes n with commas: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
