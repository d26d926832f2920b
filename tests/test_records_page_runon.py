"""Pages copied without their blank lines: one page per kind of misreading, and the rules.

The pages are made up from the layouts such copies have (titles, an author line, keyword
lines or one keyword per line, a volume, issue or page-count line), not copied from the dev
records. Each page was misread before the rule its test names.
"""

from __future__ import annotations

import pytest

from termkit.model import Record
from termkit.records import parse_records
from termkit.records.authors import parse_authors
from termkit.records.keywords import field_of_its_own, is_keyword_line
from termkit.records.runon import line_groups, misread, name_line
from termkit.records.titlelike import title_like


def read(*lines: str) -> Record:
    (rec,) = parse_records(("\n".join(lines) + "\n").encode("utf-8"), "page.txt")
    return rec


def test_titles_with_commas_and_a_page_count_are_not_keywords() -> None:
    # Both titles split at ``、`` or ``,`` into "items", and a page count under the lists:
    # the lines read by kind have the titles as titles, the lists as keywords, and the
    # pieces of the titles and the count are no keywords.
    rec = read(
        "Family, School and Community: Pathways of Rural Youth into Higher Education",
        "家庭、學校與社區:農村青年升學路徑之探討",
        "升學、農村青年、社會資本、教育期望",
        "higher education, rural youth, social capital, educational aspiration",
        "128",
    )
    assert rec.keywords_zh == ["升學", "農村青年", "社會資本", "教育期望"]
    assert rec.keywords_en == [
        "higher education", "rural youth", "social capital", "educational aspiration"]
    assert rec.title_zh == "家庭、學校與社區:農村青年升學路徑之探討"
    assert rec.title_en is not None and rec.title_en.startswith("Family, School")


def test_one_keyword_per_line_titles_and_author_are_not_keywords() -> None:
    # Titles built like titles, then a name right under them, then the Chinese keywords one
    # per line (the Chinese run longer than the English one by the name line).
    rec = read(
        "The Influence of Parental Involvement on Reading Motivation among Pupils",
        "家長參與對國小學童閱讀動機之影響",
        "謝佳蓉",
        "家長參與",
        "閱讀動機",
        "國小學童",
        "parental involvement",
        "reading motivation",
        "elementary pupils",
    )
    assert rec.keywords_zh == ["家長參與", "閱讀動機", "國小學童"]
    assert rec.keywords_en == ["parental involvement", "reading motivation", "elementary pupils"]
    assert [p.zh for p in rec.authors] == ["謝佳蓉"]
    assert rec.title_zh == "家長參與對國小學童閱讀動機之影響"


def test_author_right_under_a_title_with_fewer_chinese_keywords() -> None:
    # One Chinese keyword, three English ones: no count gives the name away, its place
    # under the title and its shape (a name, no word of the dictionary) do.
    rec = read(
        "偏鄉學校教師流動與留任因素之研究",
        "溫雅婷",
        "教師流動",
        "teacher mobility",
        "teacher retention",
        "rural schools",
    )
    assert rec.keywords_zh == ["教師流動"]
    assert rec.keywords_en == ["teacher mobility", "teacher retention", "rural schools"]
    assert [p.zh for p in rec.authors] == ["溫雅婷"]


def test_short_titles_over_a_longer_chinese_run_stand_apart() -> None:
    # Titles too short to look like titles: the Chinese run is longer than the English one,
    # and its surplus head ends with a line of names, so the lines down to it are no keywords.
    rec = read(
        "Coastal Wetland Policy",
        "海岸濕地政策",
        "林志明",
        "濕地保育",
        "海岸管理",
        "生態補償",
        "wetland conservation",
        "coastal management",
        "ecological compensation",
    )
    assert rec.keywords_zh == ["濕地保育", "海岸管理", "生態補償"]
    assert rec.keywords_en == ["wetland conservation", "coastal management",
                               "ecological compensation"]
    assert (rec.title_zh, rec.title_en) == ("海岸濕地政策", "Coastal Wetland Policy")
    assert [p.zh for p in rec.authors] == ["林志明"]


