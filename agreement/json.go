package agreement

import "bytes"

// SchemaVersion is the version of the JSON encoding written by
// [Agreement.MarshalJSON], [Process.MarshalJSON] and [EventLog.MarshalJSON],
// and the only version [DecodeAgreement], [DecodeProcess] and
// [DecodeEventLog] read. A document states it in its top-level "schema"
// field; the agreements nested in a process document, or in an event
// log's amendments ([EventLog.MarshalJSON]), do not repeat it.
//
// A document (an agreement, process or event log document) may also carry
// "$schema" at its top level, beside "schema": a string, such as the
// address of a JSON Schema describing the document for an editor's
// completion, that decoding reads as a string and otherwise ignores and
// encoding does not write. An object nested in a document (an agreement in
// a process) carries neither: there they are unknown fields.
//
// The encoding, field by field (every name is also the name used in the
// paths of a [Problem]):
//
//	agreement   {"schema": 1, "$schema", "id", "title", "date",
//	             "zone": "Europe/Kyiv", "stage", "subStage", "signingStatus", "parties", "groups",
//	             "itemClasses": [itemClass], "signatures",
//	             "signatories": ["UA", ...], "clauses", "fluents",
//	             "territory": territory, "options": [option],
//	             "entryIntoForce": condition, "inForceAt": deadline,
//	             "term": term}
//	process     {"schema": 1, "$schema", "title",
//	             "agreements": [agreement without "schema" and "$schema"]}
//	party       {"id", "name", "kind", "roles": ["guarantor", ...]}
//	group       {"id", "name", "members": ["FR", ...]}
//	itemClass   {"id", "name", "items": ["BM-21 Grad", ...], "rule": [bound]}
//	signature   {"party", "signatory", "capacity", "date"}
//	fluent      {"id", "initiates": [pattern], "terminates": [pattern], "initially": true}
//	clause      {"id", "text", "source": {"document", "speaker", "date"}, "kind",
//	             "force", "category", "debtors", "joint", "creditors",
//	             "action": pattern, "quantities": [range], "trigger", "antecedent",
//	             "deadline": deadline, "expiry": deadline,
//	             "recurs": recurrence, "zone": "+03:00", "term": term, "fulfilment",
//	             "violation", "standing": true, "effect",
//	             "targets": ["C1", "other/C2", "other/"], "resumedBy",
//	             "targetDebtor", "relaxes": ["C2", "other/C3"],
//	             "grant": pattern, "covers": 3, "coverWindow": "48h",
//	             "surviving", "provisional": true, "duringSuspension": "defers"}
//	range       {"min": "2000", "max": "9000", "unit", "wording", "what",
//	             "class": "item-class-id"}
//	deadline    at most one of {"after": "72h"}, {"period": "3d"} and
//	             {"at": "2026-02-01T00:00:00Z"}, with "from": condition,
//	             "round": "end-of-day", "exclusive": true,
//	             "unconditional": true
//	recurrence  {"every": "1mo", "start": "2024-01-31", "on": pattern,
//	             "within": "4d", "round": "end-of-day"}
//	term        {"period": "5y", "renewal": "5y", "notice": "6mo", "renewals": 2}
//	pattern     {"kind", "actor", "group", "target", "area", "clause",
//	             "reporter", "attribution", "item", "class": "item-class-id",
//	             "measure": bound}
//	bound       {"unit": "km", "of": "distance-from-line", "min": "0",
//	             "max": "20", "minOpen": true, "maxOpen": true}
//	territory   {"areas": [area]}
//	area        {"id", "name", "size": "26517", "sovereignty": [share],
//	             "control": [share], "arrangements": [arrangement]}
//	share       {"party", "percent": "78.1"}
//	arrangement {"kind": "freeze", "option", "party"}
//	option      {"id", "kind", "text", "areas": ["donetsk", ...], "from", "to",
//	             "party", "parties": ["UA", ...], "width": "15",
//	             "deadline": deadline, "results": [result], "lapse"}
//	result      {"outcome", "sovereign"}
//	condition   exactly one of
//	             {"happened": pattern}
//	             {"holds": "fluent-id"}
//	             {"clauseIn": {"clause": "ref", "debtor", "states": ["violated", ...]}}
//	             {"agreementIn": {"agreement": "id", "states": ["in-force", ...]}}
//	             {"before": {"first": pattern, "then": pattern}}
//	             {"within": {"event": pattern, "duration": "720h"}}
//	             {"since": {"event": pattern, "duration": "720h"}}
//	             {"breached": {"clause": "ref", "atLeast": 3, "debtor",
//	                           "within": "720h", "reporter", "attribution"}}
//	             {"total": {"event": pattern, "bound": bound}}
//	             {"level": {"event": pattern, "bound": bound}}
//	             {"clock": {"from": "2024-03-01", "until": "2024-03-05"}}
//	             {"all": [condition, ...]}
//	             {"any": [condition, ...]}
//	             {"not": condition}
//	             {"atLeast": {"k": 2, "of": [condition, ...]}}
//
// Enumerations are written by name, as their String methods return them
// (a deadline's or recurrence's "round" as [Rounding.String]); references as
// [Ref.String] writes them; exact durations as [FormatDuration] writes them
// ("72h", "1h30m"), and read as [ParseDuration] reads them, so that "30d" in
// an older document still reads as 720 hours; calendar periods ("period",
// "every", "within" of a recurrence, the members of a term but "renewals")
// as [Period.String] writes them ("3d",
// "1mo", "1y2w") and [ParsePeriod] reads them; zones as [Zone] names them,
// reported when they do not load; instants in UTC as RFC 3339 with
// nanoseconds when present ([time.RFC3339Nano]).
//
// Wherever an agreement document holds an instant (an agreement's, a
// signature's or a clause source's "date", a deadline's "at", a recurrence's
// "start", a clock's "from" and "until"), it may also be a plain date,
// "2024-03-01", meaning local midnight at the start of that day (its first
// instant, where a change of offset skips midnight) in the zone of the
// clause holding it ([Clause.Zone]) or else of its agreement
// ([Agreement.Zone]), else UTC: "2024-03-01" in a clause of zone "+03:00" is
// 2024-02-29T21:00:00Z. A day that does not exist ("2024-02-30") is an
// error, and where the zone named does not load, plain dates are read in
// UTC while the zone is reported. Encoding writes the instant, so that a
// decoded agreement encodes to full instants equal to those it was read
// with. An event log ([DecodeEventLog]) takes plain dates too, read in the
// log's "zone" (UTC when it has none).
//
// Decimals are always JSON strings in plain notation
// ("-12.5", never "1.2E3" nor a JSON number), at most 1000 characters long.
// JSON null in a condition slot (or as an operand) means no condition; null
// as "action" means no action; null anywhere else is a type error.
//
// A bound ([Bound]) writes each limit only when it has one, and "minOpen"
// ("maxOpen") only when that limit is open, the limit itself excluded;
// "minOpen" without "min" ("maxOpen" without "max") is reported as "min"
// ("max") missing. Limits are read with [Bound.AtLeast], [Bound.Above],
// [Bound.AtMost] and [Bound.Below], so "20" and "20.0" read as the same
// bound. A pattern's "measure" is omitted for the zero Bound; a bound with
// limits but no unit is written, and validation reports its missing unit.
//
// The party id in a pattern's "actor", "target" or "reporter", a clause's
// "targetDebtor", and the "debtor" and "reporter" of clauseIn and breached
// may be a placeholder, "$debtor" ([Debtor]) or "$creditor" ([Creditor]),
// written as any other id: decoding reads it as it reads any string, and
// validation says where it may stand.
//
// Fields holding their zero value (empty strings and lists, false, a
// "covers" of 0, zero instants and durations, unspecified enumerations, nil
// conditions) are omitted when encoding and read as the zero value when
// absent, except for the fields with no neutral zero, which must be present:
// "schema", a range's "min" and "max", an area's "size", a share's
// "percent", the "clause" of clauseIn and breached, the "atLeast" of
// breached, the "duration" of within and since, the "bound" of total and
// level, and the "k" of atLeast. A deadline, recurrence or term with no
// member set is omitted, as is a clock condition's unset bound; a clause's
// "duringSuspension" is omitted for the default rule, "excuses"
// ([SuspensionExcuses]), which it may also spell. A territory with
// no areas is omitted. An option's "width" is written only when Width is
// not nil; absent, it decodes to nil, and null is a type error there as
// anywhere else, as it is for a clause's "grant" (omitted when Grant is
// nil) and a recurrence's "on" (omitted when On is nil). Within a condition,
// "states", "duration", "k", "of", breached's "clause" and "atLeast",
// total's and level's "event" and "bound", and the operand lists are always
// written. A clause with no kind (the invalid zero [Deontic]) is written
// without "kind" and reported as missing when decoded.
const SchemaVersion = 1

