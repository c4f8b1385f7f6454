#!/usr/bin/env bash
# Times `qscert validate` against the equivalent OpenSSL work on the same
# Windows-format export (two PFX in legacy 3DES, root.cer): `openssl pkcs12`
# on each PFX plus `openssl verify`, in one hyperfine run, and prints the
# ratio. Goal: qscert at no more than 0.5x OpenSSL's wall time.
#
# The export is modern-style: OpenSSL refuses Qlik's real (legacy) CA, which
# has no basicConstraints, so `openssl verify` could not succeed on it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages hyperfine openssl python3
ensure_go

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
printf 'Qlik!2026\n' >"$work/password"
go build -o "$work/qscert" .
go run ./certs/certstest/qlikexport --out "$work/export" --format windows --style modern \
	--pfx legacy-des --machine rep01.corp.example --password-file "$work/password"

cd "$work/export"
openssl_work="openssl pkcs12 -in client.pfx -passin file:$work/password -nodes -out $work/client.pem \
 && openssl pkcs12 -in server.pfx -passin file:$work/password -nodes -out $work/server.pem \
 && openssl x509 -inform DER -in root.cer -out $work/root.pem \
 && openssl verify -CAfile $work/root.pem $work/client.pem $work/server.pem"
# Both must succeed on these files, or the comparison means nothing.
sh -c "$openssl_work" >/dev/null
"$work/qscert" validate "$work/export" --password-file "$work/password" --machine rep01.corp.example >/dev/null

hyperfine --warmup 5 --runs 40 --export-json "$work/result.json" \
	-n openssl "sh -c '$openssl_work'" \
	-n qscert "$work/qscert validate $work/export --password-file $work/password --machine rep01.corp.example"

python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
q, o = r["qscert"]["mean"], r["openssl"]["mean"]
print(f"qscert validate {q*1000:.1f} ms, openssl {o*1000:.1f} ms: ratio {q/o:.2f}x (goal <= 0.50x)")
PY
