//go:build !windows

package accounts

// CurrentSID has no meaning outside Windows.
func CurrentSID() string { return "" }
