package scenario_test

import (
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/scenario"
)

// TestPropertyLeanEvaluationMatchesRecorded applies random events one at a
// time to a run of a random agreement and checks, after each instant
// closes, that every condition node has the same value whether evaluated
// as the steps of a round evaluate it (short-circuited, recording nothing)
// or as a decision records it, with no window and with windows at the
// events' instants and in between.
func TestPropertyLeanEvaluationMatchesRecorded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, e := refDrawEngine(t)
		start := refHour(0)
		r, err := e.Start(start)
		if err != nil {
			t.Fatal(err)
		}
		windows := []time.Time{start}
		k := 0
		for range refUniform(t, "events", 16) {
			k += 1 + refUniform(t, "gap", 5)
			at := refHour(k)
			if err := r.Apply(refDrawEvent(t, p, at)); err != nil {
				t.Fatalf("apply: %v", err)
			}
			if err := r.AdvanceTo(at); err != nil {
				t.Fatal(err)
			}
			windows = append(windows, at.Add(-time.Minute), at)
			if d := scenario.LeanEvalDisagreements(r, windows); len(d) > 0 {
				t.Fatalf("at %s:\n%s", at, strings.Join(d, "\n"))
			}
		}
		end := refHour(k + refUniform(t, "tail", 49))
		if err := r.AdvanceTo(end); err != nil {
			t.Fatal(err)
		}
		if d := scenario.LeanEvalDisagreements(r, append(windows, end)); len(d) > 0 {
			t.Fatalf("at the end %s:\n%s", end, strings.Join(d, "\n"))
		}
	})
}
