package pax_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// recordFields writes r as a row in the order of pax.Columns, as PA-X does
// (ids as "160.0", dates DD/MM/YYYY): the inverse of the reader.
func recordFields(r pax.Record) []string {
	id := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10) + ".0"
	}
	interim := "No"
	if r.Interim {
		interim = "Yes"
	}
	return []string{
		r.Con, r.Contp, strconv.Itoa(r.PP), r.PPName, r.Reg, strconv.Itoa(r.AgtID), strconv.Itoa(r.Ver), r.Title,
		r.Date.Format("02/01/2006"), r.SigningStatus.PAXLabel(), strconv.Itoa(r.Lgt), strconv.Itoa(r.NCharacters),
		string(r.Agtp), string(r.Stage), string(r.SubStage), r.Part, r.ThrdPart, r.OthAgr, r.Loc1ISO, r.Loc2ISO,
		id(int64(r.Loc1GWNO)), id(int64(r.Loc2GWNO)), id(r.UcdpCon), id(r.UcdpAgr), id(r.PamAgr),
		id(r.CowWar), interim, r.Description, r.StageLabel, strconv.Itoa(r.StageSort), r.StageShort, r.AgtType,
		r.AgtDat, strconv.Itoa(r.Year), r.PAXHyperlink, r.PDFHyperlink, r.StageDisplay, r.SubStageLabel,
	}
}

var (
	allStages = []agreement.Stage{agreement.StagePre, agreement.StageSubPar, agreement.StageSubComp,
		agreement.StageImp, agreement.StageCea, agreement.StageRen, agreement.StageOth}
	allSubStages = []agreement.SubStage{"Proc", "Prin", "Conf", "PreMix", "PreOth", "MultIss", "Iss", "FrparOth",
		"FrAg", "FrCons", "FrcomOth", "ImpMod", "ExtSub", "ExtPar", "ImpOth", "Ceas", "Rel", "CeaMix", "Repre",
		"Resub", "Reimp", "Reoth", "Other"}
	allStatuses = []agreement.SigningStatus{agreement.SigningStatusSigned, agreement.SigningStatusUnilateral,
		agreement.SigningStatusUnclear, agreement.SigningStatusSubsequent}
	allTypes = []pax.AgreementType{"", pax.AgreementTypeInter, pax.AgreementTypeIntra, pax.AgreementTypeIntraLocal, pax.AgreementTypeInterIntra}
)

// textGen draws cell text: CSV's troublesome characters (commas, quotes,
// newlines, spaces, a byte-order mark) among letters, or any Unicode text.
// Carriage returns are left out: encoding/csv reads CRLF inside a quoted
// field as LF, as the format says.
func textGen() *rapid.Generator[string] {
	tricky := rapid.StringOf(rapid.SampledFrom([]rune(`,,""` + "\n\n  \t\uFEFFaZ09;/()é—")))
	anyText := rapid.Map(rapid.String(), func(s string) string { return strings.ReplaceAll(s, "\r", "") })
	return rapid.OneOf(tricky, anyText)
}

// recordGen draws a valid record: known codes, a sub-stage of its stage (or
// none), an existing date within agreement.InstantRange, positive ids or
// none.
func recordGen() *rapid.Generator[pax.Record] {
	return rapid.Custom(func(t *rapid.T) pax.Record {
		text := textGen()
		count := rapid.IntRange(0, math.MaxInt32)
		id := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(1, 999_999_999_999_999_999))
		gwno := rapid.OneOf(rapid.Just(0), rapid.IntRange(1, math.MaxInt32))
		stage := rapid.SampledFrom(allStages).Draw(t, "stage")
		var subs []agreement.SubStage
		for _, s := range allSubStages {
			if s.Stage() == stage {
				subs = append(subs, s)
			}
		}
		year := rapid.IntRange(1678, 2261).Draw(t, "year") // whole years of agreement.InstantRange
		month := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		days := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		day := rapid.IntRange(1, days).Draw(t, "day")
		return pax.Record{
			Con: text.Draw(t, "Con"), Contp: text.Draw(t, "Contp"), PP: count.Draw(t, "PP"),
			PPName: text.Draw(t, "PPName"), Reg: text.Draw(t, "Reg"), AgtID: rapid.IntRange(1, math.MaxInt32).Draw(t, "AgtID"),
			Ver: count.Draw(t, "Ver"), Title: text.Draw(t, "Title"), Date: time.Date(year, month, day, 0, 0, 0, 0, time.UTC),
			SigningStatus: rapid.SampledFrom(allStatuses).Draw(t, "Status"), Lgt: count.Draw(t, "Lgt"),
			NCharacters: count.Draw(t, "NCharacters"), Agtp: rapid.SampledFrom(allTypes).Draw(t, "Agtp"),
			Stage: stage, SubStage: rapid.SampledFrom(append(subs, "")).Draw(t, "SubStage"),
			Part: text.Draw(t, "Part"), ThrdPart: text.Draw(t, "ThrdPart"), OthAgr: text.Draw(t, "OthAgr"),
			Loc1ISO: text.Draw(t, "Loc1ISO"), Loc2ISO: text.Draw(t, "Loc2ISO"),
			Loc1GWNO: gwno.Draw(t, "Loc1GWNO"), Loc2GWNO: gwno.Draw(t, "Loc2GWNO"),
			UcdpCon: id.Draw(t, "UcdpCon"), UcdpAgr: id.Draw(t, "UcdpAgr"), PamAgr: id.Draw(t, "PamAgr"),
			CowWar: id.Draw(t, "CowWar"), Interim: rapid.Bool().Draw(t, "Interim"),
			Description: text.Draw(t, "Description"), StageLabel: text.Draw(t, "StageLabel"),
			StageSort: count.Draw(t, "StageSort"), StageShort: text.Draw(t, "StageShort"),
			AgtType: text.Draw(t, "AgtType"), AgtDat: text.Draw(t, "AgtDat"), Year: count.Draw(t, "Year"),
			PAXHyperlink: text.Draw(t, "PAXHyperlink"), PDFHyperlink: text.Draw(t, "PDFHyperlink"),
			StageDisplay: text.Draw(t, "StageDisplay"), SubStageLabel: text.Draw(t, "SubStageLabel"),
		}
	})
}

