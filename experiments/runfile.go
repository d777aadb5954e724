package experiments

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// The files of one run: its series as CSV, the whole run as JSON and its
// summary, as 'laborsim run' writes them and the explorer downloads them.
// Numbers are written by AppendNumber everywhere, so a file reads back to
// the same float64 values whoever wrote it.

// AppendNumber appends v in the shortest form that reads back exactly:
// integers without exponent, others as Go's shortest 'g'.
func AppendNumber(b []byte, v float64) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// FormatNumber is AppendNumber as a string.
func FormatNumber(v float64) string { return string(AppendNumber(nil, v)) }

// AppendRowObject appends one step's accounts as a JSON object, the columns
// in their documented order.
func AppendRowObject(b []byte, a *economy.Accounts) []byte {
	b = append(b, '{')
	for i, col := range economy.Columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, col.Name)
		b = append(b, ':')
		b = AppendNumber(b, col.Value(a))
	}
	return append(b, '}')
}

// WriteSeriesCSV writes the series with a header line of column names.
func WriteSeriesCSV(w io.Writer, series []economy.Accounts) error {
	var b []byte
	for i, col := range economy.Columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, col.Name...)
	}
	b = append(b, '\n')
	for i := range series {
		for k, col := range economy.Columns {
			if k > 0 {
				b = append(b, ',')
			}
			b = AppendNumber(b, col.Value(&series[i]))
		}
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}

// WriteRunJSON writes {"params": …, "series": […], "final": …}.
func WriteRunJSON(w io.Writer, res sim.Result) error {
	return writeRun(w, res, true)
}

// WriteRunSummary writes {"params": …, "final": …}.
func WriteRunSummary(w io.Writer, res sim.Result) error {
	return writeRun(w, res, false)
}

func writeRun(w io.Writer, res sim.Result, series bool) error {
	var b bytes.Buffer
	b.WriteString(`{"params":`)
	b.Write(AppendConfigJSON(nil, res.Config))
	if series {
		b.WriteString(`,"series":[`)
		for i := range res.Series {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.Write(AppendRowObject(nil, &res.Series[i]))
		}
		b.WriteString(`]`)
	}
	b.WriteString(`,"final":`)
	final := res.Final()
	b.Write(AppendRowObject(nil, &final))
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}
