"""Insert thousands of records in one query.

``Model.create`` inserts by hundreds and reads back, so the number of SQL
queries of a batch grows with its size. Batch jobs of the suite (a monthly
run's lines, an appraisal cycle's reviews, a profit-sharing plan's shares,
a session's attendees) insert their rows with :func:`insert_rows` instead:
one ``INSERT ... RETURNING id`` whatever the number of rows.

Server code only: the caller checks the user's rights and validates the
values first (no ``create`` override, constraint method or tracking runs
here; SQL constraints of the table still hold).
"""

from odoo.tools import SQL


def insert_rows(model, rows):
    """Insert ``rows`` (a list of dicts of column values, the same keys in
    every row) into the table of ``model`` and return the new records.

    Stored fields missing from the rows get their default (``default_get``)
    when they are not computed; stored computed fields missing from the rows
    are scheduled for computation by the ORM, as ``create`` would. The log
    access columns are filled with the current user and time."""
    if not rows:
        return model.browse()
    env = model.env
    env.flush_all()
    now = env.cr.now()
    stored = {
        name: field
        for name, field in model._fields.items()
        if field.store and field.column_type and name != "id"
    }
    given = set(rows[0])
    unknown = given - set(stored)
    if unknown:
        raise ValueError(f"{model._name}: no stored column {sorted(unknown)}")
    missing = set(stored) - given
    to_compute = {name for name in missing if stored[name].compute}
    defaults = model.default_get(sorted(missing - to_compute))
    if model._log_access:
        defaults.update(
            create_uid=env.uid, create_date=now, write_uid=env.uid, write_date=now
        )
    columns = sorted(given | (missing - to_compute))
    values = [
        tuple(
            stored[column].convert_to_column(
                row[column] if column in row else defaults.get(column, False),
                model,
            )
            for column in columns
        )
        for row in rows
    ]
    query = SQL(
        "INSERT INTO %s (%s) VALUES %%s RETURNING id",
        SQL.identifier(model._table),
        SQL(", ").join(SQL.identifier(column) for column in columns),
    )
    ids = [
        row[0]
        for row in env.cr.execute_values(
            query.code, values, page_size=len(values), fetch=True
        )
    ]
    model.invalidate_model()
    records = model.browse(ids)
    for name in to_compute:
        env.add_to_compute(stored[name], records)
    return records
