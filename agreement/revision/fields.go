package revision

import (
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/shopspring/decimal"
)

// diffField is one field of an item of type T: its JSON name, its name for
// people, and access to a copy of its value.
type diffField[T any] struct {
	name  string
	label string
	get   func(*T) any
	set   func(*T, any) bool // false when the value has the wrong type
}

// newField builds a field reached through at, whose values go in and out as
// copies made by clone.
func newField[T, V any](name, label string, at func(*T) *V, clone func(V) V) diffField[T] {
	return diffField[T]{
		name:  name,
		label: label,
		get:   func(x *T) any { return clone(*at(x)) },
		set: func(x *T, v any) bool {
			if v == nil {
				var zero V
				if any(zero) != nil {
					return false // only an interface type (agreement.Condition) takes nil
				}
				*at(x) = zero
				return true
			}
			w, ok := v.(V)
			if ok {
				*at(x) = clone(w)
			}
			return ok
		},
	}
}

// valueField builds a field whose values share nothing: ids, text, enums,
// instants, decimals, and conditions, which are immutable.
func valueField[T, V any](name, label string, at func(*T) *V) diffField[T] {
	return newField(name, label, at, func(v V) V { return v })
}

// listField builds a field holding a slice, copied in and out.
func listField[T, E any](name, label string, at func(*T) *[]E) diffField[T] {
	return newField(name, label, at, slices.Clone[[]E])
}

// pointerField builds a field holding an optional value by pointer, copied
// in and out.
func pointerField[T, E any](name, label string, at func(*T) **E) diffField[T] {
	return newField(name, label, at, func(p *E) *E {
		if p == nil {
			return nil
		}
		c := *p
		return &c
	})
}

// cloneRecurrence copies r with a pattern of its own.
func cloneRecurrence(r agreement.Recurrence) agreement.Recurrence {
	if r.On != nil {
		p := *r.On
		r.On = &p
	}
	return r
}

// itemList describes one list of an agreement for Diff and Apply.
type itemList[T any] struct {
	item   Item
	id     func(*T) string
	fields []diffField[T]
	clone  func(T) T
}

// equal reports whether two items have the same id and equal fields.
func (l *itemList[T]) equal(x, y *T) bool {
	if l.id(x) != l.id(y) {
		return false
	}
	for _, f := range l.fields {
		if !equalValues(f.get(x), f.get(y)) {
			return false
		}
	}
	return true
}

// FieldLabel returns the name for people of the field c modifies, such as
// "sub-stage" for "subStage" or "entry into force" for "entryIntoForce"; the
// field name itself when it is unknown, and "" when c names no field.
func (c Change) FieldLabel() string {
	if c.Field == "" {
		return ""
	}
	return fieldLabel(c.Item, c.Field)
}

// fieldLabel returns the name for people of a field of an item kind, or the
// field name itself when it is unknown.
func fieldLabel(it Item, name string) string {
	var labels func(string) (string, bool)
	switch it {
	case ItemAgreement:
		labels = labelIn(agreementFields)
	case ItemParty:
		labels = labelIn(partyList.fields)
	case ItemGroup:
		labels = labelIn(groupList.fields)
	case ItemSignature:
		labels = labelIn(signatureList.fields)
	case ItemClause:
		labels = labelIn(clauseList.fields)
	case ItemFluent:
		labels = labelIn(fluentList.fields)
	case ItemArea:
		labels = labelIn(areaList.fields)
	case ItemOption:
		labels = labelIn(optionList.fields)
	case ItemItemClass:
		labels = labelIn(itemClassList.fields)
	default:
		return name
	}
	if l, ok := labels(name); ok {
		return l
	}
	return name
}

func labelIn[T any](fs []diffField[T]) func(string) (string, bool) {
	return func(name string) (string, bool) {
		f, ok := findDiffField(fs, name)
		return f.label, ok
	}
}

