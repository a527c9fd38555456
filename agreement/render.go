package agreement

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown writes a as Markdown that an analyst can paste into a report: a
// heading with the title, a table of the agreement's own fields, then one
// table each for the parties and their roles, the party groups, the
// signatures, the fluents, the clauses (kind, force, category, debtors,
// creditors, action, conditions in words, text and source), the territory's
// areas and the territorial options, leaving out lists that are empty.
// Conditions are written in words ("ceasefire-in-force holds and MNF is
// in-effect"); text from the agreement is escaped, so that it reads as
// written and cannot break a table. The output depends only on a; a is not
// modified and need not be valid. It returns the first error from w; it is
// safe for concurrent use (with distinct writers) and never panics.
func (a Agreement) Markdown(w io.Writer) error {
	m := &mdWriter{w: w}
	title := a.Title
	if title == "" {
		title = string(a.ID)
	}
	m.line("# " + mdHeading(title))
	m.line("")
	m.table([]string{"Field", "Value"}, [][]string{
		{"Id", MarkdownEscape(string(a.ID))},
		{"Title", MarkdownEscape(a.Title)},
		{"Date", mdInstant(formatInstant(a.Date))},
		{"Stage", MarkdownEscape(codeLabel(string(a.Stage), a.Stage.Label()))},
		{"Sub-stage", MarkdownEscape(codeLabel(string(a.SubStage), a.SubStage.Label()))},
		{"Signing status", MarkdownEscape(codeLabel(a.SigningStatus.String(), a.SigningStatus.PAXLabel()))},
		{"Entry into force", MarkdownEscape(entryText(a.EntryIntoForce))},
	})

	m.section("Parties", len(a.Parties), []string{"Party", "Name", "Kind", "Roles"}, func(add func(...string)) {
		for _, p := range a.Parties {
			add(MarkdownEscape(string(p.ID)), MarkdownEscape(p.Name), MarkdownEscape(p.Kind.String()), MarkdownEscape(listOrEmpty(p.Roles, Role.String)))
		}
	})
	m.section("Groups", len(a.Groups), []string{"Group", "Name", "Members"}, func(add func(...string)) {
		for _, g := range a.Groups {
			add(MarkdownEscape(string(g.ID)), MarkdownEscape(g.Name), MarkdownEscape(listOrEmpty(g.Members, partyString)))
		}
	})
	m.section("Signatures", len(a.Signatures), []string{"Party", "Signatory", "Capacity", "Date"}, func(add func(...string)) {
		for _, s := range a.Signatures {
			add(MarkdownEscape(string(s.Party)), MarkdownEscape(s.Signatory), MarkdownEscape(s.Capacity), mdInstant(formatInstant(s.Date)))
		}
	})
	m.section("Fluents", len(a.Fluents), []string{"Fluent", "Initially", "Initiated by", "Terminated by"}, func(add func(...string)) {
		for _, f := range a.Fluents {
			add(MarkdownEscape(string(f.ID)), strconv.FormatBool(f.Initially),
				mdLines(mapStrings(f.Initiates, describePattern)), mdLines(mapStrings(f.Terminates, describePattern)))
		}
	})
	m.section("Clauses", len(a.Clauses), []string{"Clause", "Kind", "Force", "Category", "Debtors", "Creditors",
		"Action", "Conditions", "Text"}, func(add func(...string)) {
		for i := range a.Clauses {
			c := &a.Clauses[i]
			add(MarkdownEscape(string(c.ID)), MarkdownEscape(clauseKind(c)), MarkdownEscape(c.Force.String()), MarkdownEscape(string(c.Category)),
				MarkdownEscape(debtorsText(c)), MarkdownEscape(listOrEmpty(c.Creditors, partyString)),
				mdLines(actionLines(c)), mdLines(conditionLines(c)), mdLines(textLines(c)))
		}
	})
	m.section("Territory", len(a.Territory.Areas), []string{"Area", "Name", "Size (km²)", "Sovereignty", "Control",
		"Arrangements"}, func(add func(...string)) {
		for _, ar := range a.Territory.Areas {
			add(MarkdownEscape(string(ar.ID)), MarkdownEscape(ar.Name), MarkdownEscape(ar.Size.String()), MarkdownEscape(sharesOrEmpty(ar.Sovereignty)),
				MarkdownEscape(sharesOrEmpty(ar.Control)), mdLines(mapStrings(ar.Arrangements, formatArrangement)))
		}
	})
	m.section("Territorial options", len(a.Options), []string{"Option", "Kind", "Areas", "Terms", "Text"},
		func(add func(...string)) {
			for i := range a.Options {
				o := &a.Options[i]
				add(MarkdownEscape(string(o.ID)), MarkdownEscape(o.Kind.String()), MarkdownEscape(listOrEmpty(o.Areas, areaString)),
					mdLines(optionTerms(o)), MarkdownEscape(o.Text))
			}
		})
	return m.err
}

