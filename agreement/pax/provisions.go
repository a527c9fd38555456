package pax

import (
	"iter"
	"math/bits"
	"strconv"
)

// Layout says which PA-X file a record was read from. The reader tells the
// two apart by the header (see [Read]).
type Layout uint8

// The PA-X layouts.
const (
	// LayoutAgreement is the agreement-level export: 38 columns, dates
	// DD/MM/YYYY, no provision codes. It is the zero value, so that a
	// record built by hand is agreement-level unless it says otherwise.
	LayoutAgreement Layout = iota
	// LayoutProvision is the provision-level file: the agreement-level
	// file's first 27 columns, ImSrc, and the 251 provision codes valued
	// 0-3; dates YYYY-MM-DD.
	LayoutProvision
)

// String returns "agreement-level" or "provision-level"; "Layout(n)" for
// any other value.
func (l Layout) String() string {
	switch l {
	case LayoutAgreement:
		return "agreement-level"
	case LayoutProvision:
		return "provision-level"
	}
	return "Layout(" + strconv.Itoa(int(l)) + ")"
}

// Level is how substantively an agreement addresses a provision, as PA-X
// codes it: 0 not addressed, 1 to 3 increasingly substantive.
type Level uint8

// Valid reports whether l is 0, 1, 2 or 3.
func (l Level) Valid() bool { return l <= 3 }

// ProvisionSet holds an agreement's level for each of the 251 provision
// codes, two bits a code. It is a small comparable value: copying it copies
// the levels, and nothing else shares them, so a set read from a file cannot
// be changed through another. The zero value has every level 0 (the set of
// an agreement-level record).
type ProvisionSet struct {
	w [(2*NumCodes + 63) / 64]uint64
}

// Level returns the level of code c; 0 when c is not a provision code.
// It does not allocate.
func (s ProvisionSet) Level(c Code) Level {
	i, ok := book.index[c]
	if !ok {
		return 0
	}
	return s.at(i)
}

func (s ProvisionSet) at(i int) Level { return Level(s.w[i/32] >> (2 * (i % 32)) & 3) }

func (s *ProvisionSet) set(i int, l Level) {
	shift := 2 * (i % 32)
	s.w[i/32] = s.w[i/32]&^(3<<shift) | uint64(l)<<shift
}

// With returns a copy of s with code c at level l, and true; s itself and
// false when c is not a provision code or l is not a valid level.
func (s ProvisionSet) With(c Code, l Level) (ProvisionSet, bool) {
	i, ok := book.index[c]
	if !ok || !l.Valid() {
		return s, false
	}
	s.set(i, l)
	return s, true
}

// Len returns how many codes have a non-zero level.
func (s ProvisionSet) Len() int {
	n := 0
	for _, w := range s.w {
		// A code's two bits are non-zero when either is set.
		n += bits.OnesCount64((w | w>>1) & 0x5555555555555555)
	}
	return n
}

// All yields each code with a non-zero level and that level, in the column
// order of [Codes]. It does not allocate beyond the iterator itself.
func (s ProvisionSet) All() iter.Seq2[Code, Level] {
	return func(yield func(Code, Level) bool) {
		for i := range NumCodes {
			if l := s.at(i); l != 0 && !yield(book.codes[i], l) {
				return
			}
		}
	}
}

// Equal reports whether s and t hold the same levels (it is s == t; the
// method lets comparison libraries such as go-cmp compare sets).
func (s ProvisionSet) Equal(t ProvisionSet) bool { return s == t }
