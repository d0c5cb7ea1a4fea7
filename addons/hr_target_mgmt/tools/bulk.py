"""Insert or update thousands of records in one query.

``Model.create`` inserts by hundreds and reads back, so the number of SQL
queries of a batch grows with its size. Batch jobs of the suite (a monthly
run's lines, an appraisal cycle's reviews, a profit-sharing plan's shares,
a session's attendees) insert their rows with :func:`insert_rows` instead:
one ``INSERT ... RETURNING id`` whatever the number of rows; they write
values that differ from record to record with :func:`update_rows` (one
``UPDATE ... FROM (VALUES ...)``, where ``write`` updates by hundreds).

Server code only: the caller checks the user's rights and validates the
values first (no ``create`` override, constraint method or tracking runs
here; SQL constraints of the table still hold).
"""

from odoo.tools import SQL


def _column_value(field, value, model):
    """``value`` as a parameter of an INSERT or an UPDATE: translated fields
    store their value in the current language (and English), as ``create``
    does."""
    if field.translate:
        return field.convert_to_column_insert(value, model)
    return field.convert_to_column(value, model)


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
            _column_value(
                stored[column],
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


def update_rows(records, values):
    """Write ``values`` (a dict ``{record id: {column: value}}``, the same
    columns for every record) on ``records`` in one
    ``UPDATE ... FROM (VALUES ...)`` whatever their number.

    The cache of the columns is invalidated and their pending computation
    on the records is dropped (the values given are the final ones); the
    fields that depend on them are not marked: the caller writes them in the
    same call, or calls ``modified``. Server code only, as
    :func:`insert_rows`."""
    model = records.browse()
    if not values:
        return model
    env = model.env
    env.flush_all()
    names = sorted(next(iter(values.values())))
    fields = [model._fields[name] for name in names]
    for field in fields:
        if not (field.store and field.column_type) or field.name == "id":
            raise ValueError(f"{model._name}: no stored column {field.name}")
    columns = list(names)
    log = []
    if model._log_access:
        columns += ["write_uid", "write_date"]
        log = [env.uid, env.cr.now()]
    query = SQL(
        "UPDATE %s SET %s FROM (VALUES %%s) AS v(id, %s) WHERE %s.id = v.id",
        SQL.identifier(model._table),
        SQL(", ").join(
            SQL(
                "%s = v.%s::%s",
                SQL.identifier(column),
                SQL.identifier(column),
                SQL(model._fields[column].column_type[1]),
            )
            for column in columns
        ),
        SQL(", ").join(SQL.identifier(column) for column in columns),
        SQL.identifier(model._table),
    )
    rows = [
        (
            record_id,
            *(_column_value(field, vals[field.name], model) for field in fields),
            *log,
        )
        for record_id, vals in values.items()
    ]
    env.cr.execute_values(query.code, rows, page_size=len(rows))
    updated = model.browse(list(values))
    updated.invalidate_recordset(columns)
    for field in fields:
        env.remove_to_compute(field, updated)
    return updated
