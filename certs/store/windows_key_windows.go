package store

import (
	"fmt"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// keyContainer is where a certificate's private key lives, read from its
// CERT_KEY_PROV_INFO_PROP_ID property.
type keyContainer struct {
	Name     string
	Provider string
	ProvType uint32 // 0 for a CNG key storage provider, else a CryptoAPI provider type
	Flags    uint32 // CRYPT_MACHINE_KEYSET / NCRYPT_MACHINE_KEY_FLAG for a machine key
	KeySpec  uint32
}

// containerOf returns the key container ctx points at, or nil when it has
// none.
func containerOf(ctx *windows.CertContext) *keyContainer {
	b, err := property(ctx, certKeyProvInfoPropID)
	if err != nil || len(b) < int(unsafe.Sizeof(cryptKeyProvInfo{})) {
		return nil
	}
	// The buffer holds the structure followed by the strings it points
	// into; copy the strings out before b can go.
	info := (*cryptKeyProvInfo)(unsafe.Pointer(&b[0]))
	k := &keyContainer{
		Name:     windows.UTF16PtrToString(info.ContainerName),
		Provider: windows.UTF16PtrToString(info.ProvName),
		ProvType: info.ProvType,
		Flags:    info.Flags,
		KeySpec:  info.KeySpec,
	}
	if k.Name == "" {
		return nil
	}
	return k
}

// machine reports whether the container is in the machine key set.
func (k *keyContainer) machine() bool { return k.Flags&ncryptMachineKeyFlag != 0 }

// same reports whether o names the same container as k. Windows compares
// container and provider names without regard to case.
func (k *keyContainer) same(o *keyContainer) bool {
	return o != nil && o.machine() == k.machine() && o.ProvType == k.ProvType &&
		strings.EqualFold(o.Name, k.Name) && strings.EqualFold(o.Provider, k.Provider)
}

// delete removes the key container. A container already gone counts as
// deleted.
func (k *keyContainer) delete() error {
	name, err := windows.UTF16PtrFromString(k.Name)
	if err != nil {
		return err
	}
	var prov *uint16
	if k.Provider != "" {
		if prov, err = windows.UTF16PtrFromString(k.Provider); err != nil {
			return err
		}
	}
	if k.ProvType == 0 {
		err = k.deleteCNG(name, prov)
	} else {
		var h windows.Handle
		flags := uint32(windows.CRYPT_DELETEKEYSET | windows.CRYPT_SILENT) // CRYPT_DELETEKEYSET: delete, h stays unset
		if k.machine() {
			flags |= windows.CRYPT_MACHINE_KEYSET
		}
		err = windows.CryptAcquireContext(&h, name, prov, k.ProvType, flags)
	}
	if err != nil && isNotFound(err) {
		return nil
	}
	return err
}

func (k *keyContainer) deleteCNG(name, prov *uint16) error {
	var p windows.Handle
	if err := nCryptOpenStorageProvider(&p, prov, 0); err != nil {
		return err
	}
	defer nCryptFreeObject(p)
	flags := uint32(ncryptSilentFlag) // NCRYPT_SILENT_FLAG: never show UI
	if k.machine() {
		flags |= ncryptMachineKeyFlag // NCRYPT_MACHINE_KEY_FLAG
	}
	var key windows.Handle
	if err := nCryptOpenKey(p, &key, name, k.KeySpec, flags); err != nil {
		return err
	}
	// NCryptDeleteKey frees the handle when it succeeds.
	if err := nCryptDeleteKey(key, 0); err != nil {
		nCryptFreeObject(key)
		return err
	}
	return nil
}

// discardKey deletes the key container ctx points at unless a certificate
// in the stores still uses it: the clean-up after an add that failed, so
// that no orphan key is left behind. The error is for the caller to join
// to the add's own.
func (w *windowsStore) discardKey(ctx *windows.CertContext) error {
	if k := containerOf(ctx); k != nil && !w.containerInUse(k) {
		if err := k.delete(); err != nil {
			return fmt.Errorf("deleting the new key container %s: %w", k.Name, err)
		}
	}
	return nil
}
