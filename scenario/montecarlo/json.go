package montecarlo

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Version is the version of the JSON encoding of a [Model] that this
// package writes and reads.
const Version = 1

// maxDepth bounds the nesting of a decoded document.
const maxDepth = 64

// object is a decoded JSON object, its members in document order.
type object struct {
	keys []string
	vals []any
}

// parse reads one JSON value (and nothing after it) into a tree of
// *object, []any, json.Number, string, bool and nil.
func parse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := parseValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the document")
	}
	return v, nil
}

func parseValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("nested more than " + strconv.Itoa(maxDepth) + " deep")
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, errors.New("unexpected end of input")
		}
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			obj := &object{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				v, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				obj.keys, obj.vals = append(obj.keys, key), append(obj.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return obj, nil
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return arr, nil
		}
		return nil, errors.New("unexpected " + tok.String())
	}
	return tok, nil
}

// decoder converts a parsed tree to a Model, collecting every problem.
type decoder struct{ ve agreement.ValidationError }

func jsonType(v any) string {
	switch v.(type) {
	case *object:
		return "object"
	case []any:
		return "array"
	case json.Number:
		return "number"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "value"
}

func (d *decoder) wrong(path, want string, v any) {
	d.ve.Add(path, agreement.ErrSyntax, "want "+want+", got "+jsonType(v))
}

// The fields of each object of the encoding, by type: the keys members
// accepts, and suggests for a key it does not know.
var (
	modelFields        = []string{"$schema", "version", "processes"}
	processFields      = []string{"poisson", "scheduled"}
	poissonFields      = []string{"name", "perDay", "event", "modifiers"}
	modifierFields     = []string{"clause", "debtor", "states", "factor"}
	scheduledFields    = []string{"name", "after", "once", "delay", "outcomes"}
	outcomeFields      = []string{"probability", "event"}
	matchFields        = []string{"kind", "actor", "target", "area"}
	templateFields     = []string{"kind", "actor", "target", "reporter", "clause", "area", "outcome", "item", "quantities"}
	quantityFields     = []string{"value", "unit", "of"}
	distributionFields = []string{"constant", "piecewise", "weibull", "empirical", "uniform"}
	constantFields     = []string{"perDay"}
	piecewiseFields    = []string{"cuts", "perDay", "stdErrs"}
	weibullFields      = []string{"shape", "scale"}
	empiricalFields    = []string{"at", "survival"}
	uniformFields      = []string{"min", "max"}
)

// members calls fn for each member of object v. names lists the fields of
// the object's type: the one list by which members accepts a key and
// suggests, with agreement.Suggest, a field for a key it does not know. A
// key outside names, or one fn returns false for, is an unknown field;
// duplicates are problems too. It returns the keys seen, nil when v is not
// an object.
func (d *decoder) members(path string, v any, names []string, fn func(key, path string, v any) bool) map[string]bool {
	obj, ok := v.(*object)
	if !ok {
		d.wrong(path, "object", v)
		return nil
	}
	seen := make(map[string]bool, len(obj.keys))
	for i, k := range obj.keys {
		p := agreement.FieldPath(path, k)
		if seen[k] {
			d.ve.Add(p, agreement.ErrSyntax, "duplicate field "+strconv.Quote(k))
			continue
		}
		seen[k] = true
		if !slices.Contains(names, k) || !fn(k, p, obj.vals[i]) {
			msg := "unknown field " + strconv.Quote(k)
			if s, ok := agreement.Suggest(k, names); ok {
				msg += " (did you mean " + strconv.Quote(s) + "?)"
			}
			d.ve.Add(p, agreement.ErrUnknownField, msg)
		}
	}
	return seen
}

// exactlyOne reports whether seen, the keys of an object, holds exactly
// one of names, or holds none of them but holds unknown keys, which are
// reported already (the one meant is among them).
func exactlyOne(seen map[string]bool, names []string) bool {
	n := 0
	for _, k := range names {
		if seen[k] {
			n++
		}
	}
	return n == 1 || n == 0 && len(seen) > 0
}

func (d *decoder) require(path string, seen map[string]bool, names ...string) {
	if seen == nil {
		return
	}
	for _, n := range names {
		if !seen[n] {
			d.ve.Add(agreement.FieldPath(path, n), agreement.ErrMissing, "missing field "+strconv.Quote(n))
		}
	}
}

func (d *decoder) str(path string, v any) string {
	s, ok := v.(string)
	if !ok {
		d.wrong(path, "string", v)
	}
	return s
}

func (d *decoder) num(path string, v any) float64 {
	n, ok := v.(json.Number)
	if !ok {
		d.wrong(path, "number", v)
		return 0
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) {
		d.ve.Add(path, agreement.ErrInvalidValue, "number "+string(n)+" out of range")
		return 0
	}
	return f
}

func (d *decoder) boolean(path string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		d.wrong(path, "boolean", v)
	}
	return b
}

