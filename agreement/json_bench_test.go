package agreement_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// benchDocument is a document the JSON benchmarks read.
type benchDocument struct {
	name    string
	data    []byte
	process bool // a process document, else an agreement document
}

// benchDocuments returns the golden agreement and process documents and a
// large generated agreement (904 clauses, 383 areas, 30 options: about
// 630 kB).
func benchDocuments(tb testing.TB) []benchDocument {
	tb.Helper()
	var docs []benchDocument
	for _, name := range []string{"agreement", "process"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".golden.json"))
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, benchDocument{name, data, name == "process"})
	}
	cfg := agreementtest.Config{Parties: 40, Groups: 10, Fluents: 30, Clauses: 1000, Depth: 4, Areas: 30, Options: 30}
	data, err := agreementtest.Agreement(cfg).Example(2).MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	return append(docs, benchDocument{"large", data, false})
}

// BenchmarkParse measures the tree parser the decoders use (parser=tree)
// against the same tree built from encoding/json's Decoder.Token
// (parser=tokens), the baseline; compare them with
// benchstat -col /parser.
func BenchmarkParse(b *testing.B) {
	for _, doc := range benchDocuments(b) {
		for _, p := range []struct {
			name  string
			parse func([]byte) (any, *agreement.Problem)
		}{{"tree", agreement.ParseTree}, {"tokens", agreement.ParseTreeTokens}} {
			b.Run("doc="+doc.name+"/parser="+p.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(doc.data)))
				for b.Loop() {
					if _, prob := p.parse(doc.data); prob != nil {
						b.Fatal(prob)
					}
				}
			})
		}
	}
}

// BenchmarkDecode measures DecodeAgreement and DecodeProcess as a whole:
// parsing, converting and validating.
func BenchmarkDecode(b *testing.B) {
	for _, doc := range benchDocuments(b) {
		b.Run("doc="+doc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc.data)))
			for b.Loop() {
				var err error
				if doc.process {
					_, err = agreement.DecodeProcess(doc.data)
				} else {
					_, err = agreement.DecodeAgreement(doc.data)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
