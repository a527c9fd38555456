package scenariotest_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// A ceasefire agreement: Russia must withdraw within three days of the
// ceasefire and must not attack for ten days after it. The ceasefire comes
// on day 1, no withdrawal follows, and no attack: the withdrawal is Violated
// by its deadline, the prohibition Fulfilled at its expiry. Classify names
// the lifecycle edge each transition took; a Coverage counts the edges a
// property run has seen.
func Example() {
	cf := agreement.FluentID("ceasefire-in-force")
	a := agreement.Agreement{
		ID:            "ceasefire",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Fluents: []agreement.Fluent{{ID: cf,
			Initiates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}}}},
		Clauses: []agreement.Clause{
			{ID: "W1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action:   &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
				Trigger:  agreement.Holds(cf),
				Deadline: agreement.Deadline{After: 3 * agreement.Day}},
			{ID: "P1", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"RU"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindArmedAttack},
				Trigger: agreement.Holds(cf),
				Expiry:  agreement.Deadline{After: 10 * agreement.Day}},
		},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	start := scenariotest.DefaultStart()
	tl := scenario.NewTimeline(start, agreement.Event{At: start.Add(agreement.Day), Kind: agreement.EventKindCeasefireInForce})
	tr, err := e.Replay(tl, start.Add(30*agreement.Day))
	if err != nil {
		fmt.Println(err)
		return
	}
	for x := range tr.Transitions() {
		edge, ok := scenariotest.Classify(x)
		fmt.Printf("%-13s %s: %s (an edge: %t)\n", x.Instance, x.At.Format(time.DateOnly), edge, ok)
	}
	cov := scenariotest.NewCoverage()
	cov.Observe(tr)
	fmt.Printf("%d of %d lifecycle edges not seen yet\n", len(cov.Missing()), len(scenariotest.Edges()))
	// Output:
	// ceasefire/    2026-01-01: agreement signed -> in-force (entry-into-force) (an edge: true)
	// ceasefire/W1  2026-01-02: clause dormant -> in-effect (trigger) (an edge: true)
	// ceasefire/P1  2026-01-02: clause dormant -> in-effect (trigger) (an edge: true)
	// ceasefire/W1  2026-01-05: clause in-effect -> violated (deadline) (an edge: true)
	// ceasefire/P1  2026-01-12: clause in-effect -> fulfilled (expiry) (an edge: true)
	// 39 of 43 lifecycle edges not seen yet
}

// IsEdge answers whether the lifecycle has an edge between two states, for
// clauses and for agreements.
func ExampleIsEdge() {
	fmt.Println(scenariotest.IsEdge(false, agreement.StateDormant, agreement.StateInEffect))
	fmt.Println(scenariotest.IsEdge(false, agreement.StateFulfilled, agreement.StateInEffect))
	fmt.Println(scenariotest.IsEdge(true, agreement.StateSuspended, agreement.StateInForce))
	fmt.Println(scenariotest.IsEdge(true, agreement.StateInForce, agreement.StateSigned))
	// Output:
	// true
	// false
	// true
	// false
}
