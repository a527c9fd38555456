package agreement_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// problemTexts returns the text of each problem of err, a
// *agreement.ValidationError, in order; nil for nil.
func problemTexts(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T), want a *agreement.ValidationError", err, err)
	}
	out := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = p.Error()
	}
	return out
}

// oblastTerritory has two areas, "donetsk" and "luhansk".
func oblastTerritory() agreement.Territory {
	area := func(id agreement.AreaID) agreement.Area {
		return agreement.Area{ID: id, Size: decimal.RequireFromString("26517"),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.RequireFromString("100")}},
			Control:     []agreement.Share{{Party: "RU", Percent: decimal.RequireFromString("100")}}}
	}
	return agreement.Territory{Areas: []agreement.Area{area("donetsk"), area("luhansk")}}
}

const (
	optionKinds = `allowed: "cede", "recognise-control", "freeze", "withdraw", "demilitarised-zone", ` +
		`"international-administration", "special-status", "referendum", "arbitration"`
	arrangementKinds = `allowed: "recognise-control", "freeze", "demilitarised-zone", ` +
		`"international-administration", "special-status", "referendum", "arbitration"`
	stages = `allowed: "Cea", "Imp", "Oth", "Pre", "Ren", "SubComp", "SubPar"`
	// subStages are the PA-X sub-stage codes in byte order.
	subStages = `allowed: "CeaMix", "Ceas", "Conf", "ExtPar", "ExtSub", "FrAg", "FrCons", "FrcomOth", ` +
		`"FrparOth", "ImpMod", "ImpOth", "Iss", "MultIss", "Other", "PreMix", "PreOth", "Prin", "Proc", ` +
		`"Reimp", "Rel", "Reoth", "Repre", "Resub"`
)

// An option's unknown area names the area meant, and an option kind or
// lapse rule out of range lists the values allowed, both in a package
// validated on its own and in an agreement.
func TestPackageValidateSuggests(t *testing.T) {
	vote := func(area agreement.AreaID, lapse agreement.Lapse) agreement.Option {
		return agreement.Option{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{area},
			Party: "UN", Results: []agreement.Result{{Outcome: "yes", Sovereign: "RU"}}, Lapse: lapse}
	}
	tests := []struct {
		name string
		opt  agreement.Option
		want []string
	}{
		{"area with two letters swapped", vote("donetks", 0),
			[]string{`options[0].areas[0]: unknown area "donetks" (did you mean "donetsk"?)`}},
		{"area in other case", vote("Luhansk", 0),
			[]string{`options[0].areas[0]: unknown area "Luhansk" (did you mean "luhansk"?)`}},
		{"area near none", vote("crimea", 0),
			[]string{`options[0].areas[0]: unknown area "crimea"`}},
		{"kind out of range", agreement.Option{ID: "bad", Kind: 42, Areas: []agreement.AreaID{"donetsk"}},
			[]string{`options[0].kind: unknown option kind "OptionKind(42)"; ` + optionKinds}},
		{"lapse rule out of range", vote("luhansk", 9),
			[]string{`options[0].lapse: unknown lapse rule "Lapse(9)"; allowed: "status-quo", "follow-control"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := agreement.Package{Name: "p", Options: []agreement.Option{tt.opt}}
			if diff := cmp.Diff(tt.want, problemTexts(t, p.Validate(oblastTerritory()))); diff != "" {
				t.Errorf("Package.Validate (-want +got):\n%s", diff)
			}
			a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
				Territory: oblastTerritory(), Options: []agreement.Option{tt.opt}}
			if diff := cmp.Diff(tt.want, problemTexts(t, a.Validate())); diff != "" {
				t.Errorf("Agreement.Validate (-want +got):\n%s", diff)
			}
		})
	}
}

// An arrangement's kind out of range lists the kinds an arrangement may
// have: not cede or withdraw, which set up none.
func TestTerritoryValidateArrangementKind(t *testing.T) {
	tests := []struct {
		name string
		kind agreement.OptionKind
		want []string
	}{
		{"valid", agreement.OptionKindFreeze, nil},
		{"out of range", 42, []string{`areas[1].arrangements[0].kind: unknown option kind "OptionKind(42)"; ` +
			arrangementKinds}},
		{"cede", agreement.OptionKindCede, []string{`areas[1].arrangements[0].kind: ` +
			`a cede option changes shares and sets up no arrangement`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ter := oblastTerritory()
			ter.Areas[1].Arrangements = []agreement.Arrangement{{Kind: tt.kind, Option: "old"}}
			if diff := cmp.Diff(tt.want, problemTexts(t, ter.Validate())); diff != "" {
				t.Errorf("Territory.Validate (-want +got):\n%s", diff)
			}
		})
	}
}

// An unknown PA-X stage or sub-stage names the code meant, when one is
// near, and lists every code, sorted.
func TestValidateStageSuggests(t *testing.T) {
	tests := []struct {
		name     string
		stage    agreement.Stage
		subStage agreement.SubStage
		want     []string
	}{
		{"valid", agreement.StageCea, agreement.SubStageCeas, nil},
		{"stage with two letters swapped", "Cae", "",
			[]string{`stage: unknown PA-X stage "Cae" (did you mean "Cea"?); ` + stages}},
		{"stage in lower case", "subpar", "",
			[]string{`stage: unknown PA-X stage "subpar" (did you mean "SubPar"?); ` + stages}},
		{"stage near none", "Xyz", "",
			[]string{`stage: unknown PA-X stage "Xyz"; ` + stages}},
		{"sub-stage missing a letter", "", "ImpMd",
			[]string{`subStage: unknown PA-X sub-stage "ImpMd" (did you mean "ImpMod"?); ` + subStages}},
		{"sub-stage near none", "Imp", "Nope",
			[]string{`subStage: unknown PA-X sub-stage "Nope"; ` + subStages}},
		{"both unknown", "Cae", "Ceass", []string{
			`stage: unknown PA-X stage "Cae" (did you mean "Cea"?); ` + stages,
			`subStage: unknown PA-X sub-stage "Ceass" (did you mean "Ceas"?); ` + subStages}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := agreement.Agreement{ID: "a", Stage: tt.stage, SubStage: tt.subStage,
				Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}}}
			if diff := cmp.Diff(tt.want, problemTexts(t, a.Validate())); diff != "" {
				t.Errorf("Agreement.Validate (-want +got):\n%s", diff)
			}
		})
	}
}

// A typo'd stage in a document is reported as it is in a value, at its
// path in the document.
func TestDecodeStageSuggests(t *testing.T) {
	_, err := agreement.DecodeAgreement([]byte(`{"schema":1,"id":"a","stage":"Cae","parties":[{"id":"UA"}]}`))
	want := []string{`stage: unknown PA-X stage "Cae" (did you mean "Cea"?); ` + stages}
	if diff := cmp.Diff(want, problemTexts(t, err)); diff != "" {
		t.Errorf("DecodeAgreement (-want +got):\n%s", diff)
	}
	if !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("DecodeAgreement: %v, want ErrInvalidValue", err)
	}
}
