package revision

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/peacekit/peacekit/agreement/markup"
)

// changeColumns are the columns of [Changes.MarshalJSON] and
// [Changes.WriteCSV], in order.
var changeColumns = []string{"item", "id", "occurrence", "change", "field", "before", "after", "description"}

// cells returns the cells of c in the order of changeColumns, "" for an
// empty cell. Before and after are written by FormatValue, as String
// writes them, for the operations whose String shows them.
func (c Change) cells() []string {
	var before, after string
	if c.Op == OpModified || c.Op == OpReordered {
		before, after = FormatValue(c.Old), FormatValue(c.New)
	}
	return []string{c.Item.String(), c.ID, strconv.Itoa(c.Occurrence), c.Op.String(), c.Field, before, after,
		c.String()}
}

// MarshalJSON encodes the changes as a JSON array with one object per
// change, in order, for a notebook or a spreadsheet to load. Each object
// has these members, in this order, each a string, or null for an empty
// cell:
//
//   - item: the kind of item changed, as [Item.String] writes it
//     ("agreement", "party", "group", "signature", "clause", "fluent",
//     "area", "option", "item class")
//   - id: the item's id (a signature's: its signing party), as [Change.ID]
//     holds it; null for the agreement's own fields and for a reordering
//   - occurrence: [Change.Occurrence] in decimal: "0" unless several items
//     of the list share the id
//   - change: what the change does, as [Op.String] writes it ("added",
//     "removed", "modified", "reordered")
//   - field: for a modification, the field modified as the JSON encoding
//     of an agreement spells it ([Change.Field]: "force", "subStage",
//     "entryIntoForce"); null otherwise. [Change.FieldLabel] gives its name
//     for people.
//   - before, after: for a modification, the old and new values of the
//     field; for a reordering, the ids in the old and in the new order;
//     each written by [FormatValue], exactly as [Change.String] shows it
//     ("declaration-of-intent", "after 30d", `"the text"`, "none" for an
//     unset value). Null for an addition or a removal, whose item
//     [Change.String] does not show either.
//   - description: the change in words, as [Change.String] writes it
//
// Nil or empty Changes encode as []. Nothing is escaped for spreadsheets
// (see [Changes.WriteCSV]); as in every JSON that encoding/json writes,
// bytes that are not valid UTF-8 become U+FFFD. The error is always nil: MarshalJSON makes
// Changes a [json.Marshaler]. The encoding is for reading, not for
// decoding back into Changes: it does not hold the items added or removed.
// MarshalJSON is safe for concurrent use and never panics.
func (cs Changes) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for k, cell := range c.cells() {
			if k > 0 {
				b.WriteByte(',')
			}
			writeJSONString(&b, changeColumns[k])
			b.WriteByte(':')
			if cell == "" {
				b.WriteString("null")
			} else {
				writeJSONString(&b, cell)
			}
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// writeJSONString writes s as a JSON string, with '<', '>' and '&' as they
// are: json.Marshal and json.Encoder escape them in the result of
// MarshalJSON when asked to, and leave them otherwise.
func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes, into a bytes.Buffer without error
	b.Truncate(b.Len() - 1) // the newline Encode adds
}

// WriteCSV writes the changes to w as RFC 4180 CSV (with encoding/csv), for
// a spreadsheet: a header row of the columns of [Changes.MarshalJSON]
// (item, id, occurrence, change, field, before, after, description), then
// one record per change, in order, with the same cells, an empty cell
// where the JSON has null. Nil or empty Changes write the header row only.
//
// Ids, clause texts and the other values come from the agreements, and a
// spreadsheet executes a cell that begins with '=', '+', '-' or '@' as a
// formula; so, as OWASP advises against CSV injection, every cell that
// begins with one of those, with a tab or a carriage return, or with a
// single quote, is written with a single quote (') before it. To read a
// cell back exactly, drop one leading single quote when there is one. This
// is the rule of package github.com/peacekit/peacekit/scenario/export.
//
// WriteCSV returns the first error from w. It is safe for concurrent use
// (with distinct writers) and never panics.
func (cs Changes) WriteCSV(w io.Writer) error {
	rows := make([][]string, len(cs))
	for i, c := range cs {
		rows[i] = c.cells()
	}
	return markup.WriteCSV(w, changeColumns, rows)
}
