package economy

import "math"

// Basket prices goods against land, a fixed factor, for a household whose
// preferences over goods g and land ℓ are CES with elasticity Sigma and land
// weight Weight. With land in fixed supply (ℓ = 1 per household) its price
// relative to goods is the marginal rate of substitution
//
//	p_ℓ/p_g = (Weight/(1−Weight))^(1/σ) · g^(1/σ),
//
// and the ideal price index of the basket is
// P = [(1−Weight) p_g^(1−σ) + Weight p_ℓ^(1−σ)]^(1/(1−σ)).
// As goods become abundant, goods get cheaper and land dearer in basket terms.
type Basket struct {
	Sigma, Weight float64
}

// Prices returns the goods price and the land price in units of the basket,
// for goods consumption g per household.
func (b Basket) Prices(g float64) (goods, land float64) {
	g = math.Max(g, 1e-12)
	rel := math.Pow(b.Weight/(1-b.Weight), 1/b.Sigma) * math.Pow(g, 1/b.Sigma)
	var index float64
	if math.Abs(b.Sigma-1) < 1e-9 {
		index = math.Pow(rel, b.Weight)
	} else {
		e := 1 - b.Sigma
		index = math.Pow((1-b.Weight)+b.Weight*math.Pow(rel, e), 1/e)
	}
	return 1 / index, rel / index
}
