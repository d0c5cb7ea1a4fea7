# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def migrate(cr, version):
    """The module's counting measures (noupdate data) count whole people."""
    cr.execute(
        """
        UPDATE hr_target_measure
           SET decimal_places = 0
         WHERE id IN (
               SELECT res_id
                 FROM ir_model_data
                WHERE module = 'hr_target_mgmt'
                  AND model = 'hr.target.measure'
                  AND name IN ('measure_enrolments', 'measure_complaints'))
        """
    )
