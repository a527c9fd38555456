package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// problems returns the problems of err, a *ValidationError, or nil.
func problems(t testing.TB, err error) []*agreement.Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	return ve.Problems
}

// readAt parses text and reads it at path "x" with read.
func readAt(t *testing.T, text string, read func(r *agreement.JSONReader, v agreement.JSONValue) any) (any, error) {
	t.Helper()
	var r agreement.JSONReader
	v, ok := r.Parse([]byte(text))
	if !ok {
		t.Fatalf("Parse(%s): %v", text, r.Err())
	}
	got := read(&r, v)
	return got, r.Err()
}

// The readers of the JSONReader's leaves, by name, for the tables.
var jsonLeaves = map[string]func(r *agreement.JSONReader, v agreement.JSONValue) any{
	"String":   func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.String("x", v) },
	"Bool":     func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Bool("x", v) },
	"Int":      func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Int("x", v) },
	"Decimal":  func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Decimal("x", v) },
	"Float":    func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Float("x", v) },
	"Instant":  func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Instant("x", v) },
	"Duration": func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Duration("x", v) },
	"Period":   func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Period("x", v) },
	"Ref":      func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Ref("x", v) },
	"Condition": func(r *agreement.JSONReader, v agreement.JSONValue) any {
		return r.Condition("x", v)
	},
	"Pattern": func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Pattern("x", v) },
	"Party":   func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Party("x", v) },
	"Fluent":  func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Fluent("x", v) },
	"Range":   func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Range("x", v) },
	"Source":  func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Source("x", v) },
	"Bound":   func(r *agreement.JSONReader, v agreement.JSONValue) any { return r.Bound("x", v) },
	"Role": func(r *agreement.JSONReader, v agreement.JSONValue) any {
		return agreement.JSONEnum[agreement.Role](r, "x", v, "role")
	},
	"Force": func(r *agreement.JSONReader, v agreement.JSONValue) any {
		return agreement.JSONEnum[agreement.Force](r, "x", v, "force")
	},
	"Strings": func(r *agreement.JSONReader, v agreement.JSONValue) any {
		return agreement.JSONList(r, "x", v, r.String)
	},
}

func TestJSONReaderReads(t *testing.T) {
	day := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, leaf, text string
		want             any
	}{
		{"string", "String", `"a\u00e9"`, "a\u00e9"},
		{"bool", "Bool", `true`, true},
		{"int", "Int", `-42`, -42},
		{"float", "Float", `-2.5e1`, -25.0},
		{"decimal", "Decimal", `"-12.50"`, decimal.RequireFromString("-12.5")},
		{"plain date in UTC", "Instant", `"2026-02-01"`, day},
		{"RFC 3339 in UTC", "Instant", `"2026-02-01T02:00:00+02:00"`, day},
		{"duration", "Duration", `"1h30m"`, 90 * time.Minute},
		{"period", "Period", `"3d"`, agreement.Period{Days: 3}},
		{"ref", "Ref", `"c1"`, agreement.LocalRef("c1")},
		{"null condition", "Condition", `null`, agreement.Condition(nil)},
		{"condition", "Condition", `{"not": {"holds": "f"}}`, agreement.Not(agreement.Holds("f"))},
		{"pattern", "Pattern", `{"kind": "shelling", "actor": "RU"}`,
			agreement.Pattern{Kind: "shelling", Actor: "RU"}},
		{"party", "Party", `{"id": "RU", "kind": "state", "roles": ["party-to-conflict"]}`,
			agreement.Party{ID: "RU", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}}},
		{"fluent", "Fluent", `{"id": "f", "initially": true}`, agreement.Fluent{ID: "f", Initially: true}},
		{"range", "Range", `{"min": "1", "max": "2.0", "unit": "km"}`,
			agreement.Range{Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(2), Unit: "km"}},
		{"source", "Source", `{"document": "d", "date": "2026-02-01"}`, agreement.Source{Document: "d", Date: day}},
		{"bound", "Bound", `{"unit": "km", "min": "20.0", "maxOpen": true, "max": "30"}`,
			agreement.Measure("km").AtLeast(decimal.NewFromInt(20)).Below(decimal.NewFromInt(30))},
		{"enum", "Role", `"guarantor"`, agreement.RoleGuarantor},
		{"optional enum empty", "Force", `""`, agreement.Force(0)},
		{"list", "Strings", `["a", "b"]`, []string{"a", "b"}},
		{"empty list", "Strings", `[]`, []string(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAt(t, tt.text, jsonLeaves[tt.leaf])
			if err != nil {
				t.Fatalf("%s(%s): %v", tt.leaf, tt.text, err)
			}
			if diff := cmp.Diff(tt.want, got, agreementtest.Options()); diff != "" {
				t.Errorf("%s(%s) (-want +got):\n%s", tt.leaf, tt.text, diff)
			}
		})
	}
}

