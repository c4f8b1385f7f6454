#!/usr/bin/env bash
# Proves the OpenGL probe and the window-or-console decision on real
# drivers: Mesa under Xvfb, and Wine's opengl32 over the same Mesa.
#
#   tools/glprobe-test.sh [--no-exe]
#
# 1. Linux, cgo: go test ./app/glprobe under Xvfb (usable with Mesa, not
#    with MESA_GL_VERSION_OVERRIDE=1.1, nor without DISPLAY), and its
#    benchmark.
# 2. The real qscert (go build, cgo): with OpenGL 1.1, or without DISPLAY,
#    it prints the explanation and starts the console wizard, never Fyne's
#    window error and never a hang (timeout): with no input it stops at
#    its first question (exit 2); in a terminal (tmux) its demo is walked
#    to an install and a successful connection test, in English and
#    French. With OpenGL it opens its window (tools/mapwait watches the X
#    server).
# 3. Windows, under Wine on the same Xvfb: go test ./app/glprobe
#    ./app/winconsole (the WGL probe, the real message box, the console),
#    once with Mesa as it is and once limited to 1.1, and the benchmark.
# 4. Unless --no-exe: the Windows GUI exe, cross-built with mingw (about
#    5 minutes the first time): with OpenGL 1.1 and a scripted answer it
#    quits (No), or (Yes) opens the console wizard, walked in tmux to an
#    install and a connection test; never Fyne's error box, never a hang.
#    With OpenGL its window opens.
# Exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" xvfb libgl1-mesa-dri wine64 gcc-mingw-w64-x86-64 tmux
ensure_go

