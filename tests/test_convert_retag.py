"""`convert --retag` then `import`: every Chinese term comes back with its script's tag, once.

The bug this holds down: converting the example TMX with ``-c tw2sp --retag`` wrote two
``<tuv xml:lang="zh-CN">`` per unit, the converted one still carrying ``x-lang zh-Hant``, so
re-importing gave ``term zh-Hant: 权力平衡``. The oracle for "right script" is OpenCC itself:
a text tagged Simplified is unchanged by ``t2s``, one tagged Traditional by ``s2t``.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner
from lxml import etree

from termkit import formats, lang
from termkit.cli import cli
from termkit.convert import Converter
from termkit.convert.files import convert_bytes
from termkit.convert.retag import Piece, duplicates, retag_value
from termkit.glossary import load_glossary
from termkit.model import Glossary
from tests.conftest import ROOT

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"
T2S, S2T = opencc.OpenCC("t2s.json"), opencc.OpenCC("s2t.json")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def _only(script: str | None) -> Glossary:
    """The example glossary keeping, of its Chinese terms, those of ``script`` (None: all)."""
    g = copy.deepcopy(load_glossary(str(EXAMPLE)))
    for c in g.concepts:
        c.terms = [t for t in c.terms
                   if script is None or not lang.is_chinese(t.lang) or lang.script_of(t.lang) == script]
    return g


def _write(g: Glossary, fmt: str, path: Path, **options: str) -> None:
    buf = io.BytesIO()
    formats.get(fmt).write_glossary(g, buf, **options)
    path.write_bytes(buf.getvalue())


def _chinese(g: Glossary) -> dict[str, list[tuple[str, str]]]:
    return {c.id: sorted((t.lang, t.text) for t in c.terms if lang.is_chinese(t.lang)) for c in g.concepts}


def _assert_tags_right(g: Glossary, script: str) -> None:
    for c in g.concepts:
        zh = [t for t in c.terms if lang.is_chinese(t.lang)]
        assert zh, c.id
        for t in zh:
            assert lang.script_of(t.lang) == script, (c.id, t.lang, t.text)
            oracle = T2S if script == "Hans" else S2T
            assert oracle.convert(t.text) == t.text, (c.id, t.lang, t.text)
        langs = [lang.normalize(t.lang) for t in zh]
        assert len(langs) == len(set(langs)), (c.id, langs)  # one term per variant here


def _assert_no_language_twice(path: Path, fmt: str) -> None:
    """In the converted file itself: no Chinese variant twice in a unit, concept or header."""
    if fmt == "csv":
        header = path.read_text("utf-8").splitlines()[0].split(",")
        assert len(header) == len(set(header)), header
        return
    root = etree.parse(str(path)).getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for group in root.iter("tu", f"{{{root.nsmap.get(None, '')}}}conceptEntry"):
        tags = [piece.get(xml_lang) or "" for piece in group
                if etree.QName(piece).localname in ("tuv", "langSec")]
        zh = [t for t in tags if lang.is_chinese(t)]
        assert len(zh) == len(set(zh)), (group.get("tuid") or group.get("id"), tags)


CASES = [  # (config, script of the input's Chinese terms or None for both, script after)
    ("tw2sp", None, "Hans"),
    ("s2twp", None, "Hant"),
    ("tw2sp", "Hant", "Hans"),
    ("s2twp", "Hans", "Hant"),
]


@pytest.mark.parametrize("fmt", ["tmx", "tbx", "csv"])
@pytest.mark.parametrize(("config", "have", "want"), CASES)
def test_round_trip_through_convert_retag_and_import(
    tmp_path: Path, fmt: str, config: str, have: str | None, want: str
) -> None:
    src, converted, back = tmp_path / f"in.{fmt}", tmp_path / f"out.{fmt}", tmp_path / "back.glossary.txt"
    _write(_only(have), fmt, src)
    r = run("convert", "-c", config, "--retag", str(src), "-o", str(converted))
    assert r.exit_code == 0, r.output
    _assert_no_language_twice(converted, fmt)
    r = run("import", str(converted), "-o", str(back))
    assert r.exit_code == 0, r.output
    got = load_glossary(str(back))
    _assert_tags_right(got, want)
    # The Chinese forms are the example's own forms of the target script.
    expected = _chinese(_only(want))
    assert {cid: [t for _l, t in terms] for cid, terms in _chinese(got).items()} == {
        cid: [t for _l, t in terms] for cid, terms in expected.items()
    }


def test_readme_example_keeps_one_tuv_per_language_and_retags_x_lang(tmp_path: Path) -> None:
    out = tmp_path / "example.zh_CN.tmx"
    r = run("convert", "-c", "tw2sp", "--retag", str(EXAMPLE.with_suffix(".tmx")), "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text("utf-8")
    units = text.split("<tu ")[1:]
    assert len(units) == 4
    for unit in units:
        assert unit.count('<tuv xml:lang="zh-CN">') == 1, unit
        assert "zh-Hant" not in unit and 'xml:lang="zh-TW"' not in unit
        assert unit.count('<prop type="x-lang">zh-Hans</prop>') == 1


def test_bcp47_tags_and_x_lang_follow_the_conversion(tmp_path: Path) -> None:
    src = tmp_path / "in.tmx"
    _write(_only("Hant"), "tmx", src, lang_style="bcp47")
    out = convert_bytes(src.read_bytes(), "in.tmx", Converter("tw2sp"), "tmx", retag=True).decode()
    assert 'xml:lang="zh-Hans-CN"' in out and "zh-Hant" not in out
    # s2twp back: the tags return to what they were
    again = convert_bytes(out.encode(), "o.tmx", Converter("s2twp"), "tmx", retag=True)
    assert again == src.read_bytes()


def test_variants_of_one_language_stay_unless_identical() -> None:
    tmx = ('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
           '<tu>\n<tuv xml:lang="en"><seg>Taiwan</seg></tuv>\n'
           '<tuv xml:lang="zh-TW"><seg>臺灣</seg></tuv>\n'
           '<tuv xml:lang="zh-TW"><seg>台灣</seg></tuv>\n'
           '<tuv xml:lang="zh-TW"><seg>資訊</seg></tuv>\n</tu>\n</body></tmx>\n')
    out = convert_bytes(tmx.encode(), "v.tmx", Converter("tw2sp"), "tmx", retag=True).decode()
    # 臺灣 and 台灣 both become 台湾: one is kept; 信息 is another term of the same language.
    assert out.count('<tuv xml:lang="zh-CN">') == 2
    assert "<seg>台湾</seg>" in out and "<seg>信息</seg>" in out
    assert "\n\n" not in out  # the left-out tuv takes its line with it


def test_table_drops_the_converted_column_when_the_target_column_exists() -> None:
    csv = "en,zh-TW,zh-CN,note\nsoftware,軟體,软件,\"a, b\"\n"
    out = convert_bytes(csv.encode(), "t.csv", Converter("tw2sp"), "csv", retag=True).decode()
    assert out == "en,zh-CN,note\nsoftware,软件,\"a, b\"\n"
    tsv = "zh_TW\ten\tzh_CN\r\n軟體\tsoftware\t软件\r\n"
    out = convert_bytes(tsv.encode(), "t.tsv", Converter("tw2sp"), "tsv", retag=True).decode()
    assert out == "en\tzh_CN\r\nsoftware\t软件\r\n"


def test_retag_value_keeps_spelling_and_precision() -> None:
    assert retag_value("zh-Hant", "zh-Hans-CN") == "zh-Hans"  # script only stays script only
    assert retag_value("zh-Hans", "zh-Hant-TW") == "zh-Hant"
    assert retag_value("zh_Hant_TW", "zh-Hans-CN") == "zh_Hans_CN"
    assert retag_value("zh-TW", "zh-Hans") == "zh-CN"
    assert retag_value("zh-HK", "zh-Hant") == "zh-HK"  # s2t: already Traditional, no region given
    assert retag_value("zh-Hant-TW", "zh-Hant-HK") == "zh-Hant-HK"


@pytest.mark.parametrize(("old", "target", "new"), [
    ("zh-cmn-Hans", "zh-Hant-TW", "zh-cmn-Hant"), ("zh-cmn-Hans-CN", "zh-Hant-TW", "zh-cmn-Hant-TW"),
    ("cmn-Hans", "zh-Hant", "cmn-Hant"), ("yue-Hant", "zh-Hans-CN", "yue-Hans"),
    ("cmn_Hans_CN", "zh-Hant-TW", "cmn_Hant_TW"), ("zh-yue", "zh-Hans-CN", "zh-yue-CN"),
    ("zh-tw", "zh-Hans-CN", "zh-cn"), ("ZH_CN", "zh-Hant-TW", "zh_TW"),
])
def test_retag_value_keeps_the_language_as_written(old: str, target: str, new: str) -> None:
    # Mandarin (cmn) or Cantonese (yue) converted to the other script is still Mandarin or
    # Cantonese: only the script and region subtags change (review23: zh-cmn-Hans became zh-Hant)
    assert retag_value(old, target) == new


def test_duplicates_rules() -> None:
    # the group already had the target: the converted piece goes
    assert duplicates([Piece("zh-Hant", "zh-Hans"), Piece("zh-Hans", "zh-Hans"), Piece("en", "en")]) == {0}
    assert duplicates([Piece("zh-TW", "zh-CN", "a"), Piece("zh-Hans", "zh-Hans", "b")]) == {0}
    # another region of the same script is another variant
    assert duplicates([Piece("zh-TW", "zh-CN", "a"), Piece("zh-SG", "zh-SG", "a")]) == set()
    assert duplicates([Piece("zh-TW", "zh-CN", "a"), Piece("zh-HK", "zh-CN", "a")]) == {1}
    assert duplicates([Piece("zh-TW", "zh-CN", "a"), Piece("zh-HK", "zh-CN", "b")]) == set()
