# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def selection_labels(records, fname):
    """``{value: label}`` of the selection field ``fname`` of ``records``,
    translated in the language of the suite's ``_()`` messages that quote
    them: the context's language, else the user's. ``_()`` falls back on the
    user's language when the context has none (an RPC call, a scheduled
    action, data loading) where the field's labels would stay in English:
    a message would then read “Employee”层级."""
    env = records.env
    if not env.lang:
        lang = env["res.users"].context_get().get("lang")
        if lang:
            env = env(context=dict(env.context, lang=lang))
    return dict(records._fields[fname]._description_selection(env))
