package survival_test

import (
	"fmt"

	"github.com/peacekit/peacekit/agreement/survival"
)

// Example estimates the survival of the 6-MP arm of the Freireich leukaemia
// trial (weeks in remission; false marks a patient still in remission when
// last seen).
func Example() {
	obs := []survival.Observation{
		{6, true}, {6, true}, {6, true}, {6, false}, {7, true}, {9, false}, {10, true}, {10, false}, {11, false},
		{13, true}, {16, true}, {17, false}, {19, false}, {20, false}, {22, true}, {23, true}, {25, false},
		{32, false}, {32, false}, {34, false}, {35, false},
	}
	c, err := survival.KaplanMeier(obs)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("time at-risk events S exact SE band-95")
	for _, s := range c.Steps() {
		if s.Events == 0 {
			continue
		}
		lo, hi := c.Band(s.Time, 0.95)
		fmt.Printf("%v %d %d %.3f %v %.3f [%.3f, %.3f]\n", s.Time, s.AtRisk, s.Events, s.Survival,
			c.SurvivalExact(s.Time), s.StdErr, lo, hi)
	}
	m, ok := c.Median()
	fmt.Println("median:", m, ok)
	// Output:
	// time at-risk events S exact SE band-95
	// 6 21 3 0.857 6/7 0.076 [0.620, 0.952]
	// 7 17 1 0.807 96/119 0.087 [0.563, 0.923]
	// 10 15 1 0.753 64/85 0.096 [0.503, 0.889]
	// 13 12 1 0.690 176/255 0.107 [0.432, 0.849]
	// 16 11 1 0.627 32/51 0.114 [0.368, 0.805]
	// 22 7 1 0.538 64/119 0.128 [0.268, 0.747]
	// 23 6 1 0.448 160/357 0.135 [0.188, 0.680]
	// median: 23 true
}

// ExampleLogRank compares two groups with the log-rank test.
func ExampleLogRank() {
	treated := []survival.Observation{{6, true}, {7, true}, {10, false}, {15, true}, {22, false}, {30, false}}
	control := []survival.Observation{{1, true}, {2, true}, {4, true}, {5, true}, {8, true}, {12, false}}
	r, err := survival.LogRank(treated, control)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("observed %v, expected %.2f, chi-square %.2f on %d df, p = %.3f\n", r.Observed, r.Expected, r.ChiSquare, r.DF, r.P)
	// Output:
	// observed [3 5], expected [5.44 2.56], chi-square 3.79 on 1 df, p = 0.051
}

// ExampleSplit estimates the curves of two groups.
func ExampleSplit() {
	obs := []survival.Observation{{3, true}, {5, false}, {8, true}, {2, true}, {4, true}, {9, false}}
	names := []string{"written", "written", "written", "verbal", "verbal", "verbal"}
	gs, err := survival.Split(obs, names)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range gs {
		fmt.Printf("%s: n=%d, S(4)=%v, at risk at 4: %d\n", g.Name, g.Curve.N(), g.Curve.SurvivalExact(4), g.Curve.AtRisk(4))
	}
	// Output:
	// verbal: n=3, S(4)=1/3, at risk at 4: 2
	// written: n=3, S(4)=2/3, at risk at 4: 2
}
