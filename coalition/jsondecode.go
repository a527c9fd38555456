package coalition

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// DecodeCoalition reads one coalition from data, which must hold exactly
// one JSON object in the encoding described at [SchemaVersion], and
// validates it with [Coalition.Validate]. It is strict: malformed JSON or
// trailing data ([agreement.ErrSyntax], with the line, byte column and byte
// offset in the message), a value of the wrong JSON type or a duplicate
// field ([agreement.ErrSyntax]), a field this version does not define
// ([agreement.ErrUnknownField], with the nearest known field suggested), an
// unknown enumeration name ([agreement.ErrInvalidValue], with the nearest
// name suggested and every allowed one listed), a malformed decimal,
// duration, reference or instant ([agreement.ErrInvalidValue], or
// [agreement.ErrInvalidID] for references), a missing required field
// ([agreement.ErrMissing]), a missing or different "schema"
// ([agreement.ErrSchemaVersion]), a party that is named but not declared
// ([agreement.ErrUnknownParty]) or a function that a contribution serves
// but is not declared ([ErrUnknownFunction]), each with the nearest
// declared id suggested, are all errors. A UTF-8 byte-order mark at the
// start of data is skipped; arrays and objects nested more than 3016
// levels deep are reported as nested too deeply ([agreement.ErrInvalidValue]).
//
// On failure it returns the zero Coalition and an
// [*agreement.ValidationError] listing every problem, each with its path in
// the JSON field names ("contributions[3].condition.all[1].happened.actor"):
// first those found in reading the document, then those [Coalition.Validate]
// finds in what could be read, but for those at, inside or containing a
// path already reported. A "schema" other than [SchemaVersion] is reported
// alone, since the rest of the document is in an unknown format; a missing
// one is reported with the other problems.
//
// DecodeCoalition never panics, does not modify data, and returns a value
// that shares no memory with it. It is safe for concurrent use.
func DecodeCoalition(data []byte) (Coalition, error) {
	var d decoder
	v, p := parse(data)
	if p != nil {
		d.ps.Problems = append(d.ps.Problems, p)
		return Coalition{}, d.ps.Err()
	}
	obj, ok := v.(*object)
	if !ok {
		d.wrongType("", "object", v)
		return Coalition{}, d.ps.Err()
	}
	if i := slices.Index(obj.keys, "schema"); i < 0 {
		d.add("schema", agreement.ErrSchemaVersion, "missing schema version (want \"schema\": "+
			strconv.Itoa(SchemaVersion)+")")
	} else if n, ok := obj.vals[i].(json.Number); !ok || string(n) != strconv.Itoa(SchemaVersion) {
		d.add("schema", agreement.ErrSchemaVersion, "unsupported schema version "+describe(obj.vals[i])+
			" (this package reads version "+strconv.Itoa(SchemaVersion)+")")
		return Coalition{}, d.ps.Err()
	}
	c := d.coalition(obj)
	d.references(c)
	if err := c.Validate(); err != nil {
		var ve *agreement.ValidationError
		if errors.As(err, &ve) {
			read := slices.Clone(d.ps.Problems)
			for _, pr := range ve.Problems {
				if pr != nil && !relatedPath(read, pr.Path) {
					d.add(pr.Path, pr.Err, pr.Msg)
				}
			}
			d.ps.Omitted += ve.Omitted
		} else {
			d.add("", agreement.ErrInvalidValue, err.Error())
		}
	}
	if err := d.ps.Err(); err != nil {
		return Coalition{}, err
	}
	return c, nil
}

// relatedPath reports whether path is the path of one of ps, or inside it,
// or contains it.
func relatedPath(ps []*agreement.Problem, path string) bool {
	within := func(a, b string) bool { // a is b or inside b
		if b == "" || a == b {
			return true
		}
		return strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
	}
	for _, p := range ps {
		if p != nil && (within(path, p.Path) || within(p.Path, path)) {
			return true
		}
	}
	return false
}

// decoder converts a parsed tree to values, collecting every problem with
// its path. refs and funcs collect the party and function references read,
// which references checks once every declaration is known.
type decoder struct {
	ps    agreement.ValidationError
	refs  []reference
	funcs []reference
}

// reference is an id read at path.
type reference struct{ path, id string }

func (d *decoder) add(path string, err error, msg string) { d.ps.Add(path, err, msg) }

func (d *decoder) wrongType(path, want string, v any) {
	d.add(path, agreement.ErrSyntax, "want "+want+", got "+jsonType(v))
}

