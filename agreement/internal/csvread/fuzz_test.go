package csvread

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fuzzMax is the record limit of FuzzRun: small, so that inputs reach it.
const fuzzMax = 48

// FuzzRun reads any input with Run and checks it against encoding/csv alone
// on the same bytes (less a leading byte-order mark): the same header, the
// same rows, the same malformed rows on the same lines, in the same order;
// a record over the limit ends the reading only where encoding/csv finds a
// record (or trailing bytes) of at least the limit, and every record read
// without error is within it. A malformed record over the limit whose
// error lies within it ends the comparison: Run reads on from the limit.
func FuzzRun(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no seed files in testdata: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fm := testFormat(fuzzMax)
		got := readAll(fm, bytes.NewReader(data), Options{})

		// The reference: encoding/csv on the same bytes, with the offset
		// where each record ends.
		plain := bytes.TrimPrefix(data, []byte("\uFEFF"))
		cr := csv.NewReader(bytes.NewReader(plain))
		cr.FieldsPerRecord = 0
		var want []item // the header first
		var ends []int64
		for {
			fields, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil && !errors.As(err, new(*csv.ParseError)) {
				t.Fatalf("encoding/csv: %v", err)
			}
			if err != nil {
				fields = nil
			}
			want = append(want, item{fields, err})
			ends = append(ends, cr.InputOffset())
			if len(want) == 1 && err != nil {
				break // a malformed header ends the reading
			}
		}
		start := func(i int) int64 { // where record i starts
			if i == 0 {
				return 0
			}
			return ends[i-1]
		}
		end := func(i int) int64 { // where record i ends; the input's end past the last
			if i < len(ends) {
				return ends[i]
			}
			return int64(len(plain))
		}

		// The header and the rows as Run gave them, header first.
		all := got.items
		if got.noHeader {
			if len(all) != 0 && !errors.Is(all[0].err, fm.tooLong) {
				t.Fatalf("no header but items %v", all)
			}
		} else if got.called {
			all = append([]item{{got.header, nil}}, all...)
		}
		for i, it := range all {
			if errors.Is(it.err, fm.tooLong) {
				if i != len(all)-1 {
					t.Fatalf("record %d: an error for a record too long is not the last item", i)
				}
				var re *rowError
				if !errors.As(it.err, &re) || re.row != i || !errors.Is(it.err, errTestSyntax) {
					t.Fatalf("record %d: error %v, want a row error on row %d wrapping ErrSyntax", i, it.err, i)
				}
				if n := end(i) - start(i); n < fuzzMax {
					t.Fatalf("record %d too long, but encoding/csv reads it as %d bytes, under the limit %d", i, n, fuzzMax)
				}
				return
			}
			if i >= len(want) {
				t.Fatalf("record %d: %q, %v; encoding/csv reads only %d records", i, it.fields, it.err, len(want))
			}
			w := want[i]
			if n := end(i) - start(i); n > fuzzMax && w.err == nil {
				t.Fatalf("record %d of %d bytes read, over the limit %d", i, n, fuzzMax)
			}
			if w.err == nil {
				if i > 0 && slices.Contains(w.fields, "!") {
					// A cell "!" is the decoder's error, once per cell.
					continue
				}
				if it.err != nil || !slices.Equal(it.fields, w.fields) {
					t.Fatalf("record %d: %q, %v; encoding/csv reads %q", i, it.fields, it.err, w.fields)
				}
				continue
			}
			var re *rowError
			var pe, wpe *csv.ParseError
			errors.As(w.err, &wpe)
			if !errors.As(it.err, &re) || !errors.As(it.err, &pe) || !errors.Is(it.err, errTestSyntax) {
				t.Fatalf("record %d: error %v, want a row error wrapping ErrSyntax and a *csv.ParseError", i, it.err)
			}
			if re.row != i || re.line != wpe.StartLine || pe.Line != wpe.Line || pe.Column != wpe.Column || !errors.Is(pe.Err, wpe.Err) {
				t.Fatalf("record %d: error %v (row %d, line %d), want %v", i, it.err, re.row, re.line, w.err)
			}
			if end(i)-start(i) > fuzzMax {
				// encoding/csv found the error within the limit, but reads
				// the rest of the line as part of the bad record, where Run
				// goes on from the limit: the rest can differ.
				return
			}
		}
		// Read to the end: nothing was left out, counting each bad cell
		// once.
		n := 0
		for i, w := range want {
			c := 1
			if i > 0 && w.err == nil {
				if k := countBad(w.fields); k > 0 {
					c = k
				}
			}
			n += c
		}
		if got.noHeader {
			n = 0
		}
		if len(all) != n && !(len(want) > 0 && want[0].err != nil && len(all) == 1) {
			t.Fatalf("%d items, want %d as encoding/csv reads", len(all), n)
		}
	})
}

func countBad(fields []string) int {
	n := 0
	for _, s := range fields {
		if s == "!" {
			n++
		}
	}
	return n
}
