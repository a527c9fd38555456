package agreement

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ErrNotApplicable: a change does not fit the agreement it is applied to:
// the item it names is missing or already there, or the value it expects to
// replace is not the value found. See [Changes.Apply].
var ErrNotApplicable = errors.New("agreement: change does not apply")

// ChangeOp is what a [Change] does to its item. The zero value is invalid.
type ChangeOp uint8

// The operations of a change.
const (
	_               ChangeOp = iota
	ChangeAdded              // an item is in the new version only
	ChangeRemoved            // an item is in the old version only
	ChangeModified           // one field of an item (or of the agreement) differs
	ChangeReordered          // the items kept by both versions are in another order
)

var changeOpNames = []string{"", "added", "removed", "modified", "reordered"}

// String returns the operation's name, such as "removed", or "ChangeOp(n)"
// for an invalid value.
func (o ChangeOp) String() string {
	if o == 0 {
		return "ChangeOp(0)"
	}
	return enumName(changeOpNames, "ChangeOp", o)
}

// Item is the kind of item a [Change] is about: the agreement's own fields,
// or one element of its parties, groups, signatures, clauses, fluents,
// territorial areas or territorial options. The zero value is invalid.
type Item uint8

// The kinds of item, in the order [Diff] reports them.
const (
	_             Item = iota
	ItemAgreement      // the agreement's own fields: id, title, date, stages, signing status, entry into force
	ItemParty          // an element of Parties, identified by its id
	ItemGroup          // an element of Groups, identified by its id
	ItemSignature      // an element of Signatures, identified by the signing party
	ItemClause         // an element of Clauses, identified by its id
	ItemFluent         // an element of Fluents, identified by its id
	ItemArea           // an element of Territory.Areas, identified by its id
	ItemOption         // an element of Options, identified by its id
)

var itemNames = []string{"", "agreement", "party", "group", "signature", "clause", "fluent", "area", "option"}

var itemPlurals = []string{"", "agreement", "parties", "groups", "signatures", "clauses", "fluents", "areas", "options"}

// String returns the item kind's name, such as "clause", or "Item(n)" for
// an invalid value.
func (i Item) String() string {
	if i == 0 {
		return "Item(0)"
	}
	return enumName(itemNames, "Item", i)
}

// Change is one difference between two versions of an agreement, as [Diff]
// reports it and [Changes.Apply] applies it. Items of a list are matched by
// id (a signature by its party), never by position, so a clause removed from
// the middle of the list is reported as removed and nothing else. The zero
// value is not a valid change.
//
// What Old and New hold depends on Op:
//
//   - ChangeAdded: New is the whole item added (a [Party], [Group],
//     [Signature], [Clause], [Fluent], [Area] or [Option]), Old is nil, and
//     Index is its position in the new version's list.
//   - ChangeRemoved: Old is the whole item removed, New is nil.
//   - ChangeModified: Field names the field, Old and New are its values, in
//     the field's Go type: a [Force] for "force", a []PartyID for "debtors",
//     a [Condition] (nil when unset) for "trigger", a *[Pattern] for
//     "action", a [Deadline] for "deadline", a [time.Time] for "date", a
//     [decimal.Decimal] for an area's "size", a []Share for "control", and so
//     on for every field.
//   - ChangeReordered: Old and New are []string: the ids of the items both
//     versions hold, in the old order and in the new order. ID and Field are
//     empty.
//
// The fields compared, by item kind, in the order Diff reports them (an id
// is not a field: an item whose id changed is removed and another added):
//
//	agreement  id title date stage subStage signingStatus entryIntoForce
//	party      name kind roles
//	group      name members
//	signature  signatory capacity date
//	clause     text source kind force category debtors joint creditors action quantities
//	           trigger antecedent deadline expiry fulfilment violation effect targets resumedBy surviving
//	fluent     initiates terminates initially
//	area       name size sovereignty control arrangements
//	option     kind text areas from to party parties width deadline results lapse
//
// Values held by a change share nothing with the agreements it was computed
// from. A Change is a plain value, safe for concurrent reads.
type Change struct {
	Op   ChangeOp
	Item Item
	// ID identifies the item: a party, group, clause, fluent, area or option
	// id, or the signing party of a signature; empty for ItemAgreement and
	// for a reordering.
	ID string
	// Occurrence is 0, unless the list holds several items with this ID (two
	// signatures by one party, or the duplicate ids of an invalid
	// agreement): then it counts the items with the same ID before this one,
	// and items are matched occurrence by occurrence.
	Occurrence int
	// Field is the name of the field modified, as the JSON encoding spells
	// it ("force", "subStage", "entryIntoForce", "resumedBy"); empty unless
	// Op is ChangeModified.
	Field string
	// Index is, for ChangeAdded, the item's position in the new version's
	// list; 0 otherwise.
	Index int
	// Old and New are the values before and after; see above.
	Old, New any
}

