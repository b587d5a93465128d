#!/bin/sh
# install.sh [--prefix DIR] [--systemd] [--python PYTHON] [--dry-run]
#
# Installs an unpacked towngraph bundle (make bundle) on a machine without a package registry:
#
#   DIR/venv                  a virtual environment with towngraph, from the bundle's wheels only
#                             (pip --no-index, every wheel checked against requirements.lock)
#   DIR/neo4j-<version>       the Neo4j jars (TOWNGRAPH_NEO4J_DIST)
#   DIR/graphiql              the offline GraphiQL assets (TOWNGRAPH_GRAPHIQL_ASSETS)
#   DIR/web                   the clerks' page 工作台 (TOWNGRAPH_WEB_DIR)
#   DIR/share/                the systemd units and an environment file, paths set to DIR, and
#                             the entrypoint of the container image (Containerfile)
#
# --systemd also (as root) creates the system user `towngraph`, writes /etc/towngraph/towngraph.env
# unless it exists, and installs the units into /etc/systemd/system (SYSTEMD_DIR); it starts
# nothing. --dry-run prints what would be done. DIR defaults to /opt/towngraph; installing again
# replaces the program files and keeps the data (/var/lib/towngraph) and the environment file.
# Needs Python 3.11 with its venv module and, to run Neo4j, Java 17 or 21.
set -eu

PREFIX=/opt/towngraph
SYSTEMD=0
DRY=0
PYTHON=
SYSTEMD_DIR=${SYSTEMD_DIR:-/etc/systemd/system}
ETC=/etc/towngraph
STATE=/var/lib/towngraph

usage() {
    sed -n '2p' "$0" | sed 's/^# /usage: sh /' >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --python) [ $# -ge 2 ] || usage; PYTHON=$2; shift 2 ;;
        --python=*) PYTHON=${1#--python=}; shift ;;
        --systemd) SYSTEMD=1; shift ;;
        --dry-run) DRY=1; shift ;;
        -h | --help) usage ;;
        *) echo "install.sh: unknown argument $1" >&2; usage ;;
    esac
done
case "$PREFIX" in
    /*) ;;
    *) echo "install.sh: --prefix must be an absolute path, not $PREFIX" >&2; exit 2 ;;
esac
PREFIX=${PREFIX%/}

HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$HERE/MANIFEST" ]; then
    echo "install.sh: no MANIFEST beside me: run me from an unpacked bundle" >&2
    exit 1
fi
# shellcheck disable=SC1091  # VERSION, NEO4J_VERSION, ARCH of the bundle
. "$HERE/MANIFEST"

say() { echo "install.sh: $*"; }
run() {
    echo "+ $*"
    [ "$DRY" = 1 ] || "$@"
}
fail() {
    echo "install.sh: $*" >&2
    exit 1
}

# -- checks, before anything is written ---------------------------------------------------------
[ "$(uname -m)" = "$ARCH" ] || fail "this bundle is for $ARCH, this machine is $(uname -m)"
if [ -z "$PYTHON" ]; then
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then
            PYTHON=$(command -v "$candidate")
            break
        fi
    done
fi
[ -n "$PYTHON" ] || fail "no python3.11 on PATH (--python names one)"
"$PYTHON" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null \
    || fail "$PYTHON is not a Python 3.11 with the venv module"
command -v java >/dev/null 2>&1 || say "warning: java is not on PATH; Neo4j needs Java 17 or 21"
if [ "$SYSTEMD" = 1 ] && [ "$DRY" = 0 ] && [ "$(id -u)" != 0 ]; then
    fail "--systemd needs root"
fi
if command -v sha256sum >/dev/null 2>&1; then
    (cd "$HERE" && sha256sum --check --quiet --strict SHA256SUMS) \
        || fail "the bundle is damaged (SHA256SUMS)"
fi

# Writes SOURCE to DEST with the default prefix replaced by this one.
with_prefix() {
    echo "+ sed s#/opt/towngraph#$PREFIX# $1 > $2"
    [ "$DRY" = 1 ] || sed "s#/opt/towngraph#$PREFIX#g" "$1" >"$2"
}

# -- program files ------------------------------------------------------------------------------
say "towngraph $VERSION (Neo4j $NEO4J_VERSION, $ARCH) into $PREFIX"
run mkdir -p "$PREFIX" "$PREFIX/share/systemd"
run rm -rf "$PREFIX/venv"
run "$PYTHON" -m venv "$PREFIX/venv"
PIP="$PREFIX/venv/bin/python -m pip --disable-pip-version-check --quiet"
# shellcheck disable=SC2086  # PIP is a command line
run $PIP install --no-index --find-links "$HERE/wheelhouse" --require-hashes --no-deps \
    --requirement "$HERE/requirements.lock"
# shellcheck disable=SC2086
run $PIP install --no-index --find-links "$HERE/wheelhouse" --no-deps "towngraph==$VERSION"
run "$PREFIX/venv/bin/python" -m pip check
for part in "neo4j-$NEO4J_VERSION" graphiql web; do
    run rm -rf "$PREFIX/$part.new"
    run cp -R "$HERE/$part" "$PREFIX/$part.new"
    run rm -rf "$PREFIX/$part"
    run mv "$PREFIX/$part.new" "$PREFIX/$part"
done
for unit in "$HERE"/systemd/*.service; do
    with_prefix "$unit" "$PREFIX/share/systemd/$(basename "$unit")"
done
with_prefix "$HERE/towngraph.env" "$PREFIX/share/towngraph.env"
run install -m 0755 "$HERE/container-entrypoint.sh" "$PREFIX/share/"
run "$PREFIX/venv/bin/towngraph" --help >/dev/null

# -- system integration -------------------------------------------------------------------------
if [ "$SYSTEMD" = 1 ]; then
    if ! id towngraph >/dev/null 2>&1; then
        run useradd --system --user-group --home-dir "$STATE" --no-create-home \
            --shell /usr/sbin/nologin towngraph
    fi
    run mkdir -p "$ETC"
    if [ -e "$ETC/towngraph.env" ]; then
        say "keeping $ETC/towngraph.env (the new defaults are in $PREFIX/share/towngraph.env)"
        dist="$PREFIX/neo4j-$NEO4J_VERSION"
        if ! grep -qx "TOWNGRAPH_NEO4J_DIST=$dist" "$ETC/towngraph.env"; then
            say "warning: this bundle's Neo4j is $dist: set TOWNGRAPH_NEO4J_DIST to it there"
        fi
    else
        run install -m 0640 -o root -g towngraph "$PREFIX/share/towngraph.env" "$ETC/towngraph.env"
    fi
    run mkdir -p "$SYSTEMD_DIR"
    for unit in "$HERE"/systemd/*.service; do
        run install -m 0644 "$PREFIX/share/systemd/$(basename "$unit")" "$SYSTEMD_DIR/"
    done
    if [ -d /run/systemd/system ]; then
        run systemctl daemon-reload
    fi
    say "installed; start with: systemctl enable --now towngraph.service"
else
    say "installed; to run it by hand:"
    say "  set -a; . $PREFIX/share/towngraph.env; set +a; $PREFIX/venv/bin/towngraph serve"
fi
