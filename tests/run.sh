#!/usr/bin/env bash
# Runs every test of OutcomesLab against real components: a SQLite file per test, a throwaway
# PostgreSQL server (started here as the postgres user on a free loopback port, stopped on exit even
# when tests fail), and Debian's headless Chromium for the report tests.
# Ends with the line "N passed, N failed, N skipped"; exits non-zero when anything failed.
# --fast: the contributor's loop — unit and component tests only (no end-to-end process, server or
# browser: the classes marked [Trait("Category", "EndToEnd")]); CI runs everything.
set -uo pipefail
filter=()
if [ "${1:-}" = "--fast" ]; then filter=(--filter "Category!=EndToEnd"); fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/outcomeslab-tests.XXXXXX)
chmod 755 "$work"
results="$root/tests/TestResults"
rm -rf "$results"; mkdir -p "$results"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgdata="$work/pg"
stop_pg() {
  if [ -n "${pgbin:-}" ] && [ -f "$pgdata/postmaster.pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop_pg EXIT

# Chromium for the browser tests (the report and web UI screenshots).
if [ ${#filter[@]} -eq 0 ] && ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium for the browser tests…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will fail"
fi

# A throwaway PostgreSQL on a free loopback port.
if [ -z "$pgbin" ]; then
  echo "warning: PostgreSQL binaries not found; PostgreSQL tests will be skipped"
else
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$pgdata" && chown postgres "$pgdata"
  if runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >"$work/initdb.log" 2>&1 \
     && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/pg.log" -w \
          -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null; then
    export OUTCOMESLAB_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
    echo "PostgreSQL test server on 127.0.0.1:$port"
  else
    echo "warning: could not start PostgreSQL (see below); PostgreSQL tests will be skipped"
    cat "$work/initdb.log" "$pgdata/pg.log" 2>/dev/null | tail -n 20
  fi
fi

if ! dotnet build OutcomesLab.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test OutcomesLab.sln -c Release --no-build -nologo -v q "${filter[@]}" \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
status=$?

# One closing line from the TRX files (dotnet test prints its own summary per project).
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
    # Name each failure with the head of its message, so a CI log alone says what broke.
    for r in ET.parse(f).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") == "Failed":
            msg = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            text = (msg.text or "").strip() if msg is not None else ""
            print(f"FAILED {r.get('testName')}\n  " + "\n  ".join(text.splitlines()[:12]))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
