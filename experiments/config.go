package experiments

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/laborsim/laborsim/sim"
)

// Defaults of a sweep's own settings.
const (
	DefaultReplicates = 3
	DefaultPerDecade  = 1
)

// Setting is one fixed run parameter and where it was given.
type Setting struct{ Name, Value, Source string }

// Spec describes a sweep: fixed parameters, the axes of its grid and its
// replicates. A scenario file, a named experiment and the command line
// each make one; Combine lays them over each other. Zero Replicates or
// PerDecade means not given.
type Spec struct {
	Description string
	Settings    []Setting
	Vary        []Axis
	Replicates  int
	PerDecade   int
}

// MaxSpecBytes is the largest scenario file LoadSpec reads: the longest
// example is under 2 KB, so a file a thousand times that is a mistake.
const MaxSpecBytes = 1 << 20

// LoadSpec reads a scenario file. It must be a regular file (or a link to
// one) of at most MaxSpecBytes: a directory, a device such as /dev/zero, a
// FIFO or a socket is refused before it is read, so no read can go on for
// ever.
func LoadSpec(path string) (Spec, error) {
	data, err := readRegular(path, MaxSpecBytes)
	if err != nil {
		return Spec{}, err
	}
	return ParseSpec(path, data)
}

// readRegular reads the file at path if it is a regular file of at most
// limit bytes. It checks the path before opening it (opening a FIFO waits
// for a writer) and the opened file again, and reads at most limit+1
// bytes, in case the file was swapped or grows meanwhile.
func readRegular(path string, limit int64) ([]byte, error) {
	check := func(fi os.FileInfo) error {
		switch {
		case !fi.Mode().IsRegular():
			return notRegular(path, fi.Mode())
		case fi.Size() > limit:
			return fmt.Errorf("%s: %d bytes, more than the %d bytes a scenario file may have", path, fi.Size(), limit)
		}
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(fi); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := check(fi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s: more than the %d bytes a scenario file may have", path, limit)
	}
	return data, err
}

// ParseSpec reads a scenario in YAML: a mapping of run parameters (by
// flag name) to values, and the sweep keys description, replicates,
// per-decade and vary. vary is a mapping from parameter to values (each its
// own axis, crossed in order), or a list of such mappings, where the
// parameters of one item vary together. Values are a list "1,2,3", a YAML
// sequence, a log range "1..1000000", a linear range "0:0.4:0.1" or a
// span "0:0.4" for a design. Errors name file, line and key.
func ParseSpec(file string, data []byte) (Spec, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Spec{}, fmt.Errorf("%s: %v", file, err)
	}
	var s Spec
	if len(doc.Content) == 0 {
		return s, nil
	}
	root := resolve(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return Spec{}, fmt.Errorf("%s:%d: want a mapping of parameters to values", file, root.Line)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], resolve(root.Content[i+1])
		at := fmt.Sprintf("%s:%d: %s", file, key.Line, key.Value)
		if line, dup := seen[key.Value]; dup {
			return Spec{}, fmt.Errorf("%s: given twice (first at line %d)", at, line)
		}
		seen[key.Value] = key.Line
		if err := s.parseKey(file, key, val, at); err != nil {
			return Spec{}, err
		}
	}
	return s, s.Check()
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// parseKey reads one top-level key of a scenario.
func (s *Spec) parseKey(file string, key, val *yaml.Node, at string) error {
	switch key.Value {
	case "vary":
		return s.parseVary(file, val, at)
	case "description", "replicates", "per-decade":
		if val.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s: want a single value", at)
		}
		return s.parseSweepKey(key.Value, val.Value, at)
	}
	if !IsParam(key.Value) {
		return fmt.Errorf("%s: unknown key: not a run flag (see laborsim run --help), nor description, replicates, per-decade or vary", at)
	}
	if val.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s: want a single value (to sweep it, list it under vary)", at)
	}
	var scratch sim.Config
	if err := SetParam(&scratch, key.Value, val.Value); err != nil {
		return fmt.Errorf("%s:%d: %v", file, key.Line, err)
	}
	s.Settings = append(s.Settings, Setting{key.Value, val.Value, fmt.Sprintf("%s:%d", file, key.Line)})
	return nil
}

