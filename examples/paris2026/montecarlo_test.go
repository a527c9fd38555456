package main

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

func mustSimulate(t *testing.T, m Model, mc MonteCarlo) *MonteCarloResult {
	t.Helper()
	r, err := m.simulate(context.Background(), mc)
	if err != nil {
		t.Fatalf("simulate: %v", err)
	}
	return r
}

// TestMonteCarloOutput compares the Monte Carlo section the program prints
// after the report, and its chart, with the golden files; run with -update
// to rewrite them after a deliberate change. The chart is the one the
// section embeds, and the section does not depend on the number of workers.
func TestMonteCarloOutput(t *testing.T) {
	m := model()
	mc := m.monteCarlo()
	var out bytes.Buffer
	if err := runMonteCarlo(&out, m, mc); err != nil {
		t.Fatalf("runMonteCarlo: %v", err)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "montecarlo.golden.md"), out.Bytes(), *update)

	var chart bytes.Buffer
	if err := mustSimulate(t, m, mc).WriteMermaid(&chart); err != nil {
		t.Fatal(err)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "montecarlo.mmd"), chart.Bytes(), *update)
	if !strings.Contains(out.String(), "```mermaid\n"+chart.String()+"```\n") {
		t.Error("the section does not embed the chart of montecarlo.mmd")
	}

	one := mc
	one.Workers = 1
	var again bytes.Buffer
	if err := runMonteCarlo(&again, m, one); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), again.Bytes()) {
		t.Error("the section differs between 1 and 2 workers")
	}
}

// cumHazard returns the cumulative hazard of a piecewise-constant hazard at
// t days, summed interval by interval.
func cumHazard(p montecarlo.Piecewise, t float64) float64 {
	h, from := 0.0, 0.0
	for i, r := range p.PerDay {
		to := math.Inf(1)
		if i < len(p.Cuts) {
			to = float64(p.Cuts[i]) / float64(agreement.Day)
		}
		if t <= from {
			break
		}
		h += r * (min(t, to) - from)
		from = to
	}
	return h
}

// backstopExact is P(E + A <= T): E the ceasefire's duration under the
// piecewise hazard, A an exponential gap of the given rate to the first
// attack, T in days, by the midpoint rule on the density of A:
// the integral from 0 to T of rate e^(-rate a) (1 - e^(-H(T-a))) da.
func backstopExact(p montecarlo.Piecewise, perDay, T float64) float64 {
	const n = 200000
	h := T / n
	sum := 0.0
	for i := range n {
		a := (float64(i) + 0.5) * h
		sum += perDay * math.Exp(-perDay*a) * (1 - math.Exp(-cumHazard(p, T-a)))
	}
	return sum * h
}

// covers reports whether the 99.9% exact interval of p holds x.
func covers(p montecarlo.Proportion, x float64) bool {
	lo, hi := p.ClopperPearson(0.999)
	return lo <= x && x <= hi
}

// TestMonteCarloClosedForm checks the figures of the table against what
// the model implies without simulation: (a) is the probability that an
// exponential delay of the assumed rate ends within six months,
// 1 - exp(-rate t); (b) the probability that the ceasefire's end (the
// fitted piecewise hazard) plus the gap to the first attack (exponential)
// is at most a year, integrated numerically. The Kaplan-Meier curve of the
// time to activation, censored only at the horizon, equals the direct count
// of the runs not yet in effect.
func TestMonteCarloClosedForm(t *testing.T) {
	m := model()
	mc := m.monteCarlo()
	r := mustSimulate(t, m, mc)
	rows, err := r.Rows()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	within := float64(mc.Within) / float64(agreement.Day)
	if within != 181 {
		t.Errorf("six months after %s = %v days, want 181 (to 2026-07-06)", agreement.FormatInstant(m.Start), within)
	}
	a := 1 - math.Exp(-mc.CeasefirePerDay*within)
	for _, row := range rows[:2] {
		if !covers(row.P, a) || row.P.Trials != mc.Runs {
			t.Errorf("(a) %s: %d/%d, want about %.4f", row.Version, row.P.Successes, row.P.Trials, a)
		}
	}
	b := backstopExact(mc.End.Delay, mc.AttackPerDay, 365)
	if !rows[2].Has || !covers(rows[2].P, b) {
		t.Errorf("(b) %s: %d/%d, want about %.4f", rows[2].Version, rows[2].P.Successes, rows[2].P.Trials, b)
	}
	if rows[3].Has {
		t.Errorf("(b) %s has the backstop: it was absent from the final communiqué", rows[3].Version)
	}

	// The survival curves against the counts at each instant estimated.
	for i, s := range []*montecarlo.Summary{r.FromMeeting.A, r.FromMeeting.B} {
		for _, at := range s.At() {
			p, err := s.Reached(r.guarantee(), agreement.StateInEffect, at)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Curves[i].Curve.Survival(float64(at) / float64(agreement.Day))
			if want := float64(p.Trials-p.Successes) / float64(p.Trials); math.Abs(got-want) > 1e-12 {
				t.Errorf("%s: S(%v) = %v, want %v from the counts", r.Curves[i].Name, at, got, want)
			}
		}
	}
	p, err := r.BackstopRuns.Reached(r.Backstop, agreement.StateInEffect, mc.Horizon)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Curves[2].Curve.Survival(float64(mc.Horizon)/float64(agreement.Day)),
		float64(p.Trials-p.Successes)/float64(p.Trials); math.Abs(got-want) > 1e-12 {
		t.Errorf("%s: S(horizon) = %v, want %v from the counts", r.Curves[2].Name, got, want)
	}
}

