package montecarlo_test

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestUncertainRateClosedForm: a ceasefire ending at a constant hazard
// whose rate is itself uncertain, 0.01 a day with a standard error of
// 0.005, drawn per run from the Gamma distribution of shape k = 4 and scale
// theta = 0.0025: it survives 60 days with probability E[exp(-60 lambda)] =
// (1 + 60 theta)^-k = 0.5718, against exp(-0.6) = 0.5488 with the rate
// fixed. 20,000 runs put the estimate within four standard errors of the
// first and outside those of the second.
func TestUncertainRateClosedForm(t *testing.T) {
	e, err := scenario.Compile(agreement.Agreement{
		ID: "truce", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}},
		Clauses: []agreement.Clause{{ID: "ceasefire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"A", "B"},
			Joint: true, Action: &agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	at := 60 * agreement.Day
	survive := func(d montecarlo.Piecewise) float64 {
		m := montecarlo.Model{Processes: []montecarlo.Process{
			&montecarlo.Scheduled{Name: "end", Delay: d,
				Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}},
		}}
		s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{
			Runs: 20000, Seed: 11, Workers: 2, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			Horizon: at, At: []time.Duration{at},
		})
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Reached(scenario.Instance{Ref: agreement.QualifiedRef("truce", "ceasefire")}, agreement.StateViolated, at)
		if err != nil {
			t.Fatal(err)
		}
		return 1 - p.Estimate()
	}
	se := math.Sqrt(0.57 * 0.43 / 20000)
	uncertain := survive(montecarlo.Piecewise{PerDay: []float64{0.01}, StdErrs: []float64{0.005}})
	want := math.Pow(1+60*0.0025, -4)
	fixed := math.Exp(-0.6)
	t.Logf("survival at 60 days: %.4f simulated, %.4f exact, %.4f with the rate fixed", uncertain, want, fixed)
	if math.Abs(uncertain-want) > 4*se || math.Abs(uncertain-fixed) < 4*se {
		t.Errorf("survival at 60 days %.4f: want %.4f (and not the fixed rate's %.4f)", uncertain, want, fixed)
	}
	if got := survive(montecarlo.Piecewise{PerDay: []float64{0.01}}); math.Abs(got-fixed) > 4*se {
		t.Errorf("with the rate fixed: %.4f, want %.4f", got, fixed)
	}
}

// TestUncertainRatesJSON: standard errors are read and written, and one per
// rate is required.
func TestUncertainRatesJSON(t *testing.T) {
	doc := `{"version":1,"processes":[{"scheduled":{"name":"end","delay":{"piecewise":{"cuts":["30d"],"perDay":[0.02,0.004],"stdErrs":[0.002,0]}},"outcomes":[{"probability":1,"event":{"kind":"ceasefire-collapsed"}}]}}]}`
	m, err := montecarlo.DecodeModel([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	d := m.Processes[0].(*montecarlo.Scheduled).Delay.(montecarlo.Piecewise)
	if len(d.StdErrs) != 2 || d.StdErrs[0] != 0.002 {
		t.Fatalf("decoded %+v", d)
	}
	out, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := montecarlo.DecodeModel(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Processes[0].(*montecarlo.Scheduled).Delay.(montecarlo.Piecewise); len(got.StdErrs) != 2 || got.StdErrs[0] != 0.002 {
		t.Fatalf("round trip %+v", got)
	}
	bad := `{"version":1,"processes":[{"scheduled":{"name":"end","delay":{"piecewise":{"perDay":[0.02],"stdErrs":[0.002,-1]}},"outcomes":[{"probability":1,"event":{"kind":"ceasefire-collapsed"}}]}}]}`
	_, err = montecarlo.DecodeModel([]byte(bad))
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("mismatched standard errors: %v", err)
	}
	t.Log(err)
}
