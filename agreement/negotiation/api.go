package negotiation

import (
	"fmt"
	"iter"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Package returns the package choosing, for each issue in the space's
// order, the alternative with the given id. It returns an error wrapping
// [agreement.ErrInvalidValue] naming the issue when the number of ids is
// not the number of issues or an id is not one of its issue's
// alternatives. The package may be infeasible: see [Space.Check].
func (s *Space) Package(ids ...AlternativeID) (Package, error) {
	if s == nil {
		return nil, fmt.Errorf("%w: nil space", agreement.ErrMissing)
	}
	if len(ids) != len(s.issues) {
		return nil, fmt.Errorf("%w: %d alternatives for %d issues", agreement.ErrInvalidValue, len(ids), len(s.issues))
	}
	p := make(Package, len(ids))
	for i, id := range ids {
		a := s.altIndex(i, id)
		if a < 0 {
			return nil, fmt.Errorf("%w: issues[%d] (%q) has no alternative %q", agreement.ErrInvalidValue, i, s.issues[i].ID, id)
		}
		p[i] = a
	}
	return p, nil
}

// Acceptable yields every acceptable package (the zone of possible
// agreement), in the order of [Space.All]; each Package is reused (see
// [Package]). It enumerates the space once, holding nothing;
// opt.Context stops it early.
func (e *Evaluator) Acceptable(opt Options) iter.Seq[Package] {
	return func(yield func(Package) bool) {
		if e == nil {
			return
		}
		w, err := e.newWalker(nil)
		if err != nil {
			return
		}
		w.ctx = opt.Context
		res := e.res
		w.run(func(p Package, vals []int64, red []uint64, feasible bool) bool {
			if !feasible {
				return true
			}
			for q := range e.np {
				if red[q] != 0 || vals[q] < res[q] {
					return true
				}
			}
			return yield(p)
		})
	}
}

// Gains returns the gains of pt over the reservation values: its value
// less the reservation, per party in the order of [Evaluator.Parties]. It
// returns nil for a point of another number of parties.
func (a *Analysis) Gains(pt Point) []decimal.Decimal {
	if a == nil || a.e == nil || len(pt.Values) != a.e.np {
		return nil
	}
	out := make([]decimal.Decimal, len(pt.Values))
	for q, v := range pt.Values {
		out[q] = v.Sub(a.e.positions[q].Reservation)
	}
	return out
}

// String writes the red line as its id and its condition, such as
// "keep-donetsk: UA sovereignty over donetsk >= 100 percent",
// "no-nato: no clause commits to forces-deployed group=NATO target=UA" or
// "no-i4-x2: not i4/x2".
func (rl RedLine) String() string {
	var b strings.Builder
	b.WriteString(rl.ID + ": ")
	switch {
	case rl.Territory != nil:
		t := rl.Territory
		what := "sovereignty"
		if t.Control {
			what = "control"
		}
		areas := make([]string, len(t.Areas))
		for i, a := range t.Areas {
			areas[i] = string(a)
		}
		fmt.Fprintf(&b, "%s %s over %s %s", t.Party, what, strings.Join(areas, ", "), t.Bound)
	case rl.Clause != nil:
		b.WriteString("no clause commits to " + rl.Clause.Pattern.String())
	case rl.Choice != nil:
		if rl.Choice.Require {
			b.WriteString("requires " + rl.Choice.Choice.String())
		} else {
			b.WriteString("not " + rl.Choice.Choice.String())
		}
	default:
		b.WriteString("(no condition)")
	}
	return b.String()
}

// String writes the certificate as the reason the package is not on the
// frontier, such as "crosses UA/keep-donetsk; below the reservation of
// RU", "infeasible: ..." (the conflict), "dominated by 3, 4" or "on the
// frontier".
func (c Certificate) String() string {
	switch {
	case c.Conflict != nil:
		return "infeasible: " + c.Conflict.Error()
	case c.OnFrontier:
		return "on the frontier"
	case c.DominatedBy != nil:
		return "dominated by " + joinDecimals(c.DominatedBy.Values)
	}
	var parts []string
	if len(c.Crossed) > 0 {
		ls := make([]string, len(c.Crossed))
		for i, cr := range c.Crossed {
			ls[i] = string(cr.Party) + "/" + cr.RedLine
		}
		parts = append(parts, "crosses "+strings.Join(ls, ", "))
	}
	if len(c.Below) > 0 {
		ps := make([]string, len(c.Below))
		for i, p := range c.Below {
			ps[i] = string(p)
		}
		parts = append(parts, "below the reservation of "+strings.Join(ps, ", "))
	}
	if len(parts) == 0 {
		return "(no reason)"
	}
	return strings.Join(parts, "; ")
}

// String writes the change and what it admits, such as "RU drops
// no-nato-forces: admits 12 packages" or "UA lowers its reservation to
// 55: admits 1 package".
func (c Change) String() string {
	what := fmt.Sprintf("%s drops %s", c.Party, c.RedLine)
	if c.RedLine == "" {
		what = fmt.Sprintf("%s lowers its reservation to %s", c.Party, c.Reservation)
	}
	unit := "packages"
	if c.Admitted == 1 {
		unit = "package"
	}
	return fmt.Sprintf("%s: admits %d %s", what, c.Admitted, unit)
}

func joinDecimals(ds []decimal.Decimal) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, ", ")
}
