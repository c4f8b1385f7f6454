// Command smokeexport writes Qlik-like exports for tools/windows/smoke.sh:
// two partial exports in Windows format (client.pfx and root.cer), made
// for the same machine by two sites three years apart, as when a central
// node's certificates were recreated, and the password of both in a file.
//
//	smokeexport -dir D -host HOST -machine NAME
//
// writes D/old, D/new and D/password.txt (0600). Partial exports, because
// Wine keeps the keys of one key set in a single container (see
// tools/wine/README.md): one keyed certificate per install.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"qscert/certs"
	"qscert/certs/certstest"
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
	for name, made := range map[string]time.Time{"old": now.AddDate(-3, 0, 0), "new": now} {
		exp, err := certstest.NewExport(host, machine, certstest.StyleLegacy, made)
		if err != nil {
			return err
		}
		opts := certstest.WriteOptions{Format: certs.FormatWindows, Password: password, Partial: true}
		if err := exp.Write(filepath.Join(dir, name), opts); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "password.txt"), []byte(password), 0o600)
}
