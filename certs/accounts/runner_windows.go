package accounts

// RunnerFor returns the way to act as a on this machine: LogonRunner for
// an ordinary account (Run then needs its password), a TaskRunner over
// schtasks.exe for LocalSystem, LocalService, NetworkService and managed
// service accounts; account-virtual for NT SERVICE\... accounts, which
// nothing can act as (grant the machine key instead).
func RunnerFor(a Account) (Runner, error) {
	return choose(a, LogonRunner{}, NewTaskRunner(Schtasks{}))
}
