package negotiation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/peacekit/peacekit/agreement"
)

// SpaceSchema is the version of the JSON encoding of spaces written by
// [EncodeSpace], and the only version [DecodeSpace] reads.
//
// The encoding:
//
//	document     {"schema": 1, "$schema", "groups": [group],
//	              "territory": territory, "issues": [issue]}
//	issue        {"id", "name", "alternatives": [alternative]}
//	alternative  {"id", "name", "options": [option], "clauses": [clause]}
//
// where group, territory, option and clause are written as in an agreement
// document (see [agreement.SchemaVersion]). "schema" and the ids must be
// present; other fields at their zero value are omitted. Unknown fields
// (reported with the field meant, when one is near), repeated fields, null
// and wrong JSON types are errors. The document may carry a top-level
// "$schema" string (the address of a JSON Schema, for an editor's
// completion), read and ignored: [EncodeSpace] does not write it; nested,
// as in a clause, it is an unknown field.
const SpaceSchema = 1

// EncodeSpace writes s as a document of [SpaceSchema].
func EncodeSpace(s *Space) ([]byte, error) {
	if s == nil {
		return nil, fmt.Errorf("%w: nil space", agreement.ErrMissing)
	}
	ag := agreement.Agreement{ID: "space", Territory: s.territory, Groups: s.groups}
	for _, is := range s.issues {
		for _, alt := range is.Alternatives {
			ag.Options = append(ag.Options, alt.Options...)
			ag.Clauses = append(ag.Clauses, alt.Clauses...)
		}
	}
	raw, err := ag.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	var opts, cls []json.RawMessage
	if r, ok := m["options"]; ok {
		if err := json.Unmarshal(r, &opts); err != nil {
			return nil, err
		}
	}
	if r, ok := m["clauses"]; ok {
		if err := json.Unmarshal(r, &cls); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"schema":1`)
	if r, ok := m["groups"]; ok {
		b.WriteString(`,"groups":`)
		b.Write(r)
	}
	if r, ok := m["territory"]; ok {
		b.WriteString(`,"territory":`)
		b.Write(r)
	}
	b.WriteString(`,"issues":[`)
	for i, is := range s.issues {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":`)
		str(&b, string(is.ID))
		field(&b, "name", is.Name)
		b.WriteString(`,"alternatives":[`)
		for a, alt := range is.Alternatives {
			if a > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"id":`)
			str(&b, string(alt.ID))
			field(&b, "name", alt.Name)
			if n := len(alt.Options); n > 0 {
				b.WriteString(`,"options":[`)
				join(&b, opts[:n])
				b.WriteByte(']')
				opts = opts[n:]
			}
			if n := len(alt.Clauses); n > 0 {
				b.WriteString(`,"clauses":[`)
				join(&b, cls[:n])
				b.WriteByte(']')
				cls = cls[n:]
			}
			b.WriteByte('}')
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	return b.Bytes(), nil
}

// partyKeys are the fields of an agreement document that hold party ids.
var partyKeys = []string{"debtors", "creditors", "actor", "target", "reporter", "party", "from", "to",
	"parties", "members", "targetDebtor", "debtor", "sovereign"}

// collectParties returns every well-formed party id (placeholders aside)
// that v holds under a field that may name a party, sorted and once each.
func collectParties(v any, under bool, out map[agreement.PartyID]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			collectParties(e, slices.Contains(partyKeys, k), out)
		}
	case []any:
		for _, e := range x {
			collectParties(e, under, out)
		}
	case string:
		if id := agreement.PartyID(x); under && id.Valid() && !id.IsPlaceholder() {
			out[id] = true
		}
	}
}

// DecodeSpace reads a document of [SpaceSchema] and builds the space with
// [NewSpace]. Groups, the territory, options and clauses are read and
// checked as an agreement document's are ([agreement.DecodeAgreement]),
// with every party they name taken as declared; the alternatives' options
// and clauses are checked one alternative at a time, as the options and
// clauses of an agreement with the space's territory and groups. On failure
// it returns nil and a *[agreement.ValidationError] listing every problem
// with its path ("issues[1].alternatives[0].clauses[2].kind"). It never
// panics and does not modify data.
func DecodeSpace(data []byte) (*Space, error) {
	d := &jdec{}
	doc, ok := d.object("", data)
	if !ok {
		return nil, d.ve.Err()
	}
	if raw, ok := doc["schema"]; !ok {
		d.ve.Add("schema", agreement.ErrMissing, "missing schema")
	} else if n, err := strconv.Atoi(string(bytes.TrimSpace(raw))); err != nil || n != SpaceSchema {
		d.ve.Add("schema", agreement.ErrSchemaVersion, fmt.Sprintf("schema %s, want %d", short64(raw), SpaceSchema))
		return nil, d.ve.Err()
	}
	d.known("", doc, "$schema", "schema", "groups", "territory", "issues")
	d.str("", doc, "$schema", false) // read for its type, and ignored
	var generic any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		d.ve.Add("", agreement.ErrSyntax, "malformed JSON")
		return nil, d.ve.Err()
	}
	seen := map[agreement.PartyID]bool{}
	collectParties(generic, false, seen)
	var parties []string
	for p := range seen {
		parties = append(parties, string(p))
	}
	slices.Sort(parties)
	wrap := func(opts, cls json.RawMessage) []byte {
		var b bytes.Buffer
		b.WriteString(`{"schema":1,"id":"space","parties":[`)
		for i, p := range parties {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"id":`)
			str(&b, p)
			b.WriteByte('}')
		}
		b.WriteByte(']')
		for _, f := range []struct {
			name string
			raw  json.RawMessage
		}{{"groups", doc["groups"]}, {"territory", doc["territory"]}, {"options", opts}, {"clauses", cls}} {
			if f.raw != nil {
				b.WriteString(`,"` + f.name + `":`)
				b.Write(f.raw)
			}
		}
		b.WriteByte('}')
		return b.Bytes()
	}
	base, err := agreement.DecodeAgreement(wrap(nil, nil))
	if err != nil {
		d.wrapped("", err, func(path string) bool { return !strings.HasPrefix(path, "parties") && !strings.HasPrefix(path, "id") }, false)
	}
	var issues []Issue
	for i, raw := range d.array("issues", doc["issues"]) {
		ip := agreement.IndexPath("issues", i)
		io, ok := d.object(ip, raw)
		if !ok {
			continue
		}
		d.known(ip, io, "id", "name", "alternatives")
		is := Issue{ID: IssueID(d.str(ip, io, "id", true)), Name: d.str(ip, io, "name", false)}
		for a, raw := range d.array(agreement.FieldPath(ip, "alternatives"), io["alternatives"]) {
			ap := agreement.IndexPath(agreement.FieldPath(ip, "alternatives"), a)
			ao, ok := d.object(ap, raw)
			if !ok {
				continue
			}
			d.known(ap, ao, "id", "name", "options", "clauses")
			alt := Alternative{ID: AlternativeID(d.str(ap, ao, "id", true)), Name: d.str(ap, ao, "name", false)}
			if _, ok := ao["options"]; ok || ao["clauses"] != nil {
				got, aerr := agreement.DecodeAgreement(wrap(ao["options"], ao["clauses"]))
				if aerr != nil {
					d.wrapped(ap, aerr, func(path string) bool {
						return strings.HasPrefix(path, "options") || strings.HasPrefix(path, "clauses")
					}, err != nil)
				}
				alt.Options, alt.Clauses = got.Options, got.Clauses
			}
			is.Alternatives = append(is.Alternatives, alt)
		}
		issues = append(issues, is)
	}
	if err := d.ve.Err(); err != nil {
		return nil, err
	}
	return NewSpace(base.Territory, base.Groups, issues)
}

// wrapped adds the problems of an agreement decoding error whose paths keep
// says to report, under prefix. When none is kept, it reports the error at
// prefix, unless reported says a problem it filtered out (of the territory
// or groups) is already reported.
func (d *jdec) wrapped(prefix string, err error, keep func(string) bool, reported bool) {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		d.ve.Add(prefix, agreement.ErrInvalidValue, err.Error())
		return
	}
	kept := 0
	for _, p := range ve.Problems {
		if p == nil || !keep(p.Path) {
			continue
		}
		kept++
		path := p.Path
		if prefix != "" {
			path = prefix + "." + path
		}
		d.ve.Add(path, p.Err, p.Msg)
	}
	if ve.Omitted > 0 {
		d.ve.Add(prefix, ErrTooLarge, fmt.Sprintf("%d more problems", ve.Omitted))
	}
	if kept == 0 && ve.Omitted == 0 && !reported {
		// Never fail silently: report what the agreement decoder said.
		d.ve.Add(prefix, agreement.ErrInvalidValue, err.Error())
	}
}

func join(b *bytes.Buffer, rs []json.RawMessage) {
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(r)
	}
}
