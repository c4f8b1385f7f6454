package store

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"qscert/certs/coded"
	"qscert/certs/qlik"
)

// Folder is a certificate store kept as files: one sub-folder per location
// (CurrentUser/My, LocalMachine/Root, ...) holding certificates.pem, the
// location's certificates as PEM blocks, and one 0600 file per private key
// named by its certificate's thumbprint. It is the store on Linux and macOS,
// the sandbox of the demo mode, and a store tests can look into.
//
// One bundle per location rather than one file per certificate: listing a
// store of 10,000 certificates then reads one file, not 10,000, which is
// what keeps classifying it under 100 ms. Changes rewrite the bundle
// atomically; installs make a handful of them.
type Folder struct {
	root string
}

// FolderBundleName is the file of a folder store's location that holds its
// certificates: <store>/<Scope>/<Name>/certificates.pem.
const FolderBundleName = bundleName

const (
	bundleName = "certificates.pem"
	keyExt     = ".key"
	// friendlyNameHeader keeps the friendly name in the certificate's PEM
	// headers, so a certificate stays one file.
	friendlyNameHeader = "Friendly-Name"
)

// OpenFolder opens the folder store at path, which must exist: a missing
// folder is reported (store-missing) rather than created behind the user's
// back. CreateFolder makes it first.
func OpenFolder(path string) (*Folder, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+path, "location", path)
	}
	info, err := os.Stat(abs)
	if err != nil || !info.IsDir() {
		return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+abs, "location", abs)
	}
	return &Folder{root: abs}, nil
}

// CreateFolder makes the folder (0700: it holds private keys) and opens it.
func CreateFolder(path string) (*Folder, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, coded.New(CodeStoreReadOnly, err, "store", "folder:"+path, "location", path)
	}
	return OpenFolder(path)
}

func (f *Folder) Name() string { return "folder:" + f.root }

// Root is the store's folder.
func (f *Folder) Root() string { return f.root }

func (f *Folder) dir(loc Location) string {
	return filepath.Join(f.root, string(loc.Scope), loc.Name)
}

func (f *Folder) errorf(code coded.Code, loc Location, cause error, params ...string) error {
	return coded.New(code, cause, append([]string{"store", f.Name(), "location", loc.String()}, params...)...)
}

// Check verifies the store folder exists and, for write, that a file can
// really be created there: permissions, a read-only mount and an immutable
// attribute all show up only when trying.
func (f *Folder) Check(loc Location, write bool) error {
	if !loc.Valid() {
		return coded.New(CodeBadLocation, nil, "location", loc.String())
	}
	if info, err := os.Stat(f.root); err != nil || !info.IsDir() {
		return f.errorf(CodeStoreMissing, loc, err)
	}
	if !write {
		return nil
	}
	dir := f.dir(loc)
	probeDir := dir
	if _, err := os.Stat(dir); err != nil {
		probeDir = f.root // the location is made on first use; its parent must be writable
	}
	probe, err := os.CreateTemp(probeDir, ".qscert-probe-*")
	if err != nil {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	probe.Close()
	if err := os.Remove(probe.Name()); err != nil {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	return nil
}

func (f *Folder) List(loc Location) ([]Entry, error) {
	if err := f.Check(loc, false); err != nil {
		return nil, err
	}
	blocks, err := f.readBundle(loc)
	if err != nil {
		return nil, err
	}
	hasKey, err := f.keyThumbprints(loc)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(blocks))
	for _, b := range blocks {
		e := Entry{Location: loc, Raw: b.Bytes, FriendlyName: b.Headers[friendlyNameHeader]}
		e.HasPrivateKey = hasKey[e.Thumbprint()]
		out = append(out, e)
	}
	return out, nil
}

// readBundle reads the certificates of a location; a location never
// written to is empty.
func (f *Folder) readBundle(loc Location) ([]*pem.Block, error) {
	data, err := os.ReadFile(filepath.Join(f.dir(loc), bundleName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	var blocks []*pem.Block
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return blocks, nil
		}
		if b.Type == "CERTIFICATE" {
			blocks = append(blocks, b)
		}
	}
}

func (f *Folder) writeBundle(loc Location, blocks []*pem.Block) error {
	var buf []byte
	for _, b := range blocks {
		buf = append(buf, pem.EncodeToMemory(b)...)
	}
	if err := writeFileAtomic(filepath.Join(f.dir(loc), bundleName), buf, 0o644); err != nil {
		return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	return nil
}

// keyThumbprints lists the certificates of a location that have a key file.
func (f *Folder) keyThumbprints(loc Location) (map[string]bool, error) {
	entries, err := os.ReadDir(f.dir(loc))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	out := make(map[string]bool)
	for _, d := range entries {
		if name := d.Name(); strings.HasSuffix(name, keyExt) {
			out[strings.TrimSuffix(name, keyExt)] = true
		}
	}
	return out, nil
}

func (f *Folder) keyPath(loc Location, thumbprint string) string {
	return filepath.Join(f.dir(loc), thumbprint+keyExt)
}

func (f *Folder) Add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	if err := f.Check(loc, true); err != nil {
		return err
	}
	if cert == nil {
		return f.errorf(CodeStoreFailed, loc, errors.New("no certificate"), "detail", "no certificate")
	}
	if err := os.MkdirAll(f.dir(loc), 0o700); err != nil {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	tp := qlik.Thumbprint(cert)
	// The key goes first: a certificate listed with a key must have it.
	if key != nil {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
		}
		if err := writeFileAtomic(f.keyPath(loc, tp), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
			return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
		}
	}
	blocks, err := f.readBundle(loc)
	if err != nil {
		return err
	}
	for _, b := range blocks {
		if qlik.ThumbprintOfDER(b.Bytes) == tp {
			return nil // already there; adding again changes nothing
		}
	}
	block := &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}
	if friendlyName != "" {
		// PEM headers are one line each.
		block.Headers = map[string]string{friendlyNameHeader: strings.NewReplacer("\r", " ", "\n", " ").Replace(friendlyName)}
	}
	return f.writeBundle(loc, append(blocks, block))
}

