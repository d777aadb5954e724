package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/laborsim/laborsim/experiments"
)

// Reading input that a signal can stop. The commands that read files —
// merge, summarize, plot — stop within a second of SIGINT or SIGTERM: they
// refuse an input that is not a regular file before reading it (a FIFO or
// a device such as /dev/zero can be read for ever, and opening a FIFO
// waits for a writer), read through ctxReader where they hold the reader,
// and run a read or a computation they cannot reach into with untilDone.

// ctxReader reads from r until ctx is done; then every Read fails with
// ctx's error. The readers of results files read in blocks of a few
// kilobytes, so a read stops within a block.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// checkRegular refuses an input file that is not a regular file (or a link
// to one), naming it, as bad input; a missing file is left to the reader
// to report.
func checkRegular(path string) error {
	if err := experiments.CheckRegular(path); err != nil {
		return usageError{err}
	}
	return nil
}

// openInput opens an input file that must be a regular file, for reading
// through ctxReader.
func openInput(ctx context.Context, path string) (io.ReadCloser, error) {
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{ctxReader{ctx, f}, f}, nil
}

// untilDone runs f on a goroutine of its own and returns its result, or
// ctx's error as soon as ctx is done — also when f has finished by then,
// so that a command stops at the first check after a signal. f must only
// read and compute: when ctx ends first it is left to finish alone, and
// the command, which is about to exit, drops its result.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	var zero T
	if ctx.Err() != nil {
		return zero, stopped(ctx)
	}
	type result struct {
		v   T
		err error
	}
	c := make(chan result, 1)
	go func() {
		v, err := f()
		c <- result{v, err}
	}()
	select {
	case r := <-c:
		if ctx.Err() == nil {
			return r.v, r.err
		}
	case <-ctx.Done():
	}
	return zero, stopped(ctx)
}

// stopped is the error of a command stopped by ctx: it wraps ctx's error,
// which main turns into exit 130 or 143, and names the signal if one was
// the cause.
func stopped(ctx context.Context) error {
	if cause := context.Cause(ctx); cause != nil && cause != ctx.Err() {
		return fmt.Errorf("%v: %w", cause, ctx.Err())
	}
	return ctx.Err()
}
