package scenario

import (
	"runtime"
	"testing"
	"unsafe"
)

// pagesOf returns the first and last page s's capacity lies in.
func pagesOf[T any](s []T) (first, last uintptr) {
	var z T
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	return p / pageSize, (p + uintptr(cap(s))*unsafe.Sizeof(z) - 1) / pageSize
}

// checkPageMake checks pageMake for element type T: the length and
// capacity asked for, the shape inPages and lined recognise, and pages no
// other block of Go's heap shares, whatever T holds (Go puts a header in
// blocks of pointers).
func checkPageMake[T any](t *testing.T, name string) {
	t.Helper()
	p := &place{pages: true}
	for _, nc := range [][2]int{{0, 0}, {0, 1}, {1, 1}, {3, 0}, {5, 40}, {100, 100}, {700, 0}, {3000, 3000}, {20000, 0}} {
		n, c := nc[0], nc[1]
		s := pageMake[T](p, n, c)
		if len(s) != n || cap(s) < max(n, c, 1) {
			t.Fatalf("%s: pageMake(%d, %d): len %d cap %d", name, n, c, len(s), cap(s))
		}
		if !inPages(s) || !inPages(s[:0]) {
			t.Fatalf("%s: pageMake(%d, %d) does not have the shape inPages recognises", name, n, c)
		}
		if l := lined(p, s); cap(l) != cap(s) || len(l) != 0 || unsafe.SliceData(l) != unsafe.SliceData(s) {
			t.Fatalf("%s: lined moved a buffer in pages", name)
		}
		if l := lined(nil, s); unsafe.SliceData(l) != unsafe.SliceData(s) {
			t.Fatalf("%s: lined in blocks of lines moved a buffer in pages", name)
		}
		// Blocks made after it, of its size and of small sizes, lie in
		// other pages.
		first, last := pagesOf(s)
		for range 8 {
			o := pageMake[T](p, n, c)
			of, ol := pagesOf(o)
			if of <= last && first <= ol {
				t.Fatalf("%s: two blocks of pageMake(%d, %d) share a page", name, n, c)
			}
			small := make([]T, 1+n%7)
			if sf, sl := pagesOf(small); sf <= last && first <= sl {
				t.Fatalf("%s: a small block shares a page with pageMake(%d, %d)", name, n, c)
			}
			runtime.KeepAlive(o)
			runtime.KeepAlive(small)
		}
		runtime.KeepAlive(s) // its pages are not free for the blocks after it
	}
}

// TestPageMake checks the memory a run keeps in pages of its own (see
// place) for the element types it keeps there.
func TestPageMake(t *testing.T) {
	checkPageMake[bool](t, "bool")
	checkPageMake[int32](t, "int32")
	checkPageMake[int64](t, "int64")
	checkPageMake[[numStates]int32](t, "counts")
	checkPageMake[cause](t, "cause")
	checkPageMake[timer](t, "timer")
	checkPageMake[wake](t, "wake")
	checkPageMake[[]wake](t, "[]wake")
	checkPageMake[hist[int32]](t, "hist")
	checkPageMake[instState](t, "instState")
	checkPageMake[agrState](t, "agrState")
}

// TestPageMakeColours checks that the blocks of one place start at
// offsets that spread over the 64 lines of a page, so that a run's
// buffers do not all begin in one set of a cache.
func TestPageMakeColours(t *testing.T) {
	p := &place{pages: true}
	seen := map[uintptr]bool{}
	for range 64 {
		s := pageMake[int64](p, 1, 1)
		seen[uintptr(unsafe.Pointer(&s[0]))%(pageSize/2)/64] = true
	}
	if len(seen) != 64 {
		t.Errorf("64 blocks start in %d of the 64 lines of a half page", len(seen))
	}
}

// TestLinedMovesIntoPages checks that lined moves a buffer out of memory
// it shares into pages of its own once the run keeps its memory there,
// and that neither lined nor inPages take small blocks for pages.
func TestLinedMovesIntoPages(t *testing.T) {
	p := &place{pages: true}
	small := make([]int32, 2, 3)
	if inPages(small) || inPages([]int32(nil)) || inPages(make([]byte, 100)) {
		t.Fatal("inPages takes a small block for pages")
	}
	s := lined(p, small)
	if len(s) != 0 || cap(s) < 3 || !inPages(s) {
		t.Fatalf("lined in pages: len %d cap %d, in pages %v", len(s), cap(s), inPages(s))
	}
	if small[0] != 0 || small[1] != 0 || len(small) != 2 {
		t.Fatal("lined changed the buffer it moved")
	}
	if got := reuse(p, []int64(nil), 10); len(got) != 10 || !inPages(got) {
		t.Fatalf("reuse in pages: len %d, in pages %v", len(got), inPages(got))
	}
	if got := lineMake[int32](nil, 3, 0); inPages(got) || cap(got) != lineCap(3, 4) {
		t.Fatalf("lineMake of a run's first place: cap %d, in pages %v", cap(got), inPages(got))
	}
}
