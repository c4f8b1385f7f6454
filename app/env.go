package app

import (
	"io"
	"os"
	"time"

	"qscert/certs/central"
	"qscert/certs/machine"
	"qscert/certs/store"
)

// Env is what a command may use of the outside world. Main fills it from the
// process; tests fill it with buffers and fixed values.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Now     func() time.Time
	Machine func() machine.Info
	// StdinIsTerminal tells whether a confirmation can be asked at a prompt.
	StdinIsTerminal bool
	// ReadSecret prints a prompt and reads a line typed at the terminal
	// without showing it; nil when standard input is not a terminal.
	ReadSecret func(prompt string) (string, error)
	// OpenStore opens the store --store names ("windows", "folder:PATH").
	OpenStore func(spec string) (store.Store, error)
	// Accounts finds accounts and services and acts as them, for
	// --for-account, --for-service and --for-machine.
	Accounts func() (*AccountSystem, error)
	// CentralNode is this machine as a Qlik Sense central node, where a
	// recreate procedure may have been left stopped; nil looks at none.
	CentralNode func() (*central.Node, error)
}

// ProcessEnv is the Env of this process.
func ProcessEnv() *Env {
	env := &Env{
		Stdin:           os.Stdin,
		Stdout:          os.Stdout,
		Stderr:          os.Stderr,
		Getenv:          os.Getenv,
		Now:             time.Now,
		Machine:         machine.This,
		StdinIsTerminal: isTerminal(os.Stdin),
		OpenStore:       openStore,
		Accounts:        systemAccounts,
		CentralNode:     thisCentralNode,
	}
	if env.StdinIsTerminal {
		env.ReadSecret = terminalSecretReader(os.Stdin, os.Stderr)
	}
	return env
}
