"""OmegaT tab-separated glossaries: exact lines written, lenient reading, errors with lines."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.errors import FormatError
from termkit.formats import omegat
from termkit.model import Concept, Glossary, Kind, Status, Term
from tests.conftest import DATA

DELIMITED = DATA / "delimited"


def sample() -> Glossary:
    return Glossary(
        concepts=[
            Concept(
                id="c000000000002",
                kind=Kind.PERSON,
                terms=[Term("Li Ming", "en"), Term("李明", "zh-Hant", pinyin="Lǐ Míng"),
                       Term("李明", "zh-Hans")],
                status=Status.PREFERRED,
                notes=["tab\there; and a\nnewline"],
            ),
            Concept(
                id="c000000000001",
                terms=[Term("language", "en"), Term("語言", "zh-Hant-TW", pinyin="yǔyán"),
                       Term("语言", "zh-Hans")],
                domains=["人文學"],
            ),
            Concept(id="c000000000003", terms=[Term("#hashtag", "en"), Term("主題標籤", "zh-Hant")]),
            Concept(id="c000000000004", terms=[Term("English only", "en")]),
        ]
    )


def write(g: Glossary, **options: object) -> tuple[str, list[str]]:
    buf = io.BytesIO()
    notices = omegat.write_glossary(g, buf, **options)  # type: ignore[arg-type]
    return buf.getvalue().decode("utf-8"), [str(n) for n in notices]


def test_exact_lines_and_skips() -> None:
    text, notices = write(sample())
    assert text.split("\n") == [
        "# Glossary in tab-separated format: en -> zh-TW -*- coding: utf-8 -*-",
        "Li Ming\t李明\tpinyin: Lǐ Míng; status: preferred; kind: person; "
        "note: tab here\\; and a newline; id: c000000000002",
        "language\t語言\tpinyin: yǔyán; domain: 人文學; id: c000000000001",
        "",
    ]
    assert notices == [
        "1 concept skipped: no zh-Hant-TW term",
        "1 concept skipped: source term starts with '#' (OmegaT reads it as a comment)",
    ]


def test_reverse_and_simplified() -> None:
    text, _ = write(sample(), locale="zh_CN", reverse=True)
    lines = text.split("\n")
    assert lines[0].startswith("# Glossary in tab-separated format: zh-CN -> en ")
    # no zh-Hans term for #hashtag: skipped; Chinese sources may start with anything
    assert [ln.split("\t")[:2] for ln in lines[1:-1]] == [["李明", "Li Ming"], ["语言", "language"]]


def test_round_trip_of_our_file() -> None:
    text, _ = write(sample(), locale="zh_CN", reverse=True)
    g = omegat.read_glossary(io.BytesIO(text.encode()), "g.utf8")
    person = next(c for c in g.concepts if c.id == "c000000000002")
    assert [(t.lang, t.text) for t in person.terms] == [("zh-Hans-CN", "李明"), ("en", "Li Ming")]
    assert person.kind is Kind.PERSON and person.status is Status.PREFERRED
    assert person.notes == ["tab here; and a newline"]  # tab/newline became spaces on write
    assert person.terms[0].pinyin == "Lǐ Míng"


def test_foreign_file() -> None:
    path = DELIMITED / "foreign.utf8"
    with path.open("rb") as fh:
        g = omegat.read_glossary(fh, str(path))
    first, second = g.concepts
    assert [(t.lang, t.text) for t in first.terms] == [("en", "keyword"), ("zh-Hant-TW", "關鍵詞")]
    assert first.notes == ["https://example.org/a;b"]  # free text kept whole
    assert second.terms[0].text == "language"  # stripped, as OmegaT does
    assert second.terms[0].sources[0].line == 4
    with path.open("rb") as fh:
        units = list(omegat.iter_units(fh, str(path)))
    assert [u.location.line for u in units] == [2, 4]  # type: ignore[union-attr]


def test_languages_can_be_given() -> None:
    g = omegat.read_glossary(io.BytesIO("關鍵詞\tkeyword\n".encode()), "g.utf8",
                             source_lang="zh-CN", target_lang="en")
    assert [t.lang for t in g.concepts[0].terms] == ["zh-Hans-CN", "en"]


def test_missing_tab_is_an_error_with_line() -> None:
    path = DELIMITED / "no-tab.utf8"
    with pytest.raises(FormatError) as info, path.open("rb") as fh:
        omegat.read_glossary(fh, str(path))
    assert str(info.value) == f"{path}:3: expected source<TAB>target[<TAB>comment]; found no tab"


def test_an_empty_file_is_an_error_like_in_every_other_format() -> None:
    # Issue 13: an empty (0-byte or blank) glossary is almost always a failed download or
    # save; every other reader says "empty file". A header-only file is still an empty glossary.
    for data in (b"", b" \n\n"):
        with pytest.raises(FormatError, match="empty file"):
            omegat.read_glossary(io.BytesIO(data), "g.utf8")
    assert omegat.read_glossary(io.BytesIO(b"# Glossary\n"), "g.utf8").concepts == []


_TEXT = (
    st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=4)
        | st.sampled_from([*";\\:&<\"'", "𠀀", "😀", "; ", "note: ", "\\;"]),
        min_size=1, max_size=8,
    )
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(lambda s: s != "" and not s.startswith("#"))
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, st.none() | _TEXT, st.lists(_TEXT, max_size=2),
                          st.lists(_TEXT, max_size=2)), min_size=1, max_size=5))
def test_round_trip(rows: list[tuple[str, str, str | None, list[str], list[str]]]) -> None:
    g = Glossary(concepts=[
        Concept(id=f"c{i:012x}", terms=[Term(en, "en"), Term(zh, "zh-Hant-TW", pinyin=py)],
                domains=doms, notes=notes)
        for i, (en, zh, py, doms, notes) in enumerate(rows)
    ])
    text, _ = write(g)
    back = omegat.read_glossary(io.BytesIO(text.encode()), "g.utf8")
    def proj(x: Glossary) -> list[tuple[object, ...]]:
        return sorted((c.id, [(t.lang, t.text, t.pinyin) for t in c.terms], c.domains, c.notes)
                      for c in x.concepts)
    assert proj(back) == proj(g)
