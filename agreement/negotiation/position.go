package negotiation

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// MaxRedLines is the most red lines one [Position] holds.
const MaxRedLines = 64

// Position is one party's position: what each alternative is worth to it,
// what pairs of alternatives are worth together, the value below which it
// walks away, and its red lines. Values are exact decimals in any unit the
// analyst chooses; only their order and differences matter to an analysis,
// and the Nash and Kalai-Smorodinsky points do not change when a party's
// values and reservation are rescaled together (v -> a*v + b, a > 0).
type Position struct {
	Party agreement.PartyID
	// Issues weigh the issues and value their alternatives. An issue or
	// alternative not listed is worth zero.
	Issues []IssueValue
	// Pairs are the values of pairs of alternatives of different issues
	// chosen together, added to the weighted values: a backstop is worth
	// more with a larger force.
	Pairs []PairValue
	// Reservation is the value of no agreement: a package worth less is
	// unacceptable to the party.
	Reservation decimal.Decimal
	// RedLines are the party's conditions: a package crossing one is
	// unacceptable to the party, whatever its value.
	RedLines []RedLine
}

// IssueValue is a party's weight for one issue and its values for the
// issue's alternatives: an alternative contributes Weight × Value.
type IssueValue struct {
	Issue IssueID
	// Weight is non-negative.
	Weight decimal.Decimal
	Values []AlternativeValue
}

// AlternativeValue is the value of one alternative.
type AlternativeValue struct {
	Alternative AlternativeID
	Value       decimal.Decimal
}

// Choice names one alternative of one issue.
type Choice struct {
	Issue       IssueID
	Alternative AlternativeID
}

// String writes the choice as "issue/alternative".
func (c Choice) String() string { return string(c.Issue) + "/" + string(c.Alternative) }

// PairValue is what two alternatives of different issues add to a party's
// value when a package chooses both.
type PairValue struct {
	A, B  Choice
	Value decimal.Decimal
}

// RedLine is a condition a package must meet for a party to accept it.
// Exactly one of Territory, Clause and Choice is set.
type RedLine struct {
	// ID names the red line within its position, for certificates.
	ID string
	// Territory is a condition on the territory the package settles.
	Territory *TerritoryLine
	// Clause forbids a commitment to an action.
	Clause *ClauseLine
	// Choice forbids or requires one alternative.
	Choice *ChoiceLine
}

// TerritoryLine is crossed when a party's share of some areas, in the
// territory the package settles, lies outside Bound. The share is Party's
// sovereignty (or, with Control, control) over Areas, weighted by the areas'
// sizes, in percent, computed exactly (never rounded). The settled territory
// is the one [agreement.Package.Apply] returns for the package's options on
// the space's territory: referendums and arbitrations are pending and leave
// sovereignty as it stood. "UA keeps sovereignty over Donetsk" is
// TerritoryLine{Party: "UA", Areas: []AreaID{"donetsk"},
// Bound: agreement.Measure(agreement.UnitPercent).AtLeast(decimal.NewFromInt(100))}.
type TerritoryLine struct {
	Party   agreement.PartyID
	Control bool
	Areas   []agreement.AreaID
	// Bound is in [agreement.UnitPercent], with at least one limit.
	Bound agreement.Bound
}

// ClauseLine is crossed when a clause of the package commits a party to an
// action Pattern matches. The clauses of a package are those of its
// alternatives and those that each alternative's options imply
// ([agreement.Package.Apply] of the alternative's options alone on the
// space's territory). A prohibition commits to nothing; any other clause
// with an action (a power without one: to exercising it) commits each party
// that could perform the action, by the rule of [agreement.Performers]:
//
//   - the action's actor, when it names one ([agreement.Debtor] stands for
//     each debtor, [agreement.Creditor] for each creditor);
//   - otherwise, when the action names a group, each member of the group as
//     the space declares it;
//   - otherwise each debtor, whether the clause binds them severally or
//     jointly (a joint clause may be performed by any of them);
//   - a clause with none of these commits no named party: it matches only a
//     pattern without actor or group.
//
// The commitment's target is the action's target ([agreement.Debtor] bound
// to the performing debtor of a several clause, otherwise to each debtor;
// [agreement.Creditor] to each creditor), its area and item the action's,
// and its quantities the upper ends of the clause's quantities. Pattern
// matches a commitment when its kind is the action's; its Actor, when set,
// is the performer; its Group, when set, holds the performer, or is the
// action's group or a group holding every member of it; its Target, Area
// and Item, when set, equal the action's (an action that leaves one open
// commits to none in particular, so it does not match a pattern that sets
// it); and its Measure, when set, holds one of the quantities. Pattern
// groups are the space's groups. A pattern may set only Kind, Actor, Group,
// Target, Area, Item and Measure (without Of), and no placeholder:
// [Compile] refuses the others. "No clause deploys forces of a NATO member
// in UA" is
// ClauseLine{Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"}}.
type ClauseLine struct {
	Pattern agreement.Pattern
}

