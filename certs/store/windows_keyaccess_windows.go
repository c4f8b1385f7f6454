package store

import (
	"bytes"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
	"qscert/certs/store/internal/winkey"
)

var _ KeyAccessGranter = (*windowsStore)(nil)

const (
	// FILE_GENERIC_READ (READ_CONTROL | SYNCHRONIZE | FILE_READ_DATA |
	// FILE_READ_EA | FILE_READ_ATTRIBUTES): what certlm.msc's "Read"
	// writes for a private key; both CNG and CryptoAPI keep a machine key
	// as a file, and the key's DACL is that file's.
	keyRead      = 0x00120089
	fileReadData = 0x0001 // FILE_READ_DATA: the bit that lets a key be used

	ppKeysetSecDescr = 8 // PP_KEYSET_SEC_DESCR
)

// ncryptSecurityDescrProperty is NCRYPT_SECURITY_DESCR_PROPERTY.
var ncryptSecurityDescrProperty = windows.StringToUTF16Ptr("Security Descr")

// keySecurity reads and writes one key's DACL.
type keySecurity interface {
	// get returns a self-relative SECURITY_DESCRIPTOR with the parts
	// info names (DACL_SECURITY_INFORMATION, ...).
	get(info windows.SECURITY_INFORMATION) ([]byte, error)
	set(sd []byte) error
	close()
}

