package pax_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
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
		"Children":            func() error { return agreementtest.Want(pax.Children("") == nil, "nil") },
		"Code.Category":       func() error { return agreementtest.Want(pax.Code("").Category() == "", `""`) },
		"CodeOf": func() error {
			c, ok := pax.CodeOf("")
			return agreementtest.Want(c == "" && !ok, `"", false`)
		},
		"Codes":     func() error { return agreementtest.Want(len(pax.Codes()) == 251, "251 codes") },
		"Columns":   func() error { return agreementtest.Want(len(pax.Columns()) == 38, "38 columns") },
		"Headings":  func() error { return agreementtest.Want(len(pax.Headings()) > 0, "headings") },
		"IsCode":    func() error { return agreementtest.Want(!pax.IsCode(""), "false") },
		"IsHeading": func() error { return agreementtest.Want(!pax.IsHeading(""), "false") },
		"Label":     func() error { return agreementtest.Want(pax.Label("") == "", `""`) },
		"Layout.Columns": func() error {
			return agreementtest.Want(pax.Layout(0).Columns() != nil && pax.Layout(9).Columns() == nil, "columns, then nil")
		},
		"Layout.String": func() error { return agreementtest.Want(pax.Layout(9).String() == "Layout(9)", "Layout(9)") },
		"Level.Valid":   func() error { return agreementtest.Want(pax.Level(0).Valid(), "true") },
		"LintCategories": func() error {
			return agreementtest.Want(pax.LintCategories(agreement.Agreement{}) == nil, "nil")
		},
		"CategoryFinding.String": func() error {
			return agreementtest.Want(pax.CategoryFinding{}.String() != "", "a message")
		},
		"Nearest":         func() error { return agreementtest.Want(pax.Nearest("") == "", `""`) },
		"Parent":          func() error { return agreementtest.Want(pax.Parent("") == "", `""`) },
		"ProvisionClause": func() error { return agreementtest.Want(pax.ProvisionClause("", 0).ID == "pax-", "id pax-") },
		"ProvisionSet.All": func() error {
			for range (pax.ProvisionSet{}).All() {
				return errors.New("the zero set yielded a provision")
			}
			return nil
		},
		"ProvisionSet.Equal": func() error { return agreementtest.Want(pax.ProvisionSet{}.Equal(pax.ProvisionSet{}), "true") },
		"ProvisionSet.Len":   func() error { return agreementtest.Want(pax.ProvisionSet{}.Len() == 0, "0") },
		"ProvisionSet.Level": func() error { return agreementtest.Want(pax.ProvisionSet{}.Level("") == 0, "0") },
		"ProvisionSet.With": func() error {
			_, ok := pax.ProvisionSet{}.With("", 0)
			return agreementtest.Want(!ok, "false")
		},
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
