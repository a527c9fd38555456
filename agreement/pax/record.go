package pax

import (
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Record is one row of the PA-X agreement-level CSV: one agreement, with
// every column the file holds. Coded columns have the library's types; free
// text stays the text it is. Field names follow the PA-X column names (given
// first in each comment) so that the PA-X codebook applies.
//
// An empty cell gives the field's zero value, except in the required columns
// AgtId, Dat, Stage and Status, where it is a row error. Counts are
// non-negative integers. The ids of other datasets and the Gleditsch-Ward
// location numbers, which the file writes as decimals ("160.0"), are read as
// integers: a fraction other than zeros is a row error, and so is 0, which
// is kept to mean an empty cell.
//
// Record is a plain value, safe to copy and to share between goroutines once
// read. Its zero value is an empty record, which the reader never yields
// (AgtID 0 is not a PA-X id).
type Record struct {
	// Con: the conflict, as PA-X names it: a country, or countries and a
	// region, separated by slashes.
	Con string
	// Contp: the conflict type: "Government", "Territory",
	// "Government/territory", "Inter-group" or "Other".
	Contp string
	// PP: the peace process's PA-X number.
	PP int
	// PPName: the peace process's name.
	PPName string
	// Reg: the region, such as "Europe and Eurasia".
	Reg string
	// AgtId: the agreement's PA-X id, unique in the file and positive;
	// required.
	AgtID int
	// Ver: the version of the PA-X coding of this agreement.
	Ver int
	// Agt: the agreement's title. It may span several lines.
	Title string
	// Dat: the agreement's date, read from DD/MM/YYYY as midnight UTC;
	// required, and within [agreement.InstantRange] (a date outside it,
	// such as 01/01/0001, is a row error).
	Date time.Time
	// Status: whether and how the agreement was signed, read from its PA-X
	// label ("Multiparty signed/agreed") or its name in package agreement
	// ("signed"); required.
	SigningStatus agreement.SigningStatus
	// Lgt: the length of the agreement, in pages.
	Lgt int
	// N_characters: the length of the agreement's text, in characters.
	NCharacters int
	// Agtp: the agreement type.
	Agtp AgreementType
	// Stage: the PA-X stage code; required.
	Stage agreement.Stage
	// StageSub: the PA-X sub-stage code; when present it belongs to Stage.
	SubStage agreement.SubStage
	// Part: the parties, as free text: names, signatories, capacities,
	// sometimes a note that the agreement is unsigned.
	Part string
	// ThrdPart: third parties (mediators, guarantors, witnesses), as free
	// text; often empty. It sometimes records instead that the agreement is
	// unsigned, or who was present, so a non-empty ThrdPart is not proof of a
	// third-party signatory.
	ThrdPart string
	// OthAgr: other agreements this one refers to, as free text.
	OthAgr string
	// Loc1ISO: the ISO 3166-1 alpha-3 code of the main location, such as
	// "BIH"; may be empty.
	Loc1ISO string
	// Loc2ISO: the ISO code of a second location; usually empty.
	Loc2ISO string
	// Loc1GWNO: the Gleditsch-Ward number of the main location (written
	// "160.0" in the file, read as 160); 0 when empty.
	Loc1GWNO int
	// Loc2GWNO: the Gleditsch-Ward number of a second location; 0 when empty.
	Loc2GWNO int
	// UcdpCon: the UCDP conflict id; 0 when empty.
	UcdpCon int64
	// UcdpAgr: the UCDP peace agreement id; 0 when empty. Some are 13-digit
	// numbers, hence int64.
	UcdpAgr int64
	// PamAgr: the Peace Accords Matrix agreement id; 0 when empty.
	PamAgr int64
	// CowWar: the Correlates of War war number; 0 when empty.
	CowWar int64
	// Interim: whether the agreement is an interim arrangement ("Yes" or
	// "No"; false when empty).
	Interim bool
	// description: PA-X's summary of the agreement.
	Description string
	// stage_label: the stage's label, such as "Pre-negotiation/process".
	StageLabel string
	// stage - sort: the stage's position in PA-X's display order.
	StageSort int
	// stage_short: the stage's short label, such as "Pre-negotiation".
	StageShort string
	// agt_type: the agreement type's label, such as "Intrastate".
	AgtType string
	// agt_dat: the title followed by the date in parentheses.
	AgtDat string
	// year: the agreement's year.
	Year int
	// PAX_Hyperlink: the agreement's page on peaceagreements.org.
	PAXHyperlink string
	// PDF_Hyperlink: the agreement's text as a PDF.
	PDFHyperlink string
	// stage_display: the stage as PA-Xplorer displays it.
	StageDisplay string
	// substage_label: the sub-stage's label, such as "Principles".
	SubStageLabel string
}

// ID returns the agreement id this record converts to: "pax-" followed by
// AgtID, such as "pax-431".
func (r Record) ID() agreement.AgreementID {
	return agreement.AgreementID("pax-" + strconv.Itoa(r.AgtID))
}

// Agreement converts r to the library's agreement value: id (see
// [Record.ID]), title, date, stage, sub-stage and signing status. Every
// record the reader yields without error converts to an agreement that passes
// [agreement.Agreement.Validate]; a record built by hand may not.
//
// The result has no parties, signatures or clauses. Part and ThrdPart are
// free text (names with titles and capacities, lists, notes that the text is
// unsigned); turning them into party ids, kinds and roles would need a
// gazetteer of actors and a precision and coverage measured on hand-labelled
// rows, which this package does not have, so they stay on the Record as text.
func (r Record) Agreement() agreement.Agreement {
	return agreement.Agreement{
		ID:            r.ID(),
		Title:         r.Title,
		Date:          r.Date,
		Stage:         r.Stage,
		SubStage:      r.SubStage,
		SigningStatus: r.SigningStatus,
	}
}

// AgreementType is the PA-X "Agtp" column: between whom the agreement was
// made. It is a closed set of codes; the zero value means it is not recorded.
type AgreementType string

// The PA-X agreement types, with their agt_type labels.
const (
	AgreementTypeInter      AgreementType = "Inter"      // Interstate
	AgreementTypeIntra      AgreementType = "Intra"      // Intrastate
	AgreementTypeIntraLocal AgreementType = "IntraLocal" // Local
	AgreementTypeInterIntra AgreementType = "InterIntra" // Interstate/mixed
)

// Valid reports whether t is empty or one of the PA-X agreement types.
func (t AgreementType) Valid() bool {
	return t == "" || t.Label() != ""
}

// Label returns the PA-X label of the type (the agt_type column), such as
// "Intrastate"; "" when t is empty or not a type code.
func (t AgreementType) Label() string {
	switch t {
	case AgreementTypeInter:
		return "Interstate"
	case AgreementTypeIntra:
		return "Intrastate"
	case AgreementTypeIntraLocal:
		return "Local"
	case AgreementTypeInterIntra:
		return "Interstate/mixed"
	}
	return ""
}

// The columns, in the order of the PA-X file.
const (
	colCon = iota
	colContp
	colPP
	colPPName
	colReg
	colAgtID
	colVer
	colAgt
	colDat
	colStatus
	colLgt
	colNCharacters
	colAgtp
	colStage
	colStageSub
	colPart
	colThrdPart
	colOthAgr
	colLoc1ISO
	colLoc2ISO
	colLoc1GWNO
	colLoc2GWNO
	colUcdpCon
	colUcdpAgr
	colPamAgr
	colCowWar
	colInterim
	colDescription
	colStageLabel
	colStageSort
	colStageShort
	colAgtType
	colAgtDat
	colYear
	colPAXHyperlink
	colPDFHyperlink
	colStageDisplay
	colSubStageLabel
	numColumns
)

// columnNames are the header's names, indexed by the col constants. Never
// modified.
var columnNames = [numColumns]string{
	"Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Ver", "Agt", "Dat", "Status", "Lgt", "N_characters", "Agtp",
	"Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO", "Loc2ISO", "Loc1GWNO", "Loc2GWNO", "UcdpCon",
	"UcdpAgr", "PamAgr", "CowWar", "Interim", "description", "stage_label", "stage - sort", "stage_short",
	"agt_type", "agt_dat", "year", "PAX_Hyperlink", "PDF_Hyperlink", "stage_display", "substage_label",
}

// Columns returns the names of the 38 columns the reader needs, in the order
// of the PA-X file, as a new slice each call. A header may order them
// differently and may have more.
func Columns() []string {
	out := make([]string, numColumns)
	copy(out, columnNames[:])
	return out
}
