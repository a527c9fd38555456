package scenario_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// termTruce is an agreement with a term, a mission clause with a term of
// its own and a clause without one.
func termTruce() agreement.Agreement {
	return agreement.Agreement{
		ID:      "truce",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "OSCE"}},
		Clauses: []agreement.Clause{
			{ID: "MISSION", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"OSCE"},
				Action: &agreement.Pattern{Kind: "patrol-report"},
				Term:   agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120}}},
			{ID: "WITHDRAW", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}},
		},
		Term: agreement.Term{Period: agreement.Period{Years: 1}, Notice: agreement.Period{Months: 1}},
	}
}

// accord is a second agreement, without a term, reading the truce.
func accord() agreement.Agreement {
	return agreement.Agreement{
		ID:      "accord",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "TALKS", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action:  &agreement.Pattern{Kind: "talks-opened"},
			Trigger: agreement.ClauseIn(agreement.QualifiedRef("truce", "WITHDRAW"), agreement.StateFulfilled)}},
	}
}

func mustCompileProcess(t *testing.T, as ...agreement.Agreement) *scenario.Engine {
	t.Helper()
	e, err := scenario.CompileProcess(agreement.Process{Agreements: as})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestTimelineValidateTermEvents(t *testing.T) {
	one := mustCompile(t, termTruce())
	untermed := termTruce()
	untermed.Term = agreement.Term{}
	none := mustCompile(t, untermed)
	two := mustCompileProcess(t, termTruce(), accord())
	days := func(n int) agreement.Period { return agreement.Period{Days: n} }
	truce := agreement.AgreementRef("truce")
	for _, tt := range []struct {
		name     string
		e        *scenario.Engine
		ev       agreement.Event
		sentinel error  // nil: valid
		path     string // of the problem, under events[0]
	}{
		{"renewal of the agreement", one, agreement.Event{Kind: agreement.EventKindRenewal, Clause: truce, Period: days(60)}, nil, ""},
		{"renewal of a clause", one, agreement.Event{Kind: agreement.EventKindRenewal, Clause: agreement.LocalRef("MISSION"),
			Period: agreement.Period{Months: 6}}, nil, ""},
		{"notice naming none", one, agreement.Event{Kind: agreement.EventKindNotice, Actor: "RU"}, nil, ""},
		{"notice of a qualified clause", two, agreement.Event{Kind: agreement.EventKindNotice,
			Clause: agreement.QualifiedRef("truce", "MISSION")}, nil, ""},
		{"period on another kind", one, agreement.Event{Kind: agreement.EventKindPerformance, Actor: "RU",
			Clause: agreement.LocalRef("WITHDRAW"), Period: days(1)}, agreement.ErrInconsistent, "period"},
		{"period on a notice", one, agreement.Event{Kind: agreement.EventKindNotice, Clause: truce, Period: days(1)},
			agreement.ErrInconsistent, "period"},
		{"renewal without period", one, agreement.Event{Kind: agreement.EventKindRenewal, Clause: truce},
			agreement.ErrMissing, "period"},
		{"negative period", one, agreement.Event{Kind: agreement.EventKindRenewal, Clause: truce, Period: days(-60)},
			agreement.ErrNegative, "period.days"},
		{"period beyond range", one, agreement.Event{Kind: agreement.EventKindRenewal, Clause: truce,
			Period: agreement.Period{Months: 1 << 20}}, agreement.ErrInvalidValue, "period.months"},
		{"notice of a clause without term", one, agreement.Event{Kind: agreement.EventKindNotice,
			Clause: agreement.LocalRef("WITHDRAW")}, agreement.ErrInconsistent, "clause"},
		{"renewal of an agreement without term", two, agreement.Event{Kind: agreement.EventKindRenewal,
			Clause: agreement.AgreementRef("accord"), Period: days(30)}, agreement.ErrInconsistent, "clause"},
		{"notice naming none, agreement without term", none, agreement.Event{Kind: agreement.EventKindNotice},
			agreement.ErrInconsistent, "clause"},
		{"notice naming none, two agreements", two, agreement.Event{Kind: agreement.EventKindNotice},
			agreement.ErrInconsistent, "clause"},
		{"notice of an unknown clause", one, agreement.Event{Kind: agreement.EventKindNotice,
			Clause: agreement.LocalRef("GHOST")}, agreement.ErrUnknownClause, "clause"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev
			ev.At = h(1)
			err := scenario.NewTimeline(t0, ev).Validate(tt.e)
			r, serr := tt.e.Start(t0)
			if serr != nil {
				t.Fatal(serr)
			}
			aerr := r.Apply(ev)
			if tt.sentinel == nil {
				if err != nil || aerr != nil {
					t.Errorf("Validate() = %v, Apply() = %v; want nil", err, aerr)
				}
				return
			}
			path := "events[0]." + tt.path
			if !problemExactly(err, path, tt.sentinel) {
				t.Errorf("Validate() = %v, want a problem at %s wrapping %v", err, path, tt.sentinel)
			}
			if aerr == nil || !errors.Is(aerr, tt.sentinel) {
				t.Errorf("Apply() = %v, want an error wrapping %v", aerr, tt.sentinel)
			}
			var ve *agreement.ValidationError
			if errors.As(err, &ve) && len(ve.Problems) != 1 {
				t.Errorf("Validate() = %v, want one problem", err)
			}
		})
	}
}

