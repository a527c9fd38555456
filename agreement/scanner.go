package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file turns JSON text into a tree that the decoder walks: objects
// keep their members in document order, duplicates included, so that the
// decoder can report unknown and duplicate fields with their paths.

// object is a JSON object with its members in document order.
type object struct {
	keys []string
	vals []any
}

// maxJSONDepth bounds the nesting of JSON arrays and objects the decoders
// read: enough for conditions nested maxConditionDepth deep (an atLeast
// takes three levels) inside a process document, and far below what
// encoding/json allows, so that the recursion of the parsers stays small.
const maxJSONDepth = 3*maxConditionDepth + 16

// bom is the UTF-8 byte-order mark, which a document may start with.
const bom = "\uFEFF"

// parse reads data, which must hold exactly one JSON value, into a tree of
// nil, bool, json.Number, string, []any and *object values, sharing no
// memory with data. A UTF-8 byte-order mark at the start is skipped; JSON
// nested more than maxJSONDepth levels is reported as too deep
// ([ErrInvalidValue]), as a condition nested too deeply is.
func parse(data []byte) (any, *Problem) {
	data, p := check(data)
	if p != nil {
		return nil, p
	}
	tp := treeParser{data: data}
	v, ok := tp.value()
	if !ok { // not expected after the check above
		return nil, &Problem{Err: ErrSyntax, Msg: "malformed JSON at byte offset " + itoa(tp.pos)}
	}
	return v, nil
}

// check checks data as parse does before building the tree, and returns
// the JSON text without its byte-order mark.
func check(data []byte) ([]byte, *Problem) {
	full, base := data, 0
	if bytes.HasPrefix(data, []byte(bom)) {
		data, base = data[len(bom):], len(bom)
	}
	if off, ok := depthWithin(data, maxJSONDepth); !ok {
		line, col := position(full, base+off)
		return nil, &Problem{Err: ErrInvalidValue, Msg: "nested too deeply (more than " + itoa(maxJSONDepth) +
			" levels of arrays and objects; conditions nest at most " + itoa(maxConditionDepth) +
			" deep) (line " + itoa(line) + ", column " + itoa(col) + ", byte offset " + itoa(base+off) + ")"}
	}
	// encoding/json checks the whole input: syntax and trailing data.
	// json.Unmarshal reports the error with its offset.
	if !json.Valid(data) {
		return nil, syntaxProblem(full, base, data, json.Unmarshal(data, new(json.RawMessage)))
	}
	return data, nil
}

// treeParser builds the tree of a JSON text that encoding/json has already
// checked. It still checks every index, reporting false rather than
// panicking should the two ever disagree.
type treeParser struct {
	data []byte
	pos  int
}

// peek skips white space and returns the next byte, or 0 at the end.
func (p *treeParser) peek() byte {
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; c {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return c
		}
	}
	return 0
}

// value parses the value at p.pos, which checked input nests at most
// maxJSONDepth levels deep.
func (p *treeParser) value() (any, bool) {
	switch c := p.peek(); c {
	case '{':
		p.pos++
		obj := &object{}
		if p.peek() == '}' {
			p.pos++
			return obj, true
		}
		for {
			key, ok := p.string()
			if !ok || p.peek() != ':' {
				return nil, false
			}
			p.pos++
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			obj.keys = append(obj.keys, key)
			obj.vals = append(obj.vals, v)
			switch p.peek() {
			case ',':
				p.pos++
			case '}':
				p.pos++
				return obj, true
			default:
				return nil, false
			}
		}
	case '[':
		p.pos++
		arr := []any{}
		if p.peek() == ']' {
			p.pos++
			return arr, true
		}
		for {
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			arr = append(arr, v)
			switch p.peek() {
			case ',':
				p.pos++
			case ']':
				p.pos++
				return arr, true
			default:
				return nil, false
			}
		}
	case '"':
		return p.string()
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	case 0:
		return nil, false
	}
	start := p.pos
	for p.pos < len(p.data) && strings.IndexByte("+-0123456789.eE", p.data[p.pos]) >= 0 {
		p.pos++
	}
	if p.pos == start {
		return nil, false
	}
	return json.Number(p.data[start:p.pos]), true
}

func (p *treeParser) literal(lit string) bool {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
		return false
	}
	p.pos += len(lit)
	return true
}

// string parses the string literal at p.pos. Plain ASCII is copied as is;
// anything with escapes or other bytes is decoded by encoding/json, so that
// escapes, surrogates and invalid UTF-8 are treated exactly as it does.
func (p *treeParser) string() (string, bool) {
	if p.peek() != '"' {
		return "", false
	}
	start := p.pos
	plain := true
	for p.pos++; p.pos < len(p.data); p.pos++ {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			lit := p.data[start:p.pos]
			if plain {
				return string(lit[1 : len(lit)-1]), true
			}
			var s string
			err := json.Unmarshal(lit, &s)
			return s, err == nil
		case c == '\\':
			plain = false
			p.pos++ // skip the escaped byte; \uXXXX has no quote or backslash
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	return "", false
}

// depthWithin reports whether the arrays and objects of data nest at most
// limit levels deep, and otherwise the offset of the first bracket beyond
// it. It reads strings only to skip them and does not check the syntax.
func depthWithin(data []byte, limit int) (int, bool) {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			if depth > limit {
				return i, false
			}
		case '}', ']':
			depth--
		}
	}
	return 0, true
}

// position returns the line and byte column of offset off in data.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n")), off - bytes.LastIndexByte(data[:off], '\n')
}

// syntaxProblem reports err, from encoding/json, which read data, with the
// position in full, of which data starts at byte base.
func syntaxProblem(full []byte, base int, data []byte, err error) *Problem {
	var se *json.SyntaxError
	if !errors.As(err, &se) { // not expected: json.Valid failed
		return &Problem{Err: ErrSyntax, Msg: "malformed JSON"}
	}
	// Offset counts the bytes read, the offending one included; at the end
	// of the input there is no offending byte.
	off := int(se.Offset)
	if off > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
		off--
	}
	off = base + min(max(off, 0), len(data))
	line, col := position(full, off)
	msg := se.Error()
	if len(bytes.TrimSpace(data)) == 0 {
		msg = "empty input"
	}
	return &Problem{Err: ErrSyntax, Msg: msg + " (line " + itoa(line) + ", column " + itoa(col) +
		", byte offset " + itoa(off) + ")"}
}

// jsonType names the JSON type of a parsed value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case *object:
		return "object"
	}
	return "unknown"
}

// describe names the type of a parsed value, with its text when scalar.
func describe(v any) string {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case string:
		return "string " + quote(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return jsonType(v)
}
