// Package nginxtest runs nginx as a real third-party TLS peer: a static
// /qrs/about behind ssl_verify_client on, with the export's root as the
// client CA. It checks that qscert's connection test agrees with OpenSSL,
// not only with its own simulation. Tests and the benchmark script use it;
// it does not import package testing.
package nginxtest

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qrs/qrstest"
)

// ErrNotInstalled is returned by Binary when nginx cannot be found.
var ErrNotInstalled = errors.New("nginx is not installed (Debian: apt-get install nginx-light)")

// Binary finds nginx: $NGINX, then PATH, then /usr/sbin/nginx (not on a
// normal user's PATH on Debian). The peer is a Linux process: a Windows
// test binary under Wine could see /usr/sbin/nginx but not run it.
func Binary() (string, error) {
	if runtime.GOOS == "windows" {
		return "", ErrNotInstalled
	}
	if p := os.Getenv("NGINX"); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath("nginx"); err == nil {
		return p, nil
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx", nil
	}
	return "", ErrNotInstalled
}

// Config is what the peer serves.
type Config struct {
	Server   *certstest.Issued // the certificate nginx presents
	ClientCA *x509.Certificate // ssl_client_certificate: the root client certificates must chain to
	About    string            // body of /qrs/about; default qrstest.AboutJSON
}

// Peer is a running nginx.
type Peer struct {
	Addr string // 127.0.0.1:PORT
	Port int
	Dir  string // its prefix: configuration, certificates, logs
	cmd  *exec.Cmd
	done chan struct{}
	once sync.Once
}

// Start writes the configuration into dir and starts nginx in the
// foreground on a free loopback port. Stop it with Stop.
func Start(dir string, c Config) (*Peer, error) {
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	if c.About == "" {
		c.About = qrstest.AboutJSON
	}
	if err := writeFiles(dir, c); err != nil {
		return nil, err
	}
	// The port is found by listening and closing; another process may take
	// it before nginx binds, so a failed bind is retried.
	var last error
	for range 5 {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		p, err := start(bin, dir, port, c)
		if err == nil {
			return p, nil
		}
		last = err
	}
	return nil, last
}

func start(bin, dir string, port int, c Config) (*Peer, error) {
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(configuration(dir, port, c.About)), 0o600); err != nil {
		return nil, err
	}
	errLog := filepath.Join(dir, "error.log")
	_ = os.Remove(errLog)
	// -e: the compiled-in error log (/var/log/nginx) is not writable for
	// a normal user and nginx opens it before reading the configuration.
	cmd := exec.Command(bin, "-p", dir, "-c", conf, "-e", errLog)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Peer{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Port: port, Dir: dir, cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			return nil, fmt.Errorf("nginx exited: %s %s", strings.TrimSpace(out.String()), p.Log())
		default:
		}
		if conn, err := net.DialTimeout("tcp", p.Addr, 200*time.Millisecond); err == nil {
			_ = conn.Close()
			return p, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	_ = p.Stop()
	return nil, fmt.Errorf("nginx did not listen on %s within 10s: %s", p.Addr, p.Log())
}

// Log returns nginx's error log, where OpenSSL's verdicts on client
// certificates are written (at level info).
func (p *Peer) Log() string {
	data, _ := os.ReadFile(filepath.Join(p.Dir, "error.log"))
	return string(data)
}

// AccessLog returns one line per request: the connection number, "." for
// a full handshake or "r" for a resumed session, the TLS version, the
// request line and the status.
func (p *Peer) AccessLog() string {
	data, _ := os.ReadFile(filepath.Join(p.Dir, "access.log"))
	return string(data)
}

// Stop stops nginx (SIGQUIT, a graceful stop; SIGKILL after 5 s) and waits
// for it.
func (p *Peer) Stop() error {
	p.once.Do(func() {
		_ = p.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func writeFiles(dir string, c Config) error {
	if c.Server == nil || c.ClientCA == nil {
		return errors.New("nginxtest: a server certificate and a client CA are needed")
	}
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o700); err != nil {
		return err
	}
	key, err := certstest.KeyPEM(c.Server.Key, certstest.KeyPKCS1, "")
	if err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
		mode os.FileMode
	}{
		{"server.pem", certstest.CertPEM(c.Server.Cert), 0o644},
		{"server_key.pem", key, 0o600},
		{"client_ca.pem", certstest.CertPEM(c.ClientCA), 0o644},
	}
	for _, f := range files {
		if err := certstest.WriteFile(dir, f.name, f.data, f.mode); err != nil {
			return err
		}
	}
	return nil
}
