package agreement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// FuzzDecode feeds arbitrary bytes to DecodeAgreement and DecodeProcess. For
// any input each either fails with a *ValidationError whose every problem
// has a sentinel, or returns a value that validates and survives an encode
// and decode unchanged, with a canonical encoding. Neither may panic or
// modify its input.
func FuzzDecode(f *testing.F) {
	addGoldenSeeds(f)
	addMeasuredSeeds(f)
	addCalendarSeeds(f)
	for _, s := range []string{
		jsonDoc(jsonClause("")),
		jsonDoc(jsonClause(`,"trigger":{"atLeast":{"k":1,"of":[{"holds":"f"},{"not":{"all":[]}}]}}`)),
		jsonDoc(jsonClause(`,"quantities":[{"min":"0.5","max":"12"}],"deadline":{"after":"3d"}`)),
		jsonDoc(jsonClause(`,"trigger":{"within":{"event":{"kind":"k"},"duration":"72h"}}`)),
		jsonDoc(jsonClause(`,"fulfilment":{"before":{"first":{"kind":"a"},"then":{"kind":"b","clause":"a/C1"}}}`)),
		`{"schema":1,"id":"a","date":"2026-01-06T19:00:00.5+01:00"}`,
		`{"schema":1,"title":"p","agreements":[{"id":"a"},{"id":"b","entryIntoForce":{"agreementIn":` +
			`{"agreement":"a","states":["in-force"]}}}]}`,
		`{"schema":1}`,
		`{"schema":2}`,
		`{"schema":1,"id":"a","colour":"red"}`,
		jsonDoc(jsonClause(`,"quantities":[{"min":5,"max":"5"}]`)),
		jsonDoc(jsonClause(`,"trigger":{"holds":"f","not":null}`)),
		`{"schema":1,"id":"a"} x`,
		`[`,
		``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)

		a, err := agreement.DecodeAgreement(data)
		if !bytes.Equal(data, orig) {
			t.Fatal("DecodeAgreement modified its input")
		}
		if err != nil {
			checkFuzzError(t, err)
		} else {
			if err := a.Validate(); err != nil {
				t.Fatalf("decoded agreement does not validate: %v", err)
			}
			// Strings decode exactly as encoding/json decodes them (escapes,
			// surrogates, invalid UTF-8). A successful decode had no unknown
			// or duplicate keys, so encoding/json reads the same members.
			var std struct{ ID, Title string }
			if err := json.Unmarshal(data, &std); err != nil {
				t.Fatalf("encoding/json rejects a document DecodeAgreement accepted: %v", err)
			}
			if string(a.ID) != std.ID || a.Title != std.Title {
				t.Fatalf("strings decoded as (%q, %q), encoding/json gives (%q, %q)", a.ID, a.Title, std.ID, std.Title)
			}
			enc, back := roundTrip(t, a, agreement.DecodeAgreement, jsonCmp)
			again, err := back.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON(re-decoded) error: %v", err)
			}
			if !bytes.Equal(enc, again) {
				t.Fatalf("encoding is not canonical:\n%s\n%s", enc, again)
			}
		}

		p, err := agreement.DecodeProcess(data)
		if !bytes.Equal(data, orig) {
			t.Fatal("DecodeProcess modified its input")
		}
		if err != nil {
			checkFuzzError(t, err)
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("decoded process does not validate: %v", err)
		}
		roundTrip(t, p, agreement.DecodeProcess, jsonCmp)
	})
}

// addGoldenSeeds adds the golden agreement and process documents, and the
// agreement of terms, to f's seed corpus.
func addGoldenSeeds(f *testing.F) {
	for _, name := range []string{"agreement.golden.json", "process.golden.json", "term.golden.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// addMeasuredSeeds adds the encodings of measuredFixture, alone and in a
// process, to f's seed corpus: every member of measured acts, valid. The
// seed files in testdata/fuzz hold variants of them, valid and not.
func addMeasuredSeeds(f *testing.F) {
	a := measuredFixture()
	for _, v := range []json.Marshaler{a, agreement.Process{Title: "Minsk", Agreements: []agreement.Agreement{a}}} {
		data, err := v.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkFuzzError checks that err is a non-empty *ValidationError whose
// problems each wrap one of the package's sentinels.
func checkFuzzError(t *testing.T, err error) {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Fatalf("error %v (%T) is not a non-empty *ValidationError", err, err)
	}
	sentinels := []error{
		agreement.ErrInvalidID, agreement.ErrDuplicateID, agreement.ErrUnknownParty, agreement.ErrUnknownGroup,
		agreement.ErrUnknownClause, agreement.ErrUnknownFluent, agreement.ErrUnknownAgreement, agreement.ErrCycle,
		agreement.ErrNegative, agreement.ErrInvalidValue, agreement.ErrMissing, agreement.ErrInconsistent,
		agreement.ErrUnknownField, agreement.ErrSchemaVersion, agreement.ErrSyntax,
		agreement.ErrUnknownArea, agreement.ErrShares, agreement.ErrConflict,
		agreement.ErrUnboundDebtor, agreement.ErrNotStanding, agreement.ErrUnknownItemClass, agreement.ErrUnknownEvent,
	}
	for _, p := range ve.Problems {
		known := false
		for _, s := range sentinels {
			if p.Err == s {
				known = true
				break
			}
		}
		if !known || p.Msg == "" {
			t.Fatalf("problem %q has sentinel %v, not one of the package's, or no message", p.Error(), p.Err)
		}
	}
}

// FuzzParseTree checks the tree parser the decoders use against the
// Decoder.Token parser it is benchmarked against: for any input both fail
// with the same problem or build the same tree, and they accept exactly
// what encoding/json accepts.
func FuzzParseTree(f *testing.F) {
	addGoldenSeeds(f)
	for _, s := range []string{
		`{"a":[1,-2.5e3,true,false,null,"x",{},[]],"a":{"b":"\u00e9\ud800\"\\"}}`,
		"\"bad \xff\xfe bytes\"",
		` [ ] `, `0`, `{"a":1} x`, `{"a":`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, treeProblem := agreement.ParseTree(data)
		tokens, tokensProblem := agreement.ParseTreeTokens(data)
		if (treeProblem == nil) != (tokensProblem == nil) ||
			treeProblem != nil && (*treeProblem != *tokensProblem) {
			t.Fatalf("problems differ: tree %v, tokens %v", treeProblem, tokensProblem)
		}
		if (treeProblem == nil) != json.Valid(data) {
			t.Fatalf("parse problem %v, but json.Valid = %v", treeProblem, json.Valid(data))
		}
		if treeProblem != nil {
			return
		}
		if a, b := agreement.TreeText(tree), agreement.TreeText(tokens); a != b {
			t.Fatalf("trees differ:\ntree:   %s\ntokens: %s", a, b)
		}
	})
}
