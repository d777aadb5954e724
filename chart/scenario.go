package chart

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// keyParams are the parameters every title states, in order, with how.
var keyParams = []struct {
	name   string
	format func(sim.Config) string
}{
	{"workers", func(c sim.Config) string { return thousands(c.Workers) + " workers" }},
	{"firms", func(c sim.Config) string { return thousands(c.Firms) + " firms" }},
	{"ai-agents", func(c sim.Config) string {
		if c.AIFleet == sim.FleetFixed {
			return "fixed fleet of " + thousands(c.AIAgents) + " AI agents"
		}
		return thousands(c.AIAgents) + " AI agents at the start"
	}},
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
// differ from sim.DefaultConfig (experiments.Changed). Parameters named in
// skip are left out (those on an axis, or that vary between runs).
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
	for _, a := range experiments.Changed(c) {
		if !shown[a.Name] {
			changed = append(changed, a.Flag())
		}
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
