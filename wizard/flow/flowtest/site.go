// Package flowtest holds the fixtures the wizard's tests share, with or
// without a window: a Qlik site with an export on disk, a store that holds
// an older install of the site, and a simulated QRS that trusts the site.
package flowtest

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// The site and machine of the tests: a Qlik central node and the
// third-party computer the export was made for.
const (
	Host     = "qlik.corp.example"
	Machine  = "thirdparty.corp.example"
	Password = "Export-Pa55word"
)

// Now is the clock of the tests.
var Now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// MachineInfo is the third-party computer's names.
func MachineInfo() machine.Info {
	return machine.Info{Hostname: "thirdparty", FQDN: Machine, IPs: []string{"10.20.30.40", "fd00::40"}}
}

// exports are made once per test binary and per site, machine and date:
// generating RSA keys is most of what the wizard's tests would wait for.
var (
	exportsMu sync.Mutex
	exports   = map[string]*certstest.Export{}
)

// NewExport is certstest.NewExport, made once per test binary for the same
// arguments. Callers must not change what it returns.
func NewExport(t testing.TB, host, machineName string, now time.Time) *certstest.Export {
	t.Helper()
	exportsMu.Lock()
	defer exportsMu.Unlock()
	key := host + "|" + machineName + "|" + now.Format(time.RFC3339)
	if exp, ok := exports[key]; ok {
		return exp
	}
	exp, err := certstest.NewExport(host, machineName, certstest.StyleLegacy, now)
	if err != nil {
		t.Fatal(err)
	}
	exports[key] = exp
	return exp
}

// WriteExport writes an export of host for machineName into a new folder
// and returns the folder.
func WriteExport(t testing.TB, host, machineName string, format qlik.Format) string {
	t.Helper()
	exp := NewExport(t, host, machineName, Now.AddDate(0, -1, 0))
	dir := filepath.Join(t.TempDir(), "Exported Certificates", machineName)
	if err := exp.Write(dir, certstest.WriteOptions{Format: format, Password: Password}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Site is a Qlik site of the tests: an export written to disk, a store
// holding the certificates of an older export of the same site, and a
// simulated QRS that trusts the site.
type Site struct {
	Dir    string
	Export *certstest.Export
	Store  *storetest.Memory
	QRS    *qrstest.Server
}

// NewSite makes a site; the QRS stops when the test ends.
func NewSite(t testing.TB, qrsOpts qrstest.Options) *Site {
	t.Helper()
	s := &Site{Store: storetest.NewMemory()}
	s.Dir = filepath.Join(t.TempDir(), "Exported Certificates", Machine)
	s.Export = NewExport(t, Host, Machine, Now.AddDate(0, -1, 0))
	if err := s.Export.Write(s.Dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: Password}); err != nil {
		t.Fatal(err)
	}
	old := NewExport(t, Host, Machine, Now.AddDate(-3, 0, 0))
	if err := s.Store.Add(store.LocalMachineRoot, old.Root.Cert, nil, "old root"); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.Add(store.CurrentUserMy, old.Client.Cert, old.Client.Key, "old client"); err != nil {
		t.Fatal(err)
	}
	qrsOpts.Host = Host
	qrsOpts.Now = func() time.Time { return Now } // the wizard's clock in these tests
	var err error
	s.QRS, err = qrstest.Start(s.Export, qrsOpts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.QRS.Close() })
	return s
}

// Contents lists every certificate of a store, location and thumbprint,
// sorted.
func Contents(t testing.TB, s store.Store) []string {
	t.Helper()
	var out []string
	for _, loc := range store.Locations {
		entries, err := s.List(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			out = append(out, loc.String()+" "+e.Thumbprint())
		}
	}
	sort.Strings(out)
	return out
}

// Prefs is a memory Preferences that keeps every value ever set, so a test
// can tell that a secret never went there, even if overwritten later.
type Prefs struct {
	Values map[string]string
	Log    []string // "key=value", in the order set
}

// NewPrefs returns empty preferences.
func NewPrefs() *Prefs { return &Prefs{Values: map[string]string{}} }

func (p *Prefs) String(key string) string { return p.Values[key] }

func (p *Prefs) SetString(key, value string) {
	p.Values[key] = value
	p.Log = append(p.Log, key+"="+value)
}

// WriteZip zips the exports of host made for each machine, each in its
// own folder "Exported Certificates/<machine>" as the central node has
// them, and returns the zip's path.
func WriteZip(t testing.TB, host string, machines ...string) string {
	t.Helper()
	var entries []certstest.ZipEntry
	for _, m := range machines {
		dir := WriteExport(t, host, m, qlik.FormatWindows)
		e, err := certstest.FolderEntries(dir, "Exported Certificates/"+m)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e...)
	}
	data, err := certstest.Zip(entries)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.zip")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
