package coalition

import (
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Coalition is a group of guarantor states and what they commit to: its
// members, the functions it performs and who leads each, its coordination
// cells, the declarations it made, the meetings it held, and the
// contributions its members (and partners) offer. In the seed, the
// "Coalition of the Willing" that met in Paris in January 2026.
//
// Coalition is plain data, like [agreement.Agreement]: build one with a
// struct literal and check it with [Coalition.Validate]. Every party the
// coalition names (members, the host, the adversary its conditions mention,
// the coalition itself as an actor) is declared once in Parties; Members
// says which of them belong to it, and Meetings who attended what, at which
// level, separately from membership.
//
// Methods never modify c and never keep references to its slices: results
// are fresh copies. A Coalition may therefore be read by several goroutines
// at once, as long as none modifies it. The analyses
// ([Coalition.TotalsByFunction], [Coalition.TotalsByBasing],
// [Coalition.Gaps], [Coalition.Backstop], [Coalition.Shares]) do not validate
// c: on an invalid coalition they never panic and follow their stated rules
// literally, but their results are only meaningful once Validate returns
// nil. The compilers ([Coalition.Clauses], [Coalition.Agreement]) validate
// first.
//
// The zero value is an empty coalition; it is not valid, since it has no ID.
type Coalition struct {
	// ID identifies the coalition and is the id of the agreement it compiles
	// to, such as "coalition-of-the-willing".
	ID agreement.AgreementID
	// Name is the coalition's name, such as "Coalition of the Willing";
	// the title of the compiled agreement.
	Name string
	// Party is the coalition as an actor, such as "COW", when it is named as
	// one (a participant of a coordination cell); empty otherwise. It must
	// be declared in Parties.
	Party agreement.PartyID
	// Host is the state the coalition's contributions are for and based in,
	// such as "UA": the creditor of every compiled clause whose contribution
	// names no beneficiaries. Empty when there is none. It must be declared
	// in Parties; it may be a member.
	Host agreement.PartyID
	// Parties declares every party the coalition names, members or not,
	// with the syntax and rules of [agreement.Agreement.Parties].
	Parties []agreement.Party
	// Members lists the parties that belong to the coalition, each once,
	// with their standing.
	Members []Member
	// Fluents declares the fluents contribution conditions may read, such
	// as "ceasefire-in-force"; compiled unchanged into the agreement.
	Fluents []agreement.Fluent
	// Functions declares what the coalition does, each function once.
	Functions []Function
	// Cells are the coordination cells the coalition set up.
	Cells []Cell
	// Declarations are the declarations made on the coalition's behalf.
	Declarations []Declaration
	// Meetings record who attended the coalition's meetings, and at which
	// level.
	Meetings []Meeting
	// Contributions are what members and partners offer, each to one
	// function.
	Contributions []Contribution
}

// Member says that a party belongs to a coalition, and how. The zero value
// is not a valid member (it names no party).
type Member struct {
	Party    agreement.PartyID
	Standing Standing
}

// FunctionID names a function a coalition performs. The well-known functions
// are constants; users add their own with any lower-case name of 1 to 64
// letters, digits, '-' and '.', starting with a letter, such as
// "demining". The zero value is invalid.
type FunctionID string

// The well-known functions.
const (
	CeasefireMonitoring FunctionID = "ceasefire-monitoring" // monitoring and verifying the ceasefire
	MultinationalForce  FunctionID = "multinational-force"  // a multinational or reassurance force
	Training            FunctionID = "training"             // training the host's forces
	AirPolicing         FunctionID = "air-policing"         // policing the host's airspace
	MaritimeSecurity    FunctionID = "maritime-security"    // securing sea lanes and ports
	Logistics           FunctionID = "logistics"            // logistics and supply
	Intelligence        FunctionID = "intelligence"         // intelligence sharing
	WeaponsHubs         FunctionID = "weapons-hubs"         // military hubs and protected weapons storage facilities
)

// Valid reports whether f is well formed: 1 to 64 characters of a-z, 0-9,
// '-' and '.', starting with a letter (the syntax of
// [agreement.EventKind]).
func (f FunctionID) Valid() bool { return agreement.EventKind(f).Valid() }

// DefaultCategory returns the PA-X provision category given to the clauses
// compiled from contributions to f when its [Function] sets none:
// [agreement.CategoryCe] for ceasefire monitoring,
// [agreement.CategoryImPK] for a multinational force, and
// [agreement.CategorySsrGua] for every other function,
// user-defined ones included.
func (f FunctionID) DefaultCategory() agreement.Category {
	switch f {
	case CeasefireMonitoring:
		return agreement.CategoryCe
	case MultinationalForce:
		return agreement.CategoryImPK
	}
	return agreement.CategorySsrGua
}

// Function is one thing a coalition does, and who leads it. The zero value is
// not valid (it has no ID).
type Function struct {
	ID FunctionID
	// Name describes the function in the source's words, such as
	// "reassurance force"; optional.
	Name string
	// Leads are the members that lead the function: the United States for
	// ceasefire monitoring; Britain and France for the multinational force.
	// Empty when no lead is named (a gap: see [Coalition.Gaps]).
	Leads []agreement.PartyID
	// LeadWithoutContributions allows Leads to be named while no
	// contribution serves the function yet (a function being planned).
	// When false, that is a validation problem ([ErrLeadWithoutContributions]).
	LeadWithoutContributions bool
	// Category is the PA-X provision category of the clauses compiled from
	// the function's contributions; empty means ID.DefaultCategory().
	Category agreement.Category
}

// Cell is a coordination cell: where it sits and who takes part. The zero
// value is not valid (it has no participants).
type Cell struct {
	// Name describes the cell, such as "coordination cell"; optional.
	Name string
	// Location is where the cell sits, such as "Paris"; optional.
	Location string
	// Participants are the parties the cell coordinates, such as the United
	// States, Ukraine and the coalition itself.
	Participants []agreement.PartyID
}

// Declaration is a declaration made on a coalition's behalf: a joint
// declaration of all its members, or a declaration of intent by some of
// them. Its Force says how strongly it binds. The zero value is not valid
// (it has no title and no signatories).
type Declaration struct {
	Title string
	// AllMembers says that every full member signed it ("a joint
	// declaration from all coalition nations"); Signatories is then empty.
	AllMembers bool
	// Signatories are the parties that signed it, when not AllMembers, such
	// as France, Britain and Ukraine for the trilateral declaration of
	// intent. They must be declared parties, not necessarily members.
	Signatories []agreement.PartyID
	Force       agreement.Force
	Date        time.Time // zero when unknown
}

// Meeting records who attended one meeting of a coalition, separately from
// who is a member. Attendees are the parties the source names; Unnamed counts
// the attendance it reports only as numbers ("35 countries, including 27
// leaders"), so that counts can be kept without inventing names. The zero
// value is a meeting nobody attended.
type Meeting struct {
	Title    string
	Location string
	Date     time.Time // zero when unknown
	// Attendees are the named parties that attended, each once.
	Attendees []Attendee
	// Unnamed counts the other parties that attended, by level.
	Unnamed []Headcount
}

// Attendee is a named party at a meeting, the level it attended at, and the
// people who represented it, as the source names them. The zero value is not
// valid (it names no party).
type Attendee struct {
	Party           agreement.PartyID
	Level           Level
	Representatives []string // such as "Emmanuel Macron"; may be empty
}

// Headcount is a number of parties that attended a meeting at one level
// without being named. The zero value counts nobody.
type Headcount struct {
	Level Level
	Count int
}

// Attending returns how many parties attended m: the named attendees plus
// the unnamed headcounts. Negative headcounts (invalid) count as given.
func (m Meeting) Attending() int {
	n := len(m.Attendees)
	for _, h := range m.Unnamed {
		n += h.Count
	}
	return n
}

// AtLevel returns how many parties attended m at level l, named or not.
func (m Meeting) AtLevel(l Level) int {
	n := 0
	for _, a := range m.Attendees {
		if a.Level == l {
			n++
		}
	}
	for _, h := range m.Unnamed {
		if h.Level == l {
			n += h.Count
		}
	}
	return n
}

// MembersGroup is the id of the party group of the compiled agreement that
// holds the coalition's full members, in the order of Members. Conditions
// and actions may name it in a pattern's Group filter ("an event by any
// member").
const MembersGroup agreement.GroupID = "members"

// IsMember reports whether p is a member of c, of any standing.
func (c Coalition) IsMember(p agreement.PartyID) bool {
	_, ok := c.member(p)
	return ok
}

func (c Coalition) member(p agreement.PartyID) (Member, bool) {
	for _, m := range c.Members {
		if m.Party == p {
			return m, true
		}
	}
	return Member{}, false
}

// FullMembers returns the parties of c's full members, in the order of
// Members, without repeats. The slice is new.
func (c Coalition) FullMembers() []agreement.PartyID {
	var out []agreement.PartyID
	for _, m := range c.Members {
		if m.Standing == FullMember && m.Party != "" && !slices.Contains(out, m.Party) {
			out = append(out, m.Party)
		}
	}
	return out
}

// Signatories returns who signed d as a declaration of c: c's full members
// when d.AllMembers is set, else a copy of d.Signatories.
func (c Coalition) Signatories(d Declaration) []agreement.PartyID {
	if d.AllMembers {
		return c.FullMembers()
	}
	return slices.Clone(d.Signatories)
}

// function returns the first declared function with id f.
func (c Coalition) function(f FunctionID) (Function, bool) {
	for _, fn := range c.Functions {
		if fn.ID == f {
			return fn, true
		}
	}
	return Function{}, false
}

// party reports whether p is declared in c.Parties.
func (c Coalition) declared(p agreement.PartyID) bool {
	for _, q := range c.Parties {
		if q.ID == p {
			return true
		}
	}
	return false
}
