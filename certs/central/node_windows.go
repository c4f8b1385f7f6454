package central

import (
	"context"
	"path/filepath"

	"golang.org/x/sys/windows"

	"qscert/certs/accounts"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// OpenWindows is this Windows machine as a central node: the service
// manager, crypt32's stores, the account runner, the file system, the
// registry's mark. child is the qscert sub-command a runner starts as the
// service account ([qscert.exe, "recreate", "__child"]).
func OpenWindows(child []string) (*Node, error) {
	machine, err := store.OpenWindows()
	if err != nil {
		return nil, err
	}
	resolver, err := accounts.OpenResolver()
	if err != nil {
		return nil, err
	}
	programData, err := windows.KnownFolderPath(windows.FOLDERID_ProgramData, 0)
	if err != nil {
		return nil, err
	}
	host := windowsHost{}
	return &Node{
		Host: host, Services: windowsServices{}, Machine: machine, Accounts: resolver,
		RunnerFor: accounts.RunnerFor, Child: child, AccountStore: "windows",
		Processes: windowsProcesses{}, Files: OSFiles{}, Mark: windowsMark{lockDir: filepath.Join(programData, "qscert")},
		QRS: func(ctx context.Context, id *qrs.Identity) (QRS, error) {
			// The repository's server certificate names the node as
			// Host.cfg does: connect by that name, as rim nodes do.
			return &QRSAPI{ID: id, Options: qrs.Options{Host: host.Facts().FQDN}}, nil
		},
	}, nil
}
