"""Export each addon's .pot and keep its zh_CN.po (and zh_TW.po, when present)
in step with it.

    python3 scripts/i18n.py -c odoo.conf -d DB [ADDON ...]          # update
    python3 scripts/i18n.py -c odoo.conf -d DB --check [ADDON ...]  # verify

The database must have the addons installed. ``update`` rewrites
``i18n/<addon>.pot`` from Odoo's export and merges it into the .po files
(keeping existing translations, marking vanished ones obsolete). ``--check``
fails when a .pot is out of date or a .po misses a translation: every
user-facing string has its zh_CN translation.

zh_TW.po is created with the update and its missing msgstrs are filled from
zh_CN through OpenCC (s2tw: Taiwan standard characters, no phrase rewriting);
translations already in zh_TW.po are kept, so hand corrections stay.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

import polib

import odoo
from odoo.modules.registry import Registry
from odoo.tools.translate import trans_export

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh_CN", "zh_TW")
HEADER_KEYS = ("Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date")


def export_pot(cr, addon):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"{addon}.pot")
        with open(path, "wb") as buf:
            trans_export(False, [addon], buf, "po", cr)
        pot = polib.pofile(path)
    for key in HEADER_KEYS:
        pot.metadata.pop(key, None)
    return pot


def entries(po):
    return {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}


def fill_traditional(po_tw, po_cn):
    """Fill zh_TW's empty msgstrs from zh_CN's, converted by OpenCC."""
    import opencc  # only needed when updating

    converter = opencc.OpenCC("s2tw")
    simplified = entries(po_cn)
    for entry in po_tw:
        source = simplified.get((entry.msgctxt, entry.msgid))
        if not entry.obsolete and not entry.msgstr and source and source.msgstr:
            entry.msgstr = converter.convert(source.msgstr)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("addons", nargs="*")
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    addons = args.addons or sorted(
        p.parent.name for p in ROOT.glob("addons/*/__manifest__.py")
    )
    problems = []
    with Registry(args.database).cursor() as cr:
        for addon in addons:
            i18n = ROOT / "addons" / addon / "i18n"
            i18n.mkdir(exist_ok=True)
            pot = export_pot(cr, addon)
            pot_path = i18n / f"{addon}.pot"
            if args.check:
                old = polib.pofile(str(pot_path)) if pot_path.exists() else []
                if set(entries(pot)) != set(entries(old)):
                    missing = set(entries(pot)) - set(entries(old))
                    problems.append(
                        f"{pot_path.relative_to(ROOT)} is out of date "
                        f"({len(missing)} new strings; run scripts/i18n.py)"
                    )
            else:
                pot.save(str(pot_path))
            for lang in LANGS:
                po_path = i18n / f"{lang}.po"
                if args.check and lang != "zh_CN" and not po_path.exists():
                    continue
                if args.check:
                    if not po_path.exists():
                        problems.append(f"{po_path.relative_to(ROOT)} is missing")
                        continue
                    po = entries(polib.pofile(str(po_path)))
                    for key, entry in entries(pot).items():
                        if key not in po or not po[key].msgstr or po[key].fuzzy:
                            problems.append(
                                f"{po_path.relative_to(ROOT)}: no translation "
                                f"for {entry.msgid[:60]!r}"
                            )
                    continue
                po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
                po.metadata.update(
                    {
                        "Project-Id-Version": "Odoo Server 18.0",
                        "Language": lang,
                        "MIME-Version": "1.0",
                        "Content-Type": "text/plain; charset=UTF-8",
                        "Content-Transfer-Encoding": "",
                        "Plural-Forms": "nplurals=1; plural=0;",
                    }
                )
                po.merge(pot)
                if lang == "zh_TW":
                    fill_traditional(po, polib.pofile(str(i18n / "zh_CN.po")))
                po.save(str(po_path))
    if problems:
        sys.stderr.write("\n".join(problems) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
