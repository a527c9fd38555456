package agreement

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Condition is an expression of the condition language, evaluated (by package
// scenario) at an instant against the history of events up to it. Conditions
// are immutable values built by the constructors of this package: the atoms
// [Happened], [Holds], [ClauseIn] and [AgreementIn]; the temporal atoms
// [Before], [Within] and [Since]; and the combinators [All], [Any], [Not] and
// [AtLeast]. The interface is sealed: only this package's types implement it.
// Inspect a condition with a type switch on the exported node types
// ([HappenedCondition], ...) or with [Walk].
//
// Constructors never fail: references are checked when the agreement holding
// the condition is validated, since only it knows which parties, fluents and
// clauses exist. A nil Condition in a clause means "no condition" (see
// [Clause]); a nil operand of a combinator is a validation problem, and so is
// a nil pointer to a node type ((*AllCondition)(nil)) wherever it stands.
//
// The nodes are pointers, as in go/ast: comparing two conditions with == never
// panics and reports whether they are the same node, so two calls of
// Holds("ceasefire") are different nodes. [Condition.Equal] and
// [EqualConditions] compare structure. The methods of every node type accept
// a nil receiver and return zero values.
//
// Because operands are pointers, one node may stand in several places: after
// c = Any(c, c) sixty-three times, 64 nodes make a tree with 2^64 paths. A
// condition's size is the number of nodes of its tree, counting a shared
// node once per place it occurs and a nil operand as a node: the number of
// values in the JSON it encodes to. Validation rejects a condition larger
// than [MaxConditionSize] after counting at most MaxConditionSize+1 nodes,
// and every walk of this package stays within that bound whether or not the
// condition is valid: [Walk] and String stop after MaxConditionSize nodes,
// the encoder refuses a larger condition, and [EqualConditions] compares
// each pair of nodes at most once beyond it.
type Condition interface {
	// String returns a readable form, such as
	// "all(holds(ceasefire), happened(armed-attack actor=RU))".
	String() string
	// Equal reports whether o is structurally the same condition: same node
	// types, same operands, in the same order. Use [EqualConditions] to
	// compare conditions that may be nil.
	Equal(o Condition) bool
	// nilNode reports whether the condition is a nil pointer to a node
	// type. Being unexported, it also seals the interface.
	nilNode() bool
}

// HappenedCondition is the atom built by [Happened].
type HappenedCondition struct{ pattern Pattern }

// Happened is true once an event matching p has happened, among the events
// the evaluating context can see (see the package doc, Clauses and
// conditions).
func Happened(p Pattern) Condition { return &HappenedCondition{p} }

// Pattern returns the event pattern.
func (c *HappenedCondition) Pattern() Pattern { return node(c).pattern }

// HoldsCondition is the atom built by [Holds].
type HoldsCondition struct{ fluent FluentID }

// Holds is true while the fluent f holds.
func Holds(f FluentID) Condition { return &HoldsCondition{f} }

// Fluent returns the fluent's id.
func (c *HoldsCondition) Fluent() FluentID { return node(c).fluent }

// ClauseInCondition is the atom built by [ClauseIn] and [ClauseInFor].
type ClauseInCondition struct {
	ref    Ref
	states []State
	debtor PartyID
}

// ClauseIn is true while some instance of the clause ref is in one of
// states. A reparation is a clause whose trigger is ClauseIn(x,
// StateViolated); one owed by each debtor of x separately reads
// ClauseInFor(x, Debtor, StateViolated).
func ClauseIn(ref Ref, states ...State) Condition {
	return &ClauseInCondition{ref, slices.Clone(states), ""}
}

// ClauseInFor is true while the instance of the clause ref owed by debtor is
// in one of states. debtor may be [Debtor]: the instance owed by the debtor
// of the clause instance evaluating the condition. For a clause not
// expanded per debtor (one debtor, or joint), its only instance is owed by
// each of its debtors. Validation reports a debtor that is not one of ref's.
func ClauseInFor(ref Ref, debtor PartyID, states ...State) Condition {
	return &ClauseInCondition{ref, slices.Clone(states), debtor}
}

// Ref returns the clause referred to.
func (c *ClauseInCondition) Ref() Ref { return node(c).ref }

// Debtor returns the debtor whose instance is read; "" for any instance.
func (c *ClauseInCondition) Debtor() PartyID { return node(c).debtor }

// States returns a copy of the states.
func (c *ClauseInCondition) States() []State { return slices.Clone(node(c).states) }

// AgreementInCondition is the atom built by [AgreementIn].
type AgreementInCondition struct {
	agreement AgreementID
	states    []State
}

// AgreementIn is true while agreement id is in one of states. An empty id
// means the agreement holding the condition.
func AgreementIn(id AgreementID, states ...State) Condition {
	return &AgreementInCondition{id, slices.Clone(states)}
}

// Agreement returns the agreement referred to; "" for the holder.
func (c *AgreementInCondition) Agreement() AgreementID { return node(c).agreement }

// States returns a copy of the states.
func (c *AgreementInCondition) States() []State { return slices.Clone(node(c).states) }

// BeforeCondition is the atom built by [Before].
type BeforeCondition struct{ first, then Pattern }

// Before is true once an event matching first has happened at an instant
// strictly before an event matching then.
func Before(first, then Pattern) Condition { return &BeforeCondition{first, then} }

// First returns the pattern of the earlier event.
func (c *BeforeCondition) First() Pattern { return node(c).first }

// Then returns the pattern of the later event.
func (c *BeforeCondition) Then() Pattern { return node(c).then }

// WithinCondition is the atom built by [Within].
type WithinCondition struct {
	pattern Pattern
	d       time.Duration
}

// Within is true from the instant of an event matching p until d has passed
// since it: at t, some matching event e has e.At <= t < e.At+d. Its value
// changes with time alone.
func Within(p Pattern, d time.Duration) Condition { return &WithinCondition{p, d} }

// Pattern returns the event pattern.
func (c *WithinCondition) Pattern() Pattern { return node(c).pattern }

// Duration returns the window's length.
func (c *WithinCondition) Duration() time.Duration { return node(c).d }

// SinceCondition is the atom built by [Since].
type SinceCondition struct {
	pattern Pattern
	d       time.Duration
}

// Since is true once d has passed since the first event matching p: at t,
// that event e has e.At+d <= t. Since(ceasefire, 30 days) turns true exactly
// 30 days after the ceasefire, with no further event.
func Since(p Pattern, d time.Duration) Condition { return &SinceCondition{p, d} }

// Pattern returns the event pattern.
func (c *SinceCondition) Pattern() Pattern { return node(c).pattern }

// Duration returns how long must have passed.
func (c *SinceCondition) Duration() time.Duration { return node(c).d }

// BreachedCondition is the atom built by [Breached].
type BreachedCondition struct {
	ref    Ref
	k      int
	filter BreachFilter
}

// BreachFilter selects the breaches [Breached] counts. The zero value
// counts every breach of every instance.
type BreachFilter struct {
	// Debtor, when set, counts only the breaches of the instance owed by
	// that debtor ([Debtor]: the evaluating instance's own debtor).
	Debtor PartyID
	// Within, when positive, requires the k breaching acts to lie within
	// that long of one another: the last less than Within after the first.
	Within time.Duration
	// Reporter and Attribution, when set, count only breaches whose act was
	// reported by that party, or is so attributed, at the instant of
	// evaluation (a later revision counts from its own instant).
	Reporter    PartyID
	Attribution Attribution
}

// String returns the filter as space-separated key=value pairs, "" for the
// zero filter.
func (f BreachFilter) String() string {
	var b strings.Builder
	kv := func(k, v string) {
		if v != "" {
			b.WriteString(" " + k + "=" + v)
		}
	}
	kv("debtor", string(f.Debtor))
	if f.Within > 0 {
		kv("within", FormatDuration(f.Within))
	}
	kv("reporter", string(f.Reporter))
	kv("attribution", f.Attribution.String())
	return strings.TrimPrefix(b.String(), " ")
}

// Breached is true once at least k breaches of the standing clause ref
// (see [Clause.Standing]) matching filter have been recorded, counting, in
// a clause's fulfilment, violation or antecedent, only breaching acts after
// the evaluating clause entered its state (as event atoms do). A breach's
// act is the event that caused it, or, for a breach caused by no event, the
// breach itself. Validation requires k >= 1 and ref to be a standing
// clause.
func Breached(ref Ref, k int, filter BreachFilter) Condition {
	return &BreachedCondition{ref, k, filter}
}

// Ref returns the standing clause whose breaches are counted.
func (c *BreachedCondition) Ref() Ref { return node(c).ref }

// K returns how many breaches are needed.
func (c *BreachedCondition) K() int { return node(c).k }

// Filter returns the filter.
func (c *BreachedCondition) Filter() BreachFilter { return node(c).filter }

// TallyCondition is the atom built by [Total] and [Level].
type TallyCondition struct {
	pattern Pattern
	bound   Bound
	sum     bool
}

// Total is true when the sum of the quantities b measures, over the events
// matching p (in b's unit, events lacking the quantity adding nothing), lies
// inside b: "3,000 detainees released" is
// Total(release, Measure("detainees").AtLeast(3000)), true at the tranche
// that brings the sum to 3,000.
func Total(p Pattern, b Bound) Condition { return &TallyCondition{p, b, true} }

// Level is true when the last event matching p that carries the quantity b
// measures reports a value inside b: "troops reduced to 12,000" is
// Level(report, Measure(UnitTroops).AtMost(12000)), true after a report of
// 11,500 and false again after one of 12,400.
func Level(p Pattern, b Bound) Condition { return &TallyCondition{p, b, false} }

// Pattern returns the event pattern.
func (c *TallyCondition) Pattern() Pattern { return node(c).pattern }

// Bound returns the bound the total or level must lie in.
func (c *TallyCondition) Bound() Bound { return node(c).bound }

// Sum reports whether c is a [Total] rather than a [Level].
func (c *TallyCondition) Sum() bool { return node(c).sum }

// ClockCondition is the atom built by [From], [Until] and [Between].
type ClockCondition struct{ from, until time.Time }

// From is true at every instant at or after t: "from 06:00 local time on 1
// March". It reads the clock, not the events.
func From(t time.Time) Condition { return &ClockCondition{from: t} }

// Until is true at every instant before t, and false from t on: the bound
// is half-open, so Until(midnight starting 5 March) holds through 4 March.
func Until(t time.Time) Condition { return &ClockCondition{until: t} }

// Between is true at instants at or after from and before until: the
// half-open interval [from, until). Validation requires from before until.
func Between(from, until time.Time) Condition { return &ClockCondition{from: from, until: until} }

// From returns the first instant at which the condition holds; zero when it
// has no lower bound.
func (c *ClockCondition) From() time.Time { return node(c).from }

// Until returns the first instant at which it no longer holds; zero when it
// has no upper bound.
func (c *ClockCondition) Until() time.Time { return node(c).until }

// AllCondition is the combinator built by [All].
type AllCondition struct{ cs []Condition }

// All is true when every operand is; All() is true.
func All(cs ...Condition) Condition { return &AllCondition{slices.Clone(cs)} }

// Conditions returns a copy of the operands.
func (c *AllCondition) Conditions() []Condition { return slices.Clone(node(c).cs) }

// AnyCondition is the combinator built by [Any].
type AnyCondition struct{ cs []Condition }

// Any is true when some operand is; Any() is false.
func Any(cs ...Condition) Condition { return &AnyCondition{slices.Clone(cs)} }

// Conditions returns a copy of the operands.
func (c *AnyCondition) Conditions() []Condition { return slices.Clone(node(c).cs) }

// NotCondition is the combinator built by [Not].
type NotCondition struct{ c Condition }

// Not is true when c is false.
func Not(c Condition) Condition { return &NotCondition{c} }

// Condition returns the operand.
func (c *NotCondition) Condition() Condition { return node(c).c }

// AtLeastCondition is the combinator built by [AtLeast].
type AtLeastCondition struct {
	k  int
	cs []Condition
}

// AtLeast is true when at least k operands are. Validation requires
// 0 <= k <= len(cs).
func AtLeast(k int, cs ...Condition) Condition { return &AtLeastCondition{k, slices.Clone(cs)} }

// K returns how many operands must hold.
func (c *AtLeastCondition) K() int { return node(c).k }

// Conditions returns a copy of the operands.
func (c *AtLeastCondition) Conditions() []Condition { return slices.Clone(node(c).cs) }

func (c *HappenedCondition) nilNode() bool    { return c == nil }
func (c *HoldsCondition) nilNode() bool       { return c == nil }
func (c *ClauseInCondition) nilNode() bool    { return c == nil }
func (c *AgreementInCondition) nilNode() bool { return c == nil }
func (c *BeforeCondition) nilNode() bool      { return c == nil }
func (c *WithinCondition) nilNode() bool      { return c == nil }
func (c *SinceCondition) nilNode() bool       { return c == nil }
func (c *AllCondition) nilNode() bool         { return c == nil }
func (c *AnyCondition) nilNode() bool         { return c == nil }
func (c *NotCondition) nilNode() bool         { return c == nil }
func (c *AtLeastCondition) nilNode() bool     { return c == nil }
func (c *BreachedCondition) nilNode() bool    { return c == nil }
func (c *TallyCondition) nilNode() bool       { return c == nil }
func (c *ClockCondition) nilNode() bool       { return c == nil }

// Operands returns the direct operands of a combinator ([All], [Any], [Not],
// [AtLeast]) as a new slice, and nil for an atom.
func Operands(c Condition) []Condition {
	if isNil(c) {
		return nil
	}
	switch c := c.(type) {
	case *AllCondition:
		return slices.Clone(c.cs)
	case *AnyCondition:
		return slices.Clone(c.cs)
	case *AtLeastCondition:
		return slices.Clone(c.cs)
	case *NotCondition:
		return []Condition{c.c}
	}
	return nil
}

// MaxConditionSize is the largest size of a condition, in nodes (see
// [Condition]), that validation accepts in one slot (a clause's trigger,
// antecedent, fulfilment or violation, or an agreement's entry into force);
// a larger one is reported with [ErrInvalidValue] at the slot's path. It is
// also how many nodes [Walk] and String visit at most.
//
// Written conditions have tens of nodes, and validation accepts them at most
// [MaxDepth] deep; the bound leaves room for generated ones (a few hundred
// clauses folded into one All) while keeping the work of any walk of one
// slot to a fraction of a second and its String to a few megabytes, however
// many paths the shared operands of a hand-built condition make. Being per
// slot, it is checked where problems are reported, and the JSON a valid
// slot encodes to has at most this many values.
const MaxConditionSize = 250_000

// conditionSize returns the size of c (see [Condition]), counting at most
// limit+1 nodes: it returns limit+1 for every larger condition, in time and
// memory proportional to limit whatever the number of paths. It walks
// without recursion.
func conditionSize(c Condition, limit int) int {
	if isNil(c) {
		return 0
	}
	n := 0
	stack := []Condition{c}
	for len(stack) > 0 && n <= limit {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n++
		// Every node pushed is popped and counted, but for those left
		// when the count stops: operands of the nodes on one path, which
		// are distinct (conditions have no cycles).
		stack = append(stack, operands(x)...)
	}
	return min(n, limit+1)
}

// Walk calls fn for c and then, depth first and in order, for every operand
// under it, skipping nil operands. It stops descending below a node for which
// fn returns false. Walk(nil, fn) does nothing. It visits every occurrence
// of a node that several operands share, once per place it occurs.
//
// Walk visits at most [MaxConditionSize] nodes (counting nil operands, which
// it skips): the whole of every condition validation accepts, and the first
// nodes in walk order of a larger one, which it then leaves unvisited. It
// walks without recursion, so that conditions of any depth are safe, in
// time and memory linear in the number of nodes it visits.
func Walk(c Condition, fn func(Condition) bool) {
	stack := []Condition{c}
	for n := 0; len(stack) > 0; {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n++; n > MaxConditionSize {
			return
		}
		if isNil(x) || !fn(x) {
			continue
		}
		ops := operands(x)
		for i := len(ops) - 1; i >= 0; i-- {
			stack = append(stack, ops[i])
		}
	}
}

// operands is Operands without the copy, for this package's own walks.
func operands(c Condition) []Condition {
	if isNil(c) {
		return nil
	}
	switch c := c.(type) {
	case *AllCondition:
		return c.cs
	case *AnyCondition:
		return c.cs
	case *AtLeastCondition:
		return c.cs
	case *NotCondition:
		return []Condition{c.c}
	}
	return nil
}

// EqualConditions reports whether a and b are equal conditions; two nil
// conditions are equal. A node is equal to itself at no cost, however large.
// It compares without recursion, so that conditions of any depth are safe,
// in time linear in their size up to [MaxConditionSize] pairs of nodes;
// beyond that it compares each pair of nodes at most once, so that shared
// operands cost once per pair of distinct nodes rather than once per path.
func EqualConditions(a, b Condition) bool {
	type pair struct{ a, b Condition }
	stack := []pair{{a, b}}
	// seen holds the pairs of combinators with several operands compared
	// once more than MaxConditionSize pairs have been: comparing a pair
	// again could only repeat its answer, and only at such nodes do paths
	// multiply (a chain of Not has one path, however long).
	var seen map[pair]bool
	for n := 0; len(stack) > 0; n++ {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n >= MaxConditionSize && len(operands(p.a)) > 1 {
			if seen == nil {
				seen = map[pair]bool{}
			}
			if seen[p] {
				continue
			}
			seen[p] = true
		}
		if isNil(p.a) || isNil(p.b) {
			if isNil(p.a) && isNil(p.b) {
				continue
			}
			return false
		}
		if p.a == p.b {
			continue // the same node
		}
		if !shallowEqual(p.a, p.b) {
			return false
		}
		x, y := operands(p.a), operands(p.b)
		for i := len(x) - 1; i >= 0; i-- {
			stack = append(stack, pair{x[i], y[i]})
		}
	}
	return true
}

// shallowEqual reports whether a and b, both non-nil, are nodes of the same
// type with equal fields, their operands aside but for their number.
func shallowEqual(a, b Condition) bool {
	switch x := a.(type) {
	case *AllCondition:
		y, ok := b.(*AllCondition)
		return ok && len(x.cs) == len(y.cs)
	case *AnyCondition:
		y, ok := b.(*AnyCondition)
		return ok && len(x.cs) == len(y.cs)
	case *NotCondition:
		_, ok := b.(*NotCondition)
		return ok
	case *AtLeastCondition:
		y, ok := b.(*AtLeastCondition)
		return ok && x.k == y.k && len(x.cs) == len(y.cs)
	}
	return a.Equal(b) // an atom
}

// equalTree is the Equal method of the combinators: x and y are non-nil
// nodes of one type.
func equalTree[P nodePointer[N], N any](x, y P) bool { return EqualConditions(x, y) }

// Equal implements [Condition].
func (c *HappenedCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *HoldsCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *ClauseInCondition) Equal(o Condition) bool {
	return equalNode(c, o, func(x, y *ClauseInCondition) bool {
		return x.ref == y.ref && x.debtor == y.debtor && slices.Equal(x.states, y.states)
	})
}

// Equal implements [Condition].
func (c *BreachedCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *TallyCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition]; instants are compared with [time.Time.Equal].
func (c *ClockCondition) Equal(o Condition) bool {
	return equalNode(c, o, func(x, y *ClockCondition) bool { return x.from.Equal(y.from) && x.until.Equal(y.until) })
}

// String implements [Condition].
func (c *ClockCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *BreachedCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *TallyCondition) String() string { return conditionString(c) }

// Equal implements [Condition].
func (c *AgreementInCondition) Equal(o Condition) bool {
	return equalNode(c, o, func(x, y *AgreementInCondition) bool {
		return x.agreement == y.agreement && slices.Equal(x.states, y.states)
	})
}

// Equal implements [Condition].
func (c *BeforeCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *WithinCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *SinceCondition) Equal(o Condition) bool { return equalNode(c, o, equalFields) }

// Equal implements [Condition].
func (c *AllCondition) Equal(o Condition) bool {
	return equalNode(c, o, equalTree)
}

// Equal implements [Condition].
func (c *AnyCondition) Equal(o Condition) bool {
	return equalNode(c, o, equalTree)
}

// Equal implements [Condition].
func (c *NotCondition) Equal(o Condition) bool {
	return equalNode(c, o, equalTree)
}

// Equal implements [Condition].
func (c *AtLeastCondition) Equal(o Condition) bool {
	return equalNode(c, o, equalTree)
}

// String implements [Condition].
func (c *HappenedCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *HoldsCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *ClauseInCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *AgreementInCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *BeforeCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *WithinCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *SinceCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *AllCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *AnyCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *NotCondition) String() string { return conditionString(c) }

// String implements [Condition].
func (c *AtLeastCondition) String() string { return conditionString(c) }

// conditionString writes c in the readable form of [Condition.String]:
// "<nil>" for no condition. It writes into one builder without recursion,
// so that time and memory are linear in the size of c, whatever its depth.
// It writes at most [MaxConditionSize] nodes, then "…" and how many nodes
// it left out, counted up to the bound: "any(any(…(and more than 250000 more
// nodes)".
func conditionString(c Condition) string {
	var b strings.Builder
	// The stack holds what remains to write, next last: a condition, or
	// the text lit when cond is nil (for a nil operand, lit is "<nil>").
	type item struct {
		cond Condition
		lit  string
	}
	stack := []item{{cond: c, lit: "<nil>"}}
	list := func(name string, cs []Condition) {
		b.WriteString(name)
		b.WriteByte('(')
		stack = append(stack, item{lit: ")"})
		for i := len(cs) - 1; i >= 0; i-- {
			stack = append(stack, item{cond: cs[i], lit: "<nil>"})
			if i > 0 {
				stack = append(stack, item{lit: ", "})
			}
		}
	}
	written := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.lit == "<nil>" { // a node or a nil operand
			if written == MaxConditionSize {
				rest := []Condition{it.cond}
				for _, x := range stack {
					if x.lit == "<nil>" {
						rest = append(rest, x.cond)
					}
				}
				b.WriteString("…(and " + leftOut(rest) + " more nodes)")
				break
			}
			written++
		}
		if isNil(it.cond) {
			b.WriteString(it.lit) // "<nil>" for a nil operand
			continue
		}
		switch c := it.cond.(type) {
		case *HappenedCondition:
			b.WriteString("happened(" + c.pattern.String() + ")")
		case *HoldsCondition:
			b.WriteString("holds(" + string(c.fluent) + ")")
		case *ClauseInCondition:
			d := ""
			if c.debtor != "" {
				d = "[" + string(c.debtor) + "]"
			}
			b.WriteString("clause-in(" + c.ref.String() + d + ": " + statesString(c.states) + ")")
		case *BreachedCondition:
			f := c.filter.String()
			if f != "" {
				f = " " + f
			}
			b.WriteString("breached(" + c.ref.String() + " at-least=" + strconv.Itoa(c.k) + f + ")")
		case *TallyCondition:
			name := "level"
			if c.sum {
				name = "total"
			}
			b.WriteString(name + "(" + c.pattern.String() + "; " + c.bound.String() + ")")
		case *ClockCondition:
			b.WriteString("clock(")
			if !c.from.IsZero() {
				b.WriteString("from=" + c.from.Format(time.RFC3339Nano))
			}
			if !c.until.IsZero() {
				if !c.from.IsZero() {
					b.WriteByte(' ')
				}
				b.WriteString("until=" + c.until.Format(time.RFC3339Nano))
			}
			b.WriteByte(')')
		case *AgreementInCondition:
			id := string(c.agreement)
			if id == "" {
				id = "this"
			}
			b.WriteString("agreement-in(" + id + ": " + statesString(c.states) + ")")
		case *BeforeCondition:
			b.WriteString("before(" + c.first.String() + "; " + c.then.String() + ")")
		case *WithinCondition:
			b.WriteString("within(" + c.pattern.String() + "; " + FormatDuration(c.d) + ")")
		case *SinceCondition:
			b.WriteString("since(" + c.pattern.String() + "; " + FormatDuration(c.d) + ")")
		case *AllCondition:
			list("all", c.cs)
		case *AnyCondition:
			list("any", c.cs)
		case *NotCondition:
			list("not", []Condition{c.c})
		case *AtLeastCondition:
			list("at-least-"+strconv.Itoa(c.k), c.cs)
		default:
			b.WriteString("<nil>")
		}
	}
	return b.String()
}

