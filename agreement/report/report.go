package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/revision"
)

// Markdown writes the agreement a as Markdown that an analyst can paste into a report: a
// heading with the title, a table of the agreement's own fields (the
// instant of entry into force, the signatories required, the time zone and
// the term only when set), then one
// table each for the parties and their roles, the party groups, the item
// classes (their items, or the rule of bounds that admits items), the
// signatures, the fluents, the clauses (kind, with "standing" for a
// standing clause, force, category, debtors, creditors, action and what
// else the clause does: its quantities, a power's targets and target
// debtor, the prohibitions a permission relaxes with its grant and cover;
// conditions in words, with the deadline, expiry, recurrence, term,
// provisional application, the rule for acts during a suspension when it
// is not the default, and time zone of the clause; text and source), the
// territory's areas and the
// territorial options, leaving out lists that are empty. Event patterns
// are written in words with every filter, the item, item class and measured
// quantity ("distance-from-line < 20 km") among them, and the placeholders
// as "the debtor" and "a creditor". Limits are written with their
// durations ("after 72h"), calendar periods ("after 3d", three local days)
// or instants, the condition they count from in words, and their rounding
// and flags ("after 3d from ceasefire-in-force happened, end of day,
// exclusive").
// Conditions are written in words ("ceasefire-in-force holds and MNF is
// in-effect"), in time linear in the length of the words, however deeply
// they nest; a condition larger than [agreement.MaxConditionSize] nodes
// (which validation rejects) is written only as far as that many nodes and
// cut short with "…"; text from the agreement is escaped, so that it reads as
// written and cannot break a table. The output depends only on a; a is not
// modified and need not be valid. It returns the first error from w; it is
// safe for concurrent use (with distinct writers) and never panics.
func Markdown(w io.Writer, a agreement.Agreement) error {
	m := markup.NewWriter(w)
	title := a.Title
	if title == "" {
		title = string(a.ID)
	}
	m.Line("# " + markup.MarkdownHeading(title))
	m.Line("")
	fields := [][]string{
		{"Id", markup.Markdown(string(a.ID))},
		{"Title", markup.Markdown(a.Title)},
		{"Date", mdInstant(agreement.FormatInstant(a.Date))},
		{"Stage", markup.Markdown(codeLabel(string(a.Stage), a.Stage.Label()))},
		{"Sub-stage", markup.Markdown(codeLabel(string(a.SubStage), a.SubStage.Label()))},
		{"Signing status", markup.Markdown(codeLabel(a.SigningStatus.String(), a.SigningStatus.PAXLabel()))},
		{"Entry into force", markup.Markdown(entryText(a.EntryIntoForce))},
	}
	if !a.InForceAt.IsZero() {
		fields = append(fields, []string{"In force at", markup.Markdown(deadlineText(a.InForceAt))})
	}
	if len(a.Signatories) > 0 {
		fields = append(fields, []string{"Signatories", markup.Markdown(joinAll(a.Signatories, partyString))})
	}
	if a.Zone != "" {
		fields = append(fields, []string{"Time zone", markup.Markdown(string(a.Zone))})
	}
	if !a.Term.IsZero() {
		fields = append(fields, []string{"Term", markup.Markdown(a.Term.String())})
	}
	m.Table([]string{"Field", "Value"}, fields)

	section(m, "Parties", len(a.Parties), []string{"Party", "Name", "Kind", "Roles"}, func(add func(...string)) {
		for _, p := range a.Parties {
			add(markup.Markdown(string(p.ID)), markup.Markdown(p.Name), markup.Markdown(p.Kind.String()), markup.Markdown(listOrEmpty(p.Roles, agreement.Role.String)))
		}
	})
	section(m, "Groups", len(a.Groups), []string{"Group", "Name", "Members"}, func(add func(...string)) {
		for _, g := range a.Groups {
			add(markup.Markdown(string(g.ID)), markup.Markdown(g.Name), markup.Markdown(listOrEmpty(g.Members, partyString)))
		}
	})
	section(m, "Item classes", len(a.ItemClasses), []string{"Class", "Name", "Items", "Rule"}, func(add func(...string)) {
		for _, c := range a.ItemClasses {
			add(markup.Markdown(string(c.ID)), markup.Markdown(c.Name), markup.MarkdownLines(c.Items),
				markup.MarkdownLines(mapStrings(c.Rule, agreement.Bound.String)))
		}
	})
	section(m, "Signatures", len(a.Signatures), []string{"Party", "Signatory", "Capacity", "Date"}, func(add func(...string)) {
		for _, s := range a.Signatures {
			add(markup.Markdown(string(s.Party)), markup.Markdown(s.Signatory), markup.Markdown(s.Capacity), mdInstant(agreement.FormatInstant(s.Date)))
		}
	})
	section(m, "Fluents", len(a.Fluents), []string{"Fluent", "Initially", "Initiated by", "Terminated by"}, func(add func(...string)) {
		for _, f := range a.Fluents {
			add(markup.Markdown(string(f.ID)), strconv.FormatBool(f.Initially),
				markup.MarkdownLines(mapStrings(f.Initiates, describePattern)), markup.MarkdownLines(mapStrings(f.Terminates, describePattern)))
		}
	})
	section(m, "Clauses", len(a.Clauses), []string{"Clause", "Kind", "Force", "Category", "Debtors", "Creditors",
		"Action", "Conditions", "Text"}, func(add func(...string)) {
		for i := range a.Clauses {
			c := &a.Clauses[i]
			add(markup.Markdown(string(c.ID)), markup.Markdown(clauseKind(c)), markup.Markdown(c.Force.String()), markup.Markdown(string(c.Category)),
				markup.Markdown(debtorsText(c)), markup.Markdown(listOrEmpty(c.Creditors, partyString)),
				markup.MarkdownLines(actionLines(c)), markup.MarkdownLines(conditionLines(c)), markup.MarkdownLines(textLines(c)))
		}
	})
	section(m, "Territory", len(a.Territory.Areas), []string{"Area", "Name", "Size (km²)", "Sovereignty", "Control",
		"Arrangements"}, func(add func(...string)) {
		for _, ar := range a.Territory.Areas {
			add(markup.Markdown(string(ar.ID)), markup.Markdown(ar.Name), markup.Markdown(ar.Size.String()), markup.Markdown(sharesOrEmpty(ar.Sovereignty)),
				markup.Markdown(sharesOrEmpty(ar.Control)), markup.MarkdownLines(mapStrings(ar.Arrangements, agreement.Arrangement.String)))
		}
	})
	section(m, "Territorial options", len(a.Options), []string{"Option", "Kind", "Areas", "Terms", "Text"},
		func(add func(...string)) {
			for i := range a.Options {
				o := &a.Options[i]
				add(markup.Markdown(string(o.ID)), markup.Markdown(o.Kind.String()), markup.Markdown(listOrEmpty(o.Areas, areaString)),
					markup.MarkdownLines(optionTerms(o)), markup.Markdown(o.Text))
			}
		})
	return m.Err()
}

