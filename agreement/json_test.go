package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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

var update = flag.Bool("update", false, "rewrite golden files")

// jsonCmp compares decoded values: instants and decimals by Equal,
// conditions with EqualConditions, bounds as boundFields does, nil and
// empty slices alike.
var jsonCmp = cmp.Options{
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.Comparer(agreement.EqualConditions),
	boundFields,
	cmpopts.EquateEmpty(),
}

// boundFields compares bounds field by field, which is comparing them with
// == (their limits are canonical text). It is an exporter rather than a
// comparer, so that it may be combined with options that compare bounds.
var boundFields = cmp.AllowUnexported(agreement.Bound{})

// jsonFixture is an agreement that sets every field, every enumeration's
// every value in some place, and every kind of condition node, including
// the empty All().
func jsonFixture() agreement.Agreement {
	paris := time.FixedZone("CET", 3600)
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce, Reporter: "US", Attribution: agreement.AttributionConfirmed}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Attribution: agreement.AttributionAlleged}
	deployed := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA", Area: "UA-14"}
	return agreement.Agreement{
		ID:            "paris-2026",
		Title:         "Paris Declaration <of the Coalition> & \"friends\"",
		Date:          time.Date(2026, time.January, 6, 19, 0, 0, 0, paris),
		Stage:         agreement.StagePre,
		SubStage:      agreement.SubStagePrin,
		SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState,
				Roles: []agreement.Role{agreement.RolePartyToConflict, agreement.RoleBeneficiary}},
			{ID: "RU", Name: "Russia", Kind: agreement.PartyKindGovernment, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "US", Name: "United States", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleMonitor}},
			{ID: "FR", Name: "France", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "GB", Name: "United Kingdom", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "COW", Name: "Coalition of the Willing", Kind: agreement.PartyKindStateCoalition,
				Roles: []agreement.Role{agreement.RoleGuarantor, agreement.RoleMediator}},
			{ID: "UN", Name: "United Nations", Kind: agreement.PartyKindIntergovernmentalOrganisation, Roles: []agreement.Role{agreement.RoleObserver}},
			{ID: "envoy", Name: "Special envoy", Kind: agreement.PartyKindPerson, Roles: []agreement.Role{agreement.RoleWitness}},
			{ID: "ngo", Name: "Monitoring NGO", Kind: agreement.PartyKindCivilSociety},
			{ID: "militia", Kind: agreement.PartyKindArmedGroup},
			{ID: "misc", Kind: agreement.PartyKindOther},
			{ID: "anon"},
		},
		Groups: []agreement.Group{
			{ID: "NATO", Name: "NATO members on the ground", Members: []agreement.PartyID{"US", "FR", "GB"}},
			{ID: "empty"},
		},
		Signatures: []agreement.Signature{
			{Party: "FR", Signatory: "Emmanuel Macron", Capacity: "President of the French Republic",
				Date: time.Date(2026, time.January, 6, 18, 30, 0, 123456789, paris)},
			{Party: "GB"},
		},
		Fluents: []agreement.Fluent{
			{ID: "ceasefire", Initiates: []agreement.Pattern{ceasefire},
				Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}},
			{ID: "talks", Initiates: []agreement.Pattern{{Kind: "talks-opened"}}, Initially: true},
		},
		Clauses: []agreement.Clause{
			{
				ID:   "MON",
				Text: "the United States spearheading a mechanism for monitoring the truce",
				Source: agreement.Source{Document: "final communiqué", Speaker: "Emmanuel Macron",
					Date: time.Date(2026, time.January, 6, 20, 0, 0, 0, paris)},
				Kind:       agreement.DeonticObligation,
				Force:      agreement.ForcePoliticallyBinding,
				Category:   agreement.CategoryCe,
				Debtors:    []agreement.PartyID{"US"},
				Creditors:  []agreement.PartyID{"UA", "FR"},
				Action:     &agreement.Pattern{Kind: "monitoring-established", Actor: "US", Area: "donetsk"},
				Trigger:    agreement.Happened(ceasefire),
				Deadline:   agreement.Deadline{After: 30 * agreement.Day},
				Expiry:     agreement.Deadline{At: time.Date(2027, time.January, 1, 0, 0, 0, 0, time.UTC)},
				Fulfilment: agreement.Within(agreement.Pattern{Kind: "monitoring-established"}, 36*time.Hour),
			},
			{
				ID:        "MNF",
				Text:      "Britain, France and other European partners to send troops into Ukraine following a ceasefire",
				Source:    agreement.Source{Document: "trilateral declaration of intent"},
				Kind:      agreement.DeonticObligation,
				Force:     agreement.ForceDeclarationOfIntent,
				Category:  agreement.CategorySsrGua,
				Debtors:   []agreement.PartyID{"FR", "GB"},
				Joint:     true,
				Creditors: []agreement.PartyID{"UA"},
				Action:    &deployed,
				Quantities: []agreement.Range{
					{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000), Unit: agreement.UnitTroops,
						Wording: "several thousand", What: "troops deployed in Ukraine"},
					agreement.Exactly(agreement.NewQuantity(decimal.RequireFromString("1.50"), agreement.UnitKm)),
					{Min: decimal.RequireFromString("0.000001"), Max: decimal.New(12, 3)},
				},
				Trigger: agreement.All(
					agreement.Holds("ceasefire"),
					agreement.ClauseIn(agreement.LocalRef("MON"), agreement.StateInEffect, agreement.StateFulfilled),
				),
				Antecedent: agreement.Before(ceasefire, agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "FR"}),
				Deadline:   agreement.Deadline{At: time.Date(2026, time.June, 30, 12, 0, 0, 5, paris)},
				Expiry:     agreement.Deadline{After: 365 * agreement.Day},
				Fulfilment: agreement.Any(
					agreement.Happened(deployed),
					agreement.Within(deployed, 72*time.Hour),
				),
				Violation: agreement.Not(agreement.Since(ceasefire, 90*agreement.Day)),
			},
			{
				ID:       "NOATT",
				Text:     "no armed attack",
				Kind:     agreement.DeonticProhibition,
				Force:    agreement.ForceLegallyBinding,
				Category: "SsrFf",
				Debtors:  []agreement.PartyID{"RU", "militia"},
				Joint:    true, // severally, militia's instance would answer for RU's attacks
				Action:   &attack,
				Trigger:  agreement.AgreementIn("", agreement.StateInForce),
				Antecedent: agreement.AgreementIn("paris-2026", agreement.StateInForce, agreement.StateSuspended,
					agreement.StateSigned, agreement.StateDraft, agreement.StateTerminated),
				Violation: agreement.AtLeast(2,
					agreement.Happened(attack),
					agreement.Happened(agreement.Pattern{Kind: agreement.EventKindControlChanged, Actor: "RU", Area: "UA-14"}),
					agreement.All(),
				),
				Expiry:    agreement.Deadline{After: 90*agreement.Day + 90*time.Minute},
				Surviving: true,
			},
			{
				ID:      "PERM",
				Kind:    agreement.DeonticPermission,
				Force:   agreement.ForceAspiration,
				Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: agreement.EventKindPerformance, Actor: "UA",
					Clause: agreement.QualifiedRef("paris-2026", "MON")},
				Trigger: agreement.ClauseIn(agreement.QualifiedRef("paris-2026", "NOATT"),
					agreement.StateDormant, agreement.StatePending, agreement.StateSuspended, agreement.StateViolated,
					agreement.StateDischarged, agreement.StateTerminated),
			},
			{
				ID:        "SUSP",
				Kind:      agreement.DeonticPower,
				Debtors:   []agreement.PartyID{"COW"},
				Action:    &agreement.Pattern{Kind: agreement.EventKindPowerExercised, Clause: agreement.LocalRef("SUSP")},
				Effect:    agreement.EffectSuspend,
				Targets:   []agreement.Ref{agreement.LocalRef("MNF"), agreement.QualifiedRef("paris-2026", "PERM")},
				ResumedBy: "RES",
			},
			{ID: "RES", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"COW"}, Effect: agreement.EffectResume},
			{ID: "DIS", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UN"}, Effect: agreement.EffectDischarge,
				Targets: []agreement.Ref{agreement.LocalRef("PERM")}},
			{ID: "TERM", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA", "RU"}, Joint: true,
				Effect: agreement.EffectTerminate, Targets: []agreement.Ref{agreement.AgreementRef("paris-2026")}},
		},
		Territory: jsonTerritory(),
		Options:   jsonOptions(),
		EntryIntoForce: agreement.All(
			agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: "UA"}),
			agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: "RU"}),
		),
	}
}

