"""A glossary form holding a line break (a title printed on two lines, as build keeps it)
locks where it stands whole, in every engine and across a stream's chunks.

The forms are the two-line Chinese title of a real dev2 record (see
``tests/data/records/README.md``) and a keyword whose Taiwan form differs from OpenCC's.
"""

from __future__ import annotations

import pytest

from termkit.convert import Converter
from termkit.convert.audit import audit_glossary
from termkit.model import Concept, Glossary, Term

TITLE_HANT = "女遊與女性自傳式書寫中的家國語藝\n──以《逆旅》、《漫遊者》、《海神家族》為分析對象"
TITLE_HANS = "女游与女性自传式书写中的家国语艺\n──以《逆旅》、《漫游者》、《海神家族》为分析对象"


def _glossary() -> Glossary:
    return Glossary([
        Concept("c1", kind="title", terms=[Term(TITLE_HANT, "zh-Hant", origin="record"),
                                           Term(TITLE_HANS, "zh-Hans", origin="opencc:t2s")]),
        # (s2twp writes 分析物件 for 分析对象: a one-line form of the same words, locked too)
        Concept("c2", terms=[Term("分析对象", "zh-Hans"), Term("分析對象", "zh-Hant-TW")]),
    ])


def _text() -> str:
    return (f"題名：{TITLE_HANS}。\n"
            "女游与女性自传式书写中的家国语艺\n只有第一行。\n"  # the first line alone: no lock
            f"{TITLE_HANS}{TITLE_HANS}\n分析对象\n")


def test_opencc_alone_changes_the_title() -> None:
    assert "分析物件" in Converter("s2twp").convert(TITLE_HANS)


@pytest.mark.parametrize("engine", ["python", "opencc"])
def test_a_form_with_a_line_break_locks_in_every_engine(engine: str) -> None:
    conv = Converter("s2twp", _glossary(), engine=engine)
    text = _text()
    out = conv.convert(text)
    assert out.count(TITLE_HANT) == 3
    plain = conv.plain(text)
    assert plain.endswith("分析物件\n")
    assert out == plain.replace(conv.plain(TITLE_HANS), TITLE_HANT).removesuffix("分析物件\n") \
        + "分析對象\n"
    spans = conv.matches(text)
    assert [text[s:e] for s, e, _t in spans] == [TITLE_HANS, TITLE_HANS, TITLE_HANS, "分析对象"]
    assert [t for _s, _e, t in spans] == [TITLE_HANT] * 3 + ["分析對象"]


def test_the_compiled_lock_is_kept_beside_a_form_with_a_line_break() -> None:
    # (a form with a line break made compile_lock refuse the whole lock: OpenCC's text
    # dictionaries are line-based; such forms are read before the lock now)
    conv = Converter("s2twp", _glossary(), engine="opencc")
    assert conv.compiled_lock() is not None
    assert set(conv.locks) == {"分析对象", "分析對象"}
    crlf = {t.replace("\n", "\r\n") for t in (TITLE_HANS, TITLE_HANT)}  # Windows line ends
    assert set(conv.broken_locks) == {TITLE_HANS, TITLE_HANT, *crlf}


@pytest.mark.parametrize("size", [1, 7, 40])
def test_a_stream_is_never_cut_inside_a_form_with_a_line_break(size: int) -> None:
    # (the title alone: the one-line keyword would lock its second line's 分析对象 anyway)
    conv = Converter("s2twp", Glossary(_glossary().concepts[:1]), engine="python")
    text = _text() * 3
    pieces = [text[i:i + size] for i in range(0, len(text), size)]
    streamed = list(conv.convert_stream(iter(pieces), chunk_size=size))
    assert len(streamed) > 1  # cut somewhere
    assert "".join(streamed) == conv.convert(text)
    assert "".join(streamed).count(TITLE_HANT) == 3 * 3


def test_audit_reads_a_glossary_with_a_line_break() -> None:
    rows = audit_glossary(_glossary(), ["s2twp"])
    title = [r for r in rows if r.concept == "c1"]
    assert len(title) == 1 and title[0].not_inside == []
