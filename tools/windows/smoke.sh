#!/usr/bin/env bash
# The Windows program's smoke test, under Wine (make smoke-windows; CI runs
# it from scripts/test.sh):
#   tools/windows/smoke.sh [--release] [SCREENSHOT.png]
# 1. builds bin/windows/qscert.exe and qscert.com (tools/windows/build.sh,
#    incremental), or with --release both release archives
#    (tools/windows/release.sh), checks what they hold and tests the files
#    of the zip; checks the programs' subsystems, version resources,
#    manifests and icon;
# 2. from Wine's console (wine64 cmd /c): `qscert` finds qscert.com first;
#    version prints the build's version; validate exits 0, 1 and 2 on a good
#    export, a wrong password and a missing folder, and cmd.exe waits for
#    each exit code; install --yes into Wine's real certificate stores
#    (crypt32), list shows the certificates, restore puts the backup back;
#    app/elevation's tests run under Wine too (the process token, runas);
# 3. signs copies with a throw-away code-signing certificate made here (one
#    timestamped by a local timestamp authority), and checks them with
#    osslsigncode verify and by running them;
# 4. opens the wizard in demo mode under Xvfb, checks its window has an
#    icon, saves a screenshot (to SCREENSHOT.png when given) and measures,
#    against tools/minimalwindow built and started the same way, the size
#    and the launch-to-mapped time (QSCERT_SMOKE_RUNS runs each, median);
#    `qscert --demo` typed in cmd.exe starts the window and returns.
# Every step prints what it checked; any failure stops with exit 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. tools/windows/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" git wine64 gcc-mingw-w64-x86-64 xvfb x11-utils libgl1-mesa-dri \
	osslsigncode openssl python3 jq zip unzip xz-utils
ensure_go
export LANG=en_US.UTF-8

release=0
if [ "${1:-}" = --release ]; then
	release=1
	shift