// ChangesMarkdown writes the changes cs as a Markdown table, one row per change in
// order: its number, the kind of item, the item's id, what changed (added,
// removed, reordered, or the field modified) and the values before and
// after, in words (a whole item added or removed is summarised). With no
// change it writes "No changes.". Text is escaped as by
// [Markdown]. It returns the first error from w; it is safe for
// concurrent use (with distinct writers) and never panics.
func ChangesMarkdown(w io.Writer, cs revision.Changes) error {
	m := markup.NewWriter(w)
	if len(cs) == 0 {
		m.Line("No changes.")
		return m.Err()
	}
	rows := make([][]string, 0, len(cs))
	for i, c := range cs {
		id := c.ID
		if c.Occurrence > 0 {
			id += " (#" + strconv.Itoa(c.Occurrence+1) + ")"
		}
		what := c.Op.String()
		if c.Op == revision.OpModified {
			what = c.FieldLabel()
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), markup.Markdown(c.Item.String()), markup.Markdown(id), markup.Markdown(what),
			markup.Markdown(changeValue(c.Op, c.Old)), markup.Markdown(changeValue(c.Op, c.New))})
	}
	m.Table([]string{"#", "Item", "Id", "Change", "Before", "After"}, rows)
	return m.Err()
}

// changeValue writes an old or new value of a change for a table: a whole
// item summarised, text and ids as they are, a condition in words, any
// other field value as Change.String writes it; nothing for the missing
// side of an addition or removal.
func changeValue(op revision.Op, v any) string {
	switch x := v.(type) {
	case nil:
		if op == revision.OpModified {
			return "none"
		}
		return ""
	case agreement.AgreementID:
		return orNone(string(x))
	case agreement.ClauseID:
		return orNone(string(x))
	case agreement.Party:
		return joinNonEmpty("; ", x.Name, x.Kind.String(), listOrEmpty(x.Roles, agreement.Role.String))
	case agreement.Group:
		return joinNonEmpty(": ", x.Name, listOrEmpty(x.Members, partyString))
	case agreement.Signature:
		return joinNonEmpty(", ", x.Signatory, x.Capacity, noneToEmpty(agreement.FormatInstant(x.Date)))
	case agreement.Clause:
		return clauseSummary(&x)
	case agreement.Fluent:
		return joinNonEmpty("; ", prefixNonEmpty("initiated by ", revision.FormatList(x.Initiates, "; ", describePattern)),
			prefixNonEmpty("terminated by ", revision.FormatList(x.Terminates, "; ", describePattern)),
			"initially "+strconv.FormatBool(x.Initially))
	case agreement.Area:
		return joinNonEmpty("; ", x.Name, x.Size.String()+" km²", "sovereignty "+formatShares(x.Sovereignty),
			"control "+formatShares(x.Control))
	case agreement.Option:
		return joinNonEmpty(": ", x.Kind.String()+" in "+joinAll(x.Areas, areaString), x.Text)
	case agreement.ItemClass:
		return joinNonEmpty(": ", x.Name, joinNonEmpty("; ", listOrEmpty(x.Items, strconv.Quote),
			listOrEmpty(x.Rule, agreement.Bound.String)))
	case agreement.PartyID:
		return orNone(partyString(x))
	case string:
		return x
	case agreement.Condition:
		return describeCondition(x)
	case agreement.Deadline:
		return deadlineText(x)
	case agreement.Recurrence:
		return recurrenceText(x)
	}
	return revision.FormatValue(v)
}

