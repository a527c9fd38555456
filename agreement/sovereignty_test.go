package agreement_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

var d = decimal.RequireFromString

// SovereigntyBreakdown is ControlBreakdown for sovereignty.
func ExampleTerritory_SovereigntyBreakdown() {
	t := exampleTerritory()
	t.Areas[1].Sovereignty = []agreement.Share{{Party: "UA", Percent: d("50")}, {Party: "RU", Percent: d("50")}}
	figs, _ := t.SovereigntyBreakdown()
	for _, f := range figs {
		fmt.Println(f)
	}
	// Output:
	// UA: 39859 of 53201 km² (74.92%)
	// RU: 13342 of 53201 km² (25.08%)
}

func TestSovereigntyBreakdownMatchesSovereign(t *testing.T) {
	terr := exampleTerritory()
	terr.Areas[1].Sovereignty = []agreement.Share{{Party: "UA", Percent: d("40")}, {Party: "RU", Percent: d("60")}}
	for _, areas := range [][]agreement.AreaID{nil, {"donetsk"}, {"luhansk"}} {
		figs, err := terr.SovereigntyBreakdown(areas...)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figs {
			want, _ := terr.Sovereign(f.Party, areas...)
			if !f.Equal(want) {
				t.Errorf("SovereigntyBreakdown(%v): %v, Sovereign: %v", areas, f, want)
			}
		}
	}
	if figs, err := (agreement.Territory{}).SovereigntyBreakdown(); err != nil || len(figs) != 0 {
		t.Errorf("zero territory: %v, %v", figs, err)
	}
	if _, err := terr.SovereigntyBreakdown("nowhere"); !errors.Is(err, agreement.ErrUnknownArea) {
		t.Errorf("unknown area: %v, want ErrUnknownArea", err)
	}
}
