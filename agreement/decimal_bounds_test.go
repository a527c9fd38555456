package agreement

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// decimalInBoundsSlow is what decimalInBounds answers, by its definition:
// an exponent within the bound, and the plain notation within it.
func decimalInBoundsSlow(d decimal.Decimal) bool {
	if e := d.Exponent(); e > maxDecimalLen || e < -maxDecimalLen {
		return false
	}
	_, ok := formatDecimal(d)
	return ok
}

// The shortcuts of decimalInBounds (for coefficients of at most 18 digits,
// then of at most 63 bits) answer as the formatting does, for coefficients of
// every length around them (18, 19 and 20 digits, powers of ten and their
// neighbours) and exponents on either side of each bound.
func TestPropertyDecimalInBoundsShortcut(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := new(big.Int)
		switch rapid.IntRange(0, 2).Draw(t, "shape") {
		case 0:
			c.SetInt64(rapid.Int64().Draw(t, "coefficient"))
		case 1: // 10^k + delta
			k := rapid.IntRange(0, 25).Draw(t, "k")
			c.Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
			c.Add(c, big.NewInt(rapid.Int64Range(-2, 2).Draw(t, "delta")))
		default:
			c.SetString(rapid.StringMatching(`-?[1-9][0-9]{0,40}`).Draw(t, "digits"), 10)
		}
		// Exponents around each bound: the shortcut's, and the thousand
		// characters' (where a short coefficient is no longer enough).
		e := rapid.OneOf(rapid.Int32Range(-70, 70), rapid.Int32Range(955, 1010), rapid.Int32Range(-1010, -955)).
			Draw(t, "exponent")
		d := decimal.NewFromBigInt(c, e)
		if got, want := decimalInBounds(d), decimalInBoundsSlow(d); got != want {
			t.Fatalf("decimalInBounds(%se%d) = %v, want %v", c, e, got, want)
		}
	})
}
