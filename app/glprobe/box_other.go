//go:build !windows

package glprobe

// messageBox is Windows only: elsewhere the explanation goes to the
// terminal, and choose never calls it.
func messageBox(text, caption string) bool { return false }
