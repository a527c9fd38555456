package main

import (
	"fmt"
	"slices"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// process builds the process of version v: v's instruments as its
// coalition compiles them (coalition.Coalition.Process,
// with m.NATO among the groups an instrument may declare), then the
// territorial instrument.
func (m Model) process(v Version) (agreement.Process, error) {
	ins := make([]coalition.Instrument, len(v.Instruments))
	for i, in := range v.Instruments {
		in.Groups = append(slices.Clone(in.Groups), m.NATO)
		ins[i] = in
	}
	p, err := v.Coalition.Process(ins...)
	if err != nil {
		return agreement.Process{}, fmt.Errorf("%s: %w", v.Name, err)
	}
	p.Title = v.Coalition.Name + " (" + v.Name + ")"
	p.Agreements = append(p.Agreements, m.Territory)
	if err := p.Validate(); err != nil {
		return agreement.Process{}, fmt.Errorf("%s: %w", v.Name, err)
	}
	return p, nil
}
