// Package qrstest is a simulated Qlik Sense Repository Service for the
// tests and the wizard's demo mode. It serves mutual TLS on loopback with a
// server certificate from a generated export's site, accepts only client
// certificates that site's root signed (checking the signature itself, as
// Qlik does, so the legacy CA without basicConstraints works), and answers
// /qrs/about like the QRS. Options reproduce every failure a user can meet.
//
// It does not import package testing: the demo mode runs it.
package qrstest

import (
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// Server is a running simulated QRS.
type Server struct {
	Addr   string // "127.0.0.1:PORT", where it listens
	Host   string // the name its certificate is for; connect to Host with Address set to Addr
	Port   int
	Export *certstest.Export // the site whose root it trusts
	Cert   *certstest.Issued // the certificate it presents
	opts   Options
	ln     net.Listener
	srv    *http.Server // nil when Hang

	requests    atomic.Int64
	connections atomic.Int64
	mu          sync.Mutex
	held        []net.Conn // connections Hang keeps open
	closed      bool
	done        chan struct{}
}

// Start starts a simulated QRS for exp's site on a random loopback port.
func Start(exp *certstest.Export, opts Options) (*Server, error) {
	if exp == nil || exp.Site == nil || exp.Root == nil {
		return nil, errors.New("qrstest: no export")
	}
	if opts.Host == "" {
		opts.Host = "localhost"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	cert := opts.ServerCert
	if cert == nil {
		now := opts.Now()
		var err error
		cert, err = exp.Site.Issue(qlik.RoleServer, opts.Host, now.Add(-24*time.Hour), now.AddDate(1, 0, 0))
		if err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	s := &Server{
		Addr: ln.Addr().String(), Host: opts.Host, Port: port,
		Export: exp, Cert: cert, opts: opts, ln: ln, done: make(chan struct{}),
	}
	if opts.Hang {
		go s.hang()
		return s, nil
	}
	cfg := s.tlsConfig()
	s.srv = &http.Server{
		Handler:           http.HandlerFunc(s.handler),
		TLSConfig:         cfg,
		ReadHeaderTimeout: 30 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0), // refused handshakes are the point, not noise
		ConnState: func(_ net.Conn, st http.ConnState) {
			if st == http.StateNew {
				s.connections.Add(1)
			}
		},
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(tls.NewListener(ln, cfg))
	}()
	return s, nil
}

func (s *Server) tlsConfig() *tls.Config {
	cfg := &tls.Config{
		Certificates: []tls.Certificate{{
			Certificate: [][]byte{s.Cert.Cert.Raw},
			PrivateKey:  s.Cert.Key,
			Leaf:        s.Cert.Cert,
		}},
		// RequireAnyClientCert plus VerifyConnection, rather than
		// RequireAndVerifyClientCert: Go's verifier refuses Qlik's CA, which
		// has no basicConstraints, and Qlik accepts it.
		ClientAuth:       tls.RequireAnyClientCert,
		VerifyConnection: s.verifyClient,
		MaxVersion:       s.opts.MaxTLSVersion,
	}
	if s.opts.OldTLSOnly {
		cfg.MinVersion = tls.VersionTLS10
		cfg.MaxVersion = tls.VersionTLS11
	}
	return cfg
}

// verifyClient accepts a client certificate that the site's root signed and
// that is valid now; crypto/tls answers anything else with a bad_certificate
// alert.
func (s *Server) verifyClient(cs tls.ConnectionState) error {
	if len(cs.PeerCertificates) == 0 {
		return errors.New("qrstest: no client certificate")
	}
	leaf, root := cs.PeerCertificates[0], s.Export.Root.Cert
	if !qlik.IssuedBy(leaf, root) || !qlik.SignedBy(leaf, root) {
		return errors.New("qrstest: client certificate not signed by " + root.Subject.CommonName)
	}
	now := s.opts.Now()
	if now.Before(leaf.NotBefore) || now.After(leaf.NotAfter) {
		return errors.New("qrstest: client certificate not valid now")
	}
	return nil
}

// hang accepts connections and keeps them open, unanswered, until Close.
func (s *Server) hang() {
	defer close(s.done)
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.connections.Add(1)
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			_ = c.Close()
			return
		}
		s.held = append(s.held, c)
		s.mu.Unlock()
	}
}

// URL is the QRS's about URL by Host, for messages.
func (s *Server) URL() string {
	return "https://" + net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) + "/qrs/about"
}

// Requests is how many HTTP requests reached the handler.
func (s *Server) Requests() int64 { return s.requests.Load() }

// Connections is how many TCP connections were accepted.
func (s *Server) Connections() int64 { return s.connections.Load() }

// Close stops the server and drops its connections.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	held := s.held
	s.held = nil
	s.mu.Unlock()
	var err error
	if s.srv != nil {
		err = s.srv.Close()
	} else {
		err = s.ln.Close()
	}
	for _, c := range held {
		_ = c.Close()
	}
	<-s.done
	return err
}
