#!/bin/sh
# Times `qscert test` against curl with the same client certificate, on the
# same nginx peer, in one hyperfine run, and prints the ratio (goal: qscert
# takes at most 1.2x curl's wall time).
#
# Both make exactly one full TLS handshake and one request: each is a new
# process, curl keeps no session cache between runs and qscert none at all.
# The script checks that in nginx's access log before timing (one line per
# request: connection number, "." for a full handshake, "r" for resumed).
#
# Needs: go, nginx (Debian: nginx-light), curl, hyperfine, jq.
# Environment: RUNS (default 200), QSCERT_BIN (a prebuilt qscert; default:
# built here with the default cgo setting, as released).
set -eu

cd "$(dirname "$0")/.."
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
trap cleanup EXIT INT TERM

for tool in go curl hyperfine jq; do
	command -v "$tool" >/dev/null || { echo "qrs-vs-curl: $tool is needed" >&2; exit 2; }
done

go build -o "$work/nginxpeer" ./bench/nginxpeer
if [ -n "${QSCERT_BIN:-}" ]; then
	qscert=$QSCERT_BIN
else
	go build -o "$work/qscert" .
	qscert=$work/qscert
fi

"$work/nginxpeer" -dir "$work" &
peer_pid=$!
i=0
while [ ! -f "$work/port" ]; do
	i=$((i + 1))
	if [ $i -gt 300 ] || ! kill -0 "$peer_pid" 2>/dev/null; then
		echo "qrs-vs-curl: nginx did not start" >&2
		exit 2
	fi
	sleep 0.05
done
port=$(cat "$work/port")
dir=$work/export
key=qscertBench12345 # any 16 characters of [0-9a-zA-Z]

# A Fyne locale warning is printed on every start when LANG is C; use a
# real locale so both commands do the same work.
export LANG=en_US.UTF-8

qscert_cmd="$qscert test --host localhost --port $port --dir $dir --lang en"
curl_cmd="curl -sS --fail -o /dev/null --cert $dir/client.pem --key $dir/client_key.pem --cacert $dir/root.pem -H X-Qlik-Xrfkey:$key -H X-Qlik-User:UserDirectory=INTERNAL;UserId=sa_repository https://localhost:$port/qrs/about?xrfkey=$key"

# Each must succeed, with one full handshake and one request.
access=$work/nginx/access.log
for cmd in "$qscert_cmd" "$curl_cmd"; do
	before=$(wc -l <"$access")
	$cmd >/dev/null
	sleep 0.2 # nginx logs after it has answered
	new=$(tail -n +"$((before + 1))" "$access")
	if [ "$(printf '%s\n' "$new" | grep -c .)" != 1 ] || ! printf '%s\n' "$new" | grep -q '^[0-9]* \. TLSv1\.3 "GET /qrs/about?xrfkey=[0-9A-Za-z]* HTTP/1\.1" 200$'; then
		echo "qrs-vs-curl: expected one full handshake and one request from: $cmd" >&2
		printf '%s\n' "$new" >&2
		exit 1
	fi
done

hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/result.json" \
	-n qscert "$qscert_cmd" -n curl "$curl_cmd"

# The mean is the goal's measure; the median and minimum resist a busy
# machine's outliers.
jq -r '
	def ms: . * 1000 | . * 100 | round / 100;
	def ratio(a; b): a / b | . * 100 | round / 100;
	(.results | map({(.command): .}) | add) as $r
	| "qscert: mean \($r.qscert.mean | ms) ms, median \($r.qscert.median | ms) ms, min \($r.qscert.min | ms) ms",
	  "curl:   mean \($r.curl.mean | ms) ms, median \($r.curl.median | ms) ms, min \($r.curl.min | ms) ms",
	  "ratio qscert/curl: mean \(ratio($r.qscert.mean; $r.curl.mean)) (goal <= 1.2), median \(ratio($r.qscert.median; $r.curl.median)), min \(ratio($r.qscert.min; $r.curl.min))"
' "$work/result.json"
