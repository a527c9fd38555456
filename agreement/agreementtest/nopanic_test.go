package agreementtest_test

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
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: assertions through a recording rapid.TB (or
// testing.TB), generators drawn from inside rapid.Check. Each returns or
// records its documented result, without panicking and within a second.
func TestNoPanic(t *testing.T) {
	valid := agreementtest.ParisDeclaration(false)
	invalid := &agreement.ValidationError{Problems: []*agreement.Problem{nil, {Path: "id", Err: agreement.ErrMissing}}, Omitted: 3}
	var nilCoverage *agreementtest.Coverage
	checkCalls(t, map[string]func() error{
		"AssertValid": func() error {
			if err := wantRecorded("zero agreement", 1, func(tb rapid.TB) { agreementtest.AssertValid(tb, agreement.Agreement{}) }); err != nil {
				return err
			}
			if err := wantRecorded("valid agreement", 0, func(tb rapid.TB) { agreementtest.AssertValid(tb, valid) }); err != nil {
				return err
			}
			return wantPanic("nil t", func() { agreementtest.AssertValid(nil, agreement.Agreement{}) })
		},
		"AssertProcessValid": func() error {
			if err := wantRecorded("zero process", 0, func(tb rapid.TB) { agreementtest.AssertProcessValid(tb, agreement.Process{}) }); err != nil {
				return err
			}
			return wantPanic("nil t", func() { agreementtest.AssertProcessValid(nil, agreement.Process{}) })
		},
		"AssertProblem": func() error {
			if err := wantRecorded("nil error", 1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, nil, nil, "") }); err != nil {
				return err
			}
			if err := wantRecorded("nil problem", 1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, invalid, nil, "") }); err != nil {
				return err
			}
			if err := wantRecorded("plain error", 1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, errors.New("x"), nil, "") }); err != nil {
				return err
			}
			if err := wantRecorded("problem", 0, func(tb rapid.TB) { agreementtest.AssertProblem(tb, invalid, agreement.ErrMissing, "id") }); err != nil {
				return err
			}
			return wantPanic("nil t", func() { agreementtest.AssertProblem(nil, nil, nil, "") })
		},
		"HasProblem": func() error {
			if agreementtest.HasProblem(nil, nil, "") || agreementtest.HasProblem(invalid, nil, "") ||
				agreementtest.HasProblem((*agreement.ValidationError)(nil), nil, "") {
				return errors.New("HasProblem with a nil error, a nil problem or a nil ValidationError = true")
			}
			return nil
		},
		"Options": func() error {
			if !cmp.Equal(agreement.Agreement{}, agreement.Agreement{}, agreementtest.Options()) {
				return errors.New("the zero agreement is not equal to itself under Options()")
			}
			return nil
		},
		"DefaultConfig": func() error {
			if cmp.Equal(agreementtest.DefaultConfig(), agreementtest.Config{}) {
				return errors.New("DefaultConfig() is the zero Config")
			}
			return nil
		},
		"Setting": func() error {
			if got := agreementtest.Setting(0, 0, 0); got != 0 {
				return fmt.Errorf("Setting(0, 0, 0) = %d, want 0", got)
			}
			return nil
		},
		"Corrupt": func() error {
			return check(func(t *rapid.T) {
				c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
				agreementtest.AssertProblem(t, c.Agreement.Validate(), c.Sentinel, c.Path)
			})
		},
		"CorruptAgreement": func() error {
			if err := check(func(t *rapid.T) { _ = agreementtest.CorruptAgreement(agreement.Agreement{}).Draw(t, "corruption") }); err != nil {
				return fmt.Errorf("zero agreement: %v", err)
			}
			return check(func(t *rapid.T) {
				c := agreementtest.CorruptAgreement(valid).Draw(t, "corruption")
				agreementtest.AssertProblem(t, c.Agreement.Validate(), c.Sentinel, c.Path)
			})
		},
		"Corruption.Another": func() error {
			return check(func(t *rapid.T) { _ = agreementtest.Corruption{}.Another().Draw(t, "corruption") })
		},
		"CorruptionKinds": func() error {
			if len(agreementtest.CorruptionKinds()) == 0 {
				return errors.New("CorruptionKinds() is empty")
			}
			return nil
		},
		"Coverage.Add": func() error {
			var c agreementtest.Coverage
			c.Add()
			c.Add("")
			nilCoverage.Add("x")
			return nil
		},
		"Coverage.Len": func() error {
			var c agreementtest.Coverage
			if c.Len() != 0 || nilCoverage.Len() != 0 {
				return fmt.Errorf("Len() of the zero and nil Coverage = %d, %d; want 0, 0", c.Len(), nilCoverage.Len())
			}
			return nil
		},
		"Coverage.Check": func() error {
			var c agreementtest.Coverage
			if err := wantRecorded("zero coverage, nothing wanted", 0, func(tb rapid.TB) { c.Check(tb) }); err != nil {
				return err
			}
			if err := wantRecorded("nil coverage, nothing wanted", 0, func(tb rapid.TB) { nilCoverage.Check(tb) }); err != nil {
				return err
			}
			_, _ = recordTB(func(tb rapid.TB) { nilCoverage.Check(tb, "x") })
			return wantPanic("nil t", func() { c.Check(nil, "x") })
		},
		"FullRun": func() error { _ = agreementtest.FullRun(); return nil },
		"Agreement": func() error {
			return check(func(t *rapid.T) {
				agreementtest.AssertValid(t, agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement"))
			})
		},
		"Process": func() error {
			return check(func(t *rapid.T) {
				agreementtest.AssertProcessValid(t, agreementtest.Process(agreementtest.Config{}).Draw(t, "process"))
			})
		},
		"Condition": func() error {
			for _, depth := range []int{-1, 0, 2} {
				if err := check(func(t *rapid.T) {
					if c := agreementtest.Condition(agreementtest.Scope{}, depth).Draw(t, "condition"); c == nil {
						t.Fatal("nil condition")
					}
				}); err != nil {
					return fmt.Errorf("depth %d: %v", depth, err)
				}
			}
			return nil
		},
		"Pattern": func() error {
			return check(func(t *rapid.T) { _ = agreementtest.Pattern(agreementtest.Scope{}).Draw(t, "pattern") })
		},
		"Subset": func() error {
			for _, b := range [][2]int{{0, 0}, {-1, -1}, {3, 1}, {0, 5}} {
				if err := check(func(t *rapid.T) {
					if got := agreementtest.Subset[int](nil, b[0], b[1]).Draw(t, "subset"); got != nil {
						t.Fatalf("Subset(nil, %d, %d) drew %v, want nil", b[0], b[1], got)
					}
				}); err != nil {
					return err
				}
			}
			return nil
		},
		"IDs": func() error {
			for _, n := range []int{-1, 0, 3} {
				if err := check(func(t *rapid.T) {
					got := agreementtest.IDs[agreement.PartyID](n, nil, nil).Draw(t, "ids")
					if len(got) != max(n, 0) {
						t.Fatalf("IDs(%d, nil, nil) drew %q", n, got)
					}
					for _, id := range got {
						if !id.Valid() {
							t.Fatalf("IDs(%d, nil, nil) drew the invalid id %q", n, id)
						}
					}
				}); err != nil {
					return err
				}
			}
			return nil
		},
		"Decimal": func() error {
			return check(func(t *rapid.T) { _ = agreementtest.Decimal().Draw(t, "decimal") })
		},
		"CheckGolden": func() error {
			for _, update := range []bool{false, true} {
				var r goldenRecorder
				if p := r.run(func() { agreementtest.CheckGolden(&r, "", nil, update) }); p != nil || !r.fatal {
					return fmt.Errorf("path \"\", update %v: panic %v, fatal %v; want a fatal failure", update, p, r.fatal)
				}
			}
			return wantPanic("nil t", func() { agreementtest.CheckGolden(nil, "", nil, false) })
		},
		"ParisDeclaration": func() error {
			return errors.Join(agreementtest.ParisDeclaration(false).Validate(), agreementtest.ParisDeclaration(true).Validate())
		},
		"Territory": func() error {
			return check(func(t *rapid.T) {
				if tr := agreementtest.Territory(nil, agreementtest.Config{}).Draw(t, "territory"); len(tr.Areas) != 0 {
					t.Fatalf("Territory(nil, Config{}) drew %d areas, want the zero Territory", len(tr.Areas))
				}
			})
		},
		"Package": func() error {
			return check(func(t *rapid.T) {
				if p := agreementtest.Package(agreement.Agreement{}, agreementtest.Config{}).Draw(t, "package"); len(p.Options) != 0 {
					t.Fatalf("Package(Agreement{}, Config{}) drew %d options, want none", len(p.Options))
				}
			})
		},
	})
}

