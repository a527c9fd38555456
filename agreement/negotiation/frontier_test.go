package negotiation

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestPropertyFrontierMatchesPairwise: the sweep (the two-party test, the
// three-party staircase, the general scan), alone or over chunks merged
// with mergeFrontiers, keeps exactly the vectors no other vector
// dominates, each once with every rank that has it, in decreasing
// lexicographic order.
func TestPropertyFrontierMatchesPairwise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 4).Draw(t, "parties")
		n := rapid.IntRange(0, 200).Draw(t, "vectors")
		span := rapid.IntRange(1, 12).Draw(t, "span")
		vs := make([][]int64, n)
		for i := range vs {
			for range d {
				vs[i] = append(vs[i], int64(rapid.IntRange(-span, span).Draw(t, "value")))
			}
		}
		// The reference: every vector against every other.
		want := map[string][]uint64{}
		for i, v := range vs {
			dominated := false
			for _, u := range vs {
				if dominates(u, v) {
					dominated = true
					break
				}
			}
			if !dominated {
				k := key(v)
				want[k] = append(want[k], uint64(i))
			}
		}
		chunk := rapid.IntRange(1, n+1).Draw(t, "chunk")
		var got []entry
		for lo := 0; lo < n; lo += chunk {
			hi := min(n, lo+chunk)
			es := make([]entry, 0, hi-lo)
			for i := lo; i < hi; i++ {
				es = append(es, entry{v: vs[i], ranks: []uint64{uint64(i)}})
			}
			got = mergeFrontiers(got, frontier(es))
		}
		if len(got) != len(want) {
			t.Fatalf("frontier of %d vectors, want %d", len(got), len(want))
		}
		for i, en := range got {
			if i > 0 && slices.Compare(got[i-1].v, en.v) <= 0 {
				t.Fatalf("frontier out of order at %d: %v then %v", i, got[i-1].v, en.v)
			}
			r := slices.Sorted(slices.Values(en.ranks))
			if !slices.Equal(r, want[key(en.v)]) {
				t.Fatalf("vector %v has ranks %v, want %v", en.v, r, want[key(en.v)])
			}
		}
	})
}

func key(v []int64) string {
	b := make([]byte, 0, 8*len(v))
	for _, x := range v {
		for s := 0; s < 64; s += 8 {
			b = append(b, byte(x>>s))
		}
	}
	return string(b)
}