// subject names the item of c for people: `clause "SUP"`, `signature by
// "FR" (#2)`, `agreement`.
func (c Change) subject() string {
	if c.Item == ItemAgreement {
		return "agreement"
	}
	s := c.Item.String() + " " + strconv.Quote(c.ID)
	if c.Item == ItemSignature {
		s = "signature by " + strconv.Quote(c.ID)
	}
	if c.Occurrence > 0 {
		s += " (#" + strconv.Itoa(c.Occurrence+1) + ")"
	}
	return s
}

// String describes the change in one line, such as `clause "us-backstop"
// removed`, `clause "G1": force changed from declaration-of-intent to
// politically-binding` or `order of clauses changed from A, B to B, A`.
func (c Change) String() string {
	switch c.Op {
	case ChangeAdded:
		return c.subject() + " added"
	case ChangeRemoved:
		return c.subject() + " removed"
	case ChangeModified:
		return c.subject() + ": " + fieldLabel(c.Item, c.Field) + " changed from " + formatValue(c.Old) +
			" to " + formatValue(c.New)
	case ChangeReordered:
		plural := c.Item.String()
		if c.Item.valid() {
			plural = itemPlurals[c.Item]
		}
		return "order of " + plural + " changed from " + formatValue(c.Old) + " to " + formatValue(c.New)
	}
	return "invalid change (" + c.Op.String() + " of " + c.Item.String() + ")"
}

func (i Item) valid() bool { return enumValid(itemNames, i, false) }

// Changes is the list of changes from one version of an agreement to
// another, as [Diff] returns it. The zero value is the empty list: no
// change.
type Changes []Change

// Diff returns the changes that turn a into b: empty exactly when the two
// are equal (every field, every item and the order of every list, with
// instants, decimals and conditions compared by their Equal methods and nil
// and empty lists alike), and such that [Changes.Apply] applied to a returns
// b.
//
// Items of each list are matched by id (a signature by its party; items
// sharing an id are matched in order: the first with the first, and so on).
// An item only in a is removed, one only in b added; a matched item is
// compared field by field, one change per field that differs. If the items
// kept by both are in another order in b, one ChangeReordered says so.
//
// The order is deterministic: first the agreement's own fields (id, title,
// date, stage, sub-stage, signing status, entry into force), then the lists
// in the order of [Item]: parties, groups, signatures, clauses, fluents,
// areas of the territory, territorial options. Within a list: the items
// removed, in a's order; then the items modified, in b's order, each with
// its fields in the order of the struct; then the reordering, if any; then
// the items added, in b's order. Neither a nor b is modified. Diff is safe
// for concurrent use and never panics, for valid agreements or not.
func Diff(a, b Agreement) Changes {
	var out Changes
	for _, f := range agreementFields {
		ov, nv := f.get(&a), f.get(&b)
		if !equalValues(ov, nv) {
			out = append(out, Change{Op: ChangeModified, Item: ItemAgreement, Field: f.name, Old: ov, New: nv})
		}
	}
	out = diffList(&partyList, a.Parties, b.Parties, out)
	out = diffList(&groupList, a.Groups, b.Groups, out)
	out = diffList(&signatureList, a.Signatures, b.Signatures, out)
	out = diffList(&clauseList, a.Clauses, b.Clauses, out)
	out = diffList(&fluentList, a.Fluents, b.Fluents, out)
	out = diffList(&areaList, a.Territory.Areas, b.Territory.Areas, out)
	out = diffList(&optionList, a.Options, b.Options, out)
	return out
}

// itemKey identifies an item of a list: its id and how many items with the
// same id come before it.
type itemKey struct {
	id string
	n  int
}

func itemKeys[T any](l *itemList[T], xs []T) []itemKey {
	seen := map[string]int{}
	out := make([]itemKey, len(xs))
	for i := range xs {
		id := l.id(&xs[i])
		out[i] = itemKey{id, seen[id]}
		seen[id]++
	}
	return out
}

func keyIndex(keys []itemKey) map[itemKey]int {
	m := make(map[itemKey]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
}

func keyIDs(keys []itemKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.id
	}
	return out
}

// diffList appends to out the changes from list as to list bs.
func diffList[T any](l *itemList[T], as, bs []T, out Changes) Changes {
	ka, kb := itemKeys(l, as), itemKeys(l, bs)
	ia, ib := keyIndex(ka), keyIndex(kb)
	for i := range as {
		if _, kept := ib[ka[i]]; !kept {
			out = append(out, Change{Op: ChangeRemoved, Item: l.item, ID: ka[i].id, Occurrence: ka[i].n,
				Old: l.clone(as[i])})
		}
	}
	var keptA, keptB []itemKey
	for i := range as {
		if _, kept := ib[ka[i]]; kept {
			keptA = append(keptA, ka[i])
		}
	}
	for j := range bs {
		i, kept := ia[kb[j]]
		if !kept {
			continue
		}
		keptB = append(keptB, kb[j])
		for _, f := range l.fields {
			ov, nv := f.get(&as[i]), f.get(&bs[j])
			if !equalValues(ov, nv) {
				out = append(out, Change{Op: ChangeModified, Item: l.item, ID: kb[j].id, Occurrence: kb[j].n,
					Field: f.name, Old: ov, New: nv})
			}
		}
	}
	if !slices.Equal(keptA, keptB) {
		out = append(out, Change{Op: ChangeReordered, Item: l.item, Old: keyIDs(keptA), New: keyIDs(keptB)})
	}
	for j := range bs {
		if _, kept := ia[kb[j]]; !kept {
			out = append(out, Change{Op: ChangeAdded, Item: l.item, ID: kb[j].id, Occurrence: kb[j].n, Index: j,
				New: l.clone(bs[j])})
		}
	}
	return out
}

