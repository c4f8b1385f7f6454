package app

import (
	"runtime"

	"qscert/app/elevation"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// withElevationAdvice turns a refusal for want of administrator rights
// into the one sentence that says which command to run from an elevated
// prompt (elevation-required), when that is the cause: on Windows, not
// elevated, and the store said store-access-denied. Elsewhere err is as
// it was.
func withElevationAdvice(err error, command string, args []string) error {
	return elevationAdvice(err, command, args, runtime.GOOS, elevation.IsElevated)
}

func elevationAdvice(err error, command string, args []string, goos string, elevated func() bool) error {
	if goos != "windows" || coded.CodeOf(err) != store.CodeStoreAccessDenied || elevated() {
		return err
	}
	return elevation.RequiredError(err, append([]string{command}, args...))
}
