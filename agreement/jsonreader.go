package agreement

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// JSONReader reads JSON documents strictly, as [DecodeAgreement] does, for
// decoders of other formats, such as those of documents that embed
// agreement values (parties, patterns, conditions...): it parses a
// document into [JSONValue]s, converts them to Go values with the same
// rules and messages as DecodeAgreement, and collects every problem it
// meets, each with its path in the JSON field names
// ("contributions[3].condition.all[1]"), rather than stopping at the first.
//
// A decoder built on it calls [JSONReader.Document] (or
// [JSONReader.Parse], and [JSONReader.Version] for a version member of
// another name), walks the tree with [JSONReader.Object],
// [JSONReader.Array] and [JSONList], converts each leaf with a method such
// as [JSONReader.String] or [JSONReader.Condition], or with [JSONEnum]
// (which report a value of the wrong JSON type or a malformed one and
// return the zero value), adds problems of its own with [JSONReader.Add],
// [JSONReader.Required], [JSONReader.RequiredFields] and
// [JSONReader.Unknown], merges those of a
// validation with [JSONReader.Validated], and returns [JSONReader.Err].
// Every problem wraps one of this package's sentinel errors ([ErrSyntax],
// [ErrUnknownField], [ErrMissing], [ErrInvalidValue]...), or the one given
// to Add or Unknown.
//
// Plain dates ("2026-02-01") are read as instants at midnight UTC, as in an
// agreement without a zone.
//
// The zero JSONReader is ready to use and holds no problem; use one per
// document. A JSONReader is not safe for concurrent use. Its methods never
// panic; those of a nil *JSONReader read as a fresh JSONReader would but
// keep no problem, and its Err is nil.
type JSONReader struct {
	d decoder
}

// JSONValue is one value of a JSON document a [JSONReader] parsed: null, a
// boolean, a number, a string, an array, or an object with its members in
// document order, duplicates included. It shares no memory with the
// document's text. The zero JSONValue is JSON null. A JSONValue is never
// modified once parsed and may be read from several goroutines.
type JSONValue struct {
	v any
}

// IsNull reports whether v is JSON null.
func (v JSONValue) IsNull() bool { return v.v == nil }

// Fields returns the field names of the members of the object v, in
// document order, duplicates included: nil when v is not an object. It
// serves checks across members, such as that an object holds exactly one
// of a few alternative fields.
func (v JSONValue) Fields() []string {
	obj, ok := v.v.(*object)
	if !ok {
		return nil
	}
	return append([]string(nil), obj.keys...)
}

// MarshalJSON writes v back as compact JSON text, the members of an object
// in document order, duplicates included, with the same strings and
// numbers: what a decoder passes on to another, such as [DecodeAgreement].
// It never fails.
func (v JSONValue) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	writeValue(&b, v.v)
	return b.Bytes(), nil
}

// writeValue writes the parsed value v to b as JSON text.
func writeValue(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case json.Number:
		b.WriteString(string(v))
	case string:
		s, _ := json.Marshal(v) // a string always marshals
		b.Write(s)
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeValue(b, x)
		}
		b.WriteByte(']')
	case *object:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeValue(b, k)
			b.WriteByte(':')
			writeValue(b, v.vals[i])
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

// dec returns the decoder of r, with plain dates read in UTC, or, for a
// nil r, a fresh one whose problems are dropped.
func (r *JSONReader) dec() *decoder {
	if r == nil {
		return &decoder{loc: time.UTC}
	}
	if r.d.loc == nil {
		r.d.loc = time.UTC
	}
	return &r.d
}

// Parse reads data, which must hold exactly one JSON value, as
// [DecodeAgreement] does: a UTF-8 byte-order mark at the start is skipped;
// malformed JSON or trailing data is reported with [ErrSyntax] and the line,
// byte column and byte offset, and arrays and objects nested more deeply
// than conditions nested [MaxDepth] deep need with [ErrInvalidValue]. It
// reports false, and the null JSONValue, after such a problem.
func (r *JSONReader) Parse(data []byte) (JSONValue, bool) {
	v, p := parse(data)
	if p != nil {
		d := r.dec()
		d.add(p.Path, p.Err, p.Msg)
		return JSONValue{}, false
	}
	return JSONValue{v}, true
}

// Document reads data as [JSONReader.Parse] does and checks that it holds
// an object whose "schema" member is the number version, as
// [DecodeAgreement] does with [SchemaVersion]: a missing "schema" is
// reported ([ErrSchemaVersion]) and reading goes on; another version, or a
// value that is not an object, is reported and Document reports false, as
// the rest is in a format the caller does not know. The object's members,
// "schema" and "$schema" included, are for the caller to read, with
// [JSONReader.SchemaMember] for those two.
func (r *JSONReader) Document(data []byte, version int) (JSONValue, bool) {
	obj, ok := r.dec().versioned(data, version)
	if !ok {
		return JSONValue{}, false
	}
	return JSONValue{obj}, true
}

