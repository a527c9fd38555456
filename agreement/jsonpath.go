package agreement

import "time"

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
// order, with the member's path; fn returns false for a key it does not
// know, which is reported as an unknown field. Duplicate keys are reported
// and skipped. members reports false when v is not an object.
func (d *decoder) members(path string, v any, fn func(key, path string, v any) bool) bool {
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
		if !fn(k, p, obj.vals[i]) {
			d.add(p, ErrUnknownField, "unknown field "+quote(k))
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
