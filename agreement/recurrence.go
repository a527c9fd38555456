package agreement

import (
	"strings"
	"time"
)

// Recurrence makes an obligation a recurring duty: "a report every 30 days",
// "a payment on the first of each month, due by the fifth", "a notification
// within 48 hours of each incident". The zero value means the obligation does
// not recur.
//
// While the clause is in effect, occurrences of the duty start:
//   - every Every, counted on the calendar of the clause's zone from Start
//     (zero: from the instant the clause entered InEffect), occurrence k
//     starting Every multiplied by k after it (so that monthly from 31
//     January gives 28 February, then 31 March); occurrences that start
//     before the clause entered InEffect are not owed; or
//   - at each event matching On while the clause is in effect (and its
//     agreement's gate open), as the event is logged at its instant: a later
//     revision of the event neither starts nor cancels an occurrence, and
//     an event while the duty is suspended starts none.
//
// Each occurrence is due Within after it starts (rounded by Round), or, when
// Within is zero (Every only), when the next occurrence starts. It is
// performed by an act (the clause's Action, or its Fulfilment condition
// holding with event atoms seeing only the acts of that instant) at or after
// its start and before it is due: the interval is half-open, so an act at
// the due instant belongs to the next occurrence. One act performs every
// occurrence then open. An occurrence not performed when it falls due is a
// breach, recorded and counted as the breaches of a standing clause are
// (see Standing clauses in the package doc): the clause stays in effect,
// and at its expiry it is Violated if it has any breach, Fulfilled if not.
type Recurrence struct {
	// Every is the period between occurrences.
	Every Period
	// Start is the start of the first occurrence when Every is set; zero:
	// when the clause enters into effect.
	Start time.Time
	// On starts an occurrence at each event it matches, instead of Every.
	On *Pattern
	// Within is how long each occurrence has; zero with Every: until the
	// next starts.
	Within Period
	// Round moves each due instant to the start or end of its local day.
	Round Rounding
}

// MinRecurrence is the shortest period of a recurring duty that validation
// accepts: one a replay can follow for centuries.
const MinRecurrence = time.Hour

// IsZero reports whether r makes nothing recur.
func (r Recurrence) IsZero() bool {
	return r.Every.IsZero() && r.Start.IsZero() && r.On == nil && r.Within.IsZero() && r.Round == RoundNone
}

// Equal reports whether r and o are the same recurrence; instants are
// compared with [time.Time.Equal], patterns by value.
func (r Recurrence) Equal(o Recurrence) bool {
	return r.Every == o.Every && r.Start.Equal(o.Start) && (r.On == nil) == (o.On == nil) &&
		(r.On == nil || *r.On == *o.On) && r.Within == o.Within && r.Round == o.Round
}

// String returns a readable form, such as "every 30d", "every 1mo from
// 2024-01-31T00:00:00Z within 4d end-of-day", "on report-due within 48h";
// "none" for the zero Recurrence.
func (r Recurrence) String() string {
	if r.IsZero() {
		return "none"
	}
	var parts []string
	if !r.Every.IsZero() {
		parts = append(parts, "every "+r.Every.String())
	}
	if !r.Start.IsZero() {
		parts = append(parts, "from "+r.Start.Format(time.RFC3339Nano))
	}
	if r.On != nil {
		parts = append(parts, "on "+r.On.String())
	}
	if !r.Within.IsZero() {
		parts = append(parts, "within "+r.Within.String())
	}
	if r.Round != RoundNone {
		parts = append(parts, r.Round.String())
	}
	return strings.Join(parts, " ")
}