// jsonTerritory declares the areas jsonFixture's patterns name, and others,
// with sovereignty and control differing and arrangements of earlier
// options.
func jsonTerritory() agreement.Territory {
	d := decimal.RequireFromString
	share := func(p agreement.PartyID, pct string) agreement.Share {
		return agreement.Share{Party: p, Percent: d(pct)}
	}
	return agreement.Territory{Areas: []agreement.Area{
		{ID: "donetsk", Name: "Donetsk oblast", Size: d("26517"),
			Sovereignty:  []agreement.Share{share("UA", "100")},
			Control:      []agreement.Share{share("RU", "78.1"), share("UA", "21.9")},
			Arrangements: []agreement.Arrangement{{Kind: agreement.OptionKindFreeze, Option: "minsk-line"}}},
		{ID: "UA-14", Name: "buffer strip", Size: d("0.50"),
			Sovereignty: []agreement.Share{share("UA", "60.25"), share("RU", "39.75")},
			Control:     []agreement.Share{share("UN", "100")},
			Arrangements: []agreement.Arrangement{
				{Kind: agreement.OptionKindReferendum, Option: "old-vote", Party: "UN"},
				{Kind: agreement.OptionKindSpecialStatus, Option: "old_status"},
			}},
		{ID: "crimea", Name: "Autonomous Republic of Crimea", Size: d("26081"),
			Sovereignty: []agreement.Share{share("UA", "100")}, Control: []agreement.Share{share("RU", "100")}},
		{ID: "kherson", Size: d("28461"),
			Sovereignty: []agreement.Share{share("UA", "100")},
			Control:     []agreement.Share{share("RU", "72"), share("UA", "28")}},
		{ID: "znpp", Name: "Zaporizhzhia nuclear power plant", Size: d("4.5"),
			Sovereignty: []agreement.Share{share("UA", "100")}, Control: []agreement.Share{share("RU", "100")}},
	}}
}

// jsonOptions has one option of every kind, every lapse rule, and no
// conflict.
func jsonOptions() []agreement.Option {
	width := decimal.New(15, 0)
	return []agreement.Option{
		{ID: "cede-crimea", Kind: agreement.OptionKindCede, Text: "Crimea passes to Russia", Areas: []agreement.AreaID{"crimea"},
			From: "UA", To: "RU"},
		{ID: "recognise", Kind: agreement.OptionKindRecogniseControl, Areas: []agreement.AreaID{"crimea"}, Party: "RU"},
		{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"donetsk"},
			Parties: []agreement.PartyID{"UA", "RU"}},
		{ID: "withdraw", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"kherson"}, From: "RU", To: "UA",
			Deadline: agreement.Deadline{After: 60 * agreement.Day}},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"donetsk"}, Parties: []agreement.PartyID{"UA", "RU"},
			Width: &width, Deadline: agreement.Deadline{At: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)}},
		{ID: "admin", Kind: agreement.OptionKindInternationalAdministration, Areas: []agreement.AreaID{"znpp"}, Party: "UN",
			Deadline: agreement.Deadline{After: 30 * agreement.Day}},
		{ID: "status", Kind: agreement.OptionKindSpecialStatus, Areas: []agreement.AreaID{"donetsk", "kherson"}},
		{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"kherson"}, Party: "UN",
			Results: []agreement.Result{{Outcome: "yes", Sovereign: "RU"}, {Outcome: "no", Sovereign: "UA"},
				{Outcome: "void"}},
			Lapse: agreement.LapseStatusQuo},
		{ID: "award", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"znpp"}, Party: "UN",
			Deadline: agreement.Deadline{After: 365 * agreement.Day},
			Results:  []agreement.Result{{Outcome: "RU", Sovereign: "RU"}, {Outcome: "UA", Sovereign: "UA"}},
			Lapse:    agreement.LapseFollowControl},
	}
}

// jsonProcessFixture is two linked instruments referring to each other.
func jsonProcessFixture() agreement.Process {
	paris := jsonFixture()
	ceasefire := agreement.Agreement{
		ID:    "ceasefire-2026",
		Title: "Ceasefire",
		Parties: []agreement.Party{
			{ID: "UA", Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Roles: []agreement.Role{agreement.RolePartyToConflict}},
		},
		Clauses: []agreement.Clause{{
			ID:         "C1",
			Kind:       agreement.DeonticObligation,
			Debtors:    []agreement.PartyID{"UA", "RU"},
			Action:     &agreement.Pattern{Kind: agreement.EventKindCeasefireInForce},
			Trigger:    agreement.ClauseIn(agreement.QualifiedRef("paris-2026", "MON"), agreement.StateInEffect),
			Antecedent: agreement.AgreementIn("paris-2026", agreement.StateInForce),
		}, {
			ID:      "END",
			Kind:    agreement.DeonticPower,
			Debtors: []agreement.PartyID{"UA"},
			Effect:  agreement.EffectTerminate,
			Targets: []agreement.Ref{agreement.AgreementRef("paris-2026"), agreement.QualifiedRef("paris-2026", "MNF")},
		}},
	}
	return agreement.Process{Title: "Paris process", Agreements: []agreement.Agreement{paris, ceasefire}}
}

