package agreement_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

func shares(kv ...string) []agreement.Share {
	var out []agreement.Share
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, agreement.Share{Party: agreement.PartyID(kv[i]), Percent: dec(kv[i+1])})
	}
	return out
}

// smallTerritory has three areas: a (100 km², Ukrainian, 60% Russian
// controlled), b (50 km², Ukrainian throughout) and c (1 km², sovereignty
// split, Russian controlled, with a frozen line from an earlier option).
func smallTerritory() agreement.Territory {
	return agreement.Territory{Areas: []agreement.Area{
		{ID: "a", Name: "A", Size: dec("100"), Sovereignty: shares("UA", "100"), Control: shares("RU", "60", "UA", "40")},
		{ID: "b", Size: dec("50"), Sovereignty: shares("UA", "100"), Control: shares("UA", "100")},
		{ID: "c", Size: dec("1"), Sovereignty: shares("UA", "50", "RU", "50"), Control: shares("RU", "100"),
			Arrangements: []agreement.Arrangement{{Kind: agreement.OptionKindFreeze, Option: "old"}}},
	}}
}

func smallAgreement() agreement.Agreement {
	return agreement.Agreement{ID: "small", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
		Territory: smallTerritory()}
}

// problemList returns err's problems as path and sentinel.
func problemList(t *testing.T, err error) []jsonProblem {
	t.Helper()
	if err == nil {
		return nil
	}
	return jsonProblems(t, err)
}

func TestTerritoryValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*agreement.Territory)
		want []jsonProblem
	}{
		{"valid", func(*agreement.Territory) {}, nil},
		{"zero territory", func(t *agreement.Territory) { *t = agreement.Territory{} }, nil},
		{"shares summing to 99.9", func(t *agreement.Territory) { t.Areas[0].Control = shares("RU", "60", "UA", "39.9") },
			[]jsonProblem{{"areas[0].control", agreement.ErrShares}}},
		{"shares summing to 100.0001", func(t *agreement.Territory) {
			t.Areas[2].Sovereignty = shares("UA", "50.0001", "RU", "50")
		}, []jsonProblem{{"areas[2].sovereignty", agreement.ErrShares}}},
		{"no shares", func(t *agreement.Territory) { t.Areas[1].Sovereignty = nil },
			[]jsonProblem{{"areas[1].sovereignty", agreement.ErrMissing}}},
		{"negative and zero shares", func(t *agreement.Territory) {
			t.Areas[0].Control = shares("RU", "-10", "UA", "110", "UN", "0")
		}, []jsonProblem{{"areas[0].control[0].percent", agreement.ErrNegative},
			{"areas[0].control[2].percent", agreement.ErrInvalidValue}}},
		{"party twice, party missing, party malformed", func(t *agreement.Territory) {
			t.Areas[0].Control = shares("RU", "50", "RU", "25", "", "20", "a b", "5")
		}, []jsonProblem{{"areas[0].control[1].party", agreement.ErrDuplicateID},
			{"areas[0].control[2].party", agreement.ErrMissing}, {"areas[0].control[3].party", agreement.ErrInvalidID}}},
		{"negative size", func(t *agreement.Territory) { t.Areas[1].Size = dec("-50") },
			[]jsonProblem{{"areas[1].size", agreement.ErrNegative}}},
		{"zero size", func(t *agreement.Territory) { t.Areas[1].Size = decimal.Zero },
			[]jsonProblem{{"areas[1].size", agreement.ErrInvalidValue}}},
		{"duplicate, missing and malformed ids", func(t *agreement.Territory) {
			t.Areas[1].ID, t.Areas[2].ID = "a", ""
			t.Areas = append(t.Areas, smallTerritory().Areas[0])
			t.Areas[3].ID = "has space"
		}, []jsonProblem{{"areas[1].id", agreement.ErrDuplicateID}, {"areas[2].id", agreement.ErrMissing},
			{"areas[3].id", agreement.ErrInvalidID}}},
		{"bad arrangements", func(t *agreement.Territory) {
			t.Areas[2].Arrangements = append(t.Areas[2].Arrangements,
				agreement.Arrangement{Kind: agreement.OptionKindDemilitarisedZone, Option: "old"},
				agreement.Arrangement{Kind: 0, Option: "x.y", Party: "-p"},
				agreement.Arrangement{Kind: agreement.OptionKindCede, Option: "z"},
				agreement.Arrangement{Kind: 99, Option: ""})
		}, []jsonProblem{{"areas[2].arrangements[1].option", agreement.ErrDuplicateID},
			{"areas[2].arrangements[2].kind", agreement.ErrMissing}, {"areas[2].arrangements[2].option", agreement.ErrInvalidID},
			{"areas[2].arrangements[2].party", agreement.ErrInvalidID}, {"areas[2].arrangements[3].kind", agreement.ErrInvalidValue},
			{"areas[2].arrangements[4].kind", agreement.ErrInvalidValue}, {"areas[2].arrangements[4].option", agreement.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ter := smallTerritory()
			tt.edit(&ter)
			before := ter.Clone()
			got := problemList(t, ter.Validate())
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
			if !ter.Equal(before) {
				t.Error("Validate modified the territory")
			}
			// In an agreement, the same problems are reported under
			// "territory.".
			a := smallAgreement()
			a.Territory = ter
			var want []jsonProblem
			for _, p := range agreementView(tt.want) {
				want = append(want, jsonProblem{"territory." + p.Path, p.Err})
			}
			if diff := cmp.Diff(want, problemList(t, a.Validate()), cmpopts.EquateErrors(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Agreement.Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTerritoryPartiesInAgreement(t *testing.T) {
	a := smallAgreement()
	a.Territory.Areas[0].Control = shares("RF", "60", "UA", "40")
	a.Territory.Areas[2].Arrangements[0].Party = "OSCE"
	want := []jsonProblem{{"territory.areas[0].control[0].party", agreement.ErrUnknownParty},
		{"territory.areas[2].arrangements[0].party", agreement.ErrUnknownParty}}
	if diff := cmp.Diff(want, problemList(t, a.Validate()), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if err := a.Territory.Validate(); err != nil {
		t.Errorf("on its own, a territory checks party syntax only: %v", err)
	}
}

// Event patterns name declared areas when the agreement has a territory;
// without one, any well-formed area id.
func TestPatternAreas(t *testing.T) {
	build := func(ter agreement.Territory) agreement.Agreement {
		a := smallAgreement()
		a.Territory = ter
		a.Fluents = []agreement.Fluent{{ID: "f", Initiates: []agreement.Pattern{{Kind: agreement.EventKindControlChanged, Area: "a"}}}}
		a.Clauses = []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Area: "donbas"},
			Trigger: agreement.Not(agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Area: "zz"}, agreement.Day))}}
		return a
	}
	want := []jsonProblem{{"clauses[0].action.area", agreement.ErrUnknownArea},
		{"clauses[0].trigger.not.within.event.area", agreement.ErrUnknownArea}}
	if diff := cmp.Diff(want, problemList(t, build(smallTerritory()).Validate()), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("with a territory (-want +got):\n%s", diff)
	}
	if err := build(agreement.Territory{}).Validate(); err != nil {
		t.Errorf("without a territory, area filters are syntax only: %v", err)
	}
	a := build(agreement.Territory{})
	a.Clauses[0].Action.Area = "a/b"
	if diff := cmp.Diff([]jsonProblem{{"clauses[0].action.area", agreement.ErrInvalidID}}, problemList(t, a.Validate()),
		cmpopts.EquateErrors()); diff != "" {
		t.Errorf("malformed area id (-want +got):\n%s", diff)
	}
}

func TestPackageValidate(t *testing.T) {
	w := func(s string) *decimal.Decimal { d := dec(s); return &d }
	day := agreement.Deadline{After: agreement.Day}
	results := []agreement.Result{{Outcome: "yes", Sovereign: "RU"}}
	tests := []struct {
		name string
		opts []agreement.Option
		want []jsonProblem
		msg  string // the first problem's full text, if set
	}{
		{"every kind, valid", []agreement.Option{
			{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"a"}, From: "UA", To: "RU"},
			{ID: "rec", Kind: agreement.OptionKindRecogniseControl, Areas: []agreement.AreaID{"a"}, Party: "RU"},
			{ID: "frz", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"a"}},
			{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"b"}, From: "UA", To: "UN", Deadline: day},
			{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"a", "b"}, Parties: []agreement.PartyID{"UA"},
				Width: w("0.5"), Deadline: day},
			{ID: "adm", Kind: agreement.OptionKindInternationalAdministration, Areas: []agreement.AreaID{"c"}, Party: "UN"},
			{ID: "st", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"c"}},
			{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"b"}, Party: "UN", Results: results},
			{ID: "arb", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"c"}, Party: "UN", Deadline: day,
				Results: results, Lapse: agreement.LapseFollowControl},
		}, nil, ""},
		{"DMZ of width 0", []agreement.Option{{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"a"},
			Parties: []agreement.PartyID{"UA"}, Width: w("0"), Deadline: day}},
			[]jsonProblem{{"options[0].width", agreement.ErrInvalidValue}},
			"options[0].width: a demilitarised zone of width 0 km is no zone: the width must be positive"},
		{"DMZ of negative width, no width, no parties, no deadline", []agreement.Option{
			{ID: "d1", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"a"}, Parties: []agreement.PartyID{"UA"},
				Width: w("-1"), Deadline: day},
			{ID: "d2", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"b"}},
		}, []jsonProblem{{"options[0].width", agreement.ErrNegative}, {"options[1].parties", agreement.ErrMissing},
			{"options[1].width", agreement.ErrMissing}, {"options[1].deadline", agreement.ErrMissing}}, ""},
		{"option on an unknown area", []agreement.Option{{ID: "st", Kind: agreement.OptionKindSpecialStatus,
			Areas: []agreement.AreaID{"a", "donbas"}}},
			[]jsonProblem{{"options[0].areas[1]", agreement.ErrUnknownArea}}, `options[0].areas[1]: unknown area "donbas"`},
		{"areas missing, repeated, malformed", []agreement.Option{
			{ID: "s1", Kind: agreement.OptionKindSpecialStatus},
			{ID: "s2", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"b", "b", "", "x/y"}},
		}, []jsonProblem{{"options[0].areas", agreement.ErrMissing}, {"options[1].areas[1]", agreement.ErrDuplicateID},
			{"options[1].areas[2]", agreement.ErrMissing}, {"options[1].areas[3]", agreement.ErrInvalidID}}, ""},
		{"conflict naming both", []agreement.Option{
			{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"a", "b"}, From: "UA", To: "RU"},
			{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"a"}, Party: "UN", Results: results},
		}, []jsonProblem{{"options[1]", agreement.ErrConflict}},
			`options[1]: conflicts with options[0] on area "a" (cede "cede" and referendum "vote": both decide sovereignty)`},
		{"conflicts on control and of one kind, each pair once", []agreement.Option{
			{ID: "frz", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"a", "b"}},
			{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"b", "a"}, From: "RU", To: "UA", Deadline: day},
			{ID: "st1", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"c"}},
			{ID: "st2", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"c"}},
			{ID: "adm", Kind: agreement.OptionKindInternationalAdministration, Areas: []agreement.AreaID{"a"}, Party: "UN"},
		}, []jsonProblem{{"options[1]", agreement.ErrConflict}, {"options[3]", agreement.ErrConflict},
			{"options[4]", agreement.ErrConflict}, {"options[4]", agreement.ErrConflict}},
			`options[1]: conflicts with options[0] on areas "b", "a" (freeze "frz" and withdraw "wd": both decide control)`},
		{"compatible on one area", []agreement.Option{
			{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"a"}, From: "UA", To: "RU"},
			{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"a"}, From: "UA", To: "RU", Deadline: day},
			{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"a"}, Parties: []agreement.PartyID{"UA", "RU"},
				Width: w("15"), Deadline: day},
			{ID: "rec", Kind: agreement.OptionKindRecogniseControl, Areas: []agreement.AreaID{"a"}, Party: "RU"},
			{ID: "st", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"a"}, Party: "RU"},
		}, nil, ""},
		{"ids: missing, malformed, with a dot, too long, duplicate, already applied", []agreement.Option{
			{Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"a"}},
			{ID: "a b", Kind: agreement.OptionKindRecogniseControl, Areas: []agreement.AreaID{"a"}, Party: "RU"},
			{ID: "x.y", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"b"}, Parties: []agreement.PartyID{"UA"},
				Width: w("1"), Deadline: day},
			{ID: agreement.OptionID(strings.Repeat("x", 25)), Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"b"}},
			{ID: "dup", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"b"}, From: "UA", To: "RU"},
			{ID: "dup", Kind: agreement.OptionKindInternationalAdministration, Areas: []agreement.AreaID{"a"}, Party: "UN"},
			{ID: "old", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"c"}},
		}, []jsonProblem{{"options[0].id", agreement.ErrMissing}, {"options[1].id", agreement.ErrInvalidID},
			{"options[2].id", agreement.ErrInvalidID}, {"options[3].id", agreement.ErrInvalidID},
			{"options[5].id", agreement.ErrDuplicateID}, {"options[6].areas[0]", agreement.ErrConflict}}, ""},
		{"fields by kind", []agreement.Option{
			{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"a"}, From: "UA", Party: "RU",
				Deadline: day, Lapse: agreement.LapseStatusQuo},
			{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"b"}, From: "UA", To: "UA",
				Results: results, Width: w("1")},
			{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"c"}, Parties: []agreement.PartyID{"UA"},
				Results: []agreement.Result{{Outcome: "yes"}, {Outcome: "yes", Sovereign: "-x"}, {}}, Lapse: 9},
			{ID: "none", Areas: []agreement.AreaID{"b"}, Party: "UN"},
			{ID: "bad", Kind: 42, Areas: []agreement.AreaID{"b"}},
		}, []jsonProblem{
			{"options[0].to", agreement.ErrMissing}, {"options[0].party", agreement.ErrInconsistent},
			{"options[0].deadline", agreement.ErrInconsistent}, {"options[0].lapse", agreement.ErrInconsistent},
			{"options[1].to", agreement.ErrInconsistent}, {"options[1].width", agreement.ErrInconsistent},
			{"options[1].deadline", agreement.ErrMissing}, {"options[1].results", agreement.ErrInconsistent},
			{"options[2].party", agreement.ErrMissing}, {"options[2].parties", agreement.ErrInconsistent},
			{"options[2].results[1].outcome", agreement.ErrDuplicateID}, {"options[2].results[1].sovereign", agreement.ErrInvalidID},
			{"options[2].results[2].outcome", agreement.ErrMissing}, {"options[2].lapse", agreement.ErrInvalidValue},
			{"options[3].kind", agreement.ErrMissing}, {"options[4].kind", agreement.ErrInvalidValue},
		}, ""},
		{"area id too long for implied clause ids", []agreement.Option{{ID: "dmz-along-the-whole-line",
			Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"long"}, Parties: []agreement.PartyID{"UA"},
			Width: w("1"), Deadline: day}}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ter := smallTerritory()
			if strings.HasPrefix(tt.name, "area id too long") {
				long := agreement.AreaID(strings.Repeat("l", 30))
				ter.Areas[0].ID = long
				tt.opts[0].Areas = []agreement.AreaID{long}
				tt.want = []jsonProblem{{"options[0].areas[0]", agreement.ErrInvalidID}}
			}
			p := agreement.Package{Name: tt.name, Options: tt.opts}
			err := p.Validate(ter)
			if diff := cmp.Diff(tt.want, problemList(t, err), cmpopts.EquateErrors(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s\n%v", diff, err)
			}
			if tt.msg != "" {
				var ve *agreement.ValidationError
				if errors.As(err, &ve) && ve.Problems[0].Error() != tt.msg {
					t.Errorf("message %q, want %q", ve.Problems[0].Error(), tt.msg)
				}
			}
			if _, err := p.Apply(ter); (err == nil) != (tt.want == nil) {
				t.Errorf("Apply() error %v, want one exactly when Validate reports problems", err)
			}
			// In an agreement: the same problems, and parties checked.
			a := smallAgreement()
			a.Territory, a.Options = ter, tt.opts
			if diff := cmp.Diff(agreementView(tt.want), problemList(t, a.Validate()), cmpopts.EquateErrors(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Agreement.Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// agreementView returns the problems an agreement reports for a value whose
// own validation reports ps: a malformed party id, which a territory or
// package on its own reports as ErrInvalidID, is in an agreement a party it
// does not declare, as everywhere else in an agreement.
func agreementView(ps []jsonProblem) []jsonProblem {
	var out []jsonProblem
	for _, p := range ps {
		if p.Err == agreement.ErrInvalidID && (strings.HasSuffix(p.Path, ".party") || strings.HasSuffix(p.Path, ".sovereign")) {
			p.Err = agreement.ErrUnknownParty
		}
		out = append(out, p)
	}
	return out
}

func TestOptionPartiesInAgreement(t *testing.T) {
	a := smallAgreement()
	a.Options = []agreement.Option{
		{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"a"}, From: "UA", To: "RF"},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"b"}, Parties: []agreement.PartyID{"UA", "XX", "UA"},
			Width: &decimal.Decimal{}, Deadline: agreement.Deadline{After: -agreement.Day}},
		{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"c"}, Party: "OSCE",
			Results: []agreement.Result{{Outcome: "yes", Sovereign: "EU"}}},
	}
	want := []jsonProblem{
		{"options[0].to", agreement.ErrUnknownParty},
		{"options[1].parties[1]", agreement.ErrUnknownParty}, {"options[1].parties[2]", agreement.ErrDuplicateID},
		{"options[1].width", agreement.ErrInvalidValue}, {"options[1].deadline.after", agreement.ErrNegative},
		{"options[2].party", agreement.ErrUnknownParty}, {"options[2].results[0].sovereign", agreement.ErrUnknownParty},
	}
	if diff := cmp.Diff(want, problemList(t, a.Validate()), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	b := smallAgreement()
	b.Options = []agreement.Option{{ID: "st", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"a"}}}
	b.Territory = agreement.Territory{}
	if diff := cmp.Diff([]jsonProblem{{"options[0].areas[0]", agreement.ErrUnknownArea}}, problemList(t, b.Validate()),
		cmpopts.EquateErrors()); diff != "" {
		t.Errorf("option without a territory (-want +got):\n%s", diff)
	}
}

