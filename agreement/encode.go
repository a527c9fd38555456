package agreement

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The wire types give the fields their names and fixed order. Every value is
// converted to them by an encoder, which records what cannot be encoded.

type processWire struct {
	Schema     int             `json:"schema"`
	Title      string          `json:"title,omitempty"`
	Agreements []agreementWire `json:"agreements,omitempty"`
}

type agreementWire struct {
	Schema         int             `json:"schema,omitempty"` // only at the top level
	ID             string          `json:"id,omitempty"`
	Title          string          `json:"title,omitempty"`
	Date           string          `json:"date,omitempty"`
	Zone           string          `json:"zone,omitempty"`
	Stage          string          `json:"stage,omitempty"`
	SubStage       string          `json:"subStage,omitempty"`
	SigningStatus  string          `json:"signingStatus,omitempty"`
	Parties        []partyWire     `json:"parties,omitempty"`
	Groups         []groupWire     `json:"groups,omitempty"`
	ItemClasses    []itemClassWire `json:"itemClasses,omitempty"`
	Signatures     []signatureWire `json:"signatures,omitempty"`
	Signatories    []string        `json:"signatories,omitempty"`
	Clauses        []clauseWire    `json:"clauses,omitempty"`
	Fluents        []fluentWire    `json:"fluents,omitempty"`
	Territory      *territoryWire  `json:"territory,omitempty"`
	Options        []optionWire    `json:"options,omitempty"`
	EntryIntoForce any             `json:"entryIntoForce,omitempty"`
	InForceAt      *deadlineWire   `json:"inForceAt,omitempty"`
	Term           *termWire       `json:"term,omitempty"`
}

type territoryWire struct {
	Areas []areaWire `json:"areas"`
}

type areaWire struct {
	ID           string            `json:"id,omitempty"`
	Name         string            `json:"name,omitempty"`
	Size         string            `json:"size"`
	Sovereignty  []shareWire       `json:"sovereignty,omitempty"`
	Control      []shareWire       `json:"control,omitempty"`
	Arrangements []arrangementWire `json:"arrangements,omitempty"`
}

type shareWire struct {
	Party   string `json:"party,omitempty"`
	Percent string `json:"percent"`
}

type arrangementWire struct {
	Kind   string `json:"kind,omitempty"`
	Option string `json:"option,omitempty"`
	Party  string `json:"party,omitempty"`
}

type optionWire struct {
	ID       string        `json:"id,omitempty"`
	Kind     string        `json:"kind,omitempty"`
	Text     string        `json:"text,omitempty"`
	Areas    []string      `json:"areas,omitempty"`
	From     string        `json:"from,omitempty"`
	To       string        `json:"to,omitempty"`
	Party    string        `json:"party,omitempty"`
	Parties  []string      `json:"parties,omitempty"`
	Width    *string       `json:"width,omitempty"`
	Deadline *deadlineWire `json:"deadline,omitempty"`
	Results  []resultWire  `json:"results,omitempty"`
	Lapse    string        `json:"lapse,omitempty"`
}

type resultWire struct {
	Outcome   string `json:"outcome,omitempty"`
	Sovereign string `json:"sovereign,omitempty"`
}

type partyWire struct {
	ID    string   `json:"id,omitempty"`
	Name  string   `json:"name,omitempty"`
	Kind  string   `json:"kind,omitempty"`
	Roles []string `json:"roles,omitempty"`
}

type groupWire struct {
	ID      string   `json:"id,omitempty"`
	Name    string   `json:"name,omitempty"`
	Members []string `json:"members,omitempty"`
}

type itemClassWire struct {
	ID    string      `json:"id,omitempty"`
	Name  string      `json:"name,omitempty"`
	Items []string    `json:"items,omitempty"`
	Rule  []boundWire `json:"rule,omitempty"`
}

