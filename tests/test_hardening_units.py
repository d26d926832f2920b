"""The library pieces of the hardening: the safe JSON loader, BCP 47 well-formedness, the
writer's path rules (issue 13)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit import io as tio
from termkit import jsonsafe, lang
from termkit.errors import FormatError, OutputError, UsageError

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(st.characters(exclude_categories=("Cs",)), max_size=5), children,
                      max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES, ascii_only=st.booleans())
def test_the_safe_loader_reads_what_json_reads(value: object, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)  # \\uXXXX escapes, surrogate pairs too
    assert jsonsafe.loads(text, "x.json") == json.loads(text)


@pytest.mark.parametrize(
    ("text", "says", "line"),
    [
        ('{"a": [1, 2,\n NaN]}', "NaN is not a JSON number", 2),
        ("[1e400]", "too large", 1),
        ("\n\n[-Infinity]", "-Infinity is not a JSON number", 3),
        ('["\\udc00"]', "JSON string holds a lone surrogate", 1),
        ('["\\ud800x"]', "lone surrogate", 1),
        ('{"\\ud800": 1}', "JSON object key holds a lone surrogate", 1),
        ("[" * 101 + "]" * 101, "nested deeper than 100 levels", None),
        ('{"a":' * 101 + "1" + "}" * 101, "nested deeper than 100 levels", None),
        ("[" + "7" * 4301 + "]", "integer of 4301 digits is too long", 1),
        ("[1,]", "malformed JSON", 1),
    ],
)
def test_the_safe_loader_refuses(text: str, says: str, line: int | None) -> None:
    with pytest.raises(FormatError) as exc:
        jsonsafe.loads(text, "x.json")
    assert says in str(exc.value)
    assert exc.value.path == "x.json" and exc.value.line == line


def test_the_safe_loader_reports_json_lines_positions() -> None:
    with pytest.raises(FormatError) as exc:
        jsonsafe.loads('{"a": NaN}', "r.jsonl", line=7)
    assert (exc.value.line, exc.value.column) == (7, 7)
    assert jsonsafe.loads("[" * 100 + "]" * 100, "x") == json.loads("[" * 100 + "]" * 100)
    assert math.isfinite(jsonsafe.loads("1e308", "x"))


# RFC 5646 appendix A examples, and what termkit's readers meet.
WELL_FORMED = [
    "de", "fr", "ja", "i-enochian", "zh-Hant", "zh-Hans", "sr-Cyrl", "sr-Latn", "zh-cmn-Hans-CN",
    "cmn-Hans-CN", "zh-yue-HK", "yue-HK", "zh-Hans-CN", "sr-Latn-RS", "sl-rozaj", "sl-rozaj-biske",
    "sl-nedis", "de-CH-1901", "sl-IT-nedis", "hy-Latn-IT-arevela", "de-DE", "en-US", "es-419",
    "de-CH-x-phonebk", "az-Arab-x-AZE-derbend", "x-whatever", "qaa-Qaaa-QM-x-southern",
    "de-Qaaa", "sr-Latn-QM", "sr-Qaaa-RS", "en-US-u-islamcal", "zh-CN-a-myext-x-private",
    "en-a-myext-b-another", "zh_TW", "zh_Hant_TW", "ZH-cn", "zho-TW", "chi", "en-GB-oed",
    "zh_TW.UTF-8", "sr_RS@latin", "und",
]
NOT_WELL_FORMED = [
    "", "!!!bad-tag!!!", "en-!!!", "e", "12", "zh-Hant-TW-", "-en", "en--US", "a-DE",
    "ar-a-aaa-b-bbb-a-ccc-", "xx-x", "en US", "zh-TW中", "*all*", "de-419-DE-",
    "abcdefghi",
]


@pytest.mark.parametrize("tag", WELL_FORMED)
def test_well_formed_tags(tag: str) -> None:
    assert lang.is_well_formed(tag)


@pytest.mark.parametrize("tag", NOT_WELL_FORMED)
def test_tags_that_are_not_bcp47(tag: str) -> None:
    assert not lang.is_well_formed(tag)
    if tag.strip():
        assert lang.normalize(tag) == tag.strip()  # kept as written, so checks refuse it


def test_normalize_keeps_what_it_did_and_stops_at_extensions() -> None:
    assert lang.normalize("zh_TW") == "zh-Hant-TW"
    assert lang.normalize("zho-CN") == "zh-Hans-CN"
    assert lang.normalize("en-US-u-ca-gregory") == "en-US"  # not en-CA
    assert lang.normalize("zh_TW.UTF-8") == "zh-Hant-TW"
    assert lang.normalize("x-pinyin") == "x-pinyin"


def test_output_kinds(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", "utf-8")
    assert tio.output_kind("-") == "stdout"
    assert tio.output_kind(str(tmp_path / "new")) == "replace"
    assert tio.output_kind(str(tmp_path / "f")) == "replace"
    with pytest.raises(UsageError):
        tio.output_kind("")
    for bad in (tmp_path, tmp_path / "f" / "x", f"{tmp_path}/new/"):
        with pytest.raises(OutputError):
            tio.output_kind(str(bad))


def test_an_output_batch_commits_all_or_nothing(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("old a", "utf-8")
    with pytest.raises(RuntimeError), tio.output_batch() as batch:
        with batch.open(str(a)) as fh:
            fh.write(b"new a")
        raise RuntimeError("b failed")
    assert a.read_text("utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]
    with tio.output_batch() as batch:
        for p in (a, b):
            with batch.open(str(p)) as fh:
                fh.write(b"new")
        assert a.read_text("utf-8") == "old a"  # nothing in place before the batch ends
    assert a.read_text("utf-8") == b.read_text("utf-8") == "new"


def test_inputs_are_remembered_only_inside_a_command_run(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("x", "utf-8")
    tio.check_readable(str(src))
    with tio.atomic_text(str(src)) as fh:  # a library caller may replace its own file
        fh.write("y")
    with tio.command_run():
        tio.check_readable(str(src))
        with pytest.raises(UsageError, match="would replace the input"), \
                tio.atomic_text(str(src)) as fh:
            fh.write("z")
        with tio.atomic_text(str(src), replace_input=True) as fh:
            fh.write("w")
    assert src.read_text("utf-8") == "w"
