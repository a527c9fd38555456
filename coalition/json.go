package coalition

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/peacekit/peacekit/agreement"
)

// SchemaVersion is the version of the JSON encoding written by
// [Coalition.MarshalJSON], and the only version [DecodeCoalition] reads. A
// document states it in its top-level "schema" field. A document may also
// carry a top-level "$schema" string (the address of a JSON Schema, for
// editor completion), which is read and ignored.
//
// The encoding, field by field (every name is also the name used in the
// paths of a [agreement.Problem]):
//
//	coalition    {"schema": 1, "id", "name", "party", "host",
//	              "parties": [party], "members": [member],
//	              "fluents": [fluent], "functions": [function],
//	              "cells": [cell], "declarations": [declaration],
//	              "meetings": [meeting], "contributions": [contribution]}
//	member       {"party", "standing": "member" | "partner"}
//	function     {"id", "name", "leads": ["US", ...],
//	              "leadWithoutContributions": true, "category": "SsrGua"}
//	cell         {"name", "location", "participants": ["US", ...]}
//	declaration  {"title", "allMembers": true, "signatories": ["FR", ...],
//	              "force", "date"}
//	meeting      {"title", "location", "date", "attendees": [attendee],
//	              "unnamed": [headcount]}
//	attendee     {"party", "level", "representatives": ["Emmanuel Macron", ...]}
//	headcount    {"level", "count": 8}
//	contribution {"id", "contributor", "function", "text",
//	              "quantities": [range], "basing": basing,
//	              "condition": condition, "action": pattern,
//	              "beneficiaries": ["UA", ...], "force", "source": source}
//	basing       {"kind": "in-host" | "outside-host" | "at-sea",
//	              "areas": ["kyiv", ...], "location"}
//
// A party, fluent, range, pattern, source and condition are written exactly
// as in an agreement document (see [agreement.SchemaVersion]): the same
// fields, the same enumeration names, decimals as strings in plain notation
// ("2000", "-12.5"), durations as [agreement.FormatDuration] writes them,
// clause references as [agreement.Ref.String] writes them (a condition's
// clause references name contributions, whose ids are the ids of the
// clauses they compile to).
//
// Enumerations are written by name, as their String methods return them:
// a member's "standing" as [Standing.String] ("member", "partner"), an
// attendee's or headcount's "level" as [Level.String] ("leader",
// "minister", "envoy", "official"), a basing's "kind" as
// [BasingKind.String], a declaration's or contribution's "force" as
// [agreement.Force.String] ("politically-binding", ...). Instants (a
// declaration's or meeting's "date", a source's "date", a clock
// condition's "from" and "until") are written in UTC as RFC 3339 with
// nanoseconds when present, and read as RFC 3339 or as a plain date,
// "2026-01-06", meaning midnight UTC at the start of that day.
//
// Fields holding their zero value (empty strings and lists, false, zero
// instants, unspecified enumerations, nil conditions and actions, a zero
// [Basing], a zero [agreement.Source]) are omitted when encoding and read
// as the zero value when absent; an unspecified level, basing kind or force
// may also be spelled "". A member's "standing" is always written and
// reads as "member" when absent. The fields with no neutral zero must be
// present: "schema", a headcount's "count", and, as in agreement
// documents, a range's "min" and "max" and the required members of a
// condition. JSON null as "condition" (or as a condition's operand) means
// no condition, as "action" no action; null anywhere else is a type error.
// Beneficiaries that are absent or empty both mean the coalition's host.
const SchemaVersion = 1

