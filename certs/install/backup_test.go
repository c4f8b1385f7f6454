package install_test

import (
	"encoding/asn1"
	"os"
	"path/filepath"
	"testing"

	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// oidPBKDF2 is id-PBKDF2 (RFC 8018): its parameters hold the iteration
// count.
var oidPBKDF2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}

// pbkdf2Counts finds the iteration count of every PBKDF2 in a PFX.
func pbkdf2Counts(t *testing.T, der []byte) []int {
	t.Helper()
	var out []int
	var walk func(b []byte)
	walk = func(b []byte) {
		for len(b) > 0 {
			var v asn1.RawValue
			rest, err := asn1.Unmarshal(b, &v)
			if err != nil {
				return
			}
			b = rest
			if v.Tag == asn1.TagSequence && v.IsCompound {
				var alg struct {
					OID    asn1.ObjectIdentifier
					Params struct {
						Salt       []byte
						Iterations int
					}
				}
				if _, err := asn1.Unmarshal(v.FullBytes, &alg); err == nil && alg.OID.Equal(oidPBKDF2) {
					out = append(out, alg.Params.Iterations)
					continue
				}
			}
			if v.IsCompound || v.Tag == asn1.TagOctetString {
				walk(v.Bytes)
			}
		}
	}
	walk(der)
	return out
}

// The backup files are PBES2 PFX files with 600,000 PBKDF2-SHA256
// iterations, and the manifest's key is derived with as many.
func TestBackupsUseTheRealKeyDerivation(t *testing.T) {
	t.Setenv(install.FastKDFEnv, "")
	if install.KDFIterations < 600_000 {
		t.Fatalf("count %d, want at least 600,000", install.KDFIterations)
	}
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	res := installExport(t, exp2, s, t.TempDir())
	m, saved, err := install.ReadBackup(res.BackupDir, backupPassword)
	if err != nil {
		t.Fatal(err)
	}
	if m.KDF.Iterations != install.KDFIterations || m.KDF.Algorithm != "pbkdf2-sha256" || len(saved) != 2 {
		t.Fatalf("manifest KDF %+v, %d entries", m.KDF, len(saved))
	}
	for _, e := range m.Entries {
		data, err := os.ReadFile(filepath.Join(res.BackupDir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		counts := pbkdf2Counts(t, data)
		if len(counts) == 0 {
			t.Fatalf("%s has no PBKDF2 (not PBES2)", e.File)
		}
		for _, c := range counts {
			if c != install.KDFIterations {
				t.Errorf("%s: PBKDF2 with %d iterations", e.File, c)
			}
		}
	}
}

// halfwayRemover removes the certificate and then fails, as the folder
// store does when the bundle is rewritten but the key file cannot be
// deleted.
type halfwayRemover struct {
	store.Store
	failOn string
}

func (h *halfwayRemover) Remove(loc store.Location, tp string) error {
	if err := h.Store.Remove(loc, tp); err != nil {
		return err
	}
	if tp == h.failOn {
		h.failOn = ""
		return storetest.ErrInjected
	}
	return nil
}

// A step that fails halfway is undone too: the certificate it removed
// before failing comes back, with its key.
func TestAStepThatFailsHalfwayIsUndone(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	mem := storetest.NewMemory()
	installExport(t, exp1, mem, t.TempDir())
	before := take(t, mem)
	s := &halfwayRemover{Store: mem, failOn: qlik.Thumbprint(exp1.Client.X509)}
	plan, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Apply(nil)
	wantCode(t, err, install.CodeInstallRolledBack)
	if after := take(t, mem); !equalSnapshots(after, before) {
		t.Fatalf("after the rollback:\n%s\nwant:\n%s", after, before)
	}
}
