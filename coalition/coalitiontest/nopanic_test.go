package coalitiontest_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
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
	agreementtest.CheckCalls(t, ".", map[string]func() error{
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
			if r, p := agreementtest.Record(func(tb rapid.TB) { coalitiontest.AssertValid(tb, coalition.Coalition{}) }); p != nil || len(r.Errors()) != 1 || r.Stopped() {
				return fmt.Errorf("zero coalition: panic %v, errors %q, fatal %v; want one error", p, r.Errors(), r.Stopped())
			}
			if r, p := agreementtest.Record(func(tb rapid.TB) { coalitiontest.AssertValid(tb, casebook.Paris2026Coalition(0)) }); p != nil || r.Failed() {
				return fmt.Errorf("valid coalition: panic %v, errors %q", p, r.Errors())
			}
			return agreementtest.WantPanic(func() { coalitiontest.AssertValid(nil, coalition.Coalition{}) })
		},
		"DefaultConfig": func() error {
			if coalitiontest.DefaultConfig() == (coalitiontest.Config{}) {
				return errors.New("DefaultConfig() is the zero Config")
			}
			return nil
		},
		"Coalition": func() error {
			for _, cfg := range []coalitiontest.Config{{}, negative} {
				if err := agreementtest.CheckProperty(func(t *rapid.T) {
					coalitiontest.AssertValid(t, coalitiontest.Coalition(cfg).Draw(t, "coalition"))
				}); err != nil {
					return fmt.Errorf("Config %+v: %v", cfg, err)
				}
			}
			return nil
		},
		"Range": func() error {
			for _, units := range [][]agreement.Unit{nil, {}, {""}} {
				if err := agreementtest.CheckProperty(func(t *rapid.T) {
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
	}, time.Second)
}
