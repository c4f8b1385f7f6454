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
	mark, err := ThisMachineMark()
	if err != nil {
		return nil, err
	}
	host := windowsHost{}
	return &Node{
		Host: host, Services: windowsServices{}, Machine: machine, Accounts: resolver,
		RunnerFor: accounts.RunnerFor, Child: child, AccountStore: "windows",
		Processes: windowsProcesses{}, Files: OSFiles{}, Mark: mark,
		QRS: func(ctx context.Context, id *qrs.Identity) (QRS, error) {
			// The repository's server certificate names the node as
			// Host.cfg does: connect by that name, as rim nodes do.
			return &QRSAPI{ID: id, Options: qrs.Options{Host: host.Facts().FQDN}}, nil
		},
	}, nil
}

// ThisMachineMark is where this machine remembers a stopped procedure
// (HKLM\SOFTWARE\qscert). It is all that is needed to tell whether one
// was left (Unfinished reads only the mark and the journal it names), so
// the check every command makes opens no store and no resolver.
func ThisMachineMark() (Mark, error) {
	programData, err := windows.KnownFolderPath(windows.FOLDERID_ProgramData, 0)
	if err != nil {
		return nil, err
	}
	return windowsMark{lockDir: filepath.Join(programData, "qscert")}, nil
}
