package accounts_test

import (
	"os"
	"syscall"

	"golang.org/x/sys/windows"
)

// ownCommandLine is the command line Windows holds for this process
// (GetCommandLineW), which other accounts can read; ownEnvironment its
// environment block.
func ownCommandLine() []string {
	return []string{windows.UTF16PtrToString(syscall.GetCommandLine())}
}

func ownEnvironment() []string { return os.Environ() }
