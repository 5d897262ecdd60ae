# Sourced by the scripts that test a running server: `start_server DB` starts
# target/release/dyad serve on a free loopback port, waits until it answers, stops it when the
# script exits, and sets PORT. The server's output goes to $SERVE_LOG (default /dev/null).
start_server() {
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    target/release/dyad serve --db "$1" --addr "127.0.0.1:$PORT" >"${SERVE_LOG:-/dev/null}" 2>&1 &
    SERVER_PID=$!
    trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
    for _ in $(seq 50); do
        curl -fs "http://127.0.0.1:$PORT/api/stats" >/dev/null && return 0
        sleep 0.2
    done
    echo "dyad serve did not answer on port $PORT" >&2
    return 1
}
