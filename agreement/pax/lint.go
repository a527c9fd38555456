package pax

import (
	"strconv"
	"strings"

	"github.com/peacekit/peacekit/agreement"
)

// CategoryFinding is a clause category that is not a PA-X code, as
// [LintCategories] reports it. The zero value is not useful.
type CategoryFinding struct {
	// Path is where the category is, in the JSON field names of the
	// agreement's encoding: "clauses[3].category".
	Path string
	// Clause is the id of the clause whose category it is.
	Clause agreement.ClauseID
	// Category is the category as the clause writes it.
	Category agreement.Category
	// Suggestion is the PA-X code or heading nearest to Category (see
	// [LintCategories]); "" when there is none to suggest.
	Suggestion Code
}

// String returns `clauses[3].category: "Pri" (clause "c4") is not a PA-X
// provision code; nearest: "Pol"`.
func (f CategoryFinding) String() string {
	var b strings.Builder
	b.WriteString(f.Path)
	b.WriteString(": ")
	b.WriteString(quote(string(f.Category)))
	b.WriteString(" (clause ")
	b.WriteString(quote(string(f.Clause)))
	b.WriteString(") is not a PA-X provision code")
	if f.Suggestion != "" {
		b.WriteString("; nearest: ")
		b.WriteString(strconv.Quote(string(f.Suggestion)))
	}
	return b.String()
}

// maxSuggest is the longest category, in bytes, for which a nearest code is
// looked for.
const maxSuggest = 64

// LintCategories reports the clauses of a whose category is not a PA-X code,
// in clause order: a category is accepted when [CodeOf] knows it, that is
// when it is a provision code of [Codes] (in its category form, the code
// without colons: "PpsGeSt" for "PpsGe:St") or a heading of [Headings]; an
// empty category (uncategorised) is accepted too, and so is a code written
// with its colon ("PpsGe:St"), which is a PA-X code though
// [agreement.Agreement.Validate] rejects it as a malformed category. Case matters: "ce" is
// reported, with "Ce" suggested.
//
// Each finding suggests the nearest code or heading: one that equals the
// category but for case if there is one; otherwise the one at the least
// edit distance (Levenshtein, on bytes, case aside), ties going to one with
// the category's first letter, then to the first in the order of [Codes]
// followed by [Headings]. A category longer than 64 bytes gets no
// suggestion.
//
// Categories stay open: [agreement.Agreement.Validate] accepts any
// well-formed category, and this lint is for callers who mean to use PA-X's.
// It reads a as it is, valid or not, and does not modify it; it returns nil
// when there is nothing to report.
func LintCategories(a agreement.Agreement) []CategoryFinding {
	var out []CategoryFinding
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if c.Category == "" {
			continue
		}
		if _, ok := CodeOf(c.Category); ok || IsCode(string(c.Category)) {
			continue
		}
		out = append(out, CategoryFinding{
			Path:       agreement.FieldPath(agreement.IndexPath("clauses", i), "category"),
			Clause:     c.ID,
			Category:   c.Category,
			Suggestion: Nearest(string(c.Category)),
		})
	}
	return out
}

// Nearest returns the PA-X code or heading nearest to s, by the rule of
// [LintCategories]: s itself when it is one (or its category form), else one
// equal to s but for case, else the nearest by edit distance. It returns ""
// for "" and for s longer than 64 bytes.
func Nearest(s string) Code {
	if s == "" || len(s) > maxSuggest {
		return ""
	}
	if c, ok := CodeOf(agreement.Category(s)); ok {
		return c
	}
	if IsCode(s) {
		return Code(s)
	}
	candidates := append(Codes(), book.headings...)
	for _, c := range candidates {
		if strings.EqualFold(string(c), s) || strings.EqualFold(string(c.Category()), s) {
			return c
		}
	}
	ls := strings.ToLower(s)
	var best Code
	bestD, bestFirst := -1, false
	row := make([]int, maxSuggest+1)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(string(c)), row)
		first := len(c) > 0 && lower(c[0]) == lower(s[0])
		if bestD < 0 || d < bestD || d == bestD && first && !bestFirst {
			best, bestD, bestFirst = c, d, first
		}
	}
	return best
}

func lower(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// editDistance returns the Levenshtein distance between a and b, in bytes,
// using row as scratch space when it holds len(a)+1 ints.
func editDistance(a, b string, row []int) int {
	if len(row) < len(a)+1 {
		row = make([]int, len(a)+1)
	}
	row = row[:len(a)+1]
	for i := range row {
		row[i] = i
	}
	for j := 1; j <= len(b); j++ {
		prev := row[0] // the distance of a[:0] and b[:j-1]
		row[0] = j
		for i := 1; i <= len(a); i++ {
			cur := row[i]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[i] = min(row[i]+1, row[i-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(a)]
}
