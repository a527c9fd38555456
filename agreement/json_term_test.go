package agreement_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// termAgreement is a small valid agreement whose edit may set terms and
// suspension rules.
func termAgreement(edit func(*agreement.Agreement)) agreement.Agreement {
	a := agreement.Agreement{
		ID:      "truce",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{
			{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "k"}},
			{ID: "P1", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"RU"},
				Effect: agreement.EffectNotice, Targets: []agreement.Ref{agreement.AgreementRef("truce")}},
		},
		Term: agreement.Term{Period: agreement.Period{Years: 1}},
	}
	if edit != nil {
		edit(&a)
	}
	return a
}

// termFixture is an agreement of terms: the agreement's own, renewed
// twice at most unless notice is given, a mission's mandate renewed every
// 120 days, a prohibition renewed yearly unless notice is given, the rule
// for acts during a suspension, and a power to give notice against the
// agreement's term and the mandate's.
func termFixture() agreement.Agreement {
	return agreement.Agreement{
		ID:    "truce-2026",
		Title: "Truce for five years",
		Zone:  "Europe/Kyiv",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "RU", Kind: agreement.PartyKindState},
			{ID: "OSCE", Kind: agreement.PartyKindIntergovernmentalOrganisation},
		},
		Clauses: []agreement.Clause{
			{ID: "MISSION", Text: "the mission's mandate runs 120 days, renewed twice at most",
				Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"OSCE"},
				Action: &agreement.Pattern{Kind: "patrol-report"}, Standing: true,
				Violation: agreement.Happened(agreement.Pattern{Kind: "patrol-missed", Actor: "OSCE"}),
				Term: agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120},
					Renewals: 2},
				DuringSuspension: agreement.SuspensionDefers},
			{ID: "NOATT", Text: "no armed attack, year by year", Kind: agreement.DeonticProhibition,
				Debtors: []agreement.PartyID{"UA", "RU"}, Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack,
					Actor: agreement.Debtor},
				Zone: "+03:00",
				Term: agreement.Term{Period: agreement.Period{Years: 1}, Renewal: agreement.Period{Years: 1},
					Notice: agreement.Period{Months: 1, Exact: 12 * time.Hour}}},
			{ID: "SUSP", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"OSCE"},
				Effect: agreement.EffectSuspend, Targets: []agreement.Ref{agreement.LocalRef("MISSION")}, ResumedBy: "RES"},
			{ID: "RES", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"OSCE"}, Effect: agreement.EffectResume},
			{ID: "NOTICE", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA", "RU"},
				Effect:  agreement.EffectNotice,
				Targets: []agreement.Ref{agreement.AgreementRef("truce-2026"), agreement.LocalRef("MISSION")}},
		},
		Term: agreement.Term{Period: agreement.Period{Years: 5}, Renewal: agreement.Period{Years: 5},
			Notice: agreement.Period{Months: 6}, Renewals: 2},
	}
}

// termLogFixture is an event log of termFixture: a notice against the
// mission's mandate, a renewal of the truce agreed for two years, and an
// amendment lengthening the mandate.
func termLogFixture() agreement.EventLog {
	t0 := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	amended := termFixture()
	amended.Clauses[0].Term.Period = agreement.Period{Days: 180}
	amended.Clauses[0].DuringSuspension = agreement.SuspensionExcuses
	return agreement.EventLog{Start: t0, Zone: "Europe/Kyiv",
		Events: []agreement.Event{
			{At: t0.AddDate(0, 2, 0), Kind: agreement.EventKindNotice, Actor: "RU", Clause: agreement.LocalRef("MISSION")},
			{At: t0.AddDate(4, 0, 0), Kind: agreement.EventKindRenewal, Clause: agreement.AgreementRef("truce-2026"),
				Period: agreement.Period{Years: 2}},
		},
		Amendments: []agreement.Amendment{{At: t0.AddDate(0, 1, 0), Label: "mandate of 180 days", Text: amended}},
	}
}

