package coalitiontest_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: assertions through a recording rapid.TB, generators
// drawn from inside rapid.Check. Each returns or records its documented
// result, without panicking and within a second.
func TestNoPanic(t *testing.T) {
	negative := coalitiontest.Config{Members: -1, Others: -1, Functions: -1, Contributions: -1, Cells: -1,
		Declarations: -1, Meetings: -1, Depth: -1}
	checkCalls(t, map[string]func() error{
		"Options": func() error {
			if !cmp.Equal(coalition.Coalition{}, coalition.Coalition{}, coalitiontest.Options()) {
				return errors.New("the zero coalition is not equal to itself under Options()")
			}
			return nil
		},
		"DeepCopy": func() error {
			if got := coalitiontest.DeepCopy(coalition.Coalition{}); !cmp.Equal(got, coalition.Coalition{}) {
				return fmt.Errorf("DeepCopy(Coalition{}) = %+v, want the zero coalition", got)
			}
			return nil
		},
		"AssertValid": func() error {
			if r, p := record(func(tb rapid.TB) { coalitiontest.AssertValid(tb, coalition.Coalition{}) }); p != nil || len(r.errors) != 1 || r.fatal {
				return fmt.Errorf("zero coalition: panic %v, errors %q, fatal %v; want one error", p, r.errors, r.fatal)
			}
			if r, p := record(func(tb rapid.TB) { coalitiontest.AssertValid(tb, casebook.Paris2026Coalition(0)) }); p != nil || r.failed() {
				return fmt.Errorf("valid coalition: panic %v, errors %q", p, r.errors)
			}
			return wantPanic("nil t", func() { coalitiontest.AssertValid(nil, coalition.Coalition{}) })
		},
		"DefaultConfig": func() error {
			if coalitiontest.DefaultConfig() == (coalitiontest.Config{}) {
				return errors.New("DefaultConfig() is the zero Config")
			}
			return nil
		},
		"Coalition": func() error {
			for _, cfg := range []coalitiontest.Config{{}, negative} {
				if err := check(func(t *rapid.T) {
					coalitiontest.AssertValid(t, coalitiontest.Coalition(cfg).Draw(t, "coalition"))
				}); err != nil {
					return fmt.Errorf("Config %+v: %v", cfg, err)
				}
			}
			return nil
		},
		"Range": func() error {
			for _, units := range [][]agreement.Unit{nil, {}, {""}} {
				if err := check(func(t *rapid.T) {
					r := coalitiontest.Range(units...).Draw(t, "range")
					if r.Min.IsNegative() || r.Min.GreaterThan(r.Max) {
						t.Fatalf("Range(%q) drew [%v, %v]", units, r.Min, r.Max)
					}
				}); err != nil {
					return fmt.Errorf("units %q: %v", units, err)
				}
			}
			return nil
		},
	})
}

// recorder is a rapid.TB that records failures instead of reporting them.
// Its Fatal, FailNow and Skip methods end the calling goroutine, so it is
// used through record.
type recorder struct {
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (r *recorder) Helper()              {}
func (r *recorder) Name() string         { return "recorder" }
func (r *recorder) Logf(string, ...any)  {}
func (r *recorder) Log(...any)           {}
func (r *recorder) Skipf(string, ...any) { runtime.Goexit() }
func (r *recorder) Skip(...any)          { runtime.Goexit() }
func (r *recorder) SkipNow()             { runtime.Goexit() }
func (r *recorder) Error(args ...any)    { r.Errorf("%s", fmt.Sprint(args...)) }
func (r *recorder) Fatal(args ...any)    { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *recorder) Fail()                { r.Errorf("Fail") }
func (r *recorder) FailNow()             { r.Fatalf("FailNow") }
func (r *recorder) Errorf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.mu.Unlock()
}
func (r *recorder) Fatalf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}
func (r *recorder) Failed() bool { return r.failed() }
func (r *recorder) failed() bool { r.mu.Lock(); defer r.mu.Unlock(); return len(r.errors) > 0 }

// record runs f with a new recorder in a goroutine of its own and returns
// the recorder and what f panicked with, if it did.
func record(f func(rapid.TB)) (r *recorder, panicked any) {
	r = &recorder{}
	done := make(chan any, 1)
	go func() {
		ended := false
		defer func() {
			if !ended {
				done <- recover()
			}
		}()
		f(r)
		ended = true
		done <- nil
	}()
	return r, <-done
}

// check runs prop under rapid.Check with a recorder and returns its
// failures, or what it panicked with, as an error.
func check(prop func(*rapid.T)) error {
	r, p := record(func(tb rapid.TB) { rapid.Check(tb, prop) })
	if p != nil {
		return fmt.Errorf("panicked: %v", p)
	}
	if r.failed() {
		return fmt.Errorf("failed: %s", strings.Join(r.errors, "\n"))
	}
	return nil
}

// wantPanic returns an error unless f panics: the documented contract of a
// test helper given a nil t.
func wantPanic(name string, f func()) (err error) {
	defer func() {
		if recover() == nil {
			err = fmt.Errorf("%s: no panic, want one", name)
		}
	}()
	f()
	return nil
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
