package coalition

import (
	"errors"
	"strconv"

	"github.com/peacekit/peacekit/agreement"
)

// Sentinel errors for the problems that only a coalition can have. Every
// other problem [Coalition.Validate] reports wraps one of package
// agreement's sentinels ([agreement.ErrUnknownParty],
// [agreement.ErrDuplicateID], [agreement.ErrInvalidValue], ...). Test for
// them with [errors.Is].
var (
	// ErrNotMember: a party that is declared but is not a member (of any
	// standing) contributes to the coalition or leads one of its functions.
	ErrNotMember = errors.New("coalition: not a member")
	// ErrUnknownFunction: a contribution serves a function the coalition does
	// not declare.
	ErrUnknownFunction = errors.New("coalition: unknown function")
	// ErrLeadWithoutContributions: a function names a lead but no
	// contribution serves it, and its LeadWithoutContributions setting does
	// not allow that.
	ErrLeadWithoutContributions = errors.New("coalition: lead for a function without contributions")
)

// problems collects problems in the order found.
type problems struct {
	list []*agreement.Problem
}

func (ps *problems) add(path string, err error, msg string) {
	ps.list = append(ps.list, &agreement.Problem{Path: path, Err: err, Msg: msg})
}

// err returns nil when no problem was found, else an
// *agreement.ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &agreement.ValidationError{Problems: ps.list}
}

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func field(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
