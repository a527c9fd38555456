package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/scenario"
)

// BenchmarkExplainEveryInstance explains every instance of an agreement
// of 1,000, 10,000 and 40,000 clauses at the end of a 1,000-event replay, and,
// beside it, runs that replay: explaining all of them costs the same per
// instance at either size (the history is rebuilt once per instant, not
// once per explanation).
func BenchmarkExplainEveryInstance(b *testing.B) {
	for _, clauses := range []int{1000, 10000, 40000} {
		e, err := scenario.Compile(benchAgreement(clauses, 0))
		if err != nil {
			b.Fatal(err)
		}
		evs := benchEvents(1000)
		tl := scenario.NewTimeline(benchStart, evs...)
		end := evs[len(evs)-1].At.Add(time.Hour)
		tr, err := e.Replay(tl, end)
		if err != nil {
			b.Fatal(err)
		}
		insts := e.Instances()
		b.Run(fmt.Sprintf("clauses=%d/replay", clauses), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Replay(tl, end); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("clauses=%d/explain-all", clauses), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, i := range insts {
					if _, err := tr.Explain(i, end); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(insts)), "ns/instance")
		})
	}
}
