package revision_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// The two versions of the Paris joint declaration in the seed.
const (
	parisDraft = "draft statement"
	parisFinal = "final communiqué"
)

func parisDeclaration(version string) agreement.Agreement {
	return agreementtest.ParisDeclaration(version == parisDraft)
}

func TestParisDeclarationValidates(t *testing.T) {
	for _, v := range []string{parisDraft, parisFinal} {
		if err := parisDeclaration(v).Validate(); err != nil {
			t.Errorf("%s: Validate() = %v", v, err)
		}
	}
}

// The seed's draft and final texts: the only change is the US commitment to
// support the multinational force in the event of a new Russian attack,
// removed; every clause on either side of it is matched by id, not by
// position.
func TestDiffParisDraftToFinal(t *testing.T) {
	draft, final := parisDeclaration(parisDraft), parisDeclaration(parisFinal)
	draftCopy, finalCopy := draft.Clone(), final.Clone()

	changes := revision.Diff(draft, final)
	if len(changes) != 1 {
		t.Fatalf("Diff(draft, final) = %d changes, want exactly 1:\n%s", len(changes), changeLines(changes))
	}
	c := changes[0]
	if c.Op != revision.OpRemoved || c.Item != revision.ItemClause || c.ID != "us-backstop" {
		t.Errorf("Diff(draft, final)[0] = %s, want the removal of clause us-backstop", c)
	}
	if got, want := c.String(), `clause "us-backstop" removed`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	removed, ok := c.Old.(agreement.Clause)
	if !ok {
		t.Fatalf("Old = %T, want agreement.Clause", c.Old)
	}
	backstop, _ := draft.Clause("us-backstop")
	if diff := cmp.Diff(backstop, removed, agreementtest.Options()); diff != "" {
		t.Errorf("removed clause mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(removed.Text, "in the event of a new Russian attack") {
		t.Errorf("removed clause text = %q", removed.Text)
	}

	got, err := changes.Apply(draft)
	if err != nil {
		t.Fatalf("Apply(draft) error: %v", err)
	}
	if diff := cmp.Diff(final, got, agreementtest.Options()); diff != "" {
		t.Errorf("Apply(draft) mismatch (-want +got):\n%s", diff)
	}

	// The other way, the commitment is added back at its place.
	back := revision.Diff(final, draft)
	if len(back) != 1 || back[0].Op != revision.OpAdded || back[0].ID != "us-backstop" || back[0].Index != 2 {
		t.Fatalf("Diff(final, draft) =\n%s\nwant clause us-backstop added at 2", changeLines(back))
	}
	got, err = back.Apply(final)
	if err != nil {
		t.Fatalf("Apply(final) error: %v", err)
	}
	if diff := cmp.Diff(draft, got, agreementtest.Options()); diff != "" {
		t.Errorf("Apply(final) mismatch (-want +got):\n%s", diff)
	}

	for name, p := range map[string][2]agreement.Agreement{"draft": {draftCopy, draft}, "final": {finalCopy, final}} {
		if diff := cmp.Diff(p[0], p[1], agreementtest.Options()); diff != "" {
			t.Errorf("%s modified (-before +after):\n%s", name, diff)
		}
	}
}

func changeLines(cs revision.Changes) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("\t" + c.String() + "\n")
	}
	return b.String()
}

