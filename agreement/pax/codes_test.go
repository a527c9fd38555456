package pax_test

import (
	"slices"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// TestCodebookParents: parents the derivation rules give, one or more per
// rule, as the package doc states them.
func TestCodebookParents(t *testing.T) {
	for code, want := range map[pax.Code]pax.Code{
		// Rule 1: the longest earlier segment prefix.
		"CeProv": "Ce", "CeGen": "Ce", "GChRhet": "GCh", "PpsGe:St": "PpsGe", "PolPar": "Pol",
		"PolParTrans": "PolPar", "LaCHTa": "LaCH", "TjAmBan": "TjAm", "HrNiMe": "HrNi", "BanXb": "Ban",
		// Rule 2: an abbreviated family right after the code it abbreviates.
		"PpsGe": "Polps", "PpsOth": "Polps", "TpsSub": "Terps", "CprLife": "HrCp", "SerProp": "HrSec",
		"CitGen": "HrCit", "DdrDemil": "SsrDdr", "DdrProg": "SsrDdr",
		// Rule 3: headings.
		"GCh": "G", "GeWom": "Ge", "StBor": "St", "HrGen": "Hr", "JusCr": "Jus", "LaRef": "La", "SsrGua": "Ssr",
		"TjGen": "Tj", "TjSan": "Tj", "ImUN": "Im", "ImE": "Im", "ConGen": "Con",
		// Rule 4: enclosed by codes under one heading.
		"Ce": "Ssr", "Cor": "Ssr", "Med": "Hr", "Prot": "Hr", "RiOth": "Hr",
		// No parent.
		"Terr": "", "Wat": "", "Pol": "", "Ele": "", "ElecComm": "", "Cons": "", "Polps": "", "Dev": "", "CenBan": "",
		"Ssr": "", "Im": "", "": "", "nope": "",
	} {
		if got := pax.Parent(code); got != want {
			t.Errorf("Parent(%q) = %q, want %q", code, got, want)
		}
	}
	if got, want := pax.Headings(), []pax.Code{"G", "Ge", "St", "Con", "Hr", "Jus", "La", "Ssr", "Tj", "Im"}; !slices.Equal(got, want) {
		t.Errorf("Headings() = %q, want %q", got, want)
	}
}

// TestCodebookTopLevel: the codes the rules leave without a parent, as the
// package doc lists them.
func TestCodebookTopLevel(t *testing.T) {
	var got []pax.Code
	for _, c := range pax.Codes() {
		if pax.Parent(c) == "" {
			got = append(got, c)
		}
	}
	want := []pax.Code{"Pol", "Ele", "ElecComm", "Civso", "Tral", "Pubad", "Cons", "Polps", "Terps", "Eps", "Mps",
		"Dev", "NEC", "NatRes", "IntFu", "Bus", "Tax", "Ban", "CenBan", "Wat", "Terr"}
	if !slices.Equal(got, want) {
		t.Errorf("top-level codes %q, want %q", got, want)
	}
	for _, c := range []pax.Code{"Ele", "Ban"} {
		if slices.Contains(pax.Children(c), "ElecComm") || slices.Contains(pax.Children(c), "CenBan") {
			t.Errorf("Children(%s) = %q holds ElecComm or CenBan", c, pax.Children(c))
		}
	}
}

// TestCodebookTree: Children is the inverse of Parent, in column order;
// every code's chain of parents ends at a heading or a top-level code; no
// heading is a code; categories are unique and map back.
func TestCodebookTree(t *testing.T) {
	codes := pax.Codes()
	if pax.NumCodes != 251 || len(codes) != 251 {
		t.Fatalf("%d codes, want 251", len(codes))
	}
	pos := map[pax.Code]int{}
	for i, c := range codes {
		if _, dup := pos[c]; dup {
			t.Errorf("code %s twice", c)
		}
		pos[c] = i
		if !pax.IsCode(string(c)) || pax.IsHeading(string(c)) {
			t.Errorf("IsCode(%s) false or IsHeading true", c)
		}
		got, ok := pax.CodeOf(c.Category())
		if !ok || got != c || !c.Category().Valid() {
			t.Errorf("CodeOf(%q) = %q, %v; want %q (a valid category)", c.Category(), got, ok, c)
		}
	}
	nodes := append(slices.Clone(codes), pax.Headings()...)
	for _, h := range pax.Headings() {
		if pax.IsCode(string(h)) || !pax.IsHeading(string(h)) || pax.Parent(h) != "" || len(pax.Children(h)) < 2 {
			t.Errorf("heading %s: IsCode, not IsHeading, has a parent, or fewer than two children", h)
		}
		if c, ok := pax.CodeOf(agreement.Category(h)); !ok || c != h {
			t.Errorf("CodeOf(%q) = %q, %v", h, c, ok)
		}
	}
	for _, n := range nodes {
		ch := pax.Children(n)
		for _, c := range ch {
			if pax.Parent(c) != n {
				t.Errorf("Children(%s) holds %s, whose parent is %s", n, c, pax.Parent(c))
			}
		}
		if !slices.IsSortedFunc(ch, func(a, b pax.Code) int { return pos[a] - pos[b] }) {
			t.Errorf("Children(%s) = %q, not in column order", n, ch)
		}
		if p := pax.Parent(n); p != "" && !slices.Contains(pax.Children(p), n) {
			t.Errorf("%s is not among the children of its parent %s", n, p)
		}
		if p := pax.Parent(n); pax.IsCode(string(p)) && pos[p] >= pos[n] {
			t.Errorf("%s comes before its parent %s", n, p)
		}
	}
	if ch := pax.Children("Ce"); !slices.Equal(ch, []pax.Code{"CeProv", "CeGen"}) {
		t.Errorf("Children(Ce) = %q", ch)
	}
	if pax.Children("Terr") != nil || pax.Children("") != nil {
		t.Error("a leaf or the empty code has children")
	}
	for _, s := range []string{"", "ce", "Ssr", "PpsGeSt", "Con ", "G"} {
		if pax.IsCode(s) {
			t.Errorf("IsCode(%q) = true", s)
		}
	}
	if c, ok := pax.CodeOf("Pri"); ok || c != "" {
		t.Errorf("CodeOf(Pri) = %q, %v", c, ok)
	}
	// Codes and Headings return copies.
	codes[0] = "X"
	if pax.Codes()[0] != "GCh" {
		t.Error("Codes shares its slice")
	}
}

func TestLabel(t *testing.T) {
	for c, want := range map[pax.Code]string{
		"Ce": "ceasefire", "SsrGua": "security guarantees", "Ssr": "security sector", "CeProv": "CeProv",
		"PpsGe:St": "PpsGe:St", "": "", "nope": "nope",
	} {
		if got := pax.Label(c); got != want {
			t.Errorf("Label(%q) = %q, want %q", c, got, want)
		}
	}
}

// TestDeriveRules: the derivation applied to made-up columns, one rule at a
// time.
func TestDeriveRules(t *testing.T) {
	// Rule 1 gives AbCdEf its parent; rule 2 XzP and XzQ (Xz abbreviates
	// Xyz); rule 3 the Ab codes (Ab is no column) but not Mq (one code of
	// its family); rule 4 Qr and Xyz (between AbX and AbY), not Ko and Mq
	// (after the last Ab code) nor Lm (before the first); Wv is no
	// abbreviation of Pq (its first letter differs).
	names := []string{"Lm", "AbCd", "AbCdEf", "AbX", "Qr", "Xyz", "XzP", "XzQ", "AbY", "Pq", "WvA", "Ko", "MqR"}
	parents, heading := pax.DeriveParents(names)
	want := []string{"", "Ab", "AbCd", "Ab", "Ab", "Ab", "Xyz", "Xyz", "Ab", "", "", "", ""}
	wantHead := []bool{false, true, false, true, true, true, false, false, true, false, false, false, false}
	if !slices.Equal(parents, want) || !slices.Equal(heading, wantHead) {
		t.Errorf("DeriveParents = %q %v, want %q %v", parents, heading, want, wantHead)
	}
}
