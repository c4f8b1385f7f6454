// Package winkey declares the Win32 functions that reading and changing a
// private key's security descriptor needs and that golang.org/x/sys/windows
// lacks. It is a package of its own because mkwinsyscall writes its
// helpers (errnoErr, the DLL variables) into every file it generates, so
// two generated files cannot share package store.
package winkey

// The directive lives in a file built on every OS: `go generate` skips
// syscall_keyaccess_windows.go unless GOOS=windows, and with GOOS=windows
// `go run` would build mkwinsyscall as a Windows program.

//go:generate go run golang.org/x/sys/windows/mkwinsyscall -output zsyscall_keyaccess_windows.go syscall_keyaccess_windows.go
