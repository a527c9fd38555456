package agreementtest_test

import (
	"errors"
	"fmt"
	"runtime"
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
// records its documented result, without panicking and within hangLimit.
func TestNoPanic(t *testing.T) {
	valid := agreementtest.ParisDeclaration(false)
	invalid := &agreement.ValidationError{Problems: []*agreement.Problem{nil, {Path: "id", Err: agreement.ErrMissing}}, Omitted: 3}
	var nilCoverage *agreementtest.Coverage
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"AssertValid": func() error {
			if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { agreementtest.AssertValid(tb, agreement.Agreement{}) }); err != nil {
				return err
			}
			if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { agreementtest.AssertValid(tb, valid) }); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { agreementtest.AssertValid(nil, agreement.Agreement{}) })
		},
		"Workload": func() error {
			a := agreementtest.Workload()
			if err := a.Validate(); err != nil {
				return err
			}
			if len(a.Clauses) != 36 || len(a.Territory.Areas) != 7 {
				return fmt.Errorf("%d clauses, %d areas; want 36 and 7", len(a.Clauses), len(a.Territory.Areas))
			}
			return nil
		},
		"Scaled": func() error {
			for _, n := range []int{-1, 0, 3, 10} {
				a := agreementtest.Scaled(n)
				if err := a.Validate(); err != nil {
					return err
				}
				if want := max(n, 0) / 4 * 4; len(a.Clauses) != want {
					return fmt.Errorf("Scaled(%d): %d clauses, want %d", n, len(a.Clauses), want)
				}
			}
			return nil
		},
		"AssertProcessValid": func() error {
			if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { agreementtest.AssertProcessValid(tb, agreement.Process{}) }); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { agreementtest.AssertProcessValid(nil, agreement.Process{}) })
		},
		"AssertProblem": func() error {
			if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, nil, nil, "") }); err != nil {
				return err
			}
			if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, invalid, nil, "") }); err != nil {
				return err
			}
			if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { agreementtest.AssertProblem(tb, errors.New("x"), nil, "") }); err != nil {
				return err
			}
			if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { agreementtest.AssertProblem(tb, invalid, agreement.ErrMissing, "id") }); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { agreementtest.AssertProblem(nil, nil, nil, "") })
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
		"Amendment": func() error {
			if err := agreementtest.CheckProperty(func(t *rapid.T) {
				_ = agreementtest.Amendment(agreement.Agreement{}, agreementtest.Config{}).Draw(t, "amendment")
			}); err != nil {
				return fmt.Errorf("zero agreement: %v", err)
			}
			return agreementtest.CheckProperty(func(t *rapid.T) {
				am := agreementtest.Amendment(valid, agreementtest.Config{}).Draw(t, "amendment")
				agreementtest.AssertValid(t, am.Text)
			})
		},
		"ProcessAmendment": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if am := agreementtest.ProcessAmendment(agreement.Process{}, agreementtest.Config{}).Draw(t, "amendment"); am.Text.ID != "" {
					t.Fatalf("ProcessAmendment(Process{}) amends %q", am.Text.ID)
				}
			})
		},
		"Corrupt": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
				agreementtest.AssertProblem(t, c.Agreement.Validate(), c.Sentinel, c.Path)
			})
		},
		"CorruptAgreement": func() error {
			if err := agreementtest.CheckProperty(func(t *rapid.T) { _ = agreementtest.CorruptAgreement(agreement.Agreement{}).Draw(t, "corruption") }); err != nil {
				return fmt.Errorf("zero agreement: %v", err)
			}
			return agreementtest.CheckProperty(func(t *rapid.T) {
				c := agreementtest.CorruptAgreement(valid).Draw(t, "corruption")
				agreementtest.AssertProblem(t, c.Agreement.Validate(), c.Sentinel, c.Path)
			})
		},
		"Corruption.Another": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) { _ = agreementtest.Corruption{}.Another().Draw(t, "corruption") })
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
			if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { c.Check(tb) }); err != nil {
				return err
			}
			if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { nilCoverage.Check(tb) }); err != nil {
				return err
			}
			_, _ = agreementtest.Record(func(tb rapid.TB) { nilCoverage.Check(tb, "x") })
			return agreementtest.WantPanic(func() { c.Check(nil, "x") })
		},
		"FullRun": func() error { _ = agreementtest.FullRun(); return nil },
		"Agreement": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				agreementtest.AssertValid(t, agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement"))
			})
		},
		"Process": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				agreementtest.AssertProcessValid(t, agreementtest.Process(agreementtest.Config{}).Draw(t, "process"))
			})
		},
		"Condition": func() error {
			for _, depth := range []int{-1, 0, 2} {
				if err := agreementtest.CheckProperty(func(t *rapid.T) {
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
			return agreementtest.CheckProperty(func(t *rapid.T) { _ = agreementtest.Pattern(agreementtest.Scope{}).Draw(t, "pattern") })
		},
		"Subset": func() error {
			for _, b := range [][2]int{{0, 0}, {-1, -1}, {3, 1}, {0, 5}} {
				if err := agreementtest.CheckProperty(func(t *rapid.T) {
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
				if err := agreementtest.CheckProperty(func(t *rapid.T) {
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
			return agreementtest.CheckProperty(func(t *rapid.T) { _ = agreementtest.Decimal().Draw(t, "decimal") })
		},
		"CheckGolden": func() error {
			for _, update := range []bool{false, true} {
				var r goldenRecorder
				if _, p := agreementtest.Record(func(rapid.TB) { agreementtest.CheckGolden(&r, "", nil, update) }); p != nil || !r.fatal {
					return fmt.Errorf("path \"\", update %v: panic %v, fatal %v; want a fatal failure", update, p, r.fatal)
				}
			}
			return agreementtest.WantPanic(func() { agreementtest.CheckGolden(nil, "", nil, false) })
		},
		"ParisDeclaration": func() error {
			return errors.Join(agreementtest.ParisDeclaration(false).Validate(), agreementtest.ParisDeclaration(true).Validate())
		},
		"Territory": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if tr := agreementtest.Territory(nil, agreementtest.Config{}).Draw(t, "territory"); len(tr.Areas) != 0 {
					t.Fatalf("Territory(nil, Config{}) drew %d areas, want the zero Territory", len(tr.Areas))
				}
			})
		},
		"Package": func() error {
			return agreementtest.CheckProperty(func(t *rapid.T) {
				if p := agreementtest.Package(agreement.Agreement{}, agreementtest.Config{}).Draw(t, "package"); len(p.Options) != 0 {
					t.Fatalf("Package(Agreement{}, Config{}) drew %d options, want none", len(p.Options))
				}
			})
		},
		"ExportedAPI": func() error {
			_, err := agreementtest.ExportedAPI("")
			return agreementtest.Want(err != nil, "an error for the directory \"\"")
		},
		"CheckCalls": func() error {
			if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { agreementtest.CheckCalls(tb, "", nil, time.Second) }); err != nil {
				return err
			}
			if err := agreementtest.WantPanic(func() { agreementtest.CheckCalls(t, ".", nil, 0) }); err != nil {
				return fmt.Errorf("limit 0: %v", err)
			}
			return agreementtest.WantPanic(func() { agreementtest.CheckCalls(nil, "", nil, time.Second) })
		},
		"Record": func() error {
			if r, p := agreementtest.Record(func(rapid.TB) {}); p != nil || r.Failed() || r.Stopped() {
				return fmt.Errorf("Record(no-op): panic %v, failures %q, stopped %v", p, r.Errors(), r.Stopped())
			}
			return agreementtest.WantPanic(func() { agreementtest.Record(nil) })
		},
		"CheckProperty": func() error {
			if err := agreementtest.CheckProperty(func(*rapid.T) {}); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { _ = agreementtest.CheckProperty(nil) })
		},
		"WantRecorded": func() error {
			if err := agreementtest.WantRecorded(0, func(rapid.TB) {}); err != nil {
				return err
			}
			return agreementtest.WantPanic(func() { _ = agreementtest.WantRecorded(0, nil) })
		},
		"WantPanic": func() error {
			if agreementtest.WantPanic(func() {}) == nil {
				return errors.New("WantPanic(no panic) = nil")
			}
			return agreementtest.WantPanic(func() { _ = agreementtest.WantPanic(nil) })
		},
		"Want": func() error {
			return agreementtest.Want(agreementtest.Want(false, "") != nil && agreementtest.Want(true, "") == nil, "an error only when not ok")
		},
		"Recorder.Errors":  onRecorder(0, false, func(r *agreementtest.Recorder) { _ = r.Errors() }),
		"Recorder.Stopped": onRecorder(0, false, func(r *agreementtest.Recorder) { _ = r.Stopped() }),
		"Recorder.Failed":  onRecorder(0, false, func(r *agreementtest.Recorder) { _ = r.Failed() }),
		"Recorder.Helper":  onRecorder(0, false, func(r *agreementtest.Recorder) { r.Helper() }),
		"Recorder.Name":    onRecorder(0, false, func(r *agreementtest.Recorder) { _ = r.Name() }),
		"Recorder.Log":     onRecorder(0, false, func(r *agreementtest.Recorder) { r.Log() }),
		"Recorder.Logf":    onRecorder(0, false, func(r *agreementtest.Recorder) { r.Logf("") }),
		"Recorder.Error":   onRecorder(1, false, func(r *agreementtest.Recorder) { r.Error() }),
		"Recorder.Errorf":  onRecorder(1, false, func(r *agreementtest.Recorder) { r.Errorf("") }),
		"Recorder.Fail":    onRecorder(1, false, func(r *agreementtest.Recorder) { r.Fail() }),
		"Recorder.Fatal":   onRecorder(1, true, func(r *agreementtest.Recorder) { r.Fatal() }),
		"Recorder.Fatalf":  onRecorder(1, true, func(r *agreementtest.Recorder) { r.Fatalf("") }),
		"Recorder.FailNow": onRecorder(1, true, func(r *agreementtest.Recorder) { r.FailNow() }),
		"Recorder.Skip":    onRecorder(0, true, func(r *agreementtest.Recorder) { r.Skip() }),
		"Recorder.Skipf":   onRecorder(0, true, func(r *agreementtest.Recorder) { r.Skipf("") }),
		"Recorder.SkipNow": onRecorder(0, true, func(r *agreementtest.Recorder) { r.SkipNow() }),
	}, hangLimit)
}

// hangLimit is how long a call of TestNoPanic may run before it is taken
// for a hang: some run a whole property check, which takes well over a
// second on a loaded machine or under the race detector.
const hangLimit = 30 * time.Second

// onRecorder returns a call that runs f on the zero Recorder, in a
// goroutine of its own, and checks that it then holds n failures and
// whether f ended the goroutine.
func onRecorder(n int, stopped bool, f func(*agreementtest.Recorder)) func() error {
	return func() error {
		var r agreementtest.Recorder
		if _, p := agreementtest.Record(func(rapid.TB) { f(&r) }); p != nil {
			return fmt.Errorf("panicked: %v", p)
		}
		if got := r.Errors(); len(got) != n || r.Stopped() != stopped {
			return fmt.Errorf("failures %q, stopped %v; want %d failures, stopped %v", got, r.Stopped(), n, stopped)
		}
		return nil
	}
}

// goldenRecorder is a testing.TB that records failures instead of
// reporting them. testing.TB cannot be implemented outside package
// testing, so it embeds a nil one, whose methods it never calls: it
// overrides every method CheckGolden uses. Its Fatal methods end the
// calling goroutine, so it is used through agreementtest.Record.
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