// MarshalJSON implements [json.Marshaler]: it writes c as a JSON object in
// the encoding described at [SchemaVersion], with "schema" first and the
// fields in a fixed order, so that equal coalitions encode to identical
// bytes. It does not validate c: a coalition with dangling references
// encodes, and the problems are reported when it is decoded. It returns an
// [*agreement.ValidationError] (with [agreement.ErrInvalidValue] problems)
// only for what has no encoding: an enumeration value outside its declared
// set, a string that is not valid UTF-8, an instant outside the years 0 to
// 9999 in UTC, and whatever [agreement.Agreement.MarshalJSON] cannot encode
// in the parties, fluents, ranges, conditions, actions and sources (a
// decimal longer than 1000 characters, conditions nested too deeply, ...);
// each problem has the path the field would have in the output. The zero
// Coalition encodes as {"schema":1}.
//
// MarshalJSON does not modify c and is safe for concurrent use. For
// indented output, pass the result to [json.Indent].
func (c Coalition) MarshalJSON() ([]byte, error) {
	var e encoder
	shared := e.shared(c)
	w := coalitionWire{
		Schema:    SchemaVersion,
		ID:        e.text("id", string(c.ID)),
		Name:      e.text("name", c.Name),
		Party:     e.text("party", string(c.Party)),
		Host:      e.text("host", string(c.Host)),
		Parties:   shared.Parties,
		Fluents:   shared.Fluents,
		Members:   wireList("members", c.Members, e.member),
		Functions: wireList("functions", c.Functions, e.function),
		Cells:     wireList("cells", c.Cells, e.cell),
		Declarations: wireList("declarations", c.Declarations, func(path string, d *Declaration) declarationWire {
			return e.declaration(path, d)
		}),
		Meetings: wireList("meetings", c.Meetings, e.meeting),
	}
	if len(c.Contributions) > 0 {
		w.Contributions = make([]contributionWire, len(c.Contributions))
		for i := range c.Contributions {
			var s sharedClause
			if i < len(shared.Clauses) {
				s = shared.Clauses[i]
			}
			w.Contributions[i] = e.contribution(agreement.IndexPath("contributions", i), &c.Contributions[i], s)
		}
	}
	if err := e.ps.Err(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON implements [json.Unmarshaler] with [DecodeCoalition]: it
// replaces *c with the coalition in data, or returns the
// [*agreement.ValidationError] listing every problem and leaves *c
// unchanged. Following the convention of package encoding/json, the JSON
// literal null leaves *c unchanged and is not an error; a nil c is an error
// wrapping [agreement.ErrInvalidValue]. The decoded coalition shares no
// memory with data. Called by [json.Unmarshal], it receives the
// coalition's own JSON value, which must carry "schema" like any coalition
// document; problem paths are relative to that value.
func (c *Coalition) UnmarshalJSON(data []byte) error {
	return agreement.UnmarshalJSONWith(c, data, DecodeCoalition)
}

// The wire types give the fields their names and fixed order. What package
// coalition shares with agreement documents (parties, fluents, ranges,
// conditions, patterns, sources) is written by package agreement's own
// encoder and carried as raw JSON.

type coalitionWire struct {
	Schema        int                `json:"schema"`
	ID            string             `json:"id,omitempty"`
	Name          string             `json:"name,omitempty"`
	Party         string             `json:"party,omitempty"`
	Host          string             `json:"host,omitempty"`
	Parties       []json.RawMessage  `json:"parties,omitempty"`
	Members       []memberWire       `json:"members,omitempty"`
	Fluents       []json.RawMessage  `json:"fluents,omitempty"`
	Functions     []functionWire     `json:"functions,omitempty"`
	Cells         []cellWire         `json:"cells,omitempty"`
	Declarations  []declarationWire  `json:"declarations,omitempty"`
	Meetings      []meetingWire      `json:"meetings,omitempty"`
	Contributions []contributionWire `json:"contributions,omitempty"`
}

type memberWire struct {
	Party    string `json:"party,omitempty"`
	Standing string `json:"standing"`
}

type functionWire struct {
	ID                       string   `json:"id,omitempty"`
	Name                     string   `json:"name,omitempty"`
	Leads                    []string `json:"leads,omitempty"`
	LeadWithoutContributions bool     `json:"leadWithoutContributions,omitempty"`
	Category                 string   `json:"category,omitempty"`
}

type cellWire struct {
	Name         string   `json:"name,omitempty"`
	Location     string   `json:"location,omitempty"`
	Participants []string `json:"participants,omitempty"`
}

type declarationWire struct {
	Title       string   `json:"title,omitempty"`
	AllMembers  bool     `json:"allMembers,omitempty"`
	Signatories []string `json:"signatories,omitempty"`
	Force       string   `json:"force,omitempty"`
	Date        string   `json:"date,omitempty"`
}

type meetingWire struct {
	Title     string          `json:"title,omitempty"`
	Location  string          `json:"location,omitempty"`
	Date      string          `json:"date,omitempty"`
	Attendees []attendeeWire  `json:"attendees,omitempty"`
	Unnamed   []headcountWire `json:"unnamed,omitempty"`
}

type attendeeWire struct {
	Party           string   `json:"party,omitempty"`
	Level           string   `json:"level,omitempty"`
	Representatives []string `json:"representatives,omitempty"`
}

type headcountWire struct {
	Level string `json:"level,omitempty"`
	Count int    `json:"count"`
}

type contributionWire struct {
	ID            string            `json:"id,omitempty"`
	Contributor   string            `json:"contributor,omitempty"`
	Function      string            `json:"function,omitempty"`
	Text          string            `json:"text,omitempty"`
	Quantities    []json.RawMessage `json:"quantities,omitempty"`
	Basing        *basingWire       `json:"basing,omitempty"`
	Condition     json.RawMessage   `json:"condition,omitempty"`
	Action        json.RawMessage   `json:"action,omitempty"`
	Beneficiaries []string          `json:"beneficiaries,omitempty"`
	Force         string            `json:"force,omitempty"`
	Source        json.RawMessage   `json:"source,omitempty"`
}

type basingWire struct {
	Kind     string   `json:"kind,omitempty"`
	Areas    []string `json:"areas,omitempty"`
	Location string   `json:"location,omitempty"`
}

// sharedWire is the part of an agreement document that package agreement
// writes for a coalition: see [encoder.shared].
type sharedWire struct {
	Parties []json.RawMessage `json:"parties"`
	Fluents []json.RawMessage `json:"fluents"`
	Clauses []sharedClause    `json:"clauses"`
}

type sharedClause struct {
	Source     json.RawMessage   `json:"source"`
	Action     json.RawMessage   `json:"action"`
	Quantities []json.RawMessage `json:"quantities"`
	Trigger    json.RawMessage   `json:"trigger"`
}

// encoder converts values to wire types, collecting what cannot be encoded.
type encoder struct{ ps agreement.ValidationError }

func (e *encoder) cannot(path, msg string) {
	e.ps.Add(path, agreement.ErrInvalidValue, "cannot encode "+msg)
}

// shared has package agreement encode what a coalition shares with an
// agreement: c's parties and fluents as an agreement's, and each
// contribution's source, action, quantities and condition as those of a
// clause (its trigger). The problems it reports are given the paths they
// have in the coalition's encoding.
func (e *encoder) shared(c Coalition) sharedWire {
	carrier := agreement.Agreement{Parties: c.Parties, Fluents: c.Fluents}
	if len(c.Contributions) > 0 {
		carrier.Clauses = make([]agreement.Clause, len(c.Contributions))
		for i, ct := range c.Contributions {
			carrier.Clauses[i] = agreement.Clause{Source: ct.Source, Action: ct.Action, Quantities: ct.Quantities,
				Trigger: ct.Condition}
		}
	}
	var w sharedWire
	data, err := carrier.MarshalJSON()
	if err != nil {
		ve, ok := err.(*agreement.ValidationError)
		if !ok {
			e.cannot("", err.Error())
			return w
		}
		for _, p := range ve.Problems {
			if p != nil {
				e.ps.Add(sharedPath(p.Path), p.Err, p.Msg)
			}
		}
		e.ps.Omitted += ve.Omitted
		return w
	}
	if err := json.Unmarshal(data, &w); err != nil {
		e.cannot("", err.Error()) // not expected: package agreement wrote it
	}
	return w
}

// sharedPath rewrites the path of a problem in the agreement written by
// [encoder.shared] into the coalition's ("clauses[2].trigger.all[1]"
// becomes "contributions[2].condition.all[1]").
func sharedPath(p string) string {
	rest, ok := strings.CutPrefix(p, "clauses[")
	if !ok {
		return p
	}
	p = "contributions[" + rest
	if i := strings.Index(p, "].trigger"); i >= 0 {
		p = p[:i] + "].condition" + p[i+len("].trigger"):]
	}
	return p
}

// text returns s, reporting it when it is not valid UTF-8 (which JSON would
// silently replace).
func (e *encoder) text(path, s string) string {
	if !utf8.ValidString(s) {
		e.cannot(path, "invalid UTF-8 "+strconv.Quote(s))
	}
	return s
}

func texts[T ~string](e *encoder, path string, ids []T) []string {
	return wireList(path, ids, func(path string, id *T) string { return e.text(path, string(*id)) })
}

// wireList converts each element of xs with fn, at its path in the list at
// path; an empty list converts to nil, which omitempty leaves out.
func wireList[T, W any](path string, xs []T, fn func(path string, x *T) W) []W {
	if len(xs) == 0 {
		return nil
	}
	out := make([]W, len(xs))
	for i := range xs {
		out[i] = fn(agreement.IndexPath(path, i), &xs[i])
	}
	return out
}

// enumText returns v's name, reporting a value outside its declared set.
func enumText[T interface {
	~uint8
	Valid() bool
	String() string
}](e *encoder, path string, v T) string {
	if !v.Valid() {
		e.cannot(path, v.String())
		return ""
	}
	return v.String()
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

func (e *encoder) member(path string, m *Member) memberWire {
	return memberWire{
		Party:    e.text(agreement.FieldPath(path, "party"), string(m.Party)),
		Standing: enumText(e, agreement.FieldPath(path, "standing"), m.Standing),
	}
}

func (e *encoder) function(path string, f *Function) functionWire {
	return functionWire{
		ID:                       e.text(agreement.FieldPath(path, "id"), string(f.ID)),
		Name:                     e.text(agreement.FieldPath(path, "name"), f.Name),
		Leads:                    texts(e, agreement.FieldPath(path, "leads"), f.Leads),
		LeadWithoutContributions: f.LeadWithoutContributions,
		Category:                 e.text(agreement.FieldPath(path, "category"), string(f.Category)),
	}
}

func (e *encoder) cell(path string, c *Cell) cellWire {
	return cellWire{
		Name:         e.text(agreement.FieldPath(path, "name"), c.Name),
		Location:     e.text(agreement.FieldPath(path, "location"), c.Location),
		Participants: texts(e, agreement.FieldPath(path, "participants"), c.Participants),
	}
}

func (e *encoder) declaration(path string, d *Declaration) declarationWire {
	return declarationWire{
		Title:       e.text(agreement.FieldPath(path, "title"), d.Title),
		AllMembers:  d.AllMembers,
		Signatories: texts(e, agreement.FieldPath(path, "signatories"), d.Signatories),
		Force:       enumText(e, agreement.FieldPath(path, "force"), d.Force),
		Date:        e.instant(agreement.FieldPath(path, "date"), d.Date),
	}
}

func (e *encoder) meeting(path string, m *Meeting) meetingWire {
	return meetingWire{
		Title:    e.text(agreement.FieldPath(path, "title"), m.Title),
		Location: e.text(agreement.FieldPath(path, "location"), m.Location),
		Date:     e.instant(agreement.FieldPath(path, "date"), m.Date),
		Attendees: wireList(agreement.FieldPath(path, "attendees"), m.Attendees, func(path string, a *Attendee) attendeeWire {
			return attendeeWire{
				Party:           e.text(agreement.FieldPath(path, "party"), string(a.Party)),
				Level:           enumText(e, agreement.FieldPath(path, "level"), a.Level),
				Representatives: texts(e, agreement.FieldPath(path, "representatives"), a.Representatives),
			}
		}),
		Unnamed: wireList(agreement.FieldPath(path, "unnamed"), m.Unnamed, func(path string, h *Headcount) headcountWire {
			return headcountWire{Level: enumText(e, agreement.FieldPath(path, "level"), h.Level), Count: h.Count}
		}),
	}
}

func (e *encoder) contribution(path string, ct *Contribution, s sharedClause) contributionWire {
	w := contributionWire{
		ID:            e.text(agreement.FieldPath(path, "id"), string(ct.ID)),
		Contributor:   e.text(agreement.FieldPath(path, "contributor"), string(ct.Contributor)),
		Function:      e.text(agreement.FieldPath(path, "function"), string(ct.Function)),
		Text:          e.text(agreement.FieldPath(path, "text"), ct.Text),
		Quantities:    s.Quantities,
		Condition:     s.Trigger,
		Action:        s.Action,
		Beneficiaries: texts(e, agreement.FieldPath(path, "beneficiaries"), ct.Beneficiaries),
		Force:         enumText(e, agreement.FieldPath(path, "force"), ct.Force),
		Source:        s.Source,
	}
	if b := ct.Basing; b.Kind != BasingUnspecified || len(b.Areas) > 0 || b.Location != "" {
		bp := agreement.FieldPath(path, "basing")
		w.Basing = &basingWire{
			Kind:     enumText(e, agreement.FieldPath(bp, "kind"), b.Kind),
			Areas:    texts(e, agreement.FieldPath(bp, "areas"), b.Areas),
			Location: e.text(agreement.FieldPath(bp, "location"), b.Location),
		}
	}
	return w
}
