package scenario

import "github.com/peacekit/peacekit/agreement"

// kindTable finds the patterns of an event kind, the first step of
// matching every event: an open-addressing table keyed by the kind, with a
// hash of its length and three of its bytes, which tells the few kinds of
// an engine apart at a fraction of a map's cost.
type kindTable struct {
	mask  uint32
	slots []kindSlot // a power of two, at least twice as many as the kinds
}

type kindSlot struct {
	kind agreement.EventKind
	pats []int32 // nil for an empty slot: every kind listed has a pattern
}

// newKindTable returns the table of byKind.
func newKindTable(byKind map[agreement.EventKind][]int32) kindTable {
	n := 8
	for n < 2*len(byKind) {
		n *= 2
	}
	t := kindTable{mask: uint32(n - 1), slots: make([]kindSlot, n)}
	for k, pats := range byKind {
		i := kindHash(k) & t.mask
		for t.slots[i].pats != nil {
			i = (i + 1) & t.mask
		}
		t.slots[i] = kindSlot{kind: k, pats: pats}
	}
	return t
}

// kindHash hashes k by its length and its first, middle and last bytes.
func kindHash(k agreement.EventKind) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	return uint32(n)*0x9e3779b1 ^ uint32(k[0])*0x85ebca6b ^ uint32(k[n/2])*0xc2b2ae35 ^ uint32(k[n-1])*0x27d4eb2f
}

// patterns returns the patterns of kind k, nil for none.
func (t *kindTable) patterns(k agreement.EventKind) []int32 {
	if len(t.slots) == 0 {
		return nil
	}
	for i := kindHash(k) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.pats == nil || s.kind == k {
			return s.pats
		}
	}
}
