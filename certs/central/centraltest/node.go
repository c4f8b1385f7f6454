// Package centraltest is a simulated Qlik Sense central node, kept in a
// folder, for the tests of the recreate procedure and for training
// (`qscert recreate --simulate DIR`): a folder store for the machine's
// LocalMachine\Root and \My, another for the service account's
// CurrentUser\My, a file of service states, Host.cfg, a Repository.exe
// marker and a fake repository (RepositoryMain) that makes certificates
// the way the real one does, prints its startup lines and can be told to
// hang or to make duplicates, a simulated QRS, and switches that make a
// step fail. It does not import package testing: the program runs it.
package centraltest

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/boundedfile"
	"qscert/certs/certstest"
	"qscert/certs/durable"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// NodeFile is the simulated node's description, node.json in its folder.
type NodeFile struct {
	Hostname string `json:"hostname"`
	FQDN     string `json:"fqdn"`
	Elevated bool   `json:"elevated"`
	// Account is what QlikSenseRepositoryService runs as.
	Account   accounts.SimulatedAccount `json:"account"`
	RimNodes  []RimNode                 `json:"rimNodes"`
	Style     certstest.Style           `json:"style"`
	CreatedAt time.Time                 `json:"createdAt"`
}

// RimNode is a rim node of the simulated site.
type RimNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	HostName string `json:"hostName"`
}

// Files of the simulated node, relative to its folder.
const (
	nodeName      = "node.json"
	behaviourName = "behaviour.json"
	servicesName  = "services.json"
	MachineStore  = "machine-store"
	AccountStore  = "account-store"
	processesDir  = "processes"
)

// Windows paths of the node, under its folder.
var (
	hostCfgPath    = filepath.Join("ProgramData", "Qlik", "Sense", "Host.cfg")
	repositoryPath = filepath.Join("Program Files", "Qlik", "Sense", "Repository", "Repository.exe")
	exportedPath   = filepath.Join("ProgramData", "Qlik", "Sense", "Repository", "Exported Certificates")
)

// CreateOptions say what the node is like when made.
type CreateOptions struct {
	// FQDN is the central node's name; default qlik-central.corp.example.
	FQDN string
	// Style of the site's certificates; default legacy (a root without
	// basicConstraints, as on sites installed before mid-2019).
	Style certstest.Style
	// Account is the service account; default a group managed service
	// account, CORP\qliksense$, which needs no password.
	Account *accounts.SimulatedAccount
	// Machines are the third-party machines exports were made for; default
	// rep01.corp.example and nprinting01.corp.example.
	Machines []string
	// NoCertificates makes a node whose certificates are gone already.
	NoCertificates bool
	Now            time.Time
}

// DefaultFQDN is the simulated central node's name.
const DefaultFQDN = "qlik-central.corp.example"

// ExportPassword is the password of the simulated node's old exports.
const ExportPassword = "Export-pw-2026"

// Exists reports whether dir holds a simulated node.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, nodeName))
	return err == nil
}

// Create makes a simulated central node in dir, which must not hold one:
// a site (root, server certificate, QlikClient), one unrelated root
// beside it, two old exports, the seven services running.
func Create(dir string, o CreateOptions) error {
	if Exists(dir) {
		return errors.New("centraltest: " + dir + " holds a simulated node already")
	}
	if o.FQDN == "" {
		o.FQDN = DefaultFQDN
	}
	if o.Style == "" {
		o.Style = certstest.StyleLegacy
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Account == nil {
		o.Account = &accounts.SimulatedAccount{Name: `CORP\qliksense$`, SID: "S-1-5-21-1004336348-1177238915-682003330-5105", SidType: 1, Managed: true}
	}
	if o.Machines == nil {
		o.Machines = []string{"rep01.corp.example", "nprinting01.corp.example"}
	}
	host := firstLabel(o.FQDN)
	nf := NodeFile{Hostname: host, FQDN: o.FQDN, Elevated: true, Account: *o.Account, Style: o.Style, CreatedAt: o.Now.UTC(),
		RimNodes: []RimNode{{ID: "6a1f0e32-7b1c-4d4e-9c1a-2f3b4c5d6e01", Name: "Rim 1", HostName: "qlik-rim1.corp.example"},
			{ID: "6a1f0e32-7b1c-4d4e-9c1a-2f3b4c5d6e02", Name: "Rim 2", HostName: "qlik-rim2.corp.example"}}}
	for _, d := range []string{dir, filepath.Dir(filepath.Join(dir, hostCfgPath)), filepath.Dir(filepath.Join(dir, repositoryPath)),
		filepath.Join(dir, MachineStore), filepath.Join(dir, AccountStore), filepath.Join(dir, processesDir)} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	if err := writeJSON(filepath.Join(dir, nodeName), nf); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, behaviourName), Behaviour{Bootstrap: BootstrapNormal}); err != nil {
		return err
	}
	cfg := base64.StdEncoding.EncodeToString([]byte(o.FQDN))
	if err := os.WriteFile(filepath.Join(dir, hostCfgPath), []byte(cfg), 0o644); err != nil {
		return err
	}
	marker := "Simulated Repository.exe: the simulated node's bootstrap is qscert's fake repository.\n"
	if err := os.WriteFile(filepath.Join(dir, repositoryPath), []byte(marker), 0o644); err != nil {
		return err
	}
	services := map[string]Service{}
	for _, name := range serviceNames {
		services[name] = Service{State: "running", Start: "auto", Account: o.Account.Name}
	}
	if err := writeJSON(filepath.Join(dir, servicesName), services); err != nil {
		return err
	}
	if err := addUnrelatedRoot(filepath.Join(dir, MachineStore), o.Now); err != nil {
		return err
	}
	if o.NoCertificates {
		return nil
	}
	site, err := makeSite(dir, nf, o.Now, 1, true)
	if err != nil {
		return err
	}
	return writeExports(filepath.Join(dir, exportedPath), site, o.Machines)
}

