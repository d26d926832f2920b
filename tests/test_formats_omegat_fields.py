"""OmegaT's glossary keeps a concept's confidence and props and the origin of a Chinese term
OpenCC made, as items of its third (comment) column, as PO keeps them in its comments."""

from __future__ import annotations

import io

from termkit.formats import omegat
from termkit.model import Concept, Glossary, Kind, Status, Term

PROPS = {
    "evidence": "dictionary",
    "odd; name": "two\nlines, a tab\tand a trailing backslash \\",
    "name: with a colon": "x; y",
    "trailing space": "y ",
    "tmx:x-origin": "t",
}


def _glossary() -> Glossary:
    return Glossary([
        Concept("c000000000001", kind=Kind.KEYWORD, status=Status.PREFERRED, confidence=0.7,
                terms=[Term("neural network", "en", origin="record"),
                       Term("神經網絡", "zh-Hant", origin="opencc:s2t"),
                       Term("神经网络", "zh-Hans", origin="record")],
                props=dict(PROPS)),
        Concept("c000000000002", terms=[Term("realism", "en", origin="record"),
                                        Term("現實主義", "zh-Hant", origin="record")]),
    ])


def _write(g: Glossary, locale: str = "zh_TW") -> bytes:
    out = io.BytesIO()
    omegat.write_glossary(g, out, locale=locale)
    return out.getvalue()


def test_the_fields_are_comment_items_on_one_line() -> None:
    data = _write(_glossary())
    lines = data.decode("utf-8").split("\n")
    assert len(lines) == 4 and lines[-1] == ""  # first-line comment, two rows
    src, tgt, comment = lines[1].split("\t")
    assert (src, tgt) == ("neural network", "神經網絡")
    assert comment == (
        "status: preferred; kind: keyword; confidence: 0.7; prop evidence: dictionary; "
        'prop: {"name: with a colon": "x\\; y"}; '
        "prop odd\\; name: two\\\\nlines, a tab\\\\tand a trailing backslash \\\\\\\\; "
        "prop tmx:x-origin: t; prop trailing space: y ; origin: opencc:s2t; id: c000000000001")
    assert lines[2] == "realism\t現實主義\tid: c000000000002"
    assert _write(_glossary()) == data


def test_they_read_back() -> None:
    back = omegat.read_glossary(io.BytesIO(_write(_glossary())), "g.tsv")
    first = next(c for c in back.concepts if c.id == "c000000000001")
    assert first.confidence == 0.7 and first.props == PROPS and first.notes == []
    assert {t.text: t.origin for t in first.terms} == {"neural network": "import:omegat",
                                                        "神經網絡": "opencc:s2t"}
    second = next(c for c in back.concepts if c.id == "c000000000002")
    assert second.confidence is None and second.props == {}
    assert {t.origin for t in second.terms} == {"import:omegat"}


def test_a_comment_that_only_looks_like_ours_is_a_note() -> None:
    for comment in ("confidence: high; id: c1", 'prop: [1, 2]; id: c1',
                    "confidence: nan; id: c1"):
        text = f"realism\t現實主義\t{comment}\n"
        concept = omegat.read_glossary(io.BytesIO(text.encode("utf-8")), "g.tsv").concepts[0]
        assert concept.notes == [comment] and concept.confidence is None and not concept.props
