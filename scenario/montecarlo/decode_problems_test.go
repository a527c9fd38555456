package montecarlo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// problemPaths returns the paths of the problems err wraps, failing when
// it wraps no *agreement.ValidationError or does not read "montecarlo: ".
func problemPaths(t *testing.T, err error) []string {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a validation error", err)
	}
	if !strings.HasPrefix(err.Error(), "montecarlo: ") {
		t.Errorf("message %q does not start with \"montecarlo: \"", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path)
	}
	return out
}

// TestDecodeModelListsEveryProblem checks that DecodeModel reports a
// missing "processes", and the problems Model.Validate finds next to the
// decoder's own, but not those of a value the decoder already rejected.
func TestDecodeModelListsEveryProblem(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want []string
	}{
		{`{"version":1}`, []string{"processes"}},
		{`{}`, []string{"version", "processes"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":-1,"event":{"kind":"armed-attack"},"rate":2}}]}`,
			[]string{"processes[0].poisson.rate", "processes[0].poisson.perDay"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":"x","event":{"kind":"armed-attack"}}},` +
			`{"scheduled":{"outcomes":[{"probability":2,"event":{"kind":"x"}}]}}]}`,
			[]string{"processes[0].poisson.perDay", "processes[1].scheduled.outcomes[0].probability", "processes[1].scheduled.outcomes"}},
		{`{"version":1,"processes":[{"bogus":{}}]}`, nil},
	} {
		m, err := montecarlo.DecodeModel([]byte(c.doc))
		if len(m.Processes) != 0 {
			t.Errorf("%s: a model with %d processes on failure", c.doc, len(m.Processes))
		}
		got := problemPaths(t, err)
		if c.want == nil {
			// Only the decoder's problem under processes[0]: no
			// "missing process" from Validate besides.
			if len(got) != 1 || !strings.HasPrefix(got[0], "processes[0]") {
				t.Errorf("%s: problems at %v, want one under processes[0]", c.doc, got)
			}
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: problems at %v, want %v", c.doc, got, c.want)
		}
	}
}

// TestValidationErrorsReadMontecarlo checks the message and the wrapped
// problems of Model.Validate and Simulate.
func TestValidationErrorsReadMontecarlo(t *testing.T) {
	m := montecarlo.Model{Processes: []montecarlo.Process{attacks(-1, 0)}}
	if got := problemPaths(t, m.Validate()); !slices.Equal(got, []string{"processes[0].poisson.perDay"}) {
		t.Errorf("Validate: problems at %v", got)
	}
	if err := m.Validate(); !errors.Is(err, agreement.ErrNegative) {
		t.Errorf("Validate: %v is not agreement.ErrNegative", err)
	}
	opts := baseOptions()
	opts.Horizon = -1
	_, err := montecarlo.Simulate(context.Background(), mustCompile(small()), breakdownModel(0.1), opts)
	if got := problemPaths(t, err); len(got) == 0 {
		t.Error("Simulate: no problem listed")
	}
	bad := montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Poisson{Name: "a", PerDay: 1,
		Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "XX"}}}}
	_, err = montecarlo.Simulate(context.Background(), mustCompile(small()), bad, baseOptions())
	if got := problemPaths(t, err); len(got) != 1 || !strings.HasPrefix(got[0], "processes[0].poisson.event") {
		t.Errorf("Simulate: problems at %v, want one under processes[0].poisson.event", got)
	}
}
