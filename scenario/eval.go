package scenario

import (
	"math"
	"slices"
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

	events hist[agreement.Event] // the events so far
	// borrowed says events and at are a timeline's (see Run.replay),
	// never to be written to.
	borrowed bool
	at       hist[int64]   // instant of each event, by event index
	occ      []hist[int32] // per pattern: indices of matching events, in order
	// occSlab is memory for the first occurrences of patterns (see
	// world.occPush), never handed out twice: a fork starts without it.
	occSlab []int32

	fluentVal []bool
	fluentEv  []int32 // event that last changed the fluent; -1 if none

	agrState []agreement.State
	agrTrans []int32 // last transition of each agreement; -1 if none

	counts      [][numStates]int32 // per clause: how many instances are in each state
	clauseTrans []int32            // last transition of any instance of each clause; -1 if none
	instSt      []agreement.State  // per instance: its state
	instSince   []int64            // per instance: when it entered its state
	instTrans   []int32            // per instance: its last transition; -1 if none

	// Breaches of standing clauses, in the order recorded, and per clause
	// the indices of its own in blog; byClause is nil until the first
	// breach (see addBreach).
	blog     hist[breach]
	byClause []hist[int32]

	// rev holds, per event, the index of the latest revision of it seen
	// so far, or -1; nil while there has been none. It is replaced, never
	// modified in place, so that forks and traces may share it.
	rev  []int32
	revs []int32     // the revision events, in order
	rlog []occChange // occurrences revisions added or removed, in order
}

// occChange records that a revision at instant at made event ev match
// pattern p (add) or stop matching it.
type occChange struct {
	p, ev int32
	add   bool
	at    int64
}

// breach is one breach of a standing clause.
type breach struct {
	inst  int32
	event int32 // the breaching event; -1 if none
	at    int64 // when it was recorded
	act   int64 // the instant of the breaching act: its event's, or at
	cause cause // made public with the engine of version ver
	ver   int32 // the version in force
}

// newWorld returns the world of e at instant now before any event (see
// [world.reset]), with its tables allocated where p places them (see
// place; nil for a run's first place).
func (e *Engine) newWorld(now int64, p *place) world {
	// The arrays of one type share one allocation, each clipped so that
	// an append (an amendment adding clauses) moves it out.
	ni := len(e.fluents) + len(e.agreements) + len(e.clauses) + len(e.instances)
	ints := lineMake[int32](p, ni, ni)
	states := lineMake[agreement.State](p, len(e.agreements)+len(e.instances), 0)
	w := world{
		e:           e,
		occ:         lineMake[hist[int32]](p, len(e.patterns), 0),
		fluentVal:   lineMake[bool](p, len(e.fluents), 0),
		fluentEv:    carve(&ints, len(e.fluents)),
		agrState:    carve(&states, len(e.agreements)),
		agrTrans:    carve(&ints, len(e.agreements)),
		counts:      lineMake[[numStates]int32](p, len(e.clauses), 0),
		clauseTrans: carve(&ints, len(e.clauses)),
		instSt:      carve(&states, len(e.instances)),
		instSince:   lineMake[int64](p, len(e.instances), 0),
		instTrans:   carve(&ints, len(e.instances)),
	}
	w.reset(now, true)
	return w
}

// worldTables are the tables of a world that no trace or fork of its run
// shares: the states, counts and last transitions, and the list of the
// patterns' occurrences (whose contents a trace does share).
type worldTables struct {
	occ                                        []hist[int32]
	fluentVal                                  []bool
	fluentEv, agrTrans, clauseTrans, instTrans []int32
	agrState, instSt                           []agreement.State
	counts                                     [][numStates]int32
	instSince                                  []int64
}

// tables returns w's tables, which w must not use again.
func (w *world) tables() worldTables {
	return worldTables{occ: w.occ, fluentVal: w.fluentVal, fluentEv: w.fluentEv, agrTrans: w.agrTrans,
		clauseTrans: w.clauseTrans, instTrans: w.instTrans, agrState: w.agrState, instSt: w.instSt,
		counts: w.counts, instSince: w.instSince}
}

