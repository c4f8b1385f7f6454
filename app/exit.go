package app

// Exit codes, the same for every command, so that fleet tools can script
// them.
const (
	ExitOK       = 0 // done, nothing blocking found
	ExitFindings = 1 // the command ran and found a blocking problem
	ExitUsage    = 2 // the command could not run: bad flags, unreadable input
)
