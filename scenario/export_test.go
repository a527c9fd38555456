package scenario

import (
	"fmt"
	"time"
)

// WakingEvery returns an engine of e's process, compiled again, whose runs
// (and their amended texts) wake every instance in the wake list of an
// input that changes, whether or not it still reads the input, and take
// every instance that moved through every step of the next round: as the
// engine did before it skipped dead wakes and quiet members.
func WakingEvery(e *Engine) *Engine {
	c := compile(e.process)
	c.wakeEvery = true
	return c
}

// RunOccurrences returns, per pattern of the text r has in force, the
// events r matched with it.
func RunOccurrences(r *Run) [][]int32 {
	out := make([][]int32, len(r.occ))
	for i := range r.occ {
		for _, ei := range r.occ[i].all() {
			out[i] = append(out[i], ei)
		}
	}
	return out
}

// TraceOccurrences returns what t works out its run's occurrences were, as
// its explanations read them.
func TraceOccurrences(t *Trace) [][]int32 { return t.occurrences() }

// LeanEvalDisagreements returns, for every condition node of the text r
// has in force and every window in ws (each an instant, events at or
// before it unseen; beforeAll as well), a line for each node whose value
// by the evaluator of a round's steps (test) differs from the one the
// recording evaluator gives it.
func LeanEvalDisagreements(r *Run, ws []time.Time) []string {
	var out []string
	windows := []int64{beforeAll}
	for _, w := range ws {
		windows = append(windows, w.UnixNano())
	}
	for i := range r.e.nodes {
		root := int32(i)
		lo := r.e.span(root)
		for _, w := range windows {
			rec := recorder{lo: lo, recs: make([]nodeRecord, root-lo+1)}
			want := r.eval(root, w, &rec)
			if got := r.test(root, w); got != want {
				out = append(out, fmt.Sprintf("node %d (%v), window %d: test %t, recorded %t", root, r.e.nodes[root].src, w, got, want))
			}
		}
	}
	return out
}

// LiveSlotsDisagreements returns a line for each instance of r whose slots
// still read, as r keeps them, differ from those its state, anchors and
// text give.
func LiveSlotsDisagreements(r *Run) []string {
	var out []string
	for ii := range r.inst {
		s := &r.inst[ii]
		if want := liveOf(s.state, s.dlFired, s.expFired, r.e.instances[ii].judges); s.live != want {
			out = append(out, fmt.Sprintf("instance %d (%v): live %05b, want %05b", ii, s.state, s.live, want))
		}
	}
	return out
}

// PlaceAfter is the number of resets after which a run keeps its memory
// in pages of its own.
const PlaceAfter = placeAfter

// PagesAtNextReset makes r move its memory into pages of its own when it
// is next put back at its start, as if it had been reset PlaceAfter-1
// times since it last started on new memory.
func PagesAtNextReset(r *Run) {
	if !r.place.pages {
		r.place.resets = placeAfter - 1
	}
}

// RunInPages reports whether r keeps its memory in pages of its own (see
// place), as its instances' states, its counts and its first wake
// buffers show.
func RunInPages(r *Run) bool {
	return r.place.pages && inPages(r.inst) && inPages(r.counts) && inPages(r.work)
}
