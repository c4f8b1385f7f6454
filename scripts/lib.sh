# Shared by the scripts in this folder: install what is missing on a
# Debian or Ubuntu machine, quietly when it is already there.
# shellcheck shell=bash

# The Go version the project is built and tested with.
QSCERT_GO_VERSION=1.26.8

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "qscert: need root to run: $*" >&2
		return 1
	fi
}

apt_updated=0

# ensure_packages PKG...: apt-get install the Debian packages not yet installed.
ensure_packages() {
	local missing=()
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "qscert: installing ${missing[*]}" >&2
	if [ $apt_updated = 0 ]; then
		as_root apt-get update -qq
		apt_updated=1
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_go puts a Go of at least QSCERT_GO_VERSION on PATH. Debian's own
# golang is too old, so a missing or old Go is fetched from the Go module
# proxy, which serves the official toolchains as modules.
ensure_go() {
	export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
	if command -v go >/dev/null 2>&1; then
		local have
		have=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
		if [ "$(printf '%s\n%s\n' "$QSCERT_GO_VERSION" "$have" | sort -V | head -n1)" = "$QSCERT_GO_VERSION" ]; then
			return 0
		fi
	fi
	local dir="${XDG_CACHE_HOME:-$HOME/.cache}/qscert/go$QSCERT_GO_VERSION"
	if [ ! -x "$dir/bin/go" ]; then
		ensure_packages curl ca-certificates unzip
		local arch
		case "$(uname -m)" in
		x86_64) arch=amd64 ;;
		aarch64) arch=arm64 ;;
		*) echo "qscert: no Go toolchain for $(uname -m)" >&2; return 1 ;;
		esac
		local proxy="${GOPROXY:-https://proxy.golang.org}"
		proxy="${proxy%%,*}"
		echo "qscert: fetching Go $QSCERT_GO_VERSION from $proxy" >&2
		local tmp
		tmp=$(mktemp -d)
		curl -fsSL -o "$tmp/go.zip" "$proxy/golang.org/toolchain/@v/v0.0.1-go$QSCERT_GO_VERSION.linux-$arch.zip"
		unzip -q "$tmp/go.zip" -d "$tmp"
		mkdir -p "$(dirname "$dir")"
		rm -rf "$dir"
		mv "$tmp/golang.org/toolchain@v0.0.1-go$QSCERT_GO_VERSION.linux-$arch" "$dir"
		chmod -R u+w "$dir"
		rm -rf "$tmp"
	fi
	export PATH="$dir/bin:$PATH"
}

# The packages Fyne's desktop driver needs to build (cgo, OpenGL, X11).
GUI_BUILD_PACKAGES=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxrandr-dev libxcursor-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
