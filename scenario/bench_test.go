package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// benchKinds is the number of event kinds the benchmark agreements use.
const benchKinds = 50

func benchKind(i int) agreement.EventKind {
	return agreement.EventKind(fmt.Sprintf("kind-%d", i%benchKinds))
}

// benchAgreement returns an agreement of n clauses over benchKinds event
// kinds and two parties, mixing obligations with deadlines, prohibitions,
// antecedents, fluents, Since and Within atoms and clause dependencies, so
// that a timeline over those kinds keeps causing transitions. extra adds
// clauses that depend only on kinds no event has.
func benchAgreement(n, extra int) agreement.Agreement {
	a := agreement.Agreement{
		ID:            "bench",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "A"}, {ID: "B"}},
		Fluents: []agreement.Fluent{{
			ID:         "calm",
			Initiates:  []agreement.Pattern{{Kind: benchKind(0)}},
			Terminates: []agreement.Pattern{{Kind: benchKind(1)}},
		}},
	}
	for i := range n {
		k := func(j int) agreement.Pattern { return agreement.Pattern{Kind: benchKind(i + j)} }
		c := agreement.Clause{
			ID:      agreement.ClauseID(fmt.Sprintf("C%d", i)),
			Kind:    agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"A"},
			Action:  &agreement.Pattern{Kind: benchKind(i + 3)},
		}
		switch i % 5 {
		case 0:
			c.Trigger = agreement.Happened(k(1))
			c.Deadline.After = 3 * time.Hour
		case 1:
			c.Trigger = agreement.All(agreement.Holds("calm"), agreement.Happened(k(2)))
			c.Antecedent = agreement.Happened(k(5))
		case 2:
			c.Kind = agreement.DeonticProhibition
			c.Trigger = agreement.Since(k(1), 2*time.Hour)
			c.Expiry.After = 6 * time.Hour
		case 3:
			c.Trigger = agreement.Any(agreement.Within(k(4), time.Hour), agreement.ClauseIn(agreement.LocalRef(agreement.ClauseID(fmt.Sprintf("C%d", i-1))), agreement.StateViolated, agreement.StateFulfilled))
			c.Violation = agreement.Happened(k(7))
		case 4:
			c.Debtors = []agreement.PartyID{"A", "B"}
			c.Trigger = agreement.Before(k(2), k(6))
			c.Deadline.After = 5 * time.Hour
		}
		a.Clauses = append(a.Clauses, c)
	}
	for i := range extra {
		a.Clauses = append(a.Clauses, agreement.Clause{
			ID:      agreement.ClauseID(fmt.Sprintf("X%d", i)),
			Kind:    agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"A"},
			Action:  &agreement.Pattern{Kind: "never-happens"},
			Trigger: agreement.All(agreement.Happened(agreement.Pattern{Kind: "unrelated", Actor: "B"}),
				agreement.Since(agreement.Pattern{Kind: "unrelated"}, time.Hour)),
		})
	}
	return a
}

var benchStart = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// benchEvents returns n events cycling through the kinds, an event every 20
// minutes, alternating actors.
func benchEvents(n int) []agreement.Event {
	evs := make([]agreement.Event, n)
	for i := range evs {
		actor := agreement.PartyID("A")
		if i%3 == 0 {
			actor = "B"
		}
		evs[i] = agreement.Event{At: benchStart.Add(time.Duration(i+1) * 20 * time.Minute),
			Kind: benchKind(i*7 + i/benchKinds), Actor: actor}
	}
	return evs
}

// BenchmarkReplay replays timelines of 1e3, 1e4 and 1e5 events over 100 and
// 1,000 clauses, recording the trace. It reports ns/event: flat as the
// timeline grows means replay cost grows linearly with events.
func BenchmarkReplay(b *testing.B) {
	for _, clauses := range []int{100, 1000} {
		e, err := scenario.Compile(benchAgreement(clauses, 0))
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range []int{1_000, 10_000, 100_000} {
			evs := benchEvents(n)
			tl := scenario.NewTimeline(benchStart, evs...)
			end := evs[n-1].At.Add(24 * time.Hour)
			b.Run(fmt.Sprintf("clauses=%d/events=%d", clauses, n), func(b *testing.B) {
				b.ReportAllocs()
				transitions := 0
				for b.Loop() {
					tr, err := e.Replay(tl, end)
					if err != nil {
						b.Fatal(err)
					}
					transitions = 0
					for range tr.Transitions() {
						transitions++
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/event")
				b.ReportMetric(float64(transitions), "transitions")
			})
		}
	}
}

// BenchmarkUnrelatedClauses applies one event (and closes its instant) to a
// run of an agreement of 100 clauses, and to one with 1,000 more clauses that
// never depend on it: the index keeps the cost the same.
func BenchmarkUnrelatedClauses(b *testing.B) {
	for _, extra := range []int{0, 1000} {
		e, err := scenario.Compile(benchAgreement(100, extra))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("unrelated=%d", extra), func(b *testing.B) {
			r, err := e.Start(benchStart)
			if err != nil {
				b.Fatal(err)
			}
			at := benchStart
			if err := r.AdvanceTo(at); err != nil { // the first evaluation of every clause
				b.Fatal(err)
			}
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				at = at.Add(time.Minute)
				i++
				if err := r.Apply(agreement.Event{At: at, Kind: benchKind(i), Actor: "A"}); err != nil {
					b.Fatal(err)
				}
				if err := r.AdvanceTo(at); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUnrelatedAgreements applies one event that no agreement mentions
// (and closes its instant) to a run of a process of one agreement, and of
// 2,000: an instant costs nothing per agreement it leaves alone.
func BenchmarkUnrelatedAgreements(b *testing.B) {
	for _, n := range []int{1, 2000} {
		p := agreement.Process{}
		for i := range n {
			a := benchAgreement(4, 0)
			a.ID = agreement.AgreementID(fmt.Sprintf("a%d", i))
			p.Agreements = append(p.Agreements, a)
		}
		e, err := scenario.CompileProcess(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("agreements=%d", n), func(b *testing.B) {
			r, err := e.Start(benchStart)
			if err != nil {
				b.Fatal(err)
			}
			at := benchStart
			if err := r.AdvanceTo(at); err != nil { // the first evaluation of everything
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				at = at.Add(time.Minute)
				if err := r.Apply(agreement.Event{At: at, Kind: "unrelated", Actor: "A"}); err != nil {
					b.Fatal(err)
				}
				if err := r.AdvanceTo(at); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
