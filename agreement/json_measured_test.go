package agreement_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// measuredFixture is an agreement that uses every construct of measured
// acts: item classes, bounds in patterns and classes, a range's class,
// standing clauses, debtor placeholders, per-debtor clause states, breach
// counts, totals and levels, powers limited to one debtor, and permissions
// that relax a prohibition.
func measuredFixture() agreement.Agreement {
	km20 := agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))
	calibre := agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor, Measure: km20}
	heavy := agreement.Pattern{Kind: "weapons-withdrawn", Actor: agreement.Debtor, Class: "artillery-100mm"}
	return agreement.Agreement{
		ID:    "minsk-2",
		Title: "Package of Measures",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "RU", Kind: agreement.PartyKindState},
			{ID: "OSCE", Kind: agreement.PartyKindIntergovernmentalOrganisation,
				Roles: []agreement.Role{agreement.RoleMonitor}},
		},
		Groups: []agreement.Group{{ID: "sides", Members: []agreement.PartyID{"UA", "RU"}}},
		ItemClasses: []agreement.ItemClass{
			{ID: "artillery-100mm", Name: "artillery of 100 mm calibre and above",
				Items: []string{"D-30 122 mm howitzer", "2S1 Gvozdika"},
				Rule: []agreement.Bound{calibre,
					agreement.Measure(agreement.UnitT).Of("mass").Above(decimal.RequireFromString("0.5")).
						AtMost(decimal.NewFromInt(60))}},
			{ID: "mlrs", Name: "multiple rocket launchers", Items: []string{"BM-21 Grad"}},
		},
		Clauses: []agreement.Clause{
			{
				ID:       "CF",
				Text:     "an immediate and comprehensive ceasefire",
				Kind:     agreement.DeonticProhibition,
				Debtors:  []agreement.PartyID{"UA", "RU"},
				Action:   &attack,
				Standing: true,
			},
			{
				ID:      "WD",
				Text:    "withdrawal of heavy weapons",
				Kind:    agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &heavy,
				Quantities: []agreement.Range{{Min: decimal.NewFromInt(50), Max: decimal.NewFromInt(50),
					Unit: agreement.UnitKm, What: "withdrawal distance", Class: "artillery-100mm"}},
				Deadline: agreement.Deadline{After: 14 * agreement.Day},
			},
			{
				ID:      "REP",
				Kind:    agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &agreement.Pattern{Kind: "report-submitted", Actor: agreement.Debtor, Target: "OSCE"},
				Trigger: agreement.ClauseInFor(agreement.LocalRef("WD"), agreement.Debtor, agreement.StateViolated),
			},
			{
				ID:      "REL",
				Kind:    agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &agreement.Pattern{Kind: "detainees-released", Actor: agreement.Debtor},
				Fulfilment: agreement.All(
					agreement.Total(agreement.Pattern{Kind: "detainees-released", Actor: agreement.Debtor},
						agreement.Measure("detainees").AtLeast(decimal.NewFromInt(3000))),
					agreement.Level(agreement.Pattern{Kind: "troops-reported", Reporter: "OSCE"},
						agreement.Measure(agreement.UnitTroops).AtMost(decimal.NewFromInt(12000))),
				),
			},
			{
				ID:      "SANC",
				Kind:    agreement.DeonticPower,
				Debtors: []agreement.PartyID{"OSCE"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindPowerExercised, Clause: agreement.LocalRef("SANC")},
				Trigger: agreement.Breached(agreement.LocalRef("CF"), 3, agreement.BreachFilter{
					Debtor: "RU", Within: 30 * agreement.Day, Reporter: "OSCE",
					Attribution: agreement.AttributionConfirmed}),
				Effect:       agreement.EffectDischarge,
				Targets:      []agreement.Ref{agreement.LocalRef("WD")},
				TargetDebtor: "RU",
			},
			{
				ID:          "RET",
				Kind:        agreement.DeonticPermission,
				Debtors:     []agreement.PartyID{"UA", "RU"},
				Action:      &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor},
				Relaxes:     []agreement.Ref{agreement.LocalRef("CF")},
				Grant:       &agreement.Pattern{Kind: "fire-authorised", Reporter: "OSCE", Item: "BM-21 Grad"},
				Covers:      2,
				CoverWindow: 36 * time.Hour,
			},
		},
	}
}

