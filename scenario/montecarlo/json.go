package montecarlo

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Version is the version of the JSON encoding of a [Model] that this
// package writes and reads.
const Version = 1

// decoder converts a parsed document to a Model with an
// [agreement.JSONReader], collecting every problem.
type decoder struct{ r agreement.JSONReader }

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

// exactlyOne reports whether fields, those of an object, hold exactly one
// of names, or none of them but unknown fields, which are reported
// already (the one meant is among them).
func exactlyOne(fields, names []string) bool {
	n := 0
	for _, k := range names {
		if slices.Contains(fields, k) {
			n++
		}
	}
	return n == 1 || n == 0 && len(fields) > 0
}

// list decodes the array v at path element by element; an empty array
// decodes to nil.
func list[T any](d *decoder, path string, v agreement.JSONValue, fn func(path string, v agreement.JSONValue) T) []T {
	return agreement.JSONList(&d.r, path, v, fn)
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
	var d decoder
	var m Model
	tree, ok := d.r.Parse(data)
	if !ok {
		return Model{}, d.problems()
	}
	version, processes := false, false
	if d.r.Object("", tree, modelFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "version":
			d.r.Version(path, v, Version)
			version = true
		case "processes":
			m.Processes = list(&d, path, v, d.process)
			processes = true
		default:
			return d.r.SchemaMember(key, path, v)
		}
		return true
	}) {
		d.r.Required("", "version", version)
		d.r.Required("", "processes", processes)
	}
	// The model's own problems, but those of a value the decoder already
	// found wrong (a process it could not read is missing to Validate).
	var vm agreement.ValidationError
	m.validate(&vm)
	d.r.Validated(vm.Err())
	if err := d.problems(); err != nil {
		return Model{}, err
	}
	return m, nil
}

// problems returns nil, or the problems found, wrapped.
func (d *decoder) problems() error {
	var ve *agreement.ValidationError
	if !errors.As(d.r.Err(), &ve) {
		return nil
	}
	return wrapProblems(ve)
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

func (d *decoder) process(path string, v agreement.JSONValue) Process {
	var p Process
	isObject := d.r.Object(path, v, processFields, func(key, path string, v agreement.JSONValue) bool {
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
	if isObject && !exactlyOne(v.Fields(), processFields) {
		d.r.Add(path, agreement.ErrInvalidValue, "want exactly one of \"poisson\" and \"scheduled\"")
	}
	return p
}

func (d *decoder) poisson(path string, v agreement.JSONValue) *Poisson {
	p := &Poisson{}
	d.r.Object(path, v, poissonFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "name":
			p.Name = d.r.String(path, v)
		case "perDay":
			p.PerDay = d.r.Float(path, v)
		case "event":
			p.Event = d.template(path, v)
		case "modifiers":
			p.Modifiers = list(d, path, v, d.modifier)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "perDay", "event")
	return p
}

func (d *decoder) modifier(path string, v agreement.JSONValue) Modifier {
	var m Modifier
	d.r.Object(path, v, modifierFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "clause":
			m.Clause = d.r.Ref(path, v)
		case "debtor":
			m.Debtor = agreement.PartyID(d.r.String(path, v))
		case "states":
			m.States = list(d, path, v, d.states)
		case "factor":
			m.Factor = d.r.Float(path, v)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "clause", "states", "factor")
	return m
}

// states reads a state's name.
func (d *decoder) states(path string, v agreement.JSONValue) agreement.State {
	return agreement.JSONEnum[agreement.State](&d.r, path, v, "state")
}

func (d *decoder) scheduled(path string, v agreement.JSONValue) *Scheduled {
	s := &Scheduled{}
	d.r.Object(path, v, scheduledFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "name":
			s.Name = d.r.String(path, v)
		case "after":
			m := d.match(path, v)
			s.After = &m
		case "once":
			s.Once = d.r.Bool(path, v)
		case "delay":
			s.Delay = d.distribution(path, v)
		case "outcomes":
			s.Outcomes = list(d, path, v, d.outcome)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "outcomes")
	return s
}

func (d *decoder) outcome(path string, v agreement.JSONValue) Outcome {
	var o Outcome
	d.r.Object(path, v, outcomeFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "probability":
			o.Probability = d.r.Float(path, v)
		case "event":
			o.Event = d.template(path, v)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "probability", "event")
	return o
}

func (d *decoder) match(path string, v agreement.JSONValue) Match {
	var m Match
	d.r.Object(path, v, matchFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "kind":
			m.Kind = agreement.EventKind(d.r.String(path, v))
		case "actor":
			m.Actor = agreement.PartyID(d.r.String(path, v))
		case "target":
			m.Target = agreement.PartyID(d.r.String(path, v))
		case "area":
			m.Area = agreement.AreaID(d.r.String(path, v))
		default:
			return false
		}
		return true
	})
	return m
}

func (d *decoder) template(path string, v agreement.JSONValue) Template {
	var t Template
	d.r.Object(path, v, templateFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "kind":
			t.Kind = agreement.EventKind(d.r.String(path, v))
		case "actor":
			t.Actor = agreement.PartyID(d.r.String(path, v))
		case "target":
			t.Target = agreement.PartyID(d.r.String(path, v))
		case "reporter":
			t.Reporter = agreement.PartyID(d.r.String(path, v))
		case "clause":
			t.Clause = d.r.Ref(path, v)
		case "area":
			t.Area = agreement.AreaID(d.r.String(path, v))
		case "outcome":
			t.Outcome = d.r.String(path, v)
		case "item":
			t.Item = d.r.String(path, v)
		case "quantities":
			t.Quantities = list(d, path, v, d.quantity)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "kind")
	return t
}

// quantity decodes {"value": "15", "unit": "km", "of": "distance-from-line"},
// as an event log writes a quantity.
func (d *decoder) quantity(path string, v agreement.JSONValue) agreement.Quantity {
	var value, unit, of string
	isObject := d.r.Object(path, v, quantityFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "value":
			value = d.r.String(path, v)
		case "unit":
			unit = d.r.String(path, v)
		case "of":
			of = d.r.String(path, v)
		default:
			return false
		}
		return true
	})
	d.r.RequiredFields(path, v, "value")
	if !isObject || !slices.Contains(v.Fields(), "value") {
		return agreement.Quantity{}
	}
	q, err := agreement.ParseQuantity(value, agreement.Unit(unit))
	if err != nil {
		d.r.Add(agreement.FieldPath(path, "value"), agreement.ErrInvalidValue, "invalid quantity "+strconv.Quote(value)+" "+strconv.Quote(unit))
		return agreement.Quantity{}
	}
	q.Of = of
	return q
}

