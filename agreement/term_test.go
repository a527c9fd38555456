package agreement_test

import (
	"errors"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

func TestValidateTermsValid(t *testing.T) {
	for _, tt := range []struct {
		name string
		a    agreement.Agreement
	}{
		{"period only", termAgreement(nil)},
		{"fixture", termFixture()},
		{"renewal without a limit", termAgreement(func(a *agreement.Agreement) {
			a.Term.Renewal = agreement.Period{Months: 6}
		})},
		{"exact periods", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{Period: agreement.Period{Exact: 90 * 24 * time.Hour}, Notice: agreement.Period{Exact: time.Hour}}
		})},
		{"clause term, notice aimed at it", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{}
			a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 120}}
			a.Clauses[1].Targets = []agreement.Ref{agreement.LocalRef("C1"), agreement.QualifiedRef("truce", "C1")}
		})},
		{"notice for one debtor", termAgreement(func(a *agreement.Agreement) {
			a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 120}}
			a.Clauses[1].Targets = append(a.Clauses[1].Targets, agreement.LocalRef("C1"))
			a.Clauses[1].TargetDebtor = "UA"
		})},
		{"rule defers", termAgreement(func(a *agreement.Agreement) { a.Clauses[0].DuringSuspension = agreement.SuspensionDefers })},
		{"term and deadline", termAgreement(func(a *agreement.Agreement) {
			a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Years: 1}}
			a.Clauses[0].Deadline = agreement.Deadline{Period: agreement.Period{Days: 30}}
		})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
}

func TestValidateTermProblems(t *testing.T) {
	term := func(tm agreement.Term) func(*agreement.Agreement) {
		return func(a *agreement.Agreement) { a.Term = tm }
	}
	clauseTerm := func(tm agreement.Term) func(*agreement.Agreement) {
		return func(a *agreement.Agreement) { a.Clauses[0].Term = tm }
	}
	year := agreement.Period{Years: 1}
	for _, tt := range []struct {
		name     string
		edit     func(*agreement.Agreement)
		sentinel error
		path     string
	}{
		{"renewal without period", term(agreement.Term{Renewal: year}), agreement.ErrMissing, "term.period"},
		{"notice without period", term(agreement.Term{Notice: agreement.Period{Months: 1}}), agreement.ErrMissing, "term.period"},
		{"renewals without period", term(agreement.Term{Renewals: 2}), agreement.ErrMissing, "term.period"},
		{"negative renewals", term(agreement.Term{Period: year, Renewal: year, Renewals: -1}), agreement.ErrNegative, "term.renewals"},
		{"renewals without renewal", term(agreement.Term{Period: year, Renewals: 2}), agreement.ErrInconsistent, "term.renewals"},
		{"negative period", term(agreement.Term{Period: agreement.Period{Days: -1}}), agreement.ErrNegative, "term.period.days"},
		{"renewal too long", term(agreement.Term{Period: year, Renewal: agreement.Period{Years: 1 << 20}}),
			agreement.ErrInvalidValue, "term.renewal.years"},
		{"negative notice", term(agreement.Term{Period: year, Notice: agreement.Period{Months: -6}}),
			agreement.ErrNegative, "term.notice.months"},
		{"negative exact notice", term(agreement.Term{Period: year, Notice: agreement.Period{Exact: -time.Hour}}),
			agreement.ErrNegative, "term.notice.exact"},
		{"clause renewal without period", clauseTerm(agreement.Term{Renewal: year}), agreement.ErrMissing, "clauses[0].term.period"},
		{"clause negative renewals", clauseTerm(agreement.Term{Period: year, Renewal: year, Renewals: -2}),
			agreement.ErrNegative, "clauses[0].term.renewals"},
		{"clause renewals without renewal", clauseTerm(agreement.Term{Period: year, Renewals: 1}),
			agreement.ErrInconsistent, "clauses[0].term.renewals"},
		// A renewal every microsecond would take a replay of one hour
		// billions of ends.
		{"renewal more often than hourly", term(agreement.Term{Period: year, Renewal: agreement.Period{Exact: time.Microsecond}}),
			agreement.ErrInvalidValue, "term.renewal"},
		{"clause renewal more often than hourly", clauseTerm(agreement.Term{Period: year, Renewal: agreement.Period{Exact: 59 * time.Minute}}),
			agreement.ErrInvalidValue, "clauses[0].term.renewal"},
		{"clause negative renewal", clauseTerm(agreement.Term{Period: year, Renewal: agreement.Period{Weeks: -1}}),
			agreement.ErrNegative, "clauses[0].term.renewal.weeks"},
		{"clause term and expiry", func(a *agreement.Agreement) {
			a.Clauses[0].Term = agreement.Term{Period: year}
			a.Clauses[0].Expiry = agreement.Deadline{After: time.Hour}
		}, agreement.ErrInconsistent, "clauses[0].term"},
		{"unknown rule", func(a *agreement.Agreement) { a.Clauses[0].DuringSuspension = 2 },
			agreement.ErrInvalidValue, "clauses[0].duringSuspension"},
		{"notice against an agreement without term", term(agreement.Term{}), agreement.ErrInconsistent, "clauses[1].targets[0]"},
		{"notice against a clause without term", func(a *agreement.Agreement) {
			a.Clauses[1].Targets = append(a.Clauses[1].Targets, agreement.LocalRef("C1"))
		}, agreement.ErrInconsistent, "clauses[1].targets[1]"},
		{"notice against a qualified clause without term", func(a *agreement.Agreement) {
			a.Clauses[1].Targets = []agreement.Ref{agreement.QualifiedRef("truce", "C1")}
		}, agreement.ErrInconsistent, "clauses[1].targets[0]"},
		{"notice power resumed", func(a *agreement.Agreement) {
			a.Clauses = append(a.Clauses, agreement.Clause{ID: "R", Kind: agreement.DeonticPower,
				Debtors: []agreement.PartyID{"RU"}, Effect: agreement.EffectResume})
			a.Clauses[1].ResumedBy = "R"
		}, agreement.ErrInconsistent, "clauses[1].resumedBy"},
		{"notice power without targets", func(a *agreement.Agreement) { a.Clauses[1].Targets = nil },
			agreement.ErrMissing, "clauses[1].targets"},
		{"notice against an unknown clause", func(a *agreement.Agreement) {
			a.Clauses[1].Targets = []agreement.Ref{agreement.LocalRef("C9")}
		}, agreement.ErrUnknownClause, "clauses[1].targets[0]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := termAgreement(tt.edit).Validate()
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
		})
	}
}

