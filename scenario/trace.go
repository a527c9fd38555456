package scenario

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// CauseKind says what set a transition off.
type CauseKind uint8

// The kinds of cause.
const (
	CauseStart     CauseKind = iota // the first evaluation, at the start instant
	CauseEvent                      // an event of the batch (Cause.Event)
	CauseTimer                      // a timed condition (Since, Within) changed value as time passed
	CauseClause                     // another clause's state changed (Cause.By)
	CauseAgreement                  // an agreement's state changed (Cause.By)
	CauseDeadline                   // the clause's deadline passed unfulfilled
	CauseExpiry                     // the clause's expiry was reached
	CausePower                      // a power was exercised (Cause.By, by Cause.Event)
	CauseBreach                     // a standing clause recorded a breach (Cause.By, by Cause.Event if an event)
	CauseRevision                   // an event revised an earlier one's attribution (Cause.Event: the revision)
	CauseSignature                  // a recorded signature's date came (Cause.By: the agreement, with the signatory as Debtor)
	CauseTerm                       // the instrument's term ended without renewal (Cause.Event: the notice, if one ended it)
	CauseAmendment                  // an amendment removed the clause or the debtor's commitment, or changed what decides it
)

var causeNames = [...]string{"start", "event", "timer", "clause", "agreement", "deadline", "expiry", "power", "breach", "revision", "signature", "term", "amendment"}

// String returns the kind's name, such as "deadline".
func (k CauseKind) String() string {
	if int(k) < len(causeNames) {
		return causeNames[k]
	}
	return fmt.Sprintf("CauseKind(%d)", k)
}

// Cause is what set a transition off. The zero value is CauseStart naming no
// event and no instance: the cause of the first evaluation, which is also
// what the package records for it. Causes are comparable values.
type Cause struct {
	Kind CauseKind
	// event is 1 + the index, in the trace's events, of the event that set
	// it off; 0 for none, so that the zero Cause names no event.
	event int
	// By is the clause, power or agreement whose change set it off, for
	// CauseClause, CauseAgreement and CausePower; the zero Instance
	// otherwise.
	By Instance
}

// Event returns the index, in the trace's events ([Trace.Event]), of the
// event that set the transition off: the batch event for CauseEvent, the
// exercise for CausePower. ok is false when no event did (the start, a
// timer, a deadline, an expiry, another clause's or an agreement's change).
func (c Cause) Event() (i int, ok bool) {
	if c.event <= 0 {
		return -1, false
	}
	return c.event - 1, true
}

// Equal reports whether c and o are the same cause, as == does; it lets
// go-cmp compare causes, whose event index is unexported.
func (c Cause) Equal(o Cause) bool { return c == o }

// WithEvent returns c naming the event at index i of the trace's events; a
// negative i names none.
func (c Cause) WithEvent(i int) Cause {
	c.event = max(i, -1) + 1
	return c
}

// Transition is one recorded change of state: of a clause instance, or of an
// agreement (Instance.IsAgreement).
type Transition struct {
	Instance Instance
	From, To agreement.State
	At       time.Time
	Cause    Cause
	// Version is the index of the text that decided it (see
	// [Trace.Versions]): 0 before any amendment.
	Version int
}

// decisionPart is a condition's recorded evaluation at the instant it decided
// a transition, the transition trans of a log (its run's, its trace's): the
// nodes from span(root) to root of the engine of the transition's version,
// evaluated from w at the transition's instant, their records from index
// rec of a log of node records.
type decisionPart struct {
	w     int64
	slot  slot
	root  int32
	rec   int32
	trans int32
}

// decide evaluates the condition at root again with a recorder, to keep each
// node's value for explanations, and returns the decision with its node
// records. It is called only to explain, never on the evaluation hot path.
func (s *world) decide(sl slot, root int32, w int64) (decisionPart, []nodeRecord) {
	lo := s.e.span(root)
	rec := &recorder{lo: lo, recs: make([]nodeRecord, root-lo+1)}
	s.eval(root, w, rec)
	return decisionPart{slot: sl, root: root, w: w}, rec.recs
}

