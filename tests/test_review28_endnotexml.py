"""review28: an EndNote XML export with a document type declaration after its XML
declaration is still an EndNote XML export.

Before, ``<!DOCTYPE xml>`` between ``<?xml …?>`` and ``<xml><records>`` hid the export from
detection: it was read as page text, its tags paired as keywords (``<!DOCTYPE xml>`` –
``xml>`` preferred), and one declaring entities was read the same way rather than refused.
Oracle: the same real export (``tests/data/records/endnotexml``) without the declaration.
"""

from __future__ import annotations

import pytest

from termkit.errors import FormatError
from termkit.records import detect_format, parse_records
from tests.conftest import DATA

CNKI = DATA / "records" / "endnotexml" / "cnki2xml-TEMP.cut.xml"


def _with_doctype(doctype: str) -> str:
    text = CNKI.read_text(encoding="utf-8")
    head, rest = text.split("?>", 1)
    return f"{head}?>{doctype}{rest}"


def _fields(records):  # type: ignore[no-untyped-def]
    return [(r.title_zh, r.keywords_zh, [p.zh for p in r.authors], r.date) for r in records]


@pytest.mark.parametrize("doctype", ["\n<!DOCTYPE xml>", "<!DOCTYPE xml SYSTEM \"records.dtd\">",
                                     "\n<!-- EndNote -->\n<!DOCTYPE xml [\n]>\n"])
def test_a_doctype_leaves_an_export_an_export(doctype: str) -> None:
    text = _with_doctype(doctype)
    assert detect_format(str(CNKI), text) == "endnotexml"
    want = _fields(parse_records(CNKI.read_bytes(), "plain.xml"))
    assert want and all(kw for _t, kw, _a, _d in want)
    assert _fields(parse_records(text.encode("utf-8"), "doctype.xml")) == want


def test_an_export_declaring_entities_is_refused_at_its_line() -> None:
    text = _with_doctype('\n<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>')
    with pytest.raises(FormatError) as err:
        parse_records(text.encode("utf-8"), "bomb.xml")
    assert err.value.line == 2
