package agreement_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Kyiv, on machines without a zone database

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// calendarFixture is an agreement that uses every member of calendar time:
// zones of the agreement and of a clause, required signatories, an entry
// into force counted from an anchor, deadlines of every form (exact,
// calendar, absolute, anchored, rounded, exclusive, unconditional), clock
// conditions, recurring duties of both forms, a provisional clause and a
// clause waiting for another to lapse.
func calendarFixture() agreement.Agreement {
	kyiv, err := agreement.Zone("Europe/Kyiv").Location()
	if err != nil {
		panic(err)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, kyiv) }
	ceasefire := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	ratified := func(p agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: p})
	}
	act := func(kind agreement.EventKind) *agreement.Pattern {
		return &agreement.Pattern{Kind: kind, Actor: agreement.Debtor}
	}
	obligation := func(id agreement.ClauseID, kind agreement.EventKind) agreement.Clause {
		return agreement.Clause{ID: id, Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA", "RU"}, Action: act(kind)}
	}
	withdraw := obligation("WD", "withdrawal-completed")
	withdraw.Text = "withdrawal no later than the third day after the ceasefire enters into force"
	withdraw.Deadline = agreement.Deadline{Period: agreement.Period{Days: 3}, From: ceasefire,
		Round: agreement.RoundEndOfDay}

	exchange := obligation("EX", "prisoners-exchanged")
	exchange.Text = "an exchange of prisoners within 72 hours"
	exchange.Deadline = agreement.Deadline{After: 72 * time.Hour, Exclusive: true}
	exchange.Zone = "+03:00"
	exchange.Source = agreement.Source{Document: "protocol", Date: time.Date(2024, 3, 1, 0, 0, 0, 0,
		time.FixedZone("+03:00", 3*3600))}

	deploy := obligation("DEP", "forces-deployed")
	deploy.Trigger = ceasefire
	deploy.Deadline = agreement.Deadline{At: day(2024, 12, 31), Round: agreement.RoundEndOfDay, Unconditional: true}

	talks := obligation("TALKS", "talks-opened")
	talks.Trigger = ceasefire
	talks.Deadline = agreement.Deadline{From: ratified("UA"), Exclusive: true, Unconditional: true}
	talks.Expiry = agreement.Deadline{Period: agreement.Period{Months: 1}, Exclusive: true}

	report := obligation("REP", "report-submitted")
	report.Provisional = true
	report.Recurs = agreement.Recurrence{Every: agreement.Period{Months: 1}, Start: day(2024, 1, 31),
		Within: agreement.Period{Days: 4}, Round: agreement.RoundEndOfDay}

	notify := obligation("NOT", "incident-notified")
	notify.Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: "incident", Reporter: "OSCE"},
		Within: agreement.Period{Exact: 48 * time.Hour}}

	fallback := obligation("FB", "forces-withdrawn")
	fallback.Trigger = agreement.Any(
		agreement.ClauseIn(agreement.LocalRef("DEP"), agreement.StateLapsed),
		agreement.All(agreement.From(day(2025, 1, 1)), agreement.Until(day(2025, 7, 1))),
	)

	curfew := agreement.Clause{ID: "CUR", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
		Action:  act(agreement.EventKindArmedAttack),
		Trigger: agreement.Between(day(2024, 3, 31), day(2024, 10, 27)),
		Expiry: agreement.Deadline{Period: agreement.Period{Years: 1, Weeks: 2}, Round: agreement.RoundStartOfDay,
			From: agreement.Between(time.Date(2024, 3, 1, 6, 0, 0, 0, kyiv), time.Time{})}}

	return agreement.Agreement{
		ID:    "kyiv-2024",
		Title: "Calendar of the ceasefire",
		Date:  day(2024, 3, 1),
		Zone:  "Europe/Kyiv",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "RU", Kind: agreement.PartyKindState},
			{ID: "OSCE", Kind: agreement.PartyKindIntergovernmentalOrganisation},
		},
		Signatures:  []agreement.Signature{{Party: "UA", Date: day(2024, 3, 2)}},
		Signatories: []agreement.PartyID{"UA", "RU"},
		Clauses:     []agreement.Clause{withdraw, exchange, deploy, talks, report, notify, fallback, curfew},
		InForceAt: agreement.Deadline{Period: agreement.Period{Days: 30},
			From: agreement.All(ratified("UA"), ratified("RU"))},
	}
}

func TestCalendarJSONGolden(t *testing.T) {
	got, back := checkGoldenDocument(t, "calendar.golden.json", calendarFixture(), agreement.DecodeAgreement)
	again, err := back.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON(decoded) error: %v", err)
	}
	if !bytes.Equal(got, again) {
		t.Errorf("re-encoding differs:\n%s\n%s", got, again)
	}
	p := agreement.Process{Title: "calendar", Agreements: []agreement.Agreement{calendarFixture(), measuredFixture()}}
	roundTrip(t, p, agreement.DecodeProcess, jsonCmp)
}

