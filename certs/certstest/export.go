package certstest

import (
	"time"

	"qscert/certs/qlik"
)

// Export is a generated QMC export: the site's root and the client and
// server certificates made for one machine.
type Export struct {
	Site    *Site
	Machine string // the name typed into the QMC's "Add machine name"
	Root    *Issued
	Client  *Issued
	Server  *Issued
}

// NewExport makes a site for host and an export from it for machine.
func NewExport(host, machine string, style Style, now time.Time) (*Export, error) {
	site, err := NewSite(host, style, now)
	if err != nil {
		return nil, err
	}
	return site.NewExport(machine)
}

// NewExport issues a client and a server certificate for machine, valid
// from a day before the site's reference time for ten years.
func (s *Site) NewExport(machine string) (*Export, error) {
	from, to := s.Now.Add(-24*time.Hour), s.Now.AddDate(10, 0, 0).Add(-48*time.Hour)
	client, err := s.Issue(qlik.RoleClient, qlik.ClientName, from, to)
	if err != nil {
		return nil, err
	}
	server, err := s.Issue(qlik.RoleServer, machine, from, to)
	if err != nil {
		return nil, err
	}
	return &Export{
		Site:    s,
		Machine: machine,
		Root:    &Issued{Cert: s.Root, Key: s.RootKey},
		Client:  client,
		Server:  server,
	}, nil
}

// Copy returns a shallow copy whose certificates can be replaced one by one
// to make a broken variant without touching the original.
func (e *Export) Copy() *Export {
	c := *e
	return &c
}
