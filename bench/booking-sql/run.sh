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
seconds=10
psql -q "${conn[@]}" -v ON_ERROR_STOP=1 -f setup.sql
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; } # all but idle and iowait, in 1/100 s
measure() { # script clients bookings-per-transaction
  local before after out
  before=$(busy_ticks)
  out=$( { /usr/bin/time -f "PGBENCH_CPU %U %S" pgbench -n -M prepared -c "$2" -j 2 -T "$seconds" -f "$1" \
    "${conn[@]}"; } 2>&1)
  after=$(busy_ticks)
  echo "$out" | grep -q "tps = " || { echo "$out"; exit 1; }
  echo "$out" | awk -v name="${1%.sql}" -v clients="$2" -v n="$3" -v s="$seconds" -v busy=$((after - before)) '
    /tps = / && !tps { split($0, f, "tps = "); tps = f[2] + 0 }
    /PGBENCH_CPU/ { client_ms = ($2 + $3) * 1000 }
    END {
      gsub("-", "_", name); bookings = tps * n
      printf "%s_bookings_per_s: %.0f bookings/s (%d connections)\n", name, bookings, clients
      printf "%s_postgres_ms_per_booking: %.3f ms\n", name, (busy * 10 - client_ms) / (bookings * s)
    }'
}
measure one-booking-per-transaction.sql 10 1
measure sixteen-bookings-per-transaction.sql 4 16
psql -q "${conn[@]}" -c "set client_min_messages = warning; drop schema bt cascade"