func TestApplyEachKind(t *testing.T) {
	day := agreement.Deadline{After: agreement.Day}
	width := dec("2.5")
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		opt     agreement.Option
		edit    func(*agreement.Territory) // the expected change
		clauses []agreement.Clause
	}{
		{"cede moves sovereignty", agreement.Option{ID: "cede", Kind: agreement.OptionKindCede,
			Areas: []agreement.AreaID{"a", "c"}, From: "UA", To: "RU"},
			func(t *agreement.Territory) {
				t.Areas[0].Sovereignty = shares("RU", "100")
				t.Areas[2].Sovereignty = shares("RU", "100")
			}, nil},
		{"cede of nothing changes nothing", agreement.Option{ID: "cede", Kind: agreement.OptionKindCede,
			Areas: []agreement.AreaID{"b"}, From: "RU", To: "UN"}, func(*agreement.Territory) {}, nil},
		{"recognition is recorded", agreement.Option{ID: "rec", Kind: agreement.OptionKindRecogniseControl,
			Areas: []agreement.AreaID{"a"}, Party: "RU"},
			func(t *agreement.Territory) {
				t.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindRecogniseControl, Option: "rec", Party: "RU"}}
			}, nil},
		{"freeze with parties implies a hold-line prohibition", agreement.Option{ID: "frz", Kind: agreement.OptionKindFreeze,
			Areas: []agreement.AreaID{"a"}, Parties: []agreement.PartyID{"UA", "RU"}},
			func(t *agreement.Territory) {
				t.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindFreeze, Option: "frz"}}
			},
			[]agreement.Clause{{ID: "frz.hold-line.a", Kind: agreement.DeonticProhibition, Category: agreement.CategoryCe,
				Debtors: []agreement.PartyID{"UA", "RU"}, Action: &agreement.Pattern{Kind: agreement.EventKindControlChanged, Area: "a"},
				Text: `no party takes control in "a" (option "frz", freeze)`}}},
		{"withdraw moves control, implies an obligation", agreement.Option{ID: "wd", Kind: agreement.OptionKindWithdraw,
			Areas: []agreement.AreaID{"a"}, From: "RU", To: "UA", Deadline: day, Text: "Russia withdraws"},
			func(t *agreement.Territory) { t.Areas[0].Control = shares("UA", "100") },
			[]agreement.Clause{{ID: "wd.withdraw.a", Kind: agreement.DeonticObligation, Category: agreement.CategoryCe,
				Debtors: []agreement.PartyID{"RU"}, Creditors: []agreement.PartyID{"UA"}, Deadline: day, Text: "Russia withdraws",
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU", Area: "a"}}}},
		{"DMZ implies a withdrawal and a prohibition per area", agreement.Option{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone,
			Areas: []agreement.AreaID{"b"}, Parties: []agreement.PartyID{"UA", "RU"}, Width: &width,
			Deadline: agreement.Deadline{At: at}},
			func(t *agreement.Territory) {
				t.Areas[1].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindDemilitarisedZone, Option: "dmz"}}
			},
			[]agreement.Clause{
				{ID: "dmz.no-forces.b", Kind: agreement.DeonticProhibition, Category: agreement.CategoryCe,
					Debtors: []agreement.PartyID{"UA", "RU"}, Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Area: "b"},
					Text: `no forces in the 2.5 km zone on each side of the line in "b" (option "dmz", demilitarised-zone)`},
				{ID: "dmz.withdraw.b", Kind: agreement.DeonticObligation, Category: agreement.CategoryCe,
					Debtors: []agreement.PartyID{"UA", "RU"}, Deadline: agreement.Deadline{At: at},
					Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Area: "b"},
					Text:   `forces withdraw from the 2.5 km zone on each side of the line in "b" (option "dmz", demilitarised-zone)`},
			}},
		{"administration takes control, implies a handover", agreement.Option{ID: "adm", Kind: agreement.OptionKindInternationalAdministration,
			Areas: []agreement.AreaID{"a", "b"}, Party: "UA"},
			func(t *agreement.Territory) {
				t.Areas[0].Control = shares("UA", "100")
				t.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindInternationalAdministration, Option: "adm", Party: "UA"}}
				t.Areas[1].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindInternationalAdministration, Option: "adm", Party: "UA"}}
			},
			[]agreement.Clause{{ID: "adm.withdraw.a", Kind: agreement.DeonticObligation, Category: agreement.CategoryImPK,
				Debtors: []agreement.PartyID{"RU"}, Creditors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Area: "a"},
				Text:   `control of "a" is handed over to "UA" (option "adm", international-administration)`}}},
		{"special status is recorded, after earlier arrangements", agreement.Option{ID: "st",
			Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"c"}},
			func(t *agreement.Territory) {
				t.Areas[2].Arrangements = append(t.Areas[2].Arrangements,
					agreement.Arrangement{Kind: agreement.OptionKindSpecialStatus, Option: "st"})
			}, nil},
		{"referendum is pending, implies holding it", agreement.Option{ID: "vote", Kind: agreement.OptionKindReferendum,
			Areas: []agreement.AreaID{"a"}, Party: "UN", Results: []agreement.Result{{Outcome: "yes", Sovereign: "RU"}}},
			func(t *agreement.Territory) {
				t.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindReferendum, Option: "vote", Party: "UN"}}
			},
			[]agreement.Clause{{ID: "vote.hold.a", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
				Action: &agreement.Pattern{Kind: agreement.EventKindReferendumHeld, Actor: "UN", Area: "a"},
				Text:   `a referendum is held in "a" (option "vote", referendum)`}}},
		{"arbitration is pending, implies the award by the deadline", agreement.Option{ID: "arb",
			Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"a"}, Party: "UN", Deadline: day,
			Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}}},
			func(t *agreement.Territory) {
				t.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindArbitration, Option: "arb", Party: "UN"}}
			},
			[]agreement.Clause{{ID: "arb.award.a", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"}, Deadline: day,
				Action: &agreement.Pattern{Kind: agreement.EventKindArbitrationAward, Actor: "UN", Area: "a"},
				Text:   `an arbitration award is made for "a" (option "arb", arbitration)`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := smallTerritory()
			opt := (agreement.Agreement{Options: []agreement.Option{tt.opt}}).Clone().Options[0]
			s, err := agreement.Package{Options: []agreement.Option{opt}}.Apply(in)
			if err != nil {
				t.Fatal(err)
			}
			want := smallTerritory()
			tt.edit(&want)
			if diff := cmp.Diff(want, s.Territory, agreementtest.Options()); diff != "" {
				t.Errorf("territory mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.clauses, s.Clauses, agreementtest.Options()); diff != "" {
				t.Errorf("clauses mismatch (-want +got):\n%s", diff)
			}
			if !in.Equal(smallTerritory()) || !opt.Equal(tt.opt) {
				t.Error("Apply modified its input")
			}
			a := smallAgreement()
			a.Options = []agreement.Option{opt}
			a.Clauses = s.Clauses
			agreementtest.AssertValid(t, a)
		})
	}
}