// measuredLog is an event log using event ids, items, revisions and named
// quantities.
func measuredLog() agreement.EventLog {
	t := time.Date(2015, time.February, 15, 0, 0, 0, 0, time.UTC)
	return agreement.EventLog{Start: t, Events: []agreement.Event{
		{ID: "e1", At: t.Add(time.Hour), Kind: agreement.EventKindArmedAttack, Actor: "RU", Reporter: "OSCE",
			Attribution: agreement.AttributionAlleged, Item: "BM-21 Grad",
			Quantities: []agreement.Quantity{
				{Value: decimal.RequireFromString("12.5"), Unit: agreement.UnitKm, Of: "distance-from-line"},
				{Value: decimal.NewFromInt(122), Unit: agreement.UnitMm, Of: "calibre"},
				{Value: decimal.NewFromInt(40), Unit: agreement.UnitTroops},
			}},
		{ID: "e2", At: t.Add(48 * time.Hour), Kind: agreement.EventKindRevised, Reporter: "OSCE",
			Attribution: agreement.AttributionConfirmed, Revises: "e1"},
	}}
}

// TestMeasuredRoundTrip checks that every new construct survives encoding
// and decoding, that the encoding is canonical, and that the value read
// through encoding/json is the same.
func TestMeasuredRoundTrip(t *testing.T) {
	a := measuredFixture()
	if err := a.Validate(); err != nil {
		t.Fatalf("fixture does not validate: %v", err)
	}
	enc, back := roundTrip(t, a, agreement.DecodeAgreement, agreementtest.Options())
	again, err := back.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not canonical:\n%s\n%s", enc, again)
	}
	// The package's own equality agrees with cmp's on every condition.
	for i := range a.Clauses {
		for j, nc := range a.Clauses[i].Conditions() {
			if got := back.Clauses[i].Conditions()[j].Condition; !agreement.EqualConditions(nc.Condition, got) {
				t.Errorf("clauses[%d].%s: decoded %v, want %v", i, nc.Name, got, nc.Condition)
			}
		}
	}
	var viaStd agreement.Agreement
	if err := json.Unmarshal(enc, &viaStd); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, viaStd, jsonCmp); diff != "" {
		t.Errorf("json.Unmarshal mismatch (-want +got):\n%s", diff)
	}

	p := agreement.Process{Title: "Minsk", Agreements: []agreement.Agreement{a}}
	roundTrip(t, p, agreement.DecodeProcess, jsonCmp)

	roundTrip(t, measuredLog(), agreement.DecodeEventLog, agreementtest.Options())
}

// TestMeasuredEncoding pins the spelling of each new member, so that the
// format documented at SchemaVersion is the one written.
func TestMeasuredEncoding(t *testing.T) {
	enc, err := measuredFixture().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"groups":[{"id":"sides","members":["UA","RU"]}],"itemClasses":[{"id":"artillery-100mm",` +
			`"name":"artillery of 100 mm calibre and above","items":["D-30 122 mm howitzer","2S1 Gvozdika"],` +
			`"rule":[{"unit":"mm","of":"calibre","min":"100"},{"unit":"t","of":"mass","min":"0.5","max":"60","minOpen":true}]},` +
			`{"id":"mlrs","name":"multiple rocket launchers","items":["BM-21 Grad"]}],"clauses":`,
		`"action":{"kind":"armed-attack","actor":"$debtor","measure":{"unit":"km","of":"distance-from-line",` +
			`"max":"20","maxOpen":true}},"standing":true}`,
		`"action":{"kind":"weapons-withdrawn","actor":"$debtor","class":"artillery-100mm"}`,
		`"quantities":[{"min":"50","max":"50","unit":"km","what":"withdrawal distance","class":"artillery-100mm"}]`,
		`"trigger":{"clauseIn":{"clause":"WD","debtor":"$debtor","states":["violated"]}}`,
		`"fulfilment":{"all":[{"total":{"event":{"kind":"detainees-released","actor":"$debtor"},` +
			`"bound":{"unit":"detainees","min":"3000"}}},{"level":{"event":{"kind":"troops-reported",` +
			`"reporter":"OSCE"},"bound":{"unit":"troops","max":"12000"}}}]}`,
		`"trigger":{"breached":{"clause":"CF","atLeast":3,"debtor":"RU","within":"720h","reporter":"OSCE",` +
			`"attribution":"confirmed"}},"effect":"discharge","targets":["WD"],"targetDebtor":"RU"}`,
		`"relaxes":["CF"],"grant":{"kind":"fire-authorised","reporter":"OSCE","item":"BM-21 Grad"},` +
			`"covers":2,"coverWindow":"36h"}`,
	} {
		if !bytes.Contains(enc, []byte(want)) {
			t.Errorf("encoding lacks\n%s\nencoding:\n%s", want, enc)
		}
	}

	log, err := measuredLog().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"schema":1,"start":"2015-02-15T00:00:00Z","events":[{"id":"e1","at":"2015-02-15T01:00:00Z",` +
		`"kind":"armed-attack","actor":"RU","quantities":[{"value":"12.5","unit":"km","of":"distance-from-line"},` +
		`{"value":"122","unit":"mm","of":"calibre"},{"value":"40","unit":"troops"}],"reporter":"OSCE",` +
		`"attribution":"alleged","item":"BM-21 Grad"},{"id":"e2","at":"2015-02-17T00:00:00Z","kind":"revised",` +
		`"reporter":"OSCE","attribution":"confirmed","revises":"e1"}]}`
	if string(log) != want {
		t.Errorf("event log encoding:\n got %s\nwant %s", log, want)
	}
}

