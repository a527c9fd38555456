package pax_test

import (
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// provisionsCSV builds a tiny provision-level file with one invented
// agreement: the metadata columns, then every provision code at level 0 but
// the ones given.
func provisionsCSV(levels map[pax.Code]string) string {
	cols := pax.LayoutProvision.Columns()
	meta := map[string]string{
		"AgtId": "201", "Agt": "Example Ceasefire", "Dat": "2001-03-05", "Status": "Multiparty signed/agreed",
		"Agtp": "Intra", "Stage": "Cea", "StageSub": "Ceas", "UcdpAgr": "NA", "Interim": "No", "ImSrc": "0",
	}
	row := make([]string, len(cols))
	for i, c := range cols {
		switch {
		case pax.IsCode(c):
			row[i] = "0"
			if l, ok := levels[pax.Code(c)]; ok {
				row[i] = l
			}
		default:
			row[i] = meta[c]
		}
	}
	return strings.Join(cols, ",") + "\n" + strings.Join(row, ",") + "\n"
}

// Reading the provision-level file: each record says which layout it comes
// from and holds its level for every provision code; its agreement has a
// stub clause per provision the agreement addresses.
func ExampleRecord_provisions() {
	data := provisionsCSV(map[pax.Code]string{"Ce": "2", "CeProv": "2", "ImUN": "1"})
	for rec, err := range pax.Read(strings.NewReader(data)) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(rec.ID(), rec.Layout, rec.Date.Format("2006-01-02"), "provisions:", rec.Provisions.Len())
		for code, level := range rec.Provisions.All() {
			fmt.Printf("  %s (under %s) at level %d\n", code, pax.Parent(code), level)
		}
		a := rec.Agreement()
		for _, c := range a.Clauses {
			fmt.Printf("  clause %s: %s\n", c.ID, c.Text)
		}
		fmt.Println("valid:", a.Validate() == nil)
	}
	// Output:
	// pax-201 provision-level 2001-03-05 provisions: 3
	//   Ce (under Ssr) at level 2
	//   CeProv (under Ce) at level 2
	//   ImUN (under Im) at level 1
	//   clause pax-Ce: PA-X: addresses Ce (ceasefire) at level 2 of 3
	//   clause pax-CeProv: PA-X: addresses CeProv at level 2 of 3
	//   clause pax-ImUN: PA-X: addresses ImUN (UN signatory or role) at level 1 of 3
	// valid: true
}

// A provision cell must be 0 to 3; anything else is an error naming the
// code's column.
func ExampleRead_provisionError() {
	data := provisionsCSV(map[pax.Code]string{"Terr": "5"})
	for _, err := range pax.Read(strings.NewReader(data)) {
		fmt.Println(err)
	}
	// Output:
	// pax: row 1 (line 2), column "Terr": want a provision level 0, 1, 2 or 3, not "5"
}

// The codebook: codes in column order, with their parents and children.
func ExampleParent() {
	for _, c := range []pax.Code{"CeProv", "Ce", "Ssr", "PpsGe:St", "DdrDemil"} {
		fmt.Printf("%s: parent %q, children %q, label %q\n", c, pax.Parent(c), pax.Children(c), pax.Label(c))
	}
	fmt.Println(len(pax.Codes()), "codes; headings", pax.Headings())
	// Output:
	// CeProv: parent "Ce", children [], label "CeProv"
	// Ce: parent "Ssr", children ["CeProv" "CeGen"], label "ceasefire"
	// Ssr: parent "", children ["SsrGua" "Ce" "SsrPol" "SsrArm" "SsrDdr" "SsrInt" "SsrPsf" "SsrFf" "Cor" "SsrCrOcr" "SsrDrugs"], label "security sector"
	// PpsGe:St: parent "PpsGe", children [], label "PpsGe:St"
	// DdrDemil: parent "SsrDdr", children [], label "DdrDemil"
	// 251 codes; headings [G Ge St Con Hr Jus La Ssr Tj Im]
}

// The category lint: categories are open in Validate, and LintCategories
// reports the ones that are not PA-X codes, with the nearest code.
func ExampleLintCategories() {
	a := agreement.Agreement{ID: "example", Clauses: []agreement.Clause{
		{ID: "c1", Kind: agreement.DeonticPermission, Category: "Ce"},
		{ID: "c2", Kind: agreement.DeonticPermission, Category: "ce"},
		{ID: "c3", Kind: agreement.DeonticPermission, Category: "Pri"},
		{ID: "c4", Kind: agreement.DeonticPermission, Category: "PpsGeSt"},
		{ID: "c5", Kind: agreement.DeonticPermission, Category: "DDR"},
		{ID: "c6", Kind: agreement.DeonticPermission, Category: "Ceasefire"},
		{ID: "c7", Kind: agreement.DeonticPermission, Category: "PpsExSu"},
	}}
	for _, f := range pax.LintCategories(a) {
		fmt.Println(f)
	}
	// Output:
	// clauses[1].category: "ce" (clause "c2") is not a PA-X provision code; nearest: "Ce"
	// clauses[2].category: "Pri" (clause "c3") is not a PA-X provision code; nearest: "JusPri"
	// clauses[4].category: "DDR" (clause "c5") is not a PA-X provision code; nearest: "SsrDdr"
	// clauses[5].category: "Ceasefire" (clause "c6") is not a PA-X provision code; nearest: "Ce"
	// clauses[6].category: "PpsExSu" (clause "c7") is not a PA-X provision code; nearest: "PpsEx:Sub"
}
