package agreementtest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

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
// duplicate option ids and unknown parties in options. The generator is safe for
// concurrent use and never panics.
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
// may fill, or in place of a drawn node of a filled slot. It returns the
// path of c's root.
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

// clauseKind is a corruption of one clause satisfying ok (any, when nil).
func clauseKind(name string, ok func(c *agreement.Clause) bool,
	apply func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect) kind {
	return kind{
		name: name,
		targets: func(a *agreement.Agreement) []target {
			return each("clause", len(a.Clauses), func(i int) bool { return ok == nil || ok(&a.Clauses[i]) })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			return apply(t, a, &a.Clauses[tg.i], clausePath(tg.i))
		},
	}
}

// partyKind is a corruption of one party satisfying ok (any, when nil).
func partyKind(name string, ok func(p *agreement.Party) bool,
	apply func(t *rapid.T, p *agreement.Party, path string) expect) kind {
	return kind{
		name: name,
		targets: func(a *agreement.Agreement) []target {
			return each("party", len(a.Parties), func(i int) bool { return ok == nil || ok(&a.Parties[i]) })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			return apply(t, &a.Parties[tg.i], at("parties", tg.i))
		},
	}
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

// kinds is the table of corruptions: those of the agreement's core and
// those of its territory and options (corrupt_territory.go), each with the
// keys of what it touches.
var kinds = slices.Concat(coreKinds, territoryKinds)

// coreKinds are the corruptions of everything but territory and options.
var coreKinds = []kind{
	// The agreement itself.
	{
		name:    "invalid agreement id",
		targets: func(*agreement.Agreement) []target { return single("agreement:id") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.ID = agreement.AgreementID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: "id", desc: "id " + strconv.Quote(string(a.ID))}
		},
	},
	{
		name:    "missing agreement id",
		targets: func(*agreement.Agreement) []target { return single("agreement:id") },
		apply: func(_ *rapid.T, a *agreement.Agreement, _ target) expect {
			a.ID = ""
			return expect{err: agreement.ErrMissing, path: "id", desc: "empty id"}
		},
	},
	{
		name:    "unknown signing status",
		targets: func(*agreement.Agreement) []target { return single("agreement:status") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SigningStatus = drawUnknown(t, agreement.SigningStatusSubsequent)
			return expect{err: agreement.ErrInvalidValue, path: "signingStatus", desc: a.SigningStatus.String()}
		},
	},
	{
		name:    "unknown stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.Stage = agreement.Stage(rapid.SampledFrom([]string{"pre", "Ceasefire", "X"}).Draw(t, "stage"))
			return expect{err: agreement.ErrInvalidValue, path: "stage", desc: string(a.Stage)}
		},
	},
	{
		name:    "unknown sub-stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SubStage = agreement.SubStage(rapid.SampledFrom([]string{"proc", "Implementation", "X"}).Draw(t, "sub-stage"))
			return expect{err: agreement.ErrInvalidValue, path: "subStage", desc: string(a.SubStage)}
		},
	},
	{
		name:    "sub-stage of another stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SubStage = rapid.SampledFrom(subStages).Draw(t, "sub-stage")
			var others []agreement.Stage
			for _, s := range stages {
				if s != a.SubStage.Stage() {
					others = append(others, s)
				}
			}
			a.Stage = rapid.SampledFrom(others).Draw(t, "stage")
			return expect{err: agreement.ErrInconsistent, path: "subStage",
				desc: string(a.SubStage) + " under " + string(a.Stage)}
		},
	},
	{
		name: "dangling signatory",
		targets: func(a *agreement.Agreement) []target {
			return append(each("signature", len(a.Signatures), nil), target{i: -1})
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			return signatory(a, tg.i, ghostParty(a), agreement.ErrUnknownParty)
		},
	},
	{
		name: "missing signatory",
		targets: func(a *agreement.Agreement) []target {
			return append(each("signature", len(a.Signatures), nil), target{i: -1})
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			return signatory(a, tg.i, "", agreement.ErrMissing)
		},
	},

	// Parties.
	{
		name:    "duplicate party id",
		targets: func(a *agreement.Agreement) []target { return pairs("party", len(a.Parties)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Parties[tg.j].ID = a.Parties[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("parties", tg.j) + ".id",
				desc: string(a.Parties[tg.i].ID) + " also at " + at("parties", tg.i)}
		},
	},
	partyKind("invalid party id", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.ID = agreement.PartyID(drawInvalidID(t))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(p.ID))}
	}),
	partyKind("missing party id", nil, func(_ *rapid.T, p *agreement.Party, path string) expect {
		p.ID = ""
		return expect{err: agreement.ErrMissing, path: path + ".id", desc: "empty id"}
	}),
	partyKind("unknown party kind", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.Kind = drawUnknown(t, agreement.PartyKindOther)
		return expect{err: agreement.ErrInvalidValue, path: path + ".kind", desc: p.Kind.String()}
	}),
	partyKind("unknown role", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.Roles = append(p.Roles, drawUnknown(t, agreement.RoleBeneficiary))
		i := len(p.Roles) - 1
		return expect{err: agreement.ErrInvalidValue, path: at(path+".roles", i), desc: p.Roles[i].String()}
	}),
	partyKind("duplicate role", func(p *agreement.Party) bool { return len(p.Roles) > 0 },
		func(t *rapid.T, p *agreement.Party, path string) expect {
			r := rapid.SampledFrom(p.Roles).Draw(t, "role")
			p.Roles = append(p.Roles, r)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".roles", len(p.Roles)-1), desc: r.String()}
		}),

	// Groups.
	{
		name: "dangling group member",
		targets: func(a *agreement.Agreement) []target {
			return append(each("group", len(a.Groups), nil), target{i: -1})
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			ghost := ghostParty(a)
			i := tg.i
			var keys []string
			if i < 0 {
				i = len(a.Groups)
				keys = []string{key("group", i)}
				a.Groups = append(a.Groups, agreement.Group{ID: agreement.GroupID(fresh("extra-group", func(s string) bool {
					return slices.ContainsFunc(a.Groups, func(g agreement.Group) bool { return string(g.ID) == s })
				}))})
			}
			j := replaceOrAppend(t, &a.Groups[i].Members, ghost)
			return expect{err: agreement.ErrUnknownParty, path: at(at("groups", i)+".members", j),
				desc: string(ghost), keys: keys}
		},
	},
	{
		name: "duplicate group member",
		targets: func(a *agreement.Agreement) []target {
			return each("group", len(a.Groups), func(i int) bool { return len(a.Groups[i].Members) > 0 })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			g := &a.Groups[tg.i]
			m := rapid.SampledFrom(g.Members).Draw(t, "member")
			g.Members = append(g.Members, m)
			return expect{err: agreement.ErrDuplicateID, path: at(at("groups", tg.i)+".members", len(g.Members)-1),
				desc: string(m)}
		},
	},
	{
		name:    "duplicate group id",
		targets: func(a *agreement.Agreement) []target { return pairs("group", len(a.Groups)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Groups[tg.j].ID = a.Groups[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("groups", tg.j) + ".id", desc: string(a.Groups[tg.i].ID)}
		},
	},
	{
		name:    "invalid group id",
		targets: func(a *agreement.Agreement) []target { return each("group", len(a.Groups), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Groups[tg.i].ID = agreement.GroupID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: at("groups", tg.i) + ".id", desc: string(a.Groups[tg.i].ID)}
		},
	},

	// Fluents.
	{
		name:    "duplicate fluent id",
		targets: func(a *agreement.Agreement) []target { return pairs("fluent", len(a.Fluents)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Fluents[tg.j].ID = a.Fluents[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("fluents", tg.j) + ".id", desc: string(a.Fluents[tg.i].ID)}
		},
	},
	{
		name:    "invalid fluent id",
		targets: func(a *agreement.Agreement) []target { return each("fluent", len(a.Fluents), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Fluents[tg.i].ID = agreement.FluentID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: at("fluents", tg.i) + ".id", desc: string(a.Fluents[tg.i].ID)}
		},
	},
	{
		name:    "dangling party in fluent pattern",
		targets: func(a *agreement.Agreement) []target { return each("fluent", len(a.Fluents), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			f := &a.Fluents[tg.i]
			list, name := &f.Initiates, "initiates"
			if rapid.Bool().Draw(t, "terminates") {
				list, name = &f.Terminates, "terminates"
			}
			p, field, err := patternFault(t, a, validPattern, "party")
			j := replaceOrAppend(t, list, p)
			path := at(at("fluents", tg.i)+"."+name, j) + field
			return expect{err: err, path: path, desc: p.String()}
		},
	},

	// Clauses: parties.
	clauseKind("dangling debtor", nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := ghostParty(a)
		j := replaceOrAppend(t, &c.Debtors, g)
		return expect{err: agreement.ErrUnknownParty, path: at(path+".debtors", j), desc: string(g)}
	}),
	clauseKind("dangling creditor", nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := ghostParty(a)
		j := replaceOrAppend(t, &c.Creditors, g)
		return expect{err: agreement.ErrUnknownParty, path: at(path+".creditors", j), desc: string(g)}
	}),
	clauseKind("duplicate debtor", func(c *agreement.Clause) bool { return len(c.Debtors) > 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			d := rapid.SampledFrom(c.Debtors).Draw(t, "debtor")
			c.Debtors = append(c.Debtors, d)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".debtors", len(c.Debtors)-1), desc: string(d)}
		}),
	clauseKind("duplicate creditor", func(c *agreement.Clause) bool { return len(c.Creditors) > 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			d := rapid.SampledFrom(c.Creditors).Draw(t, "creditor")
			c.Creditors = append(c.Creditors, d)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".creditors", len(c.Creditors)-1), desc: string(d)}
		}),
	clauseKind("no debtors", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Debtors = nil
		return expect{err: agreement.ErrMissing, path: path + ".debtors", desc: "debtors removed"}
	}),
	clauseKind("joint with one debtor", func(c *agreement.Clause) bool { return len(c.Debtors) > 0 },
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Debtors, c.Joint = c.Debtors[:1], true
			return expect{err: agreement.ErrInconsistent, path: path + ".joint", desc: "joint, debtor " + string(c.Debtors[0])}
		}),
	actionKind("dangling party in action", "party"),
	actionKind("dangling group in action", "group"),
	actionKind("dangling clause in action", "clause"),
	actionKind("unknown attribution in action", "attribution"),

	// Clauses: conditions (and the entry-into-force condition).
	conditionKind("dangling party in condition", patternNode("party")),
	conditionKind("dangling group in condition", patternNode("group")),
	conditionKind("dangling clause in pattern", patternNode("clause")),
	conditionKind("unknown attribution in condition", patternNode("attribution")),
	conditionKind("missing event kind", patternNode("missing kind")),
	conditionKind("invalid event kind", patternNode("invalid kind")),
	conditionKind("dangling clause in clause-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a)), agreement.StateInEffect),
			".clauseIn.clause", agreement.ErrUnknownClause, "clause-in"}
	}),
	conditionKind("dangling fluent", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.Holds(ghostFluent(a)), ".holds", agreement.ErrUnknownFluent, "holds"}
	}),
	conditionKind("dangling agreement in agreement-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.AgreementIn(ghostAgreement(a), agreement.StateInForce),
			".agreementIn.agreement", agreement.ErrUnknownAgreement, "agreement-in"}
	}),
	conditionKind("agreement state in clause-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		s := rapid.SampledFrom([]agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce}).Draw(t, "state")
		return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a)), s),
			".clauseIn.states[0]", agreement.ErrInvalidValue, "clause-in"}
	}),
	conditionKind("clause state in agreement-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		s := rapid.SampledFrom([]agreement.State{agreement.StateDormant, agreement.StateInEffect, agreement.StateViolated}).Draw(t, "state")
		return badNode{agreement.AgreementIn("", s), ".agreementIn.states[0]", agreement.ErrInvalidValue, "agreement-in"}
	}),
	conditionKind("no states", func(t *rapid.T, a *agreement.Agreement) badNode {
		if rapid.Bool().Draw(t, "clause-in") {
			return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a))), ".clauseIn.states",
				agreement.ErrMissing, "clause-in"}
		}
		return badNode{agreement.AgreementIn(""), ".agreementIn.states", agreement.ErrMissing, "agreement-in"}
	}),
	conditionKind("negative window", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.Within(validPattern, -drawPositiveDuration(t, "window")), ".within.duration",
			agreement.ErrNegative, "within"}
	}),
	conditionKind("zero window", func(*rapid.T, *agreement.Agreement) badNode {
		return badNode{agreement.Within(validPattern, 0), ".within.duration", agreement.ErrInvalidValue, "within"}
	}),
	conditionKind("negative since", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.Since(validPattern, -drawPositiveDuration(t, "since")), ".since.duration",
			agreement.ErrNegative, "since"}
	}),
	conditionKind("at-least beyond operands", func(t *rapid.T, _ *agreement.Agreement) badNode {
		n := rapid.IntRange(0, 2).Draw(t, "operands")
		return badNode{agreement.AtLeast(n+rapid.IntRange(1, 3).Draw(t, "excess"), slices.Repeat([]agreement.Condition{sibling}, n)...),
			".atLeast.k", agreement.ErrInvalidValue, "at-least"}
	}),
	conditionKind("negative at-least", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.AtLeast(-rapid.IntRange(1, 3).Draw(t, "k"), sibling), ".atLeast.k",
			agreement.ErrNegative, "at-least"}
	}),
	conditionKind("nil operand", func(t *rapid.T, _ *agreement.Agreement) badNode {
		switch rapid.IntRange(0, 3).Draw(t, "combinator") {
		case 0:
			return badNode{agreement.Not(nil), ".not", agreement.ErrMissing, "not"}
		case 1:
			return badNode{agreement.All(sibling, nil), ".all[1]", agreement.ErrMissing, "all"}
		case 2:
			return badNode{agreement.Any(nil), ".any[0]", agreement.ErrMissing, "any"}
		}
		return badNode{agreement.AtLeast(1, sibling, nil), ".atLeast.of[1]", agreement.ErrMissing, "at-least"}
	}),
	{
		// Clause 0 reads clause k, which reads clause 0 (for k = 0, clause
		// 0 reads itself), possibly through up to two more clauses: 0 ->
		// k ... -> 0. Validation's depth-first search starts at clause 0,
		// which stays on its stack while it explores all that clause 0
		// reaches, so the link back into clause 0 is reported at clause 0.
		// The links are in topological order (no link already reaches an
		// earlier one), so every cycle passes through clause 0 and no
		// cycle is reported anywhere else.
		name: "dependency cycle",
		targets: func(a *agreement.Agreement) []target {
			var out []target
			for k := range a.Clauses {
				out = append(out, target{keys: []string{key("clause", 0), key("clause", k)}, j: k})
			}
			return out
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			var links []int
			if tg.j != 0 {
				var extra []int
				for i := 1; i < len(a.Clauses); i++ {
					if i != tg.j && tg.free(key("clause", i)) {
						extra = append(extra, i)
					}
				}
				links = append([]int{tg.j}, take(t, "links", extra, 0, 2)...)
				rank := topoRank(clauseGraph(a))
				slices.SortFunc(links, func(x, y int) int { return cmp.Compare(rank[x], rank[y]) })
			}
			chain := append([]int{0}, links...)
			names := make([]string, 0, len(chain)+1)
			var keys []string
			for i, from := range chain {
				to := a.Clauses[chain[(i+1)%len(chain)]].ID
				states := rapid.SliceOfN(rapid.SampledFrom(clauseStates), 1, 2).Draw(t, "states")
				place(t, a, from, agreement.ClauseIn(agreement.LocalRef(to), states...))
				names = append(names, string(a.Clauses[from].ID))
				keys = append(keys, key("clause", from))
			}
			names = append(names, names[0])
			return expect{err: agreement.ErrCycle, path: clausePath(0), desc: strings.Join(names, " -> "), keys: keys}
		},
	},

	// Clauses: powers.
	clauseKind("dangling target", hasTargets, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := agreement.LocalRef(ghostClause(a))
		j := replaceOrAppend(t, &c.Targets, g)
		return expect{err: agreement.ErrUnknownClause, path: at(path+".targets", j), desc: g.String()}
	}),
	clauseKind("dangling agreement in target", hasTargets, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := agreement.QualifiedRef(ghostAgreement(a), "C1")
		if rapid.Bool().Draw(t, "whole") {
			g = agreement.AgreementRef(g.Agreement)
		}
		j := replaceOrAppend(t, &c.Targets, g)
		return expect{err: agreement.ErrUnknownAgreement, path: at(path+".targets", j), desc: g.String()}
	}),
	clauseKind("self target", hasTargets, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		j := replaceOrAppend(t, &c.Targets, agreement.LocalRef(c.ID))
		return expect{err: agreement.ErrInconsistent, path: at(path+".targets", j), desc: string(c.ID)}
	}),
	clauseKind("dangling resumedBy", isSuspend, func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = ghostClause(a)
		return expect{err: agreement.ErrUnknownClause, path: path + ".resumedBy", desc: string(c.ResumedBy)}
	}),
	clauseKind("resumedBy not a resume power", isSuspend, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = c.ID
		return expect{err: agreement.ErrInconsistent, path: path + ".resumedBy", desc: "resumed by itself"}
	}),
	clauseKind("suspend without resume", isSuspend, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = ""
		return expect{err: agreement.ErrMissing, path: path + ".resumedBy", desc: "resumedBy removed"}
	}),
	clauseKind("resume power with targets", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectResume
	}, func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Targets = []agreement.Ref{agreement.AgreementRef(a.ID)}
		return expect{err: agreement.ErrInconsistent, path: path + ".targets", desc: "targets added"}
	}),
	clauseKind("power without effect", isPower, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Effect = agreement.EffectUnspecified
		return expect{err: agreement.ErrMissing, path: path + ".effect", desc: "effect removed"}
	}),
	clauseKind("unknown effect", isPower, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Effect = drawUnknown(t, agreement.EffectTerminate)
		return expect{err: agreement.ErrInvalidValue, path: path + ".effect", desc: c.Effect.String()}
	}),
	clauseKind("effect on a non-power", func(c *agreement.Clause) bool { return !isPower(c) },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Effect = rapid.SampledFrom([]agreement.Effect{agreement.EffectSuspend, agreement.EffectResume, agreement.EffectDischarge,
				agreement.EffectTerminate}).Draw(t, "effect")
			return expect{err: agreement.ErrInconsistent, path: path + ".effect", desc: c.Effect.String()}
		}),
	clauseKind("targets on a non-power", func(c *agreement.Clause) bool { return !isPower(c) },
		func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Targets = []agreement.Ref{agreement.AgreementRef(a.ID)}
			return expect{err: agreement.ErrInconsistent, path: path + ".targets", desc: "targets added"}
		}),

	// Clauses: quantities.
	quantityKind("negative quantity minimum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Min = positiveDecimal(t).Neg()
		return expect{err: agreement.ErrNegative, path: path + ".min", desc: r.Min.String()}
	}),
	quantityKind("negative quantity maximum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Max = positiveDecimal(t).Neg()
		return expect{err: agreement.ErrNegative, path: path + ".max", desc: r.Max.String()}
	}),
	quantityKind("minimum above maximum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Min = r.Max.Add(positiveDecimal(t))
		return expect{err: agreement.ErrInvalidValue, path: path, desc: r.Min.String() + " > " + r.Max.String()}
	}),
	quantityKind("invalid unit", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Unit = agreement.Unit(rapid.SampledFrom([]string{"Troops", "km 2", "-", "9km"}).Draw(t, "unit"))
		return expect{err: agreement.ErrInvalidValue, path: path + ".unit", desc: string(r.Unit)}
	}),

	// Clauses: deadlines and expiries.
	clauseKind("negative expiry", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Expiry = agreement.Deadline{After: -drawPositiveDuration(t, "expiry")}
		return expect{err: agreement.ErrNegative, path: path + ".expiry.after", desc: c.Expiry.String()}
	}),
	clauseKind("negative deadline", func(c *agreement.Clause) bool { return c.Kind == agreement.DeonticObligation },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Deadline = agreement.Deadline{After: -drawPositiveDuration(t, "deadline")}
			return expect{err: agreement.ErrNegative, path: path + ".deadline.after", desc: c.Deadline.String()}
		}),
	clauseKind("after and at", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		d := agreement.Deadline{After: drawPositiveDuration(t, "after"), At: drawInstant(t, "at")}
		name := "expiry"
		if c.Kind == agreement.DeonticObligation && rapid.Bool().Draw(t, "deadline") {
			c.Deadline, name = d, "deadline"
		} else {
			c.Expiry = d
		}
		return expect{err: agreement.ErrInconsistent, path: path + "." + name, desc: "after " +
			agreement.FormatDuration(d.After) + " and at " + d.At.Format(time.RFC3339Nano)}
	}),
	clauseKind("deadline on a non-obligation", func(c *agreement.Clause) bool { return c.Kind != agreement.DeonticObligation },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Deadline = drawDeadline(t, "deadline")
			if c.Deadline.IsZero() {
				c.Deadline.After = agreement.Day
			}
			return expect{err: agreement.ErrInconsistent, path: path + ".deadline", desc: c.Kind.String()}
		}),

	// Clauses: kinds and their required fields.
	clauseKind("violation of a permission or power", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticPermission || c.Kind == agreement.DeonticPower
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Violation = sibling
		return expect{err: agreement.ErrInconsistent, path: path + ".violation", desc: c.Kind.String()}
	}),
	clauseKind("obligation without action or fulfilment", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticObligation
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Action, c.Fulfilment = nil, nil
		return expect{err: agreement.ErrMissing, path: path, desc: "action and fulfilment removed"}
	}),
	clauseKind("prohibition without action or violation", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticProhibition
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Action, c.Violation = nil, nil
		return expect{err: agreement.ErrMissing, path: path, desc: "action and violation removed"}
	}),
	clauseKind("unknown deontic kind", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Kind = drawUnknown(t, agreement.DeonticPower)
		return expect{err: agreement.ErrInvalidValue, path: path + ".kind", desc: c.Kind.String()}
	}),
	clauseKind("missing deontic kind", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Kind = 0
		return expect{err: agreement.ErrMissing, path: path + ".kind", desc: "kind removed"}
	}),
	clauseKind("unknown force", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Force = drawUnknown(t, agreement.ForceAspiration)
		return expect{err: agreement.ErrInvalidValue, path: path + ".force", desc: c.Force.String()}
	}),
	clauseKind("malformed category", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Category = agreement.Category(rapid.SampledFrom([]string{"ce", "Ce-1", "9Ce", strings.Repeat("C", 33)}).Draw(t, "category"))
		return expect{err: agreement.ErrInvalidValue, path: path + ".category", desc: string(c.Category)}
	}),

	// Clauses: ids.
	clauseKind("invalid clause id", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ID = agreement.ClauseID(drawInvalidID(t))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(c.ID))}
	}),
	clauseKind("missing clause id", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ID = ""
		return expect{err: agreement.ErrMissing, path: path + ".id", desc: "empty id"}
	}),
	{
		name:    "duplicate clause id",
		targets: func(a *agreement.Agreement) []target { return pairs("clause", len(a.Clauses)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Clauses[tg.j].ID = a.Clauses[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: clausePath(tg.j) + ".id",
				desc: string(a.Clauses[tg.i].ID) + " also at " + clausePath(tg.i)}
		},
	},
}

