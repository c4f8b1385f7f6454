package accounts

// Win32 functions that golang.org/x/sys/windows does not declare, for
// mkwinsyscall (zsyscall_windows.go; it loads each DLL from the system
// directory only). Regenerate with `go generate ./certs/accounts` (the
// directive is in generate.go, built on every OS).

// netapi32.dll (forwarded to logoncli.dll): is this a managed service
// account this machine may use? Returns an NTSTATUS. Windows 7 / Server
// 2008 R2 and later; Wine 8 does not export it.
//sys	netIsServiceAccount(server *uint16, account *uint16, isService *int32) (status error) = netapi32.NetIsServiceAccount

// advapi32.dll: log on with a password, and start a process with the
// token (through the Secondary Logon service, with the profile loaded).
//sys	logonUser(user *uint16, domain *uint16, password *uint16, logonType uint32, provider uint32, token *windows.Token) (err error) = advapi32.LogonUserW
//sys	createProcessWithToken(token windows.Token, logonFlags uint32, appName *uint16, cmdLine *uint16, creationFlags uint32, env *uint16, dir *uint16, si *windows.StartupInfo, pi *windows.ProcessInformation) (err error) = advapi32.CreateProcessWithTokenW
