package schema

import (
	"embed"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peacekit/peacekit/agreement"
)

//go:embed *.schema.json
var files embed.FS

// order lists the names of the documents, in the order [Names] returns
// them: the agreement's documents first, then those of the packages built on
// it.
var order = []string{"agreement", "process", "timeline", "coalition", "montecarlo-model", "negotiation-space",
	"negotiation-positions"}

// suffix ends the name of every schema file.
const suffix = ".schema.json"

// Names returns the names of the documents this package holds a schema
// for, in a fixed order: "agreement", "process", "timeline", then those of
// the packages built on package agreement ("coalition",
// "montecarlo-model", "negotiation-space", "negotiation-positions") whose
// schema is embedded. The schema of name is the file name + ".schema.json"
// of [FS], and [JSON] returns it. Each call returns a new slice, which the
// caller may modify. Names is safe for concurrent use.
func Names() []string {
	var names []string
	for _, n := range order {
		if _, err := fs.Stat(files, n+suffix); err == nil {
			names = append(names, n)
		}
	}
	return names
}

// JSON returns the bytes of the schema of the document called name, one of
// [Names], such as "agreement": a JSON Schema of draft 2020-12 whose "$id" is
// https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/<name>.schema.json.
// Each call returns a new slice, which the caller may modify. For a name not
// in [Names] it returns nil and an error wrapping
// [agreement.ErrInvalidValue] that suggests the nearest name, as
// [agreement.Suggest] finds it, and lists every name. JSON is safe for
// concurrent use.
func JSON(name string) ([]byte, error) {
	names := Names()
	if !slices.Contains(names, name) {
		msg := "unknown schema " + quote(name)
		if s, ok := agreement.Suggest(name, names); ok {
			msg += " (did you mean " + quote(s) + "?)"
		}
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = quote(n)
		}
		msg += "; allowed: " + strings.Join(quoted, ", ")
		return nil, &agreement.Problem{Err: agreement.ErrInvalidValue, Msg: msg}
	}
	// ReadFile of an embed.FS returns a new slice on every call.
	return files.ReadFile(name + suffix)
}

// FS returns the schema files, one "<name>.schema.json" for each name of
// [Names], at the root of a read-only file system. A schema refers to the
// definitions of another by a relative URI ("agreement.schema.json#/$defs/agreementBody"),
// which resolves against its "$id" to the other file's "$id": a validator
// loads every file of FS under its "$id". FS is safe for concurrent use, as
// is the file system it returns.
func FS() fs.FS { return files }

// quote writes s as a Go string literal for a message, cut after 64 bytes
// (at a character boundary) so that no input makes a long message.
func quote(s string) string {
	const limit = 64
	if len(s) <= limit {
		return strconv.Quote(s)
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}
