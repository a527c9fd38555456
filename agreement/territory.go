package agreement

import (
	"slices"

	"github.com/shopspring/decimal"
)

// PercentPlaces is the number of decimal places to which every derived
// percentage ([Figure.Percent]) is rounded, half away from zero, with
// [decimal.Decimal.DivRound]. Areas in km² are sums of products of exact
// decimals and are never rounded; only the final division by a total is.
const PercentPlaces = 2

// hundred returns 100, the sum every list of shares must reach: one value
// for every call, as a Decimal is never modified.
func hundred() decimal.Decimal { return hundredPercent }

var hundredPercent = decimal.NewFromInt(100)

// Share is one party's share, in percent, of an area's sovereignty or
// control: Share{Party: "RU", Percent: 78.1} for 78.1 percent. The shares of
// one list sum to exactly 100. The zero value is not a valid share (it has
// no party). Compare with [Share.Equal], never with ==.
type Share struct {
	Party   PartyID
	Percent decimal.Decimal
}

// Equal reports whether s and o name the same party with equal percentages;
// 50 and 50.0 are equal.
func (s Share) Equal(o Share) bool { return s.Party == o.Party && s.Percent.Equal(o.Percent) }

// Arrangement records a special regime that a territorial option set up in
// an area: a line frozen, control recognised de facto, a demilitarised zone,
// an international administration, a special status, or a referendum or
// arbitration still pending (see [Area.Pending]). Cede and withdraw change
// the shares themselves and leave no arrangement. Arrangement is comparable;
// the zero value is not valid (it has no kind).
type Arrangement struct {
	// Kind is the kind of option that set it up.
	Kind OptionKind
	// Option is the id of that option, which may belong to another
	// agreement than the one holding the territory.
	Option OptionID
	// Party is the party the regime names, empty when it names none: the
	// party whose control is recognised, the administrator, the authority
	// given a special status, the organiser of a referendum, the arbiter.
	Party PartyID
}

// Area is a part of a territory: an id, a name, a size in km², who holds
// sovereignty and who has control, each as shares summing to exactly 100,
// and the regimes in force in it. Sovereignty and control differ under
// occupation and de facto recognition. An area is atomic: a figure never
// assumes where, inside one area, a party's share lies; split an area into
// several to say so. The zero value is not a valid area.
//
// Compare areas with [Area.Equal], never with ==. Functions of this package
// never modify an Area they are given.
type Area struct {
	ID   AreaID
	Name string
	// Size is the area in km²; it is positive.
	Size decimal.Decimal
	// Sovereignty is who holds sovereignty de jure, in percent; a party
	// appears at most once, every share is positive, and they sum to 100.
	Sovereignty []Share
	// Control is who controls the area de facto, as Sovereignty.
	Control []Share
	// Arrangements are the regimes territorial options set up in the area,
	// at most one per option.
	Arrangements []Arrangement
}

// Equal reports whether a and o have the same id, name, equal sizes, equal
// shares in the same order and the same arrangements in the same order; nil
// and empty lists are equal.
func (a Area) Equal(o Area) bool {
	return a.ID == o.ID && a.Name == o.Name && a.Size.Equal(o.Size) &&
		slices.EqualFunc(a.Sovereignty, o.Sovereignty, Share.Equal) &&
		slices.EqualFunc(a.Control, o.Control, Share.Equal) &&
		slices.Equal(a.Arrangements, o.Arrangements)
}

// SovereigntyOf returns the percentage of a's sovereignty that party p
// holds; zero when p holds none.
func (a Area) SovereigntyOf(p PartyID) decimal.Decimal { return shareOf(a.Sovereignty, p) }

// ControlOf returns the percentage of a that party p controls; zero when p
// controls none.
func (a Area) ControlOf(p PartyID) decimal.Decimal { return shareOf(a.Control, p) }

// Pending returns the arrangements of a that await resolution: referendums
// not yet held and arbitrations not yet awarded (see [Option.Resolve] and
// [Option.Expire]), in order, as a new slice; nil when there are none.
func (a Area) Pending() []Arrangement {
	var out []Arrangement
	for _, r := range a.Arrangements {
		if r.Kind.pending() {
			out = append(out, r)
		}
	}
	return out
}