// exercise returns the event the condition at root (a power's exercise)
// records when evaluated from w, as decide would, recording into r's
// scratch memory instead of a new decision.
func (r *Run) exercise(root int32, w int64) int32 {
	lo := r.e.span(root)
	n := int(root - lo + 1)
	r.recScratch = slices.Grow(r.recScratch[:0], n)[:n]
	clear(r.recScratch)
	rec := recorder{lo: lo, recs: r.recScratch}
	r.eval(root, w, &rec)
	return rec.recs[root-lo].event
}

// Trace is the record of a replay up to its end instant: every transition
// with its cause and the condition values that decided it. A Trace is
// immutable and safe for concurrent use. The zero value, like a nil *Trace,
// records nothing: its queries return an error, its iterators yield
// nothing, Start and End the Unix epoch, Engine nil.
type Trace struct {
	e      *Engine
	start  int64
	end    int64
	events []agreement.Event
	at     []int64
	// occ lists, per pattern of e, the events matching it, as a run
	// that had them all would (see Engine.occurrences): worked out from
	// the events the first time an explanation needs them, under occOnce,
	// rather than copied from the run at every replay.
	occOnce sync.Once
	occ     [][]int32
	// log holds the transitions, parts their decisions (in the order of
	// their transitions, each naming its own), recs the decisions' node
	// records.
	log   []transition
	parts []decisionPart
	recs  []nodeRecord
	flog  []fluentChange
	rnlog []renewal
	vers  []version
	base  *Engine // the engine of version 0 when there are others; nil otherwise

	tlog     []terrChange
	rejected []Rejection
	blog     []breach
	revs     []int32
	rlog     []occChange

	once   sync.Once
	byInst [][]int32 // transitions per instance
	byAgr  [][]int32 // transitions per agreement
	dlo    []int32   // per transition, the index of its first decision in parts; then len(parts)

	// The world of the last explanation, kept for the next one at the
	// same instant under the same text (explaining every instance at one
	// instant builds it once); nil while one is in use.
	wmu    sync.Mutex
	wcache *world
}

// Trace returns the record of r so far: every instant up to [Run.Now]. The
// batch at an instant not yet closed is not included. Later changes to r do
// not change the trace. For a nil or zero Run, and a run that records
// states only (see [Run.SetRecording]), it returns the zero Trace.
func (r *Run) Trace() *Trace {
	if !r.usable() || r.rec != RecordTrace {
		return &Trace{}
	}
	return r.trace(false)
}

// trace is Trace for a run that records its trace. With own set, the trace
// reads nothing of r's memory: it takes copies of exactly their size of the
// logs (see logBufs) and of the occurrences (see worldIn), and r may reuse
// its memory for another replay; otherwise it shares them.
func (r *Run) trace(own bool) *Trace {
	r.shared = true
	t := &Trace{
		e:      r.e,
		start:  r.start,
		end:    r.closed,
		events: r.events.flatten(),
		at:     r.at.flatten(),
		log:    r.log.flatten(),
		parts:  r.parts.flatten(),
		recs:   r.recs.flatten(),
		flog:   r.flog.flatten(),
		rnlog:  r.rnlog.flatten(),
		vers:   r.vers[:len(r.vers):len(r.vers)],
		base:   r.base,
		tlog:   r.tlog.flatten(),
		blog:   r.blog.flatten(),
		revs:   r.revs[:len(r.revs):len(r.revs)],
		rlog:   r.rlog[:len(r.rlog):len(r.rlog)],
	}
	// An amendment at an instant not yet closed has taken effect (its
	// terminations are logged) but is not part of the trace.
	if n := len(t.log); n > 0 && t.log[n-1].at > t.end {
		for n > 0 && t.log[n-1].at > t.end {
			n--
		}
		p, _ := slices.BinarySearchFunc(t.parts, int32(n), func(d decisionPart, n int32) int { return cmp.Compare(d.trans, n) })
		t.log, t.parts = t.log[:n:n], t.parts[:p:p]
	}
	if n := len(t.vers); n > 0 && t.vers[n-1].at > t.end {
		for n > 0 && t.vers[n-1].at > t.end {
			n--
		}
		t.vers = t.vers[:n:n]
	}
	for _, rj := range r.rejected.all() {
		if rj.Event < 0 || rj.Event < len(t.at) && t.at[rj.Event] <= r.closed {
			t.rejected = append(t.rejected, rj)
		}
	}
	if own {
		t.own(r)
	}
	// Events of a batch not yet committed are not part of the trace.
	n := len(t.at)
	for n > 0 && t.at[n-1] > t.end {
		n--
	}
	t.events, t.at = t.events[:n:n], t.at[:n:n]
	return t
}

