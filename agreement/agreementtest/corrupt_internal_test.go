package agreementtest

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// TestEveryKindReported applies every kind of corruption that applies to
// each drawn agreement, one at a time, and checks that validation reports
// the predicted problem; every kind must have applied somewhere in the run.
func TestEveryKindReported(t *testing.T) {
	applied := map[string]int{}
	gen := Agreement(Config{})
	rapid.Check(t, func(t *rapid.T) {
		a := gen.Draw(t, "agreement")
		before := a.Clone()
		for _, k := range kinds {
			c := corrupt(t, a, nil, k.name)
			if c.Kind == "" {
				continue
			}
			applied[k.name]++
			err := c.Agreement.Validate()
			AssertProblem(t, err, c.Sentinel, c.Path)
			if k.name == "dependency cycle" {
				// Every cycle passes through clause 0: no cycle is
				// reported anywhere else.
				var ve *agreement.ValidationError
				errors.As(err, &ve)
				for _, p := range ve.Problems {
					if errors.Is(p, agreement.ErrCycle) && p.Path != "clauses[0]" {
						t.Errorf("%s: cycle reported at %s: %v", c.Desc, p.Path, p)
					}
				}
			}
		}
		if diff := cmp.Diff(before, a, Options()); diff != "" {
			t.Fatalf("corrupt modified its input (-before +after):\n%s", diff)
		}
	})
	// Coverage is meaningful only for a full run: -short cuts rapid's
	// checks to a fifth.
	for _, k := range kinds {
		if applied[k.name] == 0 && !testing.Short() {
			t.Errorf("corruption %q never applied in the run", k.name)
		}
	}
}
