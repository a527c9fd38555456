package report_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/agreement/revision"
)

// update rewrites the golden files. Mermaid golden files (*.mmd) are
// parsed by Mermaid itself in CI (.ci/run, .ci/mermaid-check.mjs).
var update = flag.Bool("update", false, "rewrite golden files")

// escapingFixture is an agreement (not a valid one) whose ids and texts hold
// every character Markdown or Mermaid would interpret: quotes, brackets,
// pipes, semicolons, '#', '%', backticks, '<' and '>', '&', line breaks,
// and non-ASCII text.
func escapingFixture() agreement.Agreement {
	return agreement.Agreement{
		ID:    "esc|ape;\"1\"",
		Title: "A *title* with # hash, _under_, `code`, [link](x), <b>html</b>, a | pipe, $5 & &amp; \\ and\na new line",
		Parties: []agreement.Party{
			{ID: "U|A", Name: "Україна \"UA\"", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Name: "Росія; [RU]", Kind: agreement.PartyKindState},
		},
		Clauses: []agreement.Clause{
			{
				ID: "paris-2026/G1[FR]",
				Text: "quotes \" ' brackets [ ] ( ) { } < > pipes | semicolons ; hash # percent %% backtick ` amp &amp; &\n" +
					"second line: ü, 東京, 🕊, ±, →, end",
				Source:     agreement.Source{Document: "draft | \"statement\"", Speaker: "Zelensky; Macron"},
				Kind:       agreement.DeonticObligation,
				Force:      agreement.ForcePoliticallyBinding,
				Debtors:    []agreement.PartyID{"U|A", "RU"},
				Creditors:  []agreement.PartyID{"RU"},
				Action:     &agreement.Pattern{Kind: "a|b;c", Actor: "U|A", Area: "zone#1"},
				Quantities: []agreement.Range{{Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(2), Unit: "troops", Wording: "a \"few\" | some"}},
				Trigger:    agreement.ClauseIn(agreement.LocalRef("G2;x"), agreement.StateViolated, agreement.StateDischarged),
			},
			{
				ID:      "G2;x",
				Text:    "%% not a comment\n%%{init: {}}%%\n```\nflowchart\nend",
				Kind:    agreement.DeonticPower,
				Debtors: []agreement.PartyID{"RU"},
				Effect:  agreement.EffectTerminate,
				Targets: []agreement.Ref{agreement.LocalRef("paris-2026/G1[FR]"), agreement.AgreementRef("esc|ape;\"1\""),
					agreement.QualifiedRef("other\"agr", "C|1"), agreement.LocalRef("ghost<1>")},
				ResumedBy: "end",
			},
			{ID: "end", Text: "end", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"RU"},
				Trigger: agreement.AgreementIn("", agreement.StateInForce)},
		},
		EntryIntoForce: agreement.ClauseIn(agreement.LocalRef("end"), agreement.StateFulfilled),
	}
}