func (d *decoder) dur(path string, v any) time.Duration {
	s, ok := v.(string)
	if !ok {
		d.wrong(path, "duration string", v)
		return 0
	}
	t, err := agreement.ParseDuration(s)
	if err != nil {
		d.ve.Add(path, agreement.ErrInvalidValue, "invalid duration "+strconv.Quote(s))
	}
	return t
}

func (d *decoder) ref(path string, v any) agreement.Ref {
	s, ok := v.(string)
	if !ok {
		d.wrong(path, "reference string", v)
		return agreement.Ref{}
	}
	r, err := agreement.ParseRef(s)
	if err != nil {
		d.ve.Add(path, agreement.ErrInvalidID, "invalid reference "+strconv.Quote(s))
	}
	return r
}

func list[T any](d *decoder, path string, v any, fn func(path string, v any) T) []T {
	arr, ok := v.([]any)
	if !ok {
		d.wrong(path, "array", v)
		return nil
	}
	var out []T
	for i, x := range arr {
		out = append(out, fn(agreement.IndexPath(path, i), x))
	}
	return out
}

// DecodeModel reads a model from its JSON encoding, strictly: an object
// with "version" (which must be [Version]) and "processes", each process an
// object with exactly one of "poisson" and "scheduled", each delay an
// object with exactly one of "constant", "piecewise", "weibull",
// "empirical" and "uniform"; durations are strings as
// agreement.ParseDuration reads them ("72h", "30d"), states their names
// ("in-effect"), clause references as agreement.ParseRef reads them, an
// event's quantities as an event log writes them ([{"value": "15", "unit":
// "km", "of": "distance-from-line"}]). The document may also carry a
// top-level "$schema" string (the address of a JSON Schema, for an
// editor's completion), read and ignored: [Model.MarshalJSON] does not
// write it. Unknown fields (reported with the field meant, when one is
// near: `unknown field "perday" (did you mean "perDay"?)`), duplicate and missing
// fields ("version" and "processes" included), values of the wrong type or
// out of range, and anything [Model.Validate] rejects are errors: on
// failure it returns the zero Model and an error wrapping an
// *agreement.ValidationError (use errors.As) that lists every problem with
// its path ("processes[0].poisson.perDay"), those Model.Validate finds in
// what could be decoded included (but for values already reported), and
// reads "montecarlo: 2 problems: ...". It never panics and does not modify
// data.
func DecodeModel(data []byte) (Model, error) {
	tree, err := parse(data)
	if err != nil {
		var ve agreement.ValidationError
		ve.Add("", agreement.ErrSyntax, "malformed JSON: "+err.Error())
		return Model{}, wrapProblems(&ve)
	}
	var d decoder
	var m Model
	version, processes := false, false
	seen := d.members("", tree, modelFields, func(key, path string, v any) bool {
		switch key {
		case "$schema":
			d.str(path, v)
		case "version":
			n, ok := v.(json.Number)
			if !ok {
				d.wrong(path, "number", v)
			} else if string(n) != strconv.Itoa(Version) {
				d.ve.Add(path, agreement.ErrSchemaVersion, "unsupported version "+string(n)+", want "+strconv.Itoa(Version))
			}
			version = true
		case "processes":
			m.Processes = list(&d, path, v, d.process)
			processes = true
		default:
			return false
		}
		return true
	})
	if seen != nil && !version {
		d.ve.Add("version", agreement.ErrMissing, "missing field \"version\"")
	}
	if seen != nil && !processes {
		d.ve.Add("processes", agreement.ErrMissing, "missing field \"processes\"")
	}
	// The model's own problems, but those of a value the decoder already
	// found wrong (a process it could not read is missing to Validate).
	var vm agreement.ValidationError
	m.validate(&vm)
	decoded := len(d.ve.Problems)
	for _, pr := range vm.Problems {
		if !relatedPath(d.ve.Problems[:decoded], pr.Path) {
			d.ve.Add(pr.Path, pr.Err, pr.Msg)
		}
	}
	d.ve.Omitted += vm.Omitted
	if err := wrapProblems(&d.ve); err != nil {
		return Model{}, err
	}
	return m, nil
}

