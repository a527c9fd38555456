package agreement_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// problemAt reports whether err lists a problem at path wrapping sentinel.
func problemAt(err error, sentinel error, path string) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p.Path == path && errors.Is(p, sentinel) {
			return true
		}
	}
	return false
}

// withClause returns seedCore with clause i replaced by edit's result.
func withClause(i int, edit func(*agreement.Clause)) agreement.Agreement {
	a := seedCore()
	a.Clauses = slices.Clone(a.Clauses)
	edit(&a.Clauses[i])
	return a
}

func TestValidateProblems(t *testing.T) {
	resume := agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"UA"}}
	suspend := agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"UA"},
		Targets: []agreement.Ref{agreement.LocalRef("MNF")}, ResumedBy: "R"}
	withClauses := func(cs ...agreement.Clause) agreement.Agreement {
		a := seedCore()
		a.Clauses = append(slices.Clone(a.Clauses), cs...)
		return a
	}
	tests := []struct {
		name     string
		a        agreement.Agreement
		sentinel error
		path     string
	}{
		{"missing id", func() agreement.Agreement { a := seedCore(); a.ID = ""; return a }(), agreement.ErrMissing, "id"},
		{"invalid id", func() agreement.Agreement { a := seedCore(); a.ID = "a b"; return a }(), agreement.ErrInvalidID, "id"},
		{"unknown stage", func() agreement.Agreement { a := seedCore(); a.Stage = "Nope"; return a }(), agreement.ErrInvalidValue, "stage"},
		{"sub-stage of another stage", func() agreement.Agreement { a := seedCore(); a.SubStage = agreement.SubStageCeas; return a }(),
			agreement.ErrInconsistent, "subStage"},
		{"unknown signing status", func() agreement.Agreement { a := seedCore(); a.SigningStatus = 42; return a }(),
			agreement.ErrInvalidValue, "signingStatus"},
		{"duplicate party", func() agreement.Agreement {
			a := seedCore()
			a.Parties = append(slices.Clone(a.Parties), agreement.Party{ID: "UA"})
			return a
		}(), agreement.ErrDuplicateID, "parties[6].id"},
		{"duplicate role", func() agreement.Agreement {
			a := seedCore()
			a.Parties = slices.Clone(a.Parties)
			a.Parties[0].Roles = []agreement.Role{agreement.RoleGuarantor, agreement.RoleGuarantor}
			return a
		}(), agreement.ErrDuplicateID, "parties[0].roles[1]"},
		{"unknown group member", func() agreement.Agreement {
			a := seedCore()
			a.Groups = []agreement.Group{{ID: "G", Members: []agreement.PartyID{"PL"}}}
			return a
		}(), agreement.ErrUnknownParty, "groups[0].members[0]"},
		{"unknown signatory party", func() agreement.Agreement {
			a := seedCore()
			a.Signatures = []agreement.Signature{{Party: "ZZ"}}
			return a
		}(), agreement.ErrUnknownParty, "signatures[0].party"},
		{"duplicate clause", withClause(1, func(c *agreement.Clause) { c.ID = "MON" }), agreement.ErrDuplicateID, "clauses[1].id"},
		{"missing kind", withClause(0, func(c *agreement.Clause) { c.Kind = 0 }), agreement.ErrMissing, "clauses[0].kind"},
		{"unknown kind", withClause(0, func(c *agreement.Clause) { c.Kind = 9 }), agreement.ErrInvalidValue, "clauses[0].kind"},
		{"no debtors", withClause(0, func(c *agreement.Clause) { c.Debtors = nil }), agreement.ErrMissing, "clauses[0].debtors"},
		{"unknown creditor", withClause(0, func(c *agreement.Clause) { c.Creditors = []agreement.PartyID{"QQ"} }),
			agreement.ErrUnknownParty, "clauses[0].creditors[0]"},
		{"joint with one debtor", withClause(0, func(c *agreement.Clause) { c.Joint = true }), agreement.ErrInconsistent, "clauses[0].joint"},
		{"negative quantity", withClause(1, func(c *agreement.Clause) {
			c.Quantities = []agreement.Range{{Min: exampleDecimal("-1"), Max: exampleDecimal("5")}}
		}), agreement.ErrNegative, "clauses[1].quantities[0].min"},
		{"range min above max", withClause(1, func(c *agreement.Clause) {
			c.Quantities = []agreement.Range{{Min: exampleDecimal("6"), Max: exampleDecimal("5")}}
		}), agreement.ErrInvalidValue, "clauses[1].quantities[0]"},
		{"negative deadline", withClause(0, func(c *agreement.Clause) { c.Deadline.After = -time.Hour }),
			agreement.ErrNegative, "clauses[0].deadline.after"},
		{"deadline after and at", withClause(0, func(c *agreement.Clause) {
			c.Deadline = agreement.Deadline{After: time.Hour, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		}), agreement.ErrInconsistent, "clauses[0].deadline"},
		{"obligation without action", withClause(0, func(c *agreement.Clause) { c.Action = nil }), agreement.ErrMissing, "clauses[0]"},
		{"prohibition with deadline", withClause(0, func(c *agreement.Clause) {
			c.Kind = agreement.DeonticProhibition
			c.Deadline.After = time.Hour
		}), agreement.ErrInconsistent, "clauses[0].deadline"},
		{"permission violated", withClause(0, func(c *agreement.Clause) {
			c.Kind = agreement.DeonticPermission
			c.Violation = agreement.Holds("ceasefire-in-force")
		}), agreement.ErrInconsistent, "clauses[0].violation"},
		{"effect on an obligation", withClause(0, func(c *agreement.Clause) { c.Effect = agreement.EffectTerminate }),
			agreement.ErrInconsistent, "clauses[0].effect"},
		{"power without effect", withClause(0, func(c *agreement.Clause) { c.Kind = agreement.DeonticPower }),
			agreement.ErrMissing, "clauses[0].effect"},
		{"terminate power without targets", withClause(0, func(c *agreement.Clause) {
			c.Kind, c.Effect = agreement.DeonticPower, agreement.EffectTerminate
		}), agreement.ErrMissing, "clauses[0].targets"},
		{"power targets itself", withClause(0, func(c *agreement.Clause) {
			c.Kind, c.Effect, c.Targets = agreement.DeonticPower, agreement.EffectDischarge, []agreement.Ref{agreement.LocalRef("MON")}
		}), agreement.ErrInconsistent, "clauses[0].targets[0]"},
		{"power targets unknown clause", withClause(0, func(c *agreement.Clause) {
			c.Kind, c.Effect, c.Targets = agreement.DeonticPower, agreement.EffectDischarge, []agreement.Ref{agreement.LocalRef("NOPE")}
		}), agreement.ErrUnknownClause, "clauses[0].targets[0]"},
		{"power targets other agreement", withClause(0, func(c *agreement.Clause) {
			c.Kind, c.Effect, c.Targets = agreement.DeonticPower, agreement.EffectTerminate, []agreement.Ref{agreement.AgreementRef("other")}
		}), agreement.ErrUnknownAgreement, "clauses[0].targets[0]"},
		{"suspend without resume", withClauses(func() agreement.Clause { s := suspend; s.ResumedBy = ""; return s }()),
			agreement.ErrMissing, "clauses[3].resumedBy"},
		{"suspend resumed by non-power", withClauses(func() agreement.Clause { s := suspend; s.ResumedBy = "MON"; return s }()),
			agreement.ErrInconsistent, "clauses[3].resumedBy"},
		{"resume paired with nothing", withClauses(resume), agreement.ErrInconsistent, "clauses[3].effect"},
		{"resume with targets", withClauses(suspend, func() agreement.Clause {
			r := resume
			r.Targets = []agreement.Ref{agreement.LocalRef("MON")}
			return r
		}()), agreement.ErrInconsistent, "clauses[4].targets"},
		{"power with violation", withClauses(func() agreement.Clause {
			s := suspend
			s.Violation = agreement.Holds("ceasefire-in-force")
			return s
		}(), resume), agreement.ErrInconsistent, "clauses[3].violation"},
		{"discharge an agreement", withClause(0, func(c *agreement.Clause) {
			c.Kind, c.Effect, c.Targets = agreement.DeonticPower, agreement.EffectDischarge, []agreement.Ref{agreement.AgreementRef("paris-joint-declaration")}
		}), agreement.ErrInconsistent, "clauses[0].targets[0]"},
		{"suspend own agreement, resume gated", withClauses(func() agreement.Clause {
			s := suspend
			s.Targets = []agreement.Ref{agreement.AgreementRef("paris-joint-declaration")}
			return s
		}(), resume), agreement.ErrInconsistent, "clauses[3].resumedBy"},
		{"nil node", withClause(0, func(c *agreement.Clause) {
			c.Trigger = (*agreement.HoldsCondition)(nil)
		}), agreement.ErrMissing, "clauses[0].trigger"},
		{"nil operand node", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.All(agreement.Holds("ceasefire-in-force"), (*agreement.AnyCondition)(nil))
		}), agreement.ErrMissing, "clauses[0].trigger.all[1]"},
		{"unknown fluent", withClause(1, func(c *agreement.Clause) { c.Trigger = agreement.Holds("peace") }),
			agreement.ErrUnknownFluent, "clauses[1].trigger.holds"},
		{"unknown group in pattern", withClause(0, func(c *agreement.Clause) {
			c.Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "EU"})
		}), agreement.ErrUnknownGroup, "clauses[0].violation.happened.group"},
		{"missing event kind", withClause(0, func(c *agreement.Clause) { c.Action = &agreement.Pattern{Actor: "US"} }),
			agreement.ErrMissing, "clauses[0].action.kind"},
		{"invalid event kind", withClause(0, func(c *agreement.Clause) { c.Action = &agreement.Pattern{Kind: "Bad Kind"} }),
			agreement.ErrInvalidID, "clauses[0].action.kind"},
		{"unknown clause in ClauseIn", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseIn(agreement.LocalRef("ZZ"), agreement.StateViolated)
		}), agreement.ErrUnknownClause, "clauses[0].trigger.clauseIn.clause"},
		{"ClauseIn of another agreement", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseIn(agreement.QualifiedRef("ceasefire-2026", "C1"), agreement.StateViolated)
		}), agreement.ErrUnknownAgreement, "clauses[0].trigger.clauseIn.clause"},
		{"ClauseIn with agreement state", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseIn(agreement.LocalRef("MNF"), agreement.StateInForce)
		}), agreement.ErrInvalidValue, "clauses[0].trigger.clauseIn.states[0]"},
		{"ClauseIn without states", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseIn(agreement.LocalRef("MNF"))
		}), agreement.ErrMissing, "clauses[0].trigger.clauseIn.states"},
		{"AgreementIn with clause state", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.AgreementIn("", agreement.StateViolated)
		}), agreement.ErrInvalidValue, "clauses[0].trigger.agreementIn.states[0]"},
		{"nil operand", withClause(0, func(c *agreement.Clause) { c.Trigger = agreement.All(nil) }),
			agreement.ErrMissing, "clauses[0].trigger.all[0]"},
		{"zero window", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.Not(agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, 0))
		}), agreement.ErrInvalidValue, "clauses[0].trigger.not.within.duration"},
		{"negative since", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.Since(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, -time.Hour)
		}), agreement.ErrNegative, "clauses[0].trigger.since.duration"},
		{"before with unknown party", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.Before(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}, agreement.Pattern{Kind: agreement.EventKindArmedAttack, Target: "ZZ"})
		}), agreement.ErrUnknownParty, "clauses[0].trigger.before.then.target"},
		{"at least too many", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.AtLeast(2, agreement.Holds("ceasefire-in-force"))
		}), agreement.ErrInvalidValue, "clauses[0].trigger.atLeast.k"},
		{"at least operand", withClause(0, func(c *agreement.Clause) {
			c.Trigger = agreement.AtLeast(1, agreement.Holds("ceasefire-in-force"), agreement.Holds("x"))
		}), agreement.ErrUnknownFluent, "clauses[0].trigger.atLeast.of[1].holds"},
		{"self dependency", withClause(1, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseIn(agreement.LocalRef("MNF"), agreement.StateViolated)
		}), agreement.ErrCycle, "clauses[1]"},
		{"two-clause cycle", withClause(1, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseIn(agreement.LocalRef("SUP"), agreement.StateInEffect)
		}), agreement.ErrCycle, "clauses[1]"},
		{"entry into force", func() agreement.Agreement {
			a := seedCore()
			a.EntryIntoForce = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "XX"})
			return a
		}(), agreement.ErrUnknownParty, "entryIntoForce.happened.actor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
		})
	}
}

