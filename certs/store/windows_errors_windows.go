package store

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// Errors from crypt32 and CNG, turned into coded errors. Callers decide on
// the code; detail keeps the operation and the Win32 text for the support
// report.

// errnoOf returns the Win32 or HRESULT code in err, or 0.
func errnoOf(err error) windows.Errno {
	var e windows.Errno
	if errors.As(err, &e) {
		return e
	}
	return 0
}

// isNotFound reports errors that mean "there is no such thing": the end of
// an enumeration, a certificate or property that is absent, a missing
// store or key container. They are answers, not failures.
func isNotFound(err error) bool {
	switch errnoOf(err) {
	case windows.Errno(windows.CRYPT_E_NOT_FOUND), // CRYPT_E_NOT_FOUND
		errorNoMoreFiles,                               // ERROR_NO_MORE_FILES
		windows.ERROR_FILE_NOT_FOUND,                   // a system store that does not exist
		windows.Errno(windows.NTE_NOT_FOUND),           // NTE_NOT_FOUND
		windows.Errno(windows.NTE_BAD_KEYSET),          // NTE_BAD_KEYSET: no such key container
		windows.Errno(windows.CRYPT_E_NO_KEY_PROPERTY): // CRYPT_E_NO_KEY_PROPERTY
		return true
	}
	return false
}

// isAccessDenied reports the errors Windows gives a user who may not open
// a store or use a key.
func isAccessDenied(err error) bool {
	switch errnoOf(err) {
	case windows.ERROR_ACCESS_DENIED, eAccessDenied, windows.Errno(windows.NTE_PERM):
		return true
	}
	return false
}

// detail is the text kept in a coded error's "detail" parameter: the
// operation, Windows' message and the code in hex, which is what a support
// engineer searches for (Wine and older Windows have no text for some
// HRESULTs).
func detail(op string, err error) string {
	if e := errnoOf(err); e != 0 {
		msg := strings.TrimSpace(e.Error())
		return fmt.Sprintf("%s: %s (0x%08X)", op, msg, uint32(e))
	}
	return op + ": " + err.Error()
}

// failed wraps an unexpected Win32 failure as store-failed.
func failed(loc Location, op string, err error) error {
	return coded.New(CodeStoreFailed, err, "store", "windows", "location", loc.String(), "detail", detail(op, err))
}

// openFailed maps a CertOpenStore failure to what the user can act on.
func openFailed(loc Location, err error) error {
	code := CodeStoreFailed
	switch {
	case isAccessDenied(err):
		code = CodeStoreAccessDenied
	case isNotFound(err):
		code = CodeStoreMissing
	}
	return coded.New(code, err, "store", "windows", "location", loc.String(), "detail", detail("CertOpenStore", err))
}

// notFound is cert-not-found for thumbprint in loc.
func notFound(loc Location, thumbprint string) error {
	return coded.New(CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
}
