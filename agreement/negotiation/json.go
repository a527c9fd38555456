package negotiation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// PositionsSchema is the version of the JSON encoding of positions written
// by [EncodePositions], and the only version [DecodePositions] reads.
//
// The encoding, field by field (the names are those of the paths of a
// problem):
//
//	document   {"schema": 1, "$schema", "positions": [position]}
//	position   {"party", "reservation": "0", "issues": [issue],
//	            "pairs": [pair], "redLines": [redLine]}
//	issue      {"issue", "weight": "1", "values": [{"alternative", "value": "2.5"}]}
//	pair       {"a": choice, "b": choice, "value": "1"}
//	choice     {"issue", "alternative"}
//	redLine    {"id", and exactly one of "territory", "clause", "choice"}
//	territory  {"party", "control": true, "areas": ["donetsk"],
//	            "min": "100", "max": "100", "minOpen": true, "maxOpen": true}
//	clause     {"kind", "actor", "group", "target", "area", "item",
//	            "measure": {"unit": "troops", "of", "min", "max", "minOpen", "maxOpen"}}
//	choice     {"choice": choice, "require": true}
//
// Amounts are JSON strings holding decimals in plain notation; a
// territory's limits are percentages. Fields at their zero value are
// omitted; "party", "reservation", "issue", "weight", "alternative",
// "value", "a", "b", "id" and a clause's "kind" must be present. A clause
// red line matches with [agreement.Pattern] and only these fields. Unknown
// fields, repeated fields, null, wrong JSON types and a missing or
// different "schema" are errors; an unknown field is reported with the
// field meant, when one is near (`unknown field "redLine" (did you mean
// "redLines"?)`). The document may carry a top-level "$schema" string
// (the address of a JSON Schema, for an editor's completion), read and
// ignored: [EncodePositions] does not write it.
const PositionsSchema = 1

// EncodePositions writes positions as a document of [PositionsSchema].
// It returns an error wrapping [agreement.ErrInvalidValue] for a red line
// whose clause pattern uses a field the encoding does not hold, or whose
// territory bound is not in percent.
func EncodePositions(ps []Position) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"schema":1,"positions":[`)
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"party":`)
		str(&b, string(p.Party))
		b.WriteString(`,"reservation":`)
		str(&b, p.Reservation.String())
		if len(p.Issues) > 0 {
			b.WriteString(`,"issues":[`)
			for j, iv := range p.Issues {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(`{"issue":`)
				str(&b, string(iv.Issue))
				b.WriteString(`,"weight":`)
				str(&b, iv.Weight.String())
				if len(iv.Values) > 0 {
					b.WriteString(`,"values":[`)
					for k, av := range iv.Values {
						if k > 0 {
							b.WriteByte(',')
						}
						b.WriteString(`{"alternative":`)
						str(&b, string(av.Alternative))
						b.WriteString(`,"value":`)
						str(&b, av.Value.String())
						b.WriteByte('}')
					}
					b.WriteByte(']')
				}
				b.WriteByte('}')
			}
			b.WriteByte(']')
		}
		if len(p.Pairs) > 0 {
			b.WriteString(`,"pairs":[`)
			for j, pv := range p.Pairs {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(`{"a":`)
				choice(&b, pv.A)
				b.WriteString(`,"b":`)
				choice(&b, pv.B)
				b.WriteString(`,"value":`)
				str(&b, pv.Value.String())
				b.WriteByte('}')
			}
			b.WriteByte(']')
		}
		if len(p.RedLines) > 0 {
			b.WriteString(`,"redLines":[`)
			for j, rl := range p.RedLines {
				if j > 0 {
					b.WriteByte(',')
				}
				if err := redLine(&b, rl); err != nil {
					return nil, fmt.Errorf("positions[%d].redLines[%d]: %w", i, j, err)
				}
			}
			b.WriteByte(']')
		}
		b.WriteByte('}')
	}
	b.WriteString(`]}`)
	return b.Bytes(), nil
}

