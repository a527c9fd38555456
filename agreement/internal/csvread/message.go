package csvread

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxQuoted is the most bytes of a cell that [Quote] quotes.
const maxQuoted = 64

// Quote returns s quoted as [strconv.Quote] does, cut after 64 bytes (at a
// character boundary) and followed by how many bytes were left out, so that
// a huge cell makes a short message: "\"abc\"... (1048512 more bytes)".
func Quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	n := maxQuoted
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "... (" + strconv.Itoa(len(s)-n) + " more bytes)"
}

// RowMessage returns the message of a problem with a row, or with one cell
// of it when column is not "": `pax: row 3 (line 5), column "Stage": ...`
// for name "pax", and `pax: header (line 1): ...` for row 0. A nil err reads
// as "unknown problem".
func RowMessage(name string, row, line int, column string, err error) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteString(": ")
	if row == 0 {
		b.WriteString("header")
	} else {
		b.WriteString("row ")
		b.WriteString(strconv.Itoa(row))
	}
	b.WriteString(" (line ")
	b.WriteString(strconv.Itoa(line))
	b.WriteString(")")
	if column != "" {
		b.WriteString(", column ")
		b.WriteString(strconv.Quote(column))
	}
	b.WriteString(": ")
	if err != nil {
		b.WriteString(err.Error())
	} else {
		b.WriteString("unknown problem")
	}
	return b.String()
}

// HeaderMessage returns the message of a header that lacks columns or
// repeats some: name + ": bad header: ", then none when it is not "" (the
// header has none of the columns), or else context followed by the missing
// columns when there are any, then the duplicated columns:
// `pax: bad header: missing columns "Dat", "Stage"; duplicate column "Agt"`.
func HeaderMessage(name, none, context string, missing, dup []string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteString(": bad header: ")
	switch {
	case none != "":
		b.WriteString(none)
	case len(missing) > 0:
		b.WriteString(context)
		b.WriteString("missing ")
		quoteList(&b, "column", missing)
	}
	if len(dup) > 0 {
		if len(missing) > 0 {
			b.WriteString("; ")
		}
		b.WriteString("duplicate ")
		quoteList(&b, "column", dup)
	}
	return b.String()
}

func quoteList(b *strings.Builder, noun string, names []string) {
	b.WriteString(noun)
	if len(names) > 1 {
		b.WriteString("s")
	}
	for i, n := range names {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" ")
		b.WriteString(strconv.Quote(n))
	}
}
