package coalition

import (
	"errors"
	"slices"
	"strings"

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
	doc, ok := d.r.Document(data, SchemaVersion)
	if !ok {
		return Coalition{}, d.r.Err()
	}
	c := d.coalition(doc)
	d.references(c)
	d.r.Validated(c.Validate())
	if err := d.r.Err(); err != nil {
		return Coalition{}, err
	}
	return c, nil
}

// decoder reads what is a coalition's own with an [agreement.JSONReader],
// which reads what coalition documents share with agreement documents.
// refs and funcs collect the party and function references read, which
// references checks once every declaration is known.
type decoder struct {
	r     agreement.JSONReader
	refs  []reference
	funcs []reference
}

// reference is an id read at path.
type reference struct{ path, id string }

// str reads a string.
func (d *decoder) str(path string, v agreement.JSONValue) string { return d.r.String(path, v) }

// list decodes the array v at path element by element; an empty array
// decodes to nil.
func list[T any](d *decoder, path string, v agreement.JSONValue, fn func(path string, v agreement.JSONValue) T) []T {
	return agreement.JSONList(&d.r, path, v, fn)
}

func ids[T ~string](d *decoder, path string, v agreement.JSONValue) []T {
	return list(d, path, v, func(path string, v agreement.JSONValue) T { return T(d.str(path, v)) })
}

// partyRef reads a party id that must be declared, for [decoder.references].
func (d *decoder) partyRef(path string, v agreement.JSONValue) agreement.PartyID {
	s := d.str(path, v)
	if s != "" {
		d.refs = append(d.refs, reference{path, s})
	}
	return agreement.PartyID(s)
}

func (d *decoder) partyRefs(path string, v agreement.JSONValue) []agreement.PartyID {
	return list(d, path, v, d.partyRef)
}

// references reports the party and function references read that name
// nothing declared, with the nearest declared id suggested. Parties are
// checked only when the id of every declared party could be read.
func (d *decoder) references(c Coalition) {
	var read []*agreement.Problem
	if ve := (*agreement.ValidationError)(nil); errors.As(d.r.Err(), &ve) {
		read = ve.Problems
	}
	partiesRead := !slices.ContainsFunc(read, func(p *agreement.Problem) bool {
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
				d.r.Unknown(r.path, agreement.ErrUnknownParty, "party", r.id, declared)
			}
		}
	}
	var functions []string
	for _, f := range c.Functions {
		functions = append(functions, string(f.ID))
	}
	for _, r := range d.funcs {
		if !slices.Contains(functions, r.id) {
			d.r.Unknown(r.path, ErrUnknownFunction, "function", r.id, functions)
		}
	}
}

var coalitionFields = []string{"schema", "$schema", "id", "name", "party", "host", "parties", "members", "fluents",
	"functions", "cells", "declarations", "meetings", "contributions"}

// coalition decodes the top-level object, whose "schema" DecodeCoalition
// has checked.
func (d *decoder) coalition(doc agreement.JSONValue) Coalition {
	var c Coalition
	d.r.Object("", doc, coalitionFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "id":
			c.ID = agreement.AgreementID(d.str(p, v))
		case "name":
			c.Name = d.str(p, v)
		case "party":
			c.Party = d.partyRef(p, v)
		case "host":
			c.Host = d.partyRef(p, v)
		case "parties":
			c.Parties = list(d, p, v, d.r.Party)
		case "members":
			c.Members = list(d, p, v, d.member)
		case "fluents":
			c.Fluents = list(d, p, v, d.r.Fluent)
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
			return d.r.SchemaMember(k, p, v)
		}
		return true
	})
	return c
}

var memberFields = []string{"party", "standing"}

func (d *decoder) member(path string, v agreement.JSONValue) Member {
	var m Member
	d.r.Object(path, v, memberFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "party":
			m.Party = d.partyRef(p, v)
		case "standing":
			m.Standing = agreement.JSONEnum[Standing](&d.r, p, v, "standing")
		default:
			return false
		}
		return true
	})
	return m
}

