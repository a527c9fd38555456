package agreement

import (
	"time"
)

// EventLog is a record of events from a start instant, as a JSON document
// holds it: the form in which package scenario's Timeline is written and
// read (scenario.DecodeTimeline sorts the events and requires a start; an
// EventLog does neither). Its codec lives here, beside the agreement's,
// because it shares the agreement's encoding of instants, decimals,
// references and enumerations, and its strict decoder.
//
// Events are kept in the order given. The zero value is an empty log with no
// start. An EventLog is a plain value: safe for concurrent reads, and its
// methods do not modify it (except UnmarshalJSON, which replaces it).
type EventLog struct {
	// Start is the instant the log starts at; zero for none.
	Start time.Time
	// Events are the events in the order recorded.
	Events []Event
	// Zone is the zone in which the document's plain dates ("2024-03-01")
	// are read: local midnight at the start of that day. The zero Zone
	// means UTC. Decoded instants are in UTC whatever it is.
	Zone Zone
	// Amendments are changes to the agreements' texts taking effect
	// during the log, in the order recorded.
	Amendments []Amendment
}

type eventLogWire struct {
	Schema     int             `json:"schema"`
	Zone       string          `json:"zone,omitempty"`
	Start      string          `json:"start,omitempty"`
	Events     []eventWire     `json:"events,omitempty"`
	Amendments []amendmentWire `json:"amendments,omitempty"`
}

// amendmentWire is an [Amendment]: its text is an agreement object
// without "schema", as in a process document.
type amendmentWire struct {
	At    string        `json:"at"`
	Label string        `json:"label,omitempty"`
	Text  agreementWire `json:"text"`
}

type eventWire struct {
	ID          string         `json:"id,omitempty"`
	At          string         `json:"at"`
	Kind        string         `json:"kind"`
	Actor       string         `json:"actor,omitempty"`
	Target      string         `json:"target,omitempty"`
	Clause      string         `json:"clause,omitempty"`
	Area        string         `json:"area,omitempty"`
	Quantities  []quantityWire `json:"quantities,omitempty"`
	Outcome     string         `json:"outcome,omitempty"`
	Reporter    string         `json:"reporter,omitempty"`
	Attribution string         `json:"attribution,omitempty"`
	Item        string         `json:"item,omitempty"`
	Revises     string         `json:"revises,omitempty"`
	Period      string         `json:"period,omitempty"`
}

type quantityWire struct {
	Value string `json:"value"`
	Unit  string `json:"unit,omitempty"`
	Of    string `json:"of,omitempty"`
}

// The fields of each object of the encoding, by type: the keys members
// accepts, and suggests for a key it does not know.
var (
	eventLogFields  = []string{"$schema", "schema", "zone", "start", "events", "amendments"}
	eventFields     = []string{"id", "at", "kind", "actor", "target", "clause", "area", "quantities", "outcome", "reporter", "attribution", "item", "revises", "period"}
	amendmentFields = []string{"at", "label", "text"}
	quantityFields  = []string{"value", "unit", "of"}
)

