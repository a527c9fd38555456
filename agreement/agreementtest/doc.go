// Package agreementtest provides rapid generators, cmp options and assertions
// for tests of code built on package [agreement]. It is for _test.go files
// only: non-test code never imports it.
//
// # Generators
//
// [Agreement] and [Process] draw values that are valid by construction
// (never by filtering): every reference resolves, ids are unique, clauses of
// every deontic kind (powers with every [agreement.Effect] among them) carry
// conditions that use every node of the condition language, some
// agreements and clauses have terms that renew or not, and no clause
// depends on its own state; some have a territory declaring every area their
// event patterns name, and territorial options of every kind. [Condition]
// and [Pattern] draw the parts on their own, given a [Scope] of what they may
// name; [Territory] draws territories (shares summing to exactly 100, built
// from integers) and [Package] packages of options valid for an agreement
// (never two deciding the same thing for one area). [Amendment] and
// [ProcessAmendment] draw amendments of a drawn agreement: valid amended
// texts that extend or replace deadlines, expiries and terms, add and
// remove clauses, change debtors and conditions, or change nothing. A
// [Config] bounds the sizes; its zero value means [DefaultConfig]. [IDs],
// [Subset] and [Decimal] are building blocks for generators of types built
// on agreement: distinct ids without rejection, distinct picks from a
// list, and decimals never built from floats. [Scaled] builds, with no
// randomness, a valid agreement of any number of clauses, for benchmarks
// of how a cost grows with it.
//
// [Corrupt] draws a valid agreement with one corruption applied and says
// which problem [agreement.Agreement.Validate] must report: the sentinel error
// and the exact path. [Corruption.Another] applies a further, independent
// corruption, so that a test can check that every problem is reported, not
// just the first. [CorruptAgreement] corrupts an agreement of the caller's.
//
// # Comparing and asserting
//
// [Options] are the [cmp.Option] values that compare agreements correctly
// (decimals, instants and conditions by their Equal methods, nil and empty
// slices alike); [agreement.Agreement.Clone] copies an agreement so a test
// can check its input was not modified. [AssertValid], [AssertProcessValid] and [AssertProblem]
// report failures through a [rapid.TB], so they work with a *testing.T as
// well as inside a property, with a [*rapid.T]. [Coverage] counts what a
// run drew, so that a generator's self-test can check that it reached every
// case it promises (strictly only in a [FullRun]). [CheckGolden] compares
// rendered output with a golden file, or rewrites it under the caller's
// -update flag.
//
// # Testing the whole API and test helpers
//
// [ExportedAPI] lists the exported functions and methods a package's
// source declares, and [CheckCalls] runs a table of calls keyed by those
// names: it fails for every name missing from the table or not exported,
// and for every call that panics, returns an error or stalls. A "never
// panics" test passes zero values and nil pointers in every call, so a new
// exported function cannot escape it. A [Recorder], run through [Record],
// is a [rapid.TB] that records failures instead of reporting them, for
// testing assertions like [AssertValid] (or CheckCalls itself);
// [CheckProperty] runs a property under it, and [WantRecorded],
// [WantPanic] and [Want] turn the usual expectations into the errors a
// CheckCalls table returns.
//
// # Use from a downstream go test
//
//	func TestMyAnalysis(t *testing.T) {
//		rapid.Check(t, func(t *rapid.T) {
//			a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
//			before := a.Clone()
//			_ = myanalysis.Run(a)
//			if diff := cmp.Diff(before, a, agreementtest.Options()); diff != "" {
//				t.Fatalf("Run modified its input (-before +after):\n%s", diff)
//			}
//		})
//	}
//
// Run such tests with -rapid.checks=N for more cases, and -rapid.seed to
// replay one. Everything here draws only from the [*rapid.T] it is given: no
// global randomness and no clock, so a failing case shrinks and replays.
//
// The generators draw zones of the zone database ("Europe/Kyiv"), so the
// package imports [time/tzdata]: a test binary that imports it loads those
// zones on a machine without a zone database. That import grows the binary
// by about 450 KB, acceptable in a test-support package, which non-test
// code never imports.
package agreementtest
