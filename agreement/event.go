package agreement

import (
	"strconv"
	"strings"
	"time"
)

// EventKind names what kind of thing happened. The well-known kinds are
// constants; users add their own with any lower-case name of letters, digits,
// '-' and '.', such as "prisoner-exchange". The zero value is invalid.
type EventKind string

// Well-known event kinds.
const (
	EventKindCeasefireDeclared   EventKind = "ceasefire-declared"   // a ceasefire is announced
	EventKindCeasefireInForce    EventKind = "ceasefire-in-force"   // a ceasefire takes effect
	EventKindCeasefireCollapsed  EventKind = "ceasefire-collapsed"  // a ceasefire ends
	EventKindArmedAttack         EventKind = "armed-attack"         // an armed attack by Actor on Target
	EventKindWithdrawalCompleted EventKind = "withdrawal-completed" // Actor's forces have left Area
	EventKindForcesDeployed      EventKind = "forces-deployed"      // Actor's forces deployed in Area or Target
	EventKindControlChanged      EventKind = "control-changed"      // control of Area moved to Actor
	EventKindElectionHeld        EventKind = "election-held"        // an election; Outcome holds the result
	EventKindReferendumHeld      EventKind = "referendum-held"      // a referendum; Outcome holds the result
	EventKindArbitrationAward    EventKind = "arbitration-award"    // an award; Outcome holds its terms
	EventKindRatification        EventKind = "ratification"         // Actor ratifies the agreement
	EventKindSigning             EventKind = "signing"              // Actor signs the agreement
	EventKindPerformance         EventKind = "performance"          // Actor performs Clause
	EventKindPowerExercised      EventKind = "power-exercised"      // Actor exercises the power Clause
	EventKindRevised             EventKind = "revised"              // Reporter revises the attribution of the event Revises
	EventKindNotice              EventKind = "notice"               // Actor gives notice against the renewal of the term of Clause (see Term)
	EventKindRenewal             EventKind = "renewal"              // the parties agree to renew the term of Clause for Period (see Term)
)

// EventID identifies an event within a timeline, so that a later event can
// revise it ([Event.Revises]). It has the syntax of [PartyID]. The zero
// value means the event has no id.
type EventID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id EventID) Valid() bool { return validName(string(id)) }

// Valid reports whether k is a well-formed kind name.
func (k EventKind) Valid() bool { return validKindName(string(k)) }

// Event is something that happened at an instant: a ceasefire entering into
// force, an attack, a power exercised. Events are values; the zero value is
// invalid (it has no kind). Optional fields are empty when they do not apply.
type Event struct {
	// ID, when set, identifies the event within its timeline, so that a
	// later event can revise it.
	ID EventID
	// At is when it happened. Conditions compare instants with Equal and
	// Before; encoding stores them in UTC.
	At   time.Time
	Kind EventKind
	// Actor is who did it; Target whom it was done to.
	Actor, Target PartyID
	// Clause is the clause (or agreement, for a ratification) it concerns:
	// the clause performed, the power exercised, or the instrument (an
	// agreement or a clause) whose term a notice or a renewal concerns.
	Clause Ref
	// Area is the territorial area it concerns.
	Area AreaID
	// Quantities measured by the event (troops withdrawn, km of front).
	Quantities []Quantity
	// Outcome is the result where the kind has one: a referendum's answer, an
	// award's line.
	Outcome string
	// Reporter is who reported it: a monitor, a party.
	Reporter PartyID
	// Attribution is how firmly the event is attributed to Actor.
	Attribution Attribution
	// Item is the thing acted with or on, such as "D-30 122 mm howitzer";
	// item classes ([ItemClass]) group items.
	Item string
	// Revises, set only on an event of kind [EventKindRevised], names an
	// earlier event whose attribution, reporter and actor this one revises
	// from its own instant on: each of Attribution, Reporter and Actor that
	// is set replaces the earlier event's. Conditions see the revised event
	// from the revision's instant; before it, they see the event as logged.
	Revises EventID
	// Period, set only on an event of kind [EventKindRenewal], is the
	// length of the next term of the instrument it names: the term that
	// begins at the end of the current one.
	Period Period
}

// String returns the event in words, without its instant: the kind, then
// " by " the actor, " against " the target, " in " the area, " of " the
// clause, " for " the period, ", " and each quantity, ", outcome " and the
// outcome quoted (Go syntax), ", reported by " the reporter and the
// attribution in parentheses, each only when set; such as
// "armed-attack by RU against UA in donetsk, outcome \"repelled\", reported by OSCE (confirmed)"
// or "renewal of truce/ for 60d".
// The zero Event gives "". It is safe for concurrent use and never panics.
func (e Event) String() string {
	var b strings.Builder
	b.WriteString(string(e.Kind))
	if e.Actor != "" {
		b.WriteString(" by " + string(e.Actor))
	}
	if e.Target != "" {
		b.WriteString(" against " + string(e.Target))
	}
	if e.Area != "" {
		b.WriteString(" in " + string(e.Area))
	}
	if e.Clause != (Ref{}) {
		b.WriteString(" of " + e.Clause.String())
	}
	if !e.Period.IsZero() {
		b.WriteString(" for " + e.Period.String())
	}
	for _, q := range e.Quantities {
		b.WriteString(", " + q.String())
	}
	if e.Outcome != "" {
		b.WriteString(", outcome " + strconv.Quote(e.Outcome))
	}
	if e.Reporter != "" {
		b.WriteString(", reported by " + string(e.Reporter))
	}
	if e.Attribution != AttributionUnspecified {
		b.WriteString(" (" + e.Attribution.String() + ")")
	}
	if e.Item != "" {
		b.WriteString(", item " + strconv.Quote(e.Item))
	}
	if e.Revises != "" {
		b.WriteString(", revising " + string(e.Revises))
	}
	if e.ID != "" {
		b.WriteString(" [" + string(e.ID) + "]")
	}
	return b.String()
}

