package scenario

import (
	"sync/atomic"
	"unsafe"
)

// A run's start instant, closed before any event (no event at the start,
// no amendment yet), comes out the same every time for one engine, start
// and recording: every clause and agreement is evaluated once, the
// unconditional ones enter into effect, and timers are set. For the
// engines replayed many times from one start (Monte Carlo over timelines,
// what-if searches) that is about a third of the instances a replay
// evaluates. An engine therefore keeps, per recording, the run as it
// stood once its start instant was closed (a startSnap), and a run whose
// start instant comes out that way copies it rather than evaluating it
// again. The snapshot is taken the second time a start is closed so (a
// start seen once may never come again), frozen (a fork of the run, which
// nothing applies events to) and shared read-only by every run of the
// engine, across goroutines; a run restores from a copy of its own of a
// small one (see Run.ownSnap).

// startSnap is the state of a run of engine e just after it closed its
// start instant, start, with no event and no amendment, recording rec.
type startSnap struct {
	start int64
	r     *Run
	// terms are the instances of r with a term's progress, whose copies
	// restore gives memory of their own.
	terms []int32
}

// newStartSnap returns the snapshot of run r, which has just closed its
// start instant t so.
func newStartSnap(t int64, r *Run) *startSnap {
	s := &startSnap{start: t, r: r.frozen()}
	for ii := range s.r.inst {
		if s.r.inst[ii].term != nil {
			s.terms = append(s.terms, int32(ii))
		}
	}
	return s
}

// startSnaps are an engine's snapshots of start instants, one per
// recording, and the start each recording last closed without one.
type startSnaps struct {
	snap [numRecordings]atomic.Pointer[startSnap]
	last [numRecordings]atomic.Int64
}

// numRecordings is the number of Recording values.
const numRecordings = int(RecordStates) + 1

// closesPlainStart reports whether committing the instant next, with
// batch, closes r's start instant with no event and no amendment: what a
// start snapshot stands for.
func (r *Run) closesPlainStart(next int64, batch []int32) bool {
	return !r.started && next == r.start && len(batch) == 0 && r.base == nil && r.events.len() == 0
}

// plainStart returns e's snapshot of start t for recording rec when a
// replay of timeline tl, valid for e, will close t as a plain start (see
// closesPlainStart): tl starts at t, and its first event and first
// amendment come later. It returns nil otherwise, or when e has no
// snapshot of t.
func (e *Engine) plainStart(rec Recording, t int64, tl Timeline) *startSnap {
	s := e.starts.snap[rec].Load()
	if s == nil || s.start != t || len(tl.events) > 0 && tl.events[0].At.UnixNano() <= t ||
		len(tl.amendments) > 0 && tl.amendments[0].At.UnixNano() <= t {
		return nil
	}
	return s
}

// privateSnapMax is the size, in bytes of instance states, up to which a
// run restores from a copy of a start snapshot of its own (see
// Run.ownSnap).
const privateSnapMax = 256 << 10

// ownSnap returns the snapshot r restores from in place of the engine's
// s: a copy of s that r makes the first time it restores from s and then
// keeps, when s holds at most privateSnapMax bytes of instance states; s
// itself when it is larger. Every replay copies its start from the
// snapshot, and two goroutines copying from the same memory at every
// replay slowed each other down where copying from memory of their own
// did not (on a 2-vCPU machine, restores from one engine's snapshot
// gained 1.0× to 1.6× from the second goroutine, from two engines'
// snapshots 1.9×); a copy per run costs its memory once.
func (r *Run) ownSnap(s *startSnap) *startSnap {
	if r.snapOf == s {
		return r.snapOwn
	}
	own := s
	if uintptr(len(s.r.inst))*unsafe.Sizeof(instState{}) <= privateSnapMax {
		own = s.private(&r.place)
	}
	r.snapOf, r.snapOwn = s, own
	return own
}

// private returns a copy of s in memory of its own, placed by p (see
// lineMake): the parts of its run that restore reads. What they point to
// (suspension lists, a term's notices, territories) is shared, being never
// modified in place.
func (s *startSnap) private(p *place) *startSnap {
	o := s.r
	c := &Run{}
	c.now = o.now
	c.fluentVal, c.fluentEv = lineClone(p, o.fluentVal), lineClone(p, o.fluentEv)
	c.agrState, c.agrTrans = lineClone(p, o.agrState), lineClone(p, o.agrTrans)
	c.counts, c.clauseTrans = lineClone(p, o.counts), lineClone(p, o.clauseTrans)
	c.instSt, c.instSince, c.instTrans = lineClone(p, o.instSt), lineClone(p, o.instSince), lineClone(p, o.instTrans)
	c.blog = o.blog.lineClone(p)
	if o.byClause != nil {
		c.byClause = lineMake[hist[int32]](p, len(o.byClause), 0)
		for i := range o.byClause {
			c.byClause[i] = o.byClause[i].lineClone(p)
		}
	}
	c.inst, c.agr, c.timers = lineClone(p, o.inst), lineClone(p, o.agr), lineClone(p, o.timers)
	c.log, c.parts, c.recs = o.log.lineClone(p), o.parts.lineClone(p), o.recs.lineClone(p)
	c.flog, c.rnlog, c.pnotices = o.flog.lineClone(p), o.rnlog.lineClone(p), o.pnotices.lineClone(p)
	c.terr, c.terrAsStated = lineClone(p, o.terr), lineClone(p, o.terrAsStated)
	c.tlog, c.rejected = o.tlog.lineClone(p), o.rejected.lineClone(p)
	c.moves, c.lastMoveN, c.lastMoveAt = o.moves, o.lastMoveN, o.lastMoveAt
	c.wk.epoch = o.wk.epoch
	c.gates = lineClone(p, o.gates)
	return &startSnap{start: s.start, r: c, terms: s.terms}
}