// Replay runs the timeline tl on the engine up to and including end, and
// returns its trace. Events after end, and an end before the timeline's
// start, are errors; so is any event [Timeline.Validate] rejects, and a nil
// or zero Engine.
func (e *Engine) Replay(tl Timeline, end time.Time) (*Trace, error) {
	if !e.usable() {
		return nil, errNoEngine
	}
	again := tl.memo != nil && tl.memo.valid.Load() == e
	if err := tl.Validate(e); err != nil {
		return nil, err
	}
	if end.Before(tl.start) {
		return nil, fmt.Errorf("scenario: end %s before start %s", end.UTC().Format(time.RFC3339), tl.start.Format(time.RFC3339))
	}
	t0, err := instant(tl.start)
	if err != nil {
		return nil, err
	}
	// Engine.Start, with the scratch memory of an earlier replay; the
	// start closed from a snapshot when there is one for it.
	snap := e.plainStart(RecordTrace, t0, tl)
	r := &Run{}
	var lb logBufs
	if sc, ok := e.scratch.Get().(*scratch); ok {
		lb, sc.logs = sc.logs, logBufs{}
		if sc.place.resets++; sc.place.resets == placeAfter && !sc.place.pages {
			// All of it again, in pages of its own (see place).
			sc = &scratch{place: place{resets: placeAfter, pages: true}}
		}
		r.world = e.worldIn(t0, sc.tables, snap == nil, &sc.place)
		r.adopt(sc)
	} else {
		r.place.resets = 1
		r.world = e.newWorld(t0, &r.place)
	}
	r.begin(t0, snap == nil)
	lb.lend(r)
	if snap != nil {
		r.restoreStart(snap)
	}
	r.tlHits = tl.hitsFor(e, again)
	if err := r.replay(tl, end); err != nil {
		return nil, err
	}
	t := r.trace(true)
	lb = takeLogs(r)
	sc := r.release() // r is dropped: the trace owns what it reads
	sc.logs = lb
	e.scratch.Put(sc)
	return t, nil
}

// logBufs is the memory of the logs of an Engine.Replay's run, kept for
// the next replay: the trace takes a copy of exactly their size (see
// Trace.own), so that a replay allocates what its trace holds and no more,
// and its logs grow without copying once they have reached the longest.
type logBufs struct {
	log      []transition
	recs     []nodeRecord
	parts    []decisionPart
	blog     []breach
	flog     []fluentChange
	tlog     []terrChange
	byClause []hist[int32]
}

// lend gives run r, just begun, the memory of b for its logs.
func (b *logBufs) lend(r *Run) {
	r.log, r.flog = flatHist(b.log[:0]), flatHist(b.flog[:0])
	r.parts, r.recs = flatHist(b.parts[:0]), flatHist(b.recs[:0])
	r.blog, r.tlog = flatHist(b.blog[:0]), flatHist(b.tlog[:0])
	if len(b.byClause) == len(r.e.clauses) {
		for i := range b.byClause {
			b.byClause[i].truncate()
		}
		r.byClause = b.byClause
	}
}

// takeLogs returns the memory of r's logs, which its trace no longer
// reads (see Trace.own): only from Engine.Replay's run, whose one fork, a
// snapshot of its start, has logs of its own (see frozen).
func takeLogs(r *Run) logBufs {
	b := logBufs{log: r.log.tail, recs: r.recs.tail, parts: r.parts.tail, blog: r.blog.tail, flog: r.flog.tail,
		tlog: r.tlog.tail}
	clear(b.tlog) // territories: the trace has its copy, and the pool holds none alive
	if r.base == nil {
		b.byClause = r.byClause // sized for the engine: no amendment added to it
	}
	return b
}

