package agreementtest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// Corruption is an agreement made invalid on purpose, with the problem that
// [agreement.Agreement.Validate] must report for the last corruption
// applied: its sentinel error and its exact path. Validation may report
// other problems besides (a dangling resumedBy also leaves its resume power
// unpaired, say); the one described here must be among them. The zero value
// describes no corruption. A Corruption is a plain value: copying it is
// cheap, and the copies share the Agreement's slices, which should be
// treated as read-only.
type Corruption struct {
	// Agreement is the corrupted agreement. It shares nothing with the
	// agreement it was made from.
	Agreement agreement.Agreement
	// Sentinel is the error the problem wraps, such as
	// [agreement.ErrUnknownParty].
	Sentinel error
	// Path is where the problem is reported, such as
	// "clauses[2].trigger.all[1].happened.actor".
	Path string
	// Kind names the kind of corruption, one of [CorruptionKinds], such as
	// "dangling debtor".
	Kind string
	// Desc says what was done, for failure messages.
	Desc string

	// touched holds the places changed by this corruption and those before
	// it, which a further corruption must leave alone.
	touched []string
}

// Corrupt returns a generator of agreements drawn as by [Agreement] with
// cfg, each with one corruption applied, drawn among every kind that
// applies to it (see [CorruptionKinds]): dangling references to parties,
// groups, clauses, fluents and agreements (in debtors, creditors, group
// members, signatures, event patterns at any depth of any condition, ClauseIn,
// power targets, resumedBy), duplicate ids, invalid ids, unknown enum
// values, negative quantities and durations, ranges with min above max,
// contradictory fields, and dependency cycles; and in a territory, shares
// not summing to 100, negative or zero shares and sizes, unknown parties in
// shares, duplicate areas, patterns naming undeclared areas, options on
// unknown areas, conflicting options, a demilitarised zone of width 0,
// duplicate option ids and unknown parties in options; and in terms (the
// agreement's or a clause's), a term with no first period, negative
// renewals, renewals without a renewal period, an exact renewal shorter
// than agreement.MinRecurrence, a negative part of one of
// its periods, a clause with both a term and an expiry, an unknown rule
// for acts during a suspension, a notice power aimed at an instrument
// without a term and a notice power naming a resume power. The generator
// is safe for concurrent use and never panics.
func Corrupt(cfg Config) *rapid.Generator[Corruption] {
	base := Agreement(cfg)
	return rapid.Custom(func(t *rapid.T) Corruption {
		return corrupt(t, base.Draw(t, "base"), nil, "")
	})
}

// CorruptAgreement returns a generator of one corruption of a, as
// [Corrupt] draws them. a must be valid (the predicted problem may
// otherwise be masked); it is never modified. The generator is safe for
// concurrent use and never panics on a valid a.
func CorruptAgreement(a agreement.Agreement) *rapid.Generator[Corruption] {
	a = a.Clone()
	return rapid.Custom(func(t *rapid.T) Corruption {
		return corrupt(t, a, nil, "")
	})
}

// Another returns a generator of a further corruption of c.Agreement,
// independent of c and of the corruptions before it: it changes nothing they
// changed or rely on, so each of their problems is still reported for the
// result's Agreement, alongside the new one. Chain it to corrupt an
// agreement in several places at once. c is not modified. The generator is
// safe for concurrent use.
func (c Corruption) Another() *rapid.Generator[Corruption] {
	a := c.Agreement.Clone()
	touched := slices.Clone(c.touched)
	return rapid.Custom(func(t *rapid.T) Corruption {
		return corrupt(t, a, touched, "")
	})
}