// measuredFixture is an agreement using standing clauses, debtor
// placeholders, breach counts, tallies, item classes, measured patterns,
// a power limited to one debtor's instance and a permission relaxing a
// prohibition.
func measuredFixture() agreement.Agreement {
	d := decimal.NewFromInt
	heavy := agreement.Pattern{Kind: "weapons-moved", Actor: agreement.Debtor, Class: "artillery-100mm",
		Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(d(20))}
	return agreement.Agreement{
		ID:    "withdrawal-2026",
		Title: "Withdrawal of heavy weapons",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState}, {ID: "RU", Kind: agreement.PartyKindState},
			{ID: "OSCE", Kind: agreement.PartyKindIntergovernmentalOrganisation, Roles: []agreement.Role{agreement.RoleMonitor}},
		},
		ItemClasses: []agreement.ItemClass{
			{ID: "artillery-100mm", Name: "artillery of 100 mm and above",
				Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(d(100))}},
			{ID: "mlrs", Name: "multiple rocket launchers", Items: []string{"BM-21 Grad", "BM-27 Uragan"}},
		},
		Clauses: []agreement.Clause{
			{ID: "no-heavy-weapons", Kind: agreement.DeonticProhibition, Standing: true,
				Debtors: []agreement.PartyID{"UA", "RU"}, Creditors: []agreement.PartyID{"OSCE"}, Action: &heavy,
				Quantities: []agreement.Range{{Min: d(50), Max: d(50), Unit: agreement.UnitKm, What: "withdrawal distance",
					Class: "artillery-100mm"}}},
			{ID: "troop-ceiling", Kind: agreement.DeonticObligation, Standing: true, Debtors: []agreement.PartyID{"RU"},
				Fulfilment: agreement.Level(agreement.Pattern{Kind: "troops-reported", Reporter: agreement.Creditor},
					agreement.Measure(agreement.UnitTroops).AtMost(d(12000))),
				Violation: agreement.Level(agreement.Pattern{Kind: "troops-reported", Reporter: agreement.Creditor},
					agreement.Measure(agreement.UnitTroops).Above(d(12000))),
				Creditors: []agreement.PartyID{"OSCE"}},
			{ID: "release", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Fulfilment: agreement.Total(agreement.Pattern{Kind: "detainees-released", Actor: agreement.Debtor},
					agreement.Measure("detainees").AtLeast(d(3000)))},
			{ID: "repair", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Trigger: agreement.ClauseInFor(agreement.LocalRef("no-heavy-weapons"), agreement.Debtor, agreement.StateViolated),
				Action:  &agreement.Pattern{Kind: "weapons-withdrawn", Actor: agreement.Debtor, Item: "BM-21 Grad"}},
			{ID: "escalate", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA", "RU"},
				Effect: agreement.EffectDischarge, Targets: []agreement.Ref{agreement.LocalRef("repair")},
				TargetDebtor: agreement.Debtor,
				Fulfilment: agreement.Breached(agreement.LocalRef("no-heavy-weapons"), 3, agreement.BreachFilter{
					Debtor: agreement.Debtor, Within: 7 * agreement.Day, Reporter: "OSCE", Attribution: agreement.AttributionConfirmed})},
			{ID: "exercise", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"UA"},
				Action:  &agreement.Pattern{Kind: "weapons-moved", Class: "mlrs"},
				Relaxes: []agreement.Ref{agreement.LocalRef("no-heavy-weapons")},
				Grant:   &agreement.Pattern{Kind: "exercise-notified", Actor: agreement.Debtor, Target: agreement.Creditor},
				Covers:  2, CoverWindow: 3 * agreement.Day},
		},
	}
}