// checkGolden compares got, indented, with the golden file name, or rewrites
// it with -update, and returns the indented bytes.
func checkGolden(t *testing.T, name string, got []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, got, "", "  "); err != nil {
		t.Fatalf("json.Indent: %v", err)
	}
	buf.WriteByte('\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("MarshalJSON() mismatch with %s (-want +got):\n%s", path, diff)
	}
	return buf.Bytes()
}

// roundTrip encodes v with its MarshalJSON and decodes the encoding with
// decode, as decodeEqual does; it returns the encoding and the decoded value.
func roundTrip[T json.Marshaler](t testing.TB, v T, decode func([]byte) (T, error), opts cmp.Option) ([]byte, T) {
	t.Helper()
	enc, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("%T.MarshalJSON() error: %v", v, err)
	}
	return enc, decodeEqual(t, enc, v, decode, opts)
}

// decodeEqual decodes data with decode, failing t unless that succeeds and
// gives want, compared under opts; it returns the decoded value.
func decodeEqual[T any](t testing.TB, data []byte, want T, decode func([]byte) (T, error), opts cmp.Option) T {
	t.Helper()
	got, err := decode(data)
	if err != nil {
		t.Fatalf("decoding %T: %v\n%s", want, err, data)
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Fatalf("decoded %T mismatch (-want +got):\n%s", want, diff)
	}
	return got
}

func TestAgreementJSONGolden(t *testing.T) {
	got, back := checkGoldenDocument(t, "agreement.golden.json", jsonFixture(), agreement.DecodeAgreement)
	again, err := back.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON(decoded) error: %v", err)
	}
	if !bytes.Equal(got, again) {
		t.Errorf("re-encoding differs:\n%s\n%s", got, again)
	}
}

func TestProcessJSONGolden(t *testing.T) {
	checkGoldenDocument(t, "process.golden.json", jsonProcessFixture(), agreement.DecodeProcess)
}

// checkGoldenDocument checks that the fixture v validates, that its
// encoding, indented, is the golden file name, and that decode reads the
// golden text back as v; it returns the encoding and the decoded value.
func checkGoldenDocument[T interface {
	json.Marshaler
	Validate() error
}](t *testing.T, name string, v T, decode func([]byte) (T, error)) ([]byte, T) {
	t.Helper()
	if err := v.Validate(); err != nil {
		t.Fatalf("fixture does not validate: %v", err)
	}
	got, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON() error: %v", err)
	}
	return got, decodeEqual(t, checkGolden(t, name, got), v, decode, jsonCmp)
}

// Small values whose encoding is easy to get wrong: the empty All, empty
// but non-nil slices, instants in other zones, decimals with exponents, and
// the zero Process.
func TestJSONRoundTrip(t *testing.T) {
	base := func(edit func(*agreement.Agreement)) agreement.Agreement {
		a := agreement.Agreement{
			ID:      "a",
			Parties: []agreement.Party{{ID: "UA"}},
			Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "k"}}},
		}
		edit(&a)
		return a
	}
	tests := []struct {
		name string
		a    agreement.Agreement
	}{
		{"minimal", base(func(*agreement.Agreement) {})},
		{"empty all", base(func(a *agreement.Agreement) { a.EntryIntoForce = agreement.All() })},
		{"empty any", base(func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.Any() })},
		{"at least zero of none", base(func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.AtLeast(0) })},
		{"nested empty", base(func(a *agreement.Agreement) {
			a.Clauses[0].Trigger = agreement.Not(agreement.All(agreement.Any(), agreement.All()))
		})},
		{"since zero", base(func(a *agreement.Agreement) {
			a.Clauses[0].Trigger = agreement.Since(agreement.Pattern{Kind: "k"}, 0)
		})},
		{"empty non-nil slices", base(func(a *agreement.Agreement) {
			a.Groups, a.Signatures, a.Fluents = []agreement.Group{}, []agreement.Signature{}, []agreement.Fluent{}
			a.Parties[0].Roles = []agreement.Role{}
			a.Clauses[0].Creditors, a.Clauses[0].Quantities = []agreement.PartyID{}, []agreement.Range{}
		})},
		{"instants in other zones", base(func(a *agreement.Agreement) {
			a.Date = time.Date(2026, 3, 29, 1, 59, 59, 999999999, time.FixedZone("", -(9*3600+30*60)))
			_, last := agreement.InstantRange()
			a.Clauses[0].Deadline.At = last.In(time.FixedZone("", 5*3600))
			a.Clauses[0].Source.Date = time.Date(0, 1, 1, 0, 0, 0, 1, time.UTC)
		})},
		{"decimals", base(func(a *agreement.Agreement) {
			a.Clauses[0].Quantities = []agreement.Range{
				{Min: decimal.New(0, 5), Max: decimal.New(5, 3)},
				{Min: decimal.New(100, -2), Max: decimal.RequireFromString("123456789012345678901234567890.0123456789")},
				{Min: decimal.Decimal{}, Max: decimal.New(1, -990)},
			}
		})},
		{"territory and options", base(func(a *agreement.Agreement) {
			w := decimal.New(25, -1)
			a.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "d", Size: decimal.New(5, 3),
				Sovereignty:  []agreement.Share{{Party: "UA", Percent: decimal.New(1000, -1)}},
				Control:      []agreement.Share{{Party: "UA", Percent: decimal.RequireFromString("99.9999")}, {Party: "UA2", Percent: decimal.New(1, -4)}},
				Arrangements: []agreement.Arrangement{}}}}
			a.Parties = append(a.Parties, agreement.Party{ID: "UA2"})
			a.Options = []agreement.Option{{ID: "z", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"d"},
				Parties: []agreement.PartyID{"UA"}, Width: &w, Deadline: agreement.Deadline{After: 36 * time.Hour},
				Results: []agreement.Result{}}}
		})},
		{"text needing escapes", base(func(a *agreement.Agreement) {
			a.Title = "<b>&</b> \"quoted\" \\ \u2028 \x00 \t tab, non-ASCII: ü 東京 🕊"
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Validate(); err != nil {
				t.Fatalf("fixture does not validate: %v", err)
			}
			_, got := roundTrip(t, tt.a, agreement.DecodeAgreement, jsonCmp)
			if !agreement.EqualConditions(tt.a.EntryIntoForce, got.EntryIntoForce) {
				t.Errorf("entry into force: want %v, got %v", tt.a.EntryIntoForce, got.EntryIntoForce)
			}
		})
	}

	t.Run("zero process", func(t *testing.T) {
		data, err := agreement.Process{}.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON() error: %v", err)
		}
		if string(data) != `{"schema":1}` {
			t.Errorf("MarshalJSON() = %s, want {\"schema\":1}", data)
		}
		got, err := agreement.DecodeProcess(data)
		if err != nil {
			t.Fatalf("DecodeProcess() error: %v", err)
		}
		if diff := cmp.Diff(agreement.Process{}, got, jsonCmp); diff != "" {
			t.Errorf("DecodeProcess() mismatch (-want +got):\n%s", diff)
		}
	})
}