// TestDiffFields checks one change per field of each item kind, its string,
// and that Apply makes it.
func TestDiffFields(t *testing.T) {
	base := parisDeclaration(parisFinal)
	base.Groups = []agreement.Group{{ID: "E3", Name: "E3", Members: []agreement.PartyID{"FR", "GB", "DE"}}}
	base.Signatures = []agreement.Signature{{Party: "FR", Signatory: "Emmanuel Macron"}, {Party: "GB", Signatory: "Keir Starmer"}}
	base.Territory = agreement.Territory{Areas: []agreement.Area{
		{ID: "donetsk", Name: "Donetsk", Size: decimal.NewFromInt(26517),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}},
			Control:     []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(80)}, {Party: "UA", Percent: decimal.NewFromInt(20)}}},
		{ID: "luhansk", Name: "Luhansk", Size: decimal.NewFromInt(26684),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}},
			Control:     []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(100)}}},
	}}
	base.Options = []agreement.Option{{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"donetsk"}}}
	base.ItemClasses = []agreement.ItemClass{
		{ID: "mlrs", Name: "multiple rocket launchers", Items: []string{"BM-21 Grad", "BM-27 Uragan"}},
		{ID: "artillery-100mm", Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}},
	}

	tests := []struct {
		name string
		edit func(a *agreement.Agreement)
		want string
	}{
		{"title", func(a *agreement.Agreement) { a.Title = "Paris Declaration" },
			`agreement: title changed from "Joint declaration of the Coalition of the Willing on security guarantees for Ukraine" to "Paris Declaration"`},
		{"date", func(a *agreement.Agreement) { a.Date = a.Date.Add(19 * time.Hour) },
			`agreement: date changed from 2026-01-06 to 2026-01-06T19:00:00Z`},
		{"stage", func(a *agreement.Agreement) { a.Stage, a.SubStage = agreement.StageSubPar, "" },
			"agreement: stage changed from Pre to SubPar\nagreement: sub-stage changed from Prin to none"},
		{"signing status", func(a *agreement.Agreement) { a.SigningStatus = agreement.SigningStatusUnclear },
			`agreement: signing status changed from signed to unclear`},
		{"entry into force", func(a *agreement.Agreement) { a.EntryIntoForce = agreement.Holds("ceasefire-in-force") },
			`agreement: entry into force changed from none to holds(ceasefire-in-force)`},
		{"party added", func(a *agreement.Agreement) {
			a.Parties = append(a.Parties, agreement.Party{ID: "COW", Kind: agreement.PartyKindStateCoalition})
		}, `party "COW" added`},
		{"party role", func(a *agreement.Agreement) { a.Parties[2].Roles = []agreement.Role{agreement.RoleMonitor} },
			`party "US": roles changed from monitor, guarantor to monitor`},
		{"party removed", func(a *agreement.Agreement) { a.Parties = a.Parties[:5] }, `party "DE" removed`},
		{"parties reordered", func(a *agreement.Agreement) { a.Parties[0], a.Parties[1] = a.Parties[1], a.Parties[0] },
			`order of parties changed from UA, RU, US, FR, GB, DE to RU, UA, US, FR, GB, DE`},
		{"group members", func(a *agreement.Agreement) { a.Groups[0].Members = a.Groups[0].Members[:2] },
			`group "E3": members changed from FR, GB, DE to FR, GB`},
		{"second signature", func(a *agreement.Agreement) {
			a.Signatures = append(a.Signatures, agreement.Signature{Party: "FR", Capacity: "again"})
		}, `signature by "FR" (#2) added`},
		{"signature date", func(a *agreement.Agreement) { a.Signatures[1].Date = a.Date },
			`signature by "GB": date changed from none to 2026-01-06`},
		{"force", func(a *agreement.Agreement) { a.Clauses[1].Force = agreement.ForcePoliticallyBinding },
			`clause "multinational-force": force changed from declaration-of-intent to politically-binding`},
		{"debtors and joint", func(a *agreement.Agreement) {
			a.Clauses[1].Debtors = []agreement.PartyID{"GB", "FR", "DE"}
			a.Clauses[1].Joint = true
		}, "clause \"multinational-force\": debtors changed from GB, FR to GB, FR, DE\n" +
			"clause \"multinational-force\": joint changed from false to true"},
		{"antecedent", func(a *agreement.Agreement) {
			a.Clauses[0].Antecedent = agreement.Within(agreement.Pattern{Kind: agreement.EventKindCeasefireDeclared}, 3*agreement.Day)
		}, `clause "ceasefire-monitoring": antecedent changed from none to within(ceasefire-declared; 72h)`},
		{"trigger removed", func(a *agreement.Agreement) { a.Clauses[0].Trigger = nil },
			`clause "ceasefire-monitoring": trigger changed from holds(ceasefire-in-force) to none`},
		{"quantities", func(a *agreement.Agreement) {
			a.Clauses[2].Quantities = []agreement.Range{{Min: decimal.NewFromInt(5000), Max: decimal.NewFromInt(5000), Unit: agreement.UnitTroops}}
		}, `clause "french-contingent": quantities changed from 2000-9000 troops French troops in Ukraine ("several thousand") to 5000 troops`},
		{"same quantity, other scale", func(a *agreement.Agreement) {
			a.Clauses[2].Quantities = []agreement.Range{{Min: decimal.RequireFromString("2000.0"), Max: decimal.RequireFromString("9000.00"),
				Unit: agreement.UnitTroops, Wording: "several thousand", What: "French troops in Ukraine"}}
		}, ``},
		{"action", func(a *agreement.Agreement) { a.Clauses[0].Action = nil },
			`clause "ceasefire-monitoring": action changed from monitoring-established actor=US to none`},
		{"deadline", func(a *agreement.Agreement) { a.Clauses[6].Deadline = agreement.Deadline{After: 30 * agreement.Day} },
			`clause "coordination-cell": deadline changed from none to after 720h`},
		{"source", func(a *agreement.Agreement) { a.Clauses[6].Source.Speaker = "Emmanuel Macron" },
			`clause "coordination-cell": source changed from Paris joint declaration, 2026-01-06 to Paris joint declaration, Emmanuel Macron, 2026-01-06`},
		{"power", func(a *agreement.Agreement) {
			a.Clauses[5].Kind = agreement.DeonticPower
			a.Clauses[5].Effect = agreement.EffectSuspend
			a.Clauses[5].Targets = []agreement.Ref{agreement.LocalRef("military-hubs")}
			a.Clauses[5].ResumedBy = "coordination-cell"
			a.Clauses[5].Surviving = true
		}, "clause \"german-support\": kind changed from permission to power\n" +
			"clause \"german-support\": effect changed from none to suspend\n" +
			"clause \"german-support\": targets changed from none to military-hubs\n" +
			"clause \"german-support\": resumed by changed from none to \"coordination-cell\"\n" +
			"clause \"german-support\": surviving changed from false to true"},
		{"clauses reordered", func(a *agreement.Agreement) { a.Clauses[5], a.Clauses[6] = a.Clauses[6], a.Clauses[5] },
			"order of clauses changed from ceasefire-monitoring, multinational-force, french-contingent, military-hubs, " +
				"weapons-facilities, german-support, coordination-cell to ceasefire-monitoring, multinational-force, " +
				"french-contingent, military-hubs, weapons-facilities, coordination-cell, german-support"},
		{"fluent", func(a *agreement.Agreement) {
			a.Fluents[0].Terminates = append(a.Fluents[0].Terminates, agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
		}, `fluent "ceasefire-in-force": terminated by changed from ceasefire-collapsed to ceasefire-collapsed; armed-attack actor=RU`},
		{"control", func(a *agreement.Agreement) {
			a.Territory.Areas[0].Control = []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(100)}}
		}, `area "donetsk": control changed from RU 80%, UA 20% to RU 100%`},
		{"area size", func(a *agreement.Agreement) { a.Territory.Areas[1].Size = decimal.NewFromInt(26683) },
			`area "luhansk": size changed from 26684 to 26683`},
		{"area removed", func(a *agreement.Agreement) { a.Territory.Areas = a.Territory.Areas[1:] },
			`area "donetsk" removed`},
		{"arrangement", func(a *agreement.Agreement) {
			a.Territory.Areas[0].Arrangements = []agreement.Arrangement{{Kind: agreement.OptionKindFreeze, Option: "freeze"}}
		}, `area "donetsk": arrangements changed from none to freeze (option freeze)`},
		{"option", func(a *agreement.Agreement) {
			a.Options[0].Parties = []agreement.PartyID{"RU", "UA"}
			w := decimal.NewFromInt(15)
			a.Options = append(a.Options, agreement.Option{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"donetsk"},
				Parties: []agreement.PartyID{"RU", "UA"}, Width: &w, Deadline: agreement.Deadline{After: 30 * agreement.Day}})
		}, "option \"freeze\": parties changed from none to RU, UA\noption \"dmz\" added"},
		{"standing", func(a *agreement.Agreement) { a.Clauses[4].Standing = true },
			`clause "weapons-facilities": standing changed from false to true`},
		{"target debtor", func(a *agreement.Agreement) {
			a.Clauses[5].Kind = agreement.DeonticPower
			a.Clauses[5].Effect = agreement.EffectDischarge
			a.Clauses[5].Targets = []agreement.Ref{agreement.LocalRef("military-hubs")}
			a.Clauses[5].TargetDebtor = agreement.Debtor
		}, "clause \"german-support\": kind changed from permission to power\n" +
			"clause \"german-support\": effect changed from none to discharge\n" +
			"clause \"german-support\": targets changed from none to military-hubs\n" +
			"clause \"german-support\": target debtor changed from none to \"$debtor\""},
		{"relaxes, grant and cover", func(a *agreement.Agreement) {
			a.Clauses[5].Relaxes = []agreement.Ref{agreement.LocalRef("weapons-facilities"), agreement.QualifiedRef("other", "P1")}
			a.Clauses[5].Grant = &agreement.Pattern{Kind: "authorisation", Actor: agreement.Creditor, Class: "mlrs",
				Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))}
			a.Clauses[5].Covers = 2
			a.Clauses[5].CoverWindow = 3 * agreement.Day
		}, "clause \"german-support\": relaxes changed from none to weapons-facilities, other/P1\n" +
			"clause \"german-support\": grant changed from none to authorisation actor=$creditor class=mlrs distance-from-line < 20 km\n" +
			"clause \"german-support\": covers changed from 0 to 2\n" +
			"clause \"german-support\": cover window changed from none to 72h"},
		{"same bound, other scale", func(a *agreement.Agreement) {
			a.ItemClasses[1].Rule = []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.RequireFromString("100.00"))}
		}, ``},
		{"item class rule", func(a *agreement.Agreement) {
			a.ItemClasses[1].Rule = append(a.ItemClasses[1].Rule, agreement.Measure(agreement.UnitT).Of("payload").Above(decimal.NewFromInt(2)))
		}, `item class "artillery-100mm": rule changed from calibre >= 100 mm to calibre >= 100 mm; payload > 2 t`},
		{"item class items and name", func(a *agreement.Agreement) {
			a.ItemClasses[0].Name = "MLRS"
			a.ItemClasses[0].Items = a.ItemClasses[0].Items[:1]
		}, "item class \"mlrs\": name changed from \"multiple rocket launchers\" to \"MLRS\"\n" +
			"item class \"mlrs\": items changed from BM-21 Grad, BM-27 Uragan to BM-21 Grad"},
		{"item classes added, removed and reordered", func(a *agreement.Agreement) {
			a.ItemClasses = []agreement.ItemClass{a.ItemClasses[1], a.ItemClasses[0], {ID: "tanks", Items: []string{"T-72B3"}}}
		}, "order of item classes changed from mlrs, artillery-100mm to artillery-100mm, mlrs\n" +
			`item class "tanks" added`},
		{"item class removed", func(a *agreement.Agreement) { a.ItemClasses = a.ItemClasses[:1] },
			`item class "artillery-100mm" removed`},
		{"range class", func(a *agreement.Agreement) {
			a.Clauses[2].Quantities = []agreement.Range{{Min: decimal.NewFromInt(50), Max: decimal.NewFromInt(50), Unit: agreement.UnitKm,
				Class: "artillery-100mm"}}
		}, `clause "french-contingent": quantities changed from 2000-9000 troops French troops in Ukraine ("several thousand") to 50 km for artillery-100mm`},
		{"calendar deadline", func(a *agreement.Agreement) {
			a.Clauses[6].Deadline = agreement.Deadline{Period: agreement.Period{Days: 3}, Round: agreement.RoundEndOfDay,
				From: agreement.Holds("ceasefire-in-force"), Exclusive: true}
		}, `clause "coordination-cell": deadline changed from none to after 3d from holds(ceasefire-in-force) end-of-day exclusive`},
		{"expiry", func(a *agreement.Agreement) {
			a.Clauses[6].Expiry = agreement.Deadline{At: time.Date(2026, time.December, 31, 0, 0, 0, 0, time.UTC), Round: agreement.RoundEndOfDay}
		}, `clause "coordination-cell": expiry changed from none to at 2026-12-31T00:00:00Z end-of-day`},
		{"in force at", func(a *agreement.Agreement) {
			a.InForceAt = agreement.Deadline{Period: agreement.Period{Days: 30},
				From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "UA"})}
		}, `agreement: in force at changed from none to after 30d from happened(ratification actor=UA)`},
		{"signatories", func(a *agreement.Agreement) { a.Signatories = []agreement.PartyID{"FR", "GB"} },
			`agreement: signatories changed from none to FR, GB`},
		{"agreement zone", func(a *agreement.Agreement) { a.Zone = "Europe/Paris" },
			`agreement: time zone changed from UTC to Europe/Paris`},
		{"provisional", func(a *agreement.Agreement) { a.Clauses[6].Provisional = true },
			`clause "coordination-cell": provisional changed from false to true`},
		{"recurs", func(a *agreement.Agreement) {
			a.Clauses[6].Recurs = agreement.Recurrence{Every: agreement.Period{Months: 1}, Within: agreement.Period{Days: 5},
				Round: agreement.RoundEndOfDay}
		}, `clause "coordination-cell": recurs changed from none to every 1mo within 5d end-of-day`},
		{"recurs on", func(a *agreement.Agreement) {
			a.Clauses[6].Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"},
				Within: agreement.Period{Days: 2}}
		}, `clause "coordination-cell": recurs changed from none to on armed-attack actor=RU within 2d`},
		{"clause zone", func(a *agreement.Agreement) { a.Clauses[6].Zone = "+02:00" },
			`clause "coordination-cell": time zone changed from UTC to +02:00`},
		{"option width", func(a *agreement.Agreement) {
			w := decimal.NewFromInt(10)
			a.Options[0].Width = &w
		}, `option "freeze": width changed from none to 10`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base.Clone()
			b := base.Clone()
			tt.edit(&b)
			changes := revision.Diff(a, b)
			if got := strings.TrimSuffix(changeLines(changes), "\n"); got != diffIndent(tt.want) {
				t.Errorf("Diff() =\n%s\nwant:\n%s", got, diffIndent(tt.want))
			}
			if equal := cmp.Equal(a, b, agreementtest.Options()); equal != (len(changes) == 0) {
				t.Errorf("cmp.Equal = %t but %d changes", equal, len(changes))
			}
			got, err := changes.Apply(a)
			if err != nil {
				t.Fatalf("Apply() error: %v", err)
			}
			if diff := cmp.Diff(b, got, agreementtest.Options()); diff != "" {
				t.Errorf("Apply() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(base, a, agreementtest.Options()); diff != "" {
				t.Errorf("Apply() modified its input (-before +after):\n%s", diff)
			}
		})
	}
}

