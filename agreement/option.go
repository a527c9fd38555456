package agreement

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// maxOptionIDLen is the longest option id: short enough that the ids of the
// clauses an option implies ("<option>.<verb>.<area>") fit in 64 characters
// for area ids of up to 29.
const maxOptionIDLen = 24

// OptionID identifies a territorial option, for example "cede-donbas". It
// has 1 to 24 ASCII letters, digits, '-' or '_', starting with a letter or
// digit. It has no '.', so that the ids of the clauses options imply, which
// start with the option's id and a '.', never collide between options. The
// zero value is the empty, invalid id.
type OptionID string

// Valid reports whether id is well formed.
func (id OptionID) Valid() bool {
	return len(id) <= maxOptionIDLen && validName(string(id)) && !strings.Contains(string(id), ".")
}

// OptionKind is the kind of a territorial [Option]. The zero value is
// invalid.
type OptionKind uint8

// The kinds of territorial option. [Option] says which fields each uses and
// [Package.Apply] what each does.
const (
	_                                     OptionKind = iota
	OptionKindCede                                   // sovereignty moves from one party to another
	OptionKindRecogniseControl                       // a party's control is recognised de facto; sovereignty stays
	OptionKindFreeze                                 // control is frozen along the line of contact
	OptionKindWithdraw                               // a party withdraws and control moves to another, by a deadline
	OptionKindDemilitarisedZone                      // a demilitarised zone along the line, of a width on each side
	OptionKindInternationalAdministration            // international administration: control moves to an administrator
	OptionKindSpecialStatus                          // special status or autonomy
	OptionKindReferendum                             // sovereignty decided by a referendum held later
	OptionKindArbitration                            // sovereignty decided by an arbitration award, within a deadline
)

var optionKindNames = []string{"", "cede", "recognise-control", "freeze", "withdraw", "demilitarised-zone",
	"international-administration", "special-status", "referendum", "arbitration"}

// String returns the kind's name, such as "demilitarised-zone".
func (k OptionKind) String() string { return enumName(optionKindNames, "OptionKind", k) }

// Valid reports whether k is one of the declared kinds.
func (k OptionKind) Valid() bool { return enumValid(optionKindNames, k, false) }

