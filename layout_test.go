// Package laborsim_test holds the test of the module's layout. It imports
// none of the module's packages, so it builds and reports an upward import
// even when that import makes a cycle the compiler refuses.
package laborsim_test

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// layers are the module's packages, from the command down (DESIGN §12):
// each may import only packages after it in this list.
var layers = []string{"cmd/laborsim", "serve", "validation", "chart", "experiments", "sim", "agents", "economy"}

// TestImportGraph holds every package of the module, its tests included,
// to the layers.
func TestImportGraph(t *testing.T) {
	graph, err := moduleImports(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cmd/laborsim", "chart", "experiments", "sim", "agents", "economy"} {
		if _, ok := graph[want]; !ok {
			t.Errorf("package %s not found: the walk of the module is broken", want)
		}
	}
	for _, err := range checkLayers(graph) {
		t.Error(err)
	}
}

// TestCheckLayersRefuses feeds checkLayers graphs that break the layout.
func TestCheckLayersRefuses(t *testing.T) {
	for _, c := range []struct {
		graph map[string][]string
		want  string
	}{
		{map[string][]string{"economy": {"sim"}, "sim": {"economy"}}, "economy imports sim, a package above it"},
		{map[string][]string{"chart": {"validation"}}, "chart imports validation, a package above it"},
		{map[string][]string{"sim": {"sim"}}, ""},
		{map[string][]string{"util": {"economy"}}, "package util is not in the layout"},
		{map[string][]string{"sim": {"helpers"}}, "sim imports helpers, which is not in the layout"},
	} {
		errs := checkLayers(c.graph)
		got := fmt.Sprint(errs)
		if c.want == "" && len(errs) > 0 || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%v: errors %s, want %q", c.graph, got, c.want)
		}
	}
}

// checkLayers reports each package outside the layers and each import of
// a package at its own layer or above.
func checkLayers(graph map[string][]string) []error {
	var errs []error
	pkgs := make([]string, 0, len(graph))
	for p := range graph {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	for _, p := range pkgs {
		i := slices.Index(layers, p)
		if i < 0 {
			errs = append(errs, fmt.Errorf("package %s is not in the layout %v", p, layers))
			continue
		}
		for _, q := range graph[p] {
			switch j := slices.Index(layers, q); {
			case q == p:
			case j < 0:
				errs = append(errs, fmt.Errorf("%s imports %s, which is not in the layout %v", p, q, layers))
			case j <= i:
				errs = append(errs, fmt.Errorf("%s imports %s, a package above it: imports flow %s", p, q, strings.Join(layers, " → ")))
			}
		}
	}
	return errs
}

// moduleImports maps each package of the module under root (by its
// directory) to the module's packages it or its tests import, found by
// parsing the files as go/build does (no compiling).
func moduleImports(root string) (map[string][]string, error) {
	module, err := modulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	graph := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		var none *build.NoGoError
		if errors.As(err, &none) {
			return nil
		}
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(path)
		if dir == "." {
			return nil // this test's own package
		}
		var deps []string
		for _, imp := range slices.Concat(pkg.Imports, pkg.TestImports, pkg.XTestImports) {
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok && !slices.Contains(deps, rel) {
				deps = append(deps, rel)
			}
		}
		graph[dir] = deps
		return nil
	})
	return graph, err
}

// modulePath reads the module path from go.mod.
func modulePath(gomod string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	for line := range strings.Lines(string(data)) {
		if path, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.TrimSpace(path), nil
		}
	}
	return "", fmt.Errorf("%s: no module line", gomod)
}
