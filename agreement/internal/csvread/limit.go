package csvread

import (
	"bufio"
	"bytes"
	"io"
)

// limitReader passes reads through to r, counting the bytes and line ends
// it delivers, and fails with tooLong once it has delivered max bytes. The
// Reader moves max on at the start of each record.
type limitReader struct {
	r       io.Reader
	n       int64 // bytes delivered
	nl      int   // '\n' bytes delivered
	max     int64
	tooLong error
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n >= l.max {
		return 0, l.tooLong
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
	lim       limitReader
	br        *bufio.Reader
	line      int // the line after the last record read, where the next starts
	maxRecord int64
}

// init sets l up to read r, bounded to the first record.
func (l *recordLimit) init(r io.Reader, maxRecord int, tooLong error) {
	l.lim = limitReader{r: r, max: int64(maxRecord), tooLong: tooLong}
	l.br = bufio.NewReader(&l.lim)
	l.maxRecord = int64(maxRecord)
	l.line = 1
}

// next notes that a record starts where the reader now is: the bytes read
// so far but still buffered belong to it, and it may take maxRecord bytes
// from where it starts.
func (l *recordLimit) next() {
	buf, _ := l.br.Peek(l.br.Buffered())
	l.line = l.lim.nl - bytes.Count(buf, newline) + 1
	l.lim.max = l.lim.n - int64(len(buf)) + l.maxRecord
}