// Apply returns a copy of a with the changes cs applied: for cs returned by
// Diff(a, b), a value equal to b (in the sense of Diff: Diff of the result
// and b is empty). Neither a nor cs is modified, and the result shares no
// slice or pointer with them. Apply does not validate the result (see
// [Agreement.Validate]); it is safe for concurrent use and never panics.
//
// Each change must fit a: a removed item must be in a and equal to Old; a
// modified field must hold Old; an added item must not be there yet (for
// its Occurrence) and its Index must be a position of the list being built;
// a reordering's Old must be the ids of the items left after removals, in
// order, and New a permutation of them. Within each list, removals apply
// first, then modifications, the reordering, and the additions in order of
// Index. When a change does not fit, or is malformed (an unknown item,
// field or operation, a value of the wrong type), Apply returns the zero
// Agreement and a *ValidationError listing every such change at the path
// "changes[i]", each wrapping [ErrNotApplicable].
func (cs Changes) Apply(a Agreement) (Agreement, error) {
	out := cloneAgreement(a)
	var ps changeProblems
	byItem := map[Item][]int{}
	for i, c := range cs {
		switch {
		case !c.Item.valid():
			ps.add(i, "unknown item kind "+c.Item.String())
			continue
		case c.Op < ChangeAdded || c.Op > ChangeReordered:
			ps.add(i, "unknown operation "+c.Op.String())
			continue
		}
		if c.Item == ItemAgreement {
			applyAgreementField(&out, c, i, &ps)
			continue
		}
		byItem[c.Item] = append(byItem[c.Item], i)
	}
	out.Parties = applyList(&partyList, out.Parties, cs, byItem[ItemParty], &ps)
	out.Groups = applyList(&groupList, out.Groups, cs, byItem[ItemGroup], &ps)
	out.Signatures = applyList(&signatureList, out.Signatures, cs, byItem[ItemSignature], &ps)
	out.Clauses = applyList(&clauseList, out.Clauses, cs, byItem[ItemClause], &ps)
	out.Fluents = applyList(&fluentList, out.Fluents, cs, byItem[ItemFluent], &ps)
	out.Territory.Areas = applyList(&areaList, out.Territory.Areas, cs, byItem[ItemArea], &ps)
	out.Options = applyList(&optionList, out.Options, cs, byItem[ItemOption], &ps)
	if err := ps.err(); err != nil {
		return Agreement{}, err
	}
	return out, nil
}

// changeProblems collects the changes that do not apply, reported in the
// order of the changes.
type changeProblems struct {
	list []changeProblem
}

type changeProblem struct {
	i   int
	msg string
}

func (ps *changeProblems) add(i int, msg string) { ps.list = append(ps.list, changeProblem{i, msg}) }

func (ps *changeProblems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(x, y changeProblem) int { return cmp.Compare(x.i, y.i) })
	var out problems
	for _, p := range ps.list {
		out.add(idx("changes", p.i), ErrNotApplicable, p.msg)
	}
	return out.err()
}

func applyAgreementField(a *Agreement, c Change, i int, ps *changeProblems) {
	if c.Op != ChangeModified {
		ps.add(i, "the agreement itself can only be modified, not "+c.Op.String())
		return
	}
	f, ok := findDiffField(agreementFields, c.Field)
	if !ok {
		ps.add(i, "unknown agreement field "+strconv.Quote(c.Field))
		return
	}
	applyField(a, f, c, "agreement", i, ps)
}

func applyField[T any](x *T, f diffField[T], c Change, subject string, i int, ps *changeProblems) {
	if cur := f.get(x); !equalValues(cur, c.Old) {
		ps.add(i, subject+": "+f.label+" is "+formatValue(cur)+", not "+formatValue(c.Old))
		return
	}
	if !f.set(x, c.New) {
		ps.add(i, subject+": wrong type of value for "+f.label)
	}
}

func findDiffField[T any](fs []diffField[T], name string) (diffField[T], bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return diffField[T]{}, false
}

