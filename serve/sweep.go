package serve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/laborsim/laborsim/experiments"
)

// maxSweepRuns bounds a sweep started from the page: a small sweep, to
// look at; a large one belongs to 'laborsim sweep --out'.
const maxSweepRuns = 200

// sweepOf reads a sweep from a request: the base configuration from the
// parameters, an axis from each "vary" (as --vary), "replicates" and
// "per-decade". Every point must be a run the server allows.
func (s *Server) sweepOf(q map[string][]string) (experiments.Sweep, error) {
	cfg, err := s.config(q, "client", "vary", "replicates", "per-decade")
	if err != nil {
		return experiments.Sweep{}, err
	}
	var axes []experiments.Axis
	for _, v := range q["vary"] {
		ax, err := experiments.ParseVary(v, "--vary "+v)
		if err != nil {
			return experiments.Sweep{}, err
		}
		axes = append(axes, ax)
	}
	if len(axes) == 0 {
		return experiments.Sweep{}, errors.New("--vary: give a parameter to vary, e.g. ai-cost-decline=3,10,30")
	}
	reps, err := intParam(q, "replicates", experiments.DefaultReplicates)
	if err != nil {
		return experiments.Sweep{}, err
	}
	perDecade, err := intParam(q, "per-decade", experiments.DefaultPerDecade)
	if err != nil {
		return experiments.Sweep{}, err
	}
	sw, err := experiments.NewSweep(cfg, axes, perDecade, reps)
	if err != nil {
		return sw, err
	}
	if sw.Len() > maxSweepRuns {
		return sw, fmt.Errorf("the sweep has %d runs; the explorer runs at most %d (use 'laborsim sweep --out FILE' and open the file here)", sw.Len(), maxSweepRuns)
	}
	for _, p := range sw.Points {
		if err := s.allowed(p.Config); err != nil {
			return sw, fmt.Errorf("grid point %d (%s): %w", p.Index, p, err)
		}
	}
	return sw, nil
}

// intParam reads an integer setting of a sweep, or def when absent.
func intParam(q map[string][]string, name string, def int) (int, error) {
	vs := q[name]
	if len(vs) == 0 || vs[0] == "" {
		return def, nil
	}
	n, err := strconv.Atoi(vs[0])
	if err != nil {
		return 0, fmt.Errorf("invalid --%s %q: not an integer", name, vs[0])
	}
	return n, nil
}

// handleSweep runs a small sweep and streams its progress as server-sent
// events: "start" with the number of runs, "progress" after each run,
// then "done" with the id of its results (for /api/results and the
// sweep chart), "stopped" or "failed". The runs go one at a time on one
// run slot; a new sweep from the same client key cancels the one before.
func (s *Server) handleSweep(w http.ResponseWriter, r *http.Request) {
	sw, err := s.sweepOf(r.URL.Query())
	if err != nil {
		badRequest(w, err)
		return
	}
	runs := make([]experiments.Run, sw.Len())
	for i := range runs {
		runs[i] = sw.Run(i)
	}
	s.stream(w, r, func(ctx context.Context, ev *events) {
		ev.send("start", map[string]any{"runs": len(runs), "points": len(sw.Points), "varied": sw.Names})
		var recs []experiments.Record
		err := experiments.Execute(ctx, runs, 1, func(rec experiments.Record) error {
			recs = append(recs, rec)
			return ev.send("progress", map[string]int{"done": len(recs), "runs": len(runs)})
		})
		switch {
		case err == nil:
			slices.SortFunc(recs, func(a, b experiments.Record) int {
				return cmp.Or(cmp.Compare(a.Point, b.Point), cmp.Compare(a.Replicate, b.Replicate))
			})
			ev.send("done", map[string]any{"file": s.results.add("sweep", recs), "runs": len(recs)})
		case errors.Is(err, context.Canceled):
			ev.send("stopped", map[string]int{"done": len(recs)})
		default:
			ev.send("failed", map[string]string{"message": err.Error()})
		}
	})
}
