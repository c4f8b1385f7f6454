package install

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"qscert/certs/qlik"
	"qscert/certs/store"
)

// ManifestName is the file that describes a backup folder.
const ManifestName = "manifest.json"

// manifestVersion is the layout written. Version 1 (qscert 0.1) had no MAC
// and is refused: nothing in it can be trusted.
const manifestVersion = 2

// manifestMaxIterations bounds the count a manifest may ask for: far more
// would keep qscert busy for minutes.
const manifestMaxIterations = 4 * KDFIterations

// Manifest describes a backup: what one change (an install or a restore)
// removed, each certificate in a password-protected PFX file, and what it
// added. Restoring it puts the locations the change touched back exactly as
// they were: what it added is removed, what it removed comes back, nothing
// else is touched. It is authenticated with an HMAC keyed from the backup
// password, so that an edited location, a copied or deleted entry, or a
// swapped PFX is refused before anything changes.
type Manifest struct {
	Version   int             `json:"version"`
	CreatedAt time.Time       `json:"createdAt"`
	Store     string          `json:"store"`
	KDF       KDF             `json:"kdf"`
	Entries   []ManifestEntry `json:"entries"` // removed by the change, each with its PFX
	Added     []AddedEntry    `json:"added"`   // added by the change
	// Check tells a wrong password (Check differs) from a changed manifest
	// (Check agrees, MAC does not). It is derived from the same key as the
	// MAC and reveals no more than the MAC does.
	Check string `json:"check"`
	MAC   string `json:"mac"`
}

// KDF is how the manifest's key is derived from the backup password.
type KDF struct {
	Algorithm  string `json:"algorithm"` // "pbkdf2-sha256"
	Salt       []byte `json:"salt"`
	Iterations int    `json:"iterations"`
}

// ManifestEntry is one certificate the change removed.
type ManifestEntry struct {
	Location      store.Location `json:"location"`
	Thumbprint    string         `json:"thumbprint"`
	Subject       string         `json:"subject"`
	Issuer        string         `json:"issuer"`
	NotAfter      time.Time      `json:"notAfter"`
	Role          qlik.Role      `json:"role,omitempty"`
	FriendlyName  string         `json:"friendlyName,omitempty"`
	HasPrivateKey bool           `json:"hasPrivateKey"`
	File          string         `json:"file"`
	FileSHA256    string         `json:"fileSha256"`
}

// AddedEntry is one certificate the change added.
type AddedEntry struct {
	Location   store.Location `json:"location"`
	Thumbprint string         `json:"thumbprint"`
	Subject    string         `json:"subject"`
	Role       qlik.Role      `json:"role,omitempty"`
}

// ID names the certificate.
func (e ManifestEntry) ID() store.CertID {
	return store.CertID{Location: e.Location, Thumbprint: e.Thumbprint}
}

// ID names the certificate.
func (e AddedEntry) ID() store.CertID {
	return store.CertID{Location: e.Location, Thumbprint: e.Thumbprint}
}

// manifestKeys derives the MAC key and the check value from the password.
func manifestKeys(password string, kdf KDF) (macKey []byte, check string, err error) {
	if kdf.Algorithm != "pbkdf2-sha256" || len(kdf.Salt) < 16 ||
		kdf.Iterations < kdfIterations() || kdf.Iterations > manifestMaxIterations {
		return nil, "", fmt.Errorf("unsupported key derivation %s/%d", kdf.Algorithm, kdf.Iterations)
	}
	k, err := pbkdf2.Key(sha256.New, password, kdf.Salt, kdf.Iterations, 64)
	if err != nil {
		return nil, "", err
	}
	return k[:32], hex.EncodeToString(k[32:]), nil
}

// seal sets the KDF, the check value and the MAC.
func (m *Manifest) seal(password string) error {
	m.Version = manifestVersion
	m.KDF = KDF{Algorithm: "pbkdf2-sha256", Salt: make([]byte, 16), Iterations: kdfIterations()}
	if _, err := rand.Read(m.KDF.Salt); err != nil {
		return err
	}
	key, check, err := manifestKeys(password, m.KDF)
	if err != nil {
		return err
	}
	m.Check = check
	m.MAC, err = m.mac(key)
	return err
}

// mac is HMAC-SHA256 over the manifest's JSON with MAC empty. Go encodes
// a struct's fields in their declared order, so the bytes are the same
// when read back.
func (m Manifest) mac(key []byte) (string, error) {
	m.MAC = ""
	data, err := json.Marshal(m)
	if err != nil {
		return "", err
	}
	h := hmac.New(sha256.New, key)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// verify checks the password, then the MAC.
func (m *Manifest) verify(password string) (wrongPassword bool, err error) {
	if m.Version != manifestVersion {
		return false, fmt.Errorf("manifest version %d", m.Version)
	}
	key, check, err := manifestKeys(password, m.KDF)
	if err != nil {
		return false, err
	}
	if !hmac.Equal([]byte(check), []byte(m.Check)) {
		return true, fmt.Errorf("the password does not open this backup")
	}
	want, err := m.mac(key)
	if err != nil {
		return false, err
	}
	if !hmac.Equal([]byte(want), []byte(m.MAC)) {
		return false, fmt.Errorf("the manifest was changed after it was written")
	}
	return false, nil
}
