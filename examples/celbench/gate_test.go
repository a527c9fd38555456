package main

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"strings"
	"testing"
)

var (
	gateSeed      = flag.Uint64("gate.seed", 1, "seed of TestGate's generated timelines")
	gateTimelines = flag.Int("gate.timelines", 10_000, "number of TestGate's generated timelines")
	gateBudget    = flag.Int("gate.budget", 10_000, "TestGate's exhaustive histories times state combinations per condition")
)

// TestGate is the correctness gate: peacekit and CEL (with and without
// OptOptimize) give the same truth value for every condition on every
// history of a small alphabet for each condition, with every combination of
// the states it reads, and on 10,000 generated timelines. It also checks
// that the exhaustive part met every combination of each condition's atom
// values, so that no condition passes on histories that never exercise it.
func TestGate(t *testing.T) {
	g, err := newGate(conditions())
	if err != nil {
		t.Fatal(err)
	}
	budget, timelines := *gateBudget, *gateTimelines
	if testing.Short() {
		budget, timelines = budget/10, timelines/10
	}
	histories, evals := 0, 0
	for i, c := range g.conds {
		cov, err := g.exhaustive(i, budget)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(cov)
		histories += cov.histories
		evals += cov.evaluations
		if !cov.valueBoth || !cov.atomsBoth {
			t.Errorf("%s: exhaustive histories did not make it and each of its atoms both true and false", c.name)
		}
		if !testing.Short() && cov.seen != 1<<cov.atoms {
			t.Errorf("%s: exhaustive histories met %d of the %d combinations of its atom values", c.name,
				cov.seen, 1<<cov.atoms)
		}
	}
	n, err := g.generated(rand.New(rand.NewPCG(*gateSeed, 0)), timelines)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("exhaustive: %d histories, %d evaluations; generated: %d timelines, %d evaluations; %d CEL results compared",
		histories, evals, timelines, n, g.checks)
	for _, d := range g.disagreements {
		t.Error(d)
	}
	if g.failures > maxDisagreements {
		t.Errorf("... %d disagreements in all", g.failures)
	}
}

// TestGateCatchesMistakes checks that the gate has teeth: each CEL
// expression changed in a way a CEL user could get wrong is caught by the
// exhaustive part.
func TestGateCatchesMistakes(t *testing.T) {
	for _, m := range []struct{ cond, old, new string }{
		{"seed-guarantee", "e.at > c[0].at", "e.at >= c[0].at"},              // an attack at the ceasefire's instant
		{"quiet-14d", "size(cf) - 1", "0"},                                   // the first ceasefire event, not the last
		{"ratified-3-of-5", ">= 3", "> 3"},                                   // off by one
		{"monitor-report-72h", "e.at > now", "e.at >= now"},                  // the window's end
		{"ceasefire-30d", "e.at <= now", "e.at < now"},                       // 30 days exactly
		{"nato-on-the-ground", "'US', ", ""},                                 // a group member missing
		{"alleged-unconfirmed", "e.reporter == 'US' &&", ""},                 // the reporter filter dropped
		{"escalation", "e.attribution == 'confirmed' &&", ""},                // the attribution filter dropped
		{"monitored-ceasefire", "'suspended', ", ""},                         // a state missing
		{"guarantee-active", "clause_states['MNF'] == 'in-effect'", "false"}, // a clause ignored
	} {
		conds := conditions()
		found := false
		for i := range conds {
			if conds[i].name == m.cond && strings.Contains(conds[i].cel, m.old) {
				conds[i].cel = strings.Replace(conds[i].cel, m.old, m.new, 1)
				found = true
			}
		}
		if !found {
			t.Fatalf("no condition %s containing %q", m.cond, m.old)
		}
		g, err := newGate(conds)
		if err != nil {
			t.Fatal(err)
		}
		for i := range conds {
			if _, err := g.exhaustive(i, 2000); err != nil {
				t.Fatal(err)
			}
		}
		if g.ok() {
			t.Errorf("%s with %q for %q: the gate found no disagreement", m.cond, m.new, m.old)
		}
	}
}

// TestRun runs the program's quick gate and checks its summary.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, 100, 500, 1, false); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{"exhaustive: 16 conditions", "generated:  100 timelines (seed 1)",
		"peacekit and CEL agree on every evaluation"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("run's output lacks %q:\n%s", want, out.String())
		}
	}
}
