package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"strconv"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/peacekit/peacekit/agreement"
)

// unitName names a unit in a message: "km2", or "no unit".
func unitName(u agreement.Unit) string {
	if u == agreement.UnitUnspecified {
		return "no unit"
	}
	return quote(string(u))
}

// nanos returns t's Unix nanoseconds, or, for an instant outside
// [agreement.InstantRange], the sentinel on its side: beforeAll for an
// instant before the range, never for one after it. Every instant of a
// replay is in the range, so the sentinels compare with them as the
// instants themselves would, and no instant wraps.
func nanos(t time.Time) int64 {
	first, last := agreement.InstantRange()
	switch {
	case t.Before(first):
		return beforeAll
	case t.After(last):
		return never
	}
	return t.UnixNano()
}

// Timeline is a period and the events in it, ordered by instant; events at
// the same instant keep the order they were given in (they form one batch,
// and inside a batch that order decides ties). It may also hold amendments
// of the agreements' texts taking effect during it
// ([Timeline.WithAmendments]). Instants are stored in UTC.
// A Timeline is immutable (only [Timeline.UnmarshalJSON] replaces one as a
// whole) and safe for concurrent use; the zero value is an empty timeline
// starting at the zero time, which a replay rejects as out of range.
type Timeline struct {
	start  time.Time
	events []agreement.Event
	// at holds each event's instant in nanoseconds (UnixNano), which
	// replays share as they share the events.
	at []int64
	// input is, for each event in order, its position in the input (the
	// arguments of NewTimeline, the document's events); nil when the
	// input was in order.
	input []int
	// amendments take effect during the replay, in order of instant.
	amendments []agreement.Amendment
	// memo remembers the last engine the timeline was found valid for, so
	// that replaying it again validates nothing; nil in the zero Timeline
	// (which then remembers nothing). Every function that returns a
	// changed timeline gives it a new memo.
	memo *timelineMemo
}

// timelineMemo is what a timeline remembers of its validation; safe for
// concurrent use, as timelines are.
type timelineMemo struct {
	valid atomic.Pointer[Engine]
	// hits are the patterns the events match under one engine, worked
	// out by a replay under an engine the timeline was found valid for
	// before (see Timeline.hitsFor).
	hits atomic.Pointer[eventHits]
}

// eventHits are the patterns of engine e that the events of a timeline
// match: those of event i are pats[off[i]:off[i+1]], in increasing order.
// Matching an event depends on nothing but the event and the engine, so a
// replay under e reads them rather than matching each event again, as a
// hand-written loop reads events coded once.
type eventHits struct {
	e    *Engine
	off  []int32
	pats []int32
	// plain says, per event, that its kind asks nothing of a commit but
	// its patterns (see plainKind), which then need not read the event.
	plain []bool
}

// of returns the patterns event i matches, and whether the event is
// plain; ok is false when h does not hold them for engine e (another
// engine, or an event past the timeline).
func (h *eventHits) of(e *Engine, i int32) (pats []int32, plain, ok bool) {
	if h == nil || h.e != e || int(i) >= len(h.off)-1 {
		return nil, false, false
	}
	return h.pats[h.off[i]:h.off[i+1]:h.off[i+1]], h.plain[i], true
}

// plainKind reports whether committing an event of kind k does nothing
// but record what its patterns match: no revision, signature, notice,
// renewal or territory (the kinds Run.commitEvent takes).
func plainKind(k agreement.EventKind) bool {
	switch k {
	case agreement.EventKindRevised, agreement.EventKindSigning, agreement.EventKindNotice,
		agreement.EventKindRenewal, agreement.EventKindControlChanged, agreement.EventKindReferendumHeld,
		agreement.EventKindArbitrationAward:
		return false
	}
	return true
}

// hitsFor returns what the events of tl match under e, which tl is valid
// for, when tl was found valid for e before this replay (again is true:
// validated, or replayed): worked out now if tl does not hold them yet,
// once for every later replay. Otherwise it returns nil, and the replay
// matches each event as it comes, so that a timeline replayed once costs
// no more than before.
func (tl Timeline) hitsFor(e *Engine, again bool) *eventHits {
	if tl.memo == nil || len(tl.events) == 0 {
		return nil
	}
	if h := tl.memo.hits.Load(); h != nil && h.e == e {
		return h
	}
	if !again || len(e.patterns) == 0 {
		return nil
	}
	h := &eventHits{e: e, off: make([]int32, len(tl.events)+1), plain: make([]bool, len(tl.events))}
	for i := range tl.events {
		h.pats = e.hitsOf(&tl.events[i], h.pats)
		h.off[i+1] = int32(len(h.pats))
		h.plain[i] = plainKind(tl.events[i].Kind)
	}
	tl.memo.hits.Store(h)
	return h
}

