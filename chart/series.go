package chart

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// Series is one run: its configuration and its time series by column name
// (the names of economy.Columns).
type Series struct {
	Config  sim.Config
	columns map[string][]float64
}

// NewSeries takes the series of a finished run.
func NewSeries(res sim.Result) Series {
	s := Series{Config: res.Config, columns: make(map[string][]float64, len(economy.Columns))}
	for _, col := range economy.Columns {
		v := make([]float64, len(res.Series))
		for i := range res.Series {
			v[i] = col.Value(&res.Series[i])
		}
		s.columns[col.Name] = v
	}
	return s
}

// ReadSeries reads a run's series.csv: a header of column names, then one
// row of numbers a step. Its Config is the default until the caller sets it
// (ReadConfig reads it from summary.json).
func ReadSeries(r io.Reader) (Series, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return Series{}, err
	}
	if len(rows) < 2 {
		return Series{}, errors.New("no rows of data")
	}
	s := Series{Config: sim.DefaultConfig(), columns: make(map[string][]float64, len(rows[0]))}
	for k, name := range rows[0] {
		v := make([]float64, len(rows)-1)
		for i, row := range rows[1:] {
			if v[i], err = strconv.ParseFloat(row[k], 64); err != nil {
				return Series{}, fmt.Errorf("line %d, column %s: %q is not a number", i+2, name, row[k])
			}
		}
		s.columns[name] = v
	}
	return s, nil
}

