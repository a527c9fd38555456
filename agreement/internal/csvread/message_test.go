package csvread

import (
	"errors"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`},
		{`say "hi"`, `"say \"hi\""`},
		{strings.Repeat("a", 64), `"` + strings.Repeat("a", 64) + `"`},
		{strings.Repeat("a", 65), `"` + strings.Repeat("a", 64) + `"... (1 more bytes)`},
		// The cut falls inside the 3-byte "€" at bytes 63 to 65: it moves
		// back to the character's start.
		{strings.Repeat("a", 63) + "€" + strings.Repeat("b", 10), `"` + strings.Repeat("a", 63) + `"... (13 more bytes)`},
		{strings.Repeat("a", 1<<20), `"` + strings.Repeat("a", 64) + `"... (1048512 more bytes)`},
	} {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%.80q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRowMessage(t *testing.T) {
	bad := errors.New(`unknown stage "Xyz"`)
	for _, tt := range []struct {
		row, line int
		column    string
		err       error
		want      string
	}{
		{3, 5, "Stage", bad, `pax: row 3 (line 5), column "Stage": unknown stage "Xyz"`},
		{3, 5, "", bad, `pax: row 3 (line 5): unknown stage "Xyz"`},
		{0, 1, "", bad, `pax: header (line 1): unknown stage "Xyz"`},
		{2, 9, `a"b`, nil, `pax: row 2 (line 9), column "a\"b": unknown problem`},
	} {
		if got := RowMessage("pax", tt.row, tt.line, tt.column, tt.err); got != tt.want {
			t.Errorf("RowMessage(%d, %d, %q) = %q, want %q", tt.row, tt.line, tt.column, got, tt.want)
		}
	}
}

func TestHeaderMessage(t *testing.T) {
	for _, tt := range []struct {
		none, context string
		missing, dup  []string
		want          string
	}{
		{"", "", []string{"Dat"}, nil, `x: bad header: missing column "Dat"`},
		{"", "", []string{"Dat", "Stage"}, nil, `x: bad header: missing columns "Dat", "Stage"`},
		{"", "", nil, []string{"Agt"}, `x: bad header: duplicate column "Agt"`},
		{"", "", []string{"Dat"}, []string{"Agt", "Con"}, `x: bad header: missing column "Dat"; duplicate columns "Agt", "Con"`},
		{"", "level: ", []string{"Dat"}, nil, `x: bad header: level: missing column "Dat"`},
		{"none found", "level: ", []string{"Dat", "Stage"}, []string{"Agt"}, `x: bad header: none found; duplicate column "Agt"`},
		{"", "level: ", nil, []string{"Agt"}, `x: bad header: duplicate column "Agt"`},
	} {
		if got := HeaderMessage("x", tt.none, tt.context, tt.missing, tt.dup); got != tt.want {
			t.Errorf("HeaderMessage(%q, %q, %q, %q) = %q, want %q", tt.none, tt.context, tt.missing, tt.dup, got, tt.want)
		}
	}
}
