#!/usr/bin/env bash
# What PostgreSQL spends per booking when each booking is its own transaction (as Huimin books today) and when 16
# bookings that arrive together share one, with one multi-row statement per step: the sketch in docs/scheduling.md
# ("What half of pgbench would take"). Database only, no server: pgbench runs the booking's statements (the key, the
# resident's lock, the rule counts, the message, the place, the appointment, the audit line, the care relationship)
# against empty copies of the tables in schema bt, then drops them.
#
#   bench/booking-sql/run.sh [psql connection options]      (default: -h 127.0.0.1 -U postgres -d huimin)
#
# Needs a Huimin database on PostgreSQL (its tables are copied), pgbench, and GNU time (/usr/bin/time, Debian
# package "time") for pgbench's own CPU. Stop the server first: the figure is the machine's CPU outside pgbench.
# Prints per variant bookings_per_s and postgres_ms_per_booking (machine CPU minus pgbench's, per booking).
set -euo pipefail
cd "$(dirname "$0")"
conn=("$@"); [ ${#conn[@]} -gt 0 ] || conn=(-h 127.0.0.1 -U postgres -d huimin)
psql -q "${conn[@]}" -v ON_ERROR_STOP=1 -f setup.sql
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
measure() { # script clients bookings-per-transaction
  local a b out tps client
  a=$(busy)
  out=$( { /usr/bin/time -f "PGBENCH_CPU %U %S" pgbench -n -M prepared -c "$2" -j 2 -T 10 -f "$1" "${conn[@]}"; } 2>&1)
  b=$(busy)
  tps=$(echo "$out" | grep -o "tps = [0-9.]*" | head -1 | cut -d' ' -f3)
  client=$(echo "$out" | awk '/PGBENCH_CPU/ {print ($2 + $3) * 100}')
  [ -n "$tps" ] || { echo "$out"; exit 1; }
  python3 - "$1" "$2" "$3" "$tps" "$a" "$b" "$client" <<'PY'
import sys
name, clients, n, tps, a, b, client = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), \
    int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
bookings = tps * n
tag = name.removesuffix('.sql').replace('-', '_')
print(f"{tag}_bookings_per_s: {bookings:.0f} bookings/s ({clients} connections)")
print(f"{tag}_postgres_ms_per_booking: {(b - a - client) * 10 / (bookings * 10):.3f} ms")
PY
}
measure one-booking-per-transaction.sql 10 1
measure sixteen-bookings-per-transaction.sql 4 16
psql -q "${conn[@]}" -c "set client_min_messages = warning; drop schema bt cascade"
