package pax_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// envPAX and envProvisions name the variables that give the paths of the
// real PA-X files: the agreement-level and the provision-level file.
const (
	envPAX        = "PEACEKIT_PAX_CSV"
	envProvisions = "PEACEKIT_PAX_PROVISIONS_CSV"
)

// realFile returns the contents of the real PA-X agreement-level file.
func realFile(tb testing.TB) []byte { return realData(tb, envPAX, "pax.csv") }

// realProvisionsFile returns the contents of the real PA-X provision-level
// file.
func realProvisionsFile(tb testing.TB) []byte {
	return realData(tb, envProvisions, "pax_all_agreements_v10.csv")
}

// realData returns the contents of the file the variable env names (CI sets
// it); when env is unset, of the file name in the data directory beside the
// module (shared/data in the module root's parent), if that file exists. It
// skips only when neither gives a file; a file named by the variable that
// cannot be read is a failure.
func realData(tb testing.TB, env, name string) []byte {
	tb.Helper()
	path := os.Getenv(env)
	if path == "" {
		path = besideModule(name)
		if path == "" {
			tb.Skipf("%s unset and no %s beside the module: no real PA-X file to read", env, name)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading the PA-X file (%s=%q): %v", env, path, err)
	}
	return data
}

// besideModule returns the path of the file name in shared/data of the
// parent of the module root (the nearest directory up holding go.mod) when
// that file exists; "" otherwise.
func besideModule(name string) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
	p := filepath.Join(filepath.Dir(dir), "shared", "data", name)
	if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	return p
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
		if rec.Layout != pax.LayoutAgreement || rec.Provisions.Len() != 0 || rec.ImSrc != 0 {
			t.Errorf("agreement %d: layout %v, %d provisions, ImSrc %d; want agreement-level, none, 0",
				rec.AgtID, rec.Layout, rec.Provisions.Len(), rec.ImSrc)
		}
		a := rec.Agreement()
		if len(a.Clauses) != 0 {
			t.Errorf("agreement %s: %d clauses from an agreement-level record, want none", a.ID, len(a.Clauses))
		}
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
