// Command paris2026 models the January 2026 Paris meeting of the "Coalition
// of the Willing", as the article "Western Allies Forge Robust Security
// Framework for Ukraine Amid Ongoing Tensions" (london-news-net) reports
// it, with the packages of peacekit, and answers the questions a reader
// of the article would ask:
//
//   - who the parties are and what role each plays in each instrument;
//   - what the coalition offers, who leads what, and what is missing
//     (package coalition);
//   - which guarantees bind whom, and on what condition (they are
//     "activated once a ceasefire is established");
//   - what the draft statement had that the final communiqué lacks (the US
//     support "in the event of a new Russian attack");
//   - which commitments collide with Russia's stated opposition to NATO
//     troops on the ground, and whether each territorial package meets its
//     demand for the Donbas;
//   - who controls what under each territorial package (package agreement);
//   - replaying three hypothetical timelines over both versions (no
//     ceasefire while strikes continue; a ceasefire that holds; a
//     ceasefire followed by a new attack), what is in effect, who is bound
//     to what and since when, and why the versions differ (package
//     scenario);
//   - and which packages of territorial options and guarantees every party
//     could accept, with the frontier, the bargaining points, why packages
//     are left out and what single change would admit more (package
//     negotiation). The positions it reads are illustrative assumptions,
//     not facts from the article, and the report says so;
//   - then, in Markdown (montecarlo.go), how likely the guarantees are to
//     enter into effect within six months and the draft's US backstop to be
//     triggered within a year of a ceasefire, with 95% intervals and a
//     Mermaid chart, under a stated illustrative model whose ceasefire
//     durations follow a hazard fitted to the ETH/PRIO ceasefires (package
//     scenario/montecarlo).
//
// Usage, from the repository root:
//
//	go run ./examples/paris2026
//
// It takes no arguments and reads no file: the model is in model.go (the
// negotiation space and positions in bargain.go), built on the Paris2026
// case of package github.com/peacekit/peacekit/coalition/casebook, whose
// doc comments cite the source of every figure and quotation. Every state,
// instant, figure and list the report prints is computed from the model by
// the library; the program only lays the answers out. The exit status is 1
// if the model does not validate, a replay fails or the negotiation space
// or positions are refused.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	m := model()
	if err := run(os.Stdout, m); err != nil {
		fmt.Fprintln(os.Stderr, "paris2026:", err)
		os.Exit(1)
	}
	if err := runMonteCarlo(os.Stdout, m, m.monteCarlo()); err != nil {
		fmt.Fprintln(os.Stderr, "paris2026:", err)
		os.Exit(1)
	}
}

// run computes the report of m and writes it to w as text. Nothing is
// written when the model is invalid.
func run(w io.Writer, m Model) error {
	r, err := analyse(m)
	if err != nil {
		return err
	}
	return r.WriteText(w)
}
