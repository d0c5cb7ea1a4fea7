# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import BonusShareCase

# the values the plan's computation gives for each share
INPUT_FIELDS = (
    "department_line_id",
    "employee_id",
    "contract_id",
    "grade_id",
    "months_service",
    "on_probation",
    "is_head",
    "outstanding",
    "amount_proposed",
    "amount_adjusted",
    "rule",
)


@tagged("post_install", "-at_install")
class TestBonusShareBulk(BonusShareCase):
    def _stored_columns(self, Share):
        return [
            name
            for name, field in Share._fields.items()
            if field.store
            and field.column_type
            and name not in ("id", "create_date", "write_date")
        ]

    def _snapshot(self, shares, columns):
        """Every stored column of ``shares``, read back from the database."""
        self.env.flush_all()
        shares.invalidate_recordset()
        return {
            share.employee_id.id: {name: share[name] for name in columns}
            for share in shares
        }

    def test_insert_stores_what_create_stores(self):
        """The plan's single INSERT of the shares and the ORM's create store
        the same value in every stored column (other addons' included, e.g.
        the payslip of the payroll bridge)."""
        Share = self.env["hr.bonus.share"].sudo()
        plan = self._computed_plan()
        self.assertEqual(plan.state, "computed")
        computed = plan.share_ids
        self.assertEqual(len(computed), 6)
        vals_list = [
            {
                name: (
                    share[name].id
                    if share._fields[name].type == "many2one"
                    else share[name]
                )
                for name in INPUT_FIELDS
            }
            for share in computed.sorted("id")
        ]
        columns = self._stored_columns(Share)
        inserted = self._snapshot(computed, columns)
        computed.unlink()
        created = Share.create(vals_list)
        orm = self._snapshot(created, columns)
        created.unlink()
        again = Share._insert_shares(plan, vals_list)
        raw = self._snapshot(again, columns)
        self.assertEqual(set(orm), set(raw))
        for employee_id, values in orm.items():
            for name in columns:
                self.assertEqual(values[name], raw[employee_id][name], name)
                # the plan's computation ran as finance
                if name not in ("create_uid", "write_uid"):
                    self.assertEqual(values[name], inserted[employee_id][name], name)
        # the plan and its departments see the inserted shares
        self.assertEqual(plan.share_ids, again)
        self.assertEqual(plan.amount_allocated, 300000)
        for line in plan.department_ids:
            self.assertEqual(line.share_ids, again & line.share_ids)
            self.assertAlmostEqual(line.amount_allocated, line.amount, places=2)
        # the payable columns follow the plan afterwards as after create
        sample = again.filtered("amount")[:1]
        self.assertEqual(sample.payable_amount, sample.amount)
        self.assertEqual(sample.payable_input_code, "YEAR_BONUS")
        self.assertFalse(sample.payable)
        self.assertEqual(sample.plan_state, "computed")

    def test_insert_refuses_shares_of_another_plan(self):
        plan = self._computed_plan()
        other = self._new_plan(fiscal_year=plan.fiscal_year - 1)
        vals = {
            "department_line_id": plan.department_ids[0].id,
            "employee_id": self.zhang.id,
            "contract_id": False,
            "grade_id": False,
            "months_service": 12.0,
            "on_probation": False,
            "is_head": False,
            "outstanding": False,
            "amount_proposed": 0.0,
            "amount_adjusted": 0.0,
            "rule": "A",
        }
        with self.assertRaises(ValueError):
            self.env["hr.bonus.share"].sudo()._insert_shares(other, [vals])

    def test_compute_queries_do_not_grow_with_departments(self):
        """Computing a plan reads departments, employees and grades in bulk:
        computing it again costs the same number of queries, and adding an
        employee does not add a query."""
        plan = self._computed_plan()
        finance = self._as("finance", plan)

        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            finance.action_compute()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        first = count()
        newcomer = self.env["hr.employee"].create(
            {
                "name": "赵小新",
                "department_id": self.teaching.id,
                "company_id": self.company.id,
                "bonus_grade_id": self._share(plan, self.zhang).grade_id.id,
            }
        )
        # without a contract the new employee is reported: give one
        self.env["hr.contract"].create(
            {
                "name": "赵小新 - 劳动合同",
                "employee_id": newcomer.id,
                "wage": 3000,
                "date_start": f"{plan.fiscal_year - 2}-01-01",
                "state": "open",
            }
        )
        second = count()
        self.assertEqual(len(plan.share_ids), 7)
        self.assertLessEqual(second, first)