// relatedPath reports whether path is the path of one of ps, or inside it,
// or contains it.
func relatedPath(ps []*agreement.Problem, path string) bool {
	within := func(a, b string) bool { // a is b or inside b
		if b == "" || a == b {
			return true
		}
		return strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
	}
	for _, p := range ps {
		if p != nil && (within(path, p.Path) || within(p.Path, path)) {
			return true
		}
	}
	return false
}

// UnmarshalJSON implements encoding/json.Unmarshaler with DecodeModel: on
// failure it leaves *m unchanged.
func (m *Model) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	if m == nil {
		return errors.New("montecarlo: cannot decode into a nil *Model")
	}
	v, err := DecodeModel(data)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

func (d *decoder) process(path string, v any) Process {
	var p Process
	seen := d.members(path, v, processFields, func(key, path string, v any) bool {
		switch key {
		case "poisson":
			p = d.poisson(path, v)
		case "scheduled":
			p = d.scheduled(path, v)
		default:
			return false
		}
		return true
	})
	if seen != nil && !exactlyOne(seen, processFields) {
		d.ve.Add(path, agreement.ErrInvalidValue, "want exactly one of \"poisson\" and \"scheduled\"")
	}
	return p
}

func (d *decoder) poisson(path string, v any) *Poisson {
	p := &Poisson{}
	seen := d.members(path, v, poissonFields, func(key, path string, v any) bool {
		switch key {
		case "name":
			p.Name = d.str(path, v)
		case "perDay":
			p.PerDay = d.num(path, v)
		case "event":
			p.Event = d.template(path, v)
		case "modifiers":
			p.Modifiers = list(d, path, v, d.modifier)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "perDay", "event")
	return p
}

func (d *decoder) modifier(path string, v any) Modifier {
	var m Modifier
	seen := d.members(path, v, modifierFields, func(key, path string, v any) bool {
		switch key {
		case "clause":
			m.Clause = d.ref(path, v)
		case "debtor":
			m.Debtor = agreement.PartyID(d.str(path, v))
		case "states":
			m.States = list(d, path, v, d.state)
		case "factor":
			m.Factor = d.num(path, v)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "clause", "states", "factor")
	return m
}

func (d *decoder) state(path string, v any) agreement.State {
	var s agreement.State
	str, ok := v.(string)
	if !ok {
		d.wrong(path, "state name", v)
		return s
	}
	if err := s.UnmarshalText([]byte(str)); err != nil {
		// The message names the state meant and those allowed.
		msg := "unknown state " + strconv.Quote(str)
		var p *agreement.Problem
		if errors.As(err, &p) {
			msg = p.Msg
		}
		d.ve.Add(path, agreement.ErrInvalidValue, msg)
	}
	return s
}

func (d *decoder) scheduled(path string, v any) *Scheduled {
	s := &Scheduled{}
	seen := d.members(path, v, scheduledFields, func(key, path string, v any) bool {
		switch key {
		case "name":
			s.Name = d.str(path, v)
		case "after":
			m := d.match(path, v)
			s.After = &m
		case "once":
			s.Once = d.boolean(path, v)
		case "delay":
			s.Delay = d.distribution(path, v)
		case "outcomes":
			s.Outcomes = list(d, path, v, d.outcome)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "outcomes")
	return s
}

func (d *decoder) outcome(path string, v any) Outcome {
	var o Outcome
	seen := d.members(path, v, outcomeFields, func(key, path string, v any) bool {
		switch key {
		case "probability":
			o.Probability = d.num(path, v)
		case "event":
			o.Event = d.template(path, v)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "probability", "event")
	return o
}

func (d *decoder) match(path string, v any) Match {
	var m Match
	d.members(path, v, matchFields, func(key, path string, v any) bool {
		switch key {
		case "kind":
			m.Kind = agreement.EventKind(d.str(path, v))
		case "actor":
			m.Actor = agreement.PartyID(d.str(path, v))
		case "target":
			m.Target = agreement.PartyID(d.str(path, v))
		case "area":
			m.Area = agreement.AreaID(d.str(path, v))
		default:
			return false
		}
		return true
	})
	return m
}

func (d *decoder) template(path string, v any) Template {
	var t Template
	seen := d.members(path, v, templateFields, func(key, path string, v any) bool {
		switch key {
		case "kind":
			t.Kind = agreement.EventKind(d.str(path, v))
		case "actor":
			t.Actor = agreement.PartyID(d.str(path, v))
		case "target":
			t.Target = agreement.PartyID(d.str(path, v))
		case "reporter":
			t.Reporter = agreement.PartyID(d.str(path, v))
		case "clause":
			t.Clause = d.ref(path, v)
		case "area":
			t.Area = agreement.AreaID(d.str(path, v))
		case "outcome":
			t.Outcome = d.str(path, v)
		case "item":
			t.Item = d.str(path, v)
		case "quantities":
			t.Quantities = list(d, path, v, d.quantity)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "kind")
	return t
}

// quantity decodes {"value": "15", "unit": "km", "of": "distance-from-line"},
// as an event log writes a quantity.
func (d *decoder) quantity(path string, v any) agreement.Quantity {
	var value, unit, of string
	seen := d.members(path, v, quantityFields, func(key, path string, v any) bool {
		switch key {
		case "value":
			value = d.str(path, v)
		case "unit":
			unit = d.str(path, v)
		case "of":
			of = d.str(path, v)
		default:
			return false
		}
		return true
	})
	d.require(path, seen, "value")
	if seen == nil || !seen["value"] {
		return agreement.Quantity{}
	}
	q, err := agreement.ParseQuantity(value, agreement.Unit(unit))
	if err != nil {
		d.ve.Add(agreement.FieldPath(path, "value"), agreement.ErrInvalidValue, "invalid quantity "+strconv.Quote(value)+" "+strconv.Quote(unit))
		return agreement.Quantity{}
	}
	q.Of = of
	return q
}

func (d *decoder) distribution(path string, v any) Distribution {
	var out Distribution
	seen := d.members(path, v, distributionFields, func(key, path string, v any) bool {
		switch key {
		case "constant":
			var c Constant
			s := d.members(path, v, constantFields, func(key, path string, v any) bool {
				if key != "perDay" {
					return false
				}
				c.PerDay = d.num(path, v)
				return true
			})
			d.require(path, s, "perDay")
			out = c
		case "piecewise":
			var p Piecewise
			s := d.members(path, v, piecewiseFields, func(key, path string, v any) bool {
				switch key {
				case "cuts":
					p.Cuts = list(d, path, v, d.dur)
				case "perDay":
					p.PerDay = list(d, path, v, d.num)
				case "stdErrs":
					p.StdErrs = list(d, path, v, d.num)
				default:
					return false
				}
				return true
			})
			d.require(path, s, "perDay")
			out = p
		case "weibull":
			var w Weibull
			s := d.members(path, v, weibullFields, func(key, path string, v any) bool {
				switch key {
				case "shape":
					w.Shape = d.num(path, v)
				case "scale":
					w.Scale = d.dur(path, v)
				default:
					return false
				}
				return true
			})
			d.require(path, s, "shape", "scale")
			out = w
		case "empirical":
			var e Empirical
			s := d.members(path, v, empiricalFields, func(key, path string, v any) bool {
				switch key {
				case "at":
					e.At = list(d, path, v, d.dur)
				case "survival":
					e.Survival = list(d, path, v, d.num)
				default:
					return false
				}
				return true
			})
			d.require(path, s, "at", "survival")
			out = e
		case "uniform":
			var u Uniform
			s := d.members(path, v, uniformFields, func(key, path string, v any) bool {
				switch key {
				case "min":
					u.Min = d.dur(path, v)
				case "max":
					u.Max = d.dur(path, v)
				default:
					return false
				}
				return true
			})
			d.require(path, s, "min", "max")
			out = u
		default:
			return false
		}
		return true
	})
	if seen != nil && !exactlyOne(seen, distributionFields) {
		d.ve.Add(path, agreement.ErrInvalidValue, "want exactly one of \"constant\", \"piecewise\", \"weibull\", \"empirical\" and \"uniform\"")
	}
	return out
}

// The encoding's shapes, for MarshalJSON.
type (
	jsonModel struct {
		Version   int           `json:"version"`
		Processes []jsonProcess `json:"processes"`
	}
	jsonProcess struct {
		Poisson   *jsonPoisson   `json:"poisson,omitempty"`
		Scheduled *jsonScheduled `json:"scheduled,omitempty"`
	}
	jsonPoisson struct {
		Name      string         `json:"name,omitempty"`
		PerDay    float64        `json:"perDay"`
		Event     jsonTemplate   `json:"event"`
		Modifiers []jsonModifier `json:"modifiers,omitempty"`
	}
	jsonModifier struct {
		Clause agreement.Ref     `json:"clause"`
		Debtor agreement.PartyID `json:"debtor,omitempty"`
		States []agreement.State `json:"states"`
		Factor float64           `json:"factor"`
	}
	jsonScheduled struct {
		Name     string        `json:"name,omitempty"`
		After    *jsonMatch    `json:"after,omitempty"`
		Once     bool          `json:"once,omitempty"`
		Delay    *jsonDelay    `json:"delay,omitempty"`
		Outcomes []jsonOutcome `json:"outcomes"`
	}
	jsonMatch struct {
		Kind   agreement.EventKind `json:"kind,omitempty"`
		Actor  agreement.PartyID   `json:"actor,omitempty"`
		Target agreement.PartyID   `json:"target,omitempty"`
		Area   agreement.AreaID    `json:"area,omitempty"`
	}
	jsonOutcome struct {
		Probability float64      `json:"probability"`
		Event       jsonTemplate `json:"event"`
	}
	jsonTemplate struct {
		Kind       agreement.EventKind `json:"kind"`
		Actor      agreement.PartyID   `json:"actor,omitempty"`
		Target     agreement.PartyID   `json:"target,omitempty"`
		Reporter   agreement.PartyID   `json:"reporter,omitempty"`
		Clause     *agreement.Ref      `json:"clause,omitempty"`
		Area       agreement.AreaID    `json:"area,omitempty"`
		Outcome    string              `json:"outcome,omitempty"`
		Item       string              `json:"item,omitempty"`
		Quantities []jsonQuantity      `json:"quantities,omitempty"`
	}
	jsonQuantity struct {
		Value string `json:"value"`
		Unit  string `json:"unit,omitempty"`
		Of    string `json:"of,omitempty"`
	}
	jsonDelay struct {
		Constant  *jsonConstant  `json:"constant,omitempty"`
		Piecewise *jsonPiecewise `json:"piecewise,omitempty"`
		Weibull   *jsonWeibull   `json:"weibull,omitempty"`
		Empirical *jsonEmpirical `json:"empirical,omitempty"`
		Uniform   *jsonUniform   `json:"uniform,omitempty"`
	}
	jsonConstant struct {
		PerDay float64 `json:"perDay"`
	}
	jsonPiecewise struct {
		Cuts    []string  `json:"cuts,omitempty"`
		PerDay  []float64 `json:"perDay"`
		StdErrs []float64 `json:"stdErrs,omitempty"`
	}
	jsonWeibull struct {
		Shape float64 `json:"shape"`
		Scale string  `json:"scale"`
	}
	jsonEmpirical struct {
		At       []string  `json:"at"`
		Survival []float64 `json:"survival"`
	}
	jsonUniform struct {
		Min string `json:"min"`
		Max string `json:"max"`
	}
)

func durs(ds []time.Duration) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = agreement.FormatDuration(d)
	}
	return out
}

func tmplJSON(t Template) jsonTemplate {
	j := jsonTemplate{Kind: t.Kind, Actor: t.Actor, Target: t.Target, Reporter: t.Reporter, Area: t.Area, Outcome: t.Outcome, Item: t.Item}
	if t.Clause != (agreement.Ref{}) {
		r := t.Clause
		j.Clause = &r
	}
	for _, q := range t.Quantities {
		v := q.Value.String()
		if e := q.Value.Exponent(); e < 0 {
			v = q.Value.StringFixed(-e)
		}
		j.Quantities = append(j.Quantities, jsonQuantity{Value: v, Unit: string(q.Unit), Of: q.Of})
	}
	return j
}

// MarshalJSON implements encoding/json.Marshaler: it writes m in the
// encoding DecodeModel reads, with "version" [Version]. It returns
// m.Validate's error for a model that is not valid.
func (m Model) MarshalJSON() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	out := jsonModel{Version: Version, Processes: []jsonProcess{}}
	for _, p := range m.Processes {
		switch p := p.(type) {
		case *Poisson:
			jp := &jsonPoisson{Name: p.Name, PerDay: p.PerDay, Event: tmplJSON(p.Event)}
			for _, md := range p.Modifiers {
				jp.Modifiers = append(jp.Modifiers, jsonModifier(md))
			}
			out.Processes = append(out.Processes, jsonProcess{Poisson: jp})
		case *Scheduled:
			js := &jsonScheduled{Name: p.Name, Once: p.Once, Outcomes: []jsonOutcome{}}
			if p.After != nil {
				js.After = &jsonMatch{Kind: p.After.Kind, Actor: p.After.Actor, Target: p.After.Target, Area: p.After.Area}
			}
			js.Delay = delayJSON(p.Delay)
			for _, o := range p.Outcomes {
				js.Outcomes = append(js.Outcomes, jsonOutcome{Probability: o.Probability, Event: tmplJSON(o.Event)})
			}
			out.Processes = append(out.Processes, jsonProcess{Scheduled: js})
		}
	}
	return json.Marshal(out)
}

func delayJSON(d Distribution) *jsonDelay {
	if d == nil || isNilDistribution(d) {
		return nil
	}
	deref := func(d Distribution) Distribution {
		switch d := d.(type) {
		case *Constant:
			return *d
		case *Piecewise:
			return *d
		case *Weibull:
			return *d
		case *Empirical:
			return *d
		case *Uniform:
			return *d
		}
		return d
	}
	switch d := deref(d).(type) {
	case Constant:
		return &jsonDelay{Constant: &jsonConstant{PerDay: d.PerDay}}
	case Piecewise:
		return &jsonDelay{Piecewise: &jsonPiecewise{Cuts: durs(d.Cuts), PerDay: d.PerDay, StdErrs: d.StdErrs}}
	case Weibull:
		return &jsonDelay{Weibull: &jsonWeibull{Shape: d.Shape, Scale: agreement.FormatDuration(d.Scale)}}
	case Empirical:
		return &jsonDelay{Empirical: &jsonEmpirical{At: durs(d.At), Survival: d.Survival}}
	case Uniform:
		return &jsonDelay{Uniform: &jsonUniform{Min: agreement.FormatDuration(d.Min), Max: agreement.FormatDuration(d.Max)}}
	}
	return nil
}
