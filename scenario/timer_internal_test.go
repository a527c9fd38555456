package scenario

import (
	"cmp"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestPropertyTimerHeapPopsInOrder pushes and pops random timers, ties in
// instant included, and checks that every pop returns the least timer
// pushed and not yet popped (by instant, then index), as a sorted list of
// them would.
func TestPropertyTimerHeapPopsInOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var h timerHeap
		var want []timer
		byTime := func(a, b timer) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.idx, b.idx)) }
		for range rapid.IntRange(0, 200).Draw(t, "ops") {
			if len(want) > 0 && rapid.Bool().Draw(t, "pop") {
				slices.SortFunc(want, byTime)
				got := h.pop()
				if got != want[0] {
					t.Fatalf("popped %+v, want %+v (of %v)", got, want[0], want)
				}
				want = want[1:]
			} else {
				tm := timer{at: int64(rapid.IntRange(-3, 20).Draw(t, "at")), idx: int32(rapid.IntRange(-2, 8).Draw(t, "idx"))}
				h.push(tm)
				want = append(want, tm)
			}
			if len(h) != len(want) {
				t.Fatalf("%d timers, want %d", len(h), len(want))
			}
		}
	})
}
