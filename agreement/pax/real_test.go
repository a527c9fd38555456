package pax_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// envPAX names the variable that gives the path of the real PA-X file.
const envPAX = "PEACEKIT_PAX_CSV"

// realFile returns the contents of the real PA-X file named by
// PEACEKIT_PAX_CSV (CI sets it). It skips only when the variable is unset; a
// file named by the variable that cannot be read is a failure.
func realFile(tb testing.TB) []byte {
	tb.Helper()
	path := os.Getenv(envPAX)
	if path == "" {
		tb.Skipf("%s unset: no real PA-X file to read", envPAX)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading the PA-X file (%s=%q): %v", envPAX, path, err)
	}
	return data
}

// TestRealFile reads the whole PA-X agreement-level file: 2,257 agreements,
// no row errors, the stage counts the dataset's documentation gives, and every
// record converts to an agreement that validates.
func TestRealFile(t *testing.T) {
	data := realFile(t)
	wantStages := map[agreement.Stage]int{
		agreement.StagePre: 602, agreement.StageSubPar: 594, agreement.StageCea: 483, agreement.StageImp: 400,
		agreement.StageSubComp: 124, agreement.StageRen: 49, agreement.StageOth: 5,
	}
	stages := map[agreement.Stage]int{}
	ids := map[agreement.AgreementID]bool{}
	n, bad := 0, 0
	for rec, err := range pax.Read(bytes.NewReader(data)) {
		if err != nil {
			bad++
			if bad <= 10 {
				t.Errorf("row error: %v", err)
			}
			continue
		}
		n++
		stages[rec.Stage]++
		a := rec.Agreement()
		if err := a.Validate(); err != nil {
			t.Errorf("agreement %s does not validate: %v", a.ID, err)
		}
		if ids[a.ID] {
			t.Errorf("duplicate agreement id %s", a.ID)
		}
		ids[a.ID] = true
		if rec.Date.IsZero() || rec.Year != rec.Date.Year() {
			t.Errorf("agreement %s: date %v, year column %d", a.ID, rec.Date, rec.Year)
		}
		if rec.Stage.Label() != rec.StageLabel || rec.SubStage.Label() != rec.SubStageLabel ||
			rec.Agtp.Label() != rec.AgtType {
			t.Errorf("agreement %s: codes %s/%s/%s disagree with labels %q/%q/%q", a.ID, rec.Stage, rec.SubStage,
				rec.Agtp, rec.StageLabel, rec.SubStageLabel, rec.AgtType)
		}
	}
	if bad != 0 {
		t.Errorf("%d row errors, want 0", bad)
	}
	if n != 2257 {
		t.Errorf("read %d agreements, want 2257", n)
	}
	for st, want := range wantStages {
		if stages[st] != want {
			t.Errorf("stage %s: %d agreements, want %d", st, stages[st], want)
		}
	}
	if len(stages) != len(wantStages) {
		t.Errorf("stages %v, want exactly %v", stages, wantStages)
	}
}
