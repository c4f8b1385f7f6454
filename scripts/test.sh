#!/usr/bin/env bash
# Runs every test of qscert: vet (Linux and Windows builds), the unit and
# integration tests (with nginx as a real TLS peer), the certificate stores
# for real on crypt32 under Wine, and a short fuzzing of every parser.
# Installs what is missing first. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# nginx-light: the connection test's real third-party TLS peer.
# wine64 and the mingw compiler: the Windows store, tested on real crypt32.
# xvfb, x11-utils and Mesa's GL: the real window, started under Xvfb.
# openssl: the corpus of exports made with the real OpenSSL (certs/validate).
# openssl and nodejs: the folder store's bundle read by other programs.
# strace: the folder store's writes reach the disk in order.
# tmux: the console wizard walked in a real terminal.
ensure_packages "${GUI_BUILD_PACKAGES[@]}" git ca-certificates nginx-light e2fsprogs \
	wine64 gcc-mingw-w64-x86-64 xvfb x11-utils libgl1-mesa-dri openssl nodejs strace tmux
ensure_go
# Every tool above is installed, so a Linux test that would skip without
# one fails instead: a skip would hide a failure. (Not under Wine, where
# these Linux programs are not on the Windows PATH.)
require_tools=(env QSCERT_REQUIRE_NGINX=1 QSCERT_REQUIRE_OPENSSL=1 QSCERT_REQUIRE_TOOLS=1)

started=$SECONDS
step() { printf '\n==> [%dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }

step "go mod download"
go mod download

step "gofmt and go vet (linux)"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
	echo "not gofmt-formatted: $unformatted" >&2
	exit 1
fi
go vet ./...
step "go vet (windows, no cgo)"
GOOS=windows CGO_ENABLED=0 go vet ./...

step "go test (no cgo: everything but the desktop driver)"
CGO_ENABLED=0 "${require_tools[@]}" go test -count=1 ./...

step "go test under Wine (the Windows store on real crypt32)"
bash tools/wine/test-windows.sh -count=1 ./certs/...
# The crash test on the Windows stores: the test binary, run as qscert, is
# killed at each of its writes (app/crash_windows_test.go).
bash tools/wine/test-windows.sh -count=1 -run '^TestWindows' ./app

step "go build with the desktop driver (cgo)"
mkdir -p bin
go build -o bin/qscert .
GOOS=windows CGO_ENABLED=0 go build -o bin/qscert-cli.exe .

step "go test of the window's glue (demo, support report, metadata: built with cgo only)"
"${require_tools[@]}" go test -count=1 ./app

step "the real window under Xvfb: the demo walks every page in English and French"
shots=$(mktemp -d)
bash tools/screenshots.sh "$shots" >/dev/null
for f in "$shots"/*.png; do
	# A blank capture compresses to almost nothing; a page with text does not.
	if [ "$(stat -c %s "$f")" -lt 20000 ]; then
		echo "screenshot $f looks blank" >&2
		exit 1
	fi
done
echo "$(ls "$shots" | wc -l) pages captured"
rm -rf "$shots"

step "the Windows program under Wine: both release archives, the console, the stores, signing, the window"
bash tools/windows/smoke.sh --release

step "no OpenGL: the probe on Mesa and on Wine, the console wizard instead of the window"
bash tools/glprobe-test.sh

step "fuzz every parser briefly"
# A count, not a duration: Go 1.26's fuzz coordinator can report a spurious
# "context deadline exceeded" when a duration ends mid-run (go.dev/issue/75804,
# fixed in Go 1.27); a count has no deadline to race.
fuzz_time="${QSCERT_FUZZ_TIME:-100000x}"
for pkg in $(go list ./certs/... ./app/...); do
	for target in $(CGO_ENABLED=0 go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		CGO_ENABLED=0 go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzz_time" -fuzzminimizetime 2000x "$pkg"
	done
done

step "all tests passed"
