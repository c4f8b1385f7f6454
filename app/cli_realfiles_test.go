package app

import (
	"path/filepath"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/machine"
	"qscert/certs/qlik"
)

// `qscert validate` compares the server certificate with every name of this
// computer the QMC's "Add machine name" accepts, its IP addresses included.
func TestValidatePassesThisComputersAddresses(t *testing.T) {
	exp, err := certstest.NewExport(cliHost, "10.20.30.41", certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := exp.Write(dir, certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
		t.Fatal(err)
	}
	env, out, errOut := testEnv("", nil)
	env.Machine = func() machine.Info {
		return machine.Info{Hostname: "rep01", FQDN: cliMachine, IPs: []string{"10.20.30.41"}}
	}
	if code := Run(env, []string{"validate", dir, "--lang", "en"}); code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if strings.Contains(out.String(), "machine-mismatch") {
		t.Fatalf("an export made for this computer's address gave machine-mismatch:\n%s", out)
	}
}

// Every command that takes an export takes its .zip, the machine's folder
// inside or not: validate, install, list, report.
func TestCommandsTakeAZippedExport(t *testing.T) {
	writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM}) // makes cliExport, the shared export
	zipPath := filepath.Join(t.TempDir(), "rep01.zip")
	if err := cliExport.WriteZipOf(zipPath, "rep01", certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"}); err != nil {
		t.Fatal(err)
	}
	pw := writePasswordFile(t, "S3cret!pw")
	if code, out, errOut := run(t, "", "validate", zipPath, "--password-file", pw, "--host", cliHost); code != ExitOK || !strings.Contains(out, "client.pfx") {
		t.Fatalf("validate: exit %d\n%s%s", code, out, errOut)
	}
	storeDir := t.TempDir()
	if code, out, errOut := run(t, "", "install", zipPath, "--yes", "--password-file", pw, "--store", "folder:"+storeDir, "--machine", cliMachine); code != ExitOK || len(storeState(t, storeDir)) != 3 {
		t.Fatalf("install: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := run(t, "", "list", "--dir", zipPath, "--password-file", pw, "--store", "folder:"+storeDir); code != ExitOK {
		t.Fatalf("list: exit %d\n%s%s", code, out, errOut)
	}
	report := filepath.Join(t.TempDir(), "report.zip")
	if code, out, errOut := run(t, "", "report", "--out", report, "--dir", zipPath, "--password-file", pw, "--store", "folder:"+storeDir); code != ExitOK {
		t.Fatalf("report: exit %d\n%s%s", code, out, errOut)
	}
}
