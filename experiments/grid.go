package experiments

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/sim"
)

// Axis is one dimension of a sweep's grid: one parameter over a list of
// values, or several parameters moving together (value k of each makes
// point k of the axis). Values are kept as written — "1,10,100" or the log
// range "1..1000000" — and expanded by NewSweep, so that --per-decade
// applies to ranges from any source.
type Axis struct {
	Names  []string
	Specs  []string // one per name
	Source string   // where it was given, prefixed to its errors
}

// ParseVary reads a --vary value: NAME=VALUES, or several joined by '+'
// to vary them together (NAME=VALUES+NAME=VALUES). VALUES is a list
// V1,V2,…, a log-spaced range LO..HI, a linear range LO:HI:STEP
// (LinearRange) or a span LO:HI that a design samples.
func ParseVary(s, source string) (Axis, error) {
	ax := Axis{Source: source}
	for _, part := range splitPlus(s) {
		name, spec, ok := strings.Cut(part, "=")
		name, spec = strings.TrimSpace(name), strings.TrimSpace(spec)
		if !ok || name == "" || spec == "" {
			return Axis{}, fmt.Errorf("%s: want NAME=V1,V2,…, NAME=LO..HI (log) or NAME=LO:HI:STEP (linear)", source)
		}
		ax.Names = append(ax.Names, ParamFlag(name)) // ai_agents or ai-agents
		ax.Specs = append(ax.Specs, spec)
	}
	return ax, ax.check()
}

