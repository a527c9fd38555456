package agreementtest

import (
	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition/casebook"
)

// ParisDeclaration returns one version of the joint declaration of the
// Coalition of the Willing, Paris, 6 January 2026: the draft statement when
// draft is true, the final communiqué otherwise. It is
// [casebook.Paris2026Declaration], whose doc gives the sources and the
// clauses; the two versions differ by exactly the draft's "us-backstop"
// clause. The agreement is valid. Each call returns a new value that shares
// nothing with earlier ones.
func ParisDeclaration(draft bool) agreement.Agreement {
	if draft {
		return casebook.Paris2026Declaration(casebook.VersionDraft)
	}
	return casebook.Paris2026Declaration(casebook.VersionFinal)
}