// CorruptionKinds returns the names of every kind of corruption, in a
// fixed order; [Corruption.Kind] is one of them. Each call returns a new
// slice.
func CorruptionKinds() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// corrupt applies to a copy of base one corruption that leaves touched
// alone: of kind only, when only is not "" (for tests of this package; it
// returns the zero Corruption when that kind does not apply).
func corrupt(t *rapid.T, base agreement.Agreement, touched []string, only string) Corruption {
	a := base.Clone()
	type option struct {
		k       *kind
		targets []target
	}
	var options []option
	for i := range kinds {
		k := &kinds[i]
		if only != "" && k.name != only {
			continue
		}
		var free []target
		for _, tg := range k.targets(&a) {
			if !slices.ContainsFunc(tg.keys, func(key string) bool { return slices.Contains(touched, key) }) {
				free = append(free, tg)
			}
		}
		if len(free) > 0 {
			options = append(options, option{k, free})
		}
	}
	if len(options) == 0 {
		// Appending a signature is always possible, so this happens only
		// when only names a kind that does not apply.
		return Corruption{}
	}
	o := options[rapid.IntRange(0, len(options)-1).Draw(t, "corruption")]
	tg := o.targets[rapid.IntRange(0, len(o.targets)-1).Draw(t, "place")]
	tg.free = func(key string) bool { return !slices.Contains(touched, key) }
	e := o.k.apply(t, &a, tg)
	return Corruption{
		Agreement: a,
		Sentinel:  e.err,
		Path:      e.path,
		Kind:      o.k.name,
		Desc:      o.k.name + ": " + e.desc,
		touched:   slices.Concat(touched, tg.keys, e.keys),
	}
}

// A kind of corruption: where it can apply in an agreement, and how.
type kind struct {
	name string
	// targets lists the places in a where the corruption can apply, each
	// with the keys of what it changes or relies on.
	targets func(a *agreement.Agreement) []target
	// apply corrupts a at tg, drawing any detail from t.
	apply func(t *rapid.T, a *agreement.Agreement, tg target) expect
}

// target is a place a corruption can apply to: indexes whose meaning
// depends on the kind (a clause, a party, a pair of them; -1 for the
// entry-into-force condition), and keys of what it changes or relies on.
type target struct {
	keys []string
	i, j int
	// free reports whether a key is untouched by earlier corruptions; set
	// just before apply.
	free func(key string) bool
}

// expect is the problem a corruption must produce, and keys of places it
// added.
type expect struct {
	err  error
	path string
	desc string
	keys []string
}

func key(what string, i int) string { return what + ":" + strconv.Itoa(i) }

func at(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func clausePath(i int) string { return at("clauses", i) }

func single(keys ...string) []target { return []target{{keys: keys}} }

// each returns one target per index below n, keyed by what.
func each(what string, n int, ok func(int) bool) []target {
	var out []target
	for i := range n {
		if ok == nil || ok(i) {
			out = append(out, target{keys: []string{key(what, i)}, i: i})
		}
	}
	return out
}

// pairs returns a target per pair i < j below n, keyed by both.
func pairs(what string, n int) []target {
	var out []target
	for j := range n {
		for i := range j {
			out = append(out, target{keys: []string{key(what, i), key(what, j)}, i: i, j: j})
		}
	}
	return out
}

// fresh returns prefix, or prefix with a numeric suffix, such that taken
// reports false for it. The result is a well-formed id.
func fresh(prefix string, taken func(string) bool) string {
	s := prefix
	for n := 2; taken(s); n++ {
		s = prefix + "-" + strconv.Itoa(n)
	}
	return s
}

func ghostParty(a *agreement.Agreement) agreement.PartyID {
	return agreement.PartyID(fresh("unknown-party", func(s string) bool {
		_, ok := a.Party(agreement.PartyID(s))
		return ok
	}))
}

func ghostGroup(a *agreement.Agreement) agreement.GroupID {
	return agreement.GroupID(fresh("unknown-group", func(s string) bool {
		return slices.ContainsFunc(a.Groups, func(g agreement.Group) bool { return string(g.ID) == s })
	}))
}

func ghostFluent(a *agreement.Agreement) agreement.FluentID {
	return agreement.FluentID(fresh("unknown-fluent", func(s string) bool {
		return slices.ContainsFunc(a.Fluents, func(f agreement.Fluent) bool { return string(f.ID) == s })
	}))
}

func ghostClause(a *agreement.Agreement) agreement.ClauseID {
	return agreement.ClauseID(fresh("unknown-clause", func(s string) bool {
		_, ok := a.Clause(agreement.ClauseID(s))
		return ok
	}))
}

func ghostItemClass(a *agreement.Agreement) agreement.ItemClassID {
	return agreement.ItemClassID(fresh("unknown-item-class", func(s string) bool {
		return slices.ContainsFunc(a.ItemClasses, func(c agreement.ItemClass) bool { return string(c.ID) == s })
	}))
}

func ghostAgreement(a *agreement.Agreement) agreement.AgreementID {
	return agreement.AgreementID(fresh("unknown-agreement", func(s string) bool { return string(a.ID) == s }))
}

// invalidIDs are non-empty and malformed: validation reports ErrInvalidID.
var invalidIDs = []string{"-dash", "has space", "a/b", "\u00fcn\u00efcode", ".dot", "_under",
	strings.Repeat("x", 65)}

func drawInvalidID(t *rapid.T) string { return rapid.SampledFrom(invalidIDs).Draw(t, "invalid-id") }

// drawUnknown draws a value of an enum type beyond its last declared value
// last.
func drawUnknown[T ~uint8](t *rapid.T, last T) T {
	return T(rapid.IntRange(int(last)+1, 255).Draw(t, "unknown-enum"))
}

// validPattern is a pattern every agreement accepts.
var validPattern = agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}

