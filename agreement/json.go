package agreement

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
)

// SchemaVersion is the version of the JSON encoding written by
// [Agreement.MarshalJSON] and [Process.MarshalJSON], and the only version
// [DecodeAgreement] and [DecodeProcess] read. A document states it in its
// top-level "schema" field; the agreements nested in a process document do
// not repeat it.
//
// The encoding, field by field (every name is also the name used in the
// paths of a [Problem]):
//
//	agreement   {"schema": 1, "id", "title", "date", "stage", "subStage",
//	             "signingStatus", "parties", "groups", "signatures",
//	             "clauses", "fluents", "territory": territory,
//	             "options": [option], "entryIntoForce": condition}
//	process     {"schema": 1, "title", "agreements": [agreement without "schema"]}
//	party       {"id", "name", "kind", "roles": ["guarantor", ...]}
//	group       {"id", "name", "members": ["FR", ...]}
//	signature   {"party", "signatory", "capacity", "date"}
//	fluent      {"id", "initiates": [pattern], "terminates": [pattern], "initially": true}
//	clause      {"id", "text", "source": {"document", "speaker", "date"}, "kind",
//	             "force", "category", "debtors", "joint", "creditors",
//	             "action": pattern, "quantities": [range], "trigger", "antecedent",
//	             "deadline": deadline, "expiry": deadline, "fulfilment",
//	             "violation", "effect", "targets": ["C1", "other/C2", "other/"],
//	             "resumedBy", "surviving"}
//	range       {"min": "2000", "max": "9000", "unit", "wording", "what"}
//	deadline    {"after": "3d"} or {"at": "2026-02-01T00:00:00Z"}
//	pattern     {"kind", "actor", "group", "target", "area", "clause",
//	             "reporter", "attribution"}
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
//	             {"clauseIn": {"clause": "ref", "states": ["violated", ...]}}
//	             {"agreementIn": {"agreement": "id", "states": ["in-force", ...]}}
//	             {"before": {"first": pattern, "then": pattern}}
//	             {"within": {"event": pattern, "duration": "30d"}}
//	             {"since": {"event": pattern, "duration": "30d"}}
//	             {"all": [condition, ...]}
//	             {"any": [condition, ...]}
//	             {"not": condition}
//	             {"atLeast": {"k": 2, "of": [condition, ...]}}
//
// Enumerations are written by name, as their String methods return them;
// references as [Ref.String] writes them; durations as [FormatDuration]
// writes them; instants in UTC as RFC 3339 with nanoseconds when present
// ([time.RFC3339Nano]). Decimals are always JSON strings in plain notation
// ("-12.5", never "1.2E3" nor a JSON number), at most 1000 characters long.
// JSON null in a condition slot (or as an operand) means no condition; null
// as "action" means no action; null anywhere else is a type error.
//
// Fields holding their zero value (empty strings and lists, false, zero
// instants and durations, unspecified enumerations, nil conditions) are
// omitted when encoding and read as the zero value when absent, except for
// the fields with no neutral zero, which must be present: "schema", a
// range's "min" and "max", an area's "size", a share's "percent", the
// "clause" of clauseIn, the "duration" of within and since, and the "k" of
// atLeast. A territory with no areas is omitted. An option's "width" is
// written only when Width is not nil; absent, it decodes to nil, and null
// is a type error there as anywhere else. Within a condition, "states",
// "duration", "k", "of" and the operand lists are always written. A clause
// with no kind (the invalid zero [Deontic]) is written without "kind" and
// reported as missing when decoded.
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
// 0 to 9999 in UTC, a decimal longer than 1000 characters, or conditions
// nested more than 1000 deep; each problem has the path the field would
// have in the output. The zero Agreement encodes as {"schema":1}.
//
// MarshalJSON does not modify a and is safe for concurrent use. For indented
// output, pass the result to [json.Indent].
func (a Agreement) MarshalJSON() ([]byte, error) {
	var e encoder
	w := e.agreement("", &a)
	if err := e.ps.err(); err != nil {
		return nil, err
	}
	w.Schema = SchemaVersion
	return marshalWire(w)
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
	if isNull(data) {
		return nil
	}
	v, err := DecodeAgreement(data)
	if err != nil {
		return err
	}
	*a = v
	return nil
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
	if err := e.ps.err(); err != nil {
		return nil, err
	}
	return marshalWire(w)
}

// UnmarshalJSON implements [json.Unmarshaler] with [DecodeProcess]: it
// replaces *p with the process in data, or returns the *ValidationError
// listing every problem and leaves *p unchanged. The JSON literal null leaves
// *p unchanged and is not an error. The decoded process shares no memory with
// data.
func (p *Process) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodeProcess(data)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// DecodeAgreement reads one agreement from data, which must hold exactly one
// JSON object in the encoding described at [SchemaVersion], and validates it
// with [Agreement.Validate]. It is strict: malformed JSON or trailing data
// ([ErrSyntax], with the line, byte column and byte offset in the message), a
// value of the wrong JSON type ([ErrSyntax]), a duplicate field
// ([ErrSyntax]), a field this version does not define ([ErrUnknownField]),
// an unknown enumeration name, a malformed decimal, duration, reference or
// instant ([ErrInvalidValue], or [ErrInvalidID] for references), a missing
// required field ([ErrMissing]), or a missing or different "schema"
// ([ErrSchemaVersion]) are all errors.
//
// On failure it returns the zero Agreement and a *ValidationError listing
// every problem, in document order, each with its path in the JSON field
// names ("clauses[3].trigger.all[1].happened.actor"). Structural problems
// are reported together; only a document free of them is validated, and
// then the validation problems are returned. A "schema" other than
// [SchemaVersion] is reported alone, since the rest of the document is in an
// unknown format; a missing one is reported with the other problems.
//
// DecodeAgreement never panics, does not modify data, and returns a value
// that shares no memory with it. It is safe for concurrent use.
func DecodeAgreement(data []byte) (Agreement, error) {
	var d decoder
	obj, ok := d.document(data)
	if !ok {
		return Agreement{}, d.ps.err()
	}
	a := d.agreement("", obj, true)
	if err := d.ps.err(); err != nil {
		return Agreement{}, err
	}
	if err := a.Validate(); err != nil {
		return Agreement{}, err
	}
	return a, nil
}