// splitPlus splits at each '+' that starts a parameter name, leaving the
// '+' of an exponent (1e+06) alone.
func splitPlus(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '+' && i+1 < len(s) && isLetter(s[i+1]) {
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// check reports names that are not parameters, the seed, or repeats.
func (ax Axis) check() error {
	for i, name := range ax.Names {
		switch {
		case !IsParam(name):
			return fmt.Errorf("%s: unknown parameter %q", ax.Source, name)
		case name == "seed":
			return fmt.Errorf("%s: the seed cannot be varied; use --replicates", ax.Source)
		case indexOf(ax.Names[:i], name) >= 0:
			return fmt.Errorf("%s: %s is given twice", ax.Source, name)
		}
	}
	return nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// expand returns the axis's values: values[k][j] is name j's value at
// point k of the axis, in canonical form.
func (ax Axis) expand(perDecade int) ([][]string, error) {
	var values [][]string
	for j, name := range ax.Names {
		vs, err := expandValues(name, ax.Specs[j], perDecade)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ax.Source, err)
		}
		if j > 0 && len(vs) != len(values) {
			return nil, fmt.Errorf("%s: %s has %d values but %s has %d; parameters varied together need as many values each",
				ax.Source, name, len(vs), ax.Names[0], len(values))
		}
		if j == 0 {
			values = make([][]string, len(vs))
		}
		for k, v := range vs {
			values[k] = append(values[k], v)
		}
	}
	return values, ax.checkRepeats(values)
}

// checkRepeats refuses a grid point given twice: it would run the same
// runs, with the same seeds, twice.
func (ax Axis) checkRepeats(values [][]string) error {
	seen := make(map[string]bool, len(values))
	for _, vs := range values {
		var parts []string
		for j, name := range ax.Names {
			parts = append(parts, name+"="+vs[j])
		}
		key := strings.Join(parts, "+")
		if seen[key] {
			return fmt.Errorf("%s: the value %s is given twice (a repeated point would repeat its runs, seeds and all)", ax.Source, key)
		}
		seen[key] = true
	}
	return nil
}

// expandValues turns a list, a log range or a linear range into
// canonical values of the parameter name.
func expandValues(name, spec string, perDecade int) ([]string, error) {
	if lo, hi, ok := strings.Cut(spec, ".."); ok {
		return expandRange(name, lo, hi, perDecade)
	}
	if isLinear(spec) {
		return expandLinear(name, spec)
	}
	var out []string
	for _, v := range strings.Split(spec, ",") {
		c, err := canonical(name, strings.TrimSpace(v))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func expandRange(name, los, his string, perDecade int) ([]string, error) {
	lo, err1 := strconv.ParseFloat(strings.TrimSpace(los), 64)
	hi, err2 := strconv.ParseFloat(strings.TrimSpace(his), 64)
	switch {
	case err1 != nil || err2 != nil:
		return nil, fmt.Errorf("%s: range %s..%s: LO and HI must be numbers", name, los, his)
	case !(lo > 0) || math.IsInf(hi, 0) || !(hi >= lo):
		return nil, fmt.Errorf("%s: range %s..%s: a log range needs 0 < LO <= HI", name, los, his)
	}
	var out []string
	for _, x := range LogRange(lo, hi, perDecade) {
		if p, _ := lookupParam(name); kindOf(p) != reflect.Float64 {
			x = math.Round(x)
		}
		c, err := canonical(name, FormatNumber(x))
		if err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	return out, nil
}

// LogRange returns lo·10^(k/perDecade) for k = 0, 1, … up to hi, rounded to
// six significant digits, and hi itself when it is not on that ladder:
// LogRange(1, 1e6, 1) is 1, 10, …, 1e6.
func LogRange(lo, hi float64, perDecade int) []float64 {
	const tol = 1e-9
	var out []float64
	for k := 0; ; k++ {
		x := round6(lo * math.Pow(10, float64(k)/float64(perDecade)))
		if x > hi*(1+tol) {
			break
		}
		out = append(out, x)
	}
	if last := out[len(out)-1]; last < hi*(1-tol) {
		out = append(out, hi)
	}
	return out
}

func round6(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return y
}

// canonical parses v as a value of the parameter name and formats it back,
// so that "1e3" and "1000" are the same point.
func canonical(name, v string) (string, error) {
	var cfg sim.Config
	if err := SetParam(&cfg, name, v); err != nil {
		return "", err
	}
	return ParamValue(cfg, name), nil
}

// Assignment is one varied parameter's value at a grid point.
type Assignment struct{ Name, Value string }

// Point is one point of the grid: the base configuration with the varied
// values set. Its Config.Seed is the base seed; Seed derives each
// replicate's.
type Point struct {
	Index  int
	Vary   []Assignment
	Config sim.Config
}

func (p Point) String() string {
	parts := make([]string, len(p.Vary))
	for i, a := range p.Vary {
		parts[i] = a.Name + "=" + a.Value
	}
	return strings.Join(parts, " ")
}

// Seed is the seed of replicate r at this point, derived from the base seed
// and the point's varied values (not its index), so a point's runs are the
// same in any sweep that contains it, on any machine, in any order.
func (p Point) Seed(r int) uint64 {
	h := fnv.New64a()
	h.Write(binary.LittleEndian.AppendUint64(nil, p.Config.Seed))
	for _, a := range p.Vary {
		fmt.Fprintf(h, "\x00%s=%s", a.Name, a.Value)
	}
	return deriveSeed(h.Sum64(), r) // below 2^53: seed.go
}

// Run is one run of a sweep: replicate Replicate of point Point, with the
// derived seed in Config. Index = Point·replicates + Replicate.
type Run struct {
	Index, Point, Replicate int
	Config                  sim.Config
}

// Sweep is a grid of points, each run Replicates times.
type Sweep struct {
	Names      []string // the varied parameters, in axis order
	Points     []Point
	Replicates int
}

// Limits on a sweep's size, to catch a typo before it runs for a year or
// allocates more than a machine has: checked as each axis is expanded,
// before its points are made (a point takes about 600 bytes, a run to
// run about 500).
const (
	MaxPoints     = 100_000   // grid points
	MaxRuns       = 1_000_000 // points × replicates
	MaxReplicates = 100_000
	MaxPerDecade  = 1000
)

// NewSweep crosses the axes (the first varies slowest) over base and checks
// every point's configuration.
func NewSweep(base sim.Config, axes []Axis, perDecade, replicates int) (Sweep, error) {
	if perDecade < 1 || perDecade > MaxPerDecade {
		return Sweep{}, fmt.Errorf("invalid --per-decade %d: must be in [1, %d]", perDecade, MaxPerDecade)
	}
	if replicates < 1 || replicates > MaxReplicates {
		return Sweep{}, fmt.Errorf("invalid --replicates %d: must be in [1, %d]", replicates, MaxReplicates)
	}
	s := Sweep{Replicates: replicates, Points: []Point{{Config: base}}}
	for _, ax := range axes {
		if err := ax.check(); err != nil {
			return Sweep{}, err
		}
		for _, name := range ax.Names {
			if indexOf(s.Names, name) >= 0 {
				return Sweep{}, fmt.Errorf("%s: %s is already varied by another --vary", ax.Source, name)
			}
		}
		values, err := ax.expand(perDecade)
		if err != nil {
			return Sweep{}, err
		}
		switch points := len(s.Points) * len(values); {
		case points > MaxPoints:
			return Sweep{}, fmt.Errorf("%s: the grid would have %d points, more than the %d a sweep may have", ax.Source, points, MaxPoints)
		case points*replicates > MaxRuns:
			return Sweep{}, fmt.Errorf("%s: the grid would have %d points × %d replicates = %d runs, more than the %d a sweep may have", ax.Source, points, replicates, points*replicates, MaxRuns)
		}
		s.Names = append(s.Names, ax.Names...)
		s.Points = cross(s.Points, ax.Names, values)
	}
	for i := range s.Points {
		p := &s.Points[i]
		p.Index = i
		if err := p.Config.Validate(); err != nil {
			if len(p.Vary) == 0 {
				return Sweep{}, err
			}
			return Sweep{}, fmt.Errorf("grid point %d (%s): %w", i, p, err)
		}
	}
	return s, nil
}

// cross extends every point by every value of one axis.
func cross(points []Point, names []string, values [][]string) []Point {
	out := make([]Point, 0, len(points)*len(values))
	for _, p := range points {
		for _, vs := range values {
			q := Point{Config: p.Config, Vary: append([]Assignment(nil), p.Vary...)}
			for j, name := range names {
				SetParam(&q.Config, name, vs[j]) // canonical values always parse
				q.Vary = append(q.Vary, Assignment{name, vs[j]})
			}
			out = append(out, q)
		}
	}
	return out
}

// Len is the number of runs.
func (s Sweep) Len() int { return len(s.Points) * s.Replicates }

// Run returns run i, in grid order: point i / Replicates, replicate
// i % Replicates.
func (s Sweep) Run(i int) Run {
	p := s.Points[i/s.Replicates]
	r := i % s.Replicates
	cfg := p.Config
	cfg.Seed = p.Seed(r)
	return Run{Index: i, Point: p.Index, Replicate: r, Config: cfg}
}

// Shard is shard Number of Count of a sweep's runs, counted from 1
// (1 <= Number <= Count), as --shard 1/3 … 3/3 name them.
type Shard struct{ Number, Count int }

// ParseShard reads "i/n", 1 <= i <= n.
func ParseShard(s string) (Shard, error) {
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(is))
	n, err2 := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, errors.New("want i/n, e.g. 1/4")
	}
	sh := Shard{i, n}
	return sh, sh.check()
}

func (sh Shard) check() error {
	switch {
	case sh.Count < 1:
		return fmt.Errorf("shard %d/%d: the count n must be at least 1", sh.Number, sh.Count)
	case sh.Number == 0:
		return fmt.Errorf("shard 0/%d: shards count from 1 (1/%d … %d/%d)", sh.Count, sh.Count, sh.Count, sh.Count)
	case sh.Number < 0 || sh.Number > sh.Count:
		return fmt.Errorf("shard %d/%d: want 1 <= i <= n", sh.Number, sh.Count)
	}
	return nil
}

func (sh Shard) String() string { return fmt.Sprintf("%d/%d", sh.Number, sh.Count) }

// Has reports whether run i (from 0) belongs to the shard: shard k of n
// has runs k−1, k−1+n, k−1+2n, … Runs are dealt out in turn, so every
// shard gets a mix of cheap and dear points.
func (sh Shard) Has(i int) bool { return sh.Count <= 1 || i%sh.Count == sh.Number-1 }
