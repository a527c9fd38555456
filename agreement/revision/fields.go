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

// diffFieldOf builds a field from typed accessors. Values go in and out as
// copies.
func diffFieldOf[T, V any](name, label string, get func(*T) V, set func(*T, V)) diffField[T] {
	return diffField[T]{
		name:  name,
		label: label,
		get:   func(x *T) any { return cloneValue(any(get(x))) },
		set: func(x *T, v any) bool {
			if v == nil {
				var zero V
				if any(zero) != nil {
					return false // only an interface type (agreement.Condition) takes nil
				}
				set(x, zero)
				return true
			}
			w, ok := v.(V)
			if !ok {
				return false
			}
			if c, ok := cloneValue(v).(V); ok {
				w = c
			}
			set(x, w)
			return true
		},
	}
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
		diffFieldOf("id", "id", func(a *agreement.Agreement) agreement.AgreementID { return a.ID }, func(a *agreement.Agreement, v agreement.AgreementID) { a.ID = v }),
		diffFieldOf("title", "title", func(a *agreement.Agreement) string { return a.Title }, func(a *agreement.Agreement, v string) { a.Title = v }),
		diffFieldOf("date", "date", func(a *agreement.Agreement) time.Time { return a.Date }, func(a *agreement.Agreement, v time.Time) { a.Date = v }),
		diffFieldOf("stage", "stage", func(a *agreement.Agreement) agreement.Stage { return a.Stage }, func(a *agreement.Agreement, v agreement.Stage) { a.Stage = v }),
		diffFieldOf("subStage", "sub-stage", func(a *agreement.Agreement) agreement.SubStage { return a.SubStage },
			func(a *agreement.Agreement, v agreement.SubStage) { a.SubStage = v }),
		diffFieldOf("signingStatus", "signing status", func(a *agreement.Agreement) agreement.SigningStatus { return a.SigningStatus },
			func(a *agreement.Agreement, v agreement.SigningStatus) { a.SigningStatus = v }),
		diffFieldOf("entryIntoForce", "entry into force", func(a *agreement.Agreement) agreement.Condition { return a.EntryIntoForce },
			func(a *agreement.Agreement, v agreement.Condition) { a.EntryIntoForce = v }),
	}

	partyList = itemList[agreement.Party]{
		item: ItemParty,
		id:   func(p *agreement.Party) string { return string(p.ID) },
		fields: []diffField[agreement.Party]{
			diffFieldOf("name", "name", func(p *agreement.Party) string { return p.Name }, func(p *agreement.Party, v string) { p.Name = v }),
			diffFieldOf("kind", "kind", func(p *agreement.Party) agreement.PartyKind { return p.Kind }, func(p *agreement.Party, v agreement.PartyKind) { p.Kind = v }),
			diffFieldOf("roles", "roles", func(p *agreement.Party) []agreement.Role { return p.Roles }, func(p *agreement.Party, v []agreement.Role) { p.Roles = v }),
		},
		clone: func(p agreement.Party) agreement.Party { p.Roles = slices.Clone(p.Roles); return p },
	}

	groupList = itemList[agreement.Group]{
		item: ItemGroup,
		id:   func(g *agreement.Group) string { return string(g.ID) },
		fields: []diffField[agreement.Group]{
			diffFieldOf("name", "name", func(g *agreement.Group) string { return g.Name }, func(g *agreement.Group, v string) { g.Name = v }),
			diffFieldOf("members", "members", func(g *agreement.Group) []agreement.PartyID { return g.Members },
				func(g *agreement.Group, v []agreement.PartyID) { g.Members = v }),
		},
		clone: func(g agreement.Group) agreement.Group { g.Members = slices.Clone(g.Members); return g },
	}

	signatureList = itemList[agreement.Signature]{
		item: ItemSignature,
		id:   func(s *agreement.Signature) string { return string(s.Party) },
		fields: []diffField[agreement.Signature]{
			diffFieldOf("signatory", "signatory", func(s *agreement.Signature) string { return s.Signatory },
				func(s *agreement.Signature, v string) { s.Signatory = v }),
			diffFieldOf("capacity", "capacity", func(s *agreement.Signature) string { return s.Capacity },
				func(s *agreement.Signature, v string) { s.Capacity = v }),
			diffFieldOf("date", "date", func(s *agreement.Signature) time.Time { return s.Date },
				func(s *agreement.Signature, v time.Time) { s.Date = v }),
		},
		clone: func(s agreement.Signature) agreement.Signature { return s },
	}

	clauseList = itemList[agreement.Clause]{
		item: ItemClause,
		id:   func(c *agreement.Clause) string { return string(c.ID) },
		fields: []diffField[agreement.Clause]{
			diffFieldOf("text", "text", func(c *agreement.Clause) string { return c.Text }, func(c *agreement.Clause, v string) { c.Text = v }),
			diffFieldOf("source", "source", func(c *agreement.Clause) agreement.Source { return c.Source }, func(c *agreement.Clause, v agreement.Source) { c.Source = v }),
			diffFieldOf("kind", "kind", func(c *agreement.Clause) agreement.Deontic { return c.Kind }, func(c *agreement.Clause, v agreement.Deontic) { c.Kind = v }),
			diffFieldOf("force", "force", func(c *agreement.Clause) agreement.Force { return c.Force }, func(c *agreement.Clause, v agreement.Force) { c.Force = v }),
			diffFieldOf("category", "category", func(c *agreement.Clause) agreement.Category { return c.Category },
				func(c *agreement.Clause, v agreement.Category) { c.Category = v }),
			diffFieldOf("debtors", "debtors", func(c *agreement.Clause) []agreement.PartyID { return c.Debtors },
				func(c *agreement.Clause, v []agreement.PartyID) { c.Debtors = v }),
			diffFieldOf("joint", "joint", func(c *agreement.Clause) bool { return c.Joint }, func(c *agreement.Clause, v bool) { c.Joint = v }),
			diffFieldOf("creditors", "creditors", func(c *agreement.Clause) []agreement.PartyID { return c.Creditors },
				func(c *agreement.Clause, v []agreement.PartyID) { c.Creditors = v }),
			diffFieldOf("action", "action", func(c *agreement.Clause) *agreement.Pattern { return c.Action }, func(c *agreement.Clause, v *agreement.Pattern) { c.Action = v }),
			diffFieldOf("quantities", "quantities", func(c *agreement.Clause) []agreement.Range { return c.Quantities },
				func(c *agreement.Clause, v []agreement.Range) { c.Quantities = v }),
			diffFieldOf("trigger", "trigger", func(c *agreement.Clause) agreement.Condition { return c.Trigger },
				func(c *agreement.Clause, v agreement.Condition) { c.Trigger = v }),
			diffFieldOf("antecedent", "antecedent", func(c *agreement.Clause) agreement.Condition { return c.Antecedent },
				func(c *agreement.Clause, v agreement.Condition) { c.Antecedent = v }),
			diffFieldOf("deadline", "deadline", func(c *agreement.Clause) agreement.Deadline { return c.Deadline },
				func(c *agreement.Clause, v agreement.Deadline) { c.Deadline = v }),
			diffFieldOf("expiry", "expiry", func(c *agreement.Clause) agreement.Deadline { return c.Expiry }, func(c *agreement.Clause, v agreement.Deadline) { c.Expiry = v }),
			diffFieldOf("fulfilment", "fulfilment", func(c *agreement.Clause) agreement.Condition { return c.Fulfilment },
				func(c *agreement.Clause, v agreement.Condition) { c.Fulfilment = v }),
			diffFieldOf("violation", "violation", func(c *agreement.Clause) agreement.Condition { return c.Violation },
				func(c *agreement.Clause, v agreement.Condition) { c.Violation = v }),
			diffFieldOf("effect", "effect", func(c *agreement.Clause) agreement.Effect { return c.Effect }, func(c *agreement.Clause, v agreement.Effect) { c.Effect = v }),
			diffFieldOf("targets", "targets", func(c *agreement.Clause) []agreement.Ref { return c.Targets }, func(c *agreement.Clause, v []agreement.Ref) { c.Targets = v }),
			diffFieldOf("resumedBy", "resumed by", func(c *agreement.Clause) agreement.ClauseID { return c.ResumedBy },
				func(c *agreement.Clause, v agreement.ClauseID) { c.ResumedBy = v }),
			diffFieldOf("surviving", "surviving", func(c *agreement.Clause) bool { return c.Surviving },
				func(c *agreement.Clause, v bool) { c.Surviving = v }),
		},
		clone: agreement.Clause.Clone,
	}

	fluentList = itemList[agreement.Fluent]{
		item: ItemFluent,
		id:   func(f *agreement.Fluent) string { return string(f.ID) },
		fields: []diffField[agreement.Fluent]{
			diffFieldOf("initiates", "initiated by", func(f *agreement.Fluent) []agreement.Pattern { return f.Initiates },
				func(f *agreement.Fluent, v []agreement.Pattern) { f.Initiates = v }),
			diffFieldOf("terminates", "terminated by", func(f *agreement.Fluent) []agreement.Pattern { return f.Terminates },
				func(f *agreement.Fluent, v []agreement.Pattern) { f.Terminates = v }),
			diffFieldOf("initially", "initially", func(f *agreement.Fluent) bool { return f.Initially },
				func(f *agreement.Fluent, v bool) { f.Initially = v }),
		},
		clone: agreement.Fluent.Clone,
	}

	areaList = itemList[agreement.Area]{
		item: ItemArea,
		id:   func(a *agreement.Area) string { return string(a.ID) },
		fields: []diffField[agreement.Area]{
			diffFieldOf("name", "name", func(a *agreement.Area) string { return a.Name }, func(a *agreement.Area, v string) { a.Name = v }),
			diffFieldOf("size", "size", func(a *agreement.Area) decimal.Decimal { return a.Size },
				func(a *agreement.Area, v decimal.Decimal) { a.Size = v }),
			diffFieldOf("sovereignty", "sovereignty", func(a *agreement.Area) []agreement.Share { return a.Sovereignty },
				func(a *agreement.Area, v []agreement.Share) { a.Sovereignty = v }),
			diffFieldOf("control", "control", func(a *agreement.Area) []agreement.Share { return a.Control },
				func(a *agreement.Area, v []agreement.Share) { a.Control = v }),
			diffFieldOf("arrangements", "arrangements", func(a *agreement.Area) []agreement.Arrangement { return a.Arrangements },
				func(a *agreement.Area, v []agreement.Arrangement) { a.Arrangements = v }),
		},
		clone: agreement.Area.Clone,
	}

	optionList = itemList[agreement.Option]{
		item: ItemOption,
		id:   func(o *agreement.Option) string { return string(o.ID) },
		fields: []diffField[agreement.Option]{
			diffFieldOf("kind", "kind", func(o *agreement.Option) agreement.OptionKind { return o.Kind }, func(o *agreement.Option, v agreement.OptionKind) { o.Kind = v }),
			diffFieldOf("text", "text", func(o *agreement.Option) string { return o.Text }, func(o *agreement.Option, v string) { o.Text = v }),
			diffFieldOf("areas", "areas", func(o *agreement.Option) []agreement.AreaID { return o.Areas }, func(o *agreement.Option, v []agreement.AreaID) { o.Areas = v }),
			diffFieldOf("from", "from", func(o *agreement.Option) agreement.PartyID { return o.From }, func(o *agreement.Option, v agreement.PartyID) { o.From = v }),
			diffFieldOf("to", "to", func(o *agreement.Option) agreement.PartyID { return o.To }, func(o *agreement.Option, v agreement.PartyID) { o.To = v }),
			diffFieldOf("party", "party", func(o *agreement.Option) agreement.PartyID { return o.Party }, func(o *agreement.Option, v agreement.PartyID) { o.Party = v }),
			diffFieldOf("parties", "parties", func(o *agreement.Option) []agreement.PartyID { return o.Parties },
				func(o *agreement.Option, v []agreement.PartyID) { o.Parties = v }),
			diffFieldOf("width", "width", func(o *agreement.Option) *decimal.Decimal { return o.Width },
				func(o *agreement.Option, v *decimal.Decimal) { o.Width = v }),
			diffFieldOf("deadline", "deadline", func(o *agreement.Option) agreement.Deadline { return o.Deadline },
				func(o *agreement.Option, v agreement.Deadline) { o.Deadline = v }),
			diffFieldOf("results", "results", func(o *agreement.Option) []agreement.Result { return o.Results },
				func(o *agreement.Option, v []agreement.Result) { o.Results = v }),
			diffFieldOf("lapse", "lapse", func(o *agreement.Option) agreement.Lapse { return o.Lapse }, func(o *agreement.Option, v agreement.Lapse) { o.Lapse = v }),
		},
		clone: agreement.Option.Clone,
	}
)
