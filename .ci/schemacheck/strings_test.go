package schemacheck_test

import (
	"strings"
	"testing"
)

// TestStringGrammars puts the candidates of each string grammar (durations,
// decimals, references, event kinds, instants, periods, ids) at one place
// of a Monte Carlo model, negotiation space or negotiation positions that
// both the schema and the decoder accept, and checks that the schema
// accepts every candidate the decoder accepts. The schema may be looser
// than the decoder: a candidate it accepts and the decoder rejects is no
// error.
func TestStringGrammars(t *testing.T) {
	long64 := strings.Repeat("a", 64)
	durations := []string{"0", "0s", "72h", "1h30m", "90s", "1.5h", ".5h", "5.h", "30d", "+30d", "-30d", "0d",
		"1.5d", "d", "", "1h2d", "h", "1", "-0", "+0", "1µs", "1μs", "1us", "1ns", "1ms", "1m", "1H", "1 h", "1e3h",
		"9999999999999999999h", "99999999999d", "-1h", "+1h", "00h", "1h1h", "1d1h", "1h-1m", ".h", "1.5.5h"}
	mcValues := []string{"15", "15.50", "0", "-0", "-0.0", "+1", "1e3", "1E-3", ".5", "5.", "+.5", "-.0", "-", ".",
		"", "1,5", "1.2.3", "\u22120", "\u22121", "1e", "e3", "0x10", "1_000", " 1", "1 ", "-1", "00012", "1e+3",
		"1e99999999999", "+", "+-1", "-+0", "1.e3", ".e3", "1e1.5"}
	amounts := []string{"1", "-2", "2.5", "0", "-0", "+5", "\u22125", "1.", ".1", "", "-", ".", "1e3", "1E3",
		"999999999.999999999", "1000000000", "-999999999", "0.0000000001", "0.1000000000", "0000000000001",
		"1.5000000000000", "1,5", " 1", "0x1", "+.5", "-.5", ".-5", "1.2.3", "\u2212.5", "+-1"}
	decimals := []string{"1", "-1", "1.5", "1.", ".5", "+1", "01", "1e3", "", "-", "1.2.3", "-0", "0.000", "1 "}
	refs := []string{"G1", "a/b", "a/", "/b", "a/b/c", "", "-a", "a-", "A_b.c", "a b", long64, long64 + "a",
		"\u00e9", "a//", "a/-b", "0/0"}
	kinds := []string{"a", "A", "a-b", "a_b", "1a", "a.b", "a" + long64[1:], long64 + "a", "-a", "a b", ""}
	instants := []string{"2026-02-01", "2026-02-01T00:00:00Z", "2026-02-01t00:00:00z", "2026-02-01T00:00:00+02:00",
		"2026-02-01T00:00:00.5Z", "2026-13-01", "2026-02-30", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
		"2026-02-01T24:00:00Z", "2026-2-1", "2026-02-01 00:00:00Z", "2026-02-01T00:00:00", "2026-02-01T00:00Z",
		"9999-12-31T23:59:59Z", "2026-02-01T00:00:00,5Z", "2026-02-01T00:00:00-00:00"}
	periods := []string{"1y", "3d", "1mo15d", "2w12h", "1y2w", "12h", "0s", "", "1d1y", "1mo", "1m", "12345678d",
		"1y1y", "3 d", "-1d", "1d-1h", "1y1mo1w1d1h", "0d", "1w1mo", "1d1d"}
	ids := []string{"a", "UA", "a.b_c-d", "-a", "a b", "", long64, long64 + "a", "\u00e9"}

	pos := read(t, "agreement/negotiation/testdata/positions.json")
	space := read(t, "agreement/negotiation/testdata/space.json")
	spaceConditions := read(t, "agreement/negotiation/testdata/space-conditions.json")
	mc := read(t, "scenario/montecarlo/testdata/delays.json")
	mc2 := read(t, "scenario/montecarlo/testdata/ceasefire.json")
	for _, g := range []struct {
		name, doc string
		base      []byte
		path      string
		values    []string
		wrap      func(string) any
	}{
		{"duration (model)", "montecarlo-model", mc, "processes/2/scheduled/delay/empirical/at/0", durations, nil},
		{"quantity value (model)", "montecarlo-model", mc, "processes/3/scheduled/outcomes/0/event/quantities/0/value", mcValues, nil},
		{"quantity unit (model)", "montecarlo-model", mc, "processes/3/scheduled/outcomes/0/event/quantities/0/unit", kinds, nil},
		{"reference (model)", "montecarlo-model", mc2, "processes/2/poisson/modifiers/0/clause", refs, nil},
		{"event kind (model)", "montecarlo-model", mc2, "processes/2/poisson/event/kind", kinds, nil},
		{"match kind (model)", "montecarlo-model", mc2, "processes/1/scheduled/after/kind", kinds, nil},
		{"amount (positions)", "negotiation-positions", pos, "positions/0/reservation", amounts, nil},
		{"optional limit (positions)", "negotiation-positions", pos, "positions/0/redLines/0/territory/max", amounts, nil},
		{"decimal (space)", "negotiation-space", space, "territory/areas/0/size", decimals, nil},
		{"duration (space)", "negotiation-space", space, "issues/0/alternatives/2/options/0/deadline/after", durations, nil},
		{"instant (space)", "negotiation-space", space, "issues/1/alternatives/1/clauses/0/source", instants,
			func(s string) any { return map[string]any{"date": s} }},
		{"period (space)", "negotiation-space", space, "issues/0/alternatives/2/options/0/deadline", periods,
			func(s string) any { return map[string]any{"period": s} }},
		// A space resolves its references: only clauses of the same alternative decode.
		{"reference (space)", "negotiation-space", spaceConditions, "issues/1/alternatives/1/clauses/2/targets/0",
			append(refs, "no-heavy", "report", "resume"), nil},
		{"id (space option)", "negotiation-space", space, "issues/0/alternatives/0/options/0/id", ids, nil},
		{"id (space issue)", "negotiation-space", space, "issues/1/id", ids, nil},
		{"party (space debtor)", "negotiation-space", space, "issues/1/alternatives/1/clauses/0/debtors/0", ids, nil},
	} {
		t.Run(g.name, func(t *testing.T) {
			decode := decoders[g.doc]
			accepted := 0
			for _, v := range g.values {
				var x any = v
				if g.wrap != nil {
					x = g.wrap(v)
				}
				doc := set(t, g.base, g.path, x)
				if decode(doc) != nil {
					continue
				}
				accepted++
				if err := validate(t, g.doc, doc); err != nil {
					t.Errorf("%q: the decoder accepts it, the schema rejects it: %v", v, err)
				}
			}
			if accepted == 0 {
				t.Errorf("the decoder rejects every candidate at %s: the place checks nothing", g.path)
			}
		})
	}
}
