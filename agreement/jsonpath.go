package agreement

import (
	"errors"
	"slices"
	"strings"
	"time"
)

// This file holds the decoder's bookkeeping: the paths of the values it
// walks and the problems it collects on the way. Paths are written in the
// JSON field names ("clauses[3].trigger.all[1]"), as [Problem] documents.

// decoder converts a parsed tree to values, collecting every structural
// problem with its path.
type decoder struct {
	ps ValidationError
	// loc is the zone of the plain dates ("2024-03-01") read as instants:
	// that of the clause or agreement being decoded. Nil outside an
	// agreement (in an event log), where instants are RFC 3339 only.
	loc *time.Location
	// agreementIDs holds the id read for each agreement of a process, by
	// the agreement's path ("agreements[1]"); an agreement whose id could
	// not be read has none.
	agreementIDs map[string]string
}

func (d *decoder) add(path string, err error, msg string) { d.ps.Add(path, err, msg) }

func (d *decoder) wrongType(path, want string, v any) {
	d.add(path, ErrSyntax, "want "+want+", got "+jsonType(v))
}

// members calls fn for every member of the object v at path, in document
// order, with the member's path. names lists the fields of the object's
// type: the one list by which members accepts a key and suggests, with
// [Suggest], a field for a key it does not know. A key outside names, or
// one fn returns false for, is reported as an unknown field. Duplicate keys
// are reported and skipped. members reports false when v is not an object.
func (d *decoder) members(path string, v any, names []string, fn func(key, path string, v any) bool) bool {
	obj, ok := v.(*object)
	if !ok {
		d.wrongType(path, "object", v)
		return false
	}
	seen := make(map[string]bool, len(obj.keys))
	for i, k := range obj.keys {
		p := field(path, k)
		if seen[k] {
			d.add(p, ErrSyntax, duplicateField+quote(k))
			continue
		}
		seen[k] = true
		switch {
		case !slices.Contains(names, k):
			d.add(p, ErrUnknownField, unknownName("field", k, names, false))
		case !fn(k, p, obj.vals[i]): // listed, yet not read: no suggestion of itself
			d.add(p, ErrUnknownField, unknownName("field", k, nil, false))
		case k == "id" && isAgreementPath(path):
			if id, ok := obj.vals[i].(string); ok {
				if d.agreementIDs == nil {
					d.agreementIDs = make(map[string]string)
				}
				d.agreementIDs[path] = id
			}
		}
	}
	return true
}

// duplicateField starts the message of a duplicate key's problem: the
// first member of that key was read, so the problem leaves nothing unread.
const duplicateField = "duplicate field "

// isAgreementPath reports whether path is that of an agreement of a
// process, ending in an element of a member "agreements".
func isAgreementPath(path string) bool {
	if !strings.HasSuffix(path, "]") {
		return false
	}
	k := strings.LastIndex(path, "agreements[")
	if k < 0 || (k > 0 && path[k-1] != '.') {
		return false
	}
	_, rest, _ := strings.Cut(path[k:], "]")
	return rest == ""
}

// list decodes the array v at path element by element; an empty array
// decodes to nil.
func list[T any](d *decoder, path string, v any, fn func(path string, v any) T) []T {
	arr, ok := v.([]any)
	if !ok {
		d.wrongType(path, "array", v)
		return nil
	}
	if len(arr) == 0 {
		return nil
	}
	out := make([]T, len(arr))
	for i, x := range arr {
		out[i] = fn(idx(path, i), x)
	}
	return out
}

// required reports the field name of the object at path as missing unless
// present.
func (d *decoder) required(path, name string, present bool) {
	if !present {
		d.add(field(path, name), ErrMissing, "missing field "+quote(name))
	}
}

// validated adds the problems of err, what a validation found in the value
// d decoded (nil, or a *ValidationError), but for those whose path is at,
// inside or containing the path of a problem d found decoding: a value the
// decoder could not read is missing, or zero, to the validation, which
// would only restate the problem. Nor does it add the unknown references
// to what a declaration that could not be read declares (see [unread]): one
// d could not read, or whose id the validation finds missing or malformed.
// Another error is added as one problem of the whole value.
func (d *decoder) validated(err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		d.add("", ErrInvalidValue, err.Error())
		return
	}
	decoded := d.ps.Problems[:len(d.ps.Problems):len(d.ps.Problems)]
	var hidden []unread
	for _, p := range decoded {
		if p != nil && !strings.HasPrefix(p.Msg, duplicateField) {
			hidden = appendUnread(hidden, p.Path, d.agreementIDs)
		}
	}
	for _, p := range ve.Problems {
		if p != nil && (p.Path == "id" || strings.HasSuffix(p.Path, ".id")) &&
			(errors.Is(p.Err, ErrMissing) || errors.Is(p.Err, ErrInvalidID)) {
			hidden = appendUnread(hidden, p.Path, d.agreementIDs)
		}
	}
	for _, p := range ve.Problems {
		if p == nil || relatedPath(decoded, p.Path) || slices.ContainsFunc(hidden, func(u unread) bool { return u.hides(p) }) {
			continue
		}
		d.add(p.Path, p.Err, p.Msg)
	}
	d.ps.Omitted += ve.Omitted
}

