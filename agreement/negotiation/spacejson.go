package negotiation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
	doc, ok := d.r.Document(data, SpaceSchema)
	if !ok {
		return nil, d.r.Err()
	}
	var groups, territory, issuesValue agreement.JSONValue
	var hasGroups, hasTerritory, hasIssues bool
	d.r.Object("", doc, []string{"$schema", "schema", "groups", "territory", "issues"},
		func(f, p string, v agreement.JSONValue) bool {
			switch f {
			case "groups":
				groups, hasGroups = v, true
			case "territory":
				territory, hasTerritory = v, true
			case "issues":
				issuesValue, hasIssues = v, true
			default:
				return d.r.SchemaMember(f, p, v)
			}
			return true
		})
	var generic any
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		d.r.Add("", agreement.ErrSyntax, "malformed JSON")
		return nil, d.r.Err()
	}
	seen := map[agreement.PartyID]bool{}
	collectParties(generic, false, seen)
	var parties []string
	for p := range seen {
		parties = append(parties, string(p))
	}
	slices.Sort(parties)
	// wrap writes an agreement document of the parties named, the groups and
	// territory of the space, and the options and clauses given.
	type member struct {
		name    string
		v       agreement.JSONValue
		present bool
	}
	wrap := func(members ...member) []byte {
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
		for _, m := range append([]member{{"groups", groups, hasGroups}, {"territory", territory, hasTerritory}}, members...) {
			if m.present {
				raw, _ := m.v.MarshalJSON() // never fails
				b.WriteString(`,"` + m.name + `":`)
				b.Write(raw)
			}
		}
		b.WriteByte('}')
		return b.Bytes()
	}
	base, err := agreement.DecodeAgreement(wrap())
	if err != nil {
		d.wrapped("", err, func(path string) bool { return !strings.HasPrefix(path, "parties") && !strings.HasPrefix(path, "id") }, false)
	}
	var issues []Issue
	if hasIssues {
		issues = agreement.JSONList(&d.r, "issues", issuesValue, func(ip string, v agreement.JSONValue) Issue {
			var is Issue
			d.object(ip, v, []string{"id", "name", "alternatives"}, []string{"id"}, func(f, p string, v agreement.JSONValue) {
				switch f {
				case "id":
					is.ID = IssueID(d.r.String(p, v))
				case "name":
					is.Name = d.r.String(p, v)
				case "alternatives":
					is.Alternatives = agreement.JSONList(&d.r, p, v, func(ap string, v agreement.JSONValue) Alternative {
						var alt Alternative
						var opts, cls member
						d.object(ap, v, []string{"id", "name", "options", "clauses"}, []string{"id"},
							func(f, p string, v agreement.JSONValue) {
								switch f {
								case "id":
									alt.ID = AlternativeID(d.r.String(p, v))
								case "name":
									alt.Name = d.r.String(p, v)
								case "options":
									opts = member{"options", v, true}
								case "clauses":
									cls = member{"clauses", v, true}
								}
							})
						if opts.present || cls.present {
							got, aerr := agreement.DecodeAgreement(wrap(opts, cls))
							if aerr != nil {
								d.wrapped(ap, aerr, func(path string) bool {
									return strings.HasPrefix(path, "options") || strings.HasPrefix(path, "clauses")
								}, err != nil)
							}
							alt.Options, alt.Clauses = got.Options, got.Clauses
						}
						return alt
					})
				}
			})
			return is
		})
	}
	if err := d.r.Err(); err != nil {
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
		d.r.Add(prefix, agreement.ErrInvalidValue, err.Error())
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
		d.r.Add(path, p.Err, p.Msg)
	}
	if ve.Omitted > 0 {
		d.r.Add(prefix, ErrTooLarge, fmt.Sprintf("%d more problems", ve.Omitted))
	}
	if kept == 0 && ve.Omitted == 0 && !reported {
		// Never fail silently: report what the agreement decoder said.
		d.r.Add(prefix, agreement.ErrInvalidValue, err.Error())
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