func (s *Spec) parseSweepKey(key, v, at string) error {
	if key == "description" {
		s.Description = strings.TrimSpace(v)
		return nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return fmt.Errorf("%s: %q is not an integer", at, v)
	case key == "replicates" && (n < 1 || n > 100000):
		return fmt.Errorf("%s: %d must be in [1, 100000]", at, n)
	case key == "per-decade" && (n < 1 || n > 1000):
		return fmt.Errorf("%s: %d must be in [1, 1000]", at, n)
	}
	if key == "replicates" {
		s.Replicates = n
	} else {
		s.PerDecade = n
	}
	return nil
}

// parseVary reads vary: a mapping (one axis per key) or a list of mappings
// (one axis per item).
func (s *Spec) parseVary(file string, val *yaml.Node, at string) error {
	switch val.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(val.Content); i += 2 {
			ax, err := parseAxis(file, val.Content[i:i+2])
			if err != nil {
				return err
			}
			s.Vary = append(s.Vary, ax)
		}
		return nil
	case yaml.SequenceNode:
		for _, item := range val.Content {
			item = resolve(item)
			if item.Kind != yaml.MappingNode || len(item.Content) == 0 {
				return fmt.Errorf("%s:%d: vary: each item is a mapping from parameters to values", file, item.Line)
			}
			ax, err := parseAxis(file, item.Content)
			if err != nil {
				return err
			}
			s.Vary = append(s.Vary, ax)
		}
		return nil
	}
	return fmt.Errorf("%s: want a mapping from parameters to values, or a list of them", at)
}

// parseAxis reads key/value pairs that vary together.
func parseAxis(file string, pairs []*yaml.Node) (Axis, error) {
	ax := Axis{Source: fmt.Sprintf("%s:%d: vary", file, pairs[0].Line)}
	for i := 0; i+1 < len(pairs); i += 2 {
		key, val := pairs[i], resolve(pairs[i+1])
		spec, err := valuesSpec(val)
		if err != nil {
			return Axis{}, fmt.Errorf("%s:%d: vary: %s: %v", file, key.Line, key.Value, err)
		}
		ax.Names = append(ax.Names, key.Value)
		ax.Specs = append(ax.Specs, spec)
	}
	if err := ax.check(); err != nil {
		return Axis{}, err
	}
	return ax, ax.checkValues()
}

// valuesSpec turns a scalar or a sequence of scalars into a values spec.
func valuesSpec(val *yaml.Node) (string, error) {
	switch val.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(val.Value) == "" {
			return "", fmt.Errorf("no values")
		}
		return val.Value, nil
	case yaml.SequenceNode:
		vs := make([]string, len(val.Content))
		for i, v := range val.Content {
			if v = resolve(v); v.Kind != yaml.ScalarNode {
				return "", fmt.Errorf("want a list of values")
			}
			vs[i] = v.Value
		}
		if len(vs) == 0 {
			return "", fmt.Errorf("no values")
		}
		return strings.Join(vs, ","), nil
	}
	return "", fmt.Errorf("want a list of values or a range LO..HI or LO:HI:STEP")
}

// Check refuses a parameter both fixed and varied in one spec.
func (s Spec) Check() error {
	for _, ax := range s.Vary {
		for _, name := range ax.Names {
			for _, set := range s.Settings {
				if set.Name == name {
					return fmt.Errorf("%s: %s is both set (%s) and varied", ax.Source, name, set.Source)
				}
			}
		}
	}
	return nil
}

