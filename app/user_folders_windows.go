package app

import "golang.org/x/sys/windows"

// userFolders are the known folders Documents and Desktop
// (SHGetKnownFolderPath with FOLDERID_Documents, FOLDERID_Desktop): they
// may be redirected to OneDrive or a share, which the home folder does not
// say.
func userFolders() []string {
	var out []string
	for _, id := range []*windows.KNOWNFOLDERID{windows.FOLDERID_Documents, windows.FOLDERID_Desktop} {
		// KF_FLAG_DEFAULT (0): the folder as the user sees it.
		if dir, err := windows.KnownFolderPath(id, 0); err == nil && dir != "" {
			out = append(out, dir)
		}
	}
	return append(out, homeFolders()...)
}
