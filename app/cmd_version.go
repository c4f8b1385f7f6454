package app

import (
	"fmt"
	"runtime"

	"qscert/certs/output"
)

func runVersion(env *Env, args []string) int {
	c := newCommandFlags(env, "version")
	if _, err := c.parse(args); err != nil {
		return c.fail(err, ExitUsage)
	}
	if c.json {
		c.writeJSON(output.Version{Header: output.HeaderOf("version"), Version: Version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH})
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "qscert %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}
