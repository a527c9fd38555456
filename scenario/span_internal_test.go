package scenario

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// Every compiled node's span, kept as the node is compiled, is the least
// index of the nodes under it, as walking them finds it; and the nodes
// from it to the node are all under it, which the recorders of decisions
// assume (they keep one record per node of that range).
func TestPropertySpansAreSubtrees(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{Clauses: 6, Agreements: 2, Depth: 3}).Draw(t, "process")
		e, err := CompileProcess(p)
		if err != nil {
			t.Skip(err)
		}
		for i := range e.nodes {
			root := int32(i)
			lo, n := root, 0
			e.walk(root, func(k int32) { lo = min(lo, k); n++ })
			if got := e.span(root); got != lo {
				t.Fatalf("node %d (%v): span %d, want %d", root, e.nodes[root].src, got, lo)
			}
			if int(root-lo+1) != n {
				t.Fatalf("node %d (%v): %d nodes from %d, %d under it", root, e.nodes[root].src, root-lo+1, lo, n)
			}
		}
	})
}