func TestValidateCycleMessage(t *testing.T) {
	a := withClause(1, func(c *agreement.Clause) {
		c.Antecedent = agreement.ClauseIn(agreement.LocalRef("SUP"), agreement.StateInEffect)
	})
	err := a.Validate()
	want := `agreement: 1 problem: clauses[1]: dependency cycle MNF -> SUP -> MNF`
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v\nwant %s", err, want)
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	a := seedCore()
	a.Parties = append(slices.Clone(a.Parties), agreement.Party{ID: "FR"})
	a.Clauses = slices.Clone(a.Clauses)
	a.Clauses[0].Debtors = []agreement.PartyID{"XX"}
	a.Clauses[1].Quantities = []agreement.Range{{Min: exampleDecimal("-5"), Max: exampleDecimal("-1")}}
	err := a.Validate()
	for _, want := range []struct {
		sentinel error
		path     string
	}{
		{agreement.ErrDuplicateID, "parties[6].id"},
		{agreement.ErrUnknownParty, "clauses[0].debtors[0]"},
		{agreement.ErrNegative, "clauses[1].quantities[0].min"},
		{agreement.ErrNegative, "clauses[1].quantities[0].max"},
	} {
		if !problemAt(err, want.sentinel, want.path) {
			t.Errorf("missing problem %v at %q in\n%v", want.sentinel, want.path, err)
		}
	}
	if n := strings.Count(err.Error(), "\n"); n != 4 {
		t.Errorf("want 4 problem lines, got %d:\n%v", n, err)
	}
}

