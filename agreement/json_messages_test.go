package agreement_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// partyKinds is the list of allowed party kinds that a message about an
// unknown one ends with.
const partyKinds = `allowed: "state", "government", "armed-group", "intergovernmental-organisation", ` +
	`"state-coalition", "person", "civil-society", "other"`

// The mistakes of a first document written by hand are reported with the
// name meant, the names allowed, and every other problem of the document,
// in one error.
func TestDecodeMessagesTeach(t *testing.T) {
	tests := []struct {
		name    string
		process bool // decode with DecodeProcess
		in      string
		want    string // the error's text
		is      []error
	}{
		{name: "party kind in American spelling",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA","kind":"intergovernmental-organization"}]}`,
			want: `agreement: 1 problem: parties[0].kind: unknown party kind "intergovernmental-organization" ` +
				`(did you mean "intergovernmental-organisation"?); ` + partyKinds,
			is: []error{agreement.ErrInvalidValue}},
		{name: "party kind near none",
			in:   `{"schema":1,"id":"a","parties":[{"id":"UA","kind":"xyz"}]}`,
			want: `agreement: 1 problem: parties[0].kind: unknown party kind "xyz"; ` + partyKinds,
			is:   []error{agreement.ErrInvalidValue}},
		{name: "debtor for debtors, and then no debtors",
			in: jsonDoc(`{"id":"C1","kind":"obligation","debtor":["RU"],` +
				`"action":{"kind":"withdrawal-completed","actor":"RU"}}`),
			want: "agreement: 2 problems:\n" +
				"\tclauses[0].debtor: unknown field \"debtor\" (did you mean \"debtors\"?)\n" +
				"\tclauses[0].debtors: no parties",
			is: []error{agreement.ErrUnknownField, agreement.ErrMissing}},
		{name: "unknown enum, unknown debtor and unknown field in one pass",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA","kind":"intergovernmental-organization"},{"id":"RU"}],` +
				`"clauses":[{"id":"C1","kind":"obligation","debtors":["RUS"],"creditor":["UA"],` +
				`"action":{"kind":"withdrawal-completed","actor":"RU"}}]}`,
			want: "agreement: 3 problems:\n" +
				"\tparties[0].kind: unknown party kind \"intergovernmental-organization\" " +
				"(did you mean \"intergovernmental-organisation\"?); " + partyKinds + "\n" +
				"\tclauses[0].creditor: unknown field \"creditor\" (did you mean \"creditors\"?)\n" +
				"\tclauses[0].debtors[0]: unknown party \"RUS\" (did you mean \"RU\"?)",
			is: []error{agreement.ErrInvalidValue, agreement.ErrUnknownField, agreement.ErrUnknownParty}},
		{name: "misspelt operator and enumeration",
			in: jsonDoc(jsonClause(`,"force":"legaly-binding","trigger":{"happend":{"kind":"k"}}`)),
			want: "agreement: 2 problems:\n" +
				"\tclauses[0].force: unknown force \"legaly-binding\" (did you mean \"legally-binding\"?); " +
				"allowed: \"legally-binding\", \"politically-binding\", \"declaration-of-intent\", \"aspiration\"\n" +
				"\tclauses[0].trigger.happend: unknown condition operator \"happend\" (did you mean \"happened\"?)",
			is: []error{agreement.ErrInvalidValue, agreement.ErrUnknownField}},
		{name: "misspelt references",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA"}],"fluents":[{"id":"peace"}],` +
				`"groups":[{"id":"west","members":["UA"]}],"itemClasses":[{"id":"heavy","items":["tank"]}],` +
				`"territory":{"areas":[{"id":"donetsk","size":"1","sovereignty":[{"party":"UA","percent":"100"}],` +
				`"control":[{"party":"UA","percent":"100"}]}]},"clauses":[{"id":"C1","kind":"obligation",` +
				`"debtors":["UA"],"action":{"kind":"withdrawal-completed","group":"wset","area":"donetks",` +
				`"class":"haevy"},"trigger":{"holds":"paece"}},{"id":"C2","kind":"permission","debtors":["UA"],` +
				`"action":{"kind":"k"},"trigger":{"clauseIn":{"clause":"C3","states":["violated"]}}}]}`,
			want: "agreement: 5 problems:\n" +
				"\tclauses[0].action.group: unknown party group \"wset\" (did you mean \"west\"?)\n" +
				"\tclauses[0].action.area: unknown area \"donetks\" (did you mean \"donetsk\"?)\n" +
				"\tclauses[0].action.class: unknown item class \"haevy\" (did you mean \"heavy\"?)\n" +
				"\tclauses[0].trigger.holds: unknown fluent \"paece\" (did you mean \"peace\"?)\n" +
				"\tclauses[1].trigger.clauseIn.clause: unknown clause \"C3\" (did you mean \"C1\"?)",
			is: []error{agreement.ErrUnknownGroup, agreement.ErrUnknownArea, agreement.ErrUnknownItemClass,
				agreement.ErrUnknownFluent, agreement.ErrUnknownClause}},
		{name: "an area near none keeps its explanation",
			in: `{"schema":1,"id":"a","parties":[{"id":"UA"}],"territory":{"areas":[{"id":"donetsk","size":"1",` +
				`"sovereignty":[{"party":"UA","percent":"100"}],"control":[{"party":"UA","percent":"100"}]}]},` +
				`"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k","area":"kyiv"}}]}`,
			want: `agreement: 1 problem: clauses[0].action.area: unknown area "kyiv" ` +
				`(the agreement's territory does not declare it)`,
			is: []error{agreement.ErrUnknownArea}},
		{name: "misspelt agreement and clause of another agreement", process: true,
			in: `{"schema":1,"agreements":[{"id":"minsk","clauses":[{"id":"C1","kind":"obligation",` +
				`"debtors":["UA"],"action":{"kind":"k"}}],"parties":[{"id":"UA"}]},{"id":"b","parties":[{"id":"UA"}],` +
				`"clauses":[{"id":"C1","kind":"permission","debtors":["UA"],"action":{"kind":"k"},` +
				`"trigger":{"all":[{"agreementIn":{"agreement":"mnisk","states":["in-force"]}},` +
				`{"clauseIn":{"clause":"minsk/C2","states":["violated"]}}]}}]}]}`,
			want: "agreement: 2 problems:\n" +
				"\tagreements[1].clauses[0].trigger.all[0].agreementIn.agreement: unknown agreement \"mnisk\" " +
				"(did you mean \"minsk\"?)\n" +
				"\tagreements[1].clauses[0].trigger.all[1].clauseIn.clause: unknown clause \"minsk/C2\" " +
				"(did you mean \"minsk/C1\"?)",
			is: []error{agreement.ErrUnknownAgreement, agreement.ErrUnknownClause}},
		{name: "$schema of the wrong type",
			in:   `{"$schema":1,"schema":1,"id":"a"}`,
			want: `agreement: 1 problem: $schema: want string, got number`,
			is:   []error{agreement.ErrSyntax}},
		{name: "$schema and schema nested in a process", process: true,
			in: `{"$schema":"https://example.org/process.json","schema":1,` +
				`"agreements":[{"$schema":"https://example.org/agreement.json","schema":1,"id":"a"}]}`,
			want: "agreement: 2 problems:\n" +
				"\tagreements[0].$schema: unknown field \"$schema\"\n" +
				"\tagreements[0].schema: unknown field \"schema\"",
			is: []error{agreement.ErrUnknownField}},
		{name: "another schema version is reported alone",
			in:   `{"schema":2,"id":"a","parties":[{"id":"UA","kind":"intergovernmental-organization"}],"colour":1}`,
			want: `agreement: 1 problem: schema: unsupported schema version 2 (this package reads version 1)`,
			is:   []error{agreement.ErrSchemaVersion}},
		{name: "a missing schema version is reported with the rest",
			in: `{"id":"a","parties":[{"id":"UA"}],"clauses":[{"id":"C1","kind":"obligation",` +
				`"debtors":["RU"],"action":{"kind":"k"}}]}`,
			want: "agreement: 2 problems:\n" +
				"\tschema: missing schema version (want \"schema\": 1)\n" +
				"\tclauses[0].debtors[0]: unknown party \"RU\"",
			is: []error{agreement.ErrSchemaVersion, agreement.ErrUnknownParty}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.process {
				_, err = agreement.DecodeProcess([]byte(tt.in))
			} else {
				_, err = agreement.DecodeAgreement([]byte(tt.in))
			}
			if err == nil {
				t.Fatalf("decoded without error, want:\n%s", tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			for _, s := range tt.is {
				if !errors.Is(err, s) {
					t.Errorf("errors.Is(err, %v) = false", s)
				}
			}
		})
	}
}

// A top-level "$schema" is read and ignored: the document decodes to the
// value it holds without it, which encodes without it.
func TestDecodeSchemaMember(t *testing.T) {
	const url = `"$schema":"https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/%s.schema.json",`
	tests := []struct {
		name   string
		plain  string                       // the document without "$schema"
		decode func([]byte) ([]byte, error) // decodes and encodes again
	}{
		{"agreement", jsonDoc(jsonClause("")), func(b []byte) ([]byte, error) {
			a, err := agreement.DecodeAgreement(b)
			if err != nil {
				return nil, err
			}
			return a.MarshalJSON()
		}},
		{"process", `{"schema":1,"title":"t","agreements":[{"id":"a"}]}`, func(b []byte) ([]byte, error) {
			p, err := agreement.DecodeProcess(b)
			if err != nil {
				return nil, err
			}
			return p.MarshalJSON()
		}},
		{"event log", `{"schema":1,"start":"2024-01-01T00:00:00Z","events":[{"at":"2024-01-02T00:00:00Z","kind":"k"}]}`,
			func(b []byte) ([]byte, error) {
				l, err := agreement.DecodeEventLog(b)
				if err != nil {
					return nil, err
				}
				return l.MarshalJSON()
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withSchema := []byte("{" + fmt.Sprintf(url, tt.name) + tt.plain[1:])
			want, err := tt.decode([]byte(tt.plain))
			if err != nil {
				t.Fatalf("plain document: %v", err)
			}
			got, err := tt.decode(withSchema)
			if err != nil {
				t.Fatalf("with $schema: %v", err)
			}
			// Encodings are canonical: equal bytes, equal values.
			if !bytes.Equal(want, got) || bytes.Contains(got, []byte("$schema")) {
				t.Errorf("with $schema, encoded\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// Decoding reports every problem in one pass: a document with corrupted
// content and an unknown field reports the unknown field and, with their
// paths and sentinels, every problem the same document reports without it
// (the corruptions, as the document states them).
func TestPropertyDecodeReportsStructureWithValidation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
		all := []agreementtest.Corruption{c}
		for range rapid.IntRange(0, 2).Draw(t, "more") {
			all = append(all, all[len(all)-1].Another().Draw(t, "another"))
		}
		final := all[len(all)-1].Agreement
		data, err := final.MarshalJSON()
		if err != nil {
			t.Skipf("a corruption with no encoding: %v", err)
		}
		// Validation problems as the document states them: with the
		// unknown field, the decoder must still find every one of these.
		_, want := agreement.DecodeAgreement(data)
		if want == nil {
			t.Fatalf("corrupted agreement decodes; corruptions: %v", descs(all))
		}
		field := rapid.SampledFrom([]string{"colour", "partys", "clause"}).Draw(t, "field")
		doc := append([]byte(`{"`+field+`":1,`), data[1:]...)
		_, err = agreement.DecodeAgreement(doc)
		if !agreementtest.HasProblem(err, agreement.ErrUnknownField, field) {
			t.Fatalf("unknown field %q not reported among:\n%v", field, err)
		}
		var wve, gve *agreement.ValidationError
		if !errors.As(want, &wve) || !errors.As(err, &gve) {
			t.Fatalf("errors %T and %T, want *ValidationError", want, err)
		}
		if len(gve.Problems) != len(wve.Problems)+1 && gve.Omitted == 0 && wve.Omitted == 0 {
			t.Errorf("%d problems with the unknown field, %d without:\n%v\n\nwithout:\n%v",
				len(gve.Problems), len(wve.Problems), err, want)
		}
		for _, p := range wve.Problems {
			if !agreementtest.HasProblem(err, p.Err, p.Path) {
				t.Errorf("%v not reported with the unknown field, among:\n%v", p, err)
			}
		}
	})
}

// The text forms of the enumerations name the value meant and those
// allowed, as the decoders do.
func TestUnmarshalTextTeaches(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"party kind", new(agreement.PartyKind).UnmarshalText([]byte("armed group")),
			`unknown party kind "armed group" (did you mean "armed-group"?); ` + partyKinds},
		{"state", new(agreement.State).UnmarshalText([]byte("in-efect")),
			`unknown state "in-efect" (did you mean "in-effect"?); allowed: "dormant", "pending", "in-effect", ` +
				`"suspended", "fulfilled", "violated", "discharged", "terminated", "draft", "signed", "in-force", "lapsed"`},
		{"signing status", func() error { _, err := agreement.ParseSigningStatus("unsigned"); return err }(),
			`unknown signing status "unsigned" (did you mean "signed"?); allowed: "signed", "unilateral", ` +
				`"unclear", "subsequent"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !errors.Is(tt.err, agreement.ErrInvalidValue) {
				t.Errorf("error %v does not wrap ErrInvalidValue", tt.err)
			}
		})
	}
}

// Suggestions for unknown ids stop once a validation has compared 262144
// candidates (as Validate documents): the unknown ids are all reported,
// the first ones with the id meant, the last ones without.
func TestValidateSuggestionBudget(t *testing.T) {
	const parties, clauses = 10000, 100
	a := agreement.Agreement{ID: "a"}
	for i := range parties {
		a.Parties = append(a.Parties, agreement.Party{ID: agreement.PartyID(fmt.Sprintf("P%04d", i))})
	}
	for i := range clauses {
		a.Clauses = append(a.Clauses, agreement.Clause{ID: agreement.ClauseID(fmt.Sprintf("C%d", i)),
			Kind: agreement.DeonticObligation, Action: &agreement.Pattern{Kind: "k"},
			// one character more than a declared id: one edit away
			Debtors: []agreement.PartyID{agreement.PartyID(fmt.Sprintf("P%04dx", i))}})
	}
	var ve *agreement.ValidationError
	if !errors.As(a.Validate(), &ve) || len(ve.Problems) != clauses {
		t.Fatalf("want %d problems, got %v", clauses, a.Validate())
	}
	suggested := 0
	for i, p := range ve.Problems {
		if !errors.Is(p, agreement.ErrUnknownParty) {
			t.Fatalf("problem %d: %v, want an unknown party", i, p)
		}
		if strings.Contains(p.Msg, "(did you mean") {
			suggested++
			if want := fmt.Sprintf(`unknown party "P%04dx" (did you mean "P%04d"?)`, i, i); p.Msg != want {
				t.Errorf("problem %d: %q, want %q", i, p.Msg, want)
			}
		}
	}
	if want := 262144 / parties; suggested != want {
		t.Errorf("%d suggestions, want %d (the budget over %d candidates each)", suggested, want, parties)
	}
}