// suggestion returns ` (did you mean "x"?)` for the candidate nearest got,
// or "".
func suggestion(got string, candidates []string) string {
	if s, ok := agreement.Suggest(got, candidates); ok {
		return " (did you mean " + strconv.Quote(s) + "?)"
	}
	return ""
}

// members calls fn for every member of the object v at path, in document
// order, with the member's path; fn returns false for a key it does not
// know, which is reported as an unknown field, with the nearest of known
// suggested. Duplicate keys are reported and skipped. members returns the
// keys present, nil when v is not an object.
func (d *decoder) members(path string, v any, known []string, fn func(key, path string, v any) bool) map[string]bool {
	obj, ok := v.(*object)
	if !ok {
		d.wrongType(path, "object", v)
		return nil
	}
	seen := make(map[string]bool, len(obj.keys))
	for i, k := range obj.keys {
		p := agreement.FieldPath(path, k)
		if seen[k] {
			d.add(p, agreement.ErrSyntax, "duplicate field "+strconv.Quote(k))
			continue
		}
		seen[k] = true
		if !fn(k, p, obj.vals[i]) {
			d.add(p, agreement.ErrUnknownField, "unknown field "+strconv.Quote(k)+suggestion(k, known))
		}
	}
	return seen
}

// required reports each of names missing from the object at path, whose
// keys are seen (nil when it was not an object: nothing is reported).
func (d *decoder) required(path string, seen map[string]bool, names ...string) {
	if seen == nil {
		return
	}
	for _, n := range names {
		if !seen[n] {
			d.add(agreement.FieldPath(path, n), agreement.ErrMissing, "missing field "+strconv.Quote(n))
		}
	}
}

// list decodes the array v at path element by element; an empty array
// decodes to nil.
func list[T any](d *decoder, path string, v any, fn func(path string, v any) T) []T {
	arr, ok := v.([]any)
	if !ok {
		d.wrongType(path, "array", v)
		return nil
	}
	if len(arr) == 0 {
		return nil
	}
	out := make([]T, len(arr))
	for i, x := range arr {
		out[i] = fn(agreement.IndexPath(path, i), x)
	}
	return out
}

func (d *decoder) str(path string, v any) string {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
	}
	return s
}

func ids[T ~string](d *decoder, path string, v any) []T {
	return list(d, path, v, func(path string, v any) T { return T(d.str(path, v)) })
}

// partyRef reads a party id that must be declared, for [decoder.references].
func (d *decoder) partyRef(path string, v any) agreement.PartyID {
	s := d.str(path, v)
	if s != "" {
		d.refs = append(d.refs, reference{path, s})
	}
	return agreement.PartyID(s)
}

func (d *decoder) partyRefs(path string, v any) []agreement.PartyID {
	return list(d, path, v, d.partyRef)
}

func (d *decoder) boolean(path string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		d.wrongType(path, "boolean", v)
	}
	return b
}

func (d *decoder) integer(path string, v any) int {
	n, ok := v.(json.Number)
	if !ok {
		d.wrongType(path, "number", v)
		return 0
	}
	i, err := strconv.Atoi(string(n))
	if err != nil {
		d.add(path, agreement.ErrInvalidValue, "want an integer, got "+string(n))
	}
	return i
}

// enumeration is an enumerated type whose String method gives its JSON
// name.
type enumeration interface {
	~uint8
	Valid() bool
	String() string
}

// enumNames returns the names of T's values by value, "" for an invalid
// zero value.
func enumNames[T enumeration]() []string {
	var names []string
	for i := 0; i < 256; i++ {
		x := T(i)
		if !x.Valid() {
			if i == 0 {
				names = append(names, "")
				continue
			}
			break
		}
		names = append(names, x.String())
	}
	return names
}

// enum decodes the name of a value of T at path; what names the type in
// messages. With optional, "" is T's zero value (whose name is ""). An
// unknown name is reported with the nearest allowed one suggested and
// every allowed one listed.
func enum[T enumeration](d *decoder, path string, v any, what string, optional bool) T {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return 0
	}
	if s == "" && optional {
		return 0
	}
	names := enumNames[T]()
	var allowed []string
	for i, n := range names {
		if n == "" {
			continue
		}
		if n == s {
			return T(i)
		}
		allowed = append(allowed, n)
	}
	quoted := make([]string, len(allowed))
	for i, n := range allowed {
		quoted[i] = strconv.Quote(n)
	}
	d.add(path, agreement.ErrInvalidValue, "unknown "+what+" "+strconv.Quote(s)+suggestion(s, allowed)+
		"; allowed: "+strings.Join(quoted, ", "))
	return 0
}

