#!/usr/bin/env bash
# Runs Keukentafel for a newcomer: builds what it needs, starts the sync server on its embedded
# SQLite store with demo data, and opens the app as the demo coach with the demo caseload.
# Data lives in .demo/ (or $KEUKENTAFEL_DEMO_DIR). Close the app window (or Ctrl+C) to stop both.
#   ./demo.sh            build, start server and app
#   ./demo.sh --reset    remove the demo data first, then start fresh
#   ./demo.sh --office   open the app as the office instead (user kantoor, password keukentafel)
set -euo pipefail
cd "$(dirname "$0")"

demo_dir="${KEUKENTAFEL_DEMO_DIR:-$PWD/.demo}"
port="${KEUKENTAFEL_DEMO_PORT:-8765}"

office=false
for arg in "$@"; do
  case "$arg" in
    --reset) rm -rf "$demo_dir"; echo "Demo data removed: $demo_dir" ;;
    --office) office=true ;;
    *) echo "Usage: ./demo.sh [--reset] [--office]" >&2; exit 2 ;;
  esac
done

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use. Stop what runs there, or pick another: KEUKENTAFEL_DEMO_PORT=8766 ./demo.sh" >&2
  exit 1
fi

echo "Building Keukentafel (the first time downloads dependencies; this can take a few minutes)..."
mvn -B -q -DskipTests package -pl app,sync-server/server -am

mkdir -p "$demo_dir/server" "$demo_dir/app"
echo "Starting the sync server on http://127.0.0.1:$port (log: $demo_dir/server.log)..."
java -jar sync-server/server/target/keukentafel-server.jar serve \
  --data-dir "$demo_dir/server" --host 127.0.0.1 --port "$port" --demo >"$demo_dir/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; echo "Sync server stopped."' EXIT

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The sync server did not start. Its log:" >&2
    tail -n 30 "$demo_dir/server.log" >&2
    exit 1
  fi
  sleep 0.5
done

# The app enrols with the server at its first login (the server wrote a fresh code for the demo
# coach) and then syncs in the background; the status bar shows it.
if [[ "$office" == true ]]; then
  # The office PC enrols at its first login too, as user kantoor; it works online and keeps no residents.
  code="$(cat "$demo_dir/server/demo-office-code.txt" 2>/dev/null || true)"
  echo "Opening the app as the office (user kantoor, password keukentafel; data: $demo_dir/office)..."
  java -jar app/target/keukentafel-app.jar --data-dir "$demo_dir/office" \
    --server "http://127.0.0.1:$port" ${code:+--enrolment-code "$code"}
else
  code="$(cat "$demo_dir/server/demo-enrolment-code.txt" 2>/dev/null || true)"
  echo "Opening the app as the demo coach (data: $demo_dir/app)..."
  java -jar app/target/keukentafel-app.jar --demo --data-dir "$demo_dir/app" \
    --server "http://127.0.0.1:$port" ${code:+--enrolment-code "$code"}
fi
