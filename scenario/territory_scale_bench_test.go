package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// scaleTerritorial returns a signed agreement in force from its start, with
// no clause, whose territory has n areas, each controlled 70% by RU and 30%
// by UA.
func scaleTerritorial(n int) agreement.Agreement {
	a := agreement.Agreement{
		ID:            "scale",
		SigningStatus: agreement.SigningStatusSigned,
		InForceAt:     agreement.Deadline{After: time.Hour},
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}},
	}
	for k := range n {
		a.Territory.Areas = append(a.Territory.Areas, agreement.Area{ID: agreement.AreaID(fmt.Sprintf("area-%d", k)),
			Size: pct(fmt.Sprint(10 * (k + 1))), Sovereignty: shares("UA", "100"), Control: shares("RU", "70", "UA", "30")})
	}
	return a
}

// scaleControlChange returns the i-th control change of the benchmark: 10
// points of control of one area (a different one each time, 97 apart) move
// from RU to UA, then back, so that the shares never run out.
func scaleControlChange(i, areas int, at time.Time) agreement.Event {
	from, to := agreement.PartyID("RU"), agreement.PartyID("UA")
	if (i/areas)%2 == 1 {
		from, to = to, from
	}
	return agreement.Event{At: at, Kind: agreement.EventKindControlChanged, Actor: to, Target: from,
		Area:       agreement.AreaID(fmt.Sprintf("area-%d", i*97%areas)),
		Quantities: []agreement.Quantity{{Value: pct("10"), Unit: agreement.UnitPercent}}}
}

// BenchmarkControlChangeScaling measures one control change, as the
// territory's number of areas grows: each iteration applies a
// control-changed event on one area to a run whose agreement is in force
// and closes its instant. The run keeps growing (one event and one change
// of territory more per iteration) rather than being forked per iteration,
// so that the figure is the change itself and not the copy a fork makes of
// the run's state. The events are made before the timer starts.
func BenchmarkControlChangeScaling(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("areas=%d", n), func(b *testing.B) {
			e, err := scenario.Compile(scaleTerritorial(n))
			if err != nil {
				b.Fatal(err)
			}
			r, err := e.Start(benchStart)
			if err != nil {
				b.Fatal(err)
			}
			at := benchStart.Add(2 * time.Hour) // in force from an hour after the start
			if err := r.AdvanceTo(at); err != nil {
				b.Fatal(err)
			}
			if s, err := r.Trace().State(scenario.Instance{Ref: agreement.AgreementRef("scale")}, at); s != agreement.StateInForce {
				b.Fatalf("agreement %s (%v), want in force", s, err)
			}
			// Events for more iterations than b.Loop runs are made on
			// demand, in blocks, with the timer stopped.
			var evs []agreement.Event
			i, made := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				if i == len(evs) {
					b.StopTimer()
					evs, i = evs[:0], 0
					for range 4096 {
						made++
						evs = append(evs, scaleControlChange(made, n, at.Add(time.Duration(made)*time.Minute)))
					}
					b.StartTimer()
				}
				ev := evs[i]
				i++
				if err := r.Apply(ev); err != nil {
					b.Fatal(err)
				}
				if err := r.AdvanceTo(ev.At); err != nil {
					b.Fatal(err)
				}
			}
			if rej := r.Trace().Rejections(); len(rej) > 0 {
				b.Fatalf("rejected: %v", rej[0].Err)
			}
		})
	}
}
