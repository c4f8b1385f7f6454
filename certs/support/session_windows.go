package support

import (
	"fmt"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// osBuild is the edition, its feature update and the full build with its
// update revision, as winver shows them. RtlGetVersion gives the true
// version (GetVersionEx lies to programs without a manifest); the
// registry's CurrentVersion key gives the names and the UBR.
func osBuild() string {
	v := windows.RtlGetVersion()
	build := fmt.Sprintf("%d.%d.%d", v.MajorVersion, v.MinorVersion, v.BuildNumber)
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Windows NT\CurrentVersion`, registry.QUERY_VALUE)
	if err != nil {
		return "Windows " + build
	}
	defer k.Close()
	if ubr, _, err := k.GetIntegerValue("UBR"); err == nil {
		build += fmt.Sprintf(".%d", ubr)
	}
	name, _, _ := k.GetStringValue("ProductName")
	if name == "" {
		name = "Windows"
	}
	// DisplayVersion (21H2, 22H2) since Windows 10 20H2; ReleaseId before.
	release, _, err := k.GetStringValue("DisplayVersion")
	if err != nil {
		release, _, _ = k.GetStringValue("ReleaseId")
	}
	if release != "" {
		name += " " + release
	}
	return fmt.Sprintf("%s (%s)", name, build)
}

// elevated: the process token is elevated (TokenElevation), as for "Run as
// administrator", an elevated console or LocalSystem.
func elevated() bool { return windows.GetCurrentProcessToken().IsElevated() }
