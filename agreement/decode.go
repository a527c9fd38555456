package agreement

import (
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// This file converts the tree that parse builds into values, one
// function per type of the encoding described at [SchemaVersion].

// The fields of each object of the encoding, by type: the keys members
// accepts, and suggests for a key it does not know. A name listed that the
// object's decoding function does not read is reported as unknown too, so
// the round-trip tests catch a list and a function that disagree.
var (
	processFields   = []string{"$schema", "schema", "title", "agreements"}
	agreementFields = []string{"id", "title", "date", "stage", "subStage", "signingStatus", "parties",
		"groups", "itemClasses", "signatures", "clauses", "fluents", "territory", "options",
		"entryIntoForce", "inForceAt", "signatories", "zone", "term"}
	// topAgreementFields are those of an agreement document, which
	// alone may carry "schema" and "$schema".
	topAgreementFields = append([]string{"$schema", "schema"}, agreementFields...)
	partyFields        = []string{"id", "name", "kind", "roles"}
	groupFields        = []string{"id", "name", "members"}
	itemClassFields    = []string{"id", "name", "items", "rule"}
	boundFields        = []string{"unit", "of", "min", "max", "minOpen", "maxOpen"}
	signatureFields    = []string{"party", "signatory", "capacity", "date"}
	fluentFields       = []string{"id", "initiates", "terminates", "initially"}
	clauseFields       = []string{"id", "text", "source", "kind", "force", "category", "debtors", "joint",
		"creditors", "action", "quantities", "trigger", "antecedent", "deadline", "expiry", "fulfilment",
		"violation", "effect", "targets", "resumedBy", "standing", "targetDebtor", "relaxes", "grant",
		"covers", "coverWindow", "surviving", "provisional", "recurs", "zone", "term", "duringSuspension"}
	territoryFields   = []string{"areas"}
	areaFields        = []string{"id", "name", "size", "sovereignty", "control", "arrangements"}
	shareFields       = []string{"party", "percent"}
	arrangementFields = []string{"kind", "option", "party"}
	optionFields      = []string{"id", "kind", "text", "areas", "from", "to", "party", "parties", "width",
		"deadline", "results", "lapse"}
	resultFields     = []string{"outcome", "sovereign"}
	sourceFields     = []string{"document", "speaker", "date"}
	rangeFields      = []string{"min", "max", "unit", "wording", "what", "class"}
	deadlineFields   = []string{"after", "period", "at", "from", "round", "exclusive", "unconditional"}
	termFields       = []string{"period", "renewal", "notice", "renewals"}
	recurrenceFields = []string{"every", "start", "on", "within", "round"}
	patternFields    = []string{"kind", "actor", "group", "target", "area", "clause", "reporter", "attribution",
		"item", "class", "measure"}
	clauseInFields    = []string{"clause", "debtor", "states"}
	breachedFields    = []string{"clause", "atLeast", "debtor", "within", "reporter", "attribution"}
	totalLevelFields  = []string{"event", "bound"}
	agreementInFields = []string{"agreement", "states"}
	beforeFields      = []string{"first", "then"}
	withinSinceFields = []string{"event", "duration"}
	clockFields       = []string{"from", "until"}
	atLeastFields     = []string{"k", "of"}
)

// document parses data and checks that it is an object with the supported
// schema version. It reports false when decoding cannot go on.
func (d *decoder) document(data []byte) (*object, bool) { return d.versioned(data, SchemaVersion) }

// versioned parses data and checks that it is an object whose "schema" is
// version, as document does.
func (d *decoder) versioned(data []byte, version int) (*object, bool) {
	v, p := parse(data)
	if p != nil {
		d.ps.Problems = append(d.ps.Problems, p)
		return nil, false
	}
	obj, ok := v.(*object)
	if !ok {
		d.wrongType("", "object", v)
		return nil, false
	}
	i := slices.Index(obj.keys, "schema")
	if i < 0 {
		d.add("schema", ErrSchemaVersion, "missing schema version (want \"schema\": "+itoa(version)+")")
		return obj, true
	}
	if !d.version("schema", obj.vals[i], version) {
		return nil, false
	}
	return obj, true
}

// schemaMember reads the member k, at path, of a document's top-level
// object when it is "schema" (which document checks) or "$schema" (a
// string, read and ignored), and reports whether it was one of the two.
func (d *decoder) schemaMember(k, path string, v any) bool {
	switch k {
	case "schema":
	case "$schema":
		d.str(path, v)
	default:
		return false
	}
	return true
}

// version reports whether v, at path, is the number version, and reports
// it with [ErrSchemaVersion] otherwise.
func (d *decoder) version(path string, v any, version int) bool {
	if n, ok := v.(json.Number); !ok || string(n) != itoa(version) {
		d.add(path, ErrSchemaVersion, "unsupported schema version "+describe(v)+
			" (this package reads version "+itoa(version)+")")
		return false
	}
	return true
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
		d.add(path, ErrInvalidValue, unknownName(what, s, names, true))
	}
	return x
}

