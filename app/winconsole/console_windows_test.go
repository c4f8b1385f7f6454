package winconsole

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	testKernel32                    = windows.NewLazySystemDLL("kernel32.dll")
	procFreeConsole                 = testKernel32.NewProc("FreeConsole")
	procReadConsoleOutputCharacterW = testKernel32.NewProc("ReadConsoleOutputCharacterW")
	procWriteConsoleInputW          = testKernel32.NewProc("WriteConsoleInputW")
)

// inputRecord is INPUT_RECORD holding a KEY_EVENT_RECORD.
type inputRecord struct {
	EventType       uint16
	_               uint16
	KeyDown         int32
	RepeatCount     uint16
	VirtualKeyCode  uint16
	VirtualScanCode uint16
	Char            uint16
	ControlKeyState uint32
}

const keyEvent = 0x0001 // KEY_EVENT

// detached runs the test as a GUI-subsystem qscert.exe starts: with no
// console. It puts the test binary's own console and handles back after,
// so that go test still reads its output.
func detached(t *testing.T) {
	stdin, stdout, stderr := os.Stdin, os.Stdout, os.Stderr
	var handles [3]windows.Handle
	ids := [3]uint32{windows.STD_INPUT_HANDLE, windows.STD_OUTPUT_HANDLE, windows.STD_ERROR_HANDLE}
	for i, id := range ids {
		handles[i], _ = windows.GetStdHandle(id)
	}
	procFreeConsole.Call()
	if getConsoleWindow() != 0 {
		t.Fatal("FreeConsole left a console")
	}
	t.Cleanup(func() {
		procFreeConsole.Call()
		os.Stdin, os.Stdout, os.Stderr = stdin, stdout, stderr
		for i, id := range ids {
			_ = windows.SetStdHandle(id, handles[i])
		}
	})
}

// screenLine returns the screen buffer's line y.
func screenLine(t *testing.T, out *os.File, y int16) string {
	var info windows.ConsoleScreenBufferInfo
	if err := windows.GetConsoleScreenBufferInfo(windows.Handle(out.Fd()), &info); err != nil {
		t.Fatal(err)
	}
	buf := make([]uint16, info.Size.X)
	var read uint32
	coord := uintptr(uint32(uint16(y))<<16 | 0) // COORD{X: 0, Y: y}, passed by value
	if r, _, err := procReadConsoleOutputCharacterW.Call(out.Fd(), uintptr(unsafe.Pointer(&buf[0])),
		uintptr(len(buf)), coord, uintptr(unsafe.Pointer(&read))); r == 0 {
		t.Fatal(err)
	}
	return strings.TrimRight(windows.UTF16ToString(buf[:read]), " ")
}

// typeLine types s and Enter into the console's input.
func typeLine(t *testing.T, in *os.File, s string) {
	var records []inputRecord
	for _, c := range s + "\r" {
		for _, down := range []int32{1, 0} {
			r := inputRecord{EventType: keyEvent, KeyDown: down, RepeatCount: 1, Char: uint16(c)}
			if c == '\r' {
				r.VirtualKeyCode = 0x0D // VK_RETURN
			}
			records = append(records, r)
		}
	}
	var written uint32
	if r, _, err := procWriteConsoleInputW.Call(in.Fd(), uintptr(unsafe.Pointer(&records[0])),
		uintptr(len(records)), uintptr(unsafe.Pointer(&written))); r == 0 {
		t.Fatal(err)
	}
}

func TestOpenGivesAGUIProcessAConsoleOnItsStandardFiles(t *testing.T) {
	detached(t)
	c, err := Open("qscert test")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Fresh || getConsoleWindow() == 0 {
		t.Fatalf("fresh %v, console window %v", c.Fresh, getConsoleWindow())
	}
	if os.Stdin != c.In || os.Stdout != c.Out || os.Stderr != c.Err {
		t.Fatal("os.Stdin, os.Stdout and os.Stderr are not the console's")
	}
	for id, f := range map[uint32]*os.File{windows.STD_INPUT_HANDLE: c.In, windows.STD_OUTPUT_HANDLE: c.Out, windows.STD_ERROR_HANDLE: c.Err} {
		if h, _ := windows.GetStdHandle(id); h != windows.Handle(f.Fd()) {
			t.Errorf("GetStdHandle(%d) = %v, want the console's %v", int32(id), h, f.Fd())
		}
	}

	// What the wizard prints lands on the console's screen, accents too.
	fmt.Fprintln(os.Stdout, "Assistant de certificats: étape 1")
	fmt.Fprintln(os.Stderr, "erreur: aucun certificat")
	var info windows.ConsoleScreenBufferInfo
	if err := windows.GetConsoleScreenBufferInfo(windows.Handle(c.Out.Fd()), &info); err != nil {
		t.Fatal(err)
	}
	if got := screenLine(t, c.Out, info.CursorPosition.Y-2); got != "Assistant de certificats: étape 1" {
		t.Errorf("screen line %q", got)
	}
	if got := screenLine(t, c.Out, info.CursorPosition.Y-1); got != "erreur: aucun certificat" {
		t.Errorf("screen line %q", got)
	}

	// What the user types reaches os.Stdin.
	typeLine(t, c.In, "oui")
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil || strings.TrimRight(line, "\r\n") != "oui" {
		t.Fatalf("read %q, %v", line, err)
	}

	// HoldOpen waits for Enter.
	held := make(chan struct{})
	go func() { c.HoldOpen("Press Enter to close this window."); close(held) }()
	select {
	case <-held:
		t.Fatal("HoldOpen returned before Enter")
	case <-time.After(200 * time.Millisecond):
	}
	typeLine(t, c.In, "")
	select {
	case <-held:
	case <-time.After(10 * time.Second):
		t.Fatal("HoldOpen did not return after Enter")
	}
}

func TestOpenKeepsAConsoleTheProcessHas(t *testing.T) {
	detached(t)
	if _, err := Open("first"); err != nil {
		t.Fatal(err)
	}
	out := os.Stdout
	c, err := Open("second")
	if err != nil {
		t.Fatal(err)
	}
	if c.Fresh || c.Out != out {
		t.Fatalf("a second Open made another console: %+v", c)
	}
	done := make(chan struct{})
	go func() { c.HoldOpen("never shown"); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("HoldOpen waited on a console Open did not make")
	}
}
