package agreement

import (
	"strings"
	"time"
)

// Deadline is a time limit, or an instant, as an agreement states it: "within
// 30 days", "no later than the third day after the start of the ceasefire",
// "by the end of the year", "not before day 61 after the transfer of
// authority". The zero value means "no limit".
//
// Its instant is one of:
//   - At: an absolute instant;
//   - After: an exact duration ("72 hours"), or Period: a calendar period
//     ("3 days", "one month", "a year"; see [Period]), counted from its
//     anchor. The anchor is the first instant at which From holds, when From
//     is set ("30 days after signing": From = Happened(signing)); otherwise
//     the instant the clause reaches (below);
//   - From alone: the anchor itself.
//
// An anchor is evaluated as a trigger is, when what it reads changes: a
// state left within the instant it is entered may pass unseen. An
// agreement signed and entering into force at once is not seen Signed, so
// anchor "after signing" on every state from
// signing on, AgreementIn(id, StateSigned, StateInForce, StateSuspended,
// StateTerminated), or on the signing event.
//
// Round then moves the instant to the start or the end of its local day:
// "the third day after X" is Period{Days: 3} with RoundEndOfDay, in time
// until the last instant of that day; "by the end of 31 December" is At with
// RoundEndOfDay. Calendar periods and days are counted in the time zone the
// clause or its agreement declares ([Clause.Zone], [Agreement.Zone]; UTC
// when neither does), where a day lasts 23, 24 or 25 hours: Period{Days: 3}
// and After: 72*time.Hour are different limits.
//
// Used as [Clause.Deadline], a limit counted from the clause itself counts
// from the instant the clause entered InEffect and pauses while it is
// suspended; an anchored or absolute deadline is a fixed instant and does not
// pause. Used as [Clause.Expiry], a limit counted from the clause itself
// counts from the instant the clause left Dormant.
//
// A limit is reached at its instant. It is inclusive by default: what happens
// at that instant still counts (an act at a deadline's instant is in time;
// a breach at an expiry's instant is a breach, since a violation beats an
// expiry at the same instant). Exclusive makes it a half-open bound: it is
// reached before anything that happens at its instant, so an act at that
// instant neither fulfils nor breaches. A limit rounded to the start or end
// of a day is always exclusive: it falls on the midnight between two days,
// and that instant belongs to the later day. So "no later than 4 March"
// (At 4 March, RoundEndOfDay) is met at 23:59 on 4 March and missed at 00:00
// on 5 March, and "not before day 61" (an expiry of Period{Days: 61} with
// RoundStartOfDay) lets an entry at 00:00 on day 61 through.
//
// Unconditional, on a fixed deadline (At or From), makes it bind even while
// the clause waits for its trigger or antecedent: reached before the clause
// enters into effect (or at the very instant it would), the clause is
// Lapsed: its precondition never came in time.
//
// Deadline values are compared with [Deadline.Equal]; the From condition
// makes the type not comparable with ==.
type Deadline struct {
	// After is an exact duration from the anchor.
	After time.Duration
	// Period is a calendar period from the anchor.
	Period Period
	// At is an absolute instant; zero when unset.
	At time.Time
	// From is the anchor condition: the limit counts from the first
	// instant at which it holds, seeing the whole history as a trigger
	// does. Nil: from the clause itself.
	From Condition
	// Round moves the instant to the start or end of its local day.
	Round Rounding
	// Exclusive makes the limit reached before anything at its instant;
	// a rounded limit is exclusive whatever Exclusive says.
	Exclusive bool
	// Unconditional makes a fixed deadline bind while the clause waits for
	// its trigger or antecedent.
	Unconditional bool
}

// IsZero reports whether d sets no limit.
func (d Deadline) IsZero() bool {
	return d.After == 0 && d.Period.IsZero() && d.At.IsZero() && isNil(d.From) && d.Round == RoundNone &&
		!d.Exclusive && !d.Unconditional
}

// Fixed reports whether d is a fixed instant, independent of the clause's own
// transitions: an absolute or anchored limit.
func (d Deadline) Fixed() bool { return !d.At.IsZero() || !isNil(d.From) }

