//go:build !linux && !windows

package central

import "os/exec"

// Elsewhere (macOS, for training only) nothing binds the program to this
// process beyond the heartbeat: a killed sub-command may leave it running.
func bindToThisProcess() error { return nil }
func prepareProgram(*exec.Cmd) {}
func lockThread()              {}
func unlockThread()            {}