func shareOf(ss []Share, p PartyID) decimal.Decimal {
	var sum *decimal.Decimal // no arithmetic for a single share
	for _, s := range ss {
		if s.Party == p {
			if sum == nil {
				sum = &s.Percent
			} else {
				x := sum.Add(s.Percent)
				sum = &x
			}
		}
	}
	if sum == nil {
		return decimal.Zero
	}
	return *sum
}

// clone returns a copy of a that shares no slice with it.
// Territory is the land an agreement concerns: its areas, each with its
// size, sovereignty, control and regimes. The zero value, with no areas,
// stands for no territory: an agreement with none checks the area filters of
// its event patterns for syntax only.
//
// Figures over several areas ([Territory.Controlled], [Territory.Sovereign],
// [Territory.ControlledWithin], [Territory.ControlBreakdown]) weight each
// area by its size: exact km², and a percentage of the total rounded to
// [PercentPlaces]. They refuse (with an error wrapping [ErrInvalidValue];
// ControlledWithin leaves the area out) an area whose size or a share is
// longer than 1000 characters in plain notation, which validation reports,
// rather than compute with it for seconds. Territory values are treated as
// immutable: every method
// and function of this package returns a new value and leaves its receiver
// and arguments alone, so a Territory is safe for concurrent reads.
type Territory struct {
	Areas []Area
}

// IsZero reports whether t has no areas.
func (t Territory) IsZero() bool { return len(t.Areas) == 0 }

// Equal reports whether t and o have equal areas (by [Area.Equal]) in the
// same order.
func (t Territory) Equal(o Territory) bool { return slices.EqualFunc(t.Areas, o.Areas, Area.Equal) }

// Clone returns a copy of t that shares no slice with it.
func (t Territory) Clone() Territory {
	if t.Areas == nil {
		return Territory{}
	}
	out := Territory{Areas: make([]Area, len(t.Areas))}
	for i, a := range t.Areas {
		out.Areas[i] = a.Clone()
	}
	return out
}

// Area returns the first area of t with the given id. The result shares its
// slices with t; treat it as read-only.
func (t Territory) Area(id AreaID) (Area, bool) {
	i := t.index(id)
	if i < 0 {
		return Area{}, false
	}
	return t.Areas[i], true
}

// index returns the index of the first area of t with the given id, or -1.
func (t Territory) index(id AreaID) int {
	return slices.IndexFunc(t.Areas, func(a Area) bool { return a.ID == id })
}

// indexByID returns a map from every area id of t to the index of the first
// area with that id, as [Territory.index] finds it, for looking up many
// areas in one pass over t.
func (t Territory) indexByID() map[AreaID]int {
	m := make(map[AreaID]int, len(t.Areas))
	for i := range t.Areas {
		if _, dup := m[t.Areas[i].ID]; !dup {
			m[t.Areas[i].ID] = i
		}
	}
	return m
}

// arrangementKindNames are the names of the option kinds an [Arrangement]
// may have, at their places in optionKindNames: cede and withdraw, which
// set up no arrangement, are blanked.
var arrangementKindNames = func() []string {
	names := slices.Clone(optionKindNames)
	names[OptionKindCede], names[OptionKindWithdraw] = "", ""
	return names
}()

// scanLimit is the most areas times ids for which looking ids up by
// scanning the areas costs less than building [Territory.indexByID].
const scanLimit = 256

// Validate checks t on its own: every area has a well-formed, unique id and
// a positive size; its sovereignty and control shares each name
// well-formed, distinct parties with positive percentages summing to
// exactly 100 ([ErrShares] otherwise); its arrangements have a known kind
// (an unknown one is reported with every kind an arrangement may have:
// `unknown option kind "OptionKind(42)"; allowed: "recognise-control",
// ...`), a well-formed option id, at most one per option. Whether the
// parties exist is checked by [Agreement.Validate], which also validates
// the agreement's territory (with paths starting "territory."). Paths here
// start with "areas[i]". It returns nil or a *ValidationError listing every
// problem.
func (t Territory) Validate() error {
	var ps ValidationError
	v := &validator{ps: &ps, anyParty: true}
	v.territory("", &t)
	return ps.Err()
}