func TestJSONReaderProblems(t *testing.T) {
	tests := []struct {
		name, leaf, text string
		path             string
		err              error
		msg              string
	}{
		{"string of number", "String", `1`, "x", agreement.ErrSyntax, "want string, got number"},
		{"bool of string", "Bool", `"true"`, "x", agreement.ErrSyntax, "want boolean, got string"},
		{"int with fraction", "Int", `1.5`, "x", agreement.ErrInvalidValue, "want an integer, got 1.5"},
		{"float of string", "Float", `"1"`, "x", agreement.ErrSyntax, "want number, got string"},
		{"float out of range", "Float", `1e400`, "x", agreement.ErrInvalidValue, "number 1e400 out of range"},
		{"decimal as number", "Decimal", `1.5`, "x", agreement.ErrSyntax,
			`want string, got number 1.5 (write decimals as strings, such as "1.5")`},
		{"decimal exponent", "Decimal", `"1e3"`, "x", agreement.ErrInvalidValue,
			`invalid decimal "1e3" (want plain notation such as "-12.5")`},
		{"no such day", "Instant", `"2026-02-30"`, "x", agreement.ErrInvalidValue, `invalid date "2026-02-30" (no such day)`},
		{"instant", "Instant", `"yesterday"`, "x", agreement.ErrInvalidValue,
			`invalid RFC 3339 instant "yesterday" (want such as "2026-02-01T00:00:00Z", or a date such as "2026-02-01")`},
		{"duration", "Duration", `"3 days"`, "x", agreement.ErrInvalidValue,
			`invalid duration "3 days" (want such as "72h" or "1h30m")`},
		{"empty condition", "Condition", `{}`, "x", agreement.ErrSyntax,
			"empty condition (want one of happened, holds, clauseIn, agreementIn, before, within, since, breached, " +
				"total, level, clock, all, any, not, atLeast)"},
		{"two operators", "Condition", `{"holds": "f", "not": null}`, "x", agreement.ErrSyntax,
			`a condition has exactly one operator, not 2 ("holds", "not")`},
		{"operator misspelt", "Condition", `{"hold": "f"}`, "x.hold", agreement.ErrUnknownField,
			`unknown condition operator "hold" (did you mean "holds"?)`},
		{"condition of array", "Condition", `[]`, "x", agreement.ErrSyntax, "want object or null, got array"},
		{"pattern field", "Pattern", `{"kind": 1}`, "x.kind", agreement.ErrSyntax, "want string, got number"},
		{"party kind", "Party", `{"kind": "stat"}`, "x.kind", agreement.ErrInvalidValue,
			`unknown party kind "stat" (did you mean "state"?); allowed: "state", "government", "armed-group", ` +
				`"intergovernmental-organisation", "state-coalition", "person", "civil-society", "other"`},
		{"fluent field", "Fluent", `{"initialy": true}`, "x.initialy", agreement.ErrUnknownField,
			`unknown field "initialy" (did you mean "initially"?)`},
		{"duplicate field", "Fluent", `{"id": "a", "id": "b"}`, "x.id", agreement.ErrSyntax, `duplicate field "id"`},
		{"range min", "Range", `{"max": "1"}`, "x.min", agreement.ErrMissing, `missing field "min"`},
		{"source date", "Source", `{"date": 1}`, "x.date", agreement.ErrSyntax, "want string, got number"},
		{"bound open", "Bound", `{"minOpen": true}`, "x.min", agreement.ErrMissing,
			`missing field "min" ("minOpen" qualifies the lower limit)`},
		{"required enum empty", "Role", `""`, "x", agreement.ErrInvalidValue,
			`unknown role ""; allowed: "party-to-conflict", "guarantor", "mediator", "monitor", "witness", "observer", ` +
				`"beneficiary"`},
		{"list of object", "Strings", `{}`, "x", agreement.ErrSyntax, "want array, got object"},
		{"list element", "Strings", `["a", 2]`, "x[1]", agreement.ErrSyntax, "want string, got number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAt(t, tt.text, jsonLeaves[tt.leaf])
			ps := problems(t, err)
			if len(ps) == 0 {
				t.Fatalf("%s(%s): no problem, want %s: %s", tt.leaf, tt.text, tt.path, tt.msg)
			}
			p := ps[0]
			if p.Path != tt.path || !errors.Is(p, tt.err) || p.Msg != tt.msg {
				t.Errorf("%s(%s): first problem %q (%v), want %s: %s (%v)", tt.leaf, tt.text, p.Error(), p.Err,
					tt.path, tt.msg, tt.err)
			}
		})
	}
}

