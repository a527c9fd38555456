package negotiation

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// MaxTable is the most combinations of alternatives a territory red line
// may depend on: the product of the numbers of alternatives of the issues
// whose options act on the line's areas.
const MaxTable = 1 << 16

// Evaluator is a space and the parties' positions compiled into integer
// tables: every amount is scaled to one number of decimal places, so that
// a package's value for a party is an int64 sum of the contributions of its
// alternatives and of its pairs, and each red line is a bit set by the
// alternatives that cross it (or by a table over the few issues a territory
// red line depends on). Build it with [Compile]; it is immutable and safe
// for concurrent use.
type Evaluator struct {
	space     *Space
	positions []Position
	parties   []agreement.PartyID
	np        int
	places    int32   // the most decimal places of any party
	placesOf  []int32 // [p]: party p's values are integers × 10^-placesOf[p]
	// lift[p] is 10^(places-placesOf[p]): party p's values times lift[p]
	// are at the common scale, for comparisons across parties.
	lift []*big.Int

	val   []int64  // [g*np+p]: contribution of alternative g to party p
	res   []int64  // [p]: reservation
	red   []uint64 // [g*np+p]: red lines of p crossed by choosing g
	pairs []pairTerm
	// pairsOf[g] lists the pair terms involving g.
	pairsOf [][]int
	tables  []table
}

type pairTerm struct {
	g, h int     // global indices, g < h
	v    []int64 // per party
}

type table struct {
	party, bit int
	issues     []int // ascending
	stride     []int
	state      []uint8 // 0 kept, 1 crossed, 2 infeasible combination
}

