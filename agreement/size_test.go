package agreement_test

import (
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// doubled returns c after n rounds of c = Any(c, c): n+1 nodes whose tree
// has 2^(n+1)-1 nodes.
func doubled(c agreement.Condition, n int) agreement.Condition {
	for range n {
		c = agreement.Any(c, c)
	}
	return c
}

// finishes runs f and fails t when it has not returned within a generous
// limit, so that a walk along every path fails the test rather than hanging
// it (it leaves that walk running).
func finishes(t *testing.T, name string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatalf("%s did not finish in 2 s", name)
	}
}

// TestSharedOperandsBounded: a condition of 64 nodes built with
// c = Any(c, c), whose tree has 2^64 paths, is rejected by validation and
// the encoder and written, compared and walked in bounded time. Before
// MaxConditionSize, Validate, Process.Validate, String, MarshalJSON, Walk
// and EqualConditions on two copies walked every path and never returned.
func TestSharedOperandsBounded(t *testing.T) {
	atom := agreement.Holds("ceasefire-in-force")
	c := doubled(atom, 63)
	copyOf := doubled(agreement.Holds("ceasefire-in-force"), 63)
	other := doubled(agreement.Holds("other"), 63)
	a := withClause(0, func(cl *agreement.Clause) { cl.Trigger = c })
	const msg = "condition of more than 250000 nodes"

	finishes(t, "Validate", func() {
		err := a.Validate()
		if !problemAt(err, agreement.ErrInvalidValue, "clauses[0].trigger") || !strings.Contains(err.Error(), msg) {
			t.Errorf("Validate() = %.300v, want %q at clauses[0].trigger", err, msg)
		}
	})
	finishes(t, "Process.Validate", func() {
		err := agreement.Process{Agreements: []agreement.Agreement{a}}.Validate()
		if !problemAt(err, agreement.ErrInvalidValue, "agreements[0].clauses[0].trigger") {
			t.Errorf("Process.Validate() = %.300v, want the size at agreements[0].clauses[0].trigger", err)
		}
	})
	finishes(t, "String", func() {
		s := c.String()
		if !strings.HasPrefix(s, "any(any(") || !strings.HasSuffix(s, "…(and more than 250000 more nodes)") {
			t.Errorf("String() = %.40q...%q", s, s[max(0, len(s)-60):])
		}
	})
	finishes(t, "EqualConditions", func() {
		if !agreement.EqualConditions(c, c) || !c.Equal(c) {
			t.Error("EqualConditions(c, c) = false")
		}
		if !agreement.EqualConditions(c, copyOf) || !c.Equal(copyOf) {
			t.Error("EqualConditions(c, copy of c) = false")
		}
		if agreement.EqualConditions(c, other) || c.Equal(other) {
			t.Error("EqualConditions(c, other) = true, though their atoms differ")
		}
	})
	finishes(t, "MarshalJSON", func() {
		_, err := a.MarshalJSON()
		if !problemAt(err, agreement.ErrInvalidValue, "clauses[0].trigger") || !strings.Contains(err.Error(), msg) {
			t.Errorf("MarshalJSON() error = %.300v, want %q at clauses[0].trigger", err, msg)
		}
	})
	finishes(t, "Walk", func() {
		n := 0
		agreement.Walk(c, func(agreement.Condition) bool { n++; return true })
		if n != agreement.MaxConditionSize {
			t.Errorf("Walk visited %d nodes, want %d", n, agreement.MaxConditionSize)
		}
	})
	finishes(t, "Patterns and ClauseDependencies", func() {
		agreement.Patterns(c)
		agreement.ClauseDependencies(a.Clauses[0], a.ID)
	})
}

// wide returns All of n-1 atoms: a condition of size n.
func wide(n int) agreement.Condition {
	cs := make([]agreement.Condition, n-1)
	for i := range cs {
		cs[i] = agreement.Holds("ceasefire-in-force")
	}
	return agreement.All(cs...)
}