// goldenRecorder is a testing.TB that records failures instead of
// reporting them. testing.TB cannot be implemented outside package
// testing, so it embeds a nil one, whose methods it never calls: it
// overrides every method CheckGolden uses. Its Fatal methods end the
// calling goroutine, so it is used through run.
type goldenRecorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *goldenRecorder) Helper() {}
func (r *goldenRecorder) Errorf(f string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
}
func (r *goldenRecorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *goldenRecorder) Fatalf(f string, a ...any) {
	r.Errorf(f, a...)
	r.fatal = true
	runtime.Goexit()
}

// run runs f in a goroutine of its own and returns what it panicked with,
// if it did.
func (r *goldenRecorder) run(f func()) (panicked any) {
	done := make(chan any, 1)
	go func() {
		ended := false
		defer func() {
			if !ended {
				done <- recover()
			}
		}()
		f()
		ended = true
		done <- nil
	}()
	return <-done
}

// wantRecorded returns an error unless f, given a tbRecorder, records
// exactly n failures without panicking.
func wantRecorded(name string, n int, f func(rapid.TB)) error {
	r, p := recordTB(f)
	if p != nil || len(r.errors) != n {
		return fmt.Errorf("%s: panic %v, failures %q; want %d failures", name, p, r.errors, n)
	}
	return nil
}

