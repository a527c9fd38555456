package negotiation_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// TestCancelled: a cancelled context stops Analyze, Count, WhatIf,
// Sensitivity and Excluded: on a space of 5^27 packages (far too many to
// enumerate), Analyze, Count and WhatIf return an error wrapping
// context.Canceled; on one of 5^7 analysed before the context is
// cancelled, Sensitivity does and Excluded stops early.
func TestCancelled(t *testing.T) {
	e := spaceOf(t, 27)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opt := negotiation.Options{Context: ctx, Workers: 2}
	if _, err := e.Analyze(opt); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze: %v, want context.Canceled", err)
	}
	if _, err := e.Count(opt); !errors.Is(err, context.Canceled) {
		t.Errorf("Count: %v, want context.Canceled", err)
	}
	if _, err := e.WhatIf(opt); !errors.Is(err, context.Canceled) {
		t.Errorf("WhatIf: %v, want context.Canceled", err)
	}

	small := spaceOf(t, 7)
	ctx, cancel = context.WithCancel(context.Background())
	a, err := small.Analyze(negotiation.Options{Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := a.Sensitivity("A", "i0"); !errors.Is(err, context.Canceled) {
		t.Errorf("Sensitivity: %v, want context.Canceled", err)
	}
	n := 0
	for range a.Excluded() {
		n++
	}
	if n >= 78125-1 {
		t.Errorf("Excluded yielded %d packages after the context was cancelled", n)
	}
}

// spaceOf returns an evaluator over k issues of 5 alternatives, every
// package acceptable to two parties.
func spaceOf(t *testing.T, k int) *negotiation.Evaluator {
	t.Helper()
	var issues []negotiation.Issue
	for i := range k {
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
	e, err := negotiation.Compile(s, []negotiation.Position{
		{Party: "A", Reservation: d("-1"), Issues: []negotiation.IssueValue{{Issue: "i0", Weight: d("1"),
			Values: []negotiation.AlternativeValue{{Alternative: "a1", Value: d("1")}}}}},
		{Party: "B", Reservation: d("-1")}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
