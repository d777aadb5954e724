// Package economy holds the economics of laborsim, free of agents and
// goroutines: the task technology (CES over task bins), the three laws of AI
// cost and capability, firms' factor demand, the closed forms of the task
// model, national accounts and inequality measures.
//
// Every equation of docs/MODEL.md is one function here.
package economy
