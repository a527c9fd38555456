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

// tableSize returns the number of slots of an open-addressing table of n
// keys: a power of two, at least twice n and at least 8.
func tableSize(n int) int {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return size
}

// newKindTable returns the table of byKind.
func newKindTable(byKind map[agreement.EventKind][]int32) kindTable {
	n := tableSize(len(byKind))
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

// kindHash hashes k (a kind, or a party's ID) by its length and its
// first, middle and last bytes.
func kindHash[S ~string](k S) uint32 {
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

// partyBits is a set of party codes (see partyTable): bit c for the party
// of code c, bit otherParty for every party no pattern names, and for no
// party (an empty field).
type partyBits uint64

// otherParty is the code of the parties a partyTable does not list.
const otherParty = 63

// partyTable gives the parties the patterns of an engine name (by their
// IDs, or through the debtors or creditors a placeholder stands for)
// codes below otherParty, so that matching an event looks its parties up
// once and then tests a bit per pattern and party field (see
// partyMatch). An open-addressing table hashed as kindTable is.
type partyTable struct {
	mask  uint32
	slots []partySlot
}

type partySlot struct {
	id   agreement.PartyID
	code uint8 // the code plus one; 0 for an empty slot
}

// bit returns the set of x's code alone.
func (t *partyTable) bit(x agreement.PartyID) partyBits {
	if x != "" && len(t.slots) > 0 {
		for i := kindHash(x) & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.code == 0 {
				break
			}
			if s.id == x {
				return 1 << (s.code - 1)
			}
		}
	}
	return 1 << otherParty
}

// partyMatch is how a pattern's party fields read, as sets of codes: every
// code for a field with no filter.
type partyMatch struct {
	actor, target, reporter partyBits
	// more copies patternInfo.more.
	more bool
}

// codeParties builds e.partyCodes and e.partyMatch from e's patterns, or
// leaves them empty, for matching by the parties' IDs, when the patterns
// name otherParty parties or more, or a placeholder stands for no party.
func (e *Engine) codeParties() {
	codes := map[agreement.PartyID]uint8{}
	ok := true
	bits := func(ids ...agreement.PartyID) partyBits {
		var b partyBits
		for _, id := range ids {
			if id == "" {
				ok = false
				continue
			}
			c, seen := codes[id]
			if !seen {
				if len(codes) == otherParty {
					ok = false
					continue
				}
				c = uint8(len(codes))
				codes[id] = c
			}
			b |= 1 << c
		}
		return b
	}
	field := func(info *patternInfo, m partyFilter, id agreement.PartyID) partyBits {
		switch m {
		case filterAny:
			return ^partyBits(0)
		case filterDebtor:
			return bits(info.debtors.list...)
		case filterCreditor:
			return bits(info.creditors.list...)
		}
		return bits(id)
	}
	pm := make([]partyMatch, len(e.patterns))
	for pi := range e.patterns {
		info := &e.patterns[pi]
		p := &info.key.p
		pm[pi] = partyMatch{actor: field(info, info.actor, p.Actor), target: field(info, info.target, p.Target),
			reporter: field(info, info.reporter, p.Reporter), more: info.more}
	}
	if !ok {
		return
	}
	n := tableSize(len(codes))
	t := partyTable{mask: uint32(n - 1), slots: make([]partySlot, n)}
	for id, c := range codes {
		i := kindHash(id) & t.mask
		for t.slots[i].code != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = partySlot{id: id, code: c + 1}
	}
	e.partyCodes, e.partyMatch = t, pm
}
