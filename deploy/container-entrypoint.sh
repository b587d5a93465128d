#!/usr/bin/env bash
# The container's main process: the managed Neo4j (`towngraph db run`) and, once it answers, the
# API in the foreground. SIGTERM (docker stop) stops both; when either exits, the other is stopped
# and the container exits with the first one's code, so the runtime's restart policy applies.
# Arguments are passed on to `towngraph serve`.
set -uo pipefail

api=
towngraph db run &
neo4j=$!
stop() {
    kill -TERM ${api:+"$api"} "$neo4j" 2>/dev/null
}
trap 'stop; wait; exit 0' TERM INT

until towngraph db status >/dev/null 2>&1; do
    if ! kill -0 "$neo4j" 2>/dev/null; then
        wait "$neo4j"
        exit $?
    fi
    sleep 1
done
towngraph serve --host "${TOWNGRAPH_HOST:-0.0.0.0}" --port "${TOWNGRAPH_PORT:-8000}" "$@" &
api=$!
wait -n "$api" "$neo4j"
code=$?
stop
wait
exit "$code"