// NewTimeline returns the timeline starting at start with the given events,
// sorted stably by instant. It copies events; it does not validate them (see
// [Timeline.Validate], whose problems name each event by its position in
// events).
func NewTimeline(start time.Time, events ...agreement.Event) Timeline {
	evs := make([]agreement.Event, len(events))
	for i, ev := range events {
		ev.At = ev.At.UTC()
		ev.Quantities = slices.Clone(ev.Quantities)
		evs[i] = ev
	}
	byAt := func(a, b agreement.Event) int { return a.At.Compare(b.At) }
	if slices.IsSortedFunc(evs, byAt) {
		return Timeline{start: start.UTC(), events: evs, at: instantsOf(evs), memo: new(timelineMemo)}
	}
	input := make([]int, len(evs))
	for i := range input {
		input[i] = i
	}
	slices.SortStableFunc(input, func(i, j int) int { return byAt(evs[i], evs[j]) })
	sorted := make([]agreement.Event, len(evs))
	for k, i := range input {
		sorted[k] = evs[i]
	}
	return Timeline{start: start.UTC(), events: sorted, at: instantsOf(sorted), input: input, memo: new(timelineMemo)}
}

// instantsOf returns the instants of evs in nanoseconds. An event outside
// agreement.InstantRange gets what UnixNano makes of it: validation rejects
// it before any replay reads the instant.
func instantsOf(evs []agreement.Event) []int64 {
	at := make([]int64, len(evs))
	for i := range evs {
		at[i] = evs[i].At.UnixNano()
	}
	return at
}

// inputIndex returns the position in the input of the i'th event in order.
func (tl Timeline) inputIndex(i int) int {
	if tl.input == nil {
		return i
	}
	return tl.input[i]
}

// Start returns the instant the timeline starts at: the first instant a
// replay evaluates.
func (tl Timeline) Start() time.Time { return tl.start }

// Len returns the number of events.
func (tl Timeline) Len() int { return len(tl.events) }

// Event returns the i'th event in order. It panics if i is out of range.
func (tl Timeline) Event(i int) agreement.Event {
	ev := tl.events[i]
	ev.Quantities = slices.Clone(ev.Quantities)
	return ev
}

// Events returns the events in order, with their positions.
func (tl Timeline) Events() iter.Seq2[int, agreement.Event] {
	return func(yield func(int, agreement.Event) bool) {
		for i := range tl.events {
			if !yield(i, tl.Event(i)) {
				return
			}
		}
	}
}