// amended returns termTruce as edit changes it.
func amended(edit func(*agreement.Agreement)) agreement.Agreement {
	a := termTruce()
	edit(&a)
	return a
}

// withReport adds a clause REPORT to the truce.
func withReport(a *agreement.Agreement) {
	a.Clauses = append(a.Clauses, agreement.Clause{ID: "REPORT", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"OSCE"}, Action: &agreement.Pattern{Kind: "report-filed"}})
}

func TestTimelineValidateAmendments(t *testing.T) {
	e := mustCompileProcess(t, termTruce(), accord())
	longer := amended(func(a *agreement.Agreement) { a.Term.Period = agreement.Period{Years: 2} })
	_, last := agreement.InstantRange()
	for _, tt := range []struct {
		name     string
		as       []agreement.Amendment
		evs      []agreement.Event
		sentinel error // nil: valid
		path     string
	}{
		{"valid", []agreement.Amendment{{At: h(2), Label: "two years", Text: longer}}, nil, nil, ""},
		{"at the start", []agreement.Amendment{{At: t0, Text: longer}}, nil, nil, ""},
		{"before the start", []agreement.Amendment{{At: t0.Add(-time.Nanosecond), Text: longer}}, nil,
			agreement.ErrInvalidValue, "amendments[0].at"},
		{"out of range", []agreement.Amendment{{At: last.Add(time.Hour), Text: longer}}, nil,
			agreement.ErrInvalidValue, "amendments[0].at"},
		{"unknown agreement", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) { a.ID = "pact" })}},
			nil, agreement.ErrUnknownAgreement, "amendments[0].text.id"},
		{"invalid text", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) {
			a.Clauses[1].Expiry = agreement.Deadline{After: time.Hour}
			a.Clauses[0].Expiry = a.Clauses[1].Expiry
		})}}, nil, agreement.ErrInconsistent, "amendments[0].text.clauses[0].term"},
		{"text invalid in the process", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) {
			a.Clauses = a.Clauses[:1] // accord reads truce/WITHDRAW
		})}}, nil, agreement.ErrUnknownClause, "amendments[0].text"},
		{"sorted by instant", []agreement.Amendment{
			{At: h(5), Text: longer},
			{At: h(3), Text: amended(func(a *agreement.Agreement) { a.Term.Renewals = -1 })},
		}, nil, agreement.ErrNegative, "amendments[0].text.term.renewals"},
		{"event on an added clause", []agreement.Amendment{{At: h(2), Text: amended(withReport)}},
			[]agreement.Event{{At: h(2), Kind: agreement.EventKindPerformance, Actor: "OSCE",
				Clause: agreement.QualifiedRef("truce", "REPORT")}}, nil, ""},
		{"event on a clause not yet added", []agreement.Amendment{{At: h(2), Text: amended(withReport)}},
			[]agreement.Event{{At: h(1), Kind: agreement.EventKindPerformance, Actor: "OSCE",
				Clause: agreement.QualifiedRef("truce", "REPORT")}}, agreement.ErrUnknownClause, "events[0].clause"},
		{"event on a clause an invalid amendment adds", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) {
			withReport(a)
			a.Term.Renewals = -1
		})}}, []agreement.Event{{At: h(3), Kind: agreement.EventKindPerformance, Actor: "OSCE",
			Clause: agreement.QualifiedRef("truce", "REPORT")}}, agreement.ErrUnknownClause, "events[0].clause"},
		{"notice once a term is given", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) {
			a.Clauses[1].Term = agreement.Term{Period: agreement.Period{Days: 30}}
		})}}, []agreement.Event{{At: h(4), Kind: agreement.EventKindNotice, Clause: agreement.QualifiedRef("truce", "WITHDRAW")}},
			nil, ""},
		{"notice once a term is taken away", []agreement.Amendment{{At: h(2), Text: amended(func(a *agreement.Agreement) {
			a.Term = agreement.Term{}
		})}}, []agreement.Event{{At: h(2), Kind: agreement.EventKindNotice, Clause: agreement.AgreementRef("truce")}},
			agreement.ErrInconsistent, "events[0].clause"},
		{"later amendment reads an earlier one", []agreement.Amendment{
			{At: h(2), Text: amended(withReport)},
			{At: h(3), Text: func() agreement.Agreement {
				a := accord()
				a.Clauses[0].Trigger = agreement.ClauseIn(agreement.QualifiedRef("truce", "REPORT"), agreement.StateFulfilled)
				return a
			}()},
		}, nil, nil, ""},
		{"earlier amendment does not read a later one", []agreement.Amendment{
			{At: h(3), Text: amended(withReport)},
			{At: h(2), Text: func() agreement.Agreement {
				a := accord()
				a.Clauses[0].Trigger = agreement.ClauseIn(agreement.QualifiedRef("truce", "REPORT"), agreement.StateFulfilled)
				return a
			}()},
		}, nil, agreement.ErrUnknownClause, "amendments[0].text.clauses[0].trigger.clauseIn.clause"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tl := scenario.NewTimeline(t0, tt.evs...).WithAmendments(tt.as...)
			err := tl.Validate(e)
			if tt.sentinel == nil {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if !problemUnder(err, tt.path, tt.sentinel) {
				t.Errorf("Validate() = %v, want a problem at %s wrapping %v", err, tt.path, tt.sentinel)
			}
			// Only the problems of amendments wrap ErrAmendment.
			amendment := strings.HasPrefix(tt.path, "amendments") || tt.name == "event on a clause an invalid amendment adds"
			if errors.Is(err, scenario.ErrAmendment) != amendment {
				t.Errorf("Validate() = %v: wraps ErrAmendment %t, want %t", err, !amendment, amendment)
			}
		})
	}
}

