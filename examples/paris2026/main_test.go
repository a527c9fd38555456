package main

import (
	"bytes"
	"errors"
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestOutput runs the program and compares what it prints with the golden
// file; run with -update to rewrite the file after a deliberate change.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, model()); err != nil {
		t.Fatalf("run: %v", err)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "output.golden"), out.Bytes(), *update)
	// The same model gives the same bytes: nothing depends on map order.
	var again bytes.Buffer
	if err := run(&again, model()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), again.Bytes()) {
		t.Error("two runs of the same model print different reports")
	}
}

func mustAnalyse(t *testing.T, m Model) *Report {
	t.Helper()
	r, err := analyse(m)
	if err != nil {
		t.Fatalf("analyse: %v", err)
	}
	return r
}

// at returns the state of clause id (qualified) at the end of scenario key
// in version v ("draft statement" or "final communiqué"); ok is false when
// that version has no such clause.
func at(t *testing.T, r *Report, key, v string, ref agreement.Ref) (StateAt, bool) {
	t.Helper()
	for _, sr := range r.Scenarios {
		if sr.Scenario.Key != key {
			continue
		}
		for _, run := range sr.Runs {
			if run.Version == v {
				return run.state(scenario.Instance{Ref: ref})
			}
		}
	}
	t.Fatalf("no run of scenario %s in version %q", key, v)
	return StateAt{}, false
}

const (
	draft = "draft statement"
	final = "final communiqué"
)

// The ids casebook.Paris2026 gives the instruments and the ceasefire.
const (
	jointID      agreement.AgreementID = "joint-declaration"
	trilateralID agreement.AgreementID = "trilateral-declaration"
	ceasefire    agreement.FluentID    = "ceasefire-in-force"
)

var (
	monitoring = agreement.QualifiedRef(jointID, "us-monitoring")
	backstop   = agreement.QualifiedRef(jointID, "us-backstop")
	frTroops   = agreement.QualifiedRef(trilateralID, "fr-troops")
)

func want(t *testing.T, what string, got StateAt, ok bool, state agreement.State, since time.Time) {
	t.Helper()
	if !ok {
		t.Errorf("%s: no such clause, want %s since %s", what, state, agreement.FormatInstant(since))
		return
	}
	if got.State != state || !got.Since.Equal(since) {
		t.Errorf("%s = %s since %s, want %s since %s", what, got.State, sinceText(got.Since), state, sinceText(since))
	}
}

