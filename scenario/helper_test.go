package scenario_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// mustCompile compiles a, failing t if it does not compile.
func mustCompile(t testing.TB, a agreement.Agreement) *scenario.Engine {
	t.Helper()
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// replay compiles a and replays evs over it from start to end, failing t on
// any error.
func replay(t testing.TB, a agreement.Agreement, start, end time.Time, evs ...agreement.Event) (*scenario.Engine, *scenario.Trace) {
	t.Helper()
	e := mustCompile(t, a)
	tr, err := e.Replay(scenario.NewTimeline(start, evs...), end)
	if err != nil {
		t.Fatal(err)
	}
	return e, tr
}

// statesRun returns a run of e from start that records states only.
func statesRun(t testing.TB, e *scenario.Engine, start time.Time) *scenario.Run {
	t.Helper()
	r, err := e.Start(start)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetRecording(scenario.RecordStates); err != nil {
		t.Fatal(err)
	}
	return r
}
