package central

import (
	"crypto/x509"
	"encoding/json"
	"strings"
	"time"

	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Part is whose store a certificate is in: the machine's (LocalMachine\Root
// and \My) or the Qlik service account's (its CurrentUser\My).
type Part string

const (
	PartMachine Part = "machine"
	PartAccount Part = "account"
)

// Parts lists them in the order they are backed up and restored.
var Parts = []Part{PartMachine, PartAccount}

// Site is the node's Qlik site: the repository names its CA after the
// node, "<FQDN>-CA" (or "<hostname>-CA" on a site installed with the
// short name).
type Site struct {
	FQDN     string `json:"fqdn"`
	Hostname string `json:"hostname"`
}

// CANames are the names the site's CA may have.
func (s Site) CANames() []string {
	var out []string
	for _, n := range []string{s.FQDN, s.Hostname} {
		if n == "" {
			continue
		}
		name := n + "-CA"
		dup := false
		for _, o := range out {
			dup = dup || strings.EqualFold(o, name)
		}
		if !dup {
			out = append(out, name)
		}
	}
	return out
}

func (s Site) isCA(cn string) bool {
	for _, n := range s.CANames() {
		if strings.EqualFold(n, cn) {
			return true
		}
	}
	return false
}

// Certificate is a certificate of the site in one of its stores.
type Certificate struct {
	Part          Part              `json:"part"`
	Location      store.Location    `json:"location"`
	Role          qlik.Role         `json:"role"`
	Subject       string            `json:"subject"`
	Issuer        string            `json:"issuer"`
	Thumbprint    string            `json:"sha1"`
	HasPrivateKey bool              `json:"hasPrivateKey"`
	NotAfter      time.Time         `json:"notAfter"`
	Cert          *x509.Certificate `json:"-"`
}

// ID names it in its store.
func (c Certificate) ID() store.CertID {
	return store.CertID{Location: c.Location, Thumbprint: c.Thumbprint}
}

// siteStores are where the site's certificates are: each part's store and
// the locations of it the procedure touches.
var partLocations = map[Part][]store.Location{
	PartMachine: {store.LocalMachineRoot, store.LocalMachineMy},
	PartAccount: {store.CurrentUserMy},
}

// Inventory is what the stores hold of Qlik's: the site's certificates,
// which the procedure deletes, and what must be told about.
type Inventory struct {
	Site []Certificate `json:"site"`
	// OtherRoots are Qlik roots named for another node: on a central node
	// they are left from before a rename, or this is a rim node.
	OtherRoots []Certificate `json:"otherRoots,omitempty"`
	// Lookalikes are self-signed roots with the site CA's name but not
	// the Qlik extension: not deleted (the procedure deletes only what
	// carries Qlik's mark), but the repository may count them.
	Lookalikes []Certificate `json:"lookalikes,omitempty"`
}

// takeInventory lists the site's certificates in the stores of each part.
// A part's store that is missing holds nothing.
func takeInventory(site Site, stores map[Part]store.Store) (*Inventory, error) {
	inv := &Inventory{}
	for _, part := range Parts {
		s := stores[part]
		if s == nil {
			continue
		}
		for _, loc := range partLocations[part] {
			entries, err := s.List(loc)
			if coded.CodeOf(err) == store.CodeStoreMissing {
				continue
			}
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				inv.add(site, part, e)
			}
		}
	}
	return inv, nil
}

