package agreement_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// deepNot returns n Not nodes around a Holds atom.
func deepNot(n int) agreement.Condition {
	c := agreement.Holds("ceasefire-in-force")
	for range n {
		c = agreement.Not(c)
	}
	return c
}

// hugeDepth is deep enough that a recursive walk of it overflows the
// goroutine stack (1 GB), which no recover catches.
const hugeDepth = 10_000_000

// TestDeepConditionsDoNotOverflow checks that every function of package
// agreement that walks conditions does so without exhausting the stack, at
// a depth no recursion survives.
func TestDeepConditionsDoNotOverflow(t *testing.T) {
	if testing.Short() {
		t.Skip("builds conditions ten million deep")
	}
	deep, other := deepNot(hugeDepth), deepNot(hugeDepth)

	a := withClause(0, func(c *agreement.Clause) { c.Trigger = deep })
	if err := a.Validate(); !problemAt(err, agreement.ErrInvalidValue, "clauses[0].trigger"+strings.Repeat(".not", agreement.MaxDepth)) {
		t.Errorf("Validate() = %.300v, want the depth reported", err)
	}
	if err := (agreement.Process{Agreements: []agreement.Agreement{a}}).Validate(); err == nil {
		t.Error("Process.Validate() = nil, want the depth reported")
	}
	n := 0
	agreement.Walk(deep, func(agreement.Condition) bool { n++; return true })
	if n != agreement.MaxConditionSize {
		t.Errorf("Walk visited %d nodes, want %d (MaxConditionSize)", n, agreement.MaxConditionSize)
	}
	if !agreement.EqualConditions(deep, other) || !deep.Equal(other) {
		t.Error("EqualConditions(deep, deep copy) = false")
	}
	if s, want := deep.String(), strings.Repeat("not(", agreement.MaxConditionSize)+"…(and more than 250000 more nodes)"; s != want {
		t.Errorf("String() has %d bytes, ends %q; want %d bytes", len(s), s[max(0, len(s)-50):], len(want))
	}
	if got := agreement.Patterns(deep); len(got) != 0 {
		t.Errorf("Patterns() = %v", got)
	}
	if _, err := a.MarshalJSON(); err == nil {
		t.Error("MarshalJSON() = nil error, want the depth reported")
	}
}

// TestConditionStringLinear checks that String takes time linear in the
// depth of a condition: 10^6 nested Not took minutes and tens of GB when it
// was quadratic. It writes the whole of one just under [MaxConditionSize].
func TestConditionStringLinear(t *testing.T) {
	c := deepNot(agreement.MaxConditionSize - 1)
	start := time.Now()
	s := c.String()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("String() of %d nested not took %v", agreement.MaxConditionSize-1, d)
	}
	if !strings.HasPrefix(s, "not(not(") || !strings.Contains(s, "(not(holds(ceasefire-in-force)))") || !strings.HasSuffix(s, ")))") {
		t.Errorf("String() = %.40q...", s)
	}
	mixed := agreement.All(agreement.Not(nil), agreement.AtLeast(1, agreement.Holds("f"), (*agreement.AnyCondition)(nil)), agreement.Any())
	if got, want := mixed.String(), "all(not(<nil>), at-least-1(holds(f), <nil>), any())"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestCycleReportsBounded checks that clauses each reading the next and the