// DecodeProcess reads one process from data, with the rules and errors of
// [DecodeAgreement], and validates it with [Process.Validate]. Only the
// process document carries "schema"; an agreement inside it that does is
// reported with [ErrUnknownField]. Problem paths start with "agreements[i]"
// inside an agreement. DecodeProcess never panics, does not modify data,
// returns a value that shares no memory with it, and is safe for concurrent
// use. The smallest valid process document is {"schema":1}.
func DecodeProcess(data []byte) (Process, error) {
	var d decoder
	obj, ok := d.document(data)
	if !ok {
		return Process{}, d.ps.err()
	}
	var p Process
	d.members("", obj, func(k, path string, v any) bool {
		switch k {
		case "schema": // checked by document
		case "title":
			p.Title = d.str(path, v)
		case "agreements":
			p.Agreements = list(&d, path, v, func(path string, v any) Agreement {
				return d.agreement(path, v, false)
			})
		default:
			return false
		}
		return true
	})
	if err := d.ps.err(); err != nil {
		return Process{}, err
	}
	if err := p.Validate(); err != nil {
		return Process{}, err
	}
	return p, nil
}

func isNull(data []byte) bool { return string(bytes.TrimSpace(data)) == "null" }

// ---- Encoding ----

// The wire types give the fields their names and fixed order. Every value is
// converted to them by an encoder, which records what cannot be encoded.

type processWire struct {
	Schema     int             `json:"schema"`
	Title      string          `json:"title,omitempty"`
	Agreements []agreementWire `json:"agreements,omitempty"`
}

type agreementWire struct {
	Schema         int             `json:"schema,omitempty"` // only at the top level
	ID             string          `json:"id,omitempty"`
	Title          string          `json:"title,omitempty"`
	Date           string          `json:"date,omitempty"`
	Stage          string          `json:"stage,omitempty"`
	SubStage       string          `json:"subStage,omitempty"`
	SigningStatus  string          `json:"signingStatus,omitempty"`
	Parties        []partyWire     `json:"parties,omitempty"`
	Groups         []groupWire     `json:"groups,omitempty"`
	Signatures     []signatureWire `json:"signatures,omitempty"`
	Clauses        []clauseWire    `json:"clauses,omitempty"`
	Fluents        []fluentWire    `json:"fluents,omitempty"`
	Territory      *territoryWire  `json:"territory,omitempty"`
	Options        []optionWire    `json:"options,omitempty"`
	EntryIntoForce any             `json:"entryIntoForce,omitempty"`
}

type territoryWire struct {
	Areas []areaWire `json:"areas"`
}

type areaWire struct {
	ID           string            `json:"id,omitempty"`
	Name         string            `json:"name,omitempty"`
	Size         string            `json:"size"`
	Sovereignty  []shareWire       `json:"sovereignty,omitempty"`
	Control      []shareWire       `json:"control,omitempty"`
	Arrangements []arrangementWire `json:"arrangements,omitempty"`
}

type shareWire struct {
	Party   string `json:"party,omitempty"`
	Percent string `json:"percent"`
}

type arrangementWire struct {
	Kind   string `json:"kind,omitempty"`
	Option string `json:"option,omitempty"`
	Party  string `json:"party,omitempty"`
}

type optionWire struct {
	ID       string        `json:"id,omitempty"`
	Kind     string        `json:"kind,omitempty"`
	Text     string        `json:"text,omitempty"`
	Areas    []string      `json:"areas,omitempty"`
	From     string        `json:"from,omitempty"`
	To       string        `json:"to,omitempty"`
	Party    string        `json:"party,omitempty"`
	Parties  []string      `json:"parties,omitempty"`
	Width    *string       `json:"width,omitempty"`
	Deadline *deadlineWire `json:"deadline,omitempty"`
	Results  []resultWire  `json:"results,omitempty"`
	Lapse    string        `json:"lapse,omitempty"`
}

type resultWire struct {
	Outcome   string `json:"outcome,omitempty"`
	Sovereign string `json:"sovereign,omitempty"`
}

type partyWire struct {
	ID    string   `json:"id,omitempty"`
	Name  string   `json:"name,omitempty"`
	Kind  string   `json:"kind,omitempty"`
	Roles []string `json:"roles,omitempty"`
}

type groupWire struct {
	ID      string   `json:"id,omitempty"`
	Name    string   `json:"name,omitempty"`
	Members []string `json:"members,omitempty"`
}

type signatureWire struct {
	Party     string `json:"party,omitempty"`
	Signatory string `json:"signatory,omitempty"`
	Capacity  string `json:"capacity,omitempty"`
	Date      string `json:"date,omitempty"`
}

type fluentWire struct {
	ID         string        `json:"id,omitempty"`
	Initiates  []patternWire `json:"initiates,omitempty"`
	Terminates []patternWire `json:"terminates,omitempty"`
	Initially  bool          `json:"initially,omitempty"`
}

type clauseWire struct {
	ID         string        `json:"id,omitempty"`
	Text       string        `json:"text,omitempty"`
	Source     *sourceWire   `json:"source,omitempty"`
	Kind       string        `json:"kind,omitempty"`
	Force      string        `json:"force,omitempty"`
	Category   string        `json:"category,omitempty"`
	Debtors    []string      `json:"debtors,omitempty"`
	Joint      bool          `json:"joint,omitempty"`
	Creditors  []string      `json:"creditors,omitempty"`
	Action     *patternWire  `json:"action,omitempty"`
	Quantities []rangeWire   `json:"quantities,omitempty"`
	Trigger    any           `json:"trigger,omitempty"`
	Antecedent any           `json:"antecedent,omitempty"`
	Deadline   *deadlineWire `json:"deadline,omitempty"`
	Expiry     *deadlineWire `json:"expiry,omitempty"`
	Fulfilment any           `json:"fulfilment,omitempty"`
	Violation  any           `json:"violation,omitempty"`
	Effect     string        `json:"effect,omitempty"`
	Targets    []string      `json:"targets,omitempty"`
	ResumedBy  string        `json:"resumedBy,omitempty"`
	Surviving  bool          `json:"surviving,omitempty"`
}

type sourceWire struct {
	Document string `json:"document,omitempty"`
	Speaker  string `json:"speaker,omitempty"`
	Date     string `json:"date,omitempty"`
}