// own makes the logs of t, taken from run r, copies of exactly their size,
// reading nothing of r's memory (see logBufs).
func (t *Trace) own(r *Run) {
	t.log, t.blog, t.flog = slices.Clone(t.log), slices.Clone(t.blog), slices.Clone(t.flog)
	t.tlog = slices.Clone(t.tlog)
	if !r.borrowed { // a timeline's instants are immutable: shared
		t.at = slices.Clone(t.at)
	}
	t.parts, t.recs = slices.Clone(t.parts), slices.Clone(t.recs)
}

// occurrences returns, per pattern of t's last text, the events matching
// it, as its run had them at the trace's end: matched again from the
// events the first time they are needed (see occ).
func (t *Trace) occurrences() [][]int32 {
	t.occOnce.Do(func() {
		occ, _, _, _ := t.e.occurrences(flatHist(t.events), flatHist(t.at))
		t.occ = make([][]int32, len(occ))
		for i := range occ {
			t.occ[i] = occ[i].flatten()
		}
	})
	return t.occ
}

// decisionsOf returns the decisions of transition ti.
func (t *Trace) decisionsOf(ti int32) []decisionPart {
	t.index()
	return t.parts[t.dlo[ti]:t.dlo[ti+1]:t.dlo[ti+1]]
}

// recsOf returns the node records of decision d of t, whose nodes are
// engine e's.
func (t *Trace) recsOf(e *Engine, d *decisionPart) []nodeRecord {
	return t.recs[d.rec : d.rec+d.root-e.span(d.root)+1]
}

// verOf returns the version in force when transition ti was made.
func (t *Trace) verOf(ti int32) int {
	k, _ := slices.BinarySearchFunc(t.vers, ti, func(v version, ti int32) int {
		if v.log <= ti {
			return -1
		}
		return 1
	})
	return k
}

// Replay puts r back at the start of the timeline tl, as [Run.Reset] does,
// and runs tl on r's engine up to and including end, as [Engine.Replay]
// does, without building a trace: the caller reads what it needs from the
// run ([Run.State], [Run.States], [Run.Transitions], [Run.NextWake]; for a
// run that records its trace, [Run.Trace] gives the whole record).
//
// Replaying many timelines through one run reuses its memory: once its
// buffers have grown to the longest timeline, a replay allocates nothing,
// unless a trace or a fork taken from r shares that memory. Put back at
// its start a 1024th time (by Replay or [Run.Reset]), a run moves the
// memory it writes or copies from at every replay into pages of its own,
// once: a few hundred KiB for an agreement of a few dozen clauses (470
// KiB for the 36 clauses of the package's benchmark workload, taking
// about as long as 60 replays). Runs replaying side by side on other
// cores then do not slow it down, as they do when their buffers share
// pages with its own (see the package documentation).
//
// The errors are [Engine.Replay]'s; after an error r is at an unspecified
// point of tl, to be reset or replayed again.
func (r *Run) Replay(tl Timeline, end time.Time) error {
	if !r.usable() {
		return errNoRun
	}
	e := r.e
	if r.base != nil {
		e = r.base
	}
	again := tl.memo != nil && tl.memo.valid.Load() == e
	if err := tl.Validate(e); err != nil {
		return err
	}
	if end.Before(tl.start) {
		return fmt.Errorf("scenario: end %s before start %s", end.UTC().Format(time.RFC3339), tl.start.Format(time.RFC3339))
	}
	t0, err := instant(tl.start)
	if err != nil {
		return err
	}
	r.reset(t0, e.plainStart(r.rec, t0, tl))
	r.tlHits = tl.hitsFor(e, again)
	return r.replay(tl, end)
}