func diffIndent(s string) string {
	if s == "" {
		return ""
	}
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t")
}

// TestApplyErrors checks that changes that do not fit the agreement are
// reported, every one, with its index and ErrNotApplicable, and that nothing
// is returned.
func TestApplyErrors(t *testing.T) {
	draft, final := parisDeclaration(parisDraft), parisDeclaration(parisFinal)
	changes := revision.Diff(draft, final) // removes us-backstop

	bad := revision.Changes{
		changes[0], // us-backstop is not in the final text
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "multinational-force", Field: "force",
			Old: agreement.ForcePoliticallyBinding, New: agreement.ForceLegallyBinding}, // it is a declaration of intent
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "multinational-force", Field: "colour",
			Old: "", New: "blue"},
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "multinational-force", Field: "force",
			Old: agreement.ForceDeclarationOfIntent, New: "binding"}, // wrong type
		{Op: revision.OpAdded, Item: revision.ItemParty, ID: "UA", New: agreement.Party{ID: "UA"}},
		{Op: revision.OpAdded, Item: revision.ItemParty, ID: "PL", Index: 99, New: agreement.Party{ID: "PL"}},
		{Op: revision.OpAdded, Item: revision.ItemParty, ID: "IT", New: agreement.Party{ID: "ES"}},
		{Op: revision.OpReordered, Item: revision.ItemFluent, Old: []string{"x"}, New: []string{"x"}},
		{Op: revision.OpRemoved, Item: revision.ItemAgreement},
		{Op: 0, Item: revision.ItemClause},
		{Op: revision.OpRemoved, Item: 42},
		{Op: revision.OpRemoved, Item: revision.ItemParty, ID: "RU", Old: agreement.Party{ID: "RU"}},
	}
	before := final.Clone()
	got, err := bad.Apply(final)
	if err == nil {
		t.Fatalf("Apply() = %v, want an error", got.ID)
	}
	if diff := cmp.Diff(agreement.Agreement{}, got, agreementtest.Options()); diff != "" {
		t.Errorf("Apply() returned a value on error:\n%s", diff)
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T is not a *ValidationError", err)
	}
	want := []string{
		`changes[0]: clause "us-backstop" not found`,
		`changes[1]: clause "multinational-force": force is declaration-of-intent, not politically-binding`,
		`changes[2]: unknown clause field "colour"`,
		`changes[3]: clause "multinational-force": wrong type of value for force`,
		`changes[4]: party "UA" already present`,
		`changes[5]: party "PL": position 99 out of range (0 to 6)`,
		`changes[6]: party "IT": the item added has the id "ES"`,
		`changes[7]: the fluents are ceasefire-in-force, not x`,
		`changes[8]: the agreement itself can only be modified, not removed`,
		`changes[9]: unknown operation Op(0)`,
		`changes[10]: unknown item kind Item(42)`,
		`changes[11]: party "RU" differs from the item to remove`,
	}
	var gotProblems []string
	for _, p := range ve.Problems {
		gotProblems = append(gotProblems, p.Error())
		if !errors.Is(p, revision.ErrNotApplicable) {
			t.Errorf("%v does not wrap ErrNotApplicable", p)
		}
	}
	if diff := cmp.Diff(want, gotProblems); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, final, agreementtest.Options()); diff != "" {
		t.Errorf("Apply() modified its input (-before +after):\n%s", diff)
	}
}