type rangeWire struct {
	Min     string `json:"min"`
	Max     string `json:"max"`
	Unit    string `json:"unit,omitempty"`
	Wording string `json:"wording,omitempty"`
	What    string `json:"what,omitempty"`
}

type deadlineWire struct {
	After string `json:"after,omitempty"`
	At    string `json:"at,omitempty"`
}

type patternWire struct {
	Kind        string `json:"kind,omitempty"`
	Actor       string `json:"actor,omitempty"`
	Group       string `json:"group,omitempty"`
	Target      string `json:"target,omitempty"`
	Area        string `json:"area,omitempty"`
	Clause      string `json:"clause,omitempty"`
	Reporter    string `json:"reporter,omitempty"`
	Attribution string `json:"attribution,omitempty"`
}

type statesWire struct {
	Clause    *string  `json:"clause,omitempty"`    // clauseIn only
	Agreement string   `json:"agreement,omitempty"` // agreementIn only
	States    []string `json:"states"`
}

type beforeWire struct {
	First patternWire `json:"first"`
	Then  patternWire `json:"then"`
}

type windowWire struct {
	Event    patternWire `json:"event"`
	Duration string      `json:"duration"`
}

type atLeastWire struct {
	K  int   `json:"k"`
	Of []any `json:"of"`
}

// marshalWire writes w compactly, without escaping HTML characters.
func marshalWire(w any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encoder converts values to wire types, collecting what cannot be encoded.
type encoder struct{ ps problems }

func (e *encoder) cannot(path, msg string) { e.ps.add(path, ErrInvalidValue, "cannot encode "+msg) }

// text returns s, reporting it when it is not valid UTF-8 (which JSON would
// silently replace).
func (e *encoder) text(path, s string) string {
	if !utf8.ValidString(s) {
		e.cannot(path, "invalid UTF-8 "+quote(s))
	}
	return s
}

func texts[T ~string](e *encoder, path string, ids []T) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = e.text(idx(path, i), string(id))
	}
	return out
}

// enum returns the name of v, "" for an optional zero value; names[0] must
// be "".
func enum[T ~uint8](e *encoder, path string, names []string, typ string, v T, optional bool) string {
	if !enumValid(names, v, optional) {
		e.cannot(path, typ+"("+itoa(int(v))+")")
		return ""
	}
	return names[v]
}

func (e *encoder) instant(path string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	b, err := t.UTC().MarshalText()
	if err != nil {
		e.cannot(path, "instant "+t.String()+": year outside 0000-9999 in UTC")
		return ""
	}
	return string(b)
}

func (e *encoder) decimal(path string, d decimal.Decimal) string {
	s, ok := formatDecimal(d)
	if !ok {
		e.cannot(path, "decimal with exponent "+itoa(int(d.Exponent()))+": longer than "+itoa(maxDecimalLen)+" characters")
	}
	return s
}

// formatDecimal writes d in plain notation, without trailing fractional
// zeros, independently of package decimal's global formatting settings. It
// reports false when the text would exceed maxDecimalLen.
func formatDecimal(d decimal.Decimal) (string, bool) {
	c, exp := d.Coefficient(), int(d.Exponent())
	if c.Sign() == 0 {
		return "0", true
	}
	if exp > maxDecimalLen || exp < -maxDecimalLen {
		return "", false
	}
	neg := c.Sign() < 0
	digits := c.Abs(c).String()
	var s string
	if exp >= 0 {
		s = digits + strings.Repeat("0", exp)
	} else {
		frac := -exp
		if len(digits) <= frac {
			digits = strings.Repeat("0", frac-len(digits)+1) + digits
		}
		intPart, fracPart := digits[:len(digits)-frac], strings.TrimRight(digits[len(digits)-frac:], "0")
		s = intPart
		if fracPart != "" {
			s += "." + fracPart
		}
	}
	if neg {
		s = "-" + s
	}
	return s, len(s) <= maxDecimalLen
}

func (e *encoder) agreement(path string, a *Agreement) agreementWire {
	w := agreementWire{
		ID:            e.text(field(path, "id"), string(a.ID)),
		Title:         e.text(field(path, "title"), a.Title),
		Date:          e.instant(field(path, "date"), a.Date),
		Stage:         e.text(field(path, "stage"), string(a.Stage)),
		SubStage:      e.text(field(path, "subStage"), string(a.SubStage)),
		SigningStatus: enum(e, field(path, "signingStatus"), signingStatusNames, "SigningStatus", a.SigningStatus, true),
	}
	if a.EntryIntoForce != nil {
		w.EntryIntoForce = e.condition(field(path, "entryIntoForce"), a.EntryIntoForce, 1)
	}
	if len(a.Parties) > 0 {
		w.Parties = make([]partyWire, len(a.Parties))
		for i, p := range a.Parties {
			pp := idx(field(path, "parties"), i)
			w.Parties[i] = partyWire{
				ID:   e.text(field(pp, "id"), string(p.ID)),
				Name: e.text(field(pp, "name"), p.Name),
				Kind: enum(e, field(pp, "kind"), partyKindNames, "PartyKind", p.Kind, true),
			}
			if len(p.Roles) > 0 {
				w.Parties[i].Roles = make([]string, len(p.Roles))
				for j, r := range p.Roles {
					w.Parties[i].Roles[j] = enum(e, idx(field(pp, "roles"), j), roleNames, "Role", r, false)
				}
			}
		}
	}
	if len(a.Groups) > 0 {
		w.Groups = make([]groupWire, len(a.Groups))
		for i, g := range a.Groups {
			gp := idx(field(path, "groups"), i)
			w.Groups[i] = groupWire{
				ID:      e.text(field(gp, "id"), string(g.ID)),
				Name:    e.text(field(gp, "name"), g.Name),
				Members: texts(e, field(gp, "members"), g.Members),
			}
		}
	}
	if len(a.Signatures) > 0 {
		w.Signatures = make([]signatureWire, len(a.Signatures))
		for i, s := range a.Signatures {
			sp := idx(field(path, "signatures"), i)
			w.Signatures[i] = signatureWire{
				Party:     e.text(field(sp, "party"), string(s.Party)),
				Signatory: e.text(field(sp, "signatory"), s.Signatory),
				Capacity:  e.text(field(sp, "capacity"), s.Capacity),
				Date:      e.instant(field(sp, "date"), s.Date),
			}
		}
	}
	if len(a.Clauses) > 0 {
		w.Clauses = make([]clauseWire, len(a.Clauses))
		for i := range a.Clauses {
			w.Clauses[i] = e.clause(idx(field(path, "clauses"), i), &a.Clauses[i])
		}
	}
	if len(a.Fluents) > 0 {
		w.Fluents = make([]fluentWire, len(a.Fluents))
		for i, f := range a.Fluents {
			fp := idx(field(path, "fluents"), i)
			w.Fluents[i] = fluentWire{
				ID:         e.text(field(fp, "id"), string(f.ID)),
				Initiates:  e.patterns(field(fp, "initiates"), f.Initiates),
				Terminates: e.patterns(field(fp, "terminates"), f.Terminates),
				Initially:  f.Initially,
			}
		}
	}
	if !a.Territory.IsZero() {
		w.Territory = e.territory(field(path, "territory"), &a.Territory)
	}
	if len(a.Options) > 0 {
		w.Options = make([]optionWire, len(a.Options))
		for i := range a.Options {
			w.Options[i] = e.option(idx(field(path, "options"), i), &a.Options[i])
		}
	}
	return w
}

