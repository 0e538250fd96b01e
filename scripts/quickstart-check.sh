#!/usr/bin/env bash
# The README's Quick start as a new user meets it. In a fresh clone of this repository, with a fresh
# home directory (HOME, and -Duser.home for every JVM through JAVA_TOOL_OPTIONS) and no NOTICEBOARD_*
# variables, it runs the README's first Quick start command exactly as written there, waits for the
# sign-in page, signs in as a demo member, and stops it with Ctrl+C (SIGINT to its process group),
# checking that nothing is left running. Then the same for the jar that command built, on the data the
# first run left (`java -jar portal-ui/target/noticeboard.jar`), stopped as a service manager would
# (SIGTERM). A README that drifts from what works fails here.
#
#   scripts/quickstart-check.sh                  the check (CI runs it)
#   scripts/quickstart-check.sh --test-command   prints the README's test command and exits
#
# Maven's downloads go to the local repository this machine already has (a cache of Maven Central:
# the same files a new user downloads); QUICKSTART_FRESH_MAVEN_REPO=1 starts from an empty one too.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

# The Quick start's commands: the lines of the first ```bash block under "## Quick start", comments off.
mapfile -t commands < <(awk '/^## Quick start/{q=1; next} q && /^## /{exit} q && /^```bash/{b=1; next} b && /^```/{exit} b' \
  "$repo/README.md" | sed 's/[[:space:]]*#.*$//' | sed '/^[[:space:]]*$/d')
if [ "${#commands[@]}" -ne 2 ]; then
  echo "README.md: the Quick start should hold two commands (run the demo, run the tests); found ${#commands[@]}" >&2
  exit 1
fi
demo_command=${commands[0]}
test_command=${commands[1]}
if [ "${1:-}" = "--test-command" ]; then
  echo "$test_command"
  exit 0
fi

port=8080
user=sam.staff
[ -n "${JAVA_HOME:-}" ] || { echo "JAVA_HOME must name a JDK 21 or newer, as the README says" >&2; exit 1; }
if curl -s -o /dev/null "http://localhost:$port/login"; then
  echo "something already serves port $port; stop it first" >&2
  exit 1
fi

work=$(mktemp -d /tmp/noticeboard-quickstart.XXXXXX)
home="$work/home"
mkdir -p "$home"
git clone -q "$repo" "$work/clone"
maven_repo="${HOME}/.m2/repository"
[ "${QUICKSTART_FRESH_MAVEN_REPO:-0}" = "1" ] && maven_repo="$home/.m2/repository"

# what a new user's shell has: a JDK on JAVA_HOME, the system's PATH, a home directory; nothing else
fresh_env=(env -i "PATH=$JAVA_HOME/bin:/usr/local/bin:/usr/bin:/bin" "JAVA_HOME=$JAVA_HOME" "HOME=$home"
  "LANG=C.UTF-8" "JAVA_TOOL_OPTIONS=-Duser.home=$home" "MAVEN_OPTS=-Dmaven.repo.local=$maven_repo")

pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  pkill -KILL -f "$home/.noticeboard/pgdata" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Waits for the sign-in page; prints the seconds it took from $1 (epoch ns).
await_sign_in_page() {
  local started=$1 log=$2 limit=$3
  until curl -sf -o /dev/null "http://localhost:$port/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "it stopped before serving the sign-in page; the end of its output:" >&2
      tail -60 "$log" >&2
      exit 1
    fi
    if [ $(( ($(date +%s%N) - started) / 1000000000 )) -gt "$limit" ]; then
      echo "no sign-in page after $limit s; the end of its output:" >&2
      tail -60 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "scale=1; ($(date +%s%N) - $started) / 1000000000" | bc
}

# Waits until the portal says it is ready for traffic (the demo seeded): what a load balancer waits for.
await_ready() {
  for _ in $(seq 1 240); do
    if curl -sf "http://localhost:$port/actuator/health/readiness" | grep -q '"UP"'; then
      return
    fi
    sleep 0.5
  done
  echo "the portal served its sign-in page but was not ready 120 s later" >&2
  exit 1
}

# Signs a demo member in through the sign-in form, as a browser posts it, and reads who is signed in.
sign_in() {
  local jar="$work/cookies"
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" -o /dev/null "http://localhost:$port/login"
  local status
  status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "username=$user" --data-urlencode "password=demo" "http://localhost:$port/login")
  case "$status" in
    302*login?error*|302*/login\?error*) echo "signing in as $user was refused: $status" >&2; exit 1 ;;
    302*) ;;
    *) echo "signing in as $user: unexpected answer $status" >&2; exit 1 ;;
  esac
  # a signed-in session opens a member's page (signed out, it is sent to the sign-in page)
  local page
  page=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$port/posts")
  case "$page" in
    200*) echo "signed in as $user" ;;
    *) echo "after signing in, My posts answered $page" >&2; exit 1 ;;
  esac
}

# Stops the process group with the signal and waits until all of it, PostgreSQL included, is gone.
stop_with() {
  local signal=$1 what=$2
  kill "-$signal" -- "-$pid"
  for _ in $(seq 1 120); do
    if ! kill -0 -- "-$pid" 2>/dev/null && ! pgrep -f "$home/.noticeboard/pgdata" >/dev/null; then
      echo "$what stopped on $signal, nothing left running"
      pid=""
      return
    fi
    sleep 0.5
  done
  echo "$what still running 60 s after $signal:" >&2
  ps -o pid,args -g "$pid" >&2 || true
  exit 1
}

# Starts a command in the fresh environment, waits for the sign-in page (printing how long it took)
# and for readiness, and signs in. Job control gives the command a process group of its own, with
# Ctrl+C's SIGINT not ignored (a plain background job of a script ignores it), as in a terminal.
start_and_sign_in() {
  local command=$1 log=$2 limit=$3 what=$4 started seconds
  started=$(date +%s%N)
  set -m
  bash -c "exec ${fresh_env[*]@Q} $command" > "$log" 2>&1 < /dev/null &
  pid=$!
  set +m
  seconds=$(await_sign_in_page "$started" "$log" "$limit")
  echo "sign-in page served ${seconds} s after $what"
  await_ready
  sign_in
}

cd "$work/clone"
echo "== Quick start, as written in the README: $demo_command"
start_and_sign_in "$demo_command" "$work/demo.log" 1200 "the command (build included, fresh home)"
[ -d "$home/.noticeboard/pgdata" ] || { echo "the demo's data is not in <home>/.noticeboard/pgdata" >&2; exit 1; }
if find "$work/clone" -name '${user.home}' | grep -q .; then
  echo "a folder named \${user.home} appeared in the clone" >&2
  exit 1
fi
stop_with INT "the demo (Ctrl+C)"

jar="$work/clone/portal-ui/target/noticeboard.jar"
[ -f "$jar" ] || { echo "the quick start built no $jar" >&2; exit 1; }
size=$(stat -c %s "$jar")
echo "jar: $((size / 1024 / 1024)) MiB ($size bytes)"
[ "$size" -lt $((80 * 1024 * 1024)) ] || { echo "the jar is over 80 MiB" >&2; exit 1; }

echo "== The jar, with no variables, on the data the quick start left: java -jar portal-ui/target/noticeboard.jar"
start_and_sign_in "java -jar portal-ui/target/noticeboard.jar" "$work/jar.log" 300 "java -jar (existing data)"
stop_with TERM "the jar"
echo "quick start and jar: passed"