// instant decodes an instant: RFC 3339 text, or a plain date "YYYY-MM-DD"
// meaning midnight UTC at the start of that day. It is returned in UTC.
func (d *decoder) instant(path string, v any) time.Time {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return time.Time{}
	}
	var t time.Time
	if isPlainDate(s) {
		day, err := time.Parse(time.DateOnly, s)
		if err != nil {
			d.add(path, agreement.ErrInvalidValue, "invalid date "+strconv.Quote(s)+" (no such day)")
			return time.Time{}
		}
		t = day
	} else if err := t.UnmarshalText([]byte(s)); err != nil {
		d.add(path, agreement.ErrInvalidValue, "invalid RFC 3339 instant "+strconv.Quote(s)+
			" (want such as \"2026-02-01T00:00:00Z\", or a date such as \"2026-02-01\")")
		return time.Time{}
	}
	t = t.UTC()
	if t.IsZero() {
		d.add(path, agreement.ErrInvalidValue, "the instant "+strconv.Quote(s)+
			" stands for none in this format: omit the field")
		return time.Time{}
	}
	if y := t.Year(); y < 0 || y > 9999 {
		d.add(path, agreement.ErrInvalidValue, "instant "+strconv.Quote(s)+" is outside the years 0000-9999 in UTC")
		return time.Time{}
	}
	return t
}

// isPlainDate reports whether s has the shape of a date, "dddd-dd-dd".
func isPlainDate(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (d *decoder) duration(path string, v any) time.Duration {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return 0
	}
	t, err := agreement.ParseDuration(s)
	if err != nil {
		d.add(path, agreement.ErrInvalidValue, "invalid duration "+strconv.Quote(s)+" (want such as \"72h\" or \"1h30m\")")
	}
	return t
}

func (d *decoder) ref(path string, v any) agreement.Ref {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return agreement.Ref{}
	}
	r, err := agreement.ParseRef(s)
	if err != nil {
		d.add(path, agreement.ErrInvalidID, "invalid reference "+strconv.Quote(s))
	}
	return r
}

// maxDecimalLen bounds the length of a decimal's text, as in agreement
// documents.
const maxDecimalLen = 1000

func (d *decoder) decimal(path string, v any) decimal.Decimal {
	s, ok := v.(string)
	if !ok {
		msg := "want string, got " + jsonType(v)
		if n, isNum := v.(json.Number); isNum {
			msg = "want string, got number " + string(n) + " (write decimals as strings, such as \"" + string(n) + "\")"
		}
		d.add(path, agreement.ErrSyntax, msg)
		return decimal.Decimal{}
	}
	x, ok := parseDecimal(s)
	if !ok {
		d.add(path, agreement.ErrInvalidValue, "invalid decimal "+strconv.Quote(s)+" (want plain notation such as \"-12.5\")")
	}
	return x
}

