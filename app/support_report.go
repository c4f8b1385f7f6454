package app

import (
	"runtime"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/validate"
)

// supportReport is what `qscert report` collects for a support ticket. It
// holds public parts only: certificate descriptions (no certificate or key
// bytes), findings, diagnoses. The password, read to open the export, is
// never stored in it.
type supportReport struct {
	GeneratedAt time.Time          `json:"generatedAt"`
	App         appInfo            `json:"app"`
	Machine     machine.Info       `json:"machine"`
	Stores      []storeListing     `json:"stores"`
	Export      *reportJSONOut     `json:"export,omitempty"`
	ExportError *problemJSON       `json:"exportError,omitempty"`
	Connection  *connectionSection `json:"connection,omitempty"`
	Install     *installSection    `json:"install,omitempty"` // the wizard's install, when it ran
}

// installSection is what the wizard's install did: where the backup is,
// and the error when it stopped.
type installSection struct {
	BackupDir string       `json:"backupDir,omitempty"`
	Error     *problemJSON `json:"error,omitempty"`
}

type appInfo struct {
	Version string `json:"version"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
}

// problemJSON is a coded error with its sentence.
type problemJSON struct {
	Code    coded.Code        `json:"code"`
	Params  map[string]string `json:"params,omitempty"`
	Message string            `json:"message"`
}

func problem(t *i18n.Translator, err error) *problemJSON {
	p := &problemJSON{Message: t.Error(err)}
	if e := coded.As(err); e != nil {
		p.Code, p.Params = e.Code, e.Params
	}
	return p
}

// storeListing is the Qlik certificates of one store, by location.
type storeListing struct {
	Store     string            `json:"store"`
	Error     *problemJSON      `json:"error,omitempty"`
	Locations []locationListing `json:"locations"`
}

type locationListing struct {
	Location     string                 `json:"location"`
	Error        *problemJSON           `json:"error,omitempty"`
	Certificates []qlik.CertificateInfo `json:"certificates"`
}

type connectionSection struct {
	Host   string            `json:"host"`
	Port   int               `json:"port"`
	Result *connectionResult `json:"result,omitempty"`
	Error  *problemJSON      `json:"error,omitempty"` // the test could not run
}

// collectSupportReport gathers everything; a part that fails is recorded
// in the report, never fatal.
func collectSupportReport(env *Env, t *i18n.Translator, f *connectionFlags) *supportReport {
	r := &supportReport{
		GeneratedAt: env.Now().UTC(),
		App:         appInfo{Version: Version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH},
		Machine:     env.Machine(),
		Stores:      []storeListing{},
	}
	// The Windows stores are always worth listing; elsewhere there is no
	// system store, only the folder store named with --store.
	if f.storeSpec != "" || runtime.GOOS == "windows" {
		r.Stores = append(r.Stores, listStore(env, t, f.storeSpec))
	}
	if f.dir != "" {
		password, err := f.readPassword(env)
		if err == nil {
			var exp *export.Export
			exp, err = export.LoadExport(f.dir, password)
			if err == nil {
				opts := validate.Options{Now: env.Now(), Host: f.host, Machines: r.Machine.Names()}
				out := reportJSON(t, validate.Validate(exp, opts))
				r.Export = &out
			}
		}
		if err != nil {
			r.ExportError = problem(t, err)
		}
	}
	if f.host != "" {
		c := &connectionSection{Host: f.host, Port: f.port}
		res, err := testConnection(env, t, f)
		if err != nil {
			c.Error = problem(t, err)
		}
		c.Result = res
		r.Connection = c
	}
	return r
}

// listStore describes the Qlik certificates of every location of a store.
func listStore(env *Env, t *i18n.Translator, spec string) storeListing {
	out := storeListing{Store: spec, Locations: []locationListing{}}
	s, err := env.OpenStore(spec)
	if err != nil {
		out.Error = problem(t, err)
		return out
	}
	defer s.Close()
	return listOpenStore(t, s)
}

// listOpenStore describes the Qlik certificates of a store already open.
func listOpenStore(t *i18n.Translator, s store.Store) storeListing {
	out := storeListing{Store: s.Name(), Locations: []locationListing{}}
	found, err := install.Classify(nil, s)
	if err != nil {
		out.Error = problem(t, err)
		return out
	}
	for _, loc := range store.Locations {
		l := locationListing{Location: loc.String(), Certificates: []qlik.CertificateInfo{}}
		for _, f := range found {
			if f.Location != loc || f.Class != install.ClassQlik {
				continue
			}
			info := validate.Describe(&export.Certificate{Role: f.Role, X509: f.Cert})
			info.HasPrivateKey = f.HasPrivateKey
			l.Certificates = append(l.Certificates, info)
		}
		out.Locations = append(out.Locations, l)
	}
	return out
}
