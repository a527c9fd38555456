package agreement_test

import (
	"slices"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// TestStateSets checks the state predicates against the lists the
// lifecycle documents, for every value a State can hold.
func TestStateSets(t *testing.T) {
	final := []agreement.State{agreement.StateFulfilled, agreement.StateViolated, agreement.StateDischarged,
		agreement.StateTerminated, agreement.StateLapsed}
	clause := []agreement.State{agreement.StateDormant, agreement.StatePending, agreement.StateInEffect,
		agreement.StateSuspended, agreement.StateFulfilled, agreement.StateViolated, agreement.StateDischarged,
		agreement.StateTerminated, agreement.StateLapsed}
	agr := []agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce,
		agreement.StateSuspended, agreement.StateTerminated}
	for v := range 256 {
		s := agreement.State(v)
		if got, want := s.IsFinal(), slices.Contains(final, s); got != want {
			t.Errorf("State(%d).IsFinal() = %v, want %v", v, got, want)
		}
		if got, want := s.IsClauseState(), slices.Contains(clause, s); got != want {
			t.Errorf("State(%d).IsClauseState() = %v, want %v", v, got, want)
		}
		if got, want := s.IsAgreementState(), slices.Contains(agr, s); got != want {
			t.Errorf("State(%d).IsAgreementState() = %v, want %v", v, got, want)
		}
	}
}
