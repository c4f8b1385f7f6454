package app

import (
	"os"
	"path/filepath"
)

// reportFolder is where the wizard proposes to save the support report:
// the user's Documents folder, else the Desktop, else the home folder.
// Not the demo's sandbox, which is removed on exit, nor the export's
// folder, which may be a share or the central node's.
func reportFolder() string {
	for _, dir := range userFolders() {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// homeFolders are Documents and Desktop under the home folder, where
// Linux and macOS desktops keep them (xdg-user-dirs' defaults).
func homeFolders() []string {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	return []string{filepath.Join(home, "Documents"), filepath.Join(home, "Desktop")}
}