// Each new member, alone or in the combinations validation accepts, reads
// back as written.
func TestCalendarJSONRoundTrip(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 6, 0, 0, 0, time.UTC)
	t1 := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	signed := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: "UA"})
	base := func(edit func(*agreement.Agreement, *agreement.Clause)) agreement.Agreement {
		a := agreement.Agreement{
			ID:      "a",
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "k"}}},
		}
		edit(&a, &a.Clauses[0])
		return a
	}
	deadline := func(d agreement.Deadline) agreement.Agreement {
		return base(func(_ *agreement.Agreement, c *agreement.Clause) { c.Trigger, c.Deadline = signed, d })
	}
	p3d := agreement.Period{Days: 3}
	tests := []struct {
		name string
		a    agreement.Agreement
	}{
		{"after", deadline(agreement.Deadline{After: 72 * time.Hour})},
		{"after and minutes", deadline(agreement.Deadline{After: 90 * time.Minute, Exclusive: true})},
		{"period", deadline(agreement.Deadline{Period: p3d})},
		{"period with every part", deadline(agreement.Deadline{Period: agreement.Period{Years: 1, Months: 2, Weeks: 3,
			Days: 4, Exact: 12*time.Hour + 30*time.Minute}})},
		{"period rounded", deadline(agreement.Deadline{Period: p3d, Round: agreement.RoundEndOfDay})},
		{"at", deadline(agreement.Deadline{At: t1})},
		{"at rounded, exclusive, unconditional", deadline(agreement.Deadline{At: t1, Round: agreement.RoundStartOfDay,
			Exclusive: true, Unconditional: true})},
		{"from alone", deadline(agreement.Deadline{From: signed})},
		{"from unconditional", deadline(agreement.Deadline{From: signed, Unconditional: true})},
		{"after from", deadline(agreement.Deadline{After: 36 * time.Hour, From: signed, Exclusive: true})},
		{"period from rounded", deadline(agreement.Deadline{Period: agreement.Period{Months: 1}, From: signed,
			Round: agreement.RoundEndOfDay})},
		{"from a clock", deadline(agreement.Deadline{Period: p3d, From: agreement.From(t0)})},
		{"expiry", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Expiry = agreement.Deadline{Period: agreement.Period{Years: 1}, Exclusive: true,
				Round: agreement.RoundStartOfDay}
		})},
		{"clock from", base(func(_ *agreement.Agreement, c *agreement.Clause) { c.Trigger = agreement.From(t0) })},
		{"clock until", base(func(_ *agreement.Agreement, c *agreement.Clause) { c.Trigger = agreement.Until(t1) })},
		{"clock between", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Antecedent = agreement.Not(agreement.Between(t0, t1))
		})},
		{"clock in entry into force", base(func(a *agreement.Agreement, _ *agreement.Clause) {
			a.EntryIntoForce = agreement.All(signed, agreement.From(t1))
		})},
		{"recurs every", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Weeks: 1}}
		})},
		{"recurs every from a start", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Months: 1}, Start: t0,
				Within: agreement.Period{Days: 4}, Round: agreement.RoundEndOfDay}
		})},
		{"recurs on", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: "incident", Actor: "RU"},
				Within: agreement.Period{Exact: 48 * time.Hour}}
		})},
		{"recurs on, rounded", base(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: "incident"}, Within: p3d,
				Round: agreement.RoundStartOfDay}
		})},
		{"provisional", base(func(a *agreement.Agreement, c *agreement.Clause) {
			a.Signatories = []agreement.PartyID{"UA"}
			c.Provisional = true
		})},
		{"zones", base(func(a *agreement.Agreement, c *agreement.Clause) {
			a.Zone, c.Zone = "Europe/Kyiv", "+03:00"
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Days: 1}}
		})},
		{"UTC zone", base(func(a *agreement.Agreement, c *agreement.Clause) { a.Zone, c.Zone = "UTC", "-05:30" })},
		{"signatories", base(func(a *agreement.Agreement, _ *agreement.Clause) {
			a.Signatories = []agreement.PartyID{"RU", "UA"}
		})},
		{"in force at", base(func(a *agreement.Agreement, _ *agreement.Clause) {
			a.InForceAt = agreement.Deadline{At: t1}
		})},
		{"in force after", base(func(a *agreement.Agreement, _ *agreement.Clause) {
			a.InForceAt = agreement.Deadline{Period: agreement.Period{Days: 30}, From: signed,
				Round: agreement.RoundStartOfDay}
		})},
		{"lapsed", base(func(a *agreement.Agreement, c *agreement.Clause) {
			a.Clauses = append(a.Clauses, agreement.Clause{ID: "C2", Kind: agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"RU"}, Action: &agreement.Pattern{Kind: "k"}, Trigger: signed,
				Deadline: agreement.Deadline{At: t1, Unconditional: true}})
			c.Trigger = agreement.ClauseIn(agreement.LocalRef("C2"), agreement.StateLapsed, agreement.StateViolated)
		})},
		{"option deadline", base(func(a *agreement.Agreement, _ *agreement.Clause) {
			width := decimal.New(15, 0)
			a.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "d", Size: decimal.New(5, 3),
				Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.New(100, 0)}},
				Control:     []agreement.Share{{Party: "UA", Percent: decimal.New(100, 0)}}}}}
			a.Options = []agreement.Option{{ID: "z", Kind: agreement.OptionKindDemilitarisedZone,
				Areas: []agreement.AreaID{"d"}, Parties: []agreement.PartyID{"UA"}, Width: &width,
				Deadline: agreement.Deadline{Period: agreement.Period{Weeks: 2}, Round: agreement.RoundEndOfDay}}}
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Validate(); err != nil {
				t.Fatalf("fixture does not validate: %v", err)
			}
			enc, got := roundTrip(t, tt.a, agreement.DecodeAgreement, jsonCmp)
			again, err := got.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON(decoded) error: %v", err)
			}
			if !bytes.Equal(enc, again) {
				t.Errorf("encoding is not canonical:\n%s\n%s", enc, again)
			}
		})
	}
}

