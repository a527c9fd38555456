package montecarlo_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestExpectedBreaches: a standing prohibition of attacks, in effect from
// the start, breached by each attack of a Poisson process of 0.1 a day over
// 100 days: the expected number of breaches is 10, and the mean over 4,000
// runs lies within four standard errors of it; a clause that is not
// standing records none.
func TestExpectedBreaches(t *testing.T) {
	attack := &agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	e, err := scenario.Compile(agreement.Agreement{
		ID: "truce", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}},
		Clauses: []agreement.Clause{
			{ID: "hold", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"B"}, Standing: true,
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "B"}},
			{ID: "once", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"B"}, Action: attack},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Poisson{Name: "attacks", PerDay: 0.1,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "B", Target: "A"}},
	}}
	s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{
		Runs: 4000, Seed: 7, Workers: 2, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Horizon: 100 * agreement.Day,
	})
	if err != nil {
		t.Fatal(err)
	}
	hold, err := s.Breaches(scenario.Instance{Ref: agreement.QualifiedRef("truce", "hold")})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("breaches of the standing clause: mean %.3f, standard error %.4f", hold.Mean(), hold.StdErr())
	if hold.N() != 4000 || math.Abs(hold.Mean()-10) > 4*hold.StdErr() || hold.StdErr() <= 0 {
		t.Errorf("breaches of the standing clause: n %d, mean %v, standard error %v; want a mean near 10", hold.N(), hold.Mean(), hold.StdErr())
	}
	// The Poisson mean equals its variance: the standard error is about
	// sqrt(10/4000).
	if se := hold.StdErr(); math.Abs(se-math.Sqrt(10.0/4000)) > 0.2*math.Sqrt(10.0/4000) {
		t.Errorf("standard error %v, want about %v", se, math.Sqrt(10.0/4000))
	}
	once, err := s.Breaches(scenario.Instance{Ref: agreement.QualifiedRef("truce", "once")})
	if err != nil {
		t.Fatal(err)
	}
	if once.Mean() != 0 {
		t.Errorf("a clause that is not standing: mean breaches %v, want 0", once.Mean())
	}
	if _, err := s.Breaches(scenario.Instance{Ref: agreement.AgreementRef("truce")}); err == nil {
		t.Error("Breaches of an agreement: no error")
	}
}
