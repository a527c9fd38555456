package casebook_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestNoPanic calls every exported function and method with zero values
// and with a Version out of range: each returns its documented result (the
// zero Version and an invalid one both read as VersionFinal), without
// panicking and within a second.
func TestNoPanic(t *testing.T) {
	const bad = casebook.Version(255)
	agreementtest.CheckCalls(t, ".", map[string]func() error{
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
	}, time.Second)
}