// first form one strongly connected set, reported once with a short
// message: it was reported once for every clause, naming every clause
// before it, a message quadratic in the number of clauses.
func TestCycleReportsBounded(t *testing.T) {
	const n = 2000
	a := seedCore()
	a.Clauses = nil
	id := func(i int) agreement.ClauseID { return agreement.ClauseID("C" + itoa(i%n)) }
	for i := range n {
		a.Clauses = append(a.Clauses, agreement.Clause{ID: id(i), Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: agreement.EventKindCeasefireInForce},
			Trigger: agreement.All(agreement.ClauseIn(agreement.LocalRef(id(i+1)), agreement.StateInEffect),
				agreement.ClauseIn(agreement.LocalRef(id(0)), agreement.StateInEffect))})
	}
	err := a.Validate()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v", err)
	}
	cycles := 0
	for _, p := range ve.Problems {
		if errors.Is(p, agreement.ErrCycle) {
			cycles++
			if len(p.Msg) > 200 {
				t.Errorf("cycle message has %d bytes: %.300s", len(p.Msg), p.Msg)
			}
			const want = "dependency cycle C0 -> C1 -> C2 -> C3 -> C4 -> C5 -> C6 -> ... -> C1999 -> C0 (2000 clauses; 1992 more not named)"
			if p.Path != "clauses[0]" || p.Msg != want {
				t.Errorf("cycle problem %s: %s\nwant clauses[0]: %s", p.Path, p.Msg, want)
			}
		}
	}
	if cycles != 1 {
		t.Errorf("%d cycles reported, want 1", cycles)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestValidationErrorNil checks that nil problems, a nil *ValidationError
// and hand-built values print and unwrap without panicking.
func TestValidationErrorNil(t *testing.T) {
	var nilVE *agreement.ValidationError
	var nilP *agreement.Problem
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nil problem alone", &agreement.ValidationError{Problems: []*agreement.Problem{nil}}, "agreement: 1 problem: <nil problem>"},
		{"nil problem among others", &agreement.ValidationError{Problems: []*agreement.Problem{nil, {Path: "id", Err: agreement.ErrMissing, Msg: "missing"}}},
			"agreement: 2 problems:\n\t<nil problem>\n\tid: missing"},
		{"nil error", nilVE, "agreement: invalid (no problems recorded)"},
		{"nil *Problem", nilP, "<nil problem>"},
		{"zero problem", &agreement.Problem{}, "invalid"},
		{"omitted only", &agreement.ValidationError{Omitted: 2}, "agreement: 2 problems:\n\t... and 2 more problems (2 of them not recorded)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			_ = errors.Is(tt.err, agreement.ErrMissing)
			var p *agreement.Problem
			_ = errors.As(tt.err, &p)
		})
	}
	if nilVE.Err() != nil || nilVE.Unwrap() != nil || nilP.Unwrap() != nil {
		t.Error("nil receivers: want nil results")
	}
	nilVE.Add("x", agreement.ErrMissing, "ignored") // must not panic
}

// TestRepeatedProblemsCapped checks that a million duplicate fields make an
// error of bounded size: every duplicate was a problem and a line.
func TestRepeatedProblemsCapped(t *testing.T) {
	const n = 1_000_000
	var b strings.Builder
	b.WriteString(`{"schema":1,"id":"a"`)
	for range n {
		b.WriteString(`,"title":"x"`)
	}
	b.WriteString("}")
	_, err := agreement.DecodeAgreement([]byte(b.String()))
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("DecodeAgreement() = %v", err)
	}
	if len(ve.Problems) != agreement.MaxProblems || ve.Omitted != n-1-agreement.MaxProblems {
		t.Errorf("%d problems kept, %d omitted; want %d and %d", len(ve.Problems), ve.Omitted, agreement.MaxProblems, n-1-agreement.MaxProblems)
	}
	msg := err.Error()
	want := "agreement: 999999 problems:\n" + strings.Repeat("\ttitle: duplicate field \"title\"\n", 10) +
		"\t... and 990 more like it\n\t... and 998999 more problems (998999 of them not recorded)"
	if msg != want {
		t.Errorf("Error() = %.2000q\nwant %q", msg, want)
	}
}

