#!/bin/sh
# Prepares a Wine prefix that runs qscert's Windows test binaries:
#   tools/wine/setup.sh [PREFIX]
# Installs wine64 and the mingw-w64 compiler when they are missing (Debian),
# builds bcryptprimitives.dll from processprng.c, creates PREFIX (a new
# temporary folder when none is given) and puts the DLL into its system32.
# Safe to run again on the same PREFIX: each step is skipped when done.
# Also writes PREFIX/go-overlay.json, to be given to go test as
# -overlay (see below). Prints the prefix on stdout, everything else on
# stderr, so that
#   WINEPREFIX=$(tools/wine/setup.sh)
# works.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
log() { printf 'wine-setup: %s\n' "$*" >&2; }

# wine64 is not on PATH in Debian 12's package; it lives in /usr/lib/wine.
find_wine64() {
	command -v wine64 2>/dev/null || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true
}

wine64=$(find_wine64)
if [ -z "$wine64" ] || ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	sudo=
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	# Refresh the package lists only when apt does not know the packages yet
	# (a fresh container has empty lists).
	if ! apt-cache show wine64 gcc-mingw-w64-x86-64 >/dev/null 2>&1; then
		log "apt-get update"
		$sudo apt-get update >&2
	fi
	log "installing wine64 gcc-mingw-w64-x86-64"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
		wine64 gcc-mingw-w64-x86-64 >&2
	wine64=$(find_wine64)
	[ -n "$wine64" ] || { log "wine64 not found after installing it"; exit 1; }
fi

prefix=${1:-}
if [ -z "$prefix" ]; then
	prefix=$(mktemp -d "${TMPDIR:-/tmp}/qscert-wine.XXXXXX")
fi
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

# Go 1.22 and later need ProcessPrng from bcryptprimitives.dll, which Wine
# 8.0 lacks: without it every Go program aborts at start.
dll=$prefix/qscert-bcryptprimitives.dll
if [ ! -f "$dll" ] || [ "$here/processprng.c" -nt "$dll" ]; then
	log "building bcryptprimitives.dll"
	x86_64-w64-mingw32-gcc -shared -O2 -Wall -Werror -o "$dll" "$here/processprng.c" -ladvapi32
fi

# Go 1.26's os.RemoveAll deletes with FileDispositionInformationEx and
# falls back to the older call only for the statuses Windows gives; Wine 8
# answers STATUS_NOT_IMPLEMENTED, so every t.TempDir cleanup would fail.
# A `go build -overlay` copy of that one std file adds Wine's status to the
# fallback list. Test builds under Wine only; nothing shipped uses it.
goroot=$(go env GOROOT)
atfile=$goroot/src/internal/syscall/windows/at_windows.go
overlay=$prefix/go-overlay.json
if [ ! -f "$overlay" ] || [ "$atfile" -nt "$overlay" ] || ! grep -qF "$goroot/" "$overlay"; then
	patched=$prefix/go-overlay-at_windows.go
	if grep -q 'STATUS_NOT_IMPLEMENTED\|NTStatus(0xC0000002)' "$atfile"; then
		echo '{"Replace":{}}' >"$overlay" # this Go already falls back
	else
		sed 's|^\(\t*\)STATUS_NOT_SUPPORTED: |\1NTStatus(0xC0000002), // STATUS_NOT_IMPLEMENTED: Wine 8 (qscert tools/wine)\n\1STATUS_NOT_SUPPORTED: |' \
			"$atfile" >"$patched"
		if cmp -s "$atfile" "$patched"; then
			log "cannot patch $atfile for Wine: os.RemoveAll will fail under Wine (go version changed?)"
			exit 1
		fi
		printf '{"Replace":{"%s":"%s"}}\n' "$atfile" "$patched" >"$overlay"
	fi
fi

export WINEPREFIX="$prefix"
export WINEDEBUG=-all
if [ ! -f "$prefix/system.reg" ]; then
	log "creating the prefix $prefix"
	# mscoree and mshtml disabled: wineboot would otherwise offer to fetch
	# Mono and Gecko, which the tests do not need and the network does not
	# serve.
	WINEDLLOVERRIDES="mscoree,mshtml=" "$wine64" wineboot -i >&2 2>/dev/null
	# Wait until wineserver has written the registry to disk.
	"$(dirname "$wine64")/wineserver" -w 2>/dev/null || wineserver -w
fi
cp "$dll" "$prefix/drive_c/windows/system32/bcryptprimitives.dll"
log "ready: WINEPREFIX=$prefix"
echo "$prefix"
