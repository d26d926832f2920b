"""review26: breaks found in the readers of real files from other tools (readersfresh) and in
keyword pairing and keyword-line tidying (real10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

_CATALOG = ('msgid ""\nmsgstr ""\n"Language: {header}\\n"\n"Content-Type: text/plain; '
            'charset=UTF-8\\n"\n\nmsgid "File"\nmsgstr "檔案"\n')


@pytest.mark.parametrize(("name", "header", "said"), [
    # one tag names what the other leaves open: the same locale, narrower or wider
    ("zh_Hant.po", "zh_TW", False),
    ("zh_Hans.po", "zh_CN", False),
    ("zh.po", "zh_CN", False),
    ("zh_TW.po", "zh_Hant", False),
    ("zh-Hant-TW.po", "zh_TW", False),
    # a script or a region each names differently: a contradiction
    ("zh_Hant.po", "zh_CN", True),
    ("zh_HK.po", "zh_TW", True),
    ("zh-Hant-TW.po", "zh_HK", True),
    ("zh_TW.po", "en", True),
])
def test_a_name_and_header_that_only_differ_in_detail_do_not_contradict(
        tmp_path: Path, name: str, header: str, said: bool) -> None:
    """Weblate names Traditional Chinese catalogs zh_Hant.po; a header written by Poedit or by
    hand says zh_TW. That is the same language said more narrowly, not a catalog copied from a
    sibling: before, every such catalog warned on import, tm import and check."""
    path = tmp_path / name
    path.write_text(_CATALOG.format(header=header), encoding="utf-8")
    code, _, err = invoke("check", path, "--checks", "wrong-script")
    assert code in (0, 1)
    assert ("but the file name says" in err) is said, err


# ----------------------------------------------------------- records: fields run together

_WRAPPED = """基于图模型的中文关键词提取方法研究

摘要：本文提出一种融合词向量与图排序的中文关键词提取方法。实验表明该方法取得了较好的效果。关键词提取作为文本挖掘的基础，在信息检索
和文本分类中有着广泛的应用。

Research on Chinese keyword extraction based on graph models

