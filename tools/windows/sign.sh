#!/usr/bin/env bash
# Signs Windows programs with osslsigncode (Authenticode, SHA-256), in place:
#   tools/windows/sign.sh [FILE...]      # default: bin/windows/qscert.exe and qscert.com
# The code-signing certificate and its key come from a PFX, and its password
# from a file or a variable, never from the command line (which every
# process on the machine can read):
#   QSCERT_SIGN_PFX=path/to/cert.pfx   or  QSCERT_SIGN_PFX_BASE64=<the PFX, base64> (a CI secret)
#   QSCERT_SIGN_PASSWORD_FILE=path     or  QSCERT_SIGN_PASSWORD=<the password>
#   QSCERT_SIGN_TIMESTAMP_URL=http://... an RFC 3161 timestamp server (optional;
#     without one the signature stops being valid when the certificate expires)
# Exit codes: 0 signed, 1 signing failed, 3 no certificate was given (the
# release then says it is unsigned).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. tools/windows/lib.sh

if [ -z "${QSCERT_SIGN_PFX:-}" ] && [ -z "${QSCERT_SIGN_PFX_BASE64:-}" ]; then
	echo "sign: no code-signing certificate (set QSCERT_SIGN_PFX or QSCERT_SIGN_PFX_BASE64, see tools/windows/README.md)" >&2
	exit 3
fi
ensure_packages osslsigncode coreutils
[ $# -gt 0 ] || set -- "$WINDOWS_OUT/$(fyne_app Name).exe" "$WINDOWS_OUT/$(fyne_app Name).com"

secrets=$(mktemp -d)
chmod 700 "$secrets"
trap 'rm -rf "$secrets"' EXIT

pfx="${QSCERT_SIGN_PFX:-}"
if [ -z "$pfx" ]; then
	pfx="$secrets/cert.pfx"
	(umask 077 && printf '%s' "$QSCERT_SIGN_PFX_BASE64" | base64 -d >"$pfx")
fi
# osslsigncode -readpass takes the password from a file. The file given is
# copied without its line ending (editors add one); a password from a
# variable is written to a private file. printf is a shell builtin: the
# password is on no command line.
pass="$secrets/password"
(
	umask 077
	if [ -n "${QSCERT_SIGN_PASSWORD_FILE:-}" ]; then
		p=$(cat "$QSCERT_SIGN_PASSWORD_FILE")
		printf '%s' "${p%$'\r'}" >"$pass"
	else
		printf '%s' "${QSCERT_SIGN_PASSWORD:-}" >"$pass"
	fi
)

timestamp=()
[ -z "${QSCERT_SIGN_TIMESTAMP_URL:-}" ] || timestamp=(-ts "$QSCERT_SIGN_TIMESTAMP_URL")
for f in "$@"; do
	rm -f "$f.signed"
	if ! osslsigncode sign -pkcs12 "$pfx" -readpass "$pass" -h sha256 -n "$(fyne_app Name)" \
		"${timestamp[@]}" -in "$f" -out "$f.signed" >"$secrets/log" 2>&1; then
		cat "$secrets/log" >&2
		rm -f "$f.signed"
		echo "sign: could not sign $f" >&2
		exit 1
	fi
	mv "$f.signed" "$f"
	echo "sign: signed $f${timestamp:+ (timestamped by $QSCERT_SIGN_TIMESTAMP_URL)}" >&2
done
