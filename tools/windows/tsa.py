"""A timestamp authority for the signing test of tools/windows/smoke.sh.

RFC 3161 over HTTP on 127.0.0.1: each POSTed TimeStampReq is answered by
OpenSSL's own TSA (`openssl ts -reply`) with the throw-away TSA certificate
of the config file given. It serves until it is stopped, and only loopback.

    python3 tsa.py CONFIG PORT_FILE
writes the port it listens on to PORT_FILE.
"""
import http.server
import subprocess
import sys
import tempfile


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        if n <= 0 or n > 64 * 1024:
            self.send_error(400)
            return
        with tempfile.NamedTemporaryFile() as query:
            query.write(self.rfile.read(n))
            query.flush()
            reply = subprocess.run(
                ["openssl", "ts", "-reply", "-config", sys.argv[1], "-queryfile", query.name],
                capture_output=True, timeout=30)
        if reply.returncode != 0:
            sys.stderr.write(reply.stderr.decode(errors="replace"))
            self.send_error(500)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply.stdout)))
        self.end_headers()
        self.wfile.write(reply.stdout)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
