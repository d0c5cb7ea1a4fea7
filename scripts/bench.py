"""Run the benchmarks in benchmarks/bench_*.py against an Odoo database.

Each benchmark module defines ``main(env, sizes)`` and reports through
:func:`measure`. Every benchmark runs in its own transaction, rolled back at
the end, so the database is left as it was.

    python3 scripts/bench.py -c odoo.conf -d DB [--sizes 1000,10000] [NAME ...]
"""

import argparse
import importlib.util
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import odoo
from odoo.modules.registry import Registry

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def measure(env, label, n):
    """Print ``label``, N, seconds and SQL queries of the block.

    Yields an object whose ``seconds`` (wall clock), ``cpu`` (CPU seconds of
    this process, less sensitive to other jobs on the machine) and
    ``queries`` are set when the block ends, for benchmarks that compare two
    measures.
    """
    result = SimpleNamespace(seconds=None, cpu=None, queries=None)
    env.flush_all()
    cr = env.cr
    queries = cr.sql_log_count
    start = time.perf_counter()
    cpu = time.process_time()
    yield result
    env.flush_all()
    result.seconds = seconds = time.perf_counter() - start
    result.cpu = time.process_time() - cpu
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
