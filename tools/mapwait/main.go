//go:build linux

// Command mapwait starts a program and reports how long its window took to
// appear: from launch until a top-level window with the given title is
// viewable on the X display. It speaks the few X11 requests it needs over
// the display's socket and polls every 2 ms, because spawning xwininfo or
// xdotool per poll costs more than a window takes to map (and xdotool's
// --sync polls every 500 ms).
//
//	mapwait -title 'Qlik Sense Certificate Wizard' -pidfile F [-record F] -- prog args...
//
// It prints the milliseconds on stdout and leaves the program running,
// its pid in -pidfile, so that stopping it is not timed (bench/startup.sh
// stops it before the next run).
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	title := flag.String("title", "", "the window title to wait for")
	pidfile := flag.String("pidfile", "", "where to write the program's pid")
	record := flag.String("record", "", "also append the milliseconds to this file")
	timeout := flag.Duration("timeout", 30*time.Second, "give up after this long")
	flag.Parse()
	if *title == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mapwait -title TITLE [-pidfile F] -- program [args]")
		os.Exit(2)
	}
	x, err := dial(os.Getenv("DISPLAY"))
	if err != nil {
		fail(err)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	if *pidfile != "" {
		if err := os.WriteFile(*pidfile, []byte(strconv.Itoa(cmd.Process.Pid)), 0o644); err != nil {
			fail(err)
		}
	}
	for time.Since(start) < *timeout {
		ok, err := x.viewable(*title)
		if err != nil {
			fail(err)
		}
		if ok {
			ms := fmt.Sprintf("%.1f\n", float64(time.Since(start).Microseconds())/1000)
			fmt.Print(ms)
			if *record != "" {
				f, err := os.OpenFile(*record, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					fail(err)
				}
				_, _ = f.WriteString(ms)
				_ = f.Close()
			}
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	fail(fmt.Errorf("no window %q after %s", *title, *timeout))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mapwait:", err)
	os.Exit(1)
}

// conn is a connection to an X server, little-endian.
type conn struct {
	c    net.Conn
	root uint32
}

// dial connects to ":N" through its unix socket. Xvfb started by the
// scripts has no access control, so no authentication is sent.
func dial(display string) (*conn, error) {
	n := strings.TrimPrefix(strings.SplitN(display, ".", 2)[0], ":")
	if _, err := strconv.Atoi(n); err != nil {
		return nil, fmt.Errorf("DISPLAY %q is not a local display", display)
	}
	c, err := net.Dial("unix", "/tmp/.X11-unix/X"+n)
	if err != nil {
		return nil, err
	}
	// Byte order 'l', protocol 11.0, no authorisation.
	if _, err := c.Write([]byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}); err != nil {
		return nil, err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil {
		return nil, err
	}
	body := make([]byte, int(binary.LittleEndian.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(c, body); err != nil {
		return nil, err
	}
	if head[0] != 1 {
		return nil, errors.New("the X server refused the connection")
	}
	vendorLen := int(binary.LittleEndian.Uint16(body[16:]))
	formats := int(body[21])
	screens := 32 + (vendorLen+3)/4*4 + formats*8
	return &conn{c: c, root: binary.LittleEndian.Uint32(body[screens:])}, nil
}

// request sends one request and returns its reply, or nil for an X error
// (a window that vanished meanwhile).
func (x *conn) request(opcode byte, data byte, words ...uint32) ([]byte, error) {
	req := make([]byte, 4+4*len(words))
	req[0], req[1] = opcode, data
	binary.LittleEndian.PutUint16(req[2:], uint16(1+len(words)))
	for i, w := range words {
		binary.LittleEndian.PutUint32(req[4+4*i:], w)
	}
	if _, err := x.c.Write(req); err != nil {
		return nil, err
	}
	for {
		head := make([]byte, 32)
		if _, err := io.ReadFull(x.c, head); err != nil {
			return nil, err
		}
		switch head[0] {
		case 0: // error
			return nil, nil
		case 1: // reply
			more := make([]byte, int(binary.LittleEndian.Uint32(head[4:]))*4)
			if _, err := io.ReadFull(x.c, more); err != nil {
				return nil, err
			}
			return append(head, more...), nil
		}
		// An event: none is selected, but skip any.
	}
}

const (
	opGetWindowAttributes = 3
	opQueryTree           = 15
	opGetProperty         = 20
	atomWMName            = 39 // predefined atom WM_NAME
	mapStateViewable      = 2
)

// viewable reports whether a top-level window titled title is viewable.
func (x *conn) viewable(title string) (bool, error) {
	tree, err := x.request(opQueryTree, 0, x.root)
	if err != nil || tree == nil {
		return false, err
	}
	n := int(binary.LittleEndian.Uint16(tree[16:]))
	for i := 0; i < n; i++ {
		w := binary.LittleEndian.Uint32(tree[32+4*i:])
		prop, err := x.request(opGetProperty, 0, w, atomWMName, 0, 0, 256)
		if err != nil {
			return false, err
		}
		if prop == nil {
			continue
		}
		length := int(binary.LittleEndian.Uint32(prop[16:]))
		if string(prop[32:32+length]) != title {
			continue
		}
		attrs, err := x.request(opGetWindowAttributes, 0, w)
		if err != nil {
			return false, err
		}
		if attrs != nil && attrs[26] == mapStateViewable {
			return true, nil
		}
	}
	return false, nil
}