const (
	// maxConditionDepth bounds the nesting of conditions that the encoder
	// writes and the decoder reads, so that no input can exhaust the stack.
	maxConditionDepth = MaxDepth
	// maxDecimalLen bounds the length of a decimal's text, so that a short
	// input cannot make a huge number.
	maxDecimalLen = 1000
)

// MarshalJSON implements [json.Marshaler]: it writes a as a JSON object in the
// encoding described at [SchemaVersion], with "schema" first and the fields in
// a fixed order, so that equal agreements encode to identical bytes. It does
// not validate a: an agreement with dangling references encodes, and the
// problems are reported when it is decoded. It returns a *ValidationError
// (with [ErrInvalidValue] problems) only for what has no encoding: an
// enumeration value outside its declared set (a zero [Role] or [State]
// included), a string that is not valid UTF-8, an instant outside the years
// 0 to 9999 in UTC, a decimal longer than 1000 characters, a [Period] that
// [ParsePeriod] would not read back (a negative part, or one that
// [Period.Validate] rejects as too large), conditions
// nested more than 1000 deep, or a condition of more than
// [MaxConditionSize] nodes (counting a shared operand once per place it
// occurs), which it reports after counting at most that many nodes, without
// encoding any of it; each problem has the path the field would
// have in the output. The zero Agreement encodes as {"schema":1}.
//
// MarshalJSON does not modify a and is safe for concurrent use. For indented
// output, pass the result to [json.Indent].
func (a Agreement) MarshalJSON() ([]byte, error) {
	var e encoder
	w := e.agreement("", &a)
	w.Schema = SchemaVersion
	return e.marshal(w)
}