func (e *encoder) territory(path string, t *Territory) *territoryWire {
	w := &territoryWire{Areas: make([]areaWire, len(t.Areas))}
	for i := range t.Areas {
		a := &t.Areas[i]
		ap := idx(field(path, "areas"), i)
		w.Areas[i] = areaWire{
			ID:          e.text(field(ap, "id"), string(a.ID)),
			Name:        e.text(field(ap, "name"), a.Name),
			Size:        e.decimal(field(ap, "size"), a.Size),
			Sovereignty: e.shares(field(ap, "sovereignty"), a.Sovereignty),
			Control:     e.shares(field(ap, "control"), a.Control),
		}
		if len(a.Arrangements) > 0 {
			rs := make([]arrangementWire, len(a.Arrangements))
			for j, r := range a.Arrangements {
				rp := idx(field(ap, "arrangements"), j)
				rs[j] = arrangementWire{
					Kind:   enum(e, field(rp, "kind"), optionKindNames, "OptionKind", r.Kind, true),
					Option: e.text(field(rp, "option"), string(r.Option)),
					Party:  e.text(field(rp, "party"), string(r.Party)),
				}
			}
			w.Areas[i].Arrangements = rs
		}
	}
	return w
}

func (e *encoder) shares(path string, ss []Share) []shareWire {
	if len(ss) == 0 {
		return nil
	}
	out := make([]shareWire, len(ss))
	for i, s := range ss {
		sp := idx(path, i)
		out[i] = shareWire{Party: e.text(field(sp, "party"), string(s.Party)), Percent: e.decimal(field(sp, "percent"), s.Percent)}
	}
	return out
}

func (e *encoder) option(path string, o *Option) optionWire {
	w := optionWire{
		ID:       e.text(field(path, "id"), string(o.ID)),
		Kind:     enum(e, field(path, "kind"), optionKindNames, "OptionKind", o.Kind, true),
		Text:     e.text(field(path, "text"), o.Text),
		Areas:    texts(e, field(path, "areas"), o.Areas),
		From:     e.text(field(path, "from"), string(o.From)),
		To:       e.text(field(path, "to"), string(o.To)),
		Party:    e.text(field(path, "party"), string(o.Party)),
		Parties:  texts(e, field(path, "parties"), o.Parties),
		Deadline: e.deadline(field(path, "deadline"), o.Deadline),
		Lapse:    enum(e, field(path, "lapse"), lapseNames, "Lapse", o.Lapse, true),
	}
	if o.Width != nil {
		width := e.decimal(field(path, "width"), *o.Width)
		w.Width = &width
	}
	if len(o.Results) > 0 {
		w.Results = make([]resultWire, len(o.Results))
		for i, r := range o.Results {
			rp := idx(field(path, "results"), i)
			w.Results[i] = resultWire{
				Outcome:   e.text(field(rp, "outcome"), r.Outcome),
				Sovereign: e.text(field(rp, "sovereign"), string(r.Sovereign)),
			}
		}
	}
	return w
}

func (e *encoder) clause(path string, c *Clause) clauseWire {
	w := clauseWire{
		ID:        e.text(field(path, "id"), string(c.ID)),
		Text:      e.text(field(path, "text"), c.Text),
		Kind:      enum(e, field(path, "kind"), deonticNames, "Deontic", c.Kind, true),
		Force:     enum(e, field(path, "force"), forceNames, "Force", c.Force, true),
		Category:  e.text(field(path, "category"), string(c.Category)),
		Debtors:   texts(e, field(path, "debtors"), c.Debtors),
		Joint:     c.Joint,
		Creditors: texts(e, field(path, "creditors"), c.Creditors),
		Deadline:  e.deadline(field(path, "deadline"), c.Deadline),
		Expiry:    e.deadline(field(path, "expiry"), c.Expiry),
		Effect:    enum(e, field(path, "effect"), effectNames, "Effect", c.Effect, true),
		ResumedBy: e.text(field(path, "resumedBy"), string(c.ResumedBy)),
		Surviving: c.Surviving,
	}
	if s := c.Source; s.Document != "" || s.Speaker != "" || !s.Date.IsZero() {
		sp := field(path, "source")
		w.Source = &sourceWire{
			Document: e.text(field(sp, "document"), s.Document),
			Speaker:  e.text(field(sp, "speaker"), s.Speaker),
			Date:     e.instant(field(sp, "date"), s.Date),
		}
	}
	if c.Action != nil {
		p := e.pattern(field(path, "action"), *c.Action)
		w.Action = &p
	}
	if len(c.Quantities) > 0 {
		w.Quantities = make([]rangeWire, len(c.Quantities))
		for i, r := range c.Quantities {
			rp := idx(field(path, "quantities"), i)
			w.Quantities[i] = rangeWire{
				Min:     e.decimal(field(rp, "min"), r.Min),
				Max:     e.decimal(field(rp, "max"), r.Max),
				Unit:    e.text(field(rp, "unit"), string(r.Unit)),
				Wording: e.text(field(rp, "wording"), r.Wording),
				What:    e.text(field(rp, "what"), r.What),
			}
		}
	}
	if len(c.Targets) > 0 {
		w.Targets = make([]string, len(c.Targets))
		for i, t := range c.Targets {
			w.Targets[i] = e.text(idx(field(path, "targets"), i), t.String())
		}
	}
	slots := []*any{&w.Trigger, &w.Antecedent, &w.Fulfilment, &w.Violation}
	for i, nc := range c.Conditions() {
		if nc.Condition != nil {
			*slots[i] = e.condition(field(path, nc.Name), nc.Condition, 1)
		}
	}
	return w
}

