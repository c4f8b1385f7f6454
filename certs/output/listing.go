package output

import (
	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// List is `qscert list --json`: the Qlik certificates of one store.
type List struct {
	Header
	// Account is, for `list --for-account`, the account whose view this
	// is: the list was made by a qscert run as that account.
	Account      *accounts.Account   `json:"account,omitempty"`
	Store        string              `json:"store,omitempty"`
	Certificates []StoredCertificate `json:"certificates,omitempty"`
	Error        *coded.Problem      `json:"error,omitempty"`
}

// StoreListing is the Qlik certificates of one store, by location, as the
// support report shows them.
type StoreListing struct {
	Store     string            `json:"store"`
	Error     *coded.Problem    `json:"error,omitempty"`
	Locations []LocationListing `json:"locations"`
}

// LocationListing is one location of a StoreListing.
type LocationListing struct {
	Location     string         `json:"location"`
	Error        *coded.Problem `json:"error,omitempty"`
	Certificates []Certificate  `json:"certificates"`
}

// ListStore describes the Qlik certificates of every location of s. A store
// that cannot be read is recorded, not fatal.
func ListStore(t *i18n.Translator, s store.Store) StoreListing {
	out := StoreListing{Store: s.Name(), Locations: []LocationListing{}}
	found, err := install.Classify(nil, s)
	if err != nil {
		out.Error = ProblemOf(t, err)
		return out
	}
	for _, loc := range store.Locations {
		l := LocationListing{Location: loc.String(), Certificates: []Certificate{}}
		for _, f := range found {
			if f.Location == loc && f.Class == install.ClassQlik {
				l.Certificates = append(l.Certificates, CertificateOf(qlik.Describe(f.Role, f.Cert, f.HasPrivateKey)))
			}
		}
		out.Locations = append(out.Locations, l)
	}
	return out
}
