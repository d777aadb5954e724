package experiments

import (
	"fmt"

	"github.com/laborsim/laborsim/sim"
)

// SweepOnly names what in the spec only a sweep can use — a varied
// parameter, replicates, per-decade, metrics — or is "" if there is
// nothing: such a spec describes one run ('laborsim run --config').
func (s Spec) SweepOnly() string {
	switch {
	case len(s.Vary) > 0:
		return fmt.Sprintf("%s varies %s", s.Vary[0].Source, s.Vary[0].Names[0])
	case s.Replicates != 0:
		return "it sets replicates"
	case s.PerDecade != 0:
		return "it sets per-decade"
	case s.Metrics != nil:
		return "it sets metrics"
	}
	return ""
}

// Config is the configuration of the spec's one run over defaults,
// validated; an invalid value is reported with the file and line it came
// from.
func (s Spec) Config(defaults sim.Config) (sim.Config, error) {
	cfg := defaults
	for _, set := range s.Settings {
		if err := SetParam(&cfg, set.Name, set.Value); err != nil {
			return cfg, fmt.Errorf("%s: %v", set.Source, err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, s.locate(err)
	}
	return cfg, nil
}