// applyList applies the changes cs[at...] to the list xs, which it owns.
func applyList[T any](l *itemList[T], xs []T, cs Changes, at []int, ps *changeProblems) []T {
	if len(at) == 0 {
		return xs
	}
	keys := itemKeys(l, xs)
	pos := keyIndex(keys)
	removed := make([]bool, len(xs))
	var adds, reorders []int
	for _, i := range at {
		c := cs[i]
		switch c.Op {
		case ChangeAdded:
			adds = append(adds, i)
			continue
		case ChangeReordered:
			reorders = append(reorders, i)
			continue
		}
		k, ok := pos[itemKey{c.ID, c.Occurrence}]
		switch {
		case !ok:
			ps.add(i, c.subject()+" not found")
			continue
		case removed[k]:
			ps.add(i, c.subject()+" already removed")
			continue
		}
		if c.Op == ChangeRemoved {
			old, ok := c.Old.(T)
			if !ok || !l.equal(&old, &xs[k]) {
				ps.add(i, c.subject()+" differs from the item to remove")
				continue
			}
			removed[k] = true
			continue
		}
		f, ok := findDiffField(l.fields, c.Field)
		if !ok {
			ps.add(i, "unknown "+l.item.String()+" field "+strconv.Quote(c.Field))
			continue
		}
		applyField(&xs[k], f, c, c.subject(), i, ps)
	}
	var list []T
	var listKeys []itemKey
	for k := range xs {
		if !removed[k] {
			list = append(list, xs[k])
			listKeys = append(listKeys, keys[k])
		}
	}
	for _, i := range reorders {
		list, listKeys = applyReorder(l, list, listKeys, cs[i], i, ps)
	}
	slices.SortStableFunc(adds, func(i, j int) int { return cmp.Compare(cs[i].Index, cs[j].Index) })
	for _, i := range adds {
		c := cs[i]
		item, ok := c.New.(T)
		switch {
		case !ok:
			ps.add(i, c.subject()+": the item added is not a "+l.item.String())
			continue
		case l.id(&item) != c.ID:
			ps.add(i, c.subject()+": the item added has the id "+strconv.Quote(l.id(&item)))
			continue
		case c.Index < 0 || c.Index > len(list):
			ps.add(i, c.subject()+": position "+strconv.Itoa(c.Index)+
				" out of range (0 to "+strconv.Itoa(len(list))+")")
			continue
		}
		n := 0
		for _, k := range listKeys {
			if k.id == c.ID {
				n++
			}
		}
		switch {
		case n > c.Occurrence:
			ps.add(i, c.subject()+" already present")
			continue
		case n < c.Occurrence:
			ps.add(i, c.subject()+": there are only "+strconv.Itoa(n)+" earlier "+itemPlurals[l.item]+" with this id")
			continue
		}
		list = slices.Insert(list, c.Index, l.clone(item))
		listKeys = slices.Insert(listKeys, c.Index, itemKey{c.ID, n})
	}
	// Items with the same id keep their relative order, so their
	// occurrence numbers are recomputed from the final order.
	return list
}

// reorder applies the reordering c to list, whose keys are keys.
func applyReorder[T any](l *itemList[T], list []T, keys []itemKey, c Change, i int, ps *changeProblems) ([]T, []itemKey) {
	from, ok1 := c.Old.([]string)
	to, ok2 := c.New.([]string)
	if !ok1 || !ok2 {
		ps.add(i, "a reordering of "+itemPlurals[l.item]+" holds two lists of ids")
		return list, keys
	}
	if !slices.Equal(keyIDs(keys), from) {
		ps.add(i, "the "+itemPlurals[l.item]+" are "+formatValue(keyIDs(keys))+
			", not "+formatValue(from))
		return list, keys
	}
	pos := keyIndex(keys)
	seen := map[string]int{}
	out := make([]T, 0, len(to))
	outKeys := make([]itemKey, 0, len(to))
	for _, id := range to {
		k := itemKey{id, seen[id]}
		seen[id]++
		j, ok := pos[k]
		if !ok {
			ps.add(i, "the new order of "+itemPlurals[l.item]+" is not a permutation of the old")
			return list, keys
		}
		out = append(out, list[j])
		outKeys = append(outKeys, k)
	}
	if len(out) != len(list) {
		ps.add(i, "the new order of "+itemPlurals[l.item]+" is not a permutation of the old")
		return list, keys
	}
	return out, outKeys
}

// diffField is one field of an item of type T: its JSON name, its name for
// people, and access to a copy of its value.
type diffField[T any] struct {
	name  string
	label string
	get   func(*T) any
	set   func(*T, any) bool // false when the value has the wrong type
}

// diffFieldOf builds a field from typed accessors. Values go in and out as
// copies.
func diffFieldOf[T, V any](name, label string, get func(*T) V, set func(*T, V)) diffField[T] {
	return diffField[T]{
		name:  name,
		label: label,
		get:   func(x *T) any { return cloneValue(any(get(x))) },
		set: func(x *T, v any) bool {
			if v == nil {
				var zero V
				if any(zero) != nil {
					return false // only an interface type (Condition) takes nil
				}
				set(x, zero)
				return true
			}
			w, ok := v.(V)
			if !ok {
				return false
			}
			if c, ok := cloneValue(v).(V); ok {
				w = c
			}
			set(x, w)
			return true
		},
	}
}

// itemList describes one list of an agreement for Diff and Apply.
type itemList[T any] struct {
	item   Item
	id     func(*T) string
	fields []diffField[T]
	clone  func(T) T
}

