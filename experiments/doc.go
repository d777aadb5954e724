// Package experiments runs batches of simulations: it expands a parameter
// grid (lists, log-spaced and linear ranges, several parameters varied
// together or crossed) or draws a sampled design (a Latin hypercube, or the
// designs of a sensitivity analysis: Morris's trajectories, Saltelli's
// matrices), derives each replicate's seed from the base seed and the point,
// runs the batch in parallel, appends every finished run to a results file
// that survives interruption, merges shard files and summarises replicates
// into means and 95% intervals, and estimates sensitivity indices (Morris's
// elementary effects, Sobol's first-order and total indices) from a
// design's records. Named experiments and scenario files are YAML specs.
//
// The results file is CSV. Its header is `run_id,point,replicate`, then
// every sim.Config field under its column (ParamColumns: the flag in
// snake_case) in struct order — seed is the derived seed of the run, below
// 2^53 — then every economy.Columns name (the final step's value), then
// `wall_seconds`. A series file (SeriesFile) holds every step of every
// run in long format, keyed by the same run_id.
package experiments
