package store

import (
	"time"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// Who holds the Windows store's lock: a mutex carries no data, so the
// holder writes itself under HKLM\SOFTWARE\qscert\StoreLock, and whoever
// waits reads it there. HKLM\SOFTWARE, not a file in %ProgramData%: any
// user may create folders in %ProgramData% and plant a link where an
// administrator's qscert would write, while only administrators create
// keys under HKLM\SOFTWARE. A standard user's qscert cannot write it, so
// its waiters learn only that "another qscert" holds the store. The record
// is a hint: a holder that died leaves it behind, so it counts only while
// its process still runs.
const windowsHolderKey = `SOFTWARE\qscert\StoreLock`

func writeWindowsHolder(h Holder) {
	k, _, err := registry.CreateKey(registry.LOCAL_MACHINE, windowsHolderKey, registry.SET_VALUE)
	if err != nil {
		return
	}
	defer k.Close()
	_ = k.SetDWordValue("Pid", uint32(h.PID))
	_ = k.SetStringValue("Host", h.Host)
	_ = k.SetStringValue("Command", h.Command)
	_ = k.SetStringValue("Since", h.Since.Format(time.RFC3339))
}

func clearWindowsHolder() {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, windowsHolderKey, registry.SET_VALUE)
	if err != nil {
		return
	}
	defer k.Close()
	_ = k.DeleteValue("Pid")
}

func readWindowsHolder() Holder {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, windowsHolderKey, registry.QUERY_VALUE)
	if err != nil {
		return Holder{}
	}
	defer k.Close()
	pid, _, err := k.GetIntegerValue("Pid")
	if err != nil || pid == 0 || !processRuns(uint32(pid)) {
		return Holder{}
	}
	h := Holder{PID: int(pid)}
	h.Host, _, _ = k.GetStringValue("Host")
	h.Command, _, _ = k.GetStringValue("Command")
	since, _, _ := k.GetStringValue("Since")
	h.Since, _ = time.Parse(time.RFC3339, since)
	return h
}

// processRuns reports whether the process pid is still running.
func processRuns(pid uint32) bool {
	p, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		// Access denied means it exists (a process of another account).
		return err == windows.ERROR_ACCESS_DENIED
	}
	defer windows.CloseHandle(p)
	var code uint32
	const stillActive = 259 // STILL_ACTIVE
	return windows.GetExitCodeProcess(p, &code) == nil && code == stillActive
}
