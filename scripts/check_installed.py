"""Check module states, or uninstall modules, in an Odoo database.

Used by the test command: ``--installed``/``--absent`` assert module states,
``--uninstall`` uninstalls modules (and what depends on them) and writes
Odoo's log to ``--logfile`` so that the caller can check it for warnings.
"""

import argparse
import sys

import odoo
from odoo.modules.registry import Registry


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--installed", default="")
    parser.add_argument("--absent", default="")
    parser.add_argument("--uninstall", default="")
    parser.add_argument("--logfile", default="")
    args = parser.parse_args()
    options = ["-c", args.config, "-d", args.database, "--log-level=warn"]
    if args.logfile:
        options += ["--log-level=info", f"--logfile={args.logfile}"]
    odoo.tools.config.parse_config(options)
    registry = Registry(args.database)
    failures = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        modules = env["ir.module.module"]
        for name in filter(None, args.installed.split(",")):
            state = modules.search([("name", "=", name)]).state
            if state != "installed":
                failures.append(f"{name} should be installed, is {state}")
        for name in filter(None, args.absent.split(",")):
            state = modules.search([("name", "=", name)]).state
            if state == "installed":
                failures.append(f"{name} should not be installed")
        names = [n for n in args.uninstall.split(",") if n]
        if names:
            to_remove = modules.search([("name", "in", names)])
            if len(to_remove) != len(names) or any(
                m.state != "installed" for m in to_remove
            ):
                failures.append(f"not all of {names} are installed")
            else:
                to_remove.button_immediate_uninstall()
    if names and not failures:
        with Registry(args.database).cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            left = env["ir.module.module"].search(
                [("name", "in", names), ("state", "!=", "uninstalled")]
            )
            failures += [f"{m.name} is still {m.state}" for m in left]
    if failures:
        sys.stderr.write("\n".join(failures) + "\n")
        sys.exit(1)
    sys.stdout.write("module checks passed\n")


if __name__ == "__main__":
    main()