// Validate checks every event against the engine's agreements: its instant
// is not before the start and within [agreement.InstantRange] (as the
// start must be), its kind is well formed, the parties, clause and area it
// names exist (an area exists when some agreement's territory declares it;
// when no agreement has a territory, any well-formed area id is accepted),
// and its quantities are well formed, what each measures
// ([agreement.Quantity] Of) included, and in units its kind can use (a
// control change takes percent only: [agreement.ErrInvalidValue] at
// "events[i].quantities[j].unit"). An event's item is valid UTF-8 of at
// most [agreement.MaxItemBytes] bytes. An event's id, when set, is well
// formed and unique in the timeline ([agreement.ErrDuplicateID]). Revises
// is set on an event of kind [agreement.EventKindRevised], and only there
// ([agreement.ErrMissing], [agreement.ErrInconsistent]), and names the id
// of an event of the timeline ([agreement.ErrUnknownEvent]) at a strictly
// earlier instant ([agreement.ErrInconsistent]). Period is set on an event
// of kind [agreement.EventKindRenewal], and only there
// ([agreement.ErrMissing], [agreement.ErrInconsistent] at
// "events[i].period"), and is a valid period (its problems at
// "events[i].period.days" and so on). An event of kind
// [agreement.EventKindNotice] or [agreement.EventKindRenewal] names an
// agreement or clause that has an [agreement.Term], or names none in an
// engine of one agreement that has one ([agreement.ErrInconsistent] at
// "events[i].clause").
//
// An unknown party, agreement, clause or area of an event is reported as
// `unknown party "RUS"`, followed, when [agreement.Suggest] finds it
// misspells one of the ids of that kind the engine in force at the event's
// instant declares (in sorted order), by ` (did you mean "RU"?)`; a clause
// is suggested among those of the agreement named, in the form the event
// names it (`unknown clause "pact/PY" (did you mean "pact/PX"?)`). One
// validation compares at most 262144 candidates for its suggestions and
// reports unknown ids past that without one.
//
// Each amendment ([Timeline.WithAmendments]) takes effect at an instant in
// [agreement.InstantRange] not before the start ([agreement.ErrInvalidValue]
// at "amendments[k].at"); its text names an agreement of the engine
// ([agreement.ErrUnknownAgreement] at "amendments[k].text.id") and is
// valid with the other agreements' texts in force at its instant, as
// [agreement.Process.Validate] checks the process with the text in place of
// the one it amends (its problems at "amendments[k].text...."). Texts in
// force are those compiled, as the valid amendments before it (in order)
// changed them; each event is checked against the texts in force at its
// instant, so that an event may name a clause an earlier amendment added.
// The problems of amendments wrap [ErrAmendment] as well as their
// sentinel.
//
// It returns nil or an *agreement.ValidationError listing every problem
// with its path ("events[3].actor"), where the index is the event's
// position in the input: the order of the events given to [NewTimeline],
// or of the document's events for [DecodeTimeline], before sorting. The
// index of an amendment is its position in [Timeline.Amendments], in order
// of instant. It returns an error, not a ValidationError, for a nil or zero
// Engine.
func (tl Timeline) Validate(e *Engine) error {
	if !e.usable() {
		return errNoEngine
	}
	if tl.memo != nil && tl.memo.valid.Load() == e {
		return nil
	}
	if tl.plainFor(e) {
		tl.remember(e)
		return nil
	}
	var ve agreement.ValidationError
	if !agreement.InstantInRange(tl.start) {
		ve.Add("start", agreement.ErrInvalidValue, "start "+tl.start.Format(time.RFC3339)+" out of range")
	}
	versions := tl.checkAmendments(e, &ve)
	var sg suggester
	for i := range tl.events {
		ev := &tl.events[i]
		en := e // the engine of the texts in force at the event's instant
		for _, v := range versions {
			if v.at.After(ev.At) {
				break
			}
			en = v.e
		}
		if en.eventOK(ev) && !ev.At.Before(tl.start) {
			continue
		}
		path := agreement.IndexPath("events", tl.inputIndex(i))
		en.checkEvent(*ev, path, &ve, &sg)
		if ev.At.Before(tl.start) {
			ve.Add(agreement.FieldPath(path, "at"), agreement.ErrInvalidValue, "event at "+
				ev.At.Format(time.RFC3339Nano)+" before the timeline's start "+tl.start.Format(time.RFC3339Nano))
		}
	}
	tl.checkIDs(&ve)
	if err := ve.Err(); err != nil {
		return err
	}
	tl.remember(e)
	return nil
}

// remember records that tl is valid for e.
func (tl Timeline) remember(e *Engine) {
	if tl.memo != nil {
		tl.memo.valid.Store(e)
	}
}

// textsInForce are the texts in force from an instant on: an engine
// compiled from them.
type textsInForce struct {
	at time.Time
	e  *Engine
}

// checkAmendments adds to ve the problems of the timeline's amendments,
// checked in order against e's texts as the valid ones before them
// changed them, and returns the engines of the texts in force after each
// valid amendment, in order of instant.
func (tl Timeline) checkAmendments(e *Engine, ve *agreement.ValidationError) []textsInForce {
	var versions []textsInForce
	cur := e
	for k := range tl.amendments {
		a := &tl.amendments[k]
		path := agreement.IndexPath("amendments", k)
		atOK := agreement.InstantInRange(a.At) && !a.At.Before(tl.start)
		switch {
		case !agreement.InstantInRange(a.At):
			ve.Add(agreement.FieldPath(path, "at"), amendmentErr{agreement.ErrInvalidValue}, "instant "+
				a.At.Format(time.RFC3339Nano)+" out of range")
		case a.At.Before(tl.start):
			ve.Add(agreement.FieldPath(path, "at"), amendmentErr{agreement.ErrInvalidValue}, "amendment at "+
				a.At.Format(time.RFC3339Nano)+" before the timeline's start "+tl.start.Format(time.RFC3339Nano))
		}
		p, _, err := cur.amended(a.Text, agreement.FieldPath(path, "text"))
		if err != nil {
			addAmendmentProblems(ve, err, path)
			continue
		}
		if atOK {
			cur = compileAfter(p, cur)
			versions = append(versions, textsInForce{at: a.At, e: cur})
		}
	}
	return versions
}

// addAmendmentProblems adds to ve the problems err lists, each wrapping
// ErrAmendment as well as its own sentinel (and counts those it omitted);
// an error that lists none is added at path.
func addAmendmentProblems(ve *agreement.ValidationError, err error, path string) {
	var pe *agreement.ValidationError
	if !errors.As(err, &pe) {
		ve.Add(path, amendmentErr{agreement.ErrInvalidValue}, err.Error())
		return
	}
	for _, p := range pe.Problems {
		if p != nil {
			ve.Add(p.Path, amendmentErr{p.Err}, p.Msg)
		}
	}
	ve.Omitted += pe.Omitted
}