// MarshalJSON implements [json.Marshaler]: it writes l as {"schema": 1,
// "zone": ..., "start": ..., "events": [...], "amendments": [...]}, each
// event as {"id", "at", "kind", "actor", "target", "clause", "area",
// "quantities": [{"value": "5", "unit": "percent", "of": "calibre"}],
// "outcome", "reporter", "attribution", "item", "revises", "period": "60d"},
// and each amendment as {"at", "label", "text": agreement}, with the
// encodings of instants, decimals, periods, references and enumerations
// described at [SchemaVersion]. An amendment's "text" is the amended
// agreement encoded as [Agreement.MarshalJSON] does but without its own
// "schema" member, as an agreement nested in a process document is: the
// log's "schema" covers it. A "$schema" the decoded document carried is not
// written. Empty fields other than "at", "kind", a
// quantity's "value" and an amendment's "text" are omitted, and "start" for
// the zero instant. It does not validate l. It returns a *ValidationError
// (with [ErrInvalidValue] problems, each with its path) only for what has
// no encoding: an event or an amendment with no instant, an instant outside
// the years 0 to 9999 in UTC, a string that is not valid UTF-8, an
// attribution outside its declared set, a decimal longer than 1000
// characters, a period [ParsePeriod] would not read back, and in an
// amendment's text whatever [Agreement.MarshalJSON] cannot encode (at
// "amendments[k].text...."). It does not modify l and is safe for
// concurrent use.
func (l EventLog) MarshalJSON() ([]byte, error) {
	var e encoder
	w := eventLogWire{Schema: SchemaVersion, Zone: e.text("zone", string(l.Zone)),
		Start: e.instant("start", l.Start)}
	for i, ev := range l.Events {
		p := idx("events", i)
		ew := eventWire{
			ID:          e.text(field(p, "id"), string(ev.ID)),
			At:          e.instant(field(p, "at"), ev.At),
			Kind:        e.text(field(p, "kind"), string(ev.Kind)),
			Actor:       e.text(field(p, "actor"), string(ev.Actor)),
			Target:      e.text(field(p, "target"), string(ev.Target)),
			Area:        e.text(field(p, "area"), string(ev.Area)),
			Outcome:     e.text(field(p, "outcome"), ev.Outcome),
			Reporter:    e.text(field(p, "reporter"), string(ev.Reporter)),
			Attribution: enum(&e, field(p, "attribution"), attributionNames, "Attribution", ev.Attribution, true),
			Item:        e.text(field(p, "item"), ev.Item),
			Revises:     e.text(field(p, "revises"), string(ev.Revises)),
			Period:      e.period(field(p, "period"), ev.Period),
		}
		if ev.At.IsZero() {
			e.cannot(field(p, "at"), "an event without an instant")
		}
		if ev.Clause != (Ref{}) {
			ew.Clause = e.text(field(p, "clause"), ev.Clause.String())
		}
		for j, q := range ev.Quantities {
			qp := idx(field(p, "quantities"), j)
			ew.Quantities = append(ew.Quantities, quantityWire{
				Value: e.decimal(field(qp, "value"), q.Value),
				Unit:  e.text(field(qp, "unit"), string(q.Unit)),
				Of:    e.text(field(qp, "of"), q.Of),
			})
		}
		w.Events = append(w.Events, ew)
	}
	w.Amendments = wireList("amendments", l.Amendments, func(p string, a *Amendment) amendmentWire {
		if a.At.IsZero() {
			e.cannot(field(p, "at"), "an amendment without an instant")
		}
		return amendmentWire{
			At:    e.instant(field(p, "at"), a.At),
			Label: e.text(field(p, "label"), a.Label),
			Text:  e.agreement(field(p, "text"), &a.Text),
		}
	})
	return e.marshal(w)
}

// DecodeEventLog reads an event log written by [EventLog.MarshalJSON], with
// the rules of [DecodeAgreement]: unknown fields, unknown enum names, a
// missing or other schema version, malformed instants, decimals and
// references are reported together, each with its path ("events[3].at"),
// syntax errors with their line and column; an unknown field or enumeration
// name is reported with the one meant, when one is near (`unknown field
// "actr" (did you mean "actor"?)`). The document may carry a top-level
// "$schema" string, read and ignored as an agreement document's
// ([SchemaVersion]); an amendment's text may not. Instants may also be plain
// dates ("2024-03-01"), read in the log's "zone" (UTC when it has none). Each event must have an instant
// and a well-formed kind; its id and the id it revises, when present, must
// be well formed ([EventID.Valid]); its quantities must not be negative,
// and their units and names must be well formed; its period, when present,
// must be a period [ParsePeriod] reads. Each amendment must have an instant
// ("at", read as an event's) and a "text": an agreement object decoded as
// in a process document, without "schema" ([ErrUnknownField] if present),
// its plain dates read in its own zone, else UTC, not in the log's. Whether
// the parties, clauses, areas and earlier events an event names exist,
// whether a period belongs on its kind, and whether an amendment's text is
// valid and names an agreement replayed, is for the agreements the log is
// replayed over, and the timeline holding it, to say. On failure it returns the zero EventLog and a
// *ValidationError listing every problem. It never panics, does not modify
// data, returns values that share no memory with it, and is safe for
// concurrent use.
func DecodeEventLog(data []byte) (EventLog, error) {
	return decodeDocument(data, (*decoder).eventLog, nil)
}

// UnmarshalJSON implements [json.Unmarshaler] with [DecodeEventLog]: it
// replaces *l with the event log in data, or returns the *ValidationError
// listing every problem and leaves *l unchanged. As for
// [Agreement.UnmarshalJSON], the JSON literal null leaves *l unchanged and
// is not an error, and called by encoding/json it receives the log's own
// JSON value (which must carry "schema"), after encoding/json has reported
// any malformed JSON itself. The decoded log shares no memory with data.
func (l *EventLog) UnmarshalJSON(data []byte) error {
	return UnmarshalJSONWith(l, data, DecodeEventLog)
}

