package scenario_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
)

// renderInstrumentsTrace replays an arrangement with a ten-day term renewed
// for ten days unless notice, a handover due five days after the start,
// extended by an amendment on its due day, a reporting duty the amendment
// removes, and a notice on day 12 that ends the term at day 20.
func renderInstrumentsTrace(t *testing.T) *scenario.Trace {
	t.Helper()
	a := docAgreement(
		agreement.Clause{ID: "H", Kind: agreement.DeonticObligation, Debtors: docUA,
			Action: &agreement.Pattern{Kind: "handover"}, Deadline: agreement.Deadline{Period: agreement.Period{Days: 5}}},
		agreement.Clause{ID: "REP", Kind: agreement.DeonticObligation, Debtors: docUA,
			Action: &agreement.Pattern{Kind: "report"}})
	a.Term = agreement.Term{Period: agreement.Period{Days: 10}, Renewal: agreement.Period{Days: 10},
		Notice: agreement.Period{Days: 3}}
	amended := a.Clone()
	amended.Clauses = amended.Clauses[:1]
	amended.Clauses[0].Deadline.Period.Days = 15
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	tl := scenario.NewTimeline(docDay0,
		agreement.Event{At: docDay(9), Kind: "handover", Actor: "UA"},
		agreement.Event{At: docDay(12), Kind: agreement.EventKindNotice, Actor: "UA"},
	).WithAmendments(agreement.Amendment{At: docDay(5), Label: "handover extended", Text: amended})
	tr, err := e.Replay(tl, docDay(25))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestTraceRenderInstrumentsGolden(t *testing.T) {
	tr := renderInstrumentsTrace(t)
	x, err := tr.Explain(scenario.Instance{Ref: agreement.LocalRef("H")}, docDay(7))
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{
		"instruments-trace.md":    renderTrace(t, tr.Markdown),
		"instruments-trace.mmd":   renderTrace(t, tr.Mermaid),
		"instruments-explain.txt": []byte(x.String()),
	} {
		t.Run(name, func(t *testing.T) {
			agreementtest.CheckGolden(t, filepath.Join("testdata", "render", name), out, *update)
		})
	}
	md := string(renderTrace(t, tr.Markdown))
	for _, want := range []string{
		"| 1 | 2026-01-06T00:00:00Z | A | handover extended |",
		"amended by version 1 (handover extended)",
		"renewed until 2026-01-21T00:00:00Z",
		"term ended on notice",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if !strings.Contains(x.String(), "under version 1 (handover extended)") {
		t.Errorf("explanation does not name the version:\n%s", x)
	}
}