fi
shot_out="${1:-}"
runs="${QSCERT_SMOKE_RUNS:-5}"
work=$(mktemp -d)
wine64=$(command -v wine64 2>/dev/null || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver 2>/dev/null || echo /usr/lib/wine/wineserver)
prefix="$work/prefix"
xvfb_pid=""
tsa_pid=""
cleanup() {
	[ -z "$tsa_pid" ] || kill "$tsa_pid" 2>/dev/null || true
	WINEPREFIX="$prefix" "$wineserver" -k 2>/dev/null || true
	if [ -n "$xvfb_pid" ]; then
		kill "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n==> smoke-windows: %s\n' "$*"; }
fail() {
	echo "smoke-windows: FAILED: $*" >&2
	exit 1
}
ok() { echo "  ok: $*"; }

version=$(qscert_version)
name=$(fyne_app Name)
if [ $release = 1 ]; then
	step "release archives"
	bash tools/windows/release.sh
	zip="dist/$name-$version-windows-amd64.zip"
	tarxz="dist/$name-$version-linux-amd64.tar.xz"
	(cd dist && sha256sum -c SHA256SUMS) || fail "SHA256SUMS does not match the archives"
	unzip -q "$zip" -d "$work/zip"
	top="$work/zip/$name-$version-windows-amd64"
	for f in "$name.exe" "$name.com" README.md THIRD_PARTY_NOTICES.txt; do
		[ -s "$top/$f" ] || fail "$zip lacks $f"
	done
	for m in fyne.io/fyne/v2 golang.org/x/sys software.sslmate.com/src/go-pkcs12 "GLFW" "Go standard library"; do
		grep -qF "$m" "$top/THIRD_PARTY_NOTICES.txt" || fail "THIRD_PARTY_NOTICES.txt does not name $m"
	done
	ok "$zip: $name.exe, $name.com, README.md, THIRD_PARTY_NOTICES.txt ($(grep -c '^=====' "$top/THIRD_PARTY_NOTICES.txt") headings)"
	listing=$(tar -tJf "$tarxz")
	for f in "bin/$name" "share/applications/$(fyne_app ID).desktop" "share/pixmaps/$(fyne_app ID).png"; do
		grep -q "usr/\(local/\)\{0,1\}$f\$" <<<"$listing" || fail "$tarxz lacks $f: $listing"
	done
	mkdir -p "$work/tar"
	tar -xJf "$tarxz" -C "$work/tar"
	got=$("$(find "$work/tar" -path "*/bin/$name" | head -n1)" version 2>/dev/null)
	[[ "$got" == "$name $version ("*"linux/amd64)" ]] || fail "the Linux binary says: $got"
	ok "$tarxz: bin/$name (\"$got\"), its .desktop file and icon; SHA256SUMS checks"
	exe="$top/$name.exe"
	com="$top/$name.com"
else
	step "build"
	bash tools/windows/build.sh
	exe="$WINDOWS_OUT/$name.exe"
	com="$WINDOWS_OUT/$name.com"
fi
go build -o "$work/mapwait" ./tools/mapwait
go build -o "$work/xwd2png" ./tools/xwd2png
go run ./tools/windows/smokeexport -dir "$work/exports"
# The minimal window, built as qscert.exe is (same flags, GUI subsystem).
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$WINDOWS_CC" \
	go build -trimpath -tags release,migrated_fynedo -ldflags "-s -w -H=windowsgui" -o "$work/minimal.exe" ./tools/minimalwindow

step "the files: subsystem, version resource, manifest, icon"
# IMAGE_SUBSYSTEM_WINDOWS_GUI (2): no console; IMAGE_SUBSYSTEM_WINDOWS_CUI
# (3): cmd.exe and PowerShell wait for it and give it their console.
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | awk '$1 == "Subsystem" {print $2 + 0}'; }
[ "$(subsystem "$exe")" = 2 ] || fail "$exe is not a GUI-subsystem program"
[ "$(subsystem "$com")" = 3 ] || fail "$com is not a console program"
ok "$name.exe is GUI subsystem (2), $name.com console subsystem (3)"
winres=$(host_tool "$WINRES_TOOL")
for f in "$exe" "$com"; do
	base=$(basename "$f")
	ext="$work/resources-$base"
	"$winres" extract --dir "$ext" --xml-manifest "$f" >/dev/null 2>&1 || fail "no resources in $f"
	info=$(jq -c '.RT_VERSION["#1"]["0409"].info["0409"]' "$ext/winres.json")
	for field in ProductVersion FileVersion; do
		[ "$(jq -r ".$field" <<<"$info")" = "$version" ] || fail "$base: $field is not $version: $info"
	done
	[ "$(jq -r .ProductName <<<"$info")" = "$name" ] || fail "$base: ProductName: $info"
	[ -n "$(jq -r '.FileDescription // empty' <<<"$info")" ] || fail "$base: no FileDescription: $info"
	[ "$(jq -r .OriginalFilename <<<"$info")" = "$base" ] || fail "$base: OriginalFilename: $info"
	manifest=$(cat "$ext"/*.manifest)
	grep -q 'requestedExecutionLevel level="asInvoker"' <<<"$manifest" || fail "$base: the manifest is not asInvoker"
	ls "$ext"/*.ico >/dev/null 2>&1 || fail "$base: no icon resource"
	ok "$base: $info, asInvoker, icon"
done
manifest=$(cat "$work/resources-$name.exe"/*.manifest)
grep -q 'name="Microsoft.Windows.Common-Controls" version="6.0.0.0"' <<<"$manifest" || fail "no Common Controls 6 in the manifest"
grep -q '<dpiAwareness[^>]*>permonitorv2' <<<"$manifest" || fail "no per-monitor DPI awareness in the manifest"
ok "$name.exe's manifest: Common Controls 6, per-monitor v2 DPI awareness"

step "Xvfb"
# Before any Wine program: Wine's desktop process (explorer.exe), started
# by the first of them, stays up for a while and keeps the display it was
# started with; started without one, the window would have nowhere to go.
display=70
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
mkdir -p "$work/fb"
Xvfb ":$display" -screen 0 1280x900x24 -fbdir "$work/fb" -nolisten tcp -nocursor >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.05; done
kill -0 "$xvfb_pid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb :$display did not start"
export DISPLAY=":$display" FYNE_THEME=light
ok "display :$display"

step "app/elevation on Wine's token and shell (its own prefix)"
bash tools/wine/test-windows.sh -count=1 ./app/elevation

step "a Wine prefix"
tools/wine/setup.sh "$prefix" >/dev/null
export WINEPREFIX="$prefix" WINEDEBUG=-all
# One wineserver for the whole test, so each program started below does
# not pay for starting it (and the timings compare the programs).
"$wineserver" -p
# The first Wine program starts Wine's services (services.exe, explorer.exe,
# winedevice.exe...), which keep its standard output open: started from a
# $(...) capture, they would hold it open, and the capture would never end.
# Start them here, on /dev/null.
"$wine64" wineboot </dev/null >/dev/null 2>&1
c="$prefix/drive_c"
mkdir -p "$c/qscert" "$c/pick"
cp "$exe" "$com" "$c/qscert/"
cp -r "$work/exports" "$c/smoke"
echo "not a program" >"$c/smoke/wrong-password.txt"

# wcmd LINE runs LINE with Wine's cmd.exe from C:\qscert, as a user types it
# there, and sets out (stdout and stderr, without CR) and rc (the exit code
# of cmd /c, which is that of the line's last command).
wcmd() {
	if out=$(timeout 300 "$wine64" cmd /c "cd /d C:\\qscert && $1" 2>&1); then rc=0; else rc=$?; fi
	out=${out//$'\r'/}
}

step "the console: qscert.com is found first, prints, and cmd.exe waits for its exit code"
# PATHEXT lists .COM before .EXE: with a qscert.exe that is no program at
# all beside it, `qscert` still runs.
cp "$com" "$c/pick/"
echo "not a program" >"$c/pick/$name.exe"
out=$(timeout 120 "$wine64" cmd /c "cd /d C:\\pick && $name version" 2>&1 | tr -d '\r') || true
[[ "$out" == "$name $version ("*"windows/amd64)" ]] || fail "typing \`$name\` did not run $name.com: $out"
ok "cmd.exe runs $name.com when \`$name\` is typed (PATHEXT)"

wcmd "$name version"
[[ "$out" == "$name $version ("*"windows/amd64)" ]] && [ "$rc" = 0 ] || fail "version: rc=$rc $out"
ok "version: \"$out\", exit 0, the same string as the version resource"

# Each line prints the command's output, then errorlevel, in that order
# only if cmd.exe waited for the command to end.
check_exit() { # want LINE
	local want="$1" line="$2" got
	got=$(timeout 300 "$wine64" cmd /v:on /c "cd /d C:\\qscert && $line & echo errorlevel=!errorlevel!" 2>&1 | tr -d '\r') || true
	[ "$(tail -n1 <<<"$got")" = "errorlevel=$want" ] || fail "$line: want exit $want, got: $got"
	[ "$(wc -l <<<"$got")" -gt 1 ] || fail "$line printed nothing before its exit code: $got"
	ok "$line -> exit $want, after $(($(wc -l <<<"$got") - 1)) lines of output"
}
pw='--password-file C:\smoke\password.txt'
host='--host qlik-central.smoke.local'
check_exit 0 "$name validate C:\\smoke\\new $pw $host"
# Exit 1: a blocking finding (the certificates have expired by then);
# exit 2: the export could not be checked (a wrong password, no folder).
check_exit 1 "$name validate C:\\smoke\\new $pw $host --at 2040-01-01T00:00:00Z"
check_exit 2 "$name validate C:\\smoke\\new --password-file C:\\smoke\\wrong-password.txt $host"
check_exit 2 "$name validate C:\\smoke\\missing $host"

step "install, list and restore in Wine's certificate stores (crypt32)"
# The thumbprints of both exports, from validate --json.
thumbs() { # EXPORT -> "root client" SHA-1 thumbprints
	wcmd "$name validate C:\\smoke\\$1 $pw $host --json"
	jq -r '[.certificates[] | select(.role == "root")][0].sha1 + " " + ([.certificates[] | select(.role == "client")][0].sha1)' <<<"$out"
}
old=$(thumbs old)
new=$(thumbs new)
[ -n "${old// /}" ] && [ -n "${new// /}" ] || fail "no thumbprints from validate --json"
listed() { # -> sorted "LOCATION THUMBPRINT" lines of the Qlik certificates in the Windows stores
	wcmd "$name list --json"
	[ "$rc" = 0 ] || fail "list: rc=$rc $out"
	jq -r '.certificates[] | select(.class == "qlik") | .location + " " + .sha1' <<<"$out" | sort
}
expect() { # "ROOT CLIENT" -> the sorted lines list should print
	read -r r cl <<<"$1"
	printf '%s\n' "CurrentUser\\My $cl" "LocalMachine\\Root $r" | sort
}
wcmd "$name install C:\\smoke\\old $pw $host --yes"
[ "$rc" = 0 ] || fail "install old: rc=$rc $out"
[ "$(listed)" = "$(expect "$old")" ] || fail "after installing the old export, list shows: $(listed)"
ok "install --yes of the old export: LocalMachine\\Root and CurrentUser\\My hold it"
wcmd "$name install C:\\smoke\\new $pw $host --yes --json"
[ "$rc" = 0 ] || fail "install new: rc=$rc $out"
backup=$(jq -r '.result.backupDir' <<<"$out")
[ -n "$backup" ] && [ "$backup" != null ] || fail "install made no backup: $out"
[ "$(listed)" = "$(expect "$new")" ] || fail "after installing the new export, list shows: $(listed)"
ok "install --yes of the new export replaced the old one, backup in $backup"
wcmd "$name restore $backup $pw --yes"
[ "$rc" = 0 ] || fail "restore: rc=$rc $out"
[ "$(listed)" = "$(expect "$old")" ] || fail "after restore, list shows: $(listed)"
ok "restore put the old certificates back; list shows them"

step "signing with a throw-away code-signing certificate"
sig="$work/signing"
mkdir -p "$sig"
openssl req -x509 -newkey rsa:2048 -sha256 -days 1 -nodes -keyout "$sig/key.pem" -out "$sig/cert.pem" \
	-subj "/CN=qscert smoke test code signing" -addext "extendedKeyUsage=codeSigning" \
	-addext "keyUsage=critical,digitalSignature" -addext "basicConstraints=critical,CA:false" 2>/dev/null
(umask 077 && openssl rand -hex 16 >"$sig/password.txt")
openssl pkcs12 -export -inkey "$sig/key.pem" -in "$sig/cert.pem" -out "$sig/cert.pfx" -passout "file:$sig/password.txt"
cp "$exe" "$com" "$sig/"
# A timestamp authority on 127.0.0.1 (OpenSSL's, tools/windows/tsa.py) with
# its own throw-away certificate, for QSCERT_SIGN_TIMESTAMP_URL.
openssl req -x509 -newkey rsa:2048 -sha256 -days 1 -nodes -keyout "$sig/tsa.key" -out "$sig/tsa.pem" \
	-subj "/CN=qscert smoke test TSA" -addext "extendedKeyUsage=critical,timeStamping" \
	-addext "keyUsage=critical,digitalSignature" -addext "basicConstraints=critical,CA:false" 2>/dev/null
echo 01 >"$sig/tsa.serial"
cat >"$sig/tsa.cnf" <<CNF
[ tsa ]
default_tsa = smoke
[ smoke ]
serial = $sig/tsa.serial
crypto_device = builtin
signer_cert = $sig/tsa.pem
certs = $sig/tsa.pem
signer_key = $sig/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
python3 tools/windows/tsa.py "$sig/tsa.cnf" "$sig/tsa.port" &
tsa_pid=$!
for _ in $(seq 100); do [ -s "$sig/tsa.port" ] && break; sleep 0.05; done
[ -s "$sig/tsa.port" ] || fail "the timestamp authority did not start"
QSCERT_SIGN_PFX="$sig/cert.pfx" QSCERT_SIGN_PASSWORD_FILE="$sig/password.txt" \
	QSCERT_SIGN_TIMESTAMP_URL="http://127.0.0.1:$(cat "$sig/tsa.port")" \
	bash tools/windows/sign.sh "$sig/$name.exe"
kill "$tsa_pid"
wait "$tsa_pid" 2>/dev/null || true
tsa_pid=""
osslsigncode verify -CAfile "$sig/cert.pem" -TSA-CAfile "$sig/tsa.pem" -in "$sig/$name.exe" >"$sig/verify.txt" 2>&1 ||
	{ cat "$sig/verify.txt"; fail "verify the timestamp of $name.exe"; }
grep -q "Timestamp Server Signature verification: ok" "$sig/verify.txt" || fail "no valid timestamp: $(cat "$sig/verify.txt")"
ok "$name.exe signed and timestamped by the local timestamp authority"
# The other way in: the PFX and the password in variables, as CI secrets are.
QSCERT_SIGN_PFX_BASE64=$(base64 -w0 "$sig/cert.pfx") QSCERT_SIGN_PASSWORD=$(cat "$sig/password.txt") \
	bash tools/windows/sign.sh "$sig/$name.com"
for f in "$sig/$name.exe" "$sig/$name.com"; do
	osslsigncode verify -CAfile "$sig/cert.pem" -in "$f" >"$sig/verify.txt" 2>&1 || { cat "$sig/verify.txt"; fail "verify $f"; }
	grep -q "Signature verification: ok" "$sig/verify.txt" || fail "verify $f: $(cat "$sig/verify.txt")"
done
ok "osslsigncode verify: both signatures check against the throw-away certificate"
if QSCERT_SIGN_PFX="$sig/cert.pfx" QSCERT_SIGN_PASSWORD="wrong" bash tools/windows/sign.sh "$sig/$name.com" 2>/dev/null; then
	fail "signing with a wrong password succeeded"
fi
set +e
env -u QSCERT_SIGN_PFX -u QSCERT_SIGN_PFX_BASE64 bash tools/windows/sign.sh "$sig/$name.com" 2>/dev/null
unsigned=$?
set -e
[ "$unsigned" = 3 ] || fail "sign.sh without a certificate exited $unsigned, want 3"
ok "a wrong password fails; no certificate exits 3 (release says unsigned)"
cp "$sig/$name.exe" "$sig/$name.com" "$c/pick/"
out=$(timeout 120 "$wine64" cmd /c "cd /d C:\\pick && $name version" 2>&1 | tr -d '\r') || true
[[ "$out" == "$name $version ("* ]] || fail "the signed $name.com does not run: $out"
ok "the signed $name.com runs"

step "the wizard's window under Xvfb, in demo mode"
title=$(sed -n 's/^[[:space:]]*"wizard.title":[[:space:]]*"\(.*\)",\{0,1\}$/\1/p' assets/translations/wizard.en.json)
min_title='qscert minimal window'
cp "$work/minimal.exe" "$c/qscert/"

stop_app() {
	[ -f "$work/pid" ] || return 0
	local pid
	pid=$(cat "$work/pid")
	rm -f "$work/pid"
	kill "$pid" 2>/dev/null || return 0
	for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.01; done
	kill -KILL "$pid" 2>/dev/null || true
}
# launch TITLE RECORD PROGRAM ARGS...: start a program of C:\qscert under
# Wine and wait until its window is mapped; the milliseconds go to RECORD.
launch() {
	local t="$1" record="$2"
	shift 2
	# The program's stderr goes to a log (exec keeps the pid mapwait records).
	if ! "$work/mapwait" -title "$t" -pidfile "$work/pid" -record "$record" -timeout 120s -- \
		bash -c 'exec "$@" 2>>"$0"' "$work/programs.log" "$wine64" "C:\\qscert\\$1" "${@:2}" >/dev/null; then
		echo "windows on the display:" >&2
		LC_ALL=C xwininfo -root -tree >&2 || true
		echo "the programs' stderr:" >&2
		tail -n 60 "$work/programs.log" >&2 || true
		fail "no window \"$t\" from $1"
	fi
}

launch "$title" "$work/first.ms" "$name.exe" --demo
first_ms=$(cat "$work/first.ms")
win=$(LC_ALL=C xwininfo -root -tree | grep -F "\"$title\"" | head -n1 | awk '{print $1}')
[ -n "$win" ] || fail "no window titled $title"
# Fyne draws its first frame after the window is mapped, later on a busy
# machine, and the program centres its window after mapping it: capture
# until the picture has content (a blank capture compresses to almost
# nothing; a page with text does not) twice in a row at the same place, a
# second apart, so the page has settled and the crop is where the window
# now is.
drawn=0
last=""
for _ in $(seq 30); do
	sleep 1
	geometry=$(LC_ALL=C xwininfo -id "$win")
	w=$(awk '/Width:/ {print $2}' <<<"$geometry")
	h=$(awk '/Height:/ {print $2}' <<<"$geometry")
	x=$(awk '/Absolute upper-left X:/ {print $4}' <<<"$geometry")
	y=$(awk '/Absolute upper-left Y:/ {print $4}' <<<"$geometry")
	cp "$work/fb/Xvfb_screen0" "$work/windows-demo.xwd"
	"$work/xwd2png" -crop "$x,$y,$w,$h" "$work/windows-demo.xwd"
	if [ "$(stat -c %s "$work/windows-demo.png")" -gt 20000 ] && [ "$last" = "$x,$y,$w,$h" ]; then
		drawn=$((drawn + 1))
	fi
	last="$x,$y,$w,$h"
	[ $drawn -lt 2 ] || break
done
[ $drawn -ge 2 ] || fail "the wizard's window stayed blank"
if [ -n "$shot_out" ]; then
	mkdir -p "$(dirname "$shot_out")"
	cp "$work/windows-demo.png" "$shot_out"
fi
ok "the wizard's window is up (${w}x$h), screenshot ${shot_out:-taken}"
# The window's icon, as Wine hands it to the X server (_NET_WM_ICON: width,
# height, then the pixels).
icon=$(xprop -id "$win" -notype 32c _NET_WM_ICON 2>/dev/null | head -c 200 || true)
[[ "$icon" == *"_NET_WM_ICON = "[0-9]* ]] || fail "the window has no icon: $icon"
ok "the window has an icon ($(sed -E 's/^_NET_WM_ICON = ([0-9]+), ([0-9]+).*/\1x\2/' <<<"$icon") px and more)"
stop_app

step "qscert.com asked for the window starts qscert.exe and returns"
t0=$(date +%s%N)
"$work/mapwait" -title "$title" -pidfile "$work/cmd.pid" -timeout 120s -- \
	"$wine64" cmd /c "cd /d C:\\qscert && $name --demo" >/dev/null || fail "\`$name --demo\` in cmd.exe opened no window"
win=$(LC_ALL=C xwininfo -root -tree | grep -F "\"$title\"" | head -n1 | awk '{print $1}')
# Wine puts the Unix process id of the window's program on its X window.
xprop -id "$win" _NET_WM_PID | awk '{print $3}' >"$work/pid"
for _ in $(seq 200); do kill -0 "$(cat "$work/cmd.pid")" 2>/dev/null || break; sleep 0.05; done
! kill -0 "$(cat "$work/cmd.pid")" 2>/dev/null || fail "cmd.exe still waits for $name --demo while its window is open"
LC_ALL=C xwininfo -id "$win" | grep -q IsViewable || fail "the window closed with cmd.exe"
ok "cmd.exe got its prompt back while the window stays up (window in $((($(date +%s%N) - t0) / 1000000)) ms)"
stop_app

step "size and launch-to-mapped time under Wine: the wizard against a minimal Fyne window"
rm -f "$work"/*.ms
# One run of each unrecorded first, so that all start with Wine's files in
# the page cache; then they take turns. Without arguments is what a
# double-click does; --demo also generates its certificates (six RSA keys)
# before the window opens.
launch "$min_title" /dev/null minimal.exe
stop_app
launch "$title" /dev/null "$name.exe"
stop_app
for _ in $(seq "$runs"); do
	launch "$min_title" "$work/minimal.ms" minimal.exe
	stop_app
	launch "$title" "$work/wizard.ms" "$name.exe"
	stop_app
	launch "$title" "$work/demo.ms" "$name.exe" --demo
	stop_app
done
median() { sort -n "$1" | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }
row() { printf '  %-18s %10s %12s ms   %s\n' "$1" "$2" "$(median "$3")" "$(tr '\n' ' ' <"$3")"; }
printf '  %-18s %10s %15s   %s\n' program size "median mapped" "runs (ms)"
row "minimal window" "$(mib "$work/minimal.exe")" "$work/minimal.ms"
row "$name.exe" "$(mib "$exe")" "$work/wizard.ms"
row "$name.exe --demo" "$(mib "$exe")" "$work/demo.ms"
printf '  %-18s %10s\n' "$name.com" "$(mib "$com")"
echo "  (the first start of $name.exe --demo in this fresh prefix: $first_ms ms)"

step "all Windows smoke checks passed"