func (f *Folder) Remove(loc Location, thumbprint string) error {
	if err := f.Check(loc, true); err != nil {
		return err
	}
	blocks, err := f.readBundle(loc)
	if err != nil {
		return err
	}
	kept := blocks[:0:0]
	for _, b := range blocks {
		if qlik.ThumbprintOfDER(b.Bytes) != thumbprint {
			kept = append(kept, b)
		}
	}
	if len(kept) == len(blocks) {
		return f.errorf(CodeCertNotFound, loc, nil, "thumbprint", thumbprint)
	}
	if err := f.writeBundle(loc, kept); err != nil {
		return err
	}
	if err := os.Remove(f.keyPath(loc, thumbprint)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	return nil
}

// load reads a certificate of the store and its key, if any.
func (f *Folder) load(loc Location, thumbprint string) (*x509.Certificate, crypto.PrivateKey, error) {
	if err := f.Check(loc, false); err != nil {
		return nil, nil, err
	}
	blocks, err := f.readBundle(loc)
	if err != nil {
		return nil, nil, err
	}
	var cert *x509.Certificate
	for _, b := range blocks {
		if qlik.ThumbprintOfDER(b.Bytes) == thumbprint {
			if cert, err = x509.ParseCertificate(b.Bytes); err != nil {
				return nil, nil, f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
			}
			break
		}
	}
	if cert == nil {
		return nil, nil, f.errorf(CodeCertNotFound, loc, nil, "thumbprint", thumbprint)
	}
	data, err := os.ReadFile(f.keyPath(loc, thumbprint))
	if errors.Is(err, fs.ErrNotExist) {
		return cert, nil, nil
	}
	if err != nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, err, "thumbprint", thumbprint)
	}
	keyBlock, _ := pem.Decode(data)
	if keyBlock == nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, errors.New("damaged key file"), "thumbprint", thumbprint)
	}
	key, err := x509.ParsePKCS8PrivateKey(keyBlock.Bytes)
	if err != nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, err, "thumbprint", thumbprint)
	}
	return cert, key, nil
}

func (f *Folder) ExportPFX(loc Location, thumbprint, password string) ([]byte, error) {
	cert, key, err := f.load(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	data, err := EncodePFX(cert, key, password)
	if err != nil {
		return nil, f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	return data, nil
}

func (f *Folder) Signer(loc Location, thumbprint string) (crypto.Signer, error) {
	_, key, err := f.load(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	s, ok := key.(crypto.Signer)
	if !ok {
		return nil, f.errorf(CodeNoKey, loc, nil, "thumbprint", thumbprint)
	}
	return s, nil
}

func (f *Folder) Close() error { return nil }
