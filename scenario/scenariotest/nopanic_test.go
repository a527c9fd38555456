package scenariotest_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: assertions through a recording rapid.TB, generators
// drawn from inside rapid.Check. Each returns or records its documented
// result, without panicking and within a second.
func TestNoPanic(t *testing.T) {
	traces := []*scenario.Trace{nil, {}}
	var nilCoverage *scenariotest.Coverage
	coverages := func() []*scenariotest.Coverage {
		return []*scenariotest.Coverage{nil, {}, scenariotest.NewCoverage()}
	}
	eachTrace := func(name string, n int, f func(rapid.TB, *scenario.Trace)) error {
		for i, tr := range traces {
			if err := agreementtest.WantRecorded(n, func(tb rapid.TB) { f(tb, tr) }); err != nil {
				return fmt.Errorf("%s, trace %d: %v", name, i, err)
			}
		}
		return agreementtest.WantPanic(func() { f(nil, nil) })
	}
	emptyString := func(name, got string) error {
		if got != "" {
			return fmt.Errorf("%s = %q, want \"\"", name, got)
		}
		return nil
	}
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"AssertTransitionsValid": func() error {
			return eachTrace("AssertTransitionsValid", 0, scenariotest.AssertTransitionsValid)
		},
		"AssertNeverInEffectBefore": func() error {
			return eachTrace("AssertNeverInEffectBefore", 0, func(tb rapid.TB, tr *scenario.Trace) {
				scenariotest.AssertNeverInEffectBefore(tb, tr, "", agreement.Ref{})
			})
		},
		"AssertSameTransitions": func() error {
			return eachTrace("AssertSameTransitions", 0, func(tb rapid.TB, tr *scenario.Trace) {
				scenariotest.AssertSameTransitions(tb, tr, nil)
			})
		},
		"Moves": func() error {
			for _, tr := range traces {
				if got := scenariotest.Moves(tr); got != nil {
					return fmt.Errorf("Moves(%v) = %v, want nil", tr, got)
				}
			}
			return nil
		},
		"FormatTransitions": func() error {
			return errors.Join(emptyString("FormatTransitions(nil)", scenariotest.FormatTransitions(nil)),
				emptyString("FormatTransitions(&Trace{})", scenariotest.FormatTransitions(&scenario.Trace{})))
		},
		"FormatTimeline": func() error { _ = scenariotest.FormatTimeline(scenario.Timeline{}); return nil },
		"FormatProcess": func() error {
			return emptyString("FormatProcess(Process{})", scenariotest.FormatProcess(agreement.Process{}))
		},
		"Rule.String": func() error { _ = scenariotest.Rule(0).String(); _ = scenariotest.Rule(255).String(); return nil },
		"Edge.String": func() error { _ = scenariotest.Edge{}.String(); return nil },
		"ClauseEdges": func() error {
			if len(scenariotest.ClauseEdges()) == 0 {
				return errors.New("ClauseEdges() is empty")
			}
			return nil
		},
		"AgreementEdges": func() error {
			if len(scenariotest.AgreementEdges()) == 0 {
				return errors.New("AgreementEdges() is empty")
			}
			return nil
		},
		"Edges": func() error {
			if len(scenariotest.Edges()) == 0 {
				return errors.New("Edges() is empty")
			}
			return nil
		},
		"IsEdge": func() error {
			if scenariotest.IsEdge(false, 0, 0) || scenariotest.IsEdge(true, 0, 0) {
				return errors.New("IsEdge(_, 0, 0) = true")
			}
			return nil
		},
		"Classify": func() error {
			if e, ok := scenariotest.Classify(scenario.Transition{}); ok {
				return fmt.Errorf("Classify(Transition{}) = %v, true; want false", e)
			}
			return nil
		},
		"NewCoverage": func() error {
			if got := scenariotest.NewCoverage().Missing(); len(got) != len(scenariotest.Edges()) {
				return fmt.Errorf("NewCoverage() misses %d edges, want all %d", len(got), len(scenariotest.Edges()))
			}
			return nil
		},
		"Coverage.Observe": func() error {
			for _, c := range coverages() {
				for _, tr := range traces {
					c.Observe(tr)
				}
			}
			return nil
		},
		"Coverage.Runs": func() error {
			for i, c := range coverages() {
				if c.Runs() != 0 {
					return fmt.Errorf("coverage %d: Runs() = %d, want 0", i, c.Runs())
				}
			}
			return nil
		},
		"Coverage.CompleteAfter": func() error {
			for i, c := range coverages() {
				if c.CompleteAfter() != 0 {
					return fmt.Errorf("coverage %d: CompleteAfter() = %d, want 0", i, c.CompleteAfter())
				}
			}
			return nil
		},
		"Coverage.FirstSeen": func() error {
			for i, c := range coverages() {
				if c.FirstSeen(scenariotest.Edge{}) != 0 {
					return fmt.Errorf("coverage %d: FirstSeen(Edge{}) = %d, want 0", i, c.FirstSeen(scenariotest.Edge{}))
				}
			}
			return nil
		},
		"Coverage.Missing": func() error {
			if nilCoverage.Missing() != nil || (&scenariotest.Coverage{}).Missing() != nil {
				return errors.New("Missing() of a nil or zero Coverage is not nil")
			}
			return nil
		},
		"Coverage.Report": func() error {
			return errors.Join(emptyString("nil Coverage: Report()", nilCoverage.Report()),
				emptyString("zero Coverage: Report()", (&scenariotest.Coverage{}).Report()))
		},
		"Coverage.Assert": func() error {
			for i, c := range coverages()[:2] {
				if err := agreementtest.WantRecorded(0, c.Assert); err != nil {
					return fmt.Errorf("coverage %d: %v", i, err)
				}
			}
			if err := agreementtest.WantRecorded(1, scenariotest.NewCoverage().Assert); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { scenariotest.NewCoverage().Assert(nil) })
		},
		"LifecycleAgreement": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				a := scenariotest.LifecycleAgreement(scenariotest.LifecycleConfig{}).Draw(t, "agreement")
				if err := a.Validate(); err != nil {
					t.Fatal(err)
				}
			})
		},
		"LifecycleProcess": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{Agreements: -1}).Draw(t, "process")
				if err := p.Validate(); err != nil {
					t.Fatal(err)
				}
			})
		},
		"DefaultStart":   func() error { _ = scenariotest.DefaultStart(); return nil },
		"DefaultOffsets": func() error { _ = scenariotest.DefaultOffsets(); return nil },
		"TimelineConfig.End": func() error {
			if got := (scenariotest.TimelineConfig{}).End(); !got.After(scenariotest.DefaultStart()) {
				return fmt.Errorf("TimelineConfig{}.End() = %v, not after DefaultStart()", got)
			}
			return nil
		},
		"Timeline": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				_ = scenariotest.Timeline(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "timeline")
			})
		},
		"AgreementTimeline": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				_ = scenariotest.AgreementTimeline(agreement.Agreement{}, scenariotest.TimelineConfig{}).Draw(t, "timeline")
			})
		},
		"TermEvents": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if evs := scenariotest.TermEvents(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "events"); len(evs) != 0 {
					t.Fatalf("TermEvents(Process{}) drew %d events", len(evs))
				}
			})
		},
		"AmendedTimeline": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if tl := scenariotest.AmendedTimeline(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "timeline"); len(tl.Amendments()) != 0 {
					t.Fatalf("AmendedTimeline(Process{}) drew %d amendments", len(tl.Amendments()))
				}
			})
		},
		"IrrelevantEvents": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				_ = scenariotest.IrrelevantEvents(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "events")
			})
		},
		"Interleave": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if tl := scenariotest.Interleave(scenario.Timeline{}, nil).Draw(t, "timeline"); tl.Len() != 0 {
					t.Fatalf("Interleave(Timeline{}, nil) drew %d events", tl.Len())
				}
			})
		},
		"ConditionPatterns": func() error {
			if got := scenariotest.ConditionPatterns(nil); len(got) != 0 {
				return fmt.Errorf("ConditionPatterns(nil) = %v, want none", got)
			}
			_ = scenariotest.ConditionPatterns(agreement.All((*agreement.NotCondition)(nil), agreement.Not(nil)))
			return nil
		},
		"ActionPatterns": func() error { _ = scenariotest.ActionPatterns("", agreement.Clause{}); return nil },
		"WorkloadTimeline": func() error {
			e, err := scenario.Compile(agreementtest.Workload())
			if err != nil {
				return err
			}
			for _, rng := range []*rand.Rand{nil, rand.New(rand.NewPCG(7, 7))} {
				tl := scenariotest.WorkloadTimeline(rng, scenariotest.DefaultStart())
				if tl.Len() < 20 || tl.Len() > 100 {
					return fmt.Errorf("%d events", tl.Len())
				}
				if err := tl.Validate(e); err != nil {
					return err
				}
			}
			return nil
		},
		"WorkloadEnd": func() error {
			if end := scenariotest.WorkloadEnd(scenario.Timeline{}); !end.After(scenario.Timeline{}.Start()) {
				return fmt.Errorf("end %v of the zero Timeline not after its start", end)
			}
			return nil
		},
	}, time.Second)
}
