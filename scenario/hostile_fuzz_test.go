package scenario_test

import (
	"fmt"
	"io"
	"runtime/debug"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/scenario"
)

// hostileBudget is how long one input may take through every stage.
const hostileBudget = 5 * time.Second

// conditionReader builds condition trees from fuzz input: each byte picks a
// node, and the bytes after it its size. Sizes are drawn large (chains up to
// 2^15 deep, lists up to 2^12 wide), nodes include nil operands, typed nil
// nodes and AtLeast with k out of range. Past the end of the input it reads
// zeros, which build atoms, so every input builds a finite tree.
type conditionReader struct {
	data      []byte
	nodes     int // nodes built so far, bounded by maxNodes
	doublings int // Any(c, c) built so far, bounded by maxDoublings
}

// maxNodes bounds the size of one tree, so that one input stays cheap to
// build.
const maxNodes = 1 << 16

// maxDoublings bounds the number of Any(c, c) nodes of one input. The
// paths through shared operands are exponential in it, but every walk of a
// condition stops at agreement.MaxConditionSize nodes, so the bound only
// keeps inputs cheap to build.
const maxDoublings = 1 << 10

func (r *conditionReader) byte() byte {
	if len(r.data) == 0 {
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

// size reads a size up to 2^bits - 1, small sizes more likely.
func (r *conditionReader) size(bits uint) int {
	v := int(r.byte())<<8 | int(r.byte())
	return (v>>(16-bits))*int(r.byte()&1) + v&7
}

var fuzzPatterns = []agreement.Pattern{
	{Kind: agreement.EventKindArmedAttack, Actor: "AA"},
	{Kind: agreement.EventKindCeasefireInForce},
	{Kind: agreement.EventKindArmedAttack, Target: "BB"},
}

func (r *conditionReader) atom(b byte) agreement.Condition {
	p := fuzzPatterns[int(b>>4)%len(fuzzPatterns)]
	switch b % 18 {
	case 0:
		return agreement.Holds("f")
	case 1:
		return agreement.ClauseIn(agreement.LocalRef("A"), agreement.StateInEffect)
	case 2:
		return agreement.Happened(p)
	case 3:
		return agreement.Within(p, time.Duration(b)*agreement.Day)
	case 4:
		return agreement.Since(p, time.Duration(b%3)*agreement.Day)
	case 5:
		return agreement.Before(p, fuzzPatterns[0])
	case 6:
		return agreement.AgreementIn("", agreement.StateInEffect)
	case 7:
		return nil
	case 8:
		return (*agreement.AllCondition)(nil)
	case 9:
		return (*agreement.NotCondition)(nil)
	case 10:
		return (*agreement.HoldsCondition)(nil)
	case 11:
		return agreement.Breached(agreement.LocalRef("S"), int(b%5)-1, agreement.BreachFilter{
			Debtor: agreement.Debtor, Within: time.Duration(b%4-1) * agreement.Day})
	case 12:
		return agreement.ClauseInFor(agreement.LocalRef("S"), agreement.Debtor, agreement.StateInEffect)
	case 13:
		return agreement.Total(p, agreement.Measure(agreement.UnitKm).Of("distance").AtLeast(decimal.New(1, int32(b)*50)))
	case 14:
		return agreement.Level(p, agreement.Measure(agreement.UnitTroops).Below(decimal.New(int64(b), -int32(b)*20)))
	case 15:
		return (*agreement.BreachedCondition)(nil)
	case 16:
		return (*agreement.TallyCondition)(nil)
	}
	return (*agreement.AtLeastCondition)(nil)
}

// condition builds one tree; depth bounds the recursion of this builder
// (long chains are built by loops, not by recursion).
func (r *conditionReader) condition(depth int) agreement.Condition {
	b := r.byte()
	if depth > 8 || r.nodes >= maxNodes {
		return r.atom(b)
	}
	r.nodes++
	switch b % 8 {
	case 0, 1:
		return r.atom(r.byte())
	case 2: // a deep Not chain
		c := r.condition(depth + 1)
		for range min(r.size(15), maxNodes-r.nodes) {
			c = agreement.Not(c)
			r.nodes++
		}
		return c
	case 3: // a deep All chain, as the loop c = All(c, x) builds it
		c, x := r.condition(depth+1), r.condition(depth+1)
		for range min(r.size(15), maxNodes-r.nodes) {
			c = agreement.All(c, x)
			r.nodes++
		}
		return c
	case 4: // a wide Any of one repeated operand and a few others
		x := r.condition(depth + 1)
		// The operands drawn above may have used up the budget: n is never
		// negative.
		n := max(0, min(r.size(12), maxNodes-r.nodes))
		ops := make([]agreement.Condition, n)
		for i := range ops {
			ops[i] = x
		}
		for i := range min(n, 4) {
			ops[i] = r.condition(depth + 1)
		}
		r.nodes += n
		return agreement.Any(ops...)
	case 5: // AtLeast with k anywhere from -2 to n+2
		n := int(r.byte() % 8)
		ops := make([]agreement.Condition, n)
		for i := range ops {
			ops[i] = r.condition(depth + 1)
		}
		return agreement.AtLeast(int(r.byte())%(n+5)-2, ops...)
	case 6: // a short All or Any of distinct operands
		n := int(r.byte() % 6)
		ops := make([]agreement.Condition, n)
		for i := range ops {
			ops[i] = r.condition(depth + 1)
		}
		if b&0x80 != 0 {
			return agreement.Any(ops...)
		}
		return agreement.All(ops...)
	}
	// shared operands: c = Any(c, c), 2^n paths through n nodes
	c := r.condition(depth + 1)
	for range min(int(r.byte()%65), maxDoublings-r.doublings) {
		c = agreement.Any(c, c)
		r.nodes++
		r.doublings++
	}
	return c
}

// hostileAgreement returns a small valid agreement whose clause B has the
// conditions built from r.
func hostileAgreement(r *conditionReader) agreement.Agreement {
	return agreement.Agreement{
		ID:      "hostile",
		Parties: []agreement.Party{{ID: "AA"}, {ID: "BB"}},
		Fluents: []agreement.Fluent{{ID: "f", Initiates: []agreement.Pattern{fuzzPatterns[1]},
			Terminates: []agreement.Pattern{fuzzPatterns[0]}}},
		Clauses: []agreement.Clause{
			{ID: "A", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"AA"}},
			{ID: "S", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"AA", "BB"},
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "B", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"BB"},
				Trigger: r.condition(0), Antecedent: r.condition(0), Violation: r.condition(0)},
		},
		EntryIntoForce: r.condition(0),
	}
}

