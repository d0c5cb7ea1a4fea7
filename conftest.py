"""Root pytest configuration: a skipped test is a failed run.

The suite never calls a skipped Odoo test green (no Odoo, no HTTP server, no
browser...): any skip turns the session's exit status into a failure.
"""


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        session.exitstatus = 1
        reporter.write_line(
            f"{len(skipped)} test(s) skipped: skipped tests fail this suite", red=True
        )
