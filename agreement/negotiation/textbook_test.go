package negotiation_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// oneIssue builds a space of one issue whose alternatives are the given
// outcomes, and positions for two parties valuing outcome k at xs[k] and
// ys[k], with reservation 0 (the disagreement point at the origin).
func oneIssue(t *testing.T, xs, ys []string) (*negotiation.Space, *negotiation.Analysis) {
	t.Helper()
	is := negotiation.Issue{ID: "outcome"}
	p1 := negotiation.IssueValue{Issue: "outcome", Weight: decimal.NewFromInt(1)}
	p2 := p1
	for k := range xs {
		id := negotiation.AlternativeID(fmt.Sprintf("o%d", k))
		is.Alternatives = append(is.Alternatives, negotiation.Alternative{ID: id})
		p1.Values = append(p1.Values, negotiation.AlternativeValue{Alternative: id, Value: d(xs[k])})
		p2.Values = append(p2.Values, negotiation.AlternativeValue{Alternative: id, Value: d(ys[k])})
	}
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{is})
	if err != nil {
		t.Fatal(err)
	}
	e, err := negotiation.Compile(s, []negotiation.Position{
		{Party: "P1", Issues: []negotiation.IssueValue{p1}},
		{Party: "P2", Issues: []negotiation.IssueValue{p2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, a
}

func values(pts []negotiation.Point) []string {
	var out []string
	for _, pt := range pts {
		out = append(out, valueKey(pt.Values))
	}
	return out
}

// TestKalaiSmorodinskyExample checks the monotonicity example that
// motivates the Kalai-Smorodinsky solution: E. Kalai and M. Smorodinsky,
// "Other Solutions to Nash's Bargaining Problem", Econometrica 43(3),
// 1975, pp. 513-518, as the example is usually presented. With the
// disagreement point at the origin, S is the convex hull of (0,0), (0,1),
// (3/4,3/4) and (1,0), and T that of (0,0), (0,1), (1,7/10) and (1,0). T
// contains S and offers the second player more for every amount the first
// gets, yet the Nash point moves from (3/4,3/4) in S to (1,7/10) in T (the
// product x(1 - 3x/10) increases on [0,1]); the Kalai-Smorodinsky point,
// on the segment from the origin to the ideal point (1,1), moves from
// (3/4,3/4) to (10/13,10/13), where the diagonal meets the edge
// y = 1 - 3x/10. Scaled by 130 so that every point is exact, the discrete
// sets hold the vertices and these points; each continuous solution lies in
// the discrete set, which lies in the continuous one, so it is also the
// discrete solution.
func TestKalaiSmorodinskyExample(t *testing.T) {
	_, s := oneIssue(t, []string{"0", "0", "97.5", "130"}, []string{"0", "130", "97.5", "0"})
	if got, want := values(s.Nash), []string{"97.5 97.5"}; !slices.Equal(got, want) {
		t.Errorf("Nash(S) = %v, want %v", got, want)
	}
	if got, want := values(s.KalaiSmorodinsky), []string{"97.5 97.5"}; !slices.Equal(got, want) {
		t.Errorf("KS(S) = %v, want %v", got, want)
	}
	_, tt := oneIssue(t, []string{"0", "0", "100", "130"}, []string{"0", "130", "100", "91"})
	if got, want := values(tt.Nash), []string{"130 91"}; !slices.Equal(got, want) {
		t.Errorf("Nash(T) = %v, want %v", got, want)
	}
	if got, want := values(tt.KalaiSmorodinsky), []string{"100 100"}; !slices.Equal(got, want) {
		t.Errorf("KS(T) = %v, want %v", got, want)
	}
	if got, want := values(tt.Frontier), []string{"130 91", "100 100", "0 130"}; !slices.Equal(got, want) {
		t.Errorf("frontier(T) = %v, want %v", got, want)
	}
}

// TestNashBargainingExample checks the example of J. F. Nash, "The
// Bargaining Problem", Econometrica 18(2), 1950, pp. 155-162: Bill and
// Jack, with no money, may exchange goods. Utilities (Bill, Jack) for each
// good: Bill's book (2, 4), whip (2, 2), ball (2, 1), bat (2, 2), box
// (4, 1); Jack's pen (10, 1), toy (4, 1), knife (6, 2), hat (2, 2). Nash's
// solution: Bill gives Jack the book, whip, ball and bat, and Jack gives
// Bill the pen, toy and knife, gains (12, 5) over no trade, product 60.
// Each good is an issue: it changes hands or not.
func TestNashBargainingExample(t *testing.T) {
	type good struct {
		id         negotiation.IssueID
		bill, jack int64
		billOwns   bool
	}
	goods := []good{
		{"book", 2, 4, true}, {"whip", 2, 2, true}, {"ball", 2, 1, true}, {"bat", 2, 2, true}, {"box", 4, 1, true},
		{"pen", 10, 1, false}, {"toy", 4, 1, false}, {"knife", 6, 2, false}, {"hat", 2, 2, false},
	}
	var issues []negotiation.Issue
	bill := negotiation.Position{Party: "BILL"}
	jack := negotiation.Position{Party: "JACK"}
	for _, g := range goods {
		issues = append(issues, negotiation.Issue{ID: g.id, Alternatives: []negotiation.Alternative{{ID: "keep"}, {ID: "give"}}})
		// The change of utility when the good changes hands.
		b, j := -g.bill, g.jack
		if !g.billOwns {
			b, j = g.bill, -g.jack
		}
		bill.Issues = append(bill.Issues, negotiation.IssueValue{Issue: g.id, Weight: decimal.NewFromInt(1),
			Values: []negotiation.AlternativeValue{{Alternative: "give", Value: decimal.NewFromInt(b)}}})
		jack.Issues = append(jack.Issues, negotiation.IssueValue{Issue: g.id, Weight: decimal.NewFromInt(1),
			Values: []negotiation.AlternativeValue{{Alternative: "give", Value: decimal.NewFromInt(j)}}})
	}
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, issues)
	if err != nil {
		t.Fatal(err)
	}
	e, err := negotiation.Compile(s, []negotiation.Position{bill, jack})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Nash) != 1 || len(a.Nash[0].Packages) != 1 {
		t.Fatalf("Nash = %v, want one package", a.Nash)
	}
	if got := valueKey(a.Nash[0].Values); got != "12 5" {
		t.Errorf("Nash gains = %s, want 12 5", got)
	}
	var given []string
	for i, alt := range s.Alternatives(a.Nash[0].Packages[0]) {
		if alt == "give" {
			given = append(given, string(goods[i].id))
		}
	}
	if want := []string{"book", "whip", "ball", "bat", "pen", "toy", "knife"}; !slices.Equal(given, want) {
		t.Errorf("Nash exchanges %v, want %v", given, want)
	}
}