// clauseSummary is a clause in one line: "obligation (politically-binding)
// of US to UA: text".
func clauseSummary(c *agreement.Clause) string {
	s := clauseKind(c)
	if c.Force != agreement.ForceUnspecified {
		s += " (" + c.Force.String() + ")"
	}
	if len(c.Debtors) > 0 {
		s += " of " + debtorsText(c)
	}
	if len(c.Creditors) > 0 {
		s += " to " + joinAll(c.Creditors, partyString)
	}
	if c.Text != "" {
		s += ": " + c.Text
	}
	return s
}

func clauseKind(c *agreement.Clause) string {
	s := c.Kind.String()
	if c.Standing {
		s = "standing " + s
	}
	if c.Effect != agreement.EffectUnspecified {
		s += " (" + c.Effect.String() + ")"
	}
	return s
}

func debtorsText(c *agreement.Clause) string {
	s := listOrEmpty(c.Debtors, partyString)
	switch {
	case len(c.Debtors) > 1 && c.Joint:
		s += " (jointly)"
	case len(c.Debtors) > 1:
		s += " (each)"
	}
	return s
}

func actionLines(c *agreement.Clause) []string {
	var out []string
	if c.Action != nil {
		out = append(out, describePattern(*c.Action))
	}
	for _, r := range c.Quantities {
		out = append(out, r.String())
	}
	if len(c.Targets) > 0 {
		out = append(out, "targets: "+joinAll(c.Targets, agreement.Ref.String))
	}
	if c.ResumedBy != "" {
		out = append(out, "resumed by: "+string(c.ResumedBy))
	}
	switch c.TargetDebtor {
	case "":
	case agreement.Debtor:
		out = append(out, "target debtor: the debtor exercising it (its instance of each target only)")
	default:
		out = append(out, "target debtor: "+partyString(c.TargetDebtor)+" (its instance of each target only)")
	}
	if len(c.Relaxes) > 0 {
		out = append(out, "relaxes: "+joinAll(c.Relaxes, agreement.Ref.String))
	}
	if c.Grant != nil {
		out = append(out, "granted by: "+describePattern(*c.Grant))
	}
	if s := coverText(c); s != "" {
		out = append(out, s)
	}
	return out
}

// coverText says how many acts one grant of a relaxing permission covers,
// "" when the clause relaxes nothing and sets no cover.
func coverText(c *agreement.Clause) string {
	if len(c.Relaxes) == 0 && c.Covers == 0 && c.CoverWindow == 0 {
		return ""
	}
	var s string
	switch {
	case c.Covers == 1 || c.Covers == 0 && c.CoverWindow <= 0:
		s = "covers: 1 act per grant"
	case c.Covers == 0:
		s = "covers: every act"
	default:
		s = "covers: " + strconv.Itoa(c.Covers) + " acts per grant"
	}
	if c.CoverWindow != 0 {
		s += " within " + agreement.FormatDuration(c.CoverWindow) + " of it"
	}
	return s
}

