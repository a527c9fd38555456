package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
	"unsafe"

	"github.com/peacekit/peacekit/agreement"
)

// ErrOutOfOrder is returned by [Run.Apply] and [Run.AdvanceTo] for an instant
// at or before one the run has already closed.
var ErrOutOfOrder = errors.New("scenario: instant already closed")

// ErrOutOfRange is returned by [Engine.Start], [Run.AdvanceTo] and
// [History.Add] for an instant outside [agreement.InstantRange] (about 21
// September 1677 to 11 April 2262, UTC), the instants a replay represents
// exactly.
var ErrOutOfRange = errors.New("scenario: instant out of range")

// instState is an instance's state in a run. The fields the steps of a
// round and the waking of instances read for every instance they take come
// first, so that they share the first cache lines.
type instState struct {
	state agreement.State
	// Anchored limits: whether the deadline's and the expiry's anchors have
	// held (then dlAnchor, expAnchor, dlFixed and expFixed below are the
	// instants the anchors were fixed at and of the limits).
	dlFired, expFired bool
	stopped           bool // the clock is stopped (see stopAt)
	// queued says it is in the run's touched list, to be scheduled at the
	// end of the instant once however many rounds took it.
	queued bool
	// live are the slots it still reads (see setLive), kept as its state
	// and anchors change: read for every wake of it.
	live wakeSlots
	// violTrue is, for a standing clause, the violation condition's value
	// when last evaluated (see checked).
	violTrue bool
	dirtyMark
	since      int64 // instant it entered state
	deadlineAt int64 // when the deadline passes while running; never if none or paused
	expiryAt   int64 // never if none
	// lapseAt is the instant of a deadline binding regardless of
	// activation once known, never before.
	lapseAt int64
	timerAt int64 // instant of its earliest scheduled timer; never if none
	// round is the epoch of the last round that took it (see wakeState).
	round int64
	// quiet is the epoch of the round it is a quiet member of, if any: it
	// moved in the round before, in a step after which no step of that
	// round could move it without a change of what it reads (see
	// markQuiet).
	quiet     int64
	remaining int64   // duration deadline time left while paused; -1 if none
	suspBy    []int32 // suspend clauses whose suspension is in force
	// For a standing clause: acts at or before checked have been judged;
	// how many breaches it has recorded in all, and the instant of the
	// last.
	checked             int64
	breaches            int32
	lastBreach          int64
	dlAnchor, expAnchor int64
	dlFixed, expFixed   int64
	// A recurring duty: the base and index of the next periodic
	// occurrence and its start (never if none), the instant whose events
	// last started occurrences of its On pattern, and the due instants of
	// the open occurrences in order (replaced, never modified in place).
	recBase int64
	recK    int32
	recNext int64
	recSeen int64
	recOpen []int64
	// term is the progress of its clause's term, if any (nil until it
	// has one: see terms); held is the instant its fulfilment and
	// violation saw events from before it was suspended, restored at
	// resumption for a clause whose rule defers.
	term *termState
	held int64
	// entered is the instant it first entered InEffect (never before);
	// left the instant it left Dormant (never before). Since entered, the
	// clock of a duration deadline runs while the instance is InEffect
	// with its gate open: stopped says it is stopped now (Suspended, or
	// its gate closed), since stopAt, and stoppedFor how long it was
	// stopped before that.
	entered, left      int64
	stopAt, stoppedFor int64
}

type agrState struct {
	since   int64
	suspBy  []int32
	timerAt int64
	// signers have signed it (replaced, never modified in place); nextSig
	// is its next dated signature to take.
	signers []agreement.PartyID
	nextSig int32
	// ifAt is the instant of its InForceAt once known (never before);
	// ifFired is whether the anchor of InForceAt has held.
	ifAt    int64
	ifFired bool
	// term is the progress of its term, if any (nil until it has one: see
	// terms).
	term *termState
	// forceAt is the instant it first entered into force (never before).
	forceAt int64
	dirtyMark
}

// cause is a [Cause] as a run carries it: twelve bytes and no strings,
// made public (Engine.public) only when a trace is read.
type cause struct {
	kind CauseKind
	// hasBy is set when the cause names an instance or an agreement (by:
	// an instance index, or -1 minus an agreement index).
	hasBy bool
	// event is as Cause.event: 1 + the event's index, 0 for none; for
	// CauseSignature, which names no event, the index of the signature in
	// the agreement's dated signings.
	event int32
	by    int32
}

// internal returns c, a Cause that names no instance or agreement, as a
// run carries it.
func internal(c Cause) cause {
	return cause{kind: c.Kind, event: int32(c.event)}
}

// withEvent returns c naming event i; a negative i names none.
func (c cause) withEvent(i int32) cause {
	c.event = max(i, -1) + 1
	return c
}

// public returns c, a cause of a run whose text was e's when c arose, as a
// Cause.
func (e *Engine) public(c cause) Cause {
	out := Cause{Kind: c.kind, event: int(c.event)}
	if c.kind == CauseSignature {
		out.event = 0 // c.event is the signature's index
	}
	if !c.hasBy {
		return out
	}
	if c.by < 0 {
		info := &e.agreements[-1-c.by]
		out.By.Ref = agreement.AgreementRef(info.id)
		if c.kind == CauseSignature {
			out.By.Debtor = info.signings[c.event].party
		}
		return out
	}
	inst := &e.instances[c.by]
	out.By = Instance{Ref: e.clauses[inst.clause].ref, Debtor: inst.debtor}
	return out
}

// dirtyMark says whether an instance or an agreement is to be reconsidered
// this round, and why.
type dirtyMark struct {
	dirty bool
	cause cause // why it is dirty this round
}

// mark makes m dirty with cause c unless it already is, keeping the first
// cause; it reports whether m was clean.
func (m *dirtyMark) mark(c cause) bool {
	if m.dirty {
		return false
	}
	m.dirty, m.cause = true, c
	return true
}

type timer struct {
	at  int64
	idx int32 // instance index, or -1-agreement index
}

// timerHeap is a min-heap of timers by instant (then index), typed so that
// pushing and popping allocate nothing.
type timerHeap []timer

func (h timerHeap) less(i, j int) bool {
	return h[i].at < h[j].at || h[i].at == h[j].at && h[i].idx < h[j].idx
}

func (h *timerHeap) push(t timer) {
	*h = append(*h, t)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *timerHeap) pop() timer {
	s := *h
	t := s[0]
	n := len(s) - 1
	last := s[n]
	s = s[:n]
	if n > 0 {
		// The hole left at the root goes down the smaller children to a
		// leaf, then the last timer goes up from there: one comparison a
		// level on the way down, and the last timer, a leaf's, seldom goes
		// far up.
		i := 0
		for {
			l := 2*i + 1
			if l >= n {
				break
			}
			if r := l + 1; r < n && s.less(r, l) {
				l = r
			}
			s[i] = s[l]
			i = l
		}
		s[i] = last
		for i > 0 {
			p := (i - 1) / 2
			if !s.less(i, p) {
				break
			}
			s[i], s[p] = s[p], s[i]
			i = p
		}
	}
	*h = s
	return t
}

// agrHold, in an instance's suspBy, is the hold of its agreement's own
// suspension.
const agrHold int32 = -1

// effect is a power's effect waiting to be applied in the current instant.
type effect struct {
	power int32 // the power's instance
	event int   // its condition's deciding event, the effects' cause; -1 if none
	// order is the event that exercised it, by which its effects are
	// ordered: its action's, or its Happened fulfilment's; -1 for a
	// power exercised by another condition turning true.
	order int
}

// fluentChange records that a fluent took a value through an event.
type fluentChange struct {
	fluent int32
	value  bool
	event  int32
}

// transition is the internal form of a [Transition], in 24 bytes: its
// cause's fields are its own (a cause as a field would take 32), its
// version is found from its index (see Trace.verOf) and its decisions by
// their own (see decisionPart).
type transition struct {
	at       int64
	idx      int32 // instance index, or -1-agreement index
	from, to agreement.State
	// The cause, made public with the engine of the transition's version.
	kind  CauseKind
	hasBy bool
	event int32
	by    int32
}

// newTransition returns the transition of idx from from to to at instant
// at with cause c.
func newTransition(idx int32, from, to agreement.State, at int64, c cause) transition {
	return transition{at: at, idx: idx, from: from, to: to, kind: c.kind, hasBy: c.hasBy, event: c.event, by: c.by}
}

// cause returns tr's cause.
func (tr *transition) cause() cause {
	return cause{kind: tr.kind, hasBy: tr.hasBy, event: tr.event, by: tr.by}
}