// replay runs the valid timeline tl on r, just started at its start, up to
// and including end.
func (r *Run) replay(tl Timeline, end time.Time) error {
	// The run shares the timeline's events and their instants: both are
	// immutable.
	endAt := nanos(end) // beyond the range: before or after every event
	next := 0           // the next amendment
	amendTo := func(t time.Time) error {
		for ; next < len(tl.amendments) && !tl.amendments[next].At.After(t); next++ {
			if err := r.Amend(tl.amendments[next]); err != nil {
				return fmt.Errorf("scenario: amendments[%d]: %w", next, err)
			}
		}
		return nil
	}
	for i := range tl.events {
		ev := &tl.events[i] // not a copy: an event is large
		if tl.at[i] > endAt {
			return fmt.Errorf("scenario: events[%d] at %s is after the end %s", tl.inputIndex(i),
				ev.At.Format(time.RFC3339Nano), end.UTC().Format(time.RFC3339Nano))
		}
		if next < len(tl.amendments) {
			if err := amendTo(ev.At); err != nil {
				return err
			}
		}
		// The next event joins the batch of its instant, shared rather
		// than copied: a timeline's events and instants are immutable, its
		// events in UTC, with quantities of their own, and nothing shares
		// the run's (it holds them all in the tails of their histories).
		n := r.events.len()
		if err := r.admit(tl.at[n]); err != nil {
			return fmt.Errorf("scenario: events[%d]: %w", tl.inputIndex(i), err)
		}
		r.events.tail, r.at.tail, r.borrowed = tl.events[:n+1:n+1], tl.at[:n+1:n+1], true
		r.batch = append(r.batch, int32(n))
	}
	if next < len(tl.amendments) && tl.amendments[len(tl.amendments)-1].At.After(end) {
		return fmt.Errorf("scenario: amendments[%d] at %s is after the end %s", len(tl.amendments)-1,
			tl.amendments[len(tl.amendments)-1].At.Format(time.RFC3339Nano), end.UTC().Format(time.RFC3339Nano))
	}
	if err := amendTo(end); err != nil {
		return err
	}
	if err := r.AdvanceTo(end); err != nil {
		return err
	}
	return nil
}

// usable reports whether t was made by a replay.
func (t *Trace) usable() bool { return t != nil && t.e != nil }

// Start returns the first instant of the trace; the Unix epoch for a nil or
// zero Trace.
func (t *Trace) Start() time.Time {
	if t == nil {
		return time.Unix(0, 0).UTC()
	}
	return time.Unix(0, t.start).UTC()
}

// End returns the last instant of the trace; the Unix epoch for a nil or
// zero Trace.
func (t *Trace) End() time.Time {
	if t == nil {
		return time.Unix(0, 0).UTC()
	}
	return time.Unix(0, t.end).UTC()
}

// Engine returns the engine that produced the trace; nil for a nil or zero
// Trace.
func (t *Trace) Engine() *Engine {
	if t == nil {
		return nil
	}
	return t.e
}

// Clause returns the clause r (a qualified reference: agreement and clause
// id) as its text stood at instant at: the text the trace began with, or
// that of the amendment in force at at (see [Trace.Versions]). It reports
// false for a clause that text does not have (one an amendment added
// later, or removed earlier), for an unqualified or agreement reference,
// and for a nil or zero Trace. The clause returned shares no memory with
// the trace. Clause is safe for concurrent use.
func (t *Trace) Clause(r agreement.Ref, at time.Time) (agreement.Clause, bool) {
	if !t.usable() || r.IsAgreement() {
		return agreement.Clause{}, false
	}
	_, e := t.versionAt(nanos(at))
	ci, ok := e.clauseIdx[r]
	if !ok || int(ci) >= len(e.clauses) || e.clauses[ci].ghost {
		return agreement.Clause{}, false
	}
	return e.clauses[ci].clause.Clone(), true
}

// Events returns the events of the trace in order, with their indices (the
// indices Cause.Event refers to).
func (t *Trace) Events() iter.Seq2[int, agreement.Event] {
	return func(yield func(int, agreement.Event) bool) {
		if t == nil {
			return
		}
		for i, ev := range t.events {
			ev.Quantities = slices.Clone(ev.Quantities)
			if !yield(i, ev) {
				return
			}
		}
	}
}

// Event returns the event at index i, as a Cause refers to it; false if there
// is none (always for a nil or zero Trace).
func (t *Trace) Event(i int) (agreement.Event, bool) {
	if t == nil || i < 0 || i >= len(t.events) {
		return agreement.Event{}, false
	}
	ev := t.events[i]
	ev.Quantities = slices.Clone(ev.Quantities)
	return ev, true
}