// Markdown writes the changes as a Markdown table, one row per change in
// order: its number, the kind of item, the item's id, what changed (added,
// removed, reordered, or the field modified) and the values before and
// after, in words (a whole item added or removed is summarised). With no
// change it writes "No changes.". Text is escaped as by
// [Agreement.Markdown]. It returns the first error from w; it is safe for
// concurrent use (with distinct writers) and never panics.
func (cs Changes) Markdown(w io.Writer) error {
	m := &mdWriter{w: w}
	if len(cs) == 0 {
		m.line("No changes.")
		return m.err
	}
	rows := make([][]string, 0, len(cs))
	for i, c := range cs {
		id := c.ID
		if c.Occurrence > 0 {
			id += " (#" + strconv.Itoa(c.Occurrence+1) + ")"
		}
		what := c.Op.String()
		if c.Op == ChangeModified {
			what = fieldLabel(c.Item, c.Field)
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), MarkdownEscape(c.Item.String()), MarkdownEscape(id), MarkdownEscape(what),
			MarkdownEscape(changeValue(c.Op, c.Old)), MarkdownEscape(changeValue(c.Op, c.New))})
	}
	m.table([]string{"#", "Item", "Id", "Change", "Before", "After"}, rows)
	return m.err
}

// changeValue writes an old or new value of a change for a table: a whole
// item summarised, text and ids as they are, a condition in words, any
// other field value as Change.String writes it; nothing for the missing
// side of an addition or removal.
func changeValue(op ChangeOp, v any) string {
	switch x := v.(type) {
	case nil:
		if op == ChangeModified {
			return "none"
		}
		return ""
	case AgreementID:
		return orNone(string(x), false)
	case ClauseID:
		return orNone(string(x), false)
	case PartyID:
		return orNone(string(x), false)
	case Party:
		return joinNonEmpty("; ", x.Name, x.Kind.String(), listOrEmpty(x.Roles, Role.String))
	case Group:
		return joinNonEmpty(": ", x.Name, listOrEmpty(x.Members, partyString))
	case Signature:
		return joinNonEmpty(", ", x.Signatory, x.Capacity, noneToEmpty(formatInstant(x.Date)))
	case Clause:
		return clauseSummary(&x)
	case Fluent:
		return joinNonEmpty("; ", prefixNonEmpty("initiated by ", joinWith(x.Initiates, "; ", describePattern)),
			prefixNonEmpty("terminated by ", joinWith(x.Terminates, "; ", describePattern)),
			"initially "+strconv.FormatBool(x.Initially))
	case Area:
		return joinNonEmpty("; ", x.Name, x.Size.String()+" km²", "sovereignty "+formatShares(x.Sovereignty),
			"control "+formatShares(x.Control))
	case Option:
		return joinNonEmpty(": ", x.Kind.String()+" in "+joinAll(x.Areas, areaString), x.Text)
	case string:
		return x
	case Condition:
		return describeCondition(x)
	}
	return formatValue(v)
}

