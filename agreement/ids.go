package agreement

import "strings"

// maxIDLen is the longest identifier accepted anywhere in an agreement.
const maxIDLen = 64

// validName reports whether s is a well-formed identifier: 1 to 64 ASCII
// letters, digits, '.', '_' or '-', starting with a letter or digit. It never
// contains '/', which separates the parts of a [Ref].
func validName(s string) bool {
	if len(s) == 0 || len(s) > maxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// validKindName reports whether s is a well-formed lower-case name, as used by
// [EventKind] and [Unit]: 1 to 64 characters of a-z, 0-9, '-' and '.',
// starting with a letter.
func validKindName(s string) bool {
	if len(s) == 0 || len(s) > maxIDLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// PartyID identifies a party (an actor) across every agreement of a process,
// for example "UA", "RU" or "COW". It is comparable and usable as a map key.
// The zero value is the empty, invalid id.
type PartyID string

// Valid reports whether id is well formed: 1 to 64 ASCII letters, digits,
// '.', '_' or '-', starting with a letter or digit.
func (id PartyID) Valid() bool { return validName(string(id)) }

// GroupID identifies a party group (a named set of parties, such as "NATO")
// inside one agreement. The zero value is the empty, invalid id.
type GroupID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id GroupID) Valid() bool { return validName(string(id)) }

// AgreementID identifies one instrument within a [Process], for example
// "paris-declaration-2026". The zero value is the empty, invalid id.
type AgreementID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id AgreementID) Valid() bool { return validName(string(id)) }

// ClauseID identifies a clause within its agreement, for example "G1".
// The zero value is the empty, invalid id.
type ClauseID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id ClauseID) Valid() bool { return validName(string(id)) }

// FluentID identifies a fluent within its agreement, for example
// "ceasefire-in-force". The zero value is the empty, invalid id.
type FluentID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id FluentID) Valid() bool { return validName(string(id)) }

// AreaID identifies a territorial area, for example "UA-14" or "donetsk".
// The zero value is the empty, invalid id.
type AreaID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id AreaID) Valid() bool { return validName(string(id)) }

// Ref refers to a clause, or to a whole agreement, possibly in another
// instrument of the same [Process]. Its text form is "clause" (a clause of the
// agreement that holds the reference), "agreement/clause" (a qualified
// reference), or "agreement/" (the agreement itself). Ref is comparable; its
// zero value refers to nothing and is invalid.
type Ref struct {
	// Agreement is the instrument referred to; empty means the agreement
	// holding the reference.
	Agreement AgreementID
	// Clause is the clause referred to; empty means the agreement itself,
	// which requires Agreement to be set.
	Clause ClauseID
}

// LocalRef returns a reference to clause id of the agreement that holds it.
func LocalRef(id ClauseID) Ref { return Ref{Clause: id} }

// QualifiedRef returns a reference to clause id of agreement a.
func QualifiedRef(a AgreementID, id ClauseID) Ref { return Ref{Agreement: a, Clause: id} }

// AgreementRef returns a reference to agreement a itself.
func AgreementRef(a AgreementID) Ref { return Ref{Agreement: a} }

// ParseRef parses the text form of a [Ref]. It returns an error wrapping
// [ErrInvalidID] when s is not "clause", "agreement/clause" or "agreement/"
// with well-formed ids.
func ParseRef(s string) (Ref, error) {
	a, c, qualified := strings.Cut(s, "/")
	var r Ref
	if qualified {
		if a == "" {
			return Ref{}, &Problem{Err: ErrInvalidID, Msg: "invalid reference " + quote(s)}
		}
		r = Ref{Agreement: AgreementID(a), Clause: ClauseID(c)}
	} else {
		r = Ref{Clause: ClauseID(a)}
	}
	if !r.Valid() {
		return Ref{}, &Problem{Err: ErrInvalidID, Msg: "invalid reference " + quote(s)}
	}
	return r, nil
}

// Valid reports whether r is well formed: a valid clause id, a valid
// agreement id, or both.
func (r Ref) Valid() bool {
	switch {
	case r.Agreement == "" && r.Clause == "":
		return false
	case r.Agreement == "":
		return r.Clause.Valid()
	case r.Clause == "":
		return r.Agreement.Valid()
	default:
		return r.Agreement.Valid() && r.Clause.Valid()
	}
}

// IsAgreement reports whether r refers to an agreement rather than a clause.
func (r Ref) IsAgreement() bool { return r.Clause == "" && r.Agreement != "" }

// Resolve returns r with an empty Agreement replaced by home, so that refs
// held by different instruments can be compared.
func (r Ref) Resolve(home AgreementID) Ref {
	if r.Agreement == "" {
		r.Agreement = home
	}
	return r
}

// String returns the text form of r, as accepted by [ParseRef].
func (r Ref) String() string {
	switch {
	case r.Agreement == "":
		return string(r.Clause)
	default:
		return string(r.Agreement) + "/" + string(r.Clause)
	}
}

// MarshalText implements [encoding.TextMarshaler].
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRef].
func (r *Ref) UnmarshalText(b []byte) error { return unmarshalParsed(r, ParseRef, b) }

// Category is a provision category, written as a PA-X provision code such as
// "Ce" (ceasefire) or "SsrFf" (security sector reform: foreign forces). The set
// is open: any code of an upper-case letter followed by up to 31 ASCII letters
// and digits is accepted. The zero value means "uncategorised".
type Category string

// Common PA-X provision codes. The set is open; these are the ones the
// library's own examples use.
const (
	CategoryCe     Category = "Ce"     // ceasefire
	CategorySsrGua Category = "SsrGua" // security guarantees
	CategorySsrFf  Category = "SsrFf"  // withdrawal or presence of foreign forces
	CategorySsrDdr Category = "SsrDdr" // disarmament, demobilisation, reintegration
	CategoryImPK   Category = "ImPK"   // international mission, force or similar
	CategoryImUN   Category = "ImUN"   // UN signatory or role
	CategoryImE    Category = "ImE"    // enforcement mechanism
	CategoryImRef  Category = "ImRef"  // referendum for the agreement
	CategoryStBor  Category = "StBor"  // borders and boundary demarcation
)

// Valid reports whether c is empty or a well-formed code.
func (c Category) Valid() bool {
	if c == "" {
		return true
	}
	if len(c) > 32 || c[0] < 'A' || c[0] > 'Z' {
		return false
	}
	for i := 1; i < len(c); i++ {
		ch := c[i]
		if !('a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9') {
			return false
		}
	}
	return true
}