// Equal reports whether d and o set the same limit: instants compared with
// [time.Time.Equal], anchors with [EqualConditions]. 72 hours and 3 days are
// different limits.
func (d Deadline) Equal(o Deadline) bool {
	return d.After == o.After && d.Period == o.Period && d.At.Equal(o.At) && EqualConditions(d.From, o.From) &&
		d.Round == o.Round && d.Exclusive == o.Exclusive && d.Unconditional == o.Unconditional
}

// Instant returns the limit's instant when counted from anchor, in the
// zone loc (UTC when nil): At, or anchor plus After or Period, then rounded.
// anchor is ignored when At is set. It never panics; instants beyond
// [InstantRange] are what [time.Time] makes of them.
func (d Deadline) Instant(anchor time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	t := anchor
	switch {
	case !d.At.IsZero():
		t = d.At
	case d.After != 0:
		t = anchor.Add(d.After)
	case !d.Period.IsZero():
		t = d.Period.AddTo(anchor, loc)
	}
	return d.Round.Apply(t, loc)
}

// String returns a readable form: "after 72h", "3d from happened(ceasefire-
// in-force) end-of-day", "at 2024-12-31T00:00:00+02:00 end-of-day
// unconditional", "none". Exact durations are written in hours and smaller
// units, calendar periods as [Period.String] writes them.
func (d Deadline) String() string {
	if d.IsZero() {
		return "none"
	}
	var parts []string
	switch {
	case !d.At.IsZero():
		parts = append(parts, "at "+d.At.Format(time.RFC3339Nano))
	case d.After != 0:
		parts = append(parts, "after "+FormatDuration(d.After))
	case !d.Period.IsZero():
		parts = append(parts, "after "+d.Period.String())
	}
	if !isNil(d.From) {
		parts = append(parts, "from "+d.From.String())
	}
	if d.Round != RoundNone {
		parts = append(parts, d.Round.String())
	}
	if d.Exclusive {
		parts = append(parts, "exclusive")
	}
	if d.Unconditional {
		parts = append(parts, "unconditional")
	}
	return strings.Join(parts, " ")
}

// Rounding moves an instant to a boundary of its local day. The zero value,
// RoundNone, leaves it alone.
type Rounding uint8

// The roundings.
const (
	RoundNone       Rounding = iota // the instant itself
	RoundStartOfDay                 // local midnight at the start of its day
	RoundEndOfDay                   // the end of its day: local midnight at the start of the next
)

var roundingNames = []string{"", "start-of-day", "end-of-day"}

// String returns the rounding's name, such as "end-of-day"; "" for RoundNone.
func (r Rounding) String() string { return enumName(roundingNames, "Rounding", r) }

// Valid reports whether r is one of the declared roundings, RoundNone
// included.
func (r Rounding) Valid() bool { return enumValid(roundingNames, r, true) }

// MarshalText implements [encoding.TextMarshaler].
func (r Rounding) MarshalText() ([]byte, error) { return marshalEnum(r.Valid(), r.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (r *Rounding) UnmarshalText(b []byte) error {
	return enumUnmarshal(roundingNames, "rounding", true, b, r)
}

// Apply returns t moved as r says, on the calendar of loc (UTC when nil):
// the local midnight starting t's day, or the one starting the next day
// ("by the end of 4 March" is reached at 00:00 on 5 March). Where that
// midnight does not exist (a change of offset at midnight), it is the first
// instant of the day: see [StartOfDay].
func (r Rounding) Apply(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	switch r {
	case RoundStartOfDay:
		y, m, d := t.In(loc).Date()
		return StartOfDay(y, m, d, loc)
	case RoundEndOfDay:
		y, m, d := t.In(loc).Date()
		return StartOfDay(y, m, d+1, loc)
	}
	return t
}

// StartOfDay returns the first instant of the day y-m-d (normalised as
// [time.Date] normalises it) in loc: local midnight or, where a change of
// offset skips midnight (America/Havana, for instance), the instant of the
// change. A nil loc means UTC.
func StartOfDay(y int, m time.Month, d int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	ty, tm, td := t.Date()
	if want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Before(want) {
		// Midnight does not exist: time.Date gave an instant of the day
		// before, in the offset before the change; the day starts when
		// that offset ends.
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	return t
}
