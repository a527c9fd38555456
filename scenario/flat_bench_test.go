package scenario_test

import (
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// flatProgram is the lower bound the workload benchmarks compare the
// engine with: a hand-written loop over flat arrays that replays an
// agreement under deliberately simplified semantics.
//
//   - A clause has an instance per debtor (one for a joint clause), a
//     state (dormant, pending, in effect, fulfilled, violated) and a
//     count of breaches.
//   - Events are integer-coded (kind, actor, target, area) and dispatched
//     by kind to the (instance, role) pairs whose patterns name that kind;
//     a pattern matches on those four fields, Debtor standing for the
//     instance's own debtor.
//   - A trigger is a latched flag set by the first event matching any
//     pattern of the trigger condition (a fluent's by any pattern that
//     initiates it); a condition with no pattern holds from the start.
//     An antecedent is likewise, after the trigger.
//   - In effect, an obligation is fulfilled by its action; a prohibition
//     is violated by it, or, standing, counts a breach and stays in
//     effect. A deadline (an exact duration, or a period's days taken as
//     24 hours, counted from entry into effect) is a heap entry that
//     violates an obligation still in effect when the clock passes it.
//     Everything else (expiries, powers, anchors, calendars, fluents
//     ending, timed atoms, dependencies between clauses, territory,
//     causes) is ignored.
//
// It is written to be fast, not slow: no allocation per replay, no maps
// in the loop, no interfaces.
type flatProgram struct {
	kinds   map[agreement.EventKind]int32
	parties map[agreement.PartyID]int32
	areas   map[agreement.AreaID]int32
	insts   []flatInst
	// byKind lists, per event kind, the (instance, role) pairs to try.
	byKind [][]flatHook
	st     []flatState
	dl     flatHeap
}

type flatPattern struct{ kind, actor, target, area int32 }

const (
	flatAny    = -1
	flatDebtor = -2
)

type flatInst struct {
	debtor          int32
	trigOK, anteOK  bool // no pattern: holds from the start
	obligation      bool
	standing        bool
	deadline        int64
	trig, ante, act []flatPattern
}

type flatRole uint8

const (
	roleTrigger flatRole = iota
	roleAntecedent
	roleAction
)

type flatHook struct {
	inst int32
	role flatRole
	pat  flatPattern
}

type flatState struct {
	state    agreement.State
	breaches int32
}

type flatEvent struct {
	at                        int64
	kind, actor, target, area int32
}

type flatTimeline struct {
	events []flatEvent
	end    int64
}

type flatTimer struct {
	at   int64
	inst int32
}

// flatHeap is a min-heap of deadlines, typed so that it allocates nothing.
type flatHeap []flatTimer

func (h *flatHeap) push(t flatTimer) {
	*h = append(*h, t)
	s := *h
	for i := len(s) - 1; i > 0; {
		up := (i - 1) / 2
		if s[up].at <= s[i].at {
			break
		}
		s[i], s[up] = s[up], s[i]
		i = up
	}
}

func (h *flatHeap) pop() flatTimer {
	s := *h
	t := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	for i := 0; ; {
		m, l := i, 2*i+1
		if l < n && s[l].at < s[m].at {
			m = l
		}
		if l+1 < n && s[l+1].at < s[m].at {
			m = l + 1
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return t
}

func newFlatProgram(a agreement.Agreement) *flatProgram {
	p := &flatProgram{kinds: map[agreement.EventKind]int32{}, parties: map[agreement.PartyID]int32{},
		areas: map[agreement.AreaID]int32{}}
	fluents := map[agreement.FluentID][]agreement.Pattern{}
	for _, f := range a.Fluents {
		fluents[f.ID] = f.Initiates
	}
	patterns := func(c agreement.Condition) []agreement.Pattern {
		var ps []agreement.Pattern
		agreement.Walk(c, func(n agreement.Condition) bool {
			if f, ok := n.(*agreement.HoldsCondition); ok {
				ps = append(ps, fluents[f.Fluent()]...)
			}
			return true
		})
		return append(ps, agreement.Patterns(c)...)
	}
	for _, c := range a.Clauses {
		if c.Kind != agreement.DeonticObligation && c.Kind != agreement.DeonticProhibition {
			continue
		}
		debtors := []agreement.PartyID{""}
		if !c.Joint {
			debtors = c.Debtors
		}
		for _, d := range debtors {
			in := flatInst{debtor: p.party(d), obligation: c.Kind == agreement.DeonticObligation, standing: c.Standing,
				deadline: int64(c.Deadline.After + time.Duration(c.Deadline.Period.Days)*24*time.Hour)}
			for _, pt := range patterns(c.Trigger) {
				in.trig = append(in.trig, p.pattern(pt))
			}
			for _, pt := range patterns(c.Antecedent) {
				in.ante = append(in.ante, p.pattern(pt))
			}
			if c.Action != nil {
				in.act = append(in.act, p.pattern(*c.Action))
			}
			in.trigOK, in.anteOK = len(in.trig) == 0, len(in.ante) == 0
			ii := int32(len(p.insts))
			p.insts = append(p.insts, in)
			for role, ps := range [][]flatPattern{in.trig, in.ante, in.act} {
				for _, pt := range ps {
					for int(pt.kind) >= len(p.byKind) {
						p.byKind = append(p.byKind, nil)
					}
					p.byKind[pt.kind] = append(p.byKind[pt.kind], flatHook{inst: ii, role: flatRole(role), pat: pt})
				}
			}
		}
	}
	p.st = make([]flatState, len(p.insts))
	p.dl = make(flatHeap, 0, len(p.insts))
	return p
}

func (p *flatProgram) party(id agreement.PartyID) int32 {
	if id == agreement.Debtor {
		return flatDebtor
	}
	return code(p.parties, id)
}

func code[K ~string](m map[K]int32, s K) int32 {
	if s == "" {
		return flatAny
	}
	c, ok := m[s]
	if !ok {
		c = int32(len(m))
		m[s] = c
	}
	return c
}

func (p *flatProgram) pattern(pt agreement.Pattern) flatPattern {
	return flatPattern{kind: code(p.kinds, pt.Kind), actor: p.party(pt.Actor), target: p.party(pt.Target),
		area: code(p.areas, pt.Area)}
}

// encode turns a timeline into integer-coded events, outside the measured
// loop.
func (p *flatProgram) encode(tl scenario.Timeline, end time.Time) flatTimeline {
	var ft flatTimeline
	for _, ev := range tl.Events() {
		k, ok := p.kinds[ev.Kind]
		if !ok {
			k = -1
		}
		ft.events = append(ft.events, flatEvent{at: ev.At.UnixNano(), kind: k, actor: code(p.parties, ev.Actor),
			target: code(p.parties, ev.Target), area: code(p.areas, ev.Area)})
	}
	ft.end = end.UnixNano()
	return ft
}

func (pt flatPattern) matches(ev *flatEvent, debtor int32) bool {
	field := func(want, got int32) bool {
		switch want {
		case flatAny:
			return true
		case flatDebtor:
			return got == debtor
		}
		return want == got
	}
	return field(pt.actor, ev.actor) && field(pt.target, ev.target) && field(pt.area, ev.area)
}

// run replays ft and returns a checksum of the final states.
func (p *flatProgram) run(ft *flatTimeline) int {
	for i := range p.st {
		p.st[i] = flatState{}
	}
	p.dl = p.dl[:0]
	// The start: instances with no trigger pattern move at once.
	for i := range p.insts {
		p.step(int32(i), ft.events[0].at)
	}
	for k := range ft.events {
		ev := &ft.events[k]
		p.expire(ev.at)
		if ev.kind < 0 || int(ev.kind) >= len(p.byKind) {
			continue
		}
		for _, h := range p.byKind[ev.kind] {
			in := &p.insts[h.inst]
			st := &p.st[h.inst]
			if !h.pat.matches(ev, in.debtor) {
				continue
			}
			switch h.role {
			case roleTrigger:
				if st.state == agreement.StateDormant {
					in.trigOK = true // latched for this replay: reset below
					p.step(h.inst, ev.at)
				}
			case roleAntecedent:
				if st.state == agreement.StatePending {
					st.state = agreement.StateInEffect
					p.enter(h.inst, ev.at)
				}
			case roleAction:
				if st.state != agreement.StateInEffect {
					continue
				}
				switch {
				case in.obligation:
					st.state = agreement.StateFulfilled
				case in.standing:
					st.breaches++
				default:
					st.state = agreement.StateViolated
				}
			}
		}
	}
	p.expire(ft.end + 1)
	sum := 0
	for i := range p.st {
		sum += int(p.st[i].state) + int(p.st[i].breaches)
		// Restore the latches of triggers with patterns for the next replay.
		p.insts[i].trigOK = len(p.insts[i].trig) == 0
	}
	return sum
}

// step moves a dormant instance whose trigger holds.
func (p *flatProgram) step(ii int32, at int64) {
	in := &p.insts[ii]
	if !in.trigOK || p.st[ii].state != agreement.StateDormant {
		return
	}
	if in.anteOK {
		p.st[ii].state = agreement.StateInEffect
		p.enter(ii, at)
		return
	}
	p.st[ii].state = agreement.StatePending
}

func (p *flatProgram) enter(ii int32, at int64) {
	if d := p.insts[ii].deadline; d > 0 && p.insts[ii].obligation {
		p.dl.push(flatTimer{at: at + d, inst: ii})
	}
}

// expire violates the obligations whose deadlines fall before t.
func (p *flatProgram) expire(t int64) {
	for len(p.dl) > 0 && p.dl[0].at < t {
		tm := p.dl.pop()
		if st := &p.st[tm.inst]; st.state == agreement.StateInEffect {
			st.state = agreement.StateViolated
		}
	}
}
