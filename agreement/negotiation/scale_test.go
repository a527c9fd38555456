package negotiation_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// TestPartiesScaledSeparately: a party whose amounts need 18 decimal
// places does not force them on another: B's value 5 compiles beside A's
// 0.000000001 × 0.000000001, as it does alone, and every value, the
// egalitarian and welfare points compare across parties exactly.
func TestPartiesScaledSeparately(t *testing.T) {
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{{ID: "i", Alternatives: []negotiation.Alternative{{ID: "x"}, {ID: "y"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tiny := d("0.000000001")
	a := negotiation.Position{Party: "A", Reservation: d("-1"), Issues: []negotiation.IssueValue{{Issue: "i", Weight: tiny,
		Values: []negotiation.AlternativeValue{{Alternative: "x", Value: tiny}, {Alternative: "y", Value: d("2")}}}}}
	b := negotiation.Position{Party: "B", Reservation: d("-1"), Issues: []negotiation.IssueValue{{Issue: "i", Weight: d("1"),
		Values: []negotiation.AlternativeValue{{Alternative: "x", Value: d("5")}, {Alternative: "y", Value: d("-999999999")}}}}}
	if _, err := negotiation.Compile(s, []negotiation.Position{b}); err != nil {
		t.Fatalf("B alone: %v", err)
	}
	e, err := negotiation.Compile(s, []negotiation.Position{a, b})
	if err != nil {
		t.Fatalf("A and B: %v", err)
	}
	ev, err := e.Evaluate(negotiation.Package{0})
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Values[0].Equal(d("0.000000000000000001")) || !ev.Values[1].Equal(d("5")) {
		t.Errorf("values %v, want [1e-18 5]", ev.Values)
	}
	an, err := e.Analyze(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// x: gains 1+1e-18 and 6; y (below B's reservation) is out.
	if len(an.Welfare) != 1 || an.Welfare[0].Packages[0][0] != 0 || len(an.Egalitarian) != 1 || an.Egalitarian[0].Packages[0][0] != 0 {
		t.Errorf("welfare %v, egalitarian %v; want x for both", an.Welfare, an.Egalitarian)
	}
}

// TestAmountTrailingZerosAndPaths: an amount written with many trailing
// zeros is the number it equals, and a contribution too large names its
// value's path.
func TestAmountTrailingZerosAndPaths(t *testing.T) {
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{{ID: "i", Alternatives: []negotiation.Alternative{{ID: "x"}, {ID: "y"}}}})
	if err != nil {
		t.Fatal(err)
	}
	one, err := decimal.NewFromString("1." + strings.Repeat("0", 45))
	if err != nil {
		t.Fatal(err)
	}
	e, err := negotiation.Compile(s, []negotiation.Position{{Party: "A", Reservation: one, Issues: []negotiation.IssueValue{{Issue: "i", Weight: one,
		Values: []negotiation.AlternativeValue{{Alternative: "x", Value: one}}}}}})
	if err != nil {
		t.Fatalf("1.000…: %v", err)
	}
	if e.Places() != 0 {
		t.Errorf("Places = %d, want 0", e.Places())
	}
	big := d("999999999.5")
	_, err = negotiation.Compile(s, []negotiation.Position{{Party: "A", Issues: []negotiation.IssueValue{{Issue: "i", Weight: big,
		Values: []negotiation.AlternativeValue{{Alternative: "x", Value: d("1")}, {Alternative: "y", Value: big}}}}}})
	if !errors.Is(err, negotiation.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	got := problems(t, err)
	if len(got) == 0 || got[0] != "positions[0].issues[0].values[1].value: "+negotiation.ErrTooLarge.Error() {
		t.Errorf("problems %v, want the first at positions[0].issues[0].values[1].value", got)
	}
}