// The fields compared, by item kind, in the order of their structs. These
// tables are never modified.
var (
	agreementFields = []diffField[agreement.Agreement]{
		valueField("id", "id", func(a *agreement.Agreement) *agreement.AgreementID { return &a.ID }),
		valueField("title", "title", func(a *agreement.Agreement) *string { return &a.Title }),
		valueField("date", "date", func(a *agreement.Agreement) *time.Time { return &a.Date }),
		valueField("stage", "stage", func(a *agreement.Agreement) *agreement.Stage { return &a.Stage }),
		valueField("subStage", "sub-stage", func(a *agreement.Agreement) *agreement.SubStage { return &a.SubStage }),
		valueField("signingStatus", "signing status", func(a *agreement.Agreement) *agreement.SigningStatus { return &a.SigningStatus }),
		valueField("entryIntoForce", "entry into force", func(a *agreement.Agreement) *agreement.Condition { return &a.EntryIntoForce }),
		valueField("inForceAt", "in force at", func(a *agreement.Agreement) *agreement.Deadline { return &a.InForceAt }),
		listField("signatories", "signatories", func(a *agreement.Agreement) *[]agreement.PartyID { return &a.Signatories }),
		valueField("zone", "time zone", func(a *agreement.Agreement) *agreement.Zone { return &a.Zone }),
		valueField("term", "term", func(a *agreement.Agreement) *agreement.Term { return &a.Term }),
	}

	partyList = itemList[agreement.Party]{
		item: ItemParty,
		id:   func(p *agreement.Party) string { return string(p.ID) },
		fields: []diffField[agreement.Party]{
			valueField("name", "name", func(p *agreement.Party) *string { return &p.Name }),
			valueField("kind", "kind", func(p *agreement.Party) *agreement.PartyKind { return &p.Kind }),
			listField("roles", "roles", func(p *agreement.Party) *[]agreement.Role { return &p.Roles }),
		},
		clone: func(p agreement.Party) agreement.Party { p.Roles = slices.Clone(p.Roles); return p },
	}

	groupList = itemList[agreement.Group]{
		item: ItemGroup,
		id:   func(g *agreement.Group) string { return string(g.ID) },
		fields: []diffField[agreement.Group]{
			valueField("name", "name", func(g *agreement.Group) *string { return &g.Name }),
			listField("members", "members", func(g *agreement.Group) *[]agreement.PartyID { return &g.Members }),
		},
		clone: func(g agreement.Group) agreement.Group { g.Members = slices.Clone(g.Members); return g },
	}

	signatureList = itemList[agreement.Signature]{
		item: ItemSignature,
		id:   func(s *agreement.Signature) string { return string(s.Party) },
		fields: []diffField[agreement.Signature]{
			valueField("signatory", "signatory", func(s *agreement.Signature) *string { return &s.Signatory }),
			valueField("capacity", "capacity", func(s *agreement.Signature) *string { return &s.Capacity }),
			valueField("date", "date", func(s *agreement.Signature) *time.Time { return &s.Date }),
		},
		clone: func(s agreement.Signature) agreement.Signature { return s },
	}

	clauseList = itemList[agreement.Clause]{
		item: ItemClause,
		id:   func(c *agreement.Clause) string { return string(c.ID) },
		fields: []diffField[agreement.Clause]{
			valueField("text", "text", func(c *agreement.Clause) *string { return &c.Text }),
			valueField("source", "source", func(c *agreement.Clause) *agreement.Source { return &c.Source }),
			valueField("kind", "kind", func(c *agreement.Clause) *agreement.Deontic { return &c.Kind }),
			valueField("force", "force", func(c *agreement.Clause) *agreement.Force { return &c.Force }),
			valueField("category", "category", func(c *agreement.Clause) *agreement.Category { return &c.Category }),
			listField("debtors", "debtors", func(c *agreement.Clause) *[]agreement.PartyID { return &c.Debtors }),
			valueField("joint", "joint", func(c *agreement.Clause) *bool { return &c.Joint }),
			listField("creditors", "creditors", func(c *agreement.Clause) *[]agreement.PartyID { return &c.Creditors }),
			pointerField("action", "action", func(c *agreement.Clause) **agreement.Pattern { return &c.Action }),
			listField("quantities", "quantities", func(c *agreement.Clause) *[]agreement.Range { return &c.Quantities }),
			valueField("trigger", "trigger", func(c *agreement.Clause) *agreement.Condition { return &c.Trigger }),
			valueField("antecedent", "antecedent", func(c *agreement.Clause) *agreement.Condition { return &c.Antecedent }),
			valueField("deadline", "deadline", func(c *agreement.Clause) *agreement.Deadline { return &c.Deadline }),
			valueField("expiry", "expiry", func(c *agreement.Clause) *agreement.Deadline { return &c.Expiry }),
			valueField("fulfilment", "fulfilment", func(c *agreement.Clause) *agreement.Condition { return &c.Fulfilment }),
			valueField("violation", "violation", func(c *agreement.Clause) *agreement.Condition { return &c.Violation }),
			valueField("standing", "standing", func(c *agreement.Clause) *bool { return &c.Standing }),
			valueField("effect", "effect", func(c *agreement.Clause) *agreement.Effect { return &c.Effect }),
			listField("targets", "targets", func(c *agreement.Clause) *[]agreement.Ref { return &c.Targets }),
			valueField("resumedBy", "resumed by", func(c *agreement.Clause) *agreement.ClauseID { return &c.ResumedBy }),
			valueField("targetDebtor", "target debtor", func(c *agreement.Clause) *agreement.PartyID { return &c.TargetDebtor }),
			listField("relaxes", "relaxes", func(c *agreement.Clause) *[]agreement.Ref { return &c.Relaxes }),
			pointerField("grant", "grant", func(c *agreement.Clause) **agreement.Pattern { return &c.Grant }),
			valueField("covers", "covers", func(c *agreement.Clause) *int { return &c.Covers }),
			valueField("coverWindow", "cover window", func(c *agreement.Clause) *time.Duration { return &c.CoverWindow }),
			valueField("surviving", "surviving", func(c *agreement.Clause) *bool { return &c.Surviving }),
			valueField("provisional", "provisional", func(c *agreement.Clause) *bool { return &c.Provisional }),
			newField("recurs", "recurs", func(c *agreement.Clause) *agreement.Recurrence { return &c.Recurs }, cloneRecurrence),
			valueField("zone", "time zone", func(c *agreement.Clause) *agreement.Zone { return &c.Zone }),
			valueField("term", "term", func(c *agreement.Clause) *agreement.Term { return &c.Term }),
			valueField("duringSuspension", "during suspension", func(c *agreement.Clause) *agreement.SuspensionRule {
				return &c.DuringSuspension
			}),
		},
		clone: agreement.Clause.Clone,
	}

	fluentList = itemList[agreement.Fluent]{
		item: ItemFluent,
		id:   func(f *agreement.Fluent) string { return string(f.ID) },
		fields: []diffField[agreement.Fluent]{
			listField("initiates", "initiated by", func(f *agreement.Fluent) *[]agreement.Pattern { return &f.Initiates }),
			listField("terminates", "terminated by", func(f *agreement.Fluent) *[]agreement.Pattern { return &f.Terminates }),
			valueField("initially", "initially", func(f *agreement.Fluent) *bool { return &f.Initially }),
		},
		clone: agreement.Fluent.Clone,
	}

	areaList = itemList[agreement.Area]{
		item: ItemArea,
		id:   func(a *agreement.Area) string { return string(a.ID) },
		fields: []diffField[agreement.Area]{
			valueField("name", "name", func(a *agreement.Area) *string { return &a.Name }),
			valueField("size", "size", func(a *agreement.Area) *decimal.Decimal { return &a.Size }),
			listField("sovereignty", "sovereignty", func(a *agreement.Area) *[]agreement.Share { return &a.Sovereignty }),
			listField("control", "control", func(a *agreement.Area) *[]agreement.Share { return &a.Control }),
			listField("arrangements", "arrangements", func(a *agreement.Area) *[]agreement.Arrangement { return &a.Arrangements }),
		},
		clone: agreement.Area.Clone,
	}

	optionList = itemList[agreement.Option]{
		item: ItemOption,
		id:   func(o *agreement.Option) string { return string(o.ID) },
		fields: []diffField[agreement.Option]{
			valueField("kind", "kind", func(o *agreement.Option) *agreement.OptionKind { return &o.Kind }),
			valueField("text", "text", func(o *agreement.Option) *string { return &o.Text }),
			listField("areas", "areas", func(o *agreement.Option) *[]agreement.AreaID { return &o.Areas }),
			valueField("from", "from", func(o *agreement.Option) *agreement.PartyID { return &o.From }),
			valueField("to", "to", func(o *agreement.Option) *agreement.PartyID { return &o.To }),
			valueField("party", "party", func(o *agreement.Option) *agreement.PartyID { return &o.Party }),
			listField("parties", "parties", func(o *agreement.Option) *[]agreement.PartyID { return &o.Parties }),
			pointerField("width", "width", func(o *agreement.Option) **decimal.Decimal { return &o.Width }),
			valueField("deadline", "deadline", func(o *agreement.Option) *agreement.Deadline { return &o.Deadline }),
			listField("results", "results", func(o *agreement.Option) *[]agreement.Result { return &o.Results }),
			valueField("lapse", "lapse", func(o *agreement.Option) *agreement.Lapse { return &o.Lapse }),
		},
		clone: agreement.Option.Clone,
	}

	itemClassList = itemList[agreement.ItemClass]{
		item: ItemItemClass,
		id:   func(c *agreement.ItemClass) string { return string(c.ID) },
		fields: []diffField[agreement.ItemClass]{
			valueField("name", "name", func(c *agreement.ItemClass) *string { return &c.Name }),
			listField("items", "items", func(c *agreement.ItemClass) *[]string { return &c.Items }),
			listField("rule", "rule", func(c *agreement.ItemClass) *[]agreement.Bound { return &c.Rule }),
		},
		clone: agreement.ItemClass.Clone,
	}
)