// tbRecorder is a rapid.TB that records failures instead of reporting them.
// Its Fatal, FailNow and Skip methods end the calling goroutine, so it is
// used through record.
type tbRecorder struct {
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (r *tbRecorder) Helper()              {}
func (r *tbRecorder) Name() string         { return "tbRecorder" }
func (r *tbRecorder) Logf(string, ...any)  {}
func (r *tbRecorder) Log(...any)           {}
func (r *tbRecorder) Skipf(string, ...any) { runtime.Goexit() }
func (r *tbRecorder) Skip(...any)          { runtime.Goexit() }
func (r *tbRecorder) SkipNow()             { runtime.Goexit() }
func (r *tbRecorder) Error(args ...any)    { r.Errorf("%s", fmt.Sprint(args...)) }
func (r *tbRecorder) Fatal(args ...any)    { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *tbRecorder) Fail()                { r.Errorf("Fail") }
func (r *tbRecorder) FailNow()             { r.Fatalf("FailNow") }
func (r *tbRecorder) Errorf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.mu.Unlock()
}
func (r *tbRecorder) Fatalf(f string, a ...any) {
	r.mu.Lock()
	r.errors = append(r.errors, fmt.Sprintf(f, a...))
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}
func (r *tbRecorder) Failed() bool { return r.failed() }
func (r *tbRecorder) failed() bool { r.mu.Lock(); defer r.mu.Unlock(); return len(r.errors) > 0 }

// recordTB runs f with a new tbRecorder in a goroutine of its own and returns
// the tbRecorder and what f panicked with, if it did.
func recordTB(f func(rapid.TB)) (r *tbRecorder, panicked any) {
	r = &tbRecorder{}
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

// check runs prop under rapid.Check with a tbRecorder and returns its
// failures, or what it panicked with, as an error.
func check(prop func(*rapid.T)) error {
	r, p := recordTB(func(tb rapid.TB) { rapid.Check(tb, prop) })
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
