//go:build !cgo

package app

import (
	"qscert/certs/coded"
	"qscert/i18n"
)

// runGUI reports that this build has no window: Fyne's desktop driver needs
// cgo. The commands all work.
func runGUI(env *Env, args []string) int {
	return fail(env, i18n.New(""), coded.New(CodeNoWindow, nil), ExitUsage)
}