// boundWire is a [Bound]: its limits are decimals, written only when set,
// and "minOpen" and "maxOpen" only when true.
type boundWire struct {
	Unit    string `json:"unit,omitempty"`
	Of      string `json:"of,omitempty"`
	Min     string `json:"min,omitempty"`
	Max     string `json:"max,omitempty"`
	MinOpen bool   `json:"minOpen,omitempty"`
	MaxOpen bool   `json:"maxOpen,omitempty"`
}

type signatureWire struct {
	Party     string `json:"party,omitempty"`
	Signatory string `json:"signatory,omitempty"`
	Capacity  string `json:"capacity,omitempty"`
	Date      string `json:"date,omitempty"`
}

type fluentWire struct {
	ID         string        `json:"id,omitempty"`
	Initiates  []patternWire `json:"initiates,omitempty"`
	Terminates []patternWire `json:"terminates,omitempty"`
	Initially  bool          `json:"initially,omitempty"`
}

type clauseWire struct {
	ID           string          `json:"id,omitempty"`
	Text         string          `json:"text,omitempty"`
	Source       *sourceWire     `json:"source,omitempty"`
	Kind         string          `json:"kind,omitempty"`
	Force        string          `json:"force,omitempty"`
	Category     string          `json:"category,omitempty"`
	Debtors      []string        `json:"debtors,omitempty"`
	Joint        bool            `json:"joint,omitempty"`
	Creditors    []string        `json:"creditors,omitempty"`
	Action       *patternWire    `json:"action,omitempty"`
	Quantities   []rangeWire     `json:"quantities,omitempty"`
	Trigger      any             `json:"trigger,omitempty"`
	Antecedent   any             `json:"antecedent,omitempty"`
	Deadline     *deadlineWire   `json:"deadline,omitempty"`
	Expiry       *deadlineWire   `json:"expiry,omitempty"`
	Recurs       *recurrenceWire `json:"recurs,omitempty"`
	Zone         string          `json:"zone,omitempty"`
	Term         *termWire       `json:"term,omitempty"`
	Fulfilment   any             `json:"fulfilment,omitempty"`
	Violation    any             `json:"violation,omitempty"`
	Standing     bool            `json:"standing,omitempty"`
	Effect       string          `json:"effect,omitempty"`
	Targets      []string        `json:"targets,omitempty"`
	ResumedBy    string          `json:"resumedBy,omitempty"`
	TargetDebtor string          `json:"targetDebtor,omitempty"`
	Relaxes      []string        `json:"relaxes,omitempty"`
	Grant        *patternWire    `json:"grant,omitempty"`
	Covers       int             `json:"covers,omitempty"`
	CoverWindow  string          `json:"coverWindow,omitempty"`
	Surviving    bool            `json:"surviving,omitempty"`
	Provisional  bool            `json:"provisional,omitempty"`
	// DuringSuspension is omitted for the default rule, "excuses".
	DuringSuspension string `json:"duringSuspension,omitempty"`
}

type sourceWire struct {
	Document string `json:"document,omitempty"`
	Speaker  string `json:"speaker,omitempty"`
	Date     string `json:"date,omitempty"`
}

type rangeWire struct {
	Min     string `json:"min"`
	Max     string `json:"max"`
	Unit    string `json:"unit,omitempty"`
	Wording string `json:"wording,omitempty"`
	What    string `json:"what,omitempty"`
	Class   string `json:"class,omitempty"`
}

type deadlineWire struct {
	After         string `json:"after,omitempty"`
	Period        string `json:"period,omitempty"`
	At            string `json:"at,omitempty"`
	From          any    `json:"from,omitempty"`
	Round         string `json:"round,omitempty"`
	Exclusive     bool   `json:"exclusive,omitempty"`
	Unconditional bool   `json:"unconditional,omitempty"`
}

// termWire is a [Term], each member written only when set.
type termWire struct {
	Period   string `json:"period,omitempty"`
	Renewal  string `json:"renewal,omitempty"`
	Notice   string `json:"notice,omitempty"`
	Renewals int    `json:"renewals,omitempty"`
}

type recurrenceWire struct {
	Every  string       `json:"every,omitempty"`
	Start  string       `json:"start,omitempty"`
	On     *patternWire `json:"on,omitempty"`
	Within string       `json:"within,omitempty"`
	Round  string       `json:"round,omitempty"`
}