def test_a_short_title_over_a_title_opens_the_page() -> None:
    # The page opens with a short English title (not built like one) over a Chinese title
    # that is: the two titles, not a keyword over a title. (Fewer Chinese keywords than
    # English ones, so no count gives it away.)
    rec = read(
        "Drug Interaction Screening Tools",
        "藥物交互作用篩檢工具於社區藥局之應用研究",
        "藥物交互作用",
        "社區藥局",
        "drug interaction",
        "community pharmacy",
        "medication safety",
    )
    assert (rec.title_zh, rec.title_en) == (
        "藥物交互作用篩檢工具於社區藥局之應用研究", "Drug Interaction Screening Tools")
    assert rec.keywords_zh == ["藥物交互作用", "社區藥局"]
    assert rec.keywords_en == ["drug interaction", "community pharmacy", "medication safety"]


def test_keyword_lists_with_one_item_lines_and_a_bracketed_field() -> None:
    # Keyword lists in both scripts, so the one-item lines above them (short titles, a name)
    # are no one-keyword-per-line list; a bracketed issue line and a page count end the lists.
    rec = read(
        "Judicial Review Limits",
        "司法审查界限",
        "林涛",
        "司法审查;行政诉讼;合法性审查",
        "judicial review; administrative litigation; legality review",
        "【出版年份】 2019年【卷期】 4",
        "86",
    )
    assert rec.keywords_zh == ["司法审查", "行政诉讼", "合法性审查"]
    assert rec.keywords_en == ["judicial review", "administrative litigation", "legality review"]
    assert (rec.title_zh, rec.title_en) == ("司法审查界限", "Judicial Review Limits")


def test_romanized_name_over_the_chinese_one_is_the_author() -> None:
    # The romanized name printed first, the Chinese one under it: one author block, paired
    # by sound, as the other way round.
    rec = read(
        "Temporal Coordination of Ensemble Players without Visual Cues in Rehearsal",
        "合奏中無視覺線索的時間協調之研究",
        "Mei-Ling Chou",
        "周美玲",
        "合奏",
        "時間協調",
        "ensemble playing",
        "temporal coordination",
    )
    assert [(p.zh, p.en) for p in rec.authors] == [("周美玲", "Mei-Ling Chou")]
    assert rec.keywords_zh == ["合奏", "時間協調"]
    assert rec.keywords_en == ["ensemble playing", "temporal coordination"]


def test_author_line_with_plus_separators_is_not_a_keyword() -> None:
    rec = read(
        "张伟++刘芳",
        "城市更新;社区治理;公众参与",
        "urban renewal;community governance;public participation",
    )
    assert rec.keywords_zh == ["城市更新", "社区治理", "公众参与"]
    assert [p.zh for p in rec.authors] == ["张伟", "刘芳"]


def test_fields_end_a_keyword_block_on_a_page_with_blank_lines() -> None:
    # The field lines under the keyword lines, in the same block: the list ends there.
    rec = read(
        "Urban Heat Islands and Street Trees", "", "城市熱島與行道樹", "", "王小明", "",
        "城市熱島;行道樹", "urban heat island; street trees", "【出版日期】 2019-04", "112",
    )
    assert rec.keywords_zh == ["城市熱島", "行道樹"]
    assert rec.keywords_en == ["urban heat island", "street trees"]


def test_one_keyword_per_line_block_in_both_scripts_is_not_an_author_block() -> None:
    # As many Chinese lines as Title Case English ones, the first characters not all common
    # surnames: shaped like names over their romanizations, but none sounds like the other.
    rec = read(
        "A Study of Service Quality in Online Banking", "", "網路銀行服務品質之研究", "",
        "服務品質", "顧客滿意", "忠誠度", "口碑",
        "Service Quality", "Customer Satisfaction", "Loyalty", "Word Of Mouth",
    )
    assert rec.authors == []
    assert rec.keywords_zh == ["服務品質", "顧客滿意", "忠誠度", "口碑"]
    assert rec.keywords_en == ["Service Quality", "Customer Satisfaction", "Loyalty",
                               "Word Of Mouth"]