func (e *encoder) deadline(path string, d Deadline) *deadlineWire {
	if d.After == 0 && d.At.IsZero() {
		return nil
	}
	w := &deadlineWire{At: e.instant(field(path, "at"), d.At)}
	if d.After != 0 {
		w.After = FormatDuration(d.After)
	}
	return w
}

func (e *encoder) pattern(path string, p Pattern) patternWire {
	w := patternWire{
		Kind:        e.text(field(path, "kind"), string(p.Kind)),
		Actor:       e.text(field(path, "actor"), string(p.Actor)),
		Group:       e.text(field(path, "group"), string(p.Group)),
		Target:      e.text(field(path, "target"), string(p.Target)),
		Area:        e.text(field(path, "area"), string(p.Area)),
		Reporter:    e.text(field(path, "reporter"), string(p.Reporter)),
		Attribution: enum(e, field(path, "attribution"), attributionNames, "Attribution", p.Attribution, true),
	}
	if p.Clause != (Ref{}) {
		w.Clause = e.text(field(path, "clause"), p.Clause.String())
	}
	return w
}

func (e *encoder) patterns(path string, ps []Pattern) []patternWire {
	if len(ps) == 0 {
		return nil
	}
	out := make([]patternWire, len(ps))
	for i, p := range ps {
		out[i] = e.pattern(idx(path, i), p)
	}
	return out
}

func (e *encoder) states(path string, ss []State) []string {
	out := make([]string, len(ss)) // never nil: "states" is always written
	for i, s := range ss {
		out[i] = enum(e, idx(path, i), stateNames, "State", s, false)
	}
	return out
}

// condition returns the wire form of c, a value holding exactly one
// operator field, or nil for a nil condition.
func (e *encoder) condition(path string, c Condition, depth int) any {
	if isNil(c) {
		return nil
	}
	if depth > maxConditionDepth {
		e.cannot(path, "condition nested more than "+itoa(maxConditionDepth)+" deep")
		return nil
	}
	switch c := c.(type) {
	case *HappenedCondition:
		return struct {
			Happened patternWire `json:"happened"`
		}{e.pattern(field(path, "happened"), c.pattern)}
	case *HoldsCondition:
		return struct {
			Holds string `json:"holds"`
		}{e.text(field(path, "holds"), string(c.fluent))}
	case *ClauseInCondition:
		p := field(path, "clauseIn")
		ref := e.text(field(p, "clause"), c.ref.String())
		return struct {
			ClauseIn statesWire `json:"clauseIn"`
		}{statesWire{Clause: &ref, States: e.states(field(p, "states"), c.states)}}
	case *AgreementInCondition:
		p := field(path, "agreementIn")
		return struct {
			AgreementIn statesWire `json:"agreementIn"`
		}{statesWire{
			Agreement: e.text(field(p, "agreement"), string(c.agreement)),
			States:    e.states(field(p, "states"), c.states),
		}}
	case *BeforeCondition:
		p := field(path, "before")
		return struct {
			Before beforeWire `json:"before"`
		}{beforeWire{e.pattern(field(p, "first"), c.first), e.pattern(field(p, "then"), c.then)}}
	case *WithinCondition:
		p := field(path, "within")
		return struct {
			Within windowWire `json:"within"`
		}{windowWire{e.pattern(field(p, "event"), c.pattern), FormatDuration(c.d)}}
	case *SinceCondition:
		p := field(path, "since")
		return struct {
			Since windowWire `json:"since"`
		}{windowWire{e.pattern(field(p, "event"), c.pattern), FormatDuration(c.d)}}
	case *AllCondition:
		return struct {
			All []any `json:"all"`
		}{e.conditions(field(path, "all"), c.cs, depth)}
	case *AnyCondition:
		return struct {
			Any []any `json:"any"`
		}{e.conditions(field(path, "any"), c.cs, depth)}
	case *NotCondition:
		return struct {
			Not any `json:"not"`
		}{e.condition(field(path, "not"), c.c, depth+1)}
	case *AtLeastCondition:
		p := field(path, "atLeast")
		return struct {
			AtLeast atLeastWire `json:"atLeast"`
		}{atLeastWire{c.k, e.conditions(field(p, "of"), c.cs, depth)}}
	}
	// A pointer to a node type satisfies Condition too, but is not one of
	// the values this package builds.
	e.cannot(path, "condition of unsupported type")
	return nil
}

// conditions returns the operands' wire forms, never nil, so that an empty
// list is written as [].
func (e *encoder) conditions(path string, cs []Condition, depth int) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = e.condition(idx(path, i), c, depth+1)
	}
	return out
}

// ---- Decoding ----

// object is a JSON object with its members in document order.
type object struct {
	keys []string
	vals []any
}

// parse reads data, which must hold exactly one JSON value, into a tree of
// nil, bool, json.Number, string, []any and *object values, sharing no
// memory with data.
func parse(data []byte) (any, *Problem) {
	// encoding/json checks the whole input first: syntax, trailing data,
	// and nesting deeper than it allows (10000 levels, which bounds the
	// recursion below). json.Unmarshal reports the error with its offset.
	if !json.Valid(data) {
		return nil, syntaxProblem(data, json.Unmarshal(data, new(json.RawMessage)))
	}
	tp := treeParser{data: data}
	v, ok := tp.value()
	if !ok { // not expected after the check above
		return nil, &Problem{Err: ErrSyntax, Msg: "malformed JSON at byte offset " + itoa(tp.pos)}
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

// value parses the value at p.pos, which checked input nests at most 10000
// levels deep.
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
	return json.Number(p.data[start:p.pos]), true
}

func (p *treeParser) literal(lit string) bool {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
		return false
	}
	p.pos += len(lit)
	return true
}

// string parses the string literal at p.pos. Plain ASCII is copied as is;
// anything with escapes or other bytes is decoded by encoding/json, so that
// escapes, surrogates and invalid UTF-8 are treated exactly as it does.
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
			p.pos++ // skip the escaped byte; \uXXXX has no quote or backslash
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	return "", false
}

