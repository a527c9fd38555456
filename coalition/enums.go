package coalition

import "strconv"

func enumName[T ~uint8](names []string, typ string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Standing is how a party belongs to a coalition. The zero value, FullMember,
// is a full member.
type Standing uint8

// The standings.
const (
	// FullMember is a member of the coalition: one of "all coalition
	// nations", a signatory of a declaration made by all members, and in the
	// [MembersGroup] of the compiled agreement.
	FullMember Standing = iota
	// Partner takes part in the coalition's work (leads a function,
	// contributes) without being one of its members: in the seed, the United
	// States, which spearheads ceasefire monitoring and sits in the Paris
	// coordination cell beside "the Coalition".
	Partner
)

func standingNames() []string { return []string{"member", "partner"} }

// String returns the standing's name: "member" or "partner".
func (s Standing) String() string { return enumName(standingNames(), "Standing", s) }

// Valid reports whether s is one of the declared standings.
func (s Standing) Valid() bool { return int(s) < len(standingNames()) }

// Level is the level at which a party attended a meeting. The zero value,
// LevelUnspecified, means the source does not say.
type Level uint8

// The attendance levels.
const (
	LevelUnspecified Level = iota // not stated
	Leader                        // head of state or government
	Minister                      // a minister (foreign, defence, ...)
	Envoy                         // a special envoy or personal representative
	Official                      // an official or ambassador
)

func levelNames() []string { return []string{"", "leader", "minister", "envoy", "official"} }

// String returns the level's name, such as "leader"; "" for LevelUnspecified.
func (l Level) String() string { return enumName(levelNames(), "Level", l) }

// Valid reports whether l is one of the declared levels, LevelUnspecified
// included.
func (l Level) Valid() bool { return int(l) < len(levelNames()) }

// BasingKind says where the forces or assets of a contribution are based,
// relative to the coalition's host country. The zero value,
// BasingUnspecified, means the source does not say.
type BasingKind uint8

// The basing kinds.
const (
	BasingUnspecified BasingKind = iota // not stated
	InHost                              // inside the host country (Ukraine), optionally in named areas
	OutsideHost                         // outside the host country: Germany's forces, "based outside Ukraine"
	AtSea                               // at sea
)

func basingNames() []string { return []string{"", "in-host", "outside-host", "at-sea"} }

// String returns the kind's name, such as "outside-host"; "" for
// BasingUnspecified.
func (b BasingKind) String() string { return enumName(basingNames(), "BasingKind", b) }

// Valid reports whether b is one of the declared kinds, BasingUnspecified
// included.
func (b BasingKind) Valid() bool { return int(b) < len(basingNames()) }
