package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
)

// This file exports, for the external tests of this package only, the tree
// parser and an alternative to it built on encoding/json's Decoder.Token,
// which the benchmarks measure it against.

// ParseTree is parse: the tree parser the decoder uses.
var ParseTree = parse

// ParseTreeTokens builds the same tree as parse with json.Decoder.Token.
var ParseTreeTokens = parseTokens

// TreeText renders a tree that ParseTree or ParseTreeTokens built, with
// the Go type of every node, so that two trees can be compared as text.
func TreeText(v any) string {
	var b bytes.Buffer
	writeTree(&b, v)
	return b.String()
}

func writeTree(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case *object:
		b.WriteString("{")
		for i, k := range v.keys {
			b.WriteString(quote(k) + ":")
			writeTree(b, v.vals[i])
			b.WriteString(",")
		}
		b.WriteString("}")
	case []any:
		b.WriteString("[")
		for _, x := range v {
			writeTree(b, x)
			b.WriteString(",")
		}
		b.WriteString("]")
	case string:
		b.WriteString("s" + quote(v))
	case json.Number:
		b.WriteString("n" + string(v))
	case bool:
		if v {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case nil:
		b.WriteString("null")
	default:
		b.WriteString("?")
	}
}

// parseTokens reads data as parse does, building the tree from the tokens
// of a json.Decoder. Syntax errors are found, and reported, exactly as
// parse finds them, by check first.
func parseTokens(data []byte) (any, *Problem) {
	data, p := check(data)
	if p != nil {
		return nil, p
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := tokenValue(dec)
	if err != nil { // not expected after the check above
		return nil, &Problem{Err: ErrSyntax, Msg: "malformed JSON at byte offset " + itoa(int(dec.InputOffset()))}
	}
	return v, nil
}

var errUnexpectedToken = errors.New("unexpected token")

// tokenValue reads the value whose first token is next; checked input
// nests at most maxJSONDepth levels deep.
func tokenValue(dec *json.Decoder) (any, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := t.(json.Delim)
	if !ok {
		return t, nil // nil, bool, json.Number or string
	}
	switch d {
	case '{':
		obj := &object{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key, ok := k.(string)
			if !ok {
				return nil, errUnexpectedToken
			}
			v, err := tokenValue(dec)
			if err != nil {
				return nil, err
			}
			obj.keys = append(obj.keys, key)
			obj.vals = append(obj.vals, v)
		}
		if _, err := dec.Token(); err != nil { // '}'
			return nil, err
		}
		return obj, nil
	case '[':
		arr := []any{}
		for dec.More() {
			v, err := tokenValue(dec)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		if _, err := dec.Token(); err != nil { // ']'
			return nil, err
		}
		return arr, nil
	}
	return nil, errUnexpectedToken
}

// ConditionSize is conditionSize: the size of a condition, counted up to
// limit+1 nodes.
var ConditionSize = conditionSize
