package ceasefire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxRecord is the most bytes one record of the file (the header or a row,
// with its line end) may take: 1 MiB, about 480 times the longest record of
// the real file (2,174 bytes). See the package doc, Errors.
const maxRecord = 1 << 20

// errRecordTooLong is what limitReader returns once a record has used up
// its bytes.
var errRecordTooLong = errors.New("record longer than 1 MiB (1048576 bytes); reading stopped")

// limitReader passes reads through to r, counting the bytes and line ends
// it delivers, and fails with errRecordTooLong once it has delivered max
// bytes. The decoder moves max on at the start of each record.
type limitReader struct {
	r   io.Reader
	n   int64 // bytes delivered
	nl  int   // '\n' bytes delivered
	max int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n >= l.max {
		return 0, errRecordTooLong
	}
	if rest := l.max - l.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := l.r.Read(p)
	if n > 0 && n <= len(p) {
		l.n += int64(n)
		l.nl += bytes.Count(p[:n], newline)
	}
	return n, err
}

var newline = []byte{'\n'}

// recordLimit bounds each record a csv.Reader reads from br, which reads
// from lim.
type recordLimit struct {
	lim  limitReader
	br   *bufio.Reader
	line int // the line after the last record read, where the next starts
}

// newRecordLimit returns the reader to give encoding/csv for r, bounded to
// the first record.
func newRecordLimit(r io.Reader) *recordLimit {
	l := &recordLimit{lim: limitReader{r: r}}
	l.br = bufio.NewReader(&l.lim)
	l.lim.max = maxRecord
	l.line = 1
	return l
}

// next notes that a record starts where the reader now is: the bytes read
// so far but still buffered belong to it, and it may take maxRecord bytes
// from where it starts.
func (l *recordLimit) next() {
	buf, _ := l.br.Peek(l.br.Buffered())
	l.line = l.lim.nl - bytes.Count(buf, newline) + 1
	l.lim.max = l.lim.n - int64(len(buf)) + maxRecord
}