// territory checks t at path ("" or "territory").
func (v *validator) territory(path string, t *Territory) {
	seen := map[AreaID]int{}
	for i := range t.Areas {
		a := &t.Areas[i]
		ap := idx(field(path, "areas"), i)
		if v.id(field(ap, "id"), "area", string(a.ID), a.ID.Valid()) {
			if j, dup := seen[a.ID]; dup {
				v.add(field(ap, "id"), ErrDuplicateID, "duplicate area id "+quote(string(a.ID))+
					" (also "+idx(field(path, "areas"), j)+")")
			} else {
				seen[a.ID] = i
			}
		}
		switch {
		case !checkDecimal(v.ps, field(ap, "size"), a.Size):
		case a.Size.IsNegative():
			v.add(field(ap, "size"), ErrNegative, "negative size "+a.Size.String()+" km²")
		case a.Size.IsZero():
			v.add(field(ap, "size"), ErrInvalidValue, "size must be positive, not 0 km²")
		}
		v.shares(field(ap, "sovereignty"), "sovereignty", a.Sovereignty)
		v.shares(field(ap, "control"), "control", a.Control)
		options := map[OptionID]bool{}
		for j, r := range a.Arrangements {
			rp := idx(field(ap, "arrangements"), j)
			switch {
			case r.Kind == 0:
				v.add(field(rp, "kind"), ErrMissing, "missing option kind")
			case !r.Kind.Valid():
				v.add(field(rp, "kind"), ErrInvalidValue, unknownName("option kind", r.Kind.String(), arrangementKindNames, true))
			case r.Kind == OptionKindCede || r.Kind == OptionKindWithdraw:
				v.add(field(rp, "kind"), ErrInvalidValue, "a "+r.Kind.String()+
					" option changes shares and sets up no arrangement")
			}
			if v.id(field(rp, "option"), "option", string(r.Option), r.Option.Valid()) {
				if options[r.Option] {
					v.add(field(rp, "option"), ErrDuplicateID, "option "+quote(string(r.Option))+
						" has two arrangements in this area")
				}
				options[r.Option] = true
			}
			v.partyRef(field(rp, "party"), r.Party, false)
		}
	}
}

// shares checks one list of shares at path: what ("sovereignty" or
// "control") names it in messages.
func (v *validator) shares(path, what string, ss []Share) {
	if len(ss) == 0 {
		v.add(path, ErrMissing, "missing "+what+" shares (they must sum to 100)")
		return
	}
	sum := decimal.Zero
	bounded := true
	seen := map[PartyID]bool{}
	for j, s := range ss {
		sp := idx(path, j)
		v.partyRef(field(sp, "party"), s.Party, true)
		if seen[s.Party] && s.Party != "" {
			v.add(field(sp, "party"), ErrDuplicateID, "party "+quote(string(s.Party))+" has two "+what+" shares")
		}
		seen[s.Party] = true
		switch {
		case !checkDecimal(v.ps, field(sp, "percent"), s.Percent):
			bounded = false
			continue
		case s.Percent.IsNegative():
			v.add(field(sp, "percent"), ErrNegative, "negative share "+s.Percent.String()+"%")
		case s.Percent.IsZero():
			v.add(field(sp, "percent"), ErrInvalidValue, "zero share: omit the party")
		}
		sum = sum.Add(s.Percent)
	}
	if bounded && !sum.Equal(hundred()) {
		v.add(path, ErrShares, what+" shares sum to "+sum.String()+", not 100")
	}
}

// partyRef checks a reference to a party: its syntax only when the
// validator checks a value on its own (anyParty), otherwise that the
// agreement declares it.
func (v *validator) partyRef(path string, id PartyID, required bool) {
	if !v.anyParty {
		v.party(path, id, required)
		return
	}
	switch {
	case id == "":
		if required {
			v.add(path, ErrMissing, "missing party")
		}
	case !id.Valid():
		v.add(path, ErrInvalidID, "invalid party id "+quote(string(id)))
	}
}

