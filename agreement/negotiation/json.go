package negotiation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
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
// problem with its path ("positions[1].issues[0].weight"): malformed JSON or
// a wrong JSON type ([agreement.ErrSyntax]), an unknown or repeated field
// ([agreement.ErrUnknownField], [agreement.ErrDuplicateID]), a missing
// field ([agreement.ErrMissing]), an amount that is not a decimal
// ([agreement.ErrInvalidValue]) or is out of range ([ErrTooLarge]), and a
// missing or different schema ([agreement.ErrSchemaVersion]). It never
// panics and does not modify data.
func DecodePositions(data []byte) ([]Position, error) {
	d := &jdec{}
	doc, ok := d.object("", data)
	if !ok {
		return nil, d.ve.Err()
	}
	var ps []Position
	if raw, ok := doc["schema"]; !ok {
		d.ve.Add("schema", agreement.ErrMissing, "missing schema")
	} else if n, err := strconv.Atoi(string(bytes.TrimSpace(raw))); err != nil || n != PositionsSchema {
		d.ve.Add("schema", agreement.ErrSchemaVersion, fmt.Sprintf("schema %s, want %d", short64(raw), PositionsSchema))
		return nil, d.ve.Err()
	}
	d.known("", doc, "$schema", "schema", "positions")
	d.str("", doc, "$schema", false) // read for its type, and ignored
	for i, raw := range d.array("positions", doc["positions"]) {
		ps = append(ps, d.position(agreement.IndexPath("positions", i), raw))
	}
	if err := d.ve.Err(); err != nil {
		return nil, err
	}
	return ps, nil
}

type jdec struct {
	ve agreement.ValidationError
}

func short64(raw []byte) string {
	if len(raw) > 64 {
		return string(raw[:64]) + "..."
	}
	return string(raw)
}

// object reads a JSON object, reporting repeated fields; it returns false
// when raw is not an object.
func (d *jdec) object(path string, raw []byte) (map[string]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		d.ve.Add(path, agreement.ErrSyntax, "not a JSON object")
		return nil, false
	}
	out := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			d.ve.Add(path, agreement.ErrSyntax, "malformed JSON")
			return nil, false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			d.ve.Add(agreement.FieldPath(path, key), agreement.ErrSyntax, "malformed JSON")
			return nil, false
		}
		if _, dup := out[key]; dup {
			d.ve.Add(agreement.FieldPath(path, key), agreement.ErrDuplicateID, fmt.Sprintf("field %q repeated", key))
			continue
		}
		out[key] = v
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		d.ve.Add(path, agreement.ErrSyntax, "malformed JSON")
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		d.ve.Add(path, agreement.ErrSyntax, "data after the JSON value")
		return nil, false
	}
	return out, true
}

