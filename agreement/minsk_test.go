package agreement_test

// Point 2 of the Package of Measures for the Implementation of the Minsk
// Agreements (Minsk, 12 February 2015), the withdrawal of heavy weapons, as
// data: which withdrawal distance applies to which weapon is read from the
// agreement's item classes and the classes its quantities are tied to.
//
// Source: Package of Measures for the Implementation of the Minsk
// Agreements, Minsk, 12 February 2015, point 2, in English translation; the
// Package was endorsed by UN Security Council resolution 2202 (2015) of
// 17 February 2015, which reproduces it in its annex I. The clause text
// below quotes the first sentence of point 2 as it circulates in English
// (translations differ in punctuation and small words); the rest of point 2
// (when withdrawal begins and ends, the lines it is counted from) is not
// encoded here.
//
// Encoding. Both sides withdraw "on equal distances" to create a zone of
// the stated width between them, so each side's weapons must be at least
// half the width from the line: 25 km for artillery of 100 mm calibre and
// more, 35 km for MLRS, 70 km for the heavy MLRS and the Tochka. Each
// debtor (UA, and the armed formations of certain areas of the Donetsk and
// Luhansk regions, ORDLO) is bound severally:
//
//   - an obligation per class to withdraw its weapons of the class
//     (withdrawal-completed, Class), with the zone width tied to the class
//     (Range.Class);
//   - a standing prohibition per class on its weapons of the class deployed
//     within half the zone width of the line (forces-deployed, Class,
//     Measure on "distance-from-line"), with the same width.
//
// A weapon in several classes (a BM-21 Grad is both artillery of 122 mm and
// an MLRS) is concerned by each class's clauses, the widest zone first.

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// minskPoint2 is the first sentence of point 2, verbatim.
const minskPoint2 = "Withdrawal of all heavy weapons by both sides on equal distances in order to create a security zone of at least 50 km wide from each other for the artillery systems of caliber of 100 mm and more, a security zone of 70 km wide for MLRS and 140 km wide for MLRS 'Tornado-S', 'Uragan', 'Smerch' and tactical missile systems 'Tochka' ('Tochka U')"

// The item classes of point 2.
const (
	minskArtillery agreement.ItemClassID = "artillery-100mm"
	minskMLRS      agreement.ItemClassID = "mlrs"
	minskHeavy     agreement.ItemClassID = "heavy-mlrs"
)

// minskDate is the date of the Package of Measures.
var minskDate = time.Date(2015, time.February, 12, 0, 0, 0, 0, time.UTC)

// minskClasses are the classes of point 2 in its order, with the width of
// the zone for each, in km, and its wording; each side keeps half the
// width clear.
var minskClasses = []struct {
	name    string
	class   agreement.ItemClassID
	width   int64
	wording string
}{
	{"artillery", minskArtillery, 50, "at least 50 km wide"},
	{"mlrs", minskMLRS, 70, "70 km wide"},
	{"heavy", minskHeavy, 140, "140 km wide"},
}

// minskZone is the width of the security zone for one class, in the words
// of point 2.
func minskZone(km int64, wording string, class agreement.ItemClassID) agreement.Range {
	w := decimal.NewFromInt(km)
	return agreement.Range{Min: w, Max: w, Unit: agreement.UnitKm, What: "security zone width",
		Wording: wording, Class: class}
}

// minskDistance is "closer to the line than km".
func minskDistance(km int64) agreement.Bound {
	return agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(km))
}

