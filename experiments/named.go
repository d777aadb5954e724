package experiments

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
)

// The named experiments are scenario files built into the binary:
// 'laborsim experiments NAME' prints one, to copy and edit.
//
//go:embed named/*.yaml
var namedFiles embed.FS

// Experiment is a named sweep.
type Experiment struct {
	Name string
	Spec Spec
	Text string // the scenario file
}

// Title is the first line of the description.
func (e Experiment) Title() string {
	title, _, _ := strings.Cut(e.Spec.Description, "\n")
	return title
}

// Named returns the named experiments in order of name.
func Named() []Experiment {
	entries, _ := namedFiles.ReadDir("named")
	var out []Experiment
	for _, e := range entries {
		data, _ := namedFiles.ReadFile(path.Join("named", e.Name()))
		name := strings.TrimSuffix(e.Name(), ".yaml")
		spec, err := ParseSpec("experiment "+name, data)
		if err != nil {
			panic(err) // a built-in file is broken; TestNamed catches it
		}
		out = append(out, Experiment{Name: name, Spec: spec, Text: string(data)})
	}
	slices.SortFunc(out, func(a, b Experiment) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Lookup finds a named experiment.
func Lookup(name string) (Experiment, error) {
	all := Named()
	for _, e := range all {
		if e.Name == name {
			return e, nil
		}
	}
	names := make([]string, len(all))
	for i, e := range all {
		names[i] = e.Name
	}
	return Experiment{}, fmt.Errorf("unknown experiment %q: try %s", name, strings.Join(names, ", "))
}
