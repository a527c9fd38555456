package agreement_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peacekit/peacekit/agreement"
)

// A declaration that could not be read does not turn the references to it
// into unknown ones: decoding reports the declaration's problem, and no
// unknown reference (with a suggestion that would break the document)
// resolving against that collection. References against a collection read
// in full are still checked.
func TestDecodeUnreadDeclaration(t *testing.T) {
	const (
		parties = `"parties":[{"id":"US","name":"United States","kind":"state"},{"id":"UA","name":"Ukraine","kind":"state"}]`
		clauses = `"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"}},` +
			`{"id":"MON","kind":"obligation","debtors":["US"],"action":{"kind":"k"}},` +
			`{"id":"C3","kind":"obligation","debtors":["UA"],"action":{"kind":"k"},"trigger":{"holds":"peace"},` +
			`"antecedent":{"clauseIn":{"clause":"MON","states":["violated"]}}}]`
		fluents = `"fluents":[{"id":"peace"}]`
	)
	doc := func(members ...string) string {
		s := `{"schema":1,"id":"a"`
		for _, m := range members {
			s += "," + m
		}
		return s + "}"
	}
	tests := []struct {
		name string
		in   string
		want []jsonProblem
	}{
		{"party id in another case",
			doc(`"parties":[{"ID":"UA","name":"Ukraine","kind":"state"},{"id":"US","name":"United States","kind":"state"}]`, clauses, fluents),
			[]jsonProblem{{"parties[0].ID", agreement.ErrUnknownField}, {"parties[0].id", agreement.ErrMissing}}},
		{"party id a number",
			doc(`"parties":[{"id":7,"name":"Ukraine","kind":"state"},{"id":"US","name":"United States","kind":"state"}]`, clauses, fluents),
			[]jsonProblem{{"parties[0].id", agreement.ErrSyntax}}},
		{"parties an object",
			doc(`"parties":{}`, clauses, fluents),
			[]jsonProblem{{"parties", agreement.ErrSyntax}}},
		{"clause id in another case",
			doc(parties, fluents, `"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"}},`+
				`{"Id":"MON","kind":"obligation","debtors":["US"],"action":{"kind":"k"}},`+
				`{"id":"C3","kind":"obligation","debtors":["XX"],"action":{"kind":"k"},`+
				`"antecedent":{"clauseIn":{"clause":"MON","states":["violated"]}}}]`),
			[]jsonProblem{{"clauses[1].Id", agreement.ErrUnknownField}, {"clauses[1].id", agreement.ErrMissing},
				{"clauses[2].debtors[0]", agreement.ErrUnknownParty}}},
		{"fluent id a number",
			doc(parties, clauses, `"fluents":[{"id":3}]`),
			[]jsonProblem{{"fluents[0].id", agreement.ErrSyntax}}},
		{"group id a number",
			doc(parties, `"groups":[{"id":1,"members":["UA","US"]}]`,
				`"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k","group":"west"}}]`),
			[]jsonProblem{{"groups[0].id", agreement.ErrSyntax}}},
		{"territory an array",
			doc(parties, `"territory":[]`, `"options":[{"id":"o","kind":"cede","areas":["d"],"from":"UA","to":"US"}]`),
			[]jsonProblem{{"territory", agreement.ErrSyntax}}},
		{"area id a number",
			doc(parties, `"territory":{"areas":[{"id":5,"size":"1","sovereignty":[{"party":"UA","percent":"100"}],"control":[{"party":"UA","percent":"100"}]}]}`, `"options":[{"id":"o","kind":"cede","areas":["d"],"from":"UA","to":"US"}]`),
			[]jsonProblem{{"territory.areas[0].id", agreement.ErrSyntax}}},
		{"item class id a number",
			doc(parties, `"itemClasses":[{"id":2,"items":["tank"]}]`,
				`"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"},`+
					`"quantities":[{"min":"0","max":"3","class":"heavy"}]}]`),
			[]jsonProblem{{"itemClasses[0].id", agreement.ErrSyntax}}},
		{"another problem in a party leaves its id read",
			doc(`"parties":[{"id":"UA","name":"Ukraine","kind":"sate"}]`, `"clauses":[{"id":"C1","kind":"obligation","debtors":["US"],"action":{"kind":"k"}}]`),
			[]jsonProblem{{"parties[0].kind", agreement.ErrInvalidValue}, {"clauses[0].debtors[0]", agreement.ErrUnknownParty}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeAgreement([]byte(tt.in))
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// In a process, an unread declaration hides the unknown references of its
// own agreement and, for a clause or an agreement, the references naming it
// from any agreement; the other agreements' own references are still
// checked.
func TestDecodeProcessUnreadDeclaration(t *testing.T) {
	const party = `"parties":[{"id":"UA","name":"Ukraine","kind":"state"}]`
	tests := []struct {
		name string
		in   string
		want []jsonProblem
	}{
		{"party id in another case",
			`{"schema":1,"agreements":[{"id":"a","parties":[{"ID":"UA","name":"Ukraine","kind":"state"}],` +
				`"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"}}]},` +
				`{"id":"b",` + party + `,"clauses":[{"id":"C1","kind":"obligation","debtors":["UB"],"action":{"kind":"k"}}]}]}`,
			[]jsonProblem{{"agreements[0].parties[0].ID", agreement.ErrUnknownField},
				{"agreements[0].parties[0].id", agreement.ErrMissing},
				{"agreements[1].clauses[0].debtors[0]", agreement.ErrUnknownParty}}},
		{"clause id a number, named from another agreement",
			`{"schema":1,"agreements":[{"id":"a",` + party + `,"clauses":[{"id":1,"kind":"obligation","debtors":["UA"],"action":{"kind":"k"}}]},` +
				`{"id":"b",` + party + `,"clauses":[{"id":"C1","kind":"obligation","debtors":["UA"],"action":{"kind":"k"},` +
				`"antecedent":{"all":[{"clauseIn":{"clause":"a/C1","states":["violated"]}},{"clauseIn":{"clause":"C9","states":["violated"]}}]}}]}]}`,
			[]jsonProblem{{"agreements[0].clauses[0].id", agreement.ErrSyntax},
				{"agreements[1].clauses[0].antecedent.all[1].clauseIn.clause", agreement.ErrUnknownClause}}},
		{"agreement id a number",
			`{"schema":1,"agreements":[{"id":1,` + party + `},` +
				`{"id":"b",` + party + `,"entryIntoForce":{"agreementIn":{"agreement":"a","states":["in-force"]}}}]}`,
			[]jsonProblem{{"agreements[0].id", agreement.ErrSyntax}}},
		{"agreement not an object",
			`{"schema":1,"agreements":[7,` +
				`{"id":"b",` + party + `,"entryIntoForce":{"agreementIn":{"agreement":"a","states":["in-force"]}}}]}`,
			[]jsonProblem{{"agreements[0]", agreement.ErrSyntax}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeProcess([]byte(tt.in))
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// goldenEdited returns the golden document name of testdata with, for
// each edit in turn, the first occurrence of its first string after the
// first occurrence of its second (an anchor, "" for the start) replaced
// with its third.
func goldenEdited(t *testing.T, name string, edits ...[3]string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, e := range edits {
		anchor := strings.Index(s, e[1])
		if anchor < 0 {
			t.Fatalf("%s: no %q", name, e[1])
		}
		k := strings.Index(s[anchor:], e[0])
		if k < 0 {
			t.Fatalf("%s: no %q after %q", name, e[0], e[1])
		}
		k += anchor
		s = s[:k] + e[2] + s[k+len(e[0]):]
	}
	return []byte(s)
}

// An id is unread only when the decoder could not read it or the
// validation finds it missing or malformed: a misspelled "id" key drops
// the references to the id it would declare, while an id read beside an
// unknown "ID" or a duplicate "id" leaves every reference checked.
func TestDecodeGoldenUnreadID(t *testing.T) {
	const fr = `"id": "FR",`
	debtor := [3]string{`"debtors": [`, `"clauses"`, `"debtors": ["USS",`}
	tests := []struct {
		name  string
		edits [][3]string
		want  []jsonProblem
	}{
		{"misspelled id key",
			[][3]string{{fr, "", `"idd": "FR",`}},
			[]jsonProblem{{"parties[3].idd", agreement.ErrUnknownField}, {"parties[3].id", agreement.ErrMissing}}},
		{"id beside an unknown ID",
			[][3]string{{fr, "", `"id": "FR", "ID": "x",`}, debtor},
			[]jsonProblem{{"parties[3].ID", agreement.ErrUnknownField}, {"clauses[0].debtors[0]", agreement.ErrUnknownParty}}},
		{"duplicate id",
			[][3]string{{fr, "", `"id": "FR", "id": "x",`}, debtor},
			[]jsonProblem{{"parties[3].id", agreement.ErrSyntax}, {"clauses[0].debtors[0]", agreement.ErrUnknownParty}}},
		{"invalid id",
			[][3]string{{fr, "", `"id": "F R",`}},
			[]jsonProblem{{"parties[3].id", agreement.ErrInvalidID}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeAgreement(goldenEdited(t, "agreement.golden.json", tt.edits...))
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// In a process, an agreement whose clauses could not be read hides only the
// qualified references naming it (any, when its id could not be read
// either), and one whose id is misspelled hides the references to it.
func TestDecodeGoldenProcessUnread(t *testing.T) {
	const (
		ceasefire = `"id": "ceasefire-2026"`
		mon       = `"paris-2026/MON"`
	)
	var (
		unreadClause = [3]string{`"id": "C1"`, ceasefire, `"id": 5`}
		misspelledID = [3]string{ceasefire, "", `"idd": "ceasefire-2026"`}
	)
	tests := []struct {
		name  string
		edits [][3]string
		want  []jsonProblem
	}{
		{"misspelled agreement id key",
			[][3]string{{`"agreement": "paris-2026"`, "", `"agreement": "ceasefire-2026"`}, misspelledID},
			[]jsonProblem{{"agreements[1].idd", agreement.ErrUnknownField}, {"agreements[1].id", agreement.ErrMissing}}},
		{"typo naming another agreement, from the unread clause's",
			[][3]string{{mon, ceasefire, `"paris-2026/MOON"`}, unreadClause},
			[]jsonProblem{{"agreements[1].clauses[0].id", agreement.ErrSyntax},
				{"agreements[1].clauses[0].trigger.clauseIn.clause", agreement.ErrUnknownClause}}},
		{"typo naming another agreement, from that agreement",
			[][3]string{{mon, "", `"paris-2026/MOON"`}, unreadClause},
			[]jsonProblem{{"agreements[1].clauses[0].id", agreement.ErrSyntax},
				{"agreements[0].clauses[3].action.clause", agreement.ErrUnknownClause}}},
		{"reference naming the unread clause's agreement",
			[][3]string{{mon, "", `"ceasefire-2026/C9"`}, unreadClause},
			[]jsonProblem{{"agreements[1].clauses[0].id", agreement.ErrSyntax}}},
		{"agreement id unread too",
			[][3]string{{mon, "", `"paris-2026/MOON"`}, unreadClause, misspelledID},
			[]jsonProblem{{"agreements[1].idd", agreement.ErrUnknownField},
				{"agreements[1].clauses[0].id", agreement.ErrSyntax}, {"agreements[1].id", agreement.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeProcess(goldenEdited(t, "process.golden.json", tt.edits...))
			if diff := cmp.Diff(tt.want, jsonProblems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}
