package agreement_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/shopspring/decimal"
)

// scaleTerritory returns a valid territory of n areas, built
// deterministically: areas "a0", "a1", ... of varying sizes, under
// Ukrainian sovereignty (every third split with Russia), controlled by
// Russia, Ukraine or both.
func scaleTerritory(n int) agreement.Territory {
	t := agreement.Territory{Areas: make([]agreement.Area, n)}
	for i := range t.Areas {
		a := agreement.Area{
			ID:          agreement.AreaID("a" + strconv.Itoa(i)),
			Size:        decimal.New(int64(100+i%37), -1),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}},
		}
		if i%3 == 0 {
			a.Sovereignty = []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(70)},
				{Party: "RU", Percent: decimal.NewFromInt(30)}}
		}
		switch i % 5 {
		case 0, 1:
			a.Control = []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(100)}}
		case 2:
			a.Control = []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}}
		default:
			a.Control = []agreement.Share{{Party: "RU", Percent: decimal.New(625, -1)},
				{Party: "UA", Percent: decimal.New(375, -1)}}
		}
		t.Areas[i] = a
	}
	return t
}

// scalePackage returns a valid package for scaleTerritory(n): a freeze
// binding both parties, a demilitarised zone, a cession and a withdrawal,
// each over a quarter of the areas, and a recognition of Russian control
// over the frozen ones: every area is touched, in an order unlike the
// territory's.
func scalePackage(n int) agreement.Package {
	both := []agreement.PartyID{"UA", "RU"}
	width := decimal.NewFromInt(15)
	p := agreement.Package{Name: "scale", Options: []agreement.Option{
		{ID: "freeze", Kind: agreement.OptionKindFreeze, Parties: both},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Parties: both, Width: &width,
			Deadline: agreement.Deadline{After: 30 * agreement.Day}},
		{ID: "cede", Kind: agreement.OptionKindCede, From: "UA", To: "RU"},
		{ID: "withdraw", Kind: agreement.OptionKindWithdraw, From: "RU", To: "UA",
			Deadline: agreement.Deadline{After: 60 * agreement.Day}},
		{ID: "recognise", Kind: agreement.OptionKindRecogniseControl, Party: "RU"},
	}}
	for i := n - 1; i >= 0; i-- {
		id := agreement.AreaID("a" + strconv.Itoa(i))
		p.Options[i%4].Areas = append(p.Options[i%4].Areas, id)
		if i%4 == 0 {
			p.Options[4].Areas = append(p.Options[4].Areas, id)
		}
	}
	return p
}

var scaleSizes = []int{10, 1000, 10000}

// BenchmarkPackageApplyScaling measures Package.Apply on territories of 10,
// 1,000 and 10,000 areas with a package touching every area, and reports
// the time per area: it stays about the same when Apply is linear in the
// number of areas.
func BenchmarkPackageApplyScaling(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run("areas="+strconv.Itoa(n), func(b *testing.B) {
			t, p := scaleTerritory(n), scalePackage(n)
			if _, err := p.Apply(t); err != nil {
				b.Fatalf("Apply() = %v, want nil", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Apply(t); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/area")
		})
	}
}

// BenchmarkTerritoryFiguresScaling measures the figures over a selection
// of every other area of territories of 10, 1,000 and 10,000 areas
// (Territory.Controlled, Territory.Sovereign, Territory.ControlBreakdown
// and Territory.SovereigntyBreakdown, the ids listed in an order unlike
// the territory's), and reports the time per area of the territory: it
// stays about the same when the figures are linear in the number of areas.
func BenchmarkTerritoryFiguresScaling(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run("areas="+strconv.Itoa(n), func(b *testing.B) {
			t := scaleTerritory(n)
			var ids []agreement.AreaID
			for i := n - 1; i >= 0; i -= 2 {
				ids = append(ids, agreement.AreaID("a"+strconv.Itoa(i)))
			}
			figures := func() error {
				if _, err := t.Controlled("RU", ids...); err != nil {
					return err
				}
				if _, err := t.Sovereign("UA", ids...); err != nil {
					return err
				}
				if _, err := t.ControlBreakdown(ids...); err != nil {
					return err
				}
				_, err := t.SovereigntyBreakdown(ids...)
				return err
			}
			if err := figures(); err != nil {
				b.Fatalf("figures: %v, want nil", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := figures(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/area")
		})
	}
}