// equal reports whether two items have the same id and equal fields.
func (l *itemList[T]) equal(x, y *T) bool {
	if l.id(x) != l.id(y) {
		return false
	}
	for _, f := range l.fields {
		if !equalValues(f.get(x), f.get(y)) {
			return false
		}
	}
	return true
}

// fieldLabel returns the name for people of a field of an item kind, or the
// field name itself when it is unknown.
func fieldLabel(it Item, name string) string {
	var labels func(string) (string, bool)
	switch it {
	case ItemAgreement:
		labels = labelIn(agreementFields)
	case ItemParty:
		labels = labelIn(partyList.fields)
	case ItemGroup:
		labels = labelIn(groupList.fields)
	case ItemSignature:
		labels = labelIn(signatureList.fields)
	case ItemClause:
		labels = labelIn(clauseList.fields)
	case ItemFluent:
		labels = labelIn(fluentList.fields)
	case ItemArea:
		labels = labelIn(areaList.fields)
	case ItemOption:
		labels = labelIn(optionList.fields)
	default:
		return name
	}
	if l, ok := labels(name); ok {
		return l
	}
	return name
}

func labelIn[T any](fs []diffField[T]) func(string) (string, bool) {
	return func(name string) (string, bool) {
		f, ok := findDiffField(fs, name)
		return f.label, ok
	}
}

