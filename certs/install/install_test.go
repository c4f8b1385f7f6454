package install_test

import (
	"bytes"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/certs/validate"
)

const backupPassword = "backup-pass-2026"

// twoSites are two exports for the same machine from the same host: the
// second after the central node's certificates were recreated (new CA,
// same name). Made once: RSA keys are slow.
var (
	twoSitesOnce sync.Once
	first        *export.Export
	second       *export.Export
	otherSite    *export.Export
	twoSitesErr  error
)

func loadGenerated(t testing.TB, e *certstest.Export) *export.Export {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "export")
	if err := e.Write(dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Qlik!2026"}); err != nil {
		t.Fatal(err)
	}
	exp, err := export.LoadExport(dir, "Qlik!2026")
	if err != nil {
		t.Fatal(err)
	}
	if r := validate.Validate(exp, validate.Options{Now: testNow}); r.Blocking() {
		t.Fatalf("generated export does not validate: %+v", r.Findings)
	}
	return exp
}

func exports(t testing.TB) (*export.Export, *export.Export, *export.Export) {
	t.Helper()
	twoSitesOnce.Do(func() {
		var gen [3]*certstest.Export
		for i, host := range []string{testHost, testHost, "qlik-test.corp.example"} {
			gen[i], twoSitesErr = certstest.NewExport(host, testMachine, certstest.StyleLegacy, testNow)
			if twoSitesErr != nil {
				return
			}
		}
		first, second, otherSite = loadGenerated(t, gen[0]), loadGenerated(t, gen[1]), loadGenerated(t, gen[2])
	})
	if twoSitesErr != nil {
		t.Fatal(twoSitesErr)
	}
	return first, second, otherSite
}

// snapshot is a store's content: location, DER and key, comparable.
type snapshot map[string]string

func take(t *testing.T, s store.Store) snapshot {
	t.Helper()
	out := snapshot{}
	for _, loc := range store.Locations {
		entries, err := s.List(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			key := ""
			if e.HasPrivateKey {
				signer, err := s.Signer(loc, e.Thumbprint())
				if err != nil {
					t.Fatal(err)
				}
				key = fmt.Sprintf("%v", signer.Public())
				store.CloseSigner(signer)
			}
			out[loc.String()+"|"+string(e.Raw)] = key
		}
	}
	return out
}

