package agreementtest

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"pgregory.net/rapid"
)

// Recorder is a [rapid.TB] that records failures instead of reporting
// them, for tests of assertions and other test helpers: run the helper
// through [Record] and check what it recorded. Like a *testing.T, its
// Fatal, Fatalf, FailNow, Skip, Skipf and SkipNow methods end the calling
// goroutine, which must be the one Record started; Log and Logf discard
// their arguments.
//
// The zero value is an empty Recorder, ready to use. Its methods are safe
// for concurrent use; they panic on a nil *Recorder.
type Recorder struct {
	mu      sync.Mutex
	errors  []string
	stopped bool
}

// Record runs f with a new [Recorder] in a goroutine of its own, waits for
// f to return or to end its goroutine (by Fatal, FailNow or Skip), and
// returns the Recorder and what f panicked with, nil if it did not.
// It panics if f is nil.
func Record(f func(rapid.TB)) (r *Recorder, panicked any) {
	if f == nil {
		panic("agreementtest: Record(nil)")
	}
	r = &Recorder{}
	done := make(chan any, 1)
	go func() {
		returned := false
		defer func() {
			if !returned {
				done <- recover()
			}
		}()
		f(r)
		returned = true
		done <- nil
	}()
	return r, <-done
}

// Errors returns a copy of the failures recorded so far, in order: the
// messages of Error and Errorf, Fatal and Fatalf, and "Fail" or "FailNow"
// for those.
func (r *Recorder) Errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errors)
}

// Stopped reports whether Fatal, Fatalf, FailNow, Skip, Skipf or SkipNow
// has ended the goroutine of the Recorder.
func (r *Recorder) Stopped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped
}

// Helper does nothing.
func (r *Recorder) Helper() {}

// Name returns "Recorder".
func (r *Recorder) Name() string { return "Recorder" }

// Log discards its arguments.
func (r *Recorder) Log(...any) {}

// Logf discards its arguments.
func (r *Recorder) Logf(string, ...any) {}

// Error records a failure, formatted as by [fmt.Sprint].
func (r *Recorder) Error(args ...any) { r.add(fmt.Sprint(args...), false) }

// Errorf records a failure, formatted as by [fmt.Sprintf].
func (r *Recorder) Errorf(format string, args ...any) { r.add(fmt.Sprintf(format, args...), false) }

// Fail records the failure "Fail".
func (r *Recorder) Fail() { r.add("Fail", false) }

// Fatal records a failure, formatted as by [fmt.Sprint], and ends the
// calling goroutine.
func (r *Recorder) Fatal(args ...any) { r.add(fmt.Sprint(args...), true) }

// Fatalf records a failure, formatted as by [fmt.Sprintf], and ends the
// calling goroutine.
func (r *Recorder) Fatalf(format string, args ...any) { r.add(fmt.Sprintf(format, args...), true) }

// FailNow records the failure "FailNow" and ends the calling goroutine.
func (r *Recorder) FailNow() { r.add("FailNow", true) }

// Skip ends the calling goroutine, recording no failure.
func (r *Recorder) Skip(...any) { r.skip() }

// Skipf ends the calling goroutine, recording no failure.
func (r *Recorder) Skipf(string, ...any) { r.skip() }

// SkipNow ends the calling goroutine, recording no failure.
func (r *Recorder) SkipNow() { r.skip() }

// Failed reports whether a failure has been recorded.
func (r *Recorder) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.errors) > 0
}

func (r *Recorder) add(msg string, stop bool) {
	r.mu.Lock()
	r.errors = append(r.errors, msg)
	r.stopped = r.stopped || stop
	r.mu.Unlock()
	if stop {
		runtime.Goexit()
	}
}

func (r *Recorder) skip() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	runtime.Goexit()
}

// CheckProperty runs prop under [rapid.Check] with a [Recorder] and
// returns nil if every run passed, else an error holding the recorded
// failures or what rapid.Check panicked with. It is for testing
// generators and properties from inside another test, as a call of
// [CheckCalls] does. It panics if prop is nil.
func CheckProperty(prop func(*rapid.T)) error {
	if prop == nil {
		panic("agreementtest: CheckProperty(nil)")
	}
	r, p := Record(func(tb rapid.TB) { rapid.Check(tb, prop) })
	if p != nil {
		return fmt.Errorf("panicked: %v", p)
	}
	if errs := r.Errors(); len(errs) > 0 {
		return fmt.Errorf("failed: %s", strings.Join(errs, "\n"))
	}
	return nil
}

// WantRecorded runs f through [Record] and returns nil if f recorded
// exactly n failures without panicking, else an error saying what it did.
// It panics if f is nil.
func WantRecorded(n int, f func(rapid.TB)) error {
	r, p := Record(f)
	if errs := r.Errors(); p != nil || len(errs) != n {
		return fmt.Errorf("panic %v, failures %q; want %d failures", p, errs, n)
	}
	return nil
}

// WantPanic calls f and returns nil if it panicked, else an error: for a
// test of a documented panic, such as that of a test helper given a nil
// t. It panics if f is nil.
func WantPanic(f func()) (err error) {
	if f == nil {
		panic("agreementtest: WantPanic(nil)")
	}
	defer func() {
		if recover() == nil {
			err = errors.New("no panic, want one")
		}
	}()
	f()
	return nil
}

// Want returns nil if ok, else the error "want " followed by format and
// args as formatted by [fmt.Errorf]: the result of a call of [CheckCalls]
// that checks one condition. It never panics.
func Want(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf("want "+format, args...)
}
