package revision

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/shopspring/decimal"
)

// ErrNotApplicable: a change does not fit the agreement it is applied to:
// the item it names is missing or already there, or the value it expects to
// replace is not the value found. See [Changes.Apply].
var ErrNotApplicable = errors.New("revision: change does not apply")

// Op is what a [Change] does to its item. The zero value is invalid.
type Op uint8

// The operations of a change.
const (
	_           Op = iota
	OpAdded        // an item is in the new version only
	OpRemoved      // an item is in the old version only
	OpModified     // one field of an item (or of the agreement) differs
	OpReordered    // the items kept by both versions are in another order
)

var changeOpNames = []string{"", "added", "removed", "modified", "reordered"}

// String returns the operation's name, such as "removed", or "Op(n)"
// for an invalid value.
func (o Op) String() string {
	if o == 0 {
		return "Op(0)"
	}
	return enumName(changeOpNames, "Op", o)
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
	ItemArea           // an element of agreement.Territory.Areas, identified by its id
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
//   - OpAdded: New is the whole item added (a [Party], [Group],
//     [Signature], [Clause], [Fluent], [Area] or [Option]), Old is nil, and
//     Index is its position in the new version's list.
//   - OpRemoved: Old is the whole item removed, New is nil.
//   - OpModified: Field names the field, Old and New are its values, in
//     the field's Go type: a [Force] for "force", a []PartyID for "debtors",
//     a [Condition] (nil when unset) for "trigger", a *[Pattern] for
//     "action", a [Deadline] for "deadline", a [time.Time] for "date", a
//     [decimal.Decimal] for an area's "size", a []Share for "control", and so
//     on for every field.
//   - OpReordered: Old and New are []string: the ids of the items both
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
	Op   Op
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
	// Op is OpModified.
	Field string
	// Index is, for OpAdded, the item's position in the new version's
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
	case OpAdded:
		return c.subject() + " added"
	case OpRemoved:
		return c.subject() + " removed"
	case OpModified:
		return c.subject() + ": " + fieldLabel(c.Item, c.Field) + " changed from " + FormatValue(c.Old) +
			" to " + FormatValue(c.New)
	case OpReordered:
		plural := c.Item.String()
		if c.Item.valid() {
			plural = itemPlurals[c.Item]
		}
		return "order of " + plural + " changed from " + FormatValue(c.Old) + " to " + FormatValue(c.New)
	}
	return "invalid change (" + c.Op.String() + " of " + c.Item.String() + ")"
}