// TestCalendarEncoding pins the spelling of each new member, so that the
// format documented at SchemaVersion is the one written.
func TestCalendarEncoding(t *testing.T) {
	enc := mustMarshal(t, calendarFixture())
	for _, want := range []string{
		`{"schema":1,"id":"kyiv-2024","title":"Calendar of the ceasefire","date":"2024-02-29T22:00:00Z",` +
			`"zone":"Europe/Kyiv","parties":`,
		`"signatures":[{"party":"UA","date":"2024-03-01T22:00:00Z"}],"signatories":["UA","RU"],"clauses":`,
		`"deadline":{"period":"3d","from":{"happened":{"kind":"ceasefire-in-force"}},"round":"end-of-day"}`,
		`"source":{"document":"protocol","date":"2024-02-29T21:00:00Z"}`,
		`"deadline":{"after":"72h","exclusive":true},"zone":"+03:00"}`,
		`"deadline":{"at":"2024-12-30T22:00:00Z","round":"end-of-day","unconditional":true}`,
		`"deadline":{"from":{"happened":{"kind":"ratification","actor":"UA"}},"exclusive":true,"unconditional":true},` +
			`"expiry":{"period":"1mo","exclusive":true}`,
		`"recurs":{"every":"1mo","start":"2024-01-30T22:00:00Z","within":"4d","round":"end-of-day"},"provisional":true}`,
		`"recurs":{"on":{"kind":"incident","reporter":"OSCE"},"within":"48h"}`,
		`{"clauseIn":{"clause":"DEP","states":["lapsed"]}}`,
		`{"all":[{"clock":{"from":"2024-12-31T22:00:00Z"}},{"clock":{"until":"2025-06-30T21:00:00Z"}}]}`,
		`"trigger":{"clock":{"from":"2024-03-30T22:00:00Z","until":"2024-10-26T21:00:00Z"}}`,
		`"expiry":{"period":"1y2w","from":{"clock":{"from":"2024-03-01T04:00:00Z"}},"round":"start-of-day"}`,
		`"inForceAt":{"period":"30d","from":{"all":[{"happened":{"kind":"ratification","actor":"UA"}},` +
			`{"happened":{"kind":"ratification","actor":"RU"}}]}}}`,
	} {
		if !bytes.Contains(enc, []byte(want)) {
			t.Errorf("encoding lacks\n%s\nencoding:\n%s", want, enc)
		}
	}
}

// TestCalendarZeroFieldsOmitted checks that agreements using none of the
// members of calendar time encode without them, so that documents written
// before them are unchanged.
func TestCalendarZeroFieldsOmitted(t *testing.T) {
	for _, data := range [][]byte{
		mustMarshal(t, jsonFixture()), mustMarshal(t, jsonProcessFixture()), mustMarshal(t, measuredFixture()),
	} {
		for _, member := range []string{`"zone"`, `"signatories"`, `"inForceAt"`, `"period"`, `"round"`,
			`"exclusive"`, `"unconditional"`, `"clock"`, `"recurs"`, `"provisional"`, `"lapsed"`} {
			if bytes.Contains(data, []byte(member)) {
				t.Errorf("encoding without calendar members contains %s:\n%s", member, data)
			}
		}
	}
	// A deadline's "from" is a condition; an option's "from" a party.
	if data := mustMarshal(t, jsonFixture()); bytes.Contains(data, []byte(`"from":{`)) {
		t.Errorf("encoding without anchored deadlines contains an anchor:\n%s", data)
	}
}

