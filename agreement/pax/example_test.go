package pax_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// exampleCSV is a tiny PA-X file with invented agreements: a byte-order mark,
// the header, a ceasefire whose parties span two lines, a row with an unknown
// stage code, and a pre-negotiation agreement.
const exampleCSV = "\uFEFFCon,Contp,PP,PPName,Reg,AgtId,Ver,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub," +
	"Part,ThrdPart,OthAgr,Loc1ISO,Loc2ISO,Loc1GWNO,Loc2GWNO,UcdpCon,UcdpAgr,PamAgr,CowWar,Interim,description," +
	"stage_label,stage - sort,stage_short,agt_type,agt_dat,year,PAX_Hyperlink,PDF_Hyperlink,stage_display," +
	"substage_label\n" +
	`Alphaland,Government,1,Alphaland process,Europe and Eurasia,101,1,Example Ceasefire,05/03/2001,` +
	`Multiparty signed/agreed,2,1200,Intra,Cea,Ceas,"Government of Alphaland;` + "\n" + `Beta Front",` +
	`Gamma Mediation Group,,ALP,,100.0,,,,,,No,,Ceasefire,2,Ceasefire,Intrastate,,2001,,,,` + "\n" +
	`Alphaland,Government,1,Alphaland process,Europe and Eurasia,102,1,Example Protocol,12/06/2001,` +
	`Multiparty signed/agreed,1,600,Intra,Xyz,,Beta Front,,,ALP,,100.0,,,,,,No,,,,,,,2001,,,,` + "\n" +
	`Alphaland,Government,1,Alphaland process,Europe and Eurasia,103,1,Example Talks,30/09/2002,` +
	`Unilateral document,1,400,Intra,Pre,Proc,Government of Alphaland,,,ALP,,100.0,,,,,,No,,,,,,,2002,,,,` + "\n"

// Reading a file: each good row is a Record; a bad row is an error that names
// its row and column, and the rows after it are still read.
func Example() {
	for rec, err := range pax.Read(strings.NewReader(exampleCSV)) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		a := rec.Agreement()
		fmt.Println(a.ID, a.Date.Format(time.DateOnly), a.Stage.Label(), a.SigningStatus, a.Validate() == nil)
		fmt.Printf("  parties %q, third parties %q\n", rec.Part, rec.ThrdPart)
	}
	// Output:
	// pax-101 2001-03-05 Ceasefire signed true
	//   parties "Government of Alphaland;\nBeta Front", third parties "Gamma Mediation Group"
	// error: pax: row 2 (line 4), column "Stage": unknown PA-X stage "Xyz"
	// pax-103 2002-09-30 Pre-negotiation/process unilateral true
	//   parties "Government of Alphaland", third parties ""
}

// With StopOnError the reader stops at the first bad row; the error says
// where it is and what kind of problem it is.
func ExampleStopOnError() {
	n := 0
	for _, err := range pax.Read(strings.NewReader(exampleCSV), pax.StopOnError()) {
		if err != nil {
			var re *pax.RowError
			if errors.As(err, &re) {
				fmt.Printf("row %d, line %d, column %s: invalid value: %v\n",
					re.Row, re.Line, re.Column, errors.Is(err, agreement.ErrInvalidValue))
			}
			break
		}
		n++
	}
	fmt.Println("agreements read:", n)
	// Output:
	// row 2, line 4, column Stage: invalid value: true
	// agreements read: 1
}