// TestLongInputQuotedShort checks that messages quote at most a few hundred
// bytes of an input string.
func TestLongInputQuotedShort(t *testing.T) {
	id := strings.Repeat("é", 500_000)
	_, err := agreement.DecodeAgreement([]byte(`{"schema":1,"id":"` + id + `"}`))
	if err == nil || len(err.Error()) > 1000 {
		t.Errorf("DecodeAgreement() error has %d bytes, want at most 1000", len(err.Error()))
	}
	if !strings.Contains(err.Error(), "... (1000000 bytes)") {
		t.Errorf("DecodeAgreement() = %.500v, want the length of the cut string", err)
	}
}

// TestDecodeDeepJSONOneError checks that JSON nested too deeply is reported
// the same way at every depth: as nested too deeply, with ErrInvalidValue,
// never as encoding/json's syntax error (which it was beyond 10000 levels).
func TestDecodeDeepJSONOneError(t *testing.T) {
	for _, depth := range []int{1500, 5000, 8000, 9000, 20_000, 1_000_000} {
		doc := `{"schema":1,"id":"a","clauses":[{"id":"C1","trigger":` + strings.Repeat(`{"not":`, depth) +
			`{"holds":"f"}` + strings.Repeat("}", depth) + `}]}`
		_, err := agreement.DecodeAgreement([]byte(doc))
		if !errors.Is(err, agreement.ErrInvalidValue) || errors.Is(err, agreement.ErrSyntax) ||
			!strings.Contains(err.Error(), "nested too deeply") || strings.Contains(err.Error(), "exceeded max depth") {
			t.Errorf("depth %d: DecodeAgreement() = %.300v, want nested too deeply (ErrInvalidValue)", depth, err)
		}
	}
}

// TestDecodeByteOrderMark checks that every decoder of the package skips a
// UTF-8 byte-order mark at the start of a document, as the PA-X reader
// does, and still reports syntax errors at their place in the input.
func TestDecodeByteOrderMark(t *testing.T) {
	const bom = "\uFEFF"
	if _, err := agreement.DecodeAgreement([]byte(bom + `{"schema":1,"id":"a"}`)); err != nil {
		t.Errorf("DecodeAgreement() = %v", err)
	}
	if _, err := agreement.DecodeProcess([]byte(bom + `{"schema":1}`)); err != nil {
		t.Errorf("DecodeProcess() = %v", err)
	}
	if _, err := agreement.DecodeEventLog([]byte(bom + `{"schema":1,"events":[]}`)); err != nil {
		t.Errorf("DecodeEventLog() = %v", err)
	}
	var a agreement.Agreement
	if err := a.UnmarshalJSON([]byte(bom + "null")); err != nil {
		t.Errorf("UnmarshalJSON(BOM null) = %v", err)
	}
	_, err := agreement.DecodeAgreement([]byte(bom + `{"schema":1,}`))
	if err == nil || !strings.Contains(err.Error(), "line 1, column 16, byte offset 15") {
		t.Errorf("DecodeAgreement(BOM, trailing comma) = %v, want the offset in the input", err)
	}
}