// MarshalText implements [encoding.TextMarshaler].
func (k OptionKind) MarshalText() ([]byte, error) { return marshalEnum(k.Valid(), k.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (k *OptionKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(optionKindNames, "option kind", false, b, k)
}

// pending reports whether options of kind k leave their areas awaiting a
// later event.
func (k OptionKind) pending() bool { return k == OptionKindReferendum || k == OptionKindArbitration }

// What an option decides in an area, for conflicts: two options deciding
// the same aspect of one area conflict.
const (
	aspectSovereignty = "sovereignty" // cede, referendum, arbitration
	aspectControl     = "control"     // withdraw, international administration, freeze
)

func (k OptionKind) aspect() string {
	switch k {
	case OptionKindCede, OptionKindReferendum, OptionKindArbitration:
		return aspectSovereignty
	case OptionKindWithdraw, OptionKindInternationalAdministration, OptionKindFreeze:
		return aspectControl
	}
	return k.String() // recognition, DMZ and special status: one of each kind per area
}

// Lapse says what happens to a referendum or arbitration still pending when
// its deadline passes (see [Option.Expire]). The zero value, LapseUnspecified,
// is treated as LapseStatusQuo.
type Lapse uint8

// The lapse rules.
const (
	LapseUnspecified   Lapse = iota // not stated: as LapseStatusQuo
	LapseStatusQuo                  // sovereignty stays as it stood; the question is closed
	LapseFollowControl              // sovereignty becomes control as it then stands: the line becomes the boundary
)

var lapseNames = []string{"", "status-quo", "follow-control"}

// String returns the rule's name, such as "follow-control"; "" for
// LapseUnspecified.
func (l Lapse) String() string { return enumName(lapseNames, "Lapse", l) }

// Valid reports whether l is one of the declared rules, LapseUnspecified
// included.
func (l Lapse) Valid() bool { return enumValid(lapseNames, l, true) }

// MarshalText implements [encoding.TextMarshaler].
func (l Lapse) MarshalText() ([]byte, error) { return marshalEnum(l.Valid(), l.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (l *Lapse) UnmarshalText(b []byte) error {
	return enumUnmarshal(lapseNames, "lapse rule", true, b, l)
}

// Result maps one outcome of a referendum or arbitration award to what it
// decides. A referendum-held or arbitration-award event whose Outcome equals
// Outcome exactly (case and spaces included) selects it. The zero value is
// not valid (it has no outcome).
type Result struct {
	// Outcome is the text of the event's Outcome that selects this result,
	// such as "yes" or "RU".
	Outcome string
	// Sovereign, when set, then holds all sovereignty over each of the
	// option's areas; empty leaves sovereignty as it stands (the status quo
	// wins).
	Sovereign PartyID
}

// Option is one territorial option: what it is (Kind), where (Areas), and
// the fields its kind uses; every other field must be empty. Option is plain
// data: build it with a struct literal and check it with [Package.Validate]
// or [Agreement.Validate]. The zero value is not valid. Compare with
// [Option.Equal].
//
// Fields by kind (req: required; opt: optional; -: must be empty):
//
//	kind                          From To  Party Parties Width Deadline Results Lapse
//	cede                          req  req -     -       -     -        -       -
//	recognise-control             -    -   req   -       -     -        -       -
//	freeze                        -    -   -     opt     -     -        -       -
//	withdraw                      req  req -     -       -     req      -       -
//	demilitarised-zone            -    -   -     req     req   req      -       -
//	international-administration  -    -   req   -       -     opt      -       -
//	special-status                -    -   opt   -       -     -        -       -
//	referendum                    -    -   req   -       -     opt      req     opt
//	arbitration                   -    -   req   -       -     req      req     opt
//
// What each kind does to the territory and which clauses it implies is
// documented at [Package.Apply].
type Option struct {
	ID   OptionID
	Kind OptionKind
	// Text is the option's wording, verbatim from its source; optional.
	Text string
	// Areas are the areas it applies to: at least one, each once.
	Areas []AreaID
	// From is, for cede, the party whose sovereignty moves; for withdraw,
	// the party that withdraws and whose control moves.
	From PartyID
	// To is, for cede, the new sovereign; for withdraw, the party control
	// moves to.
	To PartyID
	// Party is, for recognise-control, the party whose control is
	// recognised; for international administration, the administrator; for
	// special status, the authority that holds it (optional); for a
	// referendum, the party that organises it; for arbitration, the arbiter.
	Party PartyID
	// Parties are, for a demilitarised zone, the parties that must withdraw
	// their forces from the zone and keep them out; for freeze, the parties
	// bound to hold the line (none: the freeze binds nobody in particular
	// and implies no clause).
	Parties []PartyID
	// Width is, for a demilitarised zone, its width in km on each side of
	// the line: positive. nil for every other kind.
	Width *decimal.Decimal
	// Deadline is, for withdraw and a demilitarised zone, when the
	// withdrawal must be complete; for international administration, when
	// the handover must be (optional); for a referendum, when it must be
	// held (optional); for arbitration, when the award must be made. A
	// duration counts from the instant the implied clause takes effect,
	// which for an agreement's options is when the agreement enters into
	// force.
	Deadline Deadline
	// Results say, for a referendum or arbitration, what each outcome
	// decides; outcomes are distinct.
	Results []Result
	// Lapse says, for a referendum or arbitration, what happens when its
	// deadline passes unresolved.
	Lapse Lapse
}

// Equal reports whether o and p are equal field by field; widths are
// compared by value, deadlines with [Deadline.Equal], nil and empty lists
// alike.
func (o Option) Equal(p Option) bool {
	widths := o.Width == nil && p.Width == nil || o.Width != nil && p.Width != nil && o.Width.Equal(*p.Width)
	return o.ID == p.ID && o.Kind == p.Kind && o.Text == p.Text && slices.Equal(o.Areas, p.Areas) &&
		o.From == p.From && o.To == p.To && o.Party == p.Party && slices.Equal(o.Parties, p.Parties) &&
		widths && o.Deadline.Equal(p.Deadline) && slices.Equal(o.Results, p.Results) && o.Lapse == p.Lapse
}

// Package is a choice of territorial options, applied together to a
// territory by [Package.Apply]. An agreement's own options (its
// territorial settlement) are the package [Agreement.Settle] applies. The
// zero value is the empty package, which changes nothing. A Package is plain
// data; functions of this package never modify one.
type Package struct {
	// Name names the package for people, such as "freeze with a DMZ".
	Name    string
	Options []Option
}

// Validate checks p against territory t: option ids well formed and
// unique; kinds known; the fields each kind requires present and the others
// empty (see [Option]); every area one of t's ([ErrUnknownArea]), listed
// once, and not already holding an arrangement of the same option id
// ([ErrConflict]); deadlines, widths and results well formed; and no two
// options deciding the same thing for one area ([ErrConflict], reported at
// the later option and naming both). Two options conflict on an area when
// both decide its sovereignty (cede, referendum, arbitration), both decide
// its control (withdraw, international administration, freeze), or both are
// of the same other kind (two recognitions, two demilitarised zones, two
// special statuses). Any other combination is compatible: a cede with a
// withdrawal and a demilitarised zone, a freeze with a recognition.
//
// Conflicts are checked among the package's own options, not against the
// arrangements t already records (a package applied on top of another may
// add a second freeze or pending question to an area: check t's
// arrangements first when layering packages). Party ids, and the
// references of a deadline's anchor condition (Deadline.From: parties,
// clauses, fluents, groups, item classes), are checked for syntax only;
// [Agreement.Validate] checks that the agreement declares them. Paths
// start with "options[i]". An area t does not declare is reported as
// `unknown area "donbass"`, followed, when [Suggest] finds it misspells one
// of t's areas, by ` (did you mean "donbas"?)`; an unknown option kind or
// lapse rule with every value allowed in its JSON spelling (`unknown lapse
// rule "Lapse(7)"; allowed: "status-quo", "follow-control"`). It returns
// nil or a *ValidationError listing every problem, and does not check t
// itself (see [Territory.Validate]).
func (p Package) Validate(t Territory) error {
	var ps ValidationError
	v := &validator{ps: &ps, anyParty: true}
	v.options("options", p.Options, &t)
	return ps.Err()
}

// ImpliedVerb is the middle part of the id of a clause a territorial
// option implies ([ImpliedClauseID]): what the clause binds its debtors to
// do in one area. The verbs are the constants below; the zero value is no
// verb.
type ImpliedVerb string

// The verbs of implied clauses, and the option kinds that imply them.
const (
	ImpliedVerbHoldLine ImpliedVerb = "hold-line" // freeze: the parties do not take control
	ImpliedVerbWithdraw ImpliedVerb = "withdraw"  // withdraw, demilitarised zone, international administration
	ImpliedVerbNoForces ImpliedVerb = "no-forces" // demilitarised zone: no forces deployed in the zone
	ImpliedVerbHold     ImpliedVerb = "hold"      // referendum: the organiser holds it
	ImpliedVerbAward    ImpliedVerb = "award"     // arbitration: the arbiter makes the award
)

// ImpliedClauseID returns the id of the clause that option id implies for
// area with verb: "<option>.<verb>.<area>", such as "dmz.withdraw.donetsk"
// for ImpliedClauseID("dmz", [ImpliedVerbWithdraw], "donetsk"). It does not
// check its arguments.
func ImpliedClauseID(option OptionID, verb ImpliedVerb, area AreaID) ClauseID {
	return ClauseID(string(option) + "." + string(verb) + "." + string(area))
}

// verbs returns the verbs of the clauses o may imply for each area (an
// international administration implies its clause only where others hold
// control, which depends on the territory: its verb is always listed).
func (o *Option) verbs() []ImpliedVerb {
	switch o.Kind {
	case OptionKindFreeze:
		if len(o.Parties) == 0 {
			return nil
		}
		return []ImpliedVerb{ImpliedVerbHoldLine}
	case OptionKindWithdraw, OptionKindInternationalAdministration:
		return []ImpliedVerb{ImpliedVerbWithdraw}
	case OptionKindDemilitarisedZone:
		return []ImpliedVerb{ImpliedVerbWithdraw, ImpliedVerbNoForces}
	case OptionKindReferendum:
		return []ImpliedVerb{ImpliedVerbHold}
	case OptionKindArbitration:
		return []ImpliedVerb{ImpliedVerbAward}
	}
	return nil
}

// options checks the options opts at path against territory t.
func (v *validator) options(path string, opts []Option, t *Territory) {
	areas := map[AreaID]int{}
	for i := range t.Areas {
		if _, dup := areas[t.Areas[i].ID]; !dup {
			areas[t.Areas[i].ID] = i
		}
	}
	seen := map[OptionID]int{}
	for i := range opts {
		o := &opts[i]
		op := idx(path, i)
		if v.optionID(field(op, "id"), o.ID) {
			if j, dup := seen[o.ID]; dup {
				v.add(field(op, "id"), ErrDuplicateID, "duplicate option id "+quote(string(o.ID))+
					" (also "+idx(path, j)+")")
			} else {
				seen[o.ID] = i
			}
		}
		v.option(op, o, t, areas)
	}
	v.conflicts(path, opts)
}

func (v *validator) optionID(path string, id OptionID) bool {
	switch {
	case id == "":
		v.add(path, ErrMissing, "missing option id")
	case !id.Valid():
		v.add(path, ErrInvalidID, "invalid option id "+quote(string(id))+
			" (1 to 24 letters, digits, '-' or '_', starting with a letter or digit)")
	default:
		return true
	}
	return false
}

func (v *validator) option(path string, o *Option, t *Territory, areas map[AreaID]int) {
	switch {
	case o.Kind == 0:
		v.add(field(path, "kind"), ErrMissing, "missing option kind")
	case !o.Kind.Valid():
		v.add(field(path, "kind"), ErrInvalidValue, unknownName("option kind", o.Kind.String(), optionKindNames, true))
	}
	ap := field(path, "areas")
	if len(o.Areas) == 0 {
		v.add(ap, ErrMissing, "an option applies to at least one area")
	}
	listed := map[AreaID]bool{}
	longest := 0
	for _, verb := range o.verbs() {
		longest = max(longest, len(verb))
	}
	for j, a := range o.Areas {
		p := idx(ap, j)
		switch {
		case a == "":
			v.add(p, ErrMissing, "missing area id")
		case !a.Valid():
			v.add(p, ErrInvalidID, "invalid area id "+quote(string(a)))
		case listed[a]:
			v.add(p, ErrDuplicateID, "area "+quote(string(a))+" listed twice")
		default:
			k, ok := areas[a]
			if !ok {
				v.add(p, ErrUnknownArea, unknownID(v, "area", a, areas))
			} else if o.ID != "" && slices.ContainsFunc(t.Areas[k].Arrangements,
				func(r Arrangement) bool { return r.Option == o.ID }) {
				v.add(p, ErrConflict, "option "+quote(string(o.ID))+" has already been applied to area "+quote(string(a)))
			}
			if longest > 0 && o.ID.Valid() && len(o.ID)+longest+len(a)+2 > maxIDLen {
				v.add(p, ErrInvalidID, "area id "+quote(string(a))+" is too long for the ids of the clauses "+
					"this option implies (\"<option>.<verb>.<area>\", at most 64 characters)")
			}
		}
		listed[a] = true
	}

	uses := map[string]bool{}
	switch o.Kind {
	case OptionKindCede, OptionKindWithdraw:
		uses["from"], uses["to"] = true, true
	case OptionKindRecogniseControl, OptionKindInternationalAdministration, OptionKindReferendum, OptionKindArbitration:
		uses["party"] = true
	case OptionKindSpecialStatus:
		uses["party?"] = true
	case OptionKindFreeze:
		uses["parties?"] = true
	case OptionKindDemilitarisedZone:
		uses["parties"], uses["width"] = true, true
	}
	switch o.Kind {
	case OptionKindWithdraw, OptionKindDemilitarisedZone, OptionKindArbitration:
		uses["deadline"] = true
	case OptionKindInternationalAdministration, OptionKindReferendum:
		uses["deadline?"] = true
	}
	if o.Kind == OptionKindReferendum || o.Kind == OptionKindArbitration {
		uses["results"], uses["lapse?"] = true, true
	}
	valid := o.Kind.Valid()
	unused := func(name string, set bool) {
		if set && valid && !uses[name] && !uses[name+"?"] {
			v.add(field(path, name), ErrInconsistent, "a "+o.Kind.String()+" option has no "+name)
		}
	}
	required := func(name string, set bool, what string) {
		if !set && uses[name] {
			v.add(field(path, name), ErrMissing, "a "+o.Kind.String()+" option needs "+what)
		}
	}

	unused("from", o.From != "")
	required("from", o.From != "", "a party to move from")
	v.partyRef(field(path, "from"), o.From, false)
	unused("to", o.To != "")
	required("to", o.To != "", "a party to move to")
	v.partyRef(field(path, "to"), o.To, false)
	if o.From != "" && o.From == o.To {
		v.add(field(path, "to"), ErrInconsistent, "from and to are the same party "+quote(string(o.To)))
	}
	unused("party", o.Party != "")
	required("party", o.Party != "", "a party")
	v.partyRef(field(path, "party"), o.Party, false)

	pp := field(path, "parties")
	unused("parties", len(o.Parties) > 0)
	required("parties", len(o.Parties) > 0, "the parties bound")
	pseen := map[PartyID]bool{}
	for j, p := range o.Parties {
		v.partyRef(idx(pp, j), p, true)
		if pseen[p] && p != "" {
			v.add(idx(pp, j), ErrDuplicateID, "party "+quote(string(p))+" listed twice")
		}
		pseen[p] = true
	}

	unused("width", o.Width != nil)
	required("width", o.Width != nil, "a width in km on each side of the line")
	if o.Width != nil {
		switch {
		case !checkDecimal(v.ps, field(path, "width"), *o.Width):
		case o.Width.IsNegative():
			v.add(field(path, "width"), ErrNegative, "negative width "+o.Width.String()+" km")
		case o.Width.IsZero():
			v.add(field(path, "width"), ErrInvalidValue, "a demilitarised zone of width 0 km is no zone: "+
				"the width must be positive")
		}
	}

	unused("deadline", !o.Deadline.IsZero())
	required("deadline", !o.Deadline.IsZero(), "a deadline")
	v.deadline(field(path, "deadline"), o.Deadline, "an option's deadline")

	rp := field(path, "results")
	unused("results", len(o.Results) > 0)
	required("results", len(o.Results) > 0, "results saying what each outcome decides")
	outcomes := map[string]bool{}
	for j, r := range o.Results {
		p := idx(rp, j)
		if r.Outcome == "" {
			v.add(field(p, "outcome"), ErrMissing, "missing outcome")
		} else if outcomes[r.Outcome] {
			v.add(field(p, "outcome"), ErrDuplicateID, "outcome "+quote(r.Outcome)+" listed twice")
		}
		outcomes[r.Outcome] = true
		v.partyRef(field(p, "sovereign"), r.Sovereign, false)
	}
	if !o.Lapse.Valid() {
		v.add(field(path, "lapse"), ErrInvalidValue, unknownName("lapse rule", o.Lapse.String(), lapseNames, true))
	} else {
		unused("lapse", o.Lapse != LapseUnspecified)
	}
}

// conflicts reports, at the later option, every pair of options that decide
// the same aspect of an area they share, naming both and the areas.
func (v *validator) conflicts(path string, opts []Option) {
	type claim struct {
		option int
		aspect string
	}
	byArea := map[AreaID][]claim{}
	type pair struct{ i, j int }
	shared := map[pair][]AreaID{}
	var pairs []pair
	for j := range opts {
		o := &opts[j]
		if !o.Kind.Valid() {
			continue
		}
		asp := o.Kind.aspect()
		done := map[AreaID]bool{}
		for _, a := range o.Areas {
			if done[a] || a == "" {
				continue
			}
			done[a] = true
			for _, c := range byArea[a] {
				if c.aspect == asp {
					k := pair{c.option, j}
					if _, ok := shared[k]; !ok {
						pairs = append(pairs, k)
					}
					shared[k] = append(shared[k], a)
				}
			}
			byArea[a] = append(byArea[a], claim{j, asp})
		}
	}
	slices.SortStableFunc(pairs, func(x, y pair) int { return cmp.Or(cmp.Compare(x.j, y.j), cmp.Compare(x.i, y.i)) })
	for _, k := range pairs {
		as := shared[k]
		names := make([]string, len(as))
		for n, a := range as {
			names[n] = quote(string(a))
		}
		where := "area " + names[0]
		if len(names) > 1 {
			where = "areas " + strings.Join(names, ", ")
		}
		oi, oj := &opts[k.i], &opts[k.j]
		why := "both decide " + oj.Kind.aspect()
		if oi.Kind == oj.Kind && oj.Kind.aspect() == oj.Kind.String() {
			why = "one " + oj.Kind.String() + " per area"
		}
		v.add(idx(path, k.j), ErrConflict, "conflicts with "+idx(path, k.i)+" on "+where+" ("+
			oi.Kind.String()+" "+quote(string(oi.ID))+" and "+oj.Kind.String()+" "+quote(string(oj.ID))+": "+why+")")
	}
}

// Settlement is what applying a [Package] to a territory gives: the
// territory the package agrees on, and the ordinary clauses its options
// imply. The zero value is the settlement of nothing.
type Settlement struct {
	// Territory is the territory as the package settles it, as if every
	// implied obligation were performed: sovereignty ceded, control moved by
	// withdrawals and administrations, regimes recorded as arrangements,
	// referendums and arbitrations pending. It shares nothing with the
	// input.
	Territory Territory
	// Clauses are the clauses the options imply, sorted by id. Their ids
	// derive from the option ids ([ImpliedClauseID]), so they stay stable
	// when other options change. Added to an agreement whose options they
	// come from, they validate like any other clause.
	Clauses []Clause
}

// Apply applies p to territory t and returns the settlement: a new
// territory and the clauses the options imply. Neither t nor p is modified.
// It first validates t ([Territory.Validate]) and p against t
// ([Package.Validate]) and returns the zero Settlement and a
// *ValidationError listing every problem when either is invalid.
//
// Options of a valid package never decide the same thing for one area, so
// the result does not depend on their order: new arrangements are appended
// to an area's list in option id order, and clauses are sorted by id. In
// every area the shares still sum to exactly 100 and the sizes are
// unchanged. The empty package returns a copy of t and no clause. Per area
// of each option:
//
//   - cede: From's sovereignty share moves to To (nothing moves if From has
//     none). No clause.
//   - recognise-control: sovereignty and control stay; an arrangement
//     records the recognition of Party's control. No clause.
//   - freeze: control stays as it stands in t (for an agreement, t should
//     be the territory at the instant the agreement enters into force); an
//     arrangement records the freeze. With Parties, the prohibition
//     "<id>.hold-line.<area>" binds each of them severally not to take
//     control: action control-changed in the area.
//   - withdraw: From's control share moves to To. The obligation
//     "<id>.withdraw.<area>" binds From, owed to To, to complete its
//     withdrawal from the area (action withdrawal-completed by From) by the
//     deadline.
//   - demilitarised-zone: sovereignty and control stay; an arrangement
//     records the zone. The obligation "<id>.withdraw.<area>" binds each of
//     Parties severally to withdraw its forces from the zone (action
//     withdrawal-completed in the area) by the deadline, and the prohibition
//     "<id>.no-forces.<area>" not to deploy forces there (action
//     forces-deployed in the area). Events for the zone name the area it
//     crosses; to tell the zone from the rest of the area, make the zone an
//     area of its own.
//   - international-administration: control moves wholly to Party; an
//     arrangement records the administration. When other parties controlled
//     part of the area, the obligation "<id>.withdraw.<area>" binds each of
//     them severally, owed to Party, to withdraw (by the deadline, if any).
//   - special-status: shares stay; an arrangement records the status and
//     its authority. No clause.
//   - referendum: shares stay, pending: an arrangement records the pending
//     referendum (see [Area.Pending]). The obligation "<id>.hold.<area>"
//     binds Party to hold it (action referendum-held by Party in the area),
//     by the deadline if any. The event's Outcome resolves it through
//     [Option.Resolve]; an unresolved one lapses through [Option.Expire].
//   - arbitration: as referendum, with the obligation "<id>.award.<area>"
//     binding the arbiter Party to make the award (action arbitration-award
//     by Party in the area) by the deadline. If the deadline passes first,
//     the obligation is violated and the question lapses ([Option.Expire]):
//     by default sovereignty stays as it stood; with [LapseFollowControl]
//     it becomes control as it then stands. An award after the lapse
//     changes nothing.
//
// Implied clauses have no trigger: for an agreement's options they bind from
// its entry into force. Their Category is [CategoryCe] for the
// hold-line, withdrawal and no-forces clauses ([CategoryImPK] for a
// handover to an administrator), and empty for the others; their Text is
// the option's Text or, without one, a description.
func (p Package) Apply(t Territory) (Settlement, error) {
	var ps ValidationError
	v := &validator{ps: &ps, anyParty: true}
	v.territory("", &t)
	v.options("options", p.Options, &t)
	if err := ps.Err(); err != nil {
		return Settlement{}, err
	}
	return p.apply(t), nil
}

// apply applies p, already validated against t.
func (p Package) apply(t Territory) Settlement {
	out := t.Clone()
	byID := t.indexByID()
	added := map[int][]Arrangement{}
	most := 0 // clauses implied at most, so that appending never copies them
	for oi := range p.Options {
		most += len(p.Options[oi].Areas) * len(p.Options[oi].verbs())
	}
	var clauses []Clause
	if most > 0 {
		clauses = make([]Clause, 0, most)
	}
	for oi := range p.Options {
		o := &p.Options[oi]
		for _, id := range o.Areas {
			i, ok := byID[id]
			if !ok {
				continue // not expected after validation
			}
			a := &out.Areas[i]
			before := t.Areas[i]
			clauses = append(clauses, o.implied(before)...)
			switch o.Kind {
			case OptionKindCede:
				a.Sovereignty = moveShare(a.Sovereignty, o.From, o.To, nil)
			case OptionKindWithdraw:
				a.Control = moveShare(a.Control, o.From, o.To, nil)
			case OptionKindInternationalAdministration:
				a.Control = []Share{{Party: o.Party, Percent: hundred()}}
			}
			if o.Kind != OptionKindCede && o.Kind != OptionKindWithdraw {
				added[i] = append(added[i], Arrangement{Kind: o.Kind, Option: o.ID, Party: o.Party})
			}
		}
	}
	for i, rs := range added {
		slices.SortFunc(rs, func(x, y Arrangement) int { return cmp.Compare(x.Option, y.Option) })
		out.Areas[i].Arrangements = append(out.Areas[i].Arrangements, rs...)
	}
	if len(clauses) == 0 {
		clauses = nil
	}
	slices.SortFunc(clauses, func(x, y Clause) int { return cmp.Compare(x.ID, y.ID) })
	return Settlement{Territory: out, Clauses: clauses}
}

// implied returns the clauses o implies for area a (as it stood before the
// package).
func (o *Option) implied(a Area) []Clause {
	text := func(desc string) string {
		if o.Text != "" {
			return o.Text
		}
		return desc + " (option " + quote(string(o.ID)) + ", " + o.Kind.String() + ")"
	}
	where := quote(string(a.ID))
	clause := func(verb ImpliedVerb, kind Deontic, debtors []PartyID, desc string, action Pattern) Clause {
		c := Clause{
			ID:      ImpliedClauseID(o.ID, verb, a.ID),
			Text:    text(desc),
			Kind:    kind,
			Debtors: debtors,
			Action:  &action,
		}
		if kind == DeonticObligation {
			c.Deadline = o.Deadline
		}
		return c
	}
	switch o.Kind {
	case OptionKindFreeze:
		if len(o.Parties) == 0 {
			return nil
		}
		c := clause(ImpliedVerbHoldLine, DeonticProhibition, slices.Clone(o.Parties), "no party takes control in "+where,
			Pattern{Kind: EventKindControlChanged, Area: a.ID})
		c.Category = CategoryCe
		return []Clause{c}
	case OptionKindWithdraw:
		c := clause(ImpliedVerbWithdraw, DeonticObligation, []PartyID{o.From}, quote(string(o.From))+" withdraws from "+where,
			Pattern{Kind: EventKindWithdrawalCompleted, Actor: o.From, Area: a.ID})
		c.Creditors = []PartyID{o.To}
		c.Category = CategoryCe
		return []Clause{c}
	case OptionKindDemilitarisedZone:
		w := clause(ImpliedVerbWithdraw, DeonticObligation, slices.Clone(o.Parties), "forces withdraw from the "+
			o.Width.String()+" km zone on each side of the line in "+where,
			Pattern{Kind: EventKindWithdrawalCompleted, Area: a.ID})
		n := clause(ImpliedVerbNoForces, DeonticProhibition, slices.Clone(o.Parties), "no forces in the "+
			o.Width.String()+" km zone on each side of the line in "+where,
			Pattern{Kind: EventKindForcesDeployed, Area: a.ID})
		w.Category, n.Category = CategoryCe, CategoryCe
		return []Clause{w, n}
	case OptionKindInternationalAdministration:
		var others []PartyID
		for _, s := range a.Control {
			if s.Party != o.Party {
				others = append(others, s.Party)
			}
		}
		if len(others) == 0 {
			return nil
		}
		c := clause(ImpliedVerbWithdraw, DeonticObligation, others, "control of "+where+" is handed over to "+
			quote(string(o.Party)), Pattern{Kind: EventKindWithdrawalCompleted, Area: a.ID})
		c.Creditors = []PartyID{o.Party}
		c.Category = CategoryImPK
		return []Clause{c}
	case OptionKindReferendum:
		return []Clause{clause(ImpliedVerbHold, DeonticObligation, []PartyID{o.Party}, "a referendum is held in "+where,
			Pattern{Kind: EventKindReferendumHeld, Actor: o.Party, Area: a.ID})}
	case OptionKindArbitration:
		return []Clause{clause(ImpliedVerbAward, DeonticObligation, []PartyID{o.Party}, "an arbitration award is made for "+where,
			Pattern{Kind: EventKindArbitrationAward, Actor: o.Party, Area: a.ID})}
	}
	return nil
}

// Resolve returns t with the referendum or arbitration o resolved in area
// by outcome, the Outcome of the referendum-held or arbitration-award event
// for that area: the [Result] whose Outcome equals it exactly decides, its
// Sovereign (if any) taking all sovereignty over the area, and the pending
// arrangement is removed. Control is unchanged: it moves through its own
// events. t is not modified.
//
// It returns an error wrapping [ErrInvalidValue] when o is not a
// referendum or arbitration, or when no result has this outcome (the
// question then stays pending: an unrecognised result decides nothing);
// [ErrUnknownArea] when o does not apply to area or t has no such area; and
// [ErrInconsistent] when the area is not pending on o (never applied, or
// already resolved or lapsed), so that a late or repeated event changes
// nothing.
func (o Option) Resolve(t Territory, area AreaID, outcome string) (Territory, error) {
	i, err := o.pendingIn(t, area)
	if err != nil {
		return Territory{}, err
	}
	k := slices.IndexFunc(o.Results, func(r Result) bool { return r.Outcome == outcome })
	if k < 0 {
		return Territory{}, &Problem{Err: ErrInvalidValue, Msg: "outcome " + quote(outcome) +
			" matches no result of option " + quote(string(o.ID))}
	}
	out := t.Clone()
	a := &out.Areas[i]
	a.Arrangements = o.withoutPending(a.Arrangements)
	if s := o.Results[k].Sovereign; s != "" {
		a.Sovereignty = []Share{{Party: s, Percent: hundred()}}
	}
	return out, nil
}

// Expire returns t with the referendum or arbitration o lapsed in area, as
// when its deadline passes with no event resolving it: the pending
// arrangement is removed and, by o.Lapse, sovereignty stays as it stood
// (LapseStatusQuo, or LapseUnspecified) or becomes a copy of the area's
// control shares (LapseFollowControl). t is not modified. Errors are those
// of [Option.Resolve], outcomes aside.
func (o Option) Expire(t Territory, area AreaID) (Territory, error) {
	i, err := o.pendingIn(t, area)
	if err != nil {
		return Territory{}, err
	}
	out := t.Clone()
	a := &out.Areas[i]
	a.Arrangements = o.withoutPending(a.Arrangements)
	if o.Lapse == LapseFollowControl {
		a.Sovereignty = slices.Clone(a.Control)
	}
	return out, nil
}

// pendingIn returns the index in t of area, checking that o is pending
// there.
func (o Option) pendingIn(t Territory, area AreaID) (int, error) {
	fail := func(err error, msg string) (int, error) { return -1, &Problem{Err: err, Msg: msg} }
	if !o.Kind.pending() {
		return fail(ErrInvalidValue, "option "+quote(string(o.ID))+" is a "+o.Kind.String()+
			", not a referendum or arbitration")
	}
	if !slices.Contains(o.Areas, area) {
		return fail(ErrUnknownArea, "option "+quote(string(o.ID))+" does not apply to area "+quote(string(area)))
	}
	i := t.index(area)
	if i < 0 {
		return fail(ErrUnknownArea, "unknown area "+quote(string(area)))
	}
	if !slices.ContainsFunc(t.Areas[i].Arrangements, o.isPending) {
		return fail(ErrInconsistent, "area "+quote(string(area))+" is not pending on option "+quote(string(o.ID)))
	}
	return i, nil
}

func (o Option) isPending(r Arrangement) bool { return r.Kind == o.Kind && r.Option == o.ID }

func (o Option) withoutPending(rs []Arrangement) []Arrangement {
	out := slices.DeleteFunc(slices.Clone(rs), o.isPending)
	if len(out) == 0 {
		return nil
	}
	return out
}
