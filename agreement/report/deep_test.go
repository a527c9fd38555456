package report_test

import (
	"bytes"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/agreement/revision"
)

// deepAgreement returns an agreement whose clause B's trigger is c.
func deepAgreement(c agreement.Condition) agreement.Agreement {
	return agreement.Agreement{
		ID:      "deep",
		Parties: []agreement.Party{{ID: "AA"}},
		Clauses: []agreement.Clause{
			{ID: "A", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"AA"}},
			{ID: "B", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"AA"}, Trigger: c},
		},
		EntryIntoForce: c,
	}
}

// TestDeepConditions: the renderers write conditions nested 10^5 deep with
// allocations linear in their size, without overflowing the stack (limited
// here to 4 MB so that a recursive walk fails at this depth).
func TestDeepConditions(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(4 << 20))
	const depth = 100_000
	in := agreement.ClauseIn(agreement.LocalRef("A"), agreement.StateInEffect)
	var not agreement.Condition = in
	for range depth {
		not = agreement.Not(not)
	}
	var all agreement.Condition = in
	for range depth {
		all = agreement.All(all, agreement.Holds("f"))
	}
	for _, tt := range []struct {
		name string
		c    agreement.Condition
		want string // what the Markdown must contain
	}{
		{"Not", not, strings.Repeat("not (", depth) + "A is in-effect" + strings.Repeat(")", depth)},
		{"All", all, strings.Repeat("(", depth-1) + "A is in-effect and f holds) and f holds"},
	} {
		a := deepAgreement(tt.c)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var md bytes.Buffer
		if err := report.Markdown(&md, a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(md.String(), tt.want) {
			t.Errorf("%s: Markdown does not write the condition in words", tt.name)
		}
		var mmd bytes.Buffer
		if err := report.DependencyMermaid(&mmd, a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(mmd.String(), "c0 -->|\"trigger: in-effect\"| c1") {
			t.Errorf("%s: DependencyMermaid lacks the edge from A to B:\n%s", tt.name, mmd.String())
		}
		b := deepAgreement(agreement.Not(tt.c))
		if err := report.ChangesMarkdown(io.Discard, revision.Changes{{Op: revision.OpModified, Item: revision.ItemClause, ID: "B",
			Field: "trigger", Old: tt.c, New: b.Clauses[1].Trigger}}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		// Linear rendering allocates tens of megabytes here; the quadratic
		// one allocated tens of gigabytes.
		if n := after.TotalAlloc - before.TotalAlloc; n > 1<<30 {
			t.Errorf("%s: rendering allocated %d MB", tt.name, n>>20)
		}
	}
}

// TestSharedOperands: DependencyMermaid reads a condition whose operands
// share nodes (c = All(c, c) a hundred times, 2^100 paths) in time linear
// in its distinct nodes.
func TestSharedOperands(t *testing.T) {
	var c agreement.Condition = agreement.ClauseIn(agreement.LocalRef("A"), agreement.StateInEffect)
	for range 100 {
		c = agreement.All(c, c)
	}
	start := time.Now()
	if err := report.DependencyMermaid(io.Discard, deepAgreement(c)); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("DependencyMermaid took %v", d)
	}
}
