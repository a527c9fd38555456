package ceasefire_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"iter"
	"testing"

	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// BenchmarkRead reads the whole real ceasefire file, held in memory, into
// typed rows. Compare it with BenchmarkReadCSVBaseline in the same run:
//
//	go test ./agreement/ceasefire -run '^$' -bench . -benchmem -count 6
func BenchmarkRead(b *testing.B) {
	benchCount(b, ceasefire.Read, 4091)
}

// BenchmarkReadCeasefires reads the real file into its 2,203 ceasefires,
// with their derived dates and durations.
func BenchmarkReadCeasefires(b *testing.B) {
	benchCount(b, ceasefire.ReadCeasefires, 2203)
}

// benchCount reads the real file with read, which must yield want values
// and no error.
func benchCount[T any](b *testing.B, read func(io.Reader, ...ceasefire.ReadOption) iter.Seq2[T, error], want int) {
	data := realFile(b, envCeasefires, "ceasefires.csv")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range read(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != want {
			b.Fatalf("read %d, want %d", n, want)
		}
	}
}

// BenchmarkReadCSVBaseline reads the same bytes with encoding/csv alone,
// with the reader's settings (ReuseRecord, the header's field count): the
// cost of CSV parsing without conversion, for comparison.
func BenchmarkReadCSVBaseline(b *testing.B) {
	data := realFile(b, envCeasefires, "ceasefires.csv")
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
		if n != 4092 {
			b.Fatalf("read %d records, want 4092 (header and 4091 rows)", n)
		}
	}
}