// makeSite makes a site's certificates the way the repository does: the
// root with its key in LocalMachine\Root, the server certificate (the
// node's FQDN) in LocalMachine\My and QlikClient in the service
// account's CurrentUser\My. copies > 1 makes that many sites at once (the
// duplicates a broken bootstrap leaves); without withClient, no
// QlikClient.
func makeSite(dir string, nf NodeFile, now time.Time, copies int, withClient bool) (*certstest.Site, error) {
	machine, err := store.OpenFolder(filepath.Join(dir, MachineStore))
	if err != nil {
		return nil, err
	}
	account, err := store.OpenFolder(filepath.Join(dir, AccountStore))
	if err != nil {
		return nil, err
	}
	var first *certstest.Site
	for i := 0; i < copies; i++ {
		site, err := certstest.NewSite(nf.FQDN, nf.Style, now)
		if err != nil {
			return nil, err
		}
		from, to := now.Add(-time.Hour), now.AddDate(10, 0, 0)
		server, err := site.Issue(qlik.RoleServer, nf.FQDN, from, to)
		if err != nil {
			return nil, err
		}
		client, err := site.Issue(qlik.RoleClient, qlik.ClientName, from, to)
		if err != nil {
			return nil, err
		}
		if err := machine.Add(store.LocalMachineRoot, site.Root, site.RootKey, nf.FQDN+"-CA"); err != nil {
			return nil, err
		}
		if err := machine.Add(store.LocalMachineMy, server.Cert, server.Key, nf.FQDN); err != nil {
			return nil, err
		}
		if withClient {
			if err := account.Add(store.CurrentUserMy, client.Cert, client.Key, qlik.ClientName); err != nil {
				return nil, err
			}
		}
		if first == nil {
			first = site
		}
	}
	return first, nil
}

// addUnrelatedRoot puts a root that is not Qlik's in LocalMachine\Root:
// the procedure must never touch it.
func addUnrelatedRoot(storeDir string, now time.Time) error {
	s, err := store.OpenFolder(storeDir)
	if err != nil {
		return err
	}
	corp, err := certstest.NewSite("corp-ad-ca.corp.example", certstest.StyleModern, now)
	if err != nil {
		return err
	}
	// An Active Directory CA is named "<domain>-<server>-CA" too, but has
	// no Qlik extension: made from a template without it.
	root, err := corp.ReissueRoot(func(c *x509.Certificate) { c.ExtraExtensions = nil })
	if err != nil {
		return err
	}
	return s.Add(store.LocalMachineRoot, root, nil, "Corp Root CA")
}

// writeExports writes an old export for each machine, Windows format.
func writeExports(dir string, site *certstest.Site, machines []string) error {
	for _, m := range machines {
		exp, err := site.NewExport(m)
		if err != nil {
			return err
		}
		if err := exp.Write(filepath.Join(dir, m), certstest.WriteOptions{Format: qlik.FormatWindows, Password: ExportPassword}); err != nil {
			return err
		}
	}
	return nil
}

// ReadNode reads dir's node.json.
func ReadNode(dir string) (NodeFile, error) {
	var nf NodeFile
	err := readJSON(filepath.Join(dir, nodeName), &nf)
	return nf, err
}

// WriteNode replaces dir's node.json (a test changes the node: not
// elevated, no Repository.exe).
func WriteNode(dir string, nf NodeFile) error { return writeJSON(filepath.Join(dir, nodeName), nf) }

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return durable.ReplaceAtomic(path, append(data, '\n'), 0o600)
}

func readJSON(path string, v any) error {
	data, err := boundedfile.Read(path, 1<<20)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func firstLabel(h string) string {
	for i, r := range h {
		if r == '.' {
			return h[:i]
		}
	}
	return h
}
