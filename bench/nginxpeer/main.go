// Command nginxpeer starts nginx as a Qlik-like QRS for the benchmark
// script: it generates a modern-style export (OpenSSL refuses Qlik's legacy
// CA as a client CA), writes it to DIR/export, starts nginx with a server
// certificate for localhost from the same site, writes the port to
// DIR/port, and stops nginx on SIGINT or SIGTERM.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/nginxtest"
)

func main() {
	dir := flag.String("dir", "", "working folder (export, nginx prefix, port file)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: nginxpeer -dir DIR")
		os.Exit(2)
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "nginxpeer:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	now := time.Now()
	exp, err := certstest.NewExport("localhost", "localhost", certstest.StyleModern, now)
	if err != nil {
		return err
	}
	if err := exp.Write(filepath.Join(dir, "export"), certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
		return err
	}
	server, err := exp.Site.Issue(qlik.RoleServer, "localhost", now.Add(-time.Hour), now.AddDate(1, 0, 0))
	if err != nil {
		return err
	}
	peer, err := nginxtest.Start(filepath.Join(dir, "nginx"), nginxtest.Config{Server: server, ClientCA: exp.Root.Cert})
	if err != nil {
		return err
	}
	defer peer.Stop()
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	// The port file appears, whole, last: its presence means nginx is ready.
	tmp := filepath.Join(dir, "port.tmp")
	if err := os.WriteFile(tmp, []byte(strconv.Itoa(peer.Port)), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, "port")); err != nil {
		return err
	}
	<-stop
	return nil
}