// The fields compared, by item kind, in the order of their structs. These
// tables are never modified.
var (
	agreementFields = []diffField[Agreement]{
		diffFieldOf("id", "id", func(a *Agreement) AgreementID { return a.ID }, func(a *Agreement, v AgreementID) { a.ID = v }),
		diffFieldOf("title", "title", func(a *Agreement) string { return a.Title }, func(a *Agreement, v string) { a.Title = v }),
		diffFieldOf("date", "date", func(a *Agreement) time.Time { return a.Date }, func(a *Agreement, v time.Time) { a.Date = v }),
		diffFieldOf("stage", "stage", func(a *Agreement) Stage { return a.Stage }, func(a *Agreement, v Stage) { a.Stage = v }),
		diffFieldOf("subStage", "sub-stage", func(a *Agreement) SubStage { return a.SubStage },
			func(a *Agreement, v SubStage) { a.SubStage = v }),
		diffFieldOf("signingStatus", "signing status", func(a *Agreement) SigningStatus { return a.SigningStatus },
			func(a *Agreement, v SigningStatus) { a.SigningStatus = v }),
		diffFieldOf("entryIntoForce", "entry into force", func(a *Agreement) Condition { return a.EntryIntoForce },
			func(a *Agreement, v Condition) { a.EntryIntoForce = v }),
	}

	partyList = itemList[Party]{
		item: ItemParty,
		id:   func(p *Party) string { return string(p.ID) },
		fields: []diffField[Party]{
			diffFieldOf("name", "name", func(p *Party) string { return p.Name }, func(p *Party, v string) { p.Name = v }),
			diffFieldOf("kind", "kind", func(p *Party) PartyKind { return p.Kind }, func(p *Party, v PartyKind) { p.Kind = v }),
			diffFieldOf("roles", "roles", func(p *Party) []Role { return p.Roles }, func(p *Party, v []Role) { p.Roles = v }),
		},
		clone: func(p Party) Party { p.Roles = slices.Clone(p.Roles); return p },
	}

	groupList = itemList[Group]{
		item: ItemGroup,
		id:   func(g *Group) string { return string(g.ID) },
		fields: []diffField[Group]{
			diffFieldOf("name", "name", func(g *Group) string { return g.Name }, func(g *Group, v string) { g.Name = v }),
			diffFieldOf("members", "members", func(g *Group) []PartyID { return g.Members },
				func(g *Group, v []PartyID) { g.Members = v }),
		},
		clone: func(g Group) Group { g.Members = slices.Clone(g.Members); return g },
	}

	signatureList = itemList[Signature]{
		item: ItemSignature,
		id:   func(s *Signature) string { return string(s.Party) },
		fields: []diffField[Signature]{
			diffFieldOf("signatory", "signatory", func(s *Signature) string { return s.Signatory },
				func(s *Signature, v string) { s.Signatory = v }),
			diffFieldOf("capacity", "capacity", func(s *Signature) string { return s.Capacity },
				func(s *Signature, v string) { s.Capacity = v }),
			diffFieldOf("date", "date", func(s *Signature) time.Time { return s.Date },
				func(s *Signature, v time.Time) { s.Date = v }),
		},
		clone: func(s Signature) Signature { return s },
	}

	clauseList = itemList[Clause]{
		item: ItemClause,
		id:   func(c *Clause) string { return string(c.ID) },
		fields: []diffField[Clause]{
			diffFieldOf("text", "text", func(c *Clause) string { return c.Text }, func(c *Clause, v string) { c.Text = v }),
			diffFieldOf("source", "source", func(c *Clause) Source { return c.Source }, func(c *Clause, v Source) { c.Source = v }),
			diffFieldOf("kind", "kind", func(c *Clause) Deontic { return c.Kind }, func(c *Clause, v Deontic) { c.Kind = v }),
			diffFieldOf("force", "force", func(c *Clause) Force { return c.Force }, func(c *Clause, v Force) { c.Force = v }),
			diffFieldOf("category", "category", func(c *Clause) Category { return c.Category },
				func(c *Clause, v Category) { c.Category = v }),
			diffFieldOf("debtors", "debtors", func(c *Clause) []PartyID { return c.Debtors },
				func(c *Clause, v []PartyID) { c.Debtors = v }),
			diffFieldOf("joint", "joint", func(c *Clause) bool { return c.Joint }, func(c *Clause, v bool) { c.Joint = v }),
			diffFieldOf("creditors", "creditors", func(c *Clause) []PartyID { return c.Creditors },
				func(c *Clause, v []PartyID) { c.Creditors = v }),
			diffFieldOf("action", "action", func(c *Clause) *Pattern { return c.Action }, func(c *Clause, v *Pattern) { c.Action = v }),
			diffFieldOf("quantities", "quantities", func(c *Clause) []Range { return c.Quantities },
				func(c *Clause, v []Range) { c.Quantities = v }),
			diffFieldOf("trigger", "trigger", func(c *Clause) Condition { return c.Trigger },
				func(c *Clause, v Condition) { c.Trigger = v }),
			diffFieldOf("antecedent", "antecedent", func(c *Clause) Condition { return c.Antecedent },
				func(c *Clause, v Condition) { c.Antecedent = v }),
			diffFieldOf("deadline", "deadline", func(c *Clause) Deadline { return c.Deadline },
				func(c *Clause, v Deadline) { c.Deadline = v }),
			diffFieldOf("expiry", "expiry", func(c *Clause) Deadline { return c.Expiry }, func(c *Clause, v Deadline) { c.Expiry = v }),
			diffFieldOf("fulfilment", "fulfilment", func(c *Clause) Condition { return c.Fulfilment },
				func(c *Clause, v Condition) { c.Fulfilment = v }),
			diffFieldOf("violation", "violation", func(c *Clause) Condition { return c.Violation },
				func(c *Clause, v Condition) { c.Violation = v }),
			diffFieldOf("effect", "effect", func(c *Clause) Effect { return c.Effect }, func(c *Clause, v Effect) { c.Effect = v }),
			diffFieldOf("targets", "targets", func(c *Clause) []Ref { return c.Targets }, func(c *Clause, v []Ref) { c.Targets = v }),
			diffFieldOf("resumedBy", "resumed by", func(c *Clause) ClauseID { return c.ResumedBy },
				func(c *Clause, v ClauseID) { c.ResumedBy = v }),
			diffFieldOf("surviving", "surviving", func(c *Clause) bool { return c.Surviving },
				func(c *Clause, v bool) { c.Surviving = v }),
		},
		clone: cloneClause,
	}

	fluentList = itemList[Fluent]{
		item: ItemFluent,
		id:   func(f *Fluent) string { return string(f.ID) },
		fields: []diffField[Fluent]{
			diffFieldOf("initiates", "initiated by", func(f *Fluent) []Pattern { return f.Initiates },
				func(f *Fluent, v []Pattern) { f.Initiates = v }),
			diffFieldOf("terminates", "terminated by", func(f *Fluent) []Pattern { return f.Terminates },
				func(f *Fluent, v []Pattern) { f.Terminates = v }),
			diffFieldOf("initially", "initially", func(f *Fluent) bool { return f.Initially },
				func(f *Fluent, v bool) { f.Initially = v }),
		},
		clone: func(f Fluent) Fluent {
			f.Initiates, f.Terminates = slices.Clone(f.Initiates), slices.Clone(f.Terminates)
			return f
		},
	}

	areaList = itemList[Area]{
		item: ItemArea,
		id:   func(a *Area) string { return string(a.ID) },
		fields: []diffField[Area]{
			diffFieldOf("name", "name", func(a *Area) string { return a.Name }, func(a *Area, v string) { a.Name = v }),
			diffFieldOf("size", "size", func(a *Area) decimal.Decimal { return a.Size },
				func(a *Area, v decimal.Decimal) { a.Size = v }),
			diffFieldOf("sovereignty", "sovereignty", func(a *Area) []Share { return a.Sovereignty },
				func(a *Area, v []Share) { a.Sovereignty = v }),
			diffFieldOf("control", "control", func(a *Area) []Share { return a.Control },
				func(a *Area, v []Share) { a.Control = v }),
			diffFieldOf("arrangements", "arrangements", func(a *Area) []Arrangement { return a.Arrangements },
				func(a *Area, v []Arrangement) { a.Arrangements = v }),
		},
		clone: Area.clone,
	}

	optionList = itemList[Option]{
		item: ItemOption,
		id:   func(o *Option) string { return string(o.ID) },
		fields: []diffField[Option]{
			diffFieldOf("kind", "kind", func(o *Option) OptionKind { return o.Kind }, func(o *Option, v OptionKind) { o.Kind = v }),
			diffFieldOf("text", "text", func(o *Option) string { return o.Text }, func(o *Option, v string) { o.Text = v }),
			diffFieldOf("areas", "areas", func(o *Option) []AreaID { return o.Areas }, func(o *Option, v []AreaID) { o.Areas = v }),
			diffFieldOf("from", "from", func(o *Option) PartyID { return o.From }, func(o *Option, v PartyID) { o.From = v }),
			diffFieldOf("to", "to", func(o *Option) PartyID { return o.To }, func(o *Option, v PartyID) { o.To = v }),
			diffFieldOf("party", "party", func(o *Option) PartyID { return o.Party }, func(o *Option, v PartyID) { o.Party = v }),
			diffFieldOf("parties", "parties", func(o *Option) []PartyID { return o.Parties },
				func(o *Option, v []PartyID) { o.Parties = v }),
			diffFieldOf("width", "width", func(o *Option) *decimal.Decimal { return o.Width },
				func(o *Option, v *decimal.Decimal) { o.Width = v }),
			diffFieldOf("deadline", "deadline", func(o *Option) Deadline { return o.Deadline },
				func(o *Option, v Deadline) { o.Deadline = v }),
			diffFieldOf("results", "results", func(o *Option) []Result { return o.Results },
				func(o *Option, v []Result) { o.Results = v }),
			diffFieldOf("lapse", "lapse", func(o *Option) Lapse { return o.Lapse }, func(o *Option, v Lapse) { o.Lapse = v }),
		},
		clone: cloneOption,
	}
)

