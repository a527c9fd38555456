package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/peacekit/peacekit/agreement"
)

// input is the decoded AGREEMENT.json: always a process; Single says
// whether the document held one agreement rather than a process.
type input struct {
	Process agreement.Process
	Single  bool
}

// decoder reads AGREEMENT.json.
type decoder func(data []byte) (input, error)

// decodeAgreement reads an agreement document.
func decodeAgreement(data []byte) (input, error) {
	a, err := agreement.DecodeAgreement(data)
	if err != nil {
		return input{}, err
	}
	return input{Process: agreement.Process{Agreements: []agreement.Agreement{a}}, Single: true}, nil
}

// decodeProcess reads a process document.
func decodeProcess(data []byte) (input, error) {
	p, err := agreement.DecodeProcess(data)
	if err != nil {
		return input{}, err
	}
	return input{Process: p}, nil
}

// decodeAuto reads a process document when data is a JSON object with an
// "agreements" field, and an agreement document otherwise, so that
// malformed JSON, or JSON that is not an object, gets the agreement
// decoder's error (with the line and column of a syntax error).
func decodeAuto(data []byte) (input, error) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) == nil {
		if _, ok := fields["agreements"]; ok {
			return decodeProcess(data)
		}
	}
	return decodeAgreement(data)
}

// report writes err, which concerns the file name, to w: each problem of a
// *agreement.ValidationError on its own line, with the file and the
// problem's path, after their count (those the error did not keep
// included, and summarised in a last line); any other error on one line.
func report(w io.Writer, name string, err error) {
	var ve *agreement.ValidationError
	if errors.As(err, &ve) {
		n := len(ve.Problems) + ve.Omitted
		s := "s"
		if n == 1 {
			s = ""
		}
		fmt.Fprintf(w, "simulate: %s: %d problem%s:\n", name, n, s)
		for _, p := range ve.Problems {
			fmt.Fprintf(w, "  %s: %s\n", name, p)
		}
		if ve.Omitted > 0 {
			fmt.Fprintf(w, "  %s: and %d more, not listed\n", name, ve.Omitted)
		}
		return
	}
	fmt.Fprintf(w, "simulate: %s: %v\n", name, err)
}
