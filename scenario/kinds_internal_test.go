package scenario

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// TestPropertyKindTableIsMap checks the kind table against the map it is
// built from: every kind listed finds its patterns, any other kind none,
// whatever the kinds' hashes (drawn from a small alphabet, many collide).
func TestPropertyKindTableIsMap(t *testing.T) {
	kind := rapid.Custom(func(t *rapid.T) agreement.EventKind {
		return agreement.EventKind(rapid.StringMatching(`[ab-]{0,6}`).Draw(t, "kind"))
	})
	rapid.Check(t, func(t *rapid.T) {
		byKind := map[agreement.EventKind][]int32{}
		for i, k := range rapid.SliceOfDistinct(kind, func(k agreement.EventKind) agreement.EventKind { return k }).Draw(t, "kinds") {
			byKind[k] = []int32{int32(i), int32(i) + 100}
		}
		tab := newKindTable(byKind)
		if n := len(tab.slots); n < 2*len(byKind) || n&(n-1) != 0 {
			t.Fatalf("%d slots for %d kinds", n, len(byKind))
		}
		for k, want := range byKind {
			if got := tab.patterns(k); !slices.Equal(got, want) {
				t.Fatalf("patterns(%q) = %v, want %v", k, got, want)
			}
		}
		for range 20 {
			k := kind.Draw(t, "probe")
			if got, want := tab.patterns(k), byKind[k]; !slices.Equal(got, want) {
				t.Fatalf("patterns(%q) = %v, want %v", k, got, want)
			}
		}
	})
	var zero kindTable
	if got := zero.patterns("ceasefire-declared"); got != nil {
		t.Errorf("the zero table: %v", got)
	}
}
