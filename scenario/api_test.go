package scenario_test

import (
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
)

// wantErr says what is wrong with err, which should be an error.
func wantErr(err error) string {
	if err == nil {
		return "nil error, want one"
	}
	return ""
}

// wantOK says what is wrong with ok, which should be false.
func wantFalse(ok bool) string {
	if ok {
		return "true, want false"
	}
	return ""
}

// each returns a call of f on every element of xs, in order, that returns
// the first problem f reports.
func each[X any](xs []X, f func(X) string) func() string {
	return func() string {
		for _, x := range xs {
			if msg := f(x); msg != "" {
				return msg
			}
		}
		return ""
	}
}

// Every exported function and method, called with zero values and nil
// pointers, returns an error or its documented zero result, within a
// second and without panicking. A new exported name must be added to the
// table.
func TestAPIZeroValuesNeverPanic(t *testing.T) {
	var (
		nilE   *scenario.Engine
		nilT   *scenario.Trace
		nilR   *scenario.Run
		nilEv  *scenario.Evaluator
		nilH   *scenario.History
		nilX   *scenario.Explanation
		zt     time.Time
		engine = []*scenario.Engine{nil, {}}
		traces = []*scenario.Trace{nil, {}}
		runs   = []*scenario.Run{nil, {}}
		hists  = []*scenario.History{nil, {}}
		evals  = []*scenario.Evaluator{nil, {}}
	)
	_, _, _, _, _ = nilE, nilT, nilR, nilEv, nilH
	all := func(fs ...func() string) func() string {
		return func() string {
			for _, f := range fs {
				if msg := f(); msg != "" {
					return msg
				}
			}
			return ""
		}
	}
	eachT := func(f func(*scenario.Trace) string) func() string { return each(traces, f) }
	eachE := func(f func(*scenario.Engine) string) func() string { return each(engine, f) }
	eachR := func(f func(*scenario.Run) string) func() string { return each(runs, f) }
	eachH := func(f func(*scenario.History) string) func() string { return each(hists, f) }
	epoch := time.Unix(0, 0).UTC()
	table := map[string]func() string{
		"Compile": func() string {
			_, err := scenario.Compile(agreement.Agreement{})
			return wantErr(err)
		},
		"CompileProcess": func() string {
			// An empty process is valid: an engine with no agreement.
			e, err := scenario.CompileProcess(agreement.Process{})
			if err != nil {
				return ""
			}
			if _, err := e.Replay(scenario.NewTimeline(t0), t0); err != nil {
				return "the empty process does not replay: " + err.Error()
			}
			return ""
		},
		"NewEvaluator": func() string {
			ev, err := scenario.NewEvaluator(agreement.Agreement{})
			if err == nil && ev.Len() != 0 {
				return "conditions from nowhere"
			}
			return ""
		},
		"NewTimeline": func() string {
			if tl := scenario.NewTimeline(zt); tl.Len() != 0 || !tl.Start().IsZero() {
				return "not the zero timeline"
			}
			return ""
		},
		"DecodeTimeline": func() string {
			_, err := scenario.DecodeTimeline(nil)
			return wantErr(err)
		},
		"CauseKind.String": func() string {
			if scenario.CauseKind(0).String() != "start" || scenario.CauseKind(255).String() == "" {
				return "bad names"
			}
			return ""
		},
		"Recording.String": func() string {
			if scenario.RecordTrace.String() != "trace" || scenario.RecordStates.String() != "states" ||
				scenario.Recording(9).String() != "Recording(9)" {
				return "bad names"
			}
			return ""
		},
		"Cause.Event": func() string {
			if i, ok := (scenario.Cause{}).Event(); ok || i != -1 {
				return "the zero Cause names an event"
			}
			return ""
		},
		"Cause.Equal": func() string {
			if !(scenario.Cause{}).Equal(scenario.Cause{}) {
				return "zero causes differ"
			}
			return ""
		},
		"Cause.WithEvent": func() string {
			if _, ok := (scenario.Cause{}).WithEvent(-1 << 62).Event(); ok {
				return "a negative index names an event"
			}
			return ""
		},
		"Instance.IsAgreement": func() string { return wantFalse(scenario.Instance{}.IsAgreement()) },
		"Instance.String":      func() string { _ = scenario.Instance{}.String(); return "" },
		"Standing.Bound":       func() string { return wantFalse(scenario.Standing{}.Bound()) },
		"Engine.Replay": eachE(func(e *scenario.Engine) string {
			_, err := e.Replay(scenario.NewTimeline(t0), t0)
			return wantErr(err)
		}),
		"Engine.Start": eachE(func(e *scenario.Engine) string {
			_, err := e.Start(t0)
			return wantErr(err)
		}),
		"Engine.Instance": eachE(func(e *scenario.Engine) string {
			_, ok := e.Instance(agreement.Ref{}, "")
			return wantFalse(ok)
		}),
		"Engine.Agreements": eachE(func(e *scenario.Engine) string {
			if e.Agreements() != nil {
				return "agreements from nowhere"
			}
			return ""
		}),
		"Engine.Instances": eachE(func(e *scenario.Engine) string {
			if e.Instances() != nil {
				return "instances from nowhere"
			}
			return ""
		}),
		"Engine.LintClauses": eachE(func(e *scenario.Engine) string {
			return wantErr(e.LintClauses(scenario.Timeline{}))
		}),
		"Engine.Concerns": eachE(func(e *scenario.Engine) string {
			if e.Concerns(agreement.Event{Kind: "x"}) != nil {
				return "concerns from nowhere"
			}
			return ""
		}),
		"Run.Trace": eachR(func(r *scenario.Run) string {
			if tr := r.Trace(); tr == nil || tr.Engine() != nil {
				return "not the zero Trace"
			}
			return ""
		}),
		"Run.Now": eachR(func(r *scenario.Run) string {
			if !r.Now().Equal(epoch) {
				return "not the epoch"
			}
			return ""
		}),
		"Run.Apply":     eachR(func(r *scenario.Run) string { return wantErr(r.Apply(agreement.Event{})) }),
		"Run.AdvanceTo": eachR(func(r *scenario.Run) string { return wantErr(r.AdvanceTo(zt)) }),
		"Run.Fork": eachR(func(r *scenario.Run) string {
			if r.Fork() != nil {
				return "a fork of nothing"
			}
			return ""
		}),
		"Run.State": eachR(func(r *scenario.Run) string {
			_, _, err := r.State(scenario.Instance{Ref: agreement.AgreementRef("a1")})
			return wantErr(err)
		}),
		"Run.Breaches": eachR(func(r *scenario.Run) string {
			_, err := r.Breaches(scenario.Instance{Ref: agreement.LocalRef("C1")})
			return wantErr(err)
		}),
		"Run.Reset": eachR(func(r *scenario.Run) string { return wantErr(r.Reset(t0)) }),
		"Run.NextWake": eachR(func(r *scenario.Run) string {
			_, ok := r.NextWake()
			return wantFalse(ok)
		}),
		"Run.SetRecording": eachR(func(r *scenario.Run) string { return wantErr(r.SetRecording(scenario.RecordStates)) }),
		"Run.States": eachR(func(r *scenario.Run) string {
			if got := r.States(nil); got != nil {
				return "states from nowhere"
			}
			return ""
		}),
		"Run.Transitions": eachR(func(r *scenario.Run) string {
			if r.Transitions() != 0 {
				return "transitions from nowhere"
			}
			return ""
		}),
		"Run.Replay": eachR(func(r *scenario.Run) string {
			return wantErr(r.Replay(scenario.NewTimeline(t0), t0))
		}),
		"Run.Amend": eachR(func(r *scenario.Run) string {
			return wantErr(r.Amend(agreement.Amendment{At: t0}))
		}),
		"Trace.Versions": eachT(func(tr *scenario.Trace) string {
			if tr.Versions() != nil {
				return "versions from nowhere"
			}
			return ""
		}),
		"Trace.Renewals": eachT(func(tr *scenario.Trace) string {
			for range tr.Renewals() {
				return "a renewal from nowhere"
			}
			return ""
		}),
		"Timeline.Amendments": func() string {
			if len((scenario.Timeline{}).Amendments()) != 0 {
				return "an amendment from nowhere"
			}
			return ""
		},
		"Timeline.WithAmendments": func() string {
			tl := (scenario.Timeline{}).WithAmendments(agreement.Amendment{}, agreement.Amendment{At: t0})
			if n := len(tl.Amendments()); n != 2 {
				return "amendments lost"
			}
			return ""
		},
		"Trace.Start": eachT(func(tr *scenario.Trace) string {
			if !tr.Start().Equal(epoch) {
				return "not the epoch"
			}
			return ""
		}),
		"Trace.End": eachT(func(tr *scenario.Trace) string {
			if !tr.End().Equal(epoch) {
				return "not the epoch"
			}
			return ""
		}),
		"Trace.Clause": eachT(func(tr *scenario.Trace) string {
			if _, ok := tr.Clause(agreement.QualifiedRef("a", "c"), t0); ok {
				return "a clause from nowhere"
			}
			return ""
		}),
		"Trace.Engine": eachT(func(tr *scenario.Trace) string {
			if tr.Engine() != nil {
				return "an engine from nowhere"
			}
			return ""
		}),
		"Trace.Events": eachT(func(tr *scenario.Trace) string {
			for range tr.Events() {
				return "an event from nowhere"
			}
			return ""
		}),
		"Trace.Event": eachT(func(tr *scenario.Trace) string {
			_, ok := tr.Event(0)
			return wantFalse(ok)
		}),
		"Trace.Transitions": eachT(func(tr *scenario.Trace) string {
			for range tr.Transitions() {
				return "a transition from nowhere"
			}
			return ""
		}),
		"Trace.State": eachT(func(tr *scenario.Trace) string {
			_, err := tr.State(scenario.Instance{}, zt)
			return wantErr(err)
		}),
		"Trace.StateSince": eachT(func(tr *scenario.Trace) string {
			_, _, err := tr.StateSince(scenario.Instance{}, zt)
			return wantErr(err)
		}),
		"Trace.BreachesOf": eachT(func(tr *scenario.Trace) string {
			_, err := tr.BreachesOf(scenario.Instance{}, zt)
			return wantErr(err)
		}),
		"Trace.Breaches": eachT(func(tr *scenario.Trace) string {
			for range tr.Breaches() {
				return "breaches from nowhere"
			}
			return ""
		}),
		"Trace.FluentHolds": eachT(func(tr *scenario.Trace) string {
			_, err := tr.FluentHolds("", "", zt)
			return wantErr(err)
		}),
		"Trace.Explain": eachT(func(tr *scenario.Trace) string {
			_, err := tr.Explain(scenario.Instance{}, zt)
			return wantErr(err)
		}),
		"Trace.Markdown": eachT(func(tr *scenario.Trace) string { return wantErr(tr.Markdown(io.Discard)) }),
		"Trace.Mermaid":  eachT(func(tr *scenario.Trace) string { return wantErr(tr.Mermaid(io.Discard)) }),
		"Trace.DescribeCause": eachT(func(tr *scenario.Trace) string {
			if tr.DescribeCause(scenario.Cause{}) != "start" {
				return "not \"start\""
			}
			return ""
		}),
		"Trace.Standings": eachT(func(tr *scenario.Trace) string {
			_, err := tr.Standings(zt)
			return wantErr(err)
		}),
		"Trace.Territory": eachT(func(tr *scenario.Trace) string {
			_, err := tr.Territory("", zt)
			return wantErr(err)
		}),
		"Trace.Location": eachT(func(tr *scenario.Trace) string {
			if tr.Location() != time.UTC {
				return "not UTC"
			}
			return ""
		}),
		"Trace.Rejections": eachT(func(tr *scenario.Trace) string {
			if tr.Rejections() != nil {
				return "rejections from nowhere"
			}
			return ""
		}),
		"Evaluator.Len": func() string {
			for _, ev := range evals {
				if ev.Len() != 0 {
					return "conditions from nowhere"
				}
			}
			return ""
		},
		"Evaluator.NewHistory": func() string {
			for _, ev := range evals {
				if ev.NewHistory() != nil {
					return "a history from nowhere"
				}
			}
			return ""
		},
		"Evaluator.Eval": func() string {
			for _, ev := range evals {
				for _, h := range hists {
					if ev.Eval(0, h, zt) {
						return "true"
					}
				}
			}
			return ""
		},
		"History.Reset": eachH(func(h *scenario.History) string { h.Reset(); return "" }),
		"History.Add":   eachH(func(h *scenario.History) string { return wantErr(h.Add(agreement.Event{})) }),
		"History.SetClauseState": eachH(func(h *scenario.History) string {
			return wantErr(h.SetClauseState(agreement.Ref{}, 0))
		}),
		"History.SetAgreementState": eachH(func(h *scenario.History) string { return wantErr(h.SetAgreementState(0)) }),
		"Explanation.String": func() string {
			if nilX.String() != "" {
				return "text from nowhere"
			}
			x := &scenario.Explanation{Steps: []scenario.Step{{Decisions: []scenario.Decision{{}}}},
				Open: []scenario.Decision{{Root: &scenario.Node{Event: 3, Later: 4, Transition: 5,
					Operands: []*scenario.Node{nil, {Condition: agreement.Happened(agreement.Pattern{Kind: "x"})}}}}}}
			if (&scenario.Explanation{}).String() == "" || x.String() == "" {
				return "no text"
			}
			return ""
		},
		"Timeline.Start": func() string {
			if !(scenario.Timeline{}).Start().IsZero() {
				return "not the zero time"
			}
			return ""
		},
		"Timeline.Len": func() string {
			if (scenario.Timeline{}).Len() != 0 {
				return "events from nowhere"
			}
			return ""
		},
		// Documented to panic for an index out of range, as indexing a
		// slice does; called here with a valid index.
		"Timeline.Event": func() string {
			_ = scenario.NewTimeline(t0, agreement.Event{}).Event(0)
			return ""
		},
		"Timeline.Events": func() string {
			for range (scenario.Timeline{}).Events() {
				return "an event from nowhere"
			}
			return ""
		},
		"Timeline.Validate": func() string {
			tl := scenario.NewTimeline(t0, agreement.Event{At: t0, Kind: "x"})
			for _, e := range engine {
				if err := tl.Validate(e); err == nil {
					return "nil error for no engine"
				}
			}
			return ""
		},
		"Timeline.Lint": func() string {
			tl := scenario.NewTimeline(t0, agreement.Event{At: t0, Kind: "x"})
			for _, e := range engine {
				if err := tl.Lint(e); err == nil {
					return "nil error for no engine"
				}
			}
			return ""
		},
		"Timeline.MarshalJSON": func() string {
			if _, err := json.Marshal(scenario.Timeline{}); err != nil {
				return err.Error()
			}
			return ""
		},
		"Timeline.UnmarshalJSON": all(func() string {
			var tl scenario.Timeline
			return wantErr(tl.UnmarshalJSON(nil))
		}, func() string {
			var tl *scenario.Timeline
			return wantErr(json.Unmarshal([]byte(`{}`), tl))
		}),
	}
	calls := make(map[string]func() error, len(table))
	for name, call := range table {
		calls[name] = func() error {
			if msg := call(); msg != "" {
				return errors.New(msg)
			}
			return nil
		}
	}
	agreementtest.CheckCalls(t, ".", calls, time.Second)
}

// An evaluator accepts an agreement with no parties, as Validate does.
func TestNewEvaluatorNoParties(t *testing.T) {
	a := agreement.Agreement{ID: "A"}
	if err := a.Validate(); err != nil {
		t.Skipf("Validate rejects an agreement with no parties: %v", err)
	}
	p := agreement.Pattern{Kind: "aid-delivered"}
	ev, err := scenario.NewEvaluator(a, agreement.Happened(p))
	if err != nil {
		t.Fatalf("NewEvaluator(no parties) = %v", err)
	}
	h := ev.NewHistory()
	if ev.Eval(0, h, t0) {
		t.Error("Happened with no event is true")
	}
	if err := h.Add(agreement.Event{At: t0, Kind: "aid-delivered"}); err != nil {
		t.Fatal(err)
	}
	if !ev.Eval(0, h, t0) {
		t.Error("Happened after the event is false")
	}
	// The probe's debtor is no party of the agreement.
	if _, err := scenario.NewEvaluator(a, agreement.Happened(agreement.Pattern{Kind: "x", Actor: "evaluator.probe"})); !errors.Is(err, agreement.ErrUnknownParty) {
		t.Errorf("a condition naming the probe's party: %v, want ErrUnknownParty", err)
	}
}
