package schemacheck_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/schema"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// brokenAgreement is the deliberately broken agreement: the check must
// reject it, or it checks nothing.
const brokenAgreement = ".ci/testdata/broken-agreement.json"

// rules classify a JSON document by its top-level members, first match
// first: the name of the schema (and decoder) its content calls for.
var rules = []struct {
	doc     string
	members []string // any of them
	also    string   // and this one, when not ""
}{
	{"process", []string{"agreements"}, ""},
	{"timeline", []string{"events", "start", "amendments"}, ""},
	{"coalition", []string{"name", "party", "host", "members", "functions", "cells", "declarations", "meetings",
		"contributions"}, "schema"},
	{"negotiation-space", []string{"issues"}, "schema"},
	{"negotiation-positions", []string{"positions"}, "schema"},
	{"montecarlo-model", []string{"processes"}, "version"},
	{"agreement", []string{"clauses", "parties", "id"}, "schema"},
}

// decoders are the decoders of the documents, by schema name; a document
// whose decoder is not listed here is checked against its schema only.
var decoders = map[string]func([]byte) error{
	"agreement": func(b []byte) error { _, err := agreement.DecodeAgreement(b); return err },
	"process":   func(b []byte) error { _, err := agreement.DecodeProcess(b); return err },
	"timeline":  func(b []byte) error { _, err := scenario.DecodeTimeline(b); return err },
	"coalition": func(b []byte) error { _, err := coalition.DecodeCoalition(b); return err },
	"negotiation-space": func(b []byte) error {
		_, err := negotiation.DecodeSpace(b)
		return err
	},
	"negotiation-positions": func(b []byte) error { _, err := negotiation.DecodePositions(b); return err },
	"montecarlo-model":      func(b []byte) error { _, err := montecarlo.DecodeModel(b); return err },
}

// invalid lists the documents meant to be rejected (every document under
// a directory named bad must be listed): the schema their content calls
// for, whether their problem is one of shape, which the schema must then
// reject too, and, for a timeline whose problem is a reference, the
// agreement it is checked against (with scenario.Timeline.Validate, since
// the decoder does not know the agreement).
var invalid = map[string]struct {
	doc     string
	shape   bool
	against string
	reason  string
}{
	brokenAgreement: {"agreement", true, "", "the check's own broken document: malformed id, unknown enumeration values, " +
		"no debtors, negative duration, number for a decimal"},
	"agreement/negotiation/testdata/bad.json": {"negotiation-positions", true, "",
		"an unknown member, a duplicate member and values of the wrong type"},
	"examples/peacekit/testdata/bad/invalid.json": {"agreement", false, "",
		"names parties and a fluent it does not declare"},
	"examples/peacekit/testdata/bad/process-invalid.json": {"process", false, "",
		"refers to a clause the other agreement lacks"},
	"examples/peacekit/testdata/bad/syntax.json":          {"agreement", true, "", "malformed JSON"},
	"examples/peacekit/testdata/bad/timeline-syntax.json": {"timeline", true, "", "malformed JSON"},
	"examples/peacekit/testdata/bad/timeline-bad-fields.json": {"timeline", true, "",
		"a date that is no RFC 3339 instant, a malformed event kind, an event without instant, an unknown member"},
	"examples/peacekit/testdata/bad/timeline-unknown-party.json": {"timeline", false,
		"examples/peacekit/testdata/ceasefire.json", "an event names a party the agreement does not declare"},
	"examples/peacekit/testdata/mistakes/bad-model.json": {"montecarlo-model", true, "",
		"an unknown member and a negative rate"},
	"examples/peacekit/testdata/mistakes/coalition.json": {"coalition", true, "",
		"an unknown standing, a misspelt member and an unknown function"},
	"examples/peacekit/testdata/mistakes/party-kind.json": {"agreement", true, "",
		"the party kind \"intergovernmental-organization\", where \"-organisation\" is meant"},
	"examples/peacekit/testdata/mistakes/several.json": {"agreement", true, "",
		"an unknown deontic kind, an unknown member and an unknown party, reported in one pass"},
}

