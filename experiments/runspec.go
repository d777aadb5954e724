package experiments

import (
	"fmt"

	"github.com/laborsim/laborsim/sim"
)

// Varies names the first parameter the spec varies ("" if none): a
// spec that varies nothing describes one run ('laborsim run --config'),
// which needs none of its sweep keys (replicates, per-decade, metrics).
func (s Spec) Varies() string {
	if len(s.Vary) == 0 {
		return ""
	}
	return fmt.Sprintf("%s varies %s", s.Vary[0].Source, s.Vary[0].Names[0])
}

// Config is the configuration of the spec's one run over defaults,
// validated; an invalid value is reported with the file and line it came
// from.
func (s Spec) Config(defaults sim.Config) (sim.Config, error) {
	cfg, err := s.Base(defaults)
	if err != nil {
		return cfg, err
	}
	if err := cfg.Validate(); err != nil {
		return cfg, s.locate(err)
	}
	return cfg, nil
}
