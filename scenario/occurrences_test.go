package scenario_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// A trace does not copy its run's occurrences (the events matching each
// pattern): it matches its events again the first time an explanation
// needs them. What it works out is what the run matched as the events
// came, revisions and amendments included, for the trace of a run
// (Run.Trace) and for Engine.Replay's, over drawn processes and timelines
// with revisions and amendments.
func TestPropertyTraceOccurrencesAreTheRuns(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{Agreements: 2}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg := scenariotest.TimelineConfig{}
		tl := scenariotest.AmendedTimeline(p, cfg).Draw(t, "timeline")
		r, err := e.Start(tl.Start())
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Replay(tl, cfg.End()); err != nil {
			t.Fatalf("%v\n%s", err, scenariotest.FormatTimeline(tl))
		}
		want := scenario.RunOccurrences(r)
		if diff := cmp.Diff(want, scenario.TraceOccurrences(r.Trace()), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Run.Trace's occurrences differ from the run's (-run +trace):\n%s\n%s", diff,
				scenariotest.FormatTimeline(tl))
		}
		tr, err := e.Replay(tl, cfg.End())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, scenario.TraceOccurrences(tr), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Engine.Replay's occurrences differ from the run's (-run +trace):\n%s\n%s", diff,
				scenariotest.FormatTimeline(tl))
		}
	})
}
