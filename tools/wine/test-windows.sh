#!/bin/sh
# Runs qscert's tests as a Windows program under Wine, on real crypt32:
#   tools/wine/test-windows.sh                 # go test ./certs/...
#   tools/wine/test-windows.sh -run Windows -v ./certs/store
#   tools/wine/test-windows.sh -run '^$' -bench WindowsList ./certs/store
# Arguments go to go test as they are; with none, ./certs/... is tested.
# Each run gets a fresh Wine prefix, deleted afterwards, so no state from an
# earlier run (certificates, keys) can make a test pass. To keep one prefix
# between runs while working, set QSCERT_WINEPREFIX to a folder.
# The exit code is go test's.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wineserver=$(command -v wineserver 2>/dev/null || echo /usr/lib/wine/wineserver)

if [ -n "${QSCERT_WINEPREFIX:-}" ]; then
	prefix=$QSCERT_WINEPREFIX
	keep=1
else
	prefix=$(mktemp -d "${TMPDIR:-/tmp}/qscert-wine.XXXXXX")
	keep=0
fi
cleanup() {
	# Stop this prefix's wineserver (and any Wine process left in it)
	# before deleting the prefix under it.
	WINEPREFIX=$prefix "$wineserver" -k 2>/dev/null || true
	if [ "$keep" = 0 ]; then rm -rf "$prefix"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

t0=$(date +%s)
"$here/setup.sh" "$prefix" >/dev/null
t1=$(date +%s)
echo "test-windows: Wine prefix ready in $((t1 - t0)) s ($prefix)" >&2

[ $# -gt 0 ] || set -- ./certs/...
cd "$root"
status=0
# -p 1: the packages share one prefix, that is one machine's stores, and
# Wine keeps the keys of a key set in one shared container; two packages
# adding keyed certificates at once would overwrite each other's keys.
PATH="$here:$PATH" \
	WINEPREFIX="$prefix" WINEDEBUG=-all \
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	GOFLAGS="${GOFLAGS:+$GOFLAGS }-overlay=$prefix/go-overlay.json" \
	go test -p 1 "$@" || status=$?
t2=$(date +%s)
echo "test-windows: go test under Wine took $((t2 - t1)) s, exit $status" >&2
exit $status
