#!/usr/bin/env bash
# `make bench`: a fresh database with every addon (no demo data), then the
# benchmarks of benchmarks/ (seconds and SQL query counts).
#   BENCH_SIZES=1000,10000 (default)    make bench ARGS="name ..."
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
ensure_odoo
ensure_requirements
WORK="$ROOT/.pgtest-bench"
rm -rf "$WORK"
trap 'pg_stop; rm -rf "$WORK"' EXIT
pg_start "$WORK/pg" throwaway
CONF="$WORK/odoo.conf"
write_odoo_conf "$CONF" "$WORK/data"
DB=hrperf_bench
drop_db "$DB"
say "Creating $DB (every addon, no demo data)"
odoo_bin -c "$CONF" -d "$DB" -i "$ALL_ADDONS" --without-demo=all --stop-after-init --log-level=warn
"$PYTHON" scripts/bench.py -c "$CONF" -d "$DB" --sizes "${BENCH_SIZES:-1000,10000}" "$@"
