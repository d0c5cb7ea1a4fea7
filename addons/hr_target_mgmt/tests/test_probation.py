# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_targets import TargetCommon


@tagged("post_install", "-at_install")
class TestProbation(TargetCommon):
    """Probation by target: the system proposes, HR decides,
    the contract's trial dates follow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Probation = cls.env["hr.target.probation"]
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Enrolment consultant (test)",
                "performance_basis": "field",
                "probation_target": 10,
                "regular_target": 15,
                "monthly_minimum": 8,
            }
        )
        cls.office_job = cls.env["hr.job"].create(
            {"name": "Teacher (test)", "performance_basis": "office"}
        )
        cls.months = {m: cls._month(2031, m) for m in (1, 2, 4, 5, 6)}
        cls.months[3] = cls.period
        cls.officer = new_test_user(
            cls.env,
            login="probation_officer",
            groups="base.group_user,hr_target_mgmt.group_hr_target_mgmt_hr_officer",
        )
        cls.manager = new_test_user(
            cls.env,
            login="probation_manager",
            groups="base.group_user,hr_target_mgmt.group_hr_target_mgmt_manager",
        )
        cls.sales.manager_id = cls.env["hr.employee"].create(
            {"name": "Sales manager (test)", "user_id": cls.manager.id}
        )

    @classmethod
    def _hire(cls, employee, date_start, trial_date_end, job=None):
        return cls.env["hr.contract"].create(
            {
                "name": f"Contract {employee.name}",
                "employee_id": employee.id,
                "job_id": (job or cls.job).id,
                "wage": 1000,
                "date_start": date_start,
                "trial_date_end": trial_date_end,
                "state": "open",
            }
        )

    @classmethod
    def _results(cls, employee, per_month):
        """One pay-basis target per month, with one entry of the given value."""
        for month, value in per_month.items():
            target = cls._target(
                name=f"{employee.name} {month}",
                employee_id=employee.id,
                period_id=cls.months[month].id,
            )
            if value:
                cls._actual(target, value, date(2031, month, 15))

    def _cron(self, day):
        with freeze_time(day):
            self.Probation._cron_probation_review()

    def _probation(self, employees):
        return self.Probation.search([("employee_id", "in", employees.ids)])

    def test_new_hire_confirmed(self):
        contract = self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._hire(self.wang, date(2031, 1, 1), date(2031, 3, 31), self.office_job)
        self._cron(date(2031, 1, 10))
        probation = self._probation(self.zhang)
        self.assertEqual(len(probation), 1)
        self.assertEqual(probation.state, "running")
        self.assertEqual(probation.reason, "new_hire")
        self.assertEqual(probation.contract_id, contract)
        self.assertEqual(probation.date_start, date(2031, 1, 1))
        self.assertEqual(probation.date_end, date(2031, 3, 31))
        self.assertEqual(probation.monthly_target, 10)
        self.assertFalse(self._probation(self.wang), "office staff are not on targets")
        # running again creates nothing new; nothing due before the end
        self._cron(date(2031, 3, 31))
        self.assertEqual(self._probation(self.zhang), probation)
        self.assertEqual(probation.state, "running")

        self._results(self.zhang, {1: 10, 2: 12, 3: 11})
        self._cron(date(2031, 4, 1))
        self.assertEqual(probation.state, "review")
        self.assertEqual(probation.proposal, "confirm")
        self.assertTrue(probation.target_met)
        self.assertEqual(probation.line_ids.mapped("actual_value"), [10, 12, 11])
        self.assertTrue(all(probation.line_ids.mapped("met")))
        self.assertTrue(probation.activity_ids)

        with freeze_time(date(2031, 4, 2)):
            probation.with_user(self.officer).action_decide_confirm()
        self.assertEqual(probation.state, "confirmed")
        self.assertEqual(probation.decision, "confirm")
        self.assertEqual(probation.decided_by_id, self.officer)
        self.assertEqual(probation.decision_date, date(2031, 4, 2))
        self.assertEqual(contract.trial_date_end, date(2031, 3, 31))
        self.assertEqual(contract.state, "open")
        self.assertFalse(probation.activity_ids)

    def test_generate_targets_from_jobs(self):
        """Monthly targets follow the job: 10 on probation, 15 once regular."""
        self.job.target_measure_id = self.measure
        lin = self.env["hr.employee"].create({"name": "Lin (test)"})
        zhao = self.env["hr.employee"].create(
            {"name": "Zhao (test)", "parent_id": lin.id}
        )
        self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))  # on trial in March
        self._hire(self.wang, date(2030, 1, 1), date(2030, 3, 31))  # regular
        self._hire(lin, date(2030, 1, 1), False, self.office_job)  # office staff
        self._hire(zhao, date(2030, 1, 1), False)
        team = self._target(
            name="Lin's team", level="team", employee_id=lin.id, target_value=30
        )
        self._target(name="Zhao set by hand", employee_id=zhao.id, target_value=12)
        staff = self.zhang | self.wang | lin | zhao
        targets = self.Target._generate_job_targets(self.period | self.quarter, staff)
        self.assertEqual(targets.employee_id, self.zhang | self.wang)
        by_employee = {t.employee_id: t for t in targets}
        self.assertEqual(by_employee[self.zhang].target_value, 10)
        self.assertEqual(by_employee[self.wang].target_value, 15)
        self.assertEqual(by_employee[self.wang].minimum_value, 8)
        self.assertTrue(all(targets.mapped("is_pay_basis")))
        self.assertEqual(targets.period_id, self.period)
        self.assertFalse(targets.parent_id)
        # April: Zhang is regular now; Zhao hangs under his manager's team target
        april = self.months[4]
        team_april = self._target(
            name="Lin's team April",
            level="team",
            employee_id=lin.id,
            period_id=april.id,
            target_value=30,
        )
        targets = self.Target._generate_job_targets(april, staff)
        by_employee = {t.employee_id: t for t in targets}
        self.assertEqual(by_employee[self.zhang].target_value, 15)
        self.assertEqual(by_employee[zhao].parent_id, team_april)
        self.assertNotEqual(team, team_april)
        # nothing twice
        self.assertFalse(self.Target._generate_job_targets(april | self.period, staff))
        action = self.Target._action_generate_job_targets(self.months[5])
        generated = self.Target.search(action["domain"])
        self.assertEqual(
            generated.filtered(lambda t: t.employee_id in staff).employee_id,
            self.zhang | self.wang | zhao,
        )

    def test_cron_works_in_batches(self):
        self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._hire(self.wang, date(2031, 1, 1), date(2031, 3, 31))
        with freeze_time(date(2031, 1, 5)):
            self.Probation._cron_probation_review(batch_size=1)
            self.assertEqual(len(self._probation(self.zhang | self.wang)), 1)
            self.Probation._cron_probation_review(batch_size=1)
            self.assertEqual(len(self._probation(self.zhang | self.wang)), 2)
        with freeze_time(date(2031, 4, 1)):
            self.Probation._cron_probation_review(batch_size=1)
            self.assertEqual(
                sorted(self._probation(self.zhang | self.wang).mapped("state")),
                ["review", "running"],
            )
            self.Probation._cron_probation_review(batch_size=1)
            self.assertEqual(
                self._probation(self.zhang | self.wang).mapped("state"), ["review"] * 2
            )

    def test_extend_then_confirm(self):
        contract = self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 2))
        probation = self._probation(self.zhang)
        self._results(self.zhang, {1: 10, 2: 5, 3: 10, 4: 10})
        self._cron(date(2031, 4, 1))
        self.assertEqual(probation.proposal, "extend")
        self.assertFalse(probation.target_met)
        self.assertEqual(probation.line_ids.mapped("met"), [True, False, True])

        probation.with_user(self.officer).action_decide_extend()
        self.assertEqual(probation.state, "running")
        self.assertEqual(probation.decision, "extend")
        self.assertEqual(probation.date_end, date(2031, 4, 30))
        self.assertEqual(probation.extension_date_start, date(2031, 4, 1))
        self.assertEqual(contract.trial_date_end, date(2031, 4, 30))
        self.assertIn("2031-04-30", contract.message_ids[0].body)

        self._cron(date(2031, 5, 1))
        self.assertEqual(probation.state, "review")
        self.assertEqual(probation.proposal, "confirm")
        self.assertEqual(len(probation.line_ids), 1, "only the extension is judged")
        self.assertTrue(probation.line_ids.is_extension)
        with self.assertRaises(UserError) as error:
            probation.with_user(self.officer).action_decide_extend()
        self.assertIn(self.zhang.name, str(error.exception))
        probation.with_user(self.officer).action_decide_confirm()
        self.assertEqual(probation.state, "confirmed")
        self.assertEqual(contract.trial_date_end, date(2031, 4, 30))

    def test_extend_then_end(self):
        contract = self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 2))
        probation = self._probation(self.zhang)
        self._results(self.zhang, {1: 3, 2: 4, 3: 5, 4: 9})
        self._cron(date(2031, 4, 1))
        probation.with_user(self.officer).action_decide_extend()
        self._cron(date(2031, 5, 1))
        self.assertEqual(probation.proposal, "end")
        with freeze_time(date(2031, 5, 3)):
            probation.with_user(self.officer).action_decide_end()
        self.assertEqual(probation.state, "ended")
        self.assertEqual(probation.decision, "end")
        self.assertEqual(contract.date_end, date(2031, 5, 3))
        self.assertEqual(contract.state, "close")
        self.assertIn(probation.display_name, contract.message_ids[0].body)

    def test_end_without_extension(self):
        """HR may end the contract at once instead of the proposed extension."""
        contract = self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 2))
        probation = self._probation(self.zhang)
        self._cron(date(2031, 4, 1))
        self.assertEqual(probation.proposal, "extend")
        self.assertEqual(probation.line_ids.mapped("actual_value"), [0, 0, 0])
        with freeze_time(date(2031, 4, 1)):
            probation.with_user(self.officer).action_decide_end()
        self.assertEqual(contract.date_end, date(2031, 4, 1))
        self.assertEqual(contract.state, "close")

    def test_partial_months_prorated(self):
        self._hire(self.zhang, date(2031, 1, 16), date(2031, 4, 15))
        self._cron(date(2031, 1, 16))
        probation = self._probation(self.zhang)
        self._results(self.zhang, {1: 0, 2: 10, 3: 10, 4: 5})
        january = self.Target.search(
            [("employee_id", "=", self.zhang.id), ("period_id", "=", self.months[1].id)]
        )
        self._actual(january, 4, date(2031, 1, 15))  # before the hire: not counted
        self._actual(january, 6, date(2031, 1, 20))
        self._cron(date(2031, 4, 16))
        self.assertEqual(
            probation.line_ids.mapped("target_value"), [5.16, 10.0, 10.0, 5.0]
        )
        self.assertEqual(probation.line_ids.mapped("actual_value"), [6, 10, 10, 5])
        self.assertEqual(probation.proposal, "confirm")

    def test_demotion(self):
        contract = self._hire(self.zhang, date(2030, 1, 1), date(2030, 3, 31))
        self._hire(self.wang, date(2030, 1, 1), date(2030, 3, 31))
        # Zhang below the minimum (8) in January and February; Wang only once
        self._results(self.zhang, {1: 5, 2: 7})
        self._results(self.wang, {1: 5, 2: 9})
        self._cron(date(2031, 3, 5))
        proposal = self._probation(self.zhang)
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.reason, "demotion")
        self.assertEqual(proposal.state, "proposed")
        self.assertEqual(proposal.proposal, "demote")
        self.assertEqual(proposal.line_ids.mapped("actual_value"), [5, 7])
        self.assertEqual(proposal.line_ids.mapped("target_value"), [8, 8])
        self.assertFalse(self._probation(self.wang))
        self.assertEqual(
            contract.trial_date_end, date(2030, 3, 31), "nothing decided yet"
        )
        # scanning again the same month proposes nothing new
        self._cron(date(2031, 3, 20))
        self.assertEqual(self._probation(self.zhang), proposal)

        with freeze_time(date(2031, 3, 6)):
            proposal.with_user(self.officer).action_decide_demote()
        self.assertEqual(proposal.state, "running")
        self.assertEqual(proposal.decision, "demote")
        self.assertEqual(proposal.date_start, date(2031, 4, 1))
        self.assertEqual(proposal.date_end, date(2031, 5, 31))
        self.assertEqual(proposal.monthly_target, 10)
        self.assertEqual(contract.trial_date_end, date(2031, 5, 31))

        # judged as a new hire: April and May met → confirm
        self._results(self.zhang, {4: 10, 5: 11})
        self._cron(date(2031, 6, 1))
        self.assertEqual(proposal.state, "review")
        self.assertEqual(proposal.proposal, "confirm")
        self.assertEqual(len(proposal.line_ids), 2)
        # while on demotion probation, no new demotion proposal
        self.assertEqual(self._probation(self.zhang), proposal)

    def test_demotion_rejected(self):
        contract = self._hire(self.zhang, date(2030, 1, 1), date(2030, 3, 31))
        self._results(self.zhang, {1: 0, 2: 1})
        self._cron(date(2031, 3, 1))
        proposal = self._probation(self.zhang)
        proposal.with_user(self.officer).write({"decision_note": "Ill in February"})
        proposal.with_user(self.officer).action_decide_keep()
        self.assertEqual(proposal.state, "cancelled")
        self.assertEqual(proposal.decision, "keep")
        self.assertEqual(contract.trial_date_end, date(2030, 3, 31))
        # not proposed again for the same months
        self._cron(date(2031, 3, 2))
        self.assertEqual(self._probation(self.zhang), proposal)
        with self.assertRaises(UserError):
            proposal.with_user(self.officer).action_decide_demote()

    def test_only_hr_decides(self):
        self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 2))
        probation = self._probation(self.zhang)
        self._cron(date(2031, 4, 1))
        # the department manager sees the proposal but cannot decide
        self.assertEqual(probation.with_user(self.manager).proposal, "extend")
        with self.assertRaises(AccessError):
            probation.with_user(self.manager).action_decide_extend()
        with self.assertRaises(AccessError):
            probation.with_user(self.manager).write({"decision_note": "x"})
        self.assertEqual(probation.state, "review")
        # decisions follow the state machine
        with self.assertRaises(UserError):
            probation.with_user(self.officer).action_decide_demote()

    # ------------------------------------------------------------------
    # the month table of a running probation
    # ------------------------------------------------------------------
    def _table(self, probation):
        return [
            (
                line.month.strftime("%Y-%m"),
                line.target_value,
                line.actual_value,
                line.met,
                line.in_progress,
            )
            for line in probation.line_ids
        ]

    def test_running_month_table(self):
        """Each month begun shows its target and the results so far; the
        probation is on track (target met) while every month over met its
        target — computed by hand below."""
        self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 10))
        probation = self._probation(self.zhang)
        self.assertEqual(self._table(probation), [("2031-01", 10, 0, False, True)])
        self.assertFalse(probation.target_met, "no month over yet")
        targets = {
            month: self._target(
                name=f"Zhang {month}",
                employee_id=self.zhang.id,
                period_id=self.months[month].id,
            )
            for month in (1, 2, 3)
        }
        # results entered by the sales manager refresh the table at once
        with freeze_time(date(2031, 1, 20)):
            self.Actual.with_user(self.manager).create(
                {"target_id": targets[1].id, "date": date(2031, 1, 18), "value": 12}
            )
        self.assertEqual(self._table(probation), [("2031-01", 10, 12, True, True)])
        # the new month: January is over (12 ≥ 10), February begins
        self._cron(date(2031, 2, 1))
        self.assertEqual(
            self._table(probation),
            [("2031-01", 10, 12, True, False), ("2031-02", 10, 0, False, True)],
        )
        self.assertTrue(probation.target_met, "on track: January met")
        with freeze_time(date(2031, 2, 20)):
            self._actual(targets[2], 7, date(2031, 2, 20))
        self.assertTrue(probation.target_met, "February is not over yet")
        # March: February is over with 7 < 10, no longer on track
        self._cron(date(2031, 3, 1))
        self.assertEqual(
            self._table(probation),
            [
                ("2031-01", 10, 12, True, False),
                ("2031-02", 10, 7, False, False),
                ("2031-03", 10, 0, False, True),
            ],
        )
        self.assertFalse(probation.target_met)
        self.assertEqual(probation.state, "running")
        # a corrected February result puts it back on track
        with freeze_time(date(2031, 3, 2)):
            targets[2].actual_ids.write({"value": 11})
        self.assertTrue(probation.target_met)
        self.assertEqual(probation.line_ids[1].actual_value, 11)
        # at the end the review judges every month
        with freeze_time(date(2031, 3, 15)):
            self._actual(targets[3], 10, date(2031, 3, 15))
        self._cron(date(2031, 4, 1))
        self.assertEqual(probation.state, "review")
        self.assertEqual(probation.proposal, "confirm")
        self.assertEqual(
            [line[2:] for line in self._table(probation)],
            [(12, True, False), (11, True, False), (10, True, False)],
        )

    def test_running_tables_refreshed_in_batch(self):
        """The daily refresh of many probations: one grouped read of the
        results, whatever their number."""
        self._hire(self.zhang, date(2031, 1, 1), date(2031, 3, 31))
        self._hire(self.wang, date(2031, 1, 1), date(2031, 3, 31))
        self._cron(date(2031, 1, 2))
        self._results(self.zhang, {1: 10, 2: 12})
        self._results(self.wang, {1: 5})
        with freeze_time(date(2031, 2, 10)):
            refreshed = self.Probation._refresh_running()
        probations = self._probation(self.zhang | self.wang)
        self.assertEqual(refreshed & probations, probations)
        zhang = probations.filtered(lambda p: p.employee_id == self.zhang)
        wang = probations - zhang
        self.assertEqual(zhang.line_ids.mapped("actual_value"), [10, 12])
        self.assertEqual(wang.line_ids.mapped("actual_value"), [5, 0])
        self.assertTrue(zhang.target_met)
        self.assertFalse(wang.target_met)
        # an employee without a running probation: nothing is refreshed
        self.assertFalse(self.Probation._refresh_running(self.env["hr.employee"]))
