package scenariotest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestDownstreamUsage is the README's example of a downstream test: a
// guarantee triggered by a ceasefire is never in effect before one, on every
// generated timeline.
func TestDownstreamUsage(t *testing.T) {
	a := agreement.Agreement{
		ID: "guarantee", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "FR"}},
		Fluents: []agreement.Fluent{{ID: "ceasefire",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: []agreement.Clause{{ID: "G1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"},
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed}, Trigger: agreement.Holds("ceasefire")}},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	cfg := scenariotest.TimelineConfig{}
	rapid.Check(t, func(t *rapid.T) {
		tl := scenariotest.AgreementTimeline(a, cfg).Draw(t, "timeline")
		tr, err := e.Replay(tl, cfg.End())
		if err != nil {
			t.Fatal(err)
		}
		scenariotest.AssertTransitionsValid(t, tr) // every transition is an edge of the lifecycle
		scenariotest.AssertNeverInEffectBefore(t, tr, agreement.EventKindCeasefireInForce, agreement.LocalRef("G1"))
	})
}
