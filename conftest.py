"""Root pytest configuration.

* A skipped test is a failed run: the suite never calls a skipped Odoo test
  green (no Odoo, no HTTP server, no browser...).
* pytest-odoo imports ``odoo.tests`` before Odoo's test mode is on (it turns
  ``test_enable`` on per test module, because turning it on globally would run
  every addon's at_install tests when the registry loads); Odoo then logs a
  false "Importing test framework" error. That one message is dropped.
"""

import logging


class _DropTestFrameworkImportError(logging.Filter):
    def filter(self, record):
        return not str(record.msg).startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_DropTestFrameworkImportError())


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        session.exitstatus = 1
        reporter.write_line(
            f"{len(skipped)} test(s) skipped: skipped tests fail this suite", red=True
        )
