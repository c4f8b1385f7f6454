package certstest

import (
	"os"
	"path/filepath"
	"slices"
	"time"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// Variants is the corpus of broken exports. Each must make Validate report
// its Code, never panic, and (tested with the stores) change nothing.
var Variants = slices.Concat(folderVariants, realFileVariants, limitVariants)

// folderVariants are broken export folders as the generator writes them.
var folderVariants = []Variant{
	{Name: "missing-root", Code: export.CodeFileMissing, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return os.Remove(filepath.Join(dir, certFile(b, "root")))
	}},
	{Name: "missing-client", Code: export.CodeFileMissing, Write: func(dir string, b *Base) error {
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
	{Name: "folder-named-like-client", Code: export.CodeFileUnreadable, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		path := filepath.Join(dir, certFile(b, "client"))
		if err := os.Remove(path); err != nil {
			return err
		}
		return os.Mkdir(path, 0o700)
	}},
	{Name: "symlink-loop", Code: export.CodeFileUnreadable, POSIXOnly: true, Write: func(dir string, b *Base) error {
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
	{Name: "too-large", Code: export.CodeFileTooLarge, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "client"), func(d []byte) []byte { return append(d, make([]byte, export.MaxFileSize)...) })
	}},
	{Name: "truncated-pem", Code: export.CodeFileCorrupt, Format: qlik.FormatPEM, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client.pem", func(d []byte) []byte { return d[:len(d)/2] })
	}},
	{Name: "truncated-pem-key", Code: export.CodeFileCorrupt, Format: qlik.FormatPEM, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client_key.pem", func(d []byte) []byte { return d[:len(d)-40] })
	}},
	{Name: "truncated-pfx", Code: export.CodeFileCorrupt, Format: qlik.FormatWindows, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, "client.pfx", func(d []byte) []byte { return d[:len(d)*2/3] })
	}},
	{Name: "random-bytes-client", Code: export.CodeFileCorrupt, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "client"), func([]byte) []byte { return randomBytes(2500) })
	}},
	{Name: "random-bytes-root", Code: export.CodeFileCorrupt, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return rewrite(dir, certFile(b, "root"), func([]byte) []byte { return randomBytes(900) })
	}},
	{Name: "non-utf8-name", Code: export.CodeFileNameNotUTF8, POSIXOnly: true, Write: func(dir string, b *Base) error {
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
	{Name: "certificate-request-as-root", Code: export.CodeUnknownFormat, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		csr, err := csrPEM(b)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, certFile(b, "root")), csr, 0o644)
	}},
	{Name: "empty-folder", Code: export.CodeNoCertificates, Write: func(dir string, b *Base) error {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "README.txt"), []byte("the export went elsewhere\n"), 0o644)
	}},
	{Name: "no-password-given", Code: export.CodePasswordRequired,
		Write:    func(dir string, b *Base) error { return good(dir, withPassword(b)) },
		Password: func(*Base) string { return "" }},
	{Name: "wrong-password", Code: export.CodeWrongPassword,
		Write:    func(dir string, b *Base) error { return good(dir, withPassword(b)) },
		Password: func(b *Base) string { return "not-" + withPassword(b).Options.Password }},
	{Name: "wrong-password-pkcs8", Code: export.CodeWrongPassword, Format: qlik.FormatPEM,
		Write: func(dir string, b *Base) error {
			c := *withPassword(b)
			c.Options.Key = KeyPKCS8Encrypted
			return good(dir, &c)
		},
		Password: func(b *Base) string { return "not-" + withPassword(b).Options.Password }},
	{Name: "no-secret-key", Code: export.CodeNoPrivateKey, Write: func(dir string, b *Base) error {
		c := *b
		c.Options.NoPrivateKeys = true
		return good(dir, &c)
	}},
	{Name: "key-of-another-certificate", Code: export.CodeKeyMismatch, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			key, err := NewKey(KeyBits)
			if err != nil {
				return err
			}
			e.Client = &Issued{Cert: e.Client.Cert, Key: key}
			return nil
		})
	}},
	{Name: "client-and-server-swapped", Code: export.CodeSwappedFiles, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			e.Client, e.Server = e.Server, e.Client
			return nil
		})
	}},
	{Name: "root-copied-twice", Code: export.CodeDuplicateFiles, Write: func(dir string, b *Base) error {
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
	{Name: "two-different-roots", Code: export.CodeConflictingFiles, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		other, err := otherSite("other-central.example", b)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "root (2).pem"), CertPEM(other.Root), 0o644)
	}},
	{Name: "client-from-another-ca", Code: validate.CodeMixedCA, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			other, err := otherSite("other-central.example", b)
			if err != nil {
				return err
			}
			e.Client, err = other.Issue(qlik.RoleClient, qlik.ClientName, b.Export.Client.Cert.NotBefore, b.Export.Client.Cert.NotAfter)
			return err
		})
	}},
	{Name: "client-from-recreated-ca", Code: validate.CodeNotSignedByRoot, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			// Same host, so the same CA name, but a new key: what recreating
			// the certificates on the central node does.
			recreated, err := otherSite(b.Export.Site.Host, b)
			if err != nil {
				return err
			}
			e.Client, err = recreated.Issue(qlik.RoleClient, qlik.ClientName, b.Export.Client.Cert.NotBefore, b.Export.Client.Cert.NotAfter)
			return err
		})
	}},
	{Name: "root-not-self-signed", Code: validate.CodeRootNotSelfSigned, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			upstream, err := otherSite("upstream.example", b)
			if err != nil {
				return err
			}
			// The same name and key as the real root, signed by someone else.
			r := e.Root.Cert
			fake, err := upstream.IssueWithKey(qlik.RoleRoot, r.Subject.CommonName, e.Root.Key, r.NotBefore, r.NotAfter)
			if err != nil {
				return err
			}
			e.Root = &Issued{Cert: fake.Cert}
			return nil
		})
	}},
	{Name: "expired-root", Code: validate.CodeExpired, Write: func(dir string, b *Base) error {
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
	{Name: "expired-client", Code: validate.CodeExpired, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, -400*24*time.Hour, -24*time.Hour)
	}},
	{Name: "client-not-yet-valid", Code: validate.CodeNotYetValid, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, 48*time.Hour, 400*24*time.Hour)
	}},
	{Name: "client-expires-soon", Code: validate.CodeExpiresSoon, Write: func(dir string, b *Base) error {
		return reissueClient(dir, b, -300*24*time.Hour, 10*24*time.Hour+time.Hour)
	}},
	{Name: "server-for-another-machine", Code: validate.CodeMachineMismatch, Write: good,
		Adjust: func(o *validate.Options) { o.Machines = []string{"some-other-machine.corp.example"} }},
	{Name: "export-from-another-site", Code: validate.CodeSiteMismatch, Write: good,
		Adjust: func(o *validate.Options) { o.Host = "another-qlik.corp.example" }},
	{Name: "host-given-as-ip", Code: validate.CodeHostIsIP, Write: good,
		Adjust: func(o *validate.Options) { o.Host = "10.20.30.40" }},
	{Name: "client-not-qlikclient", Code: validate.CodeNotQlikClient, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			c := b.Export.Client.Cert
			var err error
			e.Client, err = e.Site.Issue(qlik.RoleClient, "sa_scheduler", c.NotBefore, c.NotAfter)
			return err
		})
	}},
	{Name: "weak-client-key", Code: validate.CodeWeakKey, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			key, err := NewKey(1024)
			if err != nil {
				return err
			}
			c := b.Export.Client.Cert
			e.Client, err = e.Site.IssueWithKey(qlik.RoleClient, qlik.ClientName, key, c.NotBefore, c.NotAfter)
			return err
		})
	}},
	{Name: "client-and-root-only", Code: export.CodePartialExport, Write: func(dir string, b *Base) error {
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
		e.Client, err = e.Site.Issue(qlik.RoleClient, qlik.ClientName, now.Add(from), now.Add(to))
		return err
	})
}
