package revision_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns an error or its documented zero result
// without panicking or stalling.
func TestNoPanic(t *testing.T) {
	nilNodes := agreement.Agreement{Clauses: []agreement.Clause{{ID: "A", Trigger: (*agreement.AllCondition)(nil),
		Antecedent: (*agreement.NotCondition)(nil), Fulfilment: agreement.Not(nil), Violation: agreement.AtLeast(-1, nil)}},
		EntryIntoForce: agreement.Any(nil, (*agreement.ClauseInCondition)(nil)),
		InForceAt:      agreement.Deadline{From: (*agreement.ClockCondition)(nil), Round: 99}}
	nilNodes.Clauses[0].Deadline = agreement.Deadline{From: agreement.Not(nil), Period: agreement.Period{Days: -1}}
	nilNodes.Clauses[0].Recurs = agreement.Recurrence{Round: 99, Within: agreement.Period{Months: -1}}
	nilNodes.Clauses[0].Term = agreement.Term{Notice: agreement.Period{Days: -1}, Renewals: -1}
	nilNodes.Clauses[0].DuringSuspension = 99
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"Change.FieldLabel": func() error { return agreementtest.Want(revision.Change{}.FieldLabel() == "", "\"\"") },
		"Change.String":     func() error { return agreementtest.Want(revision.Change{}.String() != "", "a description") },
		"Changes.Apply": func() error {
			if a, err := revision.Changes(nil).Apply(agreement.Agreement{}); err != nil || a.ID != "" {
				return fmt.Errorf("no changes: %v, %v; want the agreement unchanged", a.ID, err)
			}
			_, err := revision.Changes{{}}.Apply(agreement.Agreement{})
			return agreementtest.Want(errors.Is(err, revision.ErrNotApplicable), "ErrNotApplicable, got %v", err)
		},
		"Changes.MarshalJSON": func() error {
			for _, cs := range []revision.Changes{nil, {{}}, {{Op: revision.OpModified, Item: 99, Old: struct{}{}}},
				revision.Diff(agreement.Agreement{}, nilNodes)} {
				data, err := cs.MarshalJSON()
				if err != nil || !json.Valid(data) {
					return fmt.Errorf("MarshalJSON of %d changes: %s, %v; want valid JSON", len(cs), data, err)
				}
			}
			return nil
		},
		"Changes.WriteCSV": func() error {
			for _, cs := range []revision.Changes{nil, {{}}, {{Op: revision.OpModified, Item: 99, Old: struct{}{}}},
				revision.Diff(agreement.Agreement{}, nilNodes)} {
				var b bytes.Buffer
				if err := cs.WriteCSV(&b); err != nil {
					return err
				}
				if recs, err := csv.NewReader(&b).ReadAll(); err != nil || len(recs) != len(cs)+1 {
					return fmt.Errorf("WriteCSV of %d changes wrote %d records (%v); want a header and a record each",
						len(cs), len(recs), err)
				}
			}
			return nil
		},
		"Diff": func() error {
			if cs := revision.Diff(agreement.Agreement{}, agreement.Agreement{}); len(cs) != 0 {
				return fmt.Errorf("Diff of zero agreements: %v, want none", cs)
			}
			cs := revision.Diff(agreement.Agreement{}, nilNodes)
			b, err := cs.Apply(agreement.Agreement{})
			if err != nil {
				return err
			}
			return agreementtest.Want(len(revision.Diff(b, nilNodes)) == 0, "Apply(Diff(a, b)) equal to b")
		},
		"FormatList": func() error {
			return agreementtest.Want(revision.FormatList[int](nil, ", ", nil) == "none", "none")
		},
		"FormatValue": func() error {
			for _, v := range []any{nil, (*agreement.AllCondition)(nil), (*agreement.Pattern)(nil), agreement.Not(nil),
				agreement.Deadline{Round: 99, From: (*agreement.ClockCondition)(nil)}, agreement.Recurrence{Round: 99},
				agreement.Zone(""), agreement.Term{}, agreement.Term{Renewals: -1}, agreement.SuspensionRule(99)} {
				if revision.FormatValue(v) == "" {
					return fmt.Errorf("FormatValue(%#v) is empty", v)
				}
			}
			return nil
		},
		"Item.String": func() error { return agreementtest.Want(revision.Item(0).String() == "Item(0)", "Item(0)") },
		"Op.String":   func() error { return agreementtest.Want(revision.Op(0).String() == "Op(0)", "Op(0)") },
	}, time.Second)
}