// Version reports whether v, at path, is the number version, the version
// of a document's format, and otherwise reports it ([ErrSchemaVersion]) as
// [JSONReader.Document] does its "schema" member: for a document whose
// version is in another member, or deeper.
func (r *JSONReader) Version(path string, v JSONValue, version int) bool {
	return r.dec().version(path, v.v, version)
}

// SchemaMember reads the member field, at path, of a document's top-level
// object when it is "schema" (which [JSONReader.Document] checks) or
// "$schema" (a string, such as the address of a JSON Schema for editors'
// completion, read and ignored; another JSON type is reported), and reports
// whether it was one of the two. A decoder calls it for the fields it does
// not know itself, so that an object accepts the two at the top only.
func (r *JSONReader) SchemaMember(field, path string, v JSONValue) bool {
	return r.dec().schemaMember(field, path, v.v)
}

// Object calls fn for every member of the object v at path, in document
// order, with the member's field name, path and value. fields lists the
// fields of the object: a member outside fields is reported as an unknown
// field ([ErrUnknownField]) with the field of fields it misspells suggested
// (see [Suggest]), and fn is not called for it; a member fn reports false
// for is reported as an unknown field too, with no suggestion, as fn
// rejected the very name a suggestion would offer; a duplicate member is
// reported ([ErrSyntax]) and skipped. Object reports false, calling fn for
// nothing, when v is not an object (reported with [ErrSyntax]), so that a
// caller checks its required fields only when it reports true.
func (r *JSONReader) Object(path string, v JSONValue, fields []string, fn func(field, path string, v JSONValue) bool) bool {
	return r.dec().members(path, v.v, fields, func(k, p string, x any) bool {
		return fn != nil && fn(k, p, JSONValue{x})
	})
}

// Array calls fn for every element of the array v at path, in order, with
// the element's path ("path[i]") and value. It reports false, calling fn
// for nothing, when v is not an array (reported with [ErrSyntax]).
func (r *JSONReader) Array(path string, v JSONValue, fn func(path string, v JSONValue)) bool {
	arr, ok := v.v.([]any)
	if !ok {
		r.dec().wrongType(path, "array", v.v)
		return false
	}
	for i, x := range arr {
		if fn != nil {
			fn(IndexPath(path, i), JSONValue{x})
		}
	}
	return true
}

// JSONList converts the array v at path element by element with fn, which
// receives each element's path and value, as [JSONReader.Array] reads it.
// An empty array, or a value that is not an array (reported), is nil.
func JSONList[T any](r *JSONReader, path string, v JSONValue, fn func(path string, v JSONValue) T) []T {
	return list(r.dec(), path, v.v, func(p string, x any) T {
		var zero T
		if fn == nil {
			return zero
		}
		return fn(p, JSONValue{x})
	})
}

// JSONEnum reads the name of a value of T, a string, at path; what names
// T in messages ("party kind"). T is an enumerated type of this package's
// kind, such as [PartyKind] or [Force]: a uint8 whose String method gives
// the JSON name of each value Valid reports true for, from 0 up to the
// first invalid value after it. The names are the String of T's valid
// values: "" is the zero value only when the zero value is valid and its
// name is "". An unknown name is reported ([ErrInvalidValue]) as
// `unknown party kind "stat" (did you mean "state"?); allowed: "state",
// ...`, and read as the zero value.
func JSONEnum[T interface {
	~uint8
	Valid() bool
	String() string
}](r *JSONReader, path string, v JSONValue, what string) T {
	d := r.dec()
	s, ok := v.v.(string)
	if !ok {
		d.wrongType(path, "string", v.v)
		return 0
	}
	var allowed []string
	for i := 0; i < 256; i++ {
		x := T(i)
		if !x.Valid() {
			if i == 0 {
				continue
			}
			break
		}
		n := x.String()
		if n == s {
			return x
		}
		if n != "" {
			allowed = append(allowed, n)
		}
	}
	d.add(path, ErrInvalidValue, unknownName(what, s, allowed, true))
	return 0
}

// Required reports the member field of the object at path as missing
// ([ErrMissing]) unless present.
func (r *JSONReader) Required(path, field string, present bool) {
	r.dec().required(path, field, present)
}

// RequiredFields reports each of fields that the object v at path lacks as
// missing ([ErrMissing]), as [JSONReader.Required] does; a member present
// with a value of the wrong type is not missing. It reports nothing when v
// is not an object ([JSONReader.Object] reports that).
func (r *JSONReader) RequiredFields(path string, v JSONValue, fields ...string) {
	obj, ok := v.v.(*object)
	if !ok {
		return
	}
	for _, f := range fields {
		r.dec().required(path, f, slices.Contains(obj.keys, f))
	}
}

