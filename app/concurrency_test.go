package app

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// TestThreeInstallsAtOnceLeaveAConsistentStore: three installs of three
// exports of one site (recreated in between: each a different root of the
// same name) run into one store at the same moment, 50 times over. Each
// time the store must end with one root and the client that root issued:
// the store's writer lock lets one change at a time, and with --yes each
// install takes it before planning, so that every one succeeds in turn.
func TestThreeInstallsAtOnceLeaveAConsistentStore(t *testing.T) {
	bin := killableQscert(t)
	pw := writePasswordFile(t, "Export-Pass-2026")
	var exports [3]string
	for i := range exports {
		gen, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
		if err != nil {
			t.Fatal(err)
		}
		exports[i] = filepath.Join(t.TempDir(), fmt.Sprint("export", i))
		if err := gen.Write(exports[i], certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Export-Pass-2026"}); err != nil {
			t.Fatal(err)
		}
	}
	outcomes := map[int]int{}
	for round := range 50 {
		dir, backups := t.TempDir(), t.TempDir()
		var wg sync.WaitGroup
		codes := make([]int, len(exports))
		errs := make([]string, len(exports))
		for i, exp := range exports {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, errs[i] = qscertRun(t, bin, 0, "install", exp, "--yes", "--store", "folder:"+dir,
					"--backup-dir", backups, "--password-file", pw, "--machine", cliMachine, "--lang", "en")
			}()
		}
		wg.Wait()
		for i, c := range codes {
			outcomes[c]++
			if c != ExitOK {
				t.Fatalf("round %d: install %d exit %d\n%s", round, i, c, errs[i])
			}
		}
		f, err := store.OpenFolder(dir)
		if err != nil {
			t.Fatal(err)
		}
		found, err := install.Classify(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		var roots, clients []install.Found
		for _, fd := range found {
			switch {
			case fd.Role == qlik.RoleRoot:
				roots = append(roots, fd)
			case fd.Role == qlik.RoleClient:
				clients = append(clients, fd)
			}
		}
		if len(roots) != 1 || len(clients) != 1 {
			t.Fatalf("round %d: %d roots and %d clients (exits %v)", round, len(roots), len(clients), codes)
		}
		if !qlik.SignedBy(clients[0].Cert, roots[0].Cert) {
			t.Fatalf("round %d: the client is not from the root's site", round)
		}
	}
	t.Logf("exit codes over 150 installs: %v", outcomes)
}
