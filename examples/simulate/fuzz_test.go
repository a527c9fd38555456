package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzReplay feeds arbitrary agreement and timeline documents through the
// program's whole path (decode, replay, every format): bad input is an
// error, never a panic. The seeds are the sample and bad files.
func FuzzReplay(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	for _, s := range sampleRuns {
		f.Add(read(s.agreement), read(s.timeline))
	}
	f.Add(read("bad/invalid.json"), read("bad/timeline-unknown-party.json"))
	f.Add(read("bad/syntax.json"), read("bad/timeline-syntax.json"))
	f.Add(read("bad/process-invalid.json"), read("bad/timeline-bad-fields.json"))
	f.Fuzz(func(t *testing.T, agr, tl []byte) {
		in, err := decodeAuto(agr)
		if err != nil {
			return
		}
		res, err := simulate(in, "timeline.json", tl, time.Time{})
		if err != nil {
			return
		}
		for name, write := range writers {
			if err := write(io.Discard, res); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
}
