package agreement

import (
	"time"
)

// Party is an actor as one agreement records it: its stable id, a name, its
// kind, and the roles it plays in this agreement. A party with no role is
// still an actor events and groups may name (a state whose troops must not
// deploy, say). The zero value is not a valid party.
type Party struct {
	ID    PartyID
	Name  string
	Kind  PartyKind
	Roles []Role
}

// Group is a named set of parties, such as the members of NATO, that event
// patterns can match ("no forces of any NATO member"). Every member must be a
// party of the agreement. The zero value is not a valid group.
type Group struct {
	ID      GroupID
	Name    string
	Members []PartyID
}

// Signature records that a party signed: who, when, and in which capacity.
// A replay starting before its Date starts without it and takes it at that
// instant; an undated signature counts from the start. The zero value is not
// a valid signature.
type Signature struct {
	Party     PartyID
	Signatory string    // the person who signed, such as "Emmanuel Macron"
	Capacity  string    // such as "President of the French Republic"
	Date      time.Time // zero when unknown
}

// Fluent is a named state that holds over time, as in the event calculus:
// initiated by events matching any of Initiates, terminated by events
// matching any of Terminates. "Ceasefire in force" is a fluent, not an event.
// The zero value is not a valid fluent.
type Fluent struct {
	ID         FluentID
	Initiates  []Pattern
	Terminates []Pattern
	// Initially is whether the fluent holds before any event.
	Initially bool
}

// Agreement is one instrument: a declaration, a ceasefire, a framework
// agreement. Its fields are plain data; build one with a struct literal and
// check it with [Agreement.Validate]. Functions of this package never modify
// an Agreement they are given, and values decoded from JSON share nothing with
// their input. The zero value is not a valid agreement (it has no id).
//
// Its lifecycle values are states (Draft, Signed, InForce, Suspended,
// Terminated: see [State]), replayed by package scenario; SigningStatus is the
// PA-X column and is fixed data.
type Agreement struct {
	ID            AgreementID
	Title         string
	Date          time.Time // zero when undated
	Stage         Stage
	SubStage      SubStage
	SigningStatus SigningStatus
	Parties       []Party
	Groups        []Group
	// ItemClasses are the classes of items (equipment, weapons) its
	// patterns and quantities may name.
	ItemClasses []ItemClass
	Signatures  []Signature
	Clauses     []Clause
	Fluents     []Fluent
	// Territory is the land the agreement concerns, as it stands before the
	// agreement: areas with sovereignty and control. The zero Territory
	// means none. With a territory, every area filter of an event pattern in
	// the agreement must name one of its areas; without one, area filters
	// are checked for syntax only.
	Territory Territory
	// Options are the territorial options the agreement adopts: its
	// territorial settlement, a [Package] applied to Territory by
	// [Agreement.Settle]. They must not conflict, and every area they name
	// must be one of Territory's. The clauses they imply are not in
	// Clauses: Settle derives them.
	Options []Option
	// EntryIntoForce is the condition under which the agreement enters into
	// force; nil means on signature.
	EntryIntoForce Condition
	// InForceAt, when set, is the instant from which the agreement, once
	// signed and its EntryIntoForce condition holding, enters into force:
	// "on 1 March" (At), "30 days after the last required ratification"
	// (From: the ratifications, all of them; Period: 30 days). A limit
	// counted from the agreement itself counts from its signing.
	InForceAt Deadline

	// Signatories are the parties whose signatures the agreement requires:
	// it is Signed when every one of them has signed (by a signing event
	// naming it as actor, or a recorded [Signature]). Empty: the first
	// signature signs it.
	Signatories []PartyID
	// Zone is the time zone of the agreement's local days, calendar
	// periods and renderings; the zero Zone means UTC.
	Zone Zone
	// Term, when set, is how long the agreement runs from its entry into
	// force and how it renews (see [Term]); at the end of its last term it
	// expires: it is Terminated, and its clauses with it.
	Term Term
}

// Party returns the party with the given id. The result shares its slices
// with a; treat it as read-only.
func (a Agreement) Party(id PartyID) (Party, bool) {
	for _, p := range a.Parties {
		if p.ID == id {
			return p, true
		}
	}
	return Party{}, false
}

// Clause returns the clause with the given id. The result shares its slices
// with a; treat it as read-only.
func (a Agreement) Clause(id ClauseID) (Clause, bool) {
	for _, c := range a.Clauses {
		if c.ID == id {
			return c, true
		}
	}
	return Clause{}, false
}

// PartiesWith returns the ids of the parties that play role r, in order.
func (a Agreement) PartiesWith(r Role) []PartyID {
	var out []PartyID
	for _, p := range a.Parties {
		for _, pr := range p.Roles {
			if pr == r {
				out = append(out, p.ID)
				break
			}
		}
	}
	return out
}

// Settle validates a and applies its territorial options, as a [Package],
// to its territory ([Package.Apply]): the territory they settle on and the
// clauses they imply. Appended to a copy of a's clauses, the implied clauses
// validate and replay like any other. It returns the zero Settlement and a
// *ValidationError when a is invalid ([Agreement.Validate]'s problems), or
// when a clause of a already has the id of a clause an option implies
// ([ErrDuplicateID] at "options[i].id": the implied clauses were appended
// already, or a written clause took the id). a is not modified.
func (a Agreement) Settle() (Settlement, error) {
	if err := a.Validate(); err != nil {
		return Settlement{}, err
	}
	var ps ValidationError
	v := &validator{ps: &ps}
	v.implied(&a, "")
	if err := ps.Err(); err != nil {
		return Settlement{}, err
	}
	return Package{Options: a.Options}.apply(a.Territory), nil
}

// Process is the linked instruments of one peace process, replayed together.
// Conditions in one instrument may refer to another's state or clauses by
// qualified reference ("ceasefire-2026/C1"). Each instrument's territory and
// territorial options are its own: area filters resolve against the
// territory of the instrument holding them. The zero value is an empty,
// valid process.
type Process struct {
	Title      string
	Agreements []Agreement
}

// Agreement returns the instrument with the given id. The result shares its
// slices with p; treat it as read-only.
func (p Process) Agreement(id AgreementID) (Agreement, bool) {
	for _, a := range p.Agreements {
		if a.ID == id {
			return a, true
		}
	}
	return Agreement{}, false
}