func TestFigures(t *testing.T) {
	ter := smallTerritory()
	check := func(what string, got agreement.Figure, err error, party, km2, total, pct string) {
		t.Helper()
		want := agreement.Figure{Party: agreement.PartyID(party), Km2: dec(km2), Total: dec(total), Percent: dec(pct)}
		if err != nil || !got.Equal(want) {
			t.Errorf("%s = %v, %v; want %v", what, got, err, want)
		}
	}
	f, err := ter.Controlled("RU")
	check("Controlled(RU)", f, err, "RU", "61", "151", "40.4") // 61/151 = 40.397...
	f, err = ter.Controlled("RU", "a", "b", "a")
	check("Controlled(RU, a, b, a)", f, err, "RU", "60", "150", "40")
	f, err = ter.Sovereign("RU")
	check("Sovereign(RU)", f, err, "RU", "0.5", "151", "0.33") // 0.331...
	f, err = ter.Controlled("UN")
	check("Controlled(UN)", f, err, "UN", "0", "151", "0")
	check("ControlledWithin(RU, UA)", ter.ControlledWithin("RU", "UA"), nil, "RU", "60.5", "150.5", "40.2") // 40.199...
	if _, err := ter.Controlled("RU", "a", "zz"); !errors.Is(err, agreement.ErrUnknownArea) {
		t.Errorf("unknown area: %v", err)
	}
	if _, err := ter.Size("zz"); !errors.Is(err, agreement.ErrUnknownArea) {
		t.Errorf("Size(unknown): %v", err)
	}
	if f, err := (agreement.Territory{}).Controlled("RU"); err != nil || !f.Percent.IsZero() || !f.Total.IsZero() {
		t.Errorf("empty territory: %v, %v", f, err)
	}

	// Rounding is to PercentPlaces, half away from zero.
	r := agreement.Territory{Areas: []agreement.Area{
		{ID: "x", Size: dec("3"), Sovereignty: shares("UA", "100"), Control: shares("RU", "100")},
		{ID: "y", Size: dec("6"), Sovereignty: shares("UA", "100"), Control: shares("UA", "100")},
		{ID: "z", Size: dec("200"), Sovereignty: shares("UA", "100"), Control: shares("UA", "99.995", "UN", "0.005")},
	}}
	f, err = r.Controlled("RU", "x", "y")
	check("a third", f, err, "RU", "3", "9", "33.33")
	f, err = r.Controlled("UA", "x", "y")
	check("two thirds", f, err, "UA", "6", "9", "66.67")
	f, err = r.Controlled("UN", "z")
	check("a half at the last place", f, err, "UN", "0.01", "200", "0.01")
	if agreement.PercentPlaces != 2 {
		t.Errorf("PercentPlaces = %d; the cases above assume 2", agreement.PercentPlaces)
	}

	b, err := ter.ControlBreakdown()
	if err != nil {
		t.Fatal(err)
	}
	var parties []agreement.PartyID
	sum := decimal.Zero
	for _, f := range b {
		parties = append(parties, f.Party)
		sum = sum.Add(f.Km2)
	}
	if !slices.Equal(parties, []agreement.PartyID{"RU", "UA"}) || !sum.Equal(dec("151")) {
		t.Errorf("ControlBreakdown() = %v", b)
	}
	if got := b[0].String(); got != "RU: 61 of 151 km² (40.40%)" {
		t.Errorf("Figure.String() = %q", got)
	}
}