// syntaxProblem reports err, from encoding/json, with the position in data.
func syntaxProblem(data []byte, err error) *Problem {
	var se *json.SyntaxError
	if !errors.As(err, &se) { // not expected: json.Valid failed
		return &Problem{Err: ErrSyntax, Msg: "malformed JSON"}
	}
	// Offset counts the bytes read, the offending one included; at the end
	// of the input there is no offending byte.
	off := int(se.Offset)
	if off > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
		off--
	}
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	msg := se.Error()
	if len(bytes.TrimSpace(data)) == 0 {
		msg = "empty input"
	}
	return &Problem{Err: ErrSyntax, Msg: msg + " (line " + itoa(line) + ", column " + itoa(col) +
		", byte offset " + itoa(off) + ")"}
}

// decoder converts a parsed tree to values, collecting every structural
// problem with its path.
type decoder struct{ ps problems }

func (d *decoder) add(path string, err error, msg string) { d.ps.add(path, err, msg) }

// document parses data and checks that it is an object with the supported
// schema version. It reports false when decoding cannot go on.
func (d *decoder) document(data []byte) (*object, bool) {
	v, p := parse(data)
	if p != nil {
		d.ps.list = append(d.ps.list, p)
		return nil, false
	}
	obj, ok := v.(*object)
	if !ok {
		d.wrongType("", "object", v)
		return nil, false
	}
	i := slices.Index(obj.keys, "schema")
	if i < 0 {
		d.add("schema", ErrSchemaVersion, "missing schema version (want \"schema\": "+itoa(SchemaVersion)+")")
		return obj, true
	}
	if n, ok := obj.vals[i].(json.Number); !ok || string(n) != itoa(SchemaVersion) {
		d.add("schema", ErrSchemaVersion, "unsupported schema version "+describe(obj.vals[i])+
			" (this package reads version "+itoa(SchemaVersion)+")")
		return nil, false
	}
	return obj, true
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
		return "string " + quote(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return jsonType(v)
}

func (d *decoder) wrongType(path, want string, v any) {
	d.add(path, ErrSyntax, "want "+want+", got "+jsonType(v))
}

// members calls fn for every member of the object v at path, in document
// order, with the member's path; fn returns false for a key it does not
// know, which is reported as an unknown field. Duplicate keys are reported
// and skipped. members reports false when v is not an object.
func (d *decoder) members(path string, v any, fn func(key, path string, v any) bool) bool {
	obj, ok := v.(*object)
	if !ok {
		d.wrongType(path, "object", v)
		return false
	}
	seen := make(map[string]bool, len(obj.keys))
	for i, k := range obj.keys {
		p := field(path, k)
		if seen[k] {
			d.add(p, ErrSyntax, "duplicate field "+quote(k))
			continue
		}
		seen[k] = true
		if !fn(k, p, obj.vals[i]) {
			d.add(p, ErrUnknownField, "unknown field "+quote(k))
		}
	}
	return true
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
		out[i] = fn(idx(path, i), x)
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
		d.add(path, ErrInvalidValue, "want an integer, got "+string(n))
	}
	return i
}

func decodeEnum[T ~uint8](d *decoder, path string, v any, names []string, what string, optional bool) T {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return 0
	}
	x, ok := enumParse[T](names, s, optional)
	if !ok {
		d.add(path, ErrInvalidValue, "unknown "+what+" "+quote(s))
	}
	return x
}

func (d *decoder) instant(path string, v any) time.Time {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalText([]byte(s)); err != nil {
		d.add(path, ErrInvalidValue, "invalid RFC 3339 instant "+quote(s))
		return time.Time{}
	}
	t = t.UTC()
	if t.IsZero() {
		d.add(path, ErrInvalidValue, "the instant "+quote(s)+" stands for none in this format: omit the field")
		return time.Time{}
	}
	if y := t.Year(); y < 0 || y > 9999 {
		d.add(path, ErrInvalidValue, "instant "+quote(s)+" is outside the years 0000-9999 in UTC")
		return time.Time{}
	}
	return t
}

func (d *decoder) duration(path string, v any) time.Duration {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return 0
	}
	t, err := ParseDuration(s)
	if err != nil {
		d.add(path, ErrInvalidValue, "invalid duration "+quote(s)+" (want such as \"30d\" or \"72h\")")
	}
	return t
}

func (d *decoder) ref(path string, v any) Ref {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return Ref{}
	}
	r, err := ParseRef(s)
	if err != nil {
		d.add(path, ErrInvalidID, "invalid reference "+quote(s))
	}
	return r
}

func (d *decoder) decimal(path string, v any) decimal.Decimal {
	s, ok := v.(string)
	if !ok {
		msg := "want string, got " + jsonType(v)
		if n, isNum := v.(json.Number); isNum {
			msg = "want string, got number " + string(n) + " (write decimals as strings, such as \"" + string(n) + "\")"
		}
		d.add(path, ErrSyntax, msg)
		return decimal.Decimal{}
	}
	x, ok := parseDecimal(s)
	if !ok {
		d.add(path, ErrInvalidValue, "invalid decimal "+quote(s)+" (want plain notation such as \"-12.5\")")
	}
	return x
}

// parseDecimal reads plain decimal notation: an optional '-', digits, and
// optionally '.' and more digits, at most maxDecimalLen characters. It does
// not depend on package decimal's global settings.
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

// agreement decodes an agreement object; "schema" is allowed only at the
// top, where document has checked it.
func (d *decoder) agreement(path string, v any, top bool) Agreement {
	var a Agreement
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "schema":
			return top
		case "id":
			a.ID = AgreementID(d.str(p, v))
		case "title":
			a.Title = d.str(p, v)
		case "date":
			a.Date = d.instant(p, v)
		case "stage":
			a.Stage = Stage(d.str(p, v))
		case "subStage":
			a.SubStage = SubStage(d.str(p, v))
		case "signingStatus":
			a.SigningStatus = decodeEnum[SigningStatus](d, p, v, signingStatusNames, "signing status", true)
		case "parties":
			a.Parties = list(d, p, v, d.party)
		case "groups":
			a.Groups = list(d, p, v, d.group)
		case "signatures":
			a.Signatures = list(d, p, v, d.signature)
		case "clauses":
			a.Clauses = list(d, p, v, d.clause)
		case "fluents":
			a.Fluents = list(d, p, v, d.fluent)
		case "territory":
			a.Territory = d.territory(p, v)
		case "options":
			a.Options = list(d, p, v, d.option)
		case "entryIntoForce":
			a.EntryIntoForce = d.condition(p, v, 1)
		default:
			return false
		}
		return true
	})
	return a
}

