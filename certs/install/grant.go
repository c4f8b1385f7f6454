package install

import (
	"errors"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// grantKeyRead runs a grant step: the account may read the client's
// machine key, as certlm.msc's "Manage Private Keys" > Read allows. The
// undo writes the key's previous security descriptor back. A store
// without key access lists (the folder store) refuses with
// key-access-unsupported.
func grantKeyRead(s store.Store, step Step) (func() error, error) {
	if step.Account == nil {
		return nil, errors.New("a grant step without its account")
	}
	g, ok := s.(store.KeyAccessGranter)
	if !ok {
		return nil, coded.New(store.CodeKeyAccessUnsupported, nil, "store", s.Name(), "location", step.Location.String())
	}
	return g.GrantKeyRead(step.Location, step.Thumbprint, step.Account.SID)
}
