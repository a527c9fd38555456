// Package scenariotest provides rapid generators and assertions for tests of
// code built on package [scenario]: timelines drawn for a given agreement,
// agreements built to move through the whole clause lifecycle, the lifecycle
// tables as data, and checks on a [scenario.Trace] of the guarantees package
// scenario documents. It is for _test.go files only: non-test code never
// imports it.
//
// # Generators
//
// [Timeline] draws timelines for a [agreement.Process] (or, with
// [AgreementTimeline], one agreement) mostly from what its agreements
// mention, so that clauses actually move: the event patterns of conditions,
// actions and fluents, the exercise of each power and the signing of each
// agreement, plus a few near misses and unrelated events. Events fall on a
// small set of offsets from the start ([DefaultOffsets]), so batches share
// instants and timers fall between events. [IrrelevantEvents] draws events
// nothing mentions and [Interleave] mixes them into a timeline.
//
// [LifecycleAgreement] and [LifecycleProcess] draw agreements that are valid
// by construction and exercise every edge of the lifecycle under such
// timelines: triggers that hold or not, antecedents, deadlines that pass,
// deadlines that lapse a clause still waiting, expiries, prohibitions kept
// or broken, powers that suspend, resume, discharge and terminate clauses
// and agreements, surviving clauses, entry-into-force conditions and
// reparations; and calendar time: zones, calendar periods, anchored,
// rounded and exclusive limits, clock atoms, recurring duties, provisional
// clauses, required and dated signatures and InForceAt. The random agreements of
// package [github.com/peacekit/peacekit/agreement/agreementtest] reach the
// lifecycle's rarer edges only seldom.
//
// # The lifecycle as data
//
// [Edges] lists every [Edge] of the lifecycle (the clause and agreement
// lifecycle tables of package [agreement], distinguishing causes where a row
// names several);
// [Classify] maps a recorded [scenario.Transition] to its edge; [Coverage]
// collects the edges seen over a property run, so that a test can fail
// unless every edge occurred.
//
// # Assertions
//
// [AssertTransitionsValid] checks that every transition of a trace is an
// edge of the lifecycle that leaves the state actually left, in time order;
// [AssertNeverInEffectBefore] checks that no clause is in effect before an
// event of a given kind; [AssertSameTransitions] compares two traces by
// value. They report through a [rapid.TB], so they work with both
// [*testing.T] and [*rapid.T].
//
// # Use from a downstream go test
//
//	func TestGuaranteesWaitForCeasefire(t *testing.T) {
//		cov := scenariotest.NewCoverage()
//		rapid.Check(t, func(t *rapid.T) {
//			a := scenariotest.LifecycleAgreement(scenariotest.LifecycleConfig{}).Draw(t, "agreement")
//			e, err := scenario.Compile(a)
//			if err != nil {
//				t.Fatal(err)
//			}
//			cfg := scenariotest.TimelineConfig{}
//			tl := scenariotest.AgreementTimeline(a, cfg).Draw(t, "timeline")
//			tr, err := e.Replay(tl, cfg.End())
//			if err != nil {
//				t.Fatal(err)
//			}
//			scenariotest.AssertTransitionsValid(t, tr)
//			cov.Observe(tr)
//		})
//		cov.Assert(t)
//	}
//
// Everything here draws only from the [*rapid.T] it is given: no global
// randomness and no clock, so a failing case shrinks and replays with
// -rapid.seed.
package scenariotest
