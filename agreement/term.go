package agreement

import (
	"strconv"
	"time"
)

// Term is how long an instrument runs and how it renews: "for a period of
// five years, renewed automatically for further periods of five years
// unless a party gives notice six months before expiry". The zero Term
// means none: the instrument runs until something ends it.
//
// The first term runs for Period from the instant the instrument begins:
// an agreement's entry into force, a clause's first entry into effect
// (counted on the calendar of its zone, as [Period.AddTo] counts). At the
// end of each term the instrument renews, in this order of precedence:
//
//  1. for the period a renewal agreed during the term carries (an event of
//     kind [EventKindRenewal] naming it, with [Event.Period]; the latest
//     such event before the end counts), whatever notice was given;
//  2. not at all, if a notice counts for this end: a notice (an event of
//     kind [EventKindNotice] naming the instrument, or the exercise of a
//     power with [EffectNotice] aimed at it) counts for the first end at
//     least Notice after it ([Term.NoticeBy]), so a notice given too late
//     for one end takes effect at the next;
//  3. for Renewal, if it is set and fewer than Renewals automatic renewals
//     have been made (any number, when Renewals is 0);
//  4. otherwise not at all.
//
// Each new term runs from the end of the last, so every end falls exactly
// one period (on the calendar) after the one before. An instrument that
// does not renew expires at the end of its term: an agreement is
// Terminated, and its clauses with it, as a termination does; a clause is
// discharged as an expiry discharges it (a prohibition in effect is
// Fulfilled). A notice or a renewal agreed spends itself at the end it
// counts for.
type Term struct {
	// Period is the length of the first term; it must be positive when
	// anything else is set.
	Period Period
	// Renewal is the length of each automatic renewal; zero: the
	// instrument renews only for a period agreed by a renewal event. An
	// exact Renewal is at least [MinRecurrence], so that a replay can
	// follow the renewals for centuries.
	Renewal Period
	// Notice is how long before the end of a term a notice must be given
	// for that end; zero: at any instant up to the end itself.
	Notice Period
	// Renewals is the number of automatic renewals at most; 0: no limit.
	// Renewals agreed by events are not counted.
	Renewals int
}

// IsZero reports whether t is the zero Term: no term.
func (t Term) IsZero() bool { return t == Term{} }

// NoticeBy returns the last instant at which a notice counts for the end
// of a term at end: Notice before end on the calendar of loc (so six months
// before 31 August is 28 February, or 29 in a leap year), or end itself when
// Notice is zero.
func (t Term) NoticeBy(end time.Time, loc *time.Location) time.Time {
	n := t.Notice
	return Period{Years: -n.Years, Months: -n.Months, Weeks: -n.Weeks, Days: -n.Days, Exact: -n.Exact}.AddTo(end, loc)
}

// String describes the term, such as "5y, renewed for 5y unless notice 6mo
// before the end" or "120d, renewed for 120d at most 2 times"; "" for the
// zero Term.
func (t Term) String() string {
	if t.IsZero() {
		return ""
	}
	s := t.Period.String()
	if !t.Renewal.IsZero() {
		s += ", renewed for " + t.Renewal.String()
		if t.Renewals > 0 {
			s += " at most " + strconv.Itoa(t.Renewals) + " times"
		}
	} else {
		s += ", not renewed unless agreed"
	}
	if !t.Notice.IsZero() {
		s += " unless notice " + t.Notice.String() + " before the end"
	}
	return s
}

// Equal reports whether t and o are the same term.
func (t Term) Equal(o Term) bool { return t == o }

// SuspensionRule says what the acts of a suspension of a commitment count
// for: those done while a clause is Suspended, by a power aimed at it, at
// its debtor's participation or at its agreement. The zero value,
// SuspensionExcuses, is the default.
type SuspensionRule uint8

// The rules for acts during a suspension.
const (
	// SuspensionExcuses: acts during the suspension are neither
	// fulfilments nor breaches, then or at resumption. Once resumed, the
	// clause's fulfilment and violation see only the events after the
	// resumption.
	SuspensionExcuses SuspensionRule = iota
	// SuspensionDefers: the acts of the suspension are judged at
	// resumption: once resumed, the clause's fulfilment and violation see
	// every event since it entered into effect, the suspension's included,
	// and a standing clause records the breaches of the suspension then.
	SuspensionDefers
)

var suspensionRuleNames = []string{"excuses", "defers"}

// String returns the rule's name, such as "excuses".
func (s SuspensionRule) String() string { return enumName(suspensionRuleNames, "SuspensionRule", s) }

// Valid reports whether s is one of the declared rules.
func (s SuspensionRule) Valid() bool { return int(s) < len(suspensionRuleNames) }

// MarshalText implements [encoding.TextMarshaler].
func (s SuspensionRule) MarshalText() ([]byte, error) { return marshalEnum(s.Valid(), s.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (s *SuspensionRule) UnmarshalText(b []byte) error {
	return enumUnmarshal(suspensionRuleNames, "suspension rule", false, b, s)
}