// restoreStart closes r's start, at which begin has just put it, from
// snapshot s of that start, as advance would close it plain with
// commitStart.
func (r *Run) restoreStart(s *startSnap) {
	r.restore(r.ownSnap(s))
	r.closed, r.now = r.start, r.start
	r.batchAt = r.start + 1
}

// commitStart closes r's plain start instant (see closesPlainStart): from
// the engine's snapshot of it when there is one, by commit otherwise,
// taking the snapshot when the same start was closed so before.
func (r *Run) commitStart() {
	e, t := r.e, r.start
	if s := e.starts.snap[r.rec].Load(); s != nil && s.start == t {
		r.restore(r.ownSnap(s))
		return
	}
	r.commit(t, nil)
	if e.starts.last[r.rec].Swap(t) == t {
		e.starts.snap[r.rec].Store(newStartSnap(t, r))
	}
}

// frozen returns a fork of r for a snapshot, holding its logs in memory of
// their own size rather than in the run's (which may have room for a long
// replay), and none of the run's per-instant lists.
func (r *Run) frozen() *Run {
	f := r.Fork()
	f.log.own()
	f.parts.own()
	f.recs.own()
	f.flog.own()
	f.rnlog.own()
	f.pnotices.own()
	f.tlog.own()
	f.rejected.own()
	f.blog.own()
	for i := range f.byClause {
		f.byClause[i].own()
	}
	f.work, f.dirtyA, f.relimited, f.batch = nil, nil, nil, nil
	return f
}

// restore makes r, which begin has just put at the start of snapshot s,
// the run s stands for: s's states, logs and timers copied into r's own
// memory. What s shares with r (the suspension lists and signers, which
// are replaced rather than modified, and the recorded decisions of its
// transitions) it never writes again.
func (r *Run) restore(snap *startSnap) {
	s := snap.r
	// The world: no event, so no occurrence, revision or fluent change;
	// states and breaches as the start left them.
	r.now = s.now
	copy(r.fluentVal, s.fluentVal)
	copy(r.fluentEv, s.fluentEv)
	copy(r.agrState, s.agrState)
	copy(r.agrTrans, s.agrTrans)
	copy(r.counts, s.counts)
	copy(r.clauseTrans, s.clauseTrans)
	copy(r.instSt, s.instSt)
	copy(r.instSince, s.instSince)
	copy(r.instTrans, s.instTrans)
	r.blog.assign(&s.blog)
	if s.byClause != nil && s.blog.len() > 0 { // none without a breach
		if r.byClause == nil {
			r.byClause = make([]hist[int32], len(s.byClause))
		}
		for i := range s.byClause {
			r.byClause[i].assign(&s.byClause[i])
		}
	}

	r.started = true
	copy(r.inst, s.inst)
	for _, ii := range snap.terms {
		c := *r.inst[ii].term // its notices are never modified in place
		r.inst[ii].term = &c
	}
	copy(r.agr, s.agr)
	for i := range r.agr {
		if ts := r.agr[i].term; ts != nil {
			c := *ts
			r.agr[i].term = &c
		}
	}
	r.timers = append(r.timers[:0], s.timers...)
	r.log.assign(&s.log)
	r.parts.assign(&s.parts)
	r.recs.assign(&s.recs)
	r.flog.assign(&s.flog)
	r.rnlog.assign(&s.rnlog)
	r.pnotices.assign(&s.pnotices)
	copy(r.terr, s.terr)
	copy(r.terrAsStated, s.terrAsStated)
	r.tlog.assign(&s.tlog)
	r.rejected.assign(&s.rejected)
	r.moves, r.lastMoveN, r.lastMoveAt = s.moves, s.lastMoveN, s.lastMoveAt
	// Wakes: the snapshot's lists are the engine's (a fork derives its
	// own afresh), and the rounds its instances record are before any
	// epoch r takes from here.
	r.wk.epoch = max(r.wk.epoch, s.wk.epoch) + 2
	r.gates = append(r.gates[:0], s.gates...)
}

// lineClone returns a copy of s in memory placed by p (see lineMake).
func lineClone[T any](p *place, s []T) []T {
	if s == nil {
		return nil
	}
	out := lineMake[T](p, len(s), len(s))
	copy(out, s)
	return out
}

// lineClone returns a copy of h in memory placed by p (see lineMake); h
// is not modified.
func (h *hist[T]) lineClone(p *place) hist[T] {
	if h.len() == 0 {
		return hist[T]{}
	}
	return hist[T]{tail: lineClone(p, h.flat())}
}
