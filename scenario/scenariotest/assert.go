package scenariotest

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// AssertTransitionsValid reports through t every way the transitions of tr
// break the lifecycle (see the guarantees of package [scenario]), and
// carries on (it calls t.Errorf): each transition must be an edge of the
// lifecycle, with a cause that can set it off ([Classify]); its from-state
// must be the state the instance was actually in (its initial state, Dormant
// for a clause and Draft or Signed for an agreement, or the to-state of its
// previous transition), so that nothing ever leaves a final state; instants
// never decrease and lie within the trace; an event a cause names exists, is
// of the transition's batch for [scenario.CauseEvent], and did not happen
// after the transition (the exercise of a power that takes effect later,
// when its agreement is in force again, names the exercise). It also checks
// that [scenario.Trace.State] agrees with the transitions at each
// transition's instant. It accepts any [rapid.TB]: a *testing.T or a
// *rapid.T. A nil or zero tr has no transitions and passes; AssertTransitionsValid
// panics if t is nil.
func AssertTransitionsValid(t rapid.TB, tr *scenario.Trace) {
	t.Helper()
	current := map[scenario.Instance]agreement.State{}
	stateOf := func(i scenario.Instance) (agreement.State, error) {
		if s, ok := current[i]; ok {
			return s, nil
		}
		s, err := tr.State(i, tr.Start().Add(-time.Nanosecond))
		if err == nil {
			current[i] = s
		}
		return s, err
	}
	var last time.Time
	type seen struct {
		i  scenario.Instance
		at time.Time
	}
	var ends []seen
	n := 0
	for x := range tr.Transitions() {
		n++
		where := fmt.Sprintf("transition %d (%s %s -> %s at %s, cause %s)", n-1, x.Instance, x.From, x.To,
			stamp(x.At), x.Cause.Kind)
		if _, ok := Classify(x); !ok {
			t.Errorf("%s: not an edge of the lifecycle with that cause", where)
		}
		from, err := stateOf(x.Instance)
		switch {
		case err != nil:
			t.Errorf("%s: %v", where, err)
		case from != x.From:
			t.Errorf("%s: the instance was %s, not %s", where, from, x.From)
		}
		if from.IsFinal() && err == nil {
			t.Errorf("%s: leaves the final state %s", where, from)
		}
		current[x.Instance] = x.To
		if x.At.Before(last) {
			t.Errorf("%s: time goes back from %s", where, stamp(last))
		}
		last = x.At
		if x.At.Before(tr.Start()) || x.At.After(tr.End()) {
			t.Errorf("%s: outside the trace (%s to %s)", where, stamp(tr.Start()), stamp(tr.End()))
		}
		if i, named := x.Cause.Event(); named {
			ev, ok := tr.Event(i)
			switch {
			case !ok:
				t.Errorf("%s: the cause names event %d, which the trace does not have", where, i)
			case ev.At.After(x.At):
				t.Errorf("%s: the cause names event %d at %s, after the transition", where, i, stamp(ev.At))
			case x.Cause.Kind == scenario.CauseEvent && !ev.At.Equal(x.At):
				t.Errorf("%s: the cause names event %d at %s, not of the transition's batch", where, i,
					stamp(ev.At))
			}
		}
		switch x.Cause.Kind {
		case scenario.CauseEvent:
			if _, named := x.Cause.Event(); !named {
				t.Errorf("%s: an event cause names no event", where)
			}
		case scenario.CausePower, scenario.CauseClause:
			if x.Cause.By.IsAgreement() || x.Cause.By == (scenario.Instance{}) {
				t.Errorf("%s: a %s cause names %q, not a clause", where, x.Cause.Kind, x.Cause.By)
			}
		case scenario.CauseAgreement:
			if !x.Cause.By.IsAgreement() {
				t.Errorf("%s: an agreement cause names %q, not an agreement", where, x.Cause.By)
			}
		}
		ends = append(ends, seen{x.Instance, x.At})
	}
	// Trace.State at each transition's instant is the last to-state at that
	// instant.
	final := map[seen]agreement.State{}
	for x := range tr.Transitions() {
		final[seen{x.Instance, x.At}] = x.To
	}
	for _, e := range ends {
		got, err := tr.State(e.i, e.at)
		if err == nil && got != final[e] {
			t.Errorf("Trace.State(%s, %s) = %s, but its last transition at that instant is to %s", e.i,
				stamp(e.at), got, final[e])
		}
	}
}

