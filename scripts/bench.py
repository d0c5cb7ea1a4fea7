"""Run the benchmarks in benchmarks/bench_*.py against an Odoo database.

Each benchmark module defines ``main(env, sizes)`` and reports through
:func:`measure`. Every benchmark runs in its own transaction, rolled back at
the end, so the database is left as it was.

    python3 scripts/bench.py -c odoo.conf -d DB [--sizes 1000,10000] [NAME ...]
"""

import argparse
import importlib.util
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import odoo
from odoo.modules.registry import Registry

ROOT = Path(__file__).resolve().parent.parent


def _db_cpu(cr):
    """CPU seconds used so far by the PostgreSQL process serving ``cr``, or
    None when that process does not run on this machine."""
    pid = cr._cnx.get_backend_pid()
    try:
        with open(f"/proc/{pid}/comm") as comm:
            if not comm.read().startswith("postgres"):
                return None
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, fields 14 and 15 of proc_pid_stat(5)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def measure(env, label, n):
    """Print ``label``, N, seconds and SQL queries of the block.

    Yields an object whose ``seconds`` (wall clock), ``cpu`` (CPU seconds of
    this process), ``db_cpu`` (CPU seconds of the PostgreSQL process serving
    the transaction when it runs on this machine, else None) and ``queries``
    are set when the block ends, for benchmarks that compare two measures
    (CPU seconds depend less than wall-clock ones on the other jobs of a
    shared machine).
    """
    result = SimpleNamespace(seconds=None, cpu=None, db_cpu=None, queries=None)
    env.flush_all()
    cr = env.cr
    queries = cr.sql_log_count
    db_cpu = _db_cpu(cr)
    start = time.perf_counter()
    cpu = time.process_time()
    yield result
    env.flush_all()
    result.seconds = seconds = time.perf_counter() - start
    result.cpu = time.process_time() - cpu
    if db_cpu is not None:
        result.db_cpu = _db_cpu(cr) - db_cpu
    result.queries = queries = cr.sql_log_count - queries
    sys.stdout.write(f"{label:<48} N={n:>6}  {seconds:8.2f} s  {queries:>7} queries\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    sizes = [int(s) for s in args.sizes.split(",")]
    registry = Registry(args.database)
    files = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if args.names:
        files = [f for f in files if f.stem.removeprefix("bench_") in args.names]
    if not files:
        sys.exit("no benchmark found")
    for path in files:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.stdout.write(f"== {path.stem}\n")
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                module.main(env, sizes, measure)
            finally:
                cr.rollback()


if __name__ == "__main__":
    main()
