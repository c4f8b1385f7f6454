package boundedfile_test

import (
	"testing"
	"time"

	"golang.org/x/sys/windows"

	"qscert/certs/boundedfile"
)

// readWithin fails the test when Read has not returned after a while.
func readWithin(t *testing.T, path string, limit int64) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := boundedfile.Read(path, limit)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("Read(%s) still blocked after 10 s", path)
		return nil, nil
	}
}

// A named pipe whose server never writes: reading it would wait forever.
func TestNamedPipeIsRefusedWithoutBlocking(t *testing.T) {
	name := `\\.\pipe\qscert-boundedfile-test`
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		t.Fatal(err)
	}
	h, err := windows.CreateNamedPipe(p,
		windows.PIPE_ACCESS_DUPLEX, // dwOpenMode
		windows.PIPE_TYPE_BYTE|windows.PIPE_WAIT,
		4,    // nMaxInstances: the stat and the open each take one
		4096, // nOutBufferSize
		4096, // nInBufferSize
		0,    // nDefaultTimeOut
		nil)  // lpSecurityAttributes
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CloseHandle(h)
	_, err = readWithin(t, name, 1<<20)
	wantCode(t, err, boundedfile.CodeNotRegular)
}

// Devices are never read. (CON is left out: under Wine without a console
// even its stat fails, with "Invalid handle".)
func TestDeviceIsRefused(t *testing.T) {
	for _, name := range []string{"NUL", `\\.\NUL`} {
		_, err := readWithin(t, name, 1<<20)
		wantCode(t, err, boundedfile.CodeNotRegular)
	}
}
