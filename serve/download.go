package serve

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/laborsim/laborsim/chart"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// handleDownload runs a configuration to the end and returns it as
// 'laborsim run --format csv' or '--format json' prints it:
// GET /api/run.csv or /api/run.json with the parameters.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	res, ok := s.fullRun(w, r)
	if !ok {
		return
	}
	var b bytes.Buffer
	format := "csv"
	if strings.HasSuffix(r.URL.Path, ".json") {
		format = "json"
	}
	var err error
	if format == "json" {
		err = experiments.WriteRunJSON(&b, res)
	} else {
		err = experiments.WriteSeriesCSV(&b, res.Series)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	attach(w, "laborsim-run."+format, map[string]string{"csv": "text/csv", "json": "application/json"}[format])
	w.Write(b.Bytes())
}

// handleRunChart draws one of a run's charts (chart.RunFigures, as
// 'laborsim run --plot' draws them) as PNG or SVG:
// GET /api/chart/NAME?format=png|svg with the parameters.
func (s *Server) handleRunChart(w http.ResponseWriter, r *http.Request) {
	name, format := r.PathValue("name"), r.URL.Query().Get("format")
	if !slices.Contains(chart.Formats, format) {
		badRequest(w, fmt.Errorf("invalid format %q: want png or svg", format))
		return
	}
	res, ok := s.fullRun(w, r, "format")
	if !ok {
		return
	}
	figs, err := chart.RunFigures(chart.NewSeries(res))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	i := slices.IndexFunc(figs, func(f chart.Figure) bool { return f.Name == name })
	if i < 0 {
		http.Error(w, fmt.Sprintf("no chart %q", name), http.StatusNotFound)
		return
	}
	renderFigure(w, figs[i], format)
}

// renderFigure writes a chart as an attachment.
func renderFigure(w http.ResponseWriter, f chart.Figure, format string) {
	data, err := chart.Render(f, format)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	attach(w, f.Name+"."+format, map[string]string{"png": "image/png", "svg": "image/svg+xml"}[format])
	w.Write(data)
}

// fullRun runs the request's configuration to the end, answering the
// request itself when it cannot.
func (s *Server) fullRun(w http.ResponseWriter, r *http.Request, other ...string) (sim.Result, bool) {
	cfg, err := s.config(r.URL.Query(), other...)
	if err != nil {
		badRequest(w, err)
		return sim.Result{}, false
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		refuse(w, err)
		return sim.Result{}, false
	}
	defer release()
	res, err := sim.Run(r.Context(), cfg)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return sim.Result{}, false
	}
	return res, true
}

// attach marks the response as a file to save.
func attach(w http.ResponseWriter, name, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	h.Set("Cache-Control", "no-store")
}
