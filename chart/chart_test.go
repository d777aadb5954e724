package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image"
	_ "image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("chart data differ from %s (run go test -update if the change is intended):\n%s", path, got)
	}
}

func figuresText(t *testing.T, figs ...Figure) string {
	t.Helper()
	var b strings.Builder
	for _, f := range figs {
		if err := f.WriteText(&b); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// checkFile renders f in format into dir and checks the file is a PNG of
// 1200×800 pixels or a well-formed SVG of 900×600 points (1200×800 CSS
// pixels).
func checkFile(t *testing.T, dir string, f Figure, format string) []byte {
	t.Helper()
	data, err := Render(f, format)
	if err != nil {
		t.Fatalf("%s.%s: %v", f.Name, format, err)
	}
	path := filepath.Join(dir, f.Name+"."+format)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch format {
	case "png":
		cfg, kind, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || kind != "png" || cfg.Width != WidthPx || cfg.Height != HeightPx {
			t.Errorf("%s: %s %dx%d, %v; want png 1200x800", path, kind, cfg.Width, cfg.Height, err)
		}
	case "svg":
		checkSVG(t, path, data)
	}
	return data
}

func checkSVG(t *testing.T, path string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", path, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok && root == nil {
			se = se.Copy()
			root = &se
		}
	}
	if root == nil || root.Name.Local != "svg" {
		t.Errorf("%s: root element %v, want svg", path, root)
		return
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	if attrs["width"] != "900pt" || attrs["height"] != "600pt" {
		t.Errorf("%s: svg %s by %s, want 900pt by 600pt", path, attrs["width"], attrs["height"])
	}
}
