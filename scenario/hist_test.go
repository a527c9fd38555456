package scenario

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestPropertyHistories checks the histories that forks and traces share:
// histories made from one another by share, prefix and assign, pushed to,
// flattened and owned in any order, each read as the slice of its own elements, and
// an append to one never shows in another.
func TestPropertyHistories(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		hs := []hist[int32]{{}}
		want := [][]int32{nil}
		next := int32(0)
		for range rapid.IntRange(1, 30).Draw(t, "steps") {
			i := rapid.IntRange(0, len(hs)-1).Draw(t, "which")
			h := &hs[i]
			switch rapid.IntRange(0, 6).Draw(t, "op") {
			case 0, 1:
				for range rapid.IntRange(0, 3*histChunk).Draw(t, "pushes") {
					h.push(next)
					want[i] = append(want[i], next)
					next++
				}
			case 2:
				hs = append(hs, h.share())
				want = append(want, slices.Clone(want[i]))
			case 3:
				n := rapid.IntRange(0, h.len()).Draw(t, "prefix")
				hs = append(hs, h.prefix(n))
				want = append(want, slices.Clone(want[i][:n]))
			case 4:
				if got := h.flatten(); !slices.Equal(got, want[i]) {
					t.Fatalf("flatten of history %d: %d elements, want %d", i, len(got), len(want[i]))
				}
			case 5:
				h.own()
				if len(h.full) != 0 || cap(h.tail) != len(want[i]) {
					t.Fatalf("own of history %d: %d chunks, capacity %d for %d elements", i, len(h.full), cap(h.tail), len(want[i]))
				}
			case 6:
				var c hist[int32]
				for range rapid.IntRange(0, 2*histChunk).Draw(t, "pushes") {
					c.push(-1) // memory that assign reuses
				}
				c.truncate()
				c.assign(h)
				hs = append(hs, c)
				want = append(want, slices.Clone(want[i]))
			}
			for j := range hs {
				histCheck(t, j, &hs[j], want[j])
			}
		}
	})
}

// histCheck checks every way of reading h against its elements, want.
func histCheck(t *rapid.T, j int, h *hist[int32], want []int32) {
	if h.len() != len(want) {
		t.Fatalf("history %d: len %d, want %d", j, h.len(), len(want))
	}
	for k, v := range want {
		if h.get(k) != v || *h.ptr(k) != v {
			t.Fatalf("history %d: element %d is %d (%d through ptr), want %d", j, k, h.get(k), *h.ptr(k), v)
		}
	}
	if len(want) > 0 && h.last() != want[len(want)-1] {
		t.Fatalf("history %d: last %d, want %d", j, h.last(), want[len(want)-1])
	}
	var all []int32
	for k, v := range h.all() {
		if k != len(all) {
			t.Fatalf("history %d: all yields index %d at %d", j, k, len(all))
		}
		all = append(all, v)
	}
	if !slices.Equal(all, want) || !slices.Equal(h.flat(), want) {
		t.Fatalf("history %d: all or flat differs from its elements", j)
	}
}