// unclassified lists the JSON documents no rule classifies, with the reason
// they are not checked against a schema.
var unclassified = map[string]string{
	"scenario/export/testdata/golden/new-attack.bound.json":          exportTable,
	"scenario/export/testdata/golden/new-attack.breaches.json":       exportTable,
	"scenario/export/testdata/golden/new-attack.states.json":         exportTable,
	"scenario/export/testdata/golden/new-attack.territory.json":      exportTable,
	"scenario/export/testdata/golden/new-attack.transitions.json":    exportTable,
	"examples/peacekit/testdata/golden/replay-json-transitions.json": exportTable,
	"examples/peacekit/testdata/golden/montecarlo-json.json":         "the summary of a Monte Carlo simulation that peacekit writes, which no decoder reads",
	"examples/peacekit/testdata/golden/packages-json.json":           "the analysis of a negotiation space that peacekit writes, which no decoder reads",
	"examples/peacekit/testdata/golden/diff-json.json":               "the changes between two agreements that peacekit diff writes, which no decoder reads",
	"examples/peacekit/testdata/golden/schema-agreement.json":        "the agreement schema as peacekit schema prints it: a schema, not a document",
}

// exportTable is the reason a table that package scenario/export writes is
// not checked: it is an output, which no decoder reads.
const exportTable = "a table of a trace written by scenario/export, which no decoder reads"

// classify returns the schema name the content of data calls for, or ""
// when no rule matches or data is no JSON object.
func classify(data []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return ""
	}
	for _, r := range rules {
		if r.also != "" && top[r.also] == nil {
			continue
		}
		for _, m := range r.members {
			if _, ok := top[m]; ok {
				return r.doc
			}
		}
	}
	return ""
}

// documents returns the path, from root, of every JSON document under a
// testdata directory or examples, but fuzz corpora and the Node modules of
// .ci.
func documents(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch {
			case rel == ".git", rel == ".ci/node_modules", d.Name() == "fuzz" && strings.Contains(rel, "testdata/"):
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".json") {
			return nil
		}
		if strings.HasPrefix(rel, "examples/") || slices.Contains(strings.Split(rel, "/"), "testdata") {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func inBadDir(rel string) bool { return slices.Contains(strings.Split(filepath.Dir(rel), "/"), "bad") }

// TestDocuments validates every JSON document of the repository's
// testdata and examples against the schema its content calls for, and
// checks that the schema and the decoder agree: a valid document is
// accepted by both, an invalid one rejected by the decoder (or by the
// timeline's validation against its agreement), and by the schema too
// when its problem is one of shape.
func TestDocuments(t *testing.T) {
	docs := documents(t)
	if !slices.Contains(docs, brokenAgreement) {
		t.Fatalf("%s is missing: the check could not fail", brokenAgreement)
	}
	for rel := range invalid {
		if !slices.Contains(docs, rel) {
			t.Errorf("invalid lists %s, which is no document of testdata or examples", rel)
		}
	}
	for rel := range unclassified {
		if !slices.Contains(docs, rel) {
			t.Errorf("unclassified lists %s, which is no document of testdata or examples", rel)
		}
	}
	names := schema.Names()
	for _, rel := range docs {
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			bad, isInvalid := invalid[rel]
			if inBadDir(rel) && !isInvalid {
				t.Fatalf("%s is under a directory named bad but not listed in invalid", rel)
			}
			doc := classify(data)
			if isInvalid {
				if doc != "" && doc != bad.doc {
					t.Errorf("listed as a %s document, classified as %s", bad.doc, doc)
				}
				doc = bad.doc
			}
			if doc == "" {
				if _, ok := unclassified[rel]; !ok {
					t.Fatalf("no rule classifies %s: add a rule, or list it in unclassified with the reason", rel)
				}
				return
			}
			if _, ok := unclassified[rel]; ok {
				t.Errorf("%s is listed in unclassified but classified as %s", rel, doc)
			}
			decode, hasDecoder := decoders[doc]
			switch {
			case !hasDecoder:
				t.Logf("no decoder for %s documents here: checked against the schema only", doc)
			case !isInvalid:
				if err := decode(data); err != nil {
					t.Errorf("the decoder rejects it: %v", err)
				}
			default:
				err := decode(data)
				if err == nil && bad.against != "" {
					err = againstAgreement(t, data, bad.against)
				}
				if err == nil {
					t.Errorf("listed as invalid (%s), but the decoder accepts it", bad.reason)
				}
			}
			if !slices.Contains(names, doc) {
				t.Skipf("no schema %q yet: checked by the decoder only", doc)
			}
			err = validate(t, doc, data)
			switch {
			case !isInvalid && err != nil:
				t.Errorf("the %s schema rejects it: %#v", doc, err)
			case isInvalid && bad.shape && err == nil:
				t.Errorf("its problem is one of shape (%s), but the %s schema accepts it", bad.reason, doc)
			}
		})
	}
}

