package ceasefire

import (
	"io"
	"iter"
	"slices"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/internal/csvread"
	"github.com/peacekit/peacekit/agreement/survival"
)

// CoverageEnd is the last day the dataset covers, 31 December 2020: a
// ceasefire with no recorded end is still in force then, and its duration is
// censored there.
var CoverageEnd = time.Date(2020, time.December, 31, 0, 0, 0, 0, time.UTC)

// The event kinds of a ceasefire's timeline besides the well-known
// [agreement.EventKindCeasefireDeclared] and
// [agreement.EventKindCeasefireInForce].
const (
	// EventKindCeasefireEnded: the ceasefire ended, as the data record an
	// end date. It is not [agreement.EventKindCeasefireCollapsed]: the
	// data do not say whether an end is a breakdown, a replacement by
	// another arrangement or the end of a fixed term.
	EventKindCeasefireEnded agreement.EventKind = "ceasefire-ended"
)

// Status is how a ceasefire's duration is observed.
type Status int

const (
	// StatusCensored: no actor row records an end (every end date is
	// -1/-1/-1 and every ended code -1); the ceasefire is taken as in
	// force at [CoverageEnd], where its duration is right-censored.
	StatusCensored Status = iota
	// StatusEnded: at least one actor row records an end year; the
	// ceasefire ended at the earliest of them.
	StatusEnded
	// StatusEndUndated: no actor row records an end year, but one codes
	// its end 0/0/0 or has an ended code other than -1: the ceasefire
	// seems to have ended at a date the data do not give. Its duration is
	// unknown and it is left out of survival estimates.
	StatusEndUndated
)

