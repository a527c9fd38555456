package coalition

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// This file reads what a coalition document shares with agreement
// documents, with the same fields and rules: parties, fluents, ranges,
// sources, patterns, bounds and conditions.

var partyFields = []string{"id", "name", "kind", "roles"}

func (d *decoder) party(path string, v any) agreement.Party {
	var x agreement.Party
	d.members(path, v, partyFields, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = agreement.PartyID(d.str(p, v))
		case "name":
			x.Name = d.str(p, v)
		case "kind":
			x.Kind = enum[agreement.PartyKind](d, p, v, "party kind", true)
		case "roles":
			x.Roles = list(d, p, v, func(p string, v any) agreement.Role {
				return enum[agreement.Role](d, p, v, "role", false)
			})
		default:
			return false
		}
		return true
	})
	return x
}

var fluentFields = []string{"id", "initiates", "terminates", "initially"}

func (d *decoder) fluent(path string, v any) agreement.Fluent {
	var x agreement.Fluent
	d.members(path, v, fluentFields, func(k, p string, v any) bool {
		switch k {
		case "id":
			x.ID = agreement.FluentID(d.str(p, v))
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

var rangeFields = []string{"min", "max", "unit", "wording", "what", "class"}

func (d *decoder) rangeValue(path string, v any) agreement.Range {
	var r agreement.Range
	seen := d.members(path, v, rangeFields, func(k, p string, v any) bool {
		switch k {
		case "min":
			r.Min = d.decimal(p, v)
		case "max":
			r.Max = d.decimal(p, v)
		case "unit":
			r.Unit = agreement.Unit(d.str(p, v))
		case "wording":
			r.Wording = d.str(p, v)
		case "what":
			r.What = d.str(p, v)
		case "class":
			r.Class = agreement.ItemClassID(d.str(p, v))
		default:
			return false
		}
		return true
	})
	d.required(path, seen, "min", "max")
	return r
}

var sourceFields = []string{"document", "speaker", "date"}

func (d *decoder) source(path string, v any) agreement.Source {
	var s agreement.Source
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

var patternFields = []string{"kind", "actor", "group", "target", "area", "clause", "reporter", "attribution", "item",
	"class", "measure"}

func (d *decoder) pattern(path string, v any) agreement.Pattern {
	var x agreement.Pattern
	d.members(path, v, patternFields, func(k, p string, v any) bool {
		switch k {
		case "kind":
			x.Kind = agreement.EventKind(d.str(p, v))
		case "actor":
			x.Actor = agreement.PartyID(d.str(p, v))
		case "group":
			x.Group = agreement.GroupID(d.str(p, v))
		case "target":
			x.Target = agreement.PartyID(d.str(p, v))
		case "area":
			x.Area = agreement.AreaID(d.str(p, v))
		case "clause":
			x.Clause = d.ref(p, v)
		case "reporter":
			x.Reporter = agreement.PartyID(d.str(p, v))
		case "attribution":
			x.Attribution = enum[agreement.Attribution](d, p, v, "attribution", true)
		case "item":
			x.Item = d.str(p, v)
		case "class":
			x.Class = agreement.ItemClassID(d.str(p, v))
		case "measure":
			x.Measure = d.bound(p, v)
		default:
			return false
		}
		return true
	})
	return x
}

var boundFields = []string{"unit", "of", "min", "max", "minOpen", "maxOpen"}

// bound decodes a bound object with the constructors of [agreement.Bound],
// so that equal limits give equal bounds whatever their decimal text.
// "minOpen" and "maxOpen" qualify a limit: either without its limit is
// reported as the limit missing.
func (d *decoder) bound(path string, v any) agreement.Bound {
	var unit agreement.Unit
	var of string
	var lo, hi decimal.Decimal
	var minOpen, maxOpen bool
	seen := d.members(path, v, boundFields, func(k, p string, v any) bool {
		switch k {
		case "unit":
			unit = agreement.Unit(d.str(p, v))
		case "of":
			of = d.str(p, v)
		case "min":
			lo = d.decimal(p, v)
		case "max":
			hi = d.decimal(p, v)
		case "minOpen":
			minOpen = d.boolean(p, v)
		case "maxOpen":
			maxOpen = d.boolean(p, v)
		default:
			return false
		}
		return true
	})
	if seen == nil {
		return agreement.Bound{}
	}
	b := agreement.Measure(unit).Of(of)
	switch {
	case seen["min"] && minOpen:
		b = b.Above(lo)
	case seen["min"]:
		b = b.AtLeast(lo)
	case seen["minOpen"]:
		d.add(agreement.FieldPath(path, "min"), agreement.ErrMissing, `missing field "min" ("minOpen" qualifies the lower limit)`)
	}
	switch {
	case seen["max"] && maxOpen:
		b = b.Below(hi)
	case seen["max"]:
		b = b.AtMost(hi)
	case seen["maxOpen"]:
		d.add(agreement.FieldPath(path, "max"), agreement.ErrMissing, `missing field "max" ("maxOpen" qualifies the upper limit)`)
	}
	return b
}

func (d *decoder) states(path string, v any) []agreement.State {
	return list(d, path, v, func(p string, v any) agreement.State {
		return enum[agreement.State](d, p, v, "state", false)
	})
}

// conditionOps lists the operators of the condition language.
var conditionOps = []string{"happened", "holds", "clauseIn", "agreementIn", "before", "within", "since", "breached",
	"total", "level", "clock", "all", "any", "not", "atLeast"}

// condition decodes the condition v at path, nested depth deep (1 for a
// contribution's). JSON null is the nil condition.
func (d *decoder) condition(path string, v any, depth int) agreement.Condition {
	if v == nil {
		return nil
	}
	obj, ok := v.(*object)
	if !ok {
		d.wrongType(path, "object or null", v)
		return nil
	}
	if depth > agreement.MaxDepth {
		d.add(path, agreement.ErrInvalidValue, "condition nested too deeply (more than "+
			strconv.Itoa(agreement.MaxDepth)+" levels)")
		return nil
	}
	op := -1
	var ops []string
	for i, k := range obj.keys {
		if !slices.Contains(conditionOps, k) {
			d.add(agreement.FieldPath(path, k), agreement.ErrUnknownField, "unknown condition operator "+
				strconv.Quote(k)+suggestion(k, conditionOps))
			continue
		}
		ops = append(ops, strconv.Quote(k))
		if op < 0 {
			op = i
		}
	}
	switch {
	case len(obj.keys) == 0:
		d.add(path, agreement.ErrSyntax, "empty condition (want one of "+strings.Join(conditionOps, ", ")+")")
		return nil
	case len(ops) > 1:
		d.add(path, agreement.ErrSyntax, "a condition has exactly one operator, not "+strconv.Itoa(len(ops))+" ("+
			strings.Join(ops, ", ")+")")
		return nil
	case op < 0:
		return nil // every key was reported as unknown
	}
	return d.operator(path, obj.keys[op], obj.vals[op], depth)
}

func (d *decoder) operator(path, op string, v any, depth int) agreement.Condition {
	p := agreement.FieldPath(path, op)
	switch op {
	case "happened":
		return agreement.Happened(d.pattern(p, v))
	case "holds":
		return agreement.Holds(agreement.FluentID(d.str(p, v)))
	case "clauseIn":
		var ref agreement.Ref
		var debtor agreement.PartyID
		var states []agreement.State
		seen := d.members(p, v, []string{"clause", "debtor", "states"}, func(k, p string, v any) bool {
			switch k {
			case "clause":
				ref = d.ref(p, v)
			case "debtor":
				debtor = agreement.PartyID(d.str(p, v))
			case "states":
				states = d.states(p, v)
			default:
				return false
			}
			return true
		})
		d.required(p, seen, "clause")
		return agreement.ClauseInFor(ref, debtor, states...)
	case "breached":
		var ref agreement.Ref
		var k int
		var f agreement.BreachFilter
		seen := d.members(p, v, []string{"clause", "atLeast", "debtor", "within", "reporter", "attribution"},
			func(key, p string, v any) bool {
				switch key {
				case "clause":
					ref = d.ref(p, v)
				case "atLeast":
					k = d.integer(p, v)
				case "debtor":
					f.Debtor = agreement.PartyID(d.str(p, v))
				case "within":
					f.Within = d.duration(p, v)
				case "reporter":
					f.Reporter = agreement.PartyID(d.str(p, v))
				case "attribution":
					f.Attribution = enum[agreement.Attribution](d, p, v, "attribution", true)
				default:
					return false
				}
				return true
			})
		d.required(p, seen, "clause", "atLeast")
		return agreement.Breached(ref, k, f)
	case "total", "level":
		var event agreement.Pattern
		var b agreement.Bound
		seen := d.members(p, v, []string{"event", "bound"}, func(k, p string, v any) bool {
			switch k {
			case "event":
				event = d.pattern(p, v)
			case "bound":
				b = d.bound(p, v)
			default:
				return false
			}
			return true
		})
		d.required(p, seen, "bound")
		if op == "total" {
			return agreement.Total(event, b)
		}
		return agreement.Level(event, b)
	case "agreementIn":
		var id agreement.AgreementID
		var states []agreement.State
		d.members(p, v, []string{"agreement", "states"}, func(k, p string, v any) bool {
			switch k {
			case "agreement":
				id = agreement.AgreementID(d.str(p, v))
			case "states":
				states = d.states(p, v)
			default:
				return false
			}
			return true
		})
		return agreement.AgreementIn(id, states...)
	case "before":
		var first, then agreement.Pattern
		d.members(p, v, []string{"first", "then"}, func(k, p string, v any) bool {
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
		return agreement.Before(first, then)
	case "within", "since":
		var event agreement.Pattern
		var dur time.Duration
		seen := d.members(p, v, []string{"event", "duration"}, func(k, p string, v any) bool {
			switch k {
			case "event":
				event = d.pattern(p, v)
			case "duration":
				dur = d.duration(p, v)
			default:
				return false
			}
			return true
		})
		d.required(p, seen, "duration")
		if op == "within" {
			return agreement.Within(event, dur)
		}
		return agreement.Since(event, dur)
	case "clock":
		var from, until time.Time
		d.members(p, v, []string{"from", "until"}, func(k, p string, v any) bool {
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
		return agreement.Between(from, until)
	case "all":
		return agreement.All(d.conditions(p, v, depth)...)
	case "any":
		return agreement.Any(d.conditions(p, v, depth)...)
	case "not":
		return agreement.Not(d.condition(p, v, depth+1))
	case "atLeast":
		var k int
		var cs []agreement.Condition
		seen := d.members(p, v, []string{"k", "of"}, func(key, p string, v any) bool {
			switch key {
			case "k":
				k = d.integer(p, v)
			case "of":
				cs = d.conditions(p, v, depth)
			default:
				return false
			}
			return true
		})
		d.required(p, seen, "k")
		return agreement.AtLeast(k, cs...)
	}
	return nil // unreachable: op is one of conditionOps
}

func (d *decoder) conditions(path string, v any, depth int) []agreement.Condition {
	return list(d, path, v, func(p string, v any) agreement.Condition { return d.condition(p, v, depth+1) })
}
