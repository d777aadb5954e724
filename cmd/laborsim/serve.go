package main

import (
	"context"
	"io"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/serve"
)

const serveUsage = `Usage: laborsim serve [--addr 127.0.0.1:8080] [--max-runs N] [--max-agents N]

Starts the explorer: a web page with a slider or field for every parameter of
'laborsim run', charts that update as a run computes, two scenarios side by
side, sweeps from the working directory's results files, and the command
line that reproduces what is on screen. It prints the page's address; stop
it with Ctrl-C.

It listens on the loopback address unless --addr says otherwise, reads no
file outside the working directory, validates every request as 'laborsim
run' validates its flags, runs at most --max-runs runs at once and at most
--max-agents workers, AI agents or firms in a run.

Flags:
`

// serveCommand implements 'laborsim serve'.
func serveCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opt := serve.Options{Addr: serve.DefaultAddr, MaxRuns: serve.DefaultMaxRuns, MaxAgents: serve.DefaultMaxAgents, Dir: "."}
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.Addr, "addr", opt.Addr, "address to listen on, host:port (the loopback address unless you mean to share it)")
	countVar(fs, &opt.MaxRuns, "max-runs", "runs and sweeps computing at once; more are refused")
	countVar(fs, &opt.MaxAgents, "max-agents", "the most workers, AI agents or firms a run from the page may have")
	if err := parseFlags(fs, args, serveUsage, stdout); err != nil {
		return err
	}
	if err := opt.Check(); err != nil {
		return usageError{err}
	}
	return serve.ListenAndServe(ctx, opt, stdout, stderr)
}
