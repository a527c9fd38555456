package scenario_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// TestTraceClause checks that Trace.Clause gives each clause's text as it
// stood at an instant: the original text before an amendment, the amended
// text after it, nothing for a clause the amendment removed (after it) or
// added (before it), and a copy the caller may change.
func TestTraceClause(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	amendAt := start.Add(10 * 24 * time.Hour)
	a := termTruce()
	a.Clauses[0].Text = "The mission patrols and reports."
	amended := a.Clone()
	amended.Clauses[0].Text = "=HYPERLINK(\"http://example.com\")"
	amended.Clauses = append(amended.Clauses[:1:1], agreement.Clause{ID: "TALKS", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: "talks-opened"}})
	e := mustCompile(t, a)
	tl := scenario.NewTimeline(start).WithAmendments(agreement.Amendment{At: amendAt, Label: "text", Text: amended})
	tr, err := e.Replay(tl, start.Add(20*24*time.Hour))
	if err != nil {
		t.Fatalf("%+v", err)
	}
	ref := func(id agreement.ClauseID) agreement.Ref { return agreement.QualifiedRef("truce", id) }
	before, after := start.Add(time.Hour), amendAt.Add(time.Hour)
	for _, tt := range []struct {
		name string
		r    agreement.Ref
		at   time.Time
		text string
		ok   bool
	}{
		{"original text", ref("MISSION"), before, "The mission patrols and reports.", true},
		{"amended text", ref("MISSION"), after, "=HYPERLINK(\"http://example.com\")", true},
		{"at the amendment", ref("MISSION"), amendAt, "=HYPERLINK(\"http://example.com\")", true},
		{"removed, before", ref("WITHDRAW"), before, "", true},
		{"removed, after", ref("WITHDRAW"), after, "", false},
		{"added, before", ref("TALKS"), before, "", false},
		{"added, after", ref("TALKS"), after, "", true},
		{"unqualified", agreement.LocalRef("MISSION"), before, "", false},
		{"agreement", agreement.AgreementRef("truce"), before, "", false},
		{"unknown", ref("NONE"), before, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := tr.Clause(tt.r, tt.at)
			if ok != tt.ok || c.Text != tt.text {
				t.Fatalf("Clause(%v, %v) = %q, %v; want %q, %v", tt.r, tt.at, c.Text, ok, tt.text, tt.ok)
			}
			if ok && c.ID != tt.r.Clause {
				t.Fatalf("Clause(%v) has id %q", tt.r, c.ID)
			}
		})
	}
	c, _ := tr.Clause(ref("MISSION"), before)
	c.Debtors[0] = "XX"
	if again, _ := tr.Clause(ref("MISSION"), before); again.Debtors[0] != "OSCE" {
		t.Fatalf("changing a returned clause changed the trace's: %v", again.Debtors)
	}
}
