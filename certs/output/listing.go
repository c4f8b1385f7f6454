package output

import (
	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// ListedCertificate is one Qlik certificate found in a store, public parts
// only.
type ListedCertificate struct {
	Location      string        `json:"location"`
	Class         install.Class `json:"class"`
	Role          qlik.Role     `json:"role"`
	Subject       string        `json:"subject"`
	Issuer        string        `json:"issuer"`
	NotAfter      string        `json:"notAfter"`
	Thumbprint    string        `json:"thumbprint"`
	HasPrivateKey bool          `json:"hasPrivateKey"`
	FriendlyName  string        `json:"friendlyName,omitempty"`
}

// QlikCertificates lists the Qlik certificates among found.
func QlikCertificates(found []install.Found) []ListedCertificate {
	out := []ListedCertificate{}
	for _, f := range found {
		if f.Class == install.ClassUnrelated || f.Cert == nil {
			continue
		}
		out = append(out, ListedCertificate{
			Location: f.Location.String(), Class: f.Class, Role: f.Role,
			Subject: f.Cert.Subject.String(), Issuer: f.Cert.Issuer.String(),
			NotAfter: f.Cert.NotAfter.UTC().Format("2006-01-02"), Thumbprint: f.Thumbprint(),
			HasPrivateKey: f.HasPrivateKey, FriendlyName: f.FriendlyName,
		})
	}
	return out
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
	Location     string                 `json:"location"`
	Error        *coded.Problem         `json:"error,omitempty"`
	Certificates []qlik.CertificateInfo `json:"certificates"`
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
		l := LocationListing{Location: loc.String(), Certificates: []qlik.CertificateInfo{}}
		for _, f := range found {
			if f.Location == loc && f.Class == install.ClassQlik {
				l.Certificates = append(l.Certificates, qlik.Describe(f.Role, f.Cert, f.HasPrivateKey))
			}
		}
		out.Locations = append(out.Locations, l)
	}
	return out
}
