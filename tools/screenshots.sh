#!/usr/bin/env bash
# Runs the real program under Xvfb in demo mode, once per language, and
# writes one PNG per page of the install flow into docs/screenshots/
# (<lang>-<n>-<step>.png). The program walks its own pages
# (QSCERT_SCREENSHOT_DIR, see app/screenshots.go) and copies Xvfb's frame
# buffer after each; tools/xwd2png crops the window out of each copy.
#
#   tools/screenshots.sh [OUT_DIR]
# Needs: xvfb, x11-utils (xwininfo), Mesa's GL (libgl1-mesa-dri).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" xvfb x11-utils libgl1-mesa-dri
ensure_go
out="${1:-docs/screenshots}"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
	if [ -n "$xvfb_pid" ]; then
		kill "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true # it removes its frame buffer file
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/qscert" .
go build -o "$work/xwd2png" ./tools/xwd2png
mkdir -p "$out"

# A free display number.
display=90
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
mkdir -p "$work/fb"
# The screen is the window's design size (app/window_fit.go) plus the
# room the program leaves for a Windows title bar and frame (24x48), so
# the window keeps its design size rather than shrinking to fit.
Xvfb ":$display" -screen 0 884x688x24 -fbdir "$work/fb" -nolisten tcp -nocursor &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "$work/fb/Xvfb_screen0" ] && break; sleep 0.1; done
export DISPLAY=":$display"

for lang in en fr; do
	case $lang in en) locale=en_US.UTF-8 ;; fr) locale=fr_FR.UTF-8 ;; esac
	rm -f "$out/$lang"-*.png
	shots="$work/$lang"
	# A private HOME keeps the run from reading or writing the user's Fyne
	# preferences; the light theme is what most Windows desktops show.
	home="$(mktemp -d -p "$work")"
	HOME="$home" LANG="$locale" FYNE_THEME=light \
		QSCERT_SCREENSHOT_DIR="$shots" QSCERT_SCREENSHOT_FB="$work/fb/Xvfb_screen0" \
		timeout 120 "$work/qscert" --demo --lang "$lang" &
	app=$!
	# The window's place on the screen, for cropping: the last one seen
	# while the program runs. The window is mapped first, then centred
	# (app/gui.go), and on a loaded machine the first place seen is the
	# one before the move, which would crop every page off by the move.
	geometry=""
	while kill -0 "$app" 2>/dev/null; do
		seen=$(xwininfo -root -tree 2>/dev/null | grep -E '"(Qlik Sense Certificate Wizard|Assistant de certificats Qlik Sense)"' | head -1 || true)
		[ -n "$seen" ] && geometry=$seen
		sleep 0.2
	done
	wait "$app"
	if [ -z "$geometry" ]; then
		echo "screenshots: the $lang window never appeared" >&2
		exit 1
	fi
	# The tree line reads WxH+X+Y (relative to the parent) then +X+Y on
	# the screen.
	read -r w h < <(echo "$geometry" | grep -oE ' [0-9]+x[0-9]+\+' | head -1 | tr 'x+' '  ')
	read -r x y < <(echo "$geometry" | grep -oE ' \+-?[0-9]+\+-?[0-9]+' | tail -1 | tr '+' ' ')
	"$work/xwd2png" -crop "$x,$y,$w,$h" "$shots"/*.xwd
	for f in "$shots"/*.png; do cp "$f" "$out/"; done
	n=$(ls "$out/$lang"-*.png 2>/dev/null | wc -l)
	if [ "$n" -lt 6 ]; then
		echo "screenshots: only $n pictures for $lang" >&2
		exit 1
	fi
done
ls -1 "$out"
