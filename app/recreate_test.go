package app

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/store"
)

// The recreate command starts this program again as its child and as the
// simulated node's Repository.exe: in a test, that is the test binary,
// which must answer those modes before any test runs (an init function
// runs before TestMain).
func init() {
	if len(os.Args) > 2 && os.Args[1] == "recreate" {
		if code, ok := runHidden(os.Args[2:]); ok {
			os.Exit(code)
		}
	}
}

// simulatedNode makes a simulated central node for the command line.
func simulatedNode(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "node")
	if err := centraltest.Create(dir, centraltest.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// nodeContent is what a simulated node's stores and Exported Certificates
// hold, byte for byte (key files by hash).
func nodeContent(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	for _, part := range []string{centraltest.MachineStore, centraltest.AccountStore} {
		root := filepath.Join(dir, part)
		s, err := store.OpenFolder(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, loc := range store.Locations {
			entries, _ := s.List(loc)
			for _, e := range entries {
				key, _ := os.ReadFile(filepath.Join(root, string(loc.Scope), loc.Name, e.Thumbprint()+".key"))
				lines = append(lines, fmt.Sprintf("%s %s %s %x", part, loc, e.Thumbprint(), sha256.Sum256(key)))
			}
		}
	}
	ex := centraltest.Exported(dir)
	_ = filepath.WalkDir(ex, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(ex, p)
			lines = append(lines, fmt.Sprintf("exported %s %x", rel, sha256.Sum256(data)))
		}
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// siteCount counts the simulated site's roots, server certificates and
// QlikClients.
func siteCount(t *testing.T, dir string) (roots, servers, clients int) {
	t.Helper()
	count := func(part string, loc store.Location, cn string) int {
		s, err := store.OpenFolder(filepath.Join(dir, part))
		if err != nil {
			t.Fatal(err)
		}
		entries, _ := s.List(loc)
		n := 0
		for _, e := range entries {
			if c, err := e.Certificate(); err == nil && c.Subject.CommonName == cn {
				n++
			}
		}
		return n
	}
	fqdn := centraltest.DefaultFQDN
	return count(centraltest.MachineStore, store.LocalMachineRoot, fqdn+"-CA"),
		count(centraltest.MachineStore, store.LocalMachineMy, fqdn),
		count(centraltest.AccountStore, store.CurrentUserMy, "QlikClient")
}

// The "done when": `qscert recreate --simulate DIR --yes` walks
// the seven steps with a readable log; --dry-run on the same node then
// shows exactly what it would delete (the new certificates) and changes
// nothing; `qscert recreate --restore` and `qscert restore` put the old
// certificates back.
func TestRecreateSimulatedWalksTheSevenStepsThenDryRunAndRestore(t *testing.T) {
	dir := simulatedNode(t)
	before := nodeContent(t, dir)
	pw := writePasswordFile(t, "Backup-pass-2026")
	backups := t.TempDir()
	code, out, errOut := run(t, "", "recreate", "--simulate", dir, "--yes", "--backup-password-file", pw, "--backup-dir", backups)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for n := 1; n <= 7; n++ {
		if !strings.Contains(out, fmt.Sprintf("Step %d of 7:", n)) {
			t.Errorf("step %d is not shown:\n%s", n, out)
		}
	}
	for _, want := range []string{"Entering main startup phase", "Deleted CN=QlikClient", "These 2 rim nodes", "rep01.corp.example"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q", want)
		}
	}
	if strings.Contains(out+errOut, "Backup-pass-2026") {
		t.Fatal("the password was printed")
	}
	folders, _ := filepath.Glob(filepath.Join(backups, "qscert-recreate-*"))
	if len(folders) != 1 {
		t.Fatalf("folders %v", folders)
	}
	log, err := os.ReadFile(filepath.Join(folders[0], central.LogName))
	if err != nil || !strings.Contains(string(log), "[7/7]") || strings.Contains(string(log), "Backup-pass-2026") {
		t.Fatalf("log: %v\n%s", err, log)
	}
	if r, s, c := siteCount(t, dir); r != 1 || s != 1 || c != 1 {
		t.Fatalf("after: %d roots, %d servers, %d clients", r, s, c)
	}

	// The dry run names exactly the certificates the stores hold of the site.
	after := nodeContent(t, dir)
	code, out, errOut = run(t, "", "recreate", "--simulate", dir, "--dry-run", "--json")
	if code != ExitOK {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	var doc struct {
		Mode string
		Plan struct {
			Deletions []struct{ Location, Sha1, Role string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Mode != "plan" || len(doc.Plan.Deletions) != 3 {
		t.Fatalf("dry run: %v %+v\n%s", err, doc, out)
	}
	for _, d := range doc.Plan.Deletions {
		if !strings.Contains(after, d.Sha1) {
			t.Errorf("the dry run would delete %s, which is not in the stores", d.Sha1)
		}
	}
	if nodeContent(t, dir) != after {
		t.Fatal("the dry run changed the node")
	}

	// `qscert restore` reads each part's backup (the service account's part
	// as that account would run it: here, its simulated store).
	machine, _ := filepath.Glob(filepath.Join(folders[0], "machine", "qscert-backup-*"))
	account, _ := filepath.Glob(filepath.Join(folders[0], "account", "qscert-backup-*"))
	if len(machine) != 1 || len(account) != 1 {
		t.Fatalf("backups %v %v", machine, account)
	}
	for _, p := range []struct{ backup, store string }{{machine[0], centraltest.MachineStore}, {account[0], centraltest.AccountStore}} {
		if code, out, errOut := run(t, "", "restore", p.backup, "--yes", "--store", "folder:"+filepath.Join(dir, p.store),
			"--password-file", pw, "--backup-dir", t.TempDir()); code != ExitOK {
			t.Fatalf("qscert restore %s: exit %d\n%s\n%s", p.backup, code, out, errOut)
		}
	}
	withoutExported := func(s string) string {
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(l, "exported") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if got := withoutExported(nodeContent(t, dir)); got != withoutExported(before) {
		t.Fatalf("qscert restore did not bring the certificates back:\n%s\nwant\n%s", got, withoutExported(before))
	}
}

// `qscert recreate --restore` puts everything back, Exported Certificates
// included, and starts the services again.
func TestRecreateRestoreFlagPutsEverythingBack(t *testing.T) {
	dir := simulatedNode(t)
	before := nodeContent(t, dir)
	pw := writePasswordFile(t, "Backup-pass-2026")
	backups := t.TempDir()
	if code, out, errOut := run(t, "", "recreate", "--simulate", dir, "--yes", "--backup-password-file", pw, "--backup-dir", backups); code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	folders, _ := filepath.Glob(filepath.Join(backups, "qscert-recreate-*"))
	code, out, errOut := run(t, "", "recreate", "--simulate", dir, "--restore", folders[0], "--yes", "--backup-password-file", pw, "--json")
	if code != ExitOK {
		t.Fatalf("restore: exit %d\n%s\n%s", code, out, errOut)
	}
	if got := nodeContent(t, dir); got != before {
		t.Fatalf("restored\n%s\nwant\n%s", got, before)
	}
	states, _ := centraltest.ServiceStates(dir)
	for name, s := range states {
		if s.State != "running" {
			t.Errorf("%s is %s after the restore", name, s.State)
		}
	}
}

// A procedure stopped by duplicates says how to go on; --resume redoes
// steps 3 to 7; a new recreate meanwhile is refused.
func TestRecreateStoppedThenResumed(t *testing.T) {
	dir := simulatedNode(t)
	pw := writePasswordFile(t, "Backup-pass-2026")
	common := []string{"--simulate", dir, "--yes", "--backup-password-file", pw, "--backup-dir", t.TempDir()}
	code, out, errOut := run(t, "", append([]string{"recreate", "--simulate-bootstrap", "duplicates-once"}, common...)...)
	if code != ExitFindings || !strings.Contains(errOut, "qscert recreate --resume") || !strings.Contains(errOut, "step 5 of 7") {
		t.Fatalf("duplicates: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "more than one root certificate of the site (2)") {
		t.Fatalf("the duplicates are not named:\n%s", errOut)
	}
	code, _, errOut = run(t, "", append([]string{"recreate"}, common...)...)
	if code != ExitFindings || !strings.Contains(errOut, "was stopped before its end") {
		t.Fatalf("a new recreate: exit %d\n%s", code, errOut)
	}
	code, out, errOut = run(t, "", append([]string{"recreate", "--resume"}, common...)...)
	if code != ExitOK {
		t.Fatalf("resume: exit %d\n%s\n%s", code, out, errOut)
	}
	if r, s, c := siteCount(t, dir); r != 1 || s != 1 || c != 1 {
		t.Fatalf("after the resume: %d roots, %d servers, %d clients", r, s, c)
	}
}

// Without a terminal, --yes and a backup password are needed; elsewhere
// than Windows, --simulate is.
func TestRecreateRefusals(t *testing.T) {
	dir := simulatedNode(t)
	before := nodeContent(t, dir)
	pw := writePasswordFile(t, "Backup-pass-2026")
	code, _, errOut := run(t, "", "recreate", "--simulate", dir, "--backup-password-file", pw, "--backup-dir", t.TempDir())
	if code != ExitUsage || !strings.Contains(errOut, "--yes") {
		t.Fatalf("no --yes: exit %d %s", code, errOut)
	}
	code, _, errOut = run(t, "", "recreate", "--simulate", dir, "--yes", "--backup-dir", t.TempDir())
	if code != ExitUsage || !strings.Contains(errOut, "--backup-password-file") {
		t.Fatalf("no password: exit %d %s", code, errOut)
	}
	short := writePasswordFile(t, "short")
	code, _, errOut = run(t, "", "recreate", "--simulate", dir, "--yes", "--backup-password-file", short, "--backup-dir", t.TempDir())
	if code != ExitUsage || !strings.Contains(errOut, "at least 8") {
		t.Fatalf("short password: exit %d %s", code, errOut)
	}
	code, _, errOut = run(t, "", "recreate", "--simulate", dir, "--simulate-bootstrap", "sometimes")
	if code != ExitUsage || !strings.Contains(errOut, "wait-dispatcher") {
		t.Fatalf("bad mode: exit %d %s", code, errOut)
	}
	code, _, errOut = run(t, "", "recreate", "--simulate", dir, "--resume", "--backup-password-file", pw)
	if code != ExitUsage || !strings.Contains(errOut, "no stopped recreate") {
		t.Fatalf("nothing to resume: exit %d %s", code, errOut)
	}
	code, _, errOut = run(t, "", "recreate", "--simulate", dir, "--backup-password", "x")
	if code != ExitUsage || strings.Contains(errOut, " x") {
		t.Fatalf("password on the command line: exit %d %s", code, errOut)
	}
	if nodeContent(t, dir) != before {
		t.Fatal("a refused recreate changed the node")
	}
	if runtime.GOOS != "windows" {
		code, _, errOut = run(t, "", "recreate", "--dry-run")
		if code != ExitUsage || !strings.Contains(errOut, "--simulate") {
			t.Fatalf("no central node here: exit %d %s", code, errOut)
		}
	}
}

// At a terminal: the backup password is typed twice (two that differ are
// refused), the confirmation typed, step 7's offers answered; the
// redistribution's passwords are shown, the exports need a password.
func TestRecreateAtATerminal(t *testing.T) {
	dir := simulatedNode(t)
	terminal := func(stdin string, secrets ...string) (*Env, *strings.Builder, *strings.Builder) {
		env, out, errOut := testEnv(stdin, nil)
		env.StdinIsTerminal = true
		env.ReadSecret = func(string) (string, error) {
			s := secrets[0]
			secrets = secrets[1:]
			return s, nil
		}
		var o, e strings.Builder
		env.Stdout, env.Stderr = &o, &e
		_ = out
		_ = errOut
		return env, &o, &e
	}
	env, _, errOut := terminal("", "Backup-pass-2026", "Backup-pass-2027")
	if code := Run(env, []string{"recreate", "--simulate", dir, "--backup-dir", t.TempDir(), "--lang", "en"}); code != ExitUsage ||
		!strings.Contains(errOut.String(), "not the same") {
		t.Fatalf("mismatch: exit %d %s", code, errOut)
	}
	// yes to the confirmation, yes to the redistribution, no to the export.
	env, out, errOut := terminal("yes\ny\nn\n", "Backup-pass-2026", "Backup-pass-2026")
	if code := Run(env, []string{"recreate", "--simulate", dir, "--backup-dir", t.TempDir(), "--lang", "en"}); code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut.String(), "Type yes to recreate") || !strings.Contains(errOut.String(), "Redistribute the new certificates to the 2 rim nodes") {
		t.Fatalf("prompts: %s", errOut)
	}
	if !strings.Contains(out.String(), "type this password on that node") {
		t.Fatalf("no password shown:\n%s", out)
	}
	// Without a terminal, an export needs its password from a flag.
	pw := writePasswordFile(t, "Backup-pass-2026")
	code, _, stderr := run(t, "", "recreate", "--simulate", dir, "--yes", "--backup-password-file", pw, "--backup-dir", t.TempDir(), "--export-for", "rep99.corp.example")
	if code != ExitFindings || !strings.Contains(stderr, "--export-password-file") {
		t.Fatalf("export without a password: exit %d %s", code, stderr)
	}
}
