package central

import (
	"os"

	"golang.org/x/sys/windows"
)

// windowsHost reads this machine's facts.
type windowsHost struct {
	services windowsServices
}

func (h windowsHost) Facts() Facts {
	var f Facts
	f.Hostname, _ = os.Hostname()
	programData, _ := windows.KnownFolderPath(windows.FOLDERID_ProgramData, 0)   // C:\ProgramData
	programFiles, _ := windows.KnownFolderPath(windows.FOLDERID_ProgramFiles, 0) // C:\Program Files (64-bit view)
	windowsPaths(&f, programData, programFiles, h.services.binaryPath(ServiceRepository))
	f.FQDN, f.HostCfgErr = ReadHostCfg(f.HostCfg)
	// TokenElevation of this process's token: true when it runs with the
	// administrators' full token (UAC's "Run as administrator"), or as an
	// account UAC does not filter (the built-in Administrator, SYSTEM).
	f.Elevated = windows.GetCurrentProcessToken().IsElevated()
	info, err := os.Stat(f.Repository)
	f.RepositoryPresent = err == nil && info.Mode().IsRegular()
	return f
}