// Strings decode exactly as encoding/json decodes them, escapes and
// invalid UTF-8 included.
func TestDecodeStrings(t *testing.T) {
	tests := []struct{ name, literal string }{
		{"plain", `"Paris declaration"`},
		{"empty", `""`},
		{"escapes", `"a\"b\\c\/d\b\f\n\r\t"`},
		{"unicode escapes", `"\u00e9\u6771\u4eac \ud83d\udd4a"`},
		{"lone surrogate", `"\ud800 and \udc00x"`},
		{"raw non-ASCII", "\"communiqu\u00e9 – 東京\""},
		{"invalid UTF-8", "\"bad \xff\xfe bytes\""},
		{"escaped quote at the end", `"say \"hi\""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want string
			if err := json.Unmarshal([]byte(tt.literal), &want); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", tt.literal, err)
			}
			a, err := agreement.DecodeAgreement([]byte(`{"schema":1,"id":"a","title":` + tt.literal + `}`))
			if err != nil {
				t.Fatalf("DecodeAgreement() error: %v", err)
			}
			if a.Title != want {
				t.Errorf("title = %q, want %q (as encoding/json decodes it)", a.Title, want)
			}
		})
	}
}

func TestMarshalJSONDecimalText(t *testing.T) {
	tests := []struct {
		d    decimal.Decimal
		want string
	}{
		{decimal.Decimal{}, "0"},
		{decimal.New(0, -3), "0"},
		{decimal.New(0, 4000), "0"},
		{decimal.NewFromInt(2000), "2000"},
		{decimal.New(5, 3), "5000"},
		{decimal.RequireFromString("1.50"), "1.5"},
		{decimal.RequireFromString("0.000001"), "0.000001"},
		{decimal.New(-125, -1), "-12.5"},
		{decimal.New(-1, -3), "-0.001"},
		{decimal.RequireFromString("1E2"), "100"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			a := agreement.Agreement{Clauses: []agreement.Clause{{Quantities: []agreement.Range{{Min: tt.d, Max: tt.d}}}}}
			data, err := a.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON() error: %v", err)
			}
			var w struct {
				Clauses []struct {
					Quantities []struct{ Min, Max string }
				}
			}
			if err := json.Unmarshal(data, &w); err != nil {
				t.Fatal(err)
			}
			if got := w.Clauses[0].Quantities[0].Min; got != tt.want {
				t.Errorf("min encoded as %q, want %q", got, tt.want)
			}
		})
	}
}

// jsonProblem is a problem's path and sentinel, for comparison.
type jsonProblem struct {
	Path string
	Err  error
}

func jsonProblems(t *testing.T, err error) []jsonProblem {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	out := make([]jsonProblem, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = jsonProblem{p.Path, p.Err}
		if !errors.Is(err, p.Err) {
			t.Errorf("errors.Is(err, %v) = false for problem %v", p.Err, p)
		}
	}
	return out
}

// jsonDoc returns a small valid agreement document holding clause, which
// may refer to parties UA and RU and to fluent f.
func jsonDoc(clause string) string {
	return `{"schema":1,"id":"a","parties":[{"id":"UA"},{"id":"RU"}],"fluents":[{"id":"f"}],"clauses":[` +
		clause + `]}`
}

// jsonClause returns a valid clause of RU with extra members (starting with
// a comma) appended.
func jsonClause(extra string) string {
	return `{"id":"C1","kind":"obligation","debtors":["RU"],"action":{"kind":"withdrawal-completed","actor":"RU"}` +
		extra + `}`
}

func TestDecodeErrors(t *testing.T) {
	deep := strings.Repeat(`{"not":`, 1001) + `{"holds":"f"}` + strings.Repeat(`}`, 1001)
	deepPath := "clauses[0].trigger" + strings.Repeat(".not", 1000)
	tests := []struct {
		name    string
		process bool // decode with DecodeProcess
		in      string
		want    []jsonProblem
		msg     string // a substring of the error's text, if set
	}{
		{name: "unknown top-level field",
			in:   `{"schema":1,"id":"a","colour":"red"}`,
			want: []jsonProblem{{"colour", agreement.ErrUnknownField}}},
		{name: "unknown field in a condition in a clause",
			in: jsonDoc(jsonClause(`,"trigger":{"all":[{"holds":"f"},` +
				`{"happened":{"kind":"armed-attack","actor":"RU","colour":"red"}}]}`)),
			want: []jsonProblem{{"clauses[0].trigger.all[1].happened.colour", agreement.ErrUnknownField}}},
		{name: "unknown condition operator",
			in:   jsonDoc(jsonClause(`,"trigger":{"hapened":{"kind":"armed-attack"}}`)),
			want: []jsonProblem{{"clauses[0].trigger.hapened", agreement.ErrUnknownField}}},
		{name: "unknown field in a nested agreement",
			process: true,
			in:      `{"schema":1,"agreements":[{"schema":1,"id":"a"}]}`,
			want:    []jsonProblem{{"agreements[0].schema", agreement.ErrUnknownField}}},
		{name: "unknown enum name",
			in:   jsonDoc(`{"id":"C1","kind":"obligatory","debtors":["RU"],"action":{"kind":"k"}}`),
			want: []jsonProblem{{"clauses[0].kind", agreement.ErrInvalidValue}}},
		{name: "unknown role",
			in:   `{"schema":1,"id":"a","parties":[{"id":"UA","roles":["guarantor","king"]}]}`,
			want: []jsonProblem{{"parties[0].roles[1]", agreement.ErrInvalidValue}}},
		{name: "unknown state",
			in:   jsonDoc(jsonClause(`,"trigger":{"clauseIn":{"clause":"C1","states":["broken"]}}`)),
			want: []jsonProblem{{"clauses[0].trigger.clauseIn.states[0]", agreement.ErrInvalidValue}}},
		{name: "wrong schema version, reported alone",
			in:   `{"schema":2,"id":"a","colour":"red"}`,
			want: []jsonProblem{{"schema", agreement.ErrSchemaVersion}}},
		{name: "schema version as a string",
			in:   `{"schema":"1","id":"a"}`,
			want: []jsonProblem{{"schema", agreement.ErrSchemaVersion}}},
		{name: "missing schema, reported with the rest",
			in: `{"id":"a","colour":"red"}`,
			want: []jsonProblem{{"schema", agreement.ErrSchemaVersion},
				{"colour", agreement.ErrUnknownField}}},
		{name: "missing process schema",
			process: true,
			in:      `{"title":"t"}`,
			want:    []jsonProblem{{"schema", agreement.ErrSchemaVersion}}},
		{name: "decimal as a number",
			in:   jsonDoc(jsonClause(`,"quantities":[{"min":2000,"max":"9000"}]`)),
			want: []jsonProblem{{"clauses[0].quantities[0].min", agreement.ErrSyntax}},
			msg:  "write decimals as strings"},
		{name: "decimal in scientific notation",
			in:   jsonDoc(jsonClause(`,"quantities":[{"min":"2e3","max":"9000"}]`)),
			want: []jsonProblem{{"clauses[0].quantities[0].min", agreement.ErrInvalidValue}}},
		{name: "decimal bound missing",
			in:   jsonDoc(jsonClause(`,"quantities":[{"min":"1"}]`)),
			want: []jsonProblem{{"clauses[0].quantities[0].max", agreement.ErrMissing}}},
		{name: "bad duration",
			in:   jsonDoc(jsonClause(`,"deadline":{"after":"3 days"}`)),
			want: []jsonProblem{{"clauses[0].deadline.after", agreement.ErrInvalidValue}}},
		{name: "duration missing",
			in:   jsonDoc(jsonClause(`,"trigger":{"since":{"event":{"kind":"k"}}}`)),
			want: []jsonProblem{{"clauses[0].trigger.since.duration", agreement.ErrMissing}}},
		{name: "bad instant",
			in:   `{"schema":1,"id":"a","date":"2026-13-01T00:00:00Z"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "instant without zone",
			in:   `{"schema":1,"id":"a","date":"2026-01-06T00:00:00"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "instant before year 0 in UTC",
			in:   `{"schema":1,"id":"a","date":"0000-01-01T00:30:00+01:00"}`,
			want: []jsonProblem{{"date", agreement.ErrInvalidValue}}},
		{name: "bad reference in a pattern",
			in:   jsonDoc(`{"id":"C1","kind":"obligation","debtors":["RU"],"action":{"kind":"k","clause":"a/b/c"}}`),
			want: []jsonProblem{{"clauses[0].action.clause", agreement.ErrInvalidID}}},
		{name: "duplicate field in a clause",
			in:   jsonDoc(jsonClause(`,"action":null`)),
			want: []jsonProblem{{"clauses[0].action", agreement.ErrSyntax}}},
		{name: "invalid reference",
			in:   jsonDoc(jsonClause(`,"trigger":{"clauseIn":{"clause":"a/b/c","states":["violated"]}}`)),
			want: []jsonProblem{{"clauses[0].trigger.clauseIn.clause", agreement.ErrInvalidID}}},
		{name: "condition with two operators",
			in:   jsonDoc(jsonClause(`,"trigger":{"holds":"f","not":null}`)),
			want: []jsonProblem{{"clauses[0].trigger", agreement.ErrSyntax}}},
		{name: "empty condition",
			in:   jsonDoc(jsonClause(`,"antecedent":{}`)),
			want: []jsonProblem{{"clauses[0].antecedent", agreement.ErrSyntax}}},
		{name: "condition nested too deeply",
			in:   jsonDoc(jsonClause(`,"trigger":` + deep)),
			want: []jsonProblem{{deepPath, agreement.ErrInvalidValue}}},
		{name: "at least k not an integer",
			in:   jsonDoc(jsonClause(`,"trigger":{"atLeast":{"k":1.5,"of":[{"holds":"f"}]}}`)),
			want: []jsonProblem{{"clauses[0].trigger.atLeast.k", agreement.ErrInvalidValue}}},
		{name: "at least k missing",
			in:   jsonDoc(jsonClause(`,"trigger":{"atLeast":{"of":[]}}`)),
			want: []jsonProblem{{"clauses[0].trigger.atLeast.k", agreement.ErrMissing}}},
		{name: "trailing garbage",
			in:   `{"schema":1,"id":"a"} x`,
			want: []jsonProblem{{"", agreement.ErrSyntax}},
			msg:  "after top-level value (line 1, column 23, byte offset 22)"},
		{name: "two documents",
			in:   `{"schema":1,"id":"a"}{"schema":1,"id":"b"}`,
			want: []jsonProblem{{"", agreement.ErrSyntax}}},
		{name: "malformed JSON",
			in:   "{\n  \"schema\": 1,\n  \"id\": tru\n}",
			want: []jsonProblem{{"", agreement.ErrSyntax}},
			msg:  "invalid character '\\n' in literal true (expecting 'e') (line 3, column 12, byte offset 28)"},
		{name: "truncated",
			in:   "{\n  \"schema\": 1,\n  \"id\": \"a",
			want: []jsonProblem{{"", agreement.ErrSyntax}},
			msg:  "unexpected end of JSON input (line 3, column 11, byte offset 27)"},
		{name: "empty input",
			in:   " \n",
			want: []jsonProblem{{"", agreement.ErrSyntax}},
			msg:  "empty input"},
		{name: "wrong JSON type",
			in:   jsonDoc(`{"id":"C1","kind":"obligation","debtors":"RU","action":{"kind":"k"}}`),
			want: []jsonProblem{{"clauses[0].debtors", agreement.ErrSyntax}},
			msg:  "clauses[0].debtors: want array, got string"},
		{name: "null where a string is wanted",
			in:   `{"schema":1,"id":"a","title":null}`,
			want: []jsonProblem{{"title", agreement.ErrSyntax}}},
		{name: "document not an object",
			in:   `[{"schema":1}]`,
			want: []jsonProblem{{"", agreement.ErrSyntax}}},
		{name: "null document",
			in:   `null`,
			want: []jsonProblem{{"", agreement.ErrSyntax}}},
		{name: "duplicate field",
			in:   `{"schema":1,"id":"a","id":"b"}`,
			want: []jsonProblem{{"id", agreement.ErrSyntax}}},
		{name: "three problems at once",
			in: `{"schema":1,"id":"a","colour":"red","parties":[{"id":"RU"}],"clauses":[` +
				`{"id":"C1","kind":"obligatory","debtors":["RU"],"quantities":[{"min":5,"max":"5"}]}]}`,
			want: []jsonProblem{
				{"colour", agreement.ErrUnknownField},
				{"clauses[0].kind", agreement.ErrInvalidValue},
				{"clauses[0].quantities[0].min", agreement.ErrSyntax},
			}},
		{name: "validation problems after a clean decode",
			in: jsonDoc(`{"id":"C1","kind":"obligation","debtors":["XX"],"action":{"kind":"k"},` +
				`"trigger":{"all":[{"holds":"f"},{"happened":{"kind":"armed-attack","actor":"YY"}}]}}`),
			want: []jsonProblem{
				{"clauses[0].debtors[0]", agreement.ErrUnknownParty},
				{"clauses[0].trigger.all[1].happened.actor", agreement.ErrUnknownParty},
			}},
		{name: "share as a number, size missing, unknown field in an area",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA"}],"territory":{"areas":[{"id":"d","colour":"red",` +
				`"sovereignty":[{"party":"UA","percent":100}],"control":[{"party":"UA"}]}]}}`,
			want: []jsonProblem{{"territory.areas[0].colour", agreement.ErrUnknownField},
				{"territory.areas[0].sovereignty[0].percent", agreement.ErrSyntax},
				{"territory.areas[0].control[0].percent", agreement.ErrMissing},
				{"territory.areas[0].size", agreement.ErrMissing}}},
		{name: "territory not an object, unknown field in it",
			in:   `{"schema":1,"id":"a","territory":[],"options":{}}`,
			want: []jsonProblem{{"territory", agreement.ErrSyntax}, {"options", agreement.ErrSyntax}}},
		{name: "unknown territory field",
			in:   `{"schema":1,"id":"a","territory":{"areas":[],"lines":[]}}`,
			want: []jsonProblem{{"territory.lines", agreement.ErrUnknownField}}},
		{name: "option: unknown kind, width null, bad lapse, unknown field in a result",
			in: `{"schema":1,"id":"a","options":[{"id":"o","kind":"annex","areas":["d"],"width":null,` +
				`"lapse":"never","results":[{"outcome":"yes","colour":1}]}]}`,
			want: []jsonProblem{{"options[0].kind", agreement.ErrInvalidValue}, {"options[0].width", agreement.ErrSyntax},
				{"options[0].lapse", agreement.ErrInvalidValue}, {"options[0].results[0].colour", agreement.ErrUnknownField},
				// reported in the same pass: the agreement has no territory
				{"options[0].areas[0]", agreement.ErrUnknownArea}}},
		{name: "arrangement with an unknown kind",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA"}],"territory":{"areas":[{"id":"d","size":"1","sovereignty":[{"party":"UA",` +
				`"percent":"100"}],"control":[{"party":"UA","percent":"100"}],"arrangements":[{"kind":"x","option":"o"}]}]}}`,
			want: []jsonProblem{{"territory.areas[0].arrangements[0].kind", agreement.ErrInvalidValue}}},
		{name: "territory validation problems after a clean decode",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA"},{"id":"RU"}],"territory":{"areas":[{"id":"donetsk",` +
				`"size":"-26517","sovereignty":[{"party":"UA","percent":"100"}],"control":[{"party":"RU",` +
				`"percent":"78.1"},{"party":"UA","percent":"21.8"}]}]},"options":[{"id":"dmz",` +
				`"kind":"demilitarised-zone","areas":["donetsk","donbas"],"parties":["UA","RU"],"width":"0",` +
				`"deadline":{"after":"30d"}}],"clauses":[{"id":"C1","kind":"prohibition","debtors":["RU"],` +
				`"action":{"kind":"forces-deployed","area":"kyiv"}}]}`,
			want: []jsonProblem{
				{"territory.areas[0].size", agreement.ErrNegative},
				{"territory.areas[0].control", agreement.ErrShares},
				{"clauses[0].action.area", agreement.ErrUnknownArea},
				{"options[0].areas[1]", agreement.ErrUnknownArea},
				{"options[0].width", agreement.ErrInvalidValue},
			},
			msg: "territory.areas[0].control: control shares sum to 99.9, not 100"},
		{name: "validation problems in a process",
			process: true,
			in: `{"schema":1,"agreements":[{"id":"a","parties":[{"id":"UA"}],"clauses":[{"id":"C1",` +
				`"kind":"obligation","debtors":["UA"],"action":{"kind":"k"},` +
				`"trigger":{"clauseIn":{"clause":"b/C9","states":["violated"]}}}]}]}`,
			want: []jsonProblem{{"agreements[0].clauses[0].trigger.clauseIn.clause", agreement.ErrUnknownAgreement}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.process {
				var p agreement.Process
				p, err = agreement.DecodeProcess([]byte(tt.in))
				if diff := cmp.Diff(agreement.Process{}, p, jsonCmp); diff != "" {
					t.Errorf("DecodeProcess() returned a non-zero value on error (-want +got):\n%s", diff)
				}
			} else {
				var a agreement.Agreement
				a, err = agreement.DecodeAgreement([]byte(tt.in))
				if diff := cmp.Diff(agreement.Agreement{}, a, jsonCmp); diff != "" {
					t.Errorf("DecodeAgreement() returned a non-zero value on error (-want +got):\n%s", diff)
				}
			}
			if err == nil {
				t.Fatal("decoding succeeded, want an error")
			}
			for _, w := range tt.want {
				if !errors.Is(err, w.Err) {
					t.Errorf("errors.Is(err, %v) = false; err: %v", w.Err, err)
				}
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

func TestMarshalJSONErrors(t *testing.T) {
	valid := func(edit func(*agreement.Agreement)) agreement.Agreement {
		a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}},
			Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "k"}}}}
		edit(&a)
		return a
	}
	deep := agreement.Holds("f")
	for range 1000 {
		deep = agreement.Not(deep)
	}
	tests := []struct {
		name string
		a    agreement.Agreement
		path string
	}{
		{"force out of range", valid(func(a *agreement.Agreement) { a.Clauses[0].Force = 9 }), "clauses[0].force"},
		{"zero role", valid(func(a *agreement.Agreement) { a.Parties[0].Roles = []agreement.Role{0} }), "parties[0].roles[0]"},
		{"zero state", valid(func(a *agreement.Agreement) {
			a.Clauses[0].Trigger = agreement.ClauseIn(agreement.LocalRef("C1"), agreement.StateViolated, 0)
		}), "clauses[0].trigger.clauseIn.states[1]"},
		{"attribution out of range", valid(func(a *agreement.Agreement) { a.Clauses[0].Action.Attribution = 7 }),
			"clauses[0].action.attribution"},
		{"invalid UTF-8", valid(func(a *agreement.Agreement) { a.Title = "Paris \xff" }), "title"},
		{"instant after 9999", valid(func(a *agreement.Agreement) {
			a.Date = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}), "date"},
		{"decimal too long", valid(func(a *agreement.Agreement) {
			a.Clauses[0].Quantities = []agreement.Range{{Max: decimal.New(1, 2000)}}
		}), "clauses[0].quantities[0].max"},
		{"condition nested too deeply", valid(func(a *agreement.Agreement) { a.EntryIntoForce = deep }),
			"entryIntoForce" + strings.Repeat(".not", 1000)},
		{"option kind out of range", valid(func(a *agreement.Agreement) {
			a.Options = []agreement.Option{{ID: "o", Kind: 10}}
		}), "options[0].kind"},
		{"lapse out of range", valid(func(a *agreement.Agreement) {
			a.Options = []agreement.Option{{ID: "o", Kind: agreement.OptionKindReferendum, Lapse: 3}}
		}), "options[0].lapse"},
		{"width too long", valid(func(a *agreement.Agreement) {
			w := decimal.New(1, -2000)
			a.Options = []agreement.Option{{ID: "o", Kind: agreement.OptionKindDemilitarisedZone, Width: &w}}
		}), "options[0].width"},
		{"arrangement kind out of range", valid(func(a *agreement.Agreement) {
			a.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "d",
				Arrangements: []agreement.Arrangement{{Kind: 200, Option: "o"}}}}}
		}), "territory.areas[0].arrangements[0].kind"},
		{"share too long", valid(func(a *agreement.Agreement) {
			a.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "d",
				Control: []agreement.Share{{Party: "UA", Percent: decimal.New(1, 1001)}}}}}
		}), "territory.areas[0].control[0].percent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.a.MarshalJSON()
			want := []jsonProblem{{tt.path, agreement.ErrInvalidValue}}
			if diff := cmp.Diff(want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
			// Through encoding/json, the error is wrapped but still found.
			if _, err := json.Marshal(tt.a); !errors.Is(err, agreement.ErrInvalidValue) {
				t.Errorf("json.Marshal() error = %v, want one wrapping ErrInvalidValue", err)
			}
			p := agreement.Process{Agreements: []agreement.Agreement{tt.a}}
			_, err = p.MarshalJSON()
			want = []jsonProblem{{"agreements[0]." + tt.path, agreement.ErrInvalidValue}}
			if diff := cmp.Diff(want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Process problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// Agreements that are invalid but representable encode, and decode back to
// the same validation problems.
func TestMarshalJSONInvalidAgreement(t *testing.T) {
	a := agreement.Agreement{Clauses: []agreement.Clause{{ID: "C1", Debtors: []agreement.PartyID{"XX"},
		Deadline: agreement.Deadline{After: -agreement.Day, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}}}
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON() error: %v", err)
	}
	_, err = agreement.DecodeAgreement(data)
	if diff := cmp.Diff(jsonProblems(t, a.Validate()), jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("decoded problems differ from Validate's (-want +got):\n%s", diff)
	}
}

func TestUnmarshalJSON(t *testing.T) {
	type holder struct {
		A agreement.Agreement   `json:"a"`
		P *agreement.Process    `json:"p,omitempty"`
		L []agreement.Agreement `json:"l,omitempty"`
	}
	doc := jsonDoc(jsonClause(""))

	t.Run("valid", func(t *testing.T) {
		var h holder
		if err := json.Unmarshal([]byte(`{"a":`+doc+`,"p":{"schema":1,"agreements":[]}}`), &h); err != nil {
			t.Fatalf("json.Unmarshal() error: %v", err)
		}
		want, err := agreement.DecodeAgreement([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, h.A, jsonCmp); diff != "" {
			t.Errorf("json.Unmarshal() mismatch (-want +got):\n%s", diff)
		}
		if h.P == nil {
			t.Fatal("process not decoded")
		}
	})
	t.Run("unknown field deep inside", func(t *testing.T) {
		in := `{"a":` + jsonDoc(jsonClause(`,"trigger":{"not":{"happened":{"kind":"k","colour":"red"}}}`)) + `}`
		var h holder
		err := json.Unmarshal([]byte(in), &h)
		if !errors.Is(err, agreement.ErrUnknownField) {
			t.Fatalf("json.Unmarshal() error = %v, want ErrUnknownField", err)
		}
		want := []jsonProblem{{"clauses[0].trigger.not.happened.colour", agreement.ErrUnknownField}}
		if diff := cmp.Diff(want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("problems mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("error leaves the value unchanged", func(t *testing.T) {
		a := jsonFixture()
		if err := a.UnmarshalJSON([]byte(`{"schema":1,"id":"x","colour":1}`)); err == nil {
			t.Fatal("UnmarshalJSON() succeeded, want an error")
		}
		if diff := cmp.Diff(jsonFixture(), a, jsonCmp); diff != "" {
			t.Errorf("UnmarshalJSON() changed the value on error (-want +got):\n%s", diff)
		}
	})
	t.Run("null is a no-op", func(t *testing.T) {
		a := jsonFixture()
		if err := a.UnmarshalJSON([]byte(" null ")); err != nil {
			t.Fatalf("UnmarshalJSON(null) error: %v", err)
		}
		if diff := cmp.Diff(jsonFixture(), a, jsonCmp); diff != "" {
			t.Errorf("UnmarshalJSON(null) changed the value (-want +got):\n%s", diff)
		}
		p := jsonProcessFixture()
		if err := p.UnmarshalJSON([]byte("null")); err != nil {
			t.Fatalf("Process.UnmarshalJSON(null) error: %v", err)
		}
	})
	t.Run("through json.Marshal and json.Unmarshal", func(t *testing.T) {
		in := holder{A: jsonFixture(), L: []agreement.Agreement{jsonFixture()}}
		pf := jsonProcessFixture()
		in.P = &pf
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("json.Marshal() error: %v", err)
		}
		var out holder
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("json.Unmarshal() error: %v", err)
		}
		if diff := cmp.Diff(in, out, jsonCmp); diff != "" {
			t.Errorf("json round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

// Decoding neither modifies its input nor keeps any of it: overwriting the
// input afterwards leaves the decoded value unchanged.
func TestDecodeDoesNotRetainInput(t *testing.T) {
	checkDecodeDoesNotRetain(t, "agreement.golden.json", agreement.DecodeAgreement, 'X')
	checkDecodeDoesNotRetain(t, "process.golden.json", agreement.DecodeProcess, 0)
}

// checkDecodeDoesNotRetain decodes the golden file name with decode, checks
// that decode leaves its input alone, then overwrites the input with fill
// and checks that the decoded value is unchanged.
func checkDecodeDoesNotRetain[T any](t *testing.T, name string, decode func([]byte) (T, error), fill byte) {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	want, err := decode(bytes.Clone(golden))
	if err != nil {
		t.Fatal(err)
	}
	in := bytes.Clone(golden)
	got, err := decode(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(in, golden) {
		t.Fatalf("decoding %s modified its input", name)
	}
	for i := range in {
		in[i] = fill
	}
	if diff := cmp.Diff(want, got, jsonCmp); diff != "" {
		t.Errorf("%T decoded from %s changed after its input was overwritten (-want +got):\n%s", got, name, diff)
	}
}

// Marshalling does not modify the value: encoding twice gives the same
// bytes and the value still equals a fresh fixture.
func TestMarshalJSONDoesNotModify(t *testing.T) {
	a := jsonFixture()
	first, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	second, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("MarshalJSON() is not deterministic")
	}
	if diff := cmp.Diff(jsonFixture(), a, jsonCmp); diff != "" {
		t.Errorf("MarshalJSON() modified its receiver (-want +got):\n%s", diff)
	}
}

// unmarshaler is a type of this package with MarshalJSON and UnmarshalJSON:
// a fresh non-zero fixture, as a pointer, and the Decode function that its
// UnmarshalJSON must agree with, returning a pointer too.
type unmarshaler struct {
	name    string
	fixture func() any
	decode  func([]byte) (any, error)
	bad     []string // documents that are valid JSON but not valid values
}

// unmarshalers lists every type of this package with MarshalJSON.
func unmarshalers() []unmarshaler {
	common := []string{`{"schema":2}`, `{"colour":1}`, `{"schema":1,"title":5}`, `[]`, `"text"`, `1`, `{}`}
	return []unmarshaler{
		{"Agreement",
			func() any { a := jsonFixture(); return &a },
			func(data []byte) (any, error) { a, err := agreement.DecodeAgreement(data); return &a, err },
			append(common, jsonDoc(jsonClause(`,"trigger":{"not":{"happened":{"kind":"k","colour":"red"}}}`)),
				jsonDoc(`{"id":"C1","kind":"obligation","debtors":["XX"],"action":{"kind":"k"}}`))},
		{"Process",
			func() any { p := jsonProcessFixture(); return &p },
			func(data []byte) (any, error) { p, err := agreement.DecodeProcess(data); return &p, err },
			append(common, `{"schema":1,"agreements":[{"schema":1,"id":"a"}]}`, `{"schema":1,"agreements":[{"id":"a"},{"id":"a"}]}`)},
		{"EventLog",
			func() any { l := eventLogFixture(); return &l },
			func(data []byte) (any, error) { l, err := agreement.DecodeEventLog(data); return &l, err },
			append(common, `{"schema":1,"events":[{"kind":"x"}]}`, `{"schema":1,"start":"yesterday"}`,
				`{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","quantities":[{"value":"-5"}]}]}`)},
	}
}

// problemsOf returns the problems of err, a *ValidationError, as values.
func problemsOf(t *testing.T, err error) []agreement.Problem {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	out := make([]agreement.Problem, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = *p
	}
	return out
}

// sameSentinel compares the sentinels of problems by identity.
var sameSentinel = cmp.Comparer(func(a, b error) bool { return a == b })

// checkUnmarshalJSON checks json.Unmarshal of data into u's fixture against
// u's Decode function: malformed JSON is reported by encoding/json, null
// changes nothing, an error has the same problems as Decode's and leaves
// the fixture unchanged, and a value decoded is Decode's and survives
// json.Marshal and json.Unmarshal unchanged. Values are compared with cmp
// when thorough is set, else by their canonical encodings, which is a few
// times faster, for fuzzing.
func checkUnmarshalJSON(t *testing.T, u unmarshaler, data []byte, thorough bool) {
	t.Helper()
	same := func(want, got any) string {
		if thorough {
			return cmp.Diff(want, got, agreementtest.Options())
		}
		w, werr := json.Marshal(want)
		g, gerr := json.Marshal(got)
		if werr != nil || gerr != nil || !bytes.Equal(w, g) {
			return fmt.Sprintf("-%s (%v)\n+%s (%v)", w, werr, g, gerr)
		}
		return ""
	}
	v := u.fixture()
	err := json.Unmarshal(data, v)
	want, decodeErr := u.decode(data)
	switch {
	case !json.Valid(data):
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("json.Unmarshal(%q) into %s: error %v (%T), want a *json.SyntaxError", data, u.name, err, err)
		}
	case string(bytes.TrimSpace(data)) == "null":
		if err != nil {
			t.Fatalf("json.Unmarshal(null) into %s: %v", u.name, err)
		}
	case decodeErr != nil:
		if err == nil {
			t.Fatalf("json.Unmarshal(%q) into %s succeeded; Decode fails: %v", data, u.name, decodeErr)
		}
		if diff := cmp.Diff(problemsOf(t, decodeErr), problemsOf(t, err), sameSentinel); diff != "" {
			t.Fatalf("json.Unmarshal(%q) into %s: problems differ from Decode's (-decode +unmarshal):\n%s",
				data, u.name, diff)
		}
	default:
		if err != nil {
			t.Fatalf("json.Unmarshal(%q) into %s: %v; Decode succeeds", data, u.name, err)
		}
		if diff := same(want, v); diff != "" {
			t.Fatalf("json.Unmarshal(%q) into %s differs from Decode (-decode +unmarshal):\n%s", data, u.name, diff)
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("json.Marshal(%s decoded from %q): %v", u.name, data, err)
		}
		back := u.fixture()
		if err := json.Unmarshal(again, back); err != nil {
			t.Fatalf("json.Unmarshal(json.Marshal(%s)): %v\n%s", u.name, err, again)
		}
		if diff := same(v, back); diff != "" {
			t.Fatalf("%s round trip mismatch (-want +got):\n%s", u.name, diff)
		}
		return
	}
	if diff := same(u.fixture(), v); diff != "" {
		t.Fatalf("json.Unmarshal(%q) into %s changed it on error (-want +got):\n%s", data, u.name, diff)
	}
}

// Every type with MarshalJSON has an UnmarshalJSON that reads back what it
// wrote.
func TestUnmarshalJSONRoundTrip(t *testing.T) {
	for _, u := range unmarshalers() {
		t.Run(u.name, func(t *testing.T) {
			in := u.fixture()
			data, err := json.Marshal(in)
			if err != nil {
				t.Fatalf("json.Marshal() error: %v", err)
			}
			out := reflect.New(reflect.TypeOf(in).Elem()).Interface()
			if err := json.Unmarshal(data, out); err != nil {
				t.Fatalf("json.Unmarshal() error: %v\n%s", err, data)
			}
			if diff := cmp.Diff(in, out, agreementtest.Options()); diff != "" {
				t.Errorf("json.Unmarshal(json.Marshal(x)) mismatch (-want +got):\n%s", diff)
			}
			checkUnmarshalJSON(t, u, data, true)
		})
	}
}

// UnmarshalJSON is as strict as the Decode functions, returns their
// problems, and leaves its receiver unchanged on error; null is a no-op and
// malformed JSON is encoding/json's error.
func TestUnmarshalJSONMatchesDecode(t *testing.T) {
	for _, u := range unmarshalers() {
		for i, doc := range append(u.bad, "null", " null ", `{"schema":1`, ``) {
			t.Run(u.name+"/"+strconv.Itoa(i), func(t *testing.T) {
				if _, err := u.decode([]byte(doc)); err == nil {
					t.Fatalf("Decode(%q) succeeded, want an error", doc)
				}
				checkUnmarshalJSON(t, u, []byte(doc), true)
			})
		}
	}
}

func FuzzAgreementUnmarshalJSON(f *testing.F) { fuzzUnmarshalJSON(f, 0) }

func FuzzProcessUnmarshalJSON(f *testing.F) { fuzzUnmarshalJSON(f, 1) }

// fuzzUnmarshalJSON runs checkUnmarshalJSON on the i'th of unmarshalers,
// seeded with its fixture's encoding, the golden documents, the documents
// of measured acts and of calendar time, and its bad documents.
func fuzzUnmarshalJSON(f *testing.F, i int) {
	u := unmarshalers()[i]
	data, err := json.Marshal(u.fixture())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	addGoldenSeeds(f)
	addMeasuredSeeds(f)
	addCalendarSeeds(f)
	if data, err := measuredLog().MarshalJSON(); err == nil {
		f.Add(data)
	} else {
		f.Fatal(err)
	}
	for _, doc := range append(u.bad, "null", `{"schema":1}`, `{"schema":1`) {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkUnmarshalJSON(t, u, data, false) })
}
