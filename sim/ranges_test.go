package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestModelDocListsEveryRange: docs/MODEL.md's parameter table has a row
// for every parameter of Params with its default, unit, the range
// Validate enforces, description and source.
func TestModelDocListsEveryRange(t *testing.T) {
	doc, err := os.ReadFile("../docs/MODEL.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Params {
		if !strings.Contains(string(doc), docRow(p)) {
			t.Errorf("docs/MODEL.md has no row %q", docRow(p))
		}
	}
}

// docRow is p's row in docs/MODEL.md's table of parameters.
func docRow(p Param) string {
	return fmt.Sprintf("| `--%s` | %s | %s | %s | %s | %s |", p.Flag, p.Default(), p.Unit, p.Range(), p.Description, p.Source)
}

// TestParamsAreConfig: Params has one entry for every field of Config, in
// the order of the fields, with a range, a default that matches the
// JSON of DefaultConfig, a label and a description.
func TestParamsAreConfig(t *testing.T) {
	c := DefaultConfig()
	data, _ := json.Marshal(c)
	var defaults map[string]any
	if err := json.Unmarshal(data, &defaults); err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeFor[Config]()
	if len(Params) != typ.NumField() || len(c.ranges()) != len(Params) {
		t.Fatalf("%d params, %d ranges for %d fields", len(Params), len(c.ranges()), typ.NumField())
	}
	for i, p := range Params {
		if tag := typ.Field(i).Tag.Get("json"); tag != p.Flag {
			t.Errorf("Params[%d] is %q; field %d of Config is %q", i, p.Flag, i, tag)
		}
		def := fmt.Sprint(defaults[p.Flag])
		if x, ok := defaults[p.Flag].(float64); ok {
			def = num(x)
		}
		if p.Default() != def {
			t.Errorf("--%s: default %q, DefaultConfig's JSON %q", p.Flag, p.Default(), def)
		}
		if p.Range() == "" || p.Label == "" || p.Description == "" || p.Source == "" || p.Group == "" {
			t.Errorf("--%s: missing range, label, description, source or group: %+v", p.Flag, p)
		}
		if q, ok := LookupParam(p.Flag); !ok || q != p {
			t.Errorf("LookupParam(%q) = %v, %v", p.Flag, q, ok)
		}
	}
}

// TestParamField: a parameter's Field is the Config field it names.
func TestParamField(t *testing.T) {
	c := DefaultConfig()
	p, _ := LookupParam("traditional-share")
	p.Field(&c).SetFloat(0.5)
	if c.TraditionalShare != 0.5 {
		t.Errorf("setting --traditional-share through Field gave %v", c.TraditionalShare)
	}
}

// TestRangeEnds: the ends of the new ranges are accepted and a step
// beyond them refused.
func TestRangeEnds(t *testing.T) {
	for _, e := range []struct {
		name    string
		set     func(*Config)
		refused bool
	}{
		{"start-year 1900", func(c *Config) { c.StartYear = 1900 }, false},
		{"start-year 2200", func(c *Config) { c.StartYear = 2200 }, false},
		{"start-year 1899", func(c *Config) { c.StartYear = 1899 }, true},
		{"start-year 2^53", func(c *Config) { c.StartYear = 1 << 53 }, true},
		{"steps-per-year 52", func(c *Config) { c.StepsPerYear = 52 }, false},
		{"steps-per-year 53", func(c *Config) { c.StepsPerYear = 53 }, true},
		{"sigma 0.04", func(c *Config) { c.Sigma = 0.04 }, false},
		{"sigma 0.039", func(c *Config) { c.Sigma = 0.039 }, true},
		{"land-sigma 0.039", func(c *Config) { c.LandSigma = 0.039 }, true},
		{"tfp 1000", func(c *Config) { c.TFP = 1000 }, false},
		{"tfp 1001", func(c *Config) { c.TFP = 1001 }, true},
		{"years × steps", func(c *Config) { c.Years, c.StepsPerYear = 500_000, 21 }, true},
	} {
		c := DefaultConfig()
		e.set(&c)
		if err := c.Validate(); (err != nil) != e.refused {
			t.Errorf("%s: %v", e.name, err)
		}
	}
}

// TestParamError: Validate's errors are *ParamError, naming the parameter,
// the value and the reason, and print as the command line shows them.
func TestParamError(t *testing.T) {
	c := DefaultConfig()
	c.TrainingShare = 1
	err := c.Validate()
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "training-share" || pe.Value != 1.0 || pe.Reason != "must be in [0, 1)" {
		t.Fatalf("Validate: %#v", err)
	}
	if got, want := err.Error(), "invalid --training-share 1: must be in [0, 1)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	c = DefaultConfig()
	c.MaxAutomation = 0.01
	if err := c.Validate(); !errors.As(err, &pe) || pe.Param != "max-automation" {
		t.Errorf("a constraint between fields: %#v", err)
	}
}
