"""review17: round trips through termkit's own files that do not come back (strict xfails
for the areas other helpers own, and the pairs that do come back, so the tests can pass).

The record is a real one from ``tests/data/records/dev2.jsonl`` (see its README): a
mainland thesis whose Chinese title has a subtitle on a second line, as the page prints it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import invoke

DEV2 = Path(__file__).parent / "data" / "records" / "dev2.jsonl"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exports of a glossary built from the dev2 records whose Chinese title has a line
    break (chosen by that shape, not by name)."""
    folder = tmp_path_factory.mktemp("built")
    lines = [line for line in DEV2.read_text(encoding="utf-8").splitlines()
             if "\n" in (json.loads(line).get("title_zh") or "")]
    assert lines
    records = folder / "records.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = invoke("build", records, "-o", folder / "out", "-q")
    assert code == 0, err
    return folder / "out"


@pytest.mark.parametrize("first, second", [
    ("glossary.tmx", "glossary.csv"),
    ("glossary.txt", "glossary.zh_TW.po"),
    ("glossary.json", "glossary.zh_CN.po"),
    # (TBX kept every concept's kind as 'term' before exportloss carried it in notes)
    ("glossary.tbx", "glossary.zh_TW.po"),
    ("glossary.txt", "glossary.tbx"),
    # (a title's line break, written as a space by OmegaT's TSV, made another merge key)
    ("glossary.txt", "glossary.omegat.tsv"),
    ("glossary.csv", "glossary.omegat.tsv"),
])
def test_a_glossary_imported_from_two_of_its_own_exports_reads_back(
        built: Path, tmp_path: Path, first: str, second: str) -> None:
    merged = tmp_path / "merged.txt"
    code, _out, err = invoke("import", built / first, built / second, "-o", merged)
    assert (code, err) == (0, "")
    assert merged.read_text(encoding="utf-8").startswith("# termkit glossary")
    code, _out, err = invoke("import", merged, "-o", tmp_path / "again.txt")
    assert (code, err) == (0, "")
    code, out, err = invoke("lookup", "-g", merged, "Dongguan")
    assert (code, err) == (0, "") and "东莞市" in out


# (build_locks left out every form with a line break, so 'convert -c s2twp -g G' of the
# exported zh_CN PO wrote OpenCC's 分析物件 in a Taiwanese record's two-line title where the
# glossary's printed Traditional title has 分析對象, and 'check -g G' reported termkit's own
# output as missing-term)
def test_convert_locks_a_title_with_a_line_break_as_check_expects_it(
        built: Path, tmp_path: Path) -> None:
    def missing(convert_options: list[str]) -> list[str]:
        out = tmp_path / "conv.zh_TW.po"
        code, _out, err = invoke("convert", "-c", "s2twp", *convert_options,
                                 built / "glossary.zh_CN.po", "-o", out)
        assert (code, err) == (0, "")
        code, report, _err = invoke("check", "-g", built / "glossary.txt", "--checks", "terms",
                                    "--target-lang", "zh-TW", out)
        return [line for line in report.splitlines() if "missing-term (error): '" in line]

    # Plain OpenCC rewrites the title: the check reads the two-line form and misses it ...
    plain = missing([])
    assert [line for line in plain if "\\n" in line and "分析對象" in line], plain
    # ... the lock writes the glossary's form, line break and all, and the check accepts it.
    assert missing(["-g", str(built / "glossary.txt")]) == []


HK_GLOSSARY = """# termkit glossary 1

[c1]
kind: keyword
term zh-Hant: 族群邊界
  origin: record
term zh-Hans: 族群边界
  origin: opencc:t2s
term en: Ethnic boundary
"""

HK_PO = """msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Ethnic boundary"
msgstr "族群边界"
"""


# (check called the glossary's own form for the variant, as convert writes it, foreign, and
# suggested the same text: 'Simplified characters … 族群邊界 should be 族群邊界')
def test_check_accepts_what_convert_s2hk_writes_for_a_printed_traditional_form(
        tmp_path: Path) -> None:
    import opencc

    glossary = tmp_path / "g.txt"
    glossary.write_text(HK_GLOSSARY, encoding="utf-8")
    source = tmp_path / "in.zh_CN.po"
    source.write_text(HK_PO, encoding="utf-8")
    out = tmp_path / "out.zh_HK.po"
    code, _out, err = invoke("convert", "-c", "s2hk", "-g", glossary, source, "-o", out)
    assert (code, err) == (0, "")
    # The lock wrote the glossary's form, not OpenCC's regional variant.
    assert opencc.OpenCC("s2hk").convert("族群边界") == "族羣邊界"
    assert 'msgstr "族群邊界"' in out.read_text(encoding="utf-8")
    code, report, _err = invoke("check", "-g", glossary, "--checks", "terms,variants", out)
    assert "should be '族群邊界'" not in report, report
    assert (code, report.splitlines()[-1]) == (0, "0 findings (0 error(s), 0 warning(s)) in 1 "
                                                  "file(s), 1 unit(s)"), report


@pytest.fixture(scope="module")
def mainland(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A glossary built from the first Simplified dev2 record with keywords whose OpenCC s2t
    and s2twp forms differ (the Traditional form build makes with s2t is then no Taiwan
    form), and those keywords."""
    import opencc

    s2t, s2twp = opencc.OpenCC("s2t"), opencc.OpenCC("s2twp")
    folder = tmp_path_factory.mktemp("mainland")
    for line in DEV2.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("script") != "Simplified":
            continue
        words = [w for w in record.get("keywords_zh") or [] if s2t.convert(w) != s2twp.convert(w)]
        if len(words) >= 2:
            break
    else:  # pragma: no cover - the dev data has such records
        pytest.fail("no Simplified dev2 record with such keywords")
    (folder / "r.jsonl").write_text(line + "\n", encoding="utf-8")
    code, _out, err = invoke("build", folder / "r.jsonl", "-o", folder / "out", "-q")
    assert code == 0, err
    return folder / "out", words


# (CSV dropped a term's origin, so a lock glossary read from it took the s2t form build made
# for a printed Simplified term as printed: 'convert -c s2twp -g glossary.csv' wrote 圖像識別,
# 神經網絡 where -g glossary.txt and plain OpenCC s2twp write 影像識別, 神經網路. CSV now has
# a 'LANG origin' column for the forms OpenCC made.)


@pytest.mark.parametrize("name", [
    "glossary.txt", "glossary.json",
    "glossary.tbx", "glossary.csv",
])
def test_a_glossary_export_locks_as_the_glossary_for_s2twp(
        mainland: tuple[Path, list[str]], name: str) -> None:
    import opencc

    out, words = mainland
    text = "\n".join(words) + "\n"
    code, converted, err = invoke("convert", "-c", "s2twp", "-g", out / name, "-", input=text)
    assert (code, err) == (0, "")
    # The printed Simplified keywords lock to what s2twp makes of them (plain OpenCC).
    assert converted == opencc.OpenCC("s2twp").convert(text)
