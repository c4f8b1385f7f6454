//go:build !windows

package console

import "io"

// drawsEscapes: outside Windows every terminal but TERM=dumb interprets
// the escape sequences huh draws with; ModeFor checks TERM.
func drawsEscapes(io.Writer) bool { return true }