// Combine lays specs over each other, later over earlier: a later fixed
// value replaces an earlier one and stops an earlier axis varying that
// parameter; a later axis over the same parameters replaces the earlier in
// its place, and otherwise takes its parameters from earlier axes and is
// added last.
func Combine(specs ...Spec) Spec {
	var out Spec
	for _, s := range specs {
		out.Description = cmp.Or(s.Description, out.Description)
		out.Replicates = cmp.Or(s.Replicates, out.Replicates)
		out.PerDecade = cmp.Or(s.PerDecade, out.PerDecade)
		for _, set := range s.Settings {
			out.Settings = slices.DeleteFunc(out.Settings, func(o Setting) bool { return o.Name == set.Name })
			out.Settings = append(out.Settings, set)
			out.Vary = dropParam(out.Vary, set.Name)
		}
		for _, ax := range s.Vary {
			for _, name := range ax.Names {
				out.Settings = slices.DeleteFunc(out.Settings, func(o Setting) bool { return o.Name == name })
			}
			out.Vary = overlay(out.Vary, ax)
		}
	}
	return out
}

// overlay puts ax over axes.
func overlay(axes []Axis, ax Axis) []Axis {
	out := slices.Clone(axes)
	for i, old := range out {
		if sameNames(old.Names, ax.Names) {
			out[i] = ax
			return out
		}
	}
	for _, name := range ax.Names {
		out = dropParam(out, name)
	}
	return append(out, ax)
}

func sameNames(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// dropParam stops axes varying name, dropping an axis left empty.
func dropParam(axes []Axis, name string) []Axis {
	var out []Axis
	for _, ax := range axes {
		if i := indexOf(ax.Names, name); i >= 0 {
			ax.Names = slices.Delete(slices.Clone(ax.Names), i, i+1)
			ax.Specs = slices.Delete(slices.Clone(ax.Specs), i, i+1)
		}
		if len(ax.Names) > 0 {
			out = append(out, ax)
		}
	}
	return out
}

// Sweep builds the spec's sweep over defaults. An invalid value is
// reported with the file and line it came from.
func (s Spec) Sweep(defaults sim.Config) (Sweep, error) {
	cfg, err := s.Base(defaults)
	if err != nil {
		return Sweep{}, err
	}
	sw, err := NewSweep(cfg, s.Vary, cmp.Or(s.PerDecade, DefaultPerDecade), cmp.Or(s.Replicates, DefaultReplicates))
	if err != nil {
		return Sweep{}, s.locate(err)
	}
	return sw, nil
}

// Base is defaults with the spec's fixed parameters set: the
// configuration its points vary. A value that does not parse is reported
// with the file and line it came from.
func (s Spec) Base(defaults sim.Config) (sim.Config, error) {
	cfg := defaults
	for _, set := range s.Settings {
		if err := SetParam(&cfg, set.Name, set.Value); err != nil {
			return sim.Config{}, fmt.Errorf("%s: %v", set.Source, err)
		}
	}
	return cfg, nil
}

// locate prefixes a validation error (a *sim.ParamError) with the file
// and line that set its parameter, when a file set it.
func (s Spec) locate(err error) error {
	var pe *sim.ParamError
	if !errors.As(err, &pe) {
		return err
	}
	name := pe.Param
	for _, set := range s.Settings {
		if set.Name == name && fromFile(set.Source) {
			return fmt.Errorf("%s: %s: %w", set.Source, name, err)
		}
	}
	for _, ax := range s.Vary {
		if indexOf(ax.Names, name) >= 0 && fromFile(ax.Source) {
			return fmt.Errorf("%s: %w", ax.Source, err)
		}
	}
	return err
}

// fromFile tells a file's source ("file.yaml:12") from the command line's
// ("--sigma", "invalid --vary …"), whose errors already name the flag.
func fromFile(source string) bool {
	return !strings.HasPrefix(source, "-") && !strings.HasPrefix(source, "invalid ")
}
