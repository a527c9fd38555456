package negotiation_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// problems returns "path: sentinel" for every problem of err.
func problems(t *testing.T, err error) []string {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *agreement.ValidationError", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path+": "+p.Err.Error())
	}
	return out
}

func TestNewSpaceListsEveryProblem(t *testing.T) {
	territory := exampleSpace().Territory()
	issues := []negotiation.Issue{
		{ID: "a", Alternatives: []negotiation.Alternative{{ID: "x"}, {ID: "x"}}},
		{ID: "a"},
		{ID: "b", Alternatives: []negotiation.Alternative{
			{ID: "bad id"},
			{ID: "y", Options: []agreement.Option{
				{ID: "f1", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"nowhere"}},
			}},
			{ID: "z", Clauses: []agreement.Clause{{ID: "C1"}, {ID: "C1", Kind: agreement.DeonticObligation}}},
		}},
		{ID: "c", Alternatives: []negotiation.Alternative{{ID: "w", Options: []agreement.Option{
			{ID: "f1", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"donetsk"}},
		}}}},
	}
	groups := []agreement.Group{{ID: "G"}, {ID: "G", Members: []agreement.PartyID{"bad party"}}}
	before := slices.Clone(issues)
	_, err := negotiation.NewSpace(territory, groups, issues)
	got := problems(t, err)
	want := []string{
		"groups[1].id: " + agreement.ErrDuplicateID.Error(),
		"groups[1].members[0]: " + agreement.ErrInvalidID.Error(),
		"issues[0].alternatives[1].id: " + agreement.ErrDuplicateID.Error(),
		"issues[1].id: " + agreement.ErrDuplicateID.Error(),
		"issues[1].alternatives: " + agreement.ErrMissing.Error(),
		"issues[2].alternatives[0].id: " + agreement.ErrInvalidID.Error(),
		"issues[2].alternatives[1].options[0].areas[0]: " + agreement.ErrUnknownArea.Error(),
		"issues[2].alternatives[2].clauses[0].kind: " + agreement.ErrInvalidValue.Error(),
		"issues[2].alternatives[2].clauses[1].id: " + agreement.ErrDuplicateID.Error(),
		"issues[3].alternatives[0].options[0].id: " + agreement.ErrDuplicateID.Error(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, issues, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("NewSpace modified its input:\n%s", diff)
	}
}

