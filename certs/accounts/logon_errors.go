package accounts

import (
	"fmt"
	"strings"

	"qscert/certs/coded"
)

// Win32 errors of a logon (winerror.h), and what the administrator can do
// about each.
const (
	errorPrivilegeNotHeld    = 1314 // ERROR_PRIVILEGE_NOT_HELD: qscert is not elevated (SeImpersonatePrivilege)
	errorLogonFailure        = 1326 // ERROR_LOGON_FAILURE: unknown user name or bad password
	errorAccountRestriction  = 1327 // ERROR_ACCOUNT_RESTRICTION: e.g. a blank password
	errorInvalidLogonHours   = 1328 // ERROR_INVALID_LOGON_HOURS
	errorInvalidWorkstation  = 1329 // ERROR_INVALID_WORKSTATION
	errorPasswordExpired     = 1330 // ERROR_PASSWORD_EXPIRED
	errorAccountDisabled     = 1331 // ERROR_ACCOUNT_DISABLED
	errorLogonTypeNotGranted = 1385 // ERROR_LOGON_TYPE_NOT_GRANTED: no "Log on as a service/batch job/locally" right
	errorAccountExpired      = 1793 // ERROR_ACCOUNT_EXPIRED
	errorPasswordMustChange  = 1907 // ERROR_PASSWORD_MUST_CHANGE
	errorAccountLockedOut    = 1909 // ERROR_ACCOUNT_LOCKED_OUT
)

// logonError maps a failed logon or process creation as a to its code.
// message is Windows' own text for errno (in the machine's language).
func logonError(a Account, op string, errno uint32, message string, cause error) error {
	detail := fmt.Sprintf("%s: %s (%d)", op, strings.TrimSpace(message), errno)
	switch errno {
	case errorLogonFailure, errorAccountRestriction, errorInvalidLogonHours, errorInvalidWorkstation,
		errorPasswordExpired, errorAccountDisabled, errorAccountExpired, errorPasswordMustChange, errorAccountLockedOut:
		return coded.New(CodeLogonFailed, cause, "account", a.Name, "detail", detail)
	case errorLogonTypeNotGranted:
		return coded.New(CodeLogonDenied, cause, "account", a.Name, "detail", detail)
	case errorPrivilegeNotHeld:
		return coded.New(CodeRunFailed, cause, "account", a.Name,
			"detail", detail+"; run qscert as administrator")
	}
	return coded.New(CodeRunFailed, cause, "account", a.Name, "detail", detail)
}
