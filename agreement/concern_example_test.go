package agreement_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Which withdrawal distance applies to a 122 mm gun? Artillery of 100 mm
// and more is withdrawn to make a zone 50 km wide, multiple rocket
// launchers (named) one 70 km wide. A BM-21 Grad is both: the clauses of
// both classes concern its withdrawal, the wider zone first; a D-30
// howitzer is artillery only, and an 82 mm mortar neither.
func ExampleAgreement_Concerns() {
	zone := func(km int64, class agreement.ItemClassID) agreement.Range {
		return agreement.Range{Min: decimal.NewFromInt(km), Max: decimal.NewFromInt(km), Unit: agreement.UnitKm,
			What: "zone width", Class: class}
	}
	withdraw := func(class agreement.ItemClassID) *agreement.Pattern {
		return &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Class: class}
	}
	a := agreement.Agreement{
		ID:      "heavy-weapons",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "ORDLO"}},
		ItemClasses: []agreement.ItemClass{
			{ID: "artillery-100mm", Rule: []agreement.Bound{
				agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}},
			{ID: "mlrs", Items: []string{"BM-21 Grad", "BM-27 Uragan", "BM-30 Smerch"}},
		},
		Clauses: []agreement.Clause{
			{ID: "artillery", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "ORDLO"},
				Action: withdraw("artillery-100mm"), Quantities: []agreement.Range{zone(50, "artillery-100mm")}},
			{ID: "mlrs", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "ORDLO"},
				Action: withdraw("mlrs"), Quantities: []agreement.Range{zone(70, "mlrs")}},
		},
	}
	for _, w := range []struct {
		item    string
		calibre int64
	}{{"BM-21 Grad", 122}, {"D-30", 122}, {"2B14 Podnos", 82}} {
		e := agreement.Event{Kind: agreement.EventKindWithdrawalCompleted, Actor: "ORDLO", Item: w.item,
			Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(w.calibre), Unit: agreement.UnitMm, Of: "calibre"}}}
		fmt.Printf("%s, %d mm:\n", w.item, w.calibre)
		for _, c := range a.Concerns(e) {
			fmt.Println(" ", c)
		}
	}
	// Output:
	// BM-21 Grad, 122 mm:
	//   heavy-weapons/mlrs[ORDLO] action: withdrawal-completed actor=ORDLO class=mlrs with 70 km zone width for mlrs
	//   heavy-weapons/artillery[ORDLO] action: withdrawal-completed actor=ORDLO class=artillery-100mm with 50 km zone width for artillery-100mm
	// D-30, 122 mm:
	//   heavy-weapons/artillery[ORDLO] action: withdrawal-completed actor=ORDLO class=artillery-100mm with 50 km zone width for artillery-100mm
	// 2B14 Podnos, 82 mm:
}
