#!/usr/bin/env bash
# The README's run command (`make run`): set-up, then a demo database with
# every addon (and OCA payroll) served at http://localhost:8069.
#   HRPERF_HTTP_INTERFACE  address to listen on (default 127.0.0.1, this
#                          machine only; 0.0.0.0 exposes the demo, admin/admin
#                          included, to the network)
#   HRPERF_HTTP_PORT       port (default 8069)
#   HRPERF_DB              database (default hrperf_demo)
#   HRPERF_DB_MANAGER=1    turn Odoo's database manager on (off by default);
#                          its master password is in .odoo/master_password
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
ensure_odoo
ensure_requirements

WORK="$ROOT/.odoo"
trap 'pg_stop' EXIT
pg_start "$ROOT/.pgdata"
CONF="$WORK/odoo.conf"
# the master password: random, made once and kept in the ignored .odoo/
MASTER_FILE="$WORK/master_password"
if [ ! -s "$MASTER_FILE" ]; then
    mkdir -p "$WORK"
    (umask 077 && random_secret >"$MASTER_FILE")
fi
LIST_DB=False
if [ "${HRPERF_DB_MANAGER:-0}" = 1 ]; then LIST_DB=True; fi
write_odoo_conf "$CONF" "$WORK/data" "$(cat "$MASTER_FILE")" "$LIST_DB"
DB="${HRPERF_DB:-hrperf_demo}"
PORT="${HRPERF_HTTP_PORT:-8069}"
IFACE="${HRPERF_HTTP_INTERFACE:-127.0.0.1}"

# not_installed DB MODULES: the MODULES (comma-separated) not installed in DB
not_installed() {
    "$PYTHON" - "$1" "$2" <<'EOF'
import sys, psycopg2
cr = psycopg2.connect(dbname=sys.argv[1]).cursor()
wanted = sys.argv[2].split(",")
cr.execute(
    "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
    [wanted],
)
installed = {name for (name,) in cr.fetchall()}
print(",".join(m for m in wanted if m not in installed))
EOF
}

if db_exists "$DB"; then
    say "Updating the demo database $DB"
    # -i only what is missing: Odoo loads an installed module named by -i in
    # init mode, which re-applies its noupdate data
    MISSING="$(not_installed "$DB" "$ALL_ADDONS")"
    odoo_bin -c "$CONF" -d "$DB" -u "$ALL_ADDONS" ${MISSING:+-i "$MISSING"} \
        --stop-after-init --log-level=warn
else
    say "Creating the demo database $DB (every addon, OCA payroll, demo data)"
    odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS,$BRIDGE" --load-language=zh_CN,zh_TW,en_US \
        --stop-after-init --log-level=warn
    # accounting (pulled in by hr_expense) after the suite's demo: the demo
    # school's currency is set while no journal item exists; eLearning
    # (website_slides) with it
    say "Adding the training expense (hr_expense) and eLearning (website_slides) bridges to $DB"
    odoo_bin -c "$CONF" -d "$DB" -i "$EXPENSE_BRIDGE,$SLIDES_BRIDGE" --stop-after-init --log-level=warn
fi

case "$IFACE" in
    127.0.0.1 | localhost) URL="http://localhost:$PORT" ;;
    0.0.0.0) URL="http://<this machine>:$PORT" ;;
    *) URL="http://$IFACE:$PORT" ;;
esac
if [ "$LIST_DB" = True ]; then
    MANAGER="on (master password in $MASTER_FILE)"
else
    MANAGER="off (HRPERF_DB_MANAGER=1 turns it on)"
fi
cat <<MSG

  Odoo is served at $URL (listening on ${IFACE:-every interface})
  database: $DB    login: admin    password: admin    (a local demo only)
  database manager: $MANAGER
  (demo users: see README.md; stop with Ctrl-C)

MSG
if [ "$IFACE" != 127.0.0.1 ] && [ "$IFACE" != localhost ]; then
    say "Warning: the demo (login admin/admin) is reachable from other machines on $IFACE"
fi
odoo_bin -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" \
    --http-interface="$IFACE" --max-cron-threads=1 --log-level=info
