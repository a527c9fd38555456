package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// document is one decoded file: its name, its kind, and the value of that
// kind.
type document struct {
	name, kind string
	agreement  agreement.Agreement
	process    agreement.Process
	timeline   scenario.Timeline
	coalition  coalition.Coalition
	model      montecarlo.Model
	space      *negotiation.Space
	positions  []negotiation.Position
}

// decodeDocument decodes data as a document of kind with the library's
// decoder for it.
func decodeDocument(name, kind string, data []byte) (*document, error) {
	d := &document{name: name, kind: kind}
	var err error
	switch kind {
	case kindAgreement:
		d.agreement, err = agreement.DecodeAgreement(data)
	case kindProcess:
		d.process, err = agreement.DecodeProcess(data)
	case kindTimeline:
		d.timeline, err = scenario.DecodeTimeline(data)
	case kindCoalition:
		d.coalition, err = coalition.DecodeCoalition(data)
	case kindModel:
		d.model, err = montecarlo.DecodeModel(data)
	case kindSpace:
		d.space, err = negotiation.DecodeSpace(data)
	case kindPositions:
		d.positions, err = negotiation.DecodePositions(data)
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// asProcess returns an agreement or process document as a process, with
// whether it is one.
func (d *document) asProcess() (agreement.Process, bool) {
	switch d.kind {
	case kindAgreement:
		return agreement.Process{Agreements: []agreement.Agreement{d.agreement}}, true
	case kindProcess:
		return d.process, true
	}
	return agreement.Process{}, false
}

// describe says in a few words what a valid document holds.
func (d *document) describe() string {
	switch d.kind {
	case kindAgreement:
		a := d.agreement
		return fmt.Sprintf("agreement %q (%s): %d part%s, %d clause%s", a.ID, cmp.Or(a.Title, "untitled"),
			len(a.Parties), map[bool]string{true: "y", false: "ies"}[len(a.Parties) == 1], len(a.Clauses), plural(len(a.Clauses)))
	case kindProcess:
		ids := make([]string, len(d.process.Agreements))
		for i, a := range d.process.Agreements {
			ids[i] = string(a.ID)
		}
		return fmt.Sprintf("process %q: %d agreements (%s)", cmp.Or(d.process.Title, "untitled"),
			len(ids), strings.Join(ids, ", "))
	case kindTimeline:
		return fmt.Sprintf("timeline from %s: %d event%s", agreement.FormatInstant(d.timeline.Start()), d.timeline.Len(), plural(d.timeline.Len()))
	case kindCoalition:
		c := d.coalition
		return fmt.Sprintf("coalition %q (%s): %d member%s, %d function%s, %d contribution%s", c.ID, cmp.Or(c.Name, "unnamed"),
			len(c.Members), plural(len(c.Members)), len(c.Functions), plural(len(c.Functions)),
			len(c.Contributions), plural(len(c.Contributions)))
	case kindModel:
		return fmt.Sprintf("Monte Carlo model: %d process%s", len(d.model.Processes), map[bool]string{true: "", false: "es"}[len(d.model.Processes) == 1])
	case kindSpace:
		return fmt.Sprintf("negotiation space: %d issues, %s packages", d.space.NumIssues(), d.space.Size())
	case kindPositions:
		parties := make([]string, len(d.positions))
		for i, p := range d.positions {
			parties[i] = string(p.Party)
		}
		return fmt.Sprintf("negotiation positions of %d parties (%s)", len(parties), strings.Join(parties, ", "))
	}
	return d.kind
}

// load reads and decodes the file name as a document of kind; with kind
// auto (or ""), of the kind its content tells (see detectKind), which must
// be one of allowed when any are given. A document whose kind its content
// does not tell is read as the first of allowed, or as an agreement, so
// that its decoder reports what is wrong (a syntax error with its line and
// column). It reports the problems; ok is false on failure.
func (e *env) load(name, kind string, allowed ...string) (*document, bool) {
	data, ok := e.read(name)
	if !ok {
		return nil, false
	}
	if kind == kindAuto || kind == "" {
		kind = detectKind(data)
		switch {
		case kind == "" && len(allowed) > 0:
			kind = allowed[0]
		case kind == "":
			kind = kindAgreement
		}
	}
	if len(allowed) > 0 && !containsKind(allowed, kind) {
		want := make([]string, len(allowed))
		for i, k := range allowed {
			want[i] = article(k)
		}
		fmt.Fprintf(e.stderr, "%s: this is %s document; %s wants %s document here\n", name, article(kind), e.cmd.name,
			strings.Join(want, " or "))
		return nil, false
	}
	d, err := decodeDocument(name, kind, data)
	if err != nil {
		e.problems(name, "", err)
		return nil, false
	}
	return d, true
}

func containsKind(ks []string, k string) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// compile compiles an agreement (scenario.Compile) or a process
// (scenario.CompileProcess) document, so that the problems of the engine
// and of its lint have paths in that document.
func (d *document) compile() (*scenario.Engine, error) {
	if d.kind == kindAgreement {
		return scenario.Compile(d.agreement)
	}
	return scenario.CompileProcess(d.process)
}
