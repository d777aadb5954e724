// Package validation is the suite behind 'laborsim validate': it runs the
// agent-based economy with its frictions switched off and compares the
// agents' own accounts with closed forms (Korinek & Suh 2024 eq. 4,
// Acemoglu & Restrepo's Cobb-Douglas case), with a published range (the
// BLS labor share) and across scales (shares that do not depend on the
// number of agents). Each Check holds the configurations it runs; the
// command line it prints for them is generated from those configurations
// with experiments.Flags. docs/VALIDATION.md describes every check.
package validation
