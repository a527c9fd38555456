package scenariotest_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
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
			if err := wantRecorded(fmt.Sprintf("%s, trace %d", name, i), n, func(tb rapid.TB) { f(tb, tr) }); err != nil {
				return err
			}
		}
		return wantPanic("nil t", func() { f(nil, nil) })
	}
	emptyString := func(name, got string) error {
		if got != "" {
			return fmt.Errorf("%s = %q, want \"\"", name, got)
		}
		return nil
	}
	checkCalls(t, map[string]func() error{
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
				if err := wantRecorded(fmt.Sprintf("coverage %d", i), 0, c.Assert); err != nil {
					return err
				}
			}
			if err := wantRecorded("NewCoverage()", 1, scenariotest.NewCoverage().Assert); err != nil {
				return err
			}
			return wantPanic("nil t", func() { scenariotest.NewCoverage().Assert(nil) })
		},
		"LifecycleAgreement": func() error {
			return check(func(t *rapid.T) {
				a := scenariotest.LifecycleAgreement(scenariotest.LifecycleConfig{}).Draw(t, "agreement")
				if err := a.Validate(); err != nil {
					t.Fatal(err)
				}
			})
		},
		"LifecycleProcess": func() error {
			return check(func(t *rapid.T) {
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
			return check(func(t *rapid.T) {
				_ = scenariotest.Timeline(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "timeline")
			})
		},
		"AgreementTimeline": func() error {
			return check(func(t *rapid.T) {
				_ = scenariotest.AgreementTimeline(agreement.Agreement{}, scenariotest.TimelineConfig{}).Draw(t, "timeline")
			})
		},
		"IrrelevantEvents": func() error {
			return check(func(t *rapid.T) {
				_ = scenariotest.IrrelevantEvents(agreement.Process{}, scenariotest.TimelineConfig{}).Draw(t, "events")
			})
		},
		"Interleave": func() error {
			return check(func(t *rapid.T) {
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
	})
}

// wantRecorded returns an error unless f, given a tbRecorder, records
// exactly n failures without panicking.
func wantRecorded(name string, n int, f func(rapid.TB)) error {
	r, p := recordTB(f)
	if p != nil || len(r.errors) != n {
		return fmt.Errorf("%s: panic %v, failures %q; want %d failures", name, p, r.errors, n)
	}
	return nil
}

// tbRecorder is a rapid.TB that records failures instead of reporting them.
// Its Fatal, FailNow and Skip methods end the calling goroutine, so it is
// used through record.
type tbRecorder struct {
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (r *tbRecorder) Helper()              {}
func (r *tbRecorder) Name() string         { return "tbRecorder" }
func (r *tbRecorder) Logf(string, ...any)  {}
func (r *tbRecorder) Log(...any)           {}
func (r *tbRecorder) Skipf(string, ...any) { runtime.Goexit() }
func (r *tbRecorder) Skip(...any)          { runtime.Goexit() }
func (r *tbRecorder) SkipNow()             { runtime.Goexit() }
func (r *tbRecorder) Error(args ...any)    { r.Errorf("%s", fmt.Sprint(args...)) }
func (r *tbRecorder) Fatal(args ...any)    { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *tbRecorder) Fail()                { r.Errorf("Fail") }
func (r *tbRecorder) FailNow()             { r.Fatalf("FailNow") }
func (r *tbRecorder) Errorf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.mu.Unlock()
}
func (r *tbRecorder) Fatalf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}
func (r *tbRecorder) Failed() bool { return r.failed() }
func (r *tbRecorder) failed() bool { r.mu.Lock(); defer r.mu.Unlock(); return len(r.errors) > 0 }

// recordTB runs f with a new tbRecorder in a goroutine of its own and returns
// the tbRecorder and what f panicked with, if it did.
func recordTB(f func(rapid.TB)) (r *tbRecorder, panicked any) {
	r = &tbRecorder{}
	done := make(chan any, 1)
	go func() {
		ended := false
		defer func() {
			if !ended {
				done <- recover()
			}
		}()
		f(r)
		ended = true
		done <- nil
	}()
	return r, <-done
}

// check runs prop under rapid.Check with a tbRecorder and returns its
// failures, or what it panicked with, as an error.
func check(prop func(*rapid.T)) error {
	r, p := recordTB(func(tb rapid.TB) { rapid.Check(tb, prop) })
	if p != nil {
		return fmt.Errorf("panicked: %v", p)
	}
	if r.failed() {
		return fmt.Errorf("failed: %s", strings.Join(r.errors, "\n"))
	}
	return nil
}

// wantPanic returns an error unless f panics: the documented contract of a
// test helper given a nil t.
func wantPanic(name string, f func()) (err error) {
	defer func() {
		if recover() == nil {
			err = fmt.Errorf("%s: no panic, want one", name)
		}
	}()
	f()
	return nil
}

// exportedAPI returns "Func" or "Type.Method" for every exported function
// and every exported method of an exported type declared in the non-test
// files of the package in the current directory.
func exportedAPI(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			if fd.Recv == nil {
				names = append(names, fd.Name.Name)
				continue
			}
			typ := fd.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok && id.IsExported() {
				names = append(names, id.Name+"."+fd.Name.Name)
			}
		}
	}
	slices.Sort(names)
	return names
}

// checkCalls runs every call of table and fails when one panics, takes
// over a second or reports a wrong result (a non-nil error from the call),
// when an exported name is missing from table, or when table names
// something not exported.
func checkCalls(t *testing.T, table map[string]func() error) {
	t.Helper()
	api := exportedAPI(t)
	for _, name := range api {
		if _, ok := table[name]; !ok {
			t.Errorf("exported %s is not called by this test: add it to the table", name)
		}
	}
	for name := range table {
		if !slices.Contains(api, name) {
			t.Errorf("the table calls %s, which is not exported (any more)", name)
		}
	}
	for _, name := range api {
		call, ok := table[name]
		if !ok {
			continue
		}
		done := make(chan error, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- fmt.Errorf("panicked: %v\n%s", r, debug.Stack())
				}
			}()
			done <- call()
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(time.Second):
			t.Errorf("%s: took over a second", name)
		}
	}
}
