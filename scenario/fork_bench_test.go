package scenario_test

import (
	"fmt"
	"testing"

	"github.com/peacekit/peacekit/scenario"
)

// BenchmarkForkAfterPrefix forks a run of 100 clauses after a prefix of 30
// and of 30,000 events, then applies one event to the fork and closes its
// instant. The cost depends on what the branch adds, not on the prefix it
// shares: the two should cost about the same.
func BenchmarkForkAfterPrefix(b *testing.B) {
	e, err := scenario.Compile(benchAgreement(100, 0))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{30, 30_000} {
		evs := benchEvents(n + 1)
		b.Run(fmt.Sprintf("prefix=%d", n), func(b *testing.B) {
			r, err := e.Start(benchStart)
			if err != nil {
				b.Fatal(err)
			}
			for _, ev := range evs[:n] {
				if err := r.Apply(ev); err != nil {
					b.Fatal(err)
				}
			}
			if err := r.AdvanceTo(evs[n-1].At); err != nil {
				b.Fatal(err)
			}
			next := evs[n]
			b.ReportAllocs()
			for b.Loop() {
				f := r.Fork()
				if err := f.Apply(next); err != nil {
					b.Fatal(err)
				}
				if err := f.AdvanceTo(next.At); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