// hostileTimeline is a short timeline over hostileAgreement's parties.
func hostileTimeline() (scenario.Timeline, time.Time) {
	start := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	return scenario.NewTimeline(start,
		agreement.Event{At: start.Add(agreement.Day), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: start.Add(3 * agreement.Day), Kind: agreement.EventKindArmedAttack, Actor: "AA", Target: "BB"},
		agreement.Event{At: start.Add(5 * agreement.Day), Kind: agreement.EventKindArmedAttack, Actor: "BB", Target: "AA"},
	), start.Add(30 * agreement.Day)
}

// runHostile takes one input through Validate, String, report.Markdown,
// Compile and, when it compiles, Replay; it reports a panic or a stage
// that does not finish within hostileBudget.
func runHostile(t *testing.T, data []byte) {
	t.Helper()
	stage := make(chan string, 16)
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		stage <- "building"
		a := hostileAgreement(&conditionReader{data: data})
		stage <- "Validate"
		verr := a.Validate()
		stage <- "String"
		for _, nc := range a.Clauses[2].Conditions() {
			if nc.Condition != nil {
				_ = nc.Condition.String()
			}
		}
		stage <- "report.Markdown"
		if err := report.Markdown(io.Discard, a); err != nil {
			done <- fmt.Errorf("report.Markdown: %v", err)
			return
		}
		stage <- "Compile"
		e, err := scenario.Compile(a)
		if err != nil {
			done <- nil
			return
		}
		if verr != nil {
			done <- fmt.Errorf("Compile accepted an agreement Validate rejects: %v", verr)
			return
		}
		stage <- "Replay"
		tl, end := hostileTimeline()
		_, _ = e.Replay(tl, end)
		done <- nil
	}()
	last := "starting"
	timeout := time.After(hostileBudget)
	for {
		select {
		case s := <-stage:
			last = s
		case err := <-done:
			if err != nil {
				t.Fatalf("input %x: %v (in %s)", data, err, last)
			}
			return
		case <-timeout:
			t.Fatalf("input %x: over %v, stuck in %s", data, hostileBudget, last)
		}
	}
}

// FuzzHostileConditions builds condition trees by hand from the input (deep
// Not and All chains, wide Any, AtLeast with k out of range, nil operands,
// typed nil nodes, shared operands), puts them in a small valid agreement
// and runs validation, String, report.Markdown, Compile and Replay, each
// input within a time budget: none may panic or stall.
func FuzzHostileConditions(f *testing.F) {
	for _, seed := range [][]byte{
		nil,
		{0},
		{2, 0, 0, 0xff, 0xff, 1},               // Not nested 32774 deep
		{3, 0, 0, 0, 1, 0xff, 0xff, 1},         // All nested 32774 deep
		{4, 0, 2, 0xff, 0xff, 1},               // Any 4102 wide
		{5, 3, 0, 1, 0, 2, 0, 3, 0xff},         // AtLeast, k out of range
		{6, 0x80 | 4, 0, 7, 0, 8, 0, 9, 0, 10}, // nil and typed nil operands
		{7, 0, 1, 0x3f},                        // 2^63 paths through shared nodes
	} {
		f.Add(seed)
	}
	f.Fuzz(runHostile)
}