// parseDecimal reads plain decimal notation: an optional '-', digits, and
// optionally '.' and more digits, at most maxDecimalLen characters.
func parseDecimal(s string) (decimal.Decimal, bool) {
	if len(s) == 0 || len(s) > maxDecimalLen {
		return decimal.Decimal{}, false
	}
	body := strings.TrimPrefix(s, "-")
	intPart, fracPart, hasPoint := strings.Cut(body, ".")
	if !allDigits(intPart) || hasPoint && !allDigits(fracPart) {
		return decimal.Decimal{}, false
	}
	c, ok := new(big.Int).SetString(intPart+fracPart, 10)
	if !ok {
		return decimal.Decimal{}, false
	}
	if len(body) < len(s) {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, -int32(len(fracPart))), true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// references reports the party and function references read that name
// nothing declared, with the nearest declared id suggested. Parties are
// checked only when the id of every declared party could be read.
func (d *decoder) references(c Coalition) {
	partiesRead := !slices.ContainsFunc(d.ps.Problems, func(p *agreement.Problem) bool {
		if p == nil {
			return false
		}
		rest, ok := strings.CutPrefix(p.Path, "parties")
		if !ok {
			return false
		}
		if rest == "" {
			return true
		}
		n, tail, _ := strings.Cut(rest, "]")
		return strings.HasPrefix(n, "[") && (tail == "" || tail == ".id")
	})
	if partiesRead {
		var declared []string
		for _, p := range c.Parties {
			declared = append(declared, string(p.ID))
		}
		for _, r := range d.refs {
			if !slices.Contains(declared, r.id) {
				d.add(r.path, agreement.ErrUnknownParty, "unknown party "+strconv.Quote(r.id)+suggestion(r.id, declared))
			}
		}
	}
	var functions []string
	for _, f := range c.Functions {
		functions = append(functions, string(f.ID))
	}
	for _, r := range d.funcs {
		if !slices.Contains(functions, r.id) {
			d.add(r.path, ErrUnknownFunction, "unknown function "+strconv.Quote(r.id)+suggestion(r.id, functions))
		}
	}
}

var coalitionFields = []string{"schema", "$schema", "id", "name", "party", "host", "parties", "members", "fluents",
	"functions", "cells", "declarations", "meetings", "contributions"}

// coalition decodes the top-level object, whose "schema" DecodeCoalition
// has checked.
func (d *decoder) coalition(doc *object) Coalition {
	var c Coalition
	d.members("", doc, coalitionFields, func(k, p string, v any) bool {
		switch k {
		case "schema": // checked by DecodeCoalition
		case "$schema":
			d.str(p, v)
		case "id":
			c.ID = agreement.AgreementID(d.str(p, v))
		case "name":
			c.Name = d.str(p, v)
		case "party":
			c.Party = d.partyRef(p, v)
		case "host":
			c.Host = d.partyRef(p, v)
		case "parties":
			c.Parties = list(d, p, v, d.party)
		case "members":
			c.Members = list(d, p, v, d.member)
		case "fluents":
			c.Fluents = list(d, p, v, d.fluent)
		case "functions":
			c.Functions = list(d, p, v, d.function)
		case "cells":
			c.Cells = list(d, p, v, d.cell)
		case "declarations":
			c.Declarations = list(d, p, v, d.declaration)
		case "meetings":
			c.Meetings = list(d, p, v, d.meeting)
		case "contributions":
			c.Contributions = list(d, p, v, d.contribution)
		default:
			return false
		}
		return true
	})
	return c
}

var memberFields = []string{"party", "standing"}

func (d *decoder) member(path string, v any) Member {
	var m Member
	d.members(path, v, memberFields, func(k, p string, v any) bool {
		switch k {
		case "party":
			m.Party = d.partyRef(p, v)
		case "standing":
			m.Standing = enum[Standing](d, p, v, "standing", false)
		default:
			return false
		}
		return true
	})
	return m
}

var functionFields = []string{"id", "name", "leads", "leadWithoutContributions", "category"}

func (d *decoder) function(path string, v any) Function {
	var f Function
	d.members(path, v, functionFields, func(k, p string, v any) bool {
		switch k {
		case "id":
			f.ID = FunctionID(d.str(p, v))
		case "name":
			f.Name = d.str(p, v)
		case "leads":
			f.Leads = d.partyRefs(p, v)
		case "leadWithoutContributions":
			f.LeadWithoutContributions = d.boolean(p, v)
		case "category":
			f.Category = agreement.Category(d.str(p, v))
		default:
			return false
		}
		return true
	})
	return f
}

var cellFields = []string{"name", "location", "participants"}

func (d *decoder) cell(path string, v any) Cell {
	var c Cell
	d.members(path, v, cellFields, func(k, p string, v any) bool {
		switch k {
		case "name":
			c.Name = d.str(p, v)
		case "location":
			c.Location = d.str(p, v)
		case "participants":
			c.Participants = d.partyRefs(p, v)
		default:
			return false
		}
		return true
	})
	return c
}

var declarationFields = []string{"title", "allMembers", "signatories", "force", "date"}

func (d *decoder) declaration(path string, v any) Declaration {
	var x Declaration
	d.members(path, v, declarationFields, func(k, p string, v any) bool {
		switch k {
		case "title":
			x.Title = d.str(p, v)
		case "allMembers":
			x.AllMembers = d.boolean(p, v)
		case "signatories":
			x.Signatories = d.partyRefs(p, v)
		case "force":
			x.Force = enum[agreement.Force](d, p, v, "force", true)
		case "date":
			x.Date = d.instant(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

var meetingFields = []string{"title", "location", "date", "attendees", "unnamed"}

func (d *decoder) meeting(path string, v any) Meeting {
	var m Meeting
	d.members(path, v, meetingFields, func(k, p string, v any) bool {
		switch k {
		case "title":
			m.Title = d.str(p, v)
		case "location":
			m.Location = d.str(p, v)
		case "date":
			m.Date = d.instant(p, v)
		case "attendees":
			m.Attendees = list(d, p, v, d.attendee)
		case "unnamed":
			m.Unnamed = list(d, p, v, d.headcount)
		default:
			return false
		}
		return true
	})
	return m
}

var attendeeFields = []string{"party", "level", "representatives"}

func (d *decoder) attendee(path string, v any) Attendee {
	var a Attendee
	d.members(path, v, attendeeFields, func(k, p string, v any) bool {
		switch k {
		case "party":
			a.Party = d.partyRef(p, v)
		case "level":
			a.Level = enum[Level](d, p, v, "level", true)
		case "representatives":
			a.Representatives = ids[string](d, p, v)
		default:
			return false
		}
		return true
	})
	return a
}

var headcountFields = []string{"level", "count"}

func (d *decoder) headcount(path string, v any) Headcount {
	var h Headcount
	seen := d.members(path, v, headcountFields, func(k, p string, v any) bool {
		switch k {
		case "level":
			h.Level = enum[Level](d, p, v, "level", true)
		case "count":
			h.Count = d.integer(p, v)
		default:
			return false
		}
		return true
	})
	d.required(path, seen, "count")
	return h
}

var contributionFields = []string{"id", "contributor", "function", "text", "quantities", "basing", "condition",
	"action", "beneficiaries", "force", "source"}

func (d *decoder) contribution(path string, v any) Contribution {
	var ct Contribution
	d.members(path, v, contributionFields, func(k, p string, v any) bool {
		switch k {
		case "id":
			ct.ID = ContributionID(d.str(p, v))
		case "contributor":
			ct.Contributor = d.partyRef(p, v)
		case "function":
			ct.Function = FunctionID(d.str(p, v))
			if ct.Function != "" {
				d.funcs = append(d.funcs, reference{p, string(ct.Function)})
			}
		case "text":
			ct.Text = d.str(p, v)
		case "quantities":
			ct.Quantities = list(d, p, v, d.rangeValue)
		case "basing":
			ct.Basing = d.basing(p, v)
		case "condition":
			ct.Condition = d.condition(p, v, 1)
		case "action":
			if v != nil {
				a := d.pattern(p, v)
				ct.Action = &a
			}
		case "beneficiaries":
			ct.Beneficiaries = d.partyRefs(p, v)
		case "force":
			ct.Force = enum[agreement.Force](d, p, v, "force", true)
		case "source":
			ct.Source = d.source(p, v)
		default:
			return false
		}
		return true
	})
	return ct
}

var basingFields = []string{"kind", "areas", "location"}

func (d *decoder) basing(path string, v any) Basing {
	var b Basing
	d.members(path, v, basingFields, func(k, p string, v any) bool {
		switch k {
		case "kind":
			b.Kind = enum[BasingKind](d, p, v, "basing kind", true)
		case "areas":
			b.Areas = ids[agreement.AreaID](d, p, v)
		case "location":
			b.Location = d.str(p, v)
		default:
			return false
		}
		return true
	})
	return b
}

// jsonType names the JSON type of a parsed value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case *object:
		return "object"
	}
	return "unknown"
}

// describe names the type of a parsed value, with its text when scalar.
func describe(v any) string {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case string:
		return "string " + strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return jsonType(v)
}

// object is a JSON object with its members in document order.
type object struct {
	keys []string
	vals []any
}

// maxJSONDepth bounds the nesting of JSON arrays and objects read: enough
// for conditions nested [agreement.MaxDepth] deep (an atLeast takes three
// levels) inside a coalition document, as in agreement documents.
const maxJSONDepth = 3*agreement.MaxDepth + 16

// bom is the UTF-8 byte-order mark, which a document may start with.
const bom = "\uFEFF"

// parse reads data, which must hold exactly one JSON value, into a tree of
// nil, bool, json.Number, string, []any and *object values, sharing no
// memory with data.
func parse(data []byte) (any, *agreement.Problem) {
	full, base := data, 0
	if bytes.HasPrefix(data, []byte(bom)) {
		data, base = data[len(bom):], len(bom)
	}
	if off, ok := depthWithin(data, maxJSONDepth); !ok {
		line, col := position(full, base+off)
		return nil, &agreement.Problem{Err: agreement.ErrInvalidValue, Msg: "nested too deeply (more than " +
			strconv.Itoa(maxJSONDepth) + " levels of arrays and objects) (line " + strconv.Itoa(line) +
			", column " + strconv.Itoa(col) + ", byte offset " + strconv.Itoa(base+off) + ")"}
	}
	if !json.Valid(data) {
		return nil, syntaxProblem(full, base, data, json.Unmarshal(data, new(json.RawMessage)))
	}
	tp := treeParser{data: data}
	v, ok := tp.value()
	if !ok { // not expected after json.Valid
		return nil, &agreement.Problem{Err: agreement.ErrSyntax, Msg: "malformed JSON at byte offset " +
			strconv.Itoa(base+tp.pos)}
	}
	return v, nil
}

// treeParser builds the tree of a JSON text that encoding/json has already
// checked. It still checks every index, reporting false rather than
// panicking should the two ever disagree.
type treeParser struct {
	data []byte
	pos  int
}

// peek skips white space and returns the next byte, or 0 at the end.
func (p *treeParser) peek() byte {
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; c {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return c
		}
	}
	return 0
}

func (p *treeParser) value() (any, bool) {
	switch c := p.peek(); c {
	case '{':
		p.pos++
		obj := &object{}
		if p.peek() == '}' {
			p.pos++
			return obj, true
		}
		for {
			key, ok := p.string()
			if !ok || p.peek() != ':' {
				return nil, false
			}
			p.pos++
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			obj.keys = append(obj.keys, key)
			obj.vals = append(obj.vals, v)
			switch p.peek() {
			case ',':
				p.pos++
			case '}':
				p.pos++
				return obj, true
			default:
				return nil, false
			}
		}
	case '[':
		p.pos++
		arr := []any{}
		if p.peek() == ']' {
			p.pos++
			return arr, true
		}
		for {
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			arr = append(arr, v)
			switch p.peek() {
			case ',':
				p.pos++
			case ']':
				p.pos++
				return arr, true
			default:
				return nil, false
			}
		}
	case '"':
		return p.string()
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	case 0:
		return nil, false
	}
	start := p.pos
	for p.pos < len(p.data) && strings.IndexByte("+-0123456789.eE", p.data[p.pos]) >= 0 {
		p.pos++
	}
	if p.pos == start {
		return nil, false
	}
	return json.Number(string(p.data[start:p.pos])), true
}

func (p *treeParser) literal(lit string) bool {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
		return false
	}
	p.pos += len(lit)
	return true
}

// string parses the string literal at p.pos: plain ASCII is copied as is,
// anything else decoded by encoding/json.
func (p *treeParser) string() (string, bool) {
	if p.peek() != '"' {
		return "", false
	}
	start := p.pos
	plain := true
	for p.pos++; p.pos < len(p.data); p.pos++ {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			lit := p.data[start:p.pos]
			if plain {
				return string(lit[1 : len(lit)-1]), true
			}
			var s string
			err := json.Unmarshal(lit, &s)
			return s, err == nil
		case c == '\\':
			plain = false
			p.pos++
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	return "", false
}

// depthWithin reports whether the arrays and objects of data nest at most
// limit levels deep, and otherwise the offset of the first bracket beyond
// it.
func depthWithin(data []byte, limit int) (int, bool) {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			if depth > limit {
				return i, false
			}
		case '}', ']':
			depth--
		}
	}
	return 0, true
}

// position returns the line and byte column of offset off in data.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n")), off - bytes.LastIndexByte(data[:off], '\n')
}

// syntaxProblem reports err, from encoding/json, which read data, with the
// position in full, of which data starts at byte base.
func syntaxProblem(full []byte, base int, data []byte, err error) *agreement.Problem {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &agreement.Problem{Err: agreement.ErrSyntax, Msg: "malformed JSON"}
	}
	off := int(se.Offset)
	if off > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
		off--
	}
	off = base + min(max(off, 0), len(data))
	line, col := position(full, off)
	msg := se.Error()
	if len(bytes.TrimSpace(data)) == 0 {
		msg = "empty input"
	}
	return &agreement.Problem{Err: agreement.ErrSyntax, Msg: msg + " (line " + strconv.Itoa(line) + ", column " +
		strconv.Itoa(col) + ", byte offset " + strconv.Itoa(off) + ")"}
}
