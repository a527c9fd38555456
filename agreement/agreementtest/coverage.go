package agreementtest

import (
	"flag"
	"slices"
	"strconv"
	"sync"

	"pgregory.net/rapid"
)

// Coverage counts the cases a run of a property test drew, so that a
// generator's self-test can check that the run reached every case the
// generator promises. The zero value is an empty count, ready to use; a
// nil *Coverage is an empty count that stays empty (Add does nothing). A
// Coverage is safe for concurrent use; it must not be copied after first
// use.
type Coverage struct {
	mu     sync.Mutex
	counts map[string]int
}

// Add counts one more occurrence of each of keys.
func (c *Coverage) Add(keys ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts == nil {
		c.counts = map[string]int{}
	}
	for _, k := range keys {
		c.counts[k]++
	}
}

// Len returns how many distinct keys were added.
func (c *Coverage) Len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.counts)
}

// Check reports through t the keys of want that were never added: with
// t.Errorf when [FullRun] reports true, and only with t.Logf otherwise,
// since a short run may miss rare cases by chance. It accepts any
// [rapid.TB] and is as safe for concurrent use as t is. On a nil c every
// key of want is missing. Check panics if t is nil.
func (c *Coverage) Check(t rapid.TB, want ...string) {
	t.Helper()
	var missing []string
	if c == nil {
		missing = slices.Clone(want)
	} else {
		c.mu.Lock()
		for _, k := range want {
			if c.counts[k] == 0 {
				missing = append(missing, k)
			}
		}
		c.mu.Unlock()
	}
	switch {
	case len(missing) == 0:
	case FullRun():
		t.Errorf("never generated in the run: %v", missing)
	default:
		t.Logf("never generated in this short run: %v", missing)
	}
}

// FullRun reports whether the test binary makes full property runs, for
// which coverage assertions are meaningful rather than flaky: at least
// rapid's default of 100 checks (-rapid.checks), and not -short. Outside a
// test binary it reports false. It is safe for concurrent use once flags
// are parsed, and never panics.
func FullRun() bool {
	if f := flag.Lookup("test.short"); f == nil || f.Value.String() == "true" {
		return false
	}
	f := flag.Lookup("rapid.checks")
	if f == nil {
		return false
	}
	n, err := strconv.Atoi(f.Value.String())
	return err == nil && n >= 100
}