// 72 hours and 3 calendar days are different limits (a local day lasts 23,
// 24 or 25 hours): Diff reports the change, writes each in its own
// spelling, and Apply makes it.
func TestDiffDeadlineHoursAndDays(t *testing.T) {
	clause := func(d agreement.Deadline) agreement.Agreement {
		return agreement.Agreement{ID: "ceasefire", Zone: "Europe/Kyiv", Clauses: []agreement.Clause{{ID: "withdraw",
			Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"}, Deadline: d}}}
	}
	hours := clause(agreement.Deadline{After: 72 * time.Hour})
	days := clause(agreement.Deadline{Period: agreement.Period{Days: 3}})
	changes := revision.Diff(hours, days)
	if len(changes) != 1 {
		t.Fatalf("Diff(72h, 3d) = %d changes, want 1:\n%s", len(changes), changeLines(changes))
	}
	c := changes[0]
	if c.Op != revision.OpModified || c.Field != "deadline" {
		t.Errorf("Diff(72h, 3d)[0] = %#v, want the deadline modified", c)
	}
	if got, want := c.String(), `clause "withdraw": deadline changed from after 72h to after 3d`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := revision.FormatValue(c.Old)+" / "+revision.FormatValue(c.New), "after 72h / after 3d"; got != want {
		t.Errorf("FormatValue(Old) / FormatValue(New) = %q, want %q", got, want)
	}
	got, err := changes.Apply(hours)
	if err != nil {
		t.Fatalf("Apply() error: %v", err)
	}
	if !got.Clauses[0].Deadline.Equal(days.Clauses[0].Deadline) {
		t.Errorf("Apply() deadline = %v, want %v", got.Clauses[0].Deadline, days.Clauses[0].Deadline)
	}
	// The same number of hours written as an exact period is still not 3
	// calendar days.
	exact := clause(agreement.Deadline{Period: agreement.Period{Exact: 72 * time.Hour}})
	if cs := revision.Diff(exact, days); len(cs) != 1 {
		t.Errorf("Diff(exact 72h period, 3d) = %d changes, want 1:\n%s", len(cs), changeLines(cs))
	}
	if cs := revision.Diff(days, days.Clone()); len(cs) != 0 {
		t.Errorf("Diff(3d, copy) = %d changes, want none:\n%s", len(cs), changeLines(cs))
	}
}

// A recurrence's pattern is held by pointer: the values a change holds,
// and the result of Apply, share it with neither version.
func TestDiffRecurrenceSharesNothing(t *testing.T) {
	on := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}
	a := agreement.Agreement{ID: "ceasefire", Clauses: []agreement.Clause{{ID: "notify", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"RU"}}}}
	b := a.Clone()
	b.Clauses[0].Recurs = agreement.Recurrence{On: &on, Within: agreement.Period{Days: 2}}
	changes := revision.Diff(a, b)
	if len(changes) != 1 || changes[0].Field != "recurs" {
		t.Fatalf("Diff() = %s, want the recurrence modified", changeLines(changes))
	}
	got, err := changes.Apply(a)
	if err != nil {
		t.Fatalf("Apply() error: %v", err)
	}
	held := changes[0].New.(agreement.Recurrence)
	if held.On == &on || got.Clauses[0].Recurs.On == &on || got.Clauses[0].Recurs.On == held.On {
		t.Error("the pattern of the recurrence is shared")
	}
	on.Actor = "UA"
	if got.Clauses[0].Recurs.On.Actor != "RU" || held.On.Actor != "RU" {
		t.Error("changing the original pattern changed a copy")
	}
}

// Duplicate ids (an invalid agreement) are matched occurrence by
// occurrence: removing the second of two clauses "X" removes that one.
func TestDiffDuplicateIDs(t *testing.T) {
	x1 := agreement.Clause{ID: "X", Text: "first", Kind: agreement.DeonticObligation}
	x2 := agreement.Clause{ID: "X", Text: "second", Kind: agreement.DeonticObligation}
	y := agreement.Clause{ID: "Y", Kind: agreement.DeonticPermission}
	tests := []struct {
		a, b []agreement.Clause
		want string
	}{
		{[]agreement.Clause{x1, x2, y}, []agreement.Clause{x1, y}, `clause "X" (#2) removed`},
		{[]agreement.Clause{x1, y}, []agreement.Clause{x1, y, x2}, `clause "X" (#2) added`},
		{[]agreement.Clause{x1, x2}, []agreement.Clause{x2},
			"clause \"X\" (#2) removed\nclause \"X\": text changed from \"first\" to \"second\""},
		{[]agreement.Clause{x1, y, x2}, []agreement.Clause{y, x1, x2}, `order of clauses changed from X, Y, X to Y, X, X`},
	}
	for i, tt := range tests {
		a, b := agreement.Agreement{ID: "dup", Clauses: tt.a}, agreement.Agreement{ID: "dup", Clauses: tt.b}
		changes := revision.Diff(a, b)
		if got := strings.TrimSuffix(changeLines(changes), "\n"); got != diffIndent(tt.want) {
			t.Errorf("%d: Diff() =\n%s\nwant:\n%s", i, got, diffIndent(tt.want))
		}
		got, err := changes.Apply(a)
		if err != nil {
			t.Fatalf("%d: Apply() error: %v", i, err)
		}
		if diff := cmp.Diff(b, got, agreementtest.Options()); diff != "" {
			t.Errorf("%d: Apply() mismatch (-want +got):\n%s", i, diff)
		}
	}
}

// Compare the draft and the final communiqué of the Paris declaration: the
// US commitment to support the multinational force if Russia attacks again
// is the only difference.
func ExampleDiff() {
	draft := agreement.Agreement{
		ID:      "paris-2026",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}, {ID: "FR"}, {ID: "GB"}},
		Clauses: []agreement.Clause{
			{ID: "monitoring", Kind: agreement.DeonticObligation, Force: agreement.ForcePoliticallyBinding, Debtors: []agreement.PartyID{"US"}},
			{ID: "us-backstop", Kind: agreement.DeonticObligation, Force: agreement.ForcePoliticallyBinding, Debtors: []agreement.PartyID{"US"},
				Text: `the U.S. would "support" the multinational force "in the event of a new Russian attack"`},
			{ID: "mnf", Kind: agreement.DeonticObligation, Force: agreement.ForceDeclarationOfIntent, Debtors: []agreement.PartyID{"FR", "GB"}},
		},
	}
	final := draft.Clone()
	final.Clauses = append(final.Clauses[:1], final.Clauses[2])
	final.Clauses[1].Force = agreement.ForcePoliticallyBinding
	final.Parties[2].Roles = []agreement.Role{agreement.RoleMonitor}

	changes := revision.Diff(draft, final)
	for _, c := range changes {
		fmt.Println(c)
	}
	// Applying the changes to the draft gives the final text.
	got, err := changes.Apply(draft)
	fmt.Println(err, len(revision.Diff(got, final)))
	// Output:
	// party "US": roles changed from none to monitor
	// clause "us-backstop" removed
	// clause "mnf": force changed from declaration-of-intent to politically-binding
	// <nil> 0
}

// Write the debtors of a clause as a change would show them, with a text of
// one's own for each party.
func ExampleFormatList() {
	name := func(p agreement.PartyID) string { return "party " + string(p) }
	fmt.Println(revision.FormatList([]agreement.PartyID{"FR", "GB"}, ", ", name))
	fmt.Println(revision.FormatList([]agreement.PartyID{}, ", ", name))
	// Output:
	// party FR, party GB
	// none
}
