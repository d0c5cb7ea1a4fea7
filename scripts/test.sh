#!/usr/bin/env bash
# The README's test command (`make test`): set-up, lint, install/upgrade/
# uninstall checks, then every test through pytest-odoo on a fresh database.
# Exits non-zero on any failure; never skips the Odoo tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
ensure_odoo
ensure_requirements
ensure_chromium

say "Lint: ruff check, ruff format --check, pylint-odoo mandatory checks"
"$PYTHON" -m ruff check .
"$PYTHON" -m ruff format --check .
"$PYTHON" -m pylint --rcfile=.pylintrc-mandatory addons/*
"$PYTHON" scripts/gen_readme.py --check

# The commands must work from a repository in a private folder (mode 0700,
# e.g. root's home), where the unprivileged user PostgreSQL runs as (when we
# are root) cannot reach: start and stop a private cluster from a copy of the
# repository's scripts in such a folder, with no PG* environment, and query it.
say "A private PostgreSQL starts from a repository in a private (0700) folder"
PRIVATE="$(mktemp -d)"
trap 'rm -rf "$PRIVATE"' EXIT
chmod 0700 "$PRIVATE"
mkdir -p "$PRIVATE/repo/scripts"
cp "$ROOT/scripts/lib.sh" "$PRIVATE/repo/scripts/lib.sh"
if ! (cd "$PRIVATE/repo" && env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE \
    -u PGSERVICE -u HRPERF_PG_PORT HRPERF_PRIVATE_PG=1 PYTHON="$PYTHON" bash -c '
        source scripts/lib.sh
        trap pg_stop EXIT
        pg_start "$ROOT/.pgtest" throwaway
        cluster="$PG_PRIVATE_DIR"
        "$PYTHON" - <<EOF
import psycopg2
cr = psycopg2.connect(dbname="postgres", connect_timeout=5).cursor()
cr.execute("SELECT current_setting(%s)", ["data_directory"])
print("    the private cluster answers; its data:", cr.fetchone()[0])
EOF
        pg_stop
        [ ! -e "$cluster" ] || { echo "the throwaway cluster $cluster was not removed" >&2; exit 1; }
    '); then
    rm -rf "$PRIVATE"
    die "a private PostgreSQL cannot start from a repository in a private (0700) folder (see above)"
fi
rm -rf "$PRIVATE"

WORK="$ROOT/.pgtest"
rm -rf "$WORK"
trap 'pg_stop; rm -rf "$WORK"' EXIT
pg_start "$WORK/pg" throwaway
CONF="$WORK/odoo.conf"
write_odoo_conf "$CONF" "$WORK/data"
# the tests' HTTP server (tours) on a free port: a demo served by `make run`
# on 8069, or another test run, may go on meanwhile
echo "http_port = $(free_port)" >>"$CONF"
LOGS="$WORK/logs"
mkdir -p "$LOGS"

DB="${HRPERF_TEST_DB:-hrperf_test}"
NODEMO_DB="${DB}_nodemo"
drop_db "$DB"
drop_db "$NODEMO_DB"

say "Install every addon with demo data and OCA payroll into $DB"
odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS,$BRIDGE" --stop-after-init \
    --log-level=info --logfile="$LOGS/install.log" || { tail -50 "$LOGS/install.log"; die "install failed"; }
check_log "$LOGS/install.log" "Install (demo data)"
# accounting (pulled in by hr_expense) after the suite's demo data, as
# `make run` does: the demo school's currency is set before any journal item;
# the eLearning bridge (website_slides) with it
say "Install the training expense (hr_expense, accounting) and eLearning (website_slides) bridges into $DB"
odoo_bin -c "$CONF" -d "$DB" -i "$EXPENSE_BRIDGE,$SLIDES_BRIDGE" --stop-after-init \
    --log-level=info --logfile="$LOGS/install-expense.log" || { tail -50 "$LOGS/install-expense.log"; die "install failed"; }
check_log "$LOGS/install-expense.log" "Install the training expense and eLearning bridges (demo data)"
say "Translations: every .pot up to date, every string translated in zh_CN"
"$PYTHON" scripts/i18n.py -c "$CONF" -d "$DB" --check

say "Upgrade every addon"
odoo_bin -c "$CONF" -d "$DB" -u "$ALL_ADDONS" --stop-after-init \
    --log-level=info --logfile="$LOGS/upgrade.log" || { tail -50 "$LOGS/upgrade.log"; die "upgrade failed"; }
check_log "$LOGS/upgrade.log" "Upgrade"

say "Install the functional addons without demo data and without payroll into $NODEMO_DB"
odoo_bin -c "$CONF" -d "$NODEMO_DB" -i "$ADDONS" --without-demo=all --stop-after-init \
    --log-level=info --logfile="$LOGS/install-nodemo.log" || { tail -50 "$LOGS/install-nodemo.log"; die "install failed"; }
check_log "$LOGS/install-nodemo.log" "Install (no demo, no payroll)"
odoo_bin -c "$CONF" -d "$NODEMO_DB" -u "$ADDONS" --stop-after-init \
    --log-level=info --logfile="$LOGS/upgrade-nodemo.log" || { tail -50 "$LOGS/upgrade-nodemo.log"; die "upgrade failed"; }
check_log "$LOGS/upgrade-nodemo.log" "Upgrade (no demo, no payroll)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$NODEMO_DB" \
    --installed "$ADDONS" --absent "payroll,$BRIDGE,hr_expense,$EXPENSE_BRIDGE,website_slides,$SLIDES_BRIDGE"

say "Run the tests (pytest-odoo)"
set +e
"$PYTHON" -m pytest addons tests \
    --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
    --odoo-log-level=warn -p no:cacheprovider "$@"
rc=$?
set -e
[ $rc = 0 ] || die "pytest failed (exit $rc)"

say "Run the functional addons' tests on the database without payroll or demo data"
set +e
"$PYTHON" -m pytest addons/hr_target_mgmt addons/hr_appraisal_training addons/hr_bonus_share \
    --odoo-config="$CONF" --odoo-database="$NODEMO_DB" --odoo-http \
    --odoo-log-level=warn -p no:cacheprovider "$@"
rc=$?
set -e
[ $rc = 0 ] || die "pytest (no payroll, no demo) failed (exit $rc)"

say "Uninstall every addon (demo database)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$DB" --uninstall "$ALL_ADDONS" \
    --logfile "$LOGS/uninstall.log"
check_log "$LOGS/uninstall.log" "Uninstall (demo data)"
say "Install OCA payroll into $NODEMO_DB: the bridge must install itself"
odoo_bin -c "$CONF" -d "$NODEMO_DB" -i payroll --without-demo=all --stop-after-init \
    --log-level=info --logfile="$LOGS/install-bridge-nodemo.log" || { tail -50 "$LOGS/install-bridge-nodemo.log"; die "install failed"; }
check_log "$LOGS/install-bridge-nodemo.log" "Install payroll + bridge (no demo)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$NODEMO_DB" --installed "$ADDONS,$BRIDGE,payroll"
say "Install hr_expense into $NODEMO_DB: the training expense bridge must install itself"
odoo_bin -c "$CONF" -d "$NODEMO_DB" -i hr_expense --without-demo=all --stop-after-init \
    --log-level=info --logfile="$LOGS/install-expense-nodemo.log" || { tail -50 "$LOGS/install-expense-nodemo.log"; die "install failed"; }
check_log "$LOGS/install-expense-nodemo.log" "Install hr_expense + training expense bridge (no demo)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$NODEMO_DB" --installed "$ADDONS,$BRIDGE,$EXPENSE_BRIDGE,payroll,hr_expense"
say "Install website_slides into $NODEMO_DB: the eLearning bridge must install itself"
odoo_bin -c "$CONF" -d "$NODEMO_DB" -i website_slides --without-demo=all --stop-after-init \
    --log-level=info --logfile="$LOGS/install-slides-nodemo.log" || { tail -50 "$LOGS/install-slides-nodemo.log"; die "install failed"; }
check_log "$LOGS/install-slides-nodemo.log" "Install website_slides + eLearning bridge (no demo)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$NODEMO_DB" --installed "$ALL_ADDONS,payroll,hr_expense,website_slides"
say "Uninstall every addon (no-demo database)"
"$PYTHON" "$ROOT/scripts/check_installed.py" -c "$CONF" -d "$NODEMO_DB" --uninstall "$ALL_ADDONS" \
    --logfile "$LOGS/uninstall-nodemo.log"
check_log "$LOGS/uninstall-nodemo.log" "Uninstall (no demo)"

say "All checks passed"