// calendarFixture is an agreement using calendar time: an instant of entry
// into force counted from the ratifications, required signatories, time
// zones, limits as durations, calendar periods, instants and anchors with
// rounding and flags, recurring duties, a provisional clause and clock
// conditions.
func calendarFixture() agreement.Agreement {
	ceasefire := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	ratified := func(p agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: p})
	}
	hundred := decimal.NewFromInt(100)
	return agreement.Agreement{
		ID:          "ceasefire-2026",
		Title:       "Ceasefire and withdrawal",
		Zone:        "Europe/Kyiv",
		Parties:     []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "OSCE"}},
		Signatories: []agreement.PartyID{"UA", "RU"},
		InForceAt: agreement.Deadline{Period: agreement.Period{Days: 30}, Round: agreement.RoundStartOfDay,
			From: agreement.All(ratified("UA"), ratified("RU"), agreement.ClauseIn(agreement.LocalRef("exchange"),
				agreement.StateFulfilled, agreement.StateLapsed))},
		Clauses: []agreement.Clause{
			{ID: "withdraw", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Creditors: []agreement.PartyID{"OSCE"},
				Action:    &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: agreement.Debtor},
				Deadline:  agreement.Deadline{Period: agreement.Period{Days: 3}, From: ceasefire, Round: agreement.RoundEndOfDay}},
			{ID: "hold-fire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor},
				Trigger: agreement.From(time.Date(2026, time.March, 1, 4, 0, 0, 0, time.UTC)),
				Expiry: agreement.Deadline{Period: agreement.Period{Months: 6}, Exclusive: true,
					From: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateFulfilled)}},
			{ID: "report", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Creditors: []agreement.PartyID{"OSCE"}, Action: &agreement.Pattern{Kind: "report-submitted"},
				Recurs: agreement.Recurrence{Every: agreement.Period{Months: 1}, Start: time.Date(2026, time.January, 31, 0, 0, 0, 0, time.UTC),
					Within: agreement.Period{Days: 5}, Round: agreement.RoundEndOfDay},
				Zone: "+03:00"},
			{ID: "exchange", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Action:      &agreement.Pattern{Kind: "prisoners-exchanged", Actor: agreement.Debtor},
				Trigger:     agreement.Between(time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC)),
				Deadline:    agreement.Deadline{At: time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC), Unconditional: true},
				Provisional: true},
			{ID: "notify", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: "incident-notified"},
				Recurs: agreement.Recurrence{On: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"},
					Within: agreement.Period{Days: 2}},
				Expiry: agreement.Deadline{After: 72 * time.Hour}},
		},
		Territory: agreement.Territory{Areas: []agreement.Area{{ID: "zone-a", Size: hundred,
			Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
			Control:     []agreement.Share{{Party: "RU", Percent: hundred}}}}},
		Options: []agreement.Option{{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"zone-a"},
			From: "RU", To: "UA", Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}, From: ceasefire}}},
	}
}

// calendarEdit returns an earlier version of calendarFixture: limits in
// exact hours, no zones, no signatories, no recurrence, nothing
// provisional.
func calendarEdit(a agreement.Agreement) agreement.Agreement {
	a = a.Clone()
	a.Zone, a.Signatories, a.InForceAt = "", nil, agreement.Deadline{}
	a.Clauses[0].Deadline = agreement.Deadline{After: 72 * time.Hour}
	a.Clauses[1].Expiry = agreement.Deadline{After: 180 * agreement.Day}
	a.Clauses[2].Recurs, a.Clauses[2].Zone = agreement.Recurrence{}, ""
	a.Clauses[3].Provisional = false
	a.Clauses[4].Recurs.Within = agreement.Period{Exact: 48 * time.Hour}
	return a
}

// diffFixture returns two versions with changes of many kinds.
func diffFixture() (agreement.Agreement, agreement.Agreement) {
	a := agreementtest.ParisDeclaration(true)
	b := agreementtest.ParisDeclaration(false).Clone()
	b.Title = "Paris Declaration"
	b.Parties[2].Roles = []agreement.Role{agreement.RoleMonitor}
	b.Parties = append(b.Parties, agreement.Party{ID: "COW", Name: "Coalition of the Willing", Kind: agreement.PartyKindStateCoalition,
		Roles: []agreement.Role{agreement.RoleGuarantor}})
	b.Clauses[1].Force = agreement.ForcePoliticallyBinding
	b.Clauses[2].Quantities[0].Min = decimal.NewFromInt(5000)
	b.Clauses[0].Trigger = agreement.All(agreement.Holds("ceasefire-in-force"),
		agreement.Not(agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Attribution: agreement.AttributionConfirmed})))
	b.Clauses[5], b.Clauses[6] = b.Clauses[6], b.Clauses[5]
	b.Signatures = []agreement.Signature{{Party: "FR", Signatory: "Emmanuel Macron", Capacity: "President of the French Republic",
		Date: time.Date(2026, time.January, 6, 18, 30, 0, 0, time.UTC)}}
	return a, b
}

func renderTo(t *testing.T, f func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatalf("render error: %v", err)
	}
	return buf.Bytes()
}