var functionFields = []string{"id", "name", "leads", "leadWithoutContributions", "category"}

func (d *decoder) function(path string, v agreement.JSONValue) Function {
	var f Function
	d.r.Object(path, v, functionFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "id":
			f.ID = FunctionID(d.str(p, v))
		case "name":
			f.Name = d.str(p, v)
		case "leads":
			f.Leads = d.partyRefs(p, v)
		case "leadWithoutContributions":
			f.LeadWithoutContributions = d.r.Bool(p, v)
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

func (d *decoder) cell(path string, v agreement.JSONValue) Cell {
	var c Cell
	d.r.Object(path, v, cellFields, func(k, p string, v agreement.JSONValue) bool {
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

func (d *decoder) declaration(path string, v agreement.JSONValue) Declaration {
	var x Declaration
	d.r.Object(path, v, declarationFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "title":
			x.Title = d.str(p, v)
		case "allMembers":
			x.AllMembers = d.r.Bool(p, v)
		case "signatories":
			x.Signatories = d.partyRefs(p, v)
		case "force":
			x.Force = agreement.JSONEnum[agreement.Force](&d.r, p, v, "force")
		case "date":
			x.Date = d.r.Instant(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

var meetingFields = []string{"title", "location", "date", "attendees", "unnamed"}

func (d *decoder) meeting(path string, v agreement.JSONValue) Meeting {
	var m Meeting
	d.r.Object(path, v, meetingFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "title":
			m.Title = d.str(p, v)
		case "location":
			m.Location = d.str(p, v)
		case "date":
			m.Date = d.r.Instant(p, v)
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

func (d *decoder) attendee(path string, v agreement.JSONValue) Attendee {
	var a Attendee
	d.r.Object(path, v, attendeeFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "party":
			a.Party = d.partyRef(p, v)
		case "level":
			a.Level = agreement.JSONEnum[Level](&d.r, p, v, "level")
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

func (d *decoder) headcount(path string, v agreement.JSONValue) Headcount {
	var h Headcount
	var hasCount bool
	if d.r.Object(path, v, headcountFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "level":
			h.Level = agreement.JSONEnum[Level](&d.r, p, v, "level")
		case "count":
			h.Count, hasCount = d.r.Int(p, v), true
		default:
			return false
		}
		return true
	}) {
		d.r.Required(path, "count", hasCount)
	}
	return h
}

var contributionFields = []string{"id", "contributor", "function", "text", "quantities", "basing", "condition",
	"action", "beneficiaries", "force", "source"}

func (d *decoder) contribution(path string, v agreement.JSONValue) Contribution {
	var ct Contribution
	d.r.Object(path, v, contributionFields, func(k, p string, v agreement.JSONValue) bool {
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
			ct.Quantities = list(d, p, v, d.r.Range)
		case "basing":
			ct.Basing = d.basing(p, v)
		case "condition":
			ct.Condition = d.r.Condition(p, v)
		case "action":
			if !v.IsNull() {
				a := d.r.Pattern(p, v)
				ct.Action = &a
			}
		case "beneficiaries":
			ct.Beneficiaries = d.partyRefs(p, v)
		case "force":
			ct.Force = agreement.JSONEnum[agreement.Force](&d.r, p, v, "force")
		case "source":
			ct.Source = d.r.Source(p, v)
		default:
			return false
		}
		return true
	})
	return ct
}

var basingFields = []string{"kind", "areas", "location"}

func (d *decoder) basing(path string, v agreement.JSONValue) Basing {
	var b Basing
	d.r.Object(path, v, basingFields, func(k, p string, v agreement.JSONValue) bool {
		switch k {
		case "kind":
			b.Kind = agreement.JSONEnum[BasingKind](&d.r, p, v, "basing kind")
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
