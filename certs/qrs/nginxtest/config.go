package nginxtest

import (
	"path/filepath"
	"strconv"
	"strings"
)

// configuration is nginx.conf for one TLS server with client certificates
// required, answering /qrs/about like the QRS, xrfkey and X-Qlik-User checks
// included. nginx runs as one process in the foreground (master_process
// off), as whoever starts it; every path it writes is under dir.
func configuration(dir string, port int, about string) string {
	p := func(name string) string { return filepath.Join(dir, name) }
	r := strings.NewReplacer(
		"@PORT@", strconv.Itoa(port),
		"@PID@", p("nginx.pid"),
		"@ERRLOG@", p("error.log"),
		"@ACCESSLOG@", p("access.log"),
		"@TMP@", p("tmp"),
		"@CERT@", p("server.pem"),
		"@KEY@", p("server_key.pem"),
		"@CLIENTCA@", p("client_ca.pem"),
		"@ABOUT@", strings.ReplaceAll(about, "'", `\'`),
	)
	return r.Replace(template)
}

const template = `daemon off;
master_process off;
worker_processes 1;
pid @PID@;
error_log @ERRLOG@ info;
events { worker_connections 64; }
http {
    # One line per request: the connection's serial number and whether the
    # TLS session was resumed ("r") or a full handshake (".").
    log_format handshakes '$connection $ssl_session_reused $ssl_protocol "$request" $status';
    access_log @ACCESSLOG@ handshakes;
    client_body_temp_path @TMP@/body;
    proxy_temp_path @TMP@/proxy;
    fastcgi_temp_path @TMP@/fastcgi;
    uwsgi_temp_path @TMP@/uwsgi;
    scgi_temp_path @TMP@/scgi;
    server {
        listen 127.0.0.1:@PORT@ ssl;
        server_name localhost;
        # nginx 1.22 leaves TLS 1.3 out by default (1.23.4 added it).
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_certificate @CERT@;
        ssl_certificate_key @KEY@;
        ssl_client_certificate @CLIENTCA@;
        ssl_verify_client on;
        location = /qrs/about {
            default_type application/json;
            if ($arg_xrfkey = "") { return 400 "XSRF prevention check failed. Possible XSRF discovered."; }
            if ($arg_xrfkey != $http_x_qlik_xrfkey) { return 400 "XSRF prevention check failed. Possible XSRF discovered."; }
            if ($http_x_qlik_user = "") { return 403; }
            return 200 '@ABOUT@';
        }
    }
}
`
