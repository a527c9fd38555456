package scenariotest_test

import (
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestClassifyInstrumentsOverTime checks the edges of suspension with the
// agreement, of terms and of amendments: each classified by its cause, and
// the same moves with a cause that cannot set them off rejected.
func TestClassifyInstrumentsOverTime(t *testing.T) {
	clause := scenario.Instance{Ref: agreement.QualifiedRef("A", "C1")}
	agr := scenario.Instance{Ref: agreement.AgreementRef("A")}
	tr := func(i scenario.Instance, from, to agreement.State, k scenario.CauseKind) scenario.Transition {
		return scenario.Transition{Instance: i, From: from, To: to, Cause: scenario.Cause{Kind: k}}
	}
	for _, tc := range []struct {
		tr   scenario.Transition
		rule scenariotest.Rule // 0: not an edge
	}{
		{tr(clause, agreement.StateInEffect, agreement.StateSuspended, scenario.CauseAgreement), scenariotest.RuleAgreementSuspended},
		{tr(clause, agreement.StateSuspended, agreement.StateInEffect, scenario.CauseAgreement), scenariotest.RuleAgreementSuspended},
		{tr(clause, agreement.StatePending, agreement.StateSuspended, scenario.CauseAgreement), 0},
		{tr(clause, agreement.StateDormant, agreement.StateInEffect, scenario.CauseAgreement), scenariotest.RuleTrigger},
		{tr(clause, agreement.StateInEffect, agreement.StateDischarged, scenario.CauseTerm), scenariotest.RuleTerm},
		{tr(clause, agreement.StateInEffect, agreement.StateFulfilled, scenario.CauseTerm), scenariotest.RuleTerm},
		{tr(clause, agreement.StateInEffect, agreement.StateViolated, scenario.CauseTerm), scenariotest.RuleTerm},
		{tr(clause, agreement.StatePending, agreement.StateDischarged, scenario.CauseTerm), 0},
		{tr(clause, agreement.StateSuspended, agreement.StateDischarged, scenario.CauseTerm), 0},
		{tr(clause, agreement.StateInEffect, agreement.StateTerminated, scenario.CauseTerm), 0},
		{tr(clause, agreement.StateDormant, agreement.StateTerminated, scenario.CauseAmendment), scenariotest.RuleAmendment},
		{tr(clause, agreement.StatePending, agreement.StateTerminated, scenario.CauseAmendment), scenariotest.RuleAmendment},
		{tr(clause, agreement.StateInEffect, agreement.StateTerminated, scenario.CauseAmendment), scenariotest.RuleAmendment},
		{tr(clause, agreement.StateSuspended, agreement.StateTerminated, scenario.CauseAmendment), scenariotest.RuleAmendment},
		{tr(clause, agreement.StateSuspended, agreement.StateInEffect, scenario.CauseAmendment), scenariotest.RuleAmendment},
		{tr(clause, agreement.StateInEffect, agreement.StateSuspended, scenario.CauseAmendment), 0},
		{tr(clause, agreement.StateFulfilled, agreement.StateTerminated, scenario.CauseAmendment), 0},
		{tr(clause, agreement.StateInEffect, agreement.StateViolated, scenario.CauseDeadline), scenariotest.RuleDeadline},
		{tr(agr, agreement.StateInForce, agreement.StateTerminated, scenario.CauseTerm), scenariotest.RuleTerm},
		{tr(agr, agreement.StateSuspended, agreement.StateTerminated, scenario.CauseTerm), scenariotest.RuleTerm},
		{tr(agr, agreement.StateSigned, agreement.StateTerminated, scenario.CauseTerm), 0},
		{tr(agr, agreement.StateSigned, agreement.StateInForce, scenario.CauseTerm), 0},
		{tr(agr, agreement.StateInForce, agreement.StateTerminated, scenario.CauseAmendment), 0},
	} {
		e, ok := scenariotest.Classify(tc.tr)
		if ok != (tc.rule != 0) || ok && e.Rule != tc.rule {
			t.Errorf("Classify(%s %s -> %s, %s) = %s, %t; want rule %s", tc.tr.Instance, tc.tr.From, tc.tr.To,
				tc.tr.Cause.Kind, e, ok, tc.rule)
		}
	}
	// Each new rule's edges are edges of the lifecycle, and listed once.
	n := map[scenariotest.Rule]int{}
	for _, e := range scenariotest.Edges() {
		n[e.Rule]++
	}
	for rule, want := range map[scenariotest.Rule]int{scenariotest.RuleAgreementSuspended: 2, scenariotest.RuleTerm: 5,
		scenariotest.RuleAmendment: 5} {
		if n[rule] != want {
			t.Errorf("%d edges by rule %s, want %d", n[rule], rule, want)
		}
	}
	for _, r := range []scenariotest.Rule{scenariotest.RuleAgreementSuspended, scenariotest.RuleTerm, scenariotest.RuleAmendment} {
		if s := r.String(); s == "" || s[0] == 'R' {
			t.Errorf("rule %d is named %q", r, s)
		}
	}
}
