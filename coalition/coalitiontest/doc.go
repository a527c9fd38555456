// Package coalitiontest provides rapid generators, cmp options and
// assertions for tests of code built on package [coalition]. It is for
// _test.go files only: non-test code never imports it.
//
// [Coalition] draws coalitions that are valid by construction (never by
// filtering): [coalition.Coalition.Validate] returns nil for every one, and
// so the agreement each compiles to validates too. Drawn coalitions have
// full members and partners, well-known and user-defined functions (some
// without a lead, some led without contributions where allowed),
// contributions with ranges in a few shared units (so that totals add
// several of them), every kind of basing, and conditions that range from
// none through "after a ceasefire" and "in the event of a new attack" to
// arbitrary conditions of package agreement's language, some reading other
// contributions' states. A [Config] bounds the sizes; its zero value means
// [DefaultConfig].
//
// [Options] compares coalitions (and the totals and shares computed from
// them) with cmp; [DeepCopy] keeps a copy to check that code under test did
// not modify its input; [AssertValid] reports a failure, listing every
// problem, through a [rapid.TB]. For expected problems use
// [agreementtest.AssertProblem], which reads the same
// [*agreement.ValidationError].
//
// Everything here draws only from the [*rapid.T] it is given: no global
// randomness and no clock, so a failing case shrinks and replays.
//
//	func TestMyReport(t *testing.T) {
//		rapid.Check(t, func(t *rapid.T) {
//			c := coalitiontest.Coalition(coalitiontest.Config{}).Draw(t, "coalition")
//			before := coalitiontest.DeepCopy(c)
//			_ = myreport.Render(c)
//			if diff := cmp.Diff(before, c, coalitiontest.Options()); diff != "" {
//				t.Fatalf("Render modified its input (-before +after):\n%s", diff)
//			}
//		})
//	}
package coalitiontest
