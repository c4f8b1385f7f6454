package accounts

import "golang.org/x/sys/windows"

// CurrentSID is the SID of the account this process runs as, or "".
func CurrentSID() string {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return ""
	}
	return u.User.Sid.String()
}
