package serve

import (
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
)

// preset is a named scenario or experiment the page offers: its fixed
// parameters and, for a sweep, its axes in --vary form.
type preset struct {
	Name        string            `json:"name"`
	Source      string            `json:"source"` // "experiment NAME" or the file
	Description string            `json:"description"`
	Settings    map[string]string `json:"settings"`
	Vary        []string          `json:"vary"`
	Replicates  int               `json:"replicates"`
	PerDecade   int               `json:"perDecade"`
}

// presets are the named experiments built into the binary, then the
// scenario files in the working directory's examples/.
func presets(root *os.Root) []preset {
	var out []preset
	for _, e := range experiments.Named() {
		out = append(out, presetOf(e.Name, "laborsim experiments "+e.Name, e.Spec))
	}
	entries, err := fs.ReadDir(root.FS(), "examples")
	if err != nil {
		return out
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		file := path.Join("examples", e.Name())
		data, err := fs.ReadFile(root.FS(), file)
		if err != nil {
			continue
		}
		spec, err := experiments.ParseSpec(file, data)
		if err != nil {
			continue
		}
		out = append(out, presetOf(strings.TrimSuffix(e.Name(), ".yaml"), file, spec))
	}
	return out
}

func presetOf(name, source string, spec experiments.Spec) preset {
	p := preset{Name: name, Source: source, Description: strings.TrimSpace(spec.Description),
		Settings: map[string]string{}, Vary: []string{}, Replicates: spec.Replicates, PerDecade: spec.PerDecade}
	for _, st := range spec.Settings {
		p.Settings[st.Name] = st.Value
	}
	for _, ax := range spec.Vary {
		parts := make([]string, len(ax.Names))
		for i := range ax.Names {
			parts[i] = ax.Names[i] + "=" + ax.Specs[i]
		}
		p.Vary = append(p.Vary, strings.Join(parts, "+"))
	}
	return p
}

// column is a reported series as the page labels it: its entry in
// economy.Columns, the one table of metrics.
type column struct {
	Name        string `json:"name"`
	Label       string `json:"label"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
}

// columns are economy.Columns without their values, in row order.
func columns() []column {
	out := make([]column, len(economy.Columns))
	for i, c := range economy.Columns {
		out[i] = column{c.Name, c.Label, c.Unit, c.Description}
	}
	return out
}

// handleMeta tells the page what to draw: the parameters, the presets,
// the reported columns (name, label, unit, description, in the order of
// a step's row) and the server's limits.
func (s *Server) handleMeta(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string]any{
		"params":  s.params,
		"presets": s.presets,
		"columns": columns(),
		"metrics": experiments.MetricNames(),
		"limits": map[string]int{
			"maxRuns": s.opt.MaxRuns, "maxAgents": s.opt.MaxAgents,
			"maxSteps": maxSteps, "maxSweepRuns": maxSweepRuns,
		},
	})
}
