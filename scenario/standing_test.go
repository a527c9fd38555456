package scenario_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Standings lists the agreement, then each clause instance with the party it
// binds: a clause binding several debtors severally once per debtor, a joint
// clause with no single debtor, a clause of one debtor with that debtor.
func TestStandings(t *testing.T) {
	day := time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)
	act := func(kind agreement.EventKind) *agreement.Pattern { return &agreement.Pattern{Kind: kind} }
	a := agreement.Agreement{
		ID:         "a",
		Parties:    []agreement.Party{{ID: "UA"}, {ID: "FR"}, {ID: "GB"}},
		Signatures: []agreement.Signature{{Party: "UA"}},
		Clauses: []agreement.Clause{
			{ID: "several", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"},
				Creditors: []agreement.PartyID{"UA"}, Action: act("troops-sent")},
			{ID: "joint", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"}, Joint: true,
				Action: act("cell-set-up")},
			{ID: "one", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: act("report-filed"), Trigger: agreement.Happened(agreement.Pattern{Kind: "ceasefire"})},
		},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := e.Replay(scenario.NewTimeline(day, agreement.Event{At: day.Add(agreement.Day), Kind: "ceasefire"}),
		day.Add(2*agreement.Day))
	if err != nil {
		t.Fatal(err)
	}
	got, err := tr.Standings(day.Add(2 * agreement.Day))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		inst   string
		state  agreement.State
		since  time.Time
		debtor agreement.PartyID
		bound  bool
	}
	want := []row{
		{"a/", agreement.StateInForce, day, "", false},
		{"a/several[FR]", agreement.StateInEffect, day, "FR", true},
		{"a/several[GB]", agreement.StateInEffect, day, "GB", true},
		{"a/joint", agreement.StateInEffect, day, "", true},
		{"a/one", agreement.StateInEffect, day.Add(agreement.Day), "UA", true},
	}
	if len(got) != len(want) {
		t.Fatalf("Standings() returned %d standings, want %d: %v", len(got), len(want), got)
	}
	for k, w := range want {
		g := got[k]
		if g.Instance.String() != w.inst || g.State != w.state || !g.Since.Equal(w.since) || g.Debtor != w.debtor ||
			g.Bound() != w.bound {
			t.Errorf("standing %d = %s %s since %s debtor %q bound %t; want %s %s since %s debtor %q bound %t", k,
				g.Instance, g.State, g.Since, g.Debtor, g.Bound(), w.inst, w.state, w.since, w.debtor, w.bound)
		}
	}
	if c := got[1].Creditors; len(c) != 1 || c[0] != "UA" {
		t.Errorf("creditors of several[FR] = %v, want [UA]", c)
	}
	if _, err := (*scenario.Trace)(nil).Standings(day); err == nil {
		t.Error("Standings on a nil trace: no error")
	}
}
