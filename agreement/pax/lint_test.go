package pax_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

func TestLintCategories(t *testing.T) {
	cl := func(id string, cat agreement.Category) agreement.Clause {
		return agreement.Clause{ID: agreement.ClauseID(id), Kind: agreement.DeonticPermission, Category: cat}
	}
	a := agreement.Agreement{ID: "a", Clauses: []agreement.Clause{
		cl("c1", "Ce"), cl("c2", ""), cl("c3", "ce"), cl("c4", "Pri"), cl("c5", "PpsGeSt"), cl("c6", "PpsGe:St"),
		cl("c7", "Ssr"), cl("c8", "SSRGUA"), cl("c9", "Terrr"), cl("c10", agreement.Category(strings.Repeat("X", 65))),
		cl("c11", "ppsgest"), cl("c12", "Imun"),
	}}
	before := a.Clone()
	got := pax.LintCategories(a)
	want := []pax.CategoryFinding{
		{Path: "clauses[2].category", Clause: "c3", Category: "ce", Suggestion: "Ce"},
		{Path: "clauses[3].category", Clause: "c4", Category: "Pri", Suggestion: "JusPri"},
		{Path: "clauses[7].category", Clause: "c8", Category: "SSRGUA", Suggestion: "SsrGua"},
		{Path: "clauses[8].category", Clause: "c9", Category: "Terrr", Suggestion: "Terr"},
		{Path: "clauses[9].category", Clause: "c10", Category: agreement.Category(strings.Repeat("X", 65))},
		{Path: "clauses[10].category", Clause: "c11", Category: "ppsgest", Suggestion: "PpsGe:St"},
		{Path: "clauses[11].category", Clause: "c12", Category: "Imun", Suggestion: "ImUN"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LintCategories (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, a); diff != "" {
		t.Errorf("LintCategories modified its argument:\n%s", diff)
	}
	if s := got[1].String(); s != `clauses[3].category: "Pri" (clause "c4") is not a PA-X provision code; nearest: "JusPri"` {
		t.Errorf("String() = %q", s)
	}
	if s := got[4].String(); !strings.Contains(s, "more bytes") || strings.Contains(s, "nearest") {
		t.Errorf("String() of a long category = %q", s)
	}
	if f := pax.LintCategories(agreement.Agreement{}); f != nil {
		t.Errorf("findings for an empty agreement: %v", f)
	}
}

func TestNearest(t *testing.T) {
	for s, want := range map[string]pax.Code{
		"Ce": "Ce", "PpsGeSt": "PpsGe:St", "PpsGe:St": "PpsGe:St", "ce": "Ce", "ssr": "Ssr", "Ceprov": "CeProv",
		"CeProvs": "CeProv", "Pri": "JusPri", "Polit": "Pol", "Tjgen": "TjGen", "TjGne": "TjGen", "": "",
		strings.Repeat("a", 65): "",
		// A typo of a colon code is measured against its category spelling
		// too, and so is not taken for the parent.
		"PpsExSu": "PpsEx:Sub", "PpsGeSx": "PpsGe:St", "ppsoroSt": "PpsOro:St", "PpsEx:Su": "PpsEx:Sub",
		// A label, case aside.
		"Ceasefire": "Ce", "terrorism": "Terr",
		// The last segments of exactly one code.
		"DDR": "SsrDdr", "Ddr": "SsrDdr", "AmBan": "TjAmBan", "un": "ImUN",
		// Last segments shared by several codes: edit distance.
		"Gen": "Ge", "Oth": "GOth",
	} {
		if got := pax.Nearest(s); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", s, got, want)
		}
	}
	if got := pax.Nearest("zzzzzzzz"); !pax.IsCode(string(got)) && !pax.IsHeading(string(got)) {
		t.Errorf("Nearest(zzzzzzzz) = %q, want some code", got)
	}
}
