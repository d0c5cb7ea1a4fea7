# shellcheck shell=bash
# Shared helpers of the workbench scripts (sourced, never run).
#
# Environment knobs (all optional):
#   PYTHON            interpreter that has Odoo 18.0 (default: python3)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD
#                     an existing PostgreSQL to use; when it does not answer,
#                     a private cluster is started on 127.0.0.1: in the
#                     repository (.pgdata/, .pgtest/), or as root outside it
#                     (see pg_root_dir)
#   HRPERF_PRIVATE_PG=1
#                     always start the private cluster, even when the
#                     PostgreSQL of the environment answers
#   HRPERF_PG_PORT    port of the private cluster (default: a free one)
#   HRPERF_SKIP_PIP=1 do not run pip (offline machines that are already set up)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
ADDONS="hr_target_mgmt,hr_appraisal_training,hr_bonus_share"
BRIDGE="hr_performance_payroll"
# training reimbursements through hr_expense (pulls in accounting): installs
# itself with hr_expense, so only the full databases hold it
EXPENSE_BRIDGE="hr_appraisal_training_expense"
# online training in Odoo eLearning (pulls in the website): installs itself
# with website_slides; the scripts add it with the expense bridge
SLIDES_BRIDGE="hr_appraisal_training_slides"
ALL_ADDONS="$ADDONS,$BRIDGE,$EXPENSE_BRIDGE,$SLIDES_BRIDGE"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# --------------------------------------------------------------------------
# Python requirements and Odoo
# --------------------------------------------------------------------------
ensure_requirements() {
    if [ "${HRPERF_SKIP_PIP:-0}" = 1 ]; then
        return
    fi
    say "Installing requirements.txt into $($PYTHON -c 'import sys; print(sys.executable)')"
    PIP_CONSTRAINT="$ROOT/constraints.txt" "$PYTHON" -m pip install -q \
        --disable-pip-version-check -r "$ROOT/requirements.txt" \
        || die "pip could not install requirements.txt (see above)"
}

odoo_series() {
    (cd / && "$PYTHON" -c 'import odoo.release as r; print(r.series)' 2>/dev/null || true)
}

# When Odoo is missing and the network reaches github.com, install the
# official 18.0 source release (Odoo S.A.'s repository) into this Python.
try_official_odoo() {
    local url="https://github.com/odoo/odoo.git"
    local dest="${HRPERF_ODOO_SRC:-${XDG_CACHE_HOME:-$HOME/.cache}/hrperf/odoo-18.0}"
    timeout 15 git ls-remote --exit-code "$url" refs/heads/18.0 >/dev/null 2>&1 || return 1
    say "Odoo 18.0 is missing: installing the official source release into $dest"
    [ -d "$dest/odoo" ] || git clone -q --depth 1 --branch 18.0 "$url" "$dest" || return 1
    sed 's/^cbor2==5.4.2/cbor2==5.4.6/' "$dest/requirements.txt" >"$dest/.requirements-py311.txt"
    PIP_CONSTRAINT="$ROOT/constraints.txt" "$PYTHON" -m pip install -q -r "$dest/.requirements-py311.txt" || return 1
    "$PYTHON" -m pip install -q --no-deps --config-settings editable_mode=compat -e "$dest" || return 1
}

ensure_odoo() {
    local series
    series="$(odoo_series)"
    if [ "$series" != "18.0" ] && [ -z "$series" ] && try_official_odoo; then
        series="$(odoo_series)"
    fi
    if [ "$series" != "18.0" ]; then
        cat >&2 <<EOF
ERROR: Odoo 18.0 is not importable from $PYTHON (found: '${series:-nothing}').

Install Odoo 18.0 Community into this Python first, one of:
  * the official source release:
      git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git /opt/odoo-18.0
      pip install -r /opt/odoo-18.0/requirements.txt
      pip install --config-settings editable_mode=compat -e /opt/odoo-18.0
    (or the 18.0 source tarball from https://nightly.odoo.com/18.0/nightly/src/)
  * the official Docker image odoo:18.0: see "Run with Docker" in README.md.
Then run this command again. The tests are never skipped when Odoo is missing.
EOF
        exit 2
    fi
    ODOO_CORE_ADDONS="$(cd / && "$PYTHON" - <<'EOF'
import os, odoo
root = os.path.dirname(os.path.dirname(odoo.__file__))
paths = [os.path.join(root, "addons"), os.path.join(os.path.dirname(odoo.__file__), "addons")]
print(",".join(p for p in paths if os.path.isdir(p)))
EOF
)"
    export ODOO_CORE_ADDONS
}

