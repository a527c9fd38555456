package negotiationtest_test

import (
	"testing"

	"pgregory.net/rapid"

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
	for _, k := range []string{"conflict", "acceptable", "clause", "pair", "territory line", "clause line", "choice line"} {
		if seen[k] == 0 {
			t.Errorf("no case drew a %s", k)
		}
	}
}