// known reports the fields of obj not among names, the fields of the
// object's type, each with the one of names that agreement.Suggest finds it
// misspells: `unknown field "debtor" (did you mean "debtors"?)`.
func (d *jdec) known(path string, obj map[string]json.RawMessage, names ...string) {
	var unknown []string
	for k := range obj {
		found := false
		for _, n := range names {
			found = found || k == n
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sortStrings(unknown)
	for _, k := range unknown {
		msg := fmt.Sprintf("unknown field %q", k)
		if s, ok := agreement.Suggest(k, names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		d.ve.Add(agreement.FieldPath(path, k), agreement.ErrUnknownField, msg)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// array reads an optional JSON array (absent: none).
func (d *jdec) array(path string, raw json.RawMessage) []json.RawMessage {
	if raw == nil {
		return nil
	}
	var out []json.RawMessage
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || json.Unmarshal(raw, &out) != nil {
		d.ve.Add(path, agreement.ErrSyntax, "not a JSON array")
		return nil
	}
	return out
}

// str reads a string field; required reports it missing.
func (d *jdec) str(path string, obj map[string]json.RawMessage, name string, required bool) string {
	raw, ok := obj[name]
	p := agreement.FieldPath(path, name)
	if !ok {
		if required {
			d.ve.Add(p, agreement.ErrMissing, fmt.Sprintf("missing %s", name))
		}
		return ""
	}
	var s string
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || json.Unmarshal(raw, &s) != nil {
		d.ve.Add(p, agreement.ErrSyntax, "not a JSON string")
		return ""
	}
	return s
}

func (d *jdec) boolean(path string, obj map[string]json.RawMessage, name string) bool {
	raw, ok := obj[name]
	if !ok {
		return false
	}
	var v bool
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || json.Unmarshal(raw, &v) != nil {
		d.ve.Add(agreement.FieldPath(path, name), agreement.ErrSyntax, "not a JSON boolean")
	}
	return v
}

// amount reads a decimal string field.
func (d *jdec) amount(path string, obj map[string]json.RawMessage, name string, required bool) (decimal.Decimal, bool) {
	_, present := obj[name]
	s := d.str(path, obj, name, required)
	if !present || s == "" && !required {
		return decimal.Decimal{}, false
	}
	p := agreement.FieldPath(path, name)
	if len(s) > 64 {
		d.ve.Add(p, ErrTooLarge, "amount longer than 64 characters")
		return decimal.Decimal{}, false
	}
	v, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		d.ve.Add(p, agreement.ErrInvalidValue, fmt.Sprintf("not a decimal: %q", s))
		return decimal.Decimal{}, false
	}
	if !checkAmount(&d.ve, p, v) {
		return decimal.Decimal{}, false
	}
	return v, true
}

func (d *jdec) choice(path string, raw json.RawMessage) Choice {
	obj, ok := d.object(path, raw)
	if !ok {
		return Choice{}
	}
	d.known(path, obj, "issue", "alternative")
	return Choice{Issue: IssueID(d.str(path, obj, "issue", true)), Alternative: AlternativeID(d.str(path, obj, "alternative", true))}
}

func (d *jdec) position(path string, raw json.RawMessage) Position {
	obj, ok := d.object(path, raw)
	if !ok {
		return Position{}
	}
	d.known(path, obj, "party", "reservation", "issues", "pairs", "redLines")
	p := Position{Party: agreement.PartyID(d.str(path, obj, "party", true))}
	p.Reservation, _ = d.amount(path, obj, "reservation", true)
	for j, raw := range d.array(agreement.FieldPath(path, "issues"), obj["issues"]) {
		ip := agreement.IndexPath(agreement.FieldPath(path, "issues"), j)
		io, ok := d.object(ip, raw)
		if !ok {
			continue
		}
		d.known(ip, io, "issue", "weight", "values")
		iv := IssueValue{Issue: IssueID(d.str(ip, io, "issue", true))}
		iv.Weight, _ = d.amount(ip, io, "weight", true)
		for k, raw := range d.array(agreement.FieldPath(ip, "values"), io["values"]) {
			vp := agreement.IndexPath(agreement.FieldPath(ip, "values"), k)
			vo, ok := d.object(vp, raw)
			if !ok {
				continue
			}
			d.known(vp, vo, "alternative", "value")
			av := AlternativeValue{Alternative: AlternativeID(d.str(vp, vo, "alternative", true))}
			av.Value, _ = d.amount(vp, vo, "value", true)
			iv.Values = append(iv.Values, av)
		}
		p.Issues = append(p.Issues, iv)
	}
	for j, raw := range d.array(agreement.FieldPath(path, "pairs"), obj["pairs"]) {
		pp := agreement.IndexPath(agreement.FieldPath(path, "pairs"), j)
		po, ok := d.object(pp, raw)
		if !ok {
			continue
		}
		d.known(pp, po, "a", "b", "value")
		var pv PairValue
		for _, side := range []string{"a", "b"} {
			r, ok := po[side]
			if !ok {
				d.ve.Add(agreement.FieldPath(pp, side), agreement.ErrMissing, "missing "+side)
				continue
			}
			c := d.choice(agreement.FieldPath(pp, side), r)
			if side == "a" {
				pv.A = c
			} else {
				pv.B = c
			}
		}
		pv.Value, _ = d.amount(pp, po, "value", true)
		p.Pairs = append(p.Pairs, pv)
	}
	for j, raw := range d.array(agreement.FieldPath(path, "redLines"), obj["redLines"]) {
		rp := agreement.IndexPath(agreement.FieldPath(path, "redLines"), j)
		ro, ok := d.object(rp, raw)
		if !ok {
			continue
		}
		d.known(rp, ro, "id", "territory", "clause", "choice")
		rl := RedLine{ID: d.str(rp, ro, "id", true)}
		if r, ok := ro["territory"]; ok {
			tp := agreement.FieldPath(rp, "territory")
			if to, ok := d.object(tp, r); ok {
				d.known(tp, to, "party", "control", "areas", "min", "max", "minOpen", "maxOpen")
				tl := &TerritoryLine{Party: agreement.PartyID(d.str(tp, to, "party", true)), Control: d.boolean(tp, to, "control")}
				for k, raw := range d.array(agreement.FieldPath(tp, "areas"), to["areas"]) {
					var s string
					if json.Unmarshal(raw, &s) != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
						d.ve.Add(agreement.IndexPath(agreement.FieldPath(tp, "areas"), k), agreement.ErrSyntax, "not a JSON string")
					}
					tl.Areas = append(tl.Areas, agreement.AreaID(s))
				}
				b := d.limits(tp, to, agreement.Measure(agreement.UnitPercent))
				tl.Bound = b
				rl.Territory = tl
			}
		}
		if r, ok := ro["clause"]; ok {
			cp := agreement.FieldPath(rp, "clause")
			if co, ok := d.object(cp, r); ok {
				d.known(cp, co, "kind", "actor", "group", "target", "area", "item", "measure")
				var measure agreement.Bound
				if r, ok := co["measure"]; ok {
					mp := agreement.FieldPath(cp, "measure")
					if mo, ok := d.object(mp, r); ok {
						d.known(mp, mo, "unit", "of", "min", "max", "minOpen", "maxOpen")
						unit := agreement.Unit(d.str(mp, mo, "unit", false))
						measure = d.limits(mp, mo, agreement.Measure(unit).Of(d.str(mp, mo, "of", false)))
						if _, lo := mo["min"]; !lo {
							if _, hi := mo["max"]; !hi {
								d.ve.Add(mp, agreement.ErrMissing, "a measure has a min or a max")
							}
						}
					}
				}
				rl.Clause = &ClauseLine{Pattern: agreement.Pattern{
					Measure: measure,
					Kind:    agreement.EventKind(d.str(cp, co, "kind", true)),
					Actor:   agreement.PartyID(d.str(cp, co, "actor", false)),
					Group:   agreement.GroupID(d.str(cp, co, "group", false)),
					Target:  agreement.PartyID(d.str(cp, co, "target", false)),
					Area:    agreement.AreaID(d.str(cp, co, "area", false)),
					Item:    d.str(cp, co, "item", false),
				}}
			}
		}
		if r, ok := ro["choice"]; ok {
			cp := agreement.FieldPath(rp, "choice")
			if co, ok := d.object(cp, r); ok {
				d.known(cp, co, "choice", "require")
				cl := &ChoiceLine{Require: d.boolean(cp, co, "require")}
				if r, ok := co["choice"]; ok {
					cl.Choice = d.choice(agreement.FieldPath(cp, "choice"), r)
				} else {
					d.ve.Add(agreement.FieldPath(cp, "choice"), agreement.ErrMissing, "missing choice")
				}
				rl.Choice = cl
			}
		}
		p.RedLines = append(p.RedLines, rl)
	}
	return p
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

// limits reads "min", "max", "minOpen" and "maxOpen" of obj into b.
func (d *jdec) limits(path string, obj map[string]json.RawMessage, b agreement.Bound) agreement.Bound {
	if lo, ok := d.amount(path, obj, "min", false); ok {
		if d.boolean(path, obj, "minOpen") {
			b = b.Above(lo)
		} else {
			b = b.AtLeast(lo)
		}
	} else if d.boolean(path, obj, "minOpen") {
		d.ve.Add(agreement.FieldPath(path, "min"), agreement.ErrMissing, "minOpen without min")
	}
	if hi, ok := d.amount(path, obj, "max", false); ok {
		if d.boolean(path, obj, "maxOpen") {
			b = b.Below(hi)
		} else {
			b = b.AtMost(hi)
		}
	} else if d.boolean(path, obj, "maxOpen") {
		d.ve.Add(agreement.FieldPath(path, "max"), agreement.ErrMissing, "maxOpen without max")
	}
	return b
}
