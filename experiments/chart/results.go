package chart

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/laborsim/laborsim/sim"
)

// Results are the rows of a sweep's results file, one run a row. Its
// header is point, replicate, every sim.Config json tag in struct order
// (seed is the run's derived seed), every economy.Columns name holding the
// final step's values, then wall_seconds. A grid point is the runs that
// share a point. Columns are found by name, so their order does not matter.
type Results struct {
	header []string
	index  map[string]int
	rows   [][]string
	params map[string]bool
}

// ReadResults reads a results file.
func ReadResults(r io.Reader) (*Results, error) {
	cr := csv.NewReader(r)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errors.New("empty file")
	}
	res := &Results{header: rows[0], index: map[string]int{}, rows: rows[1:], params: map[string]bool{}}
	for i, name := range res.header {
		res.index[name] = i
	}
	for _, name := range []string{"point", "replicate"} {
		if _, ok := res.index[name]; !ok {
			return nil, fmt.Errorf("no column %q: not a results file", name)
		}
	}
	if len(res.rows) == 0 {
		return nil, errors.New("no runs in the file")
	}
	for _, name := range paramNames() {
		if _, ok := res.index[name]; ok {
			res.params[name] = true
		}
	}
	return res, nil
}

// IsParameter reports whether name is a column of a model parameter.
func (r *Results) IsParameter(name string) bool { return r.params[name] }

// IsMetric reports whether name is a column of a result: neither the
// point, the replicate nor a parameter.
func (r *Results) IsMetric(name string) bool {
	_, ok := r.index[name]
	return ok && !r.params[name] && name != "point" && name != "replicate"
}

// Metrics are the metric columns, in file order.
func (r *Results) Metrics() []string {
	var m []string
	for _, name := range r.header {
		if r.IsMetric(name) {
			m = append(m, name)
		}
	}
	return m
}

// Swept are the parameters that differ between runs, in file order, except
// the seed, which differs between replicates.
func (r *Results) Swept() []string {
	var swept []string
	for _, name := range r.header {
		if !r.params[name] || name == "seed" {
			continue
		}
		k := r.index[name]
		for _, row := range r.rows[1:] {
			if row[k] != r.rows[0][k] {
				swept = append(swept, name)
				break
			}
		}
	}
	return swept
}

// float is column name of row i as a number.
func (r *Results) float(i int, name string) (float64, error) {
	s := r.rows[i][r.index[name]]
	v, err := strconv.ParseFloat(s, 64)
	if b, berr := strconv.ParseBool(s); err != nil && berr == nil {
		v, err = 0, nil
		if b {
			v = 1
		}
	}
	if err != nil {
		return 0, fmt.Errorf("line %d, column %s: %q is not a number", i+2, name, s)
	}
	return v, nil
}

// config is the configuration of row i: the defaults, with every parameter
// column of the file set.
func (r *Results) config(i int) (sim.Config, error) {
	c := sim.DefaultConfig()
	for _, name := range r.header {
		if !r.params[name] {
			continue
		}
		if err := setParam(&c, name, r.rows[i][r.index[name]]); err != nil {
			return c, fmt.Errorf("line %d, column %s: %v", i+2, name, err)
		}
	}
	return c, nil
}

// differ is the first parameter other than the seed and those in skip whose
// values in rows i and j differ, or "".
func (r *Results) differ(i, j int, skip ...string) string {
	for _, name := range r.header {
		if !r.params[name] || name == "seed" || slices.Contains(skip, name) {
			continue
		}
		if k := r.index[name]; r.rows[i][k] != r.rows[j][k] {
			return name
		}
	}
	return ""
}
