#!/usr/bin/env bash
# Builds the solution and runs every test project, installing what the tests need when it is missing.
# Ends with one line "N passed, N failed"; exits non-zero when anything failed or did not build.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
config="${AIOPS_CONFIGURATION:-Release}"
results="$root/TestResults"

# Debian packages the tests start for real: Prometheus, Alertmanager, and Chromium for the browser tests.
packages=(prometheus prometheus-alertmanager chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "test.sh: could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET SDK 10 (dotnet) is required"; echo "0 passed, 1 failed"; exit 1; }

echo "test.sh: building ($config)"
if ! dotnet build AIOps.sln -c "$config" -nologo -v quiet; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf "$results"
mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  if ! find "$(dirname "$project")" -name '*Tests.cs' -not -path '*/obj/*' -not -path '*/bin/*' | grep -q .; then
    echo "test.sh: $name has no tests yet"
    continue
  fi
  echo "test.sh: $name"
  dotnet test "$project" -c "$config" --no-build -nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# Name every failed test with the first lines of its message, so the end of the output says what broke.
if [ "$failed" -gt 0 ]; then
  status=1
  echo "test.sh: failed tests"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    python3 - "$trx" <<'PY' 2>/dev/null || grep -o 'testName="[^"]*" [^>]*outcome="Failed"' "$trx"
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    print("  FAILED " + r.get("testName", "?") + " (" + r.get("duration", "?") + ")")
    message = r.find(".//t:ErrorInfo/t:Message", ns)
    for line in ((message.text or "") if message is not None else "").splitlines()[:12]:
        print("    " + line[:300])
PY
  done
fi
echo "$passed passed, $failed failed"
exit "$status"
