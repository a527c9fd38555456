package scenario

import (
	"math"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// never is the instant that never comes: no timer, no deadline.
const never = math.MaxInt64

// beforeAll is a window start that lets a condition see every event.
const beforeAll = math.MinInt64

// numStates bounds agreement.State values, for per-clause state counts.
const numStates = 16

// world is the state conditions are evaluated against: the events so far and
// the occurrences of each pattern, fluent values, clause and agreement
// states, at instant now. A replay keeps one up to date; an explanation
// rebuilds one for a past instant. Evaluation never allocates.
type world struct {
	e   *Engine
	now int64
	// late is the instant now stands for when now is never: an instant
	// after agreement.InstantRange, at which an Evaluator may be asked
	// about timed atoms. Replays never set it.
	late time.Time

	at  []int64   // instant of each event, by event index
	occ [][]int32 // per pattern: indices of matching events, in order

	fluentVal []bool
	fluentEv  []int32 // event that last changed the fluent; -1 if none

	agrState []agreement.State
	agrTrans []int32 // last transition of each agreement; -1 if none

	counts      [][numStates]int32 // per clause: how many instances are in each state
	clauseTrans []int32            // last transition of any instance of each clause; -1 if none
}

// newWorld returns the world of e at instant now before any event (see
// [world.reset]), with its tables allocated.
func (e *Engine) newWorld(now int64) world {
	w := world{
		e:           e,
		occ:         make([][]int32, len(e.patterns)),
		fluentVal:   make([]bool, len(e.fluents)),
		fluentEv:    make([]int32, len(e.fluents)),
		agrState:    make([]agreement.State, len(e.agreements)),
		agrTrans:    make([]int32, len(e.agreements)),
		counts:      make([][numStates]int32, len(e.clauses)),
		clauseTrans: make([]int32, len(e.clauses)),
	}
	w.reset(now)
	return w
}

// reset puts w at instant now before any event, keeping its memory: no
// occurrence, every fluent at its initial value, every agreement Draft (or
// Signed, if it is signed) and every instance Dormant, with no transition.
func (w *world) reset(now int64) {
	e := w.e
	w.now = now
	w.at = w.at[:0]
	for i := range w.occ {
		w.occ[i] = w.occ[i][:0]
	}
	for i, f := range e.fluents {
		w.fluentVal[i], w.fluentEv[i] = f.initially, -1
	}
	for i, a := range e.agreements {
		w.agrState[i], w.agrTrans[i] = agreement.StateDraft, -1
		if a.signed {
			w.agrState[i] = agreement.StateSigned
		}
	}
	for ci := range w.counts {
		w.counts[ci] = [numStates]int32{}
		w.clauseTrans[ci] = -1
	}
	for _, inst := range e.instances {
		w.counts[inst.clause][agreement.StateDormant]++
	}
}

func addSat(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	if b < 0 && a < math.MinInt64-b {
		return math.MinInt64
	}
	return a + b
}

// reached reports whether the instant d after instant a is at or before
// now: addSat(a, d) <= now, computed exactly also when now is never and
// stands for late, an instant after the range of int64 nanoseconds.
func (s *world) reached(a, d int64) bool {
	if s.now == never && !s.late.IsZero() {
		return !time.Unix(0, a).Add(time.Duration(d)).After(s.late)
	}
	return addSat(a, d) <= s.now
}

// lastAfter returns the last occurrence of pattern p strictly after w, or -1.
func (s *world) lastAfter(p int32, w int64) int32 {
	l := s.occ[p]
	if len(l) == 0 {
		return -1
	}
	if last := l[len(l)-1]; s.at[last] > w {
		return last
	}
	return -1
}

// firstAfter returns the first occurrence of pattern p strictly after w, or -1.
func (s *world) firstAfter(p int32, w int64) int32 {
	l := s.occ[p]
	if w == beforeAll && len(l) > 0 {
		return l[0] // every instant is after beforeAll
	}
	lo, hi := 0, len(l)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.at[l[m]] > w {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo == len(l) {
		return -1
	}
	return l[lo]
}

// nodeRecord is what an explanation keeps of one node's evaluation.
type nodeRecord struct {
	value bool
	event int32 // deciding event; -1 if none
	other int32 // second event (before: the later one); -1 if none
	trans int32 // deciding transition (state atoms); -1 if none
	at    int64 // instant a timed atom turned (since: first+d; within: last+d); never if none
}

// recorder collects node records for the nodes [lo, lo+len(recs)).
type recorder struct {
	lo   int32
	recs []nodeRecord
}

// eval returns the value of node i with event atoms seeing only events
// strictly after w. With rec == nil it allocates nothing and short-circuits;
// with a recorder it evaluates every node and records each one.
func (s *world) eval(i int32, w int64, rec *recorder) bool {
	n := &s.e.nodes[i]
	var v bool
	r := nodeRecord{event: -1, other: -1, trans: -1, at: never}
	switch n.op {
	case opTrue:
		v = true
	case opHappened:
		if rec == nil {
			v = s.lastAfter(n.a, w) >= 0
		} else {
			r.event = s.firstAfter(n.a, w)
			v = r.event >= 0
		}
	case opHolds:
		v = s.fluentVal[n.a]
		r.event = s.fluentEv[n.a]
	case opClauseIn:
		c := &s.counts[n.a]
		for st := 0; st < numStates; st++ {
			if n.states&(1<<st) != 0 && c[st] > 0 {
				v = true
				break
			}
		}
		r.trans = s.clauseTrans[n.a]
	case opAgreementIn:
		v = n.states&(1<<s.agrState[n.a]) != 0
		r.trans = s.agrTrans[n.a]
	case opBefore:
		if f := s.firstAfter(n.a, w); f >= 0 {
			if l := s.lastAfter(n.b, w); l >= 0 && s.at[l] > s.at[f] {
				v = true
				if rec != nil {
					r.event, r.other = f, s.firstAfter(n.b, s.at[f])
				}
			}
		}
	case opWithin:
		if l := s.lastAfter(n.a, w); l >= 0 {
			end := addSat(s.at[l], n.d)
			v = !s.reached(s.at[l], n.d)
			r.event, r.at = l, end
		}
	case opSince:
		if f := s.firstAfter(n.a, w); f >= 0 {
			t := addSat(s.at[f], n.d)
			v = s.reached(s.at[f], n.d)
			r.event, r.at = f, t
		}
	case opAll:
		v = true
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if !s.eval(k, w, rec) {
				v = false
				if rec == nil {
					break
				}
			}
		}
	case opAny:
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if s.eval(k, w, rec) {
				v = true
				if rec == nil {
					break
				}
			}
		}
	case opNot:
		v = !s.eval(s.e.kids[n.first], w, rec)
	case opAtLeast:
		count := int32(0)
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if s.eval(k, w, rec) {
				count++
				if rec == nil && count >= n.k {
					break
				}
			}
		}
		v = count >= n.k
	}
	if rec != nil {
		r.value = v
		rec.recs[i-rec.lo] = r
	}
	return v
}

// nextChange returns the first instant after now at which a timed node among
// nodes could change value without a new event, or never.
func (s *world) nextChange(nodes []int32, w int64) int64 { return s.changeAfter(nodes, w, s.now) }

// changeAfter returns the first instant after t at which a timed node among
// nodes changes value without a new event, or never.
func (s *world) changeAfter(nodes []int32, w, after int64) int64 {
	next := int64(never)
	for _, i := range nodes {
		n := &s.e.nodes[i]
		var t int64 = never
		switch n.op {
		case opWithin:
			if l := s.lastAfter(n.a, w); l >= 0 {
				t = addSat(s.at[l], n.d)
			}
		case opSince:
			if f := s.firstAfter(n.a, w); f >= 0 {
				t = addSat(s.at[f], n.d)
			}
		}
		if t > after && t < next {
			next = t
		}
	}
	return next
}

// span returns the first node index of the condition rooted at root: its
// nodes are root's subtree, stored contiguously and ending at root.
func (e *Engine) span(root int32) int32 {
	lo := root
	e.walk(root, func(i int32) { lo = min(lo, i) })
	return lo
}