func (i Item) valid() bool { return i > 0 && int(i) < len(itemNames) }

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
// kept by both are in another order in b, one OpReordered says so.
//
// The order is deterministic: first the agreement's own fields (id, title,
// date, stage, sub-stage, signing status, entry into force), then the lists
// in the order of [Item]: parties, groups, signatures, clauses, fluents,
// areas of the territory, territorial options. Within a list: the items
// removed, in a's order; then the items modified, in b's order, each with
// its fields in the order of the struct; then the reordering, if any; then
// the items added, in b's order. Neither a nor b is modified. Diff is safe
// for concurrent use and never panics, for valid agreements or not.
func Diff(a, b agreement.Agreement) Changes {
	var out Changes
	for _, f := range agreementFields {
		ov, nv := f.get(&a), f.get(&b)
		if !equalValues(ov, nv) {
			out = append(out, Change{Op: OpModified, Item: ItemAgreement, Field: f.name, Old: ov, New: nv})
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
			out = append(out, Change{Op: OpRemoved, Item: l.item, ID: ka[i].id, Occurrence: ka[i].n,
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
				out = append(out, Change{Op: OpModified, Item: l.item, ID: kb[j].id, Occurrence: kb[j].n,
					Field: f.name, Old: ov, New: nv})
			}
		}
	}
	if !slices.Equal(keptA, keptB) {
		out = append(out, Change{Op: OpReordered, Item: l.item, Old: keyIDs(keptA), New: keyIDs(keptB)})
	}
	for j := range bs {
		if _, kept := ia[kb[j]]; !kept {
			out = append(out, Change{Op: OpAdded, Item: l.item, ID: kb[j].id, Occurrence: kb[j].n, Index: j,
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
func (cs Changes) Apply(a agreement.Agreement) (agreement.Agreement, error) {
	out := a.Clone()
	var ps changeProblems
	byItem := map[Item][]int{}
	for i, c := range cs {
		switch {
		case !c.Item.valid():
			ps.add(i, "unknown item kind "+c.Item.String())
			continue
		case c.Op < OpAdded || c.Op > OpReordered:
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
		return agreement.Agreement{}, err
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
	out := &agreement.ValidationError{Problems: make([]*agreement.Problem, len(ps.list))}
	for k, p := range ps.list {
		out.Problems[k] = &agreement.Problem{Path: "changes[" + strconv.Itoa(p.i) + "]", Err: ErrNotApplicable, Msg: p.msg}
	}
	return out
}

func applyAgreementField(a *agreement.Agreement, c Change, i int, ps *changeProblems) {
	if c.Op != OpModified {
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
		ps.add(i, subject+": "+f.label+" is "+FormatValue(cur)+", not "+FormatValue(c.Old))
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
		case OpAdded:
			adds = append(adds, i)
			continue
		case OpReordered:
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
		if c.Op == OpRemoved {
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
		ps.add(i, "the "+itemPlurals[l.item]+" are "+FormatValue(keyIDs(keys))+
			", not "+FormatValue(from))
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
					return false // only an interface type (agreement.Condition) takes nil
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

// FieldLabel returns the name for people of the field c modifies, such as
// "sub-stage" for "subStage" or "entry into force" for "entryIntoForce"; the
// field name itself when it is unknown, and "" when c names no field.
func (c Change) FieldLabel() string {
	if c.Field == "" {
		return ""
	}
	return fieldLabel(c.Item, c.Field)
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
	agreementFields = []diffField[agreement.Agreement]{
		diffFieldOf("id", "id", func(a *agreement.Agreement) agreement.AgreementID { return a.ID }, func(a *agreement.Agreement, v agreement.AgreementID) { a.ID = v }),
		diffFieldOf("title", "title", func(a *agreement.Agreement) string { return a.Title }, func(a *agreement.Agreement, v string) { a.Title = v }),
		diffFieldOf("date", "date", func(a *agreement.Agreement) time.Time { return a.Date }, func(a *agreement.Agreement, v time.Time) { a.Date = v }),
		diffFieldOf("stage", "stage", func(a *agreement.Agreement) agreement.Stage { return a.Stage }, func(a *agreement.Agreement, v agreement.Stage) { a.Stage = v }),
		diffFieldOf("subStage", "sub-stage", func(a *agreement.Agreement) agreement.SubStage { return a.SubStage },
			func(a *agreement.Agreement, v agreement.SubStage) { a.SubStage = v }),
		diffFieldOf("signingStatus", "signing status", func(a *agreement.Agreement) agreement.SigningStatus { return a.SigningStatus },
			func(a *agreement.Agreement, v agreement.SigningStatus) { a.SigningStatus = v }),
		diffFieldOf("entryIntoForce", "entry into force", func(a *agreement.Agreement) agreement.Condition { return a.EntryIntoForce },
			func(a *agreement.Agreement, v agreement.Condition) { a.EntryIntoForce = v }),
	}

	partyList = itemList[agreement.Party]{
		item: ItemParty,
		id:   func(p *agreement.Party) string { return string(p.ID) },
		fields: []diffField[agreement.Party]{
			diffFieldOf("name", "name", func(p *agreement.Party) string { return p.Name }, func(p *agreement.Party, v string) { p.Name = v }),
			diffFieldOf("kind", "kind", func(p *agreement.Party) agreement.PartyKind { return p.Kind }, func(p *agreement.Party, v agreement.PartyKind) { p.Kind = v }),
			diffFieldOf("roles", "roles", func(p *agreement.Party) []agreement.Role { return p.Roles }, func(p *agreement.Party, v []agreement.Role) { p.Roles = v }),
		},
		clone: func(p agreement.Party) agreement.Party { p.Roles = slices.Clone(p.Roles); return p },
	}

	groupList = itemList[agreement.Group]{
		item: ItemGroup,
		id:   func(g *agreement.Group) string { return string(g.ID) },
		fields: []diffField[agreement.Group]{
			diffFieldOf("name", "name", func(g *agreement.Group) string { return g.Name }, func(g *agreement.Group, v string) { g.Name = v }),
			diffFieldOf("members", "members", func(g *agreement.Group) []agreement.PartyID { return g.Members },
				func(g *agreement.Group, v []agreement.PartyID) { g.Members = v }),
		},
		clone: func(g agreement.Group) agreement.Group { g.Members = slices.Clone(g.Members); return g },
	}

	signatureList = itemList[agreement.Signature]{
		item: ItemSignature,
		id:   func(s *agreement.Signature) string { return string(s.Party) },
		fields: []diffField[agreement.Signature]{
			diffFieldOf("signatory", "signatory", func(s *agreement.Signature) string { return s.Signatory },
				func(s *agreement.Signature, v string) { s.Signatory = v }),
			diffFieldOf("capacity", "capacity", func(s *agreement.Signature) string { return s.Capacity },
				func(s *agreement.Signature, v string) { s.Capacity = v }),
			diffFieldOf("date", "date", func(s *agreement.Signature) time.Time { return s.Date },
				func(s *agreement.Signature, v time.Time) { s.Date = v }),
		},
		clone: func(s agreement.Signature) agreement.Signature { return s },
	}

	clauseList = itemList[agreement.Clause]{
		item: ItemClause,
		id:   func(c *agreement.Clause) string { return string(c.ID) },
		fields: []diffField[agreement.Clause]{
			diffFieldOf("text", "text", func(c *agreement.Clause) string { return c.Text }, func(c *agreement.Clause, v string) { c.Text = v }),
			diffFieldOf("source", "source", func(c *agreement.Clause) agreement.Source { return c.Source }, func(c *agreement.Clause, v agreement.Source) { c.Source = v }),
			diffFieldOf("kind", "kind", func(c *agreement.Clause) agreement.Deontic { return c.Kind }, func(c *agreement.Clause, v agreement.Deontic) { c.Kind = v }),
			diffFieldOf("force", "force", func(c *agreement.Clause) agreement.Force { return c.Force }, func(c *agreement.Clause, v agreement.Force) { c.Force = v }),
			diffFieldOf("category", "category", func(c *agreement.Clause) agreement.Category { return c.Category },
				func(c *agreement.Clause, v agreement.Category) { c.Category = v }),
			diffFieldOf("debtors", "debtors", func(c *agreement.Clause) []agreement.PartyID { return c.Debtors },
				func(c *agreement.Clause, v []agreement.PartyID) { c.Debtors = v }),
			diffFieldOf("joint", "joint", func(c *agreement.Clause) bool { return c.Joint }, func(c *agreement.Clause, v bool) { c.Joint = v }),
			diffFieldOf("creditors", "creditors", func(c *agreement.Clause) []agreement.PartyID { return c.Creditors },
				func(c *agreement.Clause, v []agreement.PartyID) { c.Creditors = v }),
			diffFieldOf("action", "action", func(c *agreement.Clause) *agreement.Pattern { return c.Action }, func(c *agreement.Clause, v *agreement.Pattern) { c.Action = v }),
			diffFieldOf("quantities", "quantities", func(c *agreement.Clause) []agreement.Range { return c.Quantities },
				func(c *agreement.Clause, v []agreement.Range) { c.Quantities = v }),
			diffFieldOf("trigger", "trigger", func(c *agreement.Clause) agreement.Condition { return c.Trigger },
				func(c *agreement.Clause, v agreement.Condition) { c.Trigger = v }),
			diffFieldOf("antecedent", "antecedent", func(c *agreement.Clause) agreement.Condition { return c.Antecedent },
				func(c *agreement.Clause, v agreement.Condition) { c.Antecedent = v }),
			diffFieldOf("deadline", "deadline", func(c *agreement.Clause) agreement.Deadline { return c.Deadline },
				func(c *agreement.Clause, v agreement.Deadline) { c.Deadline = v }),
			diffFieldOf("expiry", "expiry", func(c *agreement.Clause) agreement.Deadline { return c.Expiry }, func(c *agreement.Clause, v agreement.Deadline) { c.Expiry = v }),
			diffFieldOf("fulfilment", "fulfilment", func(c *agreement.Clause) agreement.Condition { return c.Fulfilment },
				func(c *agreement.Clause, v agreement.Condition) { c.Fulfilment = v }),
			diffFieldOf("violation", "violation", func(c *agreement.Clause) agreement.Condition { return c.Violation },
				func(c *agreement.Clause, v agreement.Condition) { c.Violation = v }),
			diffFieldOf("effect", "effect", func(c *agreement.Clause) agreement.Effect { return c.Effect }, func(c *agreement.Clause, v agreement.Effect) { c.Effect = v }),
			diffFieldOf("targets", "targets", func(c *agreement.Clause) []agreement.Ref { return c.Targets }, func(c *agreement.Clause, v []agreement.Ref) { c.Targets = v }),
			diffFieldOf("resumedBy", "resumed by", func(c *agreement.Clause) agreement.ClauseID { return c.ResumedBy },
				func(c *agreement.Clause, v agreement.ClauseID) { c.ResumedBy = v }),
			diffFieldOf("surviving", "surviving", func(c *agreement.Clause) bool { return c.Surviving },
				func(c *agreement.Clause, v bool) { c.Surviving = v }),
		},
		clone: agreement.Clause.Clone,
	}

	fluentList = itemList[agreement.Fluent]{
		item: ItemFluent,
		id:   func(f *agreement.Fluent) string { return string(f.ID) },
		fields: []diffField[agreement.Fluent]{
			diffFieldOf("initiates", "initiated by", func(f *agreement.Fluent) []agreement.Pattern { return f.Initiates },
				func(f *agreement.Fluent, v []agreement.Pattern) { f.Initiates = v }),
			diffFieldOf("terminates", "terminated by", func(f *agreement.Fluent) []agreement.Pattern { return f.Terminates },
				func(f *agreement.Fluent, v []agreement.Pattern) { f.Terminates = v }),
			diffFieldOf("initially", "initially", func(f *agreement.Fluent) bool { return f.Initially },
				func(f *agreement.Fluent, v bool) { f.Initially = v }),
		},
		clone: agreement.Fluent.Clone,
	}

	areaList = itemList[agreement.Area]{
		item: ItemArea,
		id:   func(a *agreement.Area) string { return string(a.ID) },
		fields: []diffField[agreement.Area]{
			diffFieldOf("name", "name", func(a *agreement.Area) string { return a.Name }, func(a *agreement.Area, v string) { a.Name = v }),
			diffFieldOf("size", "size", func(a *agreement.Area) decimal.Decimal { return a.Size },
				func(a *agreement.Area, v decimal.Decimal) { a.Size = v }),
			diffFieldOf("sovereignty", "sovereignty", func(a *agreement.Area) []agreement.Share { return a.Sovereignty },
				func(a *agreement.Area, v []agreement.Share) { a.Sovereignty = v }),
			diffFieldOf("control", "control", func(a *agreement.Area) []agreement.Share { return a.Control },
				func(a *agreement.Area, v []agreement.Share) { a.Control = v }),
			diffFieldOf("arrangements", "arrangements", func(a *agreement.Area) []agreement.Arrangement { return a.Arrangements },
				func(a *agreement.Area, v []agreement.Arrangement) { a.Arrangements = v }),
		},
		clone: agreement.Area.Clone,
	}

	optionList = itemList[agreement.Option]{
		item: ItemOption,
		id:   func(o *agreement.Option) string { return string(o.ID) },
		fields: []diffField[agreement.Option]{
			diffFieldOf("kind", "kind", func(o *agreement.Option) agreement.OptionKind { return o.Kind }, func(o *agreement.Option, v agreement.OptionKind) { o.Kind = v }),
			diffFieldOf("text", "text", func(o *agreement.Option) string { return o.Text }, func(o *agreement.Option, v string) { o.Text = v }),
			diffFieldOf("areas", "areas", func(o *agreement.Option) []agreement.AreaID { return o.Areas }, func(o *agreement.Option, v []agreement.AreaID) { o.Areas = v }),
			diffFieldOf("from", "from", func(o *agreement.Option) agreement.PartyID { return o.From }, func(o *agreement.Option, v agreement.PartyID) { o.From = v }),
			diffFieldOf("to", "to", func(o *agreement.Option) agreement.PartyID { return o.To }, func(o *agreement.Option, v agreement.PartyID) { o.To = v }),
			diffFieldOf("party", "party", func(o *agreement.Option) agreement.PartyID { return o.Party }, func(o *agreement.Option, v agreement.PartyID) { o.Party = v }),
			diffFieldOf("parties", "parties", func(o *agreement.Option) []agreement.PartyID { return o.Parties },
				func(o *agreement.Option, v []agreement.PartyID) { o.Parties = v }),
			diffFieldOf("width", "width", func(o *agreement.Option) *decimal.Decimal { return o.Width },
				func(o *agreement.Option, v *decimal.Decimal) { o.Width = v }),
			diffFieldOf("deadline", "deadline", func(o *agreement.Option) agreement.Deadline { return o.Deadline },
				func(o *agreement.Option, v agreement.Deadline) { o.Deadline = v }),
			diffFieldOf("results", "results", func(o *agreement.Option) []agreement.Result { return o.Results },
				func(o *agreement.Option, v []agreement.Result) { o.Results = v }),
			diffFieldOf("lapse", "lapse", func(o *agreement.Option) agreement.Lapse { return o.Lapse }, func(o *agreement.Option, v agreement.Lapse) { o.Lapse = v }),
		},
		clone: agreement.Option.Clone,
	}
)

// cloneValue returns a copy of a field value that shares no slice or
// pointer with v.
func cloneValue(v any) any {
	switch x := v.(type) {
	case []agreement.PartyID:
		return slices.Clone(x)
	case []agreement.Role:
		return slices.Clone(x)
	case []agreement.Ref:
		return slices.Clone(x)
	case []agreement.Range:
		return slices.Clone(x)
	case []agreement.Pattern:
		return slices.Clone(x)
	case []agreement.Share:
		return slices.Clone(x)
	case []agreement.Arrangement:
		return slices.Clone(x)
	case []agreement.AreaID:
		return slices.Clone(x)
	case []agreement.Result:
		return slices.Clone(x)
	case []string:
		return slices.Clone(x)
	case *agreement.Pattern:
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
	case agreement.Condition:
		y, ok := b.(agreement.Condition)
		return ok && x.Equal(y)
	case string:
		return eqAny(x, b)
	case bool:
		return eqAny(x, b)
	case agreement.AgreementID:
		return eqAny(x, b)
	case agreement.ClauseID:
		return eqAny(x, b)
	case agreement.PartyID:
		return eqAny(x, b)
	case agreement.Stage:
		return eqAny(x, b)
	case agreement.SubStage:
		return eqAny(x, b)
	case agreement.Category:
		return eqAny(x, b)
	case agreement.SigningStatus:
		return eqAny(x, b)
	case agreement.PartyKind:
		return eqAny(x, b)
	case agreement.Deontic:
		return eqAny(x, b)
	case agreement.Force:
		return eqAny(x, b)
	case agreement.Effect:
		return eqAny(x, b)
	case agreement.OptionKind:
		return eqAny(x, b)
	case agreement.Lapse:
		return eqAny(x, b)
	case agreement.Source:
		y, ok := b.(agreement.Source)
		return ok && x.Document == y.Document && x.Speaker == y.Speaker && x.Date.Equal(y.Date)
	case agreement.Deadline:
		y, ok := b.(agreement.Deadline)
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
	case *agreement.Pattern:
		y, ok := b.(*agreement.Pattern)
		return ok && (x == nil && y == nil || x != nil && y != nil && *x == *y)
	case []agreement.PartyID:
		return eqAnySlice(x, b)
	case []agreement.Role:
		return eqAnySlice(x, b)
	case []agreement.Ref:
		return eqAnySlice(x, b)
	case []agreement.Pattern:
		return eqAnySlice(x, b)
	case []agreement.Arrangement:
		return eqAnySlice(x, b)
	case []agreement.AreaID:
		return eqAnySlice(x, b)
	case []agreement.Result:
		return eqAnySlice(x, b)
	case []string:
		return eqAnySlice(x, b)
	case []agreement.Range:
		y, ok := b.([]agreement.Range)
		return ok && slices.EqualFunc(x, y, agreement.Range.Equal)
	case []agreement.Share:
		y, ok := b.([]agreement.Share)
		return ok && slices.EqualFunc(x, y, agreement.Share.Equal)
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

// FormatValue writes a value that a [Change] holds for people, as
// [Change.String] shows it: "none" for nil or an empty id, list or instant,
// text quoted, a condition as [agreement.Condition.String] writes it, an
// instant as [agreement.FormatInstant] does, lists joined with commas, and
// "?" for a value of a type no Change holds.
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case agreement.Condition:
		return x.String()
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case agreement.AgreementID:
		return orNone(string(x), true)
	case agreement.ClauseID:
		return orNone(string(x), true)
	case agreement.PartyID:
		return orNone(string(x), true)
	case agreement.Stage:
		return orNone(string(x), false)
	case agreement.SubStage:
		return orNone(string(x), false)
	case agreement.Category:
		return orNone(string(x), false)
	case agreement.SigningStatus:
		return orUnspecified(x.String())
	case agreement.PartyKind:
		return orUnspecified(x.String())
	case agreement.Deontic:
		return orUnspecified(x.String())
	case agreement.Force:
		return orUnspecified(x.String())
	case agreement.Effect:
		return orNone(x.String(), false)
	case agreement.OptionKind:
		return orUnspecified(x.String())
	case agreement.Lapse:
		return orUnspecified(x.String())
	case agreement.Source:
		return orNone(x.String(), false)
	case agreement.Deadline:
		return x.String()
	case time.Time:
		return orNone(agreement.FormatInstant(x), false)
	case decimal.Decimal:
		return x.String()
	case *decimal.Decimal:
		if x == nil {
			return "none"
		}
		return x.String()
	case *agreement.Pattern:
		if x == nil {
			return "none"
		}
		return x.String()
	case []agreement.PartyID:
		return joinAll(x, func(p agreement.PartyID) string { return string(p) })
	case []agreement.Role:
		return joinAll(x, agreement.Role.String)
	case []agreement.Ref:
		return joinAll(x, agreement.Ref.String)
	case []agreement.AreaID:
		return joinAll(x, func(a agreement.AreaID) string { return string(a) })
	case []string:
		return joinAll(x, func(s string) string { return s })
	case []agreement.Pattern:
		return joinWith(x, "; ", agreement.Pattern.String)
	case []agreement.Range:
		return joinWith(x, "; ", agreement.Range.String)
	case []agreement.Share:
		return formatShares(x)
	case []agreement.Arrangement:
		return joinWith(x, "; ", agreement.Arrangement.String)
	case []agreement.Result:
		return joinWith(x, "; ", agreement.Result.String)
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

func formatShares(ss []agreement.Share) string {
	return joinAll(ss, agreement.Share.String)
}

// enumName returns the name of v, or "typ(n)" for a value outside names.
func enumName[T ~uint8](names []string, typ string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}