// amendmentErr is the error of a problem of an amendment: it wraps
// [ErrAmendment] and the problem's own sentinel, so that errors.Is finds
// either. It is comparable, so that [agreement.ValidationError.Error]
// groups alike problems.
type amendmentErr struct{ sentinel error }

func (e amendmentErr) Error() string {
	if e.sentinel == nil {
		return ErrAmendment.Error()
	}
	return ErrAmendment.Error() + ": " + e.sentinel.Error()
}

func (e amendmentErr) Unwrap() []error { return []error{ErrAmendment, e.sentinel} }

// plainFor reports whether tl is valid for e with nothing to check but
// each event alone: it has no amendments and no event ids or revisions,
// and every event is valid and not before the start. Validate then needs
// no list of problems.
func (tl Timeline) plainFor(e *Engine) bool {
	if len(tl.amendments) > 0 || !agreement.InstantInRange(tl.start) {
		return false
	}
	for i := range tl.events {
		ev := &tl.events[i]
		if ev.ID != "" || ev.Revises != "" || ev.At.Before(tl.start) || !e.eventOK(ev) {
			return false
		}
	}
	return true
}

// checkIDs adds to ve the problems of the events' ids across the
// timeline: an id given to two events, and a revision naming no event of
// the timeline or one at its own instant or later.
func (tl Timeline) checkIDs(ve *agreement.ValidationError) {
	var first map[agreement.EventID]int // the first event in order with each id
	for i := range tl.events {
		ev := &tl.events[i]
		if ev.ID == "" || !ev.ID.Valid() {
			continue
		}
		if first == nil {
			first = map[agreement.EventID]int{}
		}
		if j, dup := first[ev.ID]; dup {
			ve.Add(agreement.FieldPath(tl.eventPath(i), "id"), agreement.ErrDuplicateID, "duplicate event id "+
				quote(string(ev.ID))+" (also "+tl.eventPath(j)+")")
			continue
		}
		first[ev.ID] = i
	}
	for i := range tl.events {
		ev := &tl.events[i]
		if ev.Revises == "" || !ev.Revises.Valid() {
			continue
		}
		path := agreement.FieldPath(tl.eventPath(i), "revises")
		j, ok := first[ev.Revises]
		switch {
		case !ok:
			ve.Add(path, agreement.ErrUnknownEvent, "no event of the timeline has id "+quote(string(ev.Revises)))
		case !tl.events[j].At.Before(ev.At):
			ve.Add(path, agreement.ErrInconsistent, "event "+quote(string(ev.Revises))+" ("+tl.eventPath(j)+
				") is at "+tl.events[j].At.Format(time.RFC3339Nano)+", not before the revision at "+
				ev.At.Format(time.RFC3339Nano)+": a revision revises an earlier event")
		}
	}
}

// eventPath returns the path of the i'th event in order: "events[k]",
// where k is its position in the input.
func (tl Timeline) eventPath(i int) string { return agreement.IndexPath("events", tl.inputIndex(i)) }

// eventOK reports whether ev has no problem, without allocating; checkEvent
// says what the problems are.
func (e *Engine) eventOK(ev *agreement.Event) bool {
	if !agreement.InstantInRange(ev.At) || !ev.Kind.Valid() || !ev.Attribution.Valid() ||
		ev.Actor != "" && !e.parties[ev.Actor] || ev.Target != "" && !e.parties[ev.Target] ||
		ev.Reporter != "" && !e.parties[ev.Reporter] || ev.Area != "" && (!ev.Area.Valid() || !e.knownArea(ev.Area)) {
		return false
	}
	if ev.Clause != (agreement.Ref{}) {
		r := ev.Clause
		if r.Agreement == "" && len(e.agreements) == 1 {
			r.Agreement = e.agreements[0].id
		}
		if _, ok := e.agrIndex[r.Agreement]; !ok || !ev.Clause.Valid() {
			return false
		}
		if _, ok := e.clauseIdx[r]; !r.IsAgreement() && !ok {
			return false
		}
	}
	if ev.ID != "" && !ev.ID.Valid() || !revisesOK(ev) || !itemOK(ev.Item) || !e.termEventOK(ev) {
		return false
	}
	for _, q := range ev.Quantities {
		if q.Value.IsNegative() || !q.Unit.Valid() || !usableUnit(ev.Kind, q.Unit) ||
			q.Of != "" && !agreement.EventKind(q.Of).Valid() {
			return false
		}
	}
	return true
}