// AssertNeverInEffectBefore reports through t (with t.Errorf) every clause
// instance of tr that is InEffect at an instant before the first event of
// kind in tr, or at all if there is no such event: "a guarantee conditional
// on a ceasefire is never active before the ceasefire". With clauses given,
// only the instances of those clauses are checked (a reference without an
// agreement matches the clause in any agreement); otherwise every clause is.
// It accepts any [rapid.TB]. A nil or zero tr has no transitions and
// passes; AssertNeverInEffectBefore panics if t is nil.
func AssertNeverInEffectBefore(t rapid.TB, tr *scenario.Trace, kind agreement.EventKind, clauses ...agreement.Ref) {
	t.Helper()
	var first time.Time
	found := false
	for _, ev := range tr.Events() {
		if ev.Kind == kind {
			first, found = ev.At, true
			break
		}
	}
	for x := range tr.Transitions() {
		if x.To != agreement.StateInEffect || x.Instance.IsAgreement() || found && !x.At.Before(first) {
			continue
		}
		if len(clauses) > 0 && !slices.ContainsFunc(clauses, func(r agreement.Ref) bool {
			return r.Clause == x.Instance.Ref.Clause && (r.Agreement == "" || r.Agreement == x.Instance.Ref.Agreement)
		}) {
			continue
		}
		if found {
			t.Errorf("%s is in effect at %s, before the first %s event at %s", x.Instance, stamp(x.At), kind,
				stamp(first))
		} else {
			t.Errorf("%s is in effect at %s, with no %s event", x.Instance, stamp(x.At), kind)
		}
	}
}

// Move is a transition with the event that caused it (if any) by value,
// rather than by its index in a trace: the form in which [AssertSameTransitions]
// compares traces whose timelines differ (events added or removed shift the
// indices). The zero value is a transition of nothing.
type Move struct {
	Instance scenario.Instance
	From, To agreement.State
	At       time.Time
	Cause    scenario.CauseKind
	By       scenario.Instance
	// Event is the event the cause names; nil for none.
	Event *agreement.Event
}

// Moves returns the transitions of tr, in order, as [Move] values; nil for
// a nil or zero tr.
func Moves(tr *scenario.Trace) []Move {
	var out []Move
	for x := range tr.Transitions() {
		s := Move{Instance: x.Instance, From: x.From, To: x.To, At: x.At, Cause: x.Cause.Kind, By: x.Cause.By}
		if i, named := x.Cause.Event(); named {
			if ev, ok := tr.Event(i); ok {
				s.Event = &ev
			}
		}
		out = append(out, s)
	}
	return out
}

// AssertSameTransitions reports through t (with t.Errorf) a difference
// between the transitions of want and got, compared as [Moves]: instance,
// states, instant, cause kind, the clause or agreement named by the cause,
// and the event named by the cause by value. It accepts any [rapid.TB]. A
// nil trace has no transitions, like the zero one; AssertSameTransitions
// panics if t is nil.
func AssertSameTransitions(t rapid.TB, want, got *scenario.Trace) {
	t.Helper()
	if diff := cmp.Diff(Moves(want), Moves(got), cmp.Comparer(equalEvents)); diff != "" {
		t.Errorf("transitions mismatch (-want +got):\n%s", diff)
	}
}

func equalEvents(a, b agreement.Event) bool {
	return a.At.Equal(b.At) && a.Kind == b.Kind && a.Actor == b.Actor && a.Target == b.Target &&
		a.Clause == b.Clause && a.Area == b.Area && a.Outcome == b.Outcome && a.Reporter == b.Reporter &&
		a.Attribution == b.Attribution && slices.EqualFunc(a.Quantities, b.Quantities, agreement.Quantity.Equal)
}

// FormatTransitions writes the transitions of tr one per line, as "instance
// from -> to at instant (cause)", for failure messages; "" for a nil or
// zero tr.
func FormatTransitions(tr *scenario.Trace) string {
	var b strings.Builder
	for x := range tr.Transitions() {
		fmt.Fprintf(&b, "%s %s -> %s at %s (%s", x.Instance, x.From, x.To, stamp(x.At), x.Cause.Kind)
		if i, named := x.Cause.Event(); named {
			if ev, ok := tr.Event(i); ok {
				fmt.Fprintf(&b, " #%d %s", i, ev.Kind)
			}
		}
		if x.Cause.By != (scenario.Instance{}) {
			fmt.Fprintf(&b, " by %s", x.Cause.By)
		}
		b.WriteString(")\n")
	}
	return b.String()
}