func conditionLines(c *agreement.Clause) []string {
	var out []string
	for _, nc := range c.Conditions() {
		if nc.Condition != nil {
			out = append(out, nc.Name+": "+describeCondition(nc.Condition))
		}
	}
	if !c.Deadline.IsZero() {
		out = append(out, "deadline: "+deadlineText(c.Deadline))
	}
	if !c.Expiry.IsZero() {
		out = append(out, "expiry: "+deadlineText(c.Expiry))
	}
	if !c.Recurs.IsZero() {
		out = append(out, "recurs: "+recurrenceText(c.Recurs))
	}
	if !c.Term.IsZero() {
		out = append(out, "term: "+c.Term.String())
	}
	if c.Surviving {
		out = append(out, "survives the agreement")
	}
	if c.Provisional {
		out = append(out, "provisional: applies from each debtor's signature")
	}
	if s := suspensionText(c.DuringSuspension); s != "" {
		out = append(out, "during a suspension: "+s)
	}
	if c.Zone != "" {
		out = append(out, "time zone: "+string(c.Zone))
	}
	return out
}

// suspensionText says in words what the acts done during a suspension
// count for under rule r, "" for the default, [agreement.SuspensionExcuses].
func suspensionText(r agreement.SuspensionRule) string {
	switch r {
	case agreement.SuspensionExcuses:
		return ""
	case agreement.SuspensionDefers:
		return "acts are judged at resumption (defers)"
	}
	return r.String()
}

// deadlineText writes a limit in words: its instant ("at 2026-06-01"), or
// its duration or calendar period ("after 72h", "after 3d"), counted from
// its anchor in words when it has one ("from ceasefire-in-force
// happened"), then its rounding and flags (", end of day, exclusive,
// unconditional"); "none" for the zero Deadline.
func deadlineText(d agreement.Deadline) string {
	if d.IsZero() {
		return "none"
	}
	var parts []string
	switch {
	case !d.At.IsZero():
		parts = append(parts, "at "+agreement.FormatInstant(d.At))
	case d.After != 0:
		parts = append(parts, "after "+agreement.FormatDuration(d.After))
	case !d.Period.IsZero():
		parts = append(parts, "after "+periodText(d.Period))
	}
	if !agreement.EqualConditions(d.From, nil) {
		parts = append(parts, "from "+describeCondition(d.From))
	}
	s := strings.Join(parts, " ")
	if s == "" {
		s = "when the clause is reached"
	}
	if r := roundingText(d.Round); r != "" {
		s += ", " + r
	}
	if d.Exclusive {
		s += ", exclusive"
	}
	if d.Unconditional {
		s += ", unconditional"
	}
	return s
}

// recurrenceText writes a recurrence in words: "every 1mo within 5d, end
// of day", "on armed-attack by RU within 2d"; "none" for the zero
// Recurrence.
func recurrenceText(r agreement.Recurrence) string {
	if r.IsZero() {
		return "none"
	}
	var parts []string
	if !r.Every.IsZero() {
		parts = append(parts, "every "+periodText(r.Every))
	}
	if !r.Start.IsZero() {
		parts = append(parts, "from "+agreement.FormatInstant(r.Start))
	}
	if r.On != nil {
		parts = append(parts, "on "+describePattern(*r.On))
	}
	if !r.Within.IsZero() {
		parts = append(parts, "within "+periodText(r.Within))
	}
	s := strings.Join(parts, " ")
	if rt := roundingText(r.Round); rt != "" {
		if s != "" {
			s += ", "
		}
		s += rt
	}
	return s
}

// periodText writes a period as [agreement.Period.String] does, with its
// exact part as [agreement.FormatDuration] writes durations: "1mo", "3d",
// "2d12h", "48h".
func periodText(p agreement.Period) string {
	if p.Exact == 0 {
		return p.String()
	}
	exact := agreement.FormatDuration(p.Exact)
	if p.Calendar() {
		p.Exact = 0
		return p.String() + exact
	}
	return exact
}

// roundingText writes a rounding in words, "" for none.
func roundingText(r agreement.Rounding) string {
	switch r {
	case agreement.RoundNone:
		return ""
	case agreement.RoundStartOfDay:
		return "start of day"
	case agreement.RoundEndOfDay:
		return "end of day"
	}
	return r.String()
}

func textLines(c *agreement.Clause) []string {
	var out []string
	if c.Text != "" {
		out = append(out, c.Text)
	}
	if s := sourceText(c.Source); s != "none" {
		out = append(out, "— "+s)
	}
	return out
}

