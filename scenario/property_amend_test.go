package scenario_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// amendCase is a drawn process with a timeline: its events (in timeline
// order) and amendments (in order of instant).
type amendCase struct {
	p          agreement.Process
	e          *scenario.Engine
	start, end time.Time
	events     []agreement.Event
	amendments []agreement.Amendment
}

// amendDraw draws a case with at least one amendment: either a process drawn
// as the state machine draws it, events on the hour grid, each drawn for
// the texts in force at its instant, and amendments (at hours among the
// events' or between them) drawn by refDrawAmendment, each of the texts in
// force after those before it; or a process of
// scenariotest.LifecycleProcess with a timeline of
// scenariotest.AmendedTimeline, whose amendments agreementtest draws (one
// drawn by agreementtest.ProcessAmendment at an event's instant when it has
// none).
func amendDraw(t *rapid.T) amendCase {
	if refChance(t, "lifecycle-timeline", 40) {
		return amendDrawLifecycle(t)
	}
	c := amendCase{p: refAnyProcess().Draw(t, "process"), start: refHour(0)}
	c.compile(t)
	k := 0
	var hours []int
	for range refUniform(t, "events", 25) {
		k += refUniform(t, "gap", 7)
		hours = append(hours, k)
	}
	texts := c.p
	at := 0
	for range 1 + refUniform(t, "amendments", 3) {
		// At an event's hour, or between.
		if len(hours) > 0 && rapid.Bool().Draw(t, "at-event") {
			at = max(at, rapid.SampledFrom(hours).Draw(t, "amendment-hour"))
		} else {
			at += refUniform(t, "amendment-gap", 24)
		}
		a := refDrawAmendment(t, texts, refHour(at))
		c.amendments = append(c.amendments, a)
		texts = refReplaced(texts, a.Text)
	}
	for _, h := range hours {
		c.events = append(c.events, refDrawEvent(t, c.textsAt(refHour(h), len(c.amendments)), refHour(h)))
	}
	c.end = refHour(max(k, at) + refUniform(t, "tail", 73))
	return c
}

// amendDrawLifecycle draws a case of scenariotest's generators.
func amendDrawLifecycle(t *rapid.T) amendCase {
	c := amendCase{p: scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{Clauses: 6}).Draw(t, "lifecycle-process")}
	c.compile(t)
	cfg := scenariotest.TimelineConfig{MinEvents: 8, MaxEvents: 24}
	tl := scenariotest.AmendedTimeline(c.p, cfg).Draw(t, "amended-timeline")
	c.start, c.end = tl.Start(), cfg.End()
	for _, ev := range tl.Events() {
		c.events = append(c.events, ev)
	}
	c.amendments = tl.Amendments()
	if len(c.amendments) == 0 {
		at := c.start
		if len(c.events) > 0 {
			at = rapid.SampledFrom(c.events).Draw(t, "amended-at").At
		}
		a := agreementtest.ProcessAmendment(c.p, agreementtest.Config{}).Draw(t, "amendment")
		a.At = at
		c.amendments = []agreement.Amendment{a}
		// An event that names what the amendment removed is left out, as
		// AmendedTimeline leaves it out.
		if err := c.timeline(c.amendments).Validate(c.e); err != nil {
			c.amendments = []agreement.Amendment{{At: at, Label: "unchanged", Text: c.textsAt(at, 0).Agreements[0].Clone()}}
		}
	}
	return c
}

func (c *amendCase) compile(t *rapid.T) {
	var err error
	if c.e, err = scenario.CompileProcess(c.p); err != nil {
		t.Fatalf("compile: %v\n%s", err, refDescribe(c.p))
	}
}

// textsAt returns the texts in force at instant at after the first n
// amendments (those of them at or before it).
func (c amendCase) textsAt(at time.Time, n int) agreement.Process {
	texts := c.p
	for _, a := range c.amendments[:n] {
		if !a.At.After(at) {
			texts = refReplaced(texts, a.Text)
		}
	}
	return texts
}