// minskAgreement encodes point 2.
func minskAgreement() agreement.Agreement {
	source := agreement.Source{Document: "Package of Measures for the Implementation of the Minsk Agreements, point 2",
		Date: minskDate}
	sides := []agreement.PartyID{"UA", "ORDLO"}
	a := agreement.Agreement{
		ID:    "minsk-package-2015",
		Title: "Package of Measures for the Implementation of the Minsk Agreements",
		Date:  minskDate,
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "ORDLO", Name: "Armed formations of certain areas of the Donetsk and Luhansk regions",
				Kind: agreement.PartyKindArmedGroup, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "OSCE", Name: "Organization for Security and Co-operation in Europe",
				Kind: agreement.PartyKindIntergovernmentalOrganisation, Roles: []agreement.Role{agreement.RoleMonitor}},
		},
		ItemClasses: []agreement.ItemClass{
			{ID: minskArtillery, Name: "artillery systems of caliber of 100 mm and more",
				Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}},
			{ID: minskMLRS, Name: "MLRS",
				Items: []string{"BM-21 Grad", "9K51 Grad", "BM-27 Uragan", "9K57 Uragan", "BM-30 Smerch", "9K58 Smerch", "Tornado-S"}},
			{ID: minskHeavy, Name: "MLRS 'Tornado-S', 'Uragan', 'Smerch' and tactical missile systems 'Tochka' ('Tochka U')",
				Items: []string{"BM-30 Smerch", "9K58 Smerch", "Tornado-S", "BM-27 Uragan", "9K57 Uragan", "Tochka", "Tochka-U"}},
		},
	}
	for _, cl := range minskClasses {
		a.Clauses = append(a.Clauses, agreement.Clause{
			ID: agreement.ClauseID("2-" + cl.name), Text: minskPoint2, Source: source,
			Kind: agreement.DeonticObligation, Force: agreement.ForcePoliticallyBinding, Category: agreement.CategoryCe,
			Debtors:    sides,
			Action:     &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Class: cl.class},
			Quantities: []agreement.Range{minskZone(cl.width, cl.wording, cl.class)},
		})
	}
	for _, cl := range minskClasses {
		a.Clauses = append(a.Clauses, agreement.Clause{
			ID: agreement.ClauseID("2-zone-" + cl.name), Text: minskPoint2, Source: source,
			Kind: agreement.DeonticProhibition, Force: agreement.ForcePoliticallyBinding, Category: agreement.CategoryCe,
			Debtors: sides, Standing: true,
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Class: cl.class,
				Measure: minskDistance(cl.width / 2)},
			Quantities: []agreement.Range{minskZone(cl.width, cl.wording, cl.class)},
		})
	}
	return a
}

// minskWeapon is an event of kind k by actor with item, carrying its
// calibre in mm and, when km is not negative, its distance from the line.
func minskWeapon(k agreement.EventKind, actor agreement.PartyID, item string, calibre, km int64) agreement.Event {
	e := agreement.Event{Kind: k, Actor: actor, Item: item, At: minskDate.AddDate(0, 0, 14),
		Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(calibre), Unit: agreement.UnitMm, Of: "calibre"}}}
	if km >= 0 {
		e.Quantities = append(e.Quantities,
			agreement.Quantity{Value: decimal.NewFromInt(km), Unit: agreement.UnitKm, Of: "distance-from-line"})
	}
	return e
}

// concernSummary writes a concern as "clause[debtor] slot widths", the
// widths being the Max and unit of each applicable quantity, such as
// "2-mlrs[UA] action 70km".
func concernSummary(c agreement.Concern) string {
	s := string(c.Clause) + "[" + string(c.Debtor) + "] " + c.Slot
	for i, q := range c.Quantities {
		sep := ","
		if i == 0 {
			sep = " "
		}
		s += sep + q.Max.String() + string(q.Unit)
	}
	return s
}

func concernSummaries(cs []agreement.Concern) []string {
	var out []string
	for _, c := range cs {
		out = append(out, concernSummary(c))
	}
	return out
}

func TestMinskValid(t *testing.T) {
	a := minskAgreement()
	if err := a.Validate(); err != nil {
		t.Fatalf("the encoding of point 2 does not validate: %v", err)
	}
	for _, c := range a.Clauses {
		if c.Text != minskPoint2 {
			t.Errorf("clause %s: text %q, want point 2 verbatim", c.ID, c.Text)
		}
	}
}