// relatedPath reports whether path is the path of one of ps, or inside it
// ("clauses[3].kind" is inside "clauses[3]", "clauses[30]" is not), or
// contains it. The path "" of the whole value contains every path.
func relatedPath(ps []*Problem, path string) bool {
	for _, p := range ps {
		if p != nil && (pathWithin(path, p.Path) || pathWithin(p.Path, path)) {
			return true
		}
	}
	return false
}

// declaring lists the collections of an agreement that declare the ids
// references resolve against, by their path below the agreement's, with
// the sentinel of a reference to an id none of them declares.
var declaring = []struct {
	path string
	err  error
}{
	{"parties", ErrUnknownParty},
	{"groups", ErrUnknownGroup},
	{"clauses", ErrUnknownClause},
	{"fluents", ErrUnknownFluent},
	{"territory.areas", ErrUnknownArea},
	{"itemClasses", ErrUnknownItemClass},
}

// unread is a declaration that could not be read in full: the references
// of sentinel err inside scope may name what it declares, so a validation
// reporting them as unknown would be wrong, and its suggestion (the
// nearest id that could be read) misleading. With local, only references
// not naming an agreement ("C1", resolved in their own agreement) are
// hidden. With qualified, only references naming their agreement ("a/C1")
// are hidden: those naming agreement, or any agreement when agreement is
// "" (the id of the agreement whose clauses could not be read is itself
// unknown).
type unread struct {
	scope     string
	err       error
	local     bool
	qualified bool
	agreement string
}

// hides reports whether the validation problem p is an unknown reference u
// makes unreliable.
func (u unread) hides(p *Problem) bool {
	if !errors.Is(p.Err, u.err) || !pathWithin(p.Path, u.scope) {
		return false
	}
	a, named := qualifiedRef(p.Msg)
	switch {
	case u.local:
		return !named
	case u.qualified:
		return named && (u.agreement == "" || a == u.agreement)
	}
	return true
}

// qualifiedRef reports whether msg, a problem's message, is that of an
// unknown clause named with its agreement (`unknown clause "a/C1"`), and
// returns that agreement.
func qualifiedRef(msg string) (agreement string, ok bool) {
	const prefix = `unknown clause "`
	rest, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return "", false
	}
	name, _, _ := strings.Cut(rest, `"`)
	agreement, _, ok = strings.Cut(name, "/")
	return agreement, ok
}

// appendUnread appends to us the declarations a problem at path leaves
// unread: a problem at or containing a declaring collection of an
// agreement, at one of its elements or at or inside an element's member
// "id" (the document's agreement, path "", or an "agreements[i]" of a
// process) hides the unknown references of its sentinel in that agreement
// (for the clauses of an agreement of a process, those not naming an
// agreement) and, for clauses, the references across the process qualified
// with that agreement's id (ids holds the ids read, by path; any qualified
// reference when the id could not be read); a problem at the agreements of a
// process, at one of them or inside its "id" hides the unknown agreements
// across the process.
func appendUnread(us []unread, path string, ids map[string]string) []unread {
	roots := []string{""}
	for i := 0; ; {
		k := strings.Index(path[i:], "agreements[")
		if k < 0 {
			break
		}
		k += i
		end := strings.IndexByte(path[k:], ']')
		if end < 0 {
			break
		}
		end += k + 1
		if k == 0 || path[k-1] == '.' {
			roots = append(roots, path[:end])
		}
		i = end
	}
	for _, root := range roots {
		for _, c := range declaring {
			coll := field(root, c.path)
			if !touchesIDs(path, coll) {
				continue
			}
			if c.err != ErrUnknownClause || root == "" {
				us = append(us, unread{scope: root, err: c.err})
				continue
			}
			us = append(us, unread{scope: root, err: c.err, local: true},
				unread{scope: processOf(root), err: c.err, qualified: true, agreement: ids[root]})
		}
		if root != "" {
			process := processOf(root)
			if path == field(process, "agreements") || path == root || pathWithin(path, field(root, "id")) {
				us = append(us, unread{scope: process, err: ErrUnknownAgreement})
			}
		}
	}
	// A problem at the agreements of a process, before any index.
	if path == "agreements" || strings.HasSuffix(path, ".agreements") {
		us = append(us, unread{scope: strings.TrimSuffix(strings.TrimSuffix(path, "agreements"), "."),
			err: ErrUnknownAgreement})
	}
	return us
}

// touchesIDs reports whether a problem at path may leave an id of the
// collection at coll unread: path contains coll, is coll, one of its
// elements, or at or inside an element's member "id". A problem elsewhere
// in an element (a party's unknown kind, or an unknown member "ID" beside
// its "id") leaves its id read.
func touchesIDs(path, coll string) bool {
	if pathWithin(coll, path) {
		return true
	}
	rest, ok := strings.CutPrefix(path, coll+"[")
	if !ok {
		return false
	}
	_, rest, ok = strings.Cut(rest, "]")
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	name, ok := strings.CutPrefix(rest, ".")
	if !ok {
		return false
	}
	if k := strings.IndexAny(name, ".["); k >= 0 {
		name = name[:k]
	}
	return name == "id"
}

// processOf returns the path of the process that holds the agreement at
// root, a path ending in "agreements[i]".
func processOf(root string) string {
	p := root[:strings.LastIndex(root, "agreements[")]
	return strings.TrimSuffix(p, ".")
}

// pathWithin reports whether the path a is b or inside it.
func pathWithin(a, b string) bool {
	if b == "" || a == b {
		return true
	}
	return strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
}
