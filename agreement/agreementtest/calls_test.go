package agreementtest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

const apiDir = "testdata/apipkg"

func TestExportedAPI(t *testing.T) {
	got, err := agreementtest.ExportedAPI(apiDir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Fails", "Fine", "G.Get", "Missing", "Panics", "Slow", "T.Pointer", "T.Value"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ExportedAPI(%q) mismatch (-want +got):\n%s", apiDir, diff)
	}
	if _, err := agreementtest.ExportedAPI("testdata/none"); err == nil {
		t.Error("ExportedAPI of a missing directory: nil error")
	}
}

func TestCheckCalls(t *testing.T) {
	const limit = 50 * time.Millisecond
	release := make(chan struct{})
	defer close(release)
	calls := map[string]func() error{
		"Fine":      func() error { return nil },
		"Panics":    func() error { panic("apipkg") },
		"Slow":      func() error { <-release; return nil },
		"Fails":     func() error { return errors.New("wrong result") },
		"T.Value":   func() error { return nil },
		"T.Pointer": func() error { return nil },
		"G.Get":     func() error { return nil },
		"Extra":     func() error { return nil },
	}
	r, p := agreementtest.Record(func(tb rapid.TB) { agreementtest.CheckCalls(tb, apiDir, calls, limit) })
	if p != nil {
		t.Fatalf("CheckCalls panicked: %v", p)
	}
	got := r.Errors()
	wantPrefixes := []string{
		"exported Missing is not called by this test",
		"the table calls Extra, which is not exported",
		"Fails: wrong result",
		"Panics: panicked: apipkg",
		"Slow: took over 50ms",
	}
	if len(got) != len(wantPrefixes) || r.Stopped() {
		t.Fatalf("CheckCalls recorded %q (stopped %v), want %d failures", got, r.Stopped(), len(wantPrefixes))
	}
	for i, prefix := range wantPrefixes {
		if !strings.HasPrefix(got[i], prefix) {
			t.Errorf("failure %d = %q, want it to start with %q", i, got[i], prefix)
		}
	}

	// Every entry right: nothing recorded.
	delete(calls, "Extra")
	calls["Missing"] = calls["Fine"]
	calls["Panics"], calls["Slow"], calls["Fails"] = calls["Fine"], calls["Fine"], calls["Fine"]
	if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { agreementtest.CheckCalls(tb, apiDir, calls, limit) }); err != nil {
		t.Errorf("a complete, passing table: %v", err)
	}

	r, p = agreementtest.Record(func(tb rapid.TB) { agreementtest.CheckCalls(tb, "testdata/none", nil, limit) })
	if p != nil || !r.Stopped() || len(r.Errors()) != 1 {
		t.Errorf("a missing directory: panic %v, failures %q, stopped %v; want one fatal failure", p, r.Errors(), r.Stopped())
	}
	if err := agreementtest.WantPanic(func() { agreementtest.CheckCalls(t, apiDir, calls, 0) }); err != nil {
		t.Errorf("limit 0: %v", err)
	}
}

func TestRecorder(t *testing.T) {
	for _, tc := range []struct {
		name    string
		f       func(rapid.TB)
		errors  []string
		stopped bool
	}{
		{"nothing", func(tb rapid.TB) { tb.Log("x"); tb.Logf("%d", 1); tb.Helper() }, nil, false},
		{"errors", func(tb rapid.TB) { tb.Error("a", 1); tb.Errorf("b%d", 2); tb.Fail() }, []string{"a1", "b2", "Fail"}, false},
		{"fatal", func(tb rapid.TB) { tb.Fatal("a"); tb.Error("after") }, []string{"a"}, true},
		{"fatalf", func(tb rapid.TB) { tb.Fatalf("a%d", 1); tb.Error("after") }, []string{"a1"}, true},
		{"failnow", func(tb rapid.TB) { tb.FailNow(); tb.Error("after") }, []string{"FailNow"}, true},
		{"skip", func(tb rapid.TB) { tb.Skip("x"); tb.Error("after") }, nil, true},
		{"skipf", func(tb rapid.TB) { tb.Skipf("x"); tb.Error("after") }, nil, true},
		{"skipnow", func(tb rapid.TB) { tb.SkipNow(); tb.Error("after") }, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, p := agreementtest.Record(tc.f)
			if p != nil {
				t.Fatalf("panicked: %v", p)
			}
			if diff := cmp.Diff(tc.errors, r.Errors()); diff != "" {
				t.Errorf("Errors() mismatch (-want +got):\n%s", diff)
			}
			if r.Stopped() != tc.stopped || r.Failed() != (len(tc.errors) > 0) {
				t.Errorf("Stopped(), Failed() = %v, %v; want %v, %v", r.Stopped(), r.Failed(), tc.stopped, len(tc.errors) > 0)
			}
		})
	}
	if _, p := agreementtest.Record(func(rapid.TB) { panic("boom") }); p != "boom" {
		t.Errorf("Record of a panicking f returned %v, want boom", p)
	}
	var zero agreementtest.Recorder
	if zero.Failed() || zero.Stopped() || zero.Errors() != nil || zero.Name() == "" {
		t.Error("the zero Recorder is not empty")
	}
}

func TestCheckProperty(t *testing.T) {
	if err := agreementtest.CheckProperty(func(*rapid.T) {}); err != nil {
		t.Errorf("a passing property: %v", err)
	}
	err := agreementtest.CheckProperty(func(t *rapid.T) {
		if rapid.Int().Draw(t, "n") >= 0 {
			t.Fatal("non-negative")
		}
	})
	if err == nil || !strings.Contains(err.Error(), "non-negative") {
		t.Errorf("a failing property: %v, want its failure", err)
	}
}

func TestWant(t *testing.T) {
	if err := agreementtest.Want(true, "x"); err != nil {
		t.Errorf("Want(true) = %v", err)
	}
	if err := agreementtest.Want(false, "%d", 1); err == nil || err.Error() != "want 1" {
		t.Errorf("Want(false, %%d, 1) = %v, want \"want 1\"", err)
	}
	if err := agreementtest.WantPanic(func() {}); err == nil {
		t.Error("WantPanic(no panic) = nil")
	}
	if err := agreementtest.WantRecorded(1, func(tb rapid.TB) { tb.Error("x") }); err != nil {
		t.Errorf("WantRecorded(1, one failure) = %v", err)
	}
	if err := agreementtest.WantRecorded(0, func(tb rapid.TB) { tb.Error("x") }); err == nil {
		t.Error("WantRecorded(0, one failure) = nil")
	}
}
