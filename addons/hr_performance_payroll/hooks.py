# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def uninstall_hook(env):
    """Remove the payslips of the demo batch before the module's data.

    Confirmed payslips cannot be deleted, and the demo payslips use the
    module's salary rules and the demo employees of ``hr_target_mgmt``: left
    in place, they would keep the module's demo data from being removed.
    Only the payslips of the demo batch are removed (nothing happens on a
    database without demo data); deleting them releases the lines they paid.
    """
    batch = env.ref(
        "hr_performance_payroll.demo_payslip_run_e1", raise_if_not_found=False
    )
    if not batch:
        return
    slips = batch.sudo().slip_ids
    slips.write({"state": "cancel"})
    slips.unlink()
