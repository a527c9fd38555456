package agreement_test

import (
	"cmp"
	"slices"
	"strconv"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// territoryParties are the parties of the agreements drawn by drawSetting.
var territoryParties = []agreement.PartyID{"UA", "RU", "UN", "PCA"}

// drawSetting draws an agreement of a few parties with a territory of up to
// six areas and no options, and a package valid for it of up to six options.
func drawSetting(t *rapid.T) (agreement.Agreement, agreement.Package) {
	parties := rapid.SliceOfNDistinct(rapid.SampledFrom(territoryParties), 1, len(territoryParties),
		rapid.ID[agreement.PartyID]).Draw(t, "parties")
	a := agreement.Agreement{ID: "settlement"}
	for _, p := range parties {
		a.Parties = append(a.Parties, agreement.Party{ID: p})
	}
	a.Territory = agreementtest.Territory(parties, agreementtest.Config{Areas: 6}).Draw(t, "territory")
	return a, agreementtest.Package(a, agreementtest.Config{Options: 6}).Draw(t, "package")
}

func apply(t *rapid.T, p agreement.Package, ter agreement.Territory) agreement.Settlement {
	t.Helper()
	s, err := p.Apply(ter)
	if err != nil {
		t.Fatalf("Apply(%v) of a valid package: %v", p.Options, err)
	}
	return s
}

// checkShares fails unless every area of ter has sovereignty and control
// shares summing to exactly 100, and ter validates.
func checkShares(t *rapid.T, what string, ter agreement.Territory) {
	t.Helper()
	hundred := decimal.NewFromInt(100)
	for _, a := range ter.Areas {
		for name, ss := range map[string][]agreement.Share{"sovereignty": a.Sovereignty, "control": a.Control} {
			sum := decimal.Zero
			for _, s := range ss {
				sum = sum.Add(s.Percent)
			}
			if !sum.Equal(hundred) {
				t.Fatalf("%s: %s shares of %q sum to %v", what, name, a.ID, sum)
			}
		}
	}
	if err := ter.Validate(); err != nil {
		t.Fatalf("%s: territory does not validate: %v", what, err)
	}
}

// resolveSome resolves or lets lapse a drawn selection of the areas s
// leaves pending, with outcomes drawn among the options' results and others.
func resolveSome(t *rapid.T, p agreement.Package, ter agreement.Territory) agreement.Territory {
	for _, o := range p.Options {
		for _, id := range o.Areas {
			area, _ := ter.Area(id)
			if !slices.ContainsFunc(area.Pending(), func(r agreement.Arrangement) bool { return r.Option == o.ID }) {
				continue
			}
			var err error
			next := ter
			switch rapid.IntRange(0, 2).Draw(t, "resolution") {
			case 0:
				r := rapid.SampledFrom(o.Results).Draw(t, "result")
				next, err = o.Resolve(ter, id, r.Outcome)
			case 1:
				next, err = o.Expire(ter, id)
			default:
				continue
			}
			if err != nil {
				t.Fatalf("resolving %q in %q: %v", o.ID, id, err)
			}
			ter = next
		}
	}
	return ter
}

// Shares sum to 100 (the package doc's Territory): applying any package
// keeps every area's shares summing to exactly 100, and so do resolving or
// letting lapse what it leaves pending, and moving control.
func TestPropertyPackageKeepsSharesAt100(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, p := drawSetting(t)
		s := apply(t, p, a.Territory)
		checkShares(t, "after the package", s.Territory)
		ter := resolveSome(t, p, s.Territory)
		checkShares(t, "after resolutions", ter)

		area := rapid.SampledFrom(ter.Areas).Draw(t, "area")
		from := rapid.SampledFrom(area.Control).Draw(t, "from")
		to := rapid.SampledFrom(territoryParties).Draw(t, "to")
		var pct *decimal.Decimal
		if rapid.Bool().Draw(t, "part") {
			x := from.Percent.Mul(decimal.NewFromInt(int64(rapid.IntRange(1, 100).Draw(t, "percent-of-share")))).Shift(-2)
			pct = &x
		}
		moved, err := ter.MoveControl(area.ID, from.Party, to, pct)
		if to == from.Party {
			return // an error, tested elsewhere
		}
		if err != nil {
			t.Fatalf("MoveControl(%q, %q, %q, %v): %v", area.ID, from.Party, to, pct, err)
		}
		checkShares(t, "after a control change", moved)
		// The area's own MoveControl gives the same area.
		one, err := area.MoveControl(from.Party, to, pct)
		want, _ := moved.Area(area.ID)
		if err != nil || !one.Equal(want) {
			t.Fatalf("Area.MoveControl = %v, %v; Territory.MoveControl's area %v", one, err, want)
		}
	})
}

