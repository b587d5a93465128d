#!/usr/bin/env bash
# bundle.sh: builds dist/towngraph-bundle-<version>.tar.gz, all that an intranet machine without a
# package registry needs besides Python 3.11 and Java 17 or 21 (README, "Deploying on an intranet"):
#
#   wheelhouse/           the runtime wheels of requirements.lock (hash-checked) and towngraph's own
#   requirements.lock     install.sh installs with it, so the target checks the hashes again
#   neo4j-<version>/      the Neo4j jars managed/ resolves through Maven (lib/ and .complete)
#   graphiql/             the offline GraphiQL assets (scripts/fetch-graphiql.sh)
#   web/                  the clerks' page 工作台 (its libraries are in graphiql/)
#   systemd/ towngraph.env  the units and the environment file of deploy/
#   container-entrypoint.sh  the main process of the Containerfile's image
#   install.sh MANIFEST SHA256SUMS
#
# Run it through `make bundle` (which sets up .venv and the GraphiQL assets first). The wheels are
# those of the build machine's architecture, or of BUNDLE_ARCH (x86_64 or aarch64); the project is
# pure Python and Neo4j is Java, so one build machine serves both. Needs the package index and
# Maven Central, once; BUNDLE_OUT overrides the output folder (default dist).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
ARCH=${BUNDLE_ARCH:-$(uname -m)}
OUT=${BUNDLE_OUT:-dist}
GRAPHIQL=${GRAPHIQL_ASSETS:-.cache/graphiql}
case "$ARCH" in
    x86_64 | aarch64) ;;
    *) echo "bundle: BUNDLE_ARCH must be x86_64 or aarch64, not $ARCH" >&2; exit 2 ;;
esac
if [ ! -f "$GRAPHIQL/.stamp" ]; then
    echo "bundle: no GraphiQL assets in $GRAPHIQL (make bundle fetches them)" >&2
    exit 1
fi

VERSION=$("$PYTHON" -c 'import tomllib
print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
# The bundle carries the jars of the version the code pins, resolved into the Maven cache folder.
NEO4J_DIST=$(env -u TOWNGRAPH_NEO4J_DIST "$PYTHON" -c 'import managed.instance as m
print(m.ensure_distribution())')
NEO4J_VERSION=$(cat "$NEO4J_DIST/.complete")
NAME=towngraph-bundle-$VERSION

WORK=$(mktemp -d "${TMPDIR:-/tmp}/towngraph-bundle.XXXXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
STAGE=$WORK/$NAME
mkdir -p "$STAGE/wheelhouse" "$STAGE/systemd"

echo "bundle: runtime wheels for CPython 3.11 on $ARCH"
"$PYTHON" -m pip download --quiet --disable-pip-version-check --require-hashes --no-deps \
    --only-binary=:all: --python-version 3.11 --implementation cp \
    --abi cp311 --abi abi3 --abi none \
    --platform "manylinux_2_28_$ARCH" --platform "manylinux_2_17_$ARCH" \
    --platform "manylinux2014_$ARCH" --platform any \
    --dest "$STAGE/wheelhouse" --requirement requirements.lock
echo "bundle: towngraph $VERSION wheel"
"$PYTHON" -m pip wheel --quiet --disable-pip-version-check --no-deps \
    --wheel-dir "$STAGE/wheelhouse" .
cp requirements.lock "$STAGE/"

echo "bundle: Neo4j $NEO4J_VERSION from $NEO4J_DIST"
mkdir -p "$STAGE/neo4j-$NEO4J_VERSION"
cp -R "$NEO4J_DIST/lib" "$NEO4J_DIST/.complete" "$STAGE/neo4j-$NEO4J_VERSION/"
cp -R "$GRAPHIQL" "$STAGE/graphiql"
cp -R web "$STAGE/web"
cp deploy/systemd/*.service "$STAGE/systemd/"
cp deploy/towngraph.env deploy/install.sh deploy/container-entrypoint.sh "$STAGE/"
cat >"$STAGE/MANIFEST" <<EOF
VERSION=$VERSION
NEO4J_VERSION=$NEO4J_VERSION
ARCH=$ARCH
PYTHON_VERSION=3.11
EOF
(cd "$STAGE" && find . -type f ! -name SHA256SUMS -print | LC_ALL=C sort | sed 's|^\./||' \
    | xargs sha256sum >SHA256SUMS)

mkdir -p "$OUT"
tar -czf "$OUT/$NAME.tar.gz.tmp" -C "$WORK" "$NAME"
mv -f "$OUT/$NAME.tar.gz.tmp" "$OUT/$NAME.tar.gz"
echo "bundle: $OUT/$NAME.tar.gz ($(du -h "$OUT/$NAME.tar.gz" | cut -f1); $ARCH)"
