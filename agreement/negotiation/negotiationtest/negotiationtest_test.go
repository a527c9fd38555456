package negotiationtest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// TestCaseValidAndVaried checks that every drawn case is valid and that
// the draws reach what the generator promises: conflicting alternatives,
// clauses, pair values and red lines of every kind.
func TestCaseValidAndVaried(t *testing.T) {
	seen := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, err := negotiation.NewSpace(c.Territory, c.Groups, c.Issues)
		if err != nil {
			t.Fatalf("NewSpace: %v", err)
		}
		e, err := negotiation.Compile(s, c.Positions)
		if err != nil {
			t.Fatalf("Compile: %v", err)
		}
		n, err := e.Count(negotiation.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n.Infeasible > 0 {
			seen["conflict"]++
		}
		if n.Acceptable > 0 {
			seen["acceptable"]++
		}
		for _, is := range c.Issues {
			for _, alt := range is.Alternatives {
				if len(alt.Clauses) > 0 {
					seen["clause"]++
				}
				for _, o := range alt.Options {
					seen["option "+o.Kind.String()]++
					if len(o.Areas) > 1 {
						seen["option on several areas"]++
					}
				}
				for _, cl := range alt.Clauses {
					switch {
					case cl.Joint:
						seen["joint clause"]++
					case cl.Action != nil && cl.Action.Group != "":
						seen["group clause"]++
					case cl.Action != nil && cl.Action.Actor != "":
						seen["actor clause"]++
					}
					if len(cl.Quantities) > 0 {
						seen["quantities"]++
					}
					if cl.Action != nil && cl.Action.Target == agreement.Creditor {
						seen["creditor target"]++
					}
				}
			}
		}
		for _, p := range c.Positions {
			if len(p.RedLines) > 2 {
				seen["more than two red lines"]++
			}
			if p.Reservation.Exponent() < -1 {
				seen["amount of several decimal places"]++
			}
			for _, rl := range p.RedLines {
				var b agreement.Bound
				switch {
				case rl.Territory != nil:
					b = rl.Territory.Bound
				case rl.Clause != nil && !rl.Clause.Pattern.Measure.IsZero():
					b = rl.Clause.Pattern.Measure
					seen["measure line"]++
				case rl.Clause != nil && rl.Clause.Pattern.Group != "":
					seen["group line"]++
				}
				if _, open, ok := b.Min(); ok && open {
					seen["open bound"]++
				}
				if _, open, ok := b.Max(); ok && open {
					seen["open bound"]++
				}
			}
		}
		for _, p := range c.Positions {
			if len(p.Pairs) > 0 {
				seen["pair"]++
			}
			for _, rl := range p.RedLines {
				switch {
				case rl.Territory != nil:
					seen["territory line"]++
				case rl.Clause != nil:
					seen["clause line"]++
				case rl.Choice != nil:
					seen["choice line"]++
				}
			}
		}
	})
	if testing.Short() {
		return
	}
	want := []string{"conflict", "acceptable", "clause", "pair", "territory line", "clause line", "choice line",
		"option on several areas", "joint clause", "group clause", "actor clause", "quantities", "creditor target",
		"more than two red lines", "amount of several decimal places", "measure line", "group line", "open bound"}
	for k := agreement.OptionKindCede; k.Valid(); k++ {
		want = append(want, "option "+k.String())
	}
	for _, k := range want {
		if seen[k] == 0 {
			t.Errorf("no case drew a %s", k)
		}
	}
}