func (d *decoder) party(path string, v any) Party {
	var x Party
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = PartyID(d.str(p, v))
		case "name":
			x.Name = d.str(p, v)
		case "kind":
			x.Kind = decodeEnum[PartyKind](d, p, v, partyKindNames, "party kind", true)
		case "roles":
			x.Roles = list(d, p, v, func(p string, v any) Role {
				return decodeEnum[Role](d, p, v, roleNames, "role", false)
			})
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) group(path string, v any) Group {
	var x Group
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = GroupID(d.str(p, v))
		case "name":
			x.Name = d.str(p, v)
		case "members":
			x.Members = ids[PartyID](d, p, v)
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) signature(path string, v any) Signature {
	var x Signature
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "party":
			x.Party = PartyID(d.str(p, v))
		case "signatory":
			x.Signatory = d.str(p, v)
		case "capacity":
			x.Capacity = d.str(p, v)
		case "date":
			x.Date = d.instant(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) fluent(path string, v any) Fluent {
	var x Fluent
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = FluentID(d.str(p, v))
		case "initiates":
			x.Initiates = list(d, p, v, d.pattern)
		case "terminates":
			x.Terminates = list(d, p, v, d.pattern)
		case "initially":
			x.Initially = d.boolean(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) clause(path string, v any) Clause {
	var c Clause
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			c.ID = ClauseID(d.str(p, v))
		case "text":
			c.Text = d.str(p, v)
		case "source":
			c.Source = d.source(p, v)
		case "kind":
			c.Kind = decodeEnum[Deontic](d, p, v, deonticNames, "deontic kind", false)
		case "force":
			c.Force = decodeEnum[Force](d, p, v, forceNames, "force", true)
		case "category":
			c.Category = Category(d.str(p, v))
		case "debtors":
			c.Debtors = ids[PartyID](d, p, v)
		case "joint":
			c.Joint = d.boolean(p, v)
		case "creditors":
			c.Creditors = ids[PartyID](d, p, v)
		case "action":
			if v != nil {
				a := d.pattern(p, v)
				c.Action = &a
			}
		case "quantities":
			c.Quantities = list(d, p, v, d.rangeValue)
		case "trigger":
			c.Trigger = d.condition(p, v, 1)
		case "antecedent":
			c.Antecedent = d.condition(p, v, 1)
		case "deadline":
			c.Deadline = d.deadline(p, v)
		case "expiry":
			c.Expiry = d.deadline(p, v)
		case "fulfilment":
			c.Fulfilment = d.condition(p, v, 1)
		case "violation":
			c.Violation = d.condition(p, v, 1)
		case "effect":
			c.Effect = decodeEnum[Effect](d, p, v, effectNames, "effect", true)
		case "targets":
			c.Targets = list(d, p, v, d.ref)
		case "resumedBy":
			c.ResumedBy = ClauseID(d.str(p, v))
		case "surviving":
			c.Surviving = d.boolean(p, v)
		default:
			return false
		}
		return true
	})
	return c
}

func (d *decoder) territory(path string, v any) Territory {
	var t Territory
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "areas":
			t.Areas = list(d, p, v, d.area)
		default:
			return false
		}
		return true
	})
	return t
}

func (d *decoder) area(path string, v any) Area {
	var a Area
	var hasSize bool
	if !d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			a.ID = AreaID(d.str(p, v))
		case "name":
			a.Name = d.str(p, v)
		case "size":
			a.Size, hasSize = d.decimal(p, v), true
		case "sovereignty":
			a.Sovereignty = list(d, p, v, d.share)
		case "control":
			a.Control = list(d, p, v, d.share)
		case "arrangements":
			a.Arrangements = list(d, p, v, d.arrangement)
		default:
			return false
		}
		return true
	}) {
		return a
	}
	d.required(path, "size", hasSize)
	return a
}

func (d *decoder) share(path string, v any) Share {
	var s Share
	var hasPercent bool
	if !d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "party":
			s.Party = PartyID(d.str(p, v))
		case "percent":
			s.Percent, hasPercent = d.decimal(p, v), true
		default:
			return false
		}
		return true
	}) {
		return s
	}
	d.required(path, "percent", hasPercent)
	return s
}

func (d *decoder) arrangement(path string, v any) Arrangement {
	var r Arrangement
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "kind":
			r.Kind = decodeEnum[OptionKind](d, p, v, optionKindNames, "option kind", false)
		case "option":
			r.Option = OptionID(d.str(p, v))
		case "party":
			r.Party = PartyID(d.str(p, v))
		default:
			return false
		}
		return true
	})
	return r
}

func (d *decoder) option(path string, v any) Option {
	var o Option
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "id":
			o.ID = OptionID(d.str(p, v))
		case "kind":
			o.Kind = decodeEnum[OptionKind](d, p, v, optionKindNames, "option kind", false)
		case "text":
			o.Text = d.str(p, v)
		case "areas":
			o.Areas = ids[AreaID](d, p, v)
		case "from":
			o.From = PartyID(d.str(p, v))
		case "to":
			o.To = PartyID(d.str(p, v))
		case "party":
			o.Party = PartyID(d.str(p, v))
		case "parties":
			o.Parties = ids[PartyID](d, p, v)
		case "width":
			w := d.decimal(p, v)
			o.Width = &w
		case "deadline":
			o.Deadline = d.deadline(p, v)
		case "results":
			o.Results = list(d, p, v, d.result)
		case "lapse":
			o.Lapse = decodeEnum[Lapse](d, p, v, lapseNames, "lapse rule", true)
		default:
			return false
		}
		return true
	})
	return o
}

func (d *decoder) result(path string, v any) Result {
	var r Result
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "outcome":
			r.Outcome = d.str(p, v)
		case "sovereign":
			r.Sovereign = PartyID(d.str(p, v))
		default:
			return false
		}
		return true
	})
	return r
}

func (d *decoder) source(path string, v any) Source {
	var s Source
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "document":
			s.Document = d.str(p, v)
		case "speaker":
			s.Speaker = d.str(p, v)
		case "date":
			s.Date = d.instant(p, v)
		default:
			return false
		}
		return true
	})
	return s
}

