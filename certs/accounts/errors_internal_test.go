package accounts

import (
	"errors"
	"testing"

	"qscert/certs/coded"
)

// The mapping of Win32 logon errors, which Wine cannot produce (its
// LogonUserW accepts any password), to the codes users see.
func TestLogonErrorCodes(t *testing.T) {
	a := Account{Name: `CORP\svc_qlik`}
	for errno, want := range map[uint32]coded.Code{
		errorLogonFailure: CodeLogonFailed, errorAccountLockedOut: CodeLogonFailed, errorPasswordExpired: CodeLogonFailed,
		errorAccountDisabled: CodeLogonFailed, errorLogonTypeNotGranted: CodeLogonDenied,
		errorPrivilegeNotHeld: CodeRunFailed, 5: CodeRunFailed,
	} {
		err := logonError(a, "LogonUser", errno, "Windows says no", errors.New("x"))
		if coded.CodeOf(err) != want {
			t.Errorf("errno %d: %v, want %s", errno, err, want)
		}
		if e := coded.As(err); e.Params["account"] != a.Name || e.Params["detail"] == "" {
			t.Errorf("errno %d: params %v", errno, e.Params)
		}
	}
	if coded.CodeOf(servicesFailed("OpenSCManager", errors.New("Access is denied."))) != CodeServicesFailed {
		t.Error("servicesFailed")
	}
}