// Figure is an area-weighted figure over some areas of a territory: how
// many km² a party holds (sovereignty or control, depending on the method
// that made it), out of what total, and what percentage of the total that
// is. The zero value is a figure of nothing. Compare with [Figure.Equal].
type Figure struct {
	// Party is whose holding it is.
	Party PartyID
	// Km2 is the area held, in km², exact: the sum over the areas of each
	// area's size times the party's share, divided by 100.
	Km2 decimal.Decimal
	// Total is the area measured against, in km², exact.
	Total decimal.Decimal
	// Percent is 100 × Km2 / Total, rounded to PercentPlaces decimal places
	// (half away from zero); zero when Total is zero.
	Percent decimal.Decimal
}

// Equal reports whether f and o are for the same party with equal amounts.
func (f Figure) Equal(o Figure) bool {
	return f.Party == o.Party && f.Km2.Equal(o.Km2) && f.Total.Equal(o.Total) && f.Percent.Equal(o.Percent)
}

// String returns the figure as "RU: 116165.153222 of 603628 km² (19.24%)".
func (f Figure) String() string {
	return string(f.Party) + ": " + f.Km2.String() + " of " + f.Total.String() + " km² (" +
		f.Percent.StringFixed(PercentPlaces) + "%)"
}

func newFigure(p PartyID, km2, total decimal.Decimal) Figure {
	f := Figure{Party: p, Km2: km2, Total: total, Percent: decimal.Zero}
	if !total.IsZero() {
		f.Percent = km2.Mul(hundred()).DivRound(total, PercentPlaces)
	}
	return f
}

// selectAreas returns the areas named by ids, each once, in the order of
// ids; every area of t when ids is empty. An unknown id is an error wrapping
// ErrUnknownArea.
//
// It also refuses, with an error wrapping [ErrInvalidValue], an area whose
// size or a share of which is out of the bounds [Territory.Validate]
// checks, so that the figures never compute with it.
func (t Territory) selectAreas(ids []AreaID) ([]*Area, error) {
	if len(ids) == 0 {
		out := make([]*Area, len(t.Areas))
		for i := range t.Areas {
			out[i] = &t.Areas[i]
		}
		return out, boundedAreas(out)
	}
	var out []*Area
	seen := map[AreaID]bool{}
	index := t.index
	if len(ids)*len(t.Areas) > scanLimit {
		byID := t.indexByID()
		index = func(id AreaID) int {
			if i, ok := byID[id]; ok {
				return i
			}
			return -1
		}
	}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		i := index(id)
		if i < 0 {
			return nil, &Problem{Err: ErrUnknownArea, Msg: "unknown area " + quote(string(id))}
		}
		out = append(out, &t.Areas[i])
	}
	return out, boundedAreas(out)
}

// boundedAreas returns nil when every decimal of the areas is within the
// bounds validation checks, and an error naming the first area otherwise.
func boundedAreas(areas []*Area) error {
	for _, a := range areas {
		if !a.bounded() {
			return &Problem{Err: ErrInvalidValue, Msg: "area " + quote(string(a.ID)) +
				" has a size or share longer than " + itoa(maxDecimalLen) + " characters in plain notation"}
		}
	}
	return nil
}

// bounded reports whether a's size and shares are within the bounds
// validation checks.
func (a *Area) bounded() bool {
	if !decimalInBounds(a.Size) {
		return false
	}
	for _, ss := range [][]Share{a.Sovereignty, a.Control} {
		for _, s := range ss {
			if !decimalInBounds(s.Percent) {
				return false
			}
		}
	}
	return true
}

// Size returns the total size, in km², of the areas named (each counted
// once), or of every area when none is named. An unknown id is an error
// wrapping [ErrUnknownArea].
func (t Territory) Size(areas ...AreaID) (decimal.Decimal, error) {
	sel, err := t.selectAreas(areas)
	if err != nil {
		return decimal.Zero, err
	}
	total := decimal.Zero
	for _, a := range sel {
		total = total.Add(a.Size)
	}
	return total, nil
}

// Controlled returns how much of the areas named (each counted once; every
// area when none is named) party p controls: the sum of each area's size
// times p's control share, and its percentage of their total size, rounded
// to [PercentPlaces]. An unknown id is an error wrapping [ErrUnknownArea].
func (t Territory) Controlled(p PartyID, areas ...AreaID) (Figure, error) {
	return t.holding(p, areas, func(a *Area) []Share { return a.Control })
}