// revisesOK reports whether ev's Revises is well formed and set exactly
// when its kind is [agreement.EventKindRevised]. Whether it names an
// earlier event is for [Timeline.Validate] to say.
func revisesOK(ev *agreement.Event) bool {
	if ev.Kind == agreement.EventKindRevised {
		return ev.Revises.Valid()
	}
	return ev.Revises == ""
}

// termEventOK reports whether ev's Period is set exactly when its kind is
// [agreement.EventKindRenewal], and valid, and whether a notice or a
// renewal names an instrument with a term.
func (e *Engine) termEventOK(ev *agreement.Event) bool {
	if ev.Period.IsZero() { // every event but a renewal, on every replay: first
		switch ev.Kind {
		case agreement.EventKindRenewal:
			return false
		case agreement.EventKindNotice:
			return e.namesTerm(ev.Clause)
		}
		return true
	}
	return ev.Kind == agreement.EventKindRenewal && ev.Period.Validate() == nil && e.namesTerm(ev.Clause)
}

// namesTerm reports whether r names an agreement or clause of e that has a
// term; the empty Ref names the agreement of an engine of one agreement.
func (e *Engine) namesTerm(r agreement.Ref) bool {
	if r == (agreement.Ref{}) {
		return len(e.process.Agreements) == 1 && !e.process.Agreements[0].Term.IsZero()
	}
	if r.Agreement == "" && len(e.agreements) == 1 {
		r.Agreement = e.agreements[0].id
	}
	if r.IsAgreement() {
		ai, ok := e.agrIndex[r.Agreement]
		return ok && !e.process.Agreements[ai].Term.IsZero()
	}
	ci, ok := e.clauseIdx[r]
	return ok && !e.clauses[ci].clause.Term.IsZero()
}

// itemOK reports whether an event's item is valid UTF-8 of at most
// [agreement.MaxItemBytes].
func itemOK(item string) bool { return len(item) <= agreement.MaxItemBytes && utf8.ValidString(item) }

// knownArea reports whether some agreement's territory declares area; with
// no territory in any agreement, every area is known.
func (e *Engine) knownArea(area agreement.AreaID) bool {
	return e.areas == nil || e.areas[area]
}

// usableUnit reports whether an event of kind can carry a quantity in unit:
// a control change moves percentage points of an area's control, so it
// takes percent only; other kinds take any unit.
func usableUnit(kind agreement.EventKind, unit agreement.Unit) bool {
	return kind != agreement.EventKindControlChanged || unit == agreement.UnitPercent
}

// suggestBudget is how many candidates the suggestions of one validation
// may compare in all, as in [agreement.Agreement.Validate]: past it, unknown
// ids are reported without one, so that no timeline (many unknown
// references among many ids) makes validation slow.
const suggestBudget = 1 << 18

// suggester finds the ids that the unknown references of one validation
// misspell. It builds each sorted list of candidates once, on first use,
// so that the answer does not depend on the order of a map. The zero value
// is ready to use; it is not safe for concurrent use.
type suggester struct {
	compared int // candidates compared or listed so far
	sorted   map[suggestKey][]string
}

// suggestKey names one list of candidates: the ids of one kind that an
// engine declares.
type suggestKey struct {
	e    *Engine
	kind string
}

// unknown returns the message for id, an unknown id of the kind what:
// `unknown what "id"`, followed, when sg finds id misspells one of the at
// most n candidates list returns for e, by ` (did you mean "other"?)`.
func (sg *suggester) unknown(ve *agreement.ValidationError, e *Engine, what, id string, n int, list func() []string) string {
	msg := "unknown " + what + " " + quote(id)
	if s, ok := sg.suggest(ve, suggestKey{e, what}, id, n, list); ok {
		msg += " (did you mean " + quote(s) + "?)"
	}
	return msg
}

// suggest returns the candidate that got misspells, as [agreement.Suggest]
// finds it among the sorted candidates list returns, cached under key; n
// bounds their number, and building the list counts as comparing n. It
// reports false, without comparing, once ve is full (a problem added is
// then only counted) or once this validation would compare more than
// suggestBudget candidates.
func (sg *suggester) suggest(ve *agreement.ValidationError, key suggestKey, got string, n int, list func() []string) (string, bool) {
	if len(ve.Problems) >= agreement.MaxProblems {
		return "", false
	}
	c, ok := sg.sorted[key]
	if !ok {
		if sg.compared+n > suggestBudget {
			return "", false
		}
		sg.compared += n
		c = list()
		if sg.sorted == nil {
			sg.sorted = map[suggestKey][]string{}
		}
		sg.sorted[key] = c
	}
	if sg.compared+len(c) > suggestBudget {
		return "", false
	}
	sg.compared += len(c)
	return agreement.Suggest(got, c)
}