// TestInstantsOutsideRange checks that validation, and the decoder through
// it, reports every absolute deadline, expiry and signature date outside
// InstantRange, which the engine would wrap through UnixNano.
func TestInstantsOutsideRange(t *testing.T) {
	first, last := agreement.InstantRange()
	y := func(year int) time.Time { return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		at   time.Time
		ok   bool
	}{
		{"first", first, true},
		{"last", last, true},
		{"before first", first.Add(-1), false},
		{"after last", last.Add(1), false},
		{"year 2300", y(2300), false},
		{"year 1600", y(1600), false},
		{"year 9999", y(9999), false},
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), false},
		{"2026", y(2026), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(what string, a agreement.Agreement, path string) {
				t.Helper()
				err := a.Validate()
				if got := problemAt(err, agreement.ErrInvalidValue, path); got == tt.ok {
					t.Errorf("%s: Validate() = %v, want a problem at %s: %v", what, err, path, !tt.ok)
				}
				if !tt.ok && !strings.Contains(err.Error(), "outside the range the library represents exactly") {
					t.Errorf("%s: Validate() = %v, want the range named", what, err)
				}
				perr := agreement.Process{Agreements: []agreement.Agreement{a}}.Validate()
				if got := problemAt(perr, agreement.ErrInvalidValue, "agreements[0]."+path); got == tt.ok {
					t.Errorf("%s: Process.Validate() = %v", what, perr)
				}
				if data, err := a.MarshalJSON(); err == nil {
					if _, err := agreement.DecodeAgreement(data); (err == nil) != tt.ok {
						t.Errorf("%s: DecodeAgreement() = %v", what, err)
					}
				}
			}
			check("deadline", withClause(0, func(c *agreement.Clause) {
				c.Kind, c.Deadline = agreement.DeonticObligation, agreement.Deadline{At: tt.at}
			}), "clauses[0].deadline.at")
			check("expiry", withClause(0, func(c *agreement.Clause) { c.Expiry = agreement.Deadline{At: tt.at} }),
				"clauses[0].expiry.at")
			sig := seedCore()
			sig.Signatures = []agreement.Signature{{Party: sig.Parties[0].ID, Date: tt.at}}
			check("signature", sig, "signatures[0].date")
		})
	}
}

// TestHugeDecimalsBounded checks that decimals built in Go with huge
// exponents are reported by validation at their path and refused by the
// figures, quickly: Territory.Validate took 6 s and Controlled 14 s.
func TestHugeDecimalsBounded(t *testing.T) {
	huge := decimal.New(1, 10_000_000)
	tiny := decimal.New(1, -10_000_000)
	hundred := decimal.NewFromInt(100)
	start := time.Now()
	terr := agreement.Territory{Areas: []agreement.Area{{ID: "a", Size: huge,
		Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
		Control:     []agreement.Share{{Party: "UA", Percent: tiny}, {Party: "RU", Percent: hundred}}}}}
	err := terr.Validate()
	if !problemAt(err, agreement.ErrInvalidValue, "areas[0].size") ||
		!problemAt(err, agreement.ErrInvalidValue, "areas[0].control[0].percent") {
		t.Errorf("Territory.Validate() = %v", err)
	}
	if _, err := terr.Controlled("UA"); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("Controlled() = %v, want ErrInvalidValue", err)
	}
	if _, err := terr.Size(); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("Size() = %v, want ErrInvalidValue", err)
	}
	if _, err := terr.ControlBreakdown(); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("ControlBreakdown() = %v, want ErrInvalidValue", err)
	}
	_ = terr.ControlledWithin("UA", "UA")
	if _, err := terr.MoveControl("a", "RU", "UA", &huge); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("MoveControl() = %v, want ErrInvalidValue", err)
	}
	if err := agreement.NewQuantity(huge, "km").Validate(); !problemAt(err, agreement.ErrInvalidValue, "value") {
		t.Errorf("Quantity.Validate() = %v", err)
	}
	if _, err := agreement.NewRange(tiny, huge, "km", ""); !problemAt(err, agreement.ErrInvalidValue, "max") ||
		!problemAt(err, agreement.ErrInvalidValue, "min") {
		t.Errorf("NewRange() = %v", err)
	}
	a := withClause(0, func(c *agreement.Clause) {
		c.Quantities = []agreement.Range{{Min: hundred, Max: huge}}
	})
	if err := a.Validate(); !problemAt(err, agreement.ErrInvalidValue, "clauses[0].quantities[0].max") {
		t.Errorf("Validate() = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	// At the bound: 1000 characters in plain notation is accepted.
	edge := decimal.New(1, 999)
	if err := agreement.NewQuantity(edge, "km").Validate(); err != nil {
		t.Errorf("Quantity{1e999}.Validate() = %v", err)
	}
	if err := agreement.NewQuantity(decimal.New(1, 1000), "km").Validate(); err == nil {
		t.Error("Quantity{1e1000}.Validate() = nil, want 1001 characters reported")
	}
}
