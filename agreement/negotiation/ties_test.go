package negotiation_test

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// TestTiedPointMemory: a space of 8 issues of 5 alternatives where every
// package ties (three parties valuing nothing) has one frontier point of
// 390,625 packages. The analysis holds them as one integer each and lists
// only the first DefaultList in Packages: it allocates under 48 bytes a
// package; Count and All give every package, in order.
func TestTiedPointMemory(t *testing.T) {
	var issues []negotiation.Issue
	for i := range 8 {
		is := negotiation.Issue{ID: negotiation.IssueID(fmt.Sprintf("i%d", i))}
		for a := range 5 {
			is.Alternatives = append(is.Alternatives, negotiation.Alternative{ID: negotiation.AlternativeID(fmt.Sprintf("a%d", a))})
		}
		issues = append(issues, is)
	}
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, issues)
	if err != nil {
		t.Fatal(err)
	}
	e, err := negotiation.Compile(s, []negotiation.Position{{Party: "A"}, {Party: "B"}, {Party: "C"}})
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a, err := e.Analyze(negotiation.Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	const n = 390625
	if got := after.TotalAlloc - before.TotalAlloc; got > 48*n {
		t.Errorf("Analyze allocated %d bytes for %d tied packages, %d a package; want under 48", got, n, got/n)
	}
	if len(a.Frontier) != 1 || a.Frontier[0].Count != n || len(a.Frontier[0].Packages) != negotiation.DefaultList {
		t.Fatalf("frontier %d points, first of %d packages listing %d; want 1 of %d listing %d",
			len(a.Frontier), a.Frontier[0].Count, len(a.Frontier[0].Packages), n, negotiation.DefaultList)
	}
	k := 0
	want := make(negotiation.Package, 8)
	for p := range a.Frontier[0].All() {
		if !slices.Equal(p, want) {
			t.Fatalf("package %d is %v, want %v", k, p, want)
		}
		if k < len(a.Frontier[0].Packages) && !slices.Equal(a.Frontier[0].Packages[k], p) {
			t.Fatalf("Packages[%d] = %v, All gives %v", k, a.Frontier[0].Packages[k], p)
		}
		k++
		for i := 7; i >= 0; i-- {
			if want[i]++; want[i] < 5 {
				break
			}
			want[i] = 0
		}
	}
	if k != n {
		t.Fatalf("All yielded %d packages, want %d", k, n)
	}
	// The solutions are copies: changing one changes nothing else.
	a.Nash[0].Packages[0][0] = 4
	a.Nash[0].Values[0] = a.Nash[0].Values[0].Add(a.Nash[0].Values[0].Add(a.Nash[0].Values[0]).Neg())
	if a.Frontier[0].Packages[0][0] != 0 || a.Welfare[0].Packages[0][0] != 0 {
		t.Errorf("changing the Nash point's package changed the frontier's or welfare's")
	}
}