func TestJSONReaderDocument(t *testing.T) {
	tests := []struct {
		name, data string
		ok         bool
		want       []string // "path: message" of each problem
	}{
		{"smallest", `{"schema": 7}`, true, nil},
		{"with $schema", "\uFEFF" + `{"$schema": "x.json", "schema": 7}`, true, nil},
		{"missing schema", `{}`, true, []string{`schema: missing schema version (want "schema": 7)`}},
		{"other schema", `{"schema": 2, "a": 1}`, false,
			[]string{"schema: unsupported schema version 2 (this package reads version 7)"}},
		{"schema as string", `{"schema": "7"}`, false,
			[]string{`schema: unsupported schema version string "7" (this package reads version 7)`}},
		{"not an object", `[]`, false, []string{"want object, got array"}},
		{"$schema of number", `{"schema": 7, "$schema": 1}`, true, []string{"$schema: want string, got number"}},
		{"syntax", "{\"schema\": 7,\n}", false,
			[]string{"invalid character '}' looking for beginning of object key string (line 2, column 1, byte offset 14)"}},
		{"empty", " ", false, []string{"empty input (line 1, column 2, byte offset 1)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r agreement.JSONReader
			data := []byte(tt.data)
			doc, ok := r.Document(data, 7)
			if ok {
				r.Object("", doc, []string{"schema", "$schema"}, func(field, path string, v agreement.JSONValue) bool {
					return r.SchemaMember(field, path, v)
				})
			}
			if ok != tt.ok {
				t.Errorf("Document ok = %v, want %v", ok, tt.ok)
			}
			if !ok && !doc.IsNull() {
				t.Error("Document reported false with a non-null value")
			}
			var got []string
			for _, p := range problems(t, r.Err()) {
				got = append(got, p.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if string(data) != tt.data {
				t.Error("Document modified its input")
			}
		})
	}
}

func TestJSONReaderVersionAndFields(t *testing.T) {
	var r agreement.JSONReader
	doc, _ := r.Parse([]byte(`{"version": 2, "v": 3, "version": "3", "w": 3.0}`))
	if got, want := doc.Fields(), []string{"version", "v", "version", "w"}; !cmp.Equal(got, want) {
		t.Errorf("Fields() = %q, want %q", got, want)
	}
	if fields := (agreement.JSONValue{}).Fields(); fields != nil {
		t.Errorf("Fields() of null = %q, want nil", fields)
	}
	var oks []bool
	r.Object("", doc, []string{"version", "v", "w"}, func(field, path string, v agreement.JSONValue) bool {
		oks = append(oks, r.Version(path, v, 3))
		return true
	})
	if want := []bool{false, true, false}; !cmp.Equal(oks, want) {
		t.Errorf("Version reported %v, want %v", oks, want)
	}
	var got []string
	for _, p := range problems(t, r.Err()) {
		if strings.Contains(p.Msg, "schema version") && !errors.Is(p, agreement.ErrSchemaVersion) {
			t.Errorf("problem %q does not wrap ErrSchemaVersion", p.Error())
		}
		got = append(got, p.Error())
	}
	want := []string{"version: unsupported schema version 2 (this package reads version 3)",
		`version: duplicate field "version"`, "w: unsupported schema version 3.0 (this package reads version 3)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestJSONValueMarshalJSON(t *testing.T) {
	for _, text := range []string{
		`null`, `true`, `-1.50e3`, `"a\u00e9\"\\\n"`, `[]`, `{}`,
		` { "b" : [ 1 , { "a" : null } ] , "a" : "x" , "a" : false } `,
	} {
		var r agreement.JSONReader
		v, ok := r.Parse([]byte(text))
		if !ok {
			t.Fatalf("Parse(%s): %v", text, r.Err())
		}
		got, err := v.MarshalJSON()
		var want bytes.Buffer
		if cerr := json.Compact(&want, []byte(text)); cerr != nil {
			t.Fatal(cerr)
		}
		// Strings are written back as encoding/json writes them.
		want2 := strings.ReplaceAll(want.String(), `\u00e9`, "\u00e9")
		if err != nil || string(got) != want2 {
			t.Errorf("MarshalJSON of %s = %s, %v; want %s", text, got, err, want2)
		}
	}
}

func TestJSONReaderRequiredFields(t *testing.T) {
	var r agreement.JSONReader
	obj, _ := r.Parse([]byte(`{"a": 1, "b": null}`))
	arr, _ := r.Parse([]byte(`[]`))
	r.RequiredFields("o", obj, "a", "b", "c")
	r.RequiredFields("p", arr, "a")
	r.Required("q", "d", false)
	r.Required("q", "e", true)
	var got []string
	for _, p := range problems(t, r.Err()) {
		if !errors.Is(p, agreement.ErrMissing) {
			t.Errorf("problem %q does not wrap ErrMissing", p.Error())
		}
		got = append(got, p.Error())
	}
	want := []string{`o.c: missing field "c"`, `q.d: missing field "d"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestJSONReaderTooDeep(t *testing.T) {
	var r agreement.JSONReader
	if _, ok := r.Parse([]byte(strings.Repeat("[", 5000) + strings.Repeat("]", 5000))); ok {
		t.Fatal("Parse of arrays nested 5000 deep reported true")
	}
	ps := problems(t, r.Err())
	if len(ps) != 1 || !errors.Is(ps[0], agreement.ErrInvalidValue) || !strings.HasPrefix(ps[0].Msg, "nested too deeply") {
		t.Errorf("problems %v, want one: nested too deeply", r.Err())
	}
}

func TestJSONReaderObjectAndArray(t *testing.T) {
	var r agreement.JSONReader
	v, _ := r.Parse([]byte(`{"alpha": [1, 2], "beta": 3, "gamma": 4, "alpah": 5}`))
	var fields, paths []string
	if !r.Object("o", v, []string{"alpha", "beta"}, func(field, path string, v agreement.JSONValue) bool {
		fields = append(fields, field)
		if field == "alpha" {
			r.Array(path, v, func(path string, v agreement.JSONValue) { paths = append(paths, path) })
		}
		return field == "alpha" // "beta" is listed but not read: unknown too
	}) {
		t.Fatal("Object of an object reported false")
	}
	if diff := cmp.Diff([]string{"alpha", "beta"}, fields); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"o.alpha[0]", "o.alpha[1]"}, paths); diff != "" {
		t.Errorf("element paths (-want +got):\n%s", diff)
	}
	var got []string
	for _, p := range problems(t, r.Err()) {
		got = append(got, p.Error())
	}
	want := []string{`o.beta: unknown field "beta"`, `o.gamma: unknown field "gamma"`,
		`o.alpah: unknown field "alpah" (did you mean "alpha"?)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if r.Array("p", v, nil) {
		t.Error("Array of an object reported true")
	}
	arr, _ := r.Parse([]byte(`[{}]`))
	if r.Object("q", arr, nil, nil) {
		t.Error("Object of an array reported true")
	}
}

func TestJSONReaderValidated(t *testing.T) {
	var r agreement.JSONReader
	r.Add("a[1]", agreement.ErrSyntax, "unreadable")
	r.Validated(nil)
	r.Validated(&agreement.ValidationError{Problems: []*agreement.Problem{
		{Path: "a[1].kind", Err: agreement.ErrMissing, Msg: "inside"},
		{Path: "a", Err: agreement.ErrMissing, Msg: "containing"},
		{Path: "a[10]", Err: agreement.ErrMissing, Msg: "another element"},
		nil,
		{Path: "b", Err: agreement.ErrUnknownParty, Msg: "elsewhere"},
	}, Omitted: 2})
	r.Validated(errors.New("not a validation error"))
	r.Unknown("c", agreement.ErrUnknownParty, "party", "RUS", []string{"RU", "UA"})
	var got []string
	var ve *agreement.ValidationError
	if !errors.As(r.Err(), &ve) {
		t.Fatalf("Err() = %v, want a *ValidationError", r.Err())
	}
	for _, p := range ve.Problems {
		got = append(got, p.Error())
	}
	want := []string{"a[1]: unreadable", "a[10]: another element", "b: elsewhere", "not a validation error",
		`c: unknown party "RUS" (did you mean "RU"?)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if ve.Omitted != 2 {
		t.Errorf("Omitted = %d, want 2", ve.Omitted)
	}
	if !errors.Is(ve.Problems[3], agreement.ErrInvalidValue) || !errors.Is(ve.Problems[4], agreement.ErrUnknownParty) {
		t.Errorf("sentinels: %v, %v", ve.Problems[3].Err, ve.Problems[4].Err)
	}
}

func TestJSONReaderZeroAndNil(t *testing.T) {
	var zero agreement.JSONReader
	if err := zero.Err(); err != nil {
		t.Errorf("zero JSONReader: Err() = %v, want nil", err)
	}
	if !(agreement.JSONValue{}).IsNull() {
		t.Error("the zero JSONValue is not null")
	}
	var r *agreement.JSONReader
	v, ok := r.Parse([]byte(`"a"`))
	if !ok || r.String("x", v) != "a" {
		t.Errorf("nil JSONReader: Parse and String = %v, %q; want true, \"a\"", ok, r.String("x", v))
	}
	r.Add("x", agreement.ErrSyntax, "kept nowhere")
	if r.Bool("x", v) || r.Err() != nil {
		t.Errorf("nil JSONReader: Err() = %v, want nil", r.Err())
	}
}

// The fields of an agreement document and of a clause, as the format
// defines them.
var (
	agreementDocFields = []string{"$schema", "schema", "id", "title", "date", "stage", "subStage", "signingStatus",
		"parties", "groups", "itemClasses", "signatures", "clauses", "fluents", "territory", "options",
		"entryIntoForce", "inForceAt", "signatories", "zone", "term"}
	clauseDocFields = []string{"id", "text", "source", "kind", "force", "category", "debtors", "joint",
		"creditors", "action", "quantities", "trigger", "antecedent", "deadline", "expiry", "fulfilment",
		"violation", "effect", "targets", "resumedBy", "standing", "targetDebtor", "relaxes", "grant",
		"covers", "coverWindow", "surviving", "provisional", "recurs", "zone", "term", "duringSuspension"}
)

// TestPropertyJSONReaderReadsAgreementValues checks that the values a
// JSONReader reads out of an agreement document are those DecodeAgreement
// reads: the same decoders, for other packages' documents.
func TestPropertyJSONReaderReadsAgreementValues(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		data, err := a.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		var r agreement.JSONReader
		doc, ok := r.Document(data, agreement.SchemaVersion)
		if !ok {
			t.Fatalf("Document: %v", r.Err())
		}
		var got agreement.Agreement
		clauses := map[int]map[string]agreement.JSONValue{}
		r.Object("", doc, agreementDocFields, func(field, path string, v agreement.JSONValue) bool {
			switch field {
			case "parties":
				got.Parties = agreement.JSONList(&r, path, v, r.Party)
			case "fluents":
				got.Fluents = agreement.JSONList(&r, path, v, r.Fluent)
			case "clauses":
				r.Array(path, v, func(path string, v agreement.JSONValue) {
					i := len(clauses)
					clauses[i] = map[string]agreement.JSONValue{}
					r.Object(path, v, clauseDocFields, func(field, _ string, v agreement.JSONValue) bool {
						clauses[i][field] = v
						return true
					})
				})
			}
			return true
		})
		if err := r.Err(); err != nil {
			t.Fatalf("reading %s: %v", data, err)
		}
		if diff := cmp.Diff(a.Parties, got.Parties, agreementtest.Options()); diff != "" {
			t.Fatalf("parties (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(a.Fluents, got.Fluents, agreementtest.Options()); diff != "" {
			t.Fatalf("fluents (-want +got):\n%s", diff)
		}
		if len(clauses) != len(a.Clauses) {
			t.Fatalf("%d clauses read, want %d", len(clauses), len(a.Clauses))
		}
		for i, c := range a.Clauses {
			if a.Zone != "" || c.Zone != "" {
				continue // plain dates in a zone: the reader reads them in UTC
			}
			m := clauses[i]
			for _, s := range []struct {
				field string
				want  agreement.Condition
			}{{"trigger", c.Trigger}, {"antecedent", c.Antecedent}, {"fulfilment", c.Fulfilment}, {"violation", c.Violation}} {
				if got := r.Condition(s.field, m[s.field]); !agreement.EqualConditions(s.want, got) {
					t.Fatalf("clause %s %s: read %v, want %v", c.ID, s.field, got, s.want)
				}
			}
			if v, ok := m["action"]; ok && !v.IsNull() {
				if got := r.Pattern("action", v); c.Action == nil || !cmp.Equal(*c.Action, got, agreementtest.Options()) {
					t.Fatalf("clause %s action: read %v, want %v", c.ID, got, c.Action)
				}
			}
			if v, ok := m["source"]; ok {
				if got := r.Source("source", v); !cmp.Equal(c.Source, got, agreementtest.Options()) {
					t.Fatalf("clause %s source: read %v, want %v", c.ID, got, c.Source)
				}
			}
			if v, ok := m["quantities"]; ok {
				got := agreement.JSONList(&r, "quantities", v, r.Range)
				if !cmp.Equal(c.Quantities, got, agreementtest.Options()) {
					t.Fatalf("clause %s quantities: read %v, want %v", c.ID, got, c.Quantities)
				}
			}
		}
		if err := r.Err(); err != nil {
			t.Fatalf("reading the clauses of %s: %v", data, err)
		}
	})
}

// FuzzJSONReader checks that the leaves of a JSONReader, given any
// document, never panic, never modify it, and report only problems at or
// inside the path they read, each wrapping a sentinel with a message.
func FuzzJSONReader(f *testing.F) {
	addGoldenSeeds(f)
	for _, s := range []string{
		`{"all": [{"happened": {"kind": "k", "measure": {"minOpen": true}}}, {"clock": {"from": "2026-02-30"}}]}`,
		`{"id": "RU", "kind": "stat", "roles": [""]}`, `{"min": 1, "max": "1e3"}`, `[1, "2", null]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		var pr agreement.JSONReader
		v, ok := pr.Parse(data)
		if !ok {
			if pr.Err() == nil {
				t.Fatal("Parse reported false without a problem")
			}
			return
		}
		out, err := v.MarshalJSON()
		if err != nil || !json.Valid(out) {
			t.Fatalf("MarshalJSON = %s, %v: not valid JSON", out, err)
		}
		if again, ok := pr.Parse(out); !ok {
			t.Fatalf("Parse(MarshalJSON) failed: %v", pr.Err())
		} else if out2, _ := again.MarshalJSON(); !bytes.Equal(out, out2) {
			t.Fatalf("MarshalJSON of the value written back differs:\n%s\n%s", out, out2)
		}
		for name, read := range jsonLeaves {
			var r agreement.JSONReader // a value parsed by one reader is read by another
			read(&r, v)
			for _, p := range problems(t, r.Err()) {
				if p.Path != "x" && !strings.HasPrefix(p.Path, "x.") && !strings.HasPrefix(p.Path, "x[") {
					t.Fatalf("%s: problem %q outside x", name, p.Error())
				}
				if p.Err == nil || p.Msg == "" {
					t.Fatalf("%s: problem %q without sentinel or message", name, p.Error())
				}
			}
		}
		if !bytes.Equal(data, orig) {
			t.Fatal("the input was modified")
		}
	})
}
