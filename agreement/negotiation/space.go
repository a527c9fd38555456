package negotiation

import (
	"errors"
	"fmt"
	"iter"
	"math/big"
	"math/bits"
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// ErrTooLarge: a space, a table or an amount is larger than this package
// computes with; the message says which bound.
var ErrTooLarge = errors.New("negotiation: too large")

// MaxAlternatives is the most alternatives a [Space] holds in all its issues
// together.
const MaxAlternatives = 4096

// IssueID identifies an issue of a [Space], such as "donbas" or "backstop".
// It has the syntax of [agreement.PartyID]. The zero value is invalid.
type IssueID string

// Valid reports whether id is well formed.
func (id IssueID) Valid() bool { return agreement.PartyID(id).Valid() }

// AlternativeID identifies an alternative within its issue, such as "freeze"
// or "force-15000". It has the syntax of [agreement.PartyID]. The zero value
// is invalid.
type AlternativeID string

// Valid reports whether id is well formed.
func (id AlternativeID) Valid() bool { return agreement.PartyID(id).Valid() }

// Alternative is one way of settling an issue: territorial options on the
// areas of the space's territory, clauses, or both. An alternative with
// neither is the status quo on that issue ("no backstop").
type Alternative struct {
	ID AlternativeID
	// Name describes the alternative for people; optional.
	Name string
	// Options are territorial options, as in an [agreement.Package].
	Options []agreement.Option
	// Clauses are the clauses the alternative adds to an agreement.
	Clauses []agreement.Clause
}

// Issue is one question a negotiation must settle, with the alternatives
// a package chooses from: exactly one of them per package.
type Issue struct {
	ID           IssueID
	Name         string
	Alternatives []Alternative
}

// Space is a validated negotiation space: a territory, the party groups
// that red lines on clauses may name, and the issues. Build it with
// [NewSpace]; it is immutable and safe for concurrent use. Its accessors
// return copies.
type Space struct {
	territory agreement.Territory
	groups    []agreement.Group
	issues    []Issue

	radix []int // alternatives per issue
	base  []int // global index of issue i's first alternative
	total int   // alternatives in all

	// conflicts[g] is the set (as words of a bitset over global indices) of
	// alternatives of other issues that conflict with alternative g.
	// The Conflict naming a conflicting pair is rebuilt when asked for
	// (see reason), from the areas in the order they were first claimed.
	words     int
	conflicts [][]uint64
	areaOrder []agreement.AreaID
}

// Conflict says why two alternatives of different issues cannot be chosen
// together: two of their options decide the same thing for one area, by the
// rule of [agreement.Package.Validate].
type Conflict struct {
	// Issue and Alternative are the first alternative's (its issue comes
	// first in the space), Option its option.
	Issue       IssueID
	Alternative AlternativeID
	Option      agreement.OptionID
	// OtherIssue, OtherAlternative and OtherOption are the second's.
	OtherIssue       IssueID
	OtherAlternative AlternativeID
	OtherOption      agreement.OptionID
	// Area is where they conflict.
	Area agreement.AreaID
}

// Error writes the conflict for people.
func (c *Conflict) Error() string {
	return fmt.Sprintf("%s/%s option %q and %s/%s option %q decide the same thing for area %q",
		c.Issue, c.Alternative, c.Option, c.OtherIssue, c.OtherAlternative, c.OtherOption, c.Area)
}

// Unwrap returns [agreement.ErrConflict].
func (c *Conflict) Unwrap() error { return agreement.ErrConflict }

// conflictClass returns what an option of kind k decides for an area, as
// agreement.Package.Validate says: sovereignty, control, or its own kind.
func conflictClass(k agreement.OptionKind) int {
	switch k {
	case agreement.OptionKindCede, agreement.OptionKindReferendum, agreement.OptionKindArbitration:
		return -1
	case agreement.OptionKindWithdraw, agreement.OptionKindInternationalAdministration, agreement.OptionKindFreeze:
		return -2
	}
	return int(k)
}

// NewSpace validates and copies a territory, party groups and issues into a
// Space. It returns a *[agreement.ValidationError] listing every problem, with
// paths such as "issues[2].alternatives[1].id" and
// "issues[0].alternatives[3].options[0].areas[1]", when:
//   - the territory is invalid ([agreement.Territory.Validate], paths under
//     "territory.");
//   - a group id is malformed or repeated, or a member id malformed
//     ("groups[i]");
//   - there is no issue, or an issue id is malformed or repeated;
//   - an issue has no alternative, or an alternative id is malformed or
//     repeated within its issue;
//   - an alternative's options are not a valid package against the territory
//     ([agreement.Package.Validate]: among other things two options of one
//     alternative conflicting on an area), or an option id is used by
//     alternatives of two different issues (their implied clauses would
//     collide);
//   - a clause has a malformed or repeated id within its alternative or an
//     invalid deontic kind;
//   - there are more than [MaxAlternatives] alternatives (ErrTooLarge).
//
// Nothing passed in is modified, and the space shares nothing with it.
func NewSpace(territory agreement.Territory, groups []agreement.Group, issues []Issue) (*Space, error) {
	var ve agreement.ValidationError
	if !territory.IsZero() {
		if err := territory.Validate(); err != nil {
			addAll(&ve, "territory", err)
		}
	}
	seenGroup := map[agreement.GroupID]bool{}
	for i, g := range groups {
		p := agreement.IndexPath("groups", i)
		if !g.ID.Valid() {
			ve.Add(agreement.FieldPath(p, "id"), agreement.ErrInvalidID, fmt.Sprintf("malformed group id %q", g.ID))
		} else if seenGroup[g.ID] {
			ve.Add(agreement.FieldPath(p, "id"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate group id %q", g.ID))
		}
		seenGroup[g.ID] = true
		for j, m := range g.Members {
			if !m.Valid() {
				ve.Add(agreement.IndexPath(agreement.FieldPath(p, "members"), j), agreement.ErrInvalidID, fmt.Sprintf("malformed party id %q", m))
			}
		}
	}
	if len(issues) == 0 {
		ve.Add("issues", agreement.ErrMissing, "no issue")
	}
	seenIssue := map[IssueID]bool{}
	optionIssue := map[agreement.OptionID]int{}
	total := 0
	for i, is := range issues {
		p := agreement.IndexPath("issues", i)
		if !is.ID.Valid() {
			ve.Add(agreement.FieldPath(p, "id"), agreement.ErrInvalidID, fmt.Sprintf("malformed issue id %q", is.ID))
		} else if seenIssue[is.ID] {
			ve.Add(agreement.FieldPath(p, "id"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate issue id %q", is.ID))
		}
		seenIssue[is.ID] = true
		if len(is.Alternatives) == 0 {
			ve.Add(agreement.FieldPath(p, "alternatives"), agreement.ErrMissing, "issue has no alternative")
		}
		total += len(is.Alternatives)
		seenAlt := map[AlternativeID]bool{}
		for a, alt := range is.Alternatives {
			ap := agreement.IndexPath(agreement.FieldPath(p, "alternatives"), a)
			if !alt.ID.Valid() {
				ve.Add(agreement.FieldPath(ap, "id"), agreement.ErrInvalidID, fmt.Sprintf("malformed alternative id %q", alt.ID))
			} else if seenAlt[alt.ID] {
				ve.Add(agreement.FieldPath(ap, "id"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate alternative id %q", alt.ID))
			}
			seenAlt[alt.ID] = true
			if len(alt.Options) > 0 {
				if err := (agreement.Package{Options: alt.Options}).Validate(territory); err != nil {
					addAll(&ve, ap, err)
				}
			}
			for k, o := range alt.Options {
				if j, ok := optionIssue[o.ID]; ok && j != i && o.ID != "" {
					ve.Add(agreement.FieldPath(agreement.IndexPath(agreement.FieldPath(ap, "options"), k), "id"), agreement.ErrDuplicateID,
						fmt.Sprintf("option id %q is also used by issue %q", o.ID, issues[j].ID))
				} else if !ok {
					optionIssue[o.ID] = i
				}
			}
			seenClause := map[agreement.ClauseID]bool{}
			for k, c := range alt.Clauses {
				cp := agreement.IndexPath(agreement.FieldPath(ap, "clauses"), k)
				if !c.ID.Valid() {
					ve.Add(agreement.FieldPath(cp, "id"), agreement.ErrInvalidID, fmt.Sprintf("malformed clause id %q", c.ID))
				} else if seenClause[c.ID] {
					ve.Add(agreement.FieldPath(cp, "id"), agreement.ErrDuplicateID, fmt.Sprintf("duplicate clause id %q", c.ID))
				}
				seenClause[c.ID] = true
				if !c.Kind.Valid() {
					ve.Add(agreement.FieldPath(cp, "kind"), agreement.ErrInvalidValue, "invalid deontic kind")
				}
			}
		}
	}
	if total > MaxAlternatives {
		ve.Add("issues", ErrTooLarge, fmt.Sprintf("%d alternatives, more than %d", total, MaxAlternatives))
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	s := &Space{territory: territory.Clone(), total: total}
	for _, g := range groups {
		s.groups = append(s.groups, g.Clone())
	}
	s.issues = cloneIssues(issues)
	for _, is := range s.issues {
		s.radix = append(s.radix, len(is.Alternatives))
	}
	off := 0
	for _, r := range s.radix {
		s.base = append(s.base, off)
		off += r
	}
	s.buildConflicts()
	return s, nil
}

// addAll adds every problem of err (a *agreement.ValidationError) under
// prefix.
func addAll(ve *agreement.ValidationError, prefix string, err error) {
	var in *agreement.ValidationError
	if !errors.As(err, &in) {
		ve.Add(prefix, agreement.ErrInvalidValue, err.Error())
		return
	}
	for _, p := range in.Problems {
		if p == nil {
			continue
		}
		path := prefix
		if p.Path != "" {
			path = prefix + "." + p.Path
		}
		ve.Add(path, p.Err, p.Msg)
	}
}

func cloneIssues(issues []Issue) []Issue {
	out := make([]Issue, len(issues))
	for i, is := range issues {
		out[i] = Issue{ID: is.ID, Name: is.Name, Alternatives: make([]Alternative, len(is.Alternatives))}
		for a, alt := range is.Alternatives {
			c := Alternative{ID: alt.ID, Name: alt.Name}
			for _, o := range alt.Options {
				c.Options = append(c.Options, o.Clone())
			}
			for _, cl := range alt.Clauses {
				c.Clauses = append(c.Clauses, cl.Clone())
			}
			out[i].Alternatives[a] = c
		}
	}
	return out
}

// buildConflicts precomputes, for every pair of alternatives of different
// issues, whether two of their options decide the same thing for one area:
// a bitset per alternative, built per area and class of decision in time
// and memory proportional to the alternatives times the bitset's words.
func (s *Space) buildConflicts() {
	s.words = (s.total + 63) / 64
	s.conflicts = make([][]uint64, s.total)
	words := make([]uint64, s.total*s.words)
	for g := range s.conflicts {
		s.conflicts[g] = words[g*s.words : (g+1)*s.words : (g+1)*s.words]
	}
	// claims[area][class] lists the alternatives deciding that.
	claims := map[agreement.AreaID]map[int][]int{}
	for i, is := range s.issues {
		for a, alt := range is.Alternatives {
			g := s.base[i] + a
			for _, o := range alt.Options {
				for _, ar := range o.Areas {
					m := claims[ar]
					if m == nil {
						m = map[int][]int{}
						claims[ar] = m
						s.areaOrder = append(s.areaOrder, ar)
					}
					m[conflictClass(o.Kind)] = append(m[conflictClass(o.Kind)], g)
				}
			}
		}
	}
	mask := make([]uint64, s.words)
	for _, ar := range s.areaOrder {
		for _, gs := range claims[ar] {
			if len(gs) < 2 {
				continue
			}
			clear(mask)
			for _, g := range gs {
				mask[g/64] |= 1 << (g % 64)
			}
			for _, g := range gs {
				row := s.conflicts[g]
				for w, m := range mask {
					row[w] |= m
				}
			}
		}
	}
	// Alternatives of one issue never conflict.
	for i := range s.issues {
		for a := range s.radix[i] {
			row := s.conflicts[s.base[i]+a]
			for h := s.base[i]; h < s.base[i]+s.radix[i]; h++ {
				row[h/64] &^= 1 << (h % 64)
			}
		}
	}
}

// reason returns the Conflict between conflicting alternatives g < h: the
// first area (in the order the space's alternatives first claim them) and
// class of decision on which both have an option.
func (s *Space) reason(g, h int) Conflict {
	gi, ga := s.locate(g)
	hi, ha := s.locate(h)
	og, oh := s.issues[gi].Alternatives[ga].Options, s.issues[hi].Alternatives[ha].Options
	for _, ar := range s.areaOrder {
		var best *Conflict
		class := 0
		for _, o := range og {
			if !slices.Contains(o.Areas, ar) {
				continue
			}
			for _, p := range oh {
				c := conflictClass(o.Kind)
				if slices.Contains(p.Areas, ar) && c == conflictClass(p.Kind) && (best == nil || c < class) {
					class = c
					best = &Conflict{
						Issue: s.issues[gi].ID, Alternative: s.issues[gi].Alternatives[ga].ID, Option: o.ID,
						OtherIssue: s.issues[hi].ID, OtherAlternative: s.issues[hi].Alternatives[ha].ID, OtherOption: p.ID,
						Area: ar,
					}
				}
			}
		}
		if best != nil {
			return *best
		}
	}
	return Conflict{Issue: s.issues[gi].ID, Alternative: s.issues[gi].Alternatives[ga].ID,
		OtherIssue: s.issues[hi].ID, OtherAlternative: s.issues[hi].Alternatives[ha].ID}
}

// locate returns the issue and alternative index of global index g.
func (s *Space) locate(g int) (issue, alt int) {
	i, found := slices.BinarySearch(s.base, g)
	if !found {
		i--
	}
	for i+1 < len(s.base) && s.base[i+1] == g {
		i++
	}
	return i, g - s.base[i]
}

// Territory returns a copy of the space's territory.
func (s *Space) Territory() agreement.Territory {
	if s == nil {
		return agreement.Territory{}
	}
	return s.territory.Clone()
}

// Groups returns a copy of the space's party groups.
func (s *Space) Groups() []agreement.Group {
	var out []agreement.Group
	if s == nil {
		return nil
	}
	for _, g := range s.groups {
		out = append(out, g.Clone())
	}
	return out
}

// Issues returns a copy of the space's issues.
func (s *Space) Issues() []Issue {
	if s == nil {
		return nil
	}
	return cloneIssues(s.issues)
}

// NumIssues returns the number of issues.
func (s *Space) NumIssues() int {
	if s == nil {
		return 0
	}
	return len(s.issues)
}

// NumAlternatives returns the number of alternatives of issue i; 0 when
// there is no issue i.
func (s *Space) NumAlternatives(i int) int {
	if s == nil || i < 0 || i >= len(s.radix) {
		return 0
	}
	return s.radix[i]
}

// Size returns the number of packages, feasible or not: the product of the
// issues' numbers of alternatives.
func (s *Space) Size() *big.Int {
	n := big.NewInt(1)
	if s == nil {
		return big.NewInt(0)
	}
	for _, r := range s.radix {
		n.Mul(n, big.NewInt(int64(r)))
	}
	return n
}

// size64 returns Size as a uint64, and false when it does not fit.
func (s *Space) size64() (uint64, bool) {
	n := uint64(1)
	for _, r := range s.radix {
		hi, lo := bits.Mul64(n, uint64(r))
		if hi != 0 {
			return 0, false
		}
		n = lo
	}
	return n, true
}

// Package is a choice of one alternative per issue: Package[i] is the index
// of the alternative chosen for issue i, in the order of the space's issues
// and of each issue's alternatives. Iterators of this package yield a
// Package they reuse for the next one: copy it (slices.Clone) to keep it.
type Package []int

// Check reports whether p is a package of s and whether it is feasible:
// nil, an error wrapping [agreement.ErrInvalidValue] when p has the wrong
// length or an index out of range, or the *[Conflict] between the first
// two of its alternatives that conflict (in issue order).
func (s *Space) Check(p Package) error {
	if s == nil {
		return fmt.Errorf("%w: nil space", agreement.ErrMissing)
	}
	if len(p) != len(s.radix) {
		return fmt.Errorf("%w: package has %d choices for %d issues", agreement.ErrInvalidValue, len(p), len(s.radix))
	}
	for i, a := range p {
		if a < 0 || a >= s.radix[i] {
			return fmt.Errorf("%w: choice %d for issue %q is out of range [0, %d)", agreement.ErrInvalidValue, a, s.issues[i].ID, s.radix[i])
		}
	}
	for i := range p {
		g := s.base[i] + p[i]
		for j := i + 1; j < len(p); j++ {
			h := s.base[j] + p[j]
			if s.conflicts[g][h/64]&(1<<(h%64)) != 0 {
				c := s.reason(min(g, h), max(g, h))
				return &c
			}
		}
	}
	return nil
}

// valid reports whether p is a package of s.
func (s *Space) valid(p Package) bool {
	if s == nil || len(p) != len(s.radix) {
		return false
	}
	for i, a := range p {
		if a < 0 || a >= s.radix[i] {
			return false
		}
	}
	return true
}

// Alternatives returns the ids of the alternatives p chooses, in issue
// order; nil when p is not a package of s (see [Space.Check]).
func (s *Space) Alternatives(p Package) []AlternativeID {
	if !s.valid(p) {
		return nil
	}
	out := make([]AlternativeID, len(p))
	for i, a := range p {
		out[i] = s.issues[i].Alternatives[a].ID
	}
	return out
}

// Agreement returns the agreement package p chooses, as plain data: the
// territorial options of its alternatives as an [agreement.Package] and
// their clauses, in issue order, copied; nothing when p is not a package
// of s.
func (s *Space) Agreement(p Package) (agreement.Package, []agreement.Clause) {
	var pk agreement.Package
	if !s.valid(p) {
		return pk, nil
	}
	var cs []agreement.Clause
	for i, a := range p {
		alt := s.issues[i].Alternatives[a]
		for _, o := range alt.Options {
			pk.Options = append(pk.Options, o.Clone())
		}
		for _, c := range alt.Clauses {
			cs = append(cs, c.Clone())
		}
	}
	return pk, cs
}

// All returns every package of s, feasible or not, with nil or the
// *[Conflict] that makes it infeasible (as [Space.Check] reports it), in
// mixed-radix order: the last issue's choice varies fastest. It holds
// only the current package, which it reuses (see [Package]).
func (s *Space) All() iter.Seq2[Package, error] {
	return func(yield func(Package, error) bool) {
		if s == nil {
			return
		}
		k := len(s.radix)
		p := make(Package, k)
		for {
			if !yield(p, s.Check(p)) {
				return
			}
			l := k - 1
			for l >= 0 {
				p[l]++
				if p[l] < s.radix[l] {
					break
				}
				p[l] = 0
				l--
			}
			if l < 0 {
				return
			}
		}
	}
}

// Packages returns the feasible packages of s in the order of [Space.All].
func (s *Space) Packages() iter.Seq[Package] {
	return func(yield func(Package) bool) {
		for p, err := range s.All() {
			if err == nil && !yield(p) {
				return
			}
		}
	}
}