func optionTerms(o *agreement.Option) []string {
	var out []string
	if o.From != "" || o.To != "" {
		out = append(out, "from "+orDash(string(o.From))+" to "+orDash(string(o.To)))
	}
	if o.Party != "" {
		out = append(out, "party "+string(o.Party))
	}
	if len(o.Parties) > 0 {
		out = append(out, "parties "+joinAll(o.Parties, partyString))
	}
	if o.Width != nil {
		out = append(out, "width "+o.Width.String()+" km each side")
	}
	if !o.Deadline.IsZero() {
		out = append(out, "deadline "+deadlineText(o.Deadline))
	}
	for _, r := range o.Results {
		out = append(out, "result "+agreement.Result.String(r))
	}
	if o.Lapse != agreement.LapseUnspecified {
		out = append(out, "lapse "+o.Lapse.String())
	}
	return out
}

func entryText(c agreement.Condition) string {
	if agreement.EqualConditions(c, nil) {
		return "on signature"
	}
	return describeCondition(c)
}

// codeLabel writes a code with its label: "Pre (Pre-negotiation/process)".
func codeLabel(code, label string) string {
	if label == "" || label == code {
		return code
	}
	return code + " (" + label + ")"
}

func partyString(p agreement.PartyID) string { return string(p) }

func areaString(a agreement.AreaID) string { return string(a) }

func listOrEmpty[T any](xs []T, f func(T) string) string {
	if len(xs) == 0 {
		return ""
	}
	return joinAll(xs, f)
}

func sharesOrEmpty(ss []agreement.Share) string {
	if len(ss) == 0 {
		return ""
	}
	return formatShares(ss)
}

