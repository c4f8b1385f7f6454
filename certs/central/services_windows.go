package central

import (
	"errors"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/mgr"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// windowsServices is the service control manager, through svc/mgr. Each
// call opens the SCM and the service with the rights it needs only
// (mgr.Connect and mgr.OpenService ask for all of them, which a service's
// DACL may refuse even an administrator).
type windowsServices struct{}

// open opens name with access; ok false when there is no such service.
func (windowsServices) open(name string, access uint32) (*mgr.Service, func(), bool, error) {
	m, err := windows.OpenSCManager(nil, nil, windows.SC_MANAGER_CONNECT) // this machine, SERVICES_ACTIVE_DATABASE
	if err != nil {
		return nil, nil, false, servicesFailed(name, "OpenSCManager", err)
	}
	u, err := windows.UTF16PtrFromString(name)
	if err != nil {
		windows.CloseServiceHandle(m)
		return nil, nil, false, nil
	}
	h, err := windows.OpenService(m, u, access)
	if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) || errors.Is(err, windows.ERROR_INVALID_NAME) {
		windows.CloseServiceHandle(m)
		return nil, nil, false, nil
	}
	if err != nil {
		windows.CloseServiceHandle(m)
		return nil, nil, false, servicesFailed(name, "OpenService", err)
	}
	s := &mgr.Service{Name: name, Handle: h}
	return s, func() { s.Close(); windows.CloseServiceHandle(m) }, true, nil
}

func (w windowsServices) Query(name string) (ServiceStatus, error) {
	s, done, ok, err := w.open(name, windows.SERVICE_QUERY_STATUS|windows.SERVICE_QUERY_CONFIG)
	if err != nil || !ok {
		return ServiceStatus{Name: name}, err
	}
	defer done()
	st, err := s.Query() // QueryServiceStatusEx
	if err != nil {
		return ServiceStatus{Name: name}, servicesFailed(name, "QueryServiceStatusEx", err)
	}
	out := ServiceStatus{Name: name, Exists: true, State: stateOf(st.State), ExitCode: exitCodeOf(st)}
	cfg, err := accounts.ServiceConfig(s.Handle)
	if err != nil {
		return out, servicesFailed(name, "QueryServiceConfig", err)
	}
	out.Account = windows.UTF16PtrToString(cfg.ServiceStartName)
	out.Start = startTypeOf(cfg.StartType)
	return out, nil
}

func (w windowsServices) Start(name string) error {
	s, done, ok, err := w.open(name, windows.SERVICE_START)
	if err != nil {
		return err
	}
	if !ok {
		return servicesFailed(name, "OpenService", windows.ERROR_SERVICE_DOES_NOT_EXIST)
	}
	defer done()
	if err := s.Start(); err != nil && !errors.Is(err, windows.ERROR_SERVICE_ALREADY_RUNNING) {
		return servicesFailed(name, "StartService", err)
	}
	return nil
}

func (w windowsServices) Stop(name string) error {
	s, done, ok, err := w.open(name, windows.SERVICE_STOP|windows.SERVICE_QUERY_STATUS)
	if err != nil || !ok {
		return err
	}
	defer done()
	if _, err := s.Control(svc.Stop); err != nil && !errors.Is(err, windows.ERROR_SERVICE_NOT_ACTIVE) {
		return servicesFailed(name, "ControlService(SERVICE_CONTROL_STOP)", err)
	}
	return nil
}

// binaryPath is a service's command line, "" when it cannot be read.
func (w windowsServices) binaryPath(name string) string {
	s, done, ok, err := w.open(name, windows.SERVICE_QUERY_CONFIG)
	if err != nil || !ok {
		return ""
	}
	defer done()
	cfg, err := accounts.ServiceConfig(s.Handle)
	if err != nil {
		return ""
	}
	return windows.UTF16PtrToString(cfg.BinaryPathName)
}

func stateOf(s svc.State) State {
	switch s {
	case svc.Stopped:
		return StateStopped
	case svc.StartPending:
		return StateStartPending
	case svc.StopPending:
		return StateStopPending
	case svc.Running:
		return StateRunning
	case svc.Paused:
		return StatePaused
	}
	return StateOther
}

// exitCodeOf is the code a stopped service left: its own when
// Win32ExitCode is ERROR_SERVICE_SPECIFIC_ERROR (1066).
func exitCodeOf(st svc.Status) uint32 {
	if st.Win32ExitCode == uint32(windows.ERROR_SERVICE_SPECIFIC_ERROR) {
		return st.ServiceSpecificExitCode
	}
	return st.Win32ExitCode
}

func startTypeOf(t uint32) StartType {
	switch t {
	case windows.SERVICE_AUTO_START, windows.SERVICE_BOOT_START, windows.SERVICE_SYSTEM_START:
		return StartAuto
	case windows.SERVICE_DISABLED:
		return StartDisabled
	}
	return StartManual
}

func servicesFailed(name, op string, err error) error {
	return coded.New(CodeServicesFailed, err, "service", DisplayName(name), "detail", op+": "+err.Error())
}