// withUnchanged returns the case's amendments with one to three more, each
// at an instant among the others', the events' or the start, of the text
// in force there (after every amendment at or before it), unchanged; and
// which of the returned amendments are those.
func (c amendCase) withUnchanged(t *rapid.T) ([]agreement.Amendment, map[int]bool) {
	instants := []time.Time{c.start}
	for _, a := range c.amendments {
		instants = append(instants, a.At)
	}
	for _, ev := range c.events {
		instants = append(instants, ev.At)
	}
	out := slices.Clone(c.amendments)
	added := make([]bool, len(out))
	for n := range 1 + refUniform(t, "unchanged", 3) {
		at := rapid.SampledFrom(instants).Draw(t, "unchanged-at")
		k := 0 // after every amendment at or before at
		for k < len(out) && !out[k].At.After(at) {
			k++
		}
		texts := c.p
		for _, a := range out[:k] {
			texts = refReplaced(texts, a.Text)
		}
		text := rapid.SampledFrom(texts.Agreements).Draw(t, "unchanged-agreement").Clone()
		out = slices.Insert(out, k, agreement.Amendment{At: at, Label: fmt.Sprintf("unchanged %d", n), Text: text})
		added = slices.Insert(added, k, true)
	}
	unchanged := map[int]bool{}
	for k, u := range added {
		unchanged[k] = u
	}
	return out, unchanged
}

func (c amendCase) timeline(amendments []agreement.Amendment) scenario.Timeline {
	return scenario.NewTimeline(c.start, c.events...).WithAmendments(amendments...)
}

func (c amendCase) replay(t *rapid.T, amendments []agreement.Amendment) *scenario.Trace {
	t.Helper()
	tl := c.timeline(amendments)
	if err := tl.Validate(c.e); err != nil {
		t.Fatalf("drawn timeline: %v", err)
	}
	tr, err := c.e.Replay(tl, c.end)
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	return tr
}

func (c amendCase) describe() string {
	var b strings.Builder
	b.WriteString("process:\n" + refDescribe(c.p) + "events:\n" + refDescribeEvents(c.events))
	b.WriteString(refDescribeAmendments(c.p, c.amendments))
	return b.String()
}

// amendMade reports whether x is a transition an amendment makes as it
// takes effect (a clause or an instance it removes, a suspension it drops),
// whose version is that amendment's even when another takes effect after it
// at the same instant.
func amendMade(x scenario.Transition) bool {
	return x.Cause.Kind == scenario.CauseAmendment && (x.To == agreement.StateTerminated ||
		x.From == agreement.StateSuspended && x.To == agreement.StateInEffect)
}

// amendTransitions lists the transitions of tr with their causes and
// versions, one a line.
func amendTransitions(tr *scenario.Trace) []string {
	var out []string
	for x := range tr.Transitions() {
		out = append(out, fmt.Sprintf("%s %s->%s at %s cause %s by %s event %d v%d", x.Instance, x.From, x.To,
			refStamp(x.At), x.Cause.Kind, x.Cause.By, eventOf(x.Cause), x.Version))
	}
	return out
}

