package economy

import "math"

// TaskModel is the one-sector task model of Korinek & Suh (2024, eq. 4) in
// which a share Φ of tasks can be automated by K efficiency units of AI (or
// capital) and humans supply L efficiency units to any task.
type TaskModel struct {
	A, Sigma, Phi, K, L float64
}

// Region1 reports whether automation is not yet saturated, K/L > Φ/(1−Φ):
// AI does every automatable task and humans do the rest at w > R.
func (m TaskModel) Region1() bool { return m.K*(1-m.Phi) > m.Phi*m.L }

// Output is Y = A[K^ρ Φ^(1/σ) + L^ρ (1−Φ)^(1/σ)]^(1/ρ) in region 1 and
// Y = A(K+L) otherwise.
func (m TaskModel) Output() float64 {
	if !m.Region1() {
		return m.A * (m.K + m.L)
	}
	c := NewCES(m.Sigma)
	sum := 0.0
	for _, p := range [][2]float64{{m.Phi, m.K}, {1 - m.Phi, m.L}} {
		t, _ := c.Term(p[0], p[1]/p[0])
		sum += t
	}
	return m.A * c.Mean(sum, false)
}

// Wage is w = A^((σ−1)/σ) (Y/L)^(1/σ) (1−Φ)^(1/σ) in region 1, A otherwise.
func (m TaskModel) Wage() float64 {
	if !m.Region1() {
		return m.A
	}
	return math.Pow(m.A, (m.Sigma-1)/m.Sigma) * math.Pow(m.Output()/m.L*(1-m.Phi), 1/m.Sigma)
}

// Rent is R = A^((σ−1)/σ) (Y/K)^(1/σ) Φ^(1/σ) in region 1, A otherwise.
func (m TaskModel) Rent() float64 {
	if !m.Region1() {
		return m.A
	}
	return math.Pow(m.A, (m.Sigma-1)/m.Sigma) * math.Pow(m.Output()/m.K*m.Phi, 1/m.Sigma)
}

// LaborShare is wL/Y.
func (m TaskModel) LaborShare() float64 { return m.Wage() * m.L / m.Output() }
