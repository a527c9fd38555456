package revision_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// BenchmarkApplyScaling measures Diff(empty, a).Apply(empty), which adds
// every clause of a one by one, for agreements of 10,000 and 100,000
// clauses, and reports the time per clause: it stays about the same when
// both are linear in the number of clauses.
func BenchmarkApplyScaling(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run("clauses="+strconv.Itoa(n), func(b *testing.B) {
			a := agreementtest.Scaled(n)
			var empty agreement.Agreement
			got, err := revision.Diff(empty, a).Apply(empty)
			if err != nil {
				b.Fatalf("Apply() = %v", err)
			}
			if cs := revision.Diff(got, a); len(cs) != 0 {
				b.Fatalf("Apply(Diff(empty, a)) differs from a: %d changes, the first %s", len(cs), cs[0])
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := revision.Diff(empty, a).Apply(empty); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/clause")
		})
	}
}
