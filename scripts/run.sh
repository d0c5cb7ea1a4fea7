#!/usr/bin/env bash
# The README's run command (`make run`): set-up, then a demo database with
# every addon (and OCA payroll) served at http://localhost:8069.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
ensure_odoo
ensure_requirements

WORK="$ROOT/.odoo"
trap 'pg_stop' EXIT
pg_start "$ROOT/.pgdata"
CONF="$WORK/odoo.conf"
write_odoo_conf "$CONF" "$WORK/data"
DB="${HRPERF_DB:-hrperf_demo}"
PORT="${HRPERF_HTTP_PORT:-8069}"

if db_exists "$DB"; then
    say "Updating the demo database $DB"
    odoo_bin -c "$CONF" -d "$DB" -i "$ALL_ADDONS" -u "$ALL_ADDONS" --stop-after-init --log-level=warn
else
    say "Creating the demo database $DB (every addon, OCA payroll, demo data)"
    odoo_bin -c "$CONF" -d "$DB" -i "$ALL_ADDONS" --load-language=zh_CN,zh_TW,en_US \
        --stop-after-init --log-level=warn
fi

cat <<MSG

  Odoo is served at http://localhost:$PORT
  database: $DB    login: admin    password: admin
  (demo users: see README.md; stop with Ctrl-C)

MSG
odoo_bin -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" \
    --http-interface=0.0.0.0 --max-cron-threads=1 --log-level=info
