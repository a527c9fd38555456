package scenario

import (
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// Waking clauses.
//
// Everything a clause instance reads is an input: a pattern (its
// occurrences), a fluent, a clause's state, a clause's breaches, an
// agreement's state. Compile indexes, per input, the instances that read
// it, in its wake list: one wake per instance, with the slots through
// which the instance reads the input (wakeSlots). When an input changes,
// the package doc has every instance in its list woken. But an instance
// reads a slot only in some states: its trigger only while Dormant, its
// antecedent only while Dormant or Pending, the anchor of its deadline or
// expiry only until it has held, the rest (fulfilment, violation, the On
// pattern of a recurrence, the grants that relax a prohibition) only until
// it is final. A slot out of use never comes back into use under the same
// text, so a wake whose slots are all out of use (a dead wake) stays
// dead, and waking its instance evaluates nothing that can move it. The
// exceptions are standing clauses and recurring duties: each evaluation
// in effect judges what happened up to the instant (an act judged is not
// counted again, even when an amendment or a revision makes it match
// later; a violation turning true with time since the last breach is a
// breach when it is seen), so every wake of theirs counts until they are
// final.
//
// A run therefore keeps its own copy of a wake list once the list has a
// dead wake, and drops dead wakes from it as it meets them: waking costs
// what the instances that still read the input cost, and each dead wake
// once. The run's copies are derived afresh from the engine's lists after
// an amendment (a new text reads other inputs) and in a fork.
//
// What the skipped wake would have done is kept exactly, as the package
// doc states it, by remembering, for an input that has dropped wakes, the
// first change of it in each round (a touch, with its cause). Two things
// depend on being woken:
//
//   - the cause an instance moves with is the first it was woken with
//     since the round in progress began (or, clean, the one that put it in
//     that round): when a live wake marks it, and when it moves clean, the
//     earliest touch since then of an input it reads, if there is one,
//     stands for that cause (through a live wake, a touch would have
//     marked it already: see lateWake and causeOf);
//   - an instance woken for a round is taken through every step of it, and
//     sees what the instances before it moved in it. A dead-woken instance
//     can move in its round only when something it still reads changes
//     in that round; that change wakes it through a live wake, and it then
//     joins the round in progress, at its place in declaration order,
//     exactly where it would have been taken.
//
// Amendments wake through every wake of the lists, as they always did: the
// text changes under them.

// wakeSlots is a set of the slots of an instance that read an input.
type wakeSlots uint8

// The slots of wakeSlots.
const (
	wakeTrigger    wakeSlots = 1 << iota // the trigger: read while Dormant
	wakeAntecedent                       // the antecedent: read while Dormant or Pending
	wakeBody                             // fulfilment, violation, recurrence, relaxations: read until final
	wakeDeadline                         // the deadline's anchor: read until it holds
	wakeExpiry                           // the expiry's anchor: read until it holds
)

// wakes returns the slot of wakeSlots condition slot s belongs to.
func (s slot) wakes() wakeSlots {
	switch s {
	case slotTrigger:
		return wakeTrigger
	case slotAntecedent:
		return wakeAntecedent
	case slotDeadline:
		return wakeDeadline
	case slotExpiry:
		return wakeExpiry
	}
	return wakeBody
}

// wake is an instance in the wake list of an input, with the slots that
// read it.
type wake struct {
	inst  int32
	slots wakeSlots
}

// inputKind is a kind of input of clause instances.
type inputKind uint8

// The kinds of input.
const (
	inPattern   inputKind = iota // a pattern's occurrences
	inFluent                     // a fluent
	inClause                     // a clause's state
	inBreach                     // a clause's breaches
	inAgreement                  // an agreement's state
	numInputKinds
)

// input is one input: its kind and its index among those of its kind.
type input struct {
	kind inputKind
	i    int32
}

// inputCount returns the number of inputs of kind k.
func (e *Engine) inputCount(k inputKind) int {
	switch k {
	case inPattern:
		return len(e.patterns)
	case inFluent:
		return len(e.fluents)
	case inClause, inBreach:
		return len(e.clauses)
	}
	return len(e.agreements)
}

// The flags of a wake list in a run.
const (
	listOwn   uint8 = 1 << iota // the run's copy stands for the engine's list
	listOwned                   // the copy's memory is the run's alone
	listLossy                   // the run has dropped wakes from it
)

// touch records the first change of an input in the last two rounds it
// changed in: ep[0] is the latest such round, at[0] the index of its cause
// in wakeState.causes (-1 in a run that records states only, which records
// no cause); ep[1] and at[1] the round before.
type touch struct {
	ep [2]int64
	at [2]int32
}

// wakeState is a run's part of the waking of instances (see the comment at
// the top of this file).
type wakeState struct {
	lists [numInputKinds][][]wake // the run's copies of wake lists
	flags [numInputKinds][]uint8
	// touches holds the touches of lossy inputs, causes their causes in
	// the current instant.
	touches [numInputKinds][]touch
	causes  []cause
	// slab is memory in pages for more copies of lists (see Run.wakeMem).
	slab []wake
	// epoch numbers the rounds: the marks made while it is k wake
	// instances for the round k+1, whose instances are taken with epoch
	// k+1. last and prev are the latest two epochs with a touch.
	epoch, last, prev int64
	// eager wakes every wake, dead or not: while an amendment changes the
	// text.
	eager bool
	// inRound is set while the round of cur (the instances taken in it, in
	// order) is in progress, at position pos of its current step.
	inRound bool
	cur     []int32
	// roundFlags are the instance flags of the round's instances, or'ed,
	// and roundStates has bit 1<<st set for every state st one of them has
	// been in during the round (see Run.commit).
	roundFlags  instFlag
	roundStates stateSet
	pos         int
}

// resetWakes makes the run's wake lists the engine's again (after an
// amendment, or in a new run or fork), starting a new epoch.
func (w *wakeState) resetWakes() {
	ep := w.epoch + 2
	*w = wakeState{epoch: ep}
}

// reuseWakes is resetWakes for a run put back at its start under the
// text it has (Run.Reset, Run.Replay): the lists become the engine's
// again, but the memory of the run's copies, which is the run's alone,
// stays for the copies it makes again, so that replaying allocates
// nothing once they have been made.
func (w *wakeState) reuseWakes(p *place) {
	for k := range w.flags {
		clear(w.flags[k])
		clear(w.touches[k])
	}
	*w = wakeState{epoch: w.epoch + 2, lists: w.lists, flags: w.flags, touches: w.touches, causes: lined(p, w.causes), slab: w.slab,
		cur: w.cur[:0]}
}

// liveSlots returns the slots instance ii still reads, as the run keeps
// them (see setLive).
func (r *Run) liveSlots(ii int32) wakeSlots { return r.inst[ii].live }

// setLive works out again the slots instance ii still reads: whenever its
// state, its anchors or its text change.
func (r *Run) setLive(ii int32) {
	s := &r.inst[ii]
	s.live = liveOf(s.state, s.dlFired, s.expFired, r.e.instances[ii].judges)
}

// liveOf returns the slots an instance in state st still reads, its
// deadline's and expiry's anchors held or not, judging (see
// instanceInfo.judges) or not.
func liveOf(st agreement.State, dlFired, expFired, judges bool) wakeSlots {
	if st.IsFinal() {
		return 0
	}
	if judges {
		return wakeTrigger | wakeAntecedent | wakeBody | wakeDeadline | wakeExpiry
	}
	m := wakeBody
	switch st {
	case agreement.StateDormant:
		m |= wakeTrigger | wakeAntecedent
	case agreement.StatePending:
		m |= wakeAntecedent
	}
	if !dlFired {
		m |= wakeDeadline
	}
	if !expFired {
		m |= wakeExpiry
	}
	return m
}

// wakeInput wakes, with cause c, the instances that still read input i of
// kind k, dropping the dead wakes it meets from the run's copy of its
// list, and records the touch for a lossy input.
func (r *Run) wakeInput(k inputKind, i int32, c cause) {
	if len(r.e.wakes[k][i]) > 0 { // else no instance reads it: nothing to drop or to touch
		r.wakeReaders(k, i, c)
	}
}

// wakeReaders is wakeInput for input i of kind k, which instances read.
func (r *Run) wakeReaders(k inputKind, i int32, c cause) {
	l := r.e.wakes[k][i]
	w := &r.wk
	if w.eager || r.e.wakeEvery {
		for _, x := range l {
			r.markInst(x.inst, c)
		}
		return
	}
	var fl uint8
	if f := w.flags[k]; f != nil {
		if fl = f[i]; fl&listOwn != 0 {
			l = w.lists[k][i]
		}
	}
	for j, x := range l {
		if x.slots&r.liveSlots(x.inst) == 0 {
			r.wakeDropping(k, i, l, j, fl, c)
			return
		}
		r.markInst(x.inst, c)
	}
	if fl&listLossy != 0 {
		r.touchInput(k, i, c)
	}
}

// wakeDropping is wakeInput from the first dead wake, j, of list l, the
// list of input i of kind k as the run reads it (its flags fl): it drops
// that wake and the dead ones after it from the run's copy of the list,
// and wakes the others.
func (r *Run) wakeDropping(k inputKind, i int32, l []wake, j int, fl uint8, c cause) {
	w := &r.wk
	var out []wake
	switch {
	case fl&listOwned != 0:
		out = l[:j] // written behind the wakes read below
	case w.lists[k] != nil && cap(w.lists[k][i]) >= len(l)-1:
		// The memory of the copy an earlier replay made (see
		// reuseWakes).
		out = append(w.lists[k][i][:0], l[:j]...)
	default:
		out = r.wakeMem(j, len(l)-1)
		copy(out, l[:j])
	}
	for _, x := range l[j+1:] {
		if x.slots&r.liveSlots(x.inst) == 0 {
			continue
		}
		r.markInst(x.inst, c)
		out = append(out, x)
	}
	if w.flags[k] == nil {
		n := r.e.inputCount(k)
		w.flags[k] = lineMake[uint8](&r.place, n, 0)
		w.lists[k] = lineMake[[]wake](&r.place, n, 0)
	}
	w.lists[k][i] = out
	w.flags[k][i] = fl | listOwn | listOwned | listLossy
	r.touchInput(k, i, c)
}

// wakeMem returns memory for a copy of a wake list of length n and
// capacity c: a block of its own, or, where the run keeps its memory in
// pages (see place), a part of a slab of them, as the copies are many and
// short.
func (r *Run) wakeMem(n, c int) []wake {
	if !r.place.pages {
		return lineMake[wake](&r.place, n, c)
	}
	w := &r.wk
	c = max(n, c, 1)
	if cap(w.slab)-len(w.slab) < c {
		w.slab = pageMake[wake](&r.place, 0, c)
	}
	k := len(w.slab)
	w.slab = w.slab[:k+c]
	return w.slab[k : k+n : k+c]
}

// touchInput records a change of input i of kind k with cause c, the first
// of the current epoch's.
func (r *Run) touchInput(k inputKind, i int32, c cause) {
	w := &r.wk
	if w.touches[k] == nil {
		w.touches[k] = lineMake[touch](&r.place, r.e.inputCount(k), 0)
	}
	t := &w.touches[k][i]
	if t.ep[0] == w.epoch {
		return
	}
	t.ep[1], t.at[1] = t.ep[0], t.at[0]
	if r.rec == RecordTrace {
		t.ep[0], t.at[0] = w.epoch, int32(len(w.causes))
		w.causes = append(w.causes, c)
	} else {
		// No cause is recorded: the touch only says the input changed
		// (see lateWake).
		t.ep[0], t.at[0] = w.epoch, -1
	}
	if w.last != w.epoch {
		w.prev, w.last = w.last, w.epoch
	}
}

// lateWake returns the cause instance ii, clean, is to be marked with now
// that a live wake or the run marks it with cause c: the cause of the
// earliest touch this epoch of an input it reads, when there is one, c
// otherwise. An instance an input touched in the epoch before, which is
// not in the round in progress, joins it.
func (r *Run) lateWake(ii int32, c cause) cause {
	w := &r.wk
	best, member := r.touched2(ii)
	if member && w.inRound && r.inst[ii].round != w.epoch {
		r.join(ii)
	}
	if best >= 0 {
		return w.causes[best]
	}
	return c
}

// causeOf returns the cause instance ii moves with now: the cause it was
// last marked with, unless it is clean and a wake skipped since would
// have marked it (its cause is then that of the earliest such touch). A
// run that records states only records no cause, and no cause moves
// anything: it returns the zero cause.
func (r *Run) causeOf(ii int32) cause {
	if r.rec != RecordTrace {
		return cause{}
	}
	s := &r.inst[ii]
	if s.dirty || s.quiet > r.wk.epoch || r.wk.last != r.wk.epoch {
		return s.cause
	}
	if best, _ := r.touched2(ii); best >= 0 {
		return r.wk.causes[best]
	}
	return s.cause
}

// touched2 returns, of the touches of the inputs instance ii reads, the
// earliest of the current epoch (its index in causes; -1 for none), and
// whether one was of the epoch before.
func (r *Run) touched2(ii int32) (best int32, before bool) {
	w := &r.wk
	best = -1
	for _, in := range r.e.instances[ii].reads {
		ts := w.touches[in.kind]
		if ts == nil {
			continue
		}
		t := &ts[in.i]
		for k := range t.ep {
			switch t.ep[k] {
			case w.epoch:
				if best < 0 || t.at[k] < best {
					best = t.at[k]
				}
			case w.epoch - 1:
				before = true
			}
		}
	}
	return best, before
}

// join puts instance ii into the round in progress, at its place: the
// steps that have passed it in the round do not take it (nothing it reads
// had changed then), the others do.
func (r *Run) join(ii int32) {
	w := &r.wk
	p, _ := slices.BinarySearch(w.cur, ii)
	w.cur = slices.Insert(w.cur, p, ii)
	if p <= w.pos {
		w.pos++
	}
	r.inst[ii].round = w.epoch
	w.roundFlags |= r.e.instances[ii].flags
	w.roundStates |= 1 << r.inst[ii].state
	r.touch(ii)
}