// TestTermJSONGolden checks the encodings of termFixture and
// termLogFixture against their golden files, and that they read back.
func TestTermJSONGolden(t *testing.T) {
	got, back := checkGoldenDocument(t, "term.golden.json", termFixture(), agreement.DecodeAgreement)
	if again := mustMarshal(t, back); !bytes.Equal(got, again) {
		t.Errorf("re-encoding differs:\n%s\n%s", got, again)
	}
	log := termLogFixture()
	enc := mustMarshal(t, log)
	decodeEqual(t, checkGolden(t, "term-log.golden.json", enc), log, agreement.DecodeEventLog, jsonCmp)
}

// TestTermJSONRoundTrip checks that terms and suspension rules encode as
// the spec writes them, and decode back to the same values, re-encoding to
// the same bytes.
func TestTermJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		a    agreement.Agreement
		want []string // fragments of the encoding
		not  []string // members the encoding must leave out
	}{
		{"period only", termAgreement(nil), []string{`"term":{"period":"1y"}}`}, []string{`"renewal"`, `"duringSuspension"`}},
		{"every member", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{Period: agreement.Period{Years: 5}, Renewal: agreement.Period{Years: 5},
				Notice: agreement.Period{Months: 6}, Renewals: 2}
		}), []string{`"term":{"period":"5y","renewal":"5y","notice":"6mo","renewals":2}`}, nil},
		{"exact and calendar parts", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{Period: agreement.Period{Days: 90, Exact: 12 * time.Hour},
				Notice: agreement.Period{Exact: 36 * time.Hour}}
		}), []string{`"term":{"period":"90d12h","notice":"36h"}`}, nil},
		{"clause term and rule", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{}
			a.Clauses[1].Targets = []agreement.Ref{agreement.LocalRef("C1")}
			a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120},
				Renewals: 2}
			a.Clauses[0].DuringSuspension = agreement.SuspensionDefers
			a.Clauses[0].Zone = "Europe/Kyiv"
		}), []string{`"zone"`, `"term":{"period":"120d","renewal":"120d","renewals":2}`, `"duringSuspension":"defers"`},
			[]string{`"term":{"period":"1y"}`}},
		{"no term", termAgreement(func(a *agreement.Agreement) {
			a.Term = agreement.Term{}
			a.Clauses = a.Clauses[:1]
		}), nil, []string{`"term"`, `"duringSuspension"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, back := roundTrip(t, tt.a, agreement.DecodeAgreement, jsonCmp)
			for _, w := range tt.want {
				if !bytes.Contains(enc, []byte(w)) {
					t.Errorf("encoding lacks %s:\n%s", w, enc)
				}
			}
			for _, n := range tt.not {
				if bytes.Contains(enc, []byte(n)) {
					t.Errorf("encoding has %s:\n%s", n, enc)
				}
			}
			if z, term := bytes.Index(enc, []byte(`"zone"`)), bytes.Index(enc, []byte(`"term"`)); z >= 0 && z > term {
				t.Errorf("a clause's term is written before its zone:\n%s", enc)
			}
			again := mustMarshal(t, back)
			if !bytes.Equal(enc, again) {
				t.Errorf("re-encoding differs:\n%s\n%s", enc, again)
			}
		})
	}
}

// TestTermJSONDefaults checks that the default rule may be spelt, and that
// an empty term object is the zero Term.
func TestTermJSONDefaults(t *testing.T) {
	doc := `{"schema":1,"id":"a","parties":[{"id":"UA"}],"term":{},"clauses":[{"id":"C1","kind":"obligation",` +
		`"debtors":["UA"],"action":{"kind":"k"},"duringSuspension":"excuses","term":{}}]}`
	a, err := agreement.DecodeAgreement([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Term.IsZero() || !a.Clauses[0].Term.IsZero() || a.Clauses[0].DuringSuspension != agreement.SuspensionExcuses {
		t.Errorf("decoded term %+v, clause term %+v, rule %v; want zero terms and excuses", a.Term, a.Clauses[0].Term,
			a.Clauses[0].DuringSuspension)
	}
	if enc := mustMarshal(t, a); bytes.Contains(enc, []byte(`"term"`)) || bytes.Contains(enc, []byte("excuses")) {
		t.Errorf("zero term or default rule written: %s", enc)
	}
}

func TestTermJSONErrors(t *testing.T) {
	clause := func(members string) string {
		return `{"schema":1,"id":"a","parties":[{"id":"UA"}],"clauses":[{"id":"C1","kind":"obligation",` +
			`"debtors":["UA"],"action":{"kind":"k"},` + members + `}]}`
	}
	agr := func(term string) string { return `{"schema":1,"id":"a","term":` + term + `}` }
	for _, tt := range []struct {
		name, doc string
		sentinel  error
		path      string
	}{
		{"unknown term member", agr(`{"period":"1y","length":"2y"}`), agreement.ErrUnknownField, "term.length"},
		{"term not an object", agr(`"5y"`), agreement.ErrSyntax, "term"},
		{"term null", agr(`null`), agreement.ErrSyntax, "term"},
		{"bad period", agr(`{"period":"five years"}`), agreement.ErrInvalidValue, "term.period"},
		{"bad renewal", agr(`{"period":"1y","renewal":"-1y"}`), agreement.ErrInvalidValue, "term.renewal"},
		{"bad notice", agr(`{"period":"1y","notice":""}`), agreement.ErrInvalidValue, "term.notice"},
		{"period as number", agr(`{"period":5}`), agreement.ErrSyntax, "term.period"},
		{"renewals as string", agr(`{"period":"1y","renewal":"1y","renewals":"2"}`), agreement.ErrSyntax, "term.renewals"},
		{"renewals fraction", agr(`{"period":"1y","renewal":"1y","renewals":1.5}`), agreement.ErrInvalidValue, "term.renewals"},
		{"duplicate member", agr(`{"period":"1y","period":"2y"}`), agreement.ErrSyntax, "term.period"},
		{"clause term member", clause(`"term":{"period":"1y","every":"1y"}`), agreement.ErrUnknownField, "clauses[0].term.every"},
		{"clause term period", clause(`"term":{"period":"1q"}`), agreement.ErrInvalidValue, "clauses[0].term.period"},
		{"unknown rule", clause(`"duringSuspension":"forgives"`), agreement.ErrInvalidValue, "clauses[0].duringSuspension"},
		{"empty rule", clause(`"duringSuspension":""`), agreement.ErrInvalidValue, "clauses[0].duringSuspension"},
		{"rule as number", clause(`"duringSuspension":1`), agreement.ErrSyntax, "clauses[0].duringSuspension"},
		{"in a process", `{"schema":1,"agreements":[{"id":"a","term":{"period":"1y","colour":"red"}}]}`,
			agreement.ErrUnknownField, "agreements[0].term.colour"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if strings.Contains(tt.doc, `"agreements"`) {
				_, err = agreement.DecodeProcess([]byte(tt.doc))
			} else {
				_, err = agreement.DecodeAgreement([]byte(tt.doc))
			}
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("decoding %s = %v\nwant a problem at %q wrapping %v", tt.doc, err, tt.path, tt.sentinel)
			}
		})
	}
}

// TestTermMarshalErrors checks that what has no encoding is reported at
// the path the member would have.
func TestTermMarshalErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		a    agreement.Agreement
		path string
	}{
		{"negative period", termAgreement(func(a *agreement.Agreement) { a.Term.Period.Months = -1 }), "term.period"},
		{"negative notice", termAgreement(func(a *agreement.Agreement) { a.Term.Notice.Days = -3 }), "term.notice"},
		{"clause renewal beyond range", termAgreement(func(a *agreement.Agreement) {
			a.Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 1}, Renewal: agreement.Period{Years: 1 << 20}}
		}), "clauses[0].term.renewal"},
		{"unknown rule", termAgreement(func(a *agreement.Agreement) { a.Clauses[1].DuringSuspension = 7 }),
			"clauses[1].duringSuspension"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.a.MarshalJSON()
			if !problemAt(err, agreement.ErrInvalidValue, tt.path) {
				t.Errorf("MarshalJSON() = %v, want a problem at %q", err, tt.path)
			}
		})
	}
}

// amendmentLog is an event log with a notice, a renewal and two
// amendments.
func amendmentLog() agreement.EventLog {
	t0 := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	text := termAgreement(func(a *agreement.Agreement) {
		a.Title = "Truce, as extended"
		a.Zone = "Europe/Kyiv"
		a.Term.Renewal = agreement.Period{Months: 6}
		a.Clauses[0].Deadline = agreement.Deadline{At: time.Date(2026, time.March, 31, 21, 0, 0, 0, time.UTC)}
	})
	return agreement.EventLog{Start: t0,
		Events: []agreement.Event{
			{At: t0.Add(24 * time.Hour), Kind: agreement.EventKindNotice, Actor: "RU", Clause: agreement.AgreementRef("truce")},
			{At: t0.Add(48 * time.Hour), Kind: agreement.EventKindRenewal, Clause: agreement.AgreementRef("truce"),
				Period: agreement.Period{Days: 60}},
		},
		Amendments: []agreement.Amendment{
			{At: t0.Add(72 * time.Hour), Label: "extension of 4 January", Text: text},
			{At: t0.Add(96 * time.Hour), Text: termAgreement(nil)},
		},
	}
}

func TestEventLogTermRoundTrip(t *testing.T) {
	enc, back := roundTrip(t, amendmentLog(), agreement.DecodeEventLog, jsonCmp)
	for _, w := range []string{
		`"kind":"notice","actor":"RU","clause":"truce/"}`,
		`"kind":"renewal","clause":"truce/","period":"60d"}`,
		`"amendments":[{"at":"2026-01-04T00:00:00Z","label":"extension of 4 January","text":{"id":"truce","title":"Truce, as extended","zone":"Europe/Kyiv",`,
		`{"at":"2026-01-05T00:00:00Z","text":{"id":"truce",`,
	} {
		if !bytes.Contains(enc, []byte(w)) {
			t.Errorf("encoding lacks %s:\n%s", w, enc)
		}
	}
	if n := bytes.Count(enc, []byte(`"schema"`)); n != 1 {
		t.Errorf("encoding has %d schema members, want the log's only:\n%s", n, enc)
	}
	if again := mustMarshal(t, back); !bytes.Equal(enc, again) {
		t.Errorf("re-encoding differs:\n%s\n%s", enc, again)
	}
}

// TestEventLogAmendmentDates checks that an amendment's instant is read
// as an event's, in the log's zone, and its text's plain dates in the
// text's own zone, else UTC, as an agreement document reads them.
func TestEventLogAmendmentDates(t *testing.T) {
	doc := `{"schema":1,"zone":"+02:00","start":"2026-01-01","amendments":[` +
		`{"at":"2026-01-04","text":{"id":"a","zone":"+03:00","date":"2026-01-04"}},` +
		`{"at":"2026-01-05T10:00:00Z","text":{"id":"a","date":"2026-01-05"}}]}`
	l, err := agreement.DecodeEventLog([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []struct{ at, date time.Time }{
		{time.Date(2026, 1, 3, 22, 0, 0, 0, time.UTC), time.Date(2026, 1, 3, 21, 0, 0, 0, time.UTC)},
		{time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)},
	} {
		a := l.Amendments[i]
		if !a.At.Equal(w.at) || !a.Text.Date.Equal(w.date) {
			t.Errorf("amendments[%d]: at %v, text date %v; want %v, %v", i, a.At, a.Text.Date, w.at, w.date)
		}
	}
}

func TestEventLogTermErrors(t *testing.T) {
	log := func(members string) string { return `{"schema":1,` + members + `}` }
	for _, tt := range []struct {
		name, doc string
		sentinel  error
		path      string
	}{
		{"bad event period", log(`"events":[{"at":"2026-01-01T00:00:00Z","kind":"renewal","period":"sixty days"}]`),
			agreement.ErrInvalidValue, "events[0].period"},
		{"negative event period", log(`"events":[{"at":"2026-01-01T00:00:00Z","kind":"renewal","period":"-60d"}]`),
			agreement.ErrInvalidValue, "events[0].period"},
		{"event period as number", log(`"events":[{"at":"2026-01-01T00:00:00Z","kind":"renewal","period":60}]`),
			agreement.ErrSyntax, "events[0].period"},
		{"amendments not a list", log(`"amendments":{}`), agreement.ErrSyntax, "amendments"},
		{"amendment not an object", log(`"amendments":["a"]`), agreement.ErrSyntax, "amendments[0]"},
		{"amendment without instant", log(`"amendments":[{"text":{"id":"a"}}]`), agreement.ErrMissing, "amendments[0].at"},
		{"amendment without text", log(`"amendments":[{"at":"2026-01-01T00:00:00Z"}]`), agreement.ErrMissing, "amendments[0].text"},
		{"amendment bad instant", log(`"amendments":[{"at":"soon","text":{}}]`), agreement.ErrInvalidValue, "amendments[0].at"},
		{"amendment unknown member", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{},"reason":"x"}]`),
			agreement.ErrUnknownField, "amendments[0].reason"},
		{"amendment label as number", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{},"label":3}]`),
			agreement.ErrSyntax, "amendments[0].label"},
		{"text with schema", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{"schema":1,"id":"a"}}]`),
			agreement.ErrUnknownField, "amendments[0].text.schema"},
		{"text not an object", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":"a"}]`),
			agreement.ErrSyntax, "amendments[0].text"},
		{"text unknown member", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{"id":"a","clauses":[{"id":"C","colour":1}]}}]`),
			agreement.ErrUnknownField, "amendments[0].text.clauses[0].colour"},
		{"text bad term", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{"id":"a","term":{"period":"x"}}}]`),
			agreement.ErrInvalidValue, "amendments[0].text.term.period"},
		{"text bad date", log(`"amendments":[{"at":"2026-01-01T00:00:00Z","text":{"id":"a","date":"2026-02-30"}}]`),
			agreement.ErrInvalidValue, "amendments[0].text.date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeEventLog([]byte(tt.doc))
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("DecodeEventLog(%s) = %v\nwant a problem at %q wrapping %v", tt.doc, err, tt.path, tt.sentinel)
			}
		})
	}
}

func TestEventLogTermMarshalErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*agreement.EventLog)
		path string
	}{
		{"negative event period", func(l *agreement.EventLog) { l.Events[1].Period = agreement.Period{Days: -1} }, "events[1].period"},
		{"amendment without instant", func(l *agreement.EventLog) { l.Amendments[1].At = time.Time{} }, "amendments[1].at"},
		{"amendment label", func(l *agreement.EventLog) { l.Amendments[0].Label = "\xff" }, "amendments[0].label"},
		{"amendment text", func(l *agreement.EventLog) { l.Amendments[1].Text.Clauses[0].Text = "\xff" },
			"amendments[1].text.clauses[0].text"},
		{"amendment text term", func(l *agreement.EventLog) { l.Amendments[0].Text.Term.Notice.Weeks = -2 },
			"amendments[0].text.term.notice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := amendmentLog()
			tt.edit(&l)
			_, err := l.MarshalJSON()
			if !problemAt(err, agreement.ErrInvalidValue, tt.path) {
				t.Errorf("MarshalJSON() = %v, want a problem at %q", err, tt.path)
			}
		})
	}
}
