package sim

import "testing"

// FuzzTinyEconomy runs the markets — matching, AI-agent clearing,
// production and payments — with zero, one and tiny counts and extreme
// parameters, checking finite accounts and the identities.
func FuzzTinyEconomy(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint16(0), 0.5, 5.0, 10.0, false)
	f.Add(uint8(1), uint8(9), uint16(1), 0.05, 0.0, 1000.0, false)
	f.Add(uint8(3), uint8(1), uint16(600), 20.0, 0.0, 1.0, true)
	f.Add(uint8(0), uint8(0), uint16(65535), 1.0, 1e-9, 1.5, false)
	f.Fuzz(func(t *testing.T, workers, firms uint8, ai uint16, sigma, price, decline float64, frictionless bool) {
		c := DefaultConfig()
		c.Workers, c.Firms, c.AIAgents = 1+int(workers)%40, 1+int(firms)%12, int(ai)%700
		c.Sigma, c.AIPrice, c.AICostDecline, c.Frictionless = sigma, price, decline, frictionless
		c.Years, c.StepsPerYear, c.TaskBins = 1, 4, 10
		if c.Validate() != nil {
			return
		}
		w, err := New(c)
		if err != nil {
			t.Fatal(err)
		}
		m0 := w.money()
		for range c.Steps() {
			a := w.Step()
			checkStep(t, c, &a, m0)
		}
	})
}
