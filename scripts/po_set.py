"""Fill translations of a .po file from a JSON object read on stdin.

    python3 scripts/po_set.py addons/x/i18n/zh_CN.po <<'JSON'
    {"Targets": "目标", "Periods": "期间"}
    JSON

Every entry whose msgid is a key gets the value as msgstr (and loses its
fuzzy flag). The msgids still untranslated afterwards are printed.
"""

import json
import sys

import polib


def main(path):
    mapping = json.load(sys.stdin)
    po = polib.pofile(path, wrapwidth=78)
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(path)
    for entry in po.untranslated_entries():
        sys.stdout.write(f"untranslated: {entry.msgid!r}\n")


if __name__ == "__main__":
    main(sys.argv[1])
