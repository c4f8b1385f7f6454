package central

import (
	"bufio"
	"errors"
	"io"
	"os/exec"
	"strings"
	"time"
)

// maxOutputLine bounds a line of the bootstrap's output passed on; a
// longer one is cut (the log keeps its start).
const maxOutputLine = 16 << 10

// runProgram starts argv (the bootstrap), passes each line of its output
// (standard output and error together, as a console shows them) and its
// exit code to the parent. Its standard input is the null device: the
// bootstrap's last "Press ENTER to exit" then returns at once.
//
// The program must not outlive this sub-command, nor this sub-command
// the procedure that started it: a bootstrap left running would make
// certificates while the next qscert works. So the program is bound to
// this process (a job object that kills it when this process ends, on
// Windows; the parent-death signal on Linux: bindToThisProcess), and
// this process writes a heartbeat line every heartbeatMS: a write that
// fails means the procedure is gone, and the program is ended.
func runProgram(argv []string, heartbeatMS int, w *lineWriter) int {
	if len(argv) == 0 {
		return w.fail(errors.New("no program to run"))
	}
	if err := bindToThisProcess(); err != nil {
		return w.fail(err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	started := make(chan error, 1)
	waited := make(chan error, 1)
	// The program is started and waited for on one locked OS thread: on
	// Linux the parent-death signal follows the thread that started it.
	go func() {
		lockThread()
		defer unlockThread()
		prepareProgram(cmd)
		err := cmd.Start()
		started <- err
		if err != nil {
			return
		}
		waited <- cmd.Wait()
		pw.Close()
	}()
	if err := <-started; err != nil {
		return w.fail(err)
	}
	stop := func() { _ = cmd.Process.Kill() }
	if w.write(childLine{Started: cmd.Process.Pid}) != nil {
		stop()
		return 3
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		readLines(pr, func(s string) { lines <- s })
	}()
	beat := time.Duration(max(heartbeatMS, 100)) * time.Millisecond
	ticker := time.NewTicker(beat)
	defer ticker.Stop()
	for {
		select {
		case s, ok := <-lines:
			if !ok {
				err := <-waited
				code := 0
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					code = exit.ExitCode()
				} else if err != nil {
					return w.fail(err)
				}
				if w.write(childLine{Exit: &code}) != nil {
					return 3
				}
				return 0
			}
			if w.write(childLine{Line: &s}) != nil {
				stop()
				return 3
			}
		case <-ticker.C:
			if w.write(childLine{Alive: true}) != nil {
				stop()
				return 3
			}
		}
	}
}

// readLines splits r into lines without a limit on how long a line may
// grow before it is cut at maxOutputLine, and without its line end.
func readLines(r io.Reader, each func(string)) {
	br := bufio.NewReaderSize(r, 64<<10)
	var cur []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(cur) < maxOutputLine {
			cur = append(cur, chunk[:min(len(chunk), maxOutputLine-len(cur))]...)
		}
		if err != nil {
			if len(cur) > 0 {
				each(cleanLine(cur))
			}
			_, _ = io.Copy(io.Discard, r)
			return
		}
		if !isPrefix {
			each(cleanLine(cur))
			cur = cur[:0]
		}
	}
}

// cleanLine is a line as the log can hold it: valid UTF-8 (the
// repository writes in the console's code page), no carriage return.
func cleanLine(b []byte) string {
	return strings.ToValidUTF8(strings.TrimRight(string(b), "\r"), "?")
}
