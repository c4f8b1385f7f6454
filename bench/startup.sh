#!/usr/bin/env bash
# Times the wizard's start, from launch until its window is mapped, against
# a minimal Fyne window built the same way (tools/minimalwindow), in one
# hyperfine run under Xvfb; then compares their peak memory (max RSS from
# /usr/bin/time -v, each window left up for a second). Goal: the wizard at
# most 1.3x the minimal window on both.
#
# tools/mapwait starts each program and watches the X server for its
# window; it records launch-to-mapped itself (hyperfine's own figure also
# counts starting mapwait). Each program is stopped before the next run, so
# shutting down is not timed.
#
#   bench/startup.sh [RUNS]
# Needs: xvfb, hyperfine, GNU time, Mesa's GL.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" xvfb hyperfine time libgl1-mesa-dri
ensure_go
runs="${1:-20}"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
	[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/qscert" .
go build -o "$work/minimal" ./tools/minimalwindow
go build -o "$work/mapwait" ./tools/mapwait

display=80
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.05; done

# A private home: no preference of the user's is read or written, and the
# wizard starts as on a fresh machine (English, nothing remembered).
export HOME="$work/home" LANG=en_US.UTF-8
mkdir -p "$HOME"

cat > "$work/stop_last" <<SH
#!/usr/bin/env bash
[ -f "$work/pid" ] || exit 0
pid=\$(cat "$work/pid"); rm -f "$work/pid"
kill "\$pid" 2>/dev/null || exit 0
# A program stopped before its event loop runs may miss the quit: give it
# three seconds, then kill it.
for _ in \$(seq 300); do kill -0 "\$pid" 2>/dev/null || exit 0; sleep 0.01; done
kill -KILL "\$pid" 2>/dev/null || true
SH
chmod +x "$work/stop_last"

min_title='qscert minimal window'
wiz_title='Qlik Sense Certificate Wizard'
hyperfine --warmup 3 --runs "$runs" --export-json "$work/startup.json" --prepare "$work/stop_last" \
	-n minimal-window "$work/mapwait -title '$min_title' -pidfile $work/pid -record $work/minimal.ms -- $work/minimal" \
	-n wizard "$work/mapwait -title '$wiz_title' -pidfile $work/pid -record $work/wizard.ms -- $work/qscert"
"$work/stop_last"

# peak_rss prints the max RSS in KiB of a program left up for a second
# after its window is mapped.
peak_rss() {
	"$work/mapwait" -title "$2" -pidfile "$work/pid" -- /usr/bin/time -v -o "$work/time.txt" "$1" >/dev/null
	sleep 1
	# The pid is GNU time's, which dies on SIGTERM without a report: stop
	# its child (the program quits cleanly on SIGTERM) and let it report.
	local pid
	pid=$(cat "$work/pid"); rm -f "$work/pid"
	pkill -TERM -P "$pid" || true
	while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
	awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}
min_rss=0 wiz_rss=0
for _ in 1 2 3; do
	m=$(peak_rss "$work/minimal" "$min_title"); [ "$m" -gt "$min_rss" ] && min_rss=$m
	w=$(peak_rss "$work/qscert" "$wiz_title"); [ "$w" -gt "$wiz_rss" ] && wiz_rss=$w
done

python3 - "$work" "$min_rss" "$wiz_rss" <<'PY'
import json, statistics, sys
work, min_rss, wiz_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
res = {r["command"]: r for r in json.load(open(work + "/startup.json"))["results"]}
def ms(name):
    return [float(x) for x in open(f"{work}/{name}.ms").read().split()]
m, w = ms("minimal"), ms("wizard")
mm, wm = statistics.median(m), statistics.median(w)
t, r = wm / mm, wiz_rss / min_rss
print(f"hyperfine (mapwait included): minimal {res['minimal-window']['mean']*1000:.0f} ms, wizard {res['wizard']['mean']*1000:.0f} ms")
print(f"launch to mapped window, median of {len(m)} (warm-up included): minimal {mm:.0f} ms, wizard {wm:.0f} ms: {t:.2f}x (goal ≤ 1.30x)")
print(f"peak memory (max RSS): minimal {min_rss/1024:.1f} MiB, wizard {wiz_rss/1024:.1f} MiB: {r:.2f}x (goal ≤ 1.30x)")
sys.exit(0 if t <= 1.3 and r <= 1.3 else 1)
PY
