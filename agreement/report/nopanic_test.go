package report_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/agreement/revision"
)

// TestNoPanic calls every exported function with zero values and nil
// pointers: each returns an error or writes its documented output without
// panicking or stalling.
func TestNoPanic(t *testing.T) {
	nilNodes := agreement.Agreement{Clauses: []agreement.Clause{{Trigger: (*agreement.AllCondition)(nil),
		Antecedent: (*agreement.NotCondition)(nil), Fulfilment: agreement.Not(nil), Violation: agreement.AtLeast(-1, nil)}},
		EntryIntoForce: agreement.Any(nil, (*agreement.ClauseInCondition)(nil))}
	checkCalls(t, map[string]func() error{
		"ChangesMarkdown": func() error {
			if err := report.ChangesMarkdown(nil, nil); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return report.ChangesMarkdown(io.Discard, revision.Changes{{}, {Op: revision.OpModified, Old: (*agreement.AllCondition)(nil)}})
		},
		"DependencyMermaid": func() error {
			if err := report.DependencyMermaid(nil, agreement.Agreement{}); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return errors.Join(report.DependencyMermaid(io.Discard, agreement.Agreement{}),
				report.DependencyMermaid(io.Discard, nilNodes))
		},
		"Markdown": func() error {
			if err := report.Markdown(nil, agreement.Agreement{}); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return errors.Join(report.Markdown(io.Discard, agreement.Agreement{}), report.Markdown(io.Discard, nilNodes))
		},
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