// process returns two linked instruments: a ceasefire, and a declaration
// whose guarantee waits for the ceasefire's first clause to be in effect.
func process() agreement.Process {
	cf := agreement.Agreement{
		ID:      "ceasefire-2026",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{
			ID: "C1", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
			Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack},
		}},
	}
	decl := seedCore()
	decl.Clauses = slices.Clone(decl.Clauses)
	decl.Clauses[1].Trigger = agreement.ClauseIn(agreement.QualifiedRef("ceasefire-2026", "C1"), agreement.StateInEffect)
	return agreement.Process{Title: "Paris 2026", Agreements: []agreement.Agreement{cf, decl}}
}

func TestProcessValidate(t *testing.T) {
	p := process()
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	// On its own, the declaration cannot resolve the ceasefire's clause.
	if err := p.Agreements[1].Validate(); !problemAt(err, agreement.ErrUnknownAgreement, "clauses[1].trigger.clauseIn.clause") {
		t.Errorf("standalone Validate() = %v, want ErrUnknownAgreement", err)
	}

	bad := process()
	bad.Agreements = slices.Clone(bad.Agreements)
	bad.Agreements[0].Clauses = slices.Clone(bad.Agreements[0].Clauses)
	bad.Agreements[0].Clauses[0].Trigger = agreement.ClauseIn(agreement.QualifiedRef("paris-joint-declaration", "MNF"), agreement.StateInEffect)
	err := bad.Validate()
	const want = "agreements[0].clauses[0]: dependency cycle ceasefire-2026/C1 -> paris-joint-declaration/MNF -> ceasefire-2026/C1"
	if !problemAt(err, agreement.ErrCycle, "agreements[0].clauses[0]") || !strings.Contains(err.Error(), want) {
		t.Errorf("Validate() = %v\nwant %s", err, want)
	}

	dup := process()
	dup.Agreements = append(slices.Clone(dup.Agreements), dup.Agreements[1])
	dup.Agreements[2].Clauses = slices.Clone(dup.Agreements[2].Clauses)
	dup.Agreements[2].Clauses[0].ID = "MON2"
	dup.Agreements[2].Clauses[2].Trigger = agreement.ClauseIn(agreement.LocalRef("MON2"), agreement.StateInEffect)
	err = dup.Validate()
	if !problemAt(err, agreement.ErrDuplicateID, "agreements[2].id") {
		t.Errorf("Validate() = %v, want duplicate agreement id", err)
	}
	// The duplicate's own references resolve against its own clauses.
	if n := len(err.(*agreement.ValidationError).Problems); n != 1 {
		t.Errorf("Validate() = %v, want only the duplicate id", err)
	}
}