// ChoiceLine is crossed when the package chooses Choice or, with Require,
// when it does not.
type ChoiceLine struct {
	Choice  Choice
	Require bool
}

// validatePositions checks positions against s, adding problems under
// "positions[i]".
func validatePositions(s *Space, ps []Position, ve *agreement.ValidationError) {
	if len(ps) == 0 {
		ve.Add("positions", agreement.ErrMissing, "no position")
	}
	seen := map[agreement.PartyID]bool{}
	for i, pos := range ps {
		p := agreement.IndexPath("positions", i)
		if !pos.Party.Valid() {
			ve.Add(agreement.FieldPath(p, "party"), agreement.ErrInvalidID, fmt.Sprintf("malformed party id %q", pos.Party))
		} else if seen[pos.Party] {
			ve.Add(agreement.FieldPath(p, "party"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate party %q", pos.Party))
		}
		seen[pos.Party] = true
		checkAmount(ve, agreement.FieldPath(p, "reservation"), pos.Reservation)
		seenIssue := map[IssueID]bool{}
		for j, iv := range pos.Issues {
			ip := agreement.IndexPath(agreement.FieldPath(p, "issues"), j)
			ii := s.issueIndex(iv.Issue)
			if ii < 0 {
				ve.Add(agreement.FieldPath(ip, "issue"), agreement.ErrInvalidValue, fmt.Sprintf("unknown issue %q", iv.Issue))
			} else if seenIssue[iv.Issue] {
				ve.Add(agreement.FieldPath(ip, "issue"), agreement.ErrDuplicateID, fmt.Sprintf("issue %q valued twice", iv.Issue))
			}
			seenIssue[iv.Issue] = true
			if checkAmount(ve, agreement.FieldPath(ip, "weight"), iv.Weight) && iv.Weight.Sign() < 0 {
				ve.Add(agreement.FieldPath(ip, "weight"), agreement.ErrNegative, "negative weight")
			}
			seenAlt := map[AlternativeID]bool{}
			for k, av := range iv.Values {
				vp := agreement.IndexPath(agreement.FieldPath(ip, "values"), k)
				if ii >= 0 && s.altIndex(ii, av.Alternative) < 0 {
					ve.Add(agreement.FieldPath(vp, "alternative"), agreement.ErrInvalidValue, fmt.Sprintf("unknown alternative %q of issue %q", av.Alternative, iv.Issue))
				} else if seenAlt[av.Alternative] {
					ve.Add(agreement.FieldPath(vp, "alternative"), agreement.ErrDuplicateID, fmt.Sprintf("alternative %q valued twice", av.Alternative))
				}
				seenAlt[av.Alternative] = true
				checkAmount(ve, agreement.FieldPath(vp, "value"), av.Value)
			}
		}
		for j, pv := range pos.Pairs {
			pp := agreement.IndexPath(agreement.FieldPath(p, "pairs"), j)
			ia := checkChoice(s, ve, agreement.FieldPath(pp, "a"), pv.A)
			ib := checkChoice(s, ve, agreement.FieldPath(pp, "b"), pv.B)
			if ia >= 0 && ia == ib {
				ve.Add(agreement.FieldPath(pp, "b"), agreement.ErrInconsistent, "a pair of alternatives of the same issue")
			}
			checkAmount(ve, agreement.FieldPath(pp, "value"), pv.Value)
		}
		if len(pos.RedLines) > MaxRedLines {
			ve.Add(agreement.FieldPath(p, "redLines"), ErrTooLarge, fmt.Sprintf("%d red lines, more than %d", len(pos.RedLines), MaxRedLines))
		}
		seenLine := map[string]bool{}
		for j, rl := range pos.RedLines {
			rp := agreement.IndexPath(agreement.FieldPath(p, "redLines"), j)
			if rl.ID == "" {
				ve.Add(agreement.FieldPath(rp, "id"), agreement.ErrMissing, "red line without id")
			} else if seenLine[rl.ID] {
				ve.Add(agreement.FieldPath(rp, "id"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate red line id %q", rl.ID))
			}
			seenLine[rl.ID] = true
			n := 0
			if rl.Territory != nil {
				n++
				checkTerritoryLine(s, ve, agreement.FieldPath(rp, "territory"), rl.Territory)
			}
			if rl.Clause != nil {
				n++
				if !rl.Clause.Pattern.Kind.Valid() {
					ve.Add(agreement.FieldPath(agreement.FieldPath(rp, "clause"), "kind"), agreement.ErrInvalidValue, fmt.Sprintf("invalid event kind %q", rl.Clause.Pattern.Kind))
				}
				if g := rl.Clause.Pattern.Group; g != "" && s.group(g) == nil {
					ve.Add(agreement.FieldPath(agreement.FieldPath(rp, "clause"), "group"), agreement.ErrUnknownGroup, fmt.Sprintf("unknown group %q", g))
				}
				checkClausePattern(ve, agreement.FieldPath(rp, "clause"), rl.Clause.Pattern)
			}
			if rl.Choice != nil {
				n++
				checkChoice(s, ve, agreement.FieldPath(rp, "choice"), rl.Choice.Choice)
			}
			if n != 1 {
				ve.Add(rp, agreement.ErrInconsistent, fmt.Sprintf("a red line sets exactly one of territory, clause and choice, not %d", n))
			}
		}
	}
}

// checkClausePattern reports the fields of a clause red line's pattern that
// a clause's commitments do not carry (see ClauseLine): a reporter, an
// attribution, a clause reference, an item class, what a measure measures,
// and placeholders as actor or target.
func checkClausePattern(ve *agreement.ValidationError, p string, pat agreement.Pattern) {
	unsupported := func(field, what string) {
		ve.Add(agreement.FieldPath(p, field), agreement.ErrInvalidValue, "a clause red line cannot filter on "+what)
	}
	if pat.Actor.IsPlaceholder() {
		unsupported("actor", fmt.Sprintf("the placeholder %q", pat.Actor))
	}
	if pat.Target.IsPlaceholder() {
		unsupported("target", fmt.Sprintf("the placeholder %q", pat.Target))
	}
	if pat.Reporter != "" {
		unsupported("reporter", "a reporter")
	}
	if pat.Attribution != agreement.AttributionUnspecified {
		unsupported("attribution", "an attribution")
	}
	if pat.Clause != (agreement.Ref{}) {
		unsupported("clause", "a clause reference")
	}
	if pat.Class != "" {
		unsupported("class", "an item class")
	}
	if pat.Measure.Measures() != "" {
		unsupported(agreement.FieldPath("measure", "of"), "what a measure measures (clause quantities carry only a unit)")
	}
}

func checkTerritoryLine(s *Space, ve *agreement.ValidationError, p string, tl *TerritoryLine) {
	if !tl.Party.Valid() {
		ve.Add(agreement.FieldPath(p, "party"), agreement.ErrInvalidID, fmt.Sprintf("malformed party id %q", tl.Party))
	}
	if len(tl.Areas) == 0 {
		ve.Add(agreement.FieldPath(p, "areas"), agreement.ErrMissing, "no area")
	}
	seen := map[agreement.AreaID]bool{}
	for k, a := range tl.Areas {
		ap := agreement.IndexPath(agreement.FieldPath(p, "areas"), k)
		if _, ok := s.territory.Area(a); !ok {
			ve.Add(ap, agreement.ErrUnknownArea, fmt.Sprintf("unknown area %q", a))
		} else if seen[a] {
			ve.Add(ap, agreement.ErrDuplicateID, fmt.Sprintf("area %q listed twice", a))
		}
		seen[a] = true
	}
	bp := agreement.FieldPath(p, "bound")
	if tl.Bound.Unit() != agreement.UnitPercent {
		ve.Add(agreement.FieldPath(bp, "unit"), agreement.ErrInvalidValue, "a territory bound is in percent")
	}
	lo, _, okLo := tl.Bound.Min()
	hi, _, okHi := tl.Bound.Max()
	if !okLo && !okHi {
		ve.Add(bp, agreement.ErrMissing, "a territory bound has a min or a max")
	}
	if okLo {
		checkAmount(ve, agreement.FieldPath(bp, "min"), lo)
	}
	if okHi {
		checkAmount(ve, agreement.FieldPath(bp, "max"), hi)
	}
}

// checkChoice reports an unknown choice and returns its issue index, or -1.
func checkChoice(s *Space, ve *agreement.ValidationError, p string, c Choice) int {
	i := s.issueIndex(c.Issue)
	if i < 0 {
		ve.Add(agreement.FieldPath(p, "issue"), agreement.ErrInvalidValue, fmt.Sprintf("unknown issue %q", c.Issue))
		return -1
	}
	if s.altIndex(i, c.Alternative) < 0 {
		ve.Add(agreement.FieldPath(p, "alternative"), agreement.ErrInvalidValue, fmt.Sprintf("unknown alternative %q of issue %q", c.Alternative, c.Issue))
		return -1
	}
	return i
}

// maxPlaces is the most decimal places of an amount, and maxDigits the most
// significant digits, that an evaluator accepts.
const (
	maxPlaces = 9
	maxDigits = 18
)

// checkAmount reports an amount that is not below 10^(maxDigits-maxPlaces)
// in magnitude with at most maxPlaces decimal places, and returns whether it
// is fine.
func checkAmount(ve *agreement.ValidationError, p string, d decimal.Decimal) bool {
	if _, ok := toScaled(d, maxPlaces); !ok {
		ve.Add(p, ErrTooLarge, fmt.Sprintf("amount %s is not below 10^%d in magnitude with at most %d decimal places", short(d), maxDigits-maxPlaces, maxPlaces))
		return false
	}
	return true
}

// short writes d, cut when long.
func short(d decimal.Decimal) string {
	if d.Exponent() > 40 || d.Exponent() < -40 || len(d.Coefficient().String()) > 40 {
		return "(a long number)"
	}
	s := d.String()
	if len(s) > 48 {
		return s[:48] + "..."
	}
	return s
}

// toScaled returns d × 10^places as an int64, and false when it is not an
// integer of at most maxDigits digits.
func toScaled(d decimal.Decimal, places int) (int64, bool) {
	c := d.Coefficient()
	e := int(d.Exponent())
	if c.Sign() == 0 {
		return 0, true
	}
	// A coefficient of more than about 1,200 digits is refused before
	// its trailing zeros are stripped, to bound the work.
	if c.BitLen() > 4000 || e > 40 || e < -1200 {
		return 0, false
	}
	// Strip trailing zeros: "1." followed by 45 zeros is exactly 1.
	ten := bigTen
	for e < 0 {
		q, r := newInt().QuoRem(c, ten, newInt())
		if r.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	if c.BitLen() > 200 {
		return 0, false
	}
	e += places
	if e < 0 {
		return 0, false
	}
	v := newInt().Mul(c, newInt().Exp(ten, newIntFrom(int64(e)), nil))
	if !v.IsInt64() || absBig(v).Cmp(maxAmount) > 0 {
		return 0, false
	}
	return v.Int64(), true
}

func (s *Space) issueIndex(id IssueID) int {
	for i, is := range s.issues {
		if is.ID == id {
			return i
		}
	}
	return -1
}

func (s *Space) altIndex(i int, id AlternativeID) int {
	for a, alt := range s.issues[i].Alternatives {
		if alt.ID == id {
			return a
		}
	}
	return -1
}

func (s *Space) group(id agreement.GroupID) *agreement.Group {
	for i := range s.groups {
		if s.groups[i].ID == id {
			return &s.groups[i]
		}
	}
	return nil
}

func clonePositions(ps []Position) []Position {
	out := make([]Position, len(ps))
	for i, p := range ps {
		c := Position{Party: p.Party, Reservation: p.Reservation}
		for _, iv := range p.Issues {
			c.Issues = append(c.Issues, IssueValue{Issue: iv.Issue, Weight: iv.Weight, Values: append([]AlternativeValue(nil), iv.Values...)})
		}
		c.Pairs = append(c.Pairs, p.Pairs...)
		for _, rl := range p.RedLines {
			r := RedLine{ID: rl.ID}
			if rl.Territory != nil {
				t := *rl.Territory
				t.Areas = append([]agreement.AreaID(nil), t.Areas...)
				r.Territory = &t
			}
			if rl.Clause != nil {
				cl := *rl.Clause
				r.Clause = &cl
			}
			if rl.Choice != nil {
				ch := *rl.Choice
				r.Choice = &ch
			}
			c.RedLines = append(c.RedLines, r)
		}
		out[i] = c
	}
	return out
}
