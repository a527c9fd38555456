package pax

import (
	"strconv"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/internal/csvread"
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
	b.WriteString(csvread.Quote(string(f.Category)))
	b.WriteString(" (clause ")
	b.WriteString(csvread.Quote(string(f.Clause)))
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
// Each finding suggests the nearest code or heading by the rules of
// [Nearest]: one that equals the category but for case if there is one;
// else one whose label or last segments it is; else the one at the least
// edit distance. A category longer than 64 bytes gets no suggestion.
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

// Nearest returns the PA-X code or heading nearest to s, by the first of
// these rules that gives one, with "spelling" meaning either of a code's
// two forms, with its colon ("PpsGe:St") and as a category ("PpsGeSt"):
//
//  1. s itself, when it is a code or heading in either spelling;
//  2. the code or heading with a spelling equal to s but for case
//     ("ppsgest" gives "PpsGe:St");
//  3. the code whose [Label] equals s but for case ("Ceasefire" gives "Ce",
//     "terrorism" gives "Terr");
//  4. the one code whose category ends, case aside, with s as a run of
//     whole trailing segments (segments start at each upper-case letter),
//     when exactly one code does: "DDR" and "Ddr" give "SsrDdr", "AmBan"
//     gives "TjAmBan"; "Gen", which ends many codes, falls to rule 5;
//  5. the code or heading at the least edit distance from s (Levenshtein,
//     on bytes, case aside, the lesser over its two spellings, so that
//     "PpsGeSx" gives "PpsGe:St"), ties going to one that starts with s
//     in either spelling ("PpsExSu" gives "PpsEx:Sub", not "PpsEx:St"),
//     then to one that starts with s's first letter, then to the first in
//     the order of [Codes] followed by [Headings].
//
// It returns "" for "" and for s longer than 64 bytes.
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
	for _, c := range candidates {
		if l, ok := labels[c]; ok && strings.EqualFold(l, s) {
			return c
		}
	}
	var tail Code
	for _, c := range candidates {
		if endsWithSegments(string(c.Category()), s) {
			if tail != "" {
				tail = ""
				break
			}
			tail = c
		}
	}
	if tail != "" {
		return tail
	}
	ls := strings.ToLower(s)
	var best Code
	bestD, bestTie := -1, 0
	row := make([]int, maxSuggest+1)
	for _, c := range candidates {
		lc, lcat := strings.ToLower(string(c)), strings.ToLower(string(c.Category()))
		d := editDistance(ls, lc, row)
		if lcat != lc {
			d = min(d, editDistance(ls, lcat, row))
		}
		// tie ranks the candidates at one distance: 2 for one that starts
		// with s, 1 for one that starts with s's first letter.
		tie := 0
		if strings.HasPrefix(lc, ls) || strings.HasPrefix(lcat, ls) {
			tie = 2
		} else if lc[0] == ls[0] {
			tie = 1
		}
		if bestD < 0 || d < bestD || d == bestD && tie > bestTie {
			best, bestD, bestTie = c, d, tie
		}
	}
	return best
}

// endsWithSegments reports whether cat ends, case aside, with s, and s is a
// proper suffix of cat starting where a segment of cat starts: at an
// upper-case letter.
func endsWithSegments(cat, s string) bool {
	i := len(cat) - len(s)
	return i > 0 && isUpper(cat[i]) && strings.EqualFold(cat[i:], s)
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
