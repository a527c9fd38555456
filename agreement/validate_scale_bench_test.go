package agreement_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// BenchmarkValidateScaling measures Agreement.Validate on agreements of
// 10,000 and 100,000 clauses, half of them suspend and resume powers, and
// reports the time per clause: it stays about the same when validation is
// linear in the number of clauses.
func BenchmarkValidateScaling(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run("clauses="+strconv.Itoa(n), func(b *testing.B) {
			a := agreementtest.Scaled(n)
			if err := a.Validate(); err != nil {
				b.Fatalf("Validate() = %v, want nil", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := a.Validate(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/clause")
		})
	}
}
