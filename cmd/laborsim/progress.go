package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/laborsim/laborsim/experiments"
)

// progress reports finished runs on stderr: a bar on a terminal, plain
// lines (at most one a second) elsewhere, as in a batch job's log, and
// nothing when quiet.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer // plain lines; nil when quiet or with a bar
	total int
	done  int
	start time.Time
	last  time.Time
}

func newProgress(stderr io.Writer, total int, quiet bool) *progress {
	p := &progress{total: total, start: time.Now()}
	switch {
	case quiet || total == 0:
	case isTerminal(stderr):
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("sweep"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("runs"),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetRenderBlankState(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(stderr) }),
		)
	default:
		p.w = stderr
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// add counts a finished run.
func (p *progress) add(rec experiments.Record) {
	p.done++
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	now := time.Now()
	if p.w == nil || (p.done > 1 && p.done < p.total && now.Sub(p.last) < time.Second) {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start)
	left := time.Duration(float64(elapsed) / float64(p.done) * float64(p.total-p.done))
	fmt.Fprintf(p.w, "laborsim: %d/%d runs done (point %d replicate %d took %.2f s); %s elapsed, about %s left\n",
		p.done, p.total, rec.Point, rec.Replicate, rec.WallSeconds, elapsed.Round(time.Second), left.Round(time.Second))
}

// finish closes the bar, if any.
func (p *progress) finish() {
	if p.bar != nil && p.done < p.total {
		p.bar.Exit()
	}
}