// Older documents keep their meaning: "30d" is still 720 hours.
func TestDecodeDaysAsHours(t *testing.T) {
	a, err := agreement.DecodeAgreement([]byte(jsonDoc(jsonClause(`,"deadline":{"after":"30d"},` +
		`"trigger":{"within":{"event":{"kind":"k"},"duration":"3d"}}`))))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Clauses[0].Deadline; !got.Equal(agreement.Deadline{After: 720 * time.Hour}) {
		t.Errorf("deadline %v, want after 720h", got)
	}
	want := agreement.Within(agreement.Pattern{Kind: "k"}, 72*time.Hour)
	if !agreement.EqualConditions(a.Clauses[0].Trigger, want) {
		t.Errorf("trigger %v, want %v", a.Clauses[0].Trigger, want)
	}
	enc := mustMarshal(t, a)
	if !bytes.Contains(enc, []byte(`"deadline":{"after":"720h"}`)) || !bytes.Contains(enc, []byte(`"duration":"72h"`)) {
		t.Errorf("re-encoding does not write hours:\n%s", enc)
	}
}

// Plain dates are local midnight in the zone of the clause holding them,
// else of their agreement, else UTC, wherever the "zone" member stands.
func TestDecodePlainDates(t *testing.T) {
	utc := func(s string) time.Time {
		t.Helper()
		x, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	clause := func(extra string) string {
		return `{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"}` + extra + `}`
	}
	doc := func(extra string, clauses ...string) string {
		return `{"schema":1,"id":"a","parties":[{"id":"UA"},{"id":"RU"}]` + extra + `,"clauses":[` +
			strings.Join(clauses, ",") + `]}`
	}
	tests := []struct {
		name string
		in   string
		got  func(a agreement.Agreement) []time.Time
		want []string
	}{
		{"UTC without zones",
			doc(`,"date":"2024-03-01","signatures":[{"party":"UA","date":"2024-03-02"}]`,
				clause(`,"deadline":{"at":"2024-03-05"}`)),
			func(a agreement.Agreement) []time.Time {
				return []time.Time{a.Date, a.Signatures[0].Date, a.Clauses[0].Deadline.At}
			},
			[]string{"2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z", "2024-03-05T00:00:00Z"}},
		{"the agreement's zone",
			doc(`,"date":"2024-03-01","zone":"+03:00","inForceAt":{"at":"2024-04-01"},`+
				`"signatures":[{"party":"UA","date":"2024-03-02"}],"entryIntoForce":{"clock":{"from":"2024-03-10"}}`,
				clause(`,"deadline":{"at":"2024-03-05"},"source":{"date":"2024-02-01"}`)),
			func(a agreement.Agreement) []time.Time {
				return []time.Time{a.Date, a.InForceAt.At, a.Signatures[0].Date,
					a.EntryIntoForce.(*agreement.ClockCondition).From(), a.Clauses[0].Deadline.At,
					a.Clauses[0].Source.Date}
			},
			[]string{"2024-02-29T21:00:00Z", "2024-03-31T21:00:00Z", "2024-03-01T21:00:00Z",
				"2024-03-09T21:00:00Z", "2024-03-04T21:00:00Z", "2024-01-31T21:00:00Z"}},
		{"a clause's own zone, the agreement's elsewhere",
			doc(`,"date":"2024-03-01","zone":"-05:00"`,
				clause(`,"expiry":{"at":"2024-03-01"},"zone":"+03:00","trigger":{"clock":{"until":"2024-03-02"}},`+
					`"source":{"date":"2024-03-01T12:00:00Z"}`),
				`{"id":"C2","kind":"obligation","debtors":["UA"],"action":{"kind":"k"},"expiry":{"at":"2024-03-01"}}`),
			func(a agreement.Agreement) []time.Time {
				return []time.Time{a.Date, a.Clauses[0].Expiry.At, a.Clauses[0].Trigger.(*agreement.ClockCondition).Until(),
					a.Clauses[0].Source.Date, a.Clauses[1].Expiry.At}
			},
			[]string{"2024-03-01T05:00:00Z", "2024-02-29T21:00:00Z", "2024-03-01T21:00:00Z",
				"2024-03-01T12:00:00Z", "2024-03-01T05:00:00Z"}},
		{"zones after the dates in the document",
			`{"schema":1,"id":"a","date":"2024-03-01","parties":[{"id":"UA"}],"clauses":[` +
				clause(`,"recurs":{"every":"1mo","start":"2024-03-01"},"zone":"Asia/Tokyo"`) +
				`],"zone":"+03:00"}`,
			func(a agreement.Agreement) []time.Time { return []time.Time{a.Date, a.Clauses[0].Recurs.Start} },
			[]string{"2024-02-29T21:00:00Z", "2024-02-29T15:00:00Z"}},
		{"an empty clause zone is the agreement's",
			doc(`,"zone":"+03:00"`, clause(`,"zone":"","deadline":{"at":"2024-03-01"}`)),
			func(a agreement.Agreement) []time.Time { return []time.Time{a.Clauses[0].Deadline.At} },
			[]string{"2024-02-29T21:00:00Z"}},
		{"daylight saving time in Europe/Kyiv",
			doc(`,"zone":"Europe/Kyiv","date":"2024-03-31"`,
				clause(`,"trigger":{"clock":{"from":"2024-04-01","until":"2024-10-27"}},"expiry":{"at":"2024-10-28"}`)),
			func(a agreement.Agreement) []time.Time {
				c := a.Clauses[0].Trigger.(*agreement.ClockCondition)
				return []time.Time{a.Date, c.From(), c.Until(), a.Clauses[0].Expiry.At}
			},
			// EET (+02:00) until 31 March 03:00, EEST (+03:00) until 27 October 04:00.
			[]string{"2024-03-30T22:00:00Z", "2024-03-31T21:00:00Z", "2024-10-26T21:00:00Z", "2024-10-27T22:00:00Z"}},
		{"a day whose midnight a change of offset skips",
			doc(`,"zone":"America/Asuncion","date":"2023-10-01"`, clause(`,"zone":"America/Havana","expiry":{"at":"2023-03-12"}`)),
			func(a agreement.Agreement) []time.Time { return []time.Time{a.Date, a.Clauses[0].Expiry.At} },
			// -04:00 to -03:00 at 00:00, -05:00 to -04:00 at 00:00: the first instant of the day is 01:00.
			[]string{"2023-10-01T04:00:00Z", "2023-03-12T05:00:00Z"}},
		{"a deadline anchored on a clock",
			doc(`,"zone":"+02:00"`, clause(`,"deadline":{"period":"3d","from":{"clock":{"from":"2024-03-01"}}}`)),
			func(a agreement.Agreement) []time.Time {
				return []time.Time{a.Clauses[0].Deadline.From.(*agreement.ClockCondition).From()}
			},
			[]string{"2024-02-29T22:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := agreement.DecodeAgreement([]byte(tt.in))
			if err != nil {
				t.Fatalf("DecodeAgreement: %v\n%s", err, tt.in)
			}
			got := tt.got(a)
			want := make([]time.Time, len(tt.want))
			for i, s := range tt.want {
				want[i] = utc(s)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("instants mismatch (-want +got):\n%s", diff)
			}
			// Encoding writes the instants, which read back equal.
			enc := mustMarshal(t, a)
			for _, s := range tt.want {
				if !bytes.Contains(enc, []byte(`"`+s+`"`)) {
					t.Errorf("encoding lacks %s:\n%s", s, enc)
				}
			}
			decodeEqual(t, enc, a, agreement.DecodeAgreement, jsonCmp)
		})
	}

	t.Run("in a process, each agreement's zone", func(t *testing.T) {
		p, err := agreement.DecodeProcess([]byte(`{"schema":1,"agreements":[{"id":"a","date":"2024-03-01",` +
			`"zone":"+03:00"},{"id":"b","date":"2024-03-01"},{"id":"c","zone":"Europe/Kyiv","date":"2024-07-01"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		want := []time.Time{utc("2024-02-29T21:00:00Z"), utc("2024-03-01T00:00:00Z"), utc("2024-06-30T21:00:00Z")}
		for i, w := range want {
			if got := p.Agreements[i].Date; !got.Equal(w) {
				t.Errorf("agreements[%d].date = %v, want %v", i, got, w)
			}
		}
	})

	t.Run("in event logs, in the log's zone", func(t *testing.T) {
		l, err := agreement.DecodeEventLog([]byte(`{"schema":1,"zone":"+03:00","start":"2024-03-01",` +
			`"events":[{"at":"2024-03-02","kind":"ceasefire-in-force"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if want := utc("2024-02-29T21:00:00Z"); !l.Start.Equal(want) {
			t.Errorf("start = %v, want %v", l.Start, want)
		}
		if want := utc("2024-03-01T21:00:00Z"); !l.Events[0].At.Equal(want) {
			t.Errorf("events[0].at = %v, want %v", l.Events[0].At, want)
		}
		l, err = agreement.DecodeEventLog([]byte(`{"schema":1,"start":"2024-03-01"}`))
		if err != nil {
			t.Fatal(err)
		}
		if want := utc("2024-03-01T00:00:00Z"); !l.Start.Equal(want) {
			t.Errorf("start with no zone = %v, want %v (UTC)", l.Start, want)
		}
		_, err = agreement.DecodeEventLog([]byte(`{"schema":1,"zone":"Mars/Olympus","start":"2024-02-30"}`))
		want := []jsonProblem{{"start", agreement.ErrInvalidValue}, {"zone", agreement.ErrInvalidValue}}
		if diff := cmp.Diff(want, jsonProblems(t, err), cmpopts.EquateErrors(),
			cmpopts.SortSlices(func(a, b jsonProblem) bool { return a.Path < b.Path })); diff != "" {
			t.Errorf("problems mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestCalendarDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []jsonProblem
		msg  string // a substring of the error's text, if set
	}{
		{name: "bad period",
			in:   jsonDoc(jsonClause(`,"deadline":{"period":"3 days"}`)),
			want: []jsonProblem{{"clauses[0].deadline.period", agreement.ErrInvalidValue}},
			msg:  `clauses[0].deadline.period: invalid period "3 days"`},
		{name: "negative period",
			in:   jsonDoc(jsonClause(`,"expiry":{"period":"-3d"}`)),
			want: []jsonProblem{{"clauses[0].expiry.period", agreement.ErrInvalidValue}}},
		{name: "period beyond any replay",
			in:   jsonDoc(jsonClause(`,"expiry":{"period":"9999999d"}`)),
			want: []jsonProblem{{"clauses[0].expiry.period", agreement.ErrInvalidValue}}},
		{name: "period as a number",
			in:   jsonDoc(jsonClause(`,"deadline":{"period":3}`)),
			want: []jsonProblem{{"clauses[0].deadline.period", agreement.ErrSyntax}}},
		{name: "days are not a period of hours",
			in:   jsonDoc(jsonClause(`,"deadline":{"after":"3 days"}`)),
			want: []jsonProblem{{"clauses[0].deadline.after", agreement.ErrInvalidValue}},
			msg:  `(want such as "72h" or "1h30m")`},
		{name: "bad round",
			in:   jsonDoc(jsonClause(`,"deadline":{"after":"72h","round":"midnight"}`)),
			want: []jsonProblem{{"clauses[0].deadline.round", agreement.ErrInvalidValue}},
			msg:  `unknown rounding "midnight"`},
		{name: "flags not booleans",
			in: jsonDoc(jsonClause(`,"deadline":{"at":"2024-03-01","exclusive":"yes","unconditional":1}`)),
			want: []jsonProblem{{"clauses[0].deadline.exclusive", agreement.ErrSyntax},
				{"clauses[0].deadline.unconditional", agreement.ErrSyntax}}},
		{name: "unknown member in a deadline",
			in:   jsonDoc(jsonClause(`,"deadline":{"after":"72h","before":"1d"}`)),
			want: []jsonProblem{{"clauses[0].deadline.before", agreement.ErrUnknownField}}},
		{name: "bad condition as a deadline's anchor",
			in:   jsonDoc(jsonClause(`,"expiry":{"from":{"hapened":{"kind":"k"}}}`)),
			want: []jsonProblem{{"clauses[0].expiry.from.hapened", agreement.ErrUnknownField}}},
		{name: "bad zone",
			in:   `{"schema":1,"id":"a","zone":"Mars/Olympus_Mons","date":"2024-03-01"}`,
			want: []jsonProblem{{"zone", agreement.ErrInvalidValue}},
			msg:  `zone: unknown time zone "Mars/Olympus_Mons": not in the zone database`},
		{name: "bad offset in a clause",
			in:   jsonDoc(jsonClause(`,"zone":"+25:00","deadline":{"at":"2024-03-01"}`)),
			want: []jsonProblem{{"clauses[0].zone", agreement.ErrInvalidValue}}},
		{name: "a zone that is a file name",
			in:   `{"schema":1,"id":"a","zone":"../../etc/passwd"}`,
			want: []jsonProblem{{"zone", agreement.ErrInvalidValue}}},
		{name: "zone as a number",
			in:   `{"schema":1,"id":"a","zone":3,"date":"2024-03-01"}`,
			want: []jsonProblem{{"zone", agreement.ErrSyntax}}},
		{name: "bad date",
			in:   jsonDoc(jsonClause(`,"deadline":{"at":"2024-02-30"}`)),
			want: []jsonProblem{{"clauses[0].deadline.at", agreement.ErrInvalidValue}},
			msg:  `clauses[0].deadline.at: invalid date "2024-02-30"`},
		{name: "bad month",
			in:   `{"schema":1,"id":"a","date":"2024-13-01"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "a date of another shape",
			in:   `{"schema":1,"id":"a","date":"2024-3-1"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}},
			msg:  `or a date such as "2026-02-01"`},
		{name: "a date that stands for none",
			in:   `{"schema":1,"id":"a","date":"0001-01-01"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "a date outside the years in UTC",
			in:   `{"schema":1,"id":"a","zone":"+05:00","date":"0000-01-01"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "unknown member in recurs",
			in:   jsonDoc(jsonClause(`,"recurs":{"every":"1mo","colour":"red"}`)),
			want: []jsonProblem{{"clauses[0].recurs.colour", agreement.ErrUnknownField}}},
		{name: "bad members of recurs",
			in: jsonDoc(jsonClause(`,"recurs":{"every":"monthly","start":"2024-02-30","on":null,"within":"1x",` +
				`"round":"noon"}`)),
			want: []jsonProblem{{"clauses[0].recurs.every", agreement.ErrInvalidValue},
				{"clauses[0].recurs.start", agreement.ErrInvalidValue}, {"clauses[0].recurs.on", agreement.ErrSyntax},
				{"clauses[0].recurs.within", agreement.ErrInvalidValue},
				{"clauses[0].recurs.round", agreement.ErrInvalidValue}}},
		{name: "unknown member in a recurrence's pattern",
			in:   jsonDoc(jsonClause(`,"recurs":{"on":{"kind":"k","colour":"red"},"within":"2d"}`)),
			want: []jsonProblem{{"clauses[0].recurs.on.colour", agreement.ErrUnknownField}}},
		{name: "recurs not an object",
			in:   jsonDoc(jsonClause(`,"recurs":"monthly"`)),
			want: []jsonProblem{{"clauses[0].recurs", agreement.ErrSyntax}}},
		{name: "unknown member in a clock",
			in:   jsonDoc(jsonClause(`,"trigger":{"clock":{"from":"2024-03-01","at":"2024-03-02"}}`)),
			want: []jsonProblem{{"clauses[0].trigger.clock.at", agreement.ErrUnknownField}}},
		{name: "bad instants in a clock",
			in: jsonDoc(jsonClause(`,"trigger":{"not":{"clock":{"from":"2024-02-30","until":"tomorrow"}}}`)),
			want: []jsonProblem{{"clauses[0].trigger.not.clock.from", agreement.ErrInvalidValue},
				{"clauses[0].trigger.not.clock.until", agreement.ErrInvalidValue}}},
		{name: "clock with another operator",
			in:   jsonDoc(jsonClause(`,"trigger":{"clock":{"from":"2024-03-01"},"holds":"f"}`)),
			want: []jsonProblem{{"clauses[0].trigger", agreement.ErrSyntax}}},
		{name: "clock not an object",
			in:   jsonDoc(jsonClause(`,"trigger":{"clock":"2024-03-01"}`)),
			want: []jsonProblem{{"clauses[0].trigger.clock", agreement.ErrSyntax}}},
		{name: "provisional not a boolean",
			in:   jsonDoc(jsonClause(`,"provisional":"yes"`)),
			want: []jsonProblem{{"clauses[0].provisional", agreement.ErrSyntax}}},
		{name: "signatories not a list",
			in:   `{"schema":1,"id":"a","parties":[{"id":"UA"}],"signatories":"UA"}`,
			want: []jsonProblem{{"signatories", agreement.ErrSyntax}}},
		{name: "unknown member in inForceAt",
			in:   `{"schema":1,"id":"a","inForceAt":{"on":"2024-03-01"}}`,
			want: []jsonProblem{{"inForceAt.on", agreement.ErrUnknownField}}},
		{name: "unknown state in clauseIn",
			in:   jsonDoc(jsonClause(`,"trigger":{"clauseIn":{"clause":"C1","states":["lapsed","expired"]}}`)),
			want: []jsonProblem{{"clauses[0].trigger.clauseIn.states[1]", agreement.ErrInvalidValue}}},
		{name: "every problem, in document order",
			in: `{"schema":1,"id":"a","zone":"Nowhere","date":"2024-02-30","parties":[{"id":"UA"}],"clauses":[` +
				`{"id":"C1","kind":"obligation","debtors":["UA"],"recurs":{"every":"1q"},"zone":"+99:00",` +
				`"deadline":{"at":"2024-04-31","round":"dusk","colour":1}}],"inForceAt":{"period":"x"}}`,
			want: []jsonProblem{
				{"zone", agreement.ErrInvalidValue},
				{"date", agreement.ErrInvalidValue},
				{"clauses[0].recurs.every", agreement.ErrInvalidValue},
				{"clauses[0].zone", agreement.ErrInvalidValue},
				{"clauses[0].deadline.at", agreement.ErrInvalidValue},
				{"clauses[0].deadline.round", agreement.ErrInvalidValue},
				{"clauses[0].deadline.colour", agreement.ErrUnknownField},
				{"inForceAt.period", agreement.ErrInvalidValue},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := agreement.DecodeAgreement([]byte(tt.in))
			if diff := cmp.Diff(agreement.Agreement{}, a, jsonCmp); diff != "" {
				t.Errorf("DecodeAgreement() returned a non-zero value on error (-want +got):\n%s", diff)
			}
			if err == nil {
				t.Fatal("decoding succeeded, want an error")
			}
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.msg != "" && !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestCalendarMarshalErrors(t *testing.T) {
	valid := func(edit func(*agreement.Agreement, *agreement.Clause)) agreement.Agreement {
		a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}},
			Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "k"}}}}
		edit(&a, &a.Clauses[0])
		return a
	}
	_, last := agreement.InstantRange()
	tooLate := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    agreement.Agreement
		want []jsonProblem
	}{
		{"negative period", valid(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Deadline.Period = agreement.Period{Days: -3}
		}), []jsonProblem{{"clauses[0].deadline.period", agreement.ErrInvalidValue}}},
		{"period beyond any replay", valid(func(a *agreement.Agreement, _ *agreement.Clause) {
			a.InForceAt.Period = agreement.Period{Years: 1 << 20}
		}), []jsonProblem{{"inForceAt.period", agreement.ErrInvalidValue}}},
		{"negative exact part of a recurrence", valid(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Days: 1}, Within: agreement.Period{Exact: -time.Hour}}
		}), []jsonProblem{{"clauses[0].recurs.within", agreement.ErrInvalidValue}}},
		{"invalid roundings", valid(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Expiry.Round = agreement.Rounding(9)
			c.Recurs.Round = agreement.Rounding(3)
		}), []jsonProblem{{"clauses[0].expiry.round", agreement.ErrInvalidValue},
			{"clauses[0].recurs.round", agreement.ErrInvalidValue}}},
		{"instants out of range", valid(func(_ *agreement.Agreement, c *agreement.Clause) {
			c.Trigger = agreement.Between(last, tooLate)
			c.Recurs.Start = tooLate
		}), []jsonProblem{{"clauses[0].recurs.start", agreement.ErrInvalidValue},
			{"clauses[0].trigger.clock.until", agreement.ErrInvalidValue}}},
		{"zones not UTF-8", valid(func(a *agreement.Agreement, c *agreement.Clause) {
			a.Zone, c.Zone = "\xff", "\xfe"
		}), []jsonProblem{{"zone", agreement.ErrInvalidValue}, {"clauses[0].zone", agreement.ErrInvalidValue}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.a.MarshalJSON()
			if err == nil {
				t.Fatalf("MarshalJSON() = %s, want an error", data)
			}
			if data != nil {
				t.Errorf("MarshalJSON() returned data with an error: %s", data)
			}
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// calendarSeeds are documents using the members of calendar time, valid and
// not, for the fuzz targets' corpus.
func calendarSeeds() []string {
	return []string{
		jsonDoc(jsonClause(`,"deadline":{"period":"3d","from":{"happened":{"kind":"k"}},"round":"end-of-day"}`)),
		jsonDoc(jsonClause(`,"trigger":{"happened":{"kind":"k"}},"deadline":{"at":"2024-03-01","round":"start-of-day",` +
			`"exclusive":true,"unconditional":true},"zone":"Europe/Kyiv"}`)),
		jsonDoc(jsonClause(`,"expiry":{"after":"72h","exclusive":true},"trigger":{"clock":{"from":"2024-03-01",` +
			`"until":"2024-03-05T12:00:00+02:00"}}`)),
		jsonDoc(jsonClause(`,"recurs":{"every":"1mo","start":"2024-01-31","within":"4d","round":"end-of-day"},` +
			`"provisional":true`)),
		jsonDoc(jsonClause(`,"recurs":{"on":{"kind":"incident"},"within":"48h"},"zone":"+03:00"`)),
		jsonDoc(jsonClause(`,"trigger":{"clauseIn":{"clause":"C1","states":["lapsed"]}}`)),
		`{"schema":1,"id":"a","zone":"+03:00","date":"2024-03-01","parties":[{"id":"UA"}],"signatories":["UA"],` +
			`"inForceAt":{"period":"30d","from":{"happened":{"kind":"ratification","actor":"UA"}}}}`,
		`{"schema":1,"id":"a","zone":"Mars/Olympus","date":"2024-02-30"}`,
		jsonDoc(jsonClause(`,"deadline":{"period":"-1d","round":"noon","at":"2024-03-01","from":{"clock":{}}}`)),
	}
}

// addCalendarSeeds adds calendarFixture's encoding, alone and in a process,
// and calendarSeeds to f's seed corpus.
func addCalendarSeeds(f *testing.F) {
	a := calendarFixture()
	for _, v := range []json.Marshaler{a, agreement.Process{Title: "calendar", Agreements: []agreement.Agreement{a}}} {
		data, err := v.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range calendarSeeds() {
		f.Add([]byte(s))
	}
}
