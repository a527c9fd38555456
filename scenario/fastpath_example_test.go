package scenario_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Replay many timelines through one run that records states only, and
// count the outcomes: the way to replay one engine many times (Monte
// Carlo, searches), reusing the run's memory and building no trace.
func ExampleRun_Replay() {
	e, err := scenario.Compile(guarantee())
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Start(time.Date(2026, time.February, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.SetRecording(scenario.RecordStates); err != nil {
		fmt.Println(err)
		return
	}
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	sup := scenario.Instance{Ref: agreement.LocalRef("SUP")}
	outcomes := map[agreement.State]int{}
	// The ceasefire takes effect on the 5th; a Russian attack comes on
	// day 6, 7, ... 15, and support on the third day after it, or never
	// when the attack falls on an even day.
	for attack := 6; attack <= 15; attack++ {
		evs := []agreement.Event{
			{At: d(5), Kind: agreement.EventKindCeasefireInForce},
			{At: d(attack), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
		}
		if attack%2 == 1 {
			evs = append(evs, agreement.Event{At: d(attack + 2), Kind: "support-provided", Actor: "US"})
		}
		if err := r.Replay(scenario.NewTimeline(d(1), evs...), d(28)); err != nil {
			fmt.Println(err)
			return
		}
		s, _, err := r.State(sup)
		if err != nil {
			fmt.Println(err)
			return
		}
		outcomes[s]++
	}
	fmt.Println("fulfilled:", outcomes[agreement.StateFulfilled], "violated:", outcomes[agreement.StateViolated])
	// The agreement's entry into force, and the clause's three moves.
	fmt.Println("transitions in the last replay:", r.Transitions())
	// Output:
	// fulfilled: 5 violated: 5
	// transitions in the last replay: 4
}
