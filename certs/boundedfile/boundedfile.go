// Package boundedfile reads a file that someone else named (an export, a
// manifest, a backup PFX, a password file, a store's own bundle) without
// letting that file hang or exhaust qscert: it reads regular files only,
// never more than a limit, and never blocks on opening one.
//
// Why each rule:
//   - A FIFO blocks open(2) until a writer comes and read(2) until it
//     writes; a character device such as /dev/zero never ends. So the file
//     is opened without blocking (O_NONBLOCK on Unix; on Windows a pipe or
//     a device never gets read) and the type is checked on the open handle,
//     not on the name: a name checked by stat can be swapped for a FIFO
//     before the open.
//   - Links are followed, because people link their exports, but only to a
//     regular file: the check is on what the handle reached.
//   - At most limit+1 bytes are read whatever the size said a moment
//     before, so a file that grows while it is read is still refused.
package boundedfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"qscert/certs/coded"
)

// Codes is the table of what Read returns. file-unreadable and
// file-too-large are declared here, below certs/export, which reports
// them as findings of an export file as they are (their sentences are in
// certs.*.json, file-not-regular's in files.*.json).
var Codes = &coded.Registry{}

var (
	CodeNotRegular = Codes.Error("file-not-regular") // a folder, FIFO, device or socket
	CodeTooLarge   = Codes.Error("file-too-large")   // more than the limit
	CodeUnreadable = Codes.Error("file-unreadable")  // missing, denied, or failed while reading
)

// Read returns the content of the regular file at path, or a coded error:
// file-not-regular, file-too-large (more than limit bytes) or
// file-unreadable. Every error carries "file" (the path); file-too-large
// also "size" and "limit", file-not-regular "kind", file-unreadable
// "detail". A missing file is file-unreadable whose cause matches
// fs.ErrNotExist, so a caller can tell "absent" from "damaged".
func Read(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadOpen(f, path, limit)
}

// Open opens path for reading after checking, on the open handle, that it
// is a regular file (links followed). Unlike os.Open it cannot block on a
// FIFO and never reads a device. The caller closes the file. A caller that
// needs the file's identity while it works (os.SameFile against a later
// Stat) keeps it open.
func Open(path string) (*os.File, error) {
	// A stat first spares opening a device at all in the usual case (a
	// tape rewinds when opened); the check on the handle below is the one
	// that counts.
	if info, err := os.Stat(path); err != nil {
		return nil, unreadable(path, err)
	} else if !info.Mode().IsRegular() {
		return nil, notRegular(path, info.Mode())
	}
	f, err := openNoBlock(path)
	if err != nil {
		if coded.As(err) != nil {
			return nil, err
		}
		return nil, unreadable(path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, unreadable(path, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, info.Mode())
	}
	return f, nil
}

// ReadOpen reads at most limit bytes of a file from Open; path is for the
// errors.
func ReadOpen(f *os.File, path string, limit int64) ([]byte, error) {
	if limit < 0 {
		limit = 0
	}
	size := int64(512)
	if info, err := f.Stat(); err == nil {
		if info.Size() > limit {
			return nil, tooLarge(path, info.Size(), limit)
		}
		// One allocation of the right size (+1 to see a file that grew),
		// not a doubling per read of a 15 MB bundle: as os.ReadFile does.
		size = info.Size() + 1
	}
	r := io.LimitReader(f, limit+1)
	data := make([]byte, 0, min(size, limit+1))
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, unreadable(path, err)
		}
	}
	if int64(len(data)) > limit {
		// It grew after the size was read; its final size is unknown.
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

// IsNotExist reports whether err says the file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func unreadable(path string, cause error) error {
	return coded.New(CodeUnreadable, cause, "file", path, "detail", cause.Error())
}

func notRegular(path string, mode fs.FileMode) error {
	return coded.New(CodeNotRegular, nil, "file", path, "kind", kindOf(mode))
}

func tooLarge(path string, size, limit int64) error {
	return coded.New(CodeTooLarge, nil, "file", path, "size", fmt.Sprint(size), "limit", fmt.Sprint(limit))
}

// kindOf names a file type for the message; the sentence quotes it as is,
// so it is a plain technical word in both languages.
func kindOf(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "folder"
	case mode&fs.ModeNamedPipe != 0:
		return "fifo"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeCharDevice != 0:
		return "character-device"
	case mode&fs.ModeDevice != 0:
		return "device"
	case mode&fs.ModeSymlink != 0:
		return "link"
	case mode&fs.ModeIrregular != 0:
		return "irregular"
	}
	return "unknown"
}