func TestCompileListsEveryProblem(t *testing.T) {
	s := exampleSpace()
	positions := []negotiation.Position{
		{Party: "UA",
			Issues: []negotiation.IssueValue{
				{Issue: "nope", Weight: d("1")},
				{Issue: "force", Weight: d("-1"), Values: []negotiation.AlternativeValue{{Alternative: "gone", Value: d("1")}}},
			},
			Pairs: []negotiation.PairValue{{A: negotiation.Choice{Issue: "force", Alternative: "none"}, B: negotiation.Choice{Issue: "force", Alternative: "deployed"}}},
			RedLines: []negotiation.RedLine{
				{ID: "r"},
				{ID: "r", Territory: &negotiation.TerritoryLine{Party: "UA", Areas: []agreement.AreaID{"mars"}, Bound: agreement.Measure(agreement.UnitKm)}},
				{ID: "g", Clause: &negotiation.ClauseLine{Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "EU"}}},
			},
			Reservation: d("1e30"),
		},
		{Party: "UA"},
	}
	_, err := negotiation.Compile(s, positions)
	got := problems(t, err)
	want := []string{
		"positions[0].reservation: " + negotiation.ErrTooLarge.Error(),
		"positions[0].issues[0].issue: " + agreement.ErrInvalidValue.Error(),
		"positions[0].issues[1].weight: " + agreement.ErrNegative.Error(),
		"positions[0].issues[1].values[0].alternative: " + agreement.ErrInvalidValue.Error(),
		"positions[0].pairs[0].b: " + agreement.ErrInconsistent.Error(),
		"positions[0].redLines[0]: " + agreement.ErrInconsistent.Error(),
		"positions[0].redLines[1].id: " + agreement.ErrDuplicateID.Error(),
		"positions[0].redLines[1].territory.areas[0]: " + agreement.ErrUnknownArea.Error(),
		"positions[0].redLines[1].territory.bound.unit: " + agreement.ErrInvalidValue.Error(),
		"positions[0].redLines[1].territory.bound: " + agreement.ErrMissing.Error(),
		"positions[0].redLines[2].clause.group: " + agreement.ErrUnknownGroup.Error(),
		"positions[1].party: " + agreement.ErrDuplicateID.Error(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestNilAndInvalidNeverPanic(t *testing.T) {
	var s *negotiation.Space
	var e *negotiation.Evaluator
	var a *negotiation.Analysis
	if s.Check(nil) == nil || s.Alternatives(nil) != nil || s.NumIssues() != 0 || s.NumAlternatives(3) != 0 || s.Size().Sign() != 0 {
		t.Error("nil space")
	}
	if _, err := negotiation.Compile(nil, nil); err == nil {
		t.Error("Compile(nil) succeeded")
	}
	if _, err := e.Evaluate(nil); err == nil {
		t.Error("nil evaluator evaluated")
	}
	if _, err := e.Analyze(negotiation.Options{}); err == nil {
		t.Error("nil evaluator analysed")
	}
	if _, err := a.Certify(nil); err == nil {
		t.Error("nil analysis certified")
	}
	if _, err := negotiation.NewSpace(agreement.Territory{}, nil, nil); err == nil {
		t.Error("a space with no issue")
	}
	if _, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{{Alternatives: []negotiation.Alternative{{Options: []agreement.Option{{}}}}}}); err == nil {
		t.Error("zero values accepted")
	}
	sp := exampleSpace()
	for _, p := range []negotiation.Package{nil, {0}, {0, 2}, {-1, 0}, {0, 0, 0}} {
		if err := sp.Check(p); !errors.Is(err, agreement.ErrInvalidValue) {
			t.Errorf("Check(%v) = %v, want ErrInvalidValue", p, err)
		}
	}
	if pk, cs := sp.Agreement(negotiation.Package{2, 1}); len(pk.Options) != 1 || pk.Options[0].ID != "withdraw" || len(cs) != 1 || cs[0].ID != "MNF" {
		t.Errorf("Agreement({2, 1}) = %v, %v", pk, cs)
	}
	if pk, cs := sp.Agreement(negotiation.Package{3, 0}); len(pk.Options) != 0 || cs != nil {
		t.Errorf("Agreement of a package out of range = %v, %v", pk, cs)
	}
	ev, err := negotiation.Compile(sp, examplePositions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Analyze(negotiation.Options{Order: []int{0, 0}}); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("Analyze with a bad order: %v", err)
	}
}

// TestPropertyInputsUnmodified checks that nothing passed to NewSpace or
// Compile is modified, and that what a space returns is a copy.
func TestPropertyInputsUnmodified(t *testing.T) {
	eq := cmp.Options{cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b agreement.Bound) bool { return a.String() == b.String() })}
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		issues := cloneIssues(c.Issues)
		positions := clonePositions(c.Positions)
		s, err := negotiation.NewSpace(c.Territory, c.Groups, c.Issues)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := negotiation.Compile(s, c.Positions); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(issues, c.Issues, eq); diff != "" {
			t.Fatalf("issues modified:\n%s", diff)
		}
		if diff := cmp.Diff(positions, c.Positions, eq); diff != "" {
			t.Fatalf("positions modified:\n%s", diff)
		}
		got := s.Issues()
		if len(got[0].Alternatives[0].Options) > 0 {
			got[0].Alternatives[0].Options[0].Areas[0] = "changed"
		}
		got[0].Alternatives[0].ID = "changed"
		if diff := cmp.Diff(issues, s.Issues(), eq); diff != "" {
			t.Fatalf("a space's issues changed through a copy:\n%s", diff)
		}
	})
}

func cloneIssues(is []negotiation.Issue) []negotiation.Issue {
	out := slices.Clone(is)
	for i := range out {
		out[i].Alternatives = slices.Clone(out[i].Alternatives)
		for a := range out[i].Alternatives {
			alt := &out[i].Alternatives[a]
			opts := alt.Options
			alt.Options = nil
			for _, o := range opts {
				alt.Options = append(alt.Options, o.Clone())
			}
			cls := alt.Clauses
			alt.Clauses = nil
			for _, c := range cls {
				alt.Clauses = append(alt.Clauses, c.Clone())
			}
		}
	}
	return out
}

func clonePositions(ps []negotiation.Position) []negotiation.Position {
	out := slices.Clone(ps)
	for i := range out {
		p := &out[i]
		p.Issues = slices.Clone(p.Issues)
		for k := range p.Issues {
			p.Issues[k].Values = slices.Clone(p.Issues[k].Values)
		}
		p.Pairs = slices.Clone(p.Pairs)
		p.RedLines = slices.Clone(p.RedLines)
		for k := range p.RedLines {
			rl := &p.RedLines[k]
			if rl.Territory != nil {
				tl := *rl.Territory
				tl.Areas = slices.Clone(tl.Areas)
				rl.Territory = &tl
			}
			if rl.Clause != nil {
				cl := *rl.Clause
				rl.Clause = &cl
			}
			if rl.Choice != nil {
				ch := *rl.Choice
				rl.Choice = &ch
			}
		}
	}
	return out
}