func TestMoveControl(t *testing.T) {
	ter := smallTerritory()
	p := func(s string) *decimal.Decimal { d := dec(s); return &d }
	tests := []struct {
		name     string
		area     agreement.AreaID
		from, to agreement.PartyID
		pct      *decimal.Decimal
		want     []agreement.Share
		err      error
	}{
		{"all of a party's share", "a", "RU", "UA", nil, shares("UA", "100"), nil},
		{"part of it", "a", "UA", "RU", p("15.5"), shares("RU", "75.5", "UA", "24.5"), nil},
		{"to a new party", "a", "RU", "UN", p("60"), shares("UA", "40", "UN", "60"), nil},
		{"the whole area", "a", "", "UN", nil, shares("UN", "100"), nil},
		{"from a party with none", "b", "RU", "UN", nil, nil, agreement.ErrInconsistent},
		{"unknown area", "zz", "RU", "UA", nil, nil, agreement.ErrUnknownArea},
		{"no party to", "a", "RU", "", nil, nil, agreement.ErrMissing},
		{"malformed to", "a", "RU", "a b", nil, nil, agreement.ErrInvalidID},
		{"to itself", "a", "RU", "RU", nil, nil, agreement.ErrInconsistent},
		{"a share without from", "a", "", "UN", p("1"), nil, agreement.ErrMissing},
		{"negative", "a", "RU", "UA", p("-1"), nil, agreement.ErrNegative},
		{"zero", "a", "RU", "UA", p("0"), nil, agreement.ErrInvalidValue},
		{"more than held", "a", "RU", "UA", p("60.01"), nil, agreement.ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ter.MoveControl(tt.area, tt.from, tt.to, tt.pct)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if !ter.Equal(smallTerritory()) {
				t.Fatal("MoveControl modified its receiver")
			}
			if err != nil {
				return
			}
			area, _ := got.Area(tt.area)
			if diff := cmp.Diff(tt.want, area.Control, agreementtest.Options()); diff != "" {
				t.Errorf("control mismatch (-want +got):\n%s", diff)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("result does not validate: %v", err)
			}
		})
		// The area's own MoveControl fails and moves alike, but for an
		// area the territory lacks, and leaves the rest of the area as it
		// was.
		t.Run(tt.name+"/area", func(t *testing.T) {
			if tt.err == agreement.ErrUnknownArea {
				return
			}
			before, _ := ter.Area(tt.area)
			got, err := before.MoveControl(tt.from, tt.to, tt.pct)
			want, werr := ter.MoveControl(tt.area, tt.from, tt.to, tt.pct)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if err != nil {
				if werr == nil || err.Error() != werr.Error() {
					t.Fatalf("error %q, Territory.MoveControl's %v", err, werr)
				}
				return
			}
			if !ter.Equal(smallTerritory()) {
				t.Fatal("MoveControl modified the area")
			}
			wa, _ := want.Area(tt.area)
			if diff := cmp.Diff(wa, got, agreementtest.Options()); diff != "" {
				t.Errorf("area mismatch with Territory.MoveControl (-territory +area):\n%s", diff)
			}
		})
	}
}

