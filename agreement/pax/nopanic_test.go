package pax_test

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

	"github.com/peacekit/peacekit/agreement/pax"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns an error or its documented zero result
// without panicking or stalling.
func TestNoPanic(t *testing.T) {
	checkCalls(t, map[string]func() error{
		"AgreementType.Label": func() error { return want(pax.AgreementType("").Label() == "", "\"\"") },
		"AgreementType.Valid": func() error { return want(pax.AgreementType("").Valid(), "true") },
		"Columns":             func() error { return want(len(pax.Columns()) == 38, "38 columns") },
		"HeaderError.Error": func() error {
			return want((&pax.HeaderError{}).Error() != "" && (*pax.HeaderError)(nil).Error() != "", "a message")
		},
		"HeaderError.Unwrap": func() error {
			return want(errors.Is((*pax.HeaderError)(nil).Unwrap(), pax.ErrHeader), "ErrHeader")
		},
		"Read": func() error {
			for _, r := range []io.Reader{nil, strings.NewReader("")} {
				n := 0
				for _, err := range pax.Read(r, nil) {
					if err == nil {
						return fmt.Errorf("Read(%T) yielded a record", r)
					}
					n++
				}
				if n != 1 {
					return fmt.Errorf("Read(%T) yielded %d errors, want 1", r, n)
				}
			}
			return nil
		},
		"Record.Agreement": func() error { return want(pax.Record{}.Agreement().ID == "pax-0", "id pax-0") },
		"Record.ID":        func() error { return want(pax.Record{}.ID() == "pax-0", "pax-0") },
		"RowError.Error": func() error {
			return want((&pax.RowError{}).Error() != "" && (*pax.RowError)(nil).Error() != "", "a message")
		},
		"RowError.Unwrap": func() error { return want((*pax.RowError)(nil).Unwrap() == nil, "nil") },
		"StopOnError":     func() error { return want(pax.StopOnError() != nil, "an option") },
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