// A package conserves total area (the package doc's Territory): every area
// keeps its id, name and size, in order.
func TestPropertyPackageConservesArea(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, p := drawSetting(t)
		s := apply(t, p, a.Territory)
		before, err := a.Territory.Size()
		if err != nil {
			t.Fatal(err)
		}
		after, err := s.Territory.Size()
		if err != nil || !after.Equal(before) {
			t.Fatalf("total area %v (err %v) after the package, %v before", after, err, before)
		}
		if len(s.Territory.Areas) != len(a.Territory.Areas) {
			t.Fatalf("%d areas after, %d before", len(s.Territory.Areas), len(a.Territory.Areas))
		}
		for i, ar := range a.Territory.Areas {
			got := s.Territory.Areas[i]
			if got.ID != ar.ID || got.Name != ar.Name || !got.Size.Equal(ar.Size) {
				t.Fatalf("area %d: %q %q %v became %q %q %v", i, ar.ID, ar.Name, ar.Size, got.ID, got.Name, got.Size)
			}
		}
		// Control and sovereignty figures still sum to the whole.
		for _, f := range []func(agreement.PartyID, ...agreement.AreaID) (agreement.Figure, error){
			s.Territory.Controlled, s.Territory.Sovereign} {
			sum := decimal.Zero
			for _, party := range territoryParties {
				fig, err := f(party)
				if err != nil {
					t.Fatal(err)
				}
				sum = sum.Add(fig.Km2)
			}
			if !sum.Equal(before) {
				t.Fatalf("parties' km² sum to %v, not %v", sum, before)
			}
		}
	})
}

// The empty package changes nothing (the package doc's Territory), and its
// result shares nothing with its input.
func TestPropertyEmptyPackageIsIdentity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, _ := drawSetting(t)
		p := agreement.Package{Name: rapid.StringN(0, 8, -1).Draw(t, "name")}
		s := apply(t, p, a.Territory)
		if !s.Territory.Equal(a.Territory) || len(s.Clauses) != 0 {
			t.Fatalf("empty package changed the territory or implied clauses:\n%s\n%v",
				gocmp.Diff(a.Territory, s.Territory, agreementtest.Options()), s.Clauses)
		}
		before := a.Territory.Clone()
		for i := range s.Territory.Areas {
			s.Territory.Areas[i].Size = decimal.NewFromInt(-1)
			for j := range s.Territory.Areas[i].Control {
				s.Territory.Areas[i].Control[j].Party = "x"
			}
		}
		if !a.Territory.Equal(before) {
			t.Fatal("the result of Apply shares memory with its input")
		}
	})
}

// drawDisjoint draws an agreement as drawSetting does and two packages, valid
// together, on disjoint sets of its areas (either may be empty).
func drawDisjoint(t *rapid.T) (agreement.Agreement, agreement.Package, agreement.Package) {
	a, _ := drawSetting(t)
	areas := rapid.Permutation(a.Territory.Areas).Draw(t, "areas")
	k := rapid.IntRange(min(1, len(areas)-1), max(len(areas)-1, 0)).Draw(t, "split")
	part := func(areas []agreement.Area) agreement.Agreement {
		b := a.Clone()
		b.Territory = agreement.Territory{Areas: areas}.Clone()
		return b
	}
	x := agreementtest.Package(part(areas[:k]), agreementtest.Config{Options: 4}).Draw(t, "x")
	y := agreementtest.Package(part(areas[k:]), agreementtest.Config{Options: 4}).Draw(t, "y")
	// Give y's options ids that neither x nor an arrangement uses.
	taken := func(id agreement.OptionID) bool {
		if slices.ContainsFunc(x.Options, func(o agreement.Option) bool { return o.ID == id }) ||
			slices.ContainsFunc(y.Options, func(o agreement.Option) bool { return o.ID == id }) {
			return true
		}
		for _, ar := range a.Territory.Areas {
			if slices.ContainsFunc(ar.Arrangements, func(r agreement.Arrangement) bool { return r.Option == id }) {
				return true
			}
		}
		return false
	}
	y.Options = agreement.Agreement{Options: y.Options}.Clone().Options
	for i := range y.Options {
		if slices.ContainsFunc(x.Options, func(o agreement.Option) bool { return o.ID == y.Options[i].ID }) {
			id := y.Options[i].ID + "-y"
			for n := 2; taken(id); n++ {
				id = y.Options[i].ID + "-y" + agreement.OptionID(strconv.Itoa(n))
			}
			y.Options[i].ID = id
		}
	}
	return a, x, y
}