// with returns a new slice holding s and v (once), in r's arena of holds
// (see arenaSlice); s is not modified, so forks may share it.
func (r *Run) with(s []int32, v int32) []int32 {
	if slices.Contains(s, v) {
		return s
	}
	var out []int32
	r.holdArena, out = arenaSlice(r.holdArena, len(s)+1)
	copy(out, s)
	out[len(s)] = v
	return out
}

// without returns a new slice holding s less v, in r's arena of holds; s
// is not modified.
func (r *Run) without(s []int32, v int32) []int32 {
	n := len(s)
	if slices.Contains(s, v) {
		n--
	}
	var out []int32
	r.holdArena, out = arenaSlice(r.holdArena, n)
	out = out[:0]
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// Run is one replay in progress: events applied one at a time, the clock
// advanced explicitly, forked for what-if branches. A Run is not safe for
// concurrent use; fork it to give each goroutine its own. Build one with
// [Engine.Start]. The zero value, like a nil *Run, is not usable: Apply and
// AdvanceTo return an error, Now the Unix epoch, Trace the zero Trace and
// Fork a nil *Run.
type Run struct {
	world
	start   int64
	closed  int64 // every instant <= closed is committed
	started bool  // the start instant has been committed

	batchAt int64
	batch   []int32 // events at batchAt, not yet committed

	inst   []instState
	agr    []agrState
	timers timerHeap
	log    hist[transition]
	// parts are the decisions of the transitions of log, in their order,
	// each naming its transition, and recs the node records of the
	// decisions.
	parts hist[decisionPart]
	recs  hist[nodeRecord]
	dbuf  [1]decisionPart // see decisions
	flog  hist[fluentChange]
	rnlog hist[renewal] // the ends of terms, in order
	// pnotices are the notices given by exercising powers against
	// clauses, in order, for the instances an amendment adds later.
	pnotices hist[powerNotice]

	// Amendments: the versions after the first, in order (nil while there
	// is none), the engine of the first once there is one, and the instant
	// of an amendment to commit even if nothing else falls then (never if
	// none).
	vers    []version
	base    *Engine
	amendAt int64
	// relimited are the instances whose text the amendments at amendAt
	// changed, or which they resumed, in that order, for their exclusive
	// limits to be settled first.
	relimited []int32

	// terr is each agreement's territory as it stands, shared with the
	// traces and forks taken (a terrVal is never modified).
	terr []terrVal
	// terrAsStated is true for an agreement whose territory is still the
	// one its compiled text states: nothing has changed it, and no
	// amendment has replaced that text.
	terrAsStated []bool
	tlog         hist[terrChange]
	rejected     hist[Rejection]

	// tlHits are the patterns the events of the timeline r replays
	// match, when the timeline holds them (see Timeline.hitsFor); nil
	// otherwise. Event i of the run is event i of the timeline.
	tlHits *eventHits

	// per-instant scratch
	hits    []int32 // the patterns an event matches
	work    []int32
	spare   []int32 // the other buffer of work, reused between rounds
	spareB  []int32 // a spare batch buffer
	spareA  []int32 // the other buffer of dirtyA
	dirtyA  []int32
	effects []effect
	touched []int32
	// touchedA are the agreements evaluated or moved at this instant,
	// whose timers schedule sets again (no other agreement's can change).
	touchedA []int32

	// wk is what waking instances keeps: see wake.go.
	wk wakeState

	// shared is set once a trace or a fork shares r's memory: Reset must
	// not write over it.
	shared bool
	// rec is what r records (see SetRecording); recScratch is the memory
	// of the evaluations it records for itself (see exercise).
	rec Recording
	// settled is set while a step moves an instance that no later step of
	// the round can move without a change of what it reads (see
	// markQuiet).
	settled    bool
	recScratch []nodeRecord
	// gates says, per instance, whether its gate is open (see
	// gateOpenIn): worked out for every instance as the start closes and
	// when the text changes, and for an agreement's instances when its
	// state or signatures change.
	gates []bool
	// sc is the scratch memory r adopted, given back by release.
	sc *scratch
	// place is where r keeps its memory.
	place place
	// snapOwn is the snapshot r restores from in place of the engine's
	// snapOf (see ownSnap).
	snapOf, snapOwn *startSnap
	// holdArena holds the suspBy lists of instances and agreements, which
	// are replaced, never modified in place (see with).
	holdArena []int32
	// A run that records states only counts its transitions in place of
	// its log: moves in all, of which lastMoveN at lastMoveAt, the instant
	// of the last (those not yet closed are all of that instant: a move
	// is at the instant being closed, or at the instant of an amendment,
	// which closes the instants before it).
	moves, lastMoveN int
	lastMoveAt       int64
}

// Recording says what a [Run] records as it goes, beyond what its own
// queries read. The zero value is RecordTrace.
type Recording uint8

const (
	// RecordTrace records everything a [Trace] reports: every transition
	// with its cause and the condition values that decided it, territory
	// and its rejections. It is the default.
	RecordTrace Recording = iota
	// RecordStates records only what the run's own queries read
	// ([Run.State], [Run.NextWake], [Run.Transitions]): no condition
	// values, no territory, no causes drawn from them, so [Run.Trace]
	// returns the zero Trace. States, instants and transitions are the
	// same as under RecordTrace. It is the path for replaying one engine
	// many times and reading only outcomes.
	RecordStates
)

// String returns "trace" or "states"; "Recording(N)" for an undeclared
// value.
func (m Recording) String() string {
	switch m {
	case RecordTrace:
		return "trace"
	case RecordStates:
		return "states"
	}
	return fmt.Sprintf("Recording(%d)", uint8(m))
}

// ErrRecording is returned by [Run.SetRecording] for an undeclared
// Recording, or once the run has closed an instant.
var ErrRecording = errors.New("scenario: recording cannot be set")

// SetRecording says what r records from its start on. It must be called
// while r has closed no instant and recorded nothing (just after
// [Engine.Start] or [Run.Reset]);
// the setting lasts across resets and replays ([Run.Replay]), and forks
// inherit it. It returns [ErrRecording] once r has closed an instant or for
// an undeclared m, and an error for a nil or zero Run.
func (r *Run) SetRecording(m Recording) error {
	if !r.usable() {
		return errNoRun
	}
	// An amendment at the start instant may have recorded transitions
	// before any instant closed.
	if m > RecordStates || r.started || r.log.len() > 0 || r.moves > 0 {
		return ErrRecording
	}
	r.rec = m
	return nil
}

// Transitions returns how many transitions r has made up to [Run.Now]:
// of clause instances and of agreements, recorded or not. It returns 0 for
// a nil or zero Run.
func (r *Run) Transitions() int {
	if !r.usable() {
		return 0
	}
	if r.rec != RecordTrace {
		if r.lastMoveAt > r.closed {
			return r.moves - r.lastMoveN
		}
		return r.moves
	}
	n := r.log.len()
	for n > 0 && r.log.ptr(n-1).at > r.closed {
		n--
	}
	return n
}

// decisions returns the recorded evaluation of the condition at root,
// evaluated from w, as the one decision of a transition (in r's memory,
// until the next call); none when r does not record them.
func (r *Run) decisions(sl slot, root int32, w int64) []decisionPart {
	if r.rec != RecordTrace {
		return nil
	}
	r.dbuf[0] = r.decide(sl, root, w)
	return r.dbuf[:]
}

// decide is world.decide recording into r's log of node records.
func (r *Run) decide(sl slot, root int32, w int64) decisionPart {
	lo := r.e.span(root)
	at := r.recs.len()
	rec := recorder{lo: lo, recs: r.recs.extend(int(root - lo + 1))}
	r.eval(root, w, &rec)
	return decisionPart{slot: sl, root: root, rec: int32(at), w: w}
}

// recordOf returns node record k of decision d, recorded by r.
func (r *Run) recordOf(d *decisionPart, k int32) *nodeRecord { return r.recs.ptr(int(d.rec + k)) }

// arenaSlice returns a, extended, and n zero elements at its end, as a
// slice of their own capacity. An arena is append-only memory: what it
// holds below its length is never written again, so traces share it;
// when its capacity runs out, a new block is allocated and the old one
// left to what refers to it, never copied. A fork and its run each clip
// their arenas, so that neither writes where the other may.
func arenaSlice[T any](a []T, n int) ([]T, []T) {
	if cap(a)-len(a) < n {
		a = make([]T, 0, max(2*cap(a), n, 64))
	}
	m := len(a)
	a = a[:m+n]
	out := a[m : m+n : m+n]
	clear(out)
	return a, out
}

// Start returns a run of e starting at instant start, where every clause is
// Dormant and every agreement Draft (or Signed, if its signing status is
// signed or it records signatures). Nothing is evaluated until the start
// instant is closed, so events at start join its batch. It returns
// [ErrOutOfRange] for a start outside [agreement.InstantRange] and an error
// for a nil or zero Engine.
func (e *Engine) Start(start time.Time) (*Run, error) {
	if !e.usable() {
		return nil, errNoEngine
	}
	t, err := instant(start)
	if err != nil {
		return nil, err
	}
	r := &Run{}
	r.world = e.newWorld(t, &r.place)
	r.begin(t, true)
	return r, nil
}

// scratch is the memory of a run that no trace or fork shares: its
// per-instance and per-agreement states, timers and per-instant work
// lists. [Engine.Replay] passes it from one replay to the next, through
// the engine's pool, so that replays of one engine allocate only what
// their traces keep.
type scratch struct {
	inst                                                      []instState
	agr                                                       []agrState
	timers                                                    timerHeap
	batch, work, spare, spareB, spareA, dirtyA, touched, hits []int32
	touchedA, relimited                                       []int32
	effects                                                   []effect
	recScratch                                                []nodeRecord
	gates, terrAsStated                                       []bool
	terr                                                      []terrVal
	// wk is the memory of the run's copies of wake lists, and tables its
	// world's tables, kept only from a run under its engine's own text (no
	// amendment): they are sized for that engine.
	wk     wakeState
	tables worldTables
	// logs is the memory of the logs of Engine.Replay's runs (see
	// logBufs), kept apart: adopt and release leave it alone.
	logs logBufs
	// snapOf and snapOwn are the run's (see Run.ownSnap), and place is
	// where its memory is.
	snapOf, snapOwn *startSnap
	place           place
}

// adopt makes sc r's scratch memory; r.begin then sets it to r's start.
func (r *Run) adopt(sc *scratch) {
	r.inst, r.agr, r.timers = sc.inst, sc.agr, sc.timers
	r.batch, r.work, r.spare, r.spareB, r.spareA = sc.batch, sc.work, sc.spare, sc.spareB, sc.spareA
	r.dirtyA, r.touched, r.hits, r.touchedA, r.relimited = sc.dirtyA, sc.touched, sc.hits, sc.touchedA, sc.relimited
	r.effects, r.recScratch, r.gates = sc.effects, sc.recScratch, sc.gates
	r.terr, r.terrAsStated = sc.terr, sc.terrAsStated
	r.wk = sc.wk // begin makes its lists the engine's again (reuseWakes)
	r.snapOf, r.snapOwn, r.place = sc.snapOf, sc.snapOwn, sc.place
	r.sc = sc
}

// release returns r's scratch memory, which r must not use again.
func (r *Run) release() *scratch {
	sc := r.sc
	if sc == nil {
		sc = new(scratch)
	}
	*sc = scratch{inst: r.inst, agr: r.agr, timers: r.timers, batch: r.batch, work: r.work, spare: r.spare,
		spareB: r.spareB, spareA: r.spareA, dirtyA: r.dirtyA, touched: r.touched, hits: r.hits, touchedA: r.touchedA,
		relimited: r.relimited, effects: r.effects, recScratch: r.recScratch, gates: r.gates, terr: r.terr,
		terrAsStated: r.terrAsStated, place: r.place}
	clear(sc.terr) // the pool holds no territory alive
	if r.base == nil {
		sc.wk = r.wk
		sc.tables = r.world.tables()
		sc.snapOf, sc.snapOwn = r.snapOf, r.snapOwn
	}
	r.sc = nil
	r.world = world{}
	r.wk = wakeState{}
	r.inst, r.agr, r.timers = nil, nil, nil
	r.batch, r.work, r.spare, r.spareB, r.spareA, r.dirtyA, r.touched, r.hits = nil, nil, nil, nil, nil, nil, nil, nil
	r.touchedA, r.relimited, r.effects, r.recScratch, r.gates = nil, nil, nil, nil, nil
	r.terr, r.terrAsStated = nil, nil
	return sc
}

// Reset puts r back at instant start as [Engine.Start] would a new run of
// its engine (the compiled text, before any amendment), reusing its memory,
// so that an engine replayed many times through one run allocates little
// once its buffers have grown. A [Trace] or a fork taken from r before the
// reset is not changed by it: r then starts on new memory, as it does
// after an amendment. It returns [ErrOutOfRange] for a start outside
// [agreement.InstantRange] (r unchanged) and an error for a nil or zero
// Run.
func (r *Run) Reset(start time.Time) error {
	if !r.usable() {
		return errNoRun
	}
	t, err := instant(start)
	if err != nil {
		return err
	}
	r.reset(t, nil)
	return nil
}

// reset is Reset at instant t. With a snapshot s of start t for r's
// recording (see startSnap), it also closes the start from s, leaving
// alone what restore copies from s: for a replay whose start is plain
// (see plainStart).
func (r *Run) reset(t int64, s *startSnap) {
	r.tlHits = nil
	// New memory at every reset, while a trace or fork shares it or the
	// text was amended, would cost pages every time: it comes in blocks
	// of lines, and the count of resets starts again.
	fresh := r.shared || r.base != nil
	r.place.resets++
	if fresh {
		r.place = place{resets: 1}
	}
	toPages := r.place.resets == placeAfter && !r.place.pages
	if fresh || toPages {
		e := r.e
		if r.base != nil {
			e = r.base
		}
		pl, snapOf, snapOwn := r.place, r.snapOf, r.snapOwn
		if toPages { // all of it again, in pages of its own
			pl.pages, snapOf, snapOwn = true, nil, nil
		}
		w := e.newWorld(t, &pl)
		*r = Run{world: w, rec: r.rec, place: pl, snapOf: snapOf, snapOwn: snapOwn}
		s = nil // as cheap to close the start from new memory
	} else {
		r.world.reset(t, s == nil)
	}
	r.begin(t, s == nil)
	if s != nil {
		r.restoreStart(s)
	}
}

// begin sets every part of r but its world (at instant t before any event)
// to the start of a run at t, reusing the memory r has. Without states
// (states false) it leaves the states of instances and agreements and
// the territories as they are, sized, for restore to copy.
func (r *Run) begin(t int64, states bool) {
	e := r.e
	p := &r.place
	r.start, r.closed, r.started, r.batchAt, r.batch = t, t-1, false, t, lined(p, r.batch)
	if cap(r.inst) < len(e.instances) {
		r.inst = lineMake[instState](p, len(e.instances), 0)
	}
	r.inst = r.inst[:len(e.instances)]
	r.agr = reuse(p, r.agr, len(e.agreements))
	r.timers = lined(p, r.timers)
	r.log.truncate()
	r.parts.truncate()
	r.recs.truncate()
	r.flog.truncate()
	r.rnlog.truncate()
	r.pnotices.truncate()
	r.vers, r.base, r.amendAt, r.relimited = nil, nil, never, lined(p, r.relimited)
	r.tlog.truncate()
	r.rejected.truncate()
	r.moves, r.lastMoveN = 0, 0
	r.holdArena = r.holdArena[:0]
	r.work, r.spare, r.spareB, r.spareA = lined(p, r.work), lined(p, r.spare), lined(p, r.spareB), lined(p, r.spareA)
	r.dirtyA, r.effects, r.touched, r.touchedA = lined(p, r.dirtyA), lined(p, r.effects), lined(p, r.touched), lined(p, r.touchedA)
	r.hits, r.recScratch = lined(p, r.hits), lined(p, r.recScratch)
	r.shared = false
	r.wk.reuseWakes(p)
	r.terr = reuse(p, r.terr, len(e.agreements))
	r.terrAsStated = reuse(p, r.terrAsStated, len(e.agreements))
	if states {
		r.beginStates(t)
	}
}

// beginStates is begin's part for the states of instances and agreements
// and the territories, at instant t: apart, as a replay from a snapshot
// of its start runs without it.
func (r *Run) beginStates(t int64) {
	e := r.e
	copy(r.inst, e.startInst)
	for i := range e.agreements {
		a := &e.agreements[i]
		r.terr[i], r.terrAsStated[i] = a.territory, true
		st := agrState{since: t, timerAt: never, signers: a.signersAt(t), ifAt: a.ifAt, forceAt: never}
		for int(st.nextSig) < len(a.signings) && a.signings[st.nextSig].at <= t {
			st.nextSig++
		}
		if r.agrState[i] == agreement.StateSigned && a.relativeInForce() {
			base := t
			if st.nextSig > 0 {
				base = a.signings[st.nextSig-1].at
			}
			st.ifAt = limit(a.inForceAt, base, a.loc)
		}
		r.agr[i] = st
	}
	for i := range r.inst {
		r.inst[i].since = t
	}
	// The gates are worked out as the start closes (see commit), or come
	// with a snapshot of it (see restore).
}

// startInstState returns the state of instance ii of e at the start of a
// run, but for its since (the start).
func (e *Engine) startInstState(ii int) instState {
	cl := &e.clauses[e.instances[ii].clause]
	s := instState{state: agreement.StateDormant, deadlineAt: never, remaining: -1,
		expiryAt: never, timerAt: never, dlFixed: never, expFixed: never, lapseAt: never, recNext: never,
		entered: never, left: never}
	if cl.deadline.Unconditional && cl.deadline.From == nil {
		s.lapseAt = cl.dlAt
	}
	s.live = liveOf(s.state, s.dlFired, s.expFired, e.instances[ii].judges)
	return s
}

// reuse returns s with length n and every element zero, in its own memory
// when it has room, else in new memory placed by p (see lineMake).
func reuse[T any](p *place, s []T, n int) []T {
	if cap(s) < n {
		return lineMake[T](p, n, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// cacheLine is the size of the blocks of memory a run keeps to itself:
// two 64-byte cache lines, which processors fetch in pairs.
const cacheLine = 128

// lineCap returns a capacity of at least max(n, 1) elements of size sz
// whose memory fills blocks of cacheLine bytes of its own. Go's allocator
// puts a block of more than 704 bytes, or of a multiple of 128 bytes, in
// a slot of whole such blocks; it packs other small blocks together. A
// run writing a small buffer of its own at every replay would then take
// the line from a core reading what shares it (an engine's tables or
// snapshot, another run's buffers), and two goroutines replaying through
// runs of their own would slow each other down.
func lineCap(n int, sz uintptr) int {
	c := max(n, 1)
	if sz == 0 {
		return c
	}
	for b := uintptr(c) * sz; b <= 704 && b%cacheLine != 0; b += sz {
		c++
	}
	return c
}

// place says where a run keeps the memory it writes or copies from at
// every replay: in blocks of whole cache lines (see lineCap) until it
// has been put back at its start placeAfter times, in pages of its own
// from then on (see pageMake). A nil *place is a run's first place.
//
// Whole lines are not enough for runs replayed side by side: a core
// reading memory in order fetches the lines after it in the same page
// before they are asked for, and where those are another run's, written
// by another core, the two cores take them from each other at every
// replay (measured: the run whose buffers follow the other's in memory
// replayed 20% slower beside it than alone, and not at all slower with
// its buffers in pages of their own). Pages cost memory, about 8 KiB a
// buffer, and time to move into: for the benchmark workload 470 KiB and
// about as long as 60 replays (most of it, by what a page fault costs on
// the machine measured, the first touch of new pages). A run replayed a
// few hundred times does not repay that: Monte Carlo's workers,
// whose runs last one simulation of 256 runs each in its benchmarks, were
// 5% slower alone and gained less from a second worker when they moved
// at their 64th run.
type place struct {
	resets uint32 // times the run was put back at its start
	pages  bool
	// blocks counts the blocks made in pages, which colours the next.
	blocks uint32
}

// placeAfter is the number of times a run is put back at its start (by
// Run.Replay, Run.Reset, or Engine.Replay's scratch memory) before it
// keeps its memory in pages of its own (see place): enough replays that
// the move costs a run replayed no more than that nothing, and one
// replayed more a few percent of its time at most.
const placeAfter = 1024

// pageSize is the size of Go's pages: a block of a multiple of it, up to
// 32 KiB, is alone in its span, and so is every larger block.
const pageSize = 8 << 10

// lineMake is make([]T, n, c) in memory placed by p: in blocks of whole
// cache lines of its own (see lineCap), or in pages (see pageMake).
func lineMake[T any](p *place, n, c int) []T {
	var z T
	if p != nil && p.pages && unsafe.Sizeof(z) > 0 {
		return pageMake[T](p, n, c)
	}
	return make([]T, n, lineCap(max(n, c), unsafe.Sizeof(z)))
}

// pageMake is make([]T, n, c) in pages of its own (see place): a block of
// whole pages whose elements start at an offset that differs from one
// block of p to the next, so that the first lines of the buffers of a run
// spread over the sets of a cache rather than all falling in the first.
// The slice's capacity runs to the last element that fits in the block
// (see inPages), less pageHeader bytes: Go keeps the type of a block of
// more than 512 bytes that holds pointers in its first 8 bytes.
func pageMake[T any](p *place, n, c int) []T {
	var z T
	sz := unsafe.Sizeof(z)
	p.blocks++
	// 37 is prime to the 64 lines of a 4 KiB page: every 64 blocks take
	// every colour once.
	off := (uintptr(p.blocks)*37%64*64 + sz - 1) / sz
	bytes := ((off+uintptr(max(n, c, 1)))*sz + pageHeader + pageSize - 1) / pageSize * pageSize
	b := make([]T, (bytes-pageHeader)/sz)
	return b[off : off+uintptr(n) : len(b)]
}

// pageHeader is the room pageMake leaves in a block for Go's header.
const pageHeader = 16

// inPages reports whether s has the shape of a buffer pageMake makes: it
// starts in the first half of a page (plus an element and a header) and
// runs to within an element and a header of the end of a page. Another
// block of Go's heap may have that shape too, which costs only time.
func inPages[T any](s []T) bool {
	var z T
	sz := unsafe.Sizeof(z)
	if cap(s) == 0 || sz == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s))) % pageSize
	end := start + uintptr(cap(s))*sz
	gap := (pageSize - end%pageSize) % pageSize
	return start < pageSize/2+sz+pageHeader && end > pageSize/2 && gap < sz+pageHeader
}

// lined returns s emptied: in its own memory when that is placed as p
// places a run's memory (see lineCap, inPages), in new memory of at least
// its capacity otherwise. A run's buffers grow by append, which doubles
// whole blocks into whole blocks but not pages into pages; lined moves
// those that started smaller, or that grew out of their pages.
func lined[T any](p *place, s []T) []T {
	if p != nil && p.pages {
		if inPages(s) {
			return s[:0]
		}
		return pageMake[T](p, 0, cap(s))
	}
	var z T
	if b := uintptr(cap(s)) * unsafe.Sizeof(z); b > 704 || b > 0 && b%cacheLine == 0 {
		return s[:0]
	}
	return lineMake[T](p, 0, cap(s))
}

// limit returns the instant of limit d counted from anchor, in zone loc;
// never when it lies beyond [agreement.InstantRange].
func limit(d agreement.Deadline, anchor int64, loc *time.Location) int64 {
	if t, ok := limitUTC(d, anchor, loc); ok {
		return t
	}
	return nanos(d.Instant(time.Unix(0, anchor), loc))
}

// dayNanos is the length of a day in UTC.
const dayNanos = int64(24 * time.Hour)

// limitUTC is limit by arithmetic for the commonest calendar limits: in
// UTC, whose days all last 24 hours, a period of weeks and days (with an
// exact duration) from anchor, rounded to the start or the end of its day
// or not. It reports false for any other limit, and for one whose instant
// would not lie well inside the range, which the calendar then works out.
func limitUTC(d agreement.Deadline, anchor int64, loc *time.Location) (int64, bool) {
	p := d.Period
	if loc != nil && loc != time.UTC || !d.At.IsZero() || d.After != 0 || p.Years != 0 || p.Months != 0 ||
		d.Round != agreement.RoundNone && d.Round != agreement.RoundStartOfDay && d.Round != agreement.RoundEndOfDay {
		return 0, false
	}
	// Within these bounds the sum below, a day more, stays inside the
	// range: |t| <= 2^62 (the year 2116) + 50,000 days + 2^57 (4.5 years)
	// < 2^63 - 2 days.
	const maxDays, maxAnchor, maxExact = 50_000, int64(1) << 62, int64(1) << 57
	days := int64(p.Weeks)*7 + int64(p.Days)
	exact := int64(p.Exact)
	if p.Weeks > maxDays || p.Weeks < -maxDays || days > maxDays || days < -maxDays ||
		anchor > maxAnchor || anchor < -maxAnchor || exact > maxExact || exact < -maxExact {
		return 0, false
	}
	t := anchor + days*dayNanos + exact
	switch d.Round {
	case agreement.RoundStartOfDay, agreement.RoundEndOfDay:
		day := t / dayNanos
		if t%dayNanos < 0 {
			day-- // the day holding t, before 1970 too
		}
		t = day * dayNanos
		if d.Round == agreement.RoundEndOfDay {
			t += dayNanos
		}
	}
	return t, true
}

func instant(t time.Time) (int64, error) {
	if !agreement.InstantInRange(t) {
		return 0, ErrOutOfRange
	}
	return t.UnixNano(), nil
}

// errNoRun is returned by the methods of a nil or zero Run.
var errNoRun = errors.New("scenario: no run (build one with Engine.Start)")

// usable reports whether r was built by Engine.Start.
func (r *Run) usable() bool { return r != nil && r.e != nil }

// Now returns the latest instant the run has closed; before the first close,
// the instant just before its start. It returns the Unix epoch for a nil or
// zero Run.
func (r *Run) Now() time.Time {
	if !r.usable() {
		return time.Unix(0, 0).UTC()
	}
	return time.Unix(0, r.closed).UTC()
}

// Apply adds one event. Its instant must be after every instant already
// closed; events at the same instant form one batch, committed when the clock
// moves past that instant (by a later event or [Run.AdvanceTo]). The event is checked as
// [Timeline.Validate] checks events; a bad event changes nothing and returns
// an *agreement.ValidationError.
func (r *Run) Apply(ev agreement.Event) error {
	if !r.usable() {
		return errNoRun
	}
	if err := r.e.eventError(&ev, "event"); err != nil {
		return err
	}
	return r.apply(ev)
}

// apply adds a valid event.
func (r *Run) apply(ev agreement.Event) error {
	t := ev.At.UnixNano()
	if err := r.admit(t); err != nil {
		return err
	}
	ev.At = ev.At.UTC()
	ev.Quantities = slices.Clone(ev.Quantities)
	r.events.push(ev)
	r.queue(t)
	return nil
}

// admit commits the instants before t, for an event at t; it returns
// ErrOutOfOrder when t is already closed.
func (r *Run) admit(t int64) error {
	if t <= r.closed {
		return ErrOutOfOrder
	}
	if t > r.batchAt {
		r.advance(t - 1)
		r.batchAt = t
	}
	return nil
}

// queue adds the last event, at t, to the batch of its instant.
func (r *Run) queue(t int64) {
	r.at.push(t)
	r.batch = append(r.batch, int32(r.events.len()-1))
}

// AdvanceTo moves the clock to t and closes it: every batch, deadline,
// expiry and timed condition at or before t takes effect, and the state "at
// t" is final. t must not be before an instant already closed (closing the
// same instant twice is allowed and does nothing).
func (r *Run) AdvanceTo(t time.Time) error {
	if !r.usable() {
		return errNoRun
	}
	n, err := instant(t)
	if err != nil {
		return err
	}
	if n < r.closed {
		return ErrOutOfOrder
	}
	r.advance(n)
	return nil
}

// advance commits every instant up to and including t.
func (r *Run) advance(t int64) {
	for {
		for len(r.timers) > 0 && r.timers[0].at <= r.closed {
			r.timers.pop() // stale
		}
		// The next instant with something at it: the batch's (first on a
		// tie), a timer's or the amendments'.
		next := r.amendAt
		if len(r.timers) > 0 && r.timers[0].at < next {
			next = r.timers[0].at
		}
		var batch []int32
		takeBatch := (!r.started || len(r.batch) > 0) && r.batchAt <= next
		if takeBatch {
			next = r.batchAt
		}
		if next > t || next == never {
			break
		}
		if takeBatch {
			batch = r.batch
			r.batch = r.spareB[:0]
		}
		if r.amendAt <= next {
			r.amendAt = never
		}
		if r.closesPlainStart(next, batch) {
			r.commitStart()
		} else {
			r.commit(next, batch)
		}
		if batch != nil {
			r.spareB = batch
		}
		r.closed = next
		if r.batchAt <= next {
			r.batchAt = next + 1
		}
	}
	if t > r.closed {
		r.closed = t
		if r.batchAt <= t {
			r.batchAt = t + 1
		}
	}
	r.now = r.closed
}

// markInst makes instance ii dirty for this instant, keeping the first
// cause: that of a wake skipped earlier in the round, if any (see
// lateWake). An instance in a final state is left alone, since nothing
// moves it again.
func (r *Run) markInst(ii int32, c cause) {
	s := &r.inst[ii]
	if s.dirty || s.state.IsFinal() {
		return
	}
	if q := s.quiet; q > r.wk.epoch || q == r.wk.epoch && r.wk.inRound {
		s.quiet = 0
		if q > r.wk.epoch {
			// Marked for the next round already, as it moved: its cause
			// stands.
			s.dirty = true
			r.work = append(r.work, ii)
			return
		}
		if s.round != q {
			// A quiet member of the round in progress: it is taken from
			// here on.
			r.join(ii)
		}
	}
	// A run that records no causes looks for skipped wakes only when the
	// instance may have to join the round in progress.
	if w := &r.wk; w.last >= w.epoch-1 && (r.rec == RecordTrace || w.inRound && s.round != w.epoch) {
		c = r.lateWake(ii, c)
	}
	s.dirty, s.cause = true, c
	r.work = append(r.work, ii)
}

// markAgr makes agreement ai dirty for this instant, keeping the first cause.
func (r *Run) markAgr(ai int32, c cause) {
	if r.agr[ai].mark(c) {
		r.dirtyA = append(r.dirtyA, ai)
	}
}

// gateOpen reports whether instance ii may change state: its agreement is in
// force, or its clause survives (see gateOpenIn), as the run keeps it.
func (r *Run) gateOpen(ii int32) bool { return r.gates[ii] }

// regate works out again every instance's gate: the text changed, or the
// run starts.
func (r *Run) regate() {
	r.gates = reuse(&r.place, r.gates, len(r.e.instances))
	for ii := range r.gates {
		r.gates[ii] = r.gateOpenIn(r.e, int32(ii))
	}
}

// regateAgreement works out again the gates of the instances of agreement
// ai, whose state or signatures changed: a gate reads nothing else of the
// run.
func (r *Run) regateAgreement(ai int32) {
	for _, ii := range r.e.agreements[ai].instances {
		r.gates[ii] = r.gateOpenIn(r.e, ii)
	}
}

// gateOpenIn reports whether instance ii's gate is open under the text of
// engine e (a version of the run's).
func (r *Run) gateOpenIn(e *Engine, ii int32) bool {
	return e.gates[ii].open(r.agrState) || r.provisionalOpen(e, ii)
}

// open reports whether the gate is open whatever the signatures: its
// clause survives, or its agreement is in force (agreements' states in
// st).
func (g *gateInfo) open(st []agreement.State) bool {
	return g.surviving || st[g.home] == agreement.StateInForce
}

// provisionalOpen reports whether the gate of instance ii under the text
// of engine e is open while its agreement is not in force: its clause is
// provisional, the agreement is a draft or signed, and the debtors have
// signed it.
func (r *Run) provisionalOpen(e *Engine, ii int32) bool {
	g := &e.gates[ii]
	st := r.agrState[g.home]
	return g.provisional && (st == agreement.StateDraft || st == agreement.StateSigned) && r.debtorsSigned(e, ii)
}

// debtorsSigned reports whether every debtor of instance ii, under the
// text of engine e, has signed its agreement.
func (r *Run) debtorsSigned(e *Engine, ii int32) bool {
	inst := &e.instances[ii]
	c := &e.clauses[inst.clause]
	signers := r.agr[c.home].signers
	if inst.debtor != "" {
		return slices.Contains(signers, inst.debtor)
	}
	for _, d := range c.clause.Debtors {
		if !slices.Contains(signers, d) {
			return false
		}
	}
	return len(c.clause.Debtors) > 0
}

// commit runs the batch at instant t and everything it sets off.
func (r *Run) commit(t int64, batch []int32) {
	r.now = t
	e := r.e
	if !r.started {
		r.started = true
		r.regate()
		for i := range r.inst {
			r.markInst(int32(i), cause{kind: CauseStart})
		}
		for i := range r.agr {
			r.markAgr(int32(i), cause{kind: CauseStart})
		}
	}
	// Exclusive limits the amendments at t put (or leave, resuming an
	// instance) at or before t: in the order the amendments reached them,
	// before those the clock brings to t.
	if len(r.relimited) > 0 {
		for _, ii := range r.relimited {
			if r.passedExclusive(ii) {
				r.settleExclusive(ii)
			}
		}
		r.relimited = r.relimited[:0]
	}
	// Timers due now.
	for len(r.timers) > 0 && r.timers[0].at <= t {
		tm := r.timers.pop()
		if tm.idx >= 0 {
			if r.inst[tm.idx].timerAt == tm.at {
				r.inst[tm.idx].timerAt = never
				if r.dueNow(tm.idx) {
					r.settleExclusive(tm.idx)
					r.markInst(tm.idx, cause{kind: CauseTimer})
				} else {
					// A stale timer: what it waited for moved. Waking the
					// clause would change which round evaluates it; only
					// reschedule.
					r.touch(tm.idx)
				}
			}
		} else if ai := -1 - tm.idx; r.agr[ai].timerAt == tm.at {
			r.agr[ai].timerAt = never
			r.markAgr(ai, cause{kind: CauseTimer})
		}
	}
	// Events: occurrences and fluents, in timeline order.
	for _, ei := range batch {
		evc := cause{kind: CauseEvent}.withEvent(ei)
		hits, plain, coded := r.tlHits.of(e, ei)
		if !coded {
			hits = r.match(ei, r.events.ptr(int(ei)), r.hits[:0])
			r.hits = hits
		}
		fluents := false
		for _, pi := range hits {
			if coded { // as match does, with occPush inlined
				if h := &r.occ[pi]; len(h.tail) < cap(h.tail) {
					h.tail = append(h.tail, ei)
				} else {
					r.occGrow(pi, ei)
				}
			}
			r.wakeInput(inPattern, pi, evc)
			if f := e.patFlags[pi]; f != 0 {
				for _, ai := range e.patterns[pi].agreements {
					r.markAgr(ai, evc)
				}
				fluents = fluents || f&patFluents != 0
			}
		}
		if fluents {
			// The fluents the event initiates, then those it terminates
			// (as world.fluents sets them, called directly on this hot
			// path).
			for _, pi := range hits {
				for _, fi := range e.patterns[pi].fluentsOn {
					r.setFluent(fi, true, ei)
				}
			}
			for _, pi := range hits {
				for _, fi := range e.patterns[pi].fluentsOff {
					r.setFluent(fi, false, ei)
				}
			}
		}
		if !plain { // a coded plain event is read no further
			r.commitEvent(ei)
		}
	}
	// Fixpoint.
	for len(r.work) > 0 || len(r.dirtyA) > 0 {
		if len(r.dirtyA) > 0 {
			r.agreementRound()
		}
		if len(r.work) == 0 {
			continue
		}
		work := r.work
		r.work = r.spare[:0]
		if len(work) > 1 {
			sortIndices(work)
		}
		w := &r.wk
		w.epoch++
		var flags instFlag
		var states stateSet
		for _, ii := range work {
			s := &r.inst[ii]
			s.dirty, s.round = false, w.epoch
			r.touch(ii)
			flags |= e.instances[ii].flags
			states |= 1 << s.state
		}
		w.cur, w.pos, w.inRound, w.roundFlags, w.roundStates = work, 0, true, flags, states
		// The steps no instance of the round may take, by its flags and
		// the states it has been in, are passed over (an instance joining
		// the round adds its flags and state, see join, and a move its new
		// state, see to).
		if flags&flagAnchored != 0 {
			r.anchors()
		}
		if flags&flagMayLapse != 0 && w.roundStates&waiting != 0 {
			r.lapse()
		}
		if w.roundStates&waiting != 0 {
			r.activate()
		}
		if w.roundStates&inEffect != 0 {
			r.fulfil()
		}
		if len(r.effects) > 0 {
			r.effectsRound()
		}
		if w.roundStates&inEffect != 0 {
			r.violate()
		}
		if w.roundFlags&flagMayExpire != 0 && w.roundStates&(waiting|inEffect) != 0 {
			r.expire()
		}
		r.effects = r.effects[:0]
		r.spare = w.cur[:0]
		w.cur, w.inRound = nil, false
	}
	// The touches of this instant are spent: its rounds are over.
	r.wk.epoch += 2
	r.wk.causes = r.wk.causes[:0]
	r.schedule()
}

// effectsRound applies the effects of the powers exercised in the round in
// progress: within one priority, in timeline order, the order of the
// exercises; suspensions and resumptions after the others.
func (r *Run) effectsRound() {
	if len(r.effects) > 1 {
		slices.SortStableFunc(r.effects, func(a, b effect) int { return cmp.Compare(a.order, b.order) })
	}
	r.applyEffects(false)
	r.applyEffects(true)
}

// commitEvent is commit's part for event ei, not plain: its kind asks
// more of a commit than its occurrences and fluents. The kinds below are
// those plainKind says are not plain: a kind added here is added there.
func (r *Run) commitEvent(ei int32) {
	e := r.e
	ev := r.events.ptr(int(ei))
	switch ev.Kind {
	case agreement.EventKindRevised:
		rc := cause{kind: CauseRevision}.withEvent(ei)
		if t := r.revise(ei, func(pi int32) {
			p := &e.patterns[pi]
			r.wakeInput(inPattern, pi, rc)
			for _, ai := range p.agreements {
				r.markAgr(ai, rc)
			}
		}); t >= 0 {
			r.reviseBreaches(t, rc)
		}
	case agreement.EventKindSigning:
		r.sign(ev, ei)
	case agreement.EventKindNotice, agreement.EventKindRenewal:
		r.termEvent(ev, ei)
	case agreement.EventKindControlChanged, agreement.EventKindReferendumHeld, agreement.EventKindArbitrationAward:
		if ev.Area != "" && r.rec == RecordTrace {
			r.territoryEvent(ev, ei)
		}
	}
}

// stateSet is a set of instance states: bit 1<<st for state st.
type stateSet uint16

// waiting are the states activation takes; inEffect that which fulfilment
// and violation take.
const (
	waiting  stateSet = 1<<agreement.StateDormant | 1<<agreement.StatePending
	inEffect stateSet = 1 << agreement.StateInEffect
)

// sortIndices sorts s, a list of instance or agreement indices, in
// increasing order: most lists of an instant are short, and many in order
// already.
func sortIndices(s []int32) {
	if len(s) > 16 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// match records event ei in world w: it appends the event to the
// occurrences of every pattern it matches, and returns those patterns,
// appended to hits. The caller then sets the fluents they initiate, then
// clears those they terminate (see fluents). Replays and evaluator
// histories share it.
func (w *world) match(ei int32, ev *agreement.Event, hits []int32) []int32 {
	n := len(hits)
	hits = w.e.hitsOf(ev, hits)
	for _, pi := range hits[n:] {
		w.occPush(pi, ei)
	}
	return hits
}

// hitsOf appends to hits the patterns of e that event ev matches, in
// increasing order.
func (e *Engine) hitsOf(ev *agreement.Event, hits []int32) []int32 {
	pats := e.kinds.patterns(ev.Kind)
	if pm := e.partyMatch; pm != nil && len(pats) > 0 {
		// By the parties' codes, each looked up once.
		pc := &e.partyCodes
		a, t, r := pc.bit(ev.Actor), pc.bit(ev.Target), pc.bit(ev.Reporter)
		for _, pi := range pats {
			if m := &pm[pi]; m.actor&a != 0 && m.target&t != 0 && m.reporter&r != 0 &&
				(!m.more || e.matchesMore(&e.patterns[pi], ev)) {
				hits = append(hits, pi)
			}
		}
		return hits
	}
	for _, pi := range pats {
		if e.matchesKind(pi, ev) {
			hits = append(hits, pi)
		}
	}
	return hits
}

// occSlabLen and occCarve size the memory of first occurrences: a slab
// of occSlabLen events carved into lists of occCarve.
const (
	occSlabLen = 256
	occCarve   = 8
)

// occPush appends event ei to the occurrences of pattern pi. A pattern's
// first occurrence takes its list's memory from a slab shared by the
// patterns of w, so that a replay allocates once for the first
// occurrences of many patterns rather than once each.
func (w *world) occPush(pi, ei int32) {
	h := &w.occ[pi]
	if n := len(h.tail); n < cap(h.tail) {
		h.tail = h.tail[:n+1]
		h.tail[n] = ei
		return
	}
	w.occGrow(pi, ei)
}

// occGrow is occPush for a list whose memory is full, or which has none.
func (w *world) occGrow(pi, ei int32) {
	h := &w.occ[pi]
	if cap(h.tail) == 0 && len(h.full) == 0 {
		if len(w.occSlab) < occCarve {
			w.occSlab = make([]int32, occSlabLen)
		}
		h.tail, w.occSlab = w.occSlab[:0:occCarve], w.occSlab[occCarve:]
	}
	h.push(ei)
}

// fluents sets, through set, the fluents the patterns hits initiate, then
// clears those they terminate.
func (w *world) fluents(ei int32, hits []int32, set func(fi int32, v bool, ei int32)) {
	for _, pi := range hits {
		for _, fi := range w.e.patterns[pi].fluentsOn {
			set(fi, true, ei)
		}
	}
	for _, pi := range hits {
		for _, fi := range w.e.patterns[pi].fluentsOff {
			set(fi, false, ei)
		}
	}
}

func (r *Run) setFluent(fi int32, v bool, ei int32) {
	if r.fluentVal[fi] == v {
		return
	}
	r.fluentVal[fi] = v
	r.fluentEv[fi] = ei
	r.flog.push(fluentChange{fluent: fi, value: v, event: ei})
	c := cause{kind: CauseEvent}.withEvent(ei)
	f := &r.e.fluents[fi]
	r.wakeInput(inFluent, fi, c)
	for _, ai := range f.agreements {
		r.markAgr(ai, c)
	}
}

// sign moves the agreement a signing event names (or the only agreement)
// from Draft to Signed.
func (r *Run) sign(ev *agreement.Event, ei int32) {
	ai := int32(-1)
	switch {
	case ev.Clause.IsAgreement():
		ai = r.e.agrIndex[ev.Clause.Agreement]
	case ev.Clause == (agreement.Ref{}) && len(r.e.agreements) == 1:
		ai = 0
	}
	if ai >= 0 {
		r.signBy(ai, ev.Actor, cause{kind: CauseEvent}.withEvent(ei))
	}
}

// signBy records that party signed agreement ai (""; the agreement as a
// whole, for every required signatory): the provisional clauses it owes may
// now apply, and the agreement is Signed once its signatories have all
// signed.
func (r *Run) signBy(ai int32, party agreement.PartyID, c cause) {
	a := &r.agr[ai]
	info := &r.e.agreements[ai]
	news := []agreement.PartyID{party}
	if party == "" {
		news = info.required
	}
	for _, p := range news {
		if slices.Contains(a.signers, p) {
			continue
		}
		a.signers = append(a.signers[:len(a.signers):len(a.signers)], p)
		r.regateAgreement(ai)
		if info.provisional {
			for _, ii := range info.instances {
				if r.e.clauses[r.e.instances[ii].clause].provisional &&
					slices.Contains(r.e.instanceDebtors(ii), p) {
					r.markInst(ii, c)
					r.resumeClock(ii)
				}
			}
		}
	}
	if r.agrState[ai] == agreement.StateDraft && (party == "" || info.satisfied(a.signers)) {
		r.agreementTo(ai, agreement.StateSigned, c)
		r.markAgr(ai, c) // it may enter into force at once
	}
}

// agreementRound applies entry into force for dirty agreements.
func (r *Run) agreementRound() {
	for len(r.dirtyA) > 0 {
		list := r.dirtyA
		r.dirtyA = r.spareA[:0]
		sortIndices(list)
		for _, ai := range list {
			s := &r.agr[ai]
			s.dirty = false
			r.touchedA = append(r.touchedA, ai)
			info := &r.e.agreements[ai]
			for int(s.nextSig) < len(info.signings) && info.signings[s.nextSig].at <= r.now {
				sg := info.signings[s.nextSig]
				s.nextSig++
				r.signBy(ai, sg.party, cause{kind: CauseSignature, hasBy: true, by: -1 - ai, event: s.nextSig - 1})
			}
			if st := r.agrState[ai]; (st == agreement.StateInForce || st == agreement.StateSuspended) &&
				s.term != nil && s.term.end <= r.now {
				// Every end due: more than one after an amendment that
				// shortened the term.
				for r.agrState[ai] != agreement.StateTerminated && s.term != nil && s.term.end <= r.now {
					r.agreementTermEnds(ai)
				}
				continue
			}
			if info.ifRoot >= 0 && !s.ifFired && r.agrState[ai] != agreement.StateTerminated &&
				r.test(info.ifRoot, beforeAll) {
				s.ifFired = true
				s.ifAt = limit(info.inForceAt, r.anchorInstant(info.ifRoot), info.loc)
			}
			if r.agrState[ai] != agreement.StateSigned {
				continue
			}
			if !info.inForceAt.IsZero() && s.ifAt > r.now {
				continue
			}
			root := info.entry
			if root >= 0 && !r.test(root, beforeAll) {
				continue
			}
			if root >= 0 {
				r.agreementTo(ai, agreement.StateInForce, s.cause, r.decisions(slotEntry, root, beforeAll)...)
			} else {
				r.agreementTo(ai, agreement.StateInForce, s.cause)
			}
		}
		r.spareA = list
	}
}

// agreementTo moves agreement ai to state to, with what follows for its
// clauses: an agreement entering into force or resuming opens the gate of
// its clauses; one suspended pauses their deadlines; one terminated
// terminates every active clause that does not survive.
func (r *Run) agreementTo(ai int32, to agreement.State, c cause, d ...decisionPart) {
	from := r.agrState[ai]
	r.agrState[ai] = to
	r.regateAgreement(ai)
	r.agr[ai].since = r.now
	r.touchedA = append(r.touchedA, ai)
	r.agrTrans[ai] = int32(r.log.len())
	r.record(-1-ai, from, to, c, d)
	if to == agreement.StateInForce && r.agr[ai].forceAt == never {
		r.agr[ai].forceAt = r.now
	}
	info := &r.e.agreements[ai]
	sc := cause{kind: CauseAgreement, hasBy: true, by: -1 - ai}
	r.wakeInput(inAgreement, ai, sc)
	for _, aj := range info.readersA {
		r.markAgr(aj, sc)
	}
	switch {
	case to == agreement.StateSigned:
		if info.relativeInForce() {
			r.agr[ai].ifAt = limit(info.inForceAt, r.now, info.loc)
		}
	case to == agreement.StateInForce:
		if from == agreement.StateSigned {
			if !info.term.IsZero() && r.agr[ai].terms().begin == never {
				r.agr[ai].term.start(info.term, r.now, info.loc)
			}
			if r.rec == RecordTrace {
				r.enterIntoForce(ai)
			}
		}
		for _, ii := range info.instances {
			if s := &r.inst[ii]; from == agreement.StateSuspended && s.state == agreement.StateSuspended &&
				slices.Contains(s.suspBy, agrHold) {
				s.suspBy = r.without(s.suspBy, agrHold)
				if len(s.suspBy) == 0 {
					r.to(ii, agreement.StateInEffect, sc)
				}
			}
			r.markInst(ii, sc)
			r.resumeClock(ii)
		}
	case to == agreement.StateSuspended:
		// Its commitments in effect are suspended with it, visibly.
		for _, ii := range info.instances {
			if r.e.clauses[r.e.instances[ii].clause].surviving {
				continue
			}
			switch s := &r.inst[ii]; s.state {
			case agreement.StateInEffect:
				s.suspBy = r.with(s.suspBy, agrHold)
				r.to(ii, agreement.StateSuspended, sc)
			case agreement.StateSuspended:
				s.suspBy = r.with(s.suspBy, agrHold)
			default:
				r.pauseClock(ii)
			}
		}
	case to == agreement.StateTerminated:
		for _, ii := range info.instances {
			st := r.inst[ii].state
			if r.e.clauses[r.e.instances[ii].clause].surviving || st.IsFinal() {
				continue
			}
			r.to(ii, agreement.StateTerminated, sc)
		}
	}
}

// record appends a transition to the log; a run that records states only
// keeps its instant alone.
func (r *Run) record(idx int32, from, to agreement.State, c cause, d []decisionPart) {
	if r.rec != RecordTrace {
		r.countMove()
		return
	}
	ti := int32(r.log.len())
	r.log.push(newTransition(idx, from, to, r.now, c))
	for _, p := range d {
		p.trans = ti
		r.parts.push(p)
	}
}

// countMove counts a transition at r.now of a run that records states
// only.
func (r *Run) countMove() {
	if r.lastMoveAt != r.now {
		r.lastMoveAt, r.lastMoveN = r.now, 0
	}
	r.moves++
	r.lastMoveN++
}

// to moves instance ii to state to and records the transition. When a
// condition decided it and one of its true nodes names an event of the
// current instant, that event is the cause, whatever woke the clause first.
func (r *Run) to(ii int32, to agreement.State, c cause, d ...decisionPart) {
	if n := len(d); n > 0 {
		last := &d[n-1]
		for k := range last.root - r.e.span(last.root) + 1 {
			if rec := r.recordOf(last, k); rec.value && rec.event >= 0 && r.at.get(int(rec.event)) == r.now {
				c = cause{kind: CauseEvent}.withEvent(rec.event)
				break
			}
		}
	}
	s := &r.inst[ii]
	inst := &r.e.instances[ii]
	ci := inst.clause
	cl := &r.e.clauses[ci]
	from := s.state
	r.counts[ci][from]--
	r.counts[ci][to]++
	prevSince := s.since
	s.state = to
	r.wk.roundStates |= 1 << to
	s.live = liveOf(to, s.dlFired, s.expFired, inst.judges)
	s.since = r.now
	r.instSt[ii], r.instSince[ii], r.instTrans[ii] = to, r.now, int32(r.log.len())
	r.clauseTrans[ci] = int32(r.log.len())
	if to == agreement.StateInEffect && (from != agreement.StateSuspended || !cl.defers) {
		s.checked, s.violTrue, s.lastBreach = r.now, false, beforeAll
	}
	if r.rec == RecordTrace {
		r.record(ii, from, to, c, d)
	} else {
		r.countMove()
	}
	if from == agreement.StateDormant {
		s.left = r.now
	}
	if to == agreement.StateInEffect && s.entered == never {
		s.entered = r.now
	}

	// Clocks.
	if from == agreement.StateDormant && cl.hasExpiry {
		switch {
		case cl.expFrom:
			if s.expFired {
				s.expiryAt = s.expFixed
			}
		case cl.expAbs:
			s.expiryAt = cl.expAt
		default:
			s.expiryAt = limitAfter(cl.expExact, cl.expiry, r.now, cl.loc)
		}
	}
	switch {
	case to == agreement.StateInEffect && from != agreement.StateSuspended:
		switch {
		case cl.dlFrom:
			if s.dlFired {
				s.deadlineAt = s.dlFixed
			}
		case cl.dlAbs:
			s.deadlineAt = cl.dlAt
		case cl.hasDeadline:
			s.remaining = max(limitAfter(cl.dlExact, cl.deadline, r.now, cl.loc)-r.now, 0)
			s.deadlineAt = never
			r.resumeClock(ii)
		}
		if cl.recurs {
			r.startRecurrence(ii)
		}
		if cl.hasTerm && s.terms().begin == never {
			s.term.start(cl.term, r.now, cl.loc)
			s.expiryAt = s.term.end
		}
	case to == agreement.StateInEffect: // resumed
		if cl.defers {
			// The acts of the suspension are judged now.
			s.since = s.held
		}
		r.resumeClock(ii)
	case to == agreement.StateSuspended:
		if from == agreement.StateInEffect {
			s.held = prevSince
		}
		r.pauseClock(ii)
	}
	if to.IsFinal() {
		s.deadlineAt, s.expiryAt, s.remaining, s.lapseAt, s.recNext, s.recOpen = never, never, -1, never, never, nil
	}

	if r.rec == RecordTrace && inst.flags&flagTerritorial != 0 {
		r.territorialTransition(ci, to)
	}

	// Dependents, and the instance itself in its new state.
	sc := cause{kind: CauseClause, hasBy: true, by: ii}
	r.wakeInput(inClause, ci, sc)
	for _, aj := range cl.readersA {
		r.markAgr(aj, sc)
	}
	if to.IsFinal() {
		return
	}
	if r.settled && !inst.judges && inst.flags&flagRecurs == 0 && !r.e.wakeEvery {
		r.markQuiet(ii, c)
	} else {
		r.markInst(ii, c)
	}
}

// markQuiet is markInst for instance ii, which has just moved, with cause
// c, in a step of the round in progress after which no step of the round
// can move it without a change of what it reads: it activated, and every
// later step takes it in its new state, or it was suspended, and no later
// step takes a suspended instance. The round after would evaluate again,
// with nothing it reads changed, what this round has evaluated, and move
// nothing. The instance is a quiet member of that round: marked, with its
// cause, but taken by no step of it until something it reads changes (then
// it joins the round, at its place: see markInst). A round of quiet
// members alone is not run. Standing clauses and recurring duties judge at
// every evaluation, and are marked as they always are.
func (r *Run) markQuiet(ii int32, c cause) {
	s := &r.inst[ii]
	if s.dirty || s.quiet > r.wk.epoch {
		return // marked for the next round already: the first cause stands
	}
	if w := &r.wk; w.last >= w.epoch-1 && (r.rec == RecordTrace || w.inRound && s.round != w.epoch) {
		c = r.lateWake(ii, c) // as markInst does
	}
	s.cause, s.quiet = c, r.wk.epoch+1
}

// Fork returns an independent copy of r in its current state. The two share
// the history so far (without copying it) and diverge from here: forking,
// and the first events of either branch, cost in proportion to the size of
// the agreements and to what the branch adds, not to the length of the
// history shared. It returns nil for a nil or zero Run.
func (r *Run) Fork() *Run {
	if !r.usable() {
		return nil
	}
	r.shared = true
	f := *r
	f.place = place{} // replayed again, it counts from there
	f.occSlab = nil
	f.at = r.at.share()
	f.events = r.events.share()
	f.log = r.log.share()
	f.parts = r.parts.share()
	f.recs = r.recs.share()
	r.holdArena = r.holdArena[:len(r.holdArena):len(r.holdArena)]
	f.holdArena = r.holdArena
	f.flog = r.flog.share()
	f.rnlog = r.rnlog.share()
	f.pnotices = r.pnotices.share()
	f.vers = r.vers[:len(r.vers):len(r.vers)]
	f.terr = slices.Clone(r.terr)
	f.terrAsStated = slices.Clone(r.terrAsStated)
	f.tlog = r.tlog.share()
	f.rejected = r.rejected.share()
	f.batch = slices.Clone(r.batch)
	f.occ = make([]hist[int32], len(r.occ))
	for i := range r.occ {
		f.occ[i] = r.occ[i].share()
	}
	f.fluentVal = slices.Clone(r.fluentVal)
	f.fluentEv = slices.Clone(r.fluentEv)
	f.agrState = slices.Clone(r.agrState)
	f.agrTrans = slices.Clone(r.agrTrans)
	f.counts = slices.Clone(r.counts)
	f.clauseTrans = slices.Clone(r.clauseTrans)
	f.instSt = slices.Clone(r.instSt)
	f.instSince = slices.Clone(r.instSince)
	f.instTrans = slices.Clone(r.instTrans)
	f.blog = r.blog.share()
	if r.byClause != nil {
		f.byClause = make([]hist[int32], len(r.byClause))
		for i := range r.byClause {
			f.byClause[i] = r.byClause[i].share()
		}
	}
	f.revs = r.revs[:len(r.revs):len(r.revs)]
	f.rlog = r.rlog[:len(r.rlog):len(r.rlog)]
	f.inst = slices.Clone(r.inst) // suspBy slices are never modified in place
	f.agr = slices.Clone(r.agr)
	for i := range f.inst {
		if ts := f.inst[i].term; ts != nil {
			c := *ts // its notices are never modified in place
			f.inst[i].term = &c
		}
	}
	for i := range f.agr {
		if ts := f.agr[i].term; ts != nil {
			c := *ts
			f.agr[i].term = &c
		}
	}
	f.timers = slices.Clone(r.timers)
	f.work, f.spare, f.spareB, f.spareA, f.dirtyA, f.effects, f.touched, f.touchedA = nil, nil, nil, nil, nil, nil, nil, nil
	f.hits, f.recScratch = nil, nil
	f.gates = slices.Clone(r.gates)
	f.wk.resetWakes() // its wake lists are derived afresh
	// What an amendment woke for the instant it takes effect at.
	f.work, f.dirtyA = slices.Clone(r.work), slices.Clone(r.dirtyA)
	f.relimited = slices.Clone(r.relimited)
	return &f
}

// liftsOwnAgreement reports whether lifting suspend power sp's suspensions
// also resumes the agreement of instance ii (sp suspended both, and nothing
// else holds the agreement suspended): then the clause's gate reopens in the
// same step, and its own suspension is lifted too.
func (r *Run) liftsOwnAgreement(ii, sp int32) bool {
	ai := r.e.clauses[r.e.instances[ii].clause].home
	a := &r.agr[ai]
	return r.agrState[ai] == agreement.StateSuspended && len(a.suspBy) == 1 && a.suspBy[0] == sp &&
		slices.Contains(r.e.clauses[sp].targetsA, ai)
}

// dueNow reports whether something instance ii waits for falls exactly now:
// a timed atom of its current conditions or of an anchor not yet fixed
// turning, its deadline, expiry or lapse, an occurrence of a recurring duty.
// A clause that cannot move (gate closed, suspended, final) is due only for
// its anchors.
func (r *Run) dueNow(ii int32) bool {
	s := &r.inst[ii]
	if s.state.IsFinal() {
		return false
	}
	inst := &r.e.instances[ii]
	// The limits first: a timer falls due for one of them most often, and
	// comparing them costs less than looking at the timed atoms.
	at := func(nodes []int32, w int64) bool {
		return len(nodes) > 0 && r.changeAfter(nodes, w, r.now-1) == r.now
	}
	anchors := func() bool {
		return !s.dlFired && at(inst.timed[slotDeadline], beforeAll) ||
			!s.expFired && at(inst.timed[slotExpiry], beforeAll)
	}
	if !r.gateOpen(ii) {
		return anchors() // an anchor turns whatever the gate
	}
	switch s.state {
	case agreement.StateDormant:
		return s.lapseAt == r.now || at(inst.timed[slotTrigger], beforeAll) || anchors()
	case agreement.StatePending:
		return s.expiryAt == r.now || s.lapseAt == r.now || at(inst.timed[slotAntecedent], s.since) || anchors()
	case agreement.StateInEffect:
		return s.deadlineAt == r.now || s.expiryAt == r.now || s.recNext == r.now ||
			len(s.recOpen) > 0 && s.recOpen[0] == r.now ||
			at(inst.timed[slotFulfilment], s.since) || at(inst.timed[slotViolation], s.since) || anchors()
	}
	return anchors()
}
