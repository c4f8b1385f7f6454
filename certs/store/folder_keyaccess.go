package store

// A folder store keeps keys as 0600 files of the user running qscert;
// there is no Windows account to grant anything to, so it says so rather
// than pretend.

// GrantKeyRead implements KeyAccessGranter: key-access-unsupported.
func (f *Folder) GrantKeyRead(loc Location, thumbprint, sid string) (func() error, error) {
	return nil, f.errorf(CodeKeyAccessUnsupported, loc, nil, "thumbprint", thumbprint)
}

// CanRead implements KeyAccessGranter: key-access-unsupported.
func (f *Folder) CanRead(loc Location, thumbprint, sid string) (bool, error) {
	return false, f.errorf(CodeKeyAccessUnsupported, loc, nil, "thumbprint", thumbprint)
}

var _ KeyAccessGranter = (*Folder)(nil)
