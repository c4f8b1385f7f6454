package glprobe

// The directive lives in a file built on every OS: `go generate` skips
// syscall_windows.go unless GOOS=windows, and with GOOS=windows `go run`
// would build mkwinsyscall as a Windows program this host cannot run.

//go:generate go run golang.org/x/sys/windows/mkwinsyscall -output zsyscall_windows.go syscall_windows.go
