package central

import (
	"context"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// Node is the central node as the procedure reaches it. OpenWindows fills
// it with the real machine; centraltest.Open with a simulated one.
type Node struct {
	Host     Host
	Services Services
	// Machine is the machine's certificate stores; the procedure uses
	// LocalMachine\Root and LocalMachine\My.
	Machine store.Store
	// Accounts resolves the account QlikSenseRepositoryService runs as.
	Accounts accounts.Resolver
	// RunnerFor is how to act as that account (accounts.RunnerFor on
	// Windows, an accounts.SimulatedRunner in simulation).
	RunnerFor func(accounts.Account) (accounts.Runner, error)
	// Child is the qscert sub-command a runner starts as the service
	// account (ChildMain answers it): [qscert.exe, "recreate", "__child"].
	Child []string
	// AccountStore is the store that sub-command opens for the account's
	// CurrentUser\My: "windows", or "folder:PATH" in simulation.
	AccountStore string
	// Bootstrap turns Repository.exe's command line into what the
	// sub-command starts (the simulated node's fake repository); nil
	// starts it as it is.
	Bootstrap func(argv []string) []string
	Processes Processes
	Files     Files
	Mark      Mark
	// QRS connects to this node's Repository Service with id.
	QRS func(ctx context.Context, id *qrs.Identity) (QRS, error)
	// Poll is how often service states are read; zero is 500 ms.
	Poll time.Duration
	// Close frees what the node holds (a simulated QRS); may be nil.
	Close func() error
}

// Host tells the facts of this machine the preconditions need.
type Host interface {
	Facts() Facts
}

// Facts are what Host tells.
type Facts struct {
	Hostname string `json:"hostname"`
	// FQDN is the node's name in Host.cfg, which the repository names its
	// certificates after; empty when HostCfgErr says why.
	FQDN       string `json:"fqdn,omitempty"`
	HostCfg    string `json:"hostCfg"`
	HostCfgErr error  `json:"-"`
	Elevated   bool   `json:"elevated"`
	// Repository is Repository.exe's path; RepositoryPresent whether it
	// is there.
	Repository        string `json:"repository"`
	RepositoryPresent bool   `json:"repositoryPresent"`
	// ExportedCertificates is the QMC's export folder.
	ExportedCertificates string `json:"exportedCertificates"`
}

// Processes tells which programs run: a bootstrap a killed qscert left
// must be gone before anything else is done.
type Processes interface {
	// Running returns the ids of the running processes whose program file
	// is named program ("Repository.exe").
	Running(program string) ([]int, error)
}

// Mark is where the machine remembers an unfinished procedure, and the
// lock that lets one procedure run at a time.
type Mark interface {
	// Lock takes the procedure's lock without waiting; recreate-busy
	// when another qscert holds it.
	Lock() (unlock func(), err error)
	// Get returns the journal of the unfinished procedure, or "".
	Get() (string, error)
	Set(journal string) error
	Clear() error
}

// QRS is the Repository Service's certificate API.
type QRS interface {
	Nodes(ctx context.Context) ([]ServerNode, error)
	// Distribute redistributes the certificates to a rim node and returns
	// the password to type on it.
	Distribute(ctx context.Context, nodeID string) (string, error)
	// Export exports certificates for machines into Exported Certificates
	// and returns the folder.
	Export(ctx context.Context, req ExportRequest) (string, error)
	Close() error
}

// ServerNode is a node of the site.
type ServerNode struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	HostName  string `json:"hostName"`
	IsCentral bool   `json:"isCentral"`
}

// ExportRequest is what the QMC's "Export certificates" asks.
type ExportRequest struct {
	Machines   []string
	Password   string // the export's password; never logged
	IncludeKey bool
	PEM        bool
}

func (n *Node) poll() time.Duration {
	if n.Poll <= 0 {
		return 500 * time.Millisecond
	}
	return n.Poll
}