// Packages on disjoint areas commute: applied as one package in either
// order, or one after the other in either order, they give the same
// territory and the same clauses. Beyond that, a valid package's result does
// not depend on the order of its options at all.
func TestPropertyDisjointOptionsCommute(t *testing.T) {
	runs, both := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		a, x, y := drawDisjoint(t)
		runs++
		if len(x.Options) > 0 && len(y.Options) > 0 {
			both++
		}
		xy := agreement.Package{Options: slices.Concat(x.Options, y.Options)}
		yx := agreement.Package{Options: slices.Concat(y.Options, x.Options)}
		perm := agreement.Package{Options: rapid.Permutation(xy.Options).Draw(t, "permutation")}
		together := apply(t, xy, a.Territory)
		for _, q := range []agreement.Package{yx, perm} {
			s := apply(t, q, a.Territory)
			if !s.Territory.Equal(together.Territory) || !gocmp.Equal(s.Clauses, together.Clauses, agreementtest.Options()) {
				t.Fatalf("the order of the options changes the result:\n%s", gocmp.Diff(together, s, agreementtest.Options()))
			}
		}

		sx := apply(t, x, a.Territory)
		sxy := apply(t, y, sx.Territory)
		sy := apply(t, y, a.Territory)
		syx := apply(t, x, sy.Territory)
		if !sxy.Territory.Equal(syx.Territory) || !sxy.Territory.Equal(together.Territory) {
			t.Fatalf("x then y differs from y then x or from both together:\n%s\n%s",
				gocmp.Diff(sxy.Territory, syx.Territory, agreementtest.Options()),
				gocmp.Diff(sxy.Territory, together.Territory, agreementtest.Options()))
		}
		one := slices.Concat(sx.Clauses, sxy.Clauses)
		other := slices.Concat(sy.Clauses, syx.Clauses)
		byID := func(x, y agreement.Clause) int { return cmp.Compare(x.ID, y.ID) }
		slices.SortFunc(one, byID)
		slices.SortFunc(other, byID)
		if !gocmp.Equal(one, other, agreementtest.Options()) || !gocmp.Equal(one, together.Clauses, agreementtest.Options()) {
			t.Fatalf("implied clauses depend on the order:\n%s", gocmp.Diff(one, other, agreementtest.Options()))
		}
	})
	t.Logf("%d of %d runs had options on both sides", both, runs)
	if runs >= 100 && both*10 < runs {
		t.Errorf("only %d of %d runs had options on both sides", both, runs)
	}
}

// The clauses a package implies always validate, added to the agreement
// whose options the package is: for generated agreements with their own
// options (through Settle) and with drawn packages in their place.
func TestPropertyImpliedClausesValidate(t *testing.T) {
	runs, implied := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		runs++
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		if rapid.Bool().Draw(t, "drawn-package") {
			a.Options = agreementtest.Package(a, agreementtest.Config{Options: 6}).Draw(t, "package").Options
		}
		before := a.Clone()
		s, err := a.Settle()
		if err != nil {
			t.Fatalf("Settle() of a valid agreement: %v", err)
		}
		if diff := gocmp.Diff(before, a, agreementtest.Options()); diff != "" {
			t.Fatalf("Settle modified the agreement (-before +after):\n%s", diff)
		}
		if len(s.Clauses) > 0 {
			implied++
		}
		b := a.Clone()
		b.Clauses = append(b.Clauses, s.Clauses...)
		agreementtest.AssertValid(t, b)
		// Appended twice, they are reported as already there.
		if len(s.Clauses) > 0 {
			if _, err := b.Settle(); !agreementtest.HasProblem(err, agreement.ErrDuplicateID, firstImplying(b, s.Clauses[0].ID)) {
				t.Fatalf("Settle() with the implied clauses already appended: %v", err)
			}
		}
	})
	t.Logf("%d of %d runs implied clauses", implied, runs)
	if runs >= 100 && implied*10 < runs {
		t.Errorf("only %d of %d runs implied clauses", implied, runs)
	}
}

// firstImplying returns the path of the id of the option of a whose id
// starts the clause id c.
func firstImplying(a agreement.Agreement, c agreement.ClauseID) string {
	for i, o := range a.Options {
		if len(c) > len(o.ID) && string(c[:len(o.ID)+1]) == string(o.ID)+"." {
			return "options[" + strconv.Itoa(i) + "].id"
		}
	}
	return "?"
}

// Apply leaves its inputs alone, valid or not.
func TestPropertyApplyDoesNotModify(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, p := drawSetting(t)
		if rapid.Bool().Draw(t, "corrupt") {
			b := a
			b.Options = p.Options
			c := agreementtest.CorruptAgreement(b).Draw(t, "corruption").Agreement
			a.Territory, p.Options = c.Territory, c.Options
		}
		ter := a.Territory.Clone()
		opts := agreement.Agreement{Options: p.Options}.Clone().Options
		_, _ = p.Apply(a.Territory)
		if !ter.Equal(a.Territory) || !gocmp.Equal(opts, p.Options, agreementtest.Options()) {
			t.Fatal("Apply modified its input")
		}
	})
}
