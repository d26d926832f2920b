"""review28: LaTeX sources as articles and theses write them around their record fields.

The oracle is the source's own structure: what a field's braces hold apart from the notes,
marks and addresses LaTeX prints elsewhere (a ``\\thanks`` footnote, an affiliation's
superscript number, the address lines after ``\\\\`` in ``\\author``), and which ``title =``
keys are a setup macro's fields rather than another command's ``[…]`` options.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records

HEAD = "\\documentclass[UTF8]{ctexart}\n"
KEYWORDS = "\\keywords{机器学习，深度学习}\n\\KEYWORDS{machine learning, deep learning}\n"


def _one(source: str):
    records = parse_records(source.encode("utf-8"), "paper.tex")
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize("note", [
    "\\thanks{国家自然科学基金资助项目(61772000)}",
    "\\footnote{本文受某基金资助}",
    "\\footnote[1]{本文受某基金资助}",
    "\\footnotemark[1]",
])
def test_a_title_note_is_not_part_of_the_title(note: str) -> None:
    title = "基于深度学习的中文分词研究"
    rec = _one(HEAD + f"\\title{{{title}{note}}}\n\\TITLE{{Chinese Word Segmentation}}\n"
               + KEYWORDS)
    assert rec.title_zh == title


@pytest.mark.parametrize("mark", [
    "\\thanks{通讯作者：zhang@example.cn}",
    "\\footnote{通讯作者}",
    "$^{1}$",
    "$^{1,2}$",
    "$^{*}$",
    "\\textsuperscript{1}",
    "\\inst{1}",
])
def test_author_marks_are_not_part_of_the_names(mark: str) -> None:
    rec = _one(HEAD + f"\\author{{张三{mark} \\and 李四{mark}}}\n"
               "\\AUTHOR{Zhang San \\and Li Si}\n" + KEYWORDS)
    assert [(p.zh, p.en) for p in rec.authors] == [("张三", "Zhang San"), ("李四", "Li Si")]


@pytest.mark.parametrize("address", [
    "\\\\广州大学附属中学\\quad 高二",
    "\\\\[2mm] 中国科学院计算技术研究所\\\\ 北京 100190",
    "\\\\*\\texttt{zhang@example.cn}",
])
def test_the_lines_after_an_authors_name_are_its_address(address: str) -> None:
    rec = _one(HEAD + f"\\title{{题目}}\n\\author{{王瑞德\\quad 王家件\\quad 胡益玮{address}}}\n"
               + KEYWORDS)
    assert [p.zh for p in rec.authors] == ["王瑞德", "王家件", "胡益玮"]


def test_an_address_under_each_of_several_authors() -> None:
    rec = _one(HEAD + "\\author{Zhang San$^{1}$ \\\\ School of Computing \\and Li Si$^{2}$ \\\\ "
               "Institute of Software}\n\\title{A Title}\n" + KEYWORDS)
    assert [p.en for p in rec.authors] == ["Zhang San", "Li Si"]


@pytest.mark.parametrize("cite", ["\\cite{vaswani2017}", "\\upcite{a,b}", "\\cite[p.~3]{x}",
                                  "\\ref{sec:intro}", "\\index{注意力}"])
def test_references_in_a_keyword_print_no_text_of_it(cite: str) -> None:
    rec = _one(HEAD + f"\\keywords{{注意力机制{cite}，深度学习}}\n"
               f"\\KEYWORDS{{attention mechanism{cite}, deep learning}}\n")
    assert rec.keywords_zh == ["注意力机制", "深度学习"]
    assert rec.keywords_en == ["attention mechanism", "deep learning"]


@pytest.mark.parametrize("options", [
    "\\begin{tcolorbox}[title=注意事项]\n内容\n\\end{tcolorbox}\n",
    "\\begin{axis}[title={Loss curve}, xlabel=Epoch]\n\\end{axis}\n",
    "\\lstinputlisting[language=Python, title=main.py]{code/main.py}\n",
    "\\begin{mdframed}[frametitle={x}, title = 提示]\n内容\n\\end{mdframed}\n",
])
def test_a_commands_options_are_not_record_fields(options: str) -> None:
    # before the fields, after them, and with no title field at all
    for source in (HEAD + options + "\\title{中文题目}\n" + KEYWORDS,
                   HEAD + "\\title{中文题目}\n" + KEYWORDS + options,
                   HEAD + options + KEYWORDS):
        rec = _one(source)
        assert rec.title_en is None
        assert rec.title_zh in ("中文题目", None)
        assert not any(s.startswith("title") for s in rec.sections), rec.sections


def test_setup_keys_inside_braces_are_still_fields() -> None:
    # sjtuthesis/njuthesis nest the keys one group deeper; a bracket left open in prose
    # before them (an interval) does not hide them
    rec = _one(HEAD + "区间[0,1)上\n\\sjtusetup{info = {title = {中文题目}, title* = {English Title},"
               " keywords = {机器学习, 深度学习}, keywords* = {machine learning, deep learning}}}\n")
    assert (rec.title_zh, rec.title_en) == ("中文题目", "English Title")
    assert rec.keywords_zh == ["机器学习", "深度学习"]
    assert rec.keywords_en == ["machine learning", "deep learning"]


@pytest.mark.parametrize(("zh", "en"), [
    ("C\\#语言", "C\\# language"),
    ("F\\#编程", "F\\# programming"),
])
def test_an_escaped_hash_is_text_not_a_macro_parameter(zh: str, en: str) -> None:
    # ``#1`` marks a macro being defined; ``\#`` prints '#'
    rec = _one(HEAD + f"\\keywords{{{zh}，深度学习}}\n\\KEYWORDS{{{en}, deep learning}}\n")
    assert rec.keywords_zh == [zh.replace("\\#", "#"), "深度学习"]
    assert rec.keywords_en == [en.replace("\\#", "#"), "deep learning"]


def test_a_macro_being_defined_is_still_not_a_value() -> None:
    rec = _one(HEAD + "\\renewcommand\\keywords[1]{\\textbf{关键词：}#1}\n" + KEYWORDS)
    assert rec.keywords_zh == ["机器学习", "深度学习"]


@pytest.mark.parametrize(("start", "end"), [
    ("\\iffalse", "\\fi"),
    ("\\begin{comment}", "\\end{comment}"),
])
def test_a_disabled_block_is_not_read(start: str, end: str) -> None:
    # a template's sample kept in a block LaTeX skips, as behind '%'
    sample = (f"{start}\n\\title{{模板示例}}\n\\keywords{{模板，示例}}\n\\ifx\\a\\b x\\fi\n"
              f"\\KEYWORDS{{template, sample}}\n{end}\n")
    rec = _one(HEAD + sample + "\\title{中文题目}\n" + KEYWORDS)
    assert rec.title_zh == "中文题目"
    assert rec.keywords_zh == ["机器学习", "深度学习"]
    assert rec.keywords_en == ["machine learning", "deep learning"]
    assert rec.lines["keywords"] == HEAD.count("\n") + sample.count("\n") + 2


def test_a_long_line_of_escaped_percents_is_read_in_linear_time() -> None:
    import time

    # a table or data dump with many '\%' on one line: each '%' looked back over the whole
    # line for its escaping backslashes (quadratic: minutes for a few hundred thousand)
    line = "50\\% " * 300_000
    start = time.perf_counter()
    rec = _one(HEAD + line + "\n" + KEYWORDS)
    assert time.perf_counter() - start < 10
    assert rec.keywords_zh == ["机器学习", "深度学习"]


@pytest.mark.parametrize(("zh_field", "en_field"), [
    # ucasthesis: \keywords / \KEYWORDS, no mark of language in the names
    ("\\keywords{物联网，边缘计算，深度学习}",
     "\\KEYWORDS{Internet of Things (物联网), edge computing, deep learning}"),
    # thuthesis and the others: a star marks the English field
    ("\\thusetup{keywords = {物联网, 边缘计算, 深度学习}}",
     "\\thusetup{keywords* = {Internet of Things (物联网), edge computing, deep learning}}"),
    # hithesis, pkuthss: c… and e…
    ("\\ckeywords{物联网，边缘计算，深度学习}",
     "\\ekeywords{Internet of Things (物联网), edge computing, deep learning}"),
    ("\\englishkeywords{Internet of Things (物联网), edge computing, deep learning}",
     "\\keywords{物联网；边缘计算；深度学习}"),
])
def test_an_english_list_with_a_chinese_gloss_stays_english(zh_field: str, en_field: str) -> None:
    # an English keyword that glosses itself in Chinese made the whole field Chinese: both
    # lists came out as one Chinese list of six and nothing could pair
    rec = _one(HEAD + zh_field + "\n" + en_field + "\n")
    assert rec.keywords_zh == ["物联网", "边缘计算", "深度学习"]
    assert rec.keywords_en == ["Internet of Things (物联网)", "edge computing", "deep learning"]


def test_a_chinese_list_with_latin_items_stays_chinese() -> None:
    rec = _one(HEAD + "\\keywords{Transformer，BERT，注意力机制}\n"
               "\\KEYWORDS{Transformer, BERT, attention mechanism}\n")
    assert rec.keywords_zh == ["Transformer", "BERT", "注意力机制"]
    assert rec.keywords_en == ["Transformer", "BERT", "attention mechanism"]