// Sovereign returns how much of the areas named (every area when none is
// named) party p holds sovereignty over, as [Territory.Controlled] does for
// control.
func (t Territory) Sovereign(p PartyID, areas ...AreaID) (Figure, error) {
	return t.holding(p, areas, func(a *Area) []Share { return a.Sovereignty })
}

func (t Territory) holding(p PartyID, areas []AreaID, shares func(*Area) []Share) (Figure, error) {
	sel, err := t.selectAreas(areas)
	if err != nil {
		return Figure{}, err
	}
	km2, total := decimal.Zero, decimal.Zero
	for _, a := range sel {
		total = total.Add(a.Size)
		km2 = km2.Add(a.Size.Mul(shareOf(shares(a), p)).Shift(-2))
	}
	return newFigure(p, km2, total), nil
}

// ControlBreakdown returns, for every party that controls part of the areas
// named (every area when none is named), the figure [Territory.Controlled]
// returns for it, in the order the parties first appear in the areas'
// control shares. The percentages are each rounded, so they may not sum to
// exactly 100; the km² do sum to the total. An unknown id is an error
// wrapping [ErrUnknownArea].
func (t Territory) ControlBreakdown(areas ...AreaID) ([]Figure, error) {
	return t.breakdown(areas, func(a *Area) []Share { return a.Control })
}

// SovereigntyBreakdown is [Territory.ControlBreakdown] for sovereignty: for
// every party holding sovereignty over part of the areas named (every area
// when none is named), the figure [Territory.Sovereign] returns for it, in
// the order the parties first appear in the areas' sovereignty shares. The
// zero Territory gives no figure and no error; an unknown id is an error
// wrapping [ErrUnknownArea]. It is safe for concurrent use and never
// panics.
func (t Territory) SovereigntyBreakdown(areas ...AreaID) ([]Figure, error) {
	return t.breakdown(areas, func(a *Area) []Share { return a.Sovereignty })
}

func (t Territory) breakdown(areas []AreaID, shares func(*Area) []Share) ([]Figure, error) {
	sel, err := t.selectAreas(areas)
	if err != nil {
		return nil, err
	}
	var order []PartyID
	km2 := map[PartyID]decimal.Decimal{}
	total := decimal.Zero
	for _, a := range sel {
		total = total.Add(a.Size)
		for _, s := range shares(a) {
			if _, ok := km2[s.Party]; !ok {
				order = append(order, s.Party)
				km2[s.Party] = decimal.Zero
			}
			km2[s.Party] = km2[s.Party].Add(a.Size.Mul(s.Percent).Shift(-2))
		}
	}
	out := make([]Figure, 0, len(order))
	for _, p := range order {
		out = append(out, newFigure(p, km2[p], total))
	}
	return out, nil
}

// ControlledWithin returns how much of the territory under sovereign's
// sovereignty controller controls: "the share of Ukraine that Russia
// controls", measured against the land Ukraine holds sovereignty over. Its
// Total is the sum of each area's size times sovereign's sovereignty share;
// its Km2 the sum of each area's size times both shares. Within an area
// holding several sovereigns, control is taken to be spread over them in
// proportion to their shares (an area is atomic); for an area with a single
// sovereign the figure is exact.
//
// An area with a size or share out of the bounds [Territory.Validate]
// checks (longer than 1000 characters in plain notation) is left out.
func (t Territory) ControlledWithin(controller, sovereign PartyID) Figure {
	km2, total := decimal.Zero, decimal.Zero
	for i := range t.Areas {
		a := &t.Areas[i]
		if !a.bounded() {
			continue
		}
		sov := a.Size.Mul(shareOf(a.Sovereignty, sovereign)).Shift(-2)
		total = total.Add(sov)
		km2 = km2.Add(sov.Mul(shareOf(a.Control, controller)).Shift(-2))
	}
	return newFigure(controller, km2, total)
}

