"""The editable glossary text format and glossary JSON: round trips, errors with lines."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import FormatError
from termkit.formats import detect, json_glossary, termkit_text
from termkit.model import Concept, Glossary, Kind, Source, Status, Term

# CJK, Latin, XML- and format-hostile characters (backslashes, colons, brackets, newlines).
_text = st.text(
    alphabet=st.sampled_from(list("權力平衡现实主义越南 abcXYZ'\"<>&:;[]#\\\t\n|=-")),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() == s and s != "")

_source = st.builds(
    Source,
    path=st.sampled_from(["a.txt", "dir/b c.txt", "天.txt"]),
    line=st.none() | st.integers(1, 9999),
    record=st.none() | st.sampled_from(["r1", "000_0b41616da47512dd"]),
)

_term = st.builds(
    Term,
    text=_text,
    lang=st.sampled_from(["en", "zh-Hant", "zh-Hans", "zh-Hant-TW", "zh-Hans-CN"]),
    status=st.sampled_from(list(Status)),
    origin=st.none() | st.sampled_from(["record", "title", "opencc:t2s"]),
    pinyin=st.none() | _text,
    support=st.integers(1, 50),
    sources=st.lists(_source, max_size=2),
    part_of_speech=st.none() | st.sampled_from(["noun", "verb"]),
    term_type=st.none() | st.sampled_from(["fullForm", "acronym"]),
    note=st.none() | _text,
    zhuyin=st.none() | _text,
)

_concept = st.builds(
    Concept,
    id=st.from_regex(r"c[0-9a-f]{12}", fullmatch=True),
    kind=st.sampled_from(list(Kind)),
    terms=st.lists(_term, min_size=1, max_size=4),
    domains=st.lists(_text, max_size=2),
    status=st.sampled_from(list(Status)),
    confidence=st.none() | st.floats(0, 1).map(lambda x: round(x, 3)),
    sources=st.lists(_source, max_size=2),
    notes=st.lists(_text.filter(lambda s: not s.startswith("conflict:")), max_size=2),
    props=st.dictionaries(st.from_regex(r"x-[a-z]{1,6}", fullmatch=True), _text, max_size=2),
)


def _unique_ids(concepts: list[Concept]) -> list[Concept]:
    seen: dict[str, Concept] = {}
    for c in concepts:
        seen.setdefault(c.id, c)
    return list(seen.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(_concept, max_size=5).map(_unique_ids))
def test_text_format_round_trips_every_field(concepts: list[Concept]) -> None:
    g = Glossary(concepts=concepts, header={"source": "tests", "licence": "CC BY-SA 4.0"})
    buf = io.BytesIO()
    termkit_text.write_glossary(g, buf)
    back = termkit_text.read_glossary(io.BytesIO(buf.getvalue()), "g.glossary.txt")
    assert back.concepts == g.concepts
    assert back.header == g.header
    # Writing again gives the same bytes: the format is stable.
    again = io.BytesIO()
    termkit_text.write_glossary(back, again)
    assert again.getvalue() == buf.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.lists(_concept, max_size=4).map(_unique_ids))
def test_json_round_trips_every_field(concepts: list[Concept]) -> None:
    g = Glossary(concepts=concepts)
    buf = io.BytesIO()
    json_glossary.write_glossary(g, buf)
    back = json_glossary.read_glossary(io.BytesIO(buf.getvalue()), "g.json")
    assert back.concepts == g.concepts


GOOD = "# termkit glossary 1\n\n[c000000000001]\nkind: keyword\nstatus: preferred\nterm en: realism\n  status: preferred\n"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD + "colour: blue\n", 8, "unknown key 'colour'"),
        (GOOD + "  pinyin: x\n  support: many\n", 9, "support must be a whole number"),
        (GOOD.replace("kind: keyword", "kind: word"), 4, "unknown kind 'word'"),
        (GOOD + "[c000000000001]\n", 8, "duplicate concept id"),
        ("# termkit glossary 1\nkind: keyword\n", 2, "text before the first [concept] header"),
        (GOOD.replace("status: preferred\nterm", "status: preferred\n  status: x\nterm"), 6, "term attribute before any"),
        (GOOD + "just words\n", 8, "expected 'key: value'"),
    ],
)
def test_errors_name_the_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(FormatError) as info:
        termkit_text.read_glossary(io.BytesIO(text.encode()), "g.glossary.txt")
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"g.glossary.txt:{line}")


def test_not_a_glossary_and_not_utf8() -> None:
    with pytest.raises(FormatError, match="not a termkit glossary"):
        termkit_text.read_glossary(io.BytesIO(b"hello\n"), "x.glossary.txt")
    with pytest.raises(FormatError) as info:
        termkit_text.read_glossary(io.BytesIO(GOOD.encode() + b"note: \xff\n"), "x.glossary.txt")
    assert (info.value.line, info.value.column) == (8, 7)
    with pytest.raises(FormatError, match="empty file"):
        termkit_text.read_glossary(io.BytesIO(b""), "x.glossary.txt")


def test_format_detected_from_name() -> None:
    assert detect("out/glossary.txt").name == "termkit"
    assert detect("cross-strait.glossary.txt").name == "termkit"
    assert detect("g.json").name == "json"


@pytest.mark.parametrize(
    "source",
    [
        Source("cgroups/Nobel Prize.json", None, "Nobel Prize"),
        Source("dir/b c.txt", 12, "r 1"),
        Source("plain.txt", 3, None),
        Source("plain.txt", None, None),
    ],
)
def test_sources_with_spaces_round_trip(source: Source) -> None:
    assert termkit_text.parse_source(termkit_text.format_source(source)) == source
