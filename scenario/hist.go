package scenario

import (
	"iter"
	"slices"
)

// histShift sets the length of a history's chunks: 1<<histShift elements.
const histShift = 8

// histChunk is the number of elements of a full chunk of a history.
const histChunk = 1 << histShift

// hist is an append-only history (the events of a run, its transitions, the
// occurrences of a pattern...) that forks share. Its elements are the full
// chunks, in order, then the tail. A run never forked holds everything in
// its tail, one flat slice that grows by doubling, and reads it as it would
// a slice. When a fork shares the history ([hist.share]), the complete
// chunks of the tail become full chunks, views of the tail's memory that
// nothing writes again, and what remains stays the tail: the fork gets it
// clipped, so that its first append copies at most histChunk-1 elements
// rather than the whole history, and the full chunks are never copied. A
// trace takes the history as one slice ([hist.flatten]): as it stands for
// a run never forked, copied once for a forked one.
type hist[T any] struct {
	full [][]T // each of exactly histChunk elements; never written
	tail []T   // the elements after them
}

// flatHist returns the history of the elements of s, sharing them.
func flatHist[T any](s []T) hist[T] { return hist[T]{tail: s} }

// len returns the number of elements.
func (h *hist[T]) len() int { return len(h.full)<<histShift + len(h.tail) }

// get returns element i.
func (h *hist[T]) get(i int) T {
	if c := i >> histShift; c < len(h.full) {
		return h.full[c][i&(histChunk-1)]
	}
	return h.tail[i-len(h.full)<<histShift]
}

// ptr returns the address of element i, which must not be written through.
func (h *hist[T]) ptr(i int) *T {
	if c := i >> histShift; c < len(h.full) {
		return &h.full[c][i&(histChunk-1)]
	}
	return &h.tail[i-len(h.full)<<histShift]
}

// last returns the last element; h must not be empty.
func (h *hist[T]) last() T {
	if len(h.tail) > 0 {
		return h.tail[len(h.tail)-1]
	}
	c := h.full[len(h.full)-1]
	return c[len(c)-1]
}

// push appends v. A long tail doubles its capacity when full: a long run's
// history is then copied about once per element as it grows, where
// append's gentler growth of large slices would copy it about four times.
func (h *hist[T]) push(v T) {
	if len(h.tail) == cap(h.tail) && len(h.tail) >= histChunk {
		h.tail = slices.Grow(h.tail, len(h.tail))
	}
	h.tail = append(h.tail, v)
}

// extend appends n zero elements and returns them, to be written before
// anything else is appended.
func (h *hist[T]) extend(n int) []T {
	m := len(h.tail)
	if m+n > cap(h.tail) {
		h.tail = slices.Grow(h.tail, max(n, m)) // doubling, as push does
	}
	h.tail = h.tail[:m+n]
	out := h.tail[m : m+n : m+n]
	clear(out)
	return out
}

// own makes h's elements a copy of exactly their size, sharing nothing
// (a long-lived copy that should not keep the memory it was taken from).
func (h *hist[T]) own() {
	var out []T
	if n := h.len(); n > 0 {
		out = make([]T, 0, n)
		for _, c := range h.full {
			out = append(out, c...)
		}
		out = append(out, h.tail...)
	}
	h.full, h.tail = nil, out
}

// assign makes h a copy of src, in h's memory: only for a history
// nothing shares. It is not inlined: a run's restore calls it a dozen
// times at every replay, and inlined there it made the restore three times
// the code, crowding the instruction cache the replay runs in.
//
//go:noinline
func (h *hist[T]) assign(src *hist[T]) {
	h.full, h.tail = nil, h.tail[:0]
	for _, c := range src.full {
		h.tail = append(h.tail, c...)
	}
	h.tail = append(h.tail, src.tail...)
}

// truncate empties h, keeping the memory of its tail for reuse: only for a
// history nothing shares.
func (h *hist[T]) truncate() { h.full, h.tail = nil, h.tail[:0] }

// share returns a copy of h for a fork: the two read the same elements,
// and an append to either is invisible to the other. It moves the complete
// chunks of h's tail to its full chunks.
func (h *hist[T]) share() hist[T] {
	if k := len(h.tail) >> histShift; k > 0 {
		for i := range k {
			h.full = append(h.full, h.tail[i<<histShift:(i+1)<<histShift:(i+1)<<histShift])
		}
		h.tail = h.tail[k<<histShift:]
	}
	return hist[T]{full: h.full[:len(h.full):len(h.full)], tail: h.tail[:len(h.tail):len(h.tail)]}
}

// prefix returns the history of the first n elements of h, sharing them;
// appending to it never writes over h.
func (h *hist[T]) prefix(n int) hist[T] {
	c := n >> histShift
	if c >= len(h.full) {
		k := n - len(h.full)<<histShift
		return hist[T]{full: h.full[:len(h.full):len(h.full)], tail: h.tail[:k:k]}
	}
	k := n & (histChunk - 1)
	return hist[T]{full: h.full[:c:c], tail: h.full[c][:k:k]}
}

// flat returns the elements of h in one slice, which must not be written:
// the tail itself (clipped) when h has no full chunk, a copy otherwise.
func (h *hist[T]) flat() []T {
	if len(h.full) == 0 {
		return h.tail[:len(h.tail):len(h.tail)]
	}
	out := make([]T, 0, h.len())
	for _, c := range h.full {
		out = append(out, c...)
	}
	return append(out, h.tail...)
}

// flatten returns the elements of h in one slice, for a trace, which must
// not be written. When h has full chunks it copies them and its tail into
// one slice, with room to grow, and keeps that as its tail: the traces
// taken later share it until h is shared again.
func (h *hist[T]) flatten() []T {
	if len(h.full) > 0 {
		n := h.len()
		out := make([]T, 0, n+max(n/4, 16))
		for _, c := range h.full {
			out = append(out, c...)
		}
		h.full, h.tail = nil, append(out, h.tail...)
	}
	return h.tail[:len(h.tail):len(h.tail)]
}

// all yields the elements of h with their indices, in order.
func (h *hist[T]) all() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for _, c := range h.full {
			for _, v := range c {
				if !yield(i, v) {
					return
				}
				i++
			}
		}
		for _, v := range h.tail {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}