odoo_bin() {
    # odoo-bin of the importable Odoo, whatever way it was installed
    (cd / && "$PYTHON" -c 'import odoo.cli; odoo.cli.main()' "$@")
}

ensure_chromium() {
    if command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 \
        || command -v chromium-browser >/dev/null 2>&1; then
        return
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Installing Debian's chromium for the browser tours"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
            || die "could not install chromium (needed by the tours)"
    else
        die "Chromium is needed for the browser tours: install it (Debian: apt-get install chromium)"
    fi
}

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------
pg_answers() {
    "$PYTHON" - <<'EOF' >/dev/null 2>&1
import psycopg2
psycopg2.connect(dbname="postgres", connect_timeout=3).close()
EOF
}

free_port() {
    "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

PG_PRIVATE_DIR=""
PG_THROWAWAY=0
PG_BINDIR=""
PG_OS_USER="$(id -un)"
# as_pg_user CMD...: run CMD as the unprivileged owner of the private cluster
# (from /, so that a private current folder does not get in its way)
as_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u "$PG_OS_USER" -- "$@")
    else
        "$@"
    fi
}

# pg_root_dir DIR [throwaway]: as root, where the cluster of DIR lives instead.
# PostgreSQL refuses to run as root, and the unprivileged user it runs as
# cannot reach a repository in a private folder (root's home, a mktemp -d
# folder), so as root the cluster never lives in the repository:
#   * a throwaway cluster (make test, make bench): a fresh /tmp/hrperf-pg.XXXXXXXX/;
#   * the kept cluster of make run: /var/lib/hrperf/<folder name>-<hash of
#     DIR's path>/, one per checkout, kept between runs.
pg_root_dir() {
    local dir="$1" mode="${2:-}" key
    if [ "$mode" = throwaway ]; then
        mktemp -d /tmp/hrperf-pg.XXXXXXXX
    else
        mkdir -p "$(dirname "$dir")"
        key="$(cd "$(dirname "$dir")" && pwd -P)/$(basename "$dir")"
        mkdir -p -m 0755 /var/lib/hrperf
        printf '/var/lib/hrperf/%s-%s\n' "$(basename "$(dirname "$key")")" \
            "$(printf '%s' "$key" | sha256sum | cut -c1-12)"
    fi
}

# pg_start DIR [throwaway]: use the PostgreSQL of the environment, or start a
# private cluster whose data lives in DIR (kept between runs if DIR exists;
# removed by pg_stop when "throwaway"). As root the cluster runs as the
# `postgres` user and lives outside the repository (see pg_root_dir).
pg_start() {
    local dir="$1" mode="${2:-}"
    if [ "${HRPERF_PRIVATE_PG:-0}" != 1 ] && pg_answers; then
        say "Using the PostgreSQL of the environment (${PGHOST:-local socket}:${PGPORT:-5432})"
        return
    fi
    local bindir
    bindir="$(pg_config --bindir 2>/dev/null || true)"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        bindir="$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")"
    fi
    [ -x "$bindir/initdb" ] || die "No PostgreSQL answers (PG* environment) and no server binaries (initdb, pg_ctl) are installed.