func TestResolveAndExpire(t *testing.T) {
	vote := agreement.Option{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"a", "b"}, Party: "UN",
		Results: []agreement.Result{{Outcome: "join", Sovereign: "RU"}, {Outcome: "stay", Sovereign: "UA"}, {Outcome: "void"}}}
	arb := agreement.Option{ID: "arb", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"a"}, Party: "UN",
		Deadline: agreement.Deadline{After: agreement.Day}, Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}},
		Lapse: agreement.LapseFollowControl}
	s, err := agreement.Package{Options: []agreement.Option{vote}}.Apply(smallTerritory())
	if err != nil {
		t.Fatal(err)
	}
	pending := s.Territory
	before := pending.Clone()

	got, err := vote.Resolve(pending, "a", "join")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := got.Area("a")
	if diff := cmp.Diff(shares("RU", "100"), a.Sovereignty, agreementtest.Options()); diff != "" || len(a.Arrangements) != 0 ||
		!a.Control[0].Equal(agreement.Share{Party: "RU", Percent: dec("60")}) {
		t.Errorf("resolved area %+v", a)
	}
	if b, _ := got.Area("b"); len(b.Pending()) != 1 {
		t.Errorf("area b should still be pending: %v", b.Arrangements)
	}
	got, err = vote.Resolve(pending, "a", "void")
	if a, _ := got.Area("a"); err != nil || !a.Equal(smallTerritory().Areas[0]) {
		t.Errorf("a result with no sovereign keeps the status quo: %v, %v", a, err)
	}
	got, err = vote.Expire(pending, "b")
	if b, _ := got.Area("b"); err != nil || !b.Equal(smallTerritory().Areas[1]) {
		t.Errorf("lapse by default keeps the status quo: %v, %v", b, err)
	}
	if !pending.Equal(before) {
		t.Fatal("Resolve or Expire modified the territory")
	}

	sa, err := agreement.Package{Options: []agreement.Option{arb}}.Apply(smallTerritory())
	if err != nil {
		t.Fatal(err)
	}
	lapsed, err := arb.Expire(sa.Territory, "a")
	a, _ = lapsed.Area("a")
	if err != nil || !slices.EqualFunc(a.Sovereignty, a.Control, agreement.Share.Equal) || len(a.Pending()) != 0 {
		t.Errorf("follow-control lapse: %+v, %v", a, err)
	}

	errs := []struct {
		name string
		err  error
		want error
	}{
		{"unknown outcome", second(vote.Resolve(pending, "a", "Join")), agreement.ErrInvalidValue},
		{"not an area of the option", second(vote.Resolve(pending, "c", "join")), agreement.ErrUnknownArea},
		{"not in the territory", second(vote.Resolve(agreement.Territory{}, "a", "join")), agreement.ErrUnknownArea},
		{"never applied", second(vote.Resolve(smallTerritory(), "a", "join")), agreement.ErrInconsistent},
		{"already lapsed", second(arb.Resolve(lapsed, "a", "RU")), agreement.ErrInconsistent},
		{"not a pending kind", second(agreement.Option{ID: "x", Kind: agreement.OptionKindCede,
			Areas: []agreement.AreaID{"a"}}.Expire(pending, "a")), agreement.ErrInvalidValue},
		{"pending on another option", second(arb.Expire(pending, "a")), agreement.ErrInconsistent},
	}
	for _, e := range errs {
		if !errors.Is(e.err, e.want) {
			t.Errorf("%s: error %v, want %v", e.name, e.err, e.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestSettle(t *testing.T) {
	a := smallAgreement()
	a.Options = []agreement.Option{{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"a"}, From: "RU",
		To: "UA", Deadline: agreement.Deadline{After: 30 * agreement.Day}}}
	s, err := a.Settle()
	if err != nil || len(s.Clauses) != 1 || s.Clauses[0].ID != "wd.withdraw.a" {
		t.Fatalf("Settle() = %v, %v", s.Clauses, err)
	}
	a.Clauses = append(a.Clauses, s.Clauses...)
	agreementtest.AssertValid(t, a)
	_, err = a.Settle()
	want := []jsonProblem{{"options[0].id", agreement.ErrDuplicateID}}
	if diff := cmp.Diff(want, problemList(t, err), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("Settle() with the implied clause already there (-want +got):\n%s", diff)
	}
	a.Territory.Areas[0].Size = dec("-1")
	if _, err := a.Settle(); !errors.Is(err, agreement.ErrNegative) {
		t.Errorf("Settle() of an invalid agreement: %v", err)
	}
}

func TestOptionKindAndLapseText(t *testing.T) {
	for k := agreement.OptionKindCede; k <= agreement.OptionKindArbitration; k++ {
		b, err := k.MarshalText()
		var back agreement.OptionKind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("OptionKind %d: %s, %v, %v", k, b, err, back)
		}
	}
	for _, bad := range []agreement.OptionKind{0, 10} {
		if _, err := bad.MarshalText(); !errors.Is(err, agreement.ErrInvalidValue) {
			t.Errorf("OptionKind(%d).MarshalText() error %v", bad, err)
		}
	}
	var k agreement.OptionKind
	if err := k.UnmarshalText([]byte("annex")); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("unknown kind: %v", err)
	}
	for l := agreement.LapseUnspecified; l <= agreement.LapseFollowControl; l++ {
		b, err := l.MarshalText()
		var back agreement.Lapse
		if err != nil || back.UnmarshalText(b) != nil || back != l {
			t.Errorf("Lapse %d: %s, %v, %v", l, b, err, back)
		}
	}
	if agreement.OptionKindDemilitarisedZone.String() != "demilitarised-zone" || agreement.LapseFollowControl.String() != "follow-control" {
		t.Error("names changed")
	}
	if agreement.ImpliedClauseID("dmz", "withdraw", "donetsk") != "dmz.withdraw.donetsk" {
		t.Error("ImpliedClauseID")
	}
}