// worldIn is newWorld in the memory of tables t, taken from a world of e
// (see world.tables), when they are e's size; in new memory otherwise. The
// memory of the occurrences t listed is reused too: the only trace of the
// run they come from, Engine.Replay's, does not read them (a trace matches
// its events again when it needs them: see Trace.occurrences). Without states, the reset leaves the states in t as they are
// (see world.reset).
func (e *Engine) worldIn(now int64, t worldTables, states bool, p *place) world {
	if len(t.occ) != len(e.patterns) || len(t.fluentVal) != len(e.fluents) || len(t.agrState) != len(e.agreements) ||
		len(t.counts) != len(e.clauses) || len(t.instSt) != len(e.instances) {
		return e.newWorld(now, p)
	}
	w := world{e: e, occ: t.occ, fluentVal: t.fluentVal, fluentEv: t.fluentEv, agrState: t.agrState,
		agrTrans: t.agrTrans, counts: t.counts, clauseTrans: t.clauseTrans, instSt: t.instSt,
		instSince: t.instSince, instTrans: t.instTrans}
	w.reset(now, states)
	return w
}

// carve returns the first n elements of *slab, clipped, and moves *slab
// past them.
func carve[T any](slab *[]T, n int) []T {
	s := (*slab)[:n:n]
	*slab = (*slab)[n:]
	return s
}

// reset puts w at instant now before any event, keeping its memory: no
// occurrence, every fluent at its initial value, every agreement Draft (or
// Signed, if it is signed) and every instance Dormant, with no transition.
// Without states (states false) it leaves the fluents, the states and
// counts of agreements, clauses and instances and the breaches as they
// are, for Run.restore to copy.
func (w *world) reset(now int64, states bool) {
	e := w.e
	w.now = now
	if w.borrowed {
		w.events, w.at, w.borrowed = hist[agreement.Event]{}, hist[int64]{}, false
	} else {
		w.events.truncate()
		w.at.truncate()
	}
	for i := range w.occ {
		w.occ[i].truncate()
	}
	for i := range w.byClause {
		w.byClause[i].truncate()
	}
	w.rev, w.revs, w.rlog = nil, w.revs[:0], w.rlog[:0]
	if !states {
		return
	}
	for i, f := range e.fluents {
		w.fluentVal[i], w.fluentEv[i] = f.initially, -1
	}
	for i := range e.agreements {
		w.agrState[i], w.agrTrans[i] = agreement.StateDraft, -1
		if e.agreements[i].signedAt(now) {
			w.agrState[i] = agreement.StateSigned
		}
	}
	for ci := range w.counts {
		w.counts[ci] = [numStates]int32{}
		w.clauseTrans[ci] = -1
	}
	for ii := range e.instances {
		w.counts[e.instances[ii].clause][agreement.StateDormant]++
		w.instSt[ii], w.instSince[ii], w.instTrans[ii] = agreement.StateDormant, now, -1
	}
	w.blog.truncate()
}

// target returns the index of the event a revision (event ei) revises: the
// latest event before ei's instant with that id; -1 if there is none.
func (w *world) target(ei int32) int32 {
	id := w.events.ptr(int(ei)).Revises
	if id == "" {
		return -1
	}
	at := w.at.get(int(ei))
	for j := ei - 1; j >= 0; j-- {
		if w.at.get(int(j)) < at && w.events.ptr(int(j)).ID == id {
			return j
		}
	}
	return -1
}

// revise applies revision ei: from now on its target is seen with the
// revised attribution, reporter and actor, and so is added to or removed
// from the occurrences of every pattern whose match that changes. changed
// is called for each such pattern. It returns the target, or -1.
func (w *world) revise(ei int32, changed func(pi int32)) int32 {
	t := w.target(ei)
	if t < 0 {
		return -1
	}
	e := w.e
	before := w.event(t)
	w.rev = withRevision(w.rev, w.events.len(), t, ei)
	w.revs = append(w.revs, ei)
	after := w.event(t)
	for _, pi := range e.kinds.patterns(after.Kind) {
		was, is := e.matches(pi, &before), e.matches(pi, &after)
		if was == is {
			continue
		}
		w.occ[pi] = occWith(w.occ[pi], t, is)
		w.rlog = append(w.rlog, occChange{p: pi, ev: t, add: is, at: w.at.get(int(ei))})
		if changed != nil {
			changed(pi)
		}
	}
	return t
}

