// Package serve is laborsim's explorer in the browser: 'laborsim serve'
// starts it. A page of sliders and fields, one for every run parameter,
// runs the model on the server and streams each step to the page
// (server-sent events), where charts of the factor shares, unemployment
// and vacancies, wages, inequality, the AI fleet and the price of AI
// update as it computes. Two scenarios, A and B, can be run side by side
// with their differing parameters listed; a link encodes every parameter.
// The page opens the results file of a sweep from the working directory,
// or an uploaded one, and draws a metric against a swept parameter with
// its intervals (package chart, as 'laborsim plot sweep' does); it can
// start a small sweep (package experiments) and follow its progress.
//
// The page, its script, its styles and the charting library (uPlot) are
// embedded in the binary: nothing is fetched from elsewhere at run time.
//
// The server is safe by default: it listens on the loopback address,
// answers only requests addressed to a loopback host name when it does
// (against DNS rebinding), validates every request's parameters with
// sim.Config.Validate (a bad value is a 400 with the command line's
// one-line message), runs at most Options.MaxRuns runs at once, caps the
// agents of a run from the page at Options.MaxAgents, and reads no file
// outside its working directory (an os.Root: neither "..", an absolute
// path nor a symbolic link leads out of it).
package serve
