package accounts

import (
	"cmp"
	"slices"
	"strings"

	"qscert/certs/coded"
)

// Service is one Windows service, as its configuration says.
type Service struct {
	Name        string `json:"name"`        // the key name: "QalyptusServer"
	DisplayName string `json:"displayName"` // what services.msc shows
	StartName   string `json:"startName"`   // the account: "LocalSystem", "NT AUTHORITY\NetworkService", "CORP\svc_qlik", ".\report"
	BinaryPath  string `json:"binaryPath"`  // the command line the service starts
	Likely      bool   `json:"likely"`      // mentions a product that talks to Qlik
}

// Shown is the service's name as services.msc shows it: its display
// name, else its key name.
func (s Service) Shown() string { return cmp.Or(s.DisplayName, s.Name) }

// RunsAs is the account the service runs as: a service with no start name
// runs as LocalSystem (CreateService's default).
func (s Service) RunsAs() string {
	if strings.TrimSpace(s.StartName) == "" {
		return "LocalSystem"
	}
	return s.StartName
}

// ServiceLister lists this machine's services. OpenServices returns the
// Windows one; Simulated stands in for it in tests.
type ServiceLister interface {
	// Services returns the machine's services ranked by Rank.
	Services() ([]Service, error)
	// Service returns one service by its key name; service-not-found when
	// there is none.
	Service(name string) (Service, error)
}

// likelyWords are what the name, display name or program path of a service
// that talks to Qlik mentions: Qlik's own products (NPrinting, connectors,
// Qlik Alerting), Qalyptus, NPrinting.
var likelyWords = []string{"qlik", "qalyptus", "nprinting"}

// isLikely reports whether s looks like a product that calls Qlik.
func isLikely(s Service) bool {
	text := strings.ToLower(s.Name + "\x00" + s.DisplayName + "\x00" + s.BinaryPath)
	for _, w := range likelyWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// Rank returns a copy of services with Likely set, the likely products
// first, then the others, each group in display-name order (without
// regard to case; the key name breaks ties).
func Rank(services []Service) []Service {
	out := slices.Clone(services)
	for i := range out {
		out[i].Likely = isLikely(out[i])
	}
	slices.SortStableFunc(out, func(a, b Service) int {
		if a.Likely != b.Likely {
			if a.Likely {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)),
			cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	return out
}

// ServiceAccount resolves the account a service runs as.
func ServiceAccount(l ServiceLister, r Resolver, service string) (Account, error) {
	s, err := l.Service(service)
	if err != nil {
		return Account{}, err
	}
	return r.Lookup(s.RunsAs())
}

func serviceNotFound(name string, cause error) error {
	return coded.New(CodeServiceNotFound, cause, "service", name)
}

// servicesFailed is services-failed: the service manager refused op.
func servicesFailed(op string, cause error, params ...string) error {
	return coded.New(CodeServicesFailed, cause, append(params, "detail", op+": "+cause.Error())...)
}
