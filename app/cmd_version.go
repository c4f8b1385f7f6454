package app

import (
	"encoding/json"
	"fmt"
	"runtime"
)

func runVersion(env *Env, args []string) int {
	c := newCommandFlags("version")
	if _, err := c.parse(args); err != nil {
		return fail(env, c.translator(), err, ExitUsage)
	}
	if c.json {
		out, _ := json.Marshal(map[string]string{"version": Version, "go": runtime.Version(), "os": runtime.GOOS, "arch": runtime.GOARCH})
		fmt.Fprintln(env.Stdout, string(out))
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "qscert %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}
