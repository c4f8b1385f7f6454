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
	"time"

	"qscert/certs/boundedfile"
	"qscert/certs/qlik"
)

// Reading a folder store takes no lock, yet never sees half a change.
//
// A location's state is its bundle plus its key files; the bundle is the
// commit point of every change (folder_write.go): a key file is written
// before the bundle that lists its certificate, and deleted only after the
// bundle that no longer lists it. So a key file never appears or goes away
// while the bundle lists its certificate, except in one rename (giving a
// listed certificate its key). A reader therefore opens the bundle, reads
// the key files and the names, and then checks that the bundle's name
// still points at the file it holds open: if a writer replaced the bundle
// meanwhile, it reads again. On Unix the reader holds the bundle open until
// the check, which makes it sound: an inode number is reused as soon as
// its file is gone, but not while it is open. On Windows it closes the
// bundle at once, since an open file cannot be replaced there (a writer
// would wait for every reader); NTFS file IDs carry a sequence number that
// changes when the ID is reused, so the check is sound without the handle.

// maxReadAttempts bounds the retries of a reader racing writers: each
// retry means a whole change was committed meanwhile, and writers take a
// lock, so 20 in a row means something other than qscert rewrites the
// bundle in a loop.
const maxReadAttempts = 20

var errKeptChanging = errors.New("the store kept changing while it was read")

// afterBundleRead, when a test sets it, runs between reading the bundle and
// reading the key files: a pause there widens the window in which a writer
// can commit, which the reader test needs to see the check at work.
var afterBundleRead func()

// bundleCert is one certificate of a bundle.
type bundleCert struct {
	der        []byte
	thumbprint string
	headerName string // the Friendly-Name header of a bundle written before friendly-names.json
}

// snapshot is a location as one reader saw it.
type snapshot struct {
	certs       []bundleCert
	keys        map[string]bool   // thumbprints with a key file
	names       map[string]string // friendly-names.json; may be stale or missing
	headerNames bool              // the bundle still has Friendly-Name headers
}

func (s *snapshot) find(thumbprint string) int {
	for i, c := range s.certs {
		if c.thumbprint == thumbprint {
			return i
		}
	}
	return -1
}

// name is a certificate's friendly name: friendly-names.json's when it has
// one for it, else the header an older qscert wrote.
func (s *snapshot) name(c bundleCert) string {
	if n, ok := s.names[c.thumbprint]; ok {
		return n
	}
	return c.headerName
}

// mergedNames are the names of the listed certificates, headers included,
// for writing friendly-names.json before a header-less bundle.
func (s *snapshot) mergedNames() map[string]string {
	out := make(map[string]string, len(s.certs))
	for _, c := range s.certs {
		if n := s.name(c); n != "" {
			out[c.thumbprint] = n
		}
	}
	return out
}

// read returns a consistent snapshot of loc; a location never written to is
// empty. within, when not nil, runs inside the consistency window (it reads
// a key file the snapshot must agree with).
func (f *Folder) read(loc Location, within func(*snapshot) error) (*snapshot, error) {
	for attempt := 0; attempt < maxReadAttempts; attempt++ {
		if attempt > 0 {
			// Let the writer finish its next step rather than race it.
			time.Sleep(time.Duration(attempt) * time.Millisecond)
		}
		snap, same, err := f.readOnce(loc, within)
		if err != nil {
			return nil, f.failed(loc, err)
		}
		if same {
			return snap, nil
		}
	}
	return nil, f.errorf(CodeStoreFailed, loc, errKeptChanging, "detail", errKeptChanging.Error())
}

func (f *Folder) readOnce(loc Location, within func(*snapshot) error) (*snapshot, bool, error) {
	dir := f.dir(loc)
	path := filepath.Join(dir, bundleName)
	snap := &snapshot{keys: map[string]bool{}, names: map[string]string{}}
	var held fs.FileInfo // the bundle this read holds open
	file, err := boundedfile.Open(path)
	switch {
	case err == nil:
		closed := false
		defer func() {
			if !closed {
				file.Close()
			}
		}()
		if held, err = file.Stat(); err != nil {
			return nil, false, err
		}
		data, err := boundedfile.ReadOpen(file, path, maxBundleSize)
		if err != nil {
			return nil, false, err
		}
		if closeBundleEarly {
			closed = true
			file.Close()
		}
		snap.certs, snap.headerNames = parseBundle(data)
	case !boundedfile.IsNotExist(err):
		return nil, false, err
	}
	if afterBundleRead != nil {
		afterBundleRead()
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	for _, d := range entries {
		if name := d.Name(); strings.HasSuffix(name, keyExt) && !strings.HasPrefix(name, tempPrefix) {
			snap.keys[strings.TrimSuffix(name, keyExt)] = true
		}
	}
	snap.names = f.readNames(loc)
	if within != nil {
		if err := within(snap); err != nil {
			return nil, false, err
		}
	}
	now, err := os.Stat(path)
	if held == nil {
		return snap, errors.Is(err, fs.ErrNotExist), nil
	}
	return snap, err == nil && os.SameFile(held, now), nil
}

// parseBundle returns the CERTIFICATE blocks of a bundle, and whether any
// still carries a Friendly-Name header.
func parseBundle(data []byte) ([]bundleCert, bool) {
	data, names := maskHeaderNames(data)
	var certs []bundleCert
	headers := false
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return certs, headers
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c := bundleCert{der: b.Bytes, thumbprint: qlik.ThumbprintOfDER(b.Bytes)}
		if n, ok := b.Headers[friendlyNameHeader]; ok {
			c.headerName, headers = headerName(n, names), true
		}
		certs = append(certs, c)
	}
}

// load reads a certificate of the store and its key, if any.
func (f *Folder) load(loc Location, thumbprint string) (*x509.Certificate, crypto.PrivateKey, error) {
	if err := f.Check(loc, false); err != nil {
		return nil, nil, err
	}
	var keyData []byte
	var keyErr error
	snap, err := f.read(loc, func(s *snapshot) error {
		keyData, keyErr = nil, nil
		if s.find(thumbprint) >= 0 {
			keyData, keyErr = boundedfile.Read(f.keyPath(loc, thumbprint), maxKeySize)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	i := snap.find(thumbprint)
	if i < 0 {
		return nil, nil, f.errorf(CodeCertNotFound, loc, nil, "thumbprint", thumbprint)
	}
	cert, err := x509.ParseCertificate(snap.certs[i].der)
	if err != nil {
		return nil, nil, f.errorf(CodeStoreFailed, loc, err, "detail", err.Error())
	}
	if boundedfile.IsNotExist(keyErr) {
		return cert, nil, nil
	}
	if keyErr != nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, keyErr, "thumbprint", thumbprint)
	}
	keyBlock, _ := pem.Decode(keyData)
	if keyBlock == nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, errors.New("damaged key file"), "thumbprint", thumbprint)
	}
	key, err := x509.ParsePKCS8PrivateKey(keyBlock.Bytes)
	if err != nil {
		return nil, nil, f.errorf(CodeKeyUnreadable, loc, err, "thumbprint", thumbprint)
	}
	return cert, key, nil
}
