package scenario

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