// sibling is a condition every agreement accepts, used to pad combinators.
var sibling = agreement.AgreementIn("", agreement.StateInForce)

// patternFault corrupts one field of p and returns the field's path suffix
// (".actor") and the sentinel; which fields are drawn from depends on sort.
func patternFault(t *rapid.T, a *agreement.Agreement, p agreement.Pattern, sort string) (agreement.Pattern, string, error) {
	switch sort {
	case "party":
		switch rapid.SampledFrom([]string{"actor", "target", "reporter"}).Draw(t, "field") {
		case "actor":
			p.Actor = ghostParty(a)
			return p, ".actor", agreement.ErrUnknownParty
		case "target":
			p.Target = ghostParty(a)
			return p, ".target", agreement.ErrUnknownParty
		default:
			p.Reporter = ghostParty(a)
			return p, ".reporter", agreement.ErrUnknownParty
		}
	case "group":
		p.Group = ghostGroup(a)
		return p, ".group", agreement.ErrUnknownGroup
	case "clause":
		p.Clause = agreement.LocalRef(ghostClause(a))
		return p, ".clause", agreement.ErrUnknownClause
	case "attribution":
		p.Attribution = drawUnknown(t, agreement.AttributionConfirmed)
		return p, ".attribution", agreement.ErrInvalidValue
	case "class":
		p.Class = ghostItemClass(a)
		return p, ".class", agreement.ErrUnknownItemClass
	case "missing kind":
		p.Kind = ""
		return p, ".kind", agreement.ErrMissing
	default: // "invalid kind"
		p.Kind = agreement.EventKind(rapid.SampledFrom([]string{"Armed-Attack", "has space", "-x", "9lives"}).Draw(t, "kind"))
		return p, ".kind", agreement.ErrInvalidID
	}
}

// badNode is a condition with a problem somewhere under it: at the path
// suffix, relative to the node.
type badNode struct {
	c      agreement.Condition
	suffix string
	err    error
	desc   string
}

// patternNode puts a pattern with a fault of the given sort into a drawn
// pattern-holding atom.
func patternNode(sort string) func(t *rapid.T, a *agreement.Agreement) badNode {
	return func(t *rapid.T, a *agreement.Agreement) badNode {
		p, field, err := patternFault(t, a, validPattern, sort)
		switch rapid.IntRange(0, 4).Draw(t, "host") {
		case 0:
			return badNode{agreement.Before(p, validPattern), ".before.first" + field, err, "before, first pattern"}
		case 1:
			return badNode{agreement.Before(validPattern, p), ".before.then" + field, err, "before, then pattern"}
		case 2:
			return badNode{agreement.Within(p, agreement.Day), ".within.event" + field, err, "within pattern"}
		case 3:
			return badNode{agreement.Since(p, 0), ".since.event" + field, err, "since pattern"}
		}
		return badNode{agreement.Happened(p), ".happened" + field, err, "happened pattern"}
	}
}