// sortedKeys returns the keys of m as strings, sorted.
func sortedKeys[K ~string, V any](m map[K]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, string(k))
	}
	slices.Sort(out)
	return out
}

// clauseIDs returns the ids of the clauses of agreement id in e, sorted.
func (e *Engine) clauseIDs(id agreement.AgreementID) []string {
	var out []string
	for i := range e.clauses {
		if r := e.clauses[i].ref; r.Agreement == id {
			out = append(out, string(r.Clause))
		}
	}
	slices.Sort(out)
	return out
}

// eventError returns nil for a valid event, else an *agreement.ValidationError
// with paths under path. It checks the event on its own, as
// [Timeline.Validate] does; an event's id and Revises are checked for
// syntax and for Revises being set exactly on a revision, not against the
// other events (the id's uniqueness, Revises naming an earlier event),
// which it does not see.
func (e *Engine) eventError(ev *agreement.Event, path string) error {
	if e.eventOK(ev) {
		return nil
	}
	var ve agreement.ValidationError
	e.checkEvent(*ev, path, &ve, &suggester{})
	return ve.Err()
}

// checkEvent adds the problems of the event at path to ve. An unknown
// party, agreement, clause or area is reported as `unknown party "RUS"`,
// followed, when sg finds the id misspells one e declares, by ` (did you
// mean "RU"?)`.
func (e *Engine) checkEvent(ev agreement.Event, path string, ve *agreement.ValidationError, sg *suggester) {
	field := func(name string) string { return agreement.FieldPath(path, name) }
	if !agreement.InstantInRange(ev.At) {
		ve.Add(field("at"), agreement.ErrInvalidValue, "instant "+ev.At.Format(time.RFC3339)+" out of range")
	}
	switch {
	case ev.Kind == "":
		ve.Add(field("kind"), agreement.ErrMissing, "missing event kind")
	case !ev.Kind.Valid():
		ve.Add(field("kind"), agreement.ErrInvalidID, "invalid event kind "+quote(string(ev.Kind)))
	}
	for _, f := range []struct {
		name string
		id   agreement.PartyID
	}{{"actor", ev.Actor}, {"target", ev.Target}, {"reporter", ev.Reporter}} {
		if f.id != "" && !e.parties[f.id] {
			ve.Add(field(f.name), agreement.ErrUnknownParty, sg.unknown(ve, e, "party", string(f.id), len(e.parties), func() []string {
				return sortedKeys(e.parties)
			}))
		}
	}
	if ev.Clause != (agreement.Ref{}) {
		r := ev.Clause
		if r.Agreement == "" && len(e.agreements) == 1 {
			r.Agreement = e.agreements[0].id
		}
		_, agrOK := e.agrIndex[r.Agreement]
		_, clauseOK := e.clauseIdx[r]
		switch {
		case !ev.Clause.Valid():
			ve.Add(field("clause"), agreement.ErrInvalidID, "invalid reference "+quote(ev.Clause.String()))
		case !agrOK:
			ve.Add(field("clause"), agreement.ErrUnknownAgreement, sg.unknown(ve, e, "agreement", string(r.Agreement),
				len(e.agrIndex), func() []string { return sortedKeys(e.agrIndex) }))
		case !r.IsAgreement() && !clauseOK:
			msg := "unknown clause " + quote(ev.Clause.String())
			if s, ok := sg.suggest(ve, suggestKey{e, "clause " + string(r.Agreement)}, string(r.Clause), len(e.clauses), func() []string {
				return e.clauseIDs(r.Agreement)
			}); ok {
				msg += " (did you mean " + quote(agreement.Ref{Agreement: ev.Clause.Agreement, Clause: agreement.ClauseID(s)}.String()) + "?)"
			}
			ve.Add(field("clause"), agreement.ErrUnknownClause, msg)
		}
	}
	switch {
	case ev.Area == "":
	case !ev.Area.Valid():
		ve.Add(field("area"), agreement.ErrInvalidID, "invalid area id "+quote(string(ev.Area)))
	case !e.knownArea(ev.Area):
		ve.Add(field("area"), agreement.ErrUnknownArea, sg.unknown(ve, e, "area", string(ev.Area), len(e.areas), func() []string {
			return sortedKeys(e.areas)
		}))
	}
	if !ev.Attribution.Valid() {
		ve.Add(field("attribution"), agreement.ErrInvalidValue, "unknown attribution "+ev.Attribution.String())
	}
	if ev.ID != "" && !ev.ID.Valid() {
		ve.Add(field("id"), agreement.ErrInvalidID, "invalid event id "+quote(string(ev.ID)))
	}
	switch {
	case ev.Revises != "" && ev.Kind != agreement.EventKindRevised:
		ve.Add(field("revises"), agreement.ErrInconsistent, "only an event of kind "+
			quote(string(agreement.EventKindRevised))+" revises another, not one of kind "+quote(string(ev.Kind)))
	case ev.Kind == agreement.EventKindRevised && ev.Revises == "":
		ve.Add(field("revises"), agreement.ErrMissing, "a revision must name the id of the event it revises")
	case ev.Revises != "" && !ev.Revises.Valid():
		ve.Add(field("revises"), agreement.ErrInvalidID, "invalid event id "+quote(string(ev.Revises)))
	}
	e.checkTermEvent(ev, path, ve)
	if len(ev.Item) > agreement.MaxItemBytes {
		ve.Add(field("item"), agreement.ErrInvalidValue, "item name of "+strconv.Itoa(len(ev.Item))+" bytes; at most "+
			strconv.Itoa(agreement.MaxItemBytes))
	}
	if !utf8.ValidString(ev.Item) {
		ve.Add(field("item"), agreement.ErrInvalidValue, "item name is not valid UTF-8")
	}
	for j, q := range ev.Quantities {
		qp := agreement.IndexPath(field("quantities"), j)
		if q.Unit.Valid() && !usableUnit(ev.Kind, q.Unit) {
			ve.Add(agreement.FieldPath(qp, "unit"), agreement.ErrInvalidValue, "a "+string(ev.Kind)+
				" event cannot use a quantity in "+unitName(q.Unit)+": only percent")
		}
		if err := q.Validate(); err != nil {
			var qe *agreement.ValidationError
			if !errors.As(err, &qe) { // not expected: Validate returns a *ValidationError
				ve.Add(qp, agreement.ErrInvalidValue, err.Error())
				continue
			}
			for _, p := range qe.Problems {
				if p.Path != "" {
					ve.Add(agreement.FieldPath(qp, p.Path), p.Err, p.Msg)
				} else {
					ve.Add(qp, p.Err, p.Msg)
				}
			}
		}
	}
}

