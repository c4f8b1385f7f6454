//go:build windows

package store

import (
	"crypto"
	"crypto/x509"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// AddNonExportable adds cert and key to loc with a key Windows will not
// export (PFXImportCertStore without CRYPT_EXPORTABLE), as a certificate
// imported by hand with "Mark this key as exportable" unticked.
func AddNonExportable(s Store, loc Location, cert *x509.Certificate, key crypto.PrivateKey, name string) error {
	return s.(*windowsStore).add(loc, cert, key, name, 0)
}

// KeyContainerOf returns the name and provider of the key container the
// certificate at loc points at, for tests that check keys do not pile up.
func KeyContainerOf(t *testing.T, loc Location, thumbprint string) (name string, exists func() bool) {
	t.Helper()
	h, _, err := openSystem(loc, forReading)
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CertCloseStore(h, 0)
	ctx, err := find(h, loc, thumbprint)
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CertFreeCertificateContext(ctx)
	k := containerOf(ctx)
	if k == nil {
		t.Fatalf("%s in %s has no key container", thumbprint, loc)
	}
	return k.Name, func() bool {
		// Open the container as the certificate would: CryptoAPI for a
		// CryptoAPI key (CRYPT_SILENT, the machine key set if it is one).
		if k.ProvType == 0 {
			t.Fatal("CNG key containers are not checked here")
		}
		name, _ := windows.UTF16PtrFromString(k.Name)
		prov, _ := windows.UTF16PtrFromString(k.Provider)
		flags := uint32(windows.CRYPT_SILENT)
		if k.machine() {
			flags |= windows.CRYPT_MACHINE_KEYSET
		}
		var p windows.Handle
		err := windows.CryptAcquireContext(&p, name, prov, k.ProvType, flags)
		if err == nil {
			windows.CryptReleaseContext(p, 0)
			return true
		}
		if !isNotFound(err) {
			t.Fatalf("opening key container %s: %v", k.Name, err)
		}
		return false
	}
}

func TestWindowsMissingStores(t *testing.T) {
	for _, loc := range []Location{{LocalMachine, "QscertNoSuchStore"}, {CurrentUser, "QscertNoSuchStore"}} {
		// A store that does not exist yet is empty, for reading and for
		// changing, and is not created by looking at it.
		for _, mode := range []openMode{forReading, forChanging} {
			h, missing, err := openSystem(loc, mode)
			if err != nil || !missing {
				t.Fatalf("open %s (mode %d): missing=%v err=%v", loc, mode, missing, err)
			}
			if ctx, err := windows.CertEnumCertificatesInStore(h, nil); ctx != nil || !isNotFound(err) {
				t.Fatalf("missing store %s not empty: %v", loc, err)
			}
			windows.CertCloseStore(h, 0)
		}
		if err := canCreate(loc); err != nil {
			t.Fatalf("canCreate(%s): %v", loc, err)
		}
		name, _ := windows.UTF16PtrFromString(loc.Name)
		if h, err := windows.CertOpenStore(windows.CERT_STORE_PROV_SYSTEM_REGISTRY_W, 0, 0,
			scopeFlag(loc)|windows.CERT_STORE_OPEN_EXISTING_FLAG|windows.CERT_STORE_READONLY_FLAG,
			uintptr(unsafe.Pointer(name))); err == nil {
			windows.CertCloseStore(h, 0)
			t.Fatalf("looking at the missing store %s created it", loc)
		}
	}
}

// The mapping of Win32 errors Wine cannot produce (it has no ACLs) to the
// codes users see.
func TestWindowsErrorCodes(t *testing.T) {
	loc := LocalMachineMy
	cases := []struct {
		err  error
		fn   func(error) error
		want coded.Code
	}{
		{windows.ERROR_ACCESS_DENIED, func(e error) error { return openFailed(loc, e) }, CodeStoreAccessDenied},
		{eAccessDenied, func(e error) error { return openFailed(loc, e) }, CodeStoreAccessDenied},
		{windows.ERROR_FILE_NOT_FOUND, func(e error) error { return openFailed(loc, e) }, CodeStoreMissing},
		{windows.ERROR_INVALID_PARAMETER, func(e error) error { return openFailed(loc, e) }, CodeStoreFailed},
		{windows.Errno(windows.NTE_BAD_KEY_STATE), func(e error) error { return exportFailed(loc, "AB", e) }, CodeKeyNotExportable},
		{windows.Errno(windows.NTE_NOT_SUPPORTED), func(e error) error { return exportFailed(loc, "AB", e) }, CodeKeyNotExportable},
		{windows.ERROR_ACCESS_DENIED, func(e error) error { return exportFailed(loc, "AB", e) }, CodeKeyUnreadable},
		{windows.ERROR_INVALID_PARAMETER, func(e error) error { return exportFailed(loc, "AB", e) }, CodeStoreFailed},
	}
	for _, c := range cases {
		err := c.fn(c.err)
		if got := coded.CodeOf(err); got != c.want {
			t.Errorf("%v: code %q, want %q", c.err, got, c.want)
		}
		e := coded.As(err)
		if e == nil || e.Params["location"] != loc.String() || !strings.Contains(e.Params["detail"], "(0x") {
			t.Errorf("%v: params %v lack the location or the Win32 code", c.err, e)
		}
	}
	if !isStub(windows.Errno(syscall.EINVAL)) || isStub(windows.ERROR_ACCESS_DENIED) {
		t.Error("isStub misjudges")
	}
}

// FillStore adds certs to loc through one store handle and one commit.
// Benchmarks need a big store, and Add, which opens the store each time,
// takes about half a second per certificate under Wine once a store holds
// a thousand.
func FillStore(loc Location, certs []*x509.Certificate) error {
	h, _, err := openSystem(loc, forAdding)
	if err != nil {
		return err
	}
	defer windows.CertCloseStore(h, 0)
	for _, c := range certs {
		ctx, err := windows.CertCreateCertificateContext(encodingX509PKCS7, &c.Raw[0], uint32(len(c.Raw)))
		if err != nil {
			return err
		}
		err = put(h, ctx)
		windows.CertFreeCertificateContext(ctx)
		if err != nil {
			return err
		}
	}
	return commit(h, loc)
}

// EmptyStore removes the certificates with those thumbprints from loc
// through one store handle and one commit.
func EmptyStore(loc Location, thumbprints []string) error {
	h, _, err := openSystem(loc, forChanging)
	if err != nil {
		return err
	}
	defer windows.CertCloseStore(h, 0)
	for _, tp := range thumbprints {
		ctx, err := find(h, loc, tp)
		if err != nil {
			return err
		}
		if err := windows.CertDeleteCertificateFromStore(ctx); err != nil {
			return err
		}
	}
	return commit(h, loc)
}

// The Wine workarounds run only under Wine: tools/wine/test-windows.sh sets
// WINEPREFIX, which Wine passes to the program; a real Windows test run
// has no such variable and must take the Windows paths.
func TestWineIsDetectedOnlyUnderWine(t *testing.T) {
	if want := os.Getenv("WINEPREFIX") != ""; onWine() != want {
		t.Fatalf("onWine() = %v, want %v", onWine(), want)
	}
}
