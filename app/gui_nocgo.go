//go:build !cgo

package app

import (
	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// runGUI reports that this build has no window: Fyne's desktop driver needs
// cgo. The commands all work. A mistyped window flag is said first, as the
// window's build says it.
func runGUI(env *Env, args []string) int {
	if opts, err := parseGUIOptions(args); err != nil {
		return fail(env, i18n.New(opts.lang), err, ExitUsage)
	}
	return fail(env, i18n.New(""), coded.New(CodeNoWindow, nil), ExitUsage)
}