// TestModelAnswers checks the answers the report gives for the seed, from
// the computed values rather than from the text.
func TestModelAnswers(t *testing.T) {
	m := model()
	r := mustAnalyse(t, m)

	// The draft had the US backstop; the final lacks it, and nothing else
	// changed.
	if len(r.Changes) != 1 || r.Changes[0].Agreement != jointID || len(r.Changes[0].Changes) != 1 {
		t.Fatalf("changes = %v, want one change to %s", r.Changes, jointID)
	}
	if c := r.Changes[0].Changes[0]; c.Op != revision.OpRemoved || c.Item != revision.ItemClause || c.ID != "us-backstop" {
		t.Errorf("change = %v, want clause us-backstop removed", c)
	}

	// (a) No ceasefire: nothing binds, whatever the strikes.
	s, ok := at(t, r, "a", final, monitoring)
	want(t, "(a) final us-monitoring", s, ok, agreement.StateDormant, time.Time{})
	s, ok = at(t, r, "a", draft, backstop)
	want(t, "(a) draft us-backstop", s, ok, agreement.StateDormant, time.Time{})
	// (b) A ceasefire that holds: the guarantees bind from the ceasefire;
	// the backstop waits for a new attack, and strikes before the ceasefire
	// do not count.
	ceasefireAt := day(time.February, 1)
	s, ok = at(t, r, "b", final, monitoring)
	want(t, "(b) final us-monitoring", s, ok, agreement.StateInEffect, ceasefireAt)
	s, ok = at(t, r, "b", draft, backstop)
	want(t, "(b) draft us-backstop", s, ok, agreement.StatePending, ceasefireAt)
	s, ok = at(t, r, "b", final, frTroops)
	want(t, "(b) final fr-troops", s, ok, agreement.StateFulfilled, day(time.March, 1))
	// (c) The new attack activates the draft's backstop; the final has none.
	s, ok = at(t, r, "c", draft, backstop)
	want(t, "(c) draft us-backstop", s, ok, agreement.StateInEffect, day(time.March, 15))
	if s, ok := at(t, r, "c", final, backstop); ok {
		t.Errorf("(c) final has us-backstop (%s): it was absent from the final communiqué", s.State)
	}

	// Russia's red line: the troop deployments collide with it, in both
	// versions; in (b) the French deployment crosses it.
	for i, v := range m.Versions {
		var got []string
		for _, c := range r.Collisions[i] {
			got = append(got, string(c.Clause)+"/"+string(c.Performer))
		}
		if w := []string{"fr-troops/FR", "gb-troops/GB"}; !slices.Equal(got, w) {
			t.Errorf("%s: collisions %v, want %v", v.Name, got, w)
		}
	}
	if got := r.Scenarios[1].Runs[1].Crossings; len(got) != 1 || got[0].Event != 3 {
		t.Errorf("(b) red line crossings %v, want the deployment, event #3", got)
	}
	if got := r.Scenarios[0].Runs[1].Crossings; len(got) != 0 {
		t.Errorf("(a) red line crossings %v, want none", got)
	}

	// Russia's demand is met by the cede package only.
	var met []string
	for _, p := range r.Packages {
		if p.Figures.Demands[0].Met {
			met = append(met, p.Package.Name)
		}
	}
	if w := []string{"cede Donbas"}; !slices.Equal(met, w) || r.Baseline.Demands[0].Met {
		t.Errorf("demand met by %v (before any deal: %v), want only %v", met, r.Baseline.Demands[0].Met, w)
	}
	// In scenario (a) Russia takes ground: its control at the end exceeds
	// its control at the start.
	ru := func(figs []agreement.Figure) agreement.Figure {
		i := slices.IndexFunc(figs, func(f agreement.Figure) bool { return f.Party == "RU" })
		return figs[i]
	}
	if end, start := ru(r.Scenarios[0].Runs[1].Territory.Control), ru(r.Baseline.Control); !end.Km2.GreaterThan(start.Km2) {
		t.Errorf("(a) Russia controls %v at the end, %v at the start: want more", end, start)
	}
}

// withCondition returns m with every contribution's condition replaced by
// edit's result, in every version.
func withCondition(m Model, edit func(coalition.Contribution) agreement.Condition) Model {
	m.Versions = slices.Clone(m.Versions)
	for i := range m.Versions {
		c := m.Versions[i].Coalition
		c.Contributions = slices.Clone(c.Contributions)
		for j := range c.Contributions {
			c.Contributions[j].Condition = edit(c.Contributions[j])
		}
		m.Versions[i].Coalition = c
	}
	return m
}