// UnmarshalJSON implements [json.Unmarshaler] with [DecodeAgreement]: it
// replaces *a with the agreement in data, or returns the *ValidationError
// listing every problem and leaves *a unchanged. Following the convention of
// package encoding/json, the JSON literal null leaves *a unchanged and is not
// an error. The decoded agreement shares no memory with data.
//
// Called by [json.Unmarshal] or a [json.Decoder], it receives the agreement's
// own JSON value, which must then carry "schema" like any agreement
// document; encoding/json checks the syntax of the whole input first and
// reports malformed JSON itself, as a *json.SyntaxError. encoding/json
// returns the *ValidationError as it is, so problem paths are relative to
// the agreement's own value.
func (a *Agreement) UnmarshalJSON(data []byte) error {
	return UnmarshalJSONWith(a, data, DecodeAgreement)
}

// MarshalJSON implements [json.Marshaler]: it writes p as a JSON object with
// "schema", "title" and "agreements", each agreement encoded as
// [Agreement.MarshalJSON] does but without its own "schema" field. It fails
// as [Agreement.MarshalJSON] does, with problem paths starting with
// "agreements[i]". The zero Process encodes as {"schema":1}. MarshalJSON does
// not modify p and is safe for concurrent use.
func (p Process) MarshalJSON() ([]byte, error) {
	var e encoder
	w := processWire{Schema: SchemaVersion, Title: e.text("title", p.Title)}
	if len(p.Agreements) > 0 {
		w.Agreements = make([]agreementWire, len(p.Agreements))
		for i := range p.Agreements {
			w.Agreements[i] = e.agreement(idx("agreements", i), &p.Agreements[i])
		}
	}
	return e.marshal(w)
}

// UnmarshalJSON implements [json.Unmarshaler] with [DecodeProcess]: it
// replaces *p with the process in data, or returns the *ValidationError
// listing every problem and leaves *p unchanged. The JSON literal null leaves
// *p unchanged and is not an error. The decoded process shares no memory with
// data.
func (p *Process) UnmarshalJSON(data []byte) error {
	return UnmarshalJSONWith(p, data, DecodeProcess)
}

