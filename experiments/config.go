package experiments

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
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
// replicates, or the design of a sampled sweep or of a sensitivity
// analysis. A scenario file, a named experiment and the command line each
// make one; Combine lays them over each other. A zero value means not
// given.
type Spec struct {
	Description string
	Settings    []Setting
	Vary        []Axis
	Replicates  int
	PerDecade   int
	Metrics     []string // the summary's metrics (sensitivity: the metrics ranked by); nil: not given
	Design      string   // sweep: grid or lhs
	Samples     int      // sweep: a Latin hypercube's points; sensitivity: Sobol's base samples
	// A sensitivity analysis's settings (Analysis).
	Method                          string
	Trajectories, Levels, Bootstrap int
	// Sources says where each of the keys replicates, per-decade, design,
	// samples, method, trajectories, levels and bootstrap was given:
	// "--samples" on the command line, "file.yaml:3: samples" in a file.
	Sources map[string]string
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
// flag name) to values, the sweep keys description, replicates,
// per-decade, metrics (or metric), design, samples and vary, and the
// sensitivity analysis's method, trajectories, levels and bootstrap. vary
// is a mapping from parameter to values (each its
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

// parseKey reads one top-level key of a scenario. Keys are spelled as
// flags or in snake_case (per_decade, ai_agents).
func (s *Spec) parseKey(file string, key, val *yaml.Node, at string) error {
	switch name := strings.ReplaceAll(key.Value, "_", "-"); name {
	case "vary":
		return s.parseVary(file, val, at)
	case "metrics", "metric":
		return s.parseMetrics(val, at)
	case "description", "replicates", "per-decade", "design", "samples", "method", "trajectories", "levels", "bootstrap":
		if val.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s: want a single value", at)
		}
		return s.parseSweepKey(name, val.Value, at)
	case "jobs", "out", "series", "shard", "shards", "format", "quiet", "dry-run", "config", "experiment", "plot":
		return fmt.Errorf("%s: a command-line flag only (--%s): where the files go and how the sweep runs are given on the command line, so that one scenario file serves every machine", at, name)
	}
	if !IsParam(key.Value) {
		return fmt.Errorf("%s: unknown key: not a run flag (see laborsim params), nor description, replicates, per-decade, metrics, vary, design, samples, method, trajectories, levels or bootstrap", at)
	}
	if val.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s: want a single value (to sweep it, list it under vary)", at)
	}
	var scratch sim.Config
	if err := SetParam(&scratch, key.Value, val.Value); err != nil {
		return fmt.Errorf("%s:%d: %v", file, key.Line, err)
	}
	s.Settings = append(s.Settings, Setting{ParamFlag(key.Value), val.Value, fmt.Sprintf("%s:%d", file, key.Line)})
	return nil
}

func (s *Spec) parseSweepKey(key, v, at string) error {
	switch key {
	case "description":
		s.Description = strings.TrimSpace(v)
		return nil
	case "design", "method":
		v = strings.TrimSpace(v)
		if err := CheckChoice(key, v); err != nil {
			return fmt.Errorf("%s: %q %v", at, v, err)
		}
		s.SetKey(key, v, at)
		return nil
	}
	n, err := parseInt(v, 0, 1<<31)
	if err != nil {
		return fmt.Errorf("%s: %q is not an integer", at, v)
	}
	if err := CheckCount(key, int(n)); err != nil {
		return fmt.Errorf("%s: %d %v", at, n, err)
	}
	s.SetKey(key, int(n), at)
	return nil
}

// CheckChoice is nil if v is a value of the key design (grid or lhs) or
// method (morris or sobol), else says what it must be.
func CheckChoice(key, v string) error {
	ok := map[string][2]string{"design": {"grid", "lhs"}, "method": {MethodMorris, MethodSobol}}[key]
	if v != ok[0] && v != ok[1] {
		return fmt.Errorf("must be %s or %s", ok[0], ok[1])
	}
	return nil
}