// TestCeasefireTriggerRemoved removes "once a ceasefire is established" from
// every guarantee: the answers change because they are computed. Without
// it, the guarantees bind from the meeting, in the middle of the war, and
// the first strike after it counts as the "new Russian attack" that
// activates the draft's backstop.
func TestCeasefireTriggerRemoved(t *testing.T) {
	m := withCondition(model(), func(ct coalition.Contribution) agreement.Condition {
		if ct.IsBackstop() {
			return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})
		}
		return nil
	})
	r := mustAnalyse(t, m)

	s, ok := at(t, r, "a", final, monitoring)
	want(t, "(a) final us-monitoring without the ceasefire trigger", s, ok, agreement.StateInEffect, m.Start)
	s, ok = at(t, r, "a", draft, backstop)
	want(t, "(a) draft us-backstop without the ceasefire trigger", s, ok, agreement.StateInEffect, day(time.January, 10))
	if got := len(r.Scenarios[0].Runs[1].Bound); got != 6 {
		t.Errorf("(a) final: %d instances bound at the end, want all 6 guarantees", got)
	}

	var with, without bytes.Buffer
	if err := run(&with, model()); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteText(&without); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"    trigger: holds(ceasefire-in-force)",
		"    joint-declaration/us-monitoring   dormant since the start    dormant since the start",
	} {
		if !strings.Contains(with.String(), line) || strings.Contains(without.String(), line) {
			t.Errorf("line %q: want it only in the report with the ceasefire trigger", line)
		}
	}
	const bound = "      US  joint-declaration/us-monitoring   UA  since 2026-01-06"
	if strings.Contains(with.String(), bound) || !strings.Contains(without.String(), bound) {
		t.Errorf("line %q: want it only in the report without the ceasefire trigger", bound)
	}
}

// TestBackstopAntecedentRemoved keeps the ceasefire but drops "in the event
// of a new Russian attack" from the draft's backstop: it then binds from the
// ceasefire, and package coalition no longer counts it as a backstop.
func TestBackstopAntecedentRemoved(t *testing.T) {
	m := withCondition(model(), func(ct coalition.Contribution) agreement.Condition {
		if ct.IsBackstop() {
			return agreement.Holds(ceasefire)
		}
		return ct.Condition
	})
	if got := m.Versions[0].Coalition.Backstop(); len(got) != 0 {
		t.Errorf("draft backstop without the antecedent = %v, want none", got)
	}
	r := mustAnalyse(t, m)
	s, ok := at(t, r, "b", draft, backstop)
	want(t, "(b) draft us-backstop without the antecedent", s, ok, agreement.StateInEffect, day(time.February, 1))
	// The original model: pending, waiting for the new attack.
	s, ok = at(t, mustAnalyse(t, model()), "b", draft, backstop)
	want(t, "(b) draft us-backstop", s, ok, agreement.StatePending, day(time.February, 1))
}

// TestInvalidModel: a contribution by a party the coalition does not declare
// is refused with the validator's error, and nothing is printed.
func TestInvalidModel(t *testing.T) {
	m := model()
	m.Versions = slices.Clone(m.Versions)
	c := m.Versions[1].Coalition
	c.Contributions = slices.Clone(c.Contributions)
	c.Contributions[0].Contributor = "XX"
	m.Versions[1].Coalition = c
	var out bytes.Buffer
	err := run(&out, m)
	if !errors.Is(err, agreement.ErrUnknownParty) {
		t.Fatalf("run(model with unknown contributor) = %v, want ErrUnknownParty", err)
	}
	if !strings.Contains(err.Error(), "contributions[0].contributor") {
		t.Errorf("error %q does not name the path contributions[0].contributor", err)
	}
	if out.Len() != 0 {
		t.Errorf("run printed a report for an invalid model:\n%s", out.String())
	}
}

// The collisions name who performs a commitment: a group's members when
// the action names a group, every debtor of a joint clause.
func TestCollisionsJointAndGroup(t *testing.T) {
	m := model()
	deploy := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
	byGroup := deploy
	byGroup.Group = m.NATO.ID
	a := agreement.Agreement{ID: "extra", Groups: []agreement.Group{m.NATO}, Clauses: []agreement.Clause{
		{ID: "joint", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "DE"}, Joint: true, Action: &deploy},
		{ID: "group", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"}, Action: &byGroup},
	}}
	var got []string
	for _, c := range m.collisions(agreement.Process{Agreements: []agreement.Agreement{a}}) {
		got = append(got, string(c.Clause)+"/"+string(c.Performer))
	}
	if w := []string{"joint/FR", "joint/DE", "group/US", "group/FR", "group/GB", "group/DE"}; !slices.Equal(got, w) {
		t.Errorf("collisions %v, want %v", got, w)
	}
}