Install PostgreSQL (Debian: apt-get install postgresql) or point PGHOST/PGPORT/PGUSER at a server."
    PG_BINDIR="$bindir"
    PG_OS_USER="$(id -un)"
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root: run the cluster as an unprivileged user
        PG_OS_USER="postgres"
        id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
        if [ "$mode" != throwaway ] && [ -f "$dir/data/PG_VERSION" ]; then
            say "Note: as root the cluster no longer lives in $dir (unused now, remove it with rm -rf)"
        fi
        dir="$(pg_root_dir "$dir" "$mode")"
        mkdir -p -m 0700 "$dir"
        chown "$PG_OS_USER" "$dir"
    fi
    mkdir -p "$dir"
    PG_PRIVATE_DIR="$dir"
    if [ "$mode" = throwaway ]; then PG_THROWAWAY=1; fi
    as_pg_user test -w "$dir" -a -x "$dir" \
        || die "the PostgreSQL user '$PG_OS_USER' cannot write to $dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $dir"
        rm -rf "$dir/data"
        as_pg_user "$bindir/initdb" -D "$dir/data" -U odoo -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
    local port="${HRPERF_PG_PORT:-}"
    if [ -z "$port" ]; then port="$(free_port)"; fi
    # a cluster left running by an interrupted run of the same folder
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_pg_user "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
        rm -f "$dir/data/postmaster.pid"
    fi
    say "Starting the private PostgreSQL on 127.0.0.1:$port (data: $dir)"
    as_pg_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { tail -20 "$dir/server.log" >&2; die "PostgreSQL did not start"; }
    export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=odoo
    unset PGPASSWORD
    pg_answers || die "the private PostgreSQL does not answer on $PGHOST:$PGPORT"
}

# pg_stop: stop the private cluster (if one was started); remove it when it
# was a throwaway one
pg_stop() {
    if [ -z "$PG_PRIVATE_DIR" ]; then
        return 0
    fi
    if [ -f "$PG_PRIVATE_DIR/data/postmaster.pid" ]; then
        say "Stopping the private PostgreSQL"
        as_pg_user "$PG_BINDIR/pg_ctl" -D "$PG_PRIVATE_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ "$PG_THROWAWAY" = 1 ]; then
        rm -rf "$PG_PRIVATE_DIR"
    fi
    PG_PRIVATE_DIR=""
}

# --------------------------------------------------------------------------
# Odoo configuration
# --------------------------------------------------------------------------
# random_secret: a random password (URL-safe, 32 characters)
random_secret() {
    "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))'
}

# write_odoo_conf FILE DATA_DIR [MASTER_PASSWORD [LIST_DB]]: an Odoo config
# for the current PG* settings, readable by its owner only. The master
# password (admin_passwd) is random unless given; the database manager and the
# database list are off unless LIST_DB is True.
write_odoo_conf() {
    local conf="$1" data_dir="$2" master="${3:-}" list_db="${4:-False}"
    if [ -z "$master" ]; then master="$(random_secret)"; fi
    mkdir -p "$(dirname "$conf")" "$data_dir"
    (
        umask 077
        cat >"$conf" <<EOF
[options]
addons_path = $ROOT/addons,$ODOO_CORE_ADDONS
data_dir = $data_dir
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = ${PGUSER:-False}
db_password = ${PGPASSWORD:-False}
admin_passwd = $master
list_db = $list_db
http_interface = 127.0.0.1
max_cron_threads = 0
EOF
        chmod 600 "$conf"
    )
}

drop_db() {
    "$PYTHON" - "$1" <<'EOF'
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
conn.autocommit = True
conn.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
EOF
}

db_exists() {
    "$PYTHON" - "$1" <<'EOF'
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
cr = conn.cursor()
cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
sys.exit(0 if cr.fetchone() else 1)
EOF
}

# check_log FILE WHAT: fail when Odoo logged a WARNING, ERROR or CRITICAL
check_log() {
    local log="$1" what="$2"
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$log" >"$log.bad"; then
        printf '\033[31m%s logged warnings or errors:\033[0m\n' "$what" >&2
        cat "$log.bad" >&2
        return 1
    fi
    say "$what: no WARNING/ERROR logged"
}