func (t *Trace) instance(idx int32) Instance {
	if idx < 0 {
		return Instance{Ref: agreement.AgreementRef(t.e.agreements[-1-idx].id)}
	}
	inst := &t.e.instances[idx]
	return Instance{Ref: t.e.clauses[inst.clause].ref, Debtor: inst.debtor}
}

func (t *Trace) transition(i int32) Transition {
	tr := &t.log[i]
	ver := t.verOf(i)
	return Transition{Instance: t.instance(tr.idx), From: tr.from, To: tr.to, At: time.Unix(0, tr.at).UTC(),
		Cause: t.versionEngine(ver).public(tr.cause()), Version: ver}
}

// versionEngine returns the engine of version k of the trace's texts.
func (t *Trace) versionEngine(k int) *Engine {
	switch {
	case k > 0:
		return t.vers[k-1].e
	case t.base != nil:
		return t.base
	}
	return t.e
}

// Transitions returns every transition in the order it happened; none for a
// nil or zero Trace.
func (t *Trace) Transitions() iter.Seq[Transition] {
	return func(yield func(Transition) bool) {
		if !t.usable() {
			return
		}
		for i := range t.log {
			if !yield(t.transition(int32(i))) {
				return
			}
		}
	}
}

func (t *Trace) index() {
	t.once.Do(func() {
		t.byInst = make([][]int32, len(t.e.instances))
		t.byAgr = make([][]int32, len(t.e.agreements))
		t.dlo = make([]int32, len(t.log)+1)
		p := 0
		for ti := range t.log {
			t.dlo[ti] = int32(p)
			for p < len(t.parts) && t.parts[p].trans == int32(ti) {
				p++
			}
		}
		t.dlo[len(t.log)] = int32(p)
		for i, tr := range t.log {
			if tr.idx >= 0 {
				t.byInst[tr.idx] = append(t.byInst[tr.idx], int32(i))
			} else {
				t.byAgr[-1-tr.idx] = append(t.byAgr[-1-tr.idx], int32(i))
			}
		}
	})
}

// lookup resolves an instance: a clause (with its debtor for a clause
// expanded per debtor), or an agreement. A clause's Ref may omit the
// agreement when the engine has only one.
func (e *Engine) lookup(i Instance) (int32, bool) {
	if i.Ref == (agreement.Ref{}) {
		return 0, false
	}
	if i.Ref.Agreement == "" && len(e.agreements) == 1 {
		i.Ref.Agreement = e.agreements[0].id
	}
	if i.IsAgreement() {
		ai, ok := e.agrIndex[i.Ref.Agreement]
		return -1 - ai, ok
	}
	ii, ok := e.instIndex[i]
	return ii, ok
}

// Instance returns the instance of clause ref for debtor (empty for a clause
// not expanded per debtor), resolving an unqualified ref when the engine has
// one agreement. It returns false for a nil or zero Engine.
func (e *Engine) Instance(ref agreement.Ref, debtor agreement.PartyID) (Instance, bool) {
	if !e.usable() {
		return Instance{}, false
	}
	if ref.Agreement == "" && len(e.agreements) == 1 {
		ref.Agreement = e.agreements[0].id
	}
	i := Instance{Ref: ref, Debtor: debtor}
	_, ok := e.lookup(i)
	return i, ok
}

// transitionsOf returns the indices of i's transitions.
func (t *Trace) transitionsOf(i Instance) ([]int32, error) {
	trs, _, err := t.transitionsAndIndex(i)
	return trs, err
}

// transitionsAndIndex is transitionsOf, returning also the instance's
// index (or -1 minus the agreement's).
func (t *Trace) transitionsAndIndex(i Instance) ([]int32, int32, error) {
	if !t.usable() {
		return nil, 0, errNoTrace
	}
	idx, ok := t.e.lookup(i)
	if !ok {
		return nil, 0, fmt.Errorf("scenario: unknown instance %s", i)
	}
	t.index()
	if idx < 0 {
		return t.byAgr[-1-idx], idx, nil
	}
	return t.byInst[idx], idx, nil
}

