package experiments

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"github.com/laborsim/laborsim/sim"
)

// AppendConfigJSON appends cfg as a JSON object keyed by the parameters'
// columns (ParamColumn: ai_agents, not the flag ai-agents), in sim.Config
// order, each value as the results file writes it: the "params" of a
// run's JSON and summary.json.
func AppendConfigJSON(b []byte, cfg sim.Config) []byte {
	b = append(b, '{')
	for i, p := range params {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, columnOf(p.Flag))
		b = append(b, ':')
		f := p.Field(&cfg)
		if f.Kind() == reflect.String {
			b = strconv.AppendQuote(b, f.String())
		} else {
			b = append(b, formatField(f)...)
		}
	}
	return append(b, '}')
}

// ReadConfigJSON reads a JSON object of parameters, keyed by any spelling
// of each (its column, its flag), over sim.DefaultConfig. An unknown key
// is an error.
func ReadConfigJSON(data []byte) (sim.Config, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return sim.Config{}, err
	}
	cfg := sim.DefaultConfig()
	for _, p := range params {
		for _, key := range []string{columnOf(p.Flag), p.Flag} {
			raw, ok := m[key]
			if !ok {
				continue
			}
			delete(m, key)
			v := string(raw)
			if p.Field(&cfg).Kind() == reflect.String {
				if err := json.Unmarshal(raw, &v); err != nil {
					return sim.Config{}, fmt.Errorf("%s: %s is not a string", key, raw)
				}
			}
			if err := SetParam(&cfg, p.Flag, v); err != nil {
				return sim.Config{}, err
			}
		}
	}
	for key := range m {
		return sim.Config{}, fmt.Errorf("unknown parameter %q", key)
	}
	return cfg, nil
}