// clauseGraph returns, for each clause of a, the indexes of the clauses of a
// it reads through ClauseIn, a clause id resolving to its first clause, as
// in validation.
func clauseGraph(a *agreement.Agreement) [][]int {
	first := map[agreement.ClauseID]int{}
	for i, c := range a.Clauses {
		if _, dup := first[c.ID]; !dup {
			first[c.ID] = i
		}
	}
	g := make([][]int, len(a.Clauses))
	for i, c := range a.Clauses {
		for _, r := range agreement.ClauseDependencies(c, a.ID) {
			if j, ok := first[r.Clause]; ok && r.Agreement == a.ID {
				g[i] = append(g[i], j)
			}
		}
	}
	return g
}

// topoRank returns the position of each node of the acyclic graph g in a
// topological order: a node comes before every node it reaches.
func topoRank(g [][]int) []int {
	seen := make([]bool, len(g))
	var post []int
	var visit func(int)
	visit = func(i int) {
		seen[i] = true
		for _, j := range g[i] {
			if !seen[j] {
				visit(j)
			}
		}
		post = append(post, i)
	}
	for i := range g {
		if !seen[i] {
			visit(i)
		}
	}
	rank := make([]int, len(g))
	for p, i := range post {
		rank[i] = len(post) - 1 - p
	}
	return rank
}

// signatory sets the party of signature i (or of a new signature, for
// i < 0) to p.
func signatory(a *agreement.Agreement, i int, p agreement.PartyID, err error) expect {
	var keys []string
	if i < 0 {
		i = len(a.Signatures)
		a.Signatures = append(a.Signatures, agreement.Signature{})
		keys = []string{key("signature", i)}
	}
	a.Signatures[i].Party = p
	return expect{err: err, path: at("signatures", i) + ".party", desc: strconv.Quote(string(p)), keys: keys}
}

// actionKind corrupts a field of a clause's action (adding one when the
// clause has none).
func actionKind(name, sort string) kind {
	return clauseKind(name, nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		p := validPattern
		if c.Action != nil {
			p = *c.Action
		}
		p, field, err := patternFault(t, a, p, sort)
		c.Action = &p
		return expect{err: err, path: path + ".action" + field, desc: p.String()}
	})
}