// checkRoundTrip: valid records written as CSV by encoding/csv, with or
// without a byte-order mark, read back unchanged, in order, and convert to
// agreements that validate.
func checkRoundTrip(t *rapid.T) {
	want := rapid.SliceOfN(recordGen(), 0, 5).Draw(t, "records")
	var b bytes.Buffer
	if rapid.Bool().Draw(t, "BOM") {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = rapid.Bool().Draw(t, "CRLF")
	_ = w.Write(pax.Columns())
	for _, r := range want {
		_ = w.Write(recordFields(r))
	}
	w.Flush()
	var got []pax.Record
	for rec, err := range pax.Read(&b) {
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		if err := rec.Agreement().Validate(); err != nil {
			t.Errorf("record %d: agreement does not validate: %v", rec.AgtID, err)
		}
		got = append(got, rec)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestPropertyRoundTrip: every valid record survives being written as CSV
// and read back.
func TestPropertyRoundTrip(t *testing.T) {
	rapid.Check(t, checkRoundTrip)
}

// provisionRecordGen draws a valid provision-level record: a record of
// recordGen without the agreement-level file's label columns, with ImSrc
// and a level for every code (most of them 0, as in the real file).
func provisionRecordGen() *rapid.Generator[pax.Record] {
	return rapid.Custom(func(t *rapid.T) pax.Record {
		r := recordGen().Draw(t, "record")
		r.Layout = pax.LayoutProvision
		r.Description, r.StageLabel, r.StageSort, r.StageShort, r.AgtType, r.AgtDat = "", "", 0, "", "", ""
		r.Year, r.PAXHyperlink, r.PDFHyperlink, r.StageDisplay, r.SubStageLabel = 0, "", "", "", ""
		r.ImSrc = rapid.IntRange(0, math.MaxInt32).Draw(t, "ImSrc")
		level := rapid.OneOf(rapid.Just(0), rapid.Just(0), rapid.IntRange(0, 3))
		for _, c := range pax.Codes() {
			r.Provisions, _ = r.Provisions.With(c, pax.Level(level.Draw(t, string(c))))
		}
		return r
	})
}

// provisionFields writes r as a row in the order of
// LayoutProvision.Columns, as PA-X does (dates YYYY-MM-DD); an empty id is
// written "", "NA" or "N/A" as drawn.
func provisionFields(t *rapid.T, r pax.Record) []string {
	row := recordFields(r)[:27]
	row[8] = r.Date.Format(time.DateOnly)
	for _, i := range []int{22, 23, 24, 25} { // UcdpCon, UcdpAgr, PamAgr, CowWar
		if row[i] == "" {
			row[i] = rapid.SampledFrom([]string{"", "NA", "N/A"}).Draw(t, "empty id")
		}
	}
	row = append(row, strconv.Itoa(r.ImSrc))
	for _, c := range pax.Codes() {
		row = append(row, strconv.Itoa(int(r.Provisions.Level(c))))
	}
	return row
}

// TestPropertyProvisionRoundTrip: every valid provision-level record
// survives being written as CSV and read back, and converts to an
// agreement that validates, with one stub per non-zero level.
func TestPropertyProvisionRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		want := rapid.SliceOfN(provisionRecordGen(), 0, 4).Draw(t, "records")
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = rapid.Bool().Draw(t, "CRLF")
		_ = w.Write(pax.LayoutProvision.Columns())
		for _, r := range want {
			_ = w.Write(provisionFields(t, r))
		}
		w.Flush()
		var got []pax.Record
		for rec, err := range pax.Read(&b) {
			if err != nil {
				t.Fatalf("reading back: %v", err)
			}
			a := rec.Agreement()
			if err := a.Validate(); err != nil {
				t.Errorf("record %d: agreement does not validate: %v", rec.AgtID, err)
			}
			if len(a.Clauses) != rec.Provisions.Len() {
				t.Errorf("record %d: %d stubs for %d provisions", rec.AgtID, len(a.Clauses), rec.Provisions.Len())
			}
			got = append(got, rec)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}