// TestValidateTermReportsOnce checks that a term's problems are not
// reported twice, and that an unknown target is not also reported as
// having no term.
func TestValidateTermReportsOnce(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*agreement.Agreement)
		want int
	}{
		{"negative period", func(a *agreement.Agreement) { a.Term.Period.Days = -3 }, 1},
		{"unknown target", func(a *agreement.Agreement) { a.Clauses[1].Targets = []agreement.Ref{agreement.LocalRef("C9")} }, 1},
		{"renewals alone", func(a *agreement.Agreement) { a.Term = agreement.Term{Renewals: 2} }, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := termAgreement(tt.edit).Validate()
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != tt.want {
				t.Errorf("Validate() = %v, want %d problems", err, tt.want)
			}
		})
	}
}

// TestProcessValidateNoticeAcross checks that a notice power resolves the
// terms of the other agreements of a process.
func TestProcessValidateNoticeAcross(t *testing.T) {
	other := agreement.Agreement{ID: "other", Parties: []agreement.Party{{ID: "UA"}},
		Clauses: []agreement.Clause{{ID: "X", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "k"}}}}
	aim := func(refs ...agreement.Ref) agreement.Agreement {
		return termAgreement(func(a *agreement.Agreement) { a.Clauses[1].Targets = refs })
	}
	p := agreement.Process{Agreements: []agreement.Agreement{aim(agreement.AgreementRef("other"), agreement.QualifiedRef("other", "X")), other}}
	err := p.Validate()
	for _, path := range []string{"agreements[0].clauses[1].targets[0]", "agreements[0].clauses[1].targets[1]"} {
		if !problemAt(err, agreement.ErrInconsistent, path) {
			t.Errorf("Validate() = %v, want ErrInconsistent at %s", err, path)
		}
	}
	p.Agreements[1].Term = agreement.Term{Period: agreement.Period{Years: 2}}
	p.Agreements[1].Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 30}}
	if err := p.Validate(); err != nil {
		t.Errorf("with terms: Validate() = %v, want nil", err)
	}
}

func TestLintTermZone(t *testing.T) {
	a := termAgreement(func(a *agreement.Agreement) {
		a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Exact: 72 * time.Hour},
			Notice: agreement.Period{Days: 1}}
		a.Clauses = append(a.Clauses, agreement.Clause{ID: "C2", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: "k"},
			Term: agreement.Term{Period: agreement.Period{Exact: 72 * time.Hour}}})
	})
	err := a.Lint()
	for _, path := range []string{"term", "clauses[0].term"} {
		if !problemAt(err, agreement.ErrNoZone, path) {
			t.Errorf("Lint() = %v, want ErrNoZone at %s", err, path)
		}
	}
	if problemAt(err, agreement.ErrNoZone, "clauses[2].term") {
		t.Errorf("Lint() = %v: a term in hours counts no local days", err)
	}
	a.Zone = "Europe/Kyiv"
	if err := a.Lint(); err != nil {
		t.Errorf("with a zone: Lint() = %v, want nil", err)
	}
}

func TestEventStringTerms(t *testing.T) {
	for _, tt := range []struct {
		ev   agreement.Event
		want string
	}{
		{agreement.Event{Kind: agreement.EventKindRenewal, Clause: agreement.AgreementRef("truce"),
			Period: agreement.Period{Days: 60}}, "renewal of truce/ for 60d"},
		{agreement.Event{Kind: agreement.EventKindRenewal, Actor: "UA", Clause: agreement.LocalRef("MISSION"),
			Period: agreement.Period{Years: 1, Months: 6}, ID: "r1"}, "renewal by UA of MISSION for 1y6mo [r1]"},
		{agreement.Event{Kind: agreement.EventKindNotice, Actor: "RU", Clause: agreement.AgreementRef("truce")},
			"notice by RU of truce/"},
	} {
		if got := tt.ev.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
