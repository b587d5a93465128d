#!/usr/bin/env bash
# fetch-graphiql.sh DEST
#
# Fetch the pinned browser assets of the offline GraphiQL IDE (served by
# server/graphiql.py under /graphiql-assets/) and of the clerks' page 工作台
# (Apache ECharts and the graphql-ws client, served by server/workbench.py under
# /assets/) into DEST, so that neither ever touches a CDN at runtime.
#
#   * downloads each package with `npm pack <pkg>@<exact version>` (npm uses its
#     configured registry; no host name is written here),
#   * verifies every tarball against the sha512 `dist.integrity` pinned below,
#   * extracts only the files the page loads (plus the packages' LICENSE files),
#   * writes DEST/.stamp last (the Makefile target); when the stamp matches the pins
#     and all files are present, the script does nothing (idempotent).
#
# To bump a version: change it below, take the new value from
#   npm view <pkg>@<version> dist.integrity
# and keep GRAPHIQL_VERSION / REACT_VERSION in server/graphiql.py in sync
# (tests/test_graphiql.py checks this), and ECHARTS_VERSION / GRAPHQL_WS_VERSION in
# server/workbench.py (tests/browser/test_workbench.py checks those).
set -euo pipefail

usage() {
    echo "usage: $0 DEST" >&2
    exit 2
}
[ "$#" -eq 1 ] || usage
[ -n "$1" ] || usage
DEST=$1

# package | exact version | sha512 dist.integrity | file in tarball | name in DEST
PINS=(
    "graphiql|3.8.3|sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==|package/graphiql.min.js|graphiql.min.js"
    "graphiql|3.8.3|sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==|package/graphiql.min.css|graphiql.min.css"
    "graphiql|3.8.3|sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==|package/LICENSE|licenses/graphiql.LICENSE.txt"
    "react|18.3.1|sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==|package/umd/react.production.min.js|react.production.min.js"
    "react|18.3.1|sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==|package/LICENSE|licenses/react.LICENSE.txt"
    "react-dom|18.3.1|sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==|package/umd/react-dom.production.min.js|react-dom.production.min.js"
    "react-dom|18.3.1|sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==|package/LICENSE|licenses/react-dom.LICENSE.txt"
    # the clerks' page (server/workbench.py, under /assets/): charts and the subscriptions client
    "echarts|6.1.0|sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==|package/dist/echarts.min.js|echarts.min.js"
    "echarts|6.1.0|sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==|package/LICENSE|licenses/echarts.LICENSE.txt"
    "echarts|6.1.0|sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==|package/NOTICE|licenses/echarts.NOTICE.txt"
    "graphql-ws|6.4.2|sha512-wxhPhhOGJo8PbGDkBYVE76sZLDrS+GkyrR4bZECSLVbo0pZZNKs0HtBh2Ip/uaUuiVUxwO9ssI9R92buQfNSqQ==|package/umd/graphql-ws.min.js|graphql-ws.min.js"
    "graphql-ws|6.4.2|sha512-wxhPhhOGJo8PbGDkBYVE76sZLDrS+GkyrR4bZECSLVbo0pZZNKs0HtBh2Ip/uaUuiVUxwO9ssI9R92buQfNSqQ==|package/LICENSE.md|licenses/graphql-ws.LICENSE.md"
)

STAMP_NAME=.stamp

# The stamp is the list of pinned package@version integrity lines.
expected_stamp() {
    local line pkg ver integrity _rest
    for line in "${PINS[@]}"; do
        IFS='|' read -r pkg ver integrity _rest <<<"$line"
        printf '%s@%s %s\n' "$pkg" "$ver" "$integrity"
    done | sort -u
}

up_to_date() {
    local line _p _v _i _src dst
    [ -f "$DEST/$STAMP_NAME" ] || return 1
    [ "$(cat "$DEST/$STAMP_NAME")" = "$(expected_stamp)" ] || return 1
    for line in "${PINS[@]}"; do
        IFS='|' read -r _p _v _i _src dst <<<"$line"
        [ -s "$DEST/$dst" ] || return 1
    done
    return 0
}

if up_to_date; then
    echo "fetch-graphiql: $DEST is up to date"
    exit 0
fi

command -v npm >/dev/null || { echo "fetch-graphiql: npm not found" >&2; exit 1; }
command -v node >/dev/null || { echo "fetch-graphiql: node not found" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fetch-graphiql.XXXXXXXX")
cleanup() { rm -rf -- "$WORK"; }
trap cleanup EXIT

# sha512 SRI string ("sha512-<base64>") of a file; node is always there with npm.
sri_sha512() {
    node -e '
        const c = require("crypto"), f = require("fs");
        process.stdout.write("sha512-" + c.createHash("sha512")
            .update(f.readFileSync(process.argv[1])).digest("base64"));
    ' "$1"
}

mkdir -p "$WORK/tgz" "$WORK/stage"

# 1. download + verify each distinct package once
declare -A TARBALL=()
for line in "${PINS[@]}"; do
    IFS='|' read -r pkg ver integrity _src _dst <<<"$line"
    key="$pkg@$ver"
    [ -z "${TARBALL[$key]:-}" ] || continue
    echo "fetch-graphiql: npm pack $key"
    (cd "$WORK/tgz" && npm pack "$key" --ignore-scripts --silent >/dev/null)
    tgz="$WORK/tgz/$pkg-$ver.tgz"   # unscoped packages only
    [ -f "$tgz" ] || { echo "fetch-graphiql: npm pack produced no $tgz" >&2; exit 1; }
    actual=$(sri_sha512 "$tgz")
    if [ "$actual" != "$integrity" ]; then
        echo "fetch-graphiql: INTEGRITY MISMATCH for $key" >&2
        echo "  expected $integrity" >&2
        echo "  got      $actual" >&2
        exit 1
    fi
    TARBALL[$key]=$tgz
done

# 2. extract only the needed files into a staging dir
for line in "${PINS[@]}"; do
    IFS='|' read -r pkg ver _integrity src dst <<<"$line"
    x="$WORK/x/$pkg@$ver"
    mkdir -p "$x"
    tar -xzf "${TARBALL[$pkg@$ver]}" -C "$x" --no-same-owner -m "$src"
    [ -s "$x/$src" ] || { echo "fetch-graphiql: $src missing in $pkg@$ver" >&2; exit 1; }
    mkdir -p "$(dirname "$WORK/stage/$dst")"
    cp -- "$x/$src" "$WORK/stage/$dst"
done

# 3. install into DEST: drop the stamp first, move files in, stamp last
mkdir -p "$DEST" "$DEST/licenses"
rm -f -- "$DEST/$STAMP_NAME"
for line in "${PINS[@]}"; do
    IFS='|' read -r _p _v _i _src dst <<<"$line"
    chmod 0644 "$WORK/stage/$dst"
    # copy next to the target, then rename (atomic within DEST)
    cp -- "$WORK/stage/$dst" "$DEST/$dst.tmp.$$"
    mv -f -- "$DEST/$dst.tmp.$$" "$DEST/$dst"
done
expected_stamp >"$DEST/$STAMP_NAME.tmp.$$"
mv -f -- "$DEST/$STAMP_NAME.tmp.$$" "$DEST/$STAMP_NAME"

echo "fetch-graphiql: installed into $DEST:"
for line in "${PINS[@]}"; do
    IFS='|' read -r pkg ver _i _src dst <<<"$line"
    printf '  %-34s %9s bytes  (%s@%s)\n' "$dst" "$(wc -c <"$DEST/$dst")" "$pkg" "$ver"
done
