package central

import (
	"path/filepath"
	"strings"
)

// The Qlik Sense paths on a Windows node, under %ProgramData% and
// %ProgramFiles%.
const (
	hostCfgRel    = `Qlik\Sense\Host.cfg`
	exportedRel   = `Qlik\Sense\Repository\Exported Certificates`
	repositoryRel = `Qlik\Sense\Repository\Repository.exe`
)

// windowsPaths fills the facts' paths: Host.cfg and Exported
// Certificates under programData, and Repository.exe where the
// repository service's configuration says it is (Qlik Sense may be
// installed in another folder), else under programFiles.
func windowsPaths(f *Facts, programData, programFiles, serviceBinary string) {
	f.HostCfg = filepath.Join(programData, hostCfgRel)
	f.ExportedCertificates = filepath.Join(programData, exportedRel)
	f.Repository = filepath.Join(programFiles, repositoryRel)
	if exe := programOf(serviceBinary); strings.EqualFold(baseName(exe), "Repository.exe") {
		f.Repository = exe
	}
}

// programOf is the program of a service's command line: the quoted first
// part, or the part up to the first space ("C:\Program Files\...\x.exe"
// -arg, or unquoted).
func programOf(commandLine string) string {
	s := strings.TrimSpace(commandLine)
	if rest, ok := strings.CutPrefix(s, `"`); ok {
		if i := strings.IndexByte(rest, '"'); i >= 0 {
			return rest[:i]
		}
		return rest
	}
	// Unquoted: Windows tries each space as the end of the program; the
	// one ending in .exe is the program.
	lower := strings.ToLower(s)
	if i := strings.Index(lower, ".exe"); i >= 0 {
		return s[:i+4]
	}
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}
