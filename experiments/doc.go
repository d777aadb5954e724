// Package experiments runs batches of simulations: it expands a parameter
// grid (lists and log-spaced ranges, several parameters varied together or
// crossed), derives each replicate's seed from the base seed and the point,
// runs the batch in parallel, appends every finished run to a results file
// that survives interruption, merges shard files and summarises replicates
// into means and 95% intervals. Named experiments and scenario files are
// YAML specs.
//
// The results file is CSV. Its header is `point,replicate`, then every
// sim.Config field under its json tag (the flag name) in struct order — seed
// is the derived seed of the run — then every economy.Columns name (the
// final step's value), then `wall_seconds`.
package experiments