// CheckCount is nil if n is a value of the spec's integer key
// (replicates, per-decade, samples, trajectories, levels, bootstrap),
// else says what it must be.
func CheckCount(key string, n int) error {
	lim := map[string][2]int{"replicates": {1, MaxReplicates}, "per-decade": {1, MaxPerDecade},
		"samples": {1, MaxSamples}, "trajectories": {2, MaxTrajectories}, "levels": {2, MaxLevels},
		"bootstrap": {1, MaxBootstrap}}[key]
	switch {
	case key == "levels" && (n < lim[0] || n > lim[1] || n%2 != 0):
		return fmt.Errorf("must be even, in [%d, %d] (Morris's step Δ = p/(2(p−1)) needs p even)", lim[0], lim[1])
	case key == "trajectories" && (n < lim[0] || n > lim[1]):
		return fmt.Errorf("must be in [%d, %d] (σ needs two)", lim[0], lim[1])
	case n < lim[0] || n > lim[1]:
		return fmt.Errorf("must be in [%d, %d]", lim[0], lim[1])
	}
	return nil
}

// SetKey sets a sweep or analysis key (replicates, per-decade, design,
// samples, method, trajectories, levels, bootstrap), given at source.
func (s *Spec) SetKey(key string, v any, source string) {
	switch key {
	case "replicates":
		s.Replicates = v.(int)
	case "per-decade":
		s.PerDecade = v.(int)
	case "design":
		s.Design = v.(string)
	case "samples":
		s.Samples = v.(int)
	case "method":
		s.Method = v.(string)
	case "trajectories":
		s.Trajectories = v.(int)
	case "levels":
		s.Levels = v.(int)
	case "bootstrap":
		s.Bootstrap = v.(int)
	default:
		panic("experiments: SetKey of " + key)
	}
	if s.Sources == nil {
		s.Sources = map[string]string{}
	}
	s.Sources[key] = source
}

// Given says where key was given ("" if it was not): "--samples" or
// "file.yaml:3: samples".
func (s Spec) Given(key string) string { return s.Sources[key] }

// KeyError is an error about the value v of key, naming where it was
// given: "invalid --samples 5: msg" from the command line (or when not
// given), "file.yaml:3: samples: 5: msg" from a file.
func (s Spec) KeyError(key string, v any, msg string) error {
	if src := s.Given(key); fromFile(src) && src != "" {
		return fmt.Errorf("%s: %v: %s", src, v, msg)
	}
	return fmt.Errorf("invalid --%s %v: %s", key, v, msg)
}

// parseMetrics reads metrics: a list "a,b" or a sequence of the summary's
// metrics, columns of the results file.
func (s *Spec) parseMetrics(val *yaml.Node, at string) error {
	spec, err := valuesSpec(val)
	if err != nil {
		return fmt.Errorf("%s: %v", at, err)
	}
	s.Metrics = []string{}
	for _, m := range strings.Split(spec, ",") {
		if m = strings.TrimSpace(m); !IsMetric(m) {
			return fmt.Errorf("%s: %q is not a column of the results file (e.g. labor_share, income_gini, gdp, wall_seconds)", at, m)
		}
		s.Metrics = append(s.Metrics, m)
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
		ax.Names = append(ax.Names, ParamFlag(key.Value))
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
		if s.Metrics != nil {
			out.Metrics = s.Metrics
		}
		out.Design = cmp.Or(s.Design, out.Design)
		out.Samples = cmp.Or(s.Samples, out.Samples)
		out.Method = cmp.Or(s.Method, out.Method)
		out.Trajectories = cmp.Or(s.Trajectories, out.Trajectories)
		out.Levels = cmp.Or(s.Levels, out.Levels)
		out.Bootstrap = cmp.Or(s.Bootstrap, out.Bootstrap)
		for k, src := range s.Sources {
			if out.Sources == nil {
				out.Sources = map[string]string{}
			}
			out.Sources[k] = src
		}
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
