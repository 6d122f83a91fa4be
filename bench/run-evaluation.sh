#!/usr/bin/env bash
# 综合评价 over 1,000,000 cases with full history: seeds the cases and their ~9 M history rows once into a cached store
# (bench/seed-evaluation.sql, three years up to the seeding time), then starts each build given (an unpacked
# quarkus-app directory; default target/quarkus-app) in turn on its own copy of that store and times the monthly
# evaluation of last month for every object type (department, street, community, grid, post, county) through
# GET /api/evaluation, once cold and RUNS times warm, each run after reporting a new case (so a build that keeps a
# computed pass for the next asker computes it afresh in every run: the first object pays for all). ROUNDS > 1 repeats
# the builds in turn (baseline, branch, baseline, branch …) to bracket a changing load. Prints per-object and total
# wall time (curl), the load average, and whether every build gives the first build's counts. Give the baseline build
# first: the store is created by the first build (a newer build migrates its own copy at start; an older one would
# refuse a store a newer one migrated).
# Usage: bench/run-evaluation.sh [app-dir ...]
# Each build is measured once its start-up jobs are done (75 s after ready, then its CPU idle; QUIET_WAIT, at most 300 s).
# Env: AUTH (cookie | basic), KEEP_FIGURES, PORT (8097), QUIET_WAIT (300), RUNS (3), ROUNDS (1), SEED_CACHE (/tmp/civicgrid-eval-1000000: delete it to seed again), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
RUNS=${RUNS:-3}
SEED_CACHE=${SEED_CACHE:-/tmp/civicgrid-eval-1000000}
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }
APPS=("$@")
[ ${#APPS[@]} -gt 0 ] || APPS=(target/quarkus-app)
[ -f "${APPS[0]}/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests
PIDS=()
DATAS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  for i in "${!DATAS[@]}"; do # KEEP_FIGURES=dir keeps each build's answers (per run and final) in dir/<build index>
    [ -z "${KEEP_FIGURES:-}" ] || { mkdir -p "$KEEP_FIGURES/$i"; cp "${DATAS[$i]}"/*.json "$KEEP_FIGURES/$i/" 2>/dev/null || true; }
    rm -rf "${DATAS[$i]}"
  done
  return 0
}
trap cleanup EXIT
start() { # app-dir data-dir port
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -Dcivicgrid.data-dir="$2" -Dquarkus.http.port="$3" -Dquarkus.log.level=WARN \
    -Dcivicgrid.cases.auto-urge=false -Dcivicgrid.demo-data.history=false -Dcivicgrid.evaluation.freeze-check-every=24h -jar "$1/quarkus-run.jar" > "$2/app.log" 2>&1 &
  PIDS+=($!)
  until curl -sf "localhost:$3/q/health/ready" >/dev/null; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "app stopped:"; tail -20 "$2/app.log"; exit 1; }
    sleep 0.5
  done
}
if [ ! -f "$SEED_CACHE/civicgrid.db" ]; then
  rm -rf "$SEED_CACHE"; mkdir -p "$SEED_CACHE"
  start "${APPS[0]}" "$SEED_CACHE" "$PORT"
  curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$PORT/api/cases" >/dev/null
  kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()
  NOW=$(($(date +%s) * 1000))
  t0=$(date +%s)
  sed "s/:now/$NOW/g" bench/seed-evaluation.sql | sqlite3 -cmd ".timeout 60000" "$SEED_CACHE/civicgrid.db"
  echo "seeded $(sqlite3 "$SEED_CACHE/civicgrid.db" 'select count(*) from case_file') cases," \
    "$(sqlite3 "$SEED_CACHE/civicgrid.db" 'select count(*) from case_transition') history rows in $(($(date +%s) - t0)) s;" \
    "store $(du -sh "$SEED_CACHE/civicgrid.db" | cut -f1)"
fi
# last month as the seeded store sees it (the store's newest case is its "now")
MONTH=$(date -d "@$(($(sqlite3 "$SEED_CACHE/civicgrid.db" 'select max(created_at) from case_file') / 1000))" +%Y-%m-01)
MONTH=$(date -d "$MONTH -1 month" +%Y-%m)
echo "monthly evaluation of $MONTH; builds: ${APPS[*]}; one at a time on port $PORT, each on its own copy of the store"
for i in "${!APPS[@]}"; do
  DATAS+=("$(mktemp -d)")
  cp -r "$SEED_CACHE/." "${DATAS[$i]}/"
  rm -f "${DATAS[$i]}/app.log"
done
cpu() { awk '{print $14 + $15}' "/proc/${PIDS[-1]}/stat"; } # the app's CPU time (user + system) in clock ticks (1/100 s)
signin() { # the leader's session cookies (signed session and its id), as the page uses them: one bcrypt check, not one per request
  for _ in $(seq 1 30); do
    COOKIE=$(curl -s -o /dev/null -c - -d 'j_username=leader&j_password=civicgrid' "localhost:$PORT/j_security_check" \
      | awk '$6 ~ /^civicgrid-(session|sid)$/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
    case $COOKIE in *civicgrid-session=*civicgrid-sid=*|*civicgrid-sid=*civicgrid-session=*) return 0;; esac
    sleep 2
  done
  echo "sign-in gave no session" >&2; exit 1
}
# AUTH=basic: every request signs in with HTTP basic (a bcrypt check each, ~0.1 s of CPU at load; the figures before
# 2026-12-07 14:00 were taken so); default: the leader's session cookie
leader() { if [ "${AUTH:-cookie}" = basic ]; then curl -u leader:civicgrid "$@"; else curl -H "Cookie: $COOKIE" "$@"; fi; }
quiet() { # the start-up jobs (snapshot freeze 40 s and 月通报 of last month 50 s after the scheduler starts, 考核时限补录)
  # compute passes of the same month: wait until 75 s after ready, then until the app spent under 0.1 s of CPU in each of
  # three 3 s windows (at most QUIET_WAIT s, default 300), so the runs do not measure them
  local t0 c0 c1 calm=0
  t0=$(date +%s)
  while [ $(($(date +%s) - t0)) -lt 75 ]; do sleep 1; done
  while [ $(($(date +%s) - t0)) -lt "${QUIET_WAIT:-300}" ]; do
    c0=$(cpu); sleep 3; c1=$(cpu)
    if [ $((c1 - c0)) -lt 10 ]; then calm=$((calm + 1)); else calm=0; fi
    [ "$calm" -ge 3 ] && { echo "   quiet $(($(date +%s) - t0)) s after ready"; return 0; }
  done
  echo "   still busy after ${QUIET_WAIT:-300} s"
}
measure() { # index label
  local total=0 line="" t c0
  # a new case first: the history changed, so a build that keeps a computed pass must compute it again
  curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$PORT/api/cases" >/dev/null
  c0=$(cpu)
  for object in department street community grid post county; do
    t=$(leader -s -o "${DATAS[$1]}/run-$2-$object.json" -w '%{time_total}' "localhost:$PORT/api/evaluation?object=$object&period=$MONTH")
    line="$line $object=${t}s"
    total=$(echo "$total + $t" | bc)
  done
  echo "run $2 ${APPS[$1]}:$line total=${total}s app CPU $(( ($(cpu) - c0) * 10 )) ms load $(cut -d' ' -f1-3 /proc/loadavg)"
}
for round in $(seq 1 "${ROUNDS:-1}"); do
  for i in "${!APPS[@]}"; do
    t0=$(date +%s)
    start "${APPS[$i]}" "${DATAS[$i]}" "$PORT"
    echo "== ${APPS[$i]} ready after $(($(date +%s) - t0)) s (migrations included)"
    signin
    quiet
    measure "$i" cold
    for run in $(seq 1 "$RUNS"); do measure "$i" "$run"; done
    for object in department street community grid post county; do
      leader -s "localhost:$PORT/api/evaluation?object=$object&period=$MONTH" > "${DATAS[$i]}/figures-$object.json"
    done
    kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
  done
done
# the same figures from every build: each count the first build has, row by row (a later one may add indicators)
for i in "${!APPS[@]}"; do
  [ "$i" -eq 0 ] || for object in department street community grid post county; do
    python3 - "${DATAS[0]}/figures-$object.json" "${DATAS[$i]}/figures-$object.json" "$object" "${APPS[$i]}" <<'EOF'
import json, sys
a = {r["key"]: r["counts"] for r in json.load(open(sys.argv[1]))["rows"]}
b = {r["key"]: r["counts"] for r in json.load(open(sys.argv[2]))["rows"]}
diff = [(k, c, a[k][c], b.get(k, {}).get(c)) for k in a for c in a[k] if a[k][c] != b.get(k, {}).get(c)]
same = not diff and len(a) == len(b)
print(f"{sys.argv[3]}: {len(a)} rows, " + ("same counts as the first build" if same else
      f"DIFFERENT in {sys.argv[4]}: {diff[:5]}, rows {len(a)}/{len(b)}"))
EOF
  done
done
