package revision_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// Diff(a, a) is empty; Diff(a, b) is empty exactly when a and b are equal;
// applying the diff to a gives b. The oracle for equality is cmp with
// agreementtest.Options, which compares every list in order: two agreements
// whose clauses (or parties, areas...) are the same but in another order are
// not equal, so Diff reports the reordering and Apply restores the order of
// b. The three properties below are consistent with that oracle.

// Diff(a, a) is empty, and so is the diff of a with a deep copy of itself.
func TestPropertyDiffOfSameIsEmpty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "a")
		if cs := revision.Diff(a, a); len(cs) != 0 {
			t.Fatalf("Diff(a, a) = %d changes:\n%s", len(cs), changeLines(cs))
		}
		if cs := revision.Diff(a, a.Clone()); len(cs) != 0 {
			t.Fatalf("Diff(a, copy of a) = %d changes:\n%s", len(cs), changeLines(cs))
		}
	})
}

// Diff(a, b) is empty exactly when a and b are equal under cmp with
// agreementtest.Options, for b equal to a, a copy of a with a few edits
// (some of which only respell a value: an instant in another zone, a
// decimal with more digits, an empty list for a nil one), or an independent
// agreement.
func TestPropertyDiffEmptyIffEqual(t *testing.T) {
	var equal, unequal int
	opts := agreementtest.Options()
	rapid.Check(t, func(t *rapid.T) {
		a, b := drawDiffVersions(t)
		cs := revision.Diff(a, b)
		eq := cmp.Equal(a, b, opts)
		if eq != (len(cs) == 0) {
			t.Fatalf("cmp.Equal = %t but Diff has %d changes:\n%s\ncmp.Diff (-a +b):\n%s", eq, len(cs),
				changeLines(cs), cmp.Diff(a, b, opts))
		}
		if eq {
			equal++
		} else {
			unequal++
		}
	})
	if equal == 0 || unequal == 0 {
		t.Errorf("only %d equal and %d unequal pairs drawn: the property tests one side only", equal, unequal)
	}
}

// Apply(a, Diff(a, b)) equals b, and neither Diff nor Apply modifies its
// inputs; Diff is deterministic.
func TestPropertyDiffApplyGivesB(t *testing.T) {
	opts := agreementtest.Options()
	rapid.Check(t, func(t *rapid.T) {
		a, b := drawDiffVersions(t)
		a0, b0 := a.Clone(), b.Clone()
		cs := revision.Diff(a, b)
		if again := revision.Diff(a, b); changeLines(again) != changeLines(cs) {
			t.Fatalf("Diff is not deterministic:\n%s\nthen:\n%s", changeLines(cs), changeLines(again))
		}
		got, err := cs.Apply(a)
		if err != nil {
			t.Fatalf("Apply(a, Diff(a, b)) error: %v\nchanges:\n%s", err, changeLines(cs))
		}
		if !cmp.Equal(b, got, opts) {
			t.Fatalf("Apply(a, Diff(a, b)) mismatch (-b +got):\n%s\nchanges:\n%s", cmp.Diff(b, got, opts), changeLines(cs))
		}
		if rest := revision.Diff(got, b); len(rest) != 0 {
			t.Fatalf("Diff(Apply(a, Diff(a, b)), b) is not empty:\n%s", changeLines(rest))
		}
		// Not modified means not modified at all: reflect.DeepEqual, stricter
		// (and faster) than cmp with the options.
		if !reflect.DeepEqual(a0, a) {
			t.Fatalf("a modified (-before +after):\n%s", cmp.Diff(a0, a, opts))
		}
		if !reflect.DeepEqual(b0, b) {
			t.Fatalf("b modified (-before +after):\n%s", cmp.Diff(b0, b, opts))
		}
		// The result shares nothing with a: editing it leaves a alone.
		diffScribble(got)
		if !reflect.DeepEqual(a0, a) {
			t.Fatalf("the result of Apply shares memory with a (-before +after):\n%s", cmp.Diff(a0, a, opts))
		}
	})
}

