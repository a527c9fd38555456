package scenario_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// guarantee is a one-clause agreement: the United States must support
// Ukraine if Russia attacks again once a ceasefire is in force.
func guarantee() agreement.Agreement {
	return agreement.Agreement{
		ID:            "guarantee",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}},
		Fluents: []agreement.Fluent{{ID: "ceasefire",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: []agreement.Clause{{
			ID: "SUP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Creditors: []agreement.PartyID{"UA"},
			Action:     &agreement.Pattern{Kind: "support-provided"},
			Trigger:    agreement.Holds("ceasefire"),
			Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}),
			Deadline:   agreement.Deadline{After: 72 * time.Hour},
		}},
	}
}

// guaranteeTrace replays guarantee over February 2026, from the 1st to the
// 28th: a ceasefire on the 5th, a new Russian attack on the 20th.
func guaranteeTrace() (*scenario.Engine, *scenario.Trace) {
	e, _ := scenario.Compile(guarantee())
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	tr, _ := e.Replay(scenario.NewTimeline(d(1),
		agreement.Event{At: d(5), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: d(20), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
	), d(28))
	return e, tr
}

// Replay a timeline: strikes, a ceasefire, a new attack; the support
// obligation becomes binding only with the attack after the ceasefire, and is
// violated when its 72 hours pass.
func ExampleEngine_Replay() {
	e, err := scenario.Compile(guarantee())
	if err != nil {
		fmt.Println(err)
		return
	}
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	tl := scenario.NewTimeline(d(1),
		agreement.Event{At: d(2), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
		agreement.Event{At: d(5), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: d(20), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
	)
	tr, err := e.Replay(tl, d(28))
	if err != nil {
		fmt.Println(err)
		return
	}
	for t := range tr.Transitions() {
		fmt.Printf("%s %s: %s -> %s (%s)\n", t.At.Format(time.DateOnly), t.Instance, t.From, t.To, t.Cause.Kind)
	}
	// Output:
	// 2026-02-01 guarantee/: signed -> in-force (start)
	// 2026-02-05 guarantee/SUP: dormant -> pending (event)
	// 2026-02-20 guarantee/SUP: pending -> in-effect (event)
	// 2026-02-23 guarantee/SUP: in-effect -> violated (deadline)
}

// Feed events one at a time and let the clock run: Since turns true 30 days
// after the ceasefire with no further event.
func ExampleRun() {
	a := agreement.Agreement{
		ID:            "ceasefire",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "RU"}},
		Clauses: []agreement.Clause{{
			ID: "W1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
			Trigger: agreement.Since(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}, 30*agreement.Day),
		}},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	r, _ := e.Start(start)
	_ = r.Apply(agreement.Event{At: start.Add(24 * time.Hour), Kind: agreement.EventKindCeasefireInForce})
	w1, _ := e.Instance(agreement.LocalRef("W1"), "")
	for _, days := range []int{30, 31} {
		at := start.Add(time.Duration(days) * agreement.Day)
		_ = r.AdvanceTo(at)
		s, _ := r.Trace().State(w1, at)
		fmt.Println(at.Format(time.DateOnly), s)
	}
	// Output:
	// 2026-03-31 dormant
	// 2026-04-01 in-effect
}

// Fork a run to compare two futures that share their past.
func ExampleRun_Fork() {
	e, _ := scenario.Compile(guarantee())
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	r, _ := e.Start(d(1))
	_ = r.Apply(agreement.Event{At: d(5), Kind: agreement.EventKindCeasefireInForce})
	_ = r.AdvanceTo(d(6))

	attacked := r.Fork()
	_ = attacked.Apply(agreement.Event{At: d(10), Kind: agreement.EventKindArmedAttack, Actor: "RU"})
	_ = attacked.AdvanceTo(d(11))
	_ = r.AdvanceTo(d(11))

	sup, _ := e.Instance(agreement.LocalRef("SUP"), "")
	calm, _ := r.Trace().State(sup, d(11))
	attack, _ := attacked.Trace().State(sup, d(11))
	fmt.Println("ceasefire holds:", calm)
	fmt.Println("new attack:", attack)
	// Output:
	// ceasefire holds: pending
	// new attack: in-effect
}

// Explain why a clause is in its state: the transitions that brought it
// there, with each deciding condition's node values and the events behind
// them, and the conditions still open.
func ExampleTrace_Explain() {
	e, _ := scenario.Compile(guarantee())
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	tr, _ := e.Replay(scenario.NewTimeline(d(1),
		agreement.Event{At: d(2), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
		agreement.Event{At: d(5), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: d(20), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
	), d(28))
	sup, _ := e.Instance(agreement.LocalRef("SUP"), "")
	x, _ := tr.Explain(sup, d(21))
	fmt.Print(x)
	// Output:
	// guarantee/SUP at 2026-02-21T00:00:00Z: in-effect since 2026-02-20T00:00:00Z
	//   dormant -> pending at 2026-02-05T00:00:00Z (event: event #1 ceasefire-in-force at 2026-02-05T00:00:00Z)
	//     trigger:
	//       holds(ceasefire) = true  [event #1 ceasefire-in-force at 2026-02-05T00:00:00Z]
	//   pending -> in-effect at 2026-02-20T00:00:00Z (event: event #2 armed-attack by RU at 2026-02-20T00:00:00Z)
	//     antecedent (events after 2026-02-05T00:00:00Z):
	//       happened(armed-attack actor=RU) = true  [event #2 armed-attack by RU at 2026-02-20T00:00:00Z]
	//   deadline: after 72h
	//   open at 2026-02-21T00:00:00Z:
	//     fulfilment (events after 2026-02-20T00:00:00Z):
	//       happened(support-provided actor=US) = false
}
