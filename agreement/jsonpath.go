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
			d.add(p, ErrSyntax, "duplicate field "+quote(k))
			continue
		}
		seen[k] = true
		switch {
		case !slices.Contains(names, k):
			d.add(p, ErrUnknownField, unknownName("field", k, names, false))
		case !fn(k, p, obj.vals[i]): // listed, yet not read: no suggestion of itself
			d.add(p, ErrUnknownField, unknownName("field", k, nil, false))
		}
	}
	return true
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
// would only restate the problem. Another error is added as one problem of
// the whole value.
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
	for _, p := range ve.Problems {
		if p != nil && !relatedPath(decoded, p.Path) {
			d.add(p.Path, p.Err, p.Msg)
		}
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

// pathWithin reports whether the path a is b or inside it.
func pathWithin(a, b string) bool {
	if b == "" || a == b {
		return true
	}
	return strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
}