// clockWire is a clock condition's bounds, each written only when set.
type clockWire struct {
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

type patternWire struct {
	Kind        string     `json:"kind,omitempty"`
	Actor       string     `json:"actor,omitempty"`
	Group       string     `json:"group,omitempty"`
	Target      string     `json:"target,omitempty"`
	Area        string     `json:"area,omitempty"`
	Clause      string     `json:"clause,omitempty"`
	Reporter    string     `json:"reporter,omitempty"`
	Attribution string     `json:"attribution,omitempty"`
	Item        string     `json:"item,omitempty"`
	Class       string     `json:"class,omitempty"`
	Measure     *boundWire `json:"measure,omitempty"`
}

type statesWire struct {
	Clause    *string  `json:"clause,omitempty"`    // clauseIn only
	Debtor    string   `json:"debtor,omitempty"`    // clauseIn only
	Agreement string   `json:"agreement,omitempty"` // agreementIn only
	States    []string `json:"states"`
}

type breachedWire struct {
	Clause      string `json:"clause"`
	AtLeast     int    `json:"atLeast"`
	Debtor      string `json:"debtor,omitempty"`
	Within      string `json:"within,omitempty"`
	Reporter    string `json:"reporter,omitempty"`
	Attribution string `json:"attribution,omitempty"`
}

type tallyWire struct {
	Event patternWire `json:"event"`
	Bound boundWire   `json:"bound"`
}

type beforeWire struct {
	First patternWire `json:"first"`
	Then  patternWire `json:"then"`
}

type windowWire struct {
	Event    patternWire `json:"event"`
	Duration string      `json:"duration"`
}

type atLeastWire struct {
	K  int   `json:"k"`
	Of []any `json:"of"`
}

// marshalWire writes w compactly, without escaping HTML characters.
func marshalWire(w any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encoder converts values to wire types, collecting what cannot be encoded.
type encoder struct{ ps ValidationError }

// marshal writes w, the wire form of a whole document, with marshalWire, or
// returns the problems collected in converting it.
func (e *encoder) marshal(w any) ([]byte, error) {
	if err := e.ps.Err(); err != nil {
		return nil, err
	}
	return marshalWire(w)
}

func (e *encoder) cannot(path, msg string) { e.ps.Add(path, ErrInvalidValue, "cannot encode "+msg) }

// text returns s, reporting it when it is not valid UTF-8 (which JSON would
// silently replace).
func (e *encoder) text(path, s string) string {
	if !utf8.ValidString(s) {
		e.cannot(path, "invalid UTF-8 "+quote(s))
	}
	return s
}

// wireList converts each element of xs with fn, at its path in the list at
// path ("parties[2]"). An empty list converts to nil, which the wire types'
// omitempty fields leave out.
func wireList[T, W any](path string, xs []T, fn func(path string, x *T) W) []W {
	if len(xs) == 0 {
		return nil
	}
	out := make([]W, len(xs))
	for i := range xs {
		out[i] = fn(idx(path, i), &xs[i])
	}
	return out
}

func texts[T ~string](e *encoder, path string, ids []T) []string {
	return wireList(path, ids, func(path string, id *T) string { return e.text(path, string(*id)) })
}

// enum returns the name of v, "" for an optional zero value; names[0] must
// be "".
func enum[T ~uint8](e *encoder, path string, names []string, typ string, v T, optional bool) string {
	if !enumValid(names, v, optional) {
		e.cannot(path, typ+"("+itoa(int(v))+")")
		return ""
	}
	return names[v]
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

func (e *encoder) decimal(path string, d decimal.Decimal) string {
	s, ok := formatDecimal(d)
	if !ok {
		e.cannot(path, "decimal with exponent "+itoa(int(d.Exponent()))+": longer than "+itoa(maxDecimalLen)+" characters")
	}
	return s
}

// formatDecimal writes d in plain notation, without trailing fractional
// zeros, independently of package decimal's global formatting settings. It
// reports false when the text would exceed maxDecimalLen.
func formatDecimal(d decimal.Decimal) (string, bool) {
	c, exp := d.Coefficient(), int(d.Exponent())
	if c.Sign() == 0 {
		return "0", true
	}
	if exp > maxDecimalLen || exp < -maxDecimalLen {
		return "", false
	}
	neg := c.Sign() < 0
	digits := c.Abs(c).String()
	var s string
	if exp >= 0 {
		s = digits + strings.Repeat("0", exp)
	} else {
		frac := -exp
		if len(digits) <= frac {
			digits = strings.Repeat("0", frac-len(digits)+1) + digits
		}
		intPart, fracPart := digits[:len(digits)-frac], strings.TrimRight(digits[len(digits)-frac:], "0")
		s = intPart
		if fracPart != "" {
			s += "." + fracPart
		}
	}
	if neg {
		s = "-" + s
	}
	return s, len(s) <= maxDecimalLen
}

func (e *encoder) agreement(path string, a *Agreement) agreementWire {
	w := agreementWire{
		ID:            e.text(field(path, "id"), string(a.ID)),
		Title:         e.text(field(path, "title"), a.Title),
		Date:          e.instant(field(path, "date"), a.Date),
		Zone:          e.text(field(path, "zone"), string(a.Zone)),
		Stage:         e.text(field(path, "stage"), string(a.Stage)),
		SubStage:      e.text(field(path, "subStage"), string(a.SubStage)),
		SigningStatus: enum(e, field(path, "signingStatus"), signingStatusNames, "SigningStatus", a.SigningStatus, true),
		Parties:       wireList(field(path, "parties"), a.Parties, e.party),
		Groups:        wireList(field(path, "groups"), a.Groups, e.group),
		ItemClasses:   wireList(field(path, "itemClasses"), a.ItemClasses, e.itemClass),
		Signatures:    wireList(field(path, "signatures"), a.Signatures, e.signature),
		Signatories:   texts(e, field(path, "signatories"), a.Signatories),
		Clauses:       wireList(field(path, "clauses"), a.Clauses, e.clause),
		Fluents:       wireList(field(path, "fluents"), a.Fluents, e.fluent),
		Options:       wireList(field(path, "options"), a.Options, e.option),
		InForceAt:     e.deadline(field(path, "inForceAt"), a.InForceAt),
		Term:          e.term(field(path, "term"), a.Term),
	}
	if a.EntryIntoForce != nil {
		w.EntryIntoForce = e.slot(field(path, "entryIntoForce"), a.EntryIntoForce)
	}
	if !a.Territory.IsZero() {
		w.Territory = &territoryWire{Areas: wireList(field(field(path, "territory"), "areas"), a.Territory.Areas, e.area)}
	}
	return w
}

func (e *encoder) party(path string, p *Party) partyWire {
	return partyWire{
		ID:   e.text(field(path, "id"), string(p.ID)),
		Name: e.text(field(path, "name"), p.Name),
		Kind: enum(e, field(path, "kind"), partyKindNames, "PartyKind", p.Kind, true),
		Roles: wireList(field(path, "roles"), p.Roles, func(path string, r *Role) string {
			return enum(e, path, roleNames, "Role", *r, false)
		}),
	}
}

func (e *encoder) group(path string, g *Group) groupWire {
	return groupWire{
		ID:      e.text(field(path, "id"), string(g.ID)),
		Name:    e.text(field(path, "name"), g.Name),
		Members: texts(e, field(path, "members"), g.Members),
	}
}

func (e *encoder) itemClass(path string, c *ItemClass) itemClassWire {
	return itemClassWire{
		ID:    e.text(field(path, "id"), string(c.ID)),
		Name:  e.text(field(path, "name"), c.Name),
		Items: texts(e, field(path, "items"), c.Items),
		Rule:  wireList(field(path, "rule"), c.Rule, func(path string, b *Bound) boundWire { return e.bound(path, *b) }),
	}
}

// bound returns the wire form of b; the caller leaves out a bound equal to
// Bound{}. A limit is written only when set, in the plain notation of every
// decimal.
func (e *encoder) bound(path string, b Bound) boundWire {
	w := boundWire{
		Unit: e.text(field(path, "unit"), string(b.unit)),
		Of:   e.text(field(path, "of"), b.of),
	}
	for _, l := range []struct {
		name, text string
		open       bool
		out        *string
		outOpen    *bool
	}{{"min", b.min, b.minOpen, &w.Min, &w.MinOpen}, {"max", b.max, b.maxOpen, &w.Max, &w.MaxOpen}} {
		if l.text == "" {
			continue // an open flag without a limit means nothing: none is written
		}
		d, _, ok := limit(l.text, l.open)
		if !ok {
			e.cannot(field(path, l.name), "limit "+quote(l.text)+": not a decimal")
			continue
		}
		*l.out, *l.outOpen = e.decimal(field(path, l.name), d), l.open
	}
	return w
}

func (e *encoder) signature(path string, s *Signature) signatureWire {
	return signatureWire{
		Party:     e.text(field(path, "party"), string(s.Party)),
		Signatory: e.text(field(path, "signatory"), s.Signatory),
		Capacity:  e.text(field(path, "capacity"), s.Capacity),
		Date:      e.instant(field(path, "date"), s.Date),
	}
}

func (e *encoder) fluent(path string, f *Fluent) fluentWire {
	return fluentWire{
		ID:         e.text(field(path, "id"), string(f.ID)),
		Initiates:  wireList(field(path, "initiates"), f.Initiates, e.pattern),
		Terminates: wireList(field(path, "terminates"), f.Terminates, e.pattern),
		Initially:  f.Initially,
	}
}

func (e *encoder) area(path string, a *Area) areaWire {
	return areaWire{
		ID:           e.text(field(path, "id"), string(a.ID)),
		Name:         e.text(field(path, "name"), a.Name),
		Size:         e.decimal(field(path, "size"), a.Size),
		Sovereignty:  wireList(field(path, "sovereignty"), a.Sovereignty, e.share),
		Control:      wireList(field(path, "control"), a.Control, e.share),
		Arrangements: wireList(field(path, "arrangements"), a.Arrangements, e.arrangement),
	}
}

func (e *encoder) share(path string, s *Share) shareWire {
	return shareWire{Party: e.text(field(path, "party"), string(s.Party)), Percent: e.decimal(field(path, "percent"), s.Percent)}
}

func (e *encoder) arrangement(path string, r *Arrangement) arrangementWire {
	return arrangementWire{
		Kind:   enum(e, field(path, "kind"), optionKindNames, "OptionKind", r.Kind, true),
		Option: e.text(field(path, "option"), string(r.Option)),
		Party:  e.text(field(path, "party"), string(r.Party)),
	}
}

func (e *encoder) option(path string, o *Option) optionWire {
	w := optionWire{
		ID:       e.text(field(path, "id"), string(o.ID)),
		Kind:     enum(e, field(path, "kind"), optionKindNames, "OptionKind", o.Kind, true),
		Text:     e.text(field(path, "text"), o.Text),
		Areas:    texts(e, field(path, "areas"), o.Areas),
		From:     e.text(field(path, "from"), string(o.From)),
		To:       e.text(field(path, "to"), string(o.To)),
		Party:    e.text(field(path, "party"), string(o.Party)),
		Parties:  texts(e, field(path, "parties"), o.Parties),
		Deadline: e.deadline(field(path, "deadline"), o.Deadline),
		Results:  wireList(field(path, "results"), o.Results, e.result),
		Lapse:    enum(e, field(path, "lapse"), lapseNames, "Lapse", o.Lapse, true),
	}
	if o.Width != nil {
		width := e.decimal(field(path, "width"), *o.Width)
		w.Width = &width
	}
	return w
}

func (e *encoder) result(path string, r *Result) resultWire {
	return resultWire{
		Outcome:   e.text(field(path, "outcome"), r.Outcome),
		Sovereign: e.text(field(path, "sovereign"), string(r.Sovereign)),
	}
}

func (e *encoder) clause(path string, c *Clause) clauseWire {
	w := clauseWire{
		ID:         e.text(field(path, "id"), string(c.ID)),
		Text:       e.text(field(path, "text"), c.Text),
		Kind:       enum(e, field(path, "kind"), deonticNames, "Deontic", c.Kind, true),
		Force:      enum(e, field(path, "force"), forceNames, "Force", c.Force, true),
		Category:   e.text(field(path, "category"), string(c.Category)),
		Debtors:    texts(e, field(path, "debtors"), c.Debtors),
		Joint:      c.Joint,
		Creditors:  texts(e, field(path, "creditors"), c.Creditors),
		Quantities: wireList(field(path, "quantities"), c.Quantities, e.rangeValue),
		Deadline:   e.deadline(field(path, "deadline"), c.Deadline),
		Expiry:     e.deadline(field(path, "expiry"), c.Expiry),
		Recurs:     e.recurrence(field(path, "recurs"), c.Recurs),
		Zone:       e.text(field(path, "zone"), string(c.Zone)),
		Term:       e.term(field(path, "term"), c.Term),
		Effect:     enum(e, field(path, "effect"), effectNames, "Effect", c.Effect, true),
		Targets: wireList(field(path, "targets"), c.Targets, func(path string, t *Ref) string {
			return e.text(path, t.String())
		}),
		ResumedBy:    e.text(field(path, "resumedBy"), string(c.ResumedBy)),
		Standing:     c.Standing,
		TargetDebtor: e.text(field(path, "targetDebtor"), string(c.TargetDebtor)),
		Relaxes: wireList(field(path, "relaxes"), c.Relaxes, func(path string, r *Ref) string {
			return e.text(path, r.String())
		}),
		Covers:      c.Covers,
		Surviving:   c.Surviving,
		Provisional: c.Provisional,
	}
	if c.CoverWindow != 0 {
		w.CoverWindow = FormatDuration(c.CoverWindow)
	}
	switch {
	case !c.DuringSuspension.Valid():
		e.cannot(field(path, "duringSuspension"), c.DuringSuspension.String())
	case c.DuringSuspension != SuspensionExcuses:
		w.DuringSuspension = c.DuringSuspension.String()
	}
	if c.Grant != nil {
		p := e.pattern(field(path, "grant"), c.Grant)
		w.Grant = &p
	}
	if s := c.Source; s.Document != "" || s.Speaker != "" || !s.Date.IsZero() {
		sp := field(path, "source")
		w.Source = &sourceWire{
			Document: e.text(field(sp, "document"), s.Document),
			Speaker:  e.text(field(sp, "speaker"), s.Speaker),
			Date:     e.instant(field(sp, "date"), s.Date),
		}
	}
	if c.Action != nil {
		p := e.pattern(field(path, "action"), c.Action)
		w.Action = &p
	}
	slots := []*any{&w.Trigger, &w.Antecedent, &w.Fulfilment, &w.Violation}
	for i, nc := range c.Conditions() {
		if nc.Condition != nil {
			*slots[i] = e.slot(field(path, nc.Name), nc.Condition)
		}
	}
	return w
}

func (e *encoder) rangeValue(path string, r *Range) rangeWire {
	return rangeWire{
		Min:     e.decimal(field(path, "min"), r.Min),
		Max:     e.decimal(field(path, "max"), r.Max),
		Unit:    e.text(field(path, "unit"), string(r.Unit)),
		Wording: e.text(field(path, "wording"), r.Wording),
		What:    e.text(field(path, "what"), r.What),
		Class:   e.text(field(path, "class"), string(r.Class)),
	}
}

// deadline returns the wire form of d, nil for the zero Deadline.
func (e *encoder) deadline(path string, d Deadline) *deadlineWire {
	if d.IsZero() {
		return nil
	}
	w := &deadlineWire{
		Period:        e.period(field(path, "period"), d.Period),
		At:            e.instant(field(path, "at"), d.At),
		Round:         enum(e, field(path, "round"), roundingNames, "Rounding", d.Round, true),
		Exclusive:     d.Exclusive,
		Unconditional: d.Unconditional,
	}
	if d.After != 0 {
		w.After = FormatDuration(d.After)
	}
	if !isNil(d.From) {
		w.From = e.slot(field(path, "from"), d.From)
	}
	return w
}

// recurrence returns the wire form of r, nil for the zero Recurrence.
func (e *encoder) recurrence(path string, r Recurrence) *recurrenceWire {
	if r.IsZero() {
		return nil
	}
	w := &recurrenceWire{
		Every:  e.period(field(path, "every"), r.Every),
		Start:  e.instant(field(path, "start"), r.Start),
		Within: e.period(field(path, "within"), r.Within),
		Round:  enum(e, field(path, "round"), roundingNames, "Rounding", r.Round, true),
	}
	if r.On != nil {
		on := e.pattern(field(path, "on"), r.On)
		w.On = &on
	}
	return w
}

// term returns the wire form of t, nil for the zero Term.
func (e *encoder) term(path string, t Term) *termWire {
	if t.IsZero() {
		return nil
	}
	return &termWire{
		Period:   e.period(field(path, "period"), t.Period),
		Renewal:  e.period(field(path, "renewal"), t.Renewal),
		Notice:   e.period(field(path, "notice"), t.Notice),
		Renewals: t.Renewals,
	}
}

// period returns p as [Period.String] writes it, "" for the zero Period,
// reporting a period [ParsePeriod] does not read back (a negative part, a
// part beyond any replay's range).
func (e *encoder) period(path string, p Period) string {
	if p.IsZero() {
		return ""
	}
	s := p.String()
	if q, err := ParsePeriod(s); err != nil || q != p {
		e.cannot(path, "period "+s+": negative, or beyond any replay's range of instants")
		return ""
	}
	return s
}

func (e *encoder) pattern(path string, p *Pattern) patternWire {
	w := patternWire{
		Kind:        e.text(field(path, "kind"), string(p.Kind)),
		Actor:       e.text(field(path, "actor"), string(p.Actor)),
		Group:       e.text(field(path, "group"), string(p.Group)),
		Target:      e.text(field(path, "target"), string(p.Target)),
		Area:        e.text(field(path, "area"), string(p.Area)),
		Reporter:    e.text(field(path, "reporter"), string(p.Reporter)),
		Attribution: enum(e, field(path, "attribution"), attributionNames, "Attribution", p.Attribution, true),
		Item:        e.text(field(path, "item"), p.Item),
		Class:       e.text(field(path, "class"), string(p.Class)),
	}
	if p.Clause != (Ref{}) {
		w.Clause = e.text(field(path, "clause"), p.Clause.String())
	}
	if p.Measure != (Bound{}) {
		b := e.bound(field(path, "measure"), p.Measure)
		w.Measure = &b
	}
	return w
}

func (e *encoder) states(path string, ss []State) []string {
	out := make([]string, len(ss)) // never nil: "states" is always written
	for i, s := range ss {
		out[i] = enum(e, idx(path, i), stateNames, "State", s, false)
	}
	return out
}

// slot returns the wire form of the condition c in the slot at path, or
// reports it, without encoding any of it, when its size is over
// [MaxConditionSize]: its shared operands could make it too large to write.
func (e *encoder) slot(path string, c Condition) any {
	if conditionSize(c, MaxConditionSize) > MaxConditionSize {
		e.cannot(path, "condition of more than "+itoa(MaxConditionSize)+
			" nodes (a shared operand counts once per place it occurs)")
		return nil
	}
	return e.condition(path, c, 1)
}

// condition returns the wire form of c, a value holding exactly one
// operator field, or nil for a nil condition.
func (e *encoder) condition(path string, c Condition, depth int) any {
	if isNil(c) {
		return nil
	}
	if depth > maxConditionDepth {
		e.cannot(path, "condition nested more than "+itoa(maxConditionDepth)+" deep")
		return nil
	}
	switch c := c.(type) {
	case *HappenedCondition:
		return struct {
			Happened patternWire `json:"happened"`
		}{e.pattern(field(path, "happened"), &c.pattern)}
	case *HoldsCondition:
		return struct {
			Holds string `json:"holds"`
		}{e.text(field(path, "holds"), string(c.fluent))}
	case *ClauseInCondition:
		p := field(path, "clauseIn")
		ref := e.text(field(p, "clause"), c.ref.String())
		return struct {
			ClauseIn statesWire `json:"clauseIn"`
		}{statesWire{
			Clause: &ref,
			Debtor: e.text(field(p, "debtor"), string(c.debtor)),
			States: e.states(field(p, "states"), c.states),
		}}
	case *BreachedCondition:
		p := field(path, "breached")
		w := breachedWire{
			Clause:      e.text(field(p, "clause"), c.ref.String()),
			AtLeast:     c.k,
			Debtor:      e.text(field(p, "debtor"), string(c.filter.Debtor)),
			Reporter:    e.text(field(p, "reporter"), string(c.filter.Reporter)),
			Attribution: enum(e, field(p, "attribution"), attributionNames, "Attribution", c.filter.Attribution, true),
		}
		if c.filter.Within != 0 {
			w.Within = FormatDuration(c.filter.Within)
		}
		return struct {
			Breached breachedWire `json:"breached"`
		}{w}
	case *TallyCondition:
		op := "level"
		if c.sum {
			op = "total"
		}
		p := field(path, op)
		w := tallyWire{e.pattern(field(p, "event"), &c.pattern), e.bound(field(p, "bound"), c.bound)}
		if c.sum {
			return struct {
				Total tallyWire `json:"total"`
			}{w}
		}
		return struct {
			Level tallyWire `json:"level"`
		}{w}
	case *AgreementInCondition:
		p := field(path, "agreementIn")
		return struct {
			AgreementIn statesWire `json:"agreementIn"`
		}{statesWire{
			Agreement: e.text(field(p, "agreement"), string(c.agreement)),
			States:    e.states(field(p, "states"), c.states),
		}}
	case *BeforeCondition:
		p := field(path, "before")
		return struct {
			Before beforeWire `json:"before"`
		}{beforeWire{e.pattern(field(p, "first"), &c.first), e.pattern(field(p, "then"), &c.then)}}
	case *WithinCondition:
		p := field(path, "within")
		return struct {
			Within windowWire `json:"within"`
		}{windowWire{e.pattern(field(p, "event"), &c.pattern), FormatDuration(c.d)}}
	case *SinceCondition:
		p := field(path, "since")
		return struct {
			Since windowWire `json:"since"`
		}{windowWire{e.pattern(field(p, "event"), &c.pattern), FormatDuration(c.d)}}
	case *ClockCondition:
		p := field(path, "clock")
		return struct {
			Clock clockWire `json:"clock"`
		}{clockWire{e.instant(field(p, "from"), c.from), e.instant(field(p, "until"), c.until)}}
	case *AllCondition:
		return struct {
			All []any `json:"all"`
		}{e.conditions(field(path, "all"), c.cs, depth)}
	case *AnyCondition:
		return struct {
			Any []any `json:"any"`
		}{e.conditions(field(path, "any"), c.cs, depth)}
	case *NotCondition:
		return struct {
			Not any `json:"not"`
		}{e.condition(field(path, "not"), c.c, depth+1)}
	case *AtLeastCondition:
		p := field(path, "atLeast")
		return struct {
			AtLeast atLeastWire `json:"atLeast"`
		}{atLeastWire{c.k, e.conditions(field(p, "of"), c.cs, depth)}}
	}
	// A pointer to a node type satisfies Condition too, but is not one of
	// the values this package builds.
	e.cannot(path, "condition of unsupported type")
	return nil
}

// conditions returns the operands' wire forms, never nil, so that an empty
// list is written as [].
func (e *encoder) conditions(path string, cs []Condition, depth int) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = e.condition(idx(path, i), c, depth+1)
	}
	return out
}
