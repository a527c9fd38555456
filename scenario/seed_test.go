package scenario_test

import (
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// seed models the guarantees of the January 2026 Paris meeting, as the
// press reported them: "the security assurances ... would only be activated
// once a ceasefire is established"; Britain and France would send troops
// "following a ceasefire"; and the draft statement's US commitment to
// "support" the multinational force "in the event of a new Russian attack".
func seed() agreement.Agreement {
	cf := agreement.FluentID("ceasefire-in-force")
	return agreement.Agreement{
		ID:            "paris-2026",
		SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "US", Roles: []agreement.Role{agreement.RoleMonitor}},
			{ID: "FR", Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "GB", Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "DE", Roles: []agreement.Role{agreement.RoleGuarantor}},
		},
		Fluents: []agreement.Fluent{{
			ID:         cf,
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
		}},
		Clauses: []agreement.Clause{
			{
				ID: "MON", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"},
				Action:  &agreement.Pattern{Kind: "monitoring-established"},
				Trigger: agreement.Holds(cf),
			},
			{
				ID: "MNF", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
				Trigger: agreement.Holds(cf),
			},
			{
				ID: "SUP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"},
				Action:     &agreement.Pattern{Kind: "support-provided"},
				Trigger:    agreement.Holds(cf),
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}),
			},
		},
	}
}

func day(d int) time.Time { return time.Date(2026, time.January, d, 12, 0, 0, 0, time.UTC) }

func strike(d int) agreement.Event {
	return agreement.Event{At: day(d), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
}

func mustReplay(t *testing.T, e *scenario.Engine, end time.Time, evs ...agreement.Event) *scenario.Trace {
	t.Helper()
	tr, err := e.Replay(scenario.NewTimeline(day(1), evs...), end)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func state(t *testing.T, tr *scenario.Trace, clause agreement.ClauseID, debtor agreement.PartyID, at time.Time) agreement.State {
	t.Helper()
	s, err := tr.State(scenario.Instance{Ref: agreement.LocalRef(clause), Debtor: debtor}, at)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeedGuarantees(t *testing.T) {
	e := mustCompile(t, seed())
	// No ceasefire while strikes continue: every guarantee stays Dormant.
	tr := mustReplay(t, e, day(20), strike(2), strike(5), strike(9))
	for _, c := range []struct {
		id     agreement.ClauseID
		debtor agreement.PartyID
	}{{"MON", ""}, {"MNF", "FR"}, {"MNF", "GB"}, {"SUP", ""}} {
		if got := state(t, tr, c.id, c.debtor, day(20)); got != agreement.StateDormant {
			t.Errorf("no ceasefire: %s[%s] = %s, want dormant", c.id, c.debtor, got)
		}
	}

	// A ceasefire after the strikes: the guarantees bind, but the strikes
	// before it do not count as a new attack.
	ceasefire := agreement.Event{At: day(10), Kind: agreement.EventKindCeasefireInForce}
	tr = mustReplay(t, e, day(20), strike(2), strike(5), strike(9), ceasefire)
	if got := state(t, tr, "MON", "", day(10)); got != agreement.StateInEffect {
		t.Errorf("after ceasefire: MON = %s, want in-effect", got)
	}
	if got := state(t, tr, "MON", "", day(9)); got != agreement.StateDormant {
		t.Errorf("before ceasefire: MON = %s, want dormant", got)
	}
	if got := state(t, tr, "MNF", "FR", day(11)); got != agreement.StateInEffect {
		t.Errorf("after ceasefire: MNF[FR] = %s, want in-effect", got)
	}
	if got := state(t, tr, "SUP", "", day(20)); got != agreement.StatePending {
		t.Errorf("ceasefire, old strikes only: SUP = %s, want pending", got)
	}

	// A new attack after the ceasefire activates the support commitment.
	tr = mustReplay(t, e, day(20), strike(2), strike(9), ceasefire, strike(15))
	if got := state(t, tr, "SUP", "", day(14)); got != agreement.StatePending {
		t.Errorf("before the new attack: SUP = %s, want pending", got)
	}
	if got := state(t, tr, "SUP", "", day(15)); got != agreement.StateInEffect {
		t.Errorf("after the new attack: SUP = %s, want in-effect", got)
	}
	x, err := tr.Explain(scenario.Instance{Ref: agreement.LocalRef("SUP")}, day(16))
	if err != nil {
		t.Fatal(err)
	}
	s := x.String()
	for _, want := range []string{"ceasefire-in-force at 2026-01-10T12:00:00Z", "armed-attack by RU against UA at 2026-01-15T12:00:00Z"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation does not name %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "2026-01-09") || strings.Contains(s, "2026-01-02") {
		t.Errorf("explanation names a strike from before the ceasefire:\n%s", s)
	}
	t.Log("\n" + s)
}