// String returns "censored", "ended" or "end-undated".
func (s Status) String() string {
	switch s {
	case StatusCensored:
		return "censored"
	case StatusEnded:
		return "ended"
	case StatusEndUndated:
		return "end-undated"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Ceasefire is one ceasefire: the actor rows that share a uniq_id, with the
// dates, duration and codes derived from them by the rules of the package
// documentation. The derived fields are computed once by [Group]; a
// Ceasefire built by hand has only what its builder put in it.
type Ceasefire struct {
	// ID is the uniq_id, cc x 1000 + cf_id.
	ID int
	// CC, CFID and Location are those of the rows (the same in every row
	// of a ceasefire, as the reader checks uniq_id).
	CC, CFID int
	Location string
	// Rows are the actor rows, in file order. They are the ceasefire's
	// own: Group copies them.
	Rows []Row

	// Declared is the earliest declaration date of the rows, imputed.
	Declared time.Time
	// Effect is the earliest recorded effect date of the rows, imputed;
	// the zero time when no row records one.
	Effect time.Time
	// Start is when the duration is counted from: Effect, or Declared
	// when no row records an effect date.
	Start time.Time
	// End is the earliest recorded end date of the rows, imputed within
	// the days the date allows from Start on (see the package
	// documentation), never before Start; the zero time when no row
	// records one.
	End time.Time
	// Status says whether the ceasefire ended, is censored or ended at an
	// unknown date.
	Status Status
	// Duration is the number of days from Start to End (StatusEnded) or
	// to CoverageEnd (StatusCensored), at least 0; 0 for
	// StatusEndUndated.
	Duration int
	// Clamped reports that the recorded end date (or CoverageEnd) falls
	// wholly before Start, so that End was set to Start and Duration to 0.
	Clamped bool
	// Imputed reports that Start or End was computed from a date with an
	// unknown or clamped day or month.
	Imputed bool
	// EndedCode is the ceasefire's ended code (raw): the code of the row
	// whose end date is End; when no row records an end, the first code
	// other than -1 in file order, else -1.
	EndedCode int
	// ConflictingEnded reports that the rows do not all have the same
	// ended code.
	ConflictingEnded bool
	// Written, DDR and Enforcement are the largest code of the rows (so a
	// known code wins over -1), raw as in [Row].
	Written, DDR, Enforcement int
	// PAXIDs are the distinct PA-X ids the rows link to, ascending; nil
	// when none.
	PAXIDs []int
}

// Observation returns the ceasefire's duration in days as a survival
// observation: an event when it ended, censored when it is still in force at
// [CoverageEnd]. ok is false for [StatusEndUndated].
func (c Ceasefire) Observation() (o survival.Observation, ok bool) {
	switch c.Status {
	case StatusEnded:
		return survival.Observation{Time: float64(c.Duration), Event: true}, true
	case StatusCensored:
		return survival.Observation{Time: float64(c.Duration)}, true
	}
	return survival.Observation{}, false
}

// Actor returns the party id of a row's actor: "ucdp-" and the UCDP actor
// id, or "row-" and the row's id when it has no UCDP id.
func Actor(r Row) agreement.PartyID {
	if r.UCDPActorID >= 0 {
		return agreement.PartyID("ucdp-" + strconv.Itoa(r.UCDPActorID))
	}
	return agreement.PartyID("row-" + strconv.Itoa(r.ID))
}

// Actors returns the distinct actors of the ceasefire's rows (see [Actor]),
// in the order of their first row.
func (c Ceasefire) Actors() []agreement.PartyID {
	var out []agreement.PartyID
	for _, r := range c.Rows {
		if a := Actor(r); !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// Events returns the ceasefire's timeline, ordered by instant (stably):
// for the ceasefire as a whole, without an actor,
// [agreement.EventKindCeasefireDeclared] at Declared,
// [agreement.EventKindCeasefireInForce] at Start and, when it ended,
// [EventKindCeasefireEnded] at End; and for each row, with the row's [Actor], the
// same kinds at the row's own declaration and recorded effect dates, imputed
// as [Date.Time] does, and at its recorded end date, imputed as End is (so
// never before Start). Every instant is midnight UTC. The
// slice is new each call.
func (c Ceasefire) Events() []agreement.Event {
	evs := []agreement.Event{
		{At: c.Declared, Kind: agreement.EventKindCeasefireDeclared},
		{At: c.Start, Kind: agreement.EventKindCeasefireInForce},
	}
	if c.Status == StatusEnded {
		evs = append(evs, agreement.Event{At: c.End, Kind: EventKindCeasefireEnded})
	}
	for _, r := range c.Rows {
		a := Actor(r)
		if t, _, ok := r.Declared.Time(); ok {
			evs = append(evs, agreement.Event{At: t, Kind: agreement.EventKindCeasefireDeclared, Actor: a})
		}
		if t, _, ok := r.Effect.Time(); ok {
			evs = append(evs, agreement.Event{At: t, Kind: agreement.EventKindCeasefireInForce, Actor: a})
		}
		if t, _, _, ok := endTime(r.End, c.Start); ok {
			evs = append(evs, agreement.Event{At: t, Kind: EventKindCeasefireEnded, Actor: a})
		}
	}
	slices.SortStableFunc(evs, func(a, b agreement.Event) int { return a.At.Compare(b.At) })
	return evs
}

func maxTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}

// Group returns an iterator over the ceasefires of rows: it gathers adjacent
// rows with the same uniq_id into one [Ceasefire], in file order, and passes
// the errors of rows on as they come. The rows of one ceasefire must be
// adjacent (they are in the file): a row whose uniq_id belongs to a ceasefire
// already yielded is a *[RowError] on column uniq_id wrapping
// [agreement.ErrInconsistent], and is left out. A bad row is left out of its
// ceasefire, whose other rows still form one. It holds one ceasefire's rows
// and the set of uniq_ids seen, nothing more. Stopping after the first error
// is rows' to decide (see [StopOnError]).
func Group(rows iter.Seq2[Row, error]) iter.Seq2[Ceasefire, error] {
	return func(yield func(Ceasefire, error) bool) {
		if rows == nil {
			return
		}
		seen := map[int]bool{}
		var cur []Row
		flush := func() bool {
			if len(cur) == 0 {
				return true
			}
			c := build(slices.Clone(cur)) // the ceasefire's own rows, exactly sized
			cur = cur[:0]
			return yield(c, nil)
		}
		for r, err := range rows {
			if err != nil {
				if !yield(Ceasefire{}, err) {
					return
				}
				continue
			}
			if len(cur) > 0 && cur[0].UniqID == r.UniqID {
				cur = append(cur, r)
				continue
			}
			if seen[r.UniqID] {
				line := r.Line
				if !yield(Ceasefire{}, &RowError{Row: r.Row, Line: line, Column: columnNames[colUniqID],
					Err: &agreement.Problem{Err: agreement.ErrInconsistent, Msg: "the rows of ceasefire " +
						strconv.Itoa(r.UniqID) + " are not adjacent: it came before, separated by other rows"}}) {
					return
				}
				continue
			}
			if !flush() {
				return
			}
			seen[r.UniqID] = true
			cur = append(cur, r)
		}
		flush()
	}
}

// ReadCeasefires is [Group] over [Read]: the ceasefires of the file read
// from r, with the errors [Read] yields.
func ReadCeasefires(r io.Reader, opts ...ReadOption) iter.Seq2[Ceasefire, error] {
	c := csvread.Configure(opts, ReadOption.apply)
	seq := Group(Read(r, opts...))
	if !c.StopOnError {
		return seq
	}
	return func(yield func(Ceasefire, error) bool) {
		for cf, err := range seq {
			if !yield(cf, err) || err != nil {
				return
			}
		}
	}
}

// build derives a ceasefire from its rows, which it keeps.
func build(rows []Row) Ceasefire {
	first := rows[0]
	c := Ceasefire{ID: first.UniqID, CC: first.CC, CFID: first.CFID, Location: first.Location, Rows: rows,
		Written: Unknown, DDR: Unknown, Enforcement: Unknown, EndedCode: Unknown}
	var declImputed, effImputed bool
	undated := false
	for _, r := range rows {
		if t, imp, ok := r.Declared.Time(); ok && (c.Declared.IsZero() || t.Before(c.Declared)) {
			c.Declared, declImputed = t, imp
		}
		if t, imp, ok := r.Effect.Time(); ok && (c.Effect.IsZero() || t.Before(c.Effect)) {
			c.Effect, effImputed = t, imp
		}
		if r.End.ZeroCoded() || r.Ended != Unknown {
			undated = true
		}
		if r.Ended != first.Ended {
			c.ConflictingEnded = true
		}
		c.Written = max(c.Written, r.Written)
		c.DDR = max(c.DDR, r.DDR)
		c.Enforcement = max(c.Enforcement, r.Enforcement)
		if r.PAXID > 0 && !slices.Contains(c.PAXIDs, r.PAXID) {
			c.PAXIDs = append(c.PAXIDs, r.PAXID)
		}
	}
	slices.Sort(c.PAXIDs)
	c.Start, c.Imputed = c.Effect, effImputed
	if c.Effect.IsZero() {
		c.Start, c.Imputed = c.Declared, declImputed
	}
	if c.Start.IsZero() {
		// Rows built by hand may lack every date; Read requires a
		// declaration year.
		c.Status = StatusEndUndated
		return c
	}
	endRow := -1
	var endImputed bool
	for i, r := range rows {
		t, imp, clamped, ok := endTime(r.End, c.Start)
		if ok && (endRow < 0 || t.Before(c.End)) {
			c.End, endImputed, c.Clamped, endRow = t, imp, clamped, i
		}
	}
	switch {
	case endRow >= 0:
		c.Status = StatusEnded
		c.EndedCode = rows[endRow].Ended
		c.Imputed = c.Imputed || endImputed
		c.Duration = int(c.End.Sub(c.Start).Hours() / 24)
	case undated:
		c.Status = StatusEndUndated
		for _, r := range rows {
			if r.Ended != Unknown {
				c.EndedCode = r.Ended
				break
			}
		}
	default:
		c.Status = StatusCensored
		c.Duration = max(0, int(CoverageEnd.Sub(c.Start).Hours()/24))
		c.Clamped = CoverageEnd.Before(c.Start)
	}
	return c
}

// endTime returns the day an end date d stands for, given the start: the
// middle (rounded down) of the part of d's interval that is not before
// start; start itself, clamped, when all of the interval is before start.
// imputed reports that d is not exact; ok that d is recorded.
func endTime(d Date, start time.Time) (t time.Time, imputed, clamped, ok bool) {
	first, last, ok := d.Interval()
	if !ok {
		return time.Time{}, false, false, false
	}
	imputed = first != last || !d.Exact()
	if last.Before(start) {
		return start, imputed, true, true
	}
	first = maxTime(first, start)
	half := int(last.Sub(first).Hours()/24) / 2
	return first.AddDate(0, 0, half), imputed, false, true
}