// State returns the state of instance i (a clause, a debtor's share of one,
// or an agreement) at instant at: its state after everything that happened at
// or before at. Before the first evaluation a clause is Dormant and an
// agreement Draft or Signed; after the trace's end it is the state at the
// end (nothing past the end was replayed: see [Trace.End]). at may be any
// time.Time, also one outside [agreement.InstantRange]: before the range it
// gives the state before the first evaluation, after it the state at the
// end. It returns an error for an unknown instance, including the zero
// Instance, and for a nil or zero Trace.
func (t *Trace) State(i Instance, at time.Time) (agreement.State, error) {
	trs, err := t.transitionsOf(i)
	if err != nil {
		return 0, err
	}
	s, _ := t.stateAt(i, trs, nanos(at))
	return s, nil
}

// StateSince returns the state of instance i at instant at, as
// [Trace.State] does, together with the instant it entered that state: the
// instant of the latest transition of i at or before at. The instant is
// zero when i has not changed state by at (it is still in the state it had
// before the first evaluation: Dormant for a clause, Draft or Signed for an
// agreement), which a report reads as "since the start"; a transition at
// the trace's start instant (the first evaluation) gives the start instant
// itself, so the two cases stay apart. Instants after the trace's end give
// the state at the end; at may be any time.Time, as for [Trace.State].
// It returns an error for an unknown instance, the
// zero Instance included, and for a nil or zero Trace. It is safe for
// concurrent use and never panics.
func (t *Trace) StateSince(i Instance, at time.Time) (agreement.State, time.Time, error) {
	if t == nil || t.e == nil {
		return 0, time.Time{}, errNoTrace
	}
	trs, err := t.transitionsOf(i)
	if err != nil {
		return 0, time.Time{}, err
	}
	s, k := t.stateAt(i, trs, nanos(at))
	if k < 0 {
		return s, time.Time{}, nil
	}
	return s, time.Unix(0, t.log[trs[k]].at).UTC(), nil
}

// stateAt returns the state of an instance at n and the index (in trs) of the
// transition that entered it, or -1.
func (t *Trace) stateAt(i Instance, trs []int32, n int64) (agreement.State, int) {
	k, _ := slices.BinarySearchFunc(trs, n, func(ti int32, n int64) int {
		if t.log[ti].at <= n {
			return -1
		}
		return 1
	})
	if k == 0 {
		return t.initial(i), -1
	}
	return t.log[trs[k-1]].to, k - 1
}

func (t *Trace) initial(i Instance) agreement.State {
	if !i.IsAgreement() {
		return agreement.StateDormant
	}
	idx, _ := t.e.lookup(i)
	if t.e.agreements[-1-idx].signedAt(t.start) {
		return agreement.StateSigned
	}
	return agreement.StateDraft
}

// FluentHolds reports whether fluent f of agreement a (empty when the engine
// has one agreement) holds at instant at: its initial value before the
// first event, its value at the end after the trace's end. at may be any
// time.Time, also one outside [agreement.InstantRange]. It returns an error
// for an unknown fluent and for a nil or zero Trace.
func (t *Trace) FluentHolds(a agreement.AgreementID, f agreement.FluentID, at time.Time) (bool, error) {
	if !t.usable() {
		return false, errNoTrace
	}
	if a == "" && len(t.e.agreements) == 1 {
		a = t.e.agreements[0].id
	}
	fi, ok := t.e.fluentIdx[fluentKey{t.e.agrIndex[a], f}]
	if _, known := t.e.agrIndex[a]; !ok || !known {
		return false, fmt.Errorf("scenario: unknown fluent %s/%s", a, f)
	}
	v := t.e.fluents[fi].initially
	n := nanos(at)
	for _, fc := range t.flog {
		if t.at[fc.event] > n {
			break
		}
		if fc.fluent == fi {
			v = fc.value
		}
	}
	return v, nil
}