// ReadConfig reads the "params" of a run's summary.json over the defaults.
func ReadConfig(r io.Reader) (sim.Config, error) {
	var doc struct {
		Params json.RawMessage `json:"params"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return sim.Config{}, err
	}
	if doc.Params == nil {
		return sim.Config{}, errors.New(`no "params"`)
	}
	c, err := experiments.ReadConfigJSON(doc.Params)
	if err != nil {
		return sim.Config{}, fmt.Errorf("params: %w", err)
	}
	return c, nil
}

// RunFigures are the charts of one run, in this order: labor-share,
// unemployment-vacancies, wages, inequality, ai-adoption, ai-price,
// beveridge.
func RunFigures(s Series) ([]Figure, error) {
	c := columns{s: s}
	figs := []Figure{
		sharesFigure(&c),
		unemploymentFigure(&c),
		wagesFigure(&c),
		inequalityFigure(&c),
		adoptionFigure(&c, s.Config),
		priceFigure(&c),
		computeFigure(&c),
		beveridgeFigure(&c, s.Config),
	}
	if c.err != nil {
		return nil, c.err
	}
	sub := strings.Join(describe(s.Config), " · ")
	for i := range figs {
		figs[i].Subtitle = sub
	}
	return figs, nil
}

// columns looks up a series' columns and keeps the first that is missing.
type columns struct {
	s   Series
	err error
}

func (c *columns) get(name string) []float64 {
	v, ok := c.s.columns[name]
	if !ok && c.err == nil {
		c.err = fmt.Errorf("no column %q", name)
	}
	return v
}

// overTime is a line of column name against the year.
func (c *columns) overTime(name, legend string) Line {
	years, v := c.get("year"), c.get(name)
	l := Line{Name: legend, Points: make([]Point, min(len(years), len(v)))}
	for i := range l.Points {
		l.Points[i] = Point{X: years[i], Y: v[i]}
	}
	return l
}

// constant is a horizontal line at y across the years.
func (c *columns) constant(y float64, legend string) Line {
	years := c.get("year")
	if len(years) == 0 {
		return Line{Name: legend, Ref: true}
	}
	return Line{Name: legend, Ref: true, Points: []Point{{X: years[0], Y: y}, {X: years[len(years)-1], Y: y}}}
}

const yearAxis = "year"

func sharesFigure(c *columns) Figure {
	return Figure{Name: "labor-share", Title: "Labor and capital shares of GDP", Panels: []Panel{{
		XLabel: yearAxis, XWhole: true, YLabel: "share of GDP (income side)", YFromZero: true,
		Lines: []Line{
			c.overTime("labor_share", "labor (wage bill)"),
			c.overTime("capital_share", "capital, all (traditional + AI)"),
			c.overTime("trad_capital_share", "traditional capital and profit"),
			c.overTime("ai_share", "AI (rents of AI agents)"),
		},
	}}}
}

func unemploymentFigure(c *columns) Figure {
	return Figure{Name: "unemployment-vacancies", Title: "Unemployment and vacancy rates", Panels: []Panel{{
		XLabel: yearAxis, XWhole: true, YLabel: "rate (0–1)", YFromZero: true,
		Lines: []Line{
			c.overTime("unemployment_rate", "unemployment: unemployed / labour force"),
			c.overTime("vacancy_rate", "vacancies: vacant / (filled + vacant) jobs"),
		},
	}}}
}

func wagesFigure(c *columns) Figure {
	return Figure{Name: "wages", Title: "Mean and median wage of employed workers", Panels: []Panel{{
		XLabel: yearAxis, XWhole: true, YLabel: "wage (" + metricOf("mean_wage").unit + ")",
		Lines: []Line{
			c.overTime("mean_wage", "mean wage"),
			c.overTime("median_wage", "median wage"),
		},
	}}}
}

func inequalityFigure(c *columns) Figure {
	return Figure{Name: "inequality", Title: "Wage and income inequality", Panels: []Panel{{
		XLabel: yearAxis, XWhole: true, YLabel: "Gini coefficient (0 = equal, 1 = one takes all)",
		Lines: []Line{
			c.overTime("wage_gini", "wages of employed workers"),
			c.overTime("income_gini", "household income after transfers"),
		},
	}}}
}

func adoptionFigure(c *columns, cfg sim.Config) Figure {
	fleet := Panel{
		XWhole: true, YLabel: "AI agent-instances", YFromZero: true,
		Lines: []Line{
			c.overTime("ai_fleet", "fleet (can run at once)"),
			c.overTime("ai_agents_deployed", "deployed"),
		},
	}
	if positive(fleet.Lines[:1]) {
		// The fleet spans orders of magnitude; before any agent is
		// deployed the deployed line has no point on a log axis.
		fleet.LogY, fleet.YFromZero = true, false
		fleet.YLabel = "AI agent-instances (log scale)"
		fleet.Lines[1] = positivePart(fleet.Lines[1])
	}
	return Figure{Name: "ai-adoption", Title: "AI agents at work", Panels: []Panel{
		fleet,
		{
			XLabel: yearAxis, XWhole: true, YLabel: "AI task share (share of task units)", YFromZero: true,
			Lines: []Line{c.overTime("ai_task_share", "done by AI, of tasks beyond traditional capital")},
		},
	}}
}

// computeFigure is law 3's loop as a result: annual GDP growth and the
// providers' investment in compute as a share of GDP.
func computeFigure(c *columns) Figure {
	years, inv, gdp := c.get("year"), c.get("compute_investment"), c.get("gdp")
	share := Line{Name: "compute investment, share of GDP", Points: make([]Point, min(len(years), len(inv), len(gdp)))}
	for i := range share.Points {
		share.Points[i] = Point{X: years[i], Y: inv[i] / gdp[i]}
	}
	return Figure{Name: "growth", Title: "GDP growth and investment in compute", Panels: []Panel{
		{
			XWhole: true, YLabel: "GDP growth (over the last year)",
			Lines: []Line{c.overTime("gdp_growth", "GDP growth")},
		},
		{
			XLabel: yearAxis, XWhole: true, YLabel: "share of GDP", YFromZero: true,
			Lines: []Line{share},
		},
	}}
}

func priceFigure(c *columns) Figure {
	price := Panel{
		XWhole: true, YLabel: "price (output per agent-month)",
		Lines: []Line{
			c.overTime("ai_price", "market price of an AI agent-month"),
			c.overTime("ai_cost", "user cost of compute (law 2)"),
		},
	}
	if positive(price.Lines) {
		price.LogY = true
		price.YLabel = "price (output per agent-month, log scale)"
	}
	return Figure{Name: "ai-price", Title: "Price of AI and the AI frontier Φ_A", Panels: []Panel{
		price,
		{
			XLabel: yearAxis, XWhole: true, YLabel: "Φ_A (share of all tasks)", YFromZero: true,
			Lines: []Line{c.overTime("ai_frontier", "AI frontier Φ_A: tasks AI can perform")},
		},
	}}
}

func beveridgeFigure(c *columns, cfg sim.Config) Figure {
	u, v, years, steps := c.get("unemployment_rate"), c.get("vacancy_rate"), c.get("year"), c.get("step")
	n := min(len(u), len(v), len(years), len(steps))
	path := Line{Name: "each step, joined in time order", Thin: true, Points: make([]Point, n)}
	var notes []Note
	for i := range n {
		path.Points[i] = Point{X: u[i], Y: v[i]}
		if i == 0 || int(steps[i])%max(1, cfg.StepsPerYear) == 0 {
			notes = append(notes, Note{X: u[i], Y: v[i], Text: strconv.Itoa(int(math.Floor(years[i] + 1e-9)))})
		}
	}
	lines := []Line{path}
	if n > 0 {
		lines = append(lines,
			Line{Name: "start", Kind: Marks, Points: path.Points[:1]},
			Line{Name: "end", Kind: Marks, Points: path.Points[n-1:]})
	}
	return Figure{Name: "beveridge", Title: "Beveridge curve: vacancies against unemployment", Panels: []Panel{{
		XLabel: "unemployment rate (unemployed / labour force)",
		YLabel: "vacancy rate (vacant / (filled + vacant) jobs)",
		Lines:  lines,
		Notes:  notes,
	}}}
}

// positive reports whether every point of lines is above zero, so that a
// log axis can show them.
// positivePart is l without its points at or below 0.
func positivePart(l Line) Line {
	var pts []Point
	for _, p := range l.Points {
		if p.Y > 0 {
			pts = append(pts, p)
		}
	}
	l.Points = pts
	return l
}

func positive(lines []Line) bool {
	for _, l := range lines {
		for _, p := range l.Points {
			if !(p.Y > 0) {
				return false
			}
		}
	}
	return true
}