func TestRenderGolden(t *testing.T) {
	draft, final := agreementtest.ParisDeclaration(true), agreementtest.ParisDeclaration(false)
	every := everyField(t)
	esc := escapingFixture()
	a, b := diffFixture()
	measured := measuredFixture()
	calendar := calendarFixture()
	tests := []struct {
		name string
		f    func(io.Writer) error
	}{
		{"paris-2026-draft.md", md(draft)},
		{"paris-2026-draft-to-final.md", changesMD(revision.Diff(draft, final))},
		{"paris-2026-draft-dependencies.mmd", deps(draft)},
		{"paris-2026-changes.md", changesMD(revision.Diff(a, b))},
		{"every-field.md", md(every)},
		{"every-field-dependencies.mmd", deps(every)},
		{"escaping.md", md(esc)},
		{"escaping-dependencies.mmd", deps(esc)},
		{"escaping-changes.md", changesMD(revision.Diff(agreement.Agreement{}, esc))},
		{"empty-dependencies.mmd", deps(agreement.Agreement{ID: "empty"})},
		{"measured.md", md(measured)},
		{"measured-changes.md", changesMD(revision.Diff(measuredEdit(measured), measured))},
		{"calendar.md", md(calendar)},
		{"calendar-dependencies.mmd", deps(calendar)},
		{"calendar-changes.md", changesMD(revision.Diff(calendarEdit(calendar), calendar))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			agreementtest.CheckGolden(t, filepath.Join("testdata", tt.name), renderTo(t, tt.f), *update)
		})
	}
}

// measuredEdit returns an earlier version of measuredFixture: an item
// class fewer, the other with another rule, and clauses without the
// constructs the fixture adds.
func measuredEdit(a agreement.Agreement) agreement.Agreement {
	a = a.Clone()
	a.ItemClasses = a.ItemClasses[:1]
	a.ItemClasses[0].Rule = []agreement.Bound{agreement.Measure(agreement.UnitCm).Of("calibre").AtLeast(decimal.NewFromInt(12))}
	a.Clauses[0].Standing = false
	a.Clauses[4].TargetDebtor = ""
	a.Clauses[5].Relaxes, a.Clauses[5].Grant, a.Clauses[5].Covers, a.Clauses[5].CoverWindow = nil, nil, 0, 0
	return a
}

func TestCalendarFixtureValidates(t *testing.T) {
	if err := calendarFixture().Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
}

// 72 hours and 3 calendar days are different limits: a table of changes
// shows each in its own spelling.
func TestChangesMarkdownHoursAndDays(t *testing.T) {
	a := agreement.Agreement{ID: "ceasefire", Clauses: []agreement.Clause{{ID: "withdraw", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"RU"}, Deadline: agreement.Deadline{After: 72 * time.Hour}}}}
	b := a.Clone()
	b.Clauses[0].Deadline = agreement.Deadline{Period: agreement.Period{Days: 3}}
	got := string(renderTo(t, changesMD(revision.Diff(a, b))))
	const want = "| 1 | clause | withdraw | deadline | after 72h | after 3d |\n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("ChangesMarkdown() =\n%s\nwant the row\n%s", got, want)
	}
}

func TestChangesMarkdownEmpty(t *testing.T) {
	got := renderTo(t, changesMD(revision.Changes(nil)))
	if string(got) != "No changes.\n" {
		t.Errorf("Markdown() = %q, want %q", got, "No changes.\n")
	}
}

// renderFailingWriter fails after n bytes.
type renderFailingWriter struct{ n int }

var errRenderWrite = errors.New("disk full")

