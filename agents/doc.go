// Package agents holds the individual agents of laborsim — human workers,
// AI agents and firms — as small value structs meant to live in flat slices
// indexed by int32, and their decision rules. Agents hold no pointers and
// start no goroutines; the engine (package sim) schedules them.
package agents