func (d *decoder) distribution(path string, v agreement.JSONValue) Distribution {
	var out Distribution
	isObject := d.r.Object(path, v, distributionFields, func(key, path string, v agreement.JSONValue) bool {
		switch key {
		case "constant":
			var c Constant
			d.r.Object(path, v, constantFields, func(key, path string, v agreement.JSONValue) bool {
				if key != "perDay" {
					return false
				}
				c.PerDay = d.r.Float(path, v)
				return true
			})
			d.r.RequiredFields(path, v, "perDay")
			out = c
		case "piecewise":
			var p Piecewise
			d.r.Object(path, v, piecewiseFields, func(key, path string, v agreement.JSONValue) bool {
				switch key {
				case "cuts":
					p.Cuts = list(d, path, v, d.r.Duration)
				case "perDay":
					p.PerDay = list(d, path, v, d.r.Float)
				case "stdErrs":
					p.StdErrs = list(d, path, v, d.r.Float)
				default:
					return false
				}
				return true
			})
			d.r.RequiredFields(path, v, "perDay")
			out = p
		case "weibull":
			var w Weibull
			d.r.Object(path, v, weibullFields, func(key, path string, v agreement.JSONValue) bool {
				switch key {
				case "shape":
					w.Shape = d.r.Float(path, v)
				case "scale":
					w.Scale = d.r.Duration(path, v)
				default:
					return false
				}
				return true
			})
			d.r.RequiredFields(path, v, "shape", "scale")
			out = w
		case "empirical":
			var e Empirical
			d.r.Object(path, v, empiricalFields, func(key, path string, v agreement.JSONValue) bool {
				switch key {
				case "at":
					e.At = list(d, path, v, d.r.Duration)
				case "survival":
					e.Survival = list(d, path, v, d.r.Float)
				default:
					return false
				}
				return true
			})
			d.r.RequiredFields(path, v, "at", "survival")
			out = e
		case "uniform":
			var u Uniform
			d.r.Object(path, v, uniformFields, func(key, path string, v agreement.JSONValue) bool {
				switch key {
				case "min":
					u.Min = d.r.Duration(path, v)
				case "max":
					u.Max = d.r.Duration(path, v)
				default:
					return false
				}
				return true
			})
			d.r.RequiredFields(path, v, "min", "max")
			out = u
		default:
			return false
		}
		return true
	})
	if isObject && !exactlyOne(v.Fields(), distributionFields) {
		d.r.Add(path, agreement.ErrInvalidValue, "want exactly one of \"constant\", \"piecewise\", \"weibull\", \"empirical\" and \"uniform\"")
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