// FormatTimeline writes the events of tl one per line, for failure
// messages.
func FormatTimeline(tl scenario.Timeline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "start %s\n", stamp(tl.Start()))
	for i, ev := range tl.Events() {
		fmt.Fprintf(&b, "#%d %s %s", i, stamp(ev.At), ev.Kind)
		for _, f := range []struct{ k, v string }{{"actor", string(ev.Actor)}, {"target", string(ev.Target)},
			{"area", string(ev.Area)}, {"reporter", string(ev.Reporter)}, {"attribution", ev.Attribution.String()}} {
			if f.v != "" {
				fmt.Fprintf(&b, " %s=%s", f.k, f.v)
			}
		}
		if ev.Clause != (agreement.Ref{}) {
			fmt.Fprintf(&b, " clause=%s", ev.Clause)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// FormatProcess writes the agreements of p compactly, one line per
// agreement (signing status, zone, signatories, signatures, entry into
// force) and per clause (kind, debtors, conditions, limits, recurrence, a
// power's effect and targets), for failure messages; "" for the zero
// Process.
func FormatProcess(p agreement.Process) string {
	var b strings.Builder
	for _, a := range p.Agreements {
		fmt.Fprintf(&b, "agreement %s", a.ID)
		if a.SigningStatus != agreement.SigningStatusUnspecified {
			fmt.Fprintf(&b, " signing=%s", a.SigningStatus)
		}
		if a.Zone != "" {
			fmt.Fprintf(&b, " zone=%s", a.Zone)
		}
		if len(a.Signatories) > 0 {
			fmt.Fprintf(&b, " signatories=%v", a.Signatories)
		}
		if len(a.Signatures) > 0 {
			b.WriteString(" signatures=[")
			for i, sg := range a.Signatures {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(string(sg.Party))
				if !sg.Date.IsZero() {
					b.WriteString("@" + stamp(sg.Date))
				}
			}
			b.WriteByte(']')
		}
		if a.EntryIntoForce != nil {
			fmt.Fprintf(&b, " entry=%s", a.EntryIntoForce)
		}
		if !a.InForceAt.IsZero() {
			fmt.Fprintf(&b, " inForceAt=%q", a.InForceAt.String())
		}
		b.WriteByte('\n')
		for _, f := range a.Fluents {
			fmt.Fprintf(&b, "  fluent %s initially=%t initiates=%v terminates=%v\n", f.ID, f.Initially, f.Initiates,
				f.Terminates)
		}
		for _, c := range a.Clauses {
			fmt.Fprintf(&b, "  %s %s debtors=%v", c.ID, c.Kind, c.Debtors)
			if c.Joint {
				b.WriteString(" joint")
			}
			if c.Surviving {
				b.WriteString(" surviving")
			}
			if c.Provisional {
				b.WriteString(" provisional")
			}
			if c.Standing {
				b.WriteString(" standing")
			}
			if c.Zone != "" {
				fmt.Fprintf(&b, " zone=%s", c.Zone)
			}
			if c.Action != nil {
				fmt.Fprintf(&b, " action=%q", c.Action.String())
			}
			for _, nc := range c.Conditions() {
				if nc.Condition != nil {
					fmt.Fprintf(&b, " %s=%s", nc.Name, nc.Condition)
				}
			}
			if !c.Deadline.IsZero() {
				fmt.Fprintf(&b, " deadline=%s", c.Deadline)
			}
			if !c.Expiry.IsZero() {
				fmt.Fprintf(&b, " expiry=%s", c.Expiry)
			}
			if !c.Recurs.IsZero() {
				fmt.Fprintf(&b, " recurs=%q", c.Recurs.String())
			}
			if c.Kind == agreement.DeonticPower {
				fmt.Fprintf(&b, " effect=%s targets=%v", c.Effect, c.Targets)
				if c.ResumedBy != "" {
					fmt.Fprintf(&b, " resumedBy=%s", c.ResumedBy)
				}
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