// GrantKeyRead implements KeyAccessGranter.
func (w *windowsStore) GrantKeyRead(loc Location, thumbprint, sid string) (func() error, error) {
	who, err := parseSID(sid)
	if err != nil {
		return nil, err
	}
	ks, err := w.keySecurityOf(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	defer ks.close()
	old, err := ks.get(windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return nil, keyAccessFailed(loc, thumbprint, "reading the key's security descriptor", err)
	}
	sd, err := withReadACE(old, who)
	if err != nil {
		return nil, keyAccessFailed(loc, thumbprint, "adding the ACE", err)
	}
	if err := ks.set(sd); err != nil {
		return nil, keyAccessFailed(loc, thumbprint, "writing the key's security descriptor", err)
	}
	undo := func() error {
		ks, err := w.keySecurityOf(loc, thumbprint)
		if err != nil {
			return err
		}
		defer ks.close()
		if err := ks.set(old); err != nil {
			return keyAccessFailed(loc, thumbprint, "restoring the key's security descriptor", err)
		}
		return nil
	}
	return undo, nil
}

// CanRead implements KeyAccessGranter.
func (w *windowsStore) CanRead(loc Location, thumbprint, sid string) (bool, error) {
	who, err := parseSID(sid)
	if err != nil {
		return false, err
	}
	ks, err := w.keySecurityOf(loc, thumbprint)
	if err != nil {
		return false, err
	}
	defer ks.close()
	// An access check needs the owner and group too.
	sd, err := ks.get(windows.OWNER_SECURITY_INFORMATION | windows.GROUP_SECURITY_INFORMATION | windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return false, keyAccessFailed(loc, thumbprint, "reading the key's security descriptor", err)
	}
	granted, err := accessFor(who, sd)
	if err != nil {
		return false, keyAccessFailed(loc, thumbprint, "the access check", err)
	}
	return granted&fileReadData != 0, nil
}

// KeySecurityDescriptor returns the key's security descriptor as SDDL,
// for tests and the support report.
func (w *windowsStore) KeySecurityDescriptor(loc Location, thumbprint string) (string, error) {
	ks, err := w.keySecurityOf(loc, thumbprint)
	if err != nil {
		return "", err
	}
	defer ks.close()
	b, err := ks.get(windows.OWNER_SECURITY_INFORMATION | windows.GROUP_SECURITY_INFORMATION | windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return "", keyAccessFailed(loc, thumbprint, "reading the key's security descriptor", err)
	}
	return sdOf(b).String(), nil
}

func parseSID(s string) (*windows.SID, error) {
	sid, err := windows.StringToSid(s)
	if err != nil {
		return nil, coded.New(CodeBadSID, err, "sid", s)
	}
	return sid, nil
}

func keyAccessFailed(loc Location, thumbprint, op string, err error) error {
	if isAccessDenied(err) {
		return coded.New(CodeStoreAccessDenied, err, "store", "windows", "location", loc.String(),
			"thumbprint", thumbprint, "detail", detail(op, err))
	}
	return coded.New(CodeStoreFailed, err, "location", loc.String(), "thumbprint", thumbprint, "detail", detail(op, err))
}

// keySecurityOf opens the machine key of the certificate, through the
// container its CERT_KEY_PROV_INFO_PROP_ID names (containerOf).
func (w *windowsStore) keySecurityOf(loc Location, thumbprint string) (keySecurity, error) {
	h, err := w.open(loc, forReading)
	if err != nil {
		return nil, err
	}
	defer windows.CertCloseStore(h, 0)
	ctx, err := find(h, loc, thumbprint)
	if err != nil {
		return nil, err
	}
	defer windows.CertFreeCertificateContext(ctx)
	k := containerOf(ctx)
	if k == nil {
		return nil, coded.New(CodeNoKey, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	if !k.machine() {
		return nil, coded.New(CodeKeyNotMachine, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	var ks keySecurity
	if k.ProvType == 0 {
		ks, err = openCNGSecurity(k)
	} else {
		ks, err = openCAPISecurity(k)
	}
	if err != nil {
		if isNotFound(err) {
			return nil, coded.New(CodeNoKey, err, "thumbprint", thumbprint, "location", loc.String(),
				"detail", detail("opening the key", err))
		}
		return nil, keyAccessFailed(loc, thumbprint, "opening the key", err)
	}
	return ks, nil
}

// cngSecurity is a CNG key's NCRYPT_SECURITY_DESCR_PROPERTY.
type cngSecurity struct{ prov, key windows.Handle }

func openCNGSecurity(k *keyContainer) (*cngSecurity, error) {
	name, err := windows.UTF16PtrFromString(k.Name)
	if err != nil {
		return nil, err
	}
	var prov *uint16
	if k.Provider != "" {
		if prov, err = windows.UTF16PtrFromString(k.Provider); err != nil {
			return nil, err
		}
	}
	c := &cngSecurity{}
	if err := nCryptOpenStorageProvider(&c.prov, prov, 0); err != nil {
		return nil, err
	}
	if err := nCryptOpenKey(c.prov, &c.key, name, k.KeySpec, ncryptMachineKeyFlag|ncryptSilentFlag); err != nil {
		nCryptFreeObject(c.prov)
		return nil, err
	}
	return c, nil
}

func (c *cngSecurity) get(info windows.SECURITY_INFORMATION) ([]byte, error) {
	var size uint32
	// dwFlags: the SECURITY_INFORMATION wanted.
	if err := winkey.NCryptGetProperty(c.key, ncryptSecurityDescrProperty, nil, 0, &size, uint32(info)); err != nil {
		return nil, err
	}
	if size == 0 || size > 1<<20 {
		return nil, fmt.Errorf("a security descriptor of %d bytes", size)
	}
	b := make([]byte, size)
	if err := winkey.NCryptGetProperty(c.key, ncryptSecurityDescrProperty, &b[0], size, &size, uint32(info)); err != nil {
		return nil, err
	}
	return b[:size], nil
}

func (c *cngSecurity) set(sd []byte) error {
	return winkey.NCryptSetProperty(c.key, ncryptSecurityDescrProperty, &sd[0], uint32(len(sd)), windows.DACL_SECURITY_INFORMATION)
}

func (c *cngSecurity) close() {
	nCryptFreeObject(c.key)
	nCryptFreeObject(c.prov)
}

// capiSecurity is a CryptoAPI key set's PP_KEYSET_SEC_DESCR: the
// provider applies it to the key set's file in MachineKeys.
type capiSecurity struct{ h windows.Handle }

func openCAPISecurity(k *keyContainer) (*capiSecurity, error) {
	name, err := windows.UTF16PtrFromString(k.Name)
	if err != nil {
		return nil, err
	}
	prov, err := windows.UTF16PtrFromString(k.Provider)
	if err != nil {
		return nil, err
	}
	c := &capiSecurity{}
	// CRYPT_MACHINE_KEYSET: the machine's key set. CRYPT_SILENT: no UI.
	if err := windows.CryptAcquireContext(&c.h, name, prov, k.ProvType, windows.CRYPT_MACHINE_KEYSET|windows.CRYPT_SILENT); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *capiSecurity) get(info windows.SECURITY_INFORMATION) ([]byte, error) {
	var size uint32
	if err := winkey.CryptGetProvParam(c.h, ppKeysetSecDescr, nil, &size, uint32(info)); err != nil {
		return nil, err
	}
	if size == 0 || size > 1<<20 {
		return nil, fmt.Errorf("a security descriptor of %d bytes", size)
	}
	b := make([]byte, size)
	if err := winkey.CryptGetProvParam(c.h, ppKeysetSecDescr, &b[0], &size, uint32(info)); err != nil {
		return nil, err
	}
	return b[:size], nil
}

func (c *capiSecurity) set(sd []byte) error {
	return winkey.CryptSetProvParam(c.h, ppKeysetSecDescr, &sd[0], windows.DACL_SECURITY_INFORMATION)
}

func (c *capiSecurity) close() { windows.CryptReleaseContext(c.h, 0) }

// sdOf views b as a self-relative SECURITY_DESCRIPTOR.
func sdOf(b []byte) *windows.SECURITY_DESCRIPTOR {
	return (*windows.SECURITY_DESCRIPTOR)(unsafe.Pointer(&b[0]))
}

// withReadACE returns old with an allow ACE for sid (FILE_GENERIC_READ)
// merged into its DACL (SetEntriesInAcl, which keeps deny ACEs first and
// does nothing when the same grant is there), keeping the DACL's
// protection flag.
func withReadACE(old []byte, sid *windows.SID) ([]byte, error) {
	sd := sdOf(bytes.Clone(old))
	if !sd.IsValid() {
		return nil, errors.New("not a valid security descriptor")
	}
	dacl, _, err := sd.DACL()
	if err != nil && !errors.Is(err, windows.ERROR_OBJECT_NOT_FOUND) {
		return nil, err
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: keyRead,
		AccessMode:        windows.GRANT_ACCESS,
		Inheritance:       windows.NO_INHERITANCE,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_UNKNOWN,
			TrusteeValue: windows.TrusteeValueFromSID(sid),
		},
	}}, dacl)
	if err != nil {
		return nil, err
	}
	abs, err := windows.NewSecurityDescriptor()
	if err != nil {
		return nil, err
	}
	if err := abs.SetDACL(acl, true, false); err != nil {
		return nil, err
	}
	// Owner and group are copied when old has them. Windows returns none
	// for DACL_SECURITY_INFORMATION and sets only the DACL; Wine 8's
	// CryptGetProvParam returns the whole descriptor and
	// CryptSetProvParam sets whatever it is given, so a descriptor
	// without them would change the key's owner there.
	if owner, _, err := sd.Owner(); err == nil && owner != nil {
		if err := abs.SetOwner(owner, false); err != nil {
			return nil, err
		}
	}
	if group, _, err := sd.Group(); err == nil && group != nil {
		if err := abs.SetGroup(group, false); err != nil {
			return nil, err
		}
	}
	if control, _, err := sd.Control(); err == nil && control&windows.SE_DACL_PROTECTED != 0 {
		if err := abs.SetControl(windows.SE_DACL_PROTECTED, windows.SE_DACL_PROTECTED); err != nil {
			return nil, err
		}
	}
	rel, err := abs.ToSelfRelative()
	if err != nil {
		return nil, err
	}
	return bytes.Clone(unsafe.Slice((*byte)(unsafe.Pointer(rel)), rel.Length())), nil
}
