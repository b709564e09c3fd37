#!/usr/bin/env bash
# Load benchmark of the travel platform: the whole platform on this machine (registry and eight
# services, one process each, started by `aiops demo`), and the load generator holding a mean rate
# for a fixed time with the daily shape compressed so that it shows in the per-second counts.
#
#   bench/travel-load.sh                 # 200 req/s for 60 s, a simulated day per minute
#   QPS=300 DURATION=120 bench/travel-load.sh
#   OTLP=http://127.0.0.1:4318 bench/travel-load.sh   # with telemetry export switched on
#
# Prints the generator's summary, the per-second counts, and writes the JSON report to
# bench/results/travel-load-<qps>.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
qps="${QPS:-200}"
duration="${DURATION:-60}"
day_minutes="${DAY_MINUTES:-1}"
otlp="${OTLP:-none}"
config=Release
host_port="${HOST_PORT:-18080}"
gateway_port="${GATEWAY_PORT:-15000}"
registry_port="${REGISTRY_PORT:-15010}"

dotnet build "$root/dashboard/AIOps.Dashboard/AIOps.Dashboard.csproj" -c "$config" -nologo -v quiet >/dev/null
dotnet build "$root/travel/AIOps.Travel/AIOps.Travel.csproj" -c "$config" -nologo -v quiet >/dev/null
travel="$root/travel/AIOps.Travel/bin/$config/net10.0/travel.dll"
data="$(mktemp -d)"
mkdir -p "$root/bench/results"
suffix=""; [ "$otlp" != none ] && suffix="-otlp"
out="$root/bench/results/travel-load-$qps$suffix.json"

dotnet "$root/dashboard/AIOps.Dashboard/bin/$config/net10.0/aiops.dll" demo --qps 0 --otlp "$otlp" --travel "$travel" \
  --data-dir "$data" --urls "http://127.0.0.1:$host_port" --gateway-port "$gateway_port" --registry-port "$registry_port" \
  >"$data/aiops.log" 2>&1 &
aiops_pid=$!
trap 'kill -TERM $aiops_pid 2>/dev/null; wait $aiops_pid 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$host_port/healthz" 2>/dev/null | grep -q '"demo":"running"' && break
  kill -0 $aiops_pid 2>/dev/null || { echo "aiops demo exited:"; tail -20 "$data/aiops.log"; exit 1; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$host_port/healthz" | grep -q '"demo":"running"' || { echo "platform did not come up"; exit 1; }

echo "platform up; load: $qps req/s mean for $duration s, a simulated day every $day_minutes min (telemetry export: $otlp)"
dotnet "$travel" load --target "http://127.0.0.1:$gateway_port/" --qps "$qps" --duration "$duration" \
  --day-minutes "$day_minutes" --start-hour 0 --report-interval 5 --json >"$out"

python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"achieved {r['achievedQps']:.1f} req/s mean over {r['durationSeconds']:.1f} s (target {r['targetQps']:.0f}); "
      f"scheduled {r['scheduled']}, completed {r['completed']}, dropped {r['dropped']}")
print(f"latency ms p50 {r['p50Ms']:.1f}  p90 {r['p90Ms']:.1f}  p95 {r['p95Ms']:.1f}  p99 {r['p99Ms']:.1f}  max {r['maxMs']:.1f}")
print(f"errors {r['errors']} ({100*r['errorRate']:.2f} %), client errors {r['clientErrors']}")
print("second  simulated   expected  completed")
for s in r['perSecond']:
    bar = '#' * int(s['completed'] / 10)
    print(f"{s['second']:>5}  {s['simulatedTime']}  {s['expected']:>8.1f}  {s['completed']:>8}  {bar}{'  flash sale' if s['flashSale'] else ''}")
PY
echo "report: $out"
