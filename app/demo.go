package app

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/wizard/flow"
)

// demoHost is the simulated Qlik Sense central node.
const demoHost = "qlik-central.demo.local"

// demoSession is everything `qscert --demo` creates: an export generated
// for this computer, a sandbox folder store that already holds
// certificates from an older export (so the replace page has something to
// show), a backup folder, and a simulated QRS on loopback that trusts the
// export's site. All of it lives in one temporary folder; Close removes it
// and stops the server.
type demoSession struct {
	root   string
	info   flow.Demo
	store  *store.Folder
	backup string
	qrs    *qrstest.Server
}

// startDemo prepares the demo. Generating RSA keys takes a moment; the
// window and the console wizard wait for it (about 100 ms per key on a
// laptop).
func startDemo(now time.Time) (*demoSession, error) {
	root, err := os.MkdirTemp("", "qscert-demo-")
	if err != nil {
		return nil, err
	}
	d := &demoSession{root: root, backup: filepath.Join(root, "backups")}
	if err := d.prepare(now); err != nil {
		_ = d.Close()
		return nil, err
	}
	return d, nil
}

func (d *demoSession) prepare(now time.Time) error {
	machineName, _ := os.Hostname()
	if machineName == "" {
		machineName = "this-computer"
	}
	d.info = flow.Demo{
		Folder:   filepath.Join(d.root, "Exported Certificates", machineName),
		Password: demoPassword(),
		Host:     demoHost,
	}
	exp, err := certstest.NewExport(demoHost, machineName, certstest.StyleLegacy, now)
	if err != nil {
		return err
	}
	if err := exp.Write(d.info.Folder, certstest.WriteOptions{Format: qlik.FormatWindows, Password: d.info.Password}); err != nil {
		return err
	}
	// The sandbox holds the certificates of an install made three years
	// ago, before the site's certificates were recreated.
	if d.store, err = store.CreateFolder(filepath.Join(d.root, "store")); err != nil {
		return err
	}
	old, err := certstest.NewExport(demoHost, machineName, certstest.StyleLegacy, now.AddDate(-3, 0, 0))
	if err != nil {
		return err
	}
	if err := d.store.Add(store.LocalMachineRoot, old.Root.Cert, nil, "Qlik CA"); err != nil {
		return err
	}
	if err := d.store.Add(store.CurrentUserMy, old.Client.Cert, old.Client.Key, "QlikClient"); err != nil {
		return err
	}
	d.qrs, err = qrstest.Start(exp, qrstest.Options{Host: demoHost})
	return err
}

// Close stops the simulated QRS and removes everything the demo created.
func (d *demoSession) Close() error {
	if d.qrs != nil {
		_ = d.qrs.Close()
	}
	if d.store != nil {
		_ = d.store.Close()
	}
	return os.RemoveAll(d.root)
}

// demoPassword is a fresh password for the generated export, easy to read
// aloud over a screen share (no 0/O or 1/l).
func demoPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "demo-" + string(b)
}
