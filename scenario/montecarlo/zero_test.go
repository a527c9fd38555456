package montecarlo_test

import (
	"errors"
	"math"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestZeroValues: nil and zero summaries, comparisons, time-to-state
// records and processes answer with zero values or errors, never a panic.
func TestZeroValues(t *testing.T) {
	inst := scenario.Instance{Ref: agreement.QualifiedRef("a", "c")}
	for name, s := range map[string]*montecarlo.Summary{"nil": nil, "zero": {}} {
		if s.Runs() != 0 || s.Horizon() != 0 || s.At() != nil || s.Instances() != nil || s.Parties() != nil ||
			s.Processes() != nil || s.Ranges() != nil || s.Transitions() != (montecarlo.Tally{}) ||
			s.Emitted(0) != (montecarlo.Tally{}) || s.TimeToState(montecarlo.Target{Instance: inst}) != nil {
			t.Errorf("%s summary: not empty", name)
		}
		if _, err := s.Reached(inst, agreement.StateInEffect, 0); err == nil {
			t.Errorf("%s summary: Reached without an error", name)
		}
		if _, err := s.Bound(inst); err == nil {
			t.Errorf("%s summary: Bound without an error", name)
		}
		if _, err := s.Breaches(inst); err == nil {
			t.Errorf("%s summary: Breaches without an error", name)
		}
		if _, err := s.PartyBound("UA"); err == nil {
			t.Errorf("%s summary: PartyBound without an error", name)
		}
		if err := s.Merge(&montecarlo.Summary{}); !errors.Is(err, montecarlo.ErrShape) {
			t.Errorf("%s summary: Merge %v", name, err)
		}
		if !s.Equal(nil) || !s.Equal(&montecarlo.Summary{}) {
			t.Errorf("%s summary: not equal to another that summarises nothing", name)
		}
	}
	var tts *montecarlo.TimeToState
	if d, e := tts.Observations(); d != nil || e != nil || tts.Runs() != 0 {
		t.Error("nil TimeToState: observations")
	}
	for name, c := range map[string]*montecarlo.Comparison{"nil": nil, "zero": {}} {
		if _, err := c.Paired(inst, agreement.StateInEffect, 0); err == nil {
			t.Errorf("%s comparison: Paired without an error", name)
		}
		if err := c.Merge(&montecarlo.Comparison{}); err == nil {
			t.Errorf("%s comparison: Merge without an error", name)
		}
	}
	var p *montecarlo.Poisson
	var q *montecarlo.Scheduled
	if p.Label() != "" || q.Label() != "" {
		t.Error("nil processes have labels")
	}
	var m *montecarlo.Model
	if err := m.UnmarshalJSON([]byte(`{"version":1,"processes":[]}`)); err == nil {
		t.Error("decoding into a nil *Model: no error")
	}
	// No run: NaN estimates, the widest interval.
	if lo, hi := (montecarlo.Paired{}).Interval(0.95); lo != -1 || hi != 1 || !math.IsNaN((montecarlo.Paired{}).Difference()) {
		t.Errorf("zero Paired: interval [%v, %v], difference %v", lo, hi, (montecarlo.Paired{}).Difference())
	}
	if !math.IsNaN((montecarlo.Tally{}).Mean()) || !math.IsNaN((montecarlo.Proportion{}).Estimate()) {
		t.Error("zero Tally or Proportion: not NaN")
	}
	if (montecarlo.Calibration{}).Uncertain().PerDay != nil {
		t.Error("zero Calibration: rates")
	}
	if err := (montecarlo.Model{}).Validate(); err != nil {
		t.Errorf("the empty model: %v", err)
	}
}