// add sorts one entry: a certificate with Qlik's role extension issued by
// the site's CA is the site's (in the account's store, QlikClient only);
// a Qlik root of another name is told about; a self-signed root with the
// site CA's name and no extension is a lookalike.
func (inv *Inventory) add(site Site, part Part, e store.Entry) {
	c, err := e.Certificate()
	if err != nil {
		return // Go cannot read it: not one Qlik made
	}
	role, qlikMade := qlik.RoleOf(c)
	found := Certificate{Part: part, Location: e.Location, Role: role, Subject: c.Subject.String(), Issuer: c.Issuer.String(),
		Thumbprint: e.Thumbprint(), HasPrivateKey: e.HasPrivateKey, NotAfter: c.NotAfter.UTC(), Cert: c}
	selfSignedRoot := e.Location.Name == "Root" && qlik.SelfSigned(c)
	switch {
	case !qlikMade:
		if selfSignedRoot && site.isCA(c.Subject.CommonName) {
			found.Role = qlik.RoleRoot
			inv.Lookalikes = append(inv.Lookalikes, found)
		}
	case site.isCA(c.Issuer.CommonName):
		if part == PartAccount && c.Subject.CommonName != qlik.ClientName {
			return // the account's own certificates stay
		}
		if role == "" {
			found.Role = roleByPlace(e.Location, c)
		}
		inv.Site = append(inv.Site, found)
	case selfSignedRoot && (role == qlik.RoleRoot || role == ""):
		if _, named := qlik.SiteOfRoot(c); named {
			found.Role = qlik.RoleRoot
			inv.OtherRoots = append(inv.OtherRoots, found)
		}
	}
}

// roleByPlace is the role of a Qlik certificate whose extension names
// none: a root in a Root store, QlikClient by its name, else a server.
func roleByPlace(loc store.Location, c *x509.Certificate) qlik.Role {
	switch {
	case loc.Name == "Root":
		return qlik.RoleRoot
	case c.Subject.CommonName == qlik.ClientName:
		return qlik.RoleClient
	}
	return qlik.RoleServer
}

// Of returns the site's certificates in one part.
func (inv *Inventory) Of(part Part) []Certificate {
	var out []Certificate
	for _, c := range inv.Site {
		if c.Part == part {
			out = append(out, c)
		}
	}
	return out
}

// count is what step 5 counts: the site's roots in LocalMachine\Root
// (with the Qlik extension or without: the repository counts roots by
// name), its server certificates in LocalMachine\My and QlikClient in the
// account's CurrentUser\My.
type count struct {
	Roots, Servers, Clients []Certificate
}

func (inv *Inventory) count() count {
	var n count
	for _, c := range inv.Site {
		switch {
		case c.Location == store.LocalMachineRoot:
			n.Roots = append(n.Roots, c)
		case c.Location == store.LocalMachineMy && c.Role == qlik.RoleServer:
			n.Servers = append(n.Servers, c)
		case c.Part == PartAccount && c.Role == qlik.RoleClient:
			n.Clients = append(n.Clients, c)
		}
	}
	n.Roots = append(n.Roots, inv.Lookalikes...)
	return n
}

// certificateJSON is Certificate as documents show it: the location as
// Windows names it ("LocalMachine\Root"), as in every qscert document.
type certificateJSON struct {
	Part          Part      `json:"part"`
	Location      string    `json:"location"`
	Role          qlik.Role `json:"role"`
	Subject       string    `json:"subject"`
	Issuer        string    `json:"issuer"`
	Thumbprint    string    `json:"sha1"`
	HasPrivateKey bool      `json:"hasPrivateKey"`
	NotAfter      time.Time `json:"notAfter"`
}

func (c Certificate) MarshalJSON() ([]byte, error) {
	return json.Marshal(certificateJSON{Part: c.Part, Location: c.Location.String(), Role: c.Role, Subject: c.Subject,
		Issuer: c.Issuer, Thumbprint: c.Thumbprint, HasPrivateKey: c.HasPrivateKey, NotAfter: c.NotAfter})
}

func (c *Certificate) UnmarshalJSON(b []byte) error {
	var j certificateJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*c = Certificate{Part: j.Part, Role: j.Role, Subject: j.Subject, Issuer: j.Issuer, Thumbprint: j.Thumbprint,
		HasPrivateKey: j.HasPrivateKey, NotAfter: j.NotAfter}
	for _, loc := range store.Locations {
		if loc.String() == j.Location {
			c.Location = loc
		}
	}
	return nil
}
