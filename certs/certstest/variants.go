package certstest

import (
	"os"
	"path/filepath"
	"time"

	"qscert/certs"
)

// Variants is the corpus of broken exports. Each must make Validate report
// its Code, never panic, and (tested with the stores) change nothing.
var Variants = []Variant{
	{Name: "missing-root", Code: certs.CodeFileMissing, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return os.Remove(filepath.Join(dir, certFile(b, "root")))
	}},
	{Name: "missing-client", Code: certs.CodeFileMissing, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		if keyFile(b, "client") != certFile(b, "client") {
			if err := os.Remove(filepath.Join(dir, keyFile(b, "client"))); err != nil {
				return err
			}
		}
		return os.Remove(filepath.Join(dir, certFile(b, "client")))
	}},
	{Name: "folder-named-like-client", Code: certs.CodeFileUnreadable, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		path := filepath.Join(dir, certFile(b, "client"))
		if err := os.Remove(path); err != nil {
			return err
		}
		return os.Mkdir(path, 0o700)
	}},
	{Name: "symlink-loop", Code: certs.CodeFileUnreadable, POSIXOnly: true, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		name := certFile(b, "client")
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
		// client.x -> loop.x -> client.x
		if err := os.Symlink("loop"+filepath.Ext(name), filepath.Join(dir, name)); err != nil {
			return err
		}
		return os.Symlink(name, filepath.Join(dir, "loop"+filepath.Ext(name)))
	}},
	{Name: "too-large", Code: certs.CodeFileTooLarge, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "client"), func(d []byte) []byte { return append(d, make([]byte, certs.MaxFileSize)...) })
	}},
	{Name: "truncated-pem", Code: certs.CodeFileCorrupt, Format: certs.FormatPEM, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client.pem", func(d []byte) []byte { return d[:len(d)/2] })
	}},
	{Name: "truncated-pem-key", Code: certs.CodeFileCorrupt, Format: certs.FormatPEM, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client_key.pem", func(d []byte) []byte { return d[:len(d)-40] })
	}},
	{Name: "truncated-pfx", Code: certs.CodeFileCorrupt, Format: certs.FormatWindows, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client.pfx", func(d []byte) []byte { return d[:len(d)*2/3] })
	}},
	{Name: "random-bytes-client", Code: certs.CodeFileCorrupt, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "client"), func([]byte) []byte { return randomBytes(2500) })
	}},
	{Name: "random-bytes-root", Code: certs.CodeFileCorrupt, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "root"), func([]byte) []byte { return randomBytes(900) })
	}},
	{Name: "non-utf8-name", Code: certs.CodeFileNameNotUTF8, POSIXOnly: true, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		// A copy of the root whose name came from another code page.
		name := certFile(b, "root")
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "root-\xe9t\xe9"+filepath.Ext(name)), data, 0o644)
	}},
	{Name: "certificate-request-as-root", Code: certs.CodeUnknownFormat, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		csr, err := csrPEM(b)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, certFile(b, "root")), csr, 0o644)
	}},
	{Name: "empty-folder", Code: certs.CodeNoCertificates, Write: func(dir string, b *Base) error {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "README.txt"), []byte("the export went elsewhere\n"), 0o644)
	}},
	{Name: "no-password-given", Code: certs.CodePasswordRequired,
		Write:    func(dir string, b *Base) error { return good(dir, withPassword(b)) },
		Password: func(*Base) string { return "" }},
	{Name: "wrong-password", Code: certs.CodeWrongPassword,
		Write:    func(dir string, b *Base) error { return good(dir, withPassword(b)) },
		Password: func(b *Base) string { return "not-" + withPassword(b).Options.Password }},
	{Name: "wrong-password-pkcs8", Code: certs.CodeWrongPassword, Format: certs.FormatPEM,
		Write: func(dir string, b *Base) error {
			c := *withPassword(b)
			c.Options.Key = KeyPKCS8Encrypted
			return good(dir, &c)
		},
		Password: func(b *Base) string { return "not-" + withPassword(b).Options.Password }},
	{Name: "no-secret-key", Code: certs.CodeNoPrivateKey, Write: func(dir string, b *Base) error {
		c := *b
		c.Options.NoPrivateKeys = true
		return good(dir, &c)
	}},
	{Name: "key-of-another-certificate", Code: certs.CodeKeyMismatch, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			key, err := NewKey(KeyBits)
			if err != nil {
				return err
			}
			e.Client = &Issued{Cert: e.Client.Cert, Key: key}
			return nil
		})
	}},
	{Name: "client-and-server-swapped", Code: certs.CodeSwappedFiles, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			e.Client, e.Server = e.Server, e.Client
			return nil
		})
	}},
	{Name: "root-copied-twice", Code: certs.CodeDuplicateFiles, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		name := certFile(b, "root")
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "root (1)"+filepath.Ext(name)), data, 0o644)
	}},
	{Name: "two-different-roots", Code: certs.CodeConflictingFiles, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		other, err := otherSite("other-central.example", b)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "root (2).pem"), CertPEM(other.Root), 0o644)
	}},
	{Name: "client-from-another-ca", Code: certs.CodeMixedCA, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			other, err := otherSite("other-central.example", b)
			if err != nil {
				return err
			}
			e.Client, err = other.Issue(certs.RoleClient, certs.QlikClientName, b.Export.Client.Cert.NotBefore, b.Export.Client.Cert.NotAfter)
			return err
		})
	}},
	{Name: "client-from-recreated-ca", Code: certs.CodeNotSignedByRoot, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			// Same host, so the same CA name, but a new key: what recreating
			// the certificates on the central node does.
			recreated, err := otherSite(b.Export.Site.Host, b)
			if err != nil {
				return err
			}
			e.Client, err = recreated.Issue(certs.RoleClient, certs.QlikClientName, b.Export.Client.Cert.NotBefore, b.Export.Client.Cert.NotAfter)
			return err
		})
	}},
	{Name: "root-not-self-signed", Code: certs.CodeRootNotSelfSigned, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			upstream, err := otherSite("upstream.example", b)
			if err != nil {
				return err
			}
			// The same name and key as the real root, signed by someone else.
			r := e.Root.Cert
			fake, err := upstream.IssueWithKey(certs.RoleRoot, r.Subject.CommonName, e.Root.Key, r.NotBefore, r.NotAfter)
			if err != nil {
				return err
			}
			e.Root = &Issued{Cert: fake.Cert}
			return nil
		})
	}},
	{Name: "expired-root", Code: certs.CodeExpired, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			now := b.Export.Site.Now
			old, err := NewSiteValid(b.Export.Site.Host, b.Export.Site.Style, now, now.AddDate(-10, 0, 0), now.AddDate(0, 0, -3))
			if err != nil {
				return err
			}
			fresh, err := old.NewExport(b.Machine)
			if err != nil {
				return err
			}
			*e = *fresh
			return nil
		})
	}},
	{Name: "expired-client", Code: certs.CodeExpired, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, -400*24*time.Hour, -24*time.Hour)
	}},
	{Name: "client-not-yet-valid", Code: certs.CodeNotYetValid, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, 48*time.Hour, 400*24*time.Hour)
	}},
	{Name: "client-expires-soon", Code: certs.CodeExpiresSoon, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, -300*24*time.Hour, 10*24*time.Hour+time.Hour)
	}},
	{Name: "server-for-another-machine", Code: certs.CodeMachineMismatch, Write: good,
		Adjust: func(o *certs.Options) { o.Machines = []string{"some-other-machine.corp.example"} }},
	{Name: "export-from-another-site", Code: certs.CodeSiteMismatch, Write: good,
		Adjust: func(o *certs.Options) { o.Host = "another-qlik.corp.example" }},
	{Name: "host-given-as-ip", Code: certs.CodeHostIsIP, Write: good,
		Adjust: func(o *certs.Options) { o.Host = "10.20.30.40" }},
	{Name: "client-not-qlikclient", Code: certs.CodeNotQlikClient, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			c := b.Export.Client.Cert
			var err error
			e.Client, err = e.Site.Issue(certs.RoleClient, "sa_scheduler", c.NotBefore, c.NotAfter)
			return err
		})
	}},
	{Name: "weak-client-key", Code: certs.CodeWeakKey, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			key, err := NewKey(1024)
			if err != nil {
				return err
			}
			c := b.Export.Client.Cert
			e.Client, err = e.Site.IssueWithKey(certs.RoleClient, certs.QlikClientName, key, c.NotBefore, c.NotAfter)
			return err
		})
	}},
	{Name: "client-and-root-only", Code: certs.CodePartialExport, Write: func(dir string, b *Base) error {
		c := *b
		c.Options.Partial = true
		return good(dir, &c)
	}},
}

// reissueClient replaces the client by one valid from now+from to now+to.
func reissueClient(dir string, b *Base, from, to time.Duration) error {
	return writeWith(dir, b, func(e *Export) error {
		now := b.Export.Site.Now
		var err error
		e.Client, err = e.Site.Issue(certs.RoleClient, certs.QlikClientName, now.Add(from), now.Add(to))
		return err
	})
}
