package qrs_test

import (
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func TestIdentityFromExportWorksInEveryFormat(t *testing.T) {
	site := legacy(t)
	s := startQRS(t, site, qrstest.Options{})
	for name, o := range map[string]certstest.WriteOptions{
		"pem":                {Format: qlik.FormatPEM},
		"pem-encrypted-key":  {Format: qlik.FormatPEM, Key: certstest.KeyLegacyEncrypted, Password: "Qlik!2026"},
		"pem-pkcs8-password": {Format: qlik.FormatPEM, Key: certstest.KeyPKCS8Encrypted, Password: "Qlik!2026"},
		"windows-partial":    {Format: qlik.FormatWindows, Password: "Qlik!2026", Partial: true},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := site.Write(dir, o); err != nil {
				t.Fatal(err)
			}
			exp, err := export.LoadExport(dir, o.Password)
			if err != nil {
				t.Fatal(err)
			}
			id, err := qrs.IdentityFromExport(exp)
			if err != nil {
				t.Fatal(err)
			}
			if d := test(t, id, optionsFor(s)); !d.OK() {
				t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
			}
		})
	}
}

func TestIdentityFromExportGivesTheExportsOwnProblem(t *testing.T) {
	site := legacy(t)
	cases := []struct {
		name     string
		write    certstest.WriteOptions
		password string
		remove   string
		want     coded.Code
	}{
		{"wrong password", certstest.WriteOptions{Format: qlik.FormatWindows, Password: "right"}, "wrong", "", export.CodeWrongPassword},
		{"no client file", certstest.WriteOptions{Format: qlik.FormatPEM}, "", "client.pem", export.CodeFileMissing},
		{"no root file", certstest.WriteOptions{Format: qlik.FormatPEM}, "", "root.pem", export.CodeFileMissing},
		{"no keys exported", certstest.WriteOptions{Format: qlik.FormatPEM, NoPrivateKeys: true}, "", "", export.CodeNoPrivateKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := site.Write(dir, c.write); err != nil {
				t.Fatal(err)
			}
			if c.remove != "" {
				removeFile(t, dir, c.remove)
			}
			exp, err := export.LoadExport(dir, c.password)
			if err != nil {
				t.Fatal(err)
			}
			id, err := qrs.IdentityFromExport(exp)
			if id != nil || coded.CodeOf(err) != c.want {
				t.Fatalf("identity %v, error %v; want code %s", id, err, c.want)
			}
		})
	}
	if _, err := qrs.IdentityFromExport(nil); coded.CodeOf(err) == "" {
		t.Errorf("nil export: error %v has no code", err)
	}
}

// TestIdentityFromStore signs through the store's Signer, as a
// non-exportable Windows key requires, and the handshake works.
func TestIdentityFromStore(t *testing.T) {
	site, other := legacy(t), otherSite(t)
	s := startQRS(t, site, qrstest.Options{})
	m := storetest.NewMemory()
	mustAdd(t, m, store.LocalMachineRoot, other.Root.Cert, nil)
	mustAdd(t, m, store.LocalMachineRoot, site.Root.Cert, nil)
	mustAdd(t, m, store.CurrentUserMy, site.Client.Cert, site.Client.Key)
	id, err := qrs.IdentityFromStore(m, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !id.Root.Equal(site.Root.Cert) || !id.Client.Equal(site.Client.Cert) || id.Source != "memory" {
		t.Fatalf("identity picked root %s, client %s from %q", id.Root.Subject, id.Client.Subject, id.Source)
	}
	if d := test(t, id, optionsFor(s)); !d.OK() {
		t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
	}
}

func TestIdentityFromStorePrefersTheValidClient(t *testing.T) {
	site := legacy(t)
	now := time.Now()
	old, err := site.Site.Issue(qlik.RoleClient, qlik.ClientName, now.AddDate(-3, 0, 0), now.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	m := storetest.NewMemory()
	mustAdd(t, m, store.LocalMachineRoot, site.Root.Cert, nil)
	mustAdd(t, m, store.CurrentUserMy, site.Client.Cert, site.Client.Key)
	mustAdd(t, m, store.LocalMachineMy, old.Cert, old.Key)
	id, err := qrs.IdentityFromStore(m, now)
	if err != nil {
		t.Fatal(err)
	}
	if !id.Client.Equal(site.Client.Cert) {
		t.Errorf("picked the expired client (valid to %s)", id.Client.NotAfter)
	}
}

func TestIdentityFromStoreSaysWhatIsMissing(t *testing.T) {
	site, other := legacy(t), otherSite(t)
	empty := storetest.NewMemory()
	keyless := storetest.NewMemory()
	mustAdd(t, keyless, store.LocalMachineRoot, site.Root.Cert, nil)
	mustAdd(t, keyless, store.CurrentUserMy, site.Client.Cert, nil)
	wrongRoot := storetest.NewMemory()
	mustAdd(t, wrongRoot, store.LocalMachineRoot, other.Root.Cert, nil)
	mustAdd(t, wrongRoot, store.CurrentUserMy, site.Client.Cert, site.Client.Key)
	missingStores := storetest.NewMemory()
	missingStores.Missing[store.LocalMachineRoot] = true
	missingStores.Missing[store.CurrentUserRoot] = true
	mustAdd(t, missingStores, store.CurrentUserMy, site.Client.Cert, site.Client.Key)
	for name, c := range map[string]struct {
		s    store.Store
		want coded.Code
	}{
		"empty":                {empty, qrs.CodeStoreNoClient},
		"client has no key":    {keyless, qrs.CodeStoreNoClient},
		"root of another site": {wrongRoot, qrs.CodeStoreNoRoot},
		"root stores missing":  {missingStores, qrs.CodeStoreNoRoot},
	} {
		t.Run(name, func(t *testing.T) {
			id, err := qrs.IdentityFromStore(c.s, time.Now())
			if id != nil || coded.CodeOf(err) != c.want {
				t.Fatalf("identity %v, error %v; want %s", id, err, c.want)
			}
			if e := coded.As(err); e.Params["store"] != "memory" {
				t.Errorf("params = %v, want the store's name", e.Params)
			}
		})
	}
}
