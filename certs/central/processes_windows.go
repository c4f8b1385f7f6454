package central

import (
	"errors"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// windowsProcesses lists processes with a Toolhelp snapshot, which every
// user may take and which names every process's program file.
type windowsProcesses struct{}

func (windowsProcesses) Running(program string) ([]int, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0) // all processes
	if err != nil {
		return nil, err
	}
	defer windows.CloseHandle(snap)
	var e windows.ProcessEntry32
	e.Size = uint32(unsafe.Sizeof(e))
	var out []int
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if strings.EqualFold(windows.UTF16ToString(e.ExeFile[:]), program) {
			out = append(out, int(e.ProcessID))
		}
	}
	if !errors.Is(err, windows.ERROR_NO_MORE_FILES) {
		return out, err
	}
	return out, nil
}
