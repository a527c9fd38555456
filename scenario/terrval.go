package scenario

import (
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// A terrVal is a territory as runs, forks and traces hold it: immutable
// once made, so that they share it, and persistent, so that changing one
// area (terrVal.with) copies that area's path in a tree of the areas and
// nothing else. Its areas are never modified; an area changed is a new
// agreement.Area.
type terrVal struct {
	lay   *terrLayout
	root  *vecNode // nil when there is no area
	shift uint     // the level of root: 0 when root is a leaf
}

// terrLayout is the order of a territory's areas, shared by every terrVal
// with the same area ids in the same order.
type terrLayout struct {
	ids   []agreement.AreaID
	index map[agreement.AreaID]int32 // the first area with each id
	// nilAreas is true when the territory's Areas is nil rather than
	// empty, for materialising it as it was given.
	nilAreas bool
}

const (
	vecBits  = 5
	vecWidth = 1 << vecBits
	vecMask  = vecWidth - 1
)

// vecNode is a node of a terrVal's tree: an inner node's vecWidth
// children, each over 1<<shift areas, or a leaf's vecWidth areas
// (smallWidth for a leaf over no more). Each slice is the array of the
// allocation holding the node (see newInner and newLeaf), so that a node
// is one allocation and holds no unused half.
type vecNode struct {
	kids  []*vecNode
	areas []*agreement.Area
}

type vecInner struct {
	n   vecNode
	buf [vecWidth]*vecNode
}

type vecLeaf struct {
	n   vecNode
	buf [vecWidth]*agreement.Area
	// own is the area a change put in the leaf (see setVec), in the same
	// allocation.
	own agreement.Area
}

// smallWidth is the width of the leaves over at most that many areas
// (vecSmall): a territory's only leaf, usually, or the last of a large
// one.
const smallWidth = 8

type vecSmall struct {
	n   vecNode
	buf [smallWidth]*agreement.Area
	own agreement.Area // as vecLeaf's
}

// newInner returns a new inner node with no children.
func newInner() *vecNode {
	x := new(vecInner)
	x.n.kids = x.buf[:]
	return &x.n
}

// newLeaf returns a new leaf with no areas.
func newLeaf() *vecNode {
	x := new(vecLeaf)
	x.n.areas = x.buf[:]
	return &x.n
}

// newTerrVal returns t as a terrVal, keeping like's layout when t has the
// same area ids in the same order (like may be nil). It points into t's
// areas, which must not be modified afterwards.
func newTerrVal(t agreement.Territory, like *terrLayout) terrVal {
	lay := like
	if lay == nil || lay.nilAreas != (t.Areas == nil) || len(lay.ids) != len(t.Areas) ||
		!slices.EqualFunc(lay.ids, t.Areas, func(id agreement.AreaID, a agreement.Area) bool { return id == a.ID }) {
		lay = &terrLayout{ids: make([]agreement.AreaID, len(t.Areas)),
			index: make(map[agreement.AreaID]int32, len(t.Areas)), nilAreas: t.Areas == nil}
		for i := range t.Areas {
			id := t.Areas[i].ID
			lay.ids[i] = id
			if _, dup := lay.index[id]; !dup {
				lay.index[id] = int32(i)
			}
		}
	}
	v := terrVal{lay: lay}
	if len(t.Areas) == 0 {
		return v
	}
	for len(t.Areas) > vecWidth<<v.shift {
		v.shift += vecBits
	}
	v.root = buildVec(t.Areas, v.shift)
	return v
}

// buildVec returns the node at level shift over areas.
func buildVec(areas []agreement.Area, shift uint) *vecNode {
	if shift == 0 {
		nd := newLeaf()
		if len(areas) <= smallWidth {
			x := new(vecSmall)
			x.n.areas = x.buf[:]
			nd = &x.n
		}
		for i := range areas {
			nd.areas[i] = &areas[i]
		}
		return nd
	}
	nd := newInner()
	per := 1 << shift
	for k := 0; len(areas) > 0; k++ {
		m := min(per, len(areas))
		nd.kids[k] = buildVec(areas[:m], shift-vecBits)
		areas = areas[m:]
	}
	return nd
}

// lookup returns the index of the first area of v with the given id.
func (v terrVal) lookup(id agreement.AreaID) (int32, bool) {
	if v.lay == nil {
		return 0, false
	}
	i, ok := v.lay.index[id]
	return i, ok
}

// area returns v's area at index i (read-only).
func (v terrVal) area(i int32) *agreement.Area {
	nd := v.root
	for s := v.shift; s > 0; s -= vecBits {
		nd = nd.kids[(int(i)>>s)&vecMask]
	}
	return nd.areas[int(i)&vecMask]
}

// with returns v with its area at index i replaced by a, which must keep
// its id; v is not modified.
func (v terrVal) with(i int32, a agreement.Area) terrVal {
	v.root = setVec(v.root, v.shift, int(i), a)
	return v
}

// setVec returns a copy of nd (at level shift) with area i set to a, held
// in the new leaf's own allocation.
func setVec(nd *vecNode, shift uint, i int, a agreement.Area) *vecNode {
	if shift == 0 {
		var c *vecNode
		var own *agreement.Area
		if len(nd.areas) == smallWidth {
			x := new(vecSmall)
			x.n.areas, c, own = x.buf[:], &x.n, &x.own
		} else {
			x := new(vecLeaf)
			x.n.areas, c, own = x.buf[:], &x.n, &x.own
		}
		copy(c.areas, nd.areas)
		*own = a
		c.areas[i&vecMask] = own
		return c
	}
	c := newInner()
	copy(c.kids, nd.kids)
	k := (i >> shift) & vecMask
	c.kids[k] = setVec(nd.kids[k], shift-vecBits, i, a)
	return c
}

// territory returns v as an agreement.Territory whose areas share their
// slices with v: to read or to pass to the functions of package agreement,
// which never modify their arguments. deep makes it share nothing instead.
func (v terrVal) territory(deep bool) agreement.Territory {
	if v.lay == nil || v.lay.nilAreas {
		return agreement.Territory{}
	}
	out := agreement.Territory{Areas: make([]agreement.Area, 0, len(v.lay.ids))}
	if v.root != nil {
		out.Areas = appendVec(out.Areas, v.root, v.shift, len(v.lay.ids), deep)
	}
	return out
}

// appendVec appends the first n areas under nd (at level shift) to out.
func appendVec(out []agreement.Area, nd *vecNode, shift uint, n int, deep bool) []agreement.Area {
	if shift == 0 {
		for _, a := range nd.areas[:min(n, vecWidth)] {
			if deep {
				out = append(out, a.Clone())
			} else {
				out = append(out, *a)
			}
		}
		return out
	}
	per := 1 << shift
	for k := 0; n > 0; k++ {
		out = appendVec(out, nd.kids[k], shift-vecBits, min(n, per), deep)
		n -= per
	}
	return out
}
