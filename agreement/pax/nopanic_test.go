package pax_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/pax"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns an error or its documented zero result
// without panicking or stalling.
func TestNoPanic(t *testing.T) {
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"AgreementType.Label": func() error { return agreementtest.Want(pax.AgreementType("").Label() == "", "\"\"") },
		"AgreementType.Valid": func() error { return agreementtest.Want(pax.AgreementType("").Valid(), "true") },
		"Columns":             func() error { return agreementtest.Want(len(pax.Columns()) == 38, "38 columns") },
		"HeaderError.Error": func() error {
			return agreementtest.Want((&pax.HeaderError{}).Error() != "" && (*pax.HeaderError)(nil).Error() != "", "a message")
		},
		"HeaderError.Unwrap": func() error {
			return agreementtest.Want(errors.Is((*pax.HeaderError)(nil).Unwrap(), pax.ErrHeader), "ErrHeader")
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
		"Record.Agreement": func() error { return agreementtest.Want(pax.Record{}.Agreement().ID == "pax-0", "id pax-0") },
		"Record.ID":        func() error { return agreementtest.Want(pax.Record{}.ID() == "pax-0", "pax-0") },
		"RowError.Error": func() error {
			return agreementtest.Want((&pax.RowError{}).Error() != "" && (*pax.RowError)(nil).Error() != "", "a message")
		},
		"RowError.Unwrap": func() error { return agreementtest.Want((*pax.RowError)(nil).Unwrap() == nil, "nil") },
		"StopOnError":     func() error { return agreementtest.Want(pax.StopOnError() != nil, "an option") },
	}, time.Second)
}