func mapStrings[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func noneToEmpty(s string) string {
	if s == "none" {
		return ""
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func prefixNonEmpty(prefix, s string) string {
	if s == "none" || s == "" {
		return ""
	}
	return prefix + s
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// describePattern writes an event pattern in words: "armed-attack by RU
// against UA", "withdrawal-completed by the debtor with an item of class
// artillery-100mm, calibre >= 100 mm".
func describePattern(p agreement.Pattern) string {
	var b strings.Builder
	b.WriteString(string(p.Kind))
	switch {
	case p.Actor != "" && p.Group != "":
		b.WriteString(" by " + partyWords(p.Actor) + " (a member of " + string(p.Group) + ")")
	case p.Actor != "":
		b.WriteString(" by " + partyWords(p.Actor))
	case p.Group != "":
		b.WriteString(" by a member of " + string(p.Group))
	}
	if p.Target != "" {
		b.WriteString(" against " + partyWords(p.Target))
	}
	if p.Area != "" {
		b.WriteString(" in " + string(p.Area))
	}
	if p.Clause != (agreement.Ref{}) {
		b.WriteString(" concerning " + p.Clause.String())
	}
	if p.Reporter != "" {
		b.WriteString(" reported by " + partyWords(p.Reporter))
	}
	if p.Attribution != agreement.AttributionUnspecified {
		b.WriteString(" (" + p.Attribution.String() + ")")
	}
	switch {
	case p.Item != "" && p.Class != "":
		b.WriteString(" with item " + strconv.Quote(p.Item) + " of class " + string(p.Class))
	case p.Item != "":
		b.WriteString(" with item " + strconv.Quote(p.Item))
	case p.Class != "":
		b.WriteString(" with an item of class " + string(p.Class))
	}
	if !p.Measure.IsZero() {
		b.WriteString(", " + p.Measure.String())
	}
	return b.String()
}

// partyWords writes a party of a pattern, and the placeholders as words:
// "the debtor", "a creditor".
func partyWords(p agreement.PartyID) string {
	switch p {
	case agreement.Debtor:
		return "the debtor"
	case agreement.Creditor:
		return "a creditor"
	}
	return string(p)
}

// describeCondition writes a condition in words: "ceasefire-in-force holds
// and MNF is in-effect". It keeps a stack of its own rather than recursing
// and writes into one buffer, so that its time is linear in the length of
// the result and no depth of nesting overflows the goroutine's stack. Like
// [agreement.Walk], it writes at most [agreement.MaxConditionSize] nodes, a
// shared operand once per place it occurs, then "…" and a note that the
// rest is left out, so that operands shared along 2^64 paths cost no more.
func describeCondition(c agreement.Condition) string {
	var b strings.Builder
	stack := []wordItem{{cond: c}} // what is left to write, the next on top
	push := func(items ...wordItem) {
		for i := len(items) - 1; i >= 0; i-- {
			stack = append(stack, items[i])
		}
	}
	for written := 0; len(stack) > 0; {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.isText {
			b.WriteString(it.text)
			continue
		}
		if written == agreement.MaxConditionSize {
			b.WriteString("… (the rest left out: a condition of more than " +
				strconv.Itoa(agreement.MaxConditionSize) + " nodes)")
			break
		}
		written++
		switch c := it.cond.(type) {
		case *agreement.AllCondition:
			push(joinOperands(c.Conditions(), " and ", "always")...)
		case *agreement.AnyCondition:
			push(joinOperands(c.Conditions(), " or ", "never")...)
		case *agreement.NotCondition:
			push(text("not ("), wordItem{cond: c.Condition()}, text(")"))
		case *agreement.AtLeastCondition:
			ops := c.Conditions()
			items := make([]wordItem, 0, 2*len(ops)+2)
			items = append(items, text("at least "+strconv.Itoa(c.K())+" of ("))
			for i, o := range ops {
				if i > 0 {
					items = append(items, text("; "))
				}
				items = append(items, wordItem{cond: o})
			}
			push(append(items, text(")"))...)
		default:
			b.WriteString(describeAtom(c))
		}
	}
	return b.String()
}

// wordItem is what describeCondition has left to write: a condition, or
// text when isText is set.
type wordItem struct {
	cond   agreement.Condition
	text   string
	isText bool
}

func text(s string) wordItem { return wordItem{text: s, isText: true} }

// joinOperands returns what describeCondition writes for the operands cs
// of All or Any: empty when there are none, the operand when there is one,
// else the operands joined by sep, each in parentheses when it has several
// operands itself.
func joinOperands(cs []agreement.Condition, sep, empty string) []wordItem {
	switch len(cs) {
	case 0:
		return []wordItem{text(empty)}
	case 1:
		return []wordItem{{cond: cs[0]}}
	}
	out := make([]wordItem, 0, 4*len(cs))
	for i, o := range cs {
		if i > 0 {
			out = append(out, text(sep))
		}
		if len(agreement.Operands(o)) > 1 {
			out = append(out, text("("), wordItem{cond: o}, text(")"))
		} else {
			out = append(out, wordItem{cond: o})
		}
	}
	return out
}

// describeAtom writes a condition other than All, Any, Not and AtLeast in
// words, and nil as "none".
func describeAtom(c agreement.Condition) string {
	switch c := c.(type) {
	case nil:
		return "none"
	case *agreement.HappenedCondition:
		return describePattern(c.Pattern()) + " happened"
	case *agreement.HoldsCondition:
		return string(c.Fluent()) + " holds"
	case *agreement.ClauseInCondition:
		if d := c.Debtor(); d != "" {
			return c.Ref().String() + " (owed by " + partyWords(d) + ") is " + statesText(c.States())
		}
		return c.Ref().String() + " is " + statesText(c.States())
	case *agreement.BreachedCondition:
		return breachedText(c)
	case *agreement.TallyCondition:
		if c.Sum() {
			return "the total over " + describePattern(c.Pattern()) + " is " + boundText(c.Bound())
		}
		return "the level in the last " + describePattern(c.Pattern()) + " is " + boundText(c.Bound())
	case *agreement.AgreementInCondition:
		if c.Agreement() == "" {
			return "this agreement is " + statesText(c.States())
		}
		return "agreement " + string(c.Agreement()) + " is " + statesText(c.States())
	case *agreement.BeforeCondition:
		return describePattern(c.First()) + " happened before " + describePattern(c.Then())
	case *agreement.WithinCondition:
		return "within " + agreement.FormatDuration(c.Duration()) + " of " + describePattern(c.Pattern())
	case *agreement.SinceCondition:
		if c.Duration() == 0 {
			return "since " + describePattern(c.Pattern())
		}
		return agreement.FormatDuration(c.Duration()) + " since " + describePattern(c.Pattern())
	case *agreement.ClockCondition:
		return clockText(c)
	}
	return c.String()
}

// clockText writes a clock atom in words: "from 2026-03-01T06:00:00Z",
// "until 2026-03-05", "from 2026-03-01 until 2026-03-05".
func clockText(c *agreement.ClockCondition) string {
	var parts []string
	if from := c.From(); !from.IsZero() {
		parts = append(parts, "from "+agreement.FormatInstant(from))
	}
	if until := c.Until(); !until.IsZero() {
		parts = append(parts, "until "+agreement.FormatInstant(until))
	}
	if len(parts) == 0 {
		return "a clock without bounds"
	}
	return strings.Join(parts, " ")
}

// breachedText writes a Breached atom in words: "at least 3 breaches of
// C1 (owed by the debtor) within 7d, reported by UN (confirmed)".
func breachedText(c *agreement.BreachedCondition) string {
	s := "at least " + strconv.Itoa(c.K()) + " breach"
	if c.K() != 1 {
		s += "es"
	}
	s += " of " + c.Ref().String()
	f := c.Filter()
	if f.Debtor != "" {
		s += " (owed by " + partyWords(f.Debtor) + ")"
	}
	if f.Within > 0 {
		s += " within " + agreement.FormatDuration(f.Within)
	}
	if f.Reporter != "" {
		s += ", reported by " + partyWords(f.Reporter)
	}
	if f.Attribution != agreement.AttributionUnspecified {
		s += " (" + f.Attribution.String() + ")"
	}
	return s
}

// boundText writes a bound of a tally, "without bound" for the zero Bound.
func boundText(b agreement.Bound) string {
	if b.IsZero() {
		return "without bound"
	}
	return b.String()
}

func statesText(ss []agreement.State) string {
	if len(ss) == 0 {
		return "in no state"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, " or ")
}

// section writes a "##" heading and a table, or nothing when n is zero.
func section(m *markup.Writer, title string, n int, header []string, fill func(add func(...string))) {
	if n == 0 {
		return
	}
	var rows [][]string
	fill(func(cells ...string) { rows = append(rows, cells) })
	m.Line("")
	m.Line("## " + title)
	m.Line("")
	m.Table(header, rows)
}

func mdInstant(s string) string { return markup.Markdown(noneToEmpty(s)) }

// DependencyMermaid writes the clause dependency graph of a as a Mermaid
// flowchart, which GitHub and most Markdown editors display. Each clause is
// a node (labelled with its id, kind, debtors and the start of its text;
// powers are hexagons, permissions rounded). Edges go:
//
//   - from a clause to each clause whose conditions read its state through
//     ClauseIn, labelled with the condition slot and the states ("trigger:
//     in-effect"; "deadline" and "expiry" for the conditions their limits
//     count from);
//   - from the agreement to each clause reading its state through
//     AgreementIn, labelled likewise;
//   - from a clause to the agreement when the entry-into-force condition
//     reads it, or the condition the instant of entry into force counts
//     from ([agreement.Agreement.InForceAt]);
//   - from a power to each target (thick), labelled with its effect;
//   - from a suspend power to its paired resume power (dotted), labelled
//     "resumed by".
//
// The agreement is a node only when an edge needs it; clauses and
// agreements of other instruments, and references to clauses a does not
// have, are nodes of their own. Node ids are generated (c0, c1, ...), so
// clause ids with any characters are safe, and every label is quoted with
// the characters Mermaid interprets written as entity codes. The output is
// deterministic; a is not modified and need not be valid. Conditions are
// read once per distinct node, however deeply they nest. It returns the
// first error from w; it is safe for concurrent use (with distinct writers)
// and never panics.
func DependencyMermaid(w io.Writer, a agreement.Agreement) error {
	g := &depGraph{a: &a, clauseNode: map[agreement.ClauseID]string{}, extNode: map[agreement.Ref]string{}, seen: map[string]bool{}}
	for i := range a.Clauses {
		if _, dup := g.clauseNode[a.Clauses[i].ID]; !dup {
			g.clauseNode[a.Clauses[i].ID] = "c" + strconv.Itoa(i)
		}
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		self := "c" + strconv.Itoa(i)
		for _, nc := range c.Conditions() {
			g.reads(nc.Condition, self, nc.Name)
		}
		g.reads(c.Deadline.From, self, "deadline")
		g.reads(c.Expiry.From, self, "expiry")
		for _, t := range c.Targets {
			g.edge(self, "==>", c.Effect.String(), g.node(t))
		}
		if c.ResumedBy != "" {
			g.edge(self, "-.->", "resumed by", g.node(agreement.LocalRef(c.ResumedBy)))
		}
	}
	for _, e := range []struct {
		c     agreement.Condition
		label string
	}{{a.EntryIntoForce, "entry into force"}, {a.InForceAt.From, "in force at"}} {
		walk(e.c, func(n agreement.Condition) {
			if ci, ok := n.(*agreement.ClauseInCondition); ok {
				g.edge(g.node(ci.Ref()), "-->", e.label+": "+statesText(ci.States()), g.agreementNode(""))
			}
		})
	}

	m := markup.NewWriter(w)
	m.Line("flowchart LR")
	for i := range a.Clauses {
		c := &a.Clauses[i]
		lines := []string{string(c.ID), clauseKind(c)}
		if len(c.Debtors) > 0 {
			lines[1] += " · " + debtorsText(c)
		}
		if c.Text != "" {
			lines = append(lines, markup.Truncate(c.Text, mermaidTextRunes))
		}
		lb, rb := "[", "]"
		switch c.Kind {
		case agreement.DeonticPower:
			lb, rb = "{{", "}}"
		case agreement.DeonticPermission:
			lb, rb = "(", ")"
		}
		m.Line("  c" + strconv.Itoa(i) + lb + markup.MermaidLabel(lines...) + rb)
	}
	for _, n := range g.extra {
		m.Line("  " + n)
	}
	for _, e := range g.edges {
		m.Line("  " + e)
	}
	return m.Err()
}

// mermaidTextRunes is how much of a clause's text a graph node shows.
const mermaidTextRunes = 48

// depGraph collects the nodes and edges of a dependency graph in a
// deterministic order.
type depGraph struct {
	a          *agreement.Agreement
	clauseNode map[agreement.ClauseID]string
	extNode    map[agreement.Ref]string
	extra      []string // declarations of nodes other than the clauses
	edges      []string
	seen       map[string]bool
}

// reads adds an edge for each ClauseIn and AgreementIn of c into node to.
func (g *depGraph) reads(c agreement.Condition, to, slot string) {
	walk(c, func(n agreement.Condition) {
		switch n := n.(type) {
		case *agreement.ClauseInCondition:
			g.edge(g.node(n.Ref()), "-->", slot+": "+statesText(n.States()), to)
		case *agreement.AgreementInCondition:
			g.edge(g.agreementNode(n.Agreement()), "-->", slot+": "+statesText(n.States()), to)
		}
	})
}

// walk calls fn for c and every operand under it, depth first and in order
// as [agreement.Walk] does, but once for a node shared by several operands
// (the same pointer) and with a stack of its own rather than by recursion,
// so that its time is linear in the number of distinct nodes and no depth
// of nesting overflows the goroutine's stack. Nil operands are skipped.
func walk(c agreement.Condition, fn func(agreement.Condition)) {
	seen := map[agreement.Condition]bool{}
	stack := []agreement.Condition{c}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if agreement.EqualConditions(n, nil) || seen[n] {
			continue
		}
		seen[n] = true
		fn(n)
		ops := agreement.Operands(n)
		for i := len(ops) - 1; i >= 0; i-- {
			stack = append(stack, ops[i])
		}
	}
}

// node returns the node id of what r refers to, declaring it if needed.
func (g *depGraph) node(r agreement.Ref) string {
	if r.Clause == "" {
		return g.agreementNode(r.Agreement)
	}
	if r.Agreement == "" || r.Agreement == g.a.ID {
		if id, ok := g.clauseNode[r.Clause]; ok {
			return id
		}
		r.Agreement = ""
	}
	if id, ok := g.extNode[r]; ok {
		return id
	}
	id := "x" + strconv.Itoa(len(g.extNode))
	g.extNode[r] = id
	label := r.String()
	if r.Agreement == "" {
		label += " (unknown clause)"
	}
	g.extra = append(g.extra, id+"[["+markup.MermaidLabel(label)+"]]")
	return id
}

// agreementNode returns the node of agreement id ("" for a itself).
func (g *depGraph) agreementNode(id agreement.AgreementID) string {
	if id == "" || id == g.a.ID {
		if !g.seen["agreement"] {
			g.seen["agreement"] = true
			title := "agreement " + string(g.a.ID)
			g.extra = append(g.extra, "agr([\""+markup.Mermaid(title)+"\"])")
		}
		return "agr"
	}
	r := agreement.AgreementRef(id)
	if n, ok := g.extNode[r]; ok {
		return n
	}
	n := "x" + strconv.Itoa(len(g.extNode))
	g.extNode[r] = n
	g.extra = append(g.extra, n+"([\""+markup.Mermaid("agreement "+string(id))+"\"])")
	return n
}

func (g *depGraph) edge(from, arrow, label, to string) {
	e := from + " " + arrow + "|" + markup.MermaidLabel(label) + "| " + to
	if !g.seen[e] {
		g.seen[e] = true
		g.edges = append(g.edges, e)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func joinAll[T any](xs []T, f func(T) string) string { return revision.FormatList(xs, ", ", f) }

func formatShares(ss []agreement.Share) string { return joinAll(ss, agreement.Share.String) }

func sourceText(s agreement.Source) string { return orNone(s.String()) }
