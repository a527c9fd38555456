package revision

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/peacekit/peacekit/agreement"
)

// Apply returns a copy of a with the changes cs applied: for cs returned by
// Diff(a, b), a value equal to b (in the sense of Diff: Diff of the result
// and b is empty). Neither a nor cs is modified, and the result shares no
// slice or pointer with them. Apply does not validate the result (see
// [agreement.Agreement.Validate]); it is safe for concurrent use and never panics.
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
	out.ItemClasses = applyList(&itemClassList, out.ItemClasses, cs, byItem[ItemItemClass], &ps)
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
	var out agreement.ValidationError
	for _, p := range ps.list {
		out.Add(agreement.IndexPath("changes", p.i), ErrNotApplicable, p.msg)
	}
	return out.Err()
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
	if len(adds) == 0 {
		return list
	}
	// The additions go in by Index, each at its Index in the list as the
	// earlier ones left it. As the Indexes never decrease, the list is built
	// in one pass: done holds the items whose place is final; then come
	// pending, the items added at the position where done ends, the latest
	// (the last of pending) first, as each went in before the one added
	// before it; then rest, what is left of list.
	slices.SortStableFunc(adds, func(i, j int) int { return cmp.Compare(cs[i].Index, cs[j].Index) })
	// count holds, for each id, how many items of the list have it.
	count := make(map[string]int, len(listKeys))
	for _, k := range listKeys {
		count[k.id]++
	}
	done := make([]T, 0, len(list)+len(adds))
	var pending []T
	rest, size := list, len(list)
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
		case c.Index < 0 || c.Index > size:
			ps.add(i, c.subject()+": position "+strconv.Itoa(c.Index)+
				" out of range (0 to "+strconv.Itoa(size)+")")
			continue
		}
		n := count[c.ID]
		switch {
		case n > c.Occurrence:
			ps.add(i, c.subject()+" already present")
			continue
		case n < c.Occurrence:
			ps.add(i, c.subject()+": there are only "+strconv.Itoa(n)+" earlier "+itemPlurals[l.item]+" with this id")
			continue
		}
		for len(done) < c.Index {
			if k := len(pending) - 1; k >= 0 {
				done = append(done, pending[k])
				pending = pending[:k]
			} else {
				done = append(done, rest[0])
				rest = rest[1:]
			}
		}
		pending = append(pending, l.clone(item))
		size++
		count[c.ID]++
	}
	for k := len(pending) - 1; k >= 0; k-- {
		done = append(done, pending[k])
	}
	// Items with the same id keep their relative order, so their
	// occurrence numbers are recomputed from the final order.
	return append(done, rest...)
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
