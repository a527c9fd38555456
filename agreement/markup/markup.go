// Package markup writes the text of peacekit's reports safely: Markdown that
// an analyst pastes into a document, Mermaid diagrams that GitHub and most
// Markdown editors draw, aligned plain text for terminals, and CSV that a
// spreadsheet opens without executing formulas ([CSVCell], [WriteCSV]).
//
// Text taken from an agreement (titles, verbatim clauses, party names) may
// hold any character. [Markdown] and [MermaidLabel] escape it so that it reads
// as written and cannot break the table or diagram around it; a [Writer]
// writes lines, Markdown tables and aligned columns and keeps the first
// write error, so a renderer checks once, at the end.
//
// Packages [github.com/peacekit/peacekit/agreement/report] and
// [github.com/peacekit/peacekit/scenario] render with it, and programs built
// on the library can too.
package markup

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"
)

// Markdown escapes text for a Markdown table cell (or any inline Markdown):
// characters that Markdown or a table would interpret are backslash-escaped,
// line breaks become <br>, other control characters spaces, so that the text
// reads as written.
func Markdown(s string) string {
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

// MarkdownHeading escapes text for a Markdown heading: as [Markdown] does,
// on one line (runs of white space, line breaks included, become one space),
// with '#' escaped too.
func MarkdownHeading(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(Markdown(s), "#", "\\#")
}

// MarkdownLines escapes each line as [Markdown] does and joins them with
// <br>, for a table cell of several lines.
func MarkdownLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Markdown(l)
	}
	return strings.Join(out, "<br>")
}

// Mermaid escapes text for a quoted Mermaid label: the characters Mermaid
// interprets (quotes, '#', ';', '|', '%', '<', '>', '&', '`', braces) become
// entity codes, line breaks <br>, other control characters spaces.
func Mermaid(s string) string {
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

// MermaidLabel quotes lines as one Mermaid label, each escaped as [Mermaid]
// does, broken with <br>.
func MermaidLabel(lines ...string) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = Mermaid(l)
	}
	return "\"" + strings.Join(parts, "<br>") + "\""
}

// GanttText makes text safe as a Mermaid Gantt chart's title, section or
// task name, where no escape exists: the characters the Gantt syntax gives a
// meaning (':' ends a task name, ';' and '#' start entities and comments, '%'
// starts a directive) become spaces, as do line breaks.
func GanttText(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ':', ';', '#', '%', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}

// Truncate returns s cut to at most n runes, ending with "…" when cut. n
// below 1 is taken as 1.
func Truncate(s string, n int) string {
	n = max(n, 1)
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

// A Writer writes a report line by line to an io.Writer and keeps the first
// error: after one, it writes nothing more, and [Writer.Err] returns it. The
// zero Writer, a nil *Writer and a Writer built by NewWriter(nil) write
// nothing and report [ErrNoWriter]; build one with [NewWriter]. A Writer is
// not safe for concurrent use.
type Writer struct {
	w   io.Writer
	err error
}

// ErrNoWriter is what [Writer.Err] returns for a Writer without an
// io.Writer to write to.
var ErrNoWriter = errors.New("markup: no io.Writer to write to")

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer {
	if w == nil {
		return &Writer{err: ErrNoWriter}
	}
	return &Writer{w: w}
}

// Err returns the first error the underlying writer returned, or nil;
// [ErrNoWriter] when there is no underlying writer.
func (w *Writer) Err() error {
	if w == nil || w.err == nil && w.w == nil {
		return ErrNoWriter
	}
	return w.err
}

// ok reports whether w may write: it has an io.Writer and no error yet.
func (w *Writer) ok() bool { return w.Err() == nil }

// Line writes s and a newline.
func (w *Writer) Line(s string) {
	if w.ok() {
		_, w.err = io.WriteString(w.w, s+"\n")
	}
}

// Printf writes as [fmt.Fprintf] does.
func (w *Writer) Printf(format string, args ...any) {
	if w.ok() {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

// Table writes a Markdown table: the header row, the separator, then the
// rows. Cells are written as they are: escape text with [Markdown] first.
// A row with fewer cells than the header is written as it is.
func (w *Writer) Table(header []string, rows [][]string) {
	if !w.ok() {
		return
	}
	w.row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	w.row(sep)
	for _, r := range rows {
		w.row(r)
	}
}

func (w *Writer) row(cells []string) { w.Line("| " + strings.Join(cells, " | ") + " |") }

// Columns writes rows of plain-text cells aligned in columns two spaces
// apart, each line starting with indent; nothing for no rows. Cells must not
// hold tabs or line breaks.
func (w *Writer) Columns(indent string, rows [][]string) {
	if !w.ok() || len(rows) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w.w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		if _, w.err = fmt.Fprintln(tw, indent+strings.Join(r, "\t")); w.err != nil {
			return
		}
	}
	w.err = tw.Flush()
}
