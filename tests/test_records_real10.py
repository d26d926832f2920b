"""Pairing on real10: 13 fresh mainland records (ChinaXiv papers of 2018-2022), measured only.

``tests/data/records/real10`` (see its README) holds the Chinese and English keyword lists of
thirteen ChinaXiv conversions whose identifiers no earlier set read, in layouts not seen
together before (the label ``关键字``, a spaced ``关键 词``, a Chinese label with no colon inside
the abstract's paragraph, English lists separated by full-width semicolons or by ``;`` with no
space, lists running on into ``中图分类号``), two of them **not parallel** (M009, M012), with gold
pairs written by hand and committed before termkit was run on them. Each record is rendered in
every rendering of :data:`tests.devrecords.RENDERINGS`, read and paired exactly as the dev
evaluation does (:func:`evaluate` of ``test_pairing_eval``), and the figures are printed next
to the positional baseline; the English-rotated rendering measures pairing without
position's help. Measure only: no rule may be changed after reading these lists but for
general ones (see the README).

First contact (branch real10 = main 54a89b5 plus the records, nothing under ``termkit/``
changed; records and gold committed in 033e1c5 and 58b7cb8 before this run), sure gold pairs
(57, all mainland):

==========================  ===================  ===================  ======================
rendering                   termkit P / R        position P / R       not read as published
==========================  ===================  ===================  ======================
page                        1.000 / 0.947        0.932 / 0.965        0
labelled                    1.000 / 0.947        0.932 / 0.965        0
jsonl                       1.000 / 0.947        0.932 / 0.965        0
jsonl, English rotated      1.000 / 0.877        0.000 / 0.000        0
==========================  ===================  ===================  ======================

No wrong pair, no record with both lists and no pair, every record read as published. The
page excerpts (``pages/``: the label and keyword lines as the conversions store them; read
as files, measured with nothing under ``termkit/`` changed): termkit P 0.857 R 0.737,
position P 0.815 R 0.772, 8 of 13 not read as published. What was missed, by cause:

- **page excerpts** (reading): seven Chinese lists run on into the next field with no
  separator (``…；虚拟设备中图分类号：TP393.04 doi:…``, ``…跨文化胜任力分类号：B849:C91``), the
  last keyword read with the field glued to it (7 wrong, 7 misses); M013's ``关键词`` with no
  colon after the abstract's last sentence on one line: no Chinese keyword read.

- **every rendering, M012** (six Chinese keywords, four English): 保水剂 – ``Water-retaining
  agent``, 微生物菌剂 – ``Microbial fertilizer``, 保水保肥 – ``Soil moistureand fertility
  preservation``: the dictionary glosses neither 保水 nor 菌剂 and gives 微生物 as
  "microorganism", not "microbial"; the lists differ in length, so position does not fill
  them (it pairs the four right here, but all four of M009 wrongly, where termkit pairs two
  right and leaves the rest).
- **rotated only**: 苹果亚科 – ``Maloideae``, 蔷薇科 – ``Rosaceae`` (M005, Latin taxa), 无监督 –
  ``unsupervised`` (M007), C场 – ``cfield`` (M008, the conversion's run-together spelling).

**After the fixes** (two general fixes, each measured first on every other set — dev
evaluation, page variants, keyword mutations (25,935), real..real9 — where nothing changed,
and tested on made-up keywords and lines below): ``align/keys`` + ``align/score`` (a single
character whose CC-CEDICT glosses cite an English prefix, 無 "un-", 非 "non-", 超 "super-",
子 "sub-", is rendered with the segment after it by the English word made of that prefix and
a rendering of that segment: ``unsupervised`` for 无|监督) and ``records/tidy`` (fields a
conversion ran together on one line are set apart: a keyword list running on into
``中图分类号：`` / ``分类号B841`` / ``文章编号：`` / ``DOI:``, a keyword label after the abstract's
last sentence heading a list):

==========================  ===================  ===================  ======================
rendering                   termkit P / R        position P / R       not read as published
==========================  ===================  ===================  ======================
page                        1.000 / 0.947        0.932 / 0.965        0
labelled                    1.000 / 0.947        0.932 / 0.965        0
jsonl                       1.000 / 0.947        0.932 / 0.965        0
jsonl, English rotated      1.000 / 0.895        0.000 / 0.000        0
page excerpts as stored     1.000 / 0.947        0.932 / 0.965        0 (was 8)
==========================  ===================  ===================  ======================

Left alone: M012's three misses (dictionary coverage; structure cannot place them without two
confident pairs), the Latin taxa, ``cfield``, a keyword label glued to its list at a line's
start (it cannot be told from a keyword starting with the label word, 關鍵詞萃取).
**Caveat:** both rules were written after reading these lists, so for what they touch this
set is learning data now (see the README).

The floors below guard reading and pairing on these records against regression; they are set
a little under what the fix gives, not targets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from termkit.align import pair_keywords
from termkit.align.keys import analyse_en, analyse_zh, gloss_prefixes
from termkit.align.score import score_pair
from termkit.lexicon import get_lexicon
from termkit.records import read_records
from termkit.records.tidy import split_run_on

from . import devrecords
from .test_pairing_eval import (
    Evaluation,
    check_rotated,
    check_set,
    evaluate_renderings,
    read_page_file,
)

REAL10 = Path(devrecords.DEV).parent / "real10" / "records.jsonl"
PAGES = REAL10.parent / "pages"
REAL8 = Path(devrecords.DEV).parent / "real8" / "records.jsonl"
REAL9 = Path(devrecords.DEV).parent / "real9" / "records.jsonl"
RECORDS = 13
REGIONS = {"mainland": 13}
# rendering: (precision floor, recall floor, most records not read as published)
FLOORS = {
    "page": (0.98, 0.93, 0),  # first contact 1.000 / 0.947
    "labelled": (0.98, 0.93, 0),  # first contact 1.000 / 0.947
    "jsonl": (0.98, 0.93, 0),  # first contact 1.000 / 0.947
}
# English order rotated by one place (a synthetic order, the pairs unchanged): first contact
# P 1.000, R 0.877; after the prefix rule 0.895; position alone 0.000.
ROTATED_PRECISION = 0.95
ROTATED_RECALL = 0.88


def _records() -> list[dict[str, Any]]:
    return devrecords.load_dev(REAL10)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Evaluation]]:
    yield evaluate_renderings("real10", _records(), tmp_path_factory)


def test_real10_records_are_all_there() -> None:
    records = _records()
    devrecords.assert_fresh_set(records, "real10", RECORDS, REGIONS,
                                (devrecords.REAL3, devrecords.REAL4, devrecords.REAL5,
                                 devrecords.REAL6, devrecords.REAL7, REAL8, REAL9))
    titles = {r.get("title_zh") for r in devrecords.load_all_dev()} - {None}
    titles |= {r.get("title_zh") for path in (REAL8, REAL9) for r in devrecords.load_dev(path)}
    assert not titles & {r["title_zh"] for r in records}
    # Two lists are not parallel: keywords left without counterpart on both sides.
    unequal = [r["id"] for r in records if len(r["keywords_zh"]) != len(r["keywords_en"])]
    unpaired = [r["id"] for r in records if r["gold"]["unpaired_zh"]]
    assert unequal == ["real10-M012"] and unpaired == ["real10-M009", "real10-M012"]
    for rec in records:  # each page excerpt names its source and shows the published lines
        page = REAL10.parent / rec["page"]
        assert rec["source_path"] in page.with_suffix(".src").read_text(encoding="utf-8")
        text = page.read_text(encoding="utf-8")
        for lang in ("zh", "en"):
            assert rec[f"keywords_{lang}_raw"] in text, (rec["id"], lang)


@pytest.mark.parametrize("name", list(devrecords.RENDERINGS))
def test_real10_pairing(
    name: str, evaluated: dict[str, Evaluation], figures: Callable[[str], None]
) -> None:
    result = evaluated[name]
    text = check_set(name, result, "real10 (fresh records, measured only)", FLOORS[name],
                     RECORDS, figures)
    assert {region: result.termkit[region].records for region in REGIONS} == REGIONS, text


def test_real10_pairing_without_help_from_position(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    check_rotated(_records(), tmp_path, "real10", ROTATED_PRECISION, ROTATED_RECALL, figures)


def test_real10_page_excerpts_as_stored(figures: Callable[[str], None]) -> None:
    """The page excerpts (lines as the conversions store them) read as files."""
    rows = []
    for rec in _records():
        ok, right, pairs = read_page_file(REAL10.parent / rec["page"], rec)
        rows.append((rec["id"], ok, right, len(rec["gold"]["pairs"]), [f"{z} – {e}" for z, e in pairs]))
    lines = ["real10 page excerpts as stored (Markdown):"]
    lines += [f"  {rid}  read as published {ok!s:<5}  right {right}/{sure}  wrong {bad}"
              for rid, ok, right, sure, bad in rows]
    text = "\n".join(lines)
    figures("\n" + text)
    # first contact: 5 of 13 read as published, 42 of 57 sure pairs, 7 wrong; since the
    # reading of fields run together (tidy.split_run_on): 13 of 13, 54 of 57, none wrong
    assert all(ok for _, ok, *_ in rows), text
    assert sum(right for _, _, right, *_ in rows) >= 54, text
    assert not any(bad for *_, bad in rows), text


# ------------------------------------------------- general fixes made after first contact
#
# Tested on made-up keywords here (not on the real10 lists); measured on every other set
# before it was kept (see the module docstring).


def test_gloss_prefixes_are_the_bound_prefixes_a_gloss_cites() -> None:
    assert gloss_prefixes(["non-; un-; in-; de-", "to not be; not"]) == ("non", "un", "in", "de")
    assert gloss_prefixes(["super-", "ultra-"]) == ("super", "ultra")
    # A hyphen inside a word, a suffix or a one-letter prefix is none.
    assert gloss_prefixes(["non-profit", "-ization", "e-mail", "x-"]) == ()


@pytest.mark.parametrize(("zh", "en"), [
    ("非结构化", "unstructured"),  # 非 "un-" + 结构 "structure" (化 rendered by nothing)
    ("非负矩阵", "nonnegative matrix"),  # 非 "non-" + 负 "negative"
    ("多尺度", "multiscale"),  # 多 "multi-" + 尺度 "scale"
    ("超分辨率", "superresolution"),  # 超 "super-" + 分辨率 "resolution"
])
def test_a_prefix_character_and_the_next_segment_render_one_derived_word(
    zh: str, en: str
) -> None:
    lexicon = get_lexicon()
    score = score_pair(analyse_zh(zh, lexicon), analyse_en(en))
    assert score.value >= 0.6, score
    assert any(e.startswith(f"dict:{zh[0]}=") for e in score.evidence), score


@pytest.mark.parametrize(("zh", "en"), [
    ("非结构化", "structured data"),  # the prefix is not in the English word
    ("无监督", "unsure"),  # the rest ("sure") renders nothing of 监督
    ("无监督", "unsupported"),  # the rest ("support") renders nothing of 监督 either
])
def test_a_prefix_alone_renders_nothing(zh: str, en: str) -> None:
    lexicon = get_lexicon()
    score = score_pair(analyse_zh(zh, lexicon), analyse_en(en))
    assert not any(e.startswith(f"dict:{zh[0]}=") for e in score.evidence), score


def test_a_derived_word_pairs_across_lists_in_another_order() -> None:
    """Lists in another order (no help from position): 非线性 is a dictionary word, 无监督
    and 非参数 are not; each pairs with its derived English word (first contact: real10-M007
    lost 无监督 – "unsupervised" when its English list was rotated)."""
    lexicon = get_lexicon()
    zh = ["无监督", "聚类分析", "非参数检验"]
    en = ["nonparametric test", "unsupervised", "cluster analysis"]
    pairs, left_zh, left_en = pair_keywords(zh, en, lexicon=lexicon)
    assert sorted((p.zh, p.en) for p in pairs) == [
        ("无监督", "unsupervised"), ("聚类分析", "cluster analysis"),
        ("非参数检验", "nonparametric test")]
    assert left_zh == [] and left_en == []


@pytest.mark.parametrize(("line", "parts"), [
    # A list running on into an identifier's label with its colon, with or without a space.
    ("关键词：车载网络；紧急报文；虚拟设备中图分类号：TP393.04 doi:10.3969/j.issn",
     ["关键词：车载网络；紧急报文；虚拟设备", "中图分类号：TP393.04 doi:10.3969/j.issn"]),
    ("关键词：深度学习；无监督 中图分类号：TP391.4",
     ["关键词：深度学习；无监督", "中图分类号：TP391.4"]),
    ("關鍵字：資訊安全，雲端運算文章編號：1000-6060(2019)03",
     ["關鍵字：資訊安全，雲端運算", "文章編號：1000-6060(2019)03"]),
    # A classification number right after its label.
    ("关键词：消费心理，食品标签分类号B841", ["关键词：消费心理，食品标签", "分类号B841"]),
    ("Keywords: deep learning; image recognition DOI: 10.1000/xyz",
     ["Keywords: deep learning; image recognition", "DOI: 10.1000/xyz"]),
    # A keyword label after the abstract's last sentence: glued to the list, or with a colon.
    ("摘要：本研究探讨社会支持的作用。关键词社会支持，心理健康，大学生",
     ["摘要：本研究探讨社会支持的作用。", "关键词", "社会支持，心理健康，大学生"]),
    ("Abstract: We study social support. Keywords: social support; mental health",
     ["Abstract: We study social support.", "Keywords: social support; mental health"]),
])
def test_fields_run_together_on_a_line_are_set_apart(line: str, parts: list[str]) -> None:
    """(First contact: seven of real10's page excerpts read the field after the list as part
    of the last keyword, ``虚拟设备中图分类号：TP393.04 …``, and M013 read no Chinese keyword.)"""
    assert split_run_on(line) == parts


@pytest.mark.parametrize("line", [
    "關鍵詞萃取；文本分類；資訊檢索",  # a list whose first keyword starts with the label word
    "关键词食品标签，消费者",  # a label glued to a list at the line's start: not taken here
    "本文讨论了关键词。关键词提取是自然语言处理的重要任务，广泛应用于信息检索、文本摘要等领域的研究之中。",
    "关键词：分类号",  # nothing before the identifier's label: the keyword itself
    "摘要：本文的分类号：依据为中图法。",  # not a keyword line
])
def test_lines_with_no_fields_run_together_stay_whole(line: str) -> None:
    assert split_run_on(line) == [line]


def test_a_list_run_on_into_the_next_field_is_read_as_printed(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "社区老年人跌倒风险评估\n\n摘要：评估社区老年人跌倒的风险因素。\n\n"
        "关键词：跌倒；风险评估；老年人中图分类号：R473 文献标识码：A\n\n"
        "Fall risk assessment of older adults in the community\n\n"
        "Key words: falls; risk assessment; older adults\n", encoding="utf-8")
    (record,) = read_records(str(page))
    assert record.keywords_zh == ["跌倒", "风险评估", "老年人"]
    assert record.keywords_en == ["falls", "risk assessment", "older adults"]