// diffScribble overwrites every element of every list of a in place.
func diffScribble(a agreement.Agreement) {
	for i := range a.Parties {
		a.Parties[i].Name = "scribbled"
		for j := range a.Parties[i].Roles {
			a.Parties[i].Roles[j] = agreement.RoleWitness
		}
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		c.Text = "scribbled"
		for j := range c.Debtors {
			c.Debtors[j] = "scribbled"
		}
		if c.Action != nil {
			c.Action.Kind = "scribbled"
		}
		for j := range c.Quantities {
			c.Quantities[j].Wording = "scribbled"
		}
		for j := range c.Relaxes {
			c.Relaxes[j] = agreement.LocalRef("scribbled")
		}
		if c.Grant != nil {
			c.Grant.Kind = "scribbled"
		}
		if c.Recurs.On != nil {
			c.Recurs.On.Kind = "scribbled"
		}
	}
	for i := range a.Signatories {
		a.Signatories[i] = "scribbled"
	}
	for i := range a.ItemClasses {
		for j := range a.ItemClasses[i].Items {
			a.ItemClasses[i].Items[j] = "scribbled"
		}
		for j := range a.ItemClasses[i].Rule {
			a.ItemClasses[i].Rule[j] = agreement.Measure("scribbled")
		}
	}
	for i := range a.Territory.Areas {
		for j := range a.Territory.Areas[i].Control {
			a.Territory.Areas[i].Control[j].Party = "scribbled"
		}
	}
	for i := range a.Options {
		for j := range a.Options[i].Areas {
			a.Options[i].Areas[j] = "scribbled"
		}
	}
}

// drawDiffVersions draws two versions of an agreement: b is a itself, a copy
// of a with one to four edits, or an independent agreement.
func drawDiffVersions(t *rapid.T) (a, b agreement.Agreement) {
	cfg := agreementtest.Config{}
	a = agreementtest.Agreement(cfg).Draw(t, "a")
	switch rapid.IntRange(0, 5).Draw(t, "b-sort") {
	case 0:
		return a, a
	case 1:
		return a, agreementtest.Agreement(cfg).Draw(t, "b")
	}
	donor := agreementtest.Agreement(cfg).Draw(t, "donor")
	b = a.Clone()
	for range rapid.IntRange(1, 4).Draw(t, "edits") {
		diffEdit(t, &b, donor)
	}
	return a, b
}

// diffEdit makes one small change to b, with values drawn from donor (an
// independent agreement drawn by agreementtest) or from the generators:
// a field of the agreement replaced; an item of a list removed, added,
// duplicated, moved, or one of its fields replaced; or a value respelled.
// Fields are picked by reflection, so a field added to a type later is
// edited too, and Diff must then report it.
func diffEdit(t *rapid.T, b *agreement.Agreement, donor agreement.Agreement) {
	areas := donor.Territory.Areas
	if len(areas) == 0 {
		areas = agreementtest.Territory([]agreement.PartyID{"UA", "RU"}, agreementtest.Config{}).Draw(t, "areas").Areas
	}
	switch rapid.SampledFrom([]string{"agreement", "parties", "groups", "signatures", "clauses", "fluents",
		"areas", "options", "item classes", "respell"}).Draw(t, "edit") {
	case "agreement":
		diffCopyField(t, b, donor)
	case "parties":
		b.Parties = diffEditList(t, b.Parties, donor.Parties)
	case "groups":
		b.Groups = diffEditList(t, b.Groups, donor.Groups)
	case "signatures":
		b.Signatures = diffEditList(t, b.Signatures, donor.Signatures)
	case "clauses":
		b.Clauses = diffEditList(t, b.Clauses, donor.Clauses)
	case "fluents":
		b.Fluents = diffEditList(t, b.Fluents, donor.Fluents)
	case "areas":
		b.Territory.Areas = diffEditList(t, b.Territory.Areas, areas)
	case "options":
		b.Options = diffEditList(t, b.Options, append(slices.Clone(donor.Options), diffOptionPool...))
	case "item classes":
		b.ItemClasses = diffEditList(t, b.ItemClasses, append(slices.Clone(donor.ItemClasses), diffItemClassPool...))
	case "respell":
		diffRespell(t, b)
	}
}

