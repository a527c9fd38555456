package negotiation_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// wideConflicts returns two issues of n alternatives each, every one
// freezing donetsk: every pair of alternatives of the two issues conflicts.
func wideConflicts(n int) []negotiation.Issue {
	var issues []negotiation.Issue
	for i := range 2 {
		is := negotiation.Issue{ID: negotiation.IssueID(fmt.Sprintf("i%d", i))}
		for a := range n {
			is.Alternatives = append(is.Alternatives, negotiation.Alternative{ID: negotiation.AlternativeID(fmt.Sprintf("a%d", a)),
				Options: []agreement.Option{{ID: agreement.OptionID(fmt.Sprintf("f%d-%d", i, a)), Kind: agreement.OptionKindFreeze,
					Areas: []agreement.AreaID{"donetsk"}}}})
		}
		issues = append(issues, is)
	}
	return issues
}

// TestNewSpaceConflictMemory: a space whose every pair of alternatives of
// two issues conflicts stores a bitset, not a record per pair: building
// one of 2 × 2,048 alternatives (4,194,304 conflicting pairs) allocates
// well under 64 MB, and the conflict named for a package is still exact.
func TestNewSpaceConflictMemory(t *testing.T) {
	territory := exampleSpace().Territory()
	issues := wideConflicts(2048)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, err := negotiation.NewSpace(territory, nil, issues)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("NewSpace allocated %d MB for 2 × 2,048 conflicting alternatives, want under 64", got>>20)
	}
	err = s.Check(negotiation.Package{2047, 5})
	c, ok := err.(*negotiation.Conflict)
	if !ok {
		t.Fatalf("Check = %v, want a *Conflict", err)
	}
	want := negotiation.Conflict{Issue: "i0", Alternative: "a2047", Option: "f0-2047",
		OtherIssue: "i1", OtherAlternative: "a5", OtherOption: "f1-5", Area: "donetsk"}
	if *c != want {
		t.Errorf("Check = %+v, want %+v", *c, want)
	}
}

func BenchmarkNewSpaceConflicts(b *testing.B) {
	territory := exampleSpace().Territory()
	issues := wideConflicts(2048)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := negotiation.NewSpace(territory, nil, issues); err != nil {
			b.Fatal(err)
		}
	}
}