// eventLog decodes an event log document, whose "schema" document has
// checked.
func (d *decoder) eventLog(doc *object) EventLog {
	var l EventLog
	defer d.inZone(doc)()
	d.members("", doc, eventLogFields, func(k, path string, v any) bool {
		switch k {
		case "schema": // checked by document
		case "$schema":
			d.str(path, v)
		case "zone":
			l.Zone = d.zone(path, v)
		case "start":
			l.Start = d.instant(path, v)
		case "events":
			l.Events = list(d, path, v, d.event)
		case "amendments":
			l.Amendments = list(d, path, v, d.amendment)
		default:
			return false
		}
		return true
	})
	return l
}

func (d *decoder) event(path string, v any) Event {
	var ev Event
	seen := map[string]bool{}
	d.members(path, v, eventFields, func(k, p string, v any) bool {
		seen[k] = true
		switch k {
		case "id":
			ev.ID = EventID(d.str(p, v))
			if ev.ID != "" && !ev.ID.Valid() {
				d.add(p, ErrInvalidID, "invalid event id "+quote(string(ev.ID)))
			}
		case "at":
			ev.At = d.instant(p, v)
		case "kind":
			ev.Kind = EventKind(d.str(p, v))
			if ev.Kind != "" && !ev.Kind.Valid() {
				d.add(p, ErrInvalidID, "invalid event kind "+quote(string(ev.Kind)))
			}
		case "actor":
			ev.Actor = PartyID(d.str(p, v))
		case "target":
			ev.Target = PartyID(d.str(p, v))
		case "clause":
			ev.Clause = d.ref(p, v)
		case "area":
			ev.Area = AreaID(d.str(p, v))
		case "quantities":
			ev.Quantities = list(d, p, v, d.quantity)
		case "outcome":
			ev.Outcome = d.str(p, v)
		case "reporter":
			ev.Reporter = PartyID(d.str(p, v))
		case "attribution":
			ev.Attribution = decodeEnum[Attribution](d, p, v, attributionNames, "attribution", true)
		case "item":
			ev.Item = d.str(p, v)
		case "revises":
			ev.Revises = EventID(d.str(p, v))
			if ev.Revises != "" && !ev.Revises.Valid() {
				d.add(p, ErrInvalidID, "invalid event id "+quote(string(ev.Revises)))
			}
		case "period":
			ev.Period = d.period(p, v)
		default:
			return false
		}
		return true
	})
	if _, isObj := v.(*object); isObj {
		if !seen["at"] {
			d.add(field(path, "at"), ErrMissing, "missing instant")
		}
		if !seen["kind"] || ev.Kind == "" {
			d.add(field(path, "kind"), ErrMissing, "missing event kind")
		}
	}
	return ev
}

// amendment decodes an amendment of an event log: its instant, read as an
// event's, its label, and its text, an agreement object without "schema"
// whose plain dates are read as in an agreement document (in its own zone,
// else UTC), not in the log's zone.
func (d *decoder) amendment(path string, v any) Amendment {
	var a Amendment
	var hasAt, hasText bool
	if !d.members(path, v, amendmentFields, func(k, p string, v any) bool {
		switch k {
		case "at":
			a.At, hasAt = d.instant(p, v), true
		case "label":
			a.Label = d.str(p, v)
		case "text":
			loc := d.loc
			d.loc = nil
			a.Text, hasText = d.agreement(p, v, false), true
			d.loc = loc
		default:
			return false
		}
		return true
	}) {
		return a
	}
	if !hasAt {
		d.add(field(path, "at"), ErrMissing, "missing instant")
	}
	d.required(path, "text", hasText)
	return a
}

func (d *decoder) quantity(path string, v any) Quantity {
	var q Quantity
	hasValue := false
	d.members(path, v, quantityFields, func(k, p string, v any) bool {
		switch k {
		case "value":
			q.Value, hasValue = d.decimal(p, v), true
		case "unit":
			q.Unit = Unit(d.str(p, v))
			if !q.Unit.Valid() {
				d.add(p, ErrInvalidValue, "invalid unit "+quote(string(q.Unit)))
			}
		case "of":
			q.Of = d.str(p, v)
			if q.Of != "" && !validKindName(q.Of) {
				d.add(p, ErrInvalidValue, "invalid quantity name "+quote(q.Of))
			}
		default:
			return false
		}
		return true
	})
	if _, isObj := v.(*object); isObj && !hasValue {
		d.add(field(path, "value"), ErrMissing, "missing value")
	}
	if q.Value.IsNegative() {
		d.add(field(path, "value"), ErrNegative, "negative quantity "+q.Value.String())
	}
	return q
}
