package negotiation

import "math/big"

var (
	bigTen = big.NewInt(10)
	// maxAmount is the largest magnitude of an amount scaled to its own
	// decimal places: 10^18 - 1.
	maxAmount = new(big.Int).Sub(new(big.Int).Exp(bigTen, big.NewInt(maxDigits), nil), big.NewInt(1))
	// maxSum bounds every sum an evaluator computes: 2^62.
	maxSum = new(big.Int).Lsh(big.NewInt(1), 62)
)

func newInt() *big.Int            { return new(big.Int) }
func newIntFrom(v int64) *big.Int { return big.NewInt(v) }
func absBig(v *big.Int) *big.Int  { return new(big.Int).Abs(v) }
