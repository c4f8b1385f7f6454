package glprobe

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

// DefaultTimeout bounds a probe. A driver answers in tens of milliseconds
// (see BenchmarkProbe); one that has not answered in five seconds would
// hang Fyne too, so the console is the right answer then.
const DefaultTimeout = 5 * time.Second

// Options tune Probe; the zero value probes this process's session.
type Options struct {
	// Getenv reads DISPLAY, WAYLAND_DISPLAY and SSH_CONNECTION; nil is
	// os.Getenv. The driver itself reads the process's environment
	// (MESA_GL_VERSION_OVERRIDE, for one).
	Getenv func(string) string
	// Timeout bounds the probe; zero is DefaultTimeout.
	Timeout time.Duration
}

// running holds a token while a probe runs. A probe stuck in a driver
// keeps it, so a later Probe waits at most its own timeout instead of
// piling a second stuck thread onto the first.
var running = make(chan struct{}, 1)

// platformProbe asks this OS's driver; tests replace it to make a probe
// hang or panic.
var platformProbe = probePlatform

// Probe finds out whether the window can have the OpenGL context Fyne asks
// for. It asks the driver on an OS thread of its own: whatever the driver
// does there (an X error, a dead X server, a driver that never returns),
// Probe returns within the timeout and the process goes on. It never
// panics.
func Probe(o Options) Result {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	start := time.Now()
	deadline := time.NewTimer(o.Timeout)
	defer deadline.Stop()
	select {
	case running <- struct{}{}:
	case <-deadline.C:
		return timedOut(o, start)
	}
	done := make(chan Result, 1)
	go func() {
		// A GL context is bound to the thread that makes it current, and
		// the probe's windows to the thread that creates them. The thread
		// stays locked: when this goroutine ends, Go ends the thread too,
		// and with it anything the driver left on it.
		runtime.LockOSThread()
		defer func() {
			if p := recover(); p != nil {
				done <- Result{Probed: true, Reason: ReasonFailed, Detail: fmt.Sprint("probe panicked: ", p)}
			}
			<-running
		}()
		done <- platformProbe(o.Getenv)
	}()
	select {
	case r := <-done:
		r.Took = time.Since(start)
		if !r.Usable {
			r.Session, r.Machine = session(o.Getenv), virtualMachine()
		}
		return r
	case <-deadline.C:
		return timedOut(o, start)
	}
}

func timedOut(o Options, start time.Time) Result {
	return Result{
		Probed:  true,
		Reason:  ReasonTimeout,
		Display: o.Getenv("DISPLAY"),
		Detail:  fmt.Sprintf("no answer from the OpenGL driver in %s", o.Timeout),
		Session: session(o.Getenv),
		Machine: virtualMachine(),
		Took:    time.Since(start),
	}
}

// verdict completes a result whose context was made: usable when its
// version is Required or later, as GLFW checks after making it.
func verdict(r Result) Result {
	r.Probed = true
	v, es, err := ParseVersion(r.Version)
	switch {
	case err != nil:
		r.Reason, r.Detail = ReasonFailed, err.Error()
	case es:
		r.Reason, r.Detail = ReasonVersionTooLow, "the driver made an OpenGL ES context, not desktop OpenGL"
	case !v.AtLeast(Required):
		r.Reason = ReasonVersionTooLow
	default:
		r.Usable, r.Reason = true, ""
	}
	return r
}
