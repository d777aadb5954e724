package experiments

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// A series in Parquet has the CSV series' columns, in its order, each
// required: run_id, point, replicate, seed and step as INT64; a varied
// parameter as its kind (INT64, DOUBLE, BOOLEAN or STRING); every other
// metric as DOUBLE. Pages are Snappy-compressed, which DuckDB, pandas
// (pyarrow) and R's arrow all read. Values read back format exactly as the
// CSV writes them, so CSV → Parquet → CSV gives the same bytes.

// seriesKinds are the Go types of the columns of a series whose header is
// header (SeriesHeader): the varied parameters lie between replicate and
// seed.
func seriesKinds(header []string) []reflect.Type {
	kinds := make([]reflect.Type, len(header))
	seed := slices.Index(header, "seed")
	for i, name := range header {
		kinds[i] = reflect.TypeFor[float64]()
		p, isParam := lookupParam(name)
		switch {
		case name == "run_id" || name == "point" || name == "replicate" || name == "seed" || name == "step":
			kinds[i] = reflect.TypeFor[int64]()
		case i < seed && isParam && kindOf(p) == reflect.Bool:
			kinds[i] = reflect.TypeFor[bool]()
		case i < seed && isParam && kindOf(p) == reflect.String:
			kinds[i] = reflect.TypeFor[string]()
		case i < seed && isParam && kindOf(p) != reflect.Float64:
			kinds[i] = reflect.TypeFor[int64]()
		}
	}
	return kinds
}

// seriesSchema is the Parquet schema of a series: a struct type with a
// field per column, in order.
func seriesSchema(header []string, kinds []reflect.Type) *parquet.Schema {
	fields := make([]reflect.StructField, len(header))
	for i, name := range header {
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: kinds[i], Tag: reflect.StructTag(`parquet:"` + name + `"`)}
	}
	return parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Interface())
}

// writeParquet writes the CSV rows that rows yields (chunks of whole
// lines, in order) as a Parquet series with header's columns.
func writeParquet(w io.Writer, header []string, rows func(yield func([]byte) error) error) error {
	kinds := seriesKinds(header)
	pw := parquet.NewWriter(w, seriesSchema(header, kinds), parquet.Compression(&snappy.Codec{}))
	batch := make([]parquet.Row, 0, 1024)
	flush := func() error {
		_, err := pw.WriteRows(batch)
		batch = batch[:0]
		return err
	}
	err := rows(func(chunk []byte) error {
		for _, line := range strings.SplitAfter(string(chunk), "\n") {
			if line == "" {
				continue
			}
			row, err := parquetRow(strings.TrimSuffix(line, "\n"), kinds)
			if err != nil {
				return err
			}
			if batch = append(batch, row); len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	return pw.Close()
}

// parquetRow parses one CSV row of a series into Parquet values.
func parquetRow(line string, kinds []reflect.Type) (parquet.Row, error) {
	f := strings.Split(line, ",")
	if len(f) != len(kinds) {
		return nil, fmt.Errorf("a series row has %d fields, want %d", len(f), len(kinds))
	}
	row := make(parquet.Row, len(f))
	for i, s := range f {
		var v parquet.Value
		switch kinds[i].Kind() {
		case reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("column %d: %q is not an integer", i+1, s)
			}
			v = parquet.Int64Value(n)
		case reflect.Float64:
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("column %d: %q is not a number", i+1, s)
			}
			v = parquet.DoubleValue(x)
		case reflect.Bool:
			v = parquet.BooleanValue(s == "true")
		default:
			v = parquet.ByteArrayValue([]byte(s))
		}
		row[i] = v.Level(0, 0, i)
	}
	return row, nil
}

// readParquet reads a Parquet series and calls row with each of its rows
// as a CSV line, newline included, formatted as the CSV series writes
// them. It returns the header.
func readParquet(r io.ReaderAt, size int64, path string, row func([]byte) error) ([]string, error) {
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, &ForeignError{fmt.Sprintf("%s is not a Parquet file: %v", path, err)}
	}
	var header []string
	for _, c := range f.Schema().Fields() {
		header = append(header, c.Name())
	}
	pr := parquet.NewReader(f)
	defer pr.Close()
	buf := make([]parquet.Row, 256)
	var b []byte
	for {
		n, err := pr.ReadRows(buf)
		for _, r := range buf[:n] {
			b = b[:0]
			for i, v := range r {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendValue(b, v)
			}
			if err := row(append(b, '\n')); err != nil {
				return nil, err
			}
		}
		if err == io.EOF {
			return header, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
	}
}

func appendValue(b []byte, v parquet.Value) []byte {
	switch v.Kind() {
	case parquet.Int64:
		return strconv.AppendInt(b, v.Int64(), 10)
	case parquet.Int32:
		return strconv.AppendInt(b, int64(v.Int32()), 10)
	case parquet.Double:
		return AppendNumber(b, v.Double())
	case parquet.Float:
		return AppendNumber(b, float64(v.Float()))
	case parquet.Boolean:
		return strconv.AppendBool(b, v.Boolean())
	}
	return append(b, v.ByteArray()...)
}
