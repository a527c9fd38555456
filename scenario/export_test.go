package scenario

// WakingEvery returns an engine of e's process, compiled again, whose runs
// (and their amended texts) wake every instance in the wake list of an
// input that changes, whether or not it still reads the input: as the
// engine did before it skipped dead wakes.
func WakingEvery(e *Engine) *Engine {
	c := compile(e.process)
	c.wakeEvery = true
	return c
}
