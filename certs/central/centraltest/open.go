package centraltest

import (
	"os"
	"path/filepath"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/central"
	"qscert/certs/store"
)

// OpenOptions say how the simulated node runs its programs.
type OpenOptions struct {
	// Child is the qscert sub-command run as the service account:
	// [qscert, "recreate", "__child"].
	Child []string
	// Repository is the fake Repository.exe: [qscert, "recreate",
	// "__simulated-repository"]; the node adds --node and the arguments.
	Repository []string
	// Poll is how often states are read; default 20 ms.
	Poll time.Duration
}

// Open returns the simulated node in dir as a central.Node.
func Open(dir string, o OpenOptions) (*central.Node, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	nf, err := ReadNode(abs)
	if err != nil {
		return nil, err
	}
	folder, err := store.OpenFolder(filepath.Join(abs, MachineStore))
	if err != nil {
		return nil, err
	}
	if o.Poll <= 0 {
		o.Poll = 20 * time.Millisecond
	}
	runner := &accounts.SimulatedRunner{}
	q := &simQRS{dir: abs}
	node := &central.Node{
		Host:         host{dir: abs},
		Services:     services{dir: abs},
		Machine:      &machineStore{Folder: folder, dir: abs},
		Accounts:     &accounts.Simulated{Computer: nf.Hostname, Accounts: []accounts.SimulatedAccount{nf.Account}},
		RunnerFor:    func(accounts.Account) (accounts.Runner, error) { return runner, nil },
		Child:        o.Child,
		AccountStore: "folder:" + filepath.Join(abs, AccountStore),
		Bootstrap: func(argv []string) []string {
			return append(append(append([]string{}, o.Repository...), "--node", abs), argv[1:]...)
		},
		Processes: processes{dir: abs},
		Files:     files{dir: abs},
		Mark:      central.FolderMark{Dir: abs},
		QRS:       q.open,
		Poll:      o.Poll,
		Close:     q.close,
	}
	return node, nil
}

// host is the simulated machine's facts: node.json, and the real
// Host.cfg parser on its Host.cfg.
type host struct{ dir string }

func (h host) Facts() central.Facts {
	nf, _ := ReadNode(h.dir)
	f := central.Facts{Hostname: nf.Hostname, Elevated: nf.Elevated,
		HostCfg:              filepath.Join(h.dir, hostCfgPath),
		Repository:           filepath.Join(h.dir, repositoryPath),
		ExportedCertificates: filepath.Join(h.dir, exportedPath)}
	f.FQDN, f.HostCfgErr = central.ReadHostCfg(f.HostCfg)
	_, err := os.Stat(f.Repository)
	f.RepositoryPresent = err == nil
	return f
}

// HostCfg, Repository and Exported are the node's files, for tests.
func HostCfg(dir string) string    { return filepath.Join(dir, hostCfgPath) }
func Repository(dir string) string { return filepath.Join(dir, repositoryPath) }
func Exported(dir string) string   { return filepath.Join(dir, exportedPath) }
