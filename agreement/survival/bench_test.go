package survival_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement/survival"
)

// BenchmarkKaplanMeier estimates curves of n distinct times, events and
// censorings alternating: the exact product grows with n, and the cost per
// observation should grow with it only as the product's length does.
func BenchmarkKaplanMeier(b *testing.B) {
	for _, n := range []int{1000, 8000, 32000} {
		obs := make([]survival.Observation, n)
		for i := range obs {
			obs[i] = survival.Observation{Time: float64(i), Event: i%2 == 0}
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, err := survival.KaplanMeier(obs)
				if err != nil || c.N() != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/obs")
		})
	}
}
