#!/usr/bin/env bash
# Builds the release archives (make release) into dist/:
#   qscert-VERSION-windows-amd64.zip   qscert.exe, qscert.com, README.md and
#                                      THIRD_PARTY_NOTICES.txt
#   qscert-VERSION-linux-amd64.tar.xz  the binary, its .desktop file and icon,
#                                      as `fyne package -os linux` lays them out
#   SHA256SUMS                         of both
# VERSION is the git tag of the commit (v1.2.3 gives 1.2.3), or FyneApp.toml's
# Version without one. The Windows programs are signed when a code-signing
# certificate is given (tools/windows/sign.sh says how); without one the
# release is built unsigned, and says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. tools/windows/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" gcc-mingw-w64-x86-64 git zip xz-utils coreutils
ensure_go

version=$(qscert_version)
name=$(fyne_app Name)
dist=dist
win="$name-$version-windows-amd64"
linux="$name-$version-linux-amd64"
stage=$(mktemp -d)
# fyne package rewrites FyneApp.toml after every package (Build + 1, its
# comments dropped): the file is put back as it was.
cp FyneApp.toml "$stage/FyneApp.toml"
trap 'cp "$stage/FyneApp.toml" FyneApp.toml; rm -rf "$stage"' EXIT
mkdir -p "$dist"
rm -f "$dist/$win.zip" "$dist/$linux.tar.xz" "$dist/SHA256SUMS"

# notices GOOS CGO_CC: the licence texts of every module a build for GOOS
# links, found by go-licenses in the module cache; then what go-licenses
# does not see: the C library GLFW that go-gl/glfw compiles in, and Go's
# own standard library and runtime.
notices() {
	local goos="$1" cc="$2" tool glfw
	tool=$(host_tool "$LICENSES_TOOL")
	GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 CC=$cc GOFLAGS="-tags=release,migrated_fynedo -buildvcs=false" \
		"$tool" report --ignore qscert --template tools/windows/notices.tpl . 2>"$stage/licenses.log" ||
		{ cat "$stage/licenses.log" >&2; return 1; }
	glfw=$(go list -m -f '{{.Dir}}' github.com/go-gl/glfw/v3.3/glfw)
	printf '\n%s\nGLFW (C library compiled into github.com/go-gl/glfw) (Zlib)\n%s\n' "$(printf '=%.0s' {1..80})" "$(printf '=%.0s' {1..80})"
	cat "$glfw/glfw/LICENSE.md"
	printf '\n%s\nThe Go standard library and runtime, %s (BSD-3-Clause)\n%s\n' "$(printf '=%.0s' {1..80})" "$(go env GOVERSION)" "$(printf '=%.0s' {1..80})"
	cat "$(go env GOROOT)/LICENSE"
}

echo "release: $name $version" >&2

# Windows: build (incremental), sign copies when a certificate is given, zip.
bash tools/windows/build.sh
mkdir -p "$stage/$win"
cp "$WINDOWS_OUT/$name.exe" "$WINDOWS_OUT/$name.com" README.md "$stage/$win/"
notices windows "$WINDOWS_CC" >"$stage/$win/THIRD_PARTY_NOTICES.txt"
set +e
bash tools/windows/sign.sh "$stage/$win/$name.exe" "$stage/$win/$name.com"
signed=$?
set -e
case $signed in
0) echo "release: $name.exe and $name.com are signed" >&2 ;;
3) echo "release: UNSIGNED: no code-signing certificate was given; Windows SmartScreen will warn about $name.exe" >&2 ;;
*) echo "release: signing failed" >&2; exit 1 ;;
esac
# zip -X: no Unix extra fields (owners, times in UTC); -j would lose the folder.
(cd "$stage" && zip -q -X -r "$OLDPWD/$dist/$win.zip" "$win")

# Linux: fyne package builds the program (cgo, release mode) and lays out
# usr/local/{bin,share/applications,share/pixmaps} in NAME.tar.xz. The
# version reaches app.Version through GOFLAGS, which fyne's build reads
# -ldflags from.
fyne=$(host_tool "$FYNE_TOOL")
GOFLAGS="-buildvcs=false -ldflags=-X=qscert/app.Version=$version" \
	"$fyne" package -os linux -release -app-version "$version" -name "$name" -icon "$(fyne_app Icon)" >&2
mv "$name.tar.xz" "$dist/$linux.tar.xz"

(cd "$dist" && sha256sum "$win.zip" "$linux.tar.xz" >SHA256SUMS)
echo "release: done" >&2
ls -l "$dist/$win.zip" "$dist/$linux.tar.xz" "$dist/SHA256SUMS" >&2
