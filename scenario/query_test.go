package scenario_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestPropertyRunQueriesMatchTrace steps a run through a drawn timeline,
// instant by instant, and checks after each that Run.State gives, for every
// instance, the state and the instant of entry that the full trace gives at
// that instant, and that Run.NextWake is the instant of the first change
// before the next event, if any: no transition of the trace falls after
// the instant and before the wake-up.
func TestPropertyRunQueriesMatchTrace(t *testing.T) {
	tcfg := scenariotest.TimelineConfig{MinEvents: 8, MaxEvents: 24, Exercises: 20}
	woke, moved, breached := 0, 0, 0
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		tl := scenariotest.Timeline(p, tcfg).Draw(t, "timeline")
		end := tcfg.End()
		tr, err := e.Replay(tl, end)
		if err != nil {
			t.Fatal(err)
		}
		insts := e.Instances()
		for _, a := range e.Agreements() {
			insts = append(insts, scenario.Instance{Ref: agreement.AgreementRef(a)})
		}
		var changes []time.Time // the instants of the trace's transitions
		for x := range tr.Transitions() {
			changes = append(changes, x.At)
		}
		r, err := e.Start(tl.Start())
		if err != nil {
			t.Fatal(err)
		}
		var evs []agreement.Event
		for _, ev := range tl.Events() {
			evs = append(evs, ev)
		}
		check := func(at, next time.Time) {
			for _, i := range insts {
				s, since, err := r.State(i)
				if err != nil {
					t.Fatalf("State(%s): %v", i, err)
				}
				ws, wsince, err := tr.StateSince(i, at)
				if err != nil {
					t.Fatal(err)
				}
				if !since.IsZero() {
					moved++
				}
				if s != ws || !since.Equal(wsince) {
					t.Fatalf("at %s, %s: run %s since %s, trace %s since %s", at, i, s, since, ws, wsince)
				}
				if i.Ref.IsAgreement() {
					if _, err := r.Breaches(i); err == nil {
						t.Fatalf("Breaches(%s) of an agreement: no error", i)
					}
					continue
				}
				n, err := r.Breaches(i)
				if err != nil {
					t.Fatalf("Breaches(%s): %v", i, err)
				}
				bs, err := tr.BreachesOf(i, at)
				if err != nil {
					t.Fatal(err)
				}
				if n != len(bs) {
					t.Fatalf("at %s, %s: run %d breaches, trace %d", at, i, n, len(bs))
				}
				breached += n
			}
			w, ok := r.NextWake()
			if ok && !w.After(at) {
				t.Fatalf("at %s: wake-up %s not after it", at, w)
			}
			for _, c := range changes {
				if c.After(at) && c.Before(next) && (!ok || c.Before(w)) {
					t.Fatalf("at %s: a transition at %s, before the wake-up (%s, %v) and the next event (%s)", at, c, w, ok, next)
				}
			}
			if ok && w.Before(next) {
				woke++
			}
		}
		for k := 0; k < len(evs); {
			at := evs[k].At
			for ; k < len(evs) && evs[k].At.Equal(at); k++ {
				if err := r.Apply(evs[k]); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.AdvanceTo(at); err != nil {
				t.Fatal(err)
			}
			next := end.Add(time.Nanosecond)
			if k < len(evs) {
				next = evs[k].At
			}
			check(at, next)
		}
		if err := r.AdvanceTo(end); err != nil {
			t.Fatal(err)
		}
		check(end, end.Add(time.Nanosecond))
	})
	t.Logf("%d states compared after a transition, %d wake-ups before the next event, %d breaches counted", moved, woke, breached)
	if breached == 0 && !testing.Short() {
		t.Error("no check counted a breach")
	}
	if woke == 0 || moved == 0 {
		t.Error("no check had a wake-up before its next event, or an instance that moved")
	}
}

// TestRunQueriesAllocateNothing checks that Run.State and Run.NextWake
// allocate nothing, for a clause, a debtor's share and an agreement.
func TestRunQueriesAllocateNothing(t *testing.T) {
	a := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
			Action: &agreement.Pattern{Kind: "withdrawal"}, Deadline: agreement.Deadline{After: 72 * time.Hour}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := e.Start(start)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.AdvanceTo(start); err != nil {
		t.Fatal(err)
	}
	ua := scenario.Instance{Ref: agreement.QualifiedRef("a1", "C"), Debtor: "UA"}
	agr := scenario.Instance{Ref: agreement.AgreementRef("a1")}
	if s, since, err := r.State(ua); err != nil || s != agreement.StateInEffect || !since.Equal(start) {
		t.Fatalf("State(%s) = %s, %s, %v; want in-effect since the start", ua, s, since, err)
	}
	if w, ok := r.NextWake(); !ok || !w.Equal(start.Add(72*time.Hour)) {
		t.Fatalf("NextWake() = %s, %v; want the deadline", w, ok)
	}
	if n := testing.AllocsPerRun(100, func() {
		_, _, _ = r.State(ua)
		_, _, _ = r.State(agr)
		_, _ = r.NextWake()
		_, _ = r.Breaches(ua)
	}); n != 0 {
		t.Errorf("State and NextWake: %v allocations, want 0", n)
	}
	var zero *scenario.Run
	if _, _, err := zero.State(ua); err == nil {
		t.Error("State on a nil Run: no error")
	}
	if _, ok := zero.NextWake(); ok {
		t.Error("NextWake on a nil Run: true")
	}
	if _, _, err := r.State(scenario.Instance{}); err == nil {
		t.Error("State of the zero Instance: no error")
	}
}
