package boundedfile

import (
	"os"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// openNoBlock opens path with CreateFile and keeps the handle only when it
// is a file on a disk. Windows has no FIFO on disk, but a path may name a
// pipe (\\.\pipe\x, whose read waits for the server), a console or a
// device (CON, NUL, COM1, \\.\PhysicalDrive0): GetFileType tells them from
// a disk file before anything is read. Folders are refused by CreateFile
// itself: without FILE_FLAG_BACKUP_SEMANTICS it will not open one.
func openNoBlock(path string) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := windows.CreateFile(name,
		windows.GENERIC_READ, // dwDesiredAccess
		// dwShareMode: let others read, write, rename and delete while
		// qscert reads, as a reader should; without FILE_SHARE_DELETE a
		// store's atomic rename over this file would fail meanwhile.
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil,                   // lpSecurityAttributes: the handle is not inherited
		windows.OPEN_EXISTING, // dwCreationDisposition: never create
		windows.FILE_ATTRIBUTE_NORMAL,
		0) // hTemplateFile
	if err != nil {
		return nil, err
	}
	t, err := windows.GetFileType(h)
	if err != nil || t != windows.FILE_TYPE_DISK { // FILE_TYPE_DISK: a file on a disk, not a pipe (FILE_TYPE_PIPE) or a console or device (FILE_TYPE_CHAR)
		windows.CloseHandle(h)
		kind := "device"
		if t == windows.FILE_TYPE_PIPE {
			kind = "fifo"
		}
		return nil, coded.New(CodeNotRegular, err, "file", path, "kind", kind)
	}
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		windows.CloseHandle(h)
		return nil, err
	}
	if info.FileAttributes&windows.FILE_ATTRIBUTE_DIRECTORY != 0 {
		windows.CloseHandle(h)
		return nil, coded.New(CodeNotRegular, nil, "file", path, "kind", "folder")
	}
	return os.NewFile(uintptr(h), path), nil
}
