// Command laborsim simulates the labour market in the AI transition: firms,
// human workers and AI agents trade labour while the cost of AI falls, and
// the accounts show how the labour share, the capital share and the
// distribution of wages shift.
//
//	laborsim run [flags]                 one run; a summary table, JSON or CSV
//	laborsim sweep [flags]               a grid of runs with replicates; a summary table
//	laborsim sensitivity [flags]         rank parameters by their effect (Morris, Sobol)
//	laborsim merge -o FILE SHARD...      join the results (and series) files of a sweep's shards
//	laborsim replay RESULTS ROW          run one row of a results file again, exactly
//	laborsim summarize FILE              the summary table of a results file
//	laborsim experiments [NAME]          the named experiments
//	laborsim params [--format F]         every parameter: default, unit, range, source
//	laborsim validate [flags]            the validation suite: closed forms, calibration, scale
//	laborsim plot run DIR                charts of a run written with run --out-dir DIR
//	laborsim plot sweep FILE             a metric of a sweep against a swept parameter
//	laborsim help                        the commands
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		signal.Stop(sigs) // a second signal takes the default action
		cancel(interrupted{s.(syscall.Signal)})
	}()
	stdout := &checkedWriter{w: os.Stdout}
	err := run(ctx, os.Args[1:], stdout, os.Stderr)
	if stdout.err != nil && exitCode(err, io.Discard) == 0 {
		err = fmt.Errorf("writing the output: %w", stdout.err) // a full disk, a closed pipe: exit 1
	}
	code := exitCode(err, os.Stderr)
	var in interrupted
	if err != nil && errors.As(context.Cause(ctx), &in) {
		code = 128 + int(in.sig) // 130 for SIGINT, 143 for SIGTERM
	}
	os.Exit(code)
}

// checkedWriter remembers the first error of the writer it wraps, so that
// output that did not arrive — stdout on a full disk (> /dev/full) —
// fails the command even where the code that wrote it did not check.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// interrupted is the cause of a run stopped by a signal.
type interrupted struct{ sig syscall.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.sig.String() }

// usageError is bad input: a flag, a value or a command. It exits 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// errHelp says --help was given and the help printed: the command has
// nothing more to do, and succeeds.
var errHelp = errors.New("help requested")

// exitCode prints err (if any) as one line and maps it to the exit status:
// 0 success, 2 bad input, 130/143 interrupted, 1 any other failure.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, errHelp) || errors.Is(err, pflag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "laborsim: %v\n", err)
	var u usageError
	switch {
	case errors.As(err, &u):
		return 2
	case errors.Is(err, context.Canceled):
		return 130
	}
	return 1
}

const mainUsage = `laborsim simulates the labour market in the AI transition.

Usage:
  laborsim run [flags]                 run one scenario and print its accounts
  laborsim sweep [flags]               run a grid of scenarios with replicates
  laborsim sensitivity --vary NAME=LO:HI ... [--method morris|sobol]
                                       rank parameters by their effect on a metric
  laborsim merge -o FILE SHARD...      join the results (and series) files of a sweep's shards
  laborsim replay RESULTS ROW          run one row of a results file again, exactly
  laborsim summarize FILE              print the summary table of a results file
  laborsim experiments [NAME]          list the named experiments, or print one
  laborsim params [--format F]         list every parameter: default, unit, range, source
  laborsim validate [flags]            check the simulator against the task model's closed forms
  laborsim plot run DIR                charts of a run written with 'run --out-dir DIR'
  laborsim plot sweep RESULTS.csv --x NAME --y METRIC -o FILE.png
                                       a metric of a sweep against a swept parameter
  laborsim serve [--addr HOST:PORT]    explore the model in a browser: sliders, live charts, sweeps
  laborsim help                        this text

Run 'laborsim COMMAND --help' for the flags of a command.
`

// run is the whole command, testable without a process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return usagef("no command given")
	}
	switch args[0] {
	case "run":
		return runCommand(ctx, args[1:], stdout, stderr)
	case "sweep":
		return sweepCommand(ctx, args[1:], stdout, stderr)
	case "sensitivity":
		return sensitivityCommand(ctx, args[1:], stdout, stderr)
	case "merge":
		return mergeCommand(ctx, args[1:], stdout, stderr)
	case "replay":
		return replayCommand(ctx, args[1:], stdout, stderr)
	case "summarize":
		return summarizeCommand(ctx, args[1:], stdout, stderr)
	case "experiments":
		return experimentsCommand(ctx, args[1:], stdout, stderr)
	case "params":
		return paramsCommand(ctx, args[1:], stdout, stderr)
	case "validate":
		return validateCommand(ctx, args[1:], stdout, stderr)
	case "plot":
		return plotCommand(ctx, args[1:], stdout, stderr)
	case "serve":
		return serveCommand(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, mainUsage)
		return nil
	}
	return usagef("unknown command %q (try 'laborsim help')", args[0])
}