// Which withdrawal distance applies to which weapon: read from the item
// classes and the classes the zone widths are tied to, the widest zone
// first.
func TestMinskWithdrawalConcerns(t *testing.T) {
	a := minskAgreement()
	withdrawn := agreement.EventKindWithdrawalCompleted
	for _, tc := range []struct {
		name  string
		event agreement.Event
		want  []string
	}{
		{"D-30 122 mm howitzer: artillery of 100 mm and more",
			minskWeapon(withdrawn, "UA", "D-30", 122, -1),
			[]string{"2-artillery[UA] action 50km"}},
		{"2S7 Pion 203 mm by the armed formations",
			minskWeapon(withdrawn, "ORDLO", "2S7 Pion", 203, -1),
			[]string{"2-artillery[ORDLO] action 50km"}},
		{"artillery of exactly 100 mm",
			minskWeapon(withdrawn, "UA", "MT-12", 100, -1),
			[]string{"2-artillery[UA] action 50km"}},
		{"BM-21 Grad 122 mm: artillery by calibre and MLRS by name, the MLRS zone first",
			minskWeapon(withdrawn, "UA", "BM-21 Grad", 122, -1),
			[]string{"2-mlrs[UA] action 70km", "2-artillery[UA] action 50km"}},
		{"BM-30 Smerch 300 mm: heavy MLRS, MLRS and artillery, 140 km first",
			minskWeapon(withdrawn, "ORDLO", "BM-30 Smerch", 300, -1),
			[]string{"2-heavy[ORDLO] action 140km", "2-mlrs[ORDLO] action 70km", "2-artillery[ORDLO] action 50km"}},
		{"Tochka-U: heavy only, its calibre not stated",
			agreement.Event{Kind: withdrawn, Actor: "UA", Item: "Tochka-U"},
			[]string{"2-heavy[UA] action 140km"}},
		{"82 mm mortar: none", minskWeapon(withdrawn, "UA", "2B14 Podnos", 82, -1), nil},
		{"99.9 mm: none",
			agreement.Event{Kind: withdrawn, Actor: "UA", Item: "gun",
				Quantities: []agreement.Quantity{{Value: decimal.RequireFromString("99.9"), Unit: agreement.UnitMm, Of: "calibre"}}},
			nil},
		{"calibre of 12.2 cm converts to 122 mm",
			agreement.Event{Kind: withdrawn, Actor: "UA", Item: "D-30",
				Quantities: []agreement.Quantity{{Value: decimal.RequireFromString("12.2"), Unit: agreement.UnitCm, Of: "calibre"}}},
			[]string{"2-artillery[UA] action 50km"}},
		{"a calibre not named as such is no calibre",
			agreement.Event{Kind: withdrawn, Actor: "UA", Item: "D-30",
				Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(122), Unit: agreement.UnitMm}}},
			nil},
		{"no item: no class", minskWeapon(withdrawn, "UA", "", 122, -1), nil},
		{"a party bound by none of the clauses", minskWeapon(withdrawn, "OSCE", "D-30", 122, -1), nil},
		{"an event of a kind no clause mentions",
			minskWeapon("prisoner-exchange", "UA", "D-30", 122, -1), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := concernSummaries(a.Concerns(tc.event))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Concerns(%v) = %q, want %q", tc.event, got, tc.want)
			}
		})
	}
}

