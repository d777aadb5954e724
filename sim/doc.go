// Package sim is the engine of laborsim: it builds a World of workers,
// firms and AI agents from a Config and advances it in bulk-synchronous
// steps.
//
// A step is one table, schedule in step.go, read top to bottom: every
// phase, every side task (a function started on the side goroutine that
// runs beside the lines after it) and every wait for it, in the order they
// run, each line marked with the economies that run it (the frictional
// one, with search and an AI-agent market, and the frictionless one, with
// instant clearing). A phase runs to completion before the next starts;
// its parallel chunks are fixed-size ranges of agents (parallel.go), so no
// number depends on the number of cores.
//
// The World is the agents (workers and firms, shared by every market), the
// tasks at the current AI frontier, and one room per market: a struct in
// the market's own file that holds the market's state and the values its
// phases hand on to later ones.
//
//	produce.go      production  the firms' plans (decide), production, the goods market
//	labor.go        labour      separations, the recount, the hires, the market statistics
//	match.go        (labour)    the search-and-matching rounds and the job list
//	aimarket.go     aiMarket    the laws of AI's cost and reach, the AI-agent market, the agents' moves
//	frictionless.go             instant clearing of both markets (the frictionless economy)
//	households.go   households  the payments, the households' update, the provider's and government's cash
//	accounts.go     accounts    the national accounts and the distributions
//
// A phase is a World method, named in the schedule by its method
// expression ((*World).decide), in the file of the room whose values it
// sets; it may read any room. world.go builds the starting economy (New),
// rng.go hands out the random streams, run.go runs a whole Config.
package sim
