#!/usr/bin/env bash
# Times `qscert test` against curl with the same client certificate, on the
# same nginx peer, in one hyperfine run, and prints the ratio. Goal: qscert
# at no more than 1.2x curl's wall time.
#
# Both make exactly one full TLS handshake and one request: each run is a
# new process, curl keeps no session cache between runs and qscert none at
# all. The script checks it in nginx's access log before timing (one line
# per request: connection number, "." for a full handshake, "r" for a
# resumed one, TLS version, request, status).
#
# The export is modern-style: OpenSSL (nginx) refuses Qlik's real, legacy
# CA as a client CA (see TestNginxRefusesTheLegacyCA).
#
# Two builds are timed: qscert as released for the desktop (cgo, the window
# linked in) and qscert-cli (CGO_ENABLED=0, as the Windows command-line
# build for fleet tools). The goal applies to each.
#
# RUNS (default 200) sets hyperfine's runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages hyperfine curl nginx-light python3
ensure_go

runs=${RUNS:-200}
work=$(mktemp -d)
peer_pid=""
cleanup() {
	if [ -n "$peer_pid" ]; then
		kill "$peer_pid" 2>/dev/null || true
		wait "$peer_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/nginxpeer" ./bench/nginxpeer
go build -o "$work/qscert" .
CGO_ENABLED=0 go build -o "$work/qscert-cli" .

# nginxpeer writes the export to $work/export, starts nginx with the prefix
# $work/nginx and writes the port to $work/port once nginx listens.
"$work/nginxpeer" -dir "$work" &
peer_pid=$!
for _ in $(seq 600); do
	[ -f "$work/port" ] && break
	kill -0 "$peer_pid" 2>/dev/null || { echo "qrs-vs-curl: nginx did not start" >&2; exit 2; }
	sleep 0.05
done
[ -f "$work/port" ] || { echo "qrs-vs-curl: nginx did not start within 30 s" >&2; exit 2; }
port=$(cat "$work/port")
dir=$work/export
key=qscertBench12345 # any 16 characters of [0-9a-zA-Z]

# Fyne logs a parse error for the "C" locale at every start; a real locale
# keeps the two commands doing the same work.
export LANG=en_US.UTF-8

qscert_args="test --host localhost --port $port --dir $dir --lang en"
qscert_cmd="$work/qscert $qscert_args"
cli_cmd="$work/qscert-cli $qscert_args"
curl_cmd="curl -sS --fail -o /dev/null --cert $dir/client.pem --key $dir/client_key.pem --cacert $dir/root.pem -H X-Qlik-Xrfkey:$key -H X-Qlik-User:UserDirectory=INTERNAL;UserId=sa_repository https://localhost:$port/qrs/about?xrfkey=$key"

access=$work/nginx/access.log
for cmd in "$qscert_cmd" "$cli_cmd" "$curl_cmd"; do
	before=$(wc -l <"$access")
	$cmd >/dev/null
	sleep 0.2 # nginx logs once it has answered
	new=$(tail -n +"$((before + 1))" "$access")
	if [ "$(printf '%s\n' "$new" | grep -c .)" != 1 ] ||
		! printf '%s\n' "$new" | grep -Eq '^[0-9]+ \. TLSv1\.3 "GET /qrs/about\?xrfkey=[0-9A-Za-z]{16} HTTP/1\.1" 200$'; then
		echo "qrs-vs-curl: expected one full handshake and one successful request from: $cmd" >&2
		printf '%s\n' "$new" >&2
		exit 1
	fi
done

hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/result.json" \
	-n qscert "$qscert_cmd" -n qscert-cli "$cli_cmd" -n curl "$curl_cmd"

# The mean is the goal's measure; the median and the minimum resist the
# outliers of a busy machine.
python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c = r["curl"]
print(f"curl: mean {c['mean']*1000:.1f} ms, median {c['median']*1000:.1f} ms, min {c['min']*1000:.1f} ms")
for name in ("qscert", "qscert-cli"):
    q = r[name]
    ratios = ", ".join(f"{k} {q[k]/c[k]:.2f}x" for k in ("mean", "median", "min"))
    verdict = "met" if q["mean"] <= 1.2 * c["mean"] else "NOT met"
    print(f"{name}: mean {q['mean']*1000:.1f} ms; ratio to curl: {ratios}; goal (mean <= 1.20x) {verdict}")
PY