func (w *renderFailingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errRenderWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestRenderWriteError(t *testing.T) {
	a := agreementtest.ParisDeclaration(true)
	for name, f := range map[string]func(io.Writer) error{
		"Markdown":          md(a),
		"DependencyMermaid": deps(a),
		"ChangesMarkdown":   changesMD(revision.Diff(a, agreementtest.ParisDeclaration(false))),
	} {
		for _, n := range []int{0, 10, 200} {
			if err := f(&renderFailingWriter{n: n}); !errors.Is(err, errRenderWrite) {
				t.Errorf("%s after %d bytes: error %v, want %v", name, n, err, errRenderWrite)
			}
		}
	}
}

// Mermaid lines the dependency graph writes: the header, node declarations
// and edges, with every label quoted and free of the characters Mermaid
// interprets.
var (
	mermaidLabelRE = `"(?:[^"#;|%<>&` + "`" + `{}\n]|<br>|#\d+;)*"`
	mermaidLineRE  = regexp.MustCompile(`^(flowchart LR|  (c\d+|x\d+|agr)(\[` + mermaidLabelRE + `\]|\{\{` + mermaidLabelRE +
		`\}\}|\(` + mermaidLabelRE + `\)|\[\[` + mermaidLabelRE + `\]\]|\(\[` + mermaidLabelRE + `\]\))|  (c\d+|x\d+|agr) (-->|==>|-\.->)\|` +
		mermaidLabelRE + `\| (c\d+|x\d+|agr))$`)
)

// The renderings of any agreement, valid or not and with any text, succeed,
// are deterministic, do not modify it, and have the expected shape: Markdown
// tables whose rows all have as many cells as their header, Mermaid lines
// with every label escaped. (CI has Mermaid itself parse the golden files.)
func TestPropertyRenderAnyAgreement(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var a agreement.Agreement
		if rapid.Bool().Draw(t, "corrupt") {
			a = agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption").Agreement
		} else {
			a = agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		}
		a.Title = rapid.String().Draw(t, "title")
		if len(a.Clauses) > 0 {
			i := rapid.IntRange(0, len(a.Clauses)-1).Draw(t, "clause")
			a.Clauses = append([]agreement.Clause(nil), a.Clauses...)
			a.Clauses[i].ID = agreement.ClauseID(rapid.String().Draw(t, "clause-id"))
			a.Clauses[i].Text = rapid.String().Draw(t, "clause-text")
		}
		before := a.Clone()
		for name, f := range map[string]func(io.Writer) error{
			"Markdown": md(a), "DependencyMermaid": deps(a),
			"ChangesMarkdown": changesMD(revision.Diff(agreement.Agreement{}, a)),
		} {
			var one, two bytes.Buffer
			if err := f(&one); err != nil {
				t.Fatalf("%s error: %v", name, err)
			}
			if err := f(&two); err != nil || one.String() != two.String() {
				t.Fatalf("%s is not deterministic", name)
			}
			if name == "DependencyMermaid" {
				for _, l := range strings.Split(strings.TrimSuffix(one.String(), "\n"), "\n") {
					if !mermaidLineRE.MatchString(l) {
						t.Fatalf("unexpected Mermaid line %q", l)
					}
				}
				continue
			}
			checkMarkdownTables(t, one.String())
		}
		if !reflect.DeepEqual(before, a) {
			t.Fatalf("rendering modified the agreement")
		}
	})
}

// checkMarkdownTables checks that every table row has as many cells as the
// table's header, counting only unescaped pipes.
func checkMarkdownTables(t *rapid.T, md string) {
	cells := -1
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|") {
			cells = -1
			continue
		}
		n := 0
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '\\':
				i++
			case '|':
				n++
			}
		}
		if cells < 0 {
			cells = n
		} else if n != cells {
			t.Fatalf("table row with %d pipes, header has %d:\n%s", n, cells, l)
		}
	}
}