// TestMonteCarloVersionsAgree: the guarantees of the draft and of the final
// are the same clauses waiting for the same ceasefire, so on common random
// numbers they enter into effect in exactly the same runs at the same
// times; the draft's runs simulated alone are the draft's runs of the
// comparison; and a final communiqué that kept the backstop would answer (b)
// as the draft does.
func TestMonteCarloVersionsAgree(t *testing.T) {
	m := model()
	mc := m.monteCarlo()
	mc.Runs = 2000
	r := mustSimulate(t, m, mc)
	a, b := r.FromMeeting.A, r.FromMeeting.B
	for _, g := range r.Guarantees {
		for _, at := range a.At() {
			pa, errA := a.Reached(g, agreement.StateInEffect, at)
			pb, errB := b.Reached(g, agreement.StateInEffect, at)
			alone, errC := r.BackstopRuns.Reached(g, agreement.StateInEffect, at)
			if errA != nil || errB != nil || errC != nil {
				t.Fatal(errA, errB, errC)
			}
			if pa != pb || pa != alone {
				t.Errorf("%s by %v: draft %v, final %v, draft alone %v: want equal", g, at, pa, pb, alone)
			}
			paired, err := r.FromMeeting.Paired(g, agreement.StateInEffect, at)
			if err != nil {
				t.Fatal(err)
			}
			if paired.OnlyA != 0 || paired.OnlyB != 0 {
				t.Errorf("%s by %v: %d runs only in the draft, %d only in the final, want none", g, at,
					paired.OnlyA, paired.OnlyB)
			}
		}
	}
	target := montecarlo.Target{Instance: r.guarantee(), State: agreement.StateInEffect}
	if ta, tb := a.TimeToState(target), b.TimeToState(target); !slices.Equal(ta.Events, tb.Events) || ta.Censored != tb.Censored {
		t.Error("the times to the guarantees' entry into effect differ between the draft and the final")
	}

	// The final with the draft's clauses: (b) as the draft's, run for run.
	kept := m
	kept.Versions = []Version{m.Versions[0], m.Versions[0]}
	kept.Versions[1].Name = m.Versions[1].Name
	rk := mustSimulate(t, kept, mc)
	rows, err := rk.Rows()
	if err != nil {
		t.Fatal(err)
	}
	if !rows[3].Has || rows[3].P != rows[2].P {
		t.Errorf("(b) with the backstop kept: final %v (has it: %v), draft %v: want equal", rows[3].P, rows[3].Has, rows[2].P)
	}
	if p, err := rk.FromCeasefire.Paired(rk.Backstop, agreement.StateInEffect, mc.Year); err != nil ||
		p.OnlyA != 0 || p.OnlyB != 0 {
		t.Errorf("(b) with the backstop kept: paired %+v, %v: want no run that differs", p, err)
	}
}

// TestMonteCarloDegenerate: with no ceasefire nothing activates; with no
// attack the backstop is never triggered though the guarantees are; with
// a ceasefire that never ends the backstop waits for ever too.
func TestMonteCarloDegenerate(t *testing.T) {
	m := model()
	base := m.monteCarlo()
	base.Runs = 500
	count := func(mc MonteCarlo) []MonteCarloRow {
		t.Helper()
		rows, err := mustSimulate(t, m, mc).Rows()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}

	none := base
	none.CeasefirePerDay = 0
	if rows := count(none); rows[0].P.Successes != 0 || rows[1].P.Successes != 0 {
		t.Errorf("no ceasefire: guarantees in effect in %v and %v runs, want none", rows[0].P, rows[1].P)
	}
	calm := base
	calm.AttackPerDay = 0
	if rows := count(calm); rows[2].P.Successes != 0 || rows[0].P.Successes == 0 {
		t.Errorf("no attack: backstop triggered %v, guarantees %v: want none and some", rows[2].P, rows[0].P)
	}
	lasting := base
	lasting.End.Delay = montecarlo.Piecewise{PerDay: []float64{0}}
	if rows := count(lasting); rows[2].P.Successes != 0 {
		t.Errorf("a ceasefire that never ends: backstop triggered %v, want never", rows[2].P)
	}
	// A certain, immediate ceasefire: every run has the guarantees in
	// effect within six months.
	sure := base
	sure.CeasefirePerDay = 1e9
	if rows := count(sure); rows[0].P.Successes != rows[0].P.Trials {
		t.Errorf("immediate ceasefire: guarantees in effect %v, want every run", rows[0].P)
	}
}

// TestMonteCarloRefused: a model with one version is refused with an error,
// and nothing is written.
func TestMonteCarloRefused(t *testing.T) {
	m := model()
	m.Versions = m.Versions[:1]
	var out bytes.Buffer
	err := runMonteCarlo(&out, m, m.monteCarlo())
	if err == nil || !strings.Contains(err.Error(), "need a draft and a final") {
		t.Errorf("runMonteCarlo(one version) = %v, want an error", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q", out.String())
	}
}
