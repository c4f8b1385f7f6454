package accounts

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/svc/mgr"
)

// windowsServices reads the service control manager.
type windowsServices struct{}

// OpenServices returns this machine's services.
func OpenServices() (ServiceLister, error) { return windowsServices{}, nil }

// connect opens the SCM with the rights listing needs, which every user
// has: mgr.Connect asks for SC_MANAGER_ALL_ACCESS, which only an
// administrator gets.
func connect() (*mgr.Mgr, error) {
	h, err := windows.OpenSCManager(nil, nil, // this machine, SERVICES_ACTIVE_DATABASE
		windows.SC_MANAGER_CONNECT|windows.SC_MANAGER_ENUMERATE_SERVICE)
	if err != nil {
		return nil, servicesFailed("OpenSCManager", err)
	}
	return &mgr.Mgr{Handle: h}, nil
}

// Services implements ServiceLister.
func (windowsServices) Services() ([]Service, error) {
	m, err := connect()
	if err != nil {
		return nil, err
	}
	defer m.Disconnect()
	names, err := m.ListServices() // EnumServicesStatusEx: SERVICE_WIN32, all states
	if err != nil {
		return nil, servicesFailed("EnumServicesStatusEx", err)
	}
	out := make([]Service, 0, len(names))
	for _, name := range names {
		s, err := query(m, name)
		if err != nil {
			// Deleted since the listing, or closed to this user: listed
			// by name, so that it can still be chosen.
			s = Service{Name: name, DisplayName: name}
		}
		out = append(out, s)
	}
	return Rank(out), nil
}

// Service implements ServiceLister.
func (windowsServices) Service(name string) (Service, error) {
	m, err := connect()
	if err != nil {
		return Service{}, err
	}
	defer m.Disconnect()
	s, err := query(m, name)
	if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) || errors.Is(err, windows.ERROR_INVALID_NAME) {
		return Service{}, serviceNotFound(name, err)
	}
	if err != nil {
		return Service{}, servicesFailed("QueryServiceConfig", err, "service", name)
	}
	return Rank([]Service{s})[0], nil
}

// query reads a service's configuration. It opens the service with
// SERVICE_QUERY_CONFIG only (mgr.OpenService asks for SERVICE_ALL_ACCESS)
// and reads it through ServiceConfig.
func query(m *mgr.Mgr, name string) (Service, error) {
	u, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return Service{}, windows.ERROR_INVALID_NAME
	}
	h, err := windows.OpenService(m.Handle, u, windows.SERVICE_QUERY_CONFIG)
	if err != nil {
		return Service{}, err
	}
	s := &mgr.Service{Name: name, Handle: h}
	defer s.Close()
	cfg, err := ServiceConfig(h)
	if err != nil {
		return Service{}, err
	}
	return Service{
		Name:        name,
		DisplayName: windows.UTF16PtrToString(cfg.DisplayName),
		StartName:   windows.UTF16PtrToString(cfg.ServiceStartName),
		BinaryPath:  windows.UTF16PtrToString(cfg.BinaryPathName),
	}, nil
}

// ServiceConfig calls QueryServiceConfig alone, growing its buffer as the
// call asks: mgr.Service.Config also calls QueryServiceConfig2, which
// Wine 8 refuses (ERROR_INVALID_LEVEL) and which reads nothing qscert
// needs. certs/central reads the Qlik services through it too.
func ServiceConfig(h windows.Handle) (*windows.QUERY_SERVICE_CONFIG, error) {
	size := uint32(1024)
	for {
		buf := make([]byte, size)
		cfg := (*windows.QUERY_SERVICE_CONFIG)(unsafe.Pointer(&buf[0]))
		err := windows.QueryServiceConfig(h, cfg, size, &size)
		if errors.Is(err, windows.ERROR_INSUFFICIENT_BUFFER) && size > uint32(len(buf)) && size < 1<<20 {
			continue
		}
		if err != nil {
			return nil, err
		}
		return cfg, nil
	}
}