// problemUnder reports whether err is an *agreement.ValidationError with a
// problem at path, or under it, wrapping sentinel.
func problemUnder(err error, path string, sentinel error) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p != nil && (p.Path == path || strings.HasPrefix(p.Path, path+".")) && errors.Is(p, sentinel) {
			return true
		}
	}
	return false
}

// TestTimelineAmendmentsJSON checks that a timeline's amendments are
// written and read back in order of instant, their texts whole.
func TestTimelineAmendmentsJSON(t *testing.T) {
	longer := amended(func(a *agreement.Agreement) { a.Term.Period = agreement.Period{Years: 2} })
	tl := scenario.NewTimeline(t0,
		agreement.Event{At: h(1), Kind: agreement.EventKindRenewal, Clause: agreement.AgreementRef("truce"),
			Period: agreement.Period{Days: 60}},
	).WithAmendments(
		agreement.Amendment{At: h(5), Label: "later", Text: amended(withReport)},
		agreement.Amendment{At: h(2), Label: "two years", Text: longer},
	)
	data, err := tl.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"period":"60d"`, `"amendments":[{"at":"2026-03-01T02:00:00Z","label":"two years","text":{"id":"truce",`,
		`"term":{"period":"2y","notice":"1mo"}`, `{"at":"2026-03-01T05:00:00Z","label":"later"`} {
		if !bytes.Contains(data, []byte(w)) {
			t.Errorf("encoding lacks %s:\n%s", w, data)
		}
	}
	back, err := scenario.DecodeTimeline(data)
	if err != nil {
		t.Fatal(err)
	}
	as := back.Amendments()
	if len(as) != 2 || as[0].Label != "two years" || !as[0].At.Equal(h(2)) || !as[0].Text.Term.Equal(longer.Term) ||
		as[1].Label != "later" || len(as[1].Text.Clauses) != 3 {
		t.Errorf("decoded amendments %+v", as)
	}
	again, err := back.MarshalJSON()
	if err != nil || !bytes.Equal(again, data) {
		t.Errorf("re-encoding: %v\n%s\nwant\n%s", err, again, data)
	}
	if err := back.Validate(mustCompile(t, termTruce())); err != nil {
		t.Errorf("Validate() = %v", err)
	}

	// A document's amendments out of order are sorted.
	doc := `{"schema":1,"start":"2026-03-01T00:00:00Z","amendments":[` +
		`{"at":"2026-03-02T00:00:00Z","label":"b","text":{"id":"truce"}},` +
		`{"at":"2026-03-01T12:00:00Z","label":"a","text":{"id":"truce"}}]}`
	tl2, err := scenario.DecodeTimeline([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if as := tl2.Amendments(); len(as) != 2 || as[0].Label != "a" || as[1].Label != "b" {
		t.Errorf("amendments %+v, want a then b", as)
	}
	for _, bad := range []struct{ doc, path string }{
		{`{"schema":1,"start":"2026-03-01T00:00:00Z","amendments":[{"at":"2026-03-02T00:00:00Z"}]}`, "amendments[0].text"},
		{`{"schema":1,"start":"2026-03-01T00:00:00Z","amendments":[{"at":"2026-03-02T00:00:00Z","text":{"schema":1}}]}`,
			"amendments[0].text.schema"},
	} {
		if _, err := scenario.DecodeTimeline([]byte(bad.doc)); !problemPathOnly(err, bad.path) {
			t.Errorf("DecodeTimeline(%s) = %v, want a problem at %s", bad.doc, err, bad.path)
		}
	}
}

// problemPathOnly reports whether err lists a problem at path.
func problemPathOnly(err error, path string) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p != nil && p.Path == path {
			return true
		}
	}
	return false
}