// UnmarshalJSONWith is the UnmarshalJSON method of the types of this
// package, for any type with a strict decoder such as [DecodeAgreement]:
// unless data is the JSON literal null (with white space around it or not),
// which leaves *v unchanged and is not an error, it replaces *v with the
// value decode reads from data, or returns decode's error and leaves *v
// unchanged. A type T outside this package implements [json.Unmarshaler]
// with it as
//
//	func (x *T) UnmarshalJSON(data []byte) error {
//		return agreement.UnmarshalJSONWith(x, data, DecodeT)
//	}
//
// It is safe for concurrent use when decode is and nothing else uses *v.
// With a nil v or a nil decode it returns an error wrapping
// [ErrInvalidValue] (and does nothing for null); it never panics unless
// decode does.
func UnmarshalJSONWith[T any](v *T, data []byte, decode func([]byte) (T, error)) error {
	if isNull(data) {
		return nil
	}
	if v == nil || decode == nil {
		return &Problem{Err: ErrInvalidValue, Msg: "cannot decode into a nil pointer or with a nil decoder"}
	}
	x, err := decode(data)
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// DecodeAgreement reads one agreement from data, which must hold exactly one
// JSON object in the encoding described at [SchemaVersion], and validates it
// with [Agreement.Validate]. It is strict: malformed JSON or trailing data
// ([ErrSyntax], with the line, byte column and byte offset in the message), a
// value of the wrong JSON type ([ErrSyntax]), a duplicate field
// ([ErrSyntax]), a field this version does not define ([ErrUnknownField]),
// an unknown enumeration name, a malformed decimal, duration, period,
// reference, instant or date, a time zone that does not load
// ([ErrInvalidValue], or [ErrInvalidID] for references), a missing
// required field ([ErrMissing]), or a missing or different "schema"
// ([ErrSchemaVersion]) are all errors. A UTF-8 byte-order mark at the
// start of data is skipped. Arrays and objects nested more than 3016 levels
// deep (deeper than conditions nested [MaxDepth] deep need) are reported as
// nested too deeply with [ErrInvalidValue] and their position, as a condition
// nested too deeply is, not as a syntax error.
//
// On failure it returns the zero Agreement and a *ValidationError listing
// every problem, each with its path in the JSON field names
// ("clauses[3].trigger.all[1].happened.actor"), in one pass: first the
// problems of the encoding, in document order, then those [Agreement.Validate]
// finds in what could be decoded (an unknown party, clause or fluent
// referred to...), but for those at, inside or containing the path of a
// problem already listed, which would only restate it (a clause whose
// "kind" is an unknown name is not also reported as missing its kind). Nor
// are the references that could name what a declaration it could not read
// declares: a problem at or containing a declaring collection ("parties",
// "groups", "clauses", "fluents", "territory.areas", "itemClasses"), at
// one of its elements or at or inside an element's "id", or an element's
// id that validation finds missing or malformed, drops the unknown
// references of its kind ([ErrUnknownParty], [ErrUnknownGroup],
// [ErrUnknownClause], [ErrUnknownFluent], [ErrUnknownArea],
// [ErrUnknownItemClass]) in that agreement, whose suggestions, the nearest
// id that could be read, would break the document. In a process, an unread
// clause of "agreements[i]" drops that agreement's unqualified unknown
// clauses and, across the process, the unknown qualified references
// ("a/C1") naming that agreement's id (any qualified reference when that id
// could not be read either). A problem at "agreements", at "agreements[i]"
// or inside its "id", or an agreement id validation finds missing or
// malformed, drops the unknown agreements ([ErrUnknownAgreement]) across
// the process. A problem elsewhere in an element (a party's unknown kind,
// an unknown "ID" beside its "id", a duplicate "id") leaves the references
// checked. A
// "schema" other than [SchemaVersion] is reported alone, since the rest of
// the document is in an unknown format; a missing one is reported with the
// other problems.
//
// An agreement document may also carry a "$schema" member, a string (such
// as the address of a JSON Schema of the format, for editors' completion),
// which is read and ignored: it is not part of the Agreement and
// [Agreement.MarshalJSON] does not write it. A wrong JSON type there is an
// error as anywhere else.
//
// DecodeAgreement never panics, does not modify data, and returns a value
// that shares no memory with it. It is safe for concurrent use.
func DecodeAgreement(data []byte) (Agreement, error) {
	return decodeDocument(data, func(d *decoder, doc *object) Agreement { return d.agreement("", doc, true) },
		Agreement.Validate)
}

// DecodeProcess reads one process from data, with the rules and errors of
// [DecodeAgreement], and validates it with [Process.Validate], reporting
// the problems of its encoding and of its validation together as
// DecodeAgreement does. Only the process document carries "schema" (and
// may carry "$schema", read and ignored); an agreement inside it that
// carries either is reported with [ErrUnknownField]. Problem paths start
// with "agreements[i]" inside an agreement. DecodeProcess never panics, does not modify data,
// returns a value that shares no memory with it, and is safe for concurrent
// use. The smallest valid process document is {"schema":1}.
func DecodeProcess(data []byte) (Process, error) {
	return decodeDocument(data, (*decoder).process, Process.Validate)
}

// decodeDocument reads the document in data with the decoder fn, which
// converts the top-level object once document has checked it, and then
// checks what it could convert with validate, if not nil, adding the
// problems validate finds but for those related to one found decoding (see
// [decoder.validated]). On any problem it returns the zero T and the error,
// so that a failed decode leaves nothing half read.
func decodeDocument[T any](data []byte, fn func(d *decoder, doc *object) T, validate func(T) error) (T, error) {
	var zero T
	var d decoder
	doc, ok := d.document(data)
	if !ok {
		return zero, d.ps.Err()
	}
	x := fn(&d, doc)
	if validate != nil {
		d.validated(validate(x))
	}
	if err := d.ps.Err(); err != nil {
		return zero, err
	}
	return x, nil
}

func isNull(data []byte) bool {
	return string(bytes.TrimSpace(bytes.TrimPrefix(data, []byte(bom)))) == "null"
}
