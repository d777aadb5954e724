package main

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/laborsim/laborsim/serve"
)

// TestServeDownloadsAreRun checks that the explorer's downloads of a run
// are byte for byte what 'laborsim run --format csv|json' prints.
func TestServeDownloadsAreRun(t *testing.T) {
	s, err := serve.New(serve.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := url.Values{}
	for i := 1; i+1 < len(smallRun); i += 2 {
		q.Set(strings.TrimPrefix(smallRun[i], "--"), smallRun[i+1])
	}
	for _, format := range []string{"csv", "json"} {
		want, errs, code := runCmd(append(smallRun, "--format", format)...)
		if code != 0 {
			t.Fatalf("run: exit %d: %s", code, errs)
		}
		r := httptest.NewRequest("GET", "/api/run."+format+"?"+q.Encode(), nil)
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 || w.Body.String() != want {
			t.Errorf("%s: the explorer's download (%d, %d bytes) differs from 'laborsim run --format %s' (%d bytes)", format, w.Code, w.Body.Len(), format, len(want))
		}
	}
}

func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--max-runs", "0"}, "laborsim: invalid --max-runs 0: must be in [1, 1000]\n"},
		{[]string{"serve", "--max-agents", "0"}, "laborsim: invalid --max-agents 0: must be in [1, 50000000]\n"},
		{[]string{"serve", "--addr", "localhost"}, "laborsim: invalid --addr \"localhost\": want host:port, e.g. 127.0.0.1:8080\n"},
		{[]string{"serve", "extra"}, "laborsim: unexpected argument \"extra\"\n"},
	} {
		// A cancelled context: a server that wrongly starts stops at once.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var out, errb bytes.Buffer
		code := exitCode(run(ctx, c.args, &out, &errb), &errb)
		if errs := errb.String(); code != 2 || errs != c.want {
			t.Errorf("%v: exit %d, %q; want 2, %q", c.args, code, errs, c.want)
		}
	}
	out, _, code := runCmd("serve", "--help")
	if code != 0 || !strings.Contains(out, "--max-agents") || !strings.Contains(out, "Usage: laborsim serve") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
}

// TestServeStartsAndStops starts 'laborsim serve' on a free port and
// stops it as a signal would, by cancelling its context.
func TestServeStartsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	var wg sync.WaitGroup
	var err error
	wg.Go(func() {
		err = run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, pw, &stderr)
		pw.Close()
	})
	first := make([]byte, 200)
	n, _ := pr.Read(first)
	if !regexp.MustCompile(`^laborsim serve: open http://127\.0\.0\.1:\d+/ \(Ctrl-C stops\)\n$`).Match(first[:n]) {
		t.Errorf("printed %q", first[:n])
	}
	cancel()
	rest, _ := io.ReadAll(pr)
	wg.Wait()
	if err != nil || string(rest) != "laborsim serve: stopped\n" || stderr.Len() > 0 {
		t.Errorf("stopped with %v, printed %q, stderr %q", err, rest, stderr.String())
	}
}
