package sim

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestModelDocListsEveryRange: docs/MODEL.md's parameter table has a row
// for every parameter with its default and the range Validate enforces,
// and every value at the ends of a closed range is accepted.
func TestModelDocListsEveryRange(t *testing.T) {
	doc, err := os.ReadFile("../docs/MODEL.md")
	if err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	data, _ := json.Marshal(c)
	var defaults map[string]any
	if err := json.Unmarshal(data, &defaults); err != nil {
		t.Fatal(err)
	}
	ranges := c.ranges()
	if len(ranges) != len(defaults) {
		t.Errorf("%d ranges for %d parameters", len(ranges), len(defaults))
	}
	for _, r := range ranges {
		def := fmt.Sprint(defaults[r.flag])
		if x, ok := defaults[r.flag].(float64); ok {
			def = num(x) // 1000000, not 1e+06
		}
		row := fmt.Sprintf("| `--%s` | %s | %s |", r.flag, def, r.text)
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/MODEL.md has no row %q", row)
		}
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
