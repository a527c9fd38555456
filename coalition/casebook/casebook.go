package casebook

import (
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// Version selects a text of a case: a draft or the text finally adopted.
// The zero value is VersionFinal, the adopted text. The functions of this
// package read every Version other than VersionDraft as VersionFinal; Valid
// tells the two named versions from other values. Versions are comparable and
// safe for concurrent use.
type Version uint8

// The versions of a case's text.
const (
	// VersionFinal is the text as adopted; the zero Version.
	VersionFinal Version = iota
	// VersionDraft is the draft of a text, before it was adopted.
	VersionDraft
)

// Valid reports whether v is VersionDraft or VersionFinal.
func (v Version) Valid() bool { return v <= VersionDraft }

// String returns "draft", "final", or "Version(n)" for a value that is not
// valid.
func (v Version) String() string {
	switch v {
	case VersionDraft:
		return "draft"
	case VersionFinal:
		return "final"
	}
	return "Version(" + strconv.Itoa(int(v)) + ")"
}

// Case is one version of a real case, as data: the coalition whose
// commitments it records, the instruments they are split between, and the
// territory in question with the packages a reader may compare. A Case is
// plain data that its caller owns: a function of this package returns a
// new one on each call. The zero value is an empty case.
type Case struct {
	// Version is the version of the case's text this case records.
	Version Version
	// Text is the name the sources give that version's text, such as
	// "draft statement" or "final communiqué".
	Text string
	// Date is the day the text is dated.
	Date time.Time
	// Coalition is the coalition of guarantors as that text describes it.
	Coalition coalition.Coalition
	// Instruments split the coalition's contributions between the
	// instruments the parties signed, for [coalition.Coalition.Process]:
	// every contribution of Coalition is in exactly one of them.
	Instruments []coalition.Instrument
	// Territory is the agreement holding the territory in question, with
	// who holds sovereignty over and controls each area; its ID is not
	// that of any instrument, so it may be added to the process.
	Territory agreement.Agreement
	// Packages are territorial packages to compare over Territory
	// ([agreement.Package.Apply]). They are options for analysis, not
	// proposals the sources report, unless their doc says otherwise.
	Packages []agreement.Package
}