// checkTermEvent adds to ve the problems of ev's period and, for a notice or
// a renewal, of the instrument it names, which must have a term; a clause
// that does not resolve is left to checkEvent's own report.
func (e *Engine) checkTermEvent(ev agreement.Event, path string, ve *agreement.ValidationError) {
	pp := agreement.FieldPath(path, "period")
	switch {
	case !ev.Period.IsZero() && ev.Kind != agreement.EventKindRenewal:
		ve.Add(pp, agreement.ErrInconsistent, "only an event of kind "+quote(string(agreement.EventKindRenewal))+
			" has a period (the length of the term it agrees), not one of kind "+quote(string(ev.Kind)))
	case ev.Period.IsZero() && ev.Kind == agreement.EventKindRenewal:
		ve.Add(pp, agreement.ErrMissing, "a renewal must say for how long the term is renewed (period)")
	}
	if !ev.Period.IsZero() {
		var pe *agreement.ValidationError
		if errors.As(ev.Period.Validate(), &pe) {
			for _, p := range pe.Problems {
				ve.Add(agreement.FieldPath(pp, p.Path), p.Err, p.Msg)
			}
		}
	}
	if ev.Kind != agreement.EventKindNotice && ev.Kind != agreement.EventKindRenewal || e.namesTerm(ev.Clause) {
		return
	}
	r := ev.Clause
	cp := agreement.FieldPath(path, "clause")
	switch {
	case r == (agreement.Ref{}) && len(e.process.Agreements) != 1:
		ve.Add(cp, agreement.ErrInconsistent, "a "+string(ev.Kind)+" must name the agreement or clause whose term it "+
			"concerns: the engine has "+strconv.Itoa(len(e.process.Agreements))+" agreements")
	case r == (agreement.Ref{}):
		ve.Add(cp, agreement.ErrInconsistent, "a "+string(ev.Kind)+" concerns a term, and the agreement "+
			quote(string(e.process.Agreements[0].ID))+" has none")
	case e.resolves(r):
		what := "clause"
		if r.IsAgreement() {
			what = "agreement"
		}
		ve.Add(cp, agreement.ErrInconsistent, "a "+string(ev.Kind)+" concerns a term, and the "+what+" "+
			quote(r.String())+" has none")
	}
}