// TestConditionSizeBound: a condition of exactly MaxConditionSize nodes is
// valid, encodes and is written in full; one more node, or the same size
// reached by sharing, is reported and cut short.
func TestConditionSizeBound(t *testing.T) {
	const limit = agreement.MaxConditionSize
	x := wide(1000)
	shared := make([]agreement.Condition, limit/1000) // 250 operands of 1000 nodes: 1 + 250,000
	for i := range shared {
		shared[i] = x
	}
	for _, tt := range []struct {
		name string
		c    agreement.Condition
		size int
	}{
		{"at the bound", wide(limit), limit},
		{"one over", wide(limit + 1), limit + 1},
		{"shared, one over", agreement.Any(shared...), limit + 1},
		{"shared, at the bound", agreement.Any(shared[1:]...), limit + 1 - 1000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := agreement.ConditionSize(tt.c, limit); got != min(tt.size, limit+1) {
				t.Errorf("size = %d, want %d", got, min(tt.size, limit+1))
			}
			a := withClause(0, func(cl *agreement.Clause) { cl.Trigger = tt.c })
			verr := a.Validate()
			_, jerr := a.MarshalJSON()
			s := tt.c.String()
			if tt.size <= limit {
				if verr != nil || jerr != nil {
					t.Errorf("Validate() = %.300v, MarshalJSON() error = %.300v; want both nil", verr, jerr)
				}
				if strings.Contains(s, "…") {
					t.Errorf("String() is cut short: %q", s[len(s)-60:])
				}
				return
			}
			for name, err := range map[string]error{"Validate()": verr, "MarshalJSON() error": jerr} {
				if !problemAt(err, agreement.ErrInvalidValue, "clauses[0].trigger") {
					t.Errorf("%s = %.300v, want the size at clauses[0].trigger", name, err)
				}
			}
			if want := "…(and 1 more nodes)"; !strings.HasSuffix(s, want) {
				t.Errorf("String() ends %q, want %q", s[len(s)-60:], want)
			}
		})
	}
}

// sized is a generated condition and its size, counted straightforwardly.
type sized struct {
	c    agreement.Condition
	size int
}

// genTree draws a condition tree (no shared nodes) of at most depth levels,
// nil operands included, with its size counted as a recursive walk counts
// it.
func genTree(depth int) *rapid.Generator[sized] {
	return rapid.Custom(func(t *rapid.T) sized {
		kinds := 6
		if depth == 0 {
			kinds = 2 // an atom or nil
		}
		kind := rapid.IntRange(0, kinds-1).Draw(t, "kind")
		var ops []agreement.Condition
		size := 1
		if kind >= 2 {
			for _, o := range rapid.SliceOfN(genTree(depth-1), 0, 4).Draw(t, "operands") {
				ops = append(ops, o.c)
				size += max(o.size, 1) // a nil operand is a node
			}
		}
		switch kind {
		case 0:
			return sized{agreement.Holds("f"), 1}
		case 1:
			return sized{nil, 0}
		case 2:
			return sized{agreement.All(ops...), size}
		case 3:
			return sized{agreement.Any(ops...), size}
		case 4:
			return sized{agreement.AtLeast(len(ops), ops...), size}
		}
		o := genTree(depth-1).Draw(t, "operand")
		return sized{agreement.Not(o.c), 1 + max(o.size, 1)}
	})
}

// TestPropertyConditionSize: the bounded count agrees with a straightforward
// count of the tree, and with the number of nodes Walk visits when there is
// no nil operand, for every limit; sharing operands counts them once per
// place they occur.
func TestPropertyConditionSize(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genTree(5).Draw(t, "condition")
		limit := rapid.IntRange(0, s.size+2).Draw(t, "limit")
		if got := agreement.ConditionSize(s.c, limit); got != min(s.size, limit+1) {
			t.Fatalf("ConditionSize(%v, %d) = %d, want %d", s.c, limit, got, min(s.size, limit+1))
		}
		if !strings.Contains(agreement.All(s.c).String(), "<nil>") {
			n := 0
			agreement.Walk(s.c, func(agreement.Condition) bool { n++; return true })
			if n != s.size {
				t.Fatalf("Walk visited %d nodes of %v, size %d", n, s.c, s.size)
			}
		}
		// Sharing: k copies of the same node count k times.
		k := rapid.IntRange(0, 5).Draw(t, "copies")
		cs := make([]agreement.Condition, k)
		for i := range cs {
			cs[i] = s.c
		}
		want := 1 + k*max(s.size, 1)
		if got := agreement.ConditionSize(agreement.Any(cs...), want); got != want {
			t.Fatalf("ConditionSize(Any of %d copies) = %d, want %d", k, got, want)
		}
	})
}
