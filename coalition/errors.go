package coalition

import "errors"

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