// instant decodes an instant: RFC 3339 text, or, inside an agreement, a
// plain date "YYYY-MM-DD" meaning local midnight at the start of that day in
// d.loc. It is returned in UTC.
func (d *decoder) instant(path string, v any) time.Time {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return time.Time{}
	}
	var t time.Time
	if d.loc != nil && isPlainDate(s) {
		day, err := time.Parse(time.DateOnly, s)
		if err != nil {
			d.add(path, ErrInvalidValue, "invalid date "+quote(s)+" (no such day)")
			return time.Time{}
		}
		t = StartOfDay(day.Year(), day.Month(), day.Day(), d.loc)
	} else if err := t.UnmarshalText([]byte(s)); err != nil {
		msg := "invalid RFC 3339 instant " + quote(s)
		if d.loc != nil {
			msg += " (want such as \"2026-02-01T00:00:00Z\", or a date such as \"2026-02-01\")"
		}
		d.add(path, ErrInvalidValue, msg)
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

// zone decodes a time zone's name, reporting at path one that does not
// load (see [Zone.Location]).
func (d *decoder) zone(path string, v any) Zone {
	z := Zone(d.str(path, v))
	if _, err := z.Location(); err != nil {
		msg := err.Error()
		var p *Problem
		if errors.As(err, &p) {
			msg = p.Msg
		}
		d.add(path, ErrInvalidValue, msg)
	}
	return z
}

// inZone sets d.loc to the zone in which the plain dates of the object v
// are read, wherever they stand in it (its members are unordered): that of
// its "zone" member, UTC when that does not load (its member reports it),
// or, without one, the zone it is nested in, UTC at the top. It returns a
// function restoring d.loc.
func (d *decoder) inZone(v any) (restore func()) {
	prev := d.loc
	loc := prev
	if obj, ok := v.(*object); ok {
		if i := slices.Index(obj.keys, "zone"); i >= 0 {
			if s, ok := obj.vals[i].(string); ok && s != "" {
				var err error
				if loc, err = Zone(s).Location(); err != nil {
					loc = time.UTC
				}
			}
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	d.loc = loc
	return func() { d.loc = prev }
}

func (d *decoder) period(path string, v any) Period {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return Period{}
	}
	p, err := ParsePeriod(s)
	if err != nil {
		msg := "invalid period " + quote(s)
		var pr *Problem
		if errors.As(err, &pr) {
			msg = pr.Msg
		}
		d.add(path, ErrInvalidValue, msg+" (want such as \"3d\", \"1mo\" or \"1y2w\")")
	}
	return p
}

func (d *decoder) duration(path string, v any) time.Duration {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "string", v)
		return 0
	}
	t, err := ParseDuration(s)
	if err != nil {
		d.add(path, ErrInvalidValue, "invalid duration "+quote(s)+" (want such as \"72h\" or \"1h30m\")")
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

// process decodes a process document, whose "schema" document has checked.
func (d *decoder) process(doc *object) Process {
	var p Process
	d.members("", doc, processFields, func(k, path string, v any) bool {
		switch k {
		case "title":
			p.Title = d.str(path, v)
		case "agreements":
			p.Agreements = list(d, path, v, func(path string, v any) Agreement {
				return d.agreement(path, v, false)
			})
		default:
			return d.schemaMember(k, path, v)
		}
		return true
	})
	return p
}

// agreement decodes an agreement object; "schema" and "$schema" are
// allowed only at the top, where document has checked "schema". Its
// plain dates are read in its zone.
func (d *decoder) agreement(path string, v any, top bool) Agreement {
	defer d.inZone(v)()
	var a Agreement
	names := agreementFields
	if top {
		names = topAgreementFields
	}
	d.members(path, v, names, func(k, p string, v any) bool {
		switch k {
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
		case "itemClasses":
			a.ItemClasses = list(d, p, v, d.itemClass)
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
		case "inForceAt":
			a.InForceAt = d.deadline(p, v)
		case "signatories":
			a.Signatories = ids[PartyID](d, p, v)
		case "zone":
			a.Zone = d.zone(p, v)
		case "term":
			a.Term = d.term(p, v)
		default: // "schema" and "$schema", in names only at the top
			return d.schemaMember(k, p, v)
		}
		return true
	})
	return a
}

func (d *decoder) party(path string, v any) Party {
	var x Party
	d.members(path, v, partyFields, func(k, p string, v any) bool {
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
	d.members(path, v, groupFields, func(k, p string, v any) bool {
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

func (d *decoder) itemClass(path string, v any) ItemClass {
	var x ItemClass
	d.members(path, v, itemClassFields, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = ItemClassID(d.str(p, v))
		case "name":
			x.Name = d.str(p, v)
		case "items":
			x.Items = ids[string](d, p, v)
		case "rule":
			x.Rule = list(d, p, v, d.bound)
		default:
			return false
		}
		return true
	})
	return x
}

// bound decodes a bound object, building the [Bound] with its constructors
// so that equal limits give equal bounds whatever their decimal text ("20"
// and "20.0"). "minOpen" and "maxOpen" qualify a limit: either without its
// limit is reported as the limit missing.
func (d *decoder) bound(path string, v any) Bound {
	var unit Unit
	var of string
	var lo, hi decimal.Decimal
	var hasMin, hasMax, minOpen, maxOpen, hasMinOpen, hasMaxOpen bool
	if !d.members(path, v, boundFields, func(k, p string, v any) bool {
		switch k {
		case "unit":
			unit = Unit(d.str(p, v))
		case "of":
			of = d.str(p, v)
		case "min":
			lo, hasMin = d.decimal(p, v), true
		case "max":
			hi, hasMax = d.decimal(p, v), true
		case "minOpen":
			minOpen, hasMinOpen = d.boolean(p, v), true
		case "maxOpen":
			maxOpen, hasMaxOpen = d.boolean(p, v), true
		default:
			return false
		}
		return true
	}) {
		return Bound{}
	}
	b := Measure(unit).Of(of)
	switch {
	case hasMin && minOpen:
		b = b.Above(lo)
	case hasMin:
		b = b.AtLeast(lo)
	case hasMinOpen:
		d.add(field(path, "min"), ErrMissing, `missing field "min" ("minOpen" qualifies the lower limit)`)
	}
	switch {
	case hasMax && maxOpen:
		b = b.Below(hi)
	case hasMax:
		b = b.AtMost(hi)
	case hasMaxOpen:
		d.add(field(path, "max"), ErrMissing, `missing field "max" ("maxOpen" qualifies the upper limit)`)
	}
	return b
}

func (d *decoder) signature(path string, v any) Signature {
	var x Signature
	d.members(path, v, signatureFields, func(k, p string, v any) bool {
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
	d.members(path, v, fluentFields, func(k, p string, v any) bool {
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

// clause decodes a clause object; its plain dates are read in its own zone,
// or else its agreement's.
func (d *decoder) clause(path string, v any) Clause {
	defer d.inZone(v)()
	var c Clause
	d.members(path, v, clauseFields, func(k, p string, v any) bool {
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
		case "standing":
			c.Standing = d.boolean(p, v)
		case "targetDebtor":
			c.TargetDebtor = PartyID(d.str(p, v))
		case "relaxes":
			c.Relaxes = list(d, p, v, d.ref)
		case "grant":
			g := d.pattern(p, v)
			c.Grant = &g
		case "covers":
			c.Covers = d.integer(p, v)
		case "coverWindow":
			c.CoverWindow = d.duration(p, v)
		case "surviving":
			c.Surviving = d.boolean(p, v)
		case "provisional":
			c.Provisional = d.boolean(p, v)
		case "recurs":
			c.Recurs = d.recurrence(p, v)
		case "zone":
			c.Zone = d.zone(p, v)
		case "term":
			c.Term = d.term(p, v)
		case "duringSuspension":
			c.DuringSuspension = decodeEnum[SuspensionRule](d, p, v, suspensionRuleNames, "suspension rule", false)
		default:
			return false
		}
		return true
	})
	return c
}

func (d *decoder) territory(path string, v any) Territory {
	var t Territory
	d.members(path, v, territoryFields, func(k, p string, v any) bool {
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
	if !d.members(path, v, areaFields, func(k, p string, v any) bool {
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
	if !d.members(path, v, shareFields, func(k, p string, v any) bool {
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
	d.members(path, v, arrangementFields, func(k, p string, v any) bool {
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
	d.members(path, v, optionFields, func(k, p string, v any) bool {
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
	d.members(path, v, resultFields, func(k, p string, v any) bool {
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
	d.members(path, v, sourceFields, func(k, p string, v any) bool {
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
	if !d.members(path, v, rangeFields, func(k, p string, v any) bool {
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
		case "class":
			r.Class = ItemClassID(d.str(p, v))
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

func (d *decoder) deadline(path string, v any) Deadline {
	var x Deadline
	d.members(path, v, deadlineFields, func(k, p string, v any) bool {
		switch k {
		case "after":
			x.After = d.duration(p, v)
		case "period":
			x.Period = d.period(p, v)
		case "at":
			x.At = d.instant(p, v)
		case "from":
			x.From = d.condition(p, v, 1)
		case "round":
			x.Round = decodeEnum[Rounding](d, p, v, roundingNames, "rounding", true)
		case "exclusive":
			x.Exclusive = d.boolean(p, v)
		case "unconditional":
			x.Unconditional = d.boolean(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

// term decodes a term; an empty object is the zero Term.
func (d *decoder) term(path string, v any) Term {
	var t Term
	d.members(path, v, termFields, func(k, p string, v any) bool {
		switch k {
		case "period":
			t.Period = d.period(p, v)
		case "renewal":
			t.Renewal = d.period(p, v)
		case "notice":
			t.Notice = d.period(p, v)
		case "renewals":
			t.Renewals = d.integer(p, v)
		default:
			return false
		}
		return true
	})
	return t
}

func (d *decoder) recurrence(path string, v any) Recurrence {
	var r Recurrence
	d.members(path, v, recurrenceFields, func(k, p string, v any) bool {
		switch k {
		case "every":
			r.Every = d.period(p, v)
		case "start":
			r.Start = d.instant(p, v)
		case "on":
			on := d.pattern(p, v)
			r.On = &on
		case "within":
			r.Within = d.period(p, v)
		case "round":
			r.Round = decodeEnum[Rounding](d, p, v, roundingNames, "rounding", true)
		default:
			return false
		}
		return true
	})
	return r
}

func (d *decoder) pattern(path string, v any) Pattern {
	var x Pattern
	d.members(path, v, patternFields, func(k, p string, v any) bool {
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
		case "item":
			x.Item = d.str(p, v)
		case "class":
			x.Class = ItemClassID(d.str(p, v))
		case "measure":
			x.Measure = d.bound(p, v)
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

// conditionOps lists the operators of the condition language: the keys a
// condition object accepts, and suggests for a key it does not know.
var conditionOps = []string{"happened", "holds", "clauseIn", "agreementIn", "before", "within", "since", "breached",
	"total", "level", "clock", "all", "any", "not", "atLeast"}

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
		if !slices.Contains(conditionOps, k) {
			d.add(field(path, k), ErrUnknownField, unknownName("condition operator", k, conditionOps, false))
			continue
		}
		ops = append(ops, quote(k))
		if op < 0 {
			op = i
		}
	}
	switch {
	case len(obj.keys) == 0:
		d.add(path, ErrSyntax, "empty condition (want one of "+strings.Join(conditionOps, ", ")+")")
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
		var debtor PartyID
		var states []State
		var hasRef bool
		if d.members(p, v, clauseInFields, func(k, p string, v any) bool {
			switch k {
			case "clause":
				ref, hasRef = d.ref(p, v), true
			case "debtor":
				debtor = PartyID(d.str(p, v))
			case "states":
				states = d.states(p, v)
			default:
				return false
			}
			return true
		}) {
			d.required(p, "clause", hasRef)
		}
		return ClauseInFor(ref, debtor, states...)
	case "breached":
		var ref Ref
		var k int
		var f BreachFilter
		var hasRef, hasK bool
		if d.members(p, v, breachedFields, func(key, p string, v any) bool {
			switch key {
			case "clause":
				ref, hasRef = d.ref(p, v), true
			case "atLeast":
				k, hasK = d.integer(p, v), true
			case "debtor":
				f.Debtor = PartyID(d.str(p, v))
			case "within":
				f.Within = d.duration(p, v)
			case "reporter":
				f.Reporter = PartyID(d.str(p, v))
			case "attribution":
				f.Attribution = decodeEnum[Attribution](d, p, v, attributionNames, "attribution", true)
			default:
				return false
			}
			return true
		}) {
			d.required(p, "clause", hasRef)
			d.required(p, "atLeast", hasK)
		}
		return Breached(ref, k, f)
	case "total", "level":
		var event Pattern
		var b Bound
		var hasBound bool
		if d.members(p, v, totalLevelFields, func(k, p string, v any) bool {
			switch k {
			case "event":
				event = d.pattern(p, v)
			case "bound":
				b, hasBound = d.bound(p, v), true
			default:
				return false
			}
			return true
		}) {
			d.required(p, "bound", hasBound)
		}
		if op == "total" {
			return Total(event, b)
		}
		return Level(event, b)
	case "agreementIn":
		var id AgreementID
		var states []State
		d.members(p, v, agreementInFields, func(k, p string, v any) bool {
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
		d.members(p, v, beforeFields, func(k, p string, v any) bool {
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
		if d.members(p, v, withinSinceFields, func(k, p string, v any) bool {
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
	case "clock":
		var from, until time.Time
		d.members(p, v, clockFields, func(k, p string, v any) bool {
			switch k {
			case "from":
				from = d.instant(p, v)
			case "until":
				until = d.instant(p, v)
			default:
				return false
			}
			return true
		})
		return Between(from, until)
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
		if d.members(p, v, atLeastFields, func(key, p string, v any) bool {
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