// diffEditList returns a new list: xs with one item removed, one of donor
// inserted, one duplicated, one moved, or one field of one item replaced by
// the same field of an item of donor. It does not modify xs.
func diffEditList[T any](t *rapid.T, xs, donor []T) []T {
	out := slices.Clone(xs)
	switch rapid.SampledFrom([]string{"remove", "add", "duplicate", "move", "field", "field"}).Draw(t, "list-edit") {
	case "remove":
		if len(out) > 0 {
			i := rapid.IntRange(0, len(out)-1).Draw(t, "at")
			out = slices.Delete(out, i, i+1)
		}
	case "add":
		if len(donor) > 0 {
			out = slices.Insert(out, rapid.IntRange(0, len(out)).Draw(t, "at"), rapid.SampledFrom(donor).Draw(t, "item"))
		}
	case "duplicate":
		if len(out) > 0 {
			x := rapid.SampledFrom(out).Draw(t, "item")
			out = slices.Insert(out, rapid.IntRange(0, len(out)).Draw(t, "at"), x)
		}
	case "move":
		if len(out) > 1 {
			i := rapid.IntRange(0, len(out)-1).Draw(t, "from")
			x := out[i]
			out = slices.Delete(out, i, i+1)
			out = slices.Insert(out, rapid.IntRange(0, len(out)).Draw(t, "to"), x)
		}
	case "field":
		if len(out) > 0 && len(donor) > 0 {
			i := rapid.IntRange(0, len(out)-1).Draw(t, "at")
			diffCopyField(t, &out[i], rapid.SampledFrom(donor).Draw(t, "item"))
		}
	}
	return out
}

// diffCopyField sets one field of *x, picked at random, to the same field of d.
func diffCopyField[T any](t *rapid.T, x *T, d T) {
	v := reflect.ValueOf(x).Elem()
	k := rapid.IntRange(0, v.NumField()-1).Draw(t, "field")
	v.Field(k).Set(reflect.ValueOf(d).Field(k))
}

// diffRespell changes how some values are written without changing them: an
// instant in another time zone, a decimal with more digits, an empty list
// for a nil one. b stays equal to what it was.
func diffRespell(t *rapid.T, b *agreement.Agreement) {
	zone := time.FixedZone("UTC+1", 3600)
	switch rapid.IntRange(0, 4).Draw(t, "respell") {
	case 0:
		b.Date = b.Date.In(zone)
		for i := range b.Signatures {
			b.Signatures[i].Date = b.Signatures[i].Date.In(zone)
		}
	case 1:
		for i := range b.Parties {
			if len(b.Parties[i].Roles) == 0 {
				b.Parties[i].Roles = []agreement.Role{}
			}
		}
		for i := range b.Clauses {
			if len(b.Clauses[i].Creditors) == 0 {
				b.Clauses[i].Creditors = []agreement.PartyID{}
			}
		}
	case 2:
		for i := range b.Clauses {
			for j := range b.Clauses[i].Quantities {
				r := &b.Clauses[i].Quantities[j]
				r.Min = r.Min.Add(decimal.New(0, -3))
			}
		}
	case 3:
		for i := range b.Territory.Areas {
			ar := &b.Territory.Areas[i]
			ar.Size = ar.Size.Add(decimal.New(0, -2))
			for j := range ar.Control {
				ar.Control[j].Percent = ar.Control[j].Percent.Add(decimal.New(0, -1))
			}
		}
	case 4:
		if len(b.Options) == 0 {
			b.Options = []agreement.Option{}
		}
		if len(b.Territory.Areas) == 0 {
			b.Territory.Areas = []agreement.Area{}
		}
	}
}

// diffItemClassPool holds item classes with items and with a rule, for
// edits of agreements whose donor has none.
var diffItemClassPool = []agreement.ItemClass{
	{ID: "mlrs", Name: "multiple rocket launchers", Items: []string{"BM-21 Grad", "BM-27 Uragan"}},
	{ID: "artillery-100mm", Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}},
}

// diffOptionPool holds options that set every field some option can have, for
// edits of agreements whose donor has none.
var diffOptionPool = func() []agreement.Option {
	w := decimal.RequireFromString("15.0")
	return []agreement.Option{
		{ID: "cede", Kind: agreement.OptionKindCede, Text: "cede the rest of Donetsk", Areas: []agreement.AreaID{"donetsk"},
			From: "UA", To: "RU"},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"donetsk", "luhansk"},
			Parties: []agreement.PartyID{"RU", "UA"}, Width: &w, Deadline: agreement.Deadline{After: 30 * agreement.Day}},
		{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"crimea"}, Party: "UN",
			Results: []agreement.Result{{Outcome: "yes", Sovereign: "RU"}, {Outcome: "no"}}, Lapse: agreement.LapseFollowControl,
			Deadline: agreement.Deadline{At: time.Date(2027, time.January, 1, 0, 0, 0, 0, time.UTC)}},
	}
}()
