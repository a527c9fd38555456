package pax

import (
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Record is one row of a PA-X file: one agreement, with every column the
// file holds. Coded columns have the library's types; free text stays the
// text it is. Field names follow the PA-X column names (given first in each
// comment) so that the PA-X codebook applies. Layout says which file the
// record comes from: a record of the agreement-level file has the label
// columns (Description to SubStageLabel) and no provisions; one of the
// provision-level file has ImSrc and Provisions, and empty label columns.
//
// An empty cell gives the field's zero value, except in the required columns
// AgtId, Dat, Stage and Status, where it is a row error. Counts are
// non-negative integers. The ids of other datasets and the Gleditsch-Ward
// location numbers, which the file writes as decimals ("160.0"), are read as
// integers: a fraction other than zeros is a row error, and so is 0, which
// is kept to mean an empty cell.
//
// Record is a plain comparable value, safe to copy and to share between
// goroutines once read; it shares nothing with another record. Its zero value is an empty record, which the reader never yields
// (AgtID 0 is not a PA-X id).
type Record struct {
	// Layout is the file the record was read from.
	Layout Layout
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
	// Dat: the agreement's date, read as midnight UTC from DD/MM/YYYY
	// (agreement-level file) or YYYY-MM-DD (provision-level file);
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
	// ImSrc (provision-level file only): a PA-X implementation variable,
	// 0 or 1 in version 10, read as a non-negative integer; its meaning is
	// the PA-X codebook's.
	ImSrc int
	// Provisions (provision-level file only): the agreement's level for
	// each of the 251 provision codes, such as Provisions.Level("Ce").
	Provisions ProvisionSet
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
// [Record.ID]), title, date, stage, sub-stage and signing status, and one
// provision stub (see [ProvisionClause]) per provision code with a non-zero
// level, in the column order of [Codes]. Every record the reader yields
// without error converts to an agreement that passes
// [agreement.Agreement.Validate]; a record built by hand may not.
//
// The result has no parties or signatures, and no clauses but the stubs (so
// none for an agreement-level record). Part and ThrdPart are free text
// (names with titles and capacities, lists, notes that the text is
// unsigned); turning them into party ids, kinds and roles would need a
// gazetteer of actors and a precision and coverage measured on hand-labelled
// rows, which this package does not have, so they stay on the Record as text.
func (r Record) Agreement() agreement.Agreement {
	a := agreement.Agreement{
		ID:            r.ID(),
		Title:         r.Title,
		Date:          r.Date,
		Stage:         r.Stage,
		SubStage:      r.SubStage,
		SigningStatus: r.SigningStatus,
	}
	if n := r.Provisions.Len(); n > 0 {
		a.Parties = []agreement.Party{{ID: PartiesID, Name: "the parties, as PA-X lists them (Part)"}}
		a.Clauses = make([]agreement.Clause, 0, n)
		for c, l := range r.Provisions.All() {
			a.Clauses = append(a.Clauses, ProvisionClause(c, l))
		}
	}
	return a
}

// PartiesID is the id of the one party of an agreement with provision stubs
// (see [Record.Agreement]): the agreement's parties taken together, as the
// record's Part column lists them, since a clause must bind a declared
// party and this package does not split Part into parties.
const PartiesID agreement.PartyID = "pax-parties"

// ProvisionClause returns the stub clause that says an agreement addresses
// provision code c at level l, as [Record.Agreement] adds it: id "pax-"
// followed by c's category (such as "pax-Ce", "pax-PpsGeSt"), Category
// c.Category(), Text "PA-X: addresses Ce (ceasefire) at level 2 of 3", and
// Source.Document "PA-X provision coding".
//
// The stub records what PA-X codes and nothing more: it has no action or
// conditions, Force unspecified, and one debtor, [PartiesID] (every clause
// binds a declared party; the agreement declares that one). Its Kind is
// [agreement.DeonticPermission] only because every clause needs a kind and a
// permission with no action binds no one and is never violated; it states no
// obligation that PA-X does not code. A model of the agreement's text
// replaces the stub with the clauses the text states. The stub of a code of
// [Codes] with a level 1 to 3 is a valid clause; other arguments give a stub
// that may not validate.
func ProvisionClause(c Code, l Level) agreement.Clause {
	label := string(c)
	if lb := Label(c); lb != label {
		label += " (" + lb + ")"
	}
	return agreement.Clause{
		ID:       agreement.ClauseID("pax-" + string(c.Category())),
		Text:     "PA-X: addresses " + label + " at level " + strconv.Itoa(int(l)) + " of 3",
		Source:   agreement.Source{Document: "PA-X provision coding"},
		Kind:     agreement.DeonticPermission,
		Category: c.Category(),
		Debtors:  []agreement.PartyID{PartiesID},
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
	// colImSrc is in the provision-level file only.
	colImSrc = numColumns
	numAll   = numColumns + 1
)

// columnNames are the header's names, indexed by the col constants. Never
// modified.
var columnNames = [numAll]string{
	"Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Ver", "Agt", "Dat", "Status", "Lgt", "N_characters", "Agtp",
	"Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO", "Loc2ISO", "Loc1GWNO", "Loc2GWNO", "UcdpCon",
	"UcdpAgr", "PamAgr", "CowWar", "Interim", "description", "stage_label", "stage - sort", "stage_short",
	"agt_type", "agt_dat", "year", "PAX_Hyperlink", "PDF_Hyperlink", "stage_display", "substage_label",
	"ImSrc",
}

// numShared is how many of the first columns the two layouts share, Con to
// Interim.
const numShared = colInterim + 1

// Columns returns the names of the 38 columns the reader needs in the
// agreement-level file, in the order of that file, as a new slice each call.
// A header may order them differently and may have more. It is
// LayoutAgreement.Columns().
func Columns() []string { return LayoutAgreement.Columns() }

// Columns returns the names of the columns the reader needs in a file of
// layout l, in the order of that file, as a new slice each call: the 38 of
// the agreement-level file, or the 279 of the provision-level file (Con to
// Interim, ImSrc, then the 251 codes of [Codes]); nil for an unknown layout.
func (l Layout) Columns() []string {
	switch l {
	case LayoutAgreement:
		out := make([]string, numColumns)
		copy(out, columnNames[:numColumns])
		return out
	case LayoutProvision:
		out := make([]string, 0, numShared+1+NumCodes)
		out = append(out, columnNames[:numShared]...)
		out = append(out, columnNames[colImSrc])
		for _, c := range book.codes {
			out = append(out, string(c))
		}
		return out
	}
	return nil
}
