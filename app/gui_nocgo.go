//go:build !cgo

package app

import (
	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// runGUI reports that this build has no window: Fyne's desktop driver needs
// cgo. The commands all work.
func runGUI(env *Env, args []string) int {
	return fail(env, i18n.New(""), coded.New(CodeNoWindow, nil), ExitUsage)
}