// againstAgreement decodes the timeline data and validates it against the
// agreement in the file agreementFile (from root).
func againstAgreement(t *testing.T, data []byte, agreementFile string) error {
	t.Helper()
	tl, err := scenario.DecodeTimeline(data)
	if err != nil {
		return err
	}
	ad, err := os.ReadFile(filepath.Join(root, agreementFile))
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.DecodeAgreement(ad)
	if err != nil {
		t.Fatalf("%s: %v", agreementFile, err)
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatalf("%s: %v", agreementFile, err)
	}
	return tl.Validate(e)
}

// TestBrokenAgreementRejected checks that the deliberately broken agreement
// is rejected by both the schema and the decoder, so that the check can
// fail.
func TestBrokenAgreementRejected(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, brokenAgreement))
	if err != nil {
		t.Fatal(err)
	}
	if got := classify(data); got != "agreement" {
		t.Fatalf("%s is classified as %q, not as an agreement", brokenAgreement, got)
	}
	if err := validate(t, "agreement", data); err == nil {
		t.Errorf("the agreement schema accepts %s", brokenAgreement)
	} else {
		t.Logf("the schema rejects it: %#v", err)
	}
	if _, err := agreement.DecodeAgreement(data); err == nil {
		t.Errorf("DecodeAgreement accepts %s", brokenAgreement)
	}
}

// TestClassify checks the rules on documents of every kind.
func TestClassify(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"schema": 1, "id": "a", "clauses": []}`, "agreement"},
		{`{"schema": 1, "parties": []}`, "agreement"},
		{`{"schema": 1, "title": "p", "agreements": []}`, "process"},
		{`{"schema": 1, "start": "2026-01-01T00:00:00Z"}`, "timeline"},
		{`{"schema": 1, "events": []}`, "timeline"},
		{`{"schema": 1, "id": "c", "parties": [], "members": []}`, "coalition"},
		{`{"schema": 1, "id": "c", "host": "UA"}`, "coalition"},
		{`{"schema": 1, "id": "c", "parties": [], "contributions": []}`, "coalition"},
		{`{"schema": 1, "id": "c", "fluents": [], "meetings": []}`, "coalition"},
		{`{"id": "c", "members": []}`, ""},
		{`{"schema": 1, "issues": []}`, "negotiation-space"},
		{`{"schema": 1, "positions": []}`, "negotiation-positions"},
		{`{"version": 1, "processes": []}`, "montecarlo-model"},
		{`{"id": "a", "clauses": []}`, ""},
		{`[1, 2]`, ""},
		{`{"schema": 1,`, ""},
	} {
		if got := classify([]byte(c.data)); got != c.want {
			t.Errorf("classify(%s) = %q, want %q", c.data, got, c.want)
		}
	}
}