func TestParseDuration(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30d", 30 * agreement.Day, true},
		{"72h", 72 * time.Hour, true},
		{"1h30m", 90 * time.Minute, true},
		{"d", 0, false},
		{"1.5d", 0, false},
		{"99999999999999d", 0, false},
		{"soon", 0, false},
	} {
		got, err := agreement.ParseDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok {
			if back, _ := agreement.ParseDuration(agreement.FormatDuration(got)); back != got {
				t.Errorf("round trip of %v via %q gave %v", got, agreement.FormatDuration(got), back)
			}
		}
	}
}

func TestPatternMatches(t *testing.T) {
	nato := func(g agreement.GroupID, p agreement.PartyID) bool {
		return g == "NATO" && (p == "FR" || p == "GB")
	}
	attack := agreement.Event{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Attribution: agreement.AttributionConfirmed,
		Clause: agreement.LocalRef("C1")}
	deploy := agreement.Event{Kind: agreement.EventKindForcesDeployed, Actor: "FR", Target: "UA"}
	for _, tt := range []struct {
		p    agreement.Pattern
		e    agreement.Event
		want bool
	}{
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack}, attack, true},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}, attack, true},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "UA"}, attack, false},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Attribution: agreement.AttributionAlleged}, attack, false},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Attribution: agreement.AttributionConfirmed}, attack, true},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Clause: agreement.QualifiedRef("home", "C1")}, attack, true},
		{agreement.Pattern{Kind: agreement.EventKindArmedAttack, Clause: agreement.QualifiedRef("other", "C1")}, attack, false},
		{agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO"}, deploy, true},
		{agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO"}, attack, false},
		{agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Reporter: "US"}, deploy, false},
		{agreement.Pattern{}, attack, false},
	} {
		if got := tt.p.Matches(tt.e, "home", nato); got != tt.want {
			t.Errorf("%v.Matches(%v) = %v, want %v", tt.p, tt.e.Kind, got, tt.want)
		}
	}
}
