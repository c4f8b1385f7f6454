package store

import (
	"crypto"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/gofrs/flock"

	"qscert/certs/coded"
	"qscert/certs/durable"
)

// Folder is a certificate store kept as files: one sub-folder per location
// (CurrentUser/My, LocalMachine/Root, ...) holding
//
//   - certificates.pem, the location's certificates as plain PEM blocks,
//     which openssl, Node and every TLS library read as a CA bundle;
//   - one 0600 file per private key, <THUMBPRINT>.key (PKCS#8 PEM);
//   - friendly-names.json, the friendly names by thumbprint (metadata kept
//     out of the PEM: OpenSSL refuses PEM headers on a certificate, and a
//     name holding a newline or "-----BEGIN " cannot be a header);
//   - while a change is under way, <THUMBPRINT>.pending markers and
//     .qscert-* temporary files (folder_write.go says what they mean).
//
// It is the store on Linux and macOS, the sandbox of the demo mode, and a
// store tests can look into. One process at a time changes it (Lock, a
// lock file in the store folder); readers take no lock and still never see
// half a change (folder_read.go).
//
// One bundle per location rather than one file per certificate: listing a
// store of 10,000 certificates then reads one file, not 10,000, which is
// what keeps classifying it under 100 ms. Changes rewrite the bundle
// atomically; installs make a handful of them.
type Folder struct {
	root string

	mu    sync.Mutex   // guards lock and depth
	lock  *flock.Flock // held while depth > 0
	depth int          // nested Lock calls of this process
}

// FolderBundleName is the file of a folder store's location that holds its
// certificates: <store>/<Scope>/<Name>/certificates.pem.
const FolderBundleName = bundleName

const (
	bundleName = "certificates.pem"
	namesName  = "friendly-names.json"
	keyExt     = ".key"
	markerExt  = ".pending"
	// tempPrefix starts every temporary file: a file with this prefix is
	// never part of the store, so an open may delete it (cleanStale).
	tempPrefix = durable.TempPrefix
	// Files of the lock, at the store's top; not temporary files.
	lockName   = ".qscert.lock"
	holderName = ".qscert.holder"
	// friendlyNameHeader is where qscert before friendly-names.json kept
	// the friendly name: a PEM header. Still read; never written.
	friendlyNameHeader = "Friendly-Name"
)

// Limits of the store's own files: far above what a store holds (a
// 10,000-certificate bundle is about 15 MB), low enough that a file
// replaced by a link to /dev/zero or a huge file cannot exhaust memory.
const (
	maxBundleSize = 256 << 20
	maxNamesSize  = 64 << 20
	maxKeySize    = 1 << 20
	maxHolderSize = 64 << 10
)

// OpenFolder opens the folder store at path, which must exist: a missing
// folder is reported (store-missing) rather than created behind the user's
// back. CreateFolder and OpenOrCreateFolder make it first. Opening finishes
// or undoes what a killed qscert left half done, when no other qscert is
// changing the store (cleanStale).
func OpenFolder(path string) (*Folder, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+path, "location", path)
	}
	info, err := os.Stat(abs)
	if err != nil || !info.IsDir() {
		return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+abs, "location", abs)
	}
	f := &Folder{root: abs}
	f.cleanStaleIfIdle()
	return f, nil
}

// CreateFolder makes the folder and the missing folders above it (0700: it
// holds private keys) and opens it. For the demo sandbox and tests;
// a user's --store takes OpenOrCreateFolder.
func CreateFolder(path string) (*Folder, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, coded.New(CodeStoreReadOnly, err, "store", "folder:"+path, "location", path)
	}
	return OpenFolder(path)
}

// OpenOrCreateFolder opens the folder store at path, making the folder
// (0700) when it does not exist but its parent does: `--store folder:PATH`
// on a first install. A missing parent is store-missing: a typing mistake
// in the path must not make a tree of folders somewhere unexpected.
func OpenOrCreateFolder(path string) (*Folder, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+path, "location", path)
	}
	if _, err := os.Stat(abs); errors.Is(err, os.ErrNotExist) {
		parent := filepath.Dir(abs)
		if info, err := os.Stat(parent); err != nil || !info.IsDir() {
			return nil, coded.New(CodeStoreMissing, err, "store", "folder:"+abs, "location", parent)
		}
		if err := durable.Mkdir(abs, 0o700); err != nil {
			return nil, coded.New(CodeStoreReadOnly, err, "store", "folder:"+abs, "location", abs)
		}
	}
	return OpenFolder(abs)
}

func (f *Folder) Name() string { return "folder:" + f.root }

// Root is the store's folder.
func (f *Folder) Root() string { return f.root }

func (f *Folder) dir(loc Location) string {
	return filepath.Join(f.root, string(loc.Scope), loc.Name)
}

func (f *Folder) keyPath(loc Location, thumbprint string) string {
	return filepath.Join(f.dir(loc), thumbprint+keyExt)
}

func (f *Folder) markerPath(loc Location, thumbprint string) string {
	return filepath.Join(f.dir(loc), thumbprint+markerExt)
}

func (f *Folder) errorf(code coded.Code, loc Location, cause error, params ...string) error {
	return coded.New(code, cause, append([]string{"store", f.Name(), "location", loc.String()}, params...)...)
}

func (f *Folder) failed(loc Location, err error) error {
	if coded.As(err) != nil {
		return err // already says what went wrong (a bounded read's file-not-regular, ...)
	}
	return f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
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
	probe, err := os.CreateTemp(probeDir, tempPrefix+"probe-*")
	if err != nil {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	probe.Close()
	// The probe is a temporary file: another qscert's clean-up may have
	// taken it already, which still proves the folder writable.
	if err := os.Remove(probe.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return f.errorf(CodeStoreReadOnly, loc, err)
	}
	return nil
}

func (f *Folder) List(loc Location) ([]Entry, error) {
	if err := f.Check(loc, false); err != nil {
		return nil, err
	}
	snap, err := f.read(loc, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(snap.certs))
	for _, c := range snap.certs {
		out = append(out, Entry{Location: loc, Raw: c.der, FriendlyName: snap.name(c), HasPrivateKey: snap.keys[c.thumbprint]})
	}
	return out, nil
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