// embed wraps n in zero to two drawn combinators, so that the problem sits
// at some depth.
func embed(t *rapid.T, n badNode) badNode {
	for range rapid.IntRange(0, 2).Draw(t, "wrappers") {
		switch rapid.IntRange(0, 3).Draw(t, "wrapper") {
		case 0:
			n.c, n.suffix = agreement.Not(n.c), ".not"+n.suffix
		case 1:
			n.c, n.suffix = agreement.All(sibling, n.c), ".all[1]"+n.suffix
		case 2:
			n.c, n.suffix = agreement.Any(n.c), ".any[0]"+n.suffix
		default:
			n.c, n.suffix = agreement.AtLeast(1, n.c, sibling), ".atLeast.of[0]"+n.suffix
		}
	}
	return n
}

// position is a node of a condition: its validation path and the operand
// indexes leading to it from the root.
type position struct {
	path  string
	steps []int
}

func positions(c agreement.Condition, path string, steps []int, out *[]position) {
	*out = append(*out, position{path, slices.Clone(steps)})
	var ops []agreement.Condition
	var at func(int) string
	switch c := c.(type) {
	case *agreement.AllCondition:
		ops, at = c.Conditions(), func(i int) string { return path + ".all[" + strconv.Itoa(i) + "]" }
	case *agreement.AnyCondition:
		ops, at = c.Conditions(), func(i int) string { return path + ".any[" + strconv.Itoa(i) + "]" }
	case *agreement.AtLeastCondition:
		ops, at = c.Conditions(), func(i int) string { return path + ".atLeast.of[" + strconv.Itoa(i) + "]" }
	case *agreement.NotCondition:
		ops, at = []agreement.Condition{c.Condition()}, func(int) string { return path + ".not" }
	}
	for i, o := range ops {
		if o != nil {
			positions(o, at(i), append(steps, i), out)
		}
	}
}

// replace returns c with the node at steps replaced by n, rebuilt with the
// constructors (conditions are immutable).
func replace(c agreement.Condition, steps []int, n agreement.Condition) agreement.Condition {
	if len(steps) == 0 {
		return n
	}
	i, rest := steps[0], steps[1:]
	switch c := c.(type) {
	case *agreement.AllCondition:
		ops := c.Conditions()
		ops[i] = replace(ops[i], rest, n)
		return agreement.All(ops...)
	case *agreement.AnyCondition:
		ops := c.Conditions()
		ops[i] = replace(ops[i], rest, n)
		return agreement.Any(ops...)
	case *agreement.AtLeastCondition:
		ops := c.Conditions()
		ops[i] = replace(ops[i], rest, n)
		return agreement.AtLeast(c.K(), ops...)
	case *agreement.NotCondition:
		return agreement.Not(replace(c.Condition(), rest, n))
	}
	panic("agreementtest: replace: no operand " + strconv.Itoa(i) + " in " + c.String())
}

// place puts c into a condition slot of clause tg.i (or, for tg.i < 0, the
// entry-into-force condition): into an empty slot that every kind of clause
// may fill, or in place of a drawn node of a filled slot, the anchors of
// the clause's deadline and expiry among them. It returns the path of c's
// root.
func place(t *rapid.T, a *agreement.Agreement, i int, c agreement.Condition) string {
	slot, path := &a.EntryIntoForce, "entryIntoForce"
	if i >= 0 {
		cl := &a.Clauses[i]
		type named struct {
			name string
			p    *agreement.Condition
		}
		slots := []named{{"trigger", &cl.Trigger}, {"antecedent", &cl.Antecedent}, {"fulfilment", &cl.Fulfilment}}
		if cl.Violation != nil {
			slots = append(slots, named{"violation", &cl.Violation})
		}
		if cl.Deadline.From != nil {
			slots = append(slots, named{"deadline.from", &cl.Deadline.From})
		}
		if cl.Expiry.From != nil {
			slots = append(slots, named{"expiry.from", &cl.Expiry.From})
		}
		s := slots[rapid.IntRange(0, len(slots)-1).Draw(t, "slot")]
		slot, path = s.p, clausePath(i)+"."+s.name
	}
	if *slot == nil {
		*slot = c
		return path
	}
	var ps []position
	positions(*slot, path, nil, &ps)
	p := ps[rapid.IntRange(0, len(ps)-1).Draw(t, "node")]
	*slot = replace(*slot, p.steps, c)
	return p.path
}

