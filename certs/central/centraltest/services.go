package centraltest

import (
	"errors"
	"path/filepath"

	"github.com/gofrs/flock"

	"qscert/certs/accounts"

	"qscert/certs/central"
	"qscert/certs/coded"
)

// Service is one simulated service in services.json.
type Service struct {
	State    string `json:"state"`     // stopped, running
	Start    string `json:"startType"` // auto, manual, disabled
	Account  string `json:"account"`
	ExitCode uint32 `json:"exitCode,omitempty"`
}

var serviceNames = central.StartOrder

// services is central.Services over services.json, changed under a file
// lock: the fake repository reads it from its own process.
type services struct{ dir string }

func (s services) path() string { return filepath.Join(s.dir, servicesName) }

func (s services) change(name string, f func(*Service) error) error {
	lk := flock.New(s.path() + ".lock")
	if err := lk.Lock(); err != nil {
		return err
	}
	defer lk.Unlock()
	all := map[string]Service{}
	if err := readJSON(s.path(), &all); err != nil {
		return err
	}
	svc, ok := all[name]
	if !ok {
		return coded.New(central.CodeServicesFailed, errors.New("ERROR_SERVICE_DOES_NOT_EXIST"), "service", name, "detail", "no such service")
	}
	if err := f(&svc); err != nil {
		return err
	}
	all[name] = svc
	return writeJSON(s.path(), all)
}

func (s services) Query(name string) (central.ServiceStatus, error) {
	all := map[string]Service{}
	if err := readJSON(s.path(), &all); err != nil {
		return central.ServiceStatus{}, err
	}
	svc, ok := all[name]
	if !ok {
		return central.ServiceStatus{Name: name}, nil
	}
	return central.ServiceStatus{Name: name, Exists: true, State: central.State(svc.State), Start: central.StartType(svc.Start),
		Account: svc.Account, ExitCode: svc.ExitCode}, nil
}

// Start starts a service at once, or, when the behaviour says so, lets it
// die as it starts, as a service that cannot start does: StartService
// succeeds, the service stops with an exit code.
func (s services) Start(name string) error {
	fail := ReadBehaviour(s.dir).FailStart == name
	return s.change(name, func(svc *Service) error {
		if svc.Start == "disabled" {
			return coded.New(central.CodeServicesFailed, errors.New("ERROR_SERVICE_DISABLED"), "service", name, "detail", "the service is disabled")
		}
		if fail {
			svc.State, svc.ExitCode = "stopped", 1067 // ERROR_PROCESS_ABORTED
			return nil
		}
		svc.State, svc.ExitCode = "running", 0
		return nil
	})
}

// Stop stops a service at once; with FailAt "stop" the Proxy refuses.
func (s services) Stop(name string) error {
	if ReadBehaviour(s.dir).FailAt == "stop" && name == central.ServiceProxy {
		return coded.New(central.CodeServicesFailed, errors.New("ERROR_SERVICE_CANNOT_ACCEPT_CTRL"), "service", name,
			"detail", "the service cannot accept control messages at this time")
	}
	return s.change(name, func(svc *Service) error {
		svc.State = "stopped"
		return nil
	})
}

// ServiceStates reads every simulated service's state, for tests.
func ServiceStates(dir string) (map[string]Service, error) {
	all := map[string]Service{}
	err := readJSON(filepath.Join(dir, servicesName), &all)
	return all, err
}

// SetAccount makes acct the service account of the node: the one its
// services run as, and the one the simulated resolver knows.
func SetAccount(dir string, acct accounts.SimulatedAccount) error {
	nf, err := ReadNode(dir)
	if err != nil {
		return err
	}
	nf.Account = acct
	if err := WriteNode(dir, nf); err != nil {
		return err
	}
	s := services{dir}
	for _, name := range serviceNames {
		if err := s.change(name, func(svc *Service) error { svc.Account = acct.Name; return nil }); err != nil {
			return err
		}
	}
	return nil
}
