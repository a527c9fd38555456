package revision_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns an error or its documented zero result
// without panicking or stalling.
func TestNoPanic(t *testing.T) {
	nilNodes := agreement.Agreement{Clauses: []agreement.Clause{{ID: "A", Trigger: (*agreement.AllCondition)(nil),
		Antecedent: (*agreement.NotCondition)(nil), Fulfilment: agreement.Not(nil), Violation: agreement.AtLeast(-1, nil)}},
		EntryIntoForce: agreement.Any(nil, (*agreement.ClauseInCondition)(nil))}
	checkCalls(t, map[string]func() error{
		"Change.FieldLabel": func() error { return want(revision.Change{}.FieldLabel() == "", "\"\"") },
		"Change.String":     func() error { return want(revision.Change{}.String() != "", "a description") },
		"Changes.Apply": func() error {
			if a, err := revision.Changes(nil).Apply(agreement.Agreement{}); err != nil || a.ID != "" {
				return fmt.Errorf("no changes: %v, %v; want the agreement unchanged", a.ID, err)
			}
			_, err := revision.Changes{{}}.Apply(agreement.Agreement{})
			return want(errors.Is(err, revision.ErrNotApplicable), "ErrNotApplicable, got %v", err)
		},
		"Diff": func() error {
			if cs := revision.Diff(agreement.Agreement{}, agreement.Agreement{}); len(cs) != 0 {
				return fmt.Errorf("Diff of zero agreements: %v, want none", cs)
			}
			cs := revision.Diff(agreement.Agreement{}, nilNodes)
			b, err := cs.Apply(agreement.Agreement{})
			if err != nil {
				return err
			}
			return want(len(revision.Diff(b, nilNodes)) == 0, "Apply(Diff(a, b)) equal to b")
		},
		"FormatList": func() error {
			return want(revision.FormatList[int](nil, ", ", nil) == "none", "none")
		},
		"FormatValue": func() error {
			for _, v := range []any{nil, (*agreement.AllCondition)(nil), (*agreement.Pattern)(nil), agreement.Not(nil)} {
				if revision.FormatValue(v) == "" {
					return fmt.Errorf("FormatValue(%#v) is empty", v)
				}
			}
			return nil
		},
		"Item.String": func() error { return want(revision.Item(0).String() == "Item(0)", "Item(0)") },
		"Op.String":   func() error { return want(revision.Op(0).String() == "Op(0)", "Op(0)") },
	})
}

// exportedAPI returns "Func" or "Type.Method" for every exported function
// and every exported method of an exported type declared in the non-test
// files of the package in the current directory.
func exportedAPI(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			if fd.Recv == nil {
				names = append(names, fd.Name.Name)
				continue
			}
			typ := fd.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok && id.IsExported() {
				names = append(names, id.Name+"."+fd.Name.Name)
			}
		}
	}
	slices.Sort(names)
	return names
}

// checkCalls runs every call of table, each with zero values and nil
// pointers, and fails when one panics, takes over a second or reports a
// wrong result (a non-nil error from the call), when an exported name is
// missing from table, or when table names something not exported.
func checkCalls(t *testing.T, table map[string]func() error) {
	api := exportedAPI(t)
	for _, name := range api {
		if _, ok := table[name]; !ok {
			t.Errorf("exported %s is not called by this test: add it to the table", name)
		}
	}
	for name := range table {
		if !slices.Contains(api, name) {
			t.Errorf("the table calls %s, which is not exported (any more)", name)
		}
	}
	for _, name := range api {
		call, ok := table[name]
		if !ok {
			continue
		}
		done := make(chan error, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- fmt.Errorf("panicked: %v\n%s", r, debug.Stack())
				}
			}()
			done <- call()
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(time.Second):
			t.Errorf("%s: took over a second", name)
		}
	}
}

// want returns nil when ok, else an error saying what was wanted.
func want(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf("want "+format, args...)
}
