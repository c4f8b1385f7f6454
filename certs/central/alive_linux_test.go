package central

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"syscall"
)

const bindsPrograms = true

// alive: the process exists and is not a zombie (in a container nothing
// may reap an orphan).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}
