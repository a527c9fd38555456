package markup_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/markup"
)

// A table of clauses whose text holds the characters Markdown and tables
// interpret: each reads as written.
func ExampleWriter_Table() {
	w := markup.NewWriter(os.Stdout)
	w.Line("## " + markup.MarkdownHeading("Clauses #1\nand #2"))
	w.Table([]string{"Clause", "Text"}, [][]string{
		{markup.Markdown("us-backstop"), markup.Markdown(`support "in the event of a new attack" | *several* <thousand>`)},
		{markup.Markdown("C_2"), markup.MarkdownLines([]string{"first line", "second line"})},
	})
	w.Line(markup.MermaidLabel(`A "quoted" #1; 50%`, "second line"))
	if err := w.Err(); err != nil {
		panic(err)
	}
	// Output:
	// ## Clauses \#1 and \#2
	// | Clause | Text |
	// | --- | --- |
	// | us-backstop | support "in the event of a new attack" \| \*several\* \<thousand\> |
	// | C_2 | first line<br>second line |
	// "A #34;quoted#34; #35;1#59; 50#37;<br>second line"
}

// Aligned columns for a terminal.
func ExampleWriter_Columns() {
	w := markup.NewWriter(os.Stdout)
	w.Columns("  ", [][]string{
		{"clause", "state", "since"},
		{"ceasefire-monitoring", "in-effect", "2026-02-01"},
		{"us-backstop", "pending", "2026-02-01"},
	})
	// Output:
	//   clause                state      since
	//   ceasefire-monitoring  in-effect  2026-02-01
	//   us-backstop           pending    2026-02-01
}

func TestEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
		f              func(string) string
	}{
		{"markdown plain", "Ukraine", "Ukraine", markup.Markdown},
		{"markdown line breaks", "a\r\nb\rc\nd", "a<br>b<br>c<br>d", markup.Markdown},
		{"markdown entity", "&amp; & x", `\&amp; & x`, markup.Markdown},
		{"markdown link end", "[a](b)", `[a\](b)`, markup.Markdown},
		{"markdown underscore inside a word", "snake_case _x_", `snake_case \_x\_`, markup.Markdown},
		{"markdown control", "a\tb\x7f", "a b ", markup.Markdown},
		{"heading", "  A #1\n\n B ", `A \#1 B`, markup.MarkdownHeading},
		{"mermaid", `"#;|%<>&` + "`{}", "#34;#35;#59;#124;#37;#60;#62;#38;#96;#123;#125;", markup.Mermaid},
		{"mermaid line break", "a\r\nb\tc", "a<br>b c", markup.Mermaid},
		{"gantt", "a: b; #c %d\ne", "a  b   c  d e", markup.GanttText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.in); got != tt.want {
				t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Ukraine", 10, "Ukraine"},
		{"Ukraine", 7, "Ukraine"},
		{"Ukraine", 4, "Ukr…"},
		{"Україна", 3, "Ук…"},
		{"Ukraine", 0, "…"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := markup.Truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// Escaped text never holds what would end a table cell or a line, or start a
// Mermaid entity or label end, for any input.
func TestPropertyEscapedTextIsInert(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		md := markup.Markdown(s)
		if strings.ContainsAny(md, "\r\n") {
			t.Fatalf("Markdown(%q) = %q holds a line break", s, md)
		}
		for i := 0; i < len(md); i++ {
			if md[i] == '|' && (i == 0 || md[i-1] != '\\') {
				t.Fatalf("Markdown(%q) = %q holds an unescaped |", s, md)
			}
		}
		mm := markup.Mermaid(s)
		if strings.ContainsAny(mm, "\"\r\n;|%<>&`{}") && !onlyEntities(mm) {
			t.Fatalf("Mermaid(%q) = %q holds a character Mermaid interprets", s, mm)
		}
		if g := markup.GanttText(s); strings.ContainsAny(g, ":;#%\r\n") {
			t.Fatalf("GanttText(%q) = %q", s, g)
		}
		if n := rapid.IntRange(1, 20).Draw(t, "n"); len([]rune(markup.Truncate(s, n))) > n {
			t.Fatalf("Truncate(%q, %d) is longer than %d runes", s, n, n)
		}
	})
}

// onlyEntities reports whether every ';' and '#' in s belongs to an entity
// "#<digits>;" and no other interpreted character is left: what Mermaid
// leaves as is.
func onlyEntities(s string) bool {
	s = strings.ReplaceAll(s, "<br>", "")
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '#':
			j := i + 1
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				j++
			}
			if j == i+1 || j == len(s) || s[j] != ';' {
				return false
			}
			i = j
		case '"', '\r', '\n', ';', '|', '%', '<', '>', '&', '`', '{', '}':
			return false
		}
	}
	return true
}

type failingWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errWrite
}

// A Writer keeps the first error and writes nothing after it.
func TestWriterKeepsFirstError(t *testing.T) {
	fw := &failingWriter{}
	w := markup.NewWriter(fw)
	w.Line("a")
	w.Printf("%d", 1)
	w.Table([]string{"x"}, [][]string{{"y"}})
	w.Columns("", [][]string{{"a", "b"}})
	if !errors.Is(w.Err(), errWrite) {
		t.Errorf("Err() = %v, want %v", w.Err(), errWrite)
	}
	if fw.n != 1 {
		t.Errorf("%d writes after the first error, want none", fw.n-1)
	}
}
