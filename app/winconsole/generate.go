package winconsole

// In a file built on every OS, as in app/glprobe: `go generate` skips
// syscall_windows.go unless GOOS=windows.

//go:generate go run golang.org/x/sys/windows/mkwinsyscall -output zsyscall_windows.go syscall_windows.go