func TestMinskWithdrawalConcernDetail(t *testing.T) {
	a := minskAgreement()
	cs := a.Concerns(minskWeapon(agreement.EventKindWithdrawalCompleted, "UA", "D-30", 122, -1))
	if len(cs) != 1 {
		t.Fatalf("Concerns = %v, want one", cs)
	}
	c := cs[0]
	want := agreement.Concern{Agreement: "minsk-package-2015", Clause: "2-artillery", Debtor: "UA", Slot: "action",
		Pattern: agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "UA", Class: minskArtillery}}
	if c.Agreement != want.Agreement || c.Clause != want.Clause || c.Debtor != want.Debtor || c.Slot != want.Slot ||
		c.Pattern != want.Pattern {
		t.Errorf("concern = %+v, want %+v", c, want)
	}
	if len(c.Quantities) != 1 || !c.Quantities[0].Equal(minskZone(50, "at least 50 km wide", minskArtillery)) {
		t.Errorf("quantities = %v, want the 50 km zone for artillery", c.Quantities)
	}
	wantText := `minsk-package-2015/2-artillery[UA] action: withdrawal-completed actor=UA class=artillery-100mm` +
		` with 50 km security zone width for artillery-100mm ("at least 50 km wide")`
	if s := c.String(); s != wantText {
		t.Errorf("String() = %s\nwant       %s", s, wantText)
	}
}

// The prohibitions: weapons of a class deployed closer to the line than
// half the zone width.
func TestMinskZoneConcerns(t *testing.T) {
	a := minskAgreement()
	deployed := agreement.EventKindForcesDeployed
	for _, tc := range []struct {
		name  string
		event agreement.Event
		want  []string
	}{
		{"D-30 at 20 km: inside the artillery half-zone of 25 km",
			minskWeapon(deployed, "UA", "D-30", 122, 20), []string{"2-zone-artillery[UA] action 50km"}},
		{"D-30 at 25 km exactly: outside",
			minskWeapon(deployed, "UA", "D-30", 122, 25), nil},
		{"BM-21 Grad at 30 km: outside the artillery half-zone, inside the MLRS one",
			minskWeapon(deployed, "ORDLO", "BM-21 Grad", 122, 30), []string{"2-zone-mlrs[ORDLO] action 70km"}},
		{"BM-21 Grad at 10 km: both, the MLRS zone first",
			minskWeapon(deployed, "ORDLO", "BM-21 Grad", 122, 10),
			[]string{"2-zone-mlrs[ORDLO] action 70km", "2-zone-artillery[ORDLO] action 50km"}},
		{"BM-27 Uragan 220 mm at 60 km: heavy only",
			minskWeapon(deployed, "UA", "BM-27 Uragan", 220, 60), []string{"2-zone-heavy[UA] action 140km"}},
		{"D-30 with no distance: the prohibition needs one",
			minskWeapon(deployed, "UA", "D-30", 122, -1), nil},
		{"82 mm mortar at 5 km: none", minskWeapon(deployed, "UA", "2B14 Podnos", 82, 5), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := concernSummaries(a.Concerns(tc.event))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Concerns(%v) = %q, want %q", tc.event, got, tc.want)
			}
		})
	}
}

// Concerns leaves the agreement and the event alone, and its result shares
// nothing with them.
func TestMinskConcernsLeaveInputsAlone(t *testing.T) {
	a := minskAgreement()
	before := a.Clone()
	e := minskWeapon(agreement.EventKindWithdrawalCompleted, "UA", "BM-30 Smerch", 300, 40)
	eq := slices.Clone(e.Quantities)
	cs := a.Concerns(e)
	if len(cs) != 3 {
		t.Fatalf("Concerns = %v, want three", cs)
	}
	for i := range cs {
		cs[i].Quantities[0].Max = decimal.NewFromInt(1)
		cs[i].Quantities[0].Wording = "changed"
		cs[i].Quantities = append(cs[i].Quantities, agreement.Range{})
	}
	if !reflect.DeepEqual(a, before) {
		t.Error("Concerns or a change to its result modified the agreement")
	}
	if !slices.EqualFunc(e.Quantities, eq, agreement.Quantity.Equal) {
		t.Error("Concerns modified the event's quantities")
	}
	if again := concernSummaries(a.Concerns(e)); !slices.Equal(again,
		[]string{"2-heavy[UA] action 140km", "2-mlrs[UA] action 70km", "2-artillery[UA] action 50km"}) {
		t.Errorf("Concerns after changing the first result = %q", again)
	}
}