// clauseSummary is a clause in one line: "obligation (politically-binding)
// of US to UA: text".
func clauseSummary(c *Clause) string {
	s := clauseKind(c)
	if c.Force != ForceUnspecified {
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

func clauseKind(c *Clause) string {
	s := c.Kind.String()
	if c.Effect != EffectUnspecified {
		s += " (" + c.Effect.String() + ")"
	}
	return s
}

func debtorsText(c *Clause) string {
	s := listOrEmpty(c.Debtors, partyString)
	switch {
	case len(c.Debtors) > 1 && c.Joint:
		s += " (jointly)"
	case len(c.Debtors) > 1:
		s += " (each)"
	}
	return s
}

func actionLines(c *Clause) []string {
	var out []string
	if c.Action != nil {
		out = append(out, describePattern(*c.Action))
	}
	for _, r := range c.Quantities {
		out = append(out, r.String())
	}
	if len(c.Targets) > 0 {
		out = append(out, "targets: "+joinAll(c.Targets, Ref.String))
	}
	if c.ResumedBy != "" {
		out = append(out, "resumed by: "+string(c.ResumedBy))
	}
	return out
}

func conditionLines(c *Clause) []string {
	var out []string
	for _, nc := range c.Conditions() {
		if nc.Condition != nil {
			out = append(out, nc.Name+": "+describeCondition(nc.Condition))
		}
	}
	if !c.Deadline.IsZero() {
		out = append(out, "deadline: "+c.Deadline.String())
	}
	if !c.Expiry.IsZero() {
		out = append(out, "expiry: "+c.Expiry.String())
	}
	if c.Surviving {
		out = append(out, "survives the agreement")
	}
	return out
}

func textLines(c *Clause) []string {
	var out []string
	if c.Text != "" {
		out = append(out, c.Text)
	}
	if s := formatSource(c.Source); s != "none" {
		out = append(out, "— "+s)
	}
	return out
}

func optionTerms(o *Option) []string {
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
		out = append(out, "deadline "+o.Deadline.String())
	}
	for _, r := range o.Results {
		out = append(out, "result "+formatResult(r))
	}
	if o.Lapse != LapseUnspecified {
		out = append(out, "lapse "+o.Lapse.String())
	}
	return out
}

func entryText(c Condition) string {
	if isNil(c) {
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

func partyString(p PartyID) string { return string(p) }

func areaString(a AreaID) string { return string(a) }

func listOrEmpty[T any](xs []T, f func(T) string) string {
	if len(xs) == 0 {
		return ""
	}
	return joinAll(xs, f)
}

func sharesOrEmpty(ss []Share) string {
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
// against UA".
func describePattern(p Pattern) string {
	var b strings.Builder
	b.WriteString(string(p.Kind))
	switch {
	case p.Actor != "" && p.Group != "":
		b.WriteString(" by " + string(p.Actor) + " (a member of " + string(p.Group) + ")")
	case p.Actor != "":
		b.WriteString(" by " + string(p.Actor))
	case p.Group != "":
		b.WriteString(" by a member of " + string(p.Group))
	}
	if p.Target != "" {
		b.WriteString(" against " + string(p.Target))
	}
	if p.Area != "" {
		b.WriteString(" in " + string(p.Area))
	}
	if p.Clause != (Ref{}) {
		b.WriteString(" concerning " + p.Clause.String())
	}
	if p.Reporter != "" {
		b.WriteString(" reported by " + string(p.Reporter))
	}
	if p.Attribution != AttributionUnspecified {
		b.WriteString(" (" + p.Attribution.String() + ")")
	}
	return b.String()
}

// describeCondition writes a condition in words: "ceasefire-in-force holds
// and MNF is in-effect".
func describeCondition(c Condition) string {
	switch c := c.(type) {
	case nil:
		return "none"
	case *HappenedCondition:
		return describePattern(c.pattern) + " happened"
	case *HoldsCondition:
		return string(c.fluent) + " holds"
	case *ClauseInCondition:
		return c.ref.String() + " is " + statesText(c.states)
	case *AgreementInCondition:
		if c.agreement == "" {
			return "this agreement is " + statesText(c.states)
		}
		return "agreement " + string(c.agreement) + " is " + statesText(c.states)
	case *BeforeCondition:
		return describePattern(c.first) + " happened before " + describePattern(c.then)
	case *WithinCondition:
		return "within " + FormatDuration(c.d) + " of " + describePattern(c.pattern)
	case *SinceCondition:
		if c.d == 0 {
			return "since " + describePattern(c.pattern)
		}
		return FormatDuration(c.d) + " since " + describePattern(c.pattern)
	case *AllCondition:
		return joinOperands(c.cs, " and ", "always")
	case *AnyCondition:
		return joinOperands(c.cs, " or ", "never")
	case *NotCondition:
		return "not (" + describeCondition(c.c) + ")"
	case *AtLeastCondition:
		parts := make([]string, len(c.cs))
		for i, o := range c.cs {
			parts[i] = describeCondition(o)
		}
		return "at least " + strconv.Itoa(c.k) + " of (" + strings.Join(parts, "; ") + ")"
	}
	return c.String()
}

func joinOperands(cs []Condition, sep, empty string) string {
	switch len(cs) {
	case 0:
		return empty
	case 1:
		return describeCondition(cs[0])
	}
	parts := make([]string, len(cs))
	for i, o := range cs {
		s := describeCondition(o)
		if len(operands(o)) > 1 {
			s = "(" + s + ")"
		}
		parts[i] = s
	}
	return strings.Join(parts, sep)
}

func statesText(ss []State) string {
	if len(ss) == 0 {
		return "in no state"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, " or ")
}

// mdWriter writes Markdown and keeps the first error.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) line(s string) {
	if m.err == nil {
		_, m.err = io.WriteString(m.w, s+"\n")
	}
}

// table writes a table whose cells are already escaped.
func (m *mdWriter) table(header []string, rows [][]string) {
	m.row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	m.row(sep)
	for _, r := range rows {
		m.row(r)
	}
}

func (m *mdWriter) row(cells []string) {
	m.line("| " + strings.Join(cells, " | ") + " |")
}

// section writes a "##" heading and a table, or nothing when n is zero.
func (m *mdWriter) section(title string, n int, header []string, fill func(add func(...string))) {
	if n == 0 {
		return
	}
	var rows [][]string
	fill(func(cells ...string) { rows = append(rows, cells) })
	m.line("")
	m.line("## " + title)
	m.line("")
	m.table(header, rows)
}

// MarkdownEscape escapes text for a Markdown table cell (or any inline
// Markdown): characters that Markdown or a table would interpret are
// backslash-escaped, line breaks become <br>, other control characters
// spaces, so that the text reads as written. Renderers of this library and
// of packages built on it share it.
func MarkdownEscape(s string) string {
	var b strings.Builder
	prevWord := false // whether the previous character is a letter or digit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		next, _ := utf8.DecodeRuneInString(s[i:]) // utf8.RuneError at the end
		switch {
		case r == '\r':
			if next != '\n' {
				b.WriteString("<br>")
			}
		case r == '\n':
			b.WriteString("<br>")
		case r == '&':
			if next == '#' || 'a' <= next && next <= 'z' || 'A' <= next && next <= 'Z' {
				b.WriteByte('\\') // it would start an entity
			}
			b.WriteByte('&')
		case r == ']' && next == '(', // it would end a link's text
			r == '_' && !(prevWord && (unicode.IsLetter(next) || unicode.IsDigit(next))),
			strings.ContainsRune("\\`*<>|~$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
		prevWord = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return b.String()
}

// mdHeading escapes text for a heading: as a cell, on one line, with '#'
// escaped too.
func mdHeading(s string) string {
	s = strings.Join(strings.Fields(strings.NewReplacer("\r", " ", "\n", " ").Replace(s)), " ")
	return strings.ReplaceAll(MarkdownEscape(s), "#", "\\#")
}

// mdLines escapes each line and joins them with <br>.
func mdLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = MarkdownEscape(l)
	}
	return strings.Join(out, "<br>")
}

func mdInstant(s string) string { return MarkdownEscape(noneToEmpty(s)) }

// MermaidDependencies writes the clause dependency graph of a as a Mermaid
// flowchart, which GitHub and most Markdown editors display. Each clause is
// a node (labelled with its id, kind, debtors and the start of its text;
// powers are hexagons, permissions rounded). Edges go:
//
//   - from a clause to each clause whose conditions read its state through
//     ClauseIn, labelled with the condition slot and the states ("trigger:
//     in-effect");
//   - from the agreement to each clause reading its state through
//     AgreementIn, labelled likewise;
//   - from a clause to the agreement when the entry-into-force condition
//     reads it;
//   - from a power to each target (thick), labelled with its effect;
//   - from a suspend power to its paired resume power (dotted), labelled
//     "resumed by".
//
// The agreement is a node only when an edge needs it; clauses and
// agreements of other instruments, and references to clauses a does not
// have, are nodes of their own. Node ids are generated (c0, c1, ...), so
// clause ids with any characters are safe, and every label is quoted with
// the characters Mermaid interprets written as entity codes. The output is
// deterministic; a is not modified and need not be valid. It returns the
// first error from w; it is safe for concurrent use (with distinct writers)
// and never panics.
func (a Agreement) MermaidDependencies(w io.Writer) error {
	g := &depGraph{a: &a, clauseNode: map[ClauseID]string{}, extNode: map[Ref]string{}, seen: map[string]bool{}}
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
		for _, t := range c.Targets {
			g.edge(self, "==>", c.Effect.String(), g.node(t))
		}
		if c.ResumedBy != "" {
			g.edge(self, "-.->", "resumed by", g.node(LocalRef(c.ResumedBy)))
		}
	}
	Walk(a.EntryIntoForce, func(n Condition) bool {
		if ci, ok := n.(*ClauseInCondition); ok {
			g.edge(g.node(ci.ref), "-->", "entry into force: "+statesText(ci.states), g.agreementNode(""))
		}
		return true
	})

	m := &mdWriter{w: w}
	m.line("flowchart LR")
	for i := range a.Clauses {
		c := &a.Clauses[i]
		lines := []string{string(c.ID), clauseKind(c)}
		if len(c.Debtors) > 0 {
			lines[1] += " · " + debtorsText(c)
		}
		if c.Text != "" {
			lines = append(lines, truncateRunes(c.Text, mermaidTextRunes))
		}
		lb, rb := "[", "]"
		switch c.Kind {
		case DeonticPower:
			lb, rb = "{{", "}}"
		case DeonticPermission:
			lb, rb = "(", ")"
		}
		m.line("  c" + strconv.Itoa(i) + lb + mermaidLabel(lines...) + rb)
	}
	for _, n := range g.extra {
		m.line("  " + n)
	}
	for _, e := range g.edges {
		m.line("  " + e)
	}
	return m.err
}

// mermaidTextRunes is how much of a clause's text a graph node shows.
const mermaidTextRunes = 48

// depGraph collects the nodes and edges of a dependency graph in a
// deterministic order.
type depGraph struct {
	a          *Agreement
	clauseNode map[ClauseID]string
	extNode    map[Ref]string
	extra      []string // declarations of nodes other than the clauses
	edges      []string
	seen       map[string]bool
}

// reads adds an edge for each ClauseIn and AgreementIn of c into node to.
func (g *depGraph) reads(c Condition, to, slot string) {
	Walk(c, func(n Condition) bool {
		switch n := n.(type) {
		case *ClauseInCondition:
			g.edge(g.node(n.ref), "-->", slot+": "+statesText(n.states), to)
		case *AgreementInCondition:
			g.edge(g.agreementNode(n.agreement), "-->", slot+": "+statesText(n.states), to)
		}
		return true
	})
}

// node returns the node id of what r refers to, declaring it if needed.
func (g *depGraph) node(r Ref) string {
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
	g.extra = append(g.extra, id+"[["+mermaidLabel(label)+"]]")
	return id
}

// agreementNode returns the node of agreement id ("" for a itself).
func (g *depGraph) agreementNode(id AgreementID) string {
	if id == "" || id == g.a.ID {
		if !g.seen["agreement"] {
			g.seen["agreement"] = true
			title := "agreement " + string(g.a.ID)
			g.extra = append(g.extra, "agr([\""+MermaidEscape(title)+"\"])")
		}
		return "agr"
	}
	r := AgreementRef(id)
	if n, ok := g.extNode[r]; ok {
		return n
	}
	n := "x" + strconv.Itoa(len(g.extNode))
	g.extNode[r] = n
	g.extra = append(g.extra, n+"([\""+MermaidEscape("agreement "+string(id))+"\"])")
	return n
}

func (g *depGraph) edge(from, arrow, label, to string) {
	e := from + " " + arrow + "|" + mermaidLabel(label) + "| " + to
	if !g.seen[e] {
		g.seen[e] = true
		g.edges = append(g.edges, e)
	}
}

// mermaidLabel quotes lines as one Mermaid label, broken with <br>.
func mermaidLabel(lines ...string) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = MermaidEscape(l)
	}
	return "\"" + strings.Join(parts, "<br>") + "\""
}

// MermaidEscape writes s for a quoted Mermaid label: the characters Mermaid
// interprets (quotes, '#', ';', '|', '%', '<', '>', '&', '`', braces) as
// entity codes, line breaks as <br>, other control characters as spaces.
func MermaidEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"', '#', ';', '|', '%', '<', '>', '&', '`', '{', '}':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		case '\n':
			b.WriteString("<br>")
		case '\r':
		default:
			if r < ' ' || r == 0x7f {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// truncate returns s cut to at most n runes, with "…" when cut.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n-1 {
			return s[:k] + "…"
		}
		i++
	}
	return s
}
