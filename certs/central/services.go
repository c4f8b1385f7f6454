package central

import (
	"context"
	"fmt"
	"strings"
	"time"

	"qscert/certs/coded"
)

// State is a service's state as the service manager reports it.
type State string

const (
	StateStopped      State = "stopped"
	StateStartPending State = "start-pending"
	StateStopPending  State = "stop-pending"
	StateRunning      State = "running"
	StatePaused       State = "paused"
	StateOther        State = "other" // continue- or pause-pending
)

// StartType is how a service is configured to start.
type StartType string

const (
	StartAuto     StartType = "auto"
	StartManual   StartType = "manual"
	StartDisabled StartType = "disabled"
)

// ServiceStatus is one service as the service manager reports it.
type ServiceStatus struct {
	Name   string    `json:"name"`
	Exists bool      `json:"exists"`
	State  State     `json:"state,omitempty"`
	Start  StartType `json:"startType,omitempty"`
	// Account is the service's start name: "CORP\svc_qlik",
	// ".\qlikadmin", "LocalSystem".
	Account string `json:"account,omitempty"`
	// ExitCode is the service's Win32 exit code once it stopped by itself
	// (a failed start).
	ExitCode uint32 `json:"exitCode,omitempty"`
}

// Services controls the machine's services. OpenWindows uses the service
// manager (golang.org/x/sys/windows/svc/mgr); centraltest a file of
// states.
type Services interface {
	// Query reports a service; a service that is not installed has
	// Exists false and no error.
	Query(name string) (ServiceStatus, error)
	// Start asks the service to start and returns at once; Stop asks it
	// to stop. Either is harmless when it is in that state already.
	Start(name string) error
	Stop(name string) error
}

// The Qlik Sense services, by their key names.
const (
	ServiceRepositoryDatabase = "QlikSenseRepositoryDatabase"
	ServiceDispatcher         = "QlikSenseServiceDispatcher"
	ServiceRepository         = "QlikSenseRepositoryService"
	ServiceProxy              = "QlikSenseProxyService"
	ServiceScheduler          = "QlikSenseSchedulerService"
	ServiceEngine             = "QlikSenseEngineService"
	ServicePrinting           = "QlikSensePrintingService"
)

// displayNames are the services as services.msc names them.
var displayNames = map[string]string{
	ServiceRepositoryDatabase: "Qlik Sense Repository Database",
	ServiceDispatcher:         "Qlik Sense Service Dispatcher",
	ServiceRepository:         "Qlik Sense Repository Service",
	ServiceProxy:              "Qlik Sense Proxy Service",
	ServiceScheduler:          "Qlik Sense Scheduler Service",
	ServiceEngine:             "Qlik Sense Engine Service",
	ServicePrinting:           "Qlik Sense Printing Service",
}

// DisplayName is the service's name in services.msc.
func DisplayName(name string) string {
	if d, ok := displayNames[name]; ok {
		return d
	}
	return name
}

// DisplayNames are services as services.msc names them, in one line.
func DisplayNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = DisplayName(n)
	}
	return strings.Join(out, ", ")
}

// StartOrder is the order the services start in: the database first, the
// dispatcher (which runs the micro-services the repository waits for),
// the repository, then the services that ask the repository.
var StartOrder = []string{ServiceRepositoryDatabase, ServiceDispatcher, ServiceRepository,
	ServiceProxy, ServiceScheduler, ServiceEngine, ServicePrinting}

// StopOrder is the services stopped before the certificates are deleted,
// dependents first: every Qlik Sense service but the Repository
// Database, which the bootstrap needs.
var StopOrder = []string{ServicePrinting, ServiceEngine, ServiceScheduler, ServiceProxy,
	ServiceRepository, ServiceDispatcher}

// WaitState polls s until name is in want, and fails with service-timeout
// after timeout. A service that stops while it should start (it failed)
// gives service-start-failed at once, with its exit code.
func WaitState(ctx context.Context, s Services, name string, want State, timeout, poll time.Duration) (ServiceStatus, error) {
	deadline := time.Now().Add(timeout)
	seenPending := false
	for {
		st, err := s.Query(name)
		if err != nil {
			return st, err
		}
		if !st.Exists || st.State == want {
			return st, nil
		}
		if want == StateRunning {
			if st.State == StateStartPending {
				seenPending = true
			}
			if st.State == StateStopped && (seenPending || st.ExitCode != 0) {
				return st, coded.New(CodeServiceStartFailed, nil, "service", DisplayName(name), "exit", fmt.Sprint(st.ExitCode))
			}
		}
		if time.Now().After(deadline) {
			return st, coded.New(CodeServiceTimeout, nil, "service", DisplayName(name), "state", string(st.State), "want", string(want),
				"seconds", fmt.Sprint(int(timeout.Seconds())))
		}
		select {
		case <-ctx.Done():
			return st, ctx.Err()
		case <-time.After(poll):
		}
	}
}
