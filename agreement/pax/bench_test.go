package pax_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"

	"github.com/peacekit/peacekit/agreement/pax"
)

// BenchmarkReadPAX reads the whole real PA-X file, held in memory, into
// records. Compare it with BenchmarkReadCSVBaseline in the same run:
//
//	go test ./agreement/pax -run '^$' -bench . -benchmem -count 6
func BenchmarkReadPAX(b *testing.B) {
	benchRead(b, realFile(b))
}

// BenchmarkReadCSVBaseline reads the same bytes with encoding/csv alone, with
// the reader's settings (ReuseRecord, the header's field count), into
// records: the cost of CSV parsing without conversion, for comparison.
func BenchmarkReadCSVBaseline(b *testing.B) {
	benchCSV(b, realFile(b))
}

// BenchmarkReadProvisions reads the whole real PA-X provision-level file,
// held in memory, into records. Compare it with
// BenchmarkReadProvisionsCSVBaseline in the same run.
func BenchmarkReadProvisions(b *testing.B) {
	benchRead(b, realProvisionsFile(b))
}

// BenchmarkReadProvisionsCSVBaseline reads the provision-level file's bytes
// with encoding/csv alone, with ReuseRecord, into records: the cost of CSV
// parsing without conversion, for comparison.
func BenchmarkReadProvisionsCSVBaseline(b *testing.B) {
	benchCSV(b, realProvisionsFile(b))
}

// benchRead reads data, a real file of 2,257 agreements, with Read.
func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range pax.Read(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2257 {
			b.Fatalf("read %d records, want 2257", n)
		}
	}
}

// benchCSV reads data, a real file of 2,257 agreements, with encoding/csv
// alone.
func benchCSV(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2258 {
			b.Fatalf("read %d rows, want 2258 (header and 2257 agreements)", n)
		}
	}
}
