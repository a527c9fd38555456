package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/peacekit/peacekit/scenario"

	"github.com/peacekit/peacekit/agreement/markup"
)

// WriteCSV writes table of trace t to w as CSV: the header row of the
// table's columns (see the package doc), then one record per row, with
// every cell a spreadsheet would take for a formula escaped by a leading
// single quote (see CSV in the package doc). It returns an error for a nil
// or zero trace and an undeclared table, writing nothing then, and the first
// error from w. It is safe for concurrent use with distinct writers and
// never panics.
func WriteCSV(w io.Writer, t *scenario.Trace, table Table) error {
	header, rs, err := rows(t, table)
	if err != nil {
		return err
	}
	return markup.WriteCSV(w, header, rs)
}

// WriteJSON writes table of trace t to w as one JSON array of objects, one
// per row, whose members are the table's columns in order (see the package
// doc), each a string, or null for an empty cell; no cell is escaped.
// It returns an error for a nil or zero trace and an undeclared table,
// writing nothing then, and the first error from w. It is safe for
// concurrent use with distinct writers and never panics.
func WriteJSON(w io.Writer, t *scenario.Trace, table Table) error {
	header, rs, err := rows(t, table)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if len(rs) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	bw.WriteString("[\n")
	for i, r := range rs {
		bw.WriteString("  {")
		for k, c := range r {
			if k > 0 {
				bw.WriteString(", ")
			}
			writeString(bw, header[k])
			bw.WriteString(": ")
			if c == "" {
				bw.WriteString("null")
			} else {
				writeString(bw, c)
			}
		}
		bw.WriteString("}")
		if i < len(rs)-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// writeString writes s as a JSON string, with '<', '>' and '&' as they
// are (the output is data, not HTML).
func writeString(w *bufio.Writer, s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
