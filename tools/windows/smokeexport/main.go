// Command smokeexport writes Qlik-like exports for tools/windows/smoke.sh:
// two partial exports in Windows format (client.pfx and root.cer), made
// for the same machine by two sites three years apart, as when a central
// node's certificates were recreated, and the password of both in a file.
//
//	smokeexport -dir D -host HOST -machine NAME
//
// writes D/old, D/new and D/password.txt (0600).
//
// Two Wine limits shape them (tools/wine/README.md): Wine keeps every key
// of a user in one container, so a keyed certificate added overwrites the
// key of the one it replaces. The exports are partial (one keyed
// certificate each), and the new client certificate is issued for the old
// client's key: with a new key, backing up the current client before a
// restore sometimes exported a mix of the two keys under Wine ("invalid
// CRT exponent", about one run in six). Real Windows gives each imported
// key its own container; a site whose certificates were recreated has new
// keys there.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// password is a throw-away password for throw-away certificates.
const password = "smoke-test-export-password"

func main() {
	dir := flag.String("dir", "", "folder to write old/, new/ and password.txt into")
	host := flag.String("host", "qlik-central.smoke.local", "the central node's host name")
	machine := flag.String("machine", "rep01", "the machine the export is made for")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: smokeexport -dir D [-host HOST] [-machine NAME]")
		os.Exit(2)
	}
	if err := write(*dir, *host, *machine, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "smokeexport:", err)
		os.Exit(1)
	}
}

func write(dir, host, machine string, now time.Time) error {
	old, err := certstest.NewExport(host, machine, certstest.StyleLegacy, now.AddDate(-3, 0, 0))
	if err != nil {
		return err
	}
	site, err := certstest.NewSite(host, certstest.StyleLegacy, now)
	if err != nil {
		return err
	}
	recreated, err := site.NewExport(machine)
	if err != nil {
		return err
	}
	c := recreated.Client.Cert
	if recreated.Client, err = site.IssueWithKey(qlik.RoleClient, qlik.ClientName, old.Client.Key, c.NotBefore, c.NotAfter); err != nil {
		return err
	}
	opts := certstest.WriteOptions{Format: qlik.FormatWindows, Password: password, Partial: true}
	if err := old.Write(filepath.Join(dir, "old"), opts); err != nil {
		return err
	}
	if err := recreated.Write(filepath.Join(dir, "new"), opts); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "password.txt"), []byte(password), 0o600)
}
