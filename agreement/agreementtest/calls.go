package agreementtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"pgregory.net/rapid"
)

// ExportedAPI returns, sorted, the exported functions ("Func") and the
// exported methods of exported types ("Type.Method", whatever the
// receiver) declared in the Go files of the package in directory dir,
// leaving out its _test.go files and its subdirectories. Build constraints
// are not evaluated: every file is read. The error is that of reading dir
// or of parsing one of its files.
//
// It is for tests that check they exercise a package's whole API, usually
// through [CheckCalls], with dir "." for the package under test. It is
// safe for concurrent use and never panics.
func ExportedAPI(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
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
			if typ := receiverType(fd.Recv.List[0].Type); typ != nil && typ.IsExported() {
				names = append(names, typ.Name+"."+fd.Name.Name)
			}
		}
	}
	slices.Sort(names)
	return names, nil
}

// receiverType returns the name of the type of a method's receiver: T in
// T, *T, T[P] and *T[P, Q], or nil for anything else.
func receiverType(e ast.Expr) *ast.Ident {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	id, _ := e.(*ast.Ident)
	return id
}

// CheckCalls checks that calls, keyed as [ExportedAPI] names them, calls
// every exported function and method of the package in directory dir, and
// nothing else, then runs each call and reports, through t, every exported
// name missing from calls, every key of calls that is not exported, and
// every call that panics, returns a non-nil error or is still running
// after limit. It is the machinery of a "never panics" test, whose calls
// pass zero values and nil pointers and return an error when a result is
// not the documented one:
//
//	agreementtest.CheckCalls(t, ".", map[string]func() error{
//		"Parse":       func() error { _, err := mypkg.Parse(""); return agreementtest.Want(err != nil, "an error") },
//		"Thing.Valid": func() error { return agreementtest.Want(!mypkg.Thing{}.Valid(), "false") },
//	}, time.Second)
//
// t is a [rapid.TB], so a *testing.T or a [Recorder]. The calls run one at
// a time, in the order of their names, each in a goroutine of its own; a
// call still running after limit is reported and left running. CheckCalls
// reports a failure to list the API of dir with t.Fatalf. It panics if t
// is nil or limit is not positive.
func CheckCalls(t rapid.TB, dir string, calls map[string]func() error, limit time.Duration) {
	t.Helper()
	if limit <= 0 {
		panic(fmt.Sprintf("agreementtest: CheckCalls with the limit %v, want a positive one", limit))
	}
	api, err := ExportedAPI(dir)
	if err != nil {
		t.Fatalf("listing the exported API: %v", err)
		return
	}
	for _, name := range api {
		if _, ok := calls[name]; !ok {
			t.Errorf("exported %s is not called by this test: add it to the table", name)
		}
	}
	var extra []string
	for name := range calls {
		if !slices.Contains(api, name) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range extra {
		t.Errorf("the table calls %s, which is not exported (any more)", name)
	}
	for _, name := range api {
		if call, ok := calls[name]; ok {
			if err := callWithin(call, limit); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// callWithin runs call in a goroutine of its own and returns its error,
// what it panicked with, or an error once it has run for limit.
func callWithin(call func() error, limit time.Duration) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panicked: %v\n%s", r, debug.Stack())
			}
		}()
		done <- call()
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return fmt.Errorf("took over %v", limit)
	}
}