func (s snapshot) String() string {
	var lines []string
	for k, v := range s {
		loc, der, _ := strings.Cut(k, "|")
		lines = append(lines, fmt.Sprintf("%s %X key=%v", loc, der[len(der)-8:], v != ""))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func equalSnapshots(a, b snapshot) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func installExport(t *testing.T, exp *export.Export, s store.Store, backupDir string) *install.Result {
	t.Helper()
	plan, err := install.PlanInstall(exp, s, install.InstallOptions{BackupDir: backupDir, BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	res, err := plan.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestInstallPutsEachCertificateWhereItBelongs(t *testing.T) {
	exp, _, _ := exports(t)
	s := storetest.NewMemory()
	plan, err := install.PlanInstall(exp, s, install.InstallOptions{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(install.StepAdd) != 3 || plan.Count(install.StepRemove) != 0 || plan.Count(install.StepBackup) != 0 {
		t.Fatalf("plan: %+v", plan.Steps)
	}
	if _, err := plan.Apply(nil); err != nil {
		t.Fatal(err)
	}
	want := map[store.Location]struct {
		cert *export.Certificate
		key  bool
	}{
		store.LocalMachineRoot: {exp.Root, false},
		store.CurrentUserMy:    {exp.Client, true},
		store.LocalMachineMy:   {exp.Server, true},
	}
	for loc, w := range want {
		entries, _ := s.List(loc)
		if len(entries) != 1 || !bytes.Equal(entries[0].Raw, w.cert.X509.Raw) || entries[0].HasPrivateKey != w.key {
			t.Errorf("%s holds %d entries, want %s with key=%v", loc, len(entries), w.cert.X509.Subject, w.key)
		}
	}
	again, err := install.PlanInstall(exp, s, install.InstallOptions{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Fatalf("installing twice plans %+v, want nothing", again.Steps)
	}
}

func TestInstallClientForTheMachine(t *testing.T) {
	exp, _, _ := exports(t)
	s := storetest.NewMemory()
	plan, err := install.PlanInstall(exp, s, install.InstallOptions{ClientScope: store.LocalMachine, BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(nil); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.List(store.LocalMachineMy); len(e) != 2 {
		t.Fatalf("LocalMachine\\My holds %d, want client and server", len(e))
	}
	if e, _ := s.List(store.CurrentUserMy); len(e) != 0 {
		t.Fatalf("CurrentUser\\My holds %d, want none", len(e))
	}
}

func TestInstallWithoutAdministratorRightsUsesTheUserStores(t *testing.T) {
	exp, _, _ := exports(t)
	s := storetest.NewMemory()
	s.Denied[store.LocalMachineRoot] = true
	s.Denied[store.LocalMachineMy] = true
	plan, err := install.PlanInstall(exp, s, install.InstallOptions{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	var notes []coded.Code
	for _, n := range plan.Notes {
		notes = append(notes, n.Code)
	}
	if len(notes) != 2 || notes[0] != install.CodeRootForCurrentUser || notes[1] != install.CodeServerForCurrentUser {
		t.Fatalf("notes = %v", notes)
	}
	if _, err := plan.Apply(nil); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.List(store.CurrentUserRoot); len(e) != 1 {
		t.Fatal("root not in CurrentUser\\Root")
	}
	if e, _ := s.List(store.CurrentUserMy); len(e) != 2 {
		t.Fatal("client and server not in CurrentUser\\My")
	}
}

// TestSecondExportReplacesTheFirstAndRestoreBringsItBack is the issue's
// "done when" on the folder store.
func TestSecondExportReplacesTheFirstAndRestoreBringsItBack(t *testing.T) {
	exp1, exp2, _ := exports(t)
	f, err := store.OpenFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	backups := t.TempDir()
	installExport(t, exp1, f, backups)
	afterFirst := take(t, f)

	plan, err := install.PlanInstall(exp2, f, install.InstallOptions{BackupDir: backups, BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(install.StepBackup) != 3 || plan.Count(install.StepAdd) != 3 || plan.Count(install.StepRemove) != 3 || plan.Count(install.StepPublish) != 1 {
		t.Fatalf("plan: %+v", plan.Steps)
	}
	// Backups come before any change, removals after the additions.
	if plan.Steps[0].Kind != install.StepBackup || plan.Steps[3].Kind != install.StepAdd || plan.Steps[6].Kind != install.StepRemove {
		t.Fatalf("steps out of order: %+v", plan.Steps)
	}
	var progressed []int
	res, err := plan.Apply(func(done, total int, _ install.Step) { progressed = append(progressed, done) })
	if err != nil {
		t.Fatal(err)
	}
	if len(progressed) != len(plan.Steps) {
		t.Errorf("progress called %d times for %d steps", len(progressed), len(plan.Steps))
	}
	afterSecond := take(t, f)
	if len(afterSecond) != 3 {
		t.Fatalf("after the second install the store holds:\n%s", afterSecond)
	}
	for _, c := range exp2.Certificates() {
		found := false
		for k := range afterSecond {
			if strings.HasSuffix(k, "|"+string(c.X509.Raw)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s of the second export is missing", c.Role)
		}
	}
	client, _ := os.ReadFile(filepath.Join(f.Root(), "client.pem"))
	if !bytes.Contains(client, []byte("BEGIN CERTIFICATE")) {
		t.Fatal("client.pem not published")
	}

	manifest, saved, err := install.ReadBackup(res.BackupDir, backupPassword)
	if err != nil {
		t.Fatal(err)
	}
	if len(manifest.Entries) != 3 || len(saved) != 3 {
		t.Fatalf("backup holds %d entries", len(manifest.Entries))
	}
	pfxs, _ := filepath.Glob(filepath.Join(res.BackupDir, "*.pfx"))
	for _, p := range pfxs {
		if info, _ := os.Stat(p); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", p, info.Mode().Perm())
		}
		data, _ := os.ReadFile(p)
		if _, _, err := store.DecodePFX(data, ""); err == nil {
			t.Errorf("%s opens without a password", p)
		}
	}

	restore, err := install.PlanRestore(res.BackupDir, f, install.InstallOptions{BackupDir: backups, BackupPassword: backupPassword, Now: testNow.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := restore.Apply(nil); err != nil {
		t.Fatal(err)
	}
	if got := take(t, f); !equalSnapshots(got, afterFirst) {
		t.Fatalf("after restore:\n%s\nwant:\n%s", got, afterFirst)
	}
	if data, _ := os.ReadFile(filepath.Join(f.Root(), "client.pem")); !bytes.Contains(data, pemBody(exp1.Client.X509.Raw)) {
		t.Error("client.pem not put back to the first export's client")
	}
}

func pemBody(der []byte) []byte {
	block := certstest.CertPEM(mustParse(der))
	lines := bytes.Split(block, []byte("\n"))
	return lines[1]
}

func TestInstallLeavesOtherSitesAndUnrelatedCertificates(t *testing.T) {
	exp1, exp2, other := exports(t)
	s := storetest.NewMemory()
	installExport(t, other, s, t.TempDir())
	if err := s.Add(store.LocalMachineRoot, unrelatedCA(t, "Corp-CA"), nil, "corp"); err != nil {
		t.Fatal(err)
	}
	installExport(t, exp1, s, t.TempDir())
	before := take(t, s)
	installExport(t, exp2, s, t.TempDir())
	after := take(t, s)
	for k := range before {
		loc, der, _ := strings.Cut(k, "|")
		_ = loc
		isFirst := false
		for _, c := range exp1.Certificates() {
			if string(c.X509.Raw) == der {
				isFirst = true
			}
		}
		if _, still := after[k]; still == isFirst {
			t.Errorf("certificate %X: still there = %v, first export = %v", der[len(der)-6:], still, isFirst)
		}
	}
	found, err := install.Classify(exp2, s)
	if err != nil {
		t.Fatal(err)
	}
	classes := map[install.Class]int{}
	for _, f := range found {
		classes[f.Class]++
	}
	if classes[install.ClassSame] != 3 || classes[install.ClassOtherSite] != 3 || classes[install.ClassUnrelated] != 1 || classes[install.ClassReplaced] != 0 {
		t.Fatalf("classes = %v", classes)
	}
}

// TestEveryFailedStepLeavesAllOldOrAllNew is the fault injection: a replace
// of three old certificates by three new ones, failing at each mutation in
// turn. The end state is exactly the old set or exactly the new set, and
// the backup restores the old set byte for byte.
func TestEveryFailedStepLeavesAllOldOrAllNew(t *testing.T) {
	exp1, exp2, _ := exports(t)
	for _, stuck := range []bool{false, true} {
		for k := 1; ; k++ {
			mem := storetest.NewMemory()
			installExport(t, exp1, mem, t.TempDir())
			oldSet := take(t, mem)
			faulty := &storetest.Faulty{Store: mem, FailAt: k, Stuck: stuck}
			plan, err := install.PlanInstall(exp2, faulty, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			res, err := plan.Apply(nil)
			now := take(t, mem)
			mutations := faulty.Mutations
			switch {
			case err == nil:
				if len(now) != 3 || equalSnapshots(now, oldSet) {
					t.Fatalf("k=%d: success but the store is not the new set:\n%s", k, now)
				}
			case coded.CodeOf(err) == install.CodeInstallRolledBack:
				if !res.RolledBack || !equalSnapshots(now, oldSet) {
					t.Fatalf("k=%d: rolled back to\n%s\nwant\n%s", k, now, oldSet)
				}
				if !errors.Is(err, storetest.ErrInjected) {
					t.Fatalf("k=%d: the cause is lost: %v", k, err)
				}
			case stuck && coded.CodeOf(err) == install.CodeRollbackFailed:
				// The store refuses every change now; the backup is the way back.
				if coded.As(err).Params["backup"] != res.BackupDir {
					t.Fatalf("k=%d: rollback-failed does not name the backup: %v", k, err)
				}
			default:
				t.Fatalf("k=%d stuck=%v: unexpected error %v", k, stuck, err)
			}
			// Whatever happened, the backup puts the old set back.
			restore, err := install.PlanRestore(res.BackupDir, mem, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
			if err != nil {
				t.Fatalf("k=%d: %v", k, err)
			}
			if _, err := restore.Apply(nil); err != nil {
				t.Fatalf("k=%d: restore: %v", k, err)
			}
			if got := take(t, mem); !equalSnapshots(got, oldSet) {
				t.Fatalf("k=%d: restore gave\n%s\nwant\n%s", k, got, oldSet)
			}
			if k > mutations {
				if k != 7 {
					t.Fatalf("the replace made %d mutations, want 6", mutations)
				}
				break // no mutation failed: every k has been tried
			}
		}
	}
}

func TestPlanRefusals(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	installExport(t, exp1, mem, t.TempDir())
	_, err := install.PlanInstall(exp2, mem, install.InstallOptions{BackupPassword: "short"})
	wantCode(t, err, install.CodeBackupPasswordTooShort)

	keep := map[string]bool{qlik.Thumbprint(exp1.Root.X509): true}
	_, err = install.PlanInstall(exp2, mem, install.InstallOptions{BackupPassword: backupPassword, Keep: keep})
	wantCode(t, err, install.CodeKeepLeavesTwoRoots)

	// Keeping the old client is allowed: it stays, and is not backed up.
	keep = map[string]bool{qlik.Thumbprint(exp1.Client.X509): true}
	plan, err := install.PlanInstall(exp2, mem, install.InstallOptions{BackupPassword: backupPassword, Keep: keep})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(install.StepRemove) != 2 || plan.Count(install.StepBackup) != 2 {
		t.Fatalf("plan with a kept client: %+v", plan.Steps)
	}

	noKey := *exp2
	client := *exp2.Client
	client.Key = nil
	noKey.Client = &client
	_, err = install.PlanInstall(&noKey, mem, install.InstallOptions{})
	wantCode(t, err, install.CodeExportNotInstallable)
}

func TestUnchangeableStoreOrBackupFolderFailsBeforeAnyChange(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	installExport(t, exp1, mem, t.TempDir())
	before := take(t, mem)

	mem.ReadOnly[store.CurrentUserMy] = true
	plan, err := install.PlanInstall(exp2, mem, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword})
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Apply(nil)
	wantCode(t, err, store.CodeStoreReadOnly)
	if !equalSnapshots(take(t, mem), before) {
		t.Fatal("a read-only store location was changed")
	}
	mem.ReadOnly[store.CurrentUserMy] = false

	// A backup folder that cannot be made: its parent is a file.
	parent := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(parent, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	plan, err = install.PlanInstall(exp2, mem, install.InstallOptions{BackupDir: filepath.Join(parent, "backups"), BackupPassword: backupPassword})
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Apply(nil)
	wantCode(t, err, install.CodeBackupFolderUnwritable)
	if !equalSnapshots(take(t, mem), before) {
		t.Fatal("the store changed although the backup could not be written")
	}
}

func TestRestoreRefusesAWrongPasswordOrADamagedBackup(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	installExport(t, exp1, mem, t.TempDir())
	res := installExport(t, exp2, mem, t.TempDir())
	before := take(t, mem)
	_, err := install.PlanRestore(res.BackupDir, mem, install.InstallOptions{BackupPassword: "not-the-backup-password"})
	wantCode(t, err, install.CodeBackupWrongPassword)
	if err := os.WriteFile(filepath.Join(res.BackupDir, install.ManifestName), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = install.PlanRestore(res.BackupDir, mem, install.InstallOptions{BackupPassword: backupPassword})
	wantCode(t, err, install.CodeBackupUnreadable)
	_, err = install.PlanRestore(t.TempDir(), mem, install.InstallOptions{BackupPassword: backupPassword})
	wantCode(t, err, install.CodeBackupUnreadable)
	if !equalSnapshots(take(t, mem), before) {
		t.Fatal("a refused restore changed the store")
	}
}

func wantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want %q", err, got, code)
	}
}

func mustParse(der []byte) *x509.Certificate {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		panic(err)
	}
	return c
}

// unrelatedCA is a self-signed CA that is not Qlik's: no Qlik extension, and
// not the issuer of any Qlik certificate, although its name ends in -CA.
func unrelatedCA(t *testing.T, cn string) *x509.Certificate {
	t.Helper()
	key, err := certstest.NewKey(2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(42), Subject: pkix.Name{CommonName: cn},
		NotBefore: testNow.Add(-time.Hour), NotAfter: testNow.AddDate(5, 0, 0), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return mustParse(der)
}
