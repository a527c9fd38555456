package coalition_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// The compiled agreement replays like any other: strikes before the
// ceasefire are not "a new attack"; the attack after it activates the
// backstop.
func Example_replay() {
	a, err := parisDraft().Agreement()
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	day := func(d int) time.Time { return time.Date(2026, time.February, d, 0, 0, 0, 0, time.UTC) }
	attack := func(d int) agreement.Event {
		return agreement.Event{At: day(d), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	}
	tr, err := e.Replay(scenario.NewTimeline(day(1),
		attack(2),
		agreement.Event{At: day(5), Kind: agreement.EventKindCeasefireInForce},
		attack(20),
	), day(28))
	if err != nil {
		fmt.Println(err)
		return
	}
	for t := range tr.Transitions() {
		fmt.Printf("%s %s: %s -> %s\n", t.At.Format(time.DateOnly), t.Instance, t.From, t.To)
	}
	// Output:
	// 2026-02-01 coalition-of-the-willing/: signed -> in-force
	// 2026-02-05 coalition-of-the-willing/us-monitoring: dormant -> in-effect
	// 2026-02-05 coalition-of-the-willing/fr-troops: dormant -> in-effect
	// 2026-02-05 coalition-of-the-willing/us-backstop: dormant -> pending
	// 2026-02-20 coalition-of-the-willing/us-backstop: pending -> in-effect
}