// Add adds a problem at path wrapping err, as [ValidationError.Add] does.
func (r *JSONReader) Add(path string, err error, msg string) { r.dec().add(path, err, msg) }

// Unknown adds the problem of got, at path, naming none of known, a name of
// the kind what: `unknown party "RUS" (did you mean "RU"?)`, with the name
// of known that [Suggest] finds got misspells, wrapping err (such as
// [ErrUnknownParty]).
func (r *JSONReader) Unknown(path string, err error, what, got string, known []string) {
	r.dec().add(path, err, unknownName(what, got, known, false))
}

// Validated adds the problems of err, what a validation found in the
// values read (nil, or a *ValidationError), but for those whose path is
// at, inside or containing the path of a problem already reported: a value
// that could not be read is missing, or zero, to the validation, which
// would only restate the problem. Nor does it add the unknown references
// that a declaration reported as unread could resolve, by the rule
// [DecodeAgreement] documents. Another error is added as one problem of the
// whole document (path "", [ErrInvalidValue]).
func (r *JSONReader) Validated(err error) { r.dec().validated(err) }

// Err returns nil when no problem was reported, or else a
// *[ValidationError] listing every problem in the order reported (at most
// [MaxProblems], the rest counted in its Omitted). The error is r's own:
// problems reported afterwards appear in it.
func (r *JSONReader) Err() error {
	if r == nil {
		return nil
	}
	return r.d.ps.Err()
}

// String reads a string.
func (r *JSONReader) String(path string, v JSONValue) string { return r.dec().str(path, v.v) }

// Bool reads a boolean.
func (r *JSONReader) Bool(path string, v JSONValue) bool { return r.dec().boolean(path, v.v) }

// Int reads an integer, a JSON number without fraction or exponent that
// fits an int.
func (r *JSONReader) Int(path string, v JSONValue) int { return r.dec().integer(path, v.v) }

// Float reads a JSON number as the nearest float64; one beyond its range
// ("1e400") is reported ([ErrInvalidValue]) and read as 0.
func (r *JSONReader) Float(path string, v JSONValue) float64 {
	d := r.dec()
	n, ok := v.v.(json.Number)
	if !ok {
		d.wrongType(path, "number", v.v)
		return 0
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) {
		d.add(path, ErrInvalidValue, "number "+string(n)+" out of range")
		return 0
	}
	return f
}

// Decimal reads a decimal, a string in plain notation ("-12.5"), as in
// agreement documents; a JSON number is reported with the string to write.
func (r *JSONReader) Decimal(path string, v JSONValue) decimal.Decimal {
	return r.dec().decimal(path, v.v)
}

// Instant reads an instant: RFC 3339 text, or a plain date "2026-02-01"
// meaning midnight UTC at its start, returned in UTC, within the years
// 0000-9999.
func (r *JSONReader) Instant(path string, v JSONValue) time.Time { return r.dec().instant(path, v.v) }

// Duration reads a duration as [ParseDuration] does ("72h", "1h30m").
func (r *JSONReader) Duration(path string, v JSONValue) time.Duration {
	return r.dec().duration(path, v.v)
}

// Period reads a calendar period as [ParsePeriod] does ("3d", "1mo").
func (r *JSONReader) Period(path string, v JSONValue) Period { return r.dec().period(path, v.v) }

// Ref reads a clause reference as [ParseRef] does; a malformed one is
// reported with [ErrInvalidID].
func (r *JSONReader) Ref(path string, v JSONValue) Ref { return r.dec().ref(path, v.v) }

// Condition reads a condition, an object with exactly one operator, as in
// a clause's "trigger", nested at most [MaxDepth] deep. JSON null is the
// nil Condition.
func (r *JSONReader) Condition(path string, v JSONValue) Condition {
	return r.dec().condition(path, v.v, 1)
}

// Pattern reads an event pattern, as in a clause's "action".
func (r *JSONReader) Pattern(path string, v JSONValue) Pattern { return r.dec().pattern(path, v.v) }

// Party reads a party, as in an agreement's "parties".
func (r *JSONReader) Party(path string, v JSONValue) Party { return r.dec().party(path, v.v) }

// Fluent reads a fluent, as in an agreement's "fluents".
func (r *JSONReader) Fluent(path string, v JSONValue) Fluent { return r.dec().fluent(path, v.v) }

// Range reads a range, as in a clause's "quantities"; "min" and "max" are
// required.
func (r *JSONReader) Range(path string, v JSONValue) Range { return r.dec().rangeValue(path, v.v) }

// Source reads a source, as in a clause's "source".
func (r *JSONReader) Source(path string, v JSONValue) Source { return r.dec().source(path, v.v) }

// Bound reads a bound, as in a pattern's "measure"; equal limits give
// equal bounds whatever their decimal text ("20" and "20.0").
func (r *JSONReader) Bound(path string, v JSONValue) Bound { return r.dec().bound(path, v.v) }