def test_uncommon_surnames_over_their_romanizations_are_still_authors() -> None:
    people = parse_authors("仝小林\n訾明杰\nTong Xiaolin\nZi Mingjie")
    assert people is not None
    assert [(p.zh, p.en) for p in people] == [("仝小林", "Tong Xiaolin"), ("訾明杰", "Zi Mingjie")]


@pytest.mark.parametrize("text", [
    "The Effect of Pricing Strategy on Brand Evaluations",
    "How Trust Shapes Voting Behaviour",
    "Community Gardens: A Case of Neighbourhood Renewal",
    "Teacher Retention in Rural Schools of the Eastern Coastal Counties",
    "高齡者休閒參與與生活滿意度之研究",
    "論行政裁量的司法控制",
    "数字鸿沟视角下的老年人信息服务",
    "家庭教育——以花蓮縣為例",
])
def test_title_like(text: str) -> None:
    assert title_like(text)


@pytest.mark.parametrize("text", [
    "balance of power", "Theory of Planned Behavior", "Endangering Public Safety in a Dangerous Way",
    "social worker", "比較研究", "以危险方法危害公共安全", "台灣國民營養健康狀況變遷調查",
    "档案利用:档案资源开发", "基於案例推理", "The Belt and Road Initiative",
])
def test_keywords_are_not_title_like(text: str) -> None:
    assert not title_like(text)


@pytest.mark.parametrize(("line", "own"), [
    ("109", True), ("23頁", True), ("pp. 45", True), ("2018年第3期", True),
    ("【期刊年份】 2018年【期号】 3", True), ("[出版日期] 2020-05", True), ("113 - 129", True),
    ("【关键词】 城市更新；社区治理", False), ("3D GIS", False), ("2型糖尿病", False),
    ("客家", False), ("COVID-19", False),
])
def test_field_of_its_own(line: str, own: bool) -> None:
    assert field_of_its_own(line) is own
    assert is_keyword_line(line) is not own


@pytest.mark.parametrize(("line", "name"), [
    ("謝佳蓉", True), ("溫雅婷", True), ("王建國", True), ("歐陽明珠", True), ("张伟++刘芳", True),
    ("高血壓", False), ("文化認同", False), ("顧客滿意", False), ("Kuo-Cheng Chang", False),
    ("城市更新、社区治理", False),
])
def test_name_line(line: str, name: bool) -> None:
    assert name_line(line) is name


def test_misread_sees_pieces_of_a_title_and_author_lines() -> None:
    by_line = Record(source="p", id="p", title_zh="國家、地方與社會", keywords_zh=["社會"],
                     keywords_en=["society"])
    first = Record(source="p", id="p", keywords_zh=["國家", "社會"], keywords_en=["society"])
    assert misread(first, by_line)
    # A keyword that is also in the title, and read as one by both readings, is no sign.
    same = Record(source="p", id="p", keywords_zh=["社會"], keywords_en=["society"])
    assert not misread(same, by_line)
    by_line.authors = parse_authors("陳明++李華") or []
    with_names = Record(source="p", id="p", keywords_zh=["陳明++李華", "社會"],
                        keywords_en=["society"])
    assert misread(with_names, by_line)


def test_head_lines_stand_alone() -> None:
    lines = list(enumerate([
        "The Influence of Parental Involvement on Reading Motivation among Pupils",
        "家長參與對國小學童閱讀動機之影響", "謝佳蓉", "家長參與", "閱讀動機",
        "parental involvement", "reading motivation",
    ], 1))
    assert [g.lines for g in line_groups(lines)] == [
        ["The Influence of Parental Involvement on Reading Motivation among Pupils"],
        ["家長參與對國小學童閱讀動機之影響"],
        ["謝佳蓉"],
        ["家長參與", "閱讀動機", "parental involvement", "reading motivation"],
    ]