// TestPropertyUnchangedAmendment checks that an amendment whose text is the
// text in force changes nothing: a replay with it and one without it have
// the same transitions (instance, states, instant and cause), the same ends
// of terms, breaches and states at the end, and differ only in the version
// of the transitions at and after its instant (the index of the text that
// decided each counts it). The timelines may carry other amendments, which
// change their texts, before and after it, at the same instant too.
func TestPropertyUnchangedAmendment(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := amendDraw(t)
		all, unchanged := c.withUnchanged(t)
		with, base := c.replay(t, all), c.replay(t, c.amendments)
		c.amendments = all // for the versions and the failure reports
		// The version of a transition, with the unchanged amendments: that
		// of the amendment making it, for one an amendment makes (the w-th
		// changing one); otherwise that of the last amendment at or before
		// its instant.
		var real []int // the positions, from 1, of the changing amendments
		for k := range c.amendments {
			if !unchanged[k] {
				real = append(real, k+1)
			}
		}
		version := func(x scenario.Transition) int {
			if amendMade(x) && x.Version > 0 {
				return real[x.Version-1]
			}
			n := 0
			for _, a := range c.amendments {
				if !a.At.After(x.At) {
					n++
				}
			}
			return n
		}
		var want []string
		for x := range base.Transitions() {
			x.Version = version(x)
			want = append(want, fmt.Sprintf("%s %s->%s at %s cause %s by %s event %d v%d", x.Instance, x.From, x.To,
				refStamp(x.At), x.Cause.Kind, x.Cause.By, eventOf(x.Cause), x.Version))
		}
		if got := amendTransitions(with); !slices.Equal(got, want) {
			t.Fatalf("transitions with the unchanged amendments:\n  %s\nwithout them (versions shifted):\n  %s\n%s",
				strings.Join(got, "\n  "), strings.Join(want, "\n  "), c.describe())
		}
		var got, exp []scenario.Renewal
		for rn := range with.Renewals() {
			got = append(got, rn)
		}
		for rn := range base.Renewals() {
			exp = append(exp, rn)
		}
		if !slices.Equal(got, exp) {
			t.Fatalf("renewals with the unchanged amendments %v, without %v\n%s", got, exp, c.describe())
		}
		if g, w := len(with.Versions()), len(c.amendments)+1; g != w {
			t.Fatalf("%d versions, want %d\n%s", g, w, c.describe())
		}
		for k, v := range with.Versions()[1:] {
			if unchanged[k] && len(v.Changes) != 0 {
				t.Fatalf("version %d, of an unchanged text, lists %d changes\n%s", k+1, len(v.Changes), c.describe())
			}
		}
		for _, i := range refReplay(c.p, c.start, c.events, c.end).Instances() {
			g, err1 := with.State(i, c.end)
			w, err2 := base.State(i, c.end)
			if err1 != nil || err2 != nil || g != w {
				t.Fatalf("state of %s at the end: %s (%v) with the unchanged amendments, %s (%v) without\n%s", i, g, err1,
					w, err2, c.describe())
			}
			gb, _ := with.BreachesOf(i, c.end)
			wb, _ := base.BreachesOf(i, c.end)
			if len(gb) != len(wb) {
				t.Fatalf("%d breaches of %s with the unchanged amendments, %d without\n%s", len(gb), i, len(wb), c.describe())
			}
		}
	})
}

// TestPropertyAmendmentKeepsThePast checks that an amendment taking effect at
// instant t never changes a transition before t: the transitions before the
// first amendment's instant of a replay with amendments are those of the
// reference model replaying the same events without any (in order, with
// their causes' kinds), and are of version 0; and the transitions at or
// after it carry the version of the last amendment in force at their
// instant (or, made by an amendment, that amendment's).
func TestPropertyAmendmentKeepsThePast(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := amendDraw(t)
		tr := c.replay(t, c.amendments)
		first := c.amendments[0].At
		res := refReplay(c.p, c.start, c.events, c.end)
		var got, want []refTransition
		for x := range tr.Transitions() {
			if x.At.Before(first) {
				got = append(got, refTransition{Inst: x.Instance, From: x.From, To: x.To, At: x.At, Version: x.Version})
			}
			// The last amendment in force at its instant; for a
			// transition an amendment makes, that amendment, one at its
			// instant.
			v := 0
			for k, a := range c.amendments {
				if !a.At.After(x.At) {
					v = k + 1
				}
			}
			if amendMade(x) && x.Version > 0 && x.Version <= v && c.amendments[x.Version-1].At.Equal(x.At) {
				v = x.Version
			}
			if x.Version != v {
				t.Fatalf("%s %s->%s at %s has version %d, want %d\n%s", x.Instance, x.From, x.To, refStamp(x.At), x.Version, v,
					c.describe())
			}
		}
		for _, x := range res.log {
			if x.At.Before(first) {
				want = append(want, x)
			}
		}
		if !slices.EqualFunc(got, want, func(a, b refTransition) bool {
			return a.Inst == b.Inst && a.From == b.From && a.To == b.To && a.At.Equal(b.At) && a.Version == b.Version
		}) {
			t.Fatalf("transitions before the amendment at %s: engine with it, model without it\n%s%s", refStamp(first),
				refSideBySide(got, want), c.describe())
		}
		// The causes before it too, as the model names them.
		before := &refResult{m: res.m, m0: res.m0, start: res.start, end: res.end, events: res.events,
			log: want, decisions: res.decisions[:len(want)], versions: res.versions}
		var prefix []scenario.Transition
		for x := range tr.Transitions() {
			if x.At.Before(first) {
				prefix = append(prefix, x)
			}
		}
		if diffs := refCompareCausesOf(prefix, tr, before); len(diffs) > 0 {
			t.Fatalf("causes before the amendment at %s:\n%s\n%s", refStamp(first), strings.Join(diffs, "\n"), c.describe())
		}
	})
}