// leftOut returns how many nodes String leaves out when it stops with the
// conditions of items still to write: the number, when it is at most
// [MaxConditionSize], and otherwise "more than" that bound, which it counts
// no further.
func leftOut(items []Condition) string {
	n := 0
	for _, c := range items {
		if n += conditionSize(c, MaxConditionSize-n); n > MaxConditionSize {
			return "more than " + itoa(MaxConditionSize)
		}
		if isNil(c) {
			n++ // a nil operand
		}
	}
	return itoa(n)
}

func statesString(ss []State) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, "|")
}

// Day is 24 hours, the unit in which durations are usually written.
const Day = 24 * time.Hour

// FormatDuration writes the exact duration d as written: in hours and
// smaller units, without zero units ("72h", "1h30m", "90s", "0s"), never in
// days, which are calendar days in a [Period].
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// ParseDuration reads an exact duration: anything [time.ParseDuration]
// accepts, such as "72h" or "1h30m" (what [FormatDuration] writes), and, as
// documents written before calendar periods existed did, a whole number of
// 24-hour days such as "30d". A calendar period ("3 local days") is a
// [Period]: see [ParsePeriod].
func ParseDuration(s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(s, "d"); ok && n != "" {
		v, err := strconv.ParseInt(n, 10, 64)
		if err != nil || v > int64(1<<63-1)/int64(Day) || v < -int64(1<<63-1)/int64(Day) {
			return 0, &Problem{Err: ErrInvalidValue, Msg: "invalid duration " + quote(s)}
		}
		return time.Duration(v) * Day, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &Problem{Err: ErrInvalidValue, Msg: "invalid duration " + quote(s)}
	}
	return d, nil
}

// isNil reports whether c is nil or a nil pointer to a node type: both stand
// for no condition, and validation reports either where one is required.
func isNil(c Condition) bool { return c == nil || c.nilNode() }

// node returns *c, or the zero node when c is nil: the accessors of the node
// types read their fields through it, so that a nil receiver gives zero
// values.
func node[N any](c *N) N {
	if c == nil {
		var zero N
		return zero
	}
	return *c
}

// nodePointer is a pointer to a node type N.
type nodePointer[N any] interface {
	*N
	Condition
}

// equalNode is the Equal method of every node type: o is a node of c's type,
// and either the same pointer as c or, both being non-nil, one whose fields
// same reports equal to c's.
func equalNode[P nodePointer[N], N any](c P, o Condition, same func(x, y P) bool) bool {
	x, ok := o.(P)
	return ok && (x == c || x != nil && c != nil && same(x, c))
}

// equalFields reports whether two nodes of a type without slices have equal
// fields.
func equalFields[N comparable](x, y *N) bool { return *x == *y }
