package app

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"qscert/certs/accounts"
)

// overPipe runs a command started by a scheduled task as another account
// (accounts.TaskRunner): such a process has no console to hand its output
// to, so the task gives it --accounts-pipe=NAME, a named pipe only that
// account may open, which carries its payload in and its output back.
// The command then reads the payload as its standard input and writes its
// standard output into the pipe, as it would with the logon runner's
// anonymous pipes, and the exit code is reported there too.
func overPipe(env *Env, pipe string, args []string) int {
	child, err := accounts.OpenChild(pipe)
	if err != nil {
		fmt.Fprintln(env.Stderr, "qscert:", err)
		return ExitUsage
	}
	piped := *env
	piped.Stdin = bytes.NewReader(child.Payload)
	piped.Stdout = child.Out
	piped.StdinIsTerminal, piped.ReadSecret = false, nil
	code := Run(&piped, withoutPipeArg(args))
	clear(child.Payload)
	if err := child.Close(code); err != nil {
		fmt.Fprintln(env.Stderr, "qscert:", err)
	}
	return code
}

// withoutPipeArg drops --accounts-pipe=NAME (or --accounts-pipe NAME).
func withoutPipeArg(args []string) []string {
	out := slices.Clone(args)
	for i := 0; i < len(out); i++ {
		switch {
		case strings.HasPrefix(out[i], accounts.ChildPipeFlag+"="):
			out = slices.Delete(out, i, i+1)
			i--
		case out[i] == accounts.ChildPipeFlag && i+1 < len(out):
			out = slices.Delete(out, i, i+2)
			i--
		}
	}
	return out
}
