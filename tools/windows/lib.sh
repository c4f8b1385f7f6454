# Shared by the scripts in tools/windows: the pinned tools, the version,
# where the Windows build goes. Source it after scripts/lib.sh, from the
# repository's root.
# shellcheck shell=bash

# The tools, each at the version it was checked with. They are built once
# into the cache below (keyed by version) and never enter go.mod: fyne.io/tools
# v1.7.4 requires Fyne 2.8.1, which would raise qscert's own Fyne.
WINRES_TOOL=github.com/tc-hib/go-winres@v0.3.3
FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4
LICENSES_TOOL=github.com/google/go-licenses@v1.6.0

# Where `make windows` puts qscert.exe and qscert.com.
WINDOWS_OUT="${QSCERT_WINDOWS_OUT:-bin/windows}"

# The cross-compiler of the window's cgo code (Debian's gcc-mingw-w64-x86-64).
WINDOWS_CC=x86_64-w64-mingw32-gcc

# host_tool MODULE/PATH@VERSION prints the path of that Go program built for
# this machine, building it first when it is not in the cache yet. GOOS and
# GOARCH are cleared: a tool that runs here must be built for here, even
# when the caller cross-compiles.
host_tool() {
	local spec="$1" name version dir
	name=$(basename "${spec%@*}")
	version=${spec##*@}
	dir="${XDG_CACHE_HOME:-$HOME/.cache}/qscert/tools/$name-$version"
	if [ ! -x "$dir/$name" ]; then
		echo "qscert: building $spec" >&2
		env -u GOOS -u GOARCH -u CGO_ENABLED GOBIN="$dir" go install "$spec" >&2
	fi
	echo "$dir/$name"
}

# fyne_app KEY prints a value of FyneApp.toml's [Details] (Name, Icon,
# Version, ID...). The file holds plain `Key = "value"` lines.
fyne_app() {
	sed -n 's/^[[:space:]]*'"$1"'[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' FyneApp.toml | head -n1
}

# qscert_version prints the version of this build: the git tag of the
# commit being built (v1.2.3 gives 1.2.3) when there is one, otherwise
# FyneApp.toml's Version. `qscert version`, the wizard and the exe's
# version resource all show this string.
qscert_version() {
	local v=""
	if git rev-parse --git-dir >/dev/null 2>&1; then
		v=$(git describe --tags --exact-match --match 'v[0-9]*' HEAD 2>/dev/null || true)
		v=${v#v}
	fi
	[ -n "$v" ] || v=$(fyne_app Version)
	# Windows' fixed version fields are numbers: a version must start
	# with three of them (1.2.3, 1.2.3-rc1).
	if ! printf '%s' "$v" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$'; then
		echo "qscert: version \"$v\" is not MAJOR.MINOR.PATCH[-suffix]" >&2
		return 1
	fi
	echo "$v"
}
