package revision

import (
	"errors"
	"slices"
	"strconv"

	"github.com/peacekit/peacekit/agreement"
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
// territorial areas, territorial options or item classes. The zero value is
// invalid.
type Item uint8

// The kinds of item, in the order [Diff] reports them.
const (
	_             Item = iota
	ItemAgreement      // the agreement's own fields: id, title, date, stages, signing status, entry into force, signatories, zone, term
	ItemParty          // an element of Parties, identified by its id
	ItemGroup          // an element of Groups, identified by its id
	ItemSignature      // an element of Signatures, identified by the signing party
	ItemClause         // an element of Clauses, identified by its id
	ItemFluent         // an element of Fluents, identified by its id
	ItemArea           // an element of agreement.Territory.Areas, identified by its id
	ItemOption         // an element of Options, identified by its id
	ItemItemClass      // an element of ItemClasses, identified by its id
)

var itemNames = []string{"", "agreement", "party", "group", "signature", "clause", "fluent", "area", "option",
	"item class"}

var itemPlurals = []string{"", "agreement", "parties", "groups", "signatures", "clauses", "fluents", "areas", "options",
	"item classes"}

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
//   - OpAdded: New is the whole item added (a [agreement.Party], [agreement.Group],
//     [agreement.Signature], [agreement.Clause], [agreement.Fluent], [agreement.Area],
//     [agreement.Option] or [agreement.ItemClass]), Old is nil, and Index is its
//     position in the new version's list.
//   - OpRemoved: Old is the whole item removed, New is nil.
//   - OpModified: Field names the field, Old and New are its values, in
//     the field's Go type: a [agreement.Force] for "force", a []PartyID for "debtors",
//     a [agreement.Condition] (nil when unset) for "trigger", a *[agreement.Pattern] for
//     "action", a [agreement.Deadline] for "deadline" and "inForceAt", a
//     [agreement.Recurrence] for "recurs", an [agreement.Zone] for "zone", an
//     [agreement.Term] for "term", an [agreement.SuspensionRule] for
//     "duringSuspension", a
//     [time.Time] for "date", a [decimal.Decimal] for an area's "size", a
//     []Share for "control", an int for "covers", a [time.Duration] for
//     "coverWindow", a []Bound for an item class's "rule", and so on for
//     every field.
//   - OpReordered: Old and New are []string: the ids of the items both
//     versions hold, in the old order and in the new order. ID and Field are
//     empty.
//
// The fields compared, by item kind, in the order Diff reports them (an id
// is not a field: an item whose id changed is removed and another added):
//
//	agreement  id title date stage subStage signingStatus entryIntoForce inForceAt signatories zone term
//	party      name kind roles
//	group      name members
//	signature  signatory capacity date
//	clause     text source kind force category debtors joint creditors action quantities
//	           trigger antecedent deadline expiry fulfilment violation standing effect targets
//	           resumedBy targetDebtor relaxes grant covers coverWindow surviving provisional
//	           recurs zone term duringSuspension
//	fluent     initiates terminates initially
//	area       name size sovereignty control arrangements
//	option     kind text areas from to party parties width deadline results lapse
//	item class name items rule
//
// Values held by a change share nothing with the agreements it was computed
// from. A Change is a plain value, safe for concurrent reads.
type Change struct {
	Op   Op
	Item Item
	// ID identifies the item: a party, group, clause, fluent, area, option
	// or item class id, or the signing party of a signature; empty for ItemAgreement and
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
// instants, decimals, conditions, deadlines and recurrences compared by
// their Equal methods, so that 72 hours and 3 calendar days differ, and nil
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
// date, stage, sub-stage, signing status, entry into force, in force at,
// signatories, time zone), then the lists
// in the order of [Item]: parties, groups, signatures, clauses, fluents,
// areas of the territory, territorial options, item classes. Within a list: the items
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
	out = diffList(&itemClassList, a.ItemClasses, b.ItemClasses, out)
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
