package app

import (
	"os"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
)

// The recreate procedure starts qscert itself in two modes no user types:
// the sub-command an accounts.Runner starts as the Qlik service account
// (its store, its bootstrap), and, for a simulated node, the fake
// Repository.exe. Both are words after `recreate` that no flag or folder
// starts with.
const (
	hiddenChild      = "__child"
	hiddenRepository = "__simulated-repository"
)

// runHidden runs a hidden mode when args start with one.
func runHidden(args []string) (int, bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch args[0] {
	case hiddenChild:
		return central.ChildMain(args[1:]), true
	case hiddenRepository:
		return centraltest.RepositoryMain(args[1:], os.Stdout), true
	}
	return 0, false
}

// selfCommand is this program with `recreate` and a hidden mode.
func selfCommand(mode string) ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return []string{exe, "recreate", mode}, nil
}
