package central

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"qscert/certs/coded"
)

// Lines of the repository's bootstrap output the procedure acts on.
const (
	// StartupLine: the bootstrap waits for the Service Dispatcher's
	// services. Started by hand, it stays on this line until the
	// dispatcher runs.
	StartupLine = "Entering main startup phase"
	// EndLine: the bootstrap is over; it then waits for ENTER, which the
	// null device on its standard input answers.
	EndLine = "Bootstrap mode has terminated"
)

// maxLoggedLines bounds the bootstrap's output kept in the log: a
// repository that loops on an error would otherwise fill the disk before
// the timeout. Past it, lines are still watched, not written.
const maxLoggedLines = 50_000

// endGrace is how long a bootstrap that said EndLine may take to exit
// before it is ended: its work is done.
const endGrace = 30 * time.Second

// bootstrap is step 4: Repository.exe -bootstrap -iscentral
// -restorehostname as the service account, with its output in the log.
func (r *run) bootstrap() error {
	if err := r.noBootstrapRunning(); err != nil {
		return err
	}
	if err := r.startDatabase(); err != nil {
		return err
	}
	argv := append([]string{r.rec.Repository}, BootstrapArgs...)
	r.event(StepBootstrap, EventInfo, "central.event.bootstrap", map[string]string{"command": CommandLine(argv), "account": r.rec.Account.Name})
	if r.rc.node.Bootstrap != nil {
		argv = r.rc.node.Bootstrap(argv)
	}
	return r.watchBootstrap(argv)
}

// noBootstrapRunning waits until no Repository.exe runs: with the
// Repository service stopped (step 3), one that runs is a bootstrap a
// killed qscert left, which must end before another starts. It ends by
// itself soon (its sub-command notices that its parent is gone).
func (r *run) noBootstrapRunning() error {
	program := baseName(r.rec.Repository)
	deadline := time.Now().Add(r.rc.opts.ServiceTimeout)
	for {
		pids, err := r.rc.node.Processes.Running(program)
		if err != nil {
			return err
		}
		if len(pids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return coded.New(CodeBootstrapRunning, nil, "program", program, "pids", fmt.Sprint(pids))
		}
		select {
		case <-r.context().Done():
			return r.context().Err()
		case <-time.After(r.rc.node.poll()):
		}
	}
}

// startDatabase starts the Repository Database if it is installed and
// does not run: the bootstrap writes to it.
func (r *run) startDatabase() error {
	svc := r.rc.node.Services
	st, err := svc.Query(ServiceRepositoryDatabase)
	if err != nil || !st.Exists || st.State == StateRunning {
		return err
	}
	if err := r.startService(StepBootstrap, ServiceRepositoryDatabase); err != nil {
		return err
	}
	return nil
}

// startService starts one service and waits until it runs.
func (r *run) startService(step StepID, name string) error {
	svc := r.rc.node.Services
	r.event(step, EventInfo, "central.event.starting", map[string]string{"service": DisplayName(name)})
	if err := svc.Start(name); err != nil {
		return coded.New(CodeServiceStartFailed, err, "service", DisplayName(name), "exit", "", "detail", err.Error())
	}
	if _, err := WaitState(r.context(), svc, name, StateRunning, r.rc.opts.ServiceTimeout, r.rc.node.poll()); err != nil {
		return err
	}
	if err := r.note(journalEvent{Step: step, State: jStarted, Service: name}); err != nil {
		return err
	}
	r.event(step, EventInfo, "central.event.started-service", map[string]string{"service": DisplayName(name)})
	return nil
}