// A small agreement as Markdown tables, ready to paste into a report.
func ExampleMarkdown() {
	a := agreement.Agreement{
		ID:    "declaration-of-intent",
		Title: "Declaration of intent",
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "FR", Name: "France", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleGuarantor}},
		},
		Clauses: []agreement.Clause{{
			ID:        "G1",
			Text:      "send troops into Ukraine following a ceasefire",
			Kind:      agreement.DeonticObligation,
			Force:     agreement.ForceDeclarationOfIntent,
			Debtors:   []agreement.PartyID{"FR"},
			Creditors: []agreement.PartyID{"UA"},
			Action:    &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
			Trigger:   agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}),
		}},
	}
	if err := report.Markdown(os.Stdout, a); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Declaration of intent
	//
	// | Field | Value |
	// | --- | --- |
	// | Id | declaration-of-intent |
	// | Title | Declaration of intent |
	// | Date |  |
	// | Stage |  |
	// | Sub-stage |  |
	// | Signing status |  |
	// | Entry into force | on signature |
	//
	// ## Parties
	//
	// | Party | Name | Kind | Roles |
	// | --- | --- | --- | --- |
	// | UA | Ukraine | state | party-to-conflict |
	// | FR | France | state | guarantor |
	//
	// ## Clauses
	//
	// | Clause | Kind | Force | Category | Debtors | Creditors | Action | Conditions | Text |
	// | --- | --- | --- | --- | --- | --- | --- | --- | --- |
	// | G1 | obligation | declaration-of-intent |  | FR | UA | forces-deployed against UA | trigger: ceasefire-in-force happened | send troops into Ukraine following a ceasefire |
}

// The changes between two versions as a Markdown table.
func ExampleChangesMarkdown() {
	draft := agreement.Agreement{ID: "paris-2026", Clauses: []agreement.Clause{
		{ID: "mnf", Kind: agreement.DeonticObligation, Force: agreement.ForceDeclarationOfIntent, Debtors: []agreement.PartyID{"FR", "GB"}},
		{ID: "us-backstop", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Creditors: []agreement.PartyID{"FR", "GB"},
			Text: "support the multinational force in the event of a new Russian attack"},
	}}
	final := agreement.Agreement{ID: "paris-2026", Clauses: []agreement.Clause{
		{ID: "mnf", Kind: agreement.DeonticObligation, Force: agreement.ForcePoliticallyBinding, Debtors: []agreement.PartyID{"FR", "GB"}},
	}}
	_ = report.ChangesMarkdown(os.Stdout, revision.Diff(draft, final))
	// Output:
	// | # | Item | Id | Change | Before | After |
	// | --- | --- | --- | --- | --- | --- |
	// | 1 | clause | us-backstop | removed | obligation of US to FR, GB: support the multinational force in the event of a new Russian attack |  |
	// | 2 | clause | mnf | force | declaration-of-intent | politically-binding |
}

// The clause dependency graph as a Mermaid flowchart: the support
// commitment waits for the multinational force to be in effect.
func ExampleDependencyMermaid() {
	a := agreement.Agreement{ID: "paris-2026", Clauses: []agreement.Clause{
		{ID: "mnf", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"}},
		{ID: "us-backstop", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"},
			Trigger: agreement.ClauseIn(agreement.LocalRef("mnf"), agreement.StateInEffect)},
	}}
	_ = report.DependencyMermaid(os.Stdout, a)
	// Output:
	// flowchart LR
	//   c0["mnf<br>obligation · FR, GB (each)"]
	//   c1["us-backstop<br>obligation · US"]
	//   c0 -->|"trigger: in-effect"| c1
}

func md(a agreement.Agreement) func(io.Writer) error {
	return func(w io.Writer) error { return report.Markdown(w, a) }
}

func changesMD(cs revision.Changes) func(io.Writer) error {
	return func(w io.Writer) error { return report.ChangesMarkdown(w, cs) }
}

func deps(a agreement.Agreement) func(io.Writer) error {
	return func(w io.Writer) error { return report.DependencyMermaid(w, a) }
}

// everyField is the agreement of package agreement's JSON golden file,
// which sets every field, every value of every enumeration and every kind of
// condition node.
func everyField(t *testing.T) agreement.Agreement {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "agreement.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.DecodeAgreement(data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