Abstract: This paper proposes a Chinese keyword extraction method combining word embeddings and graph ranking.
Keywords: keyword extraction; graph ranking; word embedding
"""


def test_a_wrapped_sentence_that_starts_with_the_word_keyword_is_no_keyword_list(
        tmp_path: Path) -> None:
    """A PDF converted to text wraps an abstract's lines at a width: a sentence of a paper on
    关键词提取 (keyword extraction) begins after a full stop, and the wrap leaves two clause
    fragments separated by a comma on its line, the shape of a label glued to a list. d31f96a
    cut there: the abstract lost its last sentence and its fragments became the Chinese
    keywords (['提取作为文本挖掘的基础', '在信息检索']). A label glued to its list ends its
    paragraph (as real10's M013 does); a line the next one continues is running text."""
    from termkit.records import read_records

    page = tmp_path / "wrapped.txt"
    page.write_text(_WRAPPED, encoding="utf-8")
    (record,) = read_records(str(page))
    assert record.keywords_zh == []
    assert "关键词提取作为文本挖掘的基础" in (record.abstract_zh or "")
    assert record.keywords_en == ["keyword extraction", "graph ranking", "word embedding"]


@pytest.mark.parametrize(("following", "cut"), [
    ("", True), ("中图分类号：B849", True), ("1 引言", True),
    ("Social support and mental health of college students", True),  # no blank lines
    ("义。", False),  # the line's text goes on
])
def test_a_glued_label_after_a_sentence_is_cut_where_its_paragraph_ends(
        following: str, cut: bool) -> None:
    from termkit.records.tidy import tidy_lines

    line = "摘要：本研究探讨社会支持的作用。关键词社会支持，心理健康，大学生的意"
    tidied = tidy_lines([(1, line), (2, following)])
    assert (len(tidied) > 2) is cut, tidied


# ------------------------------------------------------------------ XLIFF layout whitespace

_EMPTY_PRETTY = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="a">
    <body>
      <trans-unit id="1">
        <source>
          Save the file
        </source>
        <target>
        </target>
      </trans-unit>{preserved}
    </body>
  </file>
</xliff>
"""
_PRESERVED_UNIT = """
      <trans-unit id="2" xml:space="preserve">
        <source>Close</source>
        <target>
        </target>
      </trans-unit>"""


def test_a_pretty_printed_empty_target_is_empty(tmp_path: Path) -> None:
    """A template-written XLIFF puts an untranslated target's (empty) content on a line of its
    own, as it does a translated one's: the line break and indentation are layout (5e3eda7),
    but a target of nothing but layout kept them as its text, and check reported two
    line-break errors beside the blank target. Under xml:space="preserve" they stay text."""
    from lxml import etree

    from termkit.formats import xliff

    path = tmp_path / "pretty.xlf"
    path.write_text(_EMPTY_PRETTY.format(preserved=_PRESERVED_UNIT), encoding="utf-8")
    ns = "{urn:oasis:names:tc:xliff:document:1.2}"
    raw = [t.text for t in etree.parse(str(path)).iter(f"{ns}target")]
    assert all(t is not None and "\n" in t and not t.strip() for t in raw)
    with open(path, "rb") as fh:
        units = list(xliff.iter_units(fh, str(path)))
    assert [u.variants[1].text for u in units] == ["", raw[1]]
    path.write_text(_EMPTY_PRETTY.format(preserved=""), encoding="utf-8")
    code, out, _ = invoke("check", path)
    assert code == 0 and "empty-target" in out and "newlines" not in out, out


# --------------------------------------------------------------- PO: the locale of a path

_NO_LANGUAGE = ('msgid ""\nmsgstr ""\n"Language: {header}\\n"\n"Content-Type: text/plain; '
                'charset=UTF-8\\n"\n\nmsgid "File"\nmsgstr "檔案"\n')


@pytest.mark.parametrize(("where", "header", "lang"), [
    # Django's makemessages writes an empty Language header under locale/<ll>/LC_MESSAGES/
    ("locale/zh_Hant/LC_MESSAGES/django.po", "", "zh-Hant"),
    # a domain named with three letters: the folder, not the domain, is the locale
    ("locale/zh_TW/LC_MESSAGES/app.po", "", "zh-Hant-TW"),
    ("share/locale/zh_CN/LC_MESSAGES/job.po", "zh_CN", "zh-Hans-CN"),
])
def test_a_catalog_in_gettexts_install_layout_takes_its_folders_locale(
        tmp_path: Path, where: str, header: str, lang: str) -> None:
    """gettext installs a catalog as LOCALE/LC_MESSAGES/DOMAIN.mo (and Django, Sphinx and
    Babel keep the .po there): the domain is the file's name, the locale its folder's. A
    catalog without a Language header read as und (django.po) or took its domain for a
    language ('app'), which 6207e58 says a three-letter domain is not."""
    from termkit.formats import po

    path = tmp_path / where
    path.parent.mkdir(parents=True)
    path.write_text(_NO_LANGUAGE.format(header=header), encoding="utf-8")
    with open(path, "rb") as fh:
        (unit,) = po.iter_units(fh, str(path))
    assert unit.variants[1].lang == lang


def test_a_folder_whose_locale_the_header_contradicts_is_said(tmp_path: Path) -> None:
    path = tmp_path / "locale" / "zh_TW" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(_NO_LANGUAGE.format(header="zh_CN"), encoding="utf-8")
    code, _, err = invoke("check", path, "--checks", "wrong-script")
    assert code in (0, 1) and "the Language header says zh_CN" in err and "zh_TW" in err, err


# A bare three-letter catalog name is a language (fil.po, ast.po, yue.po, ckb.po in GNOME's
# and KDE's po/ folders) as often as a domain (app.po, job.po): it is a language when the C
# library has locales for it (Python's locale table), as the system the catalog installs on.
def test_a_domain_named_catalog_without_header_or_folder_has_no_language(tmp_path: Path) -> None:
    from termkit.formats import po

    path = tmp_path / "app.po"
    path.write_text(_NO_LANGUAGE.format(header=""), encoding="utf-8")
    with open(path, "rb") as fh:
        (unit,) = po.iter_units(fh, str(path))
    assert unit.variants[1].lang == "und"


@pytest.mark.parametrize("code", ["yue", "fil", "ast", "ckb"])
def test_a_catalog_named_for_a_three_letter_language_takes_it(tmp_path: Path, code: str) -> None:
    import locale

    from termkit import lang as langtags
    from termkit.formats import po

    # the oracle: the C library's locale table (as Python keeps it) has a locale for the code
    assert any(v.split("_")[0] == code for v in locale.locale_alias.values())
    path = tmp_path / f"{code}.po"
    path.write_text(_NO_LANGUAGE.format(header=""), encoding="utf-8")
    with open(path, "rb") as fh:
        (unit,) = po.iter_units(fh, str(path))
    assert unit.variants[1].lang == langtags.normalize(code)


_TWO_SEGMENTS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
  <file id="f1">
    <unit id="u1">
      <segment state="translated">
        <source>
          Save the file.
        </source>
        <target>
          保存文件。
        </target>
      </segment>
      <ignorable>
        <source> </source>
      </ignorable>
      <segment state="translated">
        <source>
          Then close it.
        </source>
        <target>
          然后关闭它。
        </target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_pretty_printed_segments_of_a_20_unit_lose_their_layout_each(tmp_path: Path) -> None:
    """XLIFF 2.0 joins a unit's segments (and the ignorable whitespace between them); a
    pretty-printed file puts each segment's content on a line of its own. 5e3eda7 took the
    layout off the joined text's two ends only, so the layout inside ('Save the file.⏎
    ⏎ Then close it.') became line breaks of the memory unit and of check's texts."""
    from lxml import etree

    from termkit.formats import xliff

    path = tmp_path / "two.zh_CN.xlf"
    path.write_text(_TWO_SEGMENTS, encoding="utf-8")
    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    segs = [s.findtext(f"{ns}source") for s in etree.parse(str(path)).iter(f"{ns}segment")]
    assert all(s is not None and s.startswith("\n") for s in segs)
    with open(path, "rb") as fh:
        (unit,) = xliff.iter_units(fh, str(path))
    assert [v.text for v in unit.variants] == [
        " ".join(s.strip() for s in segs), "保存文件。 然后关闭它。"]
