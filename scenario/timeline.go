package scenario

import (
	"iter"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// minInstant and maxInstant bound the instants a replay accepts: those whose
// Unix nanoseconds fit an int64 (years 1678 to 2262), less the two extremes,
// which the engine uses as "before everything" and "never".
var (
	minInstant = time.Unix(0, -1<<63+1).UTC()
	maxInstant = time.Unix(0, 1<<63-2).UTC()
)

// Timeline is a period and the events in it, ordered by instant; events at
// the same instant keep the order they were given in (they form one batch,
// and inside a batch that order decides ties). Instants are stored in UTC.
// A Timeline is immutable; the zero value is an empty timeline starting at
// the zero time, which a replay rejects as out of range.
type Timeline struct {
	start  time.Time
	events []agreement.Event
}

// NewTimeline returns the timeline starting at start with the given events,
// sorted stably by instant. It copies events; it does not validate them (see
// [Timeline.Validate]).
func NewTimeline(start time.Time, events ...agreement.Event) Timeline {
	evs := make([]agreement.Event, len(events))
	for i, ev := range events {
		ev.At = ev.At.UTC()
		ev.Quantities = slices.Clone(ev.Quantities)
		evs[i] = ev
	}
	slices.SortStableFunc(evs, func(a, b agreement.Event) int { return a.At.Compare(b.At) })
	return Timeline{start: start.UTC(), events: evs}
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
// is not before the start and within the range a replay accepts, its kind is
// well formed, and the parties, clause and area it names exist. It returns
// nil or an *agreement.ValidationError listing every problem with its path
// ("events[3].actor"), where the index is the event's position in the
// timeline.
func (tl Timeline) Validate(e *Engine) error {
	var ps []*agreement.Problem
	add := func(path string, err error, msg string) {
		ps = append(ps, &agreement.Problem{Path: path, Err: err, Msg: msg})
	}
	if tl.start.Before(minInstant) || tl.start.After(maxInstant) {
		add("start", agreement.ErrInvalidValue, "start "+tl.start.Format(time.RFC3339)+" out of range")
	}
	for i := range tl.events {
		ev := &tl.events[i]
		if e.eventOK(ev) && !ev.At.Before(tl.start) {
			continue
		}
		path := "events[" + itoa(i) + "]"
		e.checkEvent(*ev, path, add)
		if ev.At.Before(tl.start) {
			add(path+".at", agreement.ErrInvalidValue, "event at "+ev.At.Format(time.RFC3339Nano)+
				" before the timeline's start "+tl.start.Format(time.RFC3339Nano))
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return &agreement.ValidationError{Problems: ps}
}

// eventOK reports whether ev has no problem, without allocating; checkEvent
// says what the problems are.
func (e *Engine) eventOK(ev *agreement.Event) bool {
	if ev.At.Before(minInstant) || ev.At.After(maxInstant) || !ev.Kind.Valid() || !ev.Attribution.Valid() ||
		ev.Actor != "" && !e.parties[ev.Actor] || ev.Target != "" && !e.parties[ev.Target] ||
		ev.Reporter != "" && !e.parties[ev.Reporter] || ev.Area != "" && !ev.Area.Valid() {
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
	for _, q := range ev.Quantities {
		if q.Value.IsNegative() || !q.Unit.Valid() {
			return false
		}
	}
	return true
}

// eventError returns nil for a valid event, else an *agreement.ValidationError
// with paths under path.
func (e *Engine) eventError(ev *agreement.Event, path string) error {
	if e.eventOK(ev) {
		return nil
	}
	var ps []*agreement.Problem
	e.checkEvent(*ev, path, func(p string, err error, msg string) {
		ps = append(ps, &agreement.Problem{Path: p, Err: err, Msg: msg})
	})
	return &agreement.ValidationError{Problems: ps}
}

// checkEvent reports the problems of one event.
func (e *Engine) checkEvent(ev agreement.Event, path string, add func(string, error, string)) {
	if ev.At.Before(minInstant) || ev.At.After(maxInstant) {
		add(path+".at", agreement.ErrInvalidValue, "instant "+ev.At.Format(time.RFC3339)+" out of range")
	}
	switch {
	case ev.Kind == "":
		add(path+".kind", agreement.ErrMissing, "missing event kind")
	case !ev.Kind.Valid():
		add(path+".kind", agreement.ErrInvalidID, "invalid event kind "+quote(string(ev.Kind)))
	}
	for _, f := range []struct {
		name string
		id   agreement.PartyID
	}{{"actor", ev.Actor}, {"target", ev.Target}, {"reporter", ev.Reporter}} {
		if f.id != "" && !e.parties[f.id] {
			add(path+"."+f.name, agreement.ErrUnknownParty, "unknown party "+quote(string(f.id)))
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
			add(path+".clause", agreement.ErrInvalidID, "invalid reference "+quote(ev.Clause.String()))
		case !agrOK:
			add(path+".clause", agreement.ErrUnknownAgreement, "unknown agreement "+quote(string(r.Agreement)))
		case !r.IsAgreement() && !clauseOK:
			add(path+".clause", agreement.ErrUnknownClause, "unknown clause "+quote(ev.Clause.String()))
		}
	}
	if ev.Area != "" && !ev.Area.Valid() {
		add(path+".area", agreement.ErrInvalidID, "invalid area id "+quote(string(ev.Area)))
	}
	if !ev.Attribution.Valid() {
		add(path+".attribution", agreement.ErrInvalidValue, "unknown attribution "+ev.Attribution.String())
	}
	for j, q := range ev.Quantities {
		if err := q.Validate(); err != nil {
			for _, p := range err.(*agreement.ValidationError).Problems {
				qp := path + ".quantities[" + itoa(j) + "]"
				if p.Path != "" {
					qp += "." + p.Path
				}
				add(qp, p.Err, p.Msg)
			}
		}
	}
}

// MarshalJSON writes the timeline as an [agreement.EventLog] document:
// {"schema": 1, "start": ..., "events": [...]}.
func (tl Timeline) MarshalJSON() ([]byte, error) {
	return agreement.EventLog{Start: tl.start, Events: tl.events}.MarshalJSON()
}

// DecodeTimeline reads a timeline from an event log document (see
// [agreement.DecodeEventLog], whose errors it returns), sorted stably by
// instant. A timeline needs a start: its absence is an error. Whether the
// events fit an agreement is for [Timeline.Validate] to say.
func DecodeTimeline(data []byte) (Timeline, error) {
	l, err := agreement.DecodeEventLog(data)
	if err != nil {
		return Timeline{}, err
	}
	if l.Start.IsZero() {
		return Timeline{}, &agreement.ValidationError{Problems: []*agreement.Problem{{
			Path: "start", Err: agreement.ErrMissing, Msg: "missing start instant"}}}
	}
	return NewTimeline(l.Start, l.Events...), nil
}
