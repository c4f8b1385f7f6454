package app

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"time"

	"qscert/certs"
	"qscert/certs/certstest"
	"qscert/certs/store"
	"qscert/wizard"
)

// demoHost is the simulated Qlik Sense central node.
const demoHost = "qlik-central.demo.local"

// demoSession is everything `qscert --demo` creates: an export generated
// for this computer, a sandbox store that already holds certificates from
// an older export (so the replace page has something to show), and the
// simulated QRS. All of it lives in one temporary folder, removed by Close.
type demoSession struct {
	root  string
	info  wizard.Demo
	store store.Store
	ready chan struct{}
	err   error
}

// startDemo prepares the demo. Generating RSA keys takes a moment, so it
// happens in the background; the wizard waits on info.Ready before it
// checks the files.
func startDemo(now time.Time) (*demoSession, error) {
	root, err := os.MkdirTemp("", "qscert-demo-")
	if err != nil {
		return nil, err
	}
	machineName, _ := os.Hostname()
	if machineName == "" {
		machineName = "this-computer"
	}
	d := &demoSession{
		root:  root,
		store: store.NewMemory(),
		ready: make(chan struct{}),
	}
	d.info = wizard.Demo{
		Folder:   filepath.Join(root, "Exported Certificates", machineName),
		Password: demoPassword(),
		Host:     demoHost,
		Ready:    d.ready,
	}
	go func() {
		defer close(d.ready)
		d.err = d.generate(machineName, now)
	}()
	return d, nil
}

// generate writes the export and fills the sandbox with the certificates
// of an earlier install, from before the site's certificates were
// recreated.
func (d *demoSession) generate(machineName string, now time.Time) error {
	exp, err := certstest.NewExport(demoHost, machineName, certstest.StyleLegacy, now)
	if err != nil {
		return err
	}
	if err := exp.Write(d.info.Folder, certstest.WriteOptions{Format: certs.FormatWindows, Password: d.info.Password}); err != nil {
		return err
	}
	old, err := certstest.NewExport(demoHost, machineName, certstest.StyleLegacy, now.AddDate(-3, 0, 0))
	if err != nil {
		return err
	}
	if err := d.store.Add(store.LocalMachineRoot, old.Root.Cert, nil, "Qlik CA"); err != nil {
		return err
	}
	return d.store.Add(store.CurrentUserMy, old.Client.Cert, old.Client.Key, "QlikClient")
}

// Close removes everything the demo created.
func (d *demoSession) Close() error {
	<-d.ready
	_ = d.store.Close()
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
