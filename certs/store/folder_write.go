package store

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"path/filepath"

	"qscert/certs/durable"
	"qscert/certs/qlik"
)

// The write order of the folder store. Every step is one durable file
// operation (atomic.go); a process killed between any two leaves a state
// that readers see as wholly before or wholly after the change, and that
// the next open tidies (folder_stale.go). The bundle's rename is the commit
// point: a certificate is in the store exactly when the bundle lists it.
//
// Add(cert, key, name) of a certificate the bundle does not list:
//
//	1. create <TP>.pending          marker: "the key file of TP may not match the bundle"
//	2. write  <TP>.key              (or delete a stale one when key is nil)
//	3. write  friendly-names.json   with TP's name, and the names of an old bundle's headers
//	4. write  certificates.pem      with TP                              <- commit
//	5. delete <TP>.pending
//
// Remove(TP):
//
//	1. create <TP>.pending          (only when TP has a key file)
//	2. write  friendly-names.json   only to carry an old bundle's header names
//	3. write  certificates.pem      without TP                           <- commit
//	4. delete <TP>.key, then <TP>.pending
//	5. write  friendly-names.json   without TP (a stale name is harmless)
//
// Each "write" is: a .qscert-* temporary file, its bytes, fsync, rename
// over the name, fsync of the folder.
//
// What a reader sees at each point: before the commit, the old bundle,
// which does not list TP (Add) or lists it with its untouched key
// (Remove): the state before. After it, the new bundle: TP with its key and
// name (Add; both were durable before), or no TP (Remove; its key file may
// linger until step 4, but a key counts only for a listed certificate). A
// reader racing the commit reads again (folder_read.go).
//
// What the next open does with what a killed process left: .qscert-*
// files are deleted (nothing refers to them; one may hold a private key).
// A <TP>.pending marker is resolved against the bundle: when the bundle
// lists TP the change reached its commit (or, for Remove, did not), the
// key file is right and only the marker goes; when it does not, the key
// file is left over from an Add that did not commit or a Remove that did,
// and is deleted with the marker. So no key file outlives its certificate,
// and no certificate is ever listed before its key is on the disk.
//
// A certificate already listed is changed in one step only: giving it the
// key it lacked is one atomic write of <TP>.key.

func (f *Folder) Add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	unlock, err := f.lockForChange(loc)
	if err != nil {
		return err
	}
	defer unlock()
	if err := f.Check(loc, true); err != nil {
		return err
	}
	if cert == nil {
		return f.errorf(CodeStoreFailed, loc, errors.New("no certificate"), "detail", "no certificate")
	}
	var keyPEM []byte
	if key != nil {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
		}
		keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	}
	if err := durable.MkdirAll(f.dir(loc), 0o700); err != nil {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	snap, err := f.read(loc, nil)
	if err != nil {
		return err
	}
	tp := qlik.Thumbprint(cert)
	if snap.find(tp) >= 0 {
		// Already there; adding again changes nothing, except giving it
		// the key it lacked, in one step.
		if keyPEM != nil && !snap.keys[tp] {
			return f.failedIf(loc, durable.WriteFile(f.keyPath(loc, tp), keyPEM, 0o600))
		}
		return nil
	}
	marker := f.markerPath(loc, tp)
	if err := durable.CreateEmpty(marker); err != nil {
		return f.failed(loc, err)
	}
	if keyPEM != nil {
		err = durable.WriteFile(f.keyPath(loc, tp), keyPEM, 0o600)
	} else {
		// A key file nothing lists (left by a qscert before markers)
		// must not become this certificate's key.
		err = durable.Remove(f.keyPath(loc, tp))
	}
	if err != nil {
		return f.failed(loc, err)
	}
	names := snap.mergedNames()
	if friendlyName != "" {
		names[tp] = friendlyName
	}
	if !sameNames(names, snap.names) {
		if err := f.writeNames(loc, names); err != nil {
			return f.failed(loc, err)
		}
	}
	if err := f.writeBundle(loc, append(snap.certs, bundleCert{der: cert.Raw, thumbprint: tp})); err != nil {
		return err
	}
	return f.failedIf(loc, durable.Remove(marker))
}

func (f *Folder) Remove(loc Location, thumbprint string) error {
	unlock, err := f.lockForChange(loc)
	if err != nil {
		return err
	}
	defer unlock()
	if err := f.Check(loc, true); err != nil {
		return err
	}
	snap, err := f.read(loc, nil)
	if err != nil {
		return err
	}
	i := snap.find(thumbprint)
	if i < 0 {
		return f.errorf(CodeCertNotFound, loc, nil, "thumbprint", thumbprint)
	}
	hasKey := snap.keys[thumbprint]
	marker := f.markerPath(loc, thumbprint)
	if hasKey {
		if err := durable.CreateEmpty(marker); err != nil {
			return f.failed(loc, err)
		}
	}
	names := snap.mergedNames()
	if snap.headerNames && !sameNames(names, snap.names) {
		// The new bundle has no headers: their names must be in the
		// sidecar first, this one's included while it is still listed.
		if err := f.writeNames(loc, names); err != nil {
			return f.failed(loc, err)
		}
	}
	kept := append(snap.certs[:i:i], snap.certs[i+1:]...)
	if err := f.writeBundle(loc, kept); err != nil {
		return err
	}
	if hasKey {
		if err := durable.Remove(f.keyPath(loc, thumbprint)); err != nil {
			return f.failed(loc, err)
		}
		if err := durable.Remove(marker); err != nil {
			return f.failed(loc, err)
		}
	}
	if _, ok := names[thumbprint]; ok {
		delete(names, thumbprint)
		return f.failedIf(loc, f.writeNames(loc, names))
	}
	return nil
}

// writeBundle writes the certificates as plain PEM blocks, without
// headers: what every reader of a CA bundle takes.
func (f *Folder) writeBundle(loc Location, certs []bundleCert) error {
	var buf []byte
	for _, c := range certs {
		buf = append(buf, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.der})...)
	}
	return f.failedIf(loc, durable.WriteFile(filepath.Join(f.dir(loc), bundleName), buf, 0o644))
}

func (f *Folder) failedIf(loc Location, err error) error {
	if err == nil {
		return nil
	}
	return f.failed(loc, err)
}
