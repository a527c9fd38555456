package report_test

import (
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/agreement/revision"
)

// TestNoPanic calls every exported function with zero values and nil
// pointers: each returns an error or writes its documented output without
// panicking or stalling.
func TestNoPanic(t *testing.T) {
	nilNodes := agreement.Agreement{Clauses: []agreement.Clause{{Trigger: (*agreement.AllCondition)(nil),
		Antecedent: (*agreement.NotCondition)(nil), Fulfilment: agreement.Not(nil), Violation: agreement.AtLeast(-1, nil)}},
		EntryIntoForce: agreement.Any(nil, (*agreement.ClauseInCondition)(nil)),
		InForceAt:      agreement.Deadline{From: (*agreement.ClockCondition)(nil), Round: 99, Period: agreement.Period{Exact: -1}}}
	nilNodes.Clauses[0].Deadline = agreement.Deadline{From: agreement.All((*agreement.ClockCondition)(nil), agreement.From(time.Time{}))}
	nilNodes.Clauses[0].Expiry = agreement.Deadline{From: (*agreement.ClauseInCondition)(nil), Exclusive: true}
	nilNodes.Clauses[0].Recurs = agreement.Recurrence{On: &agreement.Pattern{}, Round: 99, Within: agreement.Period{Days: -1, Exact: -1}}
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"ChangesMarkdown": func() error {
			if err := report.ChangesMarkdown(nil, nil); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return report.ChangesMarkdown(io.Discard, revision.Changes{{}, {Op: revision.OpModified, Old: (*agreement.AllCondition)(nil)},
				{Op: revision.OpModified, Old: agreement.Deadline{Round: 99}, New: agreement.Recurrence{Round: 99}},
				{Op: revision.OpModified, Old: agreement.Zone(""), New: agreement.Zone("Nowhere/Special")}})
		},
		"DependencyMermaid": func() error {
			if err := report.DependencyMermaid(nil, agreement.Agreement{}); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return errors.Join(report.DependencyMermaid(io.Discard, agreement.Agreement{}),
				report.DependencyMermaid(io.Discard, nilNodes))
		},
		"Markdown": func() error {
			if err := report.Markdown(nil, agreement.Agreement{}); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("nil writer: %v, want ErrNoWriter", err)
			}
			return errors.Join(report.Markdown(io.Discard, agreement.Agreement{}), report.Markdown(io.Discard, nilNodes))
		},
	}, time.Second)
}
