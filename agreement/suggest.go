package agreement

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate that got most likely misspells, for the "did
// you mean" of an error message: the candidate at the smallest edit distance
// from got (insertions, deletions and substitutions of one character, and
// transpositions of two adjacent ones, comparing case-insensitively), when
// that distance is at most a third of the shorter of the two lengths in
// characters, and at least 1 allowed. A candidate equal to got but for case
// is at distance 0 and is returned. Ties go to the candidate listed first,
// so the answer depends only on got and the order of candidates. Suggest
// reports false, with "", when got or every candidate is empty, or when no
// candidate is near enough: "XX" suggests nothing among "UA" and "RU", since
// two edits in two characters are a different word.
//
// The decoders and validators of this module append a suggestion to an
// unknown name in one form, which other decoders may follow:
//
//	unknown party kind "intergovernmental-organization" (did you mean "intergovernmental-organisation"?); allowed: "state", ...
//	unknown field "debtor" (did you mean "debtors"?)
//
// Suggest is safe for concurrent use and does not modify candidates.
func Suggest(got string, candidates []string) (string, bool) {
	if got == "" {
		return "", false
	}
	g := []rune(strings.ToLower(got))
	best, bestDist := -1, 0
	var rows [3][]int
	for i, c := range candidates {
		if c == "" {
			continue
		}
		limit := max(1, min(len(g), utf8.RuneCountInString(c))/3)
		if best >= 0 {
			limit = min(limit, bestDist-1)
		}
		if limit < 0 {
			continue
		}
		d := osaDistance(g, []rune(strings.ToLower(c)), &rows)
		if d <= limit {
			best, bestDist = i, d
			if d == 0 {
				break
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return candidates[best], true
}

// osaDistance returns the optimal string alignment distance between a and
// b: the Levenshtein distance with transpositions of adjacent characters
// counted as one edit. rows is scratch space.
func osaDistance(a, b []rune, rows *[3][]int) int {
	for k := range rows {
		if cap(rows[k]) < len(b)+1 {
			rows[k] = make([]int, len(b)+1)
		}
		rows[k] = rows[k][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
