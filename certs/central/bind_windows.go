package central

import (
	"os/exec"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// bindToThisProcess puts this process in a new job object that kills its
// processes when its last handle closes (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE),
// and keeps that handle until the process ends. Programs started from now
// on are in the job too, so Repository.exe ends with this sub-command,
// even when the runner terminates it (TerminateProcess runs nothing of
// ours). Jobs nest since Windows 8 and Server 2012, so a runner's own job
// (the Task Scheduler's) does not prevent it.
func bindToThisProcess() error {
	job, err := windows.CreateJobObject(nil, nil) // no security attributes, no name
	if err != nil {
		return err
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
		BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{
			LimitFlags: windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
		},
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return err
	}
	if err := windows.AssignProcessToJobObject(job, windows.CurrentProcess()); err != nil {
		windows.CloseHandle(job)
		return err
	}
	return nil // job stays open: it closes when this process ends
}

// prepareProgram starts the program without a console window of its own.
func prepareProgram(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: windows.CREATE_NO_WINDOW}
}

func lockThread()   {}
func unlockThread() {}