// withRevision returns a new revision table for n events: rev, with event
// t revised by event ri. rev is not modified, so forks and traces may share
// it.
func withRevision(rev []int32, n int, t, ri int32) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = -1
	}
	copy(out, rev)
	out[t] = ri
	return out
}

// occWith returns a new occurrence list: l with event ev added (in index
// order) or removed. l is not modified, so forks and traces may share it.
func occWith(h hist[int32], ev int32, add bool) hist[int32] {
	l := h.flat()
	k, found := slices.BinarySearch(l, ev)
	switch {
	case add && !found:
		return flatHist(slices.Concat(l[:k], []int32{ev}, l[k:]))
	case !add && found:
		return flatHist(slices.Concat(l[:k], l[k+1:]))
	}
	return h
}

// addBreach records breach b, the len(w.blog)'th.
func (w *world) addBreach(b breach) {
	if w.byClause == nil {
		w.byClause = make([]hist[int32], len(w.e.clauses))
	}
	ci := w.e.instances[b.inst].clause
	w.byClause[ci].push(int32(w.blog.len()))
	w.blog.push(b)
}

// event returns event ei as conditions see it now: with its revisions so
// far applied in turn, each replacing the attribution, reporter and actor
// it sets.
func (w *world) event(ei int32) agreement.Event {
	ev := w.events.get(int(ei))
	if w.rev == nil || int(ei) >= len(w.rev) || w.rev[ei] < 0 {
		return ev
	}
	at := w.at.get(int(ei))
	for _, ri := range w.revs {
		r := w.events.ptr(int(ri))
		if r.Revises != ev.ID || w.at.get(int(ri)) <= at || w.target(ri) != ei {
			continue
		}
		if r.Attribution != agreement.AttributionUnspecified {
			ev.Attribution = r.Attribution
		}
		if r.Reporter != "" {
			ev.Reporter = r.Reporter
		}
		if r.Actor != "" {
			ev.Actor = r.Actor
		}
	}
	return ev
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
	l := &s.occ[p]
	if l.len() == 0 {
		return -1
	}
	if last := l.last(); s.at.get(int(last)) > w {
		return last
	}
	return -1
}

// firstIndexAfter returns the position in the occurrences of pattern p of
// the first one strictly after w.
func (s *world) firstIndexAfter(p int32, w int64) int {
	if w == beforeAll {
		return 0
	}
	return s.indexAfter(&s.occ[p], 0, w)
}

// firstAfter returns the first occurrence of pattern p strictly after w, or -1.
func (s *world) firstAfter(p int32, w int64) int32 {
	l := &s.occ[p]
	n := l.len()
	if w == beforeAll && n > 0 {
		return l.get(0) // every instant is after beforeAll
	}
	lo := s.indexAfter(l, 0, w)
	if lo == n {
		return -1
	}
	return l.get(lo)
}