func cloneClause(c Clause) Clause {
	c.Debtors = slices.Clone(c.Debtors)
	c.Creditors = slices.Clone(c.Creditors)
	if c.Action != nil {
		p := *c.Action
		c.Action = &p
	}
	c.Quantities = slices.Clone(c.Quantities)
	c.Targets = slices.Clone(c.Targets)
	return c
}

func cloneOption(o Option) Option {
	o.Areas = slices.Clone(o.Areas)
	o.Parties = slices.Clone(o.Parties)
	o.Results = slices.Clone(o.Results)
	if o.Width != nil {
		w := *o.Width
		o.Width = &w
	}
	return o
}

// cloneEach returns a new slice holding f of each element; nil for nil.
func cloneList[T any](xs []T, f func(T) T) []T {
	if xs == nil {
		return nil
	}
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// cloneAgreement returns a copy of a that shares no slice or pointer with
// it. Conditions are immutable and shared.
func cloneAgreement(a Agreement) Agreement {
	a.Parties = cloneList(a.Parties, partyList.clone)
	a.Groups = cloneList(a.Groups, groupList.clone)
	a.Signatures = slices.Clone(a.Signatures)
	a.Clauses = cloneList(a.Clauses, cloneClause)
	a.Fluents = cloneList(a.Fluents, fluentList.clone)
	a.Territory = a.Territory.Clone()
	a.Options = cloneList(a.Options, cloneOption)
	return a
}

// cloneValue returns a copy of a field value that shares no slice or
// pointer with v.
func cloneValue(v any) any {
	switch x := v.(type) {
	case []PartyID:
		return slices.Clone(x)
	case []Role:
		return slices.Clone(x)
	case []Ref:
		return slices.Clone(x)
	case []Range:
		return slices.Clone(x)
	case []Pattern:
		return slices.Clone(x)
	case []Share:
		return slices.Clone(x)
	case []Arrangement:
		return slices.Clone(x)
	case []AreaID:
		return slices.Clone(x)
	case []Result:
		return slices.Clone(x)
	case []string:
		return slices.Clone(x)
	case *Pattern:
		if x == nil {
			return x
		}
		p := *x
		return &p
	case *decimal.Decimal:
		if x == nil {
			return x
		}
		d := *x
		return &d
	}
	return v
}

// equalValues reports whether two field values are equal as
// agreementtest.Options compares them: instants, decimals, conditions,
// ranges, shares and deadlines by their Equal methods, nil and empty lists
// alike, pointers by what they point to. Values of different or unknown
// types are not equal.
func equalValues(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case Condition:
		y, ok := b.(Condition)
		return ok && x.Equal(y)
	case string:
		return eqAny(x, b)
	case bool:
		return eqAny(x, b)
	case AgreementID:
		return eqAny(x, b)
	case ClauseID:
		return eqAny(x, b)
	case PartyID:
		return eqAny(x, b)
	case Stage:
		return eqAny(x, b)
	case SubStage:
		return eqAny(x, b)
	case Category:
		return eqAny(x, b)
	case SigningStatus:
		return eqAny(x, b)
	case PartyKind:
		return eqAny(x, b)
	case Deontic:
		return eqAny(x, b)
	case Force:
		return eqAny(x, b)
	case Effect:
		return eqAny(x, b)
	case OptionKind:
		return eqAny(x, b)
	case Lapse:
		return eqAny(x, b)
	case Source:
		y, ok := b.(Source)
		return ok && x.Document == y.Document && x.Speaker == y.Speaker && x.Date.Equal(y.Date)
	case Deadline:
		y, ok := b.(Deadline)
		return ok && x.Equal(y)
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case decimal.Decimal:
		y, ok := b.(decimal.Decimal)
		return ok && x.Equal(y)
	case *decimal.Decimal:
		y, ok := b.(*decimal.Decimal)
		return ok && (x == nil && y == nil || x != nil && y != nil && x.Equal(*y))
	case *Pattern:
		y, ok := b.(*Pattern)
		return ok && (x == nil && y == nil || x != nil && y != nil && *x == *y)
	case []PartyID:
		return eqAnySlice(x, b)
	case []Role:
		return eqAnySlice(x, b)
	case []Ref:
		return eqAnySlice(x, b)
	case []Pattern:
		return eqAnySlice(x, b)
	case []Arrangement:
		return eqAnySlice(x, b)
	case []AreaID:
		return eqAnySlice(x, b)
	case []Result:
		return eqAnySlice(x, b)
	case []string:
		return eqAnySlice(x, b)
	case []Range:
		y, ok := b.([]Range)
		return ok && slices.EqualFunc(x, y, Range.Equal)
	case []Share:
		y, ok := b.([]Share)
		return ok && slices.EqualFunc(x, y, Share.Equal)
	}
	return false
}