// worldWith rebuilds the state conditions are evaluated against, as it was
// at the end of instant n, for e, the engine of the version in force at n.
func (t *Trace) worldWith(e *Engine, n int64) *world {
	cut, _ := slices.BinarySearchFunc(t.at, n, func(a, n int64) int {
		if a <= n {
			return -1
		}
		return 1
	})
	w := e.newWorld(n, nil)
	w.at = flatHist(t.at[:cut:cut])
	w.events = flatHist(t.events[:cut:cut])
	if e == t.e {
		for i, o := range t.occurrences() {
			k, _ := slices.BinarySearch(o, int32(cut))
			w.occ[i] = flatHist(o[:k:k])
		}
		// Undo the revisions after n, latest first; replay those up to n.
		for k := len(t.rlog) - 1; k >= 0 && t.rlog[k].at > n; k-- {
			c := t.rlog[k]
			if int(c.ev) < cut {
				w.occ[c.p] = occWith(w.occ[c.p], c.ev, !c.add)
			}
		}
	} else {
		// An earlier version's patterns: match the events again.
		w.occ, _, _, _ = e.occurrences(w.events, w.at)
	}
	for _, ri := range t.revs {
		if int(ri) >= cut {
			break
		}
		if tg := w.target(ri); tg >= 0 {
			w.rev = withRevision(w.rev, cut, tg, ri)
			w.revs = append(w.revs, ri)
		}
	}
	for _, b := range t.blog {
		if b.at > n {
			break
		}
		w.addBreach(b)
	}
	for _, fc := range t.flog {
		if int(fc.event) >= cut {
			break
		}
		w.fluentVal[fc.fluent], w.fluentEv[fc.fluent] = fc.value, fc.event
	}
	for k, tr := range t.log {
		if tr.at > n {
			break
		}
		if tr.idx < 0 {
			w.agrState[-1-tr.idx], w.agrTrans[-1-tr.idx] = tr.to, int32(k)
			continue
		}
		ci := e.instances[tr.idx].clause
		w.counts[ci][tr.from]--
		w.counts[ci][tr.to]++
		w.clauseTrans[ci] = int32(k)
		w.instSt[tr.idx], w.instSince[tr.idx], w.instTrans[tr.idx] = tr.to, tr.at, int32(k)
	}
	return &w
}

// Breach is one breach of a standing clause (see [agreement.Clause]): the
// instance breached, when the breach was recorded, the instant of the act
// that breached it (its event's, or the breach's own when no event did), and
// what caused it.
type Breach struct {
	Instance Instance
	At, Act  time.Time
	Cause    Cause
}

// Breaches yields every breach of the trace's standing clauses in the
// order recorded (by instant, then as recorded within an instant). It
// yields nothing for a nil or zero Trace.
func (t *Trace) Breaches() iter.Seq[Breach] {
	return func(yield func(Breach) bool) {
		if !t.usable() {
			return
		}
		for _, b := range t.blog {
			if !yield(t.breach(b)) {
				return
			}
		}
	}
}

func (t *Trace) breach(b breach) Breach {
	return Breach{Instance: t.instance(b.inst), At: time.Unix(0, b.at).UTC(), Act: time.Unix(0, b.act).UTC(),
		Cause: t.versionEngine(int(b.ver)).public(b.cause)}
}

// BreachesOf returns the breaches of instance i recorded up to and
// including instant at, in the order recorded. An instance of a clause that
// is not standing has none. It returns an error for an unknown instance or
// an agreement, and for a nil or zero Trace.
func (t *Trace) BreachesOf(i Instance, at time.Time) ([]Breach, error) {
	if !t.usable() {
		return nil, errNoTrace
	}
	if i.Ref.Agreement == "" {
		i.Ref.Agreement = t.e.agreements[0].id
	}
	idx, ok := t.e.lookup(i)
	if !ok || idx < 0 {
		return nil, fmt.Errorf("scenario: unknown clause instance %s", i)
	}
	n := nanos(at)
	var out []Breach
	for _, b := range t.blog {
		if b.at > n {
			break
		}
		if b.inst == idx {
			out = append(out, t.breach(b))
		}
	}
	return out, nil
}

// Location returns the time zone the trace shows instants in: the zone the
// replayed agreement declares ([agreement.Agreement.Zone]; for a process,
// the first of its agreements that declares one), UTC when none does.
func (t *Trace) Location() *time.Location {
	if t == nil || t.e == nil || t.e.loc == nil {
		return time.UTC
	}
	return t.e.loc
}
