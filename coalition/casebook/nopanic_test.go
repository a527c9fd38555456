package casebook_test

import (
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

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestNoPanic calls every exported function and method with zero values
// and with a Version out of range: each returns its documented result (the
// zero Version and an invalid one both read as VersionFinal), without
// panicking and within a second.
func TestNoPanic(t *testing.T) {
	const bad = casebook.Version(255)
	checkCalls(t, map[string]func() error{
		"Version.Valid": func() error {
			if !casebook.Version(0).Valid() || bad.Valid() {
				return fmt.Errorf("Version(0).Valid() = %v, Version(255).Valid() = %v; want true, false",
					casebook.Version(0).Valid(), bad.Valid())
			}
			return nil
		},
		"Version.String": func() error {
			if got := casebook.Version(0).String(); got != "final" {
				return fmt.Errorf("Version(0).String() = %q, want \"final\"", got)
			}
			if got := bad.String(); got != "Version(255)" {
				return fmt.Errorf("Version(255).String() = %q, want \"Version(255)\"", got)
			}
			return nil
		},
		"Paris2026": func() error {
			if diff := cmp.Diff(casebook.Paris2026(casebook.VersionFinal), casebook.Paris2026(bad), coalitiontest.Options()); diff != "" {
				return fmt.Errorf("Paris2026(255) differs from the final version (-final +255):\n%s", diff)
			}
			return casebook.Paris2026(0).Coalition.Validate()
		},
		"Paris2026Coalition": func() error {
			if diff := cmp.Diff(casebook.Paris2026Coalition(0), casebook.Paris2026Coalition(bad), coalitiontest.Options()); diff != "" {
				return fmt.Errorf("Paris2026Coalition(255) differs from the final version (-final +255):\n%s", diff)
			}
			return casebook.Paris2026Coalition(bad).Validate()
		},
		"Paris2026Declaration": func() error {
			if diff := cmp.Diff(casebook.Paris2026Declaration(0), casebook.Paris2026Declaration(bad), coalitiontest.Options()); diff != "" {
				return fmt.Errorf("Paris2026Declaration(255) differs from the final version (-final +255):\n%s", diff)
			}
			return casebook.Paris2026Declaration(bad).Validate()
		},
		"Paris2026Territory": func() error { return casebook.Paris2026Territory().Validate() },
		"Paris2026Packages": func() error {
			if len(casebook.Paris2026Packages()) == 0 {
				return fmt.Errorf("Paris2026Packages() is empty")
			}
			return nil
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

// checkCalls runs every call of table and fails when one panics, takes
// over a second or reports a wrong result (a non-nil error from the call),
// when an exported name is missing from table, or when table names
// something not exported.
func checkCalls(t *testing.T, table map[string]func() error) {
	t.Helper()
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