func (d *decoder) rangeValue(path string, v any) Range {
	var r Range
	var hasMin, hasMax bool
	if !d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "min":
			r.Min, hasMin = d.decimal(p, v), true
		case "max":
			r.Max, hasMax = d.decimal(p, v), true
		case "unit":
			r.Unit = Unit(d.str(p, v))
		case "wording":
			r.Wording = d.str(p, v)
		case "what":
			r.What = d.str(p, v)
		default:
			return false
		}
		return true
	}) {
		return r
	}
	d.required(path, "min", hasMin)
	d.required(path, "max", hasMax)
	return r
}

// required reports the field name of the object at path as missing unless
// present.
func (d *decoder) required(path, name string, present bool) {
	if !present {
		d.add(field(path, name), ErrMissing, "missing field "+quote(name))
	}
}

func (d *decoder) deadline(path string, v any) Deadline {
	var x Deadline
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "after":
			x.After = d.duration(p, v)
		case "at":
			x.At = d.instant(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) pattern(path string, v any) Pattern {
	var x Pattern
	d.members(path, v, func(k, p string, v any) bool {
		switch k {
		case "kind":
			x.Kind = EventKind(d.str(p, v))
		case "actor":
			x.Actor = PartyID(d.str(p, v))
		case "group":
			x.Group = GroupID(d.str(p, v))
		case "target":
			x.Target = PartyID(d.str(p, v))
		case "area":
			x.Area = AreaID(d.str(p, v))
		case "clause":
			x.Clause = d.ref(p, v)
		case "reporter":
			x.Reporter = PartyID(d.str(p, v))
		case "attribution":
			x.Attribution = decodeEnum[Attribution](d, p, v, attributionNames, "attribution", true)
		default:
			return false
		}
		return true
	})
	return x
}

func (d *decoder) states(path string, v any) []State {
	return list(d, path, v, func(p string, v any) State {
		return decodeEnum[State](d, p, v, stateNames, "state", false)
	})
}

// conditionOps lists the operators of the condition language, for messages.
const conditionOps = "happened, holds, clauseIn, agreementIn, before, within, since, all, any, not, atLeast"

func isConditionOp(k string) bool {
	switch k {
	case "happened", "holds", "clauseIn", "agreementIn", "before", "within", "since", "all", "any", "not",
		"atLeast":
		return true
	}
	return false
}

// condition decodes the condition v at path, nested depth deep (1 for a
// clause's slot). JSON null is the nil condition.
func (d *decoder) condition(path string, v any, depth int) Condition {
	if v == nil {
		return nil
	}
	obj, ok := v.(*object)
	if !ok {
		d.wrongType(path, "object or null", v)
		return nil
	}
	if depth > maxConditionDepth {
		d.add(path, ErrInvalidValue, "condition nested too deeply (more than "+itoa(maxConditionDepth)+" levels)")
		return nil
	}
	op := -1
	var ops []string
	for i, k := range obj.keys {
		if !isConditionOp(k) {
			d.add(field(path, k), ErrUnknownField, "unknown condition operator "+quote(k))
			continue
		}
		ops = append(ops, quote(k))
		if op < 0 {
			op = i
		}
	}
	switch {
	case len(obj.keys) == 0:
		d.add(path, ErrSyntax, "empty condition (want one of "+conditionOps+")")
		return nil
	case len(ops) > 1:
		d.add(path, ErrSyntax, "a condition has exactly one operator, not "+itoa(len(ops))+" ("+
			strings.Join(ops, ", ")+")")
		return nil
	case op < 0:
		return nil // every key was reported as unknown
	}
	return d.operator(path, obj.keys[op], obj.vals[op], depth)
}

func (d *decoder) operator(path, op string, v any, depth int) Condition {
	p := field(path, op)
	switch op {
	case "happened":
		return Happened(d.pattern(p, v))
	case "holds":
		return Holds(FluentID(d.str(p, v)))
	case "clauseIn":
		var ref Ref
		var states []State
		var hasRef bool
		if d.members(p, v, func(k, p string, v any) bool {
			switch k {
			case "clause":
				ref, hasRef = d.ref(p, v), true
			case "states":
				states = d.states(p, v)
			default:
				return false
			}
			return true
		}) {
			d.required(p, "clause", hasRef)
		}
		return ClauseIn(ref, states...)
	case "agreementIn":
		var id AgreementID
		var states []State
		d.members(p, v, func(k, p string, v any) bool {
			switch k {
			case "agreement":
				id = AgreementID(d.str(p, v))
			case "states":
				states = d.states(p, v)
			default:
				return false
			}
			return true
		})
		return AgreementIn(id, states...)
	case "before":
		var first, then Pattern
		d.members(p, v, func(k, p string, v any) bool {
			switch k {
			case "first":
				first = d.pattern(p, v)
			case "then":
				then = d.pattern(p, v)
			default:
				return false
			}
			return true
		})
		return Before(first, then)
	case "within", "since":
		var event Pattern
		var dur time.Duration
		var hasDur bool
		if d.members(p, v, func(k, p string, v any) bool {
			switch k {
			case "event":
				event = d.pattern(p, v)
			case "duration":
				dur, hasDur = d.duration(p, v), true
			default:
				return false
			}
			return true
		}) {
			d.required(p, "duration", hasDur)
		}
		if op == "within" {
			return Within(event, dur)
		}
		return Since(event, dur)
	case "all":
		return All(d.conditions(p, v, depth)...)
	case "any":
		return Any(d.conditions(p, v, depth)...)
	case "not":
		return Not(d.condition(p, v, depth+1))
	case "atLeast":
		var k int
		var cs []Condition
		var hasK bool
		if d.members(p, v, func(key, p string, v any) bool {
			switch key {
			case "k":
				k, hasK = d.integer(p, v), true
			case "of":
				cs = d.conditions(p, v, depth)
			default:
				return false
			}
			return true
		}) {
			d.required(p, "k", hasK)
		}
		return AtLeast(k, cs...)
	}
	return nil // unreachable: op is one of conditionOps
}

func (d *decoder) conditions(path string, v any, depth int) []Condition {
	return list(d, path, v, func(p string, v any) Condition { return d.condition(p, v, depth+1) })
}