func str(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

func choice(b *bytes.Buffer, c Choice) {
	b.WriteString(`{"issue":`)
	str(b, string(c.Issue))
	b.WriteString(`,"alternative":`)
	str(b, string(c.Alternative))
	b.WriteByte('}')
}

func field(b *bytes.Buffer, name, v string) {
	if v != "" {
		b.WriteString(`,"` + name + `":`)
		str(b, v)
	}
}

func redLine(b *bytes.Buffer, rl RedLine) error {
	b.WriteString(`{"id":`)
	str(b, rl.ID)
	if t := rl.Territory; t != nil {
		if t.Bound.Unit() != agreement.UnitPercent {
			return fmt.Errorf("%w: a territory bound is in percent", agreement.ErrInvalidValue)
		}
		b.WriteString(`,"territory":{"party":`)
		str(b, string(t.Party))
		if t.Control {
			b.WriteString(`,"control":true`)
		}
		if len(t.Areas) > 0 {
			b.WriteString(`,"areas":[`)
			for k, a := range t.Areas {
				if k > 0 {
					b.WriteByte(',')
				}
				str(b, string(a))
			}
			b.WriteByte(']')
		}
		writeLimits(b, t.Bound)
		b.WriteByte('}')
	}
	if c := rl.Clause; c != nil {
		p := c.Pattern
		rest := p
		rest.Kind, rest.Actor, rest.Group, rest.Target, rest.Area, rest.Item = "", "", "", "", "", ""
		rest.Measure = agreement.Bound{}
		if rest != (agreement.Pattern{}) {
			return fmt.Errorf("%w: a clause red line's pattern uses a field the encoding does not hold", agreement.ErrInvalidValue)
		}
		b.WriteString(`,"clause":{"kind":`)
		str(b, string(p.Kind))
		field(b, "actor", string(p.Actor))
		field(b, "group", string(p.Group))
		field(b, "target", string(p.Target))
		field(b, "area", string(p.Area))
		field(b, "item", p.Item)
		if !p.Measure.IsZero() {
			b.WriteString(`,"measure":{"unit":`)
			str(b, string(p.Measure.Unit()))
			field(b, "of", p.Measure.Measures())
			writeLimits(b, p.Measure)
			b.WriteByte('}')
		}
		b.WriteByte('}')
	}
	if c := rl.Choice; c != nil {
		b.WriteString(`,"choice":{"choice":`)
		choice(b, c.Choice)
		if c.Require {
			b.WriteString(`,"require":true`)
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return nil
}

// DecodePositions reads a document of [PositionsSchema]. It checks the
// encoding and the amounts; [Compile] checks the positions against a space.
// On failure it returns nil and a *[agreement.ValidationError] listing every
// problem with its path ("positions[1].issues[0].weight"), as
// [agreement.DecodeAgreement] reports its own: malformed JSON, a wrong JSON
// type or a repeated field ([agreement.ErrSyntax]), an unknown field
// ([agreement.ErrUnknownField]), a missing field ([agreement.ErrMissing]),
// an amount that is not a decimal ([agreement.ErrInvalidValue]) or is out
// of range ([ErrTooLarge]), and a missing or different schema
// ([agreement.ErrSchemaVersion]). It never panics and does not modify data.
func DecodePositions(data []byte) ([]Position, error) {
	d := &jdec{}
	doc, ok := d.r.Document(data, PositionsSchema)
	if !ok {
		return nil, d.r.Err()
	}
	var ps []Position
	d.r.Object("", doc, []string{"$schema", "schema", "positions"}, func(f, p string, v agreement.JSONValue) bool {
		if f != "positions" {
			return d.r.SchemaMember(f, p, v)
		}
		ps = agreement.JSONList(&d.r, p, v, d.position)
		return true
	})
	if err := d.r.Err(); err != nil {
		return nil, err
	}
	return ps, nil
}

// jdec reads the documents of this package with an [agreement.JSONReader].
type jdec struct {
	r agreement.JSONReader
}

// object reads the object v at path with fn as [agreement.JSONReader.Object]
// does, and then reports each of required it lacks; it reports whether v is
// an object.
func (d *jdec) object(path string, v agreement.JSONValue, fields, required []string,
	fn func(f, p string, v agreement.JSONValue)) bool {
	if !d.r.Object(path, v, fields, func(f, p string, v agreement.JSONValue) bool {
		fn(f, p, v)
		return true
	}) {
		return false
	}
	d.r.RequiredFields(path, v, required...)
	return true
}

// amount reads a decimal string, at most 64 characters long, as
// [checkAmount] bounds it. An empty string is no amount unless required.
func (d *jdec) amount(path string, v agreement.JSONValue, required bool) (decimal.Decimal, bool) {
	s := d.r.String(path, v)
	if s == "" && !required {
		return decimal.Decimal{}, false
	}
	if len(s) > 64 {
		d.r.Add(path, ErrTooLarge, "amount longer than 64 characters")
		return decimal.Decimal{}, false
	}
	x, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		d.r.Add(path, agreement.ErrInvalidValue, fmt.Sprintf("not a decimal: %q", s))
		return decimal.Decimal{}, false
	}
	var ve agreement.ValidationError
	if !checkAmount(&ve, path, x) {
		for _, p := range ve.Problems {
			d.r.Add(p.Path, p.Err, p.Msg)
		}
		return decimal.Decimal{}, false
	}
	return x, true
}

func (d *jdec) choice(path string, v agreement.JSONValue) Choice {
	var c Choice
	d.object(path, v, []string{"issue", "alternative"}, []string{"issue", "alternative"}, func(f, p string, v agreement.JSONValue) {
		switch f {
		case "issue":
			c.Issue = IssueID(d.r.String(p, v))
		case "alternative":
			c.Alternative = AlternativeID(d.r.String(p, v))
		}
	})
	return c
}

func (d *jdec) position(path string, v agreement.JSONValue) Position {
	var pos Position
	d.object(path, v, []string{"party", "reservation", "issues", "pairs", "redLines"}, []string{"party", "reservation"},
		func(f, p string, v agreement.JSONValue) {
			switch f {
			case "party":
				pos.Party = agreement.PartyID(d.r.String(p, v))
			case "reservation":
				pos.Reservation, _ = d.amount(p, v, true)
			case "issues":
				pos.Issues = agreement.JSONList(&d.r, p, v, d.issueValue)
			case "pairs":
				pos.Pairs = agreement.JSONList(&d.r, p, v, d.pairValue)
			case "redLines":
				pos.RedLines = agreement.JSONList(&d.r, p, v, d.redLine)
			}
		})
	return pos
}

func (d *jdec) issueValue(path string, v agreement.JSONValue) IssueValue {
	var iv IssueValue
	d.object(path, v, []string{"issue", "weight", "values"}, []string{"issue", "weight"}, func(f, p string, v agreement.JSONValue) {
		switch f {
		case "issue":
			iv.Issue = IssueID(d.r.String(p, v))
		case "weight":
			iv.Weight, _ = d.amount(p, v, true)
		case "values":
			iv.Values = agreement.JSONList(&d.r, p, v, func(p string, v agreement.JSONValue) AlternativeValue {
				var av AlternativeValue
				d.object(p, v, []string{"alternative", "value"}, []string{"alternative", "value"},
					func(f, p string, v agreement.JSONValue) {
						switch f {
						case "alternative":
							av.Alternative = AlternativeID(d.r.String(p, v))
						case "value":
							av.Value, _ = d.amount(p, v, true)
						}
					})
				return av
			})
		}
	})
	return iv
}

func (d *jdec) pairValue(path string, v agreement.JSONValue) PairValue {
	var pv PairValue
	d.object(path, v, []string{"a", "b", "value"}, []string{"a", "b", "value"}, func(f, p string, v agreement.JSONValue) {
		switch f {
		case "a":
			pv.A = d.choice(p, v)
		case "b":
			pv.B = d.choice(p, v)
		case "value":
			pv.Value, _ = d.amount(p, v, true)
		}
	})
	return pv
}

func (d *jdec) redLine(path string, v agreement.JSONValue) RedLine {
	var rl RedLine
	d.object(path, v, []string{"id", "territory", "clause", "choice"}, []string{"id"}, func(f, p string, v agreement.JSONValue) {
		switch f {
		case "id":
			rl.ID = d.r.String(p, v)
		case "territory":
			rl.Territory = d.territoryLine(p, v)
		case "clause":
			rl.Clause = d.clauseLine(p, v)
		case "choice":
			cl := &ChoiceLine{}
			if d.object(p, v, []string{"choice", "require"}, []string{"choice"}, func(f, p string, v agreement.JSONValue) {
				switch f {
				case "choice":
					cl.Choice = d.choice(p, v)
				case "require":
					cl.Require = d.r.Bool(p, v)
				}
			}) {
				rl.Choice = cl
			}
		}
	})
	return rl
}

func (d *jdec) territoryLine(path string, v agreement.JSONValue) *TerritoryLine {
	tl := &TerritoryLine{}
	var l limits
	if !d.object(path, v, []string{"party", "control", "areas", "min", "max", "minOpen", "maxOpen"}, []string{"party"},
		func(f, p string, v agreement.JSONValue) {
			switch f {
			case "party":
				tl.Party = agreement.PartyID(d.r.String(p, v))
			case "control":
				tl.Control = d.r.Bool(p, v)
			case "areas":
				r := &d.r
				tl.Areas = agreement.JSONList(r, p, v, func(p string, v agreement.JSONValue) agreement.AreaID {
					return agreement.AreaID(r.String(p, v))
				})
			default:
				l.read(d, f, p, v)
			}
		}) {
		return nil
	}
	tl.Bound = l.bound(d, path, agreement.Measure(agreement.UnitPercent))
	return tl
}

func (d *jdec) clauseLine(path string, v agreement.JSONValue) *ClauseLine {
	var pat agreement.Pattern
	if !d.object(path, v, []string{"kind", "actor", "group", "target", "area", "item", "measure"}, []string{"kind"},
		func(f, p string, v agreement.JSONValue) {
			switch f {
			case "kind":
				pat.Kind = agreement.EventKind(d.r.String(p, v))
			case "actor":
				pat.Actor = agreement.PartyID(d.r.String(p, v))
			case "group":
				pat.Group = agreement.GroupID(d.r.String(p, v))
			case "target":
				pat.Target = agreement.PartyID(d.r.String(p, v))
			case "area":
				pat.Area = agreement.AreaID(d.r.String(p, v))
			case "item":
				pat.Item = d.r.String(p, v)
			case "measure":
				var unit agreement.Unit
				var of string
				var l limits
				if d.object(p, v, []string{"unit", "of", "min", "max", "minOpen", "maxOpen"}, nil,
					func(f, p string, v agreement.JSONValue) {
						switch f {
						case "unit":
							unit = agreement.Unit(d.r.String(p, v))
						case "of":
							of = d.r.String(p, v)
						default:
							l.read(d, f, p, v)
						}
					}) {
					pat.Measure = l.bound(d, p, agreement.Measure(unit).Of(of))
					if !l.hasMin && !l.hasMax {
						d.r.Add(p, agreement.ErrMissing, "a measure has a min or a max")
					}
				}
			}
		}) {
		return nil
	}
	return &ClauseLine{Pattern: pat}
}

// writeLimits writes the limits of a bound as "min", "max", "minOpen" and
// "maxOpen".
func writeLimits(b *bytes.Buffer, bd agreement.Bound) {
	if lo, open, ok := bd.Min(); ok {
		b.WriteString(`,"min":`)
		str(b, lo.String())
		if open {
			b.WriteString(`,"minOpen":true`)
		}
	}
	if hi, open, ok := bd.Max(); ok {
		b.WriteString(`,"max":`)
		str(b, hi.String())
		if open {
			b.WriteString(`,"maxOpen":true`)
		}
	}
}

// limits are the "min", "max", "minOpen" and "maxOpen" members of an
// object, as read.
type limits struct {
	lo, hi                           decimal.Decimal
	hasMin, hasMax, minOpen, maxOpen bool
}

// read reads the member f, one of the limits, at p.
func (l *limits) read(d *jdec, f, p string, v agreement.JSONValue) {
	switch f {
	case "min":
		l.lo, l.hasMin = d.amount(p, v, false)
	case "max":
		l.hi, l.hasMax = d.amount(p, v, false)
	case "minOpen":
		l.minOpen = d.r.Bool(p, v)
	case "maxOpen":
		l.maxOpen = d.r.Bool(p, v)
	}
}

// bound applies the limits read to b, reporting an open limit without its
// value.
func (l *limits) bound(d *jdec, path string, b agreement.Bound) agreement.Bound {
	switch {
	case l.hasMin && l.minOpen:
		b = b.Above(l.lo)
	case l.hasMin:
		b = b.AtLeast(l.lo)
	case l.minOpen:
		d.r.Add(agreement.FieldPath(path, "min"), agreement.ErrMissing, "minOpen without min")
	}
	switch {
	case l.hasMax && l.maxOpen:
		b = b.Below(l.hi)
	case l.hasMax:
		b = b.AtMost(l.hi)
	case l.maxOpen:
		d.r.Add(agreement.FieldPath(path, "max"), agreement.ErrMissing, "maxOpen without max")
	}
	return b
}