build_exe=1
[ "${1:-}" = "--no-exe" ] && build_exe=0

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
	[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null || true
	if [ -n "${WINEPREFIX:-}" ]; then
		"$(command -v wineserver || echo /usr/lib/wine/wineserver)" -k 2>/dev/null || true
	fi
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*" >&2; }
fail() { echo "glprobe-test: FAIL: $*" >&2; exit 1; }

display=70
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.05; done
# English, and a locale Fyne can parse (with LANG unset or "C" Fyne's lang
# package logs a "Fyne error" about the locale, which is not ours to test).
export LANG=en_US.UTF-8
unset MESA_GL_VERSION_OVERRIDE
# Driver tests must not skip here.
export QSCERT_REQUIRE_GL=1

step "Linux: the GLX probe under Xvfb"
go test -count=1 ./app/glprobe ./app/winconsole
QSCERT_GLPROBE_EXPECT=usable go test -count=1 -run SessionOffers ./app/glprobe
MESA_GL_VERSION_OVERRIDE=1.1 QSCERT_GLPROBE_EXPECT=context-refused go test -count=1 -run SessionOffers ./app/glprobe
env -u DISPLAY QSCERT_GLPROBE_EXPECT=no-display go test -count=1 -run SessionOffers ./app/glprobe
go test -run '^$' -bench Probe -benchtime 20x ./app/glprobe

step "Linux: the real qscert"
go build -o "$work/qscert" .
go build -o "$work/mapwait" ./tools/mapwait
# A private HOME for qscert's Fyne preferences (not for go: its caches stay).
mkdir -p "$work/home"

# no_window NAME ENV...: qscert must print the explanation and start the
# console wizard, having recorded the console path, within the timeout;
# with no input to answer it, the wizard stops at its first question.
no_window() {
	local name=$1
	shift
	local rec="$work/$name.json" code=0
	env HOME="$work/home" "$@" QSCERT_GLPROBE_RECORD="$rec" timeout 30 "$work/qscert" </dev/null >"$work/$name.out" 2>"$work/$name.err" || code=$?
	[ "$code" != 124 ] || fail "$name: qscert hung"
	[ "$code" = 2 ] || fail "$name: exit $code, want 2 (console-input-ended): $(cat "$work/$name.err")"
	grep -q "needs OpenGL 2.1" "$work/$name.err" || fail "$name: no explanation: $(cat "$work/$name.err")"
	grep -q "Install the Qlik Sense certificates on this computer" "$work/$name.out" || fail "$name: no console wizard: $(cat "$work/$name.out")"
	grep -q "its input ended" "$work/$name.err" || fail "$name: not console-input-ended: $(cat "$work/$name.err")"
	! grep -qi "fyne error\|window creation error\|GLXBadFBConfig" "$work/$name.err" || fail "$name: Fyne tried the window: $(cat "$work/$name.err")"
	grep -q '"start": "console"' "$rec" || fail "$name: recorded $(cat "$rec")"
	echo "$name: console wizard, exit 2 without input, recorded $(grep -o '"reason": "[^"]*"' "$rec")"
}
no_window gl11 MESA_GL_VERSION_OVERRIDE=1.1
no_window nodisplay DISPLAY=
no_window waylandonly DISPLAY= WAYLAND_DISPLAY=wayland-0

# in_terminal NAME COMMAND [MODE]: the console wizard that COMMAND starts
# without --console (the window cannot open), walked in tmux through the
# demo to an install and a connection test (app/console_tmux_test.go;
# the test itself needs no cgo).
in_terminal() {
	QSCERT_CONSOLE_COMMAND="$2" QSCERT_CONSOLE_ARGS=--demo QSCERT_CONSOLE_EXPECT="OpenGL 2.1" QSCERT_CONSOLE_MODE="${3:-}" \
		CGO_ENABLED=0 go test -count=1 -run TestTheConsoleWizardInATerminal ./app >"$work/$1.test" 2>&1 ||
		fail "$1: the console wizard in a terminal: $(tail -60 "$work/$1.test")"
	echo "$1: the console wizard in a terminal: install and connection test, English and French"
}
in_terminal gl11-terminal "env MESA_GL_VERSION_OVERRIDE=1.1 $work/qscert"
in_terminal nodisplay-terminal "env -u DISPLAY $work/qscert"

ms=$(HOME="$work/home" QSCERT_GLPROBE_RECORD="$work/window.json" "$work/mapwait" -title 'Qlik Sense Certificate Wizard' \
	-pidfile "$work/pid" -timeout 60s -- "$work/qscert" --demo) || fail "with OpenGL, no window"
kill "$(cat "$work/pid")" 2>/dev/null || true
rm -f "$work/pid"
grep -q '"start": "window"' "$work/window.json" || fail "with OpenGL, recorded $(cat "$work/window.json")"
echo "with OpenGL: the window appeared in $ms ms"

step "Windows under Wine: the WGL probe, the message box, the console"
export QSCERT_WINEPREFIX="$work/wine"
tools/wine/test-windows.sh -count=1 ./app/glprobe ./app/winconsole
QSCERT_GLPROBE_EXPECT=usable tools/wine/test-windows.sh -count=1 -v -run SessionOffers ./app/glprobe | grep -E 'SessionOffers|ok|FAIL'
MESA_GL_VERSION_OVERRIDE=1.1 QSCERT_GLPROBE_EXPECT=context-refused \
	tools/wine/test-windows.sh -count=1 -v -run SessionOffers ./app/glprobe | grep -E 'SessionOffers|ok|FAIL'
tools/wine/test-windows.sh -run '^$' -bench Probe -benchtime 20x ./app/glprobe

if [ "$build_exe" = 1 ]; then
	step "Windows under Wine: the GUI exe (cgo, mingw)"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		go build -ldflags -H=windowsgui -o "$work/qscert.exe" .
	export WINEPREFIX="$QSCERT_WINEPREFIX" WINEDEBUG=-all
	tools/wine/setup.sh "$WINEPREFIX" >/dev/null
	wine64=$(command -v wine64 || echo /usr/lib/wine/wine64)
	# winpath: the Windows name of a Unix path (Wine maps / to Z:).
	winpath() { printf 'Z:%s' "$(printf '%s' "$1" | tr / '\\')"; }

	# exe_no_window NAME ANSWER WANT CODE: with OpenGL 1.1 and the box
	# answered ANSWER, the exe records WANT and exits CODE, in time.
	exe_no_window() {
		local name=$1 answer=$2 want=$3 want_code=$4 code=0
		local rec="$work/exe-$name.json"
		MESA_GL_VERSION_OVERRIDE=1.1 QSCERT_GLPROBE_ANSWER=$answer QSCERT_GLPROBE_RECORD="$(winpath "$rec")" \
			timeout 60 "$wine64" "$work/qscert.exe" >"$work/exe-$name.out" 2>"$work/exe-$name.err" || code=$?
		[ "$code" != 124 ] || fail "exe $name: hung"
		[ "$code" = "$want_code" ] || fail "exe $name: exit $code, want $want_code: $(cat "$work/exe-$name.err")"
		[ -f "$rec" ] || fail "exe $name: no decision recorded"
		grep -q "\"start\": \"$want\"" "$rec" || fail "exe $name: recorded $(cat "$rec")"
		grep -q '"told": "scripted"' "$rec" || fail "exe $name: recorded $(cat "$rec")"
		! grep -qi "fyne error\|window creation error" "$work/exe-$name.err" || fail "exe $name: Fyne tried the window"
		echo "exe, OpenGL 1.1, answer $answer: $want, exit $code, recorded $(grep -o '"reason": "[^"]*"' "$rec")"
	}
	exe_no_window no no quit 2
	# Yes: the console wizard, in the console Wine gives the exe (the
	# terminal it runs in); Wine's console cannot keep up with huh's
	# forms, so the wizard asks in plain lines there. Wine writes the
	# console in the locale's charset: C.UTF-8 is the UTF-8 one here.
	in_terminal exe-console "env LANG=C.UTF-8 WINEPREFIX=$WINEPREFIX WINEDEBUG=-all DISPLAY=$DISPLAY MESA_GL_VERSION_OVERRIDE=1.1 QSCERT_GLPROBE_ANSWER=yes $wine64 $work/qscert.exe" lines

	ms=$(QSCERT_GLPROBE_RECORD="$(winpath "$work/exe-window.json")" "$work/mapwait" \
		-title 'Qlik Sense Certificate Wizard' -pidfile "$work/pid" -timeout 120s -- \
		"$wine64" "$work/qscert.exe" --demo) || fail "exe with OpenGL: no window"
	kill "$(cat "$work/pid")" 2>/dev/null || true
	rm -f "$work/pid"
	grep -q '"start": "window"' "$work/exe-window.json" || fail "exe with OpenGL: recorded $(cat "$work/exe-window.json")"
	echo "exe with OpenGL: the window appeared in $ms ms"
fi

step "glprobe: all passed"