// indexAfter returns the position in l, a list of events in order, of the
// first one from position lo strictly after w; l.len() if there is none.
func (s *world) indexAfter(l *hist[int32], lo int, w int64) int {
	hi := l.len()
	if len(l.full) == 0 && len(s.at.full) == 0 {
		// Nothing shares them: search the slices themselves.
		t, at := l.tail, s.at.tail
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if at[t[m]] > w {
				hi = m
			} else {
				lo = m + 1
			}
		}
		return lo
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.at.get(int(l.get(m))) > w {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
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
// strictly after w. With rec == nil it allocates nothing and short-circuits
// (see test); with a recorder it evaluates every node and records each one.
func (s *world) eval(i int32, w int64, rec *recorder) bool {
	if rec == nil {
		return s.test(i, w)
	}
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
		switch n.b {
		case anyInstance:
			c := &s.counts[n.a]
			for st := 0; st < numStates; st++ {
				if n.states&(1<<st) != 0 && c[st] > 0 {
					v = true
					break
				}
			}
			r.trans = s.clauseTrans[n.a]
		case noInstance:
		case instanceSet:
			for _, ii := range s.e.instSets[n.f] {
				if r.trans < s.instTrans[ii] {
					r.trans = s.instTrans[ii]
				}
				if n.states&(1<<s.instSt[ii]) != 0 {
					v = true
				}
			}
		default:
			v = n.states&(1<<s.instSt[n.b]) != 0
			r.trans = s.instTrans[n.b]
		}
	case opBreached:
		v, r.event = s.breached(n, w)
	case opTotal, opLevel:
		v, r.event = s.tally(n, w)
	case opUncovered:
		if rec == nil {
			v = s.uncovered(n, w, nil) > 0
		} else {
			first := int32(-1)
			v = s.uncovered(n, w, func(ei int32) bool { first = ei; return false }) > 0
			r.event = first
		}
	case opAgreementIn:
		v = n.states&(1<<s.agrState[n.a]) != 0
		r.trans = s.agrTrans[n.a]
	case opClock:
		if s.now == never && !s.late.IsZero() {
			v = n.d != never && n.u == never // late is after every instant a bound names
		} else {
			v = n.d <= s.now && s.now < n.u
		}
		switch {
		case s.now < n.d:
			r.at = n.d
		case n.u != never:
			r.at = n.u
		}
	case opBefore:
		if f := s.firstAfter(n.a, w); f >= 0 {
			if l := s.lastAfter(n.b, w); l >= 0 && s.at.get(int(l)) > s.at.get(int(f)) {
				v = true
				if rec != nil {
					r.event, r.other = f, s.firstAfter(n.b, s.at.get(int(f)))
				}
			}
		}
	case opWithin:
		if l := s.lastAfter(n.a, w); l >= 0 {
			end := addSat(s.at.get(int(l)), n.d)
			v = !s.reached(s.at.get(int(l)), n.d)
			r.event, r.at = l, end
		}
	case opSince:
		if f := s.firstAfter(n.a, w); f >= 0 {
			t := addSat(s.at.get(int(f)), n.d)
			v = s.reached(s.at.get(int(f)), n.d)
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

// test is eval without a recorder: the value of node i alone, operands
// short-circuited, on the path every step of a round takes.
func (s *world) test(i int32, w int64) bool {
	n := &s.e.nodes[i]
	switch n.op {
	case opTrue:
		return true
	case opHappened:
		return s.lastAfter(n.a, w) >= 0
	case opHolds:
		return s.fluentVal[n.a]
	case opClauseIn:
		switch n.b {
		case anyInstance:
			c := &s.counts[n.a]
			for st := range numStates {
				if n.states&(1<<st) != 0 && c[st] > 0 {
					return true
				}
			}
		case noInstance:
		case instanceSet:
			for _, ii := range s.e.instSets[n.f] {
				if n.states&(1<<s.instSt[ii]) != 0 {
					return true
				}
			}
		default:
			return n.states&(1<<s.instSt[n.b]) != 0
		}
		return false
	case opAgreementIn:
		return n.states&(1<<s.agrState[n.a]) != 0
	case opAll:
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if !s.test(k, w) {
				return false
			}
		}
		return true
	case opAny:
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if s.test(k, w) {
				return true
			}
		}
		return false
	case opNot:
		return !s.test(s.e.kids[n.first], w)
	case opAtLeast:
		count := int32(0)
		for _, k := range s.e.kids[n.first : n.first+n.n] {
			if s.test(k, w) {
				if count++; count >= n.k {
					return true
				}
			}
		}
		return count >= n.k
	case opBreached:
		return s.breachedTest(n, w)
	case opTotal, opLevel:
		v, _ := s.tally(n, w)
		return v
	case opUncovered:
		return s.uncovered(n, w, nil) > 0
	case opClock:
		if s.now == never && !s.late.IsZero() {
			return n.d != never && n.u == never
		}
		return n.d <= s.now && s.now < n.u
	case opBefore:
		f := s.firstAfter(n.a, w)
		if f < 0 {
			return false
		}
		l := s.lastAfter(n.b, w)
		return l >= 0 && s.at.get(int(l)) > s.at.get(int(f))
	case opWithin:
		l := s.lastAfter(n.a, w)
		return l >= 0 && !s.reached(s.at.get(int(l)), n.d)
	case opSince:
		f := s.firstAfter(n.a, w)
		return f >= 0 && s.reached(s.at.get(int(f)), n.d)
	}
	return false
}

// nextChange returns the first instant after now at which a timed node among
// nodes could change value without a new event, or never.
func (s *world) nextChange(nodes []int32, w int64) int64 {
	if len(nodes) == 0 {
		return never
	}
	return s.changeAfter(nodes, w, s.now)
}

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
				t = addSat(s.at.get(int(l)), n.d)
			}
		case opSince:
			if f := s.firstAfter(n.a, w); f >= 0 {
				t = addSat(s.at.get(int(f)), n.d)
			}
		case opClock:
			switch {
			case n.d > after:
				t = n.d
			case n.u > after:
				t = n.u
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
func (e *Engine) span(root int32) int32 { return e.nodes[root].lo }

// breached evaluates a Breached node: whether at least n.k breaches of the
// clause n.a matching its filter have acts after w (and, with a window,
// within it of one another, whatever order they were recorded in). It
// returns the k-th such breach's event.
func (s *world) breached(n *node, w int64) (bool, int32) {
	f := &s.e.filters[n.f]
	if s.byClause == nil {
		return false, -1
	}
	list := &s.byClause[n.a]
	match := func(bi int32) bool { return s.counted(f, bi, w) }
	if n.d <= 0 {
		count := int32(0)
		for i := range list.len() {
			if bi := list.get(i); match(bi) {
				if count++; count >= n.k {
					return true, s.blog.ptr(int(bi)).event
				}
			}
		}
		return false, -1
	}
	// Some k matching acts lie within n.d of one another: counting from
	// each matching act, the matching acts at or after it and less than
	// n.d later. Breaches are few; this allocates nothing.
	for i := range list.len() {
		bi := list.get(i)
		if !match(bi) {
			continue
		}
		from := s.blog.ptr(int(bi)).act
		count, last := int32(0), int32(-1)
		for j := range list.len() {
			bj := list.get(j)
			if a := s.blog.ptr(int(bj)).act; a >= from && a-from < n.d && match(bj) {
				count++
				last = bj
			}
		}
		if count >= n.k {
			return true, s.blog.ptr(int(last)).event
		}
	}
	return false, -1
}

// counted reports whether breach bi (an index in blog) has its act after w
// and matches filter f.
func (s *world) counted(f *breachFilter, bi int32, w int64) bool {
	b := s.blog.ptr(int(bi))
	if b.act <= w || f.insts != nil && !slices.Contains(f.insts, b.inst) {
		return false
	}
	if f.reporter == "" && f.attribution == agreement.AttributionUnspecified {
		return true
	}
	if b.event < 0 {
		return false
	}
	ev := s.event(b.event)
	return (f.reporter == "" || ev.Reporter == f.reporter) &&
		(f.attribution == agreement.AttributionUnspecified || ev.Attribution == f.attribution)
}

// maxWindowActs is how many matching acts breachedTest sorts on the stack
// before it counts as breached does.
const maxWindowActs = 32

// breachedTest is the value of breached: for a window, whether some n.k
// matching acts lie within n.d of one another, found by sorting the acts
// (few, most often recorded in order already) and comparing each with the
// (n.k-1)th after it, rather than counting from each one.
func (s *world) breachedTest(n *node, w int64) bool {
	if n.d <= 0 || s.byClause == nil {
		v, _ := s.breached(n, w)
		return v
	}
	f := &s.e.filters[n.f]
	list := &s.byClause[n.a]
	var buf [maxWindowActs]int64
	acts := buf[:0]
	for i := range list.len() {
		bi := list.get(i)
		if !s.counted(f, bi, w) {
			continue
		}
		if len(acts) == maxWindowActs {
			v, _ := s.breached(n, w)
			return v
		}
		a := s.blog.ptr(int(bi)).act
		j := len(acts)
		acts = append(acts, a)
		for ; j > 0 && acts[j-1] > a; j-- {
			acts[j] = acts[j-1]
		}
		acts[j] = a
	}
	if len(acts) == 0 {
		return false
	}
	k := max(int(n.k), 1)
	for i := 0; i+k-1 < len(acts); i++ {
		if acts[i+k-1]-acts[i] < n.d {
			return true
		}
	}
	return false
}

// tally evaluates a Total or Level node over the events matching its
// pattern after w, and returns the last event it read.
func (s *world) tally(n *node, w int64) (bool, int32) {
	b := s.e.bounds[n.b]
	l := &s.occ[n.a]
	from := s.firstIndexAfter(n.a, w)
	if n.op == opLevel {
		for i := l.len() - 1; i >= from; i-- {
			ei := l.get(i)
			for _, q := range s.events.ptr(int(ei)).Quantities {
				if v, ok := b.value(q); ok {
					return b.inside(v), ei
				}
			}
		}
		return false, -1
	}
	return b.sum(&s.events, l, from)
}

// maxCoverSources is how many permissions may relax one prohibition
// instance before counting its uncovered acts allocates.
const maxCoverSources = 4

// grantCursor walks the grants of one cover source in order.
type grantCursor struct {
	grants *hist[int32] // grant events; nil with entry set
	entry  int64        // the permission's entry into effect, when it is the grant; never otherwise
	gi     int          // current grant (from the first since the permission's entry)
	used   int32        // acts the current grant has covered
	ai     int          // cursor in the permission's action occurrences
	live   bool         // the permission is in effect
}

// uncovered counts the acts of a relaxed prohibition (the events matching
// n.a after w) that no grant covers, calling each, in order, with the
// uncovered act's event until it returns false.
func (s *world) uncovered(n *node, w int64, each func(ei int32) bool) int {
	srcs := s.e.coverLists[n.b]
	var buf [maxCoverSources]grantCursor
	cur := buf[:0]
	if len(srcs) > maxCoverSources {
		cur = make([]grantCursor, 0, len(srcs))
	}
	for _, src := range srcs {
		c := grantCursor{entry: never, live: s.instSt[src.perm] == agreement.StateInEffect}
		since := s.instSince[src.perm]
		if src.grant >= 0 {
			c.grants = &s.occ[src.grant]
			c.gi = s.indexAfter(c.grants, 0, since-1)
		} else {
			c.entry = since
		}
		cur = append(cur, c)
	}
	acts := &s.occ[n.a]
	k := 0
	if w != beforeAll {
		k = s.indexAfter(acts, 0, w)
	}
	count := 0
	for ; k < acts.len(); k++ {
		act := acts.get(k)
		at := s.at.get(int(act))
		covered := false
		for i := range cur {
			c, src := &cur[i], &srcs[i]
			if !c.live {
				continue
			}
			if src.act >= 0 {
				pa := &s.occ[src.act]
				for c.ai < pa.len() && pa.get(c.ai) < act {
					c.ai++
				}
				if c.ai == pa.len() || pa.get(c.ai) != act {
					continue // not an act the permission allows
				}
			}
			if c.cover(s, src, at) {
				covered = true
				break
			}
		}
		if !covered {
			count++
			if each != nil && !each(act) {
				each = nil
			}
		}
	}
	return count
}

// cover consumes the grant that covers an act at instant at, if any.
func (c *grantCursor) cover(s *world, src *coverSource, at int64) bool {
	for {
		var g int64
		switch {
		case c.grants != nil && c.gi < c.grants.len():
			g = s.at.get(int(c.grants.get(c.gi)))
		case c.grants == nil && c.entry != never && c.gi == 0:
			g = c.entry
		default:
			return false
		}
		if g > at {
			return false // the next grant comes later
		}
		expired := src.window > 0 && addSat(g, src.window) <= at
		full := src.covers > 0 && c.used >= src.covers
		if expired || full {
			c.gi, c.used = c.gi+1, 0
			continue
		}
		c.used++
		return true
	}
}
