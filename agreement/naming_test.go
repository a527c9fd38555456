package agreement_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// Every constant of an enumeration is named for its type followed by its JSON
// spelling in Pascal case ("in-effect" is StateInEffect); the value spelt as
// the empty string is <Type>Unspecified. Roundings are named for what they
// do, "Round" and their spelling ("end-of-day" is RoundEndOfDay), and the
// one spelt as the empty string, which leaves an instant alone, is
// RoundNone. The rules for acts during a suspension are named
// "Suspension" and their spelling ("defers" is SuspensionDefers). The
// constants are read from the package's source, so a new enumeration or
// constant that breaks the rule, or a typed constant of a type this test
// does not know, fails it.
func TestEnumNamesFollowTheirSpelling(t *testing.T) {
	// How each enumeration of small integers spells a value.
	spell := map[string]func(int) string{
		"PartyKind":      func(i int) string { return agreement.PartyKind(i).String() },
		"Role":           func(i int) string { return agreement.Role(i).String() },
		"SigningStatus":  func(i int) string { return agreement.SigningStatus(i).String() },
		"Deontic":        func(i int) string { return agreement.Deontic(i).String() },
		"Force":          func(i int) string { return agreement.Force(i).String() },
		"Effect":         func(i int) string { return agreement.Effect(i).String() },
		"State":          func(i int) string { return agreement.State(i).String() },
		"Attribution":    func(i int) string { return agreement.Attribution(i).String() },
		"OptionKind":     func(i int) string { return agreement.OptionKind(i).String() },
		"Lapse":          func(i int) string { return agreement.Lapse(i).String() },
		"Rounding":       func(i int) string { return agreement.Rounding(i).String() },
		"SuspensionRule": func(i int) string { return agreement.SuspensionRule(i).String() },
	}
	// The enumerations whose constants are not named <Type><Spelling>: the
	// prefix of their names, and the name of the value spelt "" (none for
	// an enumeration whose every value has a name).
	naming := map[string]struct{ prefix, empty string }{
		"Rounding":       {"Round", "None"},
		"SuspensionRule": {"Suspension", ""},
	}
	// Enumerations whose values are their spellings.
	stringTyped := map[string]bool{"EventKind": true, "Stage": true, "SubStage": true, "Category": true,
		"Unit": true, "ImpliedVerb": true}

	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			typ := ""
			for iota, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if vs.Type != nil {
					typ = ""
					if id, ok := vs.Type.(*ast.Ident); ok {
						typ = id.Name
					}
				} else if len(vs.Values) > 0 {
					typ = "" // an untyped constant, or one typed by its value
				}
				for _, n := range vs.Names {
					if n.Name == "_" || typ == "" {
						continue
					}
					if typ == "PartyID" {
						// The placeholders a clause's patterns may name
						// are not an enumeration: each is named for
						// what it stands for, and spelt with a '$' no
						// party id has.
						if p := agreement.PartyID(strings.Trim(exprString(vs.Values), `"`)); !p.IsPlaceholder() {
							t.Errorf("constant %s of type PartyID is not a placeholder", n.Name)
						}
						continue
					}
					var spelling string
					switch {
					case spell[typ] != nil:
						spelling = spell[typ](iota)
					case stringTyped[typ]:
						lit, ok := vs.Values[0].(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							t.Errorf("%s: value is not a string literal", n.Name)
							continue
						}
						spelling, _ = strconv.Unquote(lit.Value)
					default:
						t.Errorf("constant %s has type %s, which this test does not know as an enumeration", n.Name, typ)
						continue
					}
					want := typ + pascal(spelling)
					if nm, ok := naming[typ]; ok {
						want = nm.prefix + pascal(spelling)
						if spelling == "" {
							want = nm.prefix + nm.empty
						}
					}
					if n.Name != want {
						t.Errorf("constant %s spelt %q: want the name %s", n.Name, spelling, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked %d constants; the package declares more", checked)
	}
}

// pascal writes a JSON spelling in Pascal case: "in-effect" is "InEffect",
// "SsrGua" stays "SsrGua", "km2" is "Km2" and "" is "Unspecified".
func pascal(s string) string {
	if s == "" {
		return "Unspecified"
	}
	var b strings.Builder
	for _, w := range strings.Split(s, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// exprString returns the literal text of the first value, or "".
func exprString(vals []ast.Expr) string {
	if len(vals) == 0 {
		return ""
	}
	if lit, ok := vals[0].(*ast.BasicLit); ok {
		return lit.Value
	}
	return ""
}
