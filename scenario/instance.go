package scenario

import (
	"strconv"

	"github.com/peacekit/peacekit/agreement"
)

// Instance identifies what a replay tracks the state of: a clause (Ref
// qualified with its agreement), or one debtor's share of a clause that binds
// several debtors severally (Debtor set), or an agreement itself (Ref names
// the agreement, Debtor empty). Instance is comparable and usable as a map
// key; its zero value identifies nothing.
type Instance struct {
	Ref    agreement.Ref
	Debtor agreement.PartyID
}

// IsAgreement reports whether i is an agreement rather than a clause.
func (i Instance) IsAgreement() bool { return i.Ref.IsAgreement() }

// String returns "agreement/clause", with "[debtor]" appended for one
// debtor's share, such as "ceasefire/M2[UA]"; or "agreement/" for an
// agreement.
func (i Instance) String() string {
	s := i.Ref.String()
	if i.Debtor != "" {
		s += "[" + string(i.Debtor) + "]"
	}
	return s
}

func quote(s string) string { return strconv.Quote(s) }
