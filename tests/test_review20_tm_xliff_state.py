"""review20: the memory forgets an XLIFF target's state, so termkit's own fuzzy fills come back
as exact translations.

`tm pretranslate` writes a fuzzy fill into XLIFF 1.2 as `state="needs-review-translation"`
(README: "lower scores … as fuzzy: … XLIFF 1.2 `state="needs-review-translation"`"), and in PO
as `#, fuzzy`. A PO fuzzy entry imported into the memory stays fuzzy (`po:fuzzy`): the next
pre-translation of the same segment is filled as fuzzy ("fuzzy in the memory"). An XLIFF
target's state is dropped on import: the unreviewed 80% fill comes back as a 101% exact match,
`state="translated"`; in XLIFF 2.0 the same with `state="initial"`. The same holds for `state="needs-translation"` / `"new"` (a target that
is only a copy of the source or a draft): `Open file` -> `Open file` is then filled as a
translated 101% match.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import DATA
from tests.inprocess import invoke

NS = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
JOB20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="{NS20}" srcLang="en" trgLang="zh-CN">
<file id="f1">
<unit id="u1"><segment><source>Can not read dictionary: %s</source></segment></unit>
</file></xliff>
"""
JOB = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS}">
<file original="tool.c" source-language="en" target-language="zh-CN" datatype="plaintext">
<body>
<trans-unit id="1"><source>Can not read dictionary: %s</source></trans-unit>
</body></file></xliff>
"""
PO_JOB = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_CN\\n"\n\n#, c-format\nmsgid "Can not read dictionary: %s"\nmsgstr ""\n')


def run(*args: object) -> None:
    code, _, err = invoke(*args)
    assert code == 0, err


def memory(tmp_path: Path) -> Path:
    db = tmp_path / "tm.sqlite"
    run("tm", "import", "--db", db, "-q", DATA / "po" / "opencc-0.1.2-zh_CN.po")
    return db


def target_state(path: Path) -> str | None:
    """XLIFF 1.2: the target's state; XLIFF 2.0: the segment's."""
    tree = etree.parse(str(path))
    target = tree.find(f".//{{{NS}}}target")
    if target is not None:
        return target.get("state")
    segment = tree.find(f".//{{{NS20}}}segment")
    assert segment is not None
    return segment.get("state")


def test_a_po_fuzzy_fill_stays_fuzzy(tmp_path: Path) -> None:
    """What holds: PO's fuzzy flag survives the memory."""
    db = memory(tmp_path)
    job = tmp_path / "job.zh_CN.po"
    job.write_text(PO_JOB, encoding="utf-8")
    first = tmp_path / "first.zh_CN.po"
    run("tm", "pretranslate", "--db", db, job, "-o", first)
    assert "#, c-format, fuzzy" in first.read_text(encoding="utf-8")
    run("tm", "import", "--db", db, first)
    again = tmp_path / "again.zh_CN.po"
    run("tm", "pretranslate", "--db", db, job, "-o", again)
    assert "#, c-format, fuzzy" in again.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "fuzzy"), [(JOB, "needs-review-translation"), (JOB20, "initial")],
                         ids=["xliff12", "xliff20"])
def test_an_xliff_fuzzy_fill_stays_fuzzy(tmp_path: Path, text: str, fuzzy: str) -> None:
    db = memory(tmp_path)
    job = tmp_path / "job.xlf"
    job.write_text(text, encoding="utf-8")
    first = tmp_path / "first.xlf"
    run("tm", "pretranslate", "--db", db, job, "-o", first)
    assert target_state(first) == fuzzy
    run("tm", "import", "--db", db, first)
    again = tmp_path / "again.xlf"
    run("tm", "pretranslate", "--db", db, job, "-o", again)
    assert target_state(again) == fuzzy


def test_an_untranslated_xliff_target_is_no_translation(tmp_path: Path) -> None:
    src = tmp_path / "old.xlf"
    src.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS}">
<file original="ui.txt" source-language="en" target-language="zh-TW" datatype="plaintext">
<body>
<trans-unit id="a"><source>Open file</source><target state="needs-translation">Open file</target></trans-unit>
</body></file></xliff>
""", encoding="utf-8")
    db = tmp_path / "tm.sqlite"
    run("tm", "import", "--db", db, src)
    job = tmp_path / "job.zh_TW.po"
    job.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                   '"Language: zh_TW\\n"\n\nmsgid "Open file"\nmsgstr ""\n', encoding="utf-8")
    out = tmp_path / "out.zh_TW.po"
    run("tm", "pretranslate", "--db", db, job, "-o", out)
    text = out.read_text(encoding="utf-8")
    assert 'msgstr "Open file"' not in text or "#, fuzzy" in text