// watchBootstrap runs the bootstrap and watches its output: when it has
// stayed on StartupLine for StuckAfter, the Service Dispatcher is started
// (once) and the wait goes on; after BootstrapTimeout it is ended.
func (r *run) watchBootstrap(argv []string) error {
	o := r.rc.opts
	ctx, cancel := context.WithTimeout(r.context(), o.BootstrapTimeout)
	defer cancel()
	msgs := make(chan childLine)
	done := make(chan error, 1)
	go func() {
		req := childRequest{Op: "run", Argv: argv, HeartbeatMS: int(o.Heartbeat.Milliseconds())}
		done <- r.rc.acting.run(ctx, req, func(l childLine) error {
			select {
			case msgs <- l:
			case <-ctx.Done():
			}
			return nil
		})
	}()
	var (
		last       string
		lastAt     = time.Now()
		exit       *int
		endSeen    time.Time
		endedByUs  bool
		dispatched bool
	)
	tick := time.NewTicker(min(r.rc.node.poll(), time.Second))
	defer tick.Stop()
	for {
		select {
		case l := <-msgs:
			switch {
			case l.Started != 0:
				_ = r.note(journalEvent{Step: StepBootstrap, State: jPID, PID: l.Started})
			case l.Line != nil:
				last, lastAt = *l.Line, time.Now()
				r.output(last)
				if strings.Contains(last, EndLine) {
					endSeen = time.Now()
				}
			case l.Exit != nil:
				exit = l.Exit
			}
		case <-tick.C:
			if !dispatched && strings.Contains(last, StartupLine) && time.Since(lastAt) >= o.StuckAfter {
				dispatched = true
				r.startDispatcher()
			}
			if !endSeen.IsZero() && exit == nil && time.Since(endSeen) > endGrace {
				endedByUs = true
				cancel()
			}
		case err := <-done:
			return r.bootstrapOutcome(ctx, err, exit, endedByUs, last)
		}
	}
}

// output logs one line of the bootstrap.
func (r *run) output(line string) {
	r.outputLines++
	switch {
	case r.outputLines == maxLoggedLines+1:
		line = "…"
	case r.outputLines > maxLoggedLines:
		return
	}
	e := Event{Time: r.rc.opts.Now(), Step: StepBootstrap, Kind: EventOutput, Line: line}
	r.log.write(e)
	if r.rc.opts.OnEvent != nil {
		r.rc.opts.OnEvent(e)
	}
}

// startDispatcher starts the Service Dispatcher for a bootstrap that
// waits for it, without waiting: the bootstrap's output says the rest.
func (r *run) startDispatcher() {
	r.event(StepBootstrap, EventWarning, "central.event.stuck", map[string]string{"seconds": fmt.Sprint(int(r.rc.opts.StuckAfter.Seconds())), "service": DisplayName(ServiceDispatcher)})
	if err := r.rc.node.Services.Start(ServiceDispatcher); err != nil {
		r.event(StepBootstrap, EventWarning, "central.event.dispatcher-failed", map[string]string{"service": DisplayName(ServiceDispatcher)}, err)
		return
	}
	r.res.DispatcherStarted = true
	_ = r.note(journalEvent{Step: StepBootstrap, State: jDispatch, Service: ServiceDispatcher})
	r.event(StepBootstrap, EventInfo, "central.event.started-service", map[string]string{"service": DisplayName(ServiceDispatcher)})
}

func (r *run) bootstrapOutcome(ctx context.Context, err error, exit *int, endedByUs bool, last string) error {
	switch {
	case endedByUs:
		r.event(StepBootstrap, EventWarning, "central.event.ended-after-end-line", nil)
		return nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded) && r.context().Err() == nil:
		return coded.New(CodeBootstrapTimeout, err, "minutes", fmt.Sprint(int(r.rc.opts.BootstrapTimeout.Minutes())),
			"seconds", fmt.Sprint(int(r.rc.opts.BootstrapTimeout.Seconds())), "last", last)
	case err != nil:
		return err
	case exit == nil:
		return coded.New(CodeBootstrapFailed, nil, "exit", "?", "last", last)
	case *exit != 0:
		return coded.New(CodeBootstrapFailed, nil, "exit", fmt.Sprint(*exit), "last", last)
	}
	return nil
}

// CommandLine is argv as a Windows command line, for people: the
// bootstrap's in the log, on the confirmation and in the plan.
func CommandLine(argv []string) string {
	parts := make([]string, len(argv))
	for i, a := range argv {
		if strings.ContainsAny(a, " \t") {
			a = `"` + a + `"`
		}
		parts[i] = a
	}
	return strings.Join(parts, " ")
}

// baseName is a path's last element, with either separator: the
// repository's path is a Windows path on every OS.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		return p[i+1:]
	}
	return p
}
