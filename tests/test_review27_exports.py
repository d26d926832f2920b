"""Review of the NoteExpress and E-Study readers and how build and extract pick them, with the
files a user has: the real11 export files (``tests/data/records/real11/exports``) as the
databases wrote them, and the same records in the layouts other exports of these databases
write (CNKI's custom export, a blank line inside a Wanfang record, names in capitals).

What broke before the fixes this file tests:

* CNKI's custom export (自定义, the ``.txt`` CNKI writes besides E-Study) has no ``DataType:``
  line; each record opens with ``SrcDatabase-来源库:`` and ends at a blank line, and it writes
  ``DOI-DOI:`` (a label without Han characters). Its records were read as one record, every
  keyword of the file in one list, and the DOI line was glued to the value above it.
* A blank line inside a Wanfang NoteExpress record (an abstract's paragraphs) cut the record:
  the fields after it became a record of their own.
* A NoteExpress field whose name has other characters than letters, digits and ``/&.-``
  (``{Author(s)}``, ``{# of Volumes}``) was read as the value above it, a keyword included.
* A page opening with one quoted field line (``{Title}: 是题名字段`` then prose) was read as a
  NoteExpress export, the whole page its title.
* ``build FOLDER`` left out NoteExpress's ``.net`` files and any export named in capitals
  (``….NET``, ``CNKI-….TXT``) without a word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import FormatError
from termkit.records import detect_format, parse_records, read_records

from . import devrecords

EXPORTS = Path(devrecords.DEV).parent / "real11" / "exports"
ESTUDY = EXPORTS / "cnki_estudy.txt"
NOTEEXPRESS = EXPORTS / "wanfang_noteexpress.net"


def _shape(records: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(r.title_zh, r.title_en, r.keywords_zh, r.keywords_en, [a.zh for a in r.authors],
             r.venue, r.pages) for r in records]


# ------------------------------------------------------------------ CNKI's custom export

def _as_custom_export(text: str) -> str:
    """The E-Study file's records in the custom export's layout: no DataType line, each
    record opened by its SrcDatabase line, a blank line after each."""
    records: list[list[str]] = []
    for line in text.split("\n"):
        if line.startswith("DataType:"):
            records.append([])
        elif line.strip():
            records[-1].append(line)
    out = []
    for lines in records:
        first = [line for line in lines if line.startswith("SrcDatabase-")]
        out.append("\n".join(first + [line for line in lines if line not in first]))
    return "\n\n".join(out) + "\n"


def test_cnki_custom_export_without_datatype_lines_keeps_its_records_apart() -> None:
    text = ESTUDY.read_text(encoding="utf-8")
    custom = _as_custom_export(text)
    assert "DataType" not in custom and custom.startswith("SrcDatabase-来源库:")
    assert detect_format("CNKI-custom.txt", custom) == "estudy"
    expected = _shape(read_records(str(ESTUDY)))
    assert len(expected) == 2
    # before: one record, both records' keywords in one list
    assert _shape(parse_records(custom.encode(), "CNKI-custom.txt")) == expected
    # with no blank line between the records either
    packed = custom.replace("\n\n", "\n")
    assert _shape(parse_records(packed.encode(), "CNKI-custom.txt")) == expected


def test_a_label_that_is_the_field_name_again_is_a_field_not_the_value_above() -> None:
    # the custom export's DOI-DOI: line (its other labels carry Han characters)
    text = ("SrcDatabase-来源库: 期刊\nTitle-题名: 某题名\nKeyword-关键词: 甲乙;丙丁;\n"
            "DOI-DOI: 10.1234/abcd.2021.01.001\n\n"
            "SrcDatabase-来源库: 硕士\nTitle-题名: 另一题名\nKeyword-关键词: 戊己\n")
    first, second = parse_records(text.encode(), "custom.txt")
    assert first.keywords_zh == ["甲乙", "丙丁"]  # before: '丙丁 DOI-DOI: 10.1234/…'
    assert ("DOI-DOI", "10.1234/abcd.2021.01.001") in [(s.name, s.text) for s in first.sections]
    assert (second.title_zh, second.keywords_zh) == ("另一题名", ["戊己"])


def test_estudy_abstract_with_a_blank_line_stays_one_record() -> None:
    text = ESTUDY.read_text(encoding="utf-8")
    broken = text.replace("目前仍在基层医院广泛用于癫痫治疗。", "目前仍在基层医院广泛用于癫痫治疗。\n\n", 1)
    assert broken != text
    assert _shape(parse_records(broken.encode(), "cnki.txt")) == _shape(read_records(str(ESTUDY)))


# ------------------------------------------------------------------ NoteExpress

def test_a_blank_line_inside_a_noteexpress_record_does_not_cut_it() -> None:
    text = NOTEEXPRESS.read_text(encoding="utf-8")
    expected = _shape(read_records(str(NOTEEXPRESS)))
    # an abstract in two paragraphs, and a blank line between two fields
    broken = text.replace("方法 选择", "\n\n方法 选择", 1).replace("{Keywords}", "\n{Keywords}", 1)
    assert broken.count("\n\n") > text.count("\n\n") + 1
    got = parse_records(broken.encode(), "wanfang.net")
    assert _shape(got) == expected  # before: 4 records, the first without its keywords
    assert all(any(s.name == "URL" for s in r.sections) for r in got)


def test_noteexpress_without_reference_type_lines_is_cut_at_blank_lines() -> None:
    text = "{Title}: 标题一\n{Abstract}: 第一段\n\n第二段\n{Keywords}: 甲乙\n\n{Title}: 标题二\n{Keywords}: 丙丁\n"
    first, second = parse_records(text.encode(), "x.txt")
    assert (first.title_zh, first.keywords_zh, first.abstract_zh) == ("标题一", ["甲乙"], "第一段第二段")
    assert (second.title_zh, second.keywords_zh) == ("标题二", ["丙丁"])


@pytest.mark.parametrize("name", ["Author(s)", "# of Volumes", "Database_Provider", "文献类型"])
def test_any_noteexpress_field_name_is_a_field_never_the_value_above(name: str) -> None:
    text = (f"{{Reference Type}}: Book\n{{Title}}: 某书\n{{Keywords}}: 甲乙\n{{{name}}}: 值\n"
            "{Translated Keywords}: alpha beta\n")
    (record,) = parse_records(text.encode(), "x.txt")
    assert record.keywords_zh == ["甲乙"] and record.keywords_en == ["alpha beta"]
    assert (name, "值") in [(s.name, s.text) for s in record.sections]


def test_a_page_quoting_one_field_line_is_page_text_not_an_export() -> None:
    page = ("{Title}: 是NoteExpress导出文件的题名字段。\n本文介绍如何从数据库导出文献。\n\n"
            "关键词：文献管理；导出格式\nKeywords: reference management; export format\n")
    assert detect_format("note.txt", page) in ("page", "labelled")
    (record,) = parse_records(page.encode(), "note.txt")
    assert record.title_zh is None or "本文" not in record.title_zh  # before: the whole page
    assert record.keywords_zh == ["文献管理", "导出格式"]
    assert record.keywords_en == ["reference management", "export format"]
    # a field line alone is no export, and no malformed JSON either
    assert detect_format("one.txt", "{Title}: 一个标题\n") != "jsonl"
    # two field lines at the top are an export, as before
    assert detect_format("x.txt", "{Title}: 标题\n{Keywords}: 甲乙\n") == "noteexpress"


def test_forced_noteexpress_on_other_text_is_an_error_at_its_line() -> None:
    with pytest.raises(FormatError) as err:
        parse_records(b"\nstray line\n{Title}: x\n", "bad.txt", format="noteexpress")
    assert err.value.line == 2


# ------------------------------------------------------------------ build of a folder

def test_build_of_a_folder_reads_net_files_and_names_in_capitals(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(NOTEEXPRESS, folder / "demo_wanfang.NET")
    shutil.copy(ESTUDY, folder / "CNKI-1234.TXT")
    shutil.copy(EXPORTS / "cnki_refer_conference.txt", folder / "refer.txt")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--no-exports"])
    assert result.exit_code == 0, result.output
    # before: only refer.txt was read (1 record, no concept)
    assert "5 record(s)" in result.stderr, result.stderr
    glossary = (out / "glossary.txt").read_text(encoding="utf-8")
    assert "term zh-Hans: 舒适护理" in glossary  # the bilingual Wanfang record's pairs
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert detect_format("x.net", "{Title}: x\n") == "noteexpress"


# ------------------------------------------------------------------ CNKI Refer

def test_cnki_refer_page_count_then_range_gives_the_range() -> None:
    # CNKI's Refer export of a conference paper writes %P 5 (its page count) and later
    # %P 269-273: before, the pages were '5' and the range a section
    (record,) = read_records(str(EXPORTS / "cnki_refer_conference.txt"))
    assert record.pages == "269-273"
    assert ("%P", "5") in [(s.name, s.text) for s in record.sections]  # kept, not lost
    # one %P, or a range first, reads as before
    (one,) = parse_records(b"%0 Journal Article\n%T x\n%P 5\n", "x.enw")
    assert one.pages == "5"
    (two,) = parse_records(b"%0 Journal Article\n%T x\n%P 1-15\n%P 3\n", "x.enw")
    assert two.pages == "1-15" and ("%P", "3") in [(s.name, s.text) for s in two.sections]


# ------------------------------------------------------------------ what other exporters write

# CNKI's RefWorks export as users' files hold it (layout as other projects keep real exports
# in their fixtures: RT, SR 1, A1 a;b, AD, T1, JF, YR, IS, the volume as 'vo', OP range, K1,
# AB, SN, CN, LA, DS, LK, DO; a blank line between records, no end tag); values made up here.
CNKI_REFWORKS = (
    "RT Journal Article\nSR 1\nA1 王小明;李四\nAD 某大学信息学院;\n"
    "T1 机器翻译中的术语抽取方法研究\nJF 中文信息学报\nYR 2022\nIS 02\nvo 36\nOP 23-25\n"
    "K1 机器翻译;术语抽取;语料库\nAB 本文研究术语抽取。\nSN 1003-0077\nCN 11-2325/N\n"
    "LA 中文;\nDS CNKI\nLK https://kns.cnki.net/kcms2/article/abstract?v=x\n\n"
    "RT Journal Article\nSR 1\nA1 Smith John;Doe Jane\nT1 Term extraction for machine translation\n"
    "JF Computers & Industrial Engineering\nYR 2022\nIS prepublish\nvo \nOP 107936-\n"
    "K1 term extraction;machine translation;corpus\n"
    "AB We study term extraction in two steps, of which\nis the first a corpus count.\n"
    "DS CNKI\nDO 10.1016/J.CIE.2022.107936\n"
)


def test_cnki_refworks_export_is_read_not_paired_as_a_page() -> None:
    # before: read as page text, its tag lines paired ('JF 中文信息学报' – 'IS 02', 0.68)
    assert detect_format("CNKI-refworks.txt", CNKI_REFWORKS) == "refworks"
    first, second = parse_records(CNKI_REFWORKS.encode(), "CNKI-refworks.txt")
    assert (first.title_zh, first.keywords_zh, first.keywords_en) == (
        "机器翻译中的术语抽取方法研究", ["机器翻译", "术语抽取", "语料库"], [])
    assert [a.zh for a in first.authors] == ["王小明", "李四"]
    assert (first.venue, first.date, first.issue, first.volume, first.pages) == (
        "中文信息学报", "2022", "02", "36", "23-25")
    assert ("DS", "CNKI") in [(s.name, s.text) for s in first.sections]
    assert second.title_en == "Term extraction for machine translation"
    assert second.keywords_en == ["term extraction", "machine translation", "corpus"]
    # a wrapped line of prose that opens with a two-letter word stays in the abstract
    assert second.abstract_en == "We study term extraction in two steps, of which is the first a corpus count."
    assert second.issue == "prepublish" and second.volume is None
    result = CliRunner().invoke(cli, ["extract", "--json", "-"], input=CNKI_REFWORKS)
    assert result.exit_code == 0, result.stderr
    assert '"pairs": []' in result.stdout  # one language each: nothing to pair


def test_refworks_text_before_the_first_tag_is_an_error_at_its_line() -> None:
    result = CliRunner().invoke(cli, ["extract", "--format", "refworks", "-"],
                                input="导出说明\nRT Journal Article\nT1 x\n")
    assert result.exit_code == 1 and result.output.startswith("Error: -:1:"), result.output
    # a page that opens with 'RT ' and goes on in prose is page text
    assert detect_format("x.txt", "RT 是转发的意思。\n这是一段正文。\n关键词：转发；微博\n") != "refworks"


# VIP's EndNote export writes its affiliation tag with a colon (``%+:机构``), and CNKI's cite
# box gives tag lines without the space (``%+深圳…``, ``%R10.…``) and names run together
# (``%A 张福锁%A 王激清``): before, the first two were refused ('not a Refer tag line') and
# the names read as one author.
def test_refer_tag_lines_without_a_space_or_with_a_colon() -> None:
    vip = ("%0 Journal Article \r\n%A 王雅俊;马会玲\r\n%+:陕西宝鸡市中心医院\r\n"
           "%T 舒适护理在女性乳腺癌患者术后化疗中的应用效果\r\n%J 临床医学研究与实践\r\n"
           "%K 舒适护理;乳腺癌;化疗\r\n%W 重庆维普资讯有限公司 \r\n\r\n")
    (record,) = parse_records(vip.encode(), "vip@end.txt")
    assert record.keywords_zh == ["舒适护理", "乳腺癌", "化疗"]
    assert ("%+", "陕西宝鸡市中心医院") in [(s.name, s.text) for s in record.sections]
    cite = (" %0 Journal Article\n %A 张福锁%A 王激清%A 张卫峰\n %+深圳市农业科技促进中心;\n"
            " %T 水稻转基因育种的研究进展\n %K 转基因育种%K 水稻\n"
            " %R10.19462/j.cnki.1671-895x.2023.09.038\n %W CNKI\n")
    (record,) = parse_records(cite.encode(), "cite.txt")
    assert [a.zh for a in record.authors] == ["张福锁", "王激清", "张卫峰"]
    assert record.keywords_zh == ["转基因育种", "水稻"]
    assert ("%R", "10.19462/j.cnki.1671-895x.2023.09.038") in [(s.name, s.text)
                                                               for s in record.sections]
    # an abstract that speaks of percent signs is not split
    (one,) = parse_records("%0 Journal Article\n%T x\n%X 增加了35%A组\n".encode(), "x.enw")
    assert one.abstract_zh == "增加了35%A组"


# VIP's custom export (自定义, ``…@cus.txt``) as its site writes it: labelled fields
# (``【题　名】``, ``【作　者】``, ``【关键词】`` …), a record number line over each record, blank
# lines between records; VIP's records carry Chinese keywords only.
VIP_CUSTOM = (
    "〖检索时间〗2024-01-01 10:00:00\r\n 〖检索结果〗选中2篇\r\n"
    "【序  号】1/2\r\n【题　名】舒适护理在术后化疗中的应用效果\r\n【作　者】王小明;李四\r\n"
    "【刊　名】某医学杂志2020 5(1):187-188\r\n【关键词】舒适护理;乳腺癌;化疗\r\n"
    "【文　摘】目的 研究舒适护理.\r\n\r\n\r\n"
    "【序  号】2/2\r\n【题　名】术语抽取方法研究\r\n【作　者】张三\r\n【关键词】语料库;术语\r\n\r\n\r\n"
)


@pytest.mark.xfail(strict=True, reason=(
    "limitation: a labelled page file of records with keywords in one language only is read "
    "as one record, and the second record's keywords are lost: labelled_starts starts a new "
    "record only once the record has keywords in both languages; letting a title label "
    "printed again start one after one-language keywords splits the related-articles list "
    "that test_records_readers3 reads as one record (a design question for the labelled "
    "reader, left to the lead)"))
def test_vip_custom_export_of_chinese_only_records_keeps_every_record() -> None:
    records = parse_records(VIP_CUSTOM.encode(), "vip@cus.txt")
    assert [r.keywords_zh for r in records] == [["舒适护理", "乳腺癌", "化疗"], ["语料库", "术语"]]


def test_a_refworks_export_saved_as_ris_is_read_as_refworks() -> None:
    # users save CNKI's RefWorks export as .ris (it is called RIS on the export page);
    # before: 'Error: x.ris:1:1: text before the first TY line'
    assert detect_format("cnki.ris", CNKI_REFWORKS) == "refworks"
    assert len(parse_records(CNKI_REFWORKS.encode(), "cnki.ris")) == 2
    assert detect_format("x.ris", "TY  - JOUR\nTI  - x\nER  - \n") == "ris"
