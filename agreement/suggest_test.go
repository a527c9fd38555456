package agreement_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"pgregory.net/rapid"
)

func ExampleSuggest() {
	kinds := []string{"state", "armed-group", "intergovernmental-organisation"}
	s, ok := agreement.Suggest("intergovernmental-organization", kinds)
	fmt.Println(s, ok)
	_, ok = agreement.Suggest("XX", []string{"UA", "RU"})
	fmt.Println(ok)
	// Output:
	// intergovernmental-organisation true
	// false
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		got        string
		candidates []string
		want       string
		ok         bool
	}{
		{"debtor", []string{"id", "text", "debtors", "creditors"}, "debtors", true},
		{"prisoners-exchanged", []string{"armed-attack", "prisoner-exchange"}, "prisoner-exchange", true},
		{"RUS", []string{"UA", "RU"}, "RU", true},
		{"ua", []string{"UA", "RU"}, "UA", true},     // case only: distance 0
		{"UA", []string{"UAx", "ua"}, "ua", true},    // the nearer wins over the earlier
		{"abc", []string{"abd", "abe"}, "abd", true}, // ties: the first listed
		{"monitoring-establshed", []string{"monitoring-established"}, "monitoring-established", true},
		{"forcse", []string{"force"}, "force", true},              // a transposition is one edit
		{"XX", []string{"UA", "RU"}, "", false},                   // two edits in two characters
		{"", []string{"", "a"}, "", false},                        // nothing to correct
		{"kind", nil, "", false},                                  // nothing to suggest
		{"kind", []string{""}, "", false},                         // empty candidates are skipped
		{"état", []string{"etat", "state"}, "etat", true},         // characters, not bytes
		{"zzzzzzzzz", []string{"politically-binding"}, "", false}, // too far
	}
	for _, tt := range tests {
		t.Run(tt.got, func(t *testing.T) {
			got, ok := agreement.Suggest(tt.got, tt.candidates)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Suggest(%q, %q) = %q, %v; want %q, %v", tt.got, tt.candidates, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestPropertySuggest checks Suggest against its contract with a brute-force
// distance: the suggestion is a candidate within the allowed distance, none
// listed before it is as near, none at all is nearer, and when Suggest finds
// nothing, no candidate is within its allowance.
func TestPropertySuggest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		word := rapid.StringMatching(`[a-cA-C-]{0,7}`)
		got := word.Draw(t, "got")
		cands := rapid.SliceOfN(word, 0, 6).Draw(t, "candidates")
		orig := append([]string(nil), cands...)
		s, ok := agreement.Suggest(got, cands)
		if fmt.Sprint(orig) != fmt.Sprint(cands) {
			t.Fatalf("Suggest modified its candidates")
		}
		allow := func(c string) int { return max(1, min(len([]rune(got)), len([]rune(c)))/3) }
		dist := func(c string) int { return refDistance(strings.ToLower(got), strings.ToLower(c)) }
		if !ok {
			if s != "" {
				t.Fatalf("not ok but %q", s)
			}
			if got == "" {
				return
			}
			for _, c := range cands {
				if c != "" && dist(c) <= allow(c) {
					t.Fatalf("no suggestion, but %q is at %d <= %d", c, dist(c), allow(c))
				}
			}
			return
		}
		i := indexOf(cands, s)
		if i < 0 || s == "" {
			t.Fatalf("suggested %q, not a non-empty candidate", s)
		}
		d := dist(s)
		if d > allow(s) {
			t.Fatalf("suggested %q at %d > %d", s, d, allow(s))
		}
		for j, c := range cands {
			if c == "" || dist(c) > allow(c) {
				continue
			}
			if dist(c) < d || (j < i && dist(c) == d) {
				t.Fatalf("suggested %q (at %d), but %q (index %d) is at %d", s, d, c, j, dist(c))
			}
		}
	})
}

func indexOf(s []string, x string) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}

// refDistance is the optimal string alignment distance by the recursive
// definition, memoised.
func refDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	memo := map[[2]int]int{}
	var d func(i, j int) int
	d = func(i, j int) int {
		if i == 0 {
			return j
		}
		if j == 0 {
			return i
		}
		k := [2]int{i, j}
		if v, ok := memo[k]; ok {
			return v
		}
		cost := 1
		if x[i-1] == y[j-1] {
			cost = 0
		}
		v := min(d(i-1, j)+1, d(i, j-1)+1, d(i-1, j-1)+cost)
		if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
			v = min(v, d(i-2, j-2)+1)
		}
		memo[k] = v
		return v
	}
	return d(len(x), len(y))
}