// Compile validates positions against s and compiles them. It returns a
// *[agreement.ValidationError] listing every problem, with paths such as
// "positions[1].issues[0].values[2].alternative", when a position names an
// unknown issue, alternative, area or group, repeats a party, an issue, an
// alternative or a red line id, has a negative weight, a pair within one
// issue, a red line without exactly one kind, a territory bound not in
// percent or without a limit, a clause red line filtering on a field
// [ClauseLine] does not support, more than [MaxRedLines] red lines, an amount
// not below 10^9 in magnitude or with more than 9 decimal places, sums that
// could exceed 2^62 at the party's scale, or a territory red line depending
// on more than [MaxTable] combinations (the last three wrap [ErrTooLarge]).
// Nothing passed in is modified.
func Compile(s *Space, positions []Position) (*Evaluator, error) {
	if s == nil {
		return nil, fmt.Errorf("%w: nil space", agreement.ErrMissing)
	}
	var ve agreement.ValidationError
	validatePositions(s, positions, &ve)
	if err := ve.Err(); err != nil {
		return nil, err
	}
	e := &Evaluator{space: s, positions: clonePositions(positions), np: len(positions)}
	for _, p := range e.positions {
		e.parties = append(e.parties, p.Party)
	}
	e.placesOf = make([]int32, e.np)
	e.lift = make([]*big.Int, e.np)
	for p := range e.positions {
		e.placesOf[p] = scale(e.positions[p])
		e.places = max(e.places, e.placesOf[p])
	}
	for p := range e.positions {
		e.lift[p] = new(big.Int).Exp(bigTen, big.NewInt(int64(e.places-e.placesOf[p])), nil)
	}
	e.val = make([]int64, s.total*e.np)
	e.red = make([]uint64, s.total*e.np)
	e.res = make([]int64, e.np)
	e.pairsOf = make([][]int, s.total)
	pairIndex := map[[2]int]int{}
	for p, pos := range e.positions {
		pp := agreement.IndexPath("positions", p)
		bound := newInt()
		places := e.placesOf[p]
		r := scaleBig(pos.Reservation, places)
		e.res[p] = r.Int64()
		bound.Add(bound, absBig(r))
		for j, iv := range pos.Issues {
			i := s.issueIndex(iv.Issue)
			mx := newInt()
			for k, av := range iv.Values {
				g := s.base[i] + s.altIndex(i, av.Alternative)
				c := scaleBig(iv.Weight.Mul(av.Value), places)
				if absBig(c).Cmp(maxSum) > 0 {
					vp := agreement.FieldPath(agreement.IndexPath(agreement.FieldPath(agreement.IndexPath(agreement.FieldPath(pp, "issues"), j), "values"), k), "value")
					ve.Add(vp, ErrTooLarge, fmt.Sprintf("weight %s × value %s exceeds 2^62 at the party's %d decimal places", short(iv.Weight), short(av.Value), places))
					continue
				}
				e.val[g*e.np+p] = c.Int64()
				if absBig(c).Cmp(mx) > 0 {
					mx = absBig(c)
				}
			}
			bound.Add(bound, mx)
		}
		for _, pv := range pos.Pairs {
			ia, ib := s.issueIndex(pv.A.Issue), s.issueIndex(pv.B.Issue)
			g, h := s.base[ia]+s.altIndex(ia, pv.A.Alternative), s.base[ib]+s.altIndex(ib, pv.B.Alternative)
			if g > h {
				g, h = h, g
			}
			k, ok := pairIndex[[2]int{g, h}]
			if !ok {
				k = len(e.pairs)
				pairIndex[[2]int{g, h}] = k
				e.pairs = append(e.pairs, pairTerm{g: g, h: h, v: make([]int64, e.np)})
				e.pairsOf[g] = append(e.pairsOf[g], k)
				e.pairsOf[h] = append(e.pairsOf[h], k)
			}
			c := scaleBig(pv.Value, places)
			bound.Add(bound, absBig(c))
			if bound.Cmp(maxSum) > 0 {
				continue
			}
			e.pairs[k].v[p] += c.Int64()
		}
		if bound.Cmp(maxSum) > 0 {
			ve.Add(pp, ErrTooLarge, fmt.Sprintf("values of party %q could sum beyond 2^62 at its %d decimal places", pos.Party, places))
		}
		for j, rl := range pos.RedLines {
			if err := e.compileLine(p, j, rl); err != nil {
				var tooLarge *tooLargeError
				if errors.As(err, &tooLarge) {
					ve.Add(agreement.IndexPath(agreement.FieldPath(pp, "redLines"), j), ErrTooLarge, tooLarge.msg)
				} else {
					ve.Add(agreement.IndexPath(agreement.FieldPath(pp, "redLines"), j), agreement.ErrInvalidValue, err.Error())
				}
			}
		}
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	return e, nil
}

type tooLargeError struct{ msg string }

func (e *tooLargeError) Error() string { return e.msg }

// places returns the decimal places of d once trailing zeros are dropped.
func places(d decimal.Decimal) int32 {
	if d.Sign() == 0 {
		return 0
	}
	c, e := d.Coefficient(), d.Exponent()
	for e < 0 {
		q, r := newInt().QuoRem(c, bigTen, newInt())
		if r.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	if e >= 0 {
		return 0
	}
	return -e
}

// scale returns a party's number of decimal places: the most any of its
// contributions (weight × value), pair values or reservation needs.
func scale(p Position) int32 {
	s := places(p.Reservation)
	for _, iv := range p.Issues {
		for _, av := range iv.Values {
			s = max(s, places(iv.Weight.Mul(av.Value)))
		}
	}
	for _, pv := range p.Pairs {
		s = max(s, places(pv.Value))
	}
	return s
}

// scaleBig returns d × 10^places, exactly (places is at least d's own).
func scaleBig(d decimal.Decimal, places int32) *big.Int {
	c := new(big.Int).Set(d.Coefficient())
	e := d.Exponent() + places
	if e >= 0 {
		return c.Mul(c, new(big.Int).Exp(bigTen, big.NewInt(int64(e)), nil))
	}
	return c.Quo(c, new(big.Int).Exp(bigTen, big.NewInt(int64(-e)), nil))
}

// compileLine compiles red line j of party p.
func (e *Evaluator) compileLine(p, j int, rl RedLine) error {
	s := e.space
	bit := uint64(1) << j
	switch {
	case rl.Choice != nil:
		i := s.issueIndex(rl.Choice.Choice.Issue)
		x := s.altIndex(i, rl.Choice.Choice.Alternative)
		for a := range s.radix[i] {
			if (a == x) != rl.Choice.Require {
				e.red[(s.base[i]+a)*e.np+p] |= bit
			}
		}
	case rl.Clause != nil:
		for i, is := range s.issues {
			for a := range is.Alternatives {
				hit, err := s.commits(i, a, rl.Clause.Pattern)
				if err != nil {
					return err
				}
				if hit {
					e.red[(s.base[i]+a)*e.np+p] |= bit
				}
			}
		}
	case rl.Territory != nil:
		return e.compileTerritoryLine(p, j, rl.Territory)
	}
	return nil
}

// commits reports whether alternative a of issue i commits a party to an
// action pat matches (see ClauseLine for the rule).
func (s *Space) commits(i, a int, pat agreement.Pattern) (bool, error) {
	alt := s.issues[i].Alternatives[a]
	clauses := alt.Clauses
	if len(alt.Options) > 0 {
		st, err := agreement.Package{Options: alt.Options}.Apply(s.territory)
		if err != nil {
			return false, fmt.Errorf("applying the options of %s/%s: %v", s.issues[i].ID, alt.ID, err)
		}
		clauses = append(slices.Clone(clauses), st.Clauses...)
	}
	for _, c := range clauses {
		for _, cm := range s.commitments(c) {
			if cm.matches(pat, s) {
				return true, nil
			}
		}
	}
	return false, nil
}

// commitment is one action a clause commits one party to: the actor that
// would perform it ("" when the clause names none), the group the clause's
// action names, the target, area and item the action names ("" when it
// leaves them open) and the upper ends of the clause's quantities.
type commitment struct {
	kind       agreement.EventKind
	actor      agreement.PartyID
	group      agreement.GroupID
	target     agreement.PartyID
	areaID     agreement.AreaID
	item       string
	quantities []agreement.Quantity
}

// commitments expands clause c into the commitments ClauseLine describes.
func (s *Space) commitments(c agreement.Clause) []commitment {
	if c.Kind == agreement.DeonticProhibition {
		return nil
	}
	var act agreement.Pattern
	switch {
	case c.Action != nil:
		act = *c.Action
	case c.Kind == agreement.DeonticPower:
		act = agreement.Pattern{Kind: agreement.EventKindPowerExercised}
	default:
		return nil
	}
	var qs []agreement.Quantity
	for _, r := range c.Quantities {
		qs = append(qs, agreement.NewQuantity(r.Max, r.Unit))
	}
	// The performers, and whether each is a debtor performing for itself
	// (a several clause), which binds a Debtor target to that debtor.
	var actors []agreement.PartyID
	own := false
	switch {
	case act.Actor == agreement.Debtor:
		actors, own = c.Debtors, !c.Joint
	case act.Actor == agreement.Creditor:
		actors = c.Creditors
	case act.Actor != "":
		actors = []agreement.PartyID{act.Actor}
	case act.Group != "":
		if g := s.group(act.Group); g != nil {
			actors = g.Members
		}
	default:
		actors, own = c.Debtors, !c.Joint
	}
	if len(actors) == 0 {
		actors = []agreement.PartyID{""}
	}
	var targets []agreement.PartyID
	switch act.Target {
	case agreement.Debtor:
		targets = c.Debtors
	case agreement.Creditor:
		targets = c.Creditors
	default:
		targets = []agreement.PartyID{act.Target}
	}
	if len(targets) == 0 {
		targets = []agreement.PartyID{""}
	}
	var out []commitment
	for _, a := range actors {
		ts := targets
		if own && act.Target == agreement.Debtor {
			ts = []agreement.PartyID{a}
		}
		for _, t := range ts {
			out = append(out, commitment{kind: act.Kind, actor: a, group: act.Group, target: t,
				areaID: act.Area, item: act.Item, quantities: qs})
		}
	}
	return out
}

// matches reports whether the commitment matches red-line pattern p, whose
// fields Compile has limited to kind, actor, group, target, area, item and
// measure.
func (cm commitment) matches(p agreement.Pattern, s *Space) bool {
	if p.Kind != cm.kind ||
		p.Actor != "" && p.Actor != cm.actor ||
		p.Target != "" && p.Target != cm.target ||
		p.Area != "" && p.Area != cm.areaID ||
		p.Item != "" && p.Item != cm.item ||
		!p.Measure.Matches(cm.quantities) {
		return false
	}
	if p.Group == "" {
		return true
	}
	if cm.group != "" && s.subgroup(cm.group, p.Group) {
		return true
	}
	g := s.group(p.Group)
	return g != nil && cm.actor != "" && slices.Contains(g.Members, cm.actor)
}

// subgroup reports whether group a is group b or every member of a is a
// member of b.
func (s *Space) subgroup(a, b agreement.GroupID) bool {
	if a == b {
		return true
	}
	ga, gb := s.group(a), s.group(b)
	if ga == nil || gb == nil || len(ga.Members) == 0 {
		return false
	}
	for _, m := range ga.Members {
		if !slices.Contains(gb.Members, m) {
			return false
		}
	}
	return true
}

// compileTerritoryLine tabulates a territory red line over the issues whose
// options act on its areas: one application of agreement.Package.Apply per
// combination of their alternatives, on the line's areas alone.
func (e *Evaluator) compileTerritoryLine(p, j int, tl *TerritoryLine) error {
	s := e.space
	inLine := map[agreement.AreaID]bool{}
	for _, a := range tl.Areas {
		inLine[a] = true
	}
	var issues []int
	for i, is := range s.issues {
		touches := false
		for _, alt := range is.Alternatives {
			for _, o := range alt.Options {
				for _, a := range o.Areas {
					touches = touches || inLine[a]
				}
			}
		}
		if touches {
			issues = append(issues, i)
		}
	}
	n := 1
	for _, i := range issues {
		n *= s.radix[i]
		if n > MaxTable {
			return &tooLargeError{fmt.Sprintf("the territory red line depends on more than %d combinations of alternatives", MaxTable)}
		}
	}
	var sub agreement.Territory
	for _, a := range s.territory.Areas {
		if inLine[a.ID] {
			sub.Areas = append(sub.Areas, a.Clone())
		}
	}
	t := table{party: p, bit: j, issues: issues, state: make([]uint8, n), stride: make([]int, len(issues))}
	st := 1
	for k := len(issues) - 1; k >= 0; k-- {
		t.stride[k] = st
		st *= s.radix[issues[k]]
	}
	choice := make([]int, len(issues))
	for idx := range n {
		rem := idx
		for k := range issues {
			choice[k] = rem / t.stride[k]
			rem %= t.stride[k]
		}
		var opts []agreement.Option
		for k, i := range issues {
			for _, o := range s.issues[i].Alternatives[choice[k]].Options {
				var keep []agreement.AreaID
				for _, a := range o.Areas {
					if inLine[a] {
						keep = append(keep, a)
					}
				}
				if len(keep) > 0 {
					o = o.Clone()
					o.Areas = keep
					opts = append(opts, o)
				}
			}
		}
		pk := agreement.Package{Options: opts}
		if err := pk.Validate(sub); err != nil {
			t.state[idx] = 2
			continue
		}
		settled, err := pk.Apply(sub)
		if err != nil {
			return err
		}
		crossed, err := lineCrossed(settled.Territory, tl)
		if err != nil {
			return err
		}
		if crossed {
			t.state[idx] = 1
		}
	}
	bit := uint64(1) << j
	switch len(issues) {
	case 0:
		if t.state[0] == 1 {
			for a := range s.radix[0] {
				e.red[(s.base[0]+a)*e.np+p] |= bit
			}
		}
	case 1:
		for a := range s.radix[issues[0]] {
			if t.state[a] == 1 {
				e.red[(s.base[issues[0]]+a)*e.np+p] |= bit
			}
		}
	default:
		e.tables = append(e.tables, t)
	}
	return nil
}

// lineCrossed reports whether territory t crosses tl.
func lineCrossed(t agreement.Territory, tl *TerritoryLine) (bool, error) {
	var f agreement.Figure
	var err error
	if tl.Control {
		f, err = t.Controlled(tl.Party, tl.Areas...)
	} else {
		f, err = t.Sovereign(tl.Party, tl.Areas...)
	}
	if err != nil {
		return false, err
	}
	// percent = 100 × Km2 / Total; compare 100 × Km2 with limit × Total.
	held := f.Km2.Mul(decimal.NewFromInt(100))
	if lo, open, ok := tl.Bound.Min(); ok {
		c := held.Cmp(lo.Mul(f.Total))
		if c < 0 || open && c == 0 {
			return true, nil
		}
	}
	if hi, open, ok := tl.Bound.Max(); ok {
		c := held.Cmp(hi.Mul(f.Total))
		if c > 0 || open && c == 0 {
			return true, nil
		}
	}
	return false, nil
}

// Space returns the evaluator's space.
func (e *Evaluator) Space() *Space {
	if e == nil {
		return nil
	}
	return e.space
}

// Parties returns the parties, in the order of the positions.
func (e *Evaluator) Parties() []agreement.PartyID {
	if e == nil {
		return nil
	}
	return slices.Clone(e.parties)
}

// Places returns the most decimal places any party's values are computed
// at: each party's values are scaled to the decimal places its own amounts
// need, never to another party's.
func (e *Evaluator) Places() int32 {
	if e == nil {
		return 0
	}
	return e.places
}

// Evaluation is what an evaluator says of one package.
type Evaluation struct {
	// Conflict is nil for a feasible package.
	Conflict *Conflict
	// Values are the package's values, per party in the order of
	// [Evaluator.Parties].
	Values []decimal.Decimal
	// Crossed lists the red lines the package crosses, by party.
	Crossed []Crossing
	// Below lists the parties for which the package is worth less than
	// their reservation value.
	Below []agreement.PartyID
}

// Acceptable reports whether the evaluation is of a feasible package that
// crosses no red line and is worth at least its reservation value to every
// party.
func (v Evaluation) Acceptable() bool {
	return v.Conflict == nil && len(v.Crossed) == 0 && len(v.Below) == 0
}

// Crossing names one red line of one party.
type Crossing struct {
	Party   agreement.PartyID
	RedLine string
}

// Evaluate evaluates one package. It returns an error wrapping
// [agreement.ErrInvalidValue] when p is not a package of the space. It is
// for looking at a few packages: it allocates its result and sums the
// package from scratch, some hundreds of times slower per package than
// the enumeration of [Evaluator.Analyze] and [Evaluator.Count], which
// should be used to go through many.
func (e *Evaluator) Evaluate(p Package) (Evaluation, error) {
	if e == nil {
		return Evaluation{}, fmt.Errorf("%w: nil evaluator", agreement.ErrMissing)
	}
	err := e.space.Check(p)
	var c *Conflict
	if err != nil && !errors.As(err, &c) {
		return Evaluation{}, err
	}
	vals, red := e.raw(p)
	ev := Evaluation{Conflict: c}
	for q := range e.np {
		ev.Values = append(ev.Values, decimal.New(vals[q], -e.placesOf[q]))
		for j, rl := range e.positions[q].RedLines {
			if red[q]&(1<<j) != 0 {
				ev.Crossed = append(ev.Crossed, Crossing{e.parties[q], rl.ID})
			}
		}
		if vals[q] < e.res[q] {
			ev.Below = append(ev.Below, e.parties[q])
		}
	}
	return ev, nil
}

// raw returns the scaled values and red-line bits of a package of the
// space, directly from the tables.
func (e *Evaluator) raw(p Package) ([]int64, []uint64) {
	s := e.space
	vals := make([]int64, e.np)
	red := make([]uint64, e.np)
	chosen := func(g int) bool {
		i, a := s.locate(g)
		return p[i] == a
	}
	for i, a := range p {
		g := s.base[i] + a
		for q := range e.np {
			vals[q] += e.val[g*e.np+q]
			red[q] |= e.red[g*e.np+q]
		}
		// The pair terms of g, each counted at its first alternative.
		for _, k := range e.pairsOf[g] {
			if pt := e.pairs[k]; pt.g == g && chosen(pt.h) {
				for q := range e.np {
					vals[q] += pt.v[q]
				}
			}
		}
	}
	for _, t := range e.tables {
		idx := 0
		for k, i := range t.issues {
			idx += p[i] * t.stride[k]
		}
		if t.state[idx] == 1 {
			red[t.party] |= 1 << t.bit
		}
	}
	return vals, red
}