// conditionTargets are every clause and the entry-into-force condition.
func conditionTargets(a *agreement.Agreement) []target {
	return append(each("clause", len(a.Clauses), nil), target{keys: []string{"entry"}, i: -1})
}

// conditionKind is a corruption that places a bad node, at some depth, into
// a condition of a clause or into the entry-into-force condition.
func conditionKind(name string, bad func(t *rapid.T, a *agreement.Agreement) badNode) kind {
	return kind{
		name:    name,
		targets: conditionTargets,
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			n := embed(t, bad(t, a))
			path := place(t, a, tg.i, n.c) + n.suffix
			return expect{err: n.err, path: path, desc: n.desc + " " + n.c.String() + " at " + path}
		},
	}
}

// elementKind is a corruption of one element, satisfying ok (any, when
// nil), of the list of an agreement that list returns; what names the
// element in target keys, and path gives the path of element i.
func elementKind[E any](name, what string, list func(a *agreement.Agreement) []E, path func(i int) string,
	ok func(e *E) bool, apply func(t *rapid.T, a *agreement.Agreement, e *E, path string) expect) kind {
	return kind{
		name: name,
		targets: func(a *agreement.Agreement) []target {
			xs := list(a)
			return each(what, len(xs), func(i int) bool { return ok == nil || ok(&xs[i]) })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			return apply(t, a, &list(a)[tg.i], path(tg.i))
		},
	}
}

// clauseKind is a corruption of one clause satisfying ok (any, when nil).
func clauseKind(name string, ok func(c *agreement.Clause) bool,
	apply func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect) kind {
	return elementKind(name, "clause", func(a *agreement.Agreement) []agreement.Clause { return a.Clauses },
		clausePath, ok, apply)
}

// partyKind is a corruption of one party satisfying ok (any, when nil).
func partyKind(name string, ok func(p *agreement.Party) bool,
	apply func(t *rapid.T, p *agreement.Party, path string) expect) kind {
	return elementKind(name, "party", func(a *agreement.Agreement) []agreement.Party { return a.Parties },
		func(i int) string { return at("parties", i) }, ok,
		func(t *rapid.T, _ *agreement.Agreement, p *agreement.Party, path string) expect {
			return apply(t, p, path)
		})
}

// quantityKind corrupts a drawn quantity of a clause, appending a valid one
// first when the clause has none.
func quantityKind(name string, apply func(t *rapid.T, r *agreement.Range, path string) expect) kind {
	return clauseKind(name, nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		if len(c.Quantities) == 0 || rapid.Bool().Draw(t, "append") {
			c.Quantities = append(c.Quantities, drawRange(t))
		}
		k := rapid.IntRange(0, len(c.Quantities)-1).Draw(t, "quantity")
		return apply(t, &c.Quantities[k], at(path+".quantities", k))
	})
}

// positiveDecimal draws a decimal above zero.
func positiveDecimal(t *rapid.T) decimal.Decimal {
	return decimal.New(rapid.Int64Range(1, 1_000_000).Draw(t, "amount"), -int32(rapid.IntRange(0, 3).Draw(t, "exp")))
}

func isPower(c *agreement.Clause) bool { return c.Kind == agreement.DeonticPower }

func hasTargets(c *agreement.Clause) bool {
	return c.Kind == agreement.DeonticPower && len(c.Targets) > 0
}

func isSuspend(c *agreement.Clause) bool {
	return c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectSuspend
}

// replaceOrAppend sets a drawn element of *xs to v, or appends v, and
// returns its index.
func replaceOrAppend[T any](t *rapid.T, xs *[]T, v T) int {
	if len(*xs) == 0 || rapid.Bool().Draw(t, "append") {
		*xs = append(*xs, v)
		return len(*xs) - 1
	}
	i := rapid.IntRange(0, len(*xs)-1).Draw(t, "index")
	(*xs)[i] = v
	return i
}
