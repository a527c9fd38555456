package markup

import (
	"encoding/csv"
	"io"
)

// CSVCell returns s as a spreadsheet may show it but never execute it: with
// a single quote (') before it when it begins with a character a
// spreadsheet reads as the start of a formula ('=', '+', '-', '@', a tab or
// a carriage return), as OWASP advises against CSV injection, or with a
// single quote itself, so that dropping one leading quote, when there is
// one, always gives s back. Other text is returned as it is. Text taken
// from an agreement or a timeline (clause texts, names, event text) may
// hold anything, and a spreadsheet opening a CSV file executes its formulas.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// WriteCSV writes a table to w as RFC 4180 CSV with package encoding/csv:
// the header row as it is, then each row with every cell through
// [CSVCell]. Rows shorter or longer than the header are written as they
// are. A line break in a cell is written as it is, inside quotes, so a
// reader following RFC 4180 reads it back; package encoding/csv's reader
// reads "\r\n" there as "\n". It returns the first error from w, and
// [ErrNoWriter] for a nil w; it does not modify rows.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	if w == nil {
		return ErrNoWriter
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	var rec []string
	for _, r := range rows {
		rec = rec[:0]
		for _, c := range r {
			rec = append(rec, CSVCell(c))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
