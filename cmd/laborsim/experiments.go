package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
)

const experimentsUsage = `Usage: laborsim experiments [NAME]

Lists the named experiments, one line each; with a NAME, prints that
experiment's scenario file, which 'laborsim sweep --config' reads once
saved (and edited). Run one with 'laborsim sweep --experiment NAME'; flags
given with it override its parameters. docs/EXPERIMENTS.md says what each
asks and what to look for.
`

// experimentsCommand implements 'laborsim experiments'.
func experimentsCommand(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := pflag.NewFlagSet("experiments", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := parseArgs(fs, args, experimentsUsage, stdout); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
		for _, e := range experiments.Named() {
			fmt.Fprintf(tw, "%s\t%s\n", e.Name, e.Title())
		}
		return tw.Flush()
	case 1:
		e, err := experiments.Lookup(fs.Arg(0))
		if err != nil {
			return usageError{err}
		}
		_, err = io.WriteString(stdout, e.Text)
		return err
	}
	return usagef("want at most one experiment name, got %d", fs.NArg())
}