// Pattern matches events. Kind is required; every other field is a filter
// that, when set, the event must satisfy. Pattern is comparable and usable as
// a map key. The zero value matches nothing and is invalid.
//
// In a clause's conditions and action, Actor, Target and Reporter may be
// the placeholders [Debtor] (the debtor of the clause instance evaluating
// the pattern) and [Creditor] (any creditor of the clause); see the package
// doc, Each debtor.
type Pattern struct {
	Kind EventKind
	// Actor, when set, must equal the event's actor.
	Actor PartyID
	// Group, when set, must contain the event's actor.
	Group GroupID
	// Target, when set, must equal the event's target.
	Target PartyID
	// Area, when set, must equal the event's area.
	Area AreaID
	// Clause, when set, must equal the event's clause, both resolved in the
	// agreement that holds the pattern.
	Clause Ref
	// Reporter, when set, must equal the event's reporter.
	Reporter PartyID
	// Attribution, when set, must equal the event's attribution.
	Attribution Attribution
	// Item, when set, must equal the event's item.
	Item string
	// Class, when set, must contain the event's item (see [ItemClass]).
	Class ItemClassID
	// Measure, when set, must contain one of the event's quantities (see
	// [Bound]): "a distance from the line under 20 km".
	Measure Bound
}

// Matches reports whether e matches p. Clause references are compared
// resolved in home, the agreement holding the pattern. member reports whether
// a party belongs to a group; it is consulted only when p.Group is set, and
// may be nil otherwise (a nil member then matches nothing). Placeholders
// ([Debtor], [Creditor]) are compared as they are: resolve them first with
// [Pattern.Bind]. An item class is resolved by class, consulted only when
// p.Class is set (a nil class then matches nothing).
func (p Pattern) Matches(e Event, home AgreementID, member func(GroupID, PartyID) bool) bool {
	return p.MatchesIn(e, home, member, nil)
}

// MatchesIn is [Pattern.Matches] with the item classes of the agreement:
// class returns the class with an id, and whether there is one.
func (p Pattern) MatchesIn(e Event, home AgreementID, member func(GroupID, PartyID) bool, class func(ItemClassID) (ItemClass, bool)) bool {
	if p.Kind == "" || e.Kind != p.Kind {
		return false
	}
	if p.Actor != "" && e.Actor != p.Actor ||
		p.Target != "" && e.Target != p.Target ||
		p.Area != "" && e.Area != p.Area ||
		p.Reporter != "" && e.Reporter != p.Reporter ||
		p.Attribution != AttributionUnspecified && e.Attribution != p.Attribution ||
		p.Item != "" && e.Item != p.Item {
		return false
	}
	if !p.Measure.Matches(e.Quantities) {
		return false
	}
	if p.Class != "" {
		if class == nil {
			return false
		}
		c, ok := class(p.Class)
		if !ok || !c.Contains(e) {
			return false
		}
	}
	if p.Clause != (Ref{}) && p.Clause.Resolve(home) != e.Clause.Resolve(home) {
		return false
	}
	if p.Group != "" && (member == nil || !member(p.Group, e.Actor)) {
		return false
	}
	return true
}

// String returns the pattern as "kind" followed by its filters, such as
// "armed-attack actor=RU target=UA".
func (p Pattern) String() string {
	var b strings.Builder
	b.WriteString(string(p.Kind))
	kv := func(k, v string) {
		if v != "" {
			b.WriteString(" " + k + "=" + v)
		}
	}
	kv("actor", string(p.Actor))
	kv("group", string(p.Group))
	kv("target", string(p.Target))
	kv("area", string(p.Area))
	if p.Clause != (Ref{}) {
		kv("clause", p.Clause.String())
	}
	kv("reporter", string(p.Reporter))
	kv("attribution", p.Attribution.String())
	if p.Item != "" {
		kv("item", strconv.Quote(p.Item))
	}
	kv("class", string(p.Class))
	if !p.Measure.IsZero() {
		b.WriteString(" " + p.Measure.String())
	}
	return b.String()
}

// The placeholders a clause's patterns may name as actor, target or
// reporter. They are not valid party ids, so no party can be mistaken for
// one.
const (
	// Debtor stands for the debtor of the clause instance evaluating the
	// pattern: each debtor's instance of a clause binding several debtors
	// severally reads it as its own debtor; a clause with one debtor reads
	// that debtor; a joint clause reads any of its debtors.
	Debtor PartyID = "$debtor"
	// Creditor stands for any creditor of the clause.
	Creditor PartyID = "$creditor"
)

// IsPlaceholder reports whether id is [Debtor] or [Creditor].
func (id PartyID) IsPlaceholder() bool { return id == Debtor || id == Creditor }

// Bind returns p with the placeholder [Debtor] replaced by debtor wherever
// it stands (actor, target, reporter). [Creditor] is left in place: it
// stands for a set, which [Pattern.Matches] cannot compare; see
// [Pattern.Placeholders].
func (p Pattern) Bind(debtor PartyID) Pattern {
	for _, f := range []*PartyID{&p.Actor, &p.Target, &p.Reporter} {
		if *f == Debtor {
			*f = debtor
		}
	}
	return p
}

// Placeholders reports whether p names [Debtor] and whether it names
// [Creditor], in any field.
func (p Pattern) Placeholders() (debtor, creditor bool) {
	for _, f := range []PartyID{p.Actor, p.Target, p.Reporter} {
		debtor = debtor || f == Debtor
		creditor = creditor || f == Creditor
	}
	return debtor, creditor
}
