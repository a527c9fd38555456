package montecarlo_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/survival"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// ceasefireFile returns the path of the ETH/PRIO ceasefire file:
// $PEACEKIT_CEASEFIRES_CSV (CI sets it), else shared/data/ceasefires.csv in
// the module root's parent; it skips when neither names a file.
func ceasefireFile(t *testing.T) string {
	t.Helper()
	const env = "PEACEKIT_CEASEFIRES_CSV"
	if p := os.Getenv(env); p != "" {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skipf("%s unset and no module root", env)
		}
		dir = filepath.Dir(dir)
	}
	p := filepath.Join(dir, "..", "shared", "data", "ceasefires.csv")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s unset and no %s", env, p)
	}
	return p
}

// TestCeasefireCalibrations refits the shipped hazards from the real file
// and checks them against it: the same rates, and a bare ceasefire
// simulated under each (40,000 runs), with the fitted rates and with their
// uncertainty drawn per run, surviving 30, 90 and 365 days within the
// pointwise 95% Kaplan-Meier band of the observations it was fitted to.
func TestCeasefireCalibrations(t *testing.T) {
	f, err := os.Open(ceasefireFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	groups := map[string][]survival.Observation{}
	for c, err := range ceasefire.ReadCeasefires(f) {
		if err != nil {
			t.Fatal(err)
		}
		o, ok := c.Observation()
		if !ok {
			continue
		}
		groups["all ceasefires"] = append(groups["all ceasefires"], o)
		switch c.Written {
		case 0:
			groups["written code 0"] = append(groups["written code 0"], o)
		case 1, 2:
			groups["written code 1 or 2"] = append(groups["written code 1 or 2"], o)
		}
	}
	for _, cal := range montecarlo.CeasefireCalibrations() {
		t.Run(cal.Name, func(t *testing.T) {
			obs := groups[cal.Name]
			cuts := make([]float64, len(cal.Delay.Cuts))
			for i, c := range cal.Delay.Cuts {
				cuts[i] = float64(c / agreement.Day)
			}
			fit, err := survival.FitPiecewise(obs, cuts)
			if err != nil {
				t.Fatal(err)
			}
			events := 0
			for _, n := range fit.Events {
				events += n
			}
			same := len(obs) == cal.N && events == cal.Events && len(fit.Rates) == len(cal.Delay.PerDay)
			for j := range fit.Rates {
				same = same && j < len(cal.Delay.PerDay) && math.Abs(fit.Rates[j]-cal.Delay.PerDay[j]) <= 1e-12*fit.Rates[j] &&
					math.Abs(fit.StdErrs[j]-cal.StdErrs[j]) <= 1e-12*fit.StdErrs[j]
			}
			if !same {
				t.Fatalf("the shipped calibration differs from the data: n %d, events %d,\nrates %s,\nstd errs %s",
					len(obs), events, goFloats(fit.Rates), goFloats(fit.StdErrs))
			}
			km, err := survival.KaplanMeier(obs)
			if err != nil {
				t.Fatal(err)
			}
			at := []time.Duration{30 * agreement.Day, 90 * agreement.Day, 365 * agreement.Day}
			// The fitted rates, and the same with their uncertainty
			// carried into the runs.
			for _, d := range []montecarlo.Piecewise{cal.Delay, cal.Uncertain()} {
				sim := simulateBareCeasefire(t, d, at)
				for i, a := range at {
					days := float64(a / agreement.Day)
					lo, hi := km.Band(days, 0.95)
					t.Logf("S(%v days), standard errors %v: simulated %.4f, Kaplan-Meier %.4f [%.4f, %.4f], fitted %.4f",
						days, d.StdErrs != nil, sim[i], km.Survival(days), lo, hi, fit.Survival(days))
					if s := sim[i]; s < lo || s > hi {
						t.Errorf("S(%v days): simulated %.4f, outside the Kaplan-Meier band [%.4f, %.4f] (estimate %.4f)",
							days, s, lo, hi, km.Survival(days))
					}
				}
			}
		})
	}
}

// simulateBareCeasefire returns the simulated probability that a ceasefire
// whose end comes after the delay d has not ended by each instant of at.
func simulateBareCeasefire(t *testing.T, d montecarlo.Piecewise, at []time.Duration) []float64 {
	t.Helper()
	e, err := scenario.Compile(agreement.Agreement{
		ID: "truce", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}},
		Clauses: []agreement.Clause{{ID: "ceasefire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"A", "B"},
			Joint: true, Action: &agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Name: "end", Delay: d,
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}},
	}}
	s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{
		Runs: 40000, Seed: 2026, Workers: 2, Start: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		Horizon: at[len(at)-1] + agreement.Day, At: at,
	})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float64, len(at))
	for i, a := range at {
		p, err := s.Reached(scenario.Instance{Ref: agreement.QualifiedRef("truce", "ceasefire")}, agreement.StateViolated, a)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = 1 - p.Estimate()
	}
	return out
}

// goFloats writes fs as a Go literal, every digit kept.
func goFloats(fs []float64) string {
	var b strings.Builder
	b.WriteString("{")
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	}
	b.WriteString("}")
	return fmt.Sprint(b.String())
}
