#!/usr/bin/env bash
# Measures the time from a run command to the first page the portal serves (the sign-in page).
#   scripts/startup-time.sh quickstart   # ./mvnw -Pdemo -DskipTests verify (builds, then runs in demo mode)
#   scripts/startup-time.sh jar          # java -jar portal-ui/target/noticeboard.jar (build it first: ./mvnw -DskipTests package)
# Uses a throw-away data directory, so each run includes creating and seeding the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quickstart}
port=${PORT:-8080}
data=$(mktemp -d)
export NOTICEBOARD_DATA_DIR="$data"
if curl -s -o /dev/null "http://localhost:$port/login"; then
  echo "something already serves port $port; stop it first" >&2
  exit 1
fi
start=$(date +%s.%N)
case "$mode" in
  quickstart) ./mvnw -B -q -Pdemo -DskipTests verify > "$data/run.log" 2>&1 & ;;
  jar) java -jar portal-ui/target/noticeboard.jar > "$data/run.log" 2>&1 & ;;
  *) echo "usage: $0 quickstart|jar" >&2; exit 2 ;;
esac
pid=$!
stop() {
  pkill -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while curl -s -o /dev/null "http://localhost:$port/login"; do sleep 0.2; done
  rm -rf "$data"
}
trap stop EXIT
until curl -sf -o /dev/null "http://localhost:$port/login"; do
  kill -0 $pid 2>/dev/null || { echo "the portal stopped; see its log:" >&2; tail -50 "$data/run.log" >&2; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
printf '%s: first page served after %.1f s\n' "$mode" "$(echo "$end - $start" | bc)"