func eqAny[T comparable](x T, b any) bool {
	y, ok := b.(T)
	return ok && x == y
}

func eqAnySlice[T comparable](x []T, b any) bool {
	y, ok := b.([]T)
	return ok && slices.Equal(x, y)
}

// formatValue writes a field value for people, as Change.String shows it.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case Condition:
		return x.String()
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case AgreementID:
		return orNone(string(x), true)
	case ClauseID:
		return orNone(string(x), true)
	case PartyID:
		return orNone(string(x), true)
	case Stage:
		return orNone(string(x), false)
	case SubStage:
		return orNone(string(x), false)
	case Category:
		return orNone(string(x), false)
	case SigningStatus:
		return orUnspecified(x.String())
	case PartyKind:
		return orUnspecified(x.String())
	case Deontic:
		return orUnspecified(x.String())
	case Force:
		return orUnspecified(x.String())
	case Effect:
		return orNone(x.String(), false)
	case OptionKind:
		return orUnspecified(x.String())
	case Lapse:
		return orUnspecified(x.String())
	case Source:
		return formatSource(x)
	case Deadline:
		return x.String()
	case time.Time:
		return formatInstant(x)
	case decimal.Decimal:
		return x.String()
	case *decimal.Decimal:
		if x == nil {
			return "none"
		}
		return x.String()
	case *Pattern:
		if x == nil {
			return "none"
		}
		return x.String()
	case []PartyID:
		return joinAll(x, func(p PartyID) string { return string(p) })
	case []Role:
		return joinAll(x, Role.String)
	case []Ref:
		return joinAll(x, Ref.String)
	case []AreaID:
		return joinAll(x, func(a AreaID) string { return string(a) })
	case []string:
		return joinAll(x, func(s string) string { return s })
	case []Pattern:
		return joinWith(x, "; ", Pattern.String)
	case []Range:
		return joinWith(x, "; ", Range.String)
	case []Share:
		return formatShares(x)
	case []Arrangement:
		return joinWith(x, "; ", formatArrangement)
	case []Result:
		return joinWith(x, "; ", formatResult)
	}
	return "?"
}

func orNone(s string, quoted bool) string {
	switch {
	case s == "":
		return "none"
	case quoted:
		return strconv.Quote(s)
	}
	return s
}

func orUnspecified(s string) string {
	if s == "" {
		return "unspecified"
	}
	return s
}

func joinAll[T any](xs []T, f func(T) string) string { return joinWith(xs, ", ", f) }

func joinWith[T any](xs []T, sep string, f func(T) string) string {
	if len(xs) == 0 {
		return "none"
	}
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = f(x)
	}
	return strings.Join(parts, sep)
}

// formatInstant writes an instant in UTC: a date alone at midnight, RFC
// 3339 otherwise; "none" for the zero time.
func formatInstant(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

func formatSource(s Source) string {
	var parts []string
	if s.Document != "" {
		parts = append(parts, s.Document)
	}
	if s.Speaker != "" {
		parts = append(parts, s.Speaker)
	}
	if !s.Date.IsZero() {
		parts = append(parts, formatInstant(s.Date))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func formatShares(ss []Share) string {
	return joinAll(ss, func(s Share) string { return string(s.Party) + " " + s.Percent.String() + "%" })
}

func formatArrangement(r Arrangement) string {
	s := r.Kind.String() + " (option " + string(r.Option)
	if r.Party != "" {
		s += ", party " + string(r.Party)
	}
	return s + ")"
}

func formatResult(r Result) string {
	to := "status quo"
	if r.Sovereign != "" {
		to = string(r.Sovereign)
	}
	return strconv.Quote(r.Outcome) + " → " + to
}
