package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// termFixture is the agreement of package agreement's golden file of
// terms: the agreement's term, clauses with terms of their own, a rule for
// acts during a suspension and a notice power.
func termFixture(t *testing.T) agreement.Agreement {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "term.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.DecodeAgreement(data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// termEdit returns an earlier version of termFixture: no terms, the
// default rule for acts during a suspension, and no notice power.
func termEdit(a agreement.Agreement) agreement.Agreement {
	a = a.Clone()
	a.Term = agreement.Term{}
	for i := range a.Clauses {
		a.Clauses[i].Term = agreement.Term{}
		a.Clauses[i].DuringSuspension = agreement.SuspensionExcuses
	}
	a.Clauses = a.Clauses[:len(a.Clauses)-1]
	return a
}

func TestRenderTermGolden(t *testing.T) {
	a := termFixture(t)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"term.md", renderTo(t, md(a))},
		{"term-dependencies.mmd", renderTo(t, deps(a))},
		{"term-changes.md", renderTo(t, changesMD(revision.Diff(termEdit(a), a)))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			agreementtest.CheckGolden(t, filepath.Join("testdata", tt.name), tt.data, *update)
		})
	}
}

// TestMarkdownTerms checks the words the terms and the rule are written
// in, and that the default rule and the zero term are not written.
func TestMarkdownTerms(t *testing.T) {
	a := termFixture(t)
	got := string(renderTo(t, md(a)))
	for _, w := range []string{
		"| Term | 5y, renewed for 5y at most 2 times unless notice 6mo before the end |",
		"term: 120d, renewed for 120d at most 2 times",
		"during a suspension: acts are judged at resumption (defers)",
		"term: 1y, renewed for 1y unless notice 1mo12h before the end",
		"power (notice)",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("Markdown lacks %q:\n%s", w, got)
		}
	}
	plain := string(renderTo(t, md(termEdit(a))))
	for _, n := range []string{"| Term |", "term:", "during a suspension"} {
		if strings.Contains(plain, n) {
			t.Errorf("Markdown of an agreement without terms has %q:\n%s", n, plain)
		}
	}
}