// resolves reports whether r is a well-formed reference to an agreement or
// clause of e (an unqualified one, in an engine of one agreement, to its
// clause).
func (e *Engine) resolves(r agreement.Ref) bool {
	if !r.Valid() {
		return false
	}
	if r.Agreement == "" && len(e.agreements) == 1 {
		r.Agreement = e.agreements[0].id
	}
	if _, ok := e.agrIndex[r.Agreement]; !ok {
		return false
	}
	_, ok := e.clauseIdx[r]
	return r.IsAgreement() || ok
}

// MarshalJSON implements [encoding/json.Marshaler]: it writes the timeline as
// an [agreement.EventLog] document, {"schema": 1, "start": ..., "events":
// [...], "amendments": [...]}, with the events and the amendments in the
// timeline's order (each amendment's text an agreement object without its
// own "schema", as [agreement.EventLog.MarshalJSON] writes it). It returns
// [agreement.EventLog.MarshalJSON]'s errors: a *agreement.ValidationError for
// values with no encoding, such as an event with no instant. The zero Timeline
// encodes as {"schema":1}, without the start that [DecodeTimeline] requires.
// MarshalJSON is safe for concurrent use.
func (tl Timeline) MarshalJSON() ([]byte, error) {
	return agreement.EventLog{Start: tl.start, Events: tl.events, Amendments: tl.amendments}.MarshalJSON()
}

// UnmarshalJSON implements [encoding/json.Unmarshaler] with [DecodeTimeline]:
// it replaces *tl with the timeline in data, or returns the
// *agreement.ValidationError listing every problem and leaves *tl unchanged.
// Following the convention of package encoding/json, the JSON literal null
// leaves *tl unchanged and is not an error. Called by
// [encoding/json.Unmarshal] or an [encoding/json.Decoder], it receives the
// timeline's own JSON value, which must carry "schema" like any event log
// document, and problem paths are relative to that value; encoding/json
// reports malformed JSON itself, as a *json.SyntaxError. The decoded timeline
// shares no memory with data.
func (tl *Timeline) UnmarshalJSON(data []byte) error {
	return agreement.UnmarshalJSONWith(tl, data, DecodeTimeline)
}

// DecodeTimeline reads a timeline from an event log document, strictly, as
// [agreement.DecodeEventLog] does (unknown fields, a missing or other
// schema version, malformed instants, decimals and references are errors;
// a top-level "$schema" string is read and ignored), and sorts its events
// and its amendments stably by instant (as [NewTimeline] and
// [Timeline.WithAmendments] do). A timeline needs a start: its absence is
// an error too, reported together with the other problems of the document
// (but not beside a "schema" of another version, reported alone). On
// failure it returns the zero Timeline and a *agreement.ValidationError
// listing every problem with its path ("events[3].at",
// "amendments[0].text.clauses[2].kind"). Whether the events fit an
// agreement, and the amendments' texts are valid and amend one, is for
// [Timeline.Validate] to say. DecodeTimeline never panics, does not modify
// data, returns a value that shares no memory with it, and is safe for
// concurrent use.
func DecodeTimeline(data []byte) (Timeline, error) {
	l, err := agreement.DecodeEventLog(data)
	if err != nil {
		var ve *agreement.ValidationError
		if errors.As(err, &ve) && lacksStart(data, ve) {
			all := agreement.ValidationError{Problems: slices.Clone(ve.Problems), Omitted: ve.Omitted}
			all.Add("start", agreement.ErrMissing, missingStart)
			return Timeline{}, &all
		}
		return Timeline{}, err
	}
	if l.Start.IsZero() {
		var ve agreement.ValidationError
		ve.Add("start", agreement.ErrMissing, missingStart)
		return Timeline{}, ve.Err()
	}
	tl := NewTimeline(l.Start, l.Events...)
	if len(l.Amendments) > 0 {
		tl = tl.WithAmendments(l.Amendments...)
	}
	return tl, nil
}

const missingStart = "missing start instant"

// lacksStart reports whether data, an event log document that ve lists
// the problems of, is an object without a "start" member, and ve reports
// neither a problem of the whole document (malformed JSON, a wrong type)
// nor a "schema" of another version, which is reported alone. (A "schema"
// member that is missing is reported with the other problems.)
func lacksStart(data []byte, ve *agreement.ValidationError) bool {
	var doc map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &doc) != nil || doc == nil {
		return false
	}
	if _, ok := doc["start"]; ok {
		return false
	}
	_, hasSchema := doc["schema"]
	for _, p := range ve.Problems {
		switch {
		case p == nil:
		case p.Path == "", hasSchema && errors.Is(p.Err, agreement.ErrSchemaVersion):
			return false
		}
	}
	return true
}
