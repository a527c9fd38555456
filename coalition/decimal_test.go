package coalition_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// TestHugeDecimals: a quantity built in Go with a huge exponent, or a huge
// coefficient, is reported by Validate with its path, and left out of the
// analyses, each of which stays quick.
func TestHugeDecimals(t *testing.T) {
	huge := []struct {
		name string
		d    decimal.Decimal
	}{
		{"exponent 10^7", decimal.New(1, 10_000_000)},
		{"exponent -10^7", decimal.New(1, -10_000_000)},
		{"exponent 1001", decimal.New(1, 1001)},
		{"2000 digits", decimal.RequireFromString(strings.Repeat("9", 2000))},
	}
	for _, h := range huge {
		t.Run(h.name, func(t *testing.T) {
			c := hubs(map[agreement.PartyID]agreement.Range{
				"GB": rng("1", "2"),
				"FR": {Min: decimal.NewFromInt(1), Max: h.d, Unit: "hubs"},
				"PL": {Min: decimal.New(1, -990), Max: decimal.New(1, 990), Unit: "hubs"},
			})
			start := time.Now()
			err := c.Validate()
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Path != "contributions[1].quantities[0].max" ||
				!errors.Is(err, agreement.ErrInvalidValue) || len(err.Error()) > 300 {
				t.Errorf("Validate() = %v, want one ErrInvalidValue at contributions[1].quantities[0].max, briefly", err)
			}
			shares := c.Shares(coalition.WeaponsHubs, "hubs")
			totals := c.TotalsByFunction()
			c.TotalsByBasing()
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Validate and the analyses took %v", d)
			}
			if len(shares) != 2 || shares[0].Contributor != "GB" || shares[1].Contributor != "PL" {
				t.Errorf("Shares = %v, want GB's and PL's only", shares)
			}
			if len(totals) != 1 || totals[0].Contributions != 2 {
				t.Errorf("TotalsByFunction = %v, want one total of 2 contributions", totals)
			}
		})
	}
}
