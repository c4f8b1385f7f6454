package store

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"

	"qscert/certs/boundedfile"
	"qscert/certs/durable"
)

// ToolFileNames are the files a folder store keeps at its top after an
// install: the names Butler, Ctrl-Q, enigma.js and similar tools are
// configured with.
var ToolFileNames = []string{"client.pem", "client_key.pem", "root.pem"}

// ToolFilesPublisher is a store that can also leave the installed client
// and root as plain files for other tools.
type ToolFilesPublisher interface {
	// PublishToolFiles writes client.pem, client_key.pem (0600) and
	// root.pem, and returns a function that puts back what was there
	// before, for rollback.
	PublishToolFiles(client *x509.Certificate, key crypto.PrivateKey, root *x509.Certificate) (undo func() error, err error)
}

func (f *Folder) PublishToolFiles(client *x509.Certificate, key crypto.PrivateKey, root *x509.Certificate) (func() error, error) {
	unlock, err := f.lockForChange(Location{})
	if err != nil {
		return nil, err
	}
	defer unlock()
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, f.errorf(CodeStoreFailed, Location{}, err, "detail", err.Error())
	}
	content := map[string][]byte{
		"client.pem":     pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: client.Raw}),
		"client_key.pem": pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
		"root.pem":       pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: root.Raw}),
	}
	// Remember what was there, to undo.
	previous := map[string][]byte{}
	for _, name := range ToolFileNames {
		data, err := boundedfile.Read(filepath.Join(f.root, name), maxToolFileSize)
		if err == nil {
			previous[name] = data
		} else if !boundedfile.IsNotExist(err) {
			return nil, f.errorf(CodeStoreFailed, Location{}, err, "detail", err.Error())
		}
	}
	undo := func() error {
		unlock, err := f.lockForChange(Location{})
		if err != nil {
			return err
		}
		defer unlock()
		var first error
		for _, name := range ToolFileNames {
			path := filepath.Join(f.root, name)
			var err error
			if data, ok := previous[name]; ok {
				err = durable.WriteFile(path, data, toolFileMode(name))
			} else {
				err = durable.Remove(path)
			}
			if err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	for _, name := range ToolFileNames {
		if err := durable.WriteFile(filepath.Join(f.root, name), content[name], toolFileMode(name)); err != nil {
			_ = undo()
			return nil, f.errorf(CodeStoreFailed, Location{}, err, "detail", err.Error())
		}
	}
	return undo, nil
}

// maxToolFileSize bounds the tool files read back for undo: a certificate
// or a key is a few kilobytes.
const maxToolFileSize = 1 << 20

func toolFileMode(name string) os.FileMode {
	if name == "client_key.pem" {
		return 0o600
	}
	return 0o644
}
