# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Training budget arithmetic (培训费用预算), free of the ORM.

Every amount is exact (:mod:`~odoo.addons.hr_target_mgmt.tools.money`):
decimals rounded half-up to the currency's step, never binary floats.

* A budget's *planned* amount is the sum of its cost lines (trainer, venue,
  materials, external fees, travel, other); its *actual* amount the sum of
  the costs booked against it (session costs, approved reimbursements).
* The *variance* is actual − planned: positive when the budget is overspent.
* A plan asks for its lines' budgets; it is *over budget* when that request
  is more than what is still available: the budget's planned amount minus
  what the plans approved before it already committed. The overrun is the
  part of the request beyond the available amount (0 when it fits).
* Cost amounts are never negative: a refund is not a cost line of its own,
  the refunded cost is corrected instead.
"""

from decimal import Decimal

from odoo.addons.hr_target_mgmt.tools.money import check_amount, round_money

#: The cost types of a budget line (trainers, venue, materials, external
#: fees, travel, other).
COST_TYPES = ("trainer", "venue", "materials", "external", "travel", "other")


def check_cost(amount):
    """``amount`` as an exact Decimal; raises
    :class:`~odoo.addons.hr_target_mgmt.tools.money.MoneyError` when it is
    negative, not finite or beyond any budget."""
    return check_amount(amount)


def total(amounts, rounding=0.01):
    """Exact sum of ``amounts`` (each checked by :func:`check_cost`), rounded
    to the currency's step."""
    return round_money(
        sum((check_cost(amount) for amount in amounts), Decimal(0)), rounding
    )


def variance(planned, actual, rounding=0.01):
    """Actual − planned: positive when overspent, negative when under."""
    return round_money(check_cost(actual) - check_cost(planned), rounding)


def usage_rate(planned, actual):
    """Actual as a percentage of planned, two decimals; ``None`` when
    nothing was planned (no rate, whatever was spent)."""
    planned = check_cost(planned)
    if not planned:
        return None
    return round_money(check_cost(actual) * 100 / planned, Decimal("0.01"))


def available(planned, committed, rounding=0.01):
    """What a budget still offers: planned − committed (negative when the
    plans already approved exceed it)."""
    return round_money(check_cost(planned) - check_cost(committed), rounding)


def overrun(planned, committed, request, rounding=0.01):
    """The part of ``request`` beyond what the budget still offers (0 when
    the request fits). ``committed`` is what other approved plans take."""
    left = available(planned, committed, rounding)
    over = round_money(check_cost(request), rounding) - max(left, Decimal(0))
    return over if over > 0 else round_money(0, rounding)