// TestMeasuredZeroFieldsOmitted checks that an agreement using none of the
// new constructs encodes without any of their members, so that documents
// written before them are unchanged.
func TestMeasuredZeroFieldsOmitted(t *testing.T) {
	for _, data := range [][]byte{
		mustMarshal(t, jsonFixture()), mustMarshal(t, jsonProcessFixture()), mustMarshal(t, eventLogFixture()),
	} {
		for _, member := range []string{`"itemClasses"`, `"measure"`, `"item"`, `"class"`, `"standing"`,
			`"targetDebtor"`, `"relaxes"`, `"grant"`, `"covers"`, `"coverWindow"`, `"debtor"`, `"breached"`,
			`"total"`, `"level"`, `"of":"`, `"revises"`, `"minOpen"`, `"maxOpen"`} {
			if bytes.Contains(data, []byte(member)) {
				t.Errorf("encoding without the new constructs contains %s:\n%s", member, data)
			}
		}
	}
	if log := mustMarshal(t, eventLogFixture()); bytes.Contains(log, []byte(`"id"`)) {
		t.Errorf("events without ids encode with one:\n%s", log)
	}
}

func mustMarshal(t *testing.T, v json.Marshaler) []byte {
	t.Helper()
	data, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBoundCanonical checks that a bound reads the same whatever the text of
// its limits: "20", "20.0" and "20.000" are one bound, equal with == to the
// one the constructors build, and each writes as "20".
func TestBoundCanonical(t *testing.T) {
	want := agreement.Measure(agreement.UnitKm).Of("distance-from-line").
		Above(decimal.NewFromInt(2)).Below(decimal.NewFromInt(20))
	var first agreement.Bound
	for i, texts := range [][2]string{{"2", "20"}, {"2.0", "20.0"}, {"2.00", "20.000"}, {"02", "020"}} {
		doc := jsonDoc(`{"id":"C1","kind":"prohibition","debtors":["RU"],"action":{"kind":"armed-attack",` +
			`"measure":{"unit":"km","of":"distance-from-line","min":"` + texts[0] + `","max":"` + texts[1] +
			`","minOpen":true,"maxOpen":true}}}`)
		a, err := agreement.DecodeAgreement([]byte(doc))
		if err != nil {
			t.Fatalf("limits %q: %v", texts, err)
		}
		got := a.Clauses[0].Action.Measure
		if got != want {
			t.Errorf("limits %q decode to %v, want %v (==)", texts, got, want)
		}
		if i == 0 {
			first = got
		} else if got != first {
			t.Errorf("limits %q decode to %v, limits %q to %v", texts, got, "2, 20", first)
		}
		// As a map key, the patterns are one.
		keys := map[agreement.Pattern]bool{*a.Clauses[0].Action: true}
		if !keys[agreement.Pattern{Kind: agreement.EventKindArmedAttack, Measure: want}] {
			t.Errorf("limits %q: the decoded pattern is not the constructed one as a map key", texts)
		}
		enc := mustMarshal(t, a)
		if !bytes.Contains(enc, []byte(`"min":"2","max":"20","minOpen":true,"maxOpen":true`)) {
			t.Errorf("limits %q encode as\n%s", texts, enc)
		}
	}
	// Closed limits are written without the open flags, and "minOpen":
	// false reads as a closed limit.
	doc := jsonDoc(`{"id":"C1","kind":"prohibition","debtors":["RU"],"action":{"kind":"armed-attack",` +
		`"measure":{"unit":"km","min":"20.0","minOpen":false,"maxOpen":false,"max":"30"}}}`)
	a, err := agreement.DecodeAgreement([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	closed := agreement.Measure(agreement.UnitKm).AtLeast(decimal.NewFromInt(20)).AtMost(decimal.NewFromInt(30))
	if got := a.Clauses[0].Action.Measure; got != closed {
		t.Errorf("closed limits decode to %v, want %v", got, closed)
	}
	if enc := mustMarshal(t, a); !bytes.Contains(enc, []byte(`"measure":{"unit":"km","min":"20","max":"30"}}`)) {
		t.Errorf("closed limits encode as\n%s", enc)
	}
}

// TestMeasuredDecodeErrors checks that every new member is read strictly:
// each problem is reported with its path and sentinel, and nothing else.
func TestMeasuredDecodeErrors(t *testing.T) {
	act := func(extra string) string {
		return jsonDoc(`{"id":"C1","kind":"prohibition","debtors":["RU"],"action":{"kind":"armed-attack"` +
			extra + `}}`)
	}
	classes := func(classes string) string {
		return `{"schema":1,"id":"a","itemClasses":` + classes + `}`
	}
	p := func(path string, err error) jsonProblem { return jsonProblem{path, err} }
	tests := []struct {
		name string
		in   string
		want []jsonProblem
	}{
		{"measure not an object", act(`,"measure":"20 km"`),
			[]jsonProblem{p("clauses[0].action.measure", agreement.ErrSyntax)}},
		{"measure limit as a number", act(`,"measure":{"unit":"km","min":20}`),
			[]jsonProblem{p("clauses[0].action.measure.min", agreement.ErrSyntax)}},
		{"measure limit malformed", act(`,"measure":{"unit":"km","max":"2e1"}`),
			[]jsonProblem{p("clauses[0].action.measure.max", agreement.ErrInvalidValue)}},
		{"minOpen without min", act(`,"measure":{"unit":"km","max":"20","minOpen":true}`),
			[]jsonProblem{p("clauses[0].action.measure.min", agreement.ErrMissing)}},
		{"maxOpen without max", act(`,"measure":{"unit":"km","maxOpen":false}`),
			[]jsonProblem{p("clauses[0].action.measure.max", agreement.ErrMissing)}},
		{"open flag not a boolean", act(`,"measure":{"unit":"km","min":"1","minOpen":"yes"}`),
			[]jsonProblem{p("clauses[0].action.measure.minOpen", agreement.ErrSyntax)}},
		{"unit and of not strings", act(`,"measure":{"unit":1,"of":["calibre"]}`),
			[]jsonProblem{p("clauses[0].action.measure.unit", agreement.ErrSyntax),
				p("clauses[0].action.measure.of", agreement.ErrSyntax)}},
		{"unknown member in measure", act(`,"measure":{"unit":"km","min":"1","open":true}`),
			[]jsonProblem{p("clauses[0].action.measure.open", agreement.ErrUnknownField)}},
		{"duplicate member in measure", act(`,"measure":{"unit":"km","min":"1","min":"2"}`),
			[]jsonProblem{p("clauses[0].action.measure.min", agreement.ErrSyntax)}},
		{"pattern item and class not strings", act(`,"item":5,"class":true`),
			[]jsonProblem{p("clauses[0].action.item", agreement.ErrSyntax),
				p("clauses[0].action.class", agreement.ErrSyntax)}},
		{"range class not a string",
			jsonDoc(jsonClause(`,"quantities":[{"min":"1","max":"2","class":{}}]`)),
			[]jsonProblem{p("clauses[0].quantities[0].class", agreement.ErrSyntax)}},
		{"standing not a boolean", jsonDoc(jsonClause(`,"standing":"yes"`)),
			[]jsonProblem{p("clauses[0].standing", agreement.ErrSyntax)}},
		{"targetDebtor not a string", jsonDoc(jsonClause(`,"targetDebtor":["RU"]`)),
			[]jsonProblem{p("clauses[0].targetDebtor", agreement.ErrSyntax)}},
		{"relaxes not a list", jsonDoc(jsonClause(`,"relaxes":"C1"`)),
			[]jsonProblem{p("clauses[0].relaxes", agreement.ErrSyntax)}},
		{"relaxes with a bad reference", jsonDoc(jsonClause(`,"relaxes":["C1","a/b/c",7]`)),
			[]jsonProblem{p("clauses[0].relaxes[1]", agreement.ErrInvalidID),
				p("clauses[0].relaxes[2]", agreement.ErrSyntax)}},
		{"grant null", jsonDoc(jsonClause(`,"grant":null`)),
			[]jsonProblem{p("clauses[0].grant", agreement.ErrSyntax)}},
		{"unknown member in grant", jsonDoc(jsonClause(`,"grant":{"kind":"k","colour":"red"}`)),
			[]jsonProblem{p("clauses[0].grant.colour", agreement.ErrUnknownField)}},
		{"covers not an integer", jsonDoc(jsonClause(`,"covers":1.5`)),
			[]jsonProblem{p("clauses[0].covers", agreement.ErrInvalidValue)}},
		{"covers as a string", jsonDoc(jsonClause(`,"covers":"2"`)),
			[]jsonProblem{p("clauses[0].covers", agreement.ErrSyntax)}},
		{"coverWindow malformed", jsonDoc(jsonClause(`,"coverWindow":"two days"`)),
			[]jsonProblem{p("clauses[0].coverWindow", agreement.ErrInvalidValue)}},
		{"coverWindow as a number", jsonDoc(jsonClause(`,"coverWindow":48`)),
			[]jsonProblem{p("clauses[0].coverWindow", agreement.ErrSyntax)}},
		{"itemClasses not a list", classes(`{}`),
			[]jsonProblem{p("itemClasses", agreement.ErrSyntax)}},
		{"item class members of the wrong type",
			classes(`[{"id":1,"name":"n","items":["a",2],"rule":{}}]`),
			[]jsonProblem{p("itemClasses[0].id", agreement.ErrSyntax),
				p("itemClasses[0].items[1]", agreement.ErrSyntax),
				p("itemClasses[0].rule", agreement.ErrSyntax)}},
		{"item class rule with bad bounds",
			classes(`[{"id":"c","rule":[{"unit":"mm","min":"x"},{"unit":"mm","minOpen":true},{"unit":"mm","colour":1}]}]`),
			[]jsonProblem{p("itemClasses[0].rule[0].min", agreement.ErrInvalidValue),
				p("itemClasses[0].rule[1].min", agreement.ErrMissing),
				p("itemClasses[0].rule[2].colour", agreement.ErrUnknownField)}},
		{"unknown member in an item class", classes(`[{"id":"c","members":["x"]}]`),
			[]jsonProblem{p("itemClasses[0].members", agreement.ErrUnknownField)}},
		{"clauseIn debtor not a string",
			jsonDoc(jsonClause(`,"trigger":{"clauseIn":{"clause":"C1","debtor":5,"states":["violated"]}}`)),
			[]jsonProblem{p("clauses[0].trigger.clauseIn.debtor", agreement.ErrSyntax)}},
		{"breached not an object", jsonDoc(jsonClause(`,"trigger":{"breached":"C1"}`)),
			[]jsonProblem{p("clauses[0].trigger.breached", agreement.ErrSyntax)}},
		{"breached without clause and atLeast", jsonDoc(jsonClause(`,"trigger":{"breached":{"debtor":"RU"}}`)),
			[]jsonProblem{p("clauses[0].trigger.breached.clause", agreement.ErrMissing),
				p("clauses[0].trigger.breached.atLeast", agreement.ErrMissing)}},
		{"breached members of the wrong type",
			jsonDoc(jsonClause(`,"trigger":{"breached":{"clause":"a/b/c","atLeast":"3","debtor":1,` +
				`"within":30,"reporter":false,"attribution":"rumoured"}}`)),
			[]jsonProblem{p("clauses[0].trigger.breached.clause", agreement.ErrInvalidID),
				p("clauses[0].trigger.breached.atLeast", agreement.ErrSyntax),
				p("clauses[0].trigger.breached.debtor", agreement.ErrSyntax),
				p("clauses[0].trigger.breached.within", agreement.ErrSyntax),
				p("clauses[0].trigger.breached.reporter", agreement.ErrSyntax),
				p("clauses[0].trigger.breached.attribution", agreement.ErrInvalidValue)}},
		{"breached with a malformed duration and count",
			jsonDoc(jsonClause(`,"trigger":{"breached":{"clause":"C1","atLeast":2.5,"within":"a month"}}`)),
			[]jsonProblem{p("clauses[0].trigger.breached.atLeast", agreement.ErrInvalidValue),
				p("clauses[0].trigger.breached.within", agreement.ErrInvalidValue),
				// reported in the same pass: the clause C1 is not standing
				p("clauses[0].trigger.breached.clause", agreement.ErrNotStanding)}},
		{"unknown member in breached",
			jsonDoc(jsonClause(`,"trigger":{"breached":{"clause":"C1","atLeast":1,"k":1}}`)),
			[]jsonProblem{p("clauses[0].trigger.breached.k", agreement.ErrUnknownField),
				p("clauses[0].trigger.breached.clause", agreement.ErrNotStanding)}},
		{"total without bound", jsonDoc(jsonClause(`,"fulfilment":{"total":{"event":{"kind":"k"}}}`)),
			[]jsonProblem{p("clauses[0].fulfilment.total.bound", agreement.ErrMissing)}},
		{"total's pattern is its event",
			jsonDoc(jsonClause(`,"fulfilment":{"total":{"pattern":{"kind":"k"},"bound":{"unit":"t"}}}`)),
			[]jsonProblem{p("clauses[0].fulfilment.total.pattern", agreement.ErrUnknownField),
				// reported in the same pass: without its event, total has no kind
				p("clauses[0].fulfilment.total.event.kind", agreement.ErrMissing)}},
		{"unknown member in total's bound",
			jsonDoc(jsonClause(`,"fulfilment":{"total":{"event":{"kind":"k"},"bound":{"unit":"t","least":"3"}}}`)),
			[]jsonProblem{p("clauses[0].fulfilment.total.bound.least", agreement.ErrUnknownField)}},
		{"level of the wrong types",
			jsonDoc(jsonClause(`,"violation":{"level":{"event":"k","bound":[]}}`)),
			[]jsonProblem{p("clauses[0].violation.level.event", agreement.ErrSyntax),
				p("clauses[0].violation.level.bound", agreement.ErrSyntax)}},
		{"level's bound with maxOpen and no max",
			jsonDoc(jsonClause(`,"violation":{"not":{"level":{"event":{"kind":"k"},"bound":{"unit":"troops","maxOpen":true}}}}`)),
			[]jsonProblem{p("clauses[0].violation.not.level.bound.max", agreement.ErrMissing)}},
		{"two operators, one of them new",
			jsonDoc(jsonClause(`,"trigger":{"total":{"bound":{}},"holds":"f"}`)),
			[]jsonProblem{p("clauses[0].trigger", agreement.ErrSyntax)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := agreement.DecodeAgreement([]byte(tt.in))
			if err == nil {
				t.Fatalf("decoding succeeded, want an error:\n%s", tt.in)
			}
			if diff := cmp.Diff(agreement.Agreement{}, a, jsonCmp); diff != "" {
				t.Errorf("DecodeAgreement() returned a non-zero value on error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			// The same problems, with the agreement's paths under
			// "agreements[0]", in a process.
			doc := `{"schema":1,"agreements":[` + strings.Replace(tt.in, `"schema":1,`, "", 1) + `]}`
			_, perr := agreement.DecodeProcess([]byte(doc))
			want := make([]jsonProblem, len(tt.want))
			for i, w := range tt.want {
				want[i] = jsonProblem{"agreements[0]." + w.Path, w.Err}
			}
			if perr == nil {
				t.Fatalf("decoding as a process succeeded:\n%s", doc)
			}
			if diff := cmp.Diff(want, jsonProblems(t, perr), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("process problems mismatch (-want +got):\n%s\nerror: %v", diff, perr)
			}
		})
	}
}

// TestMeasuredEventLogErrors checks the new members of events.
func TestMeasuredEventLogErrors(t *testing.T) {
	ev := func(extra string) string {
		return `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x"` + extra + `}]}`
	}
	p := func(path string, err error) jsonProblem { return jsonProblem{path, err} }
	for _, tt := range []struct {
		name string
		in   string
		want []jsonProblem
	}{
		{"id of the wrong type", ev(`,"id":5`), []jsonProblem{p("events[0].id", agreement.ErrSyntax)}},
		{"malformed id", ev(`,"id":"first event"`), []jsonProblem{p("events[0].id", agreement.ErrInvalidID)}},
		{"malformed revises", ev(`,"revises":"-e1"`), []jsonProblem{p("events[0].revises", agreement.ErrInvalidID)}},
		{"revises of the wrong type", ev(`,"revises":["e1"]`), []jsonProblem{p("events[0].revises", agreement.ErrSyntax)}},
		{"item of the wrong type", ev(`,"item":null`), []jsonProblem{p("events[0].item", agreement.ErrSyntax)}},
		{"quantity name malformed", ev(`,"quantities":[{"value":"1","of":"Calibre"}]`),
			[]jsonProblem{p("events[0].quantities[0].of", agreement.ErrInvalidValue)}},
		{"quantity name of the wrong type", ev(`,"quantities":[{"value":"1","of":1}]`),
			[]jsonProblem{p("events[0].quantities[0].of", agreement.ErrSyntax)}},
		{"unknown member in a quantity", ev(`,"quantities":[{"value":"1","class":"c"}]`),
			[]jsonProblem{p("events[0].quantities[0].class", agreement.ErrUnknownField)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := agreement.DecodeEventLog([]byte(tt.in))
			if err == nil {
				t.Fatalf("decoding succeeded, want an error:\n%s", tt.in)
			}
			if l.Events != nil || !l.Start.IsZero() {
				t.Errorf("DecodeEventLog() returned %+v on error, want the zero log", l)
			}
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
	// Empty ids and names are absent ones, as empty strings are elsewhere.
	l, err := agreement.DecodeEventLog([]byte(ev(`,"id":"","revises":"","item":"","quantities":[{"value":"1","of":""}]`)))
	if err != nil {
		t.Fatal(err)
	}
	if e := l.Events[0]; e.ID != "" || e.Revises != "" || e.Item != "" || e.Quantities[0].Of != "" {
		t.Errorf("empty members decode to %+v", e)
	}
}

// TestPlaceholdersDecode checks that the decoder reads placeholders as
// party ids wherever a party is named: whatever validation then says of
// them, no structural problem is reported for them.
func TestPlaceholdersDecode(t *testing.T) {
	doc := jsonDoc(`{"id":"C1","kind":"obligation","debtors":["UA","RU"],` +
		`"action":{"kind":"k","actor":"$debtor","target":"$creditor","reporter":"$creditor"},` +
		`"targetDebtor":"$debtor","grant":{"kind":"g","actor":"$creditor"},` +
		`"trigger":{"any":[{"clauseIn":{"clause":"C1","debtor":"$debtor","states":["violated"]}},` +
		`{"breached":{"clause":"C1","atLeast":1,"debtor":"$debtor","reporter":"$creditor"}},` +
		`{"total":{"event":{"kind":"k","actor":"$debtor"},"bound":{"unit":"t","min":"1"}}}]}}`)
	_, err := agreement.DecodeAgreement([]byte(doc))
	if err == nil {
		return
	}
	for _, p := range problemsOf(t, err) {
		for _, structural := range []error{agreement.ErrSyntax, agreement.ErrUnknownField, agreement.ErrMissing} {
			if p.Err == structural {
				t.Errorf("structural problem %v", &p)
			}
		}
		if p.Err == agreement.ErrInvalidID && strings.HasSuffix(p.Path, "debtor") {
			t.Errorf("placeholder rejected as an id: %v", &p)
		}
	}

	l, err := agreement.DecodeEventLog([]byte(`{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x",` +
		`"actor":"$debtor","target":"$creditor"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if e := l.Events[0]; e.Actor != agreement.Debtor || e.Target != agreement.Creditor {
		t.Errorf("placeholders decode to actor %q, target %q", e.Actor, e.Target)
	}
}

// TestMeasuredMarshalErrors checks that a bound, an item class and the new
// clause and condition members report what cannot be encoded at their
// paths.
func TestMeasuredMarshalErrors(t *testing.T) {
	bad := "\xff"
	a := agreement.Agreement{
		ID: "a",
		ItemClasses: []agreement.ItemClass{{ID: "c", Items: []string{"ok", bad},
			Rule: []agreement.Bound{agreement.Measure(agreement.Unit(bad)).Of(bad)}}},
		Clauses: []agreement.Clause{{
			ID: "C1", Kind: agreement.DeonticPermission,
			Action:       &agreement.Pattern{Kind: "k", Item: bad, Class: agreement.ItemClassID(bad)},
			TargetDebtor: agreement.PartyID(bad),
			Relaxes:      []agreement.Ref{{Clause: agreement.ClauseID(bad)}},
			Grant:        &agreement.Pattern{Kind: "g", Measure: agreement.Measure("t").Of(bad)},
			Quantities:   []agreement.Range{{Class: agreement.ItemClassID(bad)}},
			Trigger: agreement.All(
				agreement.ClauseInFor(agreement.LocalRef("C1"), agreement.PartyID(bad), agreement.StateViolated),
				agreement.Breached(agreement.LocalRef("C1"), 1, agreement.BreachFilter{
					Reporter: agreement.PartyID(bad), Attribution: agreement.Attribution(200)}),
				agreement.Level(agreement.Pattern{Kind: "k"}, agreement.Measure(agreement.Unit(bad))),
			),
		}},
	}
	_, err := a.MarshalJSON()
	want := []jsonProblem{
		{"itemClasses[0].items[1]", agreement.ErrInvalidValue},
		{"itemClasses[0].rule[0].unit", agreement.ErrInvalidValue},
		{"itemClasses[0].rule[0].of", agreement.ErrInvalidValue},
		{"clauses[0].quantities[0].class", agreement.ErrInvalidValue},
		{"clauses[0].targetDebtor", agreement.ErrInvalidValue},
		{"clauses[0].relaxes[0]", agreement.ErrInvalidValue},
		{"clauses[0].action.item", agreement.ErrInvalidValue},
		{"clauses[0].action.class", agreement.ErrInvalidValue},
		{"clauses[0].grant.measure.of", agreement.ErrInvalidValue},
		{"clauses[0].trigger.all[0].clauseIn.debtor", agreement.ErrInvalidValue},
		{"clauses[0].trigger.all[1].breached.reporter", agreement.ErrInvalidValue},
		{"clauses[0].trigger.all[1].breached.attribution", agreement.ErrInvalidValue},
		{"clauses[0].trigger.all[2].level.bound.unit", agreement.ErrInvalidValue},
	}
	if err == nil {
		t.Fatal("MarshalJSON succeeded, want an error")
	}
	if diff := cmp.Diff(want, jsonProblems(t, err), cmpopts.EquateErrors(),
		cmpopts.SortSlices(func(a, b jsonProblem) bool { return a.Path < b.Path })); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}

	l := agreement.EventLog{Events: []agreement.Event{{ID: agreement.EventID(bad),
		At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Kind: "x", Item: bad, Revises: agreement.EventID(bad),
		Quantities: []agreement.Quantity{{Of: bad}}}}}
	_, err = l.MarshalJSON()
	if err == nil {
		t.Fatal("EventLog.MarshalJSON succeeded, want an error")
	}
	wantLog := []jsonProblem{
		{"events[0].id", agreement.ErrInvalidValue},
		{"events[0].item", agreement.ErrInvalidValue},
		{"events[0].revises", agreement.ErrInvalidValue},
		{"events[0].quantities[0].of", agreement.ErrInvalidValue},
	}
	if diff := cmp.Diff(wantLog, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("event log problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}
}

// TestMeasuredMarshalDoesNotModify checks that encoding leaves the
// agreement it is given as it was.
func TestMeasuredMarshalDoesNotModify(t *testing.T) {
	a := measuredFixture()
	if _, err := a.MarshalJSON(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(measuredFixture(), a, agreementtest.Options()); diff != "" {
		t.Errorf("MarshalJSON modified the agreement (-want +got):\n%s", diff)
	}
}

// TestMeasuredFuzzSeeds checks that the fuzz corpus seeds named measured-*
// decode, so that the fuzz targets reach the round trip of every new member
// from them, and not only the decoder's errors.
func TestMeasuredFuzzSeeds(t *testing.T) {
	decoders := map[string]func([]byte) error{
		"FuzzDecode": func(b []byte) error { _, err := agreement.DecodeAgreement(b); return err },
		"FuzzAgreementUnmarshalJSON": func(b []byte) error {
			_, err := agreement.DecodeAgreement(b)
			return err
		},
		"FuzzProcessUnmarshalJSON":  func(b []byte) error { _, err := agreement.DecodeProcess(b); return err },
		"FuzzDecodeEventLog":        func(b []byte) error { _, err := agreement.DecodeEventLog(b); return err },
		"FuzzEventLogUnmarshalJSON": func(b []byte) error { _, err := agreement.DecodeEventLog(b); return err },
	}
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "measured-*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(decoders) {
		t.Fatalf("found %d measured-* seeds, want one for each of %d targets at least", len(files), len(decoders))
	}
	for _, name := range files {
		target := filepath.Base(filepath.Dir(name))
		decode, ok := decoders[target]
		if !ok {
			t.Errorf("%s: no decoder known for target %s", name, target)
			continue
		}
		data := readFuzzSeed(t, name)
		if target == "FuzzDecode" && strings.Contains(filepath.Base(name), "process") {
			decode = decoders["FuzzProcessUnmarshalJSON"]
		}
		if err := decode(data); err != nil {
			t.Errorf("%s does not decode: %v", name, err)
		}
	}
}

// readFuzzSeed reads a seed file holding one []byte value in the format of
// go test's fuzz corpus.
func readFuzzSeed(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	header, body, ok := strings.Cut(string(raw), "\n")
	body = strings.TrimSpace(body)
	if !ok || header != "go test fuzz v1" || !strings.HasPrefix(body, "[]byte(") || !strings.HasSuffix(body, ")") {
		t.Fatalf("%s is not a fuzz seed of one []byte", name)
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(body, "[]byte("), ")"))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return []byte(s)
}