// MoveControl returns t with control of area moved from one party to
// another, as a control-changed event reports it: percent percentage points
// of from's control move to to, or all of from's control when percent is
// nil. With from empty and percent nil, to takes control of the whole area.
// The shares still sum to exactly 100; a party left with nothing is
// removed, and to is added at the end when it had no share. t is not
// modified.
//
// It returns an error wrapping [ErrUnknownArea] for an area t does not
// have, [ErrMissing] or [ErrInvalidID] for a missing or malformed to,
// [ErrInconsistent] when from equals to or controls none of the area,
// [ErrMissing] for a percent without
// from, [ErrNegative] or [ErrInvalidValue] for a percent that is not
// positive or exceeds from's share, and [ErrInvalidValue] for a size, share
// or percent longer than 1000 characters in plain notation.
func (t Territory) MoveControl(area AreaID, from, to PartyID, percent *decimal.Decimal) (Territory, error) {
	i := t.index(area)
	if i < 0 {
		return Territory{}, &Problem{Err: ErrUnknownArea, Msg: "unknown area " + quote(string(area))}
	}
	a, err := t.Areas[i].MoveControl(from, to, percent)
	if err != nil {
		return Territory{}, err
	}
	out := t.Clone()
	out.Areas[i].Control = a.Control
	return out, nil
}

// MoveControl returns a with control moved from one party to another, as
// [Territory.MoveControl] moves it in a territory's area, and fails as it
// does for anything but an unknown area. The result has a new Control
// slice and shares a's other slices (Sovereignty, Arrangements); treat
// them as read-only, or [Area.Clone] it. a is not modified. A run of many
// control changes over a large territory uses it to copy only the area
// that changes.
func (a Area) MoveControl(from, to PartyID, percent *decimal.Decimal) (Area, error) {
	fail := func(err error, msg string) (Area, error) { return Area{}, &Problem{Err: err, Msg: msg} }
	switch {
	case to == "":
		return fail(ErrMissing, "missing party to move control to")
	case !to.Valid():
		return fail(ErrInvalidID, "invalid party id "+quote(string(to)))
	case from == to:
		return fail(ErrInconsistent, "control cannot move from "+quote(string(from))+" to itself")
	case !a.bounded() || percent != nil && !decimalInBounds(*percent):
		return fail(ErrInvalidValue, "a size, share or percent longer than "+itoa(maxDecimalLen)+
			" characters in plain notation")
	case percent != nil && from == "":
		return fail(ErrMissing, "a share of control moves from a named party")
	case percent != nil && percent.IsNegative():
		return fail(ErrNegative, "negative share "+percent.String()+"%")
	case percent != nil && percent.IsZero():
		return fail(ErrInvalidValue, "zero share: nothing moves")
	case from != "" && a.ControlOf(from).IsZero():
		return fail(ErrInconsistent, quote(string(from))+" controls none of "+quote(string(a.ID)))
	case percent != nil && percent.GreaterThan(a.ControlOf(from)):
		return fail(ErrInvalidValue, quote(string(from))+" controls "+a.ControlOf(from).String()+
			"% of "+quote(string(a.ID))+", less than "+percent.String()+"%")
	}
	if from == "" {
		a.Control = []Share{{Party: to, Percent: hundred()}}
	} else {
		a.Control = moveShare(a.Control, from, to, percent)
	}
	return a, nil
}

// moveShare returns a new list of shares with amount of from's share (all of
// it, when amount is nil) moved to to: to's existing share grows, or to is
// appended; a share that drops to zero is removed. The sum is unchanged.
func moveShare(ss []Share, from, to PartyID, amount *decimal.Decimal) []Share {
	moved := shareOf(ss, from)
	if amount != nil && amount.LessThan(moved) {
		moved = *amount
	}
	if moved.IsZero() {
		return slices.Clone(ss)
	}
	out := make([]Share, 0, len(ss)+1)
	gained := false
	for _, s := range ss {
		switch s.Party {
		case from:
			s.Percent = s.Percent.Sub(moved)
		case to:
			s.Percent = s.Percent.Add(moved)
			gained = true
		}
		if !s.Percent.IsZero() {
			out = append(out, s)
		}
	}
	if !gained {
		out = append(out, Share{Party: to, Percent: moved})
	}
	return out
}
